// Reads of the evaluation records, always through the scope predicate. `evaluationLevelCounts` is
// the figure other modules use (the plan's metric catalogue, the annual report): see README.md.

import type { TResults, TResultsQuery } from '../../../contracts/evaluations';
import {
  type NotRatedReason,
  notRatedReasonLabels,
  notRatedReasons,
  type QualityLevel,
  qualityLevels,
  type SubjectKind,
} from '../../../domain/rules/evaluation/levels';
import { ruleSetNameFor } from '../../../domain/rules/evaluation/rule-sets';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { seesOwnRecordOnly } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { notFound } from '../../platform/errors';

/** The records an actor may see: its subtree; a member only their own record. */
export const recordScopeSql = (actor: Actor) =>
  seesOwnRecordOnly(actor)
    ? sql`${inScope(actor, sql`o.path`)} and r.member_id = ${actor.memberId ?? -1}`
    : inScope(actor, sql`o.path`);

export type LevelCounts = Record<QualityLevel | 'not_rated', number>;

export type EvaluationLevelCounts = {
  /** Decided (or published) records per level, and not-rated subjects. */
  counts: LevelCounts;
  /** Subjects with a decided level (the base of every percentage). */
  rated: number;
  /** HTTNV or HTXSNV. */
  goodOrBetter: number;
  /** Subjects in scope not decided yet (and not exempt). */
  pending: number;
  /** All subjects in scope. */
  total: number;
  /** The evaluation records behind each figure, for the drill-down. */
  ids: Record<QualityLevel | 'not_rated' | 'pending', number[]>;
};

/**
 * Counts per level of the subjects of `subjectKind` under `unitId` for the year's campaigns
 * (cycle 'year' unless given). With an actor, only what the actor may see; out-of-scope units
 * answer "not found".
 */
export const evaluationLevelCounts = async ({
  db,
  actor,
  unitId,
  year,
  subjectKind,
  cycle = 'year',
  quarter,
}: {
  db: DbOrTx;
  actor?: Actor;
  unitId: number;
  year: number;
  subjectKind: SubjectKind | SubjectKind[];
  cycle?: 'year' | 'quarter' | 'term';
  quarter?: number;
}): Promise<EvaluationLevelCounts> => {
  const unit = await queryOne<{ path: string }>(
    db,
    sql`select path::text as path from org_units o where o.id = ${unitId}
        ${actor ? sql`and ${inScope(actor, sql`o.path`)}` : sql``}`,
  );
  if (!unit) throw notFound('tổ chức đảng');
  const kinds = Array.isArray(subjectKind) ? subjectKind : [subjectKind];
  const rows = await queryRows<{ id: number; status: string; decided_level: QualityLevel | null }>(
    db,
    sql`select r.id, r.status, r.decided_level from evaluation_records r
        join evaluation_campaigns c on c.id = r.campaign_id
        join org_units o on o.id = r.org_unit_id
        where c.year = ${year} and c.cycle = ${cycle}
          ${quarter ? sql`and c.quarter = ${quarter}` : sql``}
          and o.path <@ ${unit.path}::ltree
          and r.subject_kind in (${sql.join(
            kinds.map((k) => sql`${k}`),
            sql`, `,
          )})
          ${actor ? sql`and ${recordScopeSql(actor)}` : sql``}
        order by r.id`,
  );
  const ids: EvaluationLevelCounts['ids'] = {
    HTXSNV: [],
    HTTNV: [],
    HTNV: [],
    KHTNV: [],
    not_rated: [],
    pending: [],
  };
  for (const r of rows) {
    if (r.status === 'not_rated') ids.not_rated.push(r.id);
    else if ((r.status === 'decided' || r.status === 'published') && r.decided_level)
      ids[r.decided_level].push(r.id);
    else ids.pending.push(r.id);
  }
  const counts = Object.fromEntries(
    [...qualityLevels, 'not_rated' as const].map((l) => [l, ids[l].length]),
  ) as LevelCounts;
  const rated = qualityLevels.reduce((s, l) => s + counts[l], 0);
  return {
    counts,
    rated,
    goodOrBetter: counts.HTXSNV + counts.HTTNV,
    pending: ids.pending.length,
    total: rows.length,
    ids,
  };
};

const resultGroups: {
  key: TResults['groups'][number]['key'];
  label: string;
  kinds: SubjectKind[];
}[] = [
  {
    key: 'grassroots_organisation',
    label: 'Tổ chức cơ sở đảng',
    kinds: ['grassroots_organisation'],
  },
  { key: 'cell', label: 'Chi bộ trực thuộc', kinds: ['cell'] },
  { key: 'committee', label: 'Tập thể cấp ủy', kinds: ['committee'] },
  { key: 'member', label: 'Đảng viên', kinds: ['member'] },
  { key: 'mass_organisation', label: 'Đoàn thể', kinds: ['mass_organisation'] },
  { key: 'agency', label: 'Cơ quan, đơn vị', kinds: ['agency'] },
];

/** Counts and not-rated categories (form 6F-BTCTW) for a subtree and period. */
export const getResults = async ({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: TResultsQuery;
}): Promise<TResults> => {
  const unit = await queryOne<{ name: string; path: string }>(
    db,
    sql`select name, path::text as path from org_units o where o.id = ${query.orgUnitId} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!unit) throw notFound('tổ chức đảng');
  const groups: TResults['groups'] = [];
  for (const g of resultGroups) {
    const c = await evaluationLevelCounts({
      db,
      actor,
      unitId: query.orgUnitId,
      year: query.year,
      subjectKind: g.kinds,
      cycle: query.cycle,
      quarter: query.quarter,
    });
    groups.push({
      key: g.key,
      label: g.label,
      subjectKinds: g.kinds,
      total: c.total,
      rated: c.rated,
      pending: c.pending,
      counts: c.counts,
      goodOrBetter: c.goodOrBetter,
    });
  }
  const base = sql`from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
      join org_units o on o.id = r.org_unit_id
      where c.year = ${query.year} and c.cycle = ${query.cycle}
        ${query.quarter ? sql`and c.quarter = ${query.quarter}` : sql``}
        and o.path <@ ${unit.path}::ltree and ${recordScopeSql(actor)}`;
  const nr = await queryRows<{ reason: NotRatedReason; n: number }>(
    db,
    sql`select r.not_rated_reason as reason, count(*)::int as n ${base} and r.status = 'not_rated'
        group by r.not_rated_reason`,
  );
  const cultural = (await queryOne<{
    met: number;
    assessed: number;
    total: number;
    flagged: number;
  }>(
    db,
    sql`select count(*) filter (where r.subject_kind = 'agency' and r.cultural_standard)::int as met,
          count(*) filter (where r.subject_kind = 'agency' and r.cultural_standard is not null)::int as assessed,
          count(*) filter (where r.subject_kind = 'agency')::int as total,
          count(*) filter (where r.removal_flag)::int as flagged ${base}`,
  ))!;
  return {
    orgUnitId: query.orgUnitId,
    orgUnitName: unit.name,
    year: query.year,
    ruleSet: ruleSetNameFor(query.year),
    groups,
    notRated: notRatedReasons.map((reason) => ({
      reason,
      label: notRatedReasonLabels[reason],
      count: nr.find((r) => r.reason === reason)?.n ?? 0,
    })),
    culturalStandard: { met: cultural.met, assessed: cultural.assessed, total: cultural.total },
    removalFlagged: cultural.flagged,
  };
};
