// Dissemination coverage (docs/domain/resolutions.md): which units had to study a resolution, which held their
// session and issued their action programme, for a subtree and an as-of date. Exported for the
// metric catalogue (server/modules/plans/metrics): see README.md in this folder.
import { formatNumber, formatPercent } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { MetricRecord, MetricValue } from '../figures';

export type CoverageUnitRow = {
  id: number;
  name: string;
  kind: string;
  path: string;
  /** First session held on or before the as-of date. */
  held_on: string | null;
  invited: number;
  attended: number;
  /** Action programme issued on or before the as-of date. */
  ap_on: string | null;
};

export type PlanFacts = {
  resolution_id: number;
  number: string;
  study_deadline: string;
  action_programme_required: boolean;
  action_programme_deadline: string | null;
  /** The date the tree is read at: the study deadline, or the as-of date when earlier. */
  tree_date: string;
};

/** When the tree is read: the units that existed at the deadline had to study it. */
export const treeDateOf = (studyDeadline: string, asOf: string): string =>
  asOf < studyDeadline ? asOf : studyDeadline;

/** `alias` is a history row valid on `date` (valid_to exclusive, as in org_unit_history). */
const validAt = (alias: string, date: string) =>
  sql`${sql.raw(alias)}.valid_from <= ${date} and (${sql.raw(alias)}.valid_to is null or ${sql.raw(alias)}.valid_to > ${date})`;

export const loadPlanFacts = async (
  db: DbOrTx,
  resolutionId: number,
  asOf: string,
): Promise<PlanFacts | undefined> => {
  const row = await queryOne<Omit<PlanFacts, 'tree_date'>>(
    db,
    sql`select p.resolution_id, r.number, p.study_deadline, p.action_programme_required,
          p.action_programme_deadline
        from resolution_plans p join resolutions r on r.id = p.resolution_id
        where p.resolution_id = ${resolutionId}`,
  );
  return row && { ...row, tree_date: treeDateOf(row.study_deadline, asOf) };
};

/**
 * The units that had to hold a session under `unitId`, as the tree was on the tree date (so a unit
 * merged away after its session still counts, and one established after the deadline does not),
 * with what each had done by `asOf`.
 */
export const loadCoverageUnits = async (
  db: DbOrTx,
  plan: PlanFacts,
  unitId: number,
  asOf: string,
): Promise<CoverageUnitRow[]> => {
  const d = plan.tree_date;
  const rows = await queryRows<CoverageUnitRow>(
    db,
    sql`with p as (select * from resolution_plans where resolution_id = ${plan.resolution_id}),
        req as (
          select h.org_unit_id as id, h.name, h.kind, h.path
          from p join org_unit_history h on ${validAt('h', d)} and h.kind = any(p.unit_kinds)
          where h.path <@ (select t.path from org_unit_history t
                           where t.org_unit_id = p.target_unit_id and ${validAt('t', d)})
            and h.path <@ (select q.path from org_unit_history q
                           where q.org_unit_id = ${unitId} and ${validAt('q', d)}))
        select req.id, req.name, req.kind, req.path::text as path,
          s.held_on, coalesce(s.invited, 0)::int as invited, coalesce(s.attended, 0)::int as attended,
          ap.issued_on as ap_on
        from req
        left join lateral (
          select min(x.held_on) as held_on, sum(x.invited) as invited, sum(x.attended) as attended
          from dissemination_sessions x
          where x.resolution_id = ${plan.resolution_id} and x.org_unit_id = req.id
            and x.held_on <= ${asOf}) s on true
        left join action_programmes ap on ap.resolution_id = ${plan.resolution_id}
          and ap.org_unit_id = req.id and ap.issued_on <= ${asOf}
        order by req.path`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
};

/**
 * Required / held / action programmes per resolution for one subtree, in one query (the register's
 * list): the same rules as `loadCoverageUnits`.
 */
export const loadCoverageCounts = async (
  db: DbOrTx,
  resolutionIds: number[],
  unitId: number,
  asOf: string,
): Promise<Map<number, { required: number; held: number; actionProgrammes: number }>> => {
  if (resolutionIds.length === 0) return new Map();
  const rows = await queryRows<{
    resolution_id: number;
    required: number;
    held: number;
    action_programmes: number;
  }>(
    db,
    sql`with p as (
          select rp.resolution_id, rp.unit_kinds, rp.target_unit_id,
            least(rp.study_deadline, ${asOf}::date) as d
          from resolution_plans rp
          where rp.resolution_id in (${sql.join(
            resolutionIds.map((id) => sql`${id}`),
            sql`, `,
          )})),
        req as (
          select p.resolution_id, h.org_unit_id as id
          from p
          join org_unit_history t on t.org_unit_id = p.target_unit_id and t.valid_from <= p.d
            and (t.valid_to is null or t.valid_to > p.d)
          join org_unit_history q on q.org_unit_id = ${unitId} and q.valid_from <= p.d
            and (q.valid_to is null or q.valid_to > p.d)
          join org_unit_history h on h.valid_from <= p.d and (h.valid_to is null or h.valid_to > p.d)
            and h.kind = any(p.unit_kinds) and h.path <@ t.path and h.path <@ q.path)
        select req.resolution_id, count(*)::int as required,
          count(*) filter (where exists (
            select 1 from dissemination_sessions x where x.resolution_id = req.resolution_id
              and x.org_unit_id = req.id and x.held_on <= ${asOf}))::int as held,
          count(*) filter (where exists (
            select 1 from action_programmes a where a.resolution_id = req.resolution_id
              and a.org_unit_id = req.id and a.issued_on <= ${asOf}))::int as action_programmes
        from req group by req.resolution_id`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.resolution_id),
      { required: r.required, held: r.held, actionProgrammes: r.action_programmes },
    ]),
  );
};

