// Maintained subtree totals (`org_member_counts`): figures over any subtree are one indexed
// lookup instead of a scan of members (docs/scaling.md §1). Kept exact by applying the
// change of one member's contribution inside the same transaction as the change itself.

import type { SQL } from 'drizzle-orm';
import { activeStatuses, type MemberStatus } from '../../../domain/enums/members';
import { type DbOrTx, queryRows, sql } from '../../db/client';

export type RollupSource = {
  orgUnitId: number;
  status: string;
  sex: string;
  birthDate: string;
  ethnicity: string;
  religion: string;
  professionalLevel: string;
  politicalTheory: string;
  partyAgeFrom: string | null;
};

export const rollupDimensions = [
  'status',
  'sex',
  'birth_year',
  'ethnicity',
  'religion',
  'professional_level',
  'political_theory',
  'party_age_year',
] as const;
export type RollupDimension = (typeof rollupDimensions)[number];

type Contribution = { orgUnitId: number; keys: [RollupDimension, string][] };

/** What one member adds to the totals of its cell and every ancestor; nothing once out of the party. */
export const memberContribution = (m: RollupSource | null): Contribution | null => {
  if (!m || !activeStatuses.includes(m.status as MemberStatus)) return null;
  return {
    orgUnitId: m.orgUnitId,
    keys: [
      ['status', m.status],
      ['sex', m.sex],
      ['birth_year', m.birthDate.slice(0, 4)],
      ['ethnicity', m.ethnicity],
      ['religion', m.religion],
      ['professional_level', m.professionalLevel],
      ['political_theory', m.politicalTheory],
      ['party_age_year', m.partyAgeFrom ? m.partyAgeFrom.slice(0, 4) : 'unknown'],
    ],
  };
};

const sameContribution = (a: Contribution | null, b: Contribution | null) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Add `sign` × the contribution to the unit and all its ancestors. */
const applyContribution = async (tx: DbOrTx, c: Contribution, sign: 1 | -1) => {
  const rows = c.keys.map(([d, k]) => sql`(${d}, ${k})`);
  await tx.execute(sql`
    insert into org_member_counts (org_unit_id, dimension, key, count)
    select a.id, v.dimension, v.key, ${sign}
    from org_units o
    join org_units a on a.path @> o.path
    cross join (values ${sql.join(rows, sql`, `)}) as v(dimension, key)
    where o.id = ${c.orgUnitId}
    on conflict (org_unit_id, dimension, key)
    do update set count = org_member_counts.count + excluded.count`);
};

export const applyRollupChange = async (
  tx: DbOrTx,
  before: RollupSource | null,
  after: RollupSource | null,
): Promise<void> => {
  const old = memberContribution(before);
  const next = memberContribution(after);
  if (sameContribution(old, next)) return;
  if (old) await applyContribution(tx, old, -1);
  if (next) await applyContribution(tx, next, 1);
};

/**
 * A subtree moved from one parent to another: its root's totals leave the old ancestors and
 * join the new ones. Call after the paths have been rewritten.
 */
export const moveSubtreeCounts = async (
  tx: DbOrTx,
  subtreeRootId: number,
  oldParentPath: string,
  newParentPath: string,
): Promise<void> => {
  await tx.execute(sql`
    insert into org_member_counts (org_unit_id, dimension, key, count)
    select a.id, c.dimension, c.key, -c.count
    from org_member_counts c, org_units a
    where c.org_unit_id = ${subtreeRootId} and a.path @> ${oldParentPath}::ltree
    on conflict (org_unit_id, dimension, key)
    do update set count = org_member_counts.count + excluded.count`);
  await tx.execute(sql`
    insert into org_member_counts (org_unit_id, dimension, key, count)
    select a.id, c.dimension, c.key, c.count
    from org_member_counts c, org_units a
    where c.org_unit_id = ${subtreeRootId} and a.path @> ${newParentPath}::ltree
    on conflict (org_unit_id, dimension, key)
    do update set count = org_member_counts.count + excluded.count`);
};

