// Task facts for the evaluation engine (domain/rules/evaluation/levels.ts TaskFacts): per unit or per
// member, the key tasks they OWN with a deadline in the period — total, completed on time (by the
// deadline, ahead included), completed late, completed beyond the requirement (exceeded share > 0),
// completed. A completion recorded after the period still counts (late), as the year-end review sees it.
import type { TaskFacts } from '../../../domain/rules/evaluation/levels';
import { taskFacts } from '../../../domain/rules/plans/key-tasks';
import { type DbOrTx, queryRows, sql } from '../../db/client';

type Row = {
  owner: number;
  deadline: string;
  status: 'planned' | 'in_progress' | 'completed' | 'not_completed';
  completed_on: string | null;
  exceeded_percent: number | null;
};

const factsBy = async (
  db: DbOrTx,
  column: 'owner_org_unit_id' | 'owner_member_id',
  ids: number[],
  from: string,
  to: string,
): Promise<Map<number, TaskFacts>> => {
  const out = new Map<number, TaskFacts>();
  if (ids.length === 0) return out;
  const rows = await queryRows<Row>(
    db,
    sql`select ${sql.identifier(column)} as owner, deadline::text as deadline, status,
          completed_on::text as completed_on, exceeded_percent
        from key_tasks
        where ${sql.identifier(column)} in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) and deadline between ${from} and ${to}`,
  );
  const byOwner = new Map<number, Row[]>();
  for (const r of rows) byOwner.set(Number(r.owner), [...(byOwner.get(Number(r.owner)) ?? []), r]);
  for (const id of ids) {
    const own = byOwner.get(id) ?? [];
    out.set(
      id,
      taskFacts(
        own.map((r) => ({
          deadline: r.deadline,
          status: r.status,
          completedOn: r.completed_on,
          exceededPercent: r.exceeded_percent === null ? null : Number(r.exceeded_percent),
        })),
        '9999-12-31',
      ),
    );
  }
  return out;
};

/** Facts of the key tasks owned by each unit (a collective) with a deadline in [from, to]. */
export const taskFactsForUnits = ({
  db,
  unitIds,
  from,
  to,
}: {
  db: DbOrTx;
  unitIds: number[];
  from: string;
  to: string;
}): Promise<Map<number, TaskFacts>> => factsBy(db, 'owner_org_unit_id', unitIds, from, to);

/** Facts of the key tasks owned by each member (a person) with a deadline in [from, to]. */
export const taskFactsForMembers = ({
  db,
  memberIds,
  from,
  to,
}: {
  db: DbOrTx;
  memberIds: number[];
  from: string;
  to: string;
}): Promise<Map<number, TaskFacts>> => factsBy(db, 'owner_member_id', memberIds, from, to);