/** Members (full and probationary) in the required subtree on the tree date, and their reflections. */
export const loadMemberFigures = async (
  db: DbOrTx,
  plan: PlanFacts,
  unitId: number,
  asOf: string,
): Promise<{ members: number; reflections: number }> => {
  const d = plan.tree_date;
  const row = await queryOne<{ members: number; reflections: number }>(
    db,
    sql`with p as (select * from resolution_plans where resolution_id = ${plan.resolution_id}),
        scope as (
          select h.org_unit_id from p join org_unit_history h on ${validAt('h', d)}
          where h.path <@ (select t.path from org_unit_history t
                           where t.org_unit_id = p.target_unit_id and ${validAt('t', d)})
            and h.path <@ (select q.path from org_unit_history q
                           where q.org_unit_id = ${unitId} and ${validAt('q', d)})),
        m as (
          select distinct mp.member_id from member_periods mp
          where mp.org_unit_id in (select org_unit_id from scope) and ${validAt('mp', d)}
            and mp.status in ('full', 'probationary'))
        select (select count(*) from m)::int as members,
          (select count(*) from resolution_reflections r
           where r.resolution_id = ${plan.resolution_id} and r.submitted_on <= ${asOf}
             and r.member_id in (select member_id from m))::int as reflections`,
  );
  return { members: row?.members ?? 0, reflections: row?.reflections ?? 0 };
};

export type CoverageSummary = {
  required: number;
  held: number;
  heldLate: number;
  actionProgrammes: number;
  invited: number;
  attended: number;
};

/** Late: held after the study deadline. Missing: not held by the as-of date. */
export const summarise = (plan: PlanFacts, rows: CoverageUnitRow[]): CoverageSummary => ({
  required: rows.length,
  held: rows.filter((r) => r.held_on).length,
  heldLate: rows.filter((r) => r.held_on && r.held_on > plan.study_deadline).length,
  actionProgrammes: rows.filter((r) => r.ap_on).length,
  invited: rows.reduce((s, r) => s + r.invited, 0),
  attended: rows.reduce((s, r) => s + r.attended, 0),
});

const ratio = (n: number, d: number) => (d === 0 ? '' : ` (${formatPercent(n / d)})`);

/** The report's sentences, e.g. "7/9 (77,8%) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt, học tập". */
export const coverageSentences = (
  s: CoverageSummary,
  plan: Pick<PlanFacts, 'action_programme_required'>,
  m: { members: number; reflections: number },
): string[] => {
  const out = [
    `${formatNumber(s.held)}/${formatNumber(s.required)}${ratio(s.held, s.required)} chi bộ, đảng bộ cơ sở đã tổ chức quán triệt, học tập`,
  ];
  if (plan.action_programme_required)
    out.push(
      `${formatNumber(s.actionProgrammes)}/${formatNumber(s.required)}${ratio(s.actionProgrammes, s.required)} chi bộ, đảng bộ cơ sở đã ban hành chương trình hành động, kế hoạch thực hiện`,
    );
  if (s.invited > 0)
    out.push(
      `${formatNumber(s.attended)}/${formatNumber(s.invited)} lượt đảng viên được triệu tập đã dự học tập${ratio(s.attended, s.invited)}`,
    );
  if (m.members > 0)
    out.push(
      `${formatNumber(m.reflections)}/${formatNumber(m.members)} đảng viên đã viết bài thu hoạch${ratio(m.reflections, m.members)}`,
    );
  return out;
};

