// Yearly admission targets (chỉ tiêu kết nạp) and progress for any subtree. A unit without its own
// target is measured against the sum of its children's (targets cascade down and roll up).
import type { TTargetReport } from '../../../contracts/recruitment';
import { targetProgress } from '../../../domain/rules/targets/progress';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { invalidField } from '../../platform/errors';
import { getUnitInScope } from '../org-units/org-units.queries';

type Row = {
  id: number;
  name: string;
  target: number | null;
  child_targets: number;
  admitted: number;
};

const progressOf = (r: Row) => {
  const target = r.target ?? (Number(r.child_targets) > 0 ? Number(r.child_targets) : null);
  const admitted = Number(r.admitted);
  const p = targetProgress(admitted, target);
  return {
    orgUnitId: r.id,
    orgUnitName: r.name,
    target: r.target,
    childTargets: Number(r.child_targets),
    admitted,
    percent: p.ratio === null ? null : Math.round(p.ratio * 1000) / 10,
    summary:
      target === null
        ? `kết nạp ${admitted}; chưa giao chỉ tiêu`
        : `kết nạp ${admitted}/${target} (${p.phrase})`,
  };
};

/**
 * Admissions recorded in the year in each unit's subtree (by the cell that admitted them): counted
 * once per cell, then summed up the tree by path, so a bloc's children cost one pass over the year.
 */
const rowsFor = (unitFilter: ReturnType<typeof sql>, year: number) => sql`
  with admitted as materialized (
    select o.path, count(*) as n from member_events e join org_units o on o.id = e.org_unit_id
    where e.kind = 'admitted' and e.event_date between ${`${year}-01-01`} and ${`${year}-12-31`}
    group by o.path)
  select u.id, u.name, t.target,
    (select coalesce(sum(ct.target), 0) from admission_targets ct join org_units c on c.id = ct.org_unit_id
       where c.parent_id = u.id and ct.year = ${year}) as child_targets,
    (select coalesce(sum(a.n), 0) from admitted a where a.path <@ u.path) as admitted
  from org_units u left join admission_targets t on t.org_unit_id = u.id and t.year = ${year}
  where ${unitFilter}
  order by u.name`;

export const getTargetReport = async ({
  db,
  actor,
  orgUnitId,
  year,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year: number;
}): Promise<TTargetReport> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const [self] = await queryRows<Row>(db, rowsFor(sql`u.id = ${unit.id}`, year));
  const children = await queryRows<Row>(
    db,
    rowsFor(
      sql`u.parent_id = ${unit.id} and (u.dissolved_on is null or u.dissolved_on >= ${`${year}-01-01`})`,
      year,
    ),
  );
  return { year, unit: progressOf(self), children: children.map(progressOf) };
};

export const setTarget = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { orgUnitId: number; year: number; target: number };
}) =>
  db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId, true);
    if (unit.dissolved_on) throw invalidField('orgUnitId', `${unit.name} đã giải thể.`);
    const before = await queryOne<{ target: number }>(
      tx,
      sql`select target from admission_targets where org_unit_id = ${input.orgUnitId} and year = ${input.year}`,
    );
    await tx.execute(sql`insert into admission_targets (org_unit_id, year, target, updated_by, updated_at)
      values (${input.orgUnitId}, ${input.year}, ${input.target}, ${actor.userId}, now())
      on conflict (org_unit_id, year) do update
        set target = excluded.target, updated_by = excluded.updated_by, updated_at = now()`);
    await writeAudit(tx, {
      actor,
      action: 'target.set',
      entityType: 'admission_target',
      entityId: `${input.orgUnitId}:${input.year}`,
      orgUnitId: input.orgUnitId,
      before: before ?? null,
      after: input,
    });
    return { ok: true as const };
  });
