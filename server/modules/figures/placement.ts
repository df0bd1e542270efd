// Where a fact belongs in the tree, for any subtree and date (docs/domain/organisation-tree.md, the tree is effective-dated).
//
// The rule every metric of the catalogue follows: a fact is attributed to the unit where it was
// recorded (the admitting cell, the member's cell on the day, the inspected organisation), and that
// unit is placed in the tree as it was ON THE FACT'S DATE (`org_unit_history`). A fact counts for a
// subtree root R when R was the unit or one of its ancestors on that date. So after a merge the
// admissions of the dissolved cell still count for its grassroots organisation and the bloc, and after
// a move a unit's earlier facts stay with its former parent, its later ones go to the new parent — as
// the reports of each period stated them. Snapshot figures ("members at 31/12") place the members'
// cells in the tree as of that date.
import type { SQL } from 'drizzle-orm';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { MetricRecord, MetricScope, MetricValue } from './metric';

/** An lquery matching every path that holds the unit's id as a label. */
export const underRoot = (rootId: number) => sql`${`*.${rootId}.*`}::lquery`;

/** The path of unit `unit` on `date` (its history row then; its current path when none). */
export const pathOn = (unit: SQL, date: SQL) => sql`coalesce(
  (select h.path from org_unit_history h where h.org_unit_id = ${unit}
     and h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date})
   order by h.valid_from desc limit 1),
  (select o.path from org_units o where o.id = ${unit}))`;

/**
 * The intervals in which each unit lay in the subtree of `rootId`: its history rows under the root,
 * plus, for a unit under the root today, the time before its first history row (facts recorded before
 * the tree's history begins are placed by today's tree).
 */
export const placedUnits = (rootId: number) => sql`(
  select h.org_unit_id as unit_id, h.valid_from, h.valid_to from org_unit_history h
  where h.path ~ ${underRoot(rootId)}
  union all
  select o.id, '0001-01-01'::date, (select min(h.valid_from) from org_unit_history h where h.org_unit_id = o.id)
  from org_units o where o.path ~ ${underRoot(rootId)})`;

/** Join clause keeping rows whose `unit` lay in the subtree of `rootId` on `date`. */
export const placedJoin = (rootId: number, unit: SQL, date: SQL) => sql`
  join ${placedUnits(rootId)} pu on pu.unit_id = ${unit}
    and pu.valid_from <= ${date} and (pu.valid_to is null or pu.valid_to > ${date})`;

/**
 * The path a fact of `unit` on `day` counts under, exactly as `placedUnits` places it: its history row
 * of that day, or today's path before its first history row; null after its history ended. Index
 * lookups: for a few facts (a recount, the inspection figures) instead of joining every unit's
 * intervals.
 */
export const placedPathOn = (unit: SQL, day: SQL) => sql`coalesce(
  (select h.path from org_unit_history h where h.org_unit_id = ${unit}
     and h.valid_from <= ${day} and (h.valid_to is null or h.valid_to > ${day})
   order by h.valid_from desc limit 1),
  (select o.path from org_units o where o.id = ${unit} and not exists (
     select 1 from org_unit_history h where h.org_unit_id = ${unit} and h.valid_from <= ${day})))`;

/** True when a fact of `unit` on `day` counts for the subtree of `rootId` (the rule of `placedJoin`). */
export const placedUnder = (rootId: number, unit: SQL, day: SQL) =>
  sql`coalesce(${placedPathOn(unit, day)} ~ ${underRoot(rootId)}, false)`;

/** True when `unit` lay in the subtree of `rootId` on `date` (the same rule as a condition). */
export const placedIn = (rootId: number, unit: SQL, date: SQL) =>
  sql`(${pathOn(unit, date)} ~ ${underRoot(rootId)})`;

/** The member's cell on a date, whatever their status (for badges, cards, dues). */
export const memberUnitOn = (member: SQL, date: SQL) => sql`(
  select p.org_unit_id from member_periods p where p.member_id = ${member}
    and p.valid_from <= ${date} and (p.valid_to is null or p.valid_to > ${date})
  order by p.valid_from desc limit 1)`;

/** The cell a member left (events without a unit: transfer out, removal, death…): the period before. */
export const memberUnitBefore = (member: SQL, date: SQL) => sql`(
  select p.org_unit_id from member_periods p where p.member_id = ${member} and p.valid_from < ${date}
  order by p.valid_from desc limit 1)`;

/** The last date facts count to: the period's end, or asOf when earlier. */
export const factsUntil = (scope: MetricScope): string =>
  scope.asOf < scope.to ? scope.asOf : scope.to;

/**
 * Run a query returning `(kind, id, label[, date])` rows: the rows themselves when records are wanted, only
 * their count otherwise. The query must return distinct records.
 */
export const countRecords = async (
  db: DbOrTx,
  rows: SQL,
  withRecords = true,
): Promise<MetricValue> => {
  if (!withRecords) {
    const r = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from (${rows}) t`);
    return { status: 'ok', value: Number(r?.n ?? 0), records: [] };
  }
  const records = await queryRows<MetricRecord & { date?: string | null }>(
    db,
    sql`select * from (${rows}) t order by label, id`,
  );
  return {
    status: 'ok',
    value: records.length,
    records: records.map((r) => ({
      kind: r.kind,
      id: Number(r.id),
      label: r.label,
      ...(r.date ? { date: String(r.date) } : {}),
    })),
  };
};

/** A percentage from numerator records and a denominator; null when nothing is counted. */
export const percentOf = (records: MetricRecord[], numerator: number, denominator: number) =>
  ({
    status: 'ok',
    value: denominator === 0 ? null : Math.round((10000 * numerator) / denominator) / 100,
    numerator,
    denominator,
    records,
  }) satisfies MetricValue;