/** The (dimension, key) rows one member contributes, for a member row aliased `m`. */
export const memberDimensionValuesOf = (m: SQL) => sql`(values
  ('status', ${m}.status), ('sex', ${m}.sex), ('birth_year', to_char(${m}.birth_date, 'YYYY')),
  ('ethnicity', ${m}.ethnicity), ('religion', ${m}.religion),
  ('professional_level', ${m}.professional_level), ('political_theory', ${m}.political_theory),
  ('party_age_year', coalesce(to_char(${m}.party_age_from, 'YYYY'), 'unknown')))`;

const memberDimensionValues = memberDimensionValuesOf(sql`m`);

/** The statuses counted as in the party, as an SQL list: `status in (${activeStatusList})`. */
export const activeStatusList = sql.join(
  activeStatuses.map((s) => sql`${s}`),
  sql`, `,
);

/** Rebuild every total from the member rows: aggregate per unit first, then up the tree. */
/**
 * Units are counted in the same table (dimension `unit_kind`), so "số TCCSĐ, số chi bộ" of any
 * subtree is a lookup too. Restructuring adds or removes one unit along its ancestors.
 */
export const applyUnitCount = async (tx: DbOrTx, unitId: number, kind: string, sign: 1 | -1) => {
  await tx.execute(sql`
    insert into org_member_counts (org_unit_id, dimension, key, count)
    select a.id, 'unit_kind', ${kind}, ${sign}
    from org_units o join org_units a on a.path @> o.path
    where o.id = ${unitId}
    on conflict (org_unit_id, dimension, key)
    do update set count = org_member_counts.count + excluded.count`);
};

/** Per unit: its own members' dimensions plus one row for the unit itself. */
const ownCounts = sql`
  select m.org_unit_id, d.dimension, d.key, count(*) as n
  from members m cross join lateral ${memberDimensionValues} as d(dimension, key)
  where m.status in (${activeStatusList})
  group by 1, 2, 3
  union all
  select u.id, 'unit_kind', u.kind, 1 from org_units u where u.dissolved_on is null`;

/** Every unit's totals from the member and unit rows: aggregate per unit first, then up the tree. */
const allTotals = sql`
  select a.id as org_unit_id, own.dimension, own.key, sum(own.n)::int as count
  from (${ownCounts}) own
  join org_units o on o.id = own.org_unit_id
  join org_units a on a.path @> o.path
  group by 1, 2, 3`;

/** Rebuild every total from scratch. */
export const rebuildOrgMemberCounts = async (tx: DbOrTx): Promise<void> => {
  await tx.execute(sql`delete from org_member_counts`);
  await tx.execute(sql`
    insert into org_member_counts (org_unit_id, dimension, key, count) ${allTotals}`);
};

/** The scan of every unit at once (for checking the whole tree), by unit id. */
export const scanAllOrgMemberCounts = async (
  db: DbOrTx,
): Promise<Map<number, { dimension: string; key: string; count: number }[]>> => {
  const rows = await queryRows<{
    org_unit_id: number;
    dimension: string;
    key: string;
    count: number;
  }>(db, sql`select * from (${allTotals}) t where count <> 0 order by org_unit_id, dimension, key`);
  const byUnit = new Map<number, { dimension: string; key: string; count: number }[]>();
  for (const { org_unit_id, ...row } of rows)
    byUnit.set(org_unit_id, [...(byUnit.get(org_unit_id) ?? []), row]);
  return byUnit;
};

/** The same totals computed by scanning members and units: the reference the rollup must equal. */
export const scanOrgMemberCounts = async (
  db: DbOrTx,
  orgUnitId: number,
): Promise<{ dimension: string; key: string; count: number }[]> =>
  queryRows(
    db,
    sql`select own.dimension, own.key, sum(own.n)::int as count
        from (${ownCounts}) own
        join org_units o on o.id = own.org_unit_id
        where o.path <@ (select path from org_units where id = ${orgUnitId})
        group by 1, 2 order by 1, 2`,
  );

export const readOrgMemberCounts = async (
  db: DbOrTx,
  orgUnitId: number,
): Promise<{ dimension: string; key: string; count: number }[]> =>
  queryRows(
    db,
    sql`select dimension, key, count from org_member_counts
        where org_unit_id = ${orgUnitId} and count <> 0 order by 1, 2`,
  );
