import type { TOverview } from '../../../contracts/overview';
import {
  activeStatuses,
  ageBandLabels,
  ageBandRanges,
  ageBands,
  bandOf,
  memberStatusLabels,
  partyAgeBandLabels,
  partyAgeBandRanges,
  partyAgeBands,
  politicalTheoryLabels,
  politicalTheoryLevels,
  professionalLevelLabels,
  professionalLevels,
  sexes,
  sexLabels,
} from '../../../domain/enums/members';
import { compareVietnamese } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { getUnitInScope, unitsAsOf } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { activeStatusList, readOrgMemberCounts } from '../figures';

type CountRow = { dimension: string; key: string; count: number };
type Breakdown = TOverview['byStatus'];

const fixed = (
  rows: CountRow[],
  dimension: string,
  keys: readonly string[],
  labels: Record<string, string>,
): Breakdown => {
  const byKey = new Map(
    rows.filter((r) => r.dimension === dimension).map((r) => [r.key, Number(r.count)]),
  );
  return keys.map((key) => ({ key, label: labels[key], count: byKey.get(key) ?? 0 }));
};

const banded = (
  rows: CountRow[],
  dimension: string,
  year: number,
  bands: readonly string[],
  ranges: Record<string, [number, number]>,
  labels: Record<string, string>,
): Breakdown => {
  const totals = new Map<string, number>(bands.map((b) => [b, 0]));
  for (const r of rows) {
    if (r.dimension !== dimension || r.key === 'unknown') continue;
    const band = bandOf(year - Number(r.key), ranges);
    if (band) totals.set(band, (totals.get(band) ?? 0) + Number(r.count));
  }
  return bands.map((key) => ({ key, label: labels[key], count: totals.get(key) ?? 0 }));
};

/** Open-ended lists (ethnicity, religion): largest first, Vietnamese order on ties. */
const open = (rows: CountRow[], dimension: string): Breakdown =>
  rows
    .filter((r) => r.dimension === dimension && Number(r.count) > 0)
    .map((r) => ({ key: r.key, label: r.key, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || compareVietnamese(a.label, b.label));

const sumKeys = (rows: CountRow[], dimension: string, keys: string[]) =>
  rows
    .filter((r) => r.dimension === dimension && keys.includes(r.key))
    .reduce((s, r) => s + Number(r.count), 0);

/** Turn dimension counts into the overview's breakdowns; the same for rollup and history. */
export const buildBreakdowns = (rows: CountRow[], asOf: string) => {
  const year = Number(asOf.slice(0, 4));
  const byStatus = fixed(rows, 'status', activeStatuses, memberStatusLabels);
  return {
    total: byStatus.reduce((s, r) => s + r.count, 0),
    byStatus,
    bySex: fixed(rows, 'sex', sexes, sexLabels),
    byAgeBand: banded(rows, 'birth_year', year, ageBands, ageBandRanges, ageBandLabels),
    byPartyAgeBand: banded(
      rows,
      'party_age_year',
      year,
      partyAgeBands,
      partyAgeBandRanges,
      partyAgeBandLabels,
    ),
    byEthnicity: open(rows, 'ethnicity'),
    byReligion: open(rows, 'religion'),
    byProfessionalLevel: fixed(
      rows,
      'professional_level',
      professionalLevels,
      professionalLevelLabels,
    ),
    byPoliticalTheory: fixed(
      rows,
      'political_theory',
      politicalTheoryLevels,
      politicalTheoryLabels,
    ),
  };
};

/** The same dimensions, counted from the member periods valid on a past date. */
const countsAsOf = async (
  db: Db,
  actor: Actor,
  orgUnitId: number,
  asOf: string,
): Promise<CountRow[]> =>
  queryRows<CountRow>(
    db,
    sql`with units as ${unitsAsOf(actor, asOf)},
        root as (select path from units where id = ${orgUnitId}),
        ms as (
          select m.*, p.status as p_status from member_periods p
          join members m on m.id = p.member_id
          join units u on u.id = p.org_unit_id
          where p.valid_from <= ${asOf} and (p.valid_to is null or p.valid_to > ${asOf})
            and p.status in (${activeStatusList})
            and u.path <@ (select path from root))
        select d.dimension, d.key, count(*)::int as count
        from ms cross join lateral (values
          ('status', ms.p_status), ('sex', ms.sex), ('birth_year', to_char(ms.birth_date, 'YYYY')),
          ('ethnicity', ms.ethnicity), ('religion', ms.religion),
          ('professional_level', ms.professional_level), ('political_theory', ms.political_theory),
          ('party_age_year', coalesce(to_char(ms.party_age_from, 'YYYY'), 'unknown'))) as d(dimension, key)
        group by 1, 2`,
  );

export const getOverview = async ({
  db,
  actor,
  orgUnitId,
  asOf,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  asOf?: string;
}): Promise<TOverview> => {
  const today = todayIso();
  const date = asOf && asOf < today ? asOf : today;
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const isToday = date === today;
  const rows = isToday
    ? await readOrgMemberCounts(db, unit.id)
    : await countsAsOf(db, actor, unit.id, date);
  const units = isToday
    ? {
        grassroots: sumKeys(rows, 'unit_kind', ['grassroots_committee', 'grassroots_cell']),
        cells: sumKeys(rows, 'unit_kind', ['cell', 'grassroots_cell']),
        name: unit.name,
      }
    : await queryOne<{ grassroots: number; cells: number; name: string | null }>(
        db,
        sql`with units as ${unitsAsOf(actor, date)}
          select
            count(*) filter (where kind in ('grassroots_committee', 'grassroots_cell'))::int as grassroots,
            count(*) filter (where kind in ('cell', 'grassroots_cell'))::int as cells,
            (select name from units where id = ${unit.id}) as name
          from units where path <@ (select path from units where id = ${unit.id})`,
      );
  const { byEthnicity, byReligion, ...breakdowns } = buildBreakdowns(rows, date);
  return {
    orgUnitId: unit.id,
    orgUnitName: units?.name ?? unit.name,
    asOf: date,
    source: isToday ? 'rollup' : 'history',
    grassrootsCount: units?.grassroots ?? 0,
    cellCount: units?.cells ?? 0,
    ...breakdowns,
    // Breakdowns by a sensitive field follow the field's need-to-know rule: a role that may not
    // read or filter by ethnicity and religion gets no count by them either (a count of 1 in a
    // cell of 14 names a person). Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4: religious views and
    // ethnic origin are sensitive personal data; docs/domain/roles.md.
    ...(can(actor, 'member.readSensitive') ? { byEthnicity, byReligion } : {}),
  };
};
