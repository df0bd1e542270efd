// The progress board of a round (docs/domain/congresses.md, "Progress board"): for a subtree and a
// day, per level and per child unit, how many units must hold their congress, how many held it, on
// schedule or late, and how many have their results approved. The rows are read once, in scope; the
// counting is the pure `countCongresses` (board.policy.ts), the drill-down the list's `state` filter.
import type { TBoard } from '../../../contracts/congresses';
import {
  type CongressLevel,
  type CongressStatus,
  congressLevelLabels,
} from '../../../domain/enums/congresses';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { invalidField } from '../../platform/errors';
import { countCongresses } from './board.policy';
import { deadlineSql } from './congresses.queries';
import { loadRound } from './rounds.service';

const boardLevels: readonly CongressLevel[] = ['upper', 'grassroots', 'cell'];

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

export const getBoard = async ({
  db,
  actor,
  roundId,
  orgUnitId,
  asOf: asOfInput,
}: {
  db: Db;
  actor: Actor;
  roundId: number;
  orgUnitId?: number;
  asOf?: string;
}): Promise<TBoard> => {
  const asOf = asOfInput ?? todayIso();
  const round = await loadRound(db, actor, roundId);
  let unitId = orgUnitId;
  if (!unitId) {
    // Default: the actor's own subtree when it lies in the round's, else the round's committee.
    const own = await getUnitInScope(db, actor, actor.scopeOrgUnitId);
    unitId = within(own.path, round.org_unit_path) ? own.id : round.org_unit_id;
  }
  const unit = await getUnitInScope(db, actor, unitId);
  if (!within(unit.path, round.org_unit_path))
    throw invalidField('orgUnitId', `${unit.name} không thuộc ${round.org_unit_name}.`);
  const depth = unit.path.split('.').length;
  const rows = await queryRows<{
    level: CongressLevel;
    status: CongressStatus;
    held_on: string | null;
    results_approved_on: string | null;
    deadline: string | null;
    own: boolean;
    child_id: number;
    child_name: string;
    child_path: string;
  }>(
    db,
    sql`select c.level, c.status, c.held_on::text, c.results_approved_on::text,
          ${deadlineSql}::text as deadline, c.org_unit_id = ${unit.id} as own,
          ch.id as child_id, ch.name as child_name, ch.path::text as child_path
        from congresses c join congress_rounds r on r.id = c.round_id
        join org_units o on o.id = c.org_unit_id
        join org_units ch on ch.path = (case when nlevel(o.path) > ${depth}
          then subpath(o.path, 0, ${depth + 1}) else o.path end)
        where c.round_id = ${roundId} and o.path <@ ${unit.path}::ltree
          and ${inScope(actor, sql`o.path`)}
        order by ch.path`,
  );
  const asBoard = (r: (typeof rows)[number]) => ({
    status: r.status,
    heldOn: r.held_on,
    resultsApprovedOn: r.results_approved_on,
    deadline: r.deadline,
  });
  const deadlines: Record<CongressLevel, string | null> = {
    cell: round.cell_deadline,
    grassroots: round.grassroots_deadline,
    upper: round.upper_deadline,
  };
  const groups = new Map<number, { name: string; own: boolean; rows: typeof rows }>();
  for (const r of rows) {
    const g = groups.get(r.child_id) ?? { name: r.child_name, own: r.own, rows: [] };
    g.rows.push(r);
    groups.set(r.child_id, g);
  }
  return {
    round: { id: round.id, name: round.name, fromYear: round.from_year, toYear: round.to_year },
    unit: { id: unit.id, name: unit.name },
    asOf,
    levels: boardLevels
      .map((level) => ({
        level,
        label: congressLevelLabels[level],
        deadline: deadlines[level],
        ...countCongresses(rows.filter((r) => r.level === level).map(asBoard), asOf),
      }))
      .filter((l) => l.total > 0),
    totals: countCongresses(rows.map(asBoard), asOf),
    children: [...groups.entries()]
      .sort(([, a], [, b]) => Number(b.own) - Number(a.own))
      .map(([id, g]) => ({
        orgUnitId: id,
        name: g.name,
        own: g.own,
        ...countCongresses(g.rows.map(asBoard), asOf),
      })),
  };
};