export type DisseminationCoverage =
  | (Extract<MetricValue, { status: 'ok' }> & {
      required: number;
      held: number;
      heldLate: number;
      actionProgrammeRequired: boolean;
      actionProgrammes: number;
      /** Units that have not held their session by the as-of date. */
      missing: MetricRecord[];
      /** Units that must issue an action programme and have not (empty when none is required). */
      missingActionProgramme: MetricRecord[];
    })
  | Extract<MetricValue, { status: 'unavailable' }>;

const unitRecord = (r: CoverageUnitRow, suffix = ''): MetricRecord => ({
  kind: 'org_unit',
  id: r.id,
  label: `${r.name}${suffix}`,
});

const toCoverage = (
  parts: { plan: PlanFacts; rows: CoverageUnitRow[] }[],
  labelSuffix: (plan: PlanFacts) => string,
): DisseminationCoverage => {
  let required = 0;
  let held = 0;
  let heldLate = 0;
  let actionProgrammes = 0;
  const records: MetricRecord[] = [];
  const missing: MetricRecord[] = [];
  const missingActionProgramme: MetricRecord[] = [];
  for (const { plan, rows } of parts) {
    const s = summarise(plan, rows);
    required += s.required;
    held += s.held;
    heldLate += s.heldLate;
    actionProgrammes += s.actionProgrammes;
    const suffix = labelSuffix(plan);
    for (const r of rows) {
      if (r.held_on) records.push(unitRecord(r, suffix));
      else missing.push(unitRecord(r, suffix));
      if (plan.action_programme_required && !r.ap_on)
        missingActionProgramme.push(unitRecord(r, suffix));
    }
  }
  return {
    status: 'ok',
    value: required === 0 ? null : (100 * held) / required,
    numerator: held,
    denominator: required,
    records,
    required,
    held,
    heldLate,
    actionProgrammeRequired: parts.some((p) => p.plan.action_programme_required),
    actionProgrammes,
    missing,
    missingActionProgramme,
  };
};

/**
 * Coverage of one resolution's dissemination plan in the subtree of `unitId`: units required,
 * units that held a session by `asOf` (value = % held; records = those units), action programmes
 * issued, and the units still missing. The tree is read on the study deadline (or `asOf` if earlier).
 */
export const disseminationCoverage = async ({
  db,
  unitId,
  resolutionId,
  asOf,
}: {
  db: DbOrTx;
  unitId: number;
  resolutionId: number;
  asOf: string;
}): Promise<DisseminationCoverage> => {
  const plan = await loadPlanFacts(db, resolutionId, asOf);
  if (!plan) return { status: 'unavailable', reason: 'Văn bản này chưa có kế hoạch quán triệt.' };
  const rows = await loadCoverageUnits(db, plan, unitId, asOf);
  return toCoverage([{ plan, rows }], () => '');
};

/**
 * The same over every resolution whose study deadline falls in [from, to]: units are counted once
 * per resolution (a unit that had to study three resolutions counts three times in `required`).
 */
export const disseminationCoverageForPeriod = async ({
  db,
  unitId,
  from,
  to,
  asOf,
}: {
  db: DbOrTx;
  unitId: number;
  from: string;
  to: string;
  asOf: string;
}): Promise<DisseminationCoverage> => {
  const plans = await queryRows<{ resolution_id: number }>(
    db,
    sql`select resolution_id from resolution_plans
        where study_deadline between ${from} and ${to} order by study_deadline, resolution_id`,
  );
  if (plans.length === 0)
    return {
      status: 'unavailable',
      reason: 'Không có nghị quyết, chỉ thị nào có hạn quán triệt trong kỳ này.',
    };
  const parts: { plan: PlanFacts; rows: CoverageUnitRow[] }[] = [];
  for (const p of plans) {
    const plan = (await loadPlanFacts(db, p.resolution_id, asOf))!;
    parts.push({ plan, rows: await loadCoverageUnits(db, plan, unitId, asOf) });
  }
  return toCoverage(parts, (plan) => ` — ${plan.number}`);
};
