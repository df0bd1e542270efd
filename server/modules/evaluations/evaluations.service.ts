// Year-end evaluation and classification (DOMAIN.md §6, regulations.md §1): campaigns, the flow of
// each subject (self-assessment → review → appraisal → decision → publication → complaint), the
// HTXS cap and the order constraints checked at the decision. Levels are proposed by the rule set
// of the period's year (domain/rules/evaluation); every write bumps the record's `version` and a
// stale version is refused with a 409.
import type {
  RecordStatus,
  TAppraisalInput,
  TCampaign,
  TCampaignDetail,
  TCampaignInput,
  TCampaignUpdate,
  TComplaintInput,
  TComplaintResolution,
  TDecisionCheck,
  TDecisionInput,
  TProgress,
  TPublishInput,
  TRecordDetail,
  TRecordQuery,
  TRecordSummary,
  TReviewInput,
  TSelfAssessmentInput,
} from '../../../contracts/evaluations';
import { type CapSubject, capRuleText, checkHtxsCap } from '../../../domain/rules/evaluation/cap';
import { recordableCases } from '../../../domain/rules/evaluation/khtnv-cases';
import {
  type CollectiveKind,
  type DisciplineFact,
  type EvaluationPeriod,
  type EvaluationResult,
  isCollective,
  type QualityLevel,
  qualityLevels,
  type SubjectFacts,
  type SubjectKind,
  subjectKindLabels,
} from '../../../domain/rules/evaluation/levels';
import {
  evaluate,
  firstSupportedYear,
  paramsFor,
  ruleSetFor,
  ruleSetNameFor,
} from '../../../domain/rules/evaluation/rule-sets';
import {
  periodLabel,
  periodRange,
  twoConsecutiveKhtnv,
} from '../../../domain/rules/evaluation/special-cases';
import { normalizeText, toSearchKey } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import {
  evaluationCampaigns,
  evaluationComplaints,
  evaluationRecords,
  evaluationSteps,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { recountEvaluationFacts } from '../figures';
import { collectivesWithDisciplineInYear } from '../members';
import { recordScopeSql } from './evaluation.queries';
import {
  campaignCriteria,
  criteriaFor,
  decidedByUpperLevel,
  type OrderSubject,
  orderProblems,
  overrideProblems,
  type Step,
  stepFrom,
  stepRefusal,
} from './evaluations.policy';
import { loadPlanTaskFacts } from './plan-task-facts';

type CampaignRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  path: string;
  title: string;
  year: number;
  cycle: 'year' | 'quarter' | 'term';
  quarter: number | null;
  period_from: string;
  period_to: string;
  rule_set: string;
  params_override: Record<string, unknown>;
  opened_on: string;
  self_assessment_due: string | null;
  review_due: string | null;
  appraisal_due: string | null;
  decision_due: string | null;
  publication_due: string | null;
  status: 'open' | 'closed';
  version: number;
};

const campaignSelect = sql`select c.id, c.org_unit_id, o.name as org_unit_name, o.path::text as path, c.title,
    c.year, c.cycle, c.quarter, c.period_from, c.period_to, c.rule_set, c.params_override, c.opened_on,
    c.self_assessment_due, c.review_due, c.appraisal_due, c.decision_due, c.publication_due, c.status,
    c.version
  from evaluation_campaigns c join org_units o on o.id = c.org_unit_id`;

/** A campaign is visible to those inside its subtree and to those above it. */
const campaignVisible = (actor: Actor) =>
  sql`(o.path <@ ${actor.scopePath}::ltree or o.path @> ${actor.scopePath}::ltree)`;

export const periodOf = (
  c: Pick<CampaignRow, 'year' | 'cycle' | 'quarter' | 'period_from' | 'period_to'>,
): EvaluationPeriod => ({
  year: c.year,
  cycle: c.cycle,
  ...(c.quarter ? { quarter: c.quarter as 1 | 2 | 3 | 4 } : {}),
  from: c.period_from,
  to: c.period_to,
});

// A campaign of a year before 2018 (opened before such years were refused) still reads: its records
// are shown, by grades, under the name of the guidance then in force.
const scoringOf = (year: number): 'points' | 'grades' =>
  year >= firstSupportedYear && ruleSetFor(year).code === 'QD366' ? 'points' : 'grades';

const runEngine = (c: CampaignRow, facts: Record<string, unknown>): EvaluationResult =>
  evaluate(c.year, { ...facts, period: periodOf(c) } as SubjectFacts, c.params_override);

const proposalJson = (r: EvaluationResult) => ({
  level: r.level,
  reasons: r.reasons,
  score: r.score ?? null,
  missing: r.missing ?? null,
  removalFlag: r.removalFlag ?? null,
  notRatedReason: r.notRatedReason ?? null,
  khtnvCases: r.khtnvCases ?? null,
});

// ───────────────────────────── Campaigns ─────────────────────────────

const progressSql = (actor: Actor) => sql`select r.campaign_id,
    count(*)::int as total,
    count(*) filter (where r.status = 'not_rated')::int as not_rated,
    count(*) filter (where r.status = 'pending')::int as pending,
    count(*) filter (where r.status = 'self_assessed')::int as self_assessed,
    count(*) filter (where r.status = 'reviewed')::int as reviewed,
    count(*) filter (where r.status = 'appraised')::int as appraised,
    count(*) filter (where r.status = 'decided')::int as decided,
    count(*) filter (where r.status = 'published')::int as published
  from evaluation_records r join org_units o on o.id = r.org_unit_id
  where ${recordScopeSql(actor)}`;

type ProgressRow = {
  total: number;
  not_rated: number;
  pending: number;
  self_assessed: number;
  reviewed: number;
  appraised: number;
  decided: number;
  published: number;
};
const toProgress = (p: ProgressRow | undefined): TProgress => ({
  total: p?.total ?? 0,
  notRated: p?.not_rated ?? 0,
  pending: p?.pending ?? 0,
  selfAssessed: p?.self_assessed ?? 0,
  reviewed: p?.reviewed ?? 0,
  appraised: p?.appraised ?? 0,
  decided: p?.decided ?? 0,
  published: p?.published ?? 0,
});

const toCampaign = (c: CampaignRow, progress: TProgress): TCampaign => ({
  id: c.id,
  orgUnitId: c.org_unit_id,
  orgUnitName: c.org_unit_name,
  title: c.title,
  year: c.year,
  cycle: c.cycle,
  quarter: c.quarter,
  periodFrom: c.period_from,
  periodTo: c.period_to,
  ruleSet: c.rule_set,
  ruleSetName: ruleSetNameFor(c.year),
  openedOn: c.opened_on,
  selfAssessmentDue: c.self_assessment_due,
  reviewDue: c.review_due,
  appraisalDue: c.appraisal_due,
  decisionDue: c.decision_due,
  publicationDue: c.publication_due,
  status: c.status,
  version: c.version,
  progress,
});

export const listCampaigns = async ({
  db,
  actor,
  year,
  orgUnitId,
}: {
  db: DbOrTx;
  actor: Actor;
  year?: number;
  orgUnitId?: number;
}): Promise<{ items: TCampaign[] }> => {
  const rows = await queryRows<CampaignRow>(
    db,
    sql`${campaignSelect} where ${campaignVisible(actor)}
        ${year ? sql`and c.year = ${year}` : sql``}
        ${orgUnitId ? sql`and c.org_unit_id = ${orgUnitId}` : sql``}
        order by c.year desc, c.period_from desc, c.id desc`,
  );
  if (rows.length === 0) return { items: [] };
  const progress = await queryRows<ProgressRow & { campaign_id: number }>(
    db,
    sql`${progressSql(actor)} and r.campaign_id in (${sql.join(
      rows.map((r) => sql`${r.id}`),
      sql`, `,
    )}) group by r.campaign_id`,
  );
  return {
    items: rows.map((c) => toCampaign(c, toProgress(progress.find((p) => p.campaign_id === c.id)))),
  };
};

const getCampaignRow = async (db: DbOrTx, actor: Actor, id: number): Promise<CampaignRow> => {
  const row = await queryOne<CampaignRow>(
    db,
    sql`${campaignSelect} where c.id = ${id} and ${campaignVisible(actor)}`,
  );
  if (!row) throw notFound('đợt đánh giá, xếp loại');
  return row;
};

export const getCampaign = async ({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<TCampaignDetail> => {
  const c = await getCampaignRow(db, actor, id);
  const [total] = await queryRows<ProgressRow>(
    db,
    sql`${progressSql(actor)} and r.campaign_id = ${id} group by r.campaign_id`,
  );
  const byUnit = await queryRows<
    ProgressRow & { unit_id: number | null; unit_name: string | null }
  >(
    db,
    // Per unit directly under the campaign's root (the root's own subjects under the root).
    sql`select g.id as unit_id, g.name as unit_name, x.total, x.not_rated, x.pending, x.self_assessed,
          x.reviewed, x.appraised, x.decided, x.published from (
          select case when nlevel(o.path) > nlevel(${c.path}::ltree)
              then subpath(o.path, 0, nlevel(${c.path}::ltree) + 1) else o.path end as gpath,
          count(*)::int as total,
          count(*) filter (where r.status = 'not_rated')::int as not_rated,
          count(*) filter (where r.status = 'pending')::int as pending,
          count(*) filter (where r.status = 'self_assessed')::int as self_assessed,
          count(*) filter (where r.status = 'reviewed')::int as reviewed,
          count(*) filter (where r.status = 'appraised')::int as appraised,
          count(*) filter (where r.status = 'decided')::int as decided,
          count(*) filter (where r.status = 'published')::int as published
          from evaluation_records r join org_units o on o.id = r.org_unit_id
          where r.campaign_id = ${id} and ${recordScopeSql(actor)}
          group by 1) x
        left join org_units g on g.path = x.gpath
        order by g.path = ${c.path}::ltree desc, g.name`,
  );
  const { params } = paramsFor(c.year, c.params_override);
  const scoring = scoringOf(c.year);
  const manageable =
    can(actor, 'evaluation.manage') &&
    (c.path === actor.scopePath || c.path.startsWith(`${actor.scopePath}.`));
  return {
    ...toCampaign(c, toProgress(total)),
    paramsOverride: c.params_override,
    params: params as unknown as Record<string, unknown>,
    scoring,
    criteria: campaignCriteria(params as unknown as Record<string, unknown>, scoring),
    progressByUnit: byUnit.map((u) => ({
      orgUnitId: u.unit_id,
      orgUnitName: u.unit_name ?? 'Cơ quan, đơn vị trực thuộc',
      ...toProgress(u),
    })),
    canManage: manageable,
  };
};

const periodFromInput = (input: TCampaignInput): EvaluationPeriod => {
  if (input.cycle === 'quarter' && !input.quarter)
    throw invalidField('quarter', 'Kỳ đánh giá theo quý cần chọn quý (1–4).');
  if (input.cycle === 'term') {
    if (!input.periodFrom || !input.periodTo || input.periodTo <= input.periodFrom)
      throw invalidField(
        'periodTo',
        'Kỳ đánh giá theo nhiệm kỳ cần ngày bắt đầu và ngày kết thúc (sau ngày bắt đầu).',
      );
    if (Number(input.periodTo.slice(0, 4)) !== input.year)
      throw invalidField('year', 'Năm đánh giá nhiệm kỳ là năm kết thúc nhiệm kỳ.');
  }
  const period: EvaluationPeriod = {
    year: input.year,
    cycle: input.cycle,
    ...(input.cycle === 'quarter' ? { quarter: input.quarter as 1 | 2 | 3 | 4 } : {}),
    ...(input.cycle === 'term' ? { from: input.periodFrom!, to: input.periodTo! } : {}),
  };
  return { ...period, ...periodRange(period) };
};

const checkDeadlines = (d: Partial<Record<string, unknown>>, openedOn: string) => {
  const order = ['selfAssessmentDue', 'reviewDue', 'appraisalDue', 'decisionDue', 'publicationDue'];
  let last = openedOn;
  for (const key of order) {
    const v = d[key] as string | null | undefined;
    if (!v) continue;
    if (v < last)
      throw invalidField(
        key,
        'Thời hạn các bước phải theo thứ tự: tự đánh giá → kiểm điểm → thẩm định → quyết định → công bố, và không trước ngày mở đợt.',
      );
    last = v;
  }
};

type UnitSubject = {
  id: number;
  kind: string;
  name: string;
  path: string;
  established_on: string;
  grassroots_id: number | null;
};

const ids = (values: number[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * Everyone and everything to rate in the subtree, with the facts known at opening: member
 * status and admission (not-rated cases), discipline in the period (inspection module), the last
 * year's level (removal flag), the task figures of the annual plan, the units' founding dates.
 */
export const buildCampaignRecords = async (
  db: DbOrTx,
  c: Pick<
    CampaignRow,
    'year' | 'cycle' | 'quarter' | 'period_from' | 'period_to' | 'params_override'
  > & {
    id: number;
    path: string;
  },
) => {
  const period = periodOf(c);
  const from = c.period_from;
  const to = c.period_to;
  const units = await queryRows<UnitSubject>(
    db,
    sql`select o.id, o.kind, o.name, o.path::text as path, o.established_on,
          (select a.id from org_units a where a.path @> o.path
             and a.kind in ('grassroots_committee', 'grassroots_cell')
           order by nlevel(a.path) desc limit 1) as grassroots_id
        from org_units o
        where o.path <@ ${c.path}::ltree and o.dissolved_on is null
          and o.kind in ('cell', 'sub_committee', 'grassroots_committee', 'grassroots_cell')
        order by o.path`,
  );
  const unitById = new Map(units.map((u) => [u.id, u]));
  const memberRows = await queryRows<{
    id: number;
    full_name: string;
    org_unit_id: number;
    status: string;
    admitted_on: string | null;
  }>(
    db,
    sql`select m.id, m.full_name, m.org_unit_id, m.status, m.admitted_on from members m
        join org_units o on o.id = m.org_unit_id
        where o.path <@ ${c.path}::ltree and m.status in ('probationary', 'full', 'exempted', 'suspended')
          and (m.admitted_on is null or m.admitted_on <= ${to})
        order by m.id`,
  );
  const agencyRows = await queryRows<{ id: number; name: string; org_unit_id: number }>(
    db,
    sql`select a.id, a.name, a.org_unit_id from agencies a join org_units o on o.id = a.org_unit_id
        where o.path <@ ${c.path}::ltree and o.dissolved_on is null order by a.id`,
  );
  const massRows = await queryRows<{
    id: number;
    name: string;
    org_unit_id: number;
    agency_name: string;
  }>(
    db,
    sql`select m.id, m.name, a.org_unit_id, a.name as agency_name from mass_organisations m
        join agencies a on a.id = m.agency_id join org_units o on o.id = a.org_unit_id
        where o.path <@ ${c.path}::ltree and o.dissolved_on is null order by m.id`,
  );
  // Discipline decided in the period (inspection module's register).
  const disciplines = await queryRows<{
    member_id: number | null;
    org_unit_id: number;
    form: DisciplineFact['form'];
    decided_on: string;
  }>(
    db,
    sql`select d.member_id, d.org_unit_id, d.form, d.decided_on::text as decided_on
        from discipline_decisions d join org_units o on o.id = d.org_unit_id
        where d.status = 'decided' and d.decided_on >= ${from} and d.decided_on <= ${to}
          and o.path <@ ${c.path}::ltree`,
  );
  const memberDiscipline = new Map<number, DisciplineFact[]>();
  const unitDiscipline = new Map<number, DisciplineFact[]>();
  for (const d of disciplines) {
    const fact = { form: d.form, decidedOn: d.decided_on };
    const map = d.member_id ? memberDiscipline : unitDiscipline;
    const key = d.member_id ?? d.org_unit_id;
    map.set(key, [...(map.get(key) ?? []), fact]);
  }
  const withDiscipline = new Set<number>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    for (const id of await collectivesWithDisciplineInYear(db, y)) withDiscipline.add(id);
  const previous = new Map(
    (
      await queryRows<{ member_id: number; decided_level: QualityLevel }>(
        db,
        sql`select r.member_id, r.decided_level from evaluation_records r
            join evaluation_campaigns c on c.id = r.campaign_id
            where c.year = ${c.year - 1} and c.cycle = 'year' and r.member_id is not null
              and r.decided_level is not null`,
      )
    ).map((r) => [r.member_id, r.decided_level]),
  );
  const taskFacts = await loadPlanTaskFacts({
    db,
    subjects: [
      ...memberRows.map((m) => ({
        key: `member:${m.id}`,
        memberId: m.id,
        orgUnitId: m.org_unit_id,
      })),
      ...units.map((u) => ({ key: `unit:${u.id}`, memberId: null, orgUnitId: u.id })),
    ],
    period: { from, to },
  });
  type NewRecord = typeof evaluationRecords.$inferInsert;
  const out: NewRecord[] = [];
  const add = (
    kind: SubjectKind,
    key: string,
    base: Omit<
      NewRecord,
      | 'campaignId'
      | 'subjectKind'
      | 'subjectKey'
      | 'status'
      | 'proposedLevel'
      | 'facts'
      | 'proposal'
    >,
    facts: Record<string, unknown>,
  ) => {
    const result = evaluate(c.year, { ...facts, kind, period } as SubjectFacts, c.params_override);
    out.push({
      ...base,
      campaignId: c.id,
      subjectKind: kind,
      subjectKey: key,
      status: result.level === 'not_rated' ? 'not_rated' : 'pending',
      notRatedReason: result.notRatedReason ?? null,
      proposedLevel: result.level,
      facts: { ...facts, kind },
      proposal: proposalJson(result),
    });
  };
  const subordinates = (u: UnitSubject) => {
    const below = units.filter((x) => x.id !== u.id && x.path.startsWith(`${u.path}.`));
    return {
      total: below.length,
      disciplined: below.filter((x) => withDiscipline.has(x.id) && unitDiscipline.has(x.id)).length,
    };
  };
  const collectiveFacts = (u: UnitSubject) => ({
    establishedOn: u.established_on,
    asOf: to,
    ...(unitDiscipline.get(u.id) ? { disciplines: unitDiscipline.get(u.id) } : {}),
    subordinateOrMemberDisciplined: withDiscipline.has(u.id),
    subordinateUnits: subordinates(u),
    ...(taskFacts.get(`unit:${u.id}`) ? { tasks: taskFacts.get(`unit:${u.id}`) } : {}),
  });
  for (const u of units) {
    const base = { orgUnitId: u.id, grassrootsOrgId: u.grassroots_id, subjectName: u.name };
    if (u.kind === 'cell' || u.kind === 'sub_committee')
      add('cell', `unit:${u.id}`, base, collectiveFacts(u));
    else {
      add('grassroots_organisation', `unit:${u.id}`, base, collectiveFacts(u));
      if (u.kind === 'grassroots_committee')
        add(
          'committee',
          `committee:${u.id}`,
          { ...base, subjectName: `Ban Chấp hành ${u.name}` },
          collectiveFacts(u),
        );
    }
  }
  for (const a of agencyRows)
    add(
      'agency',
      `agency:${a.id}`,
      {
        orgUnitId: a.org_unit_id,
        agencyId: a.id,
        grassrootsOrgId: unitById.get(a.org_unit_id)?.grassroots_id ?? null,
        subjectName: a.name,
      },
      { asOf: to },
    );
  for (const m of massRows)
    add(
      'mass_organisation',
      `mass:${m.id}`,
      {
        orgUnitId: m.org_unit_id,
        massOrganisationId: m.id,
        grassrootsOrgId: unitById.get(m.org_unit_id)?.grassroots_id ?? null,
        subjectName: m.name.includes(m.agency_name) ? m.name : `${m.name} – ${m.agency_name}`,
      },
      { asOf: to },
    );
  for (const m of memberRows) {
    const prev = previous.get(m.id);
    add(
      'member',
      `member:${m.id}`,
      {
        orgUnitId: m.org_unit_id,
        memberId: m.id,
        grassrootsOrgId: unitById.get(m.org_unit_id)?.grassroots_id ?? null,
        subjectName: m.full_name,
      },
      {
        asOf: to,
        admittedOn: m.admitted_on,
        exempted: m.status === 'exempted',
        suspended: m.status === 'suspended',
        ...(memberDiscipline.get(m.id) ? { disciplines: memberDiscipline.get(m.id) } : {}),
        ...(prev && c.cycle === 'year' ? { previousLevel: prev } : {}),
        ...(taskFacts.get(`member:${m.id}`) ? { tasks: taskFacts.get(`member:${m.id}`) } : {}),
      },
    );
  }
  return out;
};

export const openCampaign = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TCampaignInput;
}): Promise<{ id: number; version: number; records: number }> => {
  let set: ReturnType<typeof ruleSetFor>;
  try {
    set = ruleSetFor(input.year);
  } catch (e) {
    throw invalidField('year', (e as Error).message);
  }
  if (!set.cycles.includes(input.cycle))
    throw invalidField(
      'cycle',
      `${set.name} chỉ quy định đánh giá, xếp loại hằng năm; kỳ theo quý, nhiệm kỳ áp dụng từ năm 2025.`,
    );
  const period = periodFromInput(input);
  const problems = overrideProblems(input.year, input.paramsOverride);
  if (problems.length) throw invalidField('paramsOverride', problems.join(' '));
  checkDeadlines(input, input.openedOn);
  return db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId, true);
    if (!['upper_committee', 'grassroots_committee', 'grassroots_cell'].includes(unit.kind))
      throw invalidField(
        'orgUnitId',
        'Đợt đánh giá, xếp loại mở cho đảng bộ cấp trên cơ sở hoặc một tổ chức cơ sở đảng.',
      );
    const overlap = await queryOne<{ name: string }>(
      tx,
      sql`select o.name from evaluation_campaigns c join org_units o on o.id = c.org_unit_id
          where c.year = ${input.year} and c.cycle = ${input.cycle}
            and coalesce(c.quarter, 0) = ${period.quarter ?? 0}
            and c.period_from = ${period.from}
            and (o.path <@ ${unit.path}::ltree or o.path @> ${unit.path}::ltree)`,
    );
    if (overlap)
      throw new AppError('CONFLICT', {
        message: `Đã có đợt đánh giá, xếp loại ${periodLabel(period)} của ${overlap.name}, trùng phạm vi với ${unit.name}.`,
      });
    const title =
      input.title ??
      `Kiểm điểm, đánh giá, xếp loại chất lượng ${periodLabel(period)} – ${unit.name}`;
    const [created] = await tx
      .insert(evaluationCampaigns)
      .values({
        orgUnitId: unit.id,
        title: normalizeText(title),
        year: input.year,
        cycle: input.cycle,
        quarter: period.quarter ?? null,
        periodFrom: period.from!,
        periodTo: period.to!,
        ruleSet: set.code,
        paramsOverride: input.paramsOverride,
        openedOn: input.openedOn,
        selfAssessmentDue: input.selfAssessmentDue ?? null,
        reviewDue: input.reviewDue ?? null,
        appraisalDue: input.appraisalDue ?? null,
        decisionDue: input.decisionDue ?? null,
        publicationDue: input.publicationDue ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: evaluationCampaigns.id, version: evaluationCampaigns.version });
    const records = await buildCampaignRecords(tx, {
      id: created.id,
      path: unit.path,
      year: input.year,
      cycle: input.cycle,
      quarter: period.quarter ?? null,
      period_from: period.from!,
      period_to: period.to!,
      params_override: input.paramsOverride,
    });
    for (const batch of chunk(records, 500)) await tx.insert(evaluationRecords).values(batch);
    await writeAudit(tx, {
      actor,
      action: 'evaluation.campaign.open',
      entityType: 'evaluation_campaign',
      entityId: created.id,
      orgUnitId: unit.id,
      after: { ...input, records: records.length },
    });
    return { ...created, records: records.length };
  });
};

export const updateCampaign = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCampaignUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const c = await getCampaignRow(tx, actor, id);
    if (!(c.path === actor.scopePath || c.path.startsWith(`${actor.scopePath}.`)))
      throw forbidden('Chỉ cấp mở đợt đánh giá (hoặc cấp trên) mới sửa được đợt này.');
    if (c.version !== input.version) throw conflict();
    if (input.paramsOverride) {
      const problems = overrideProblems(c.year, input.paramsOverride);
      if (problems.length) throw invalidField('paramsOverride', problems.join(' '));
    }
    const deadlines = {
      selfAssessmentDue:
        input.selfAssessmentDue !== undefined ? input.selfAssessmentDue : c.self_assessment_due,
      reviewDue: input.reviewDue !== undefined ? input.reviewDue : c.review_due,
      appraisalDue: input.appraisalDue !== undefined ? input.appraisalDue : c.appraisal_due,
      decisionDue: input.decisionDue !== undefined ? input.decisionDue : c.decision_due,
      publicationDue: input.publicationDue !== undefined ? input.publicationDue : c.publication_due,
    };
    checkDeadlines(deadlines, c.opened_on);
    const [after] = await tx
      .update(evaluationCampaigns)
      .set({
        ...deadlines,
        ...(input.status ? { status: input.status } : {}),
        ...(input.paramsOverride ? { paramsOverride: input.paramsOverride } : {}),
        version: c.version + 1,
        updatedAt: new Date(),
      })
      .where(
        sql`${evaluationCampaigns.id} = ${id} and ${evaluationCampaigns.version} = ${c.version}`,
      )
      .returning({ version: evaluationCampaigns.version });
    if (!after) throw conflict();
    await writeAudit(tx, {
      actor,
      action: 'evaluation.campaign.update',
      entityType: 'evaluation_campaign',
      entityId: id,
      orgUnitId: c.org_unit_id,
      before: { status: c.status, paramsOverride: c.params_override },
      after: input,
    });
    return { id, version: after.version };
  });

// ───────────────────────────── Records ─────────────────────────────

type RecordRow = {
  id: number;
  campaign_id: number;
  year: number;
  subject_kind: SubjectKind;
  subject_name: string;
  member_id: number | null;
  org_unit_id: number;
  org_unit_name: string;
  path: string;
  grassroots_org_id: number | null;
  status: RecordStatus;
  not_rated_reason: string | null;
  proposed_level: string;
  proposal: ReturnType<typeof proposalJson>;
  facts: Record<string, unknown>;
  self_assessment: Record<string, unknown> | null;
  self_level: QualityLevel | null;
  review_votes: Record<string, number> | null;
  review_level: QualityLevel | null;
  appraisal_level: QualityLevel | null;
  decided_level: QualityLevel | null;
  decision_number: string | null;
  decided_on: string | null;
  published_on: string | null;
  cultural_standard: boolean | null;
  removal_flag: boolean;
  version: number;
};

const recordSelect = sql`select r.id, r.campaign_id, c.year, r.subject_kind, r.subject_name, r.member_id,
    r.org_unit_id, o.name as org_unit_name, o.path::text as path, r.grassroots_org_id, r.status,
    r.not_rated_reason, r.proposed_level, r.proposal, r.facts, r.self_assessment, r.self_level,
    r.review_votes, r.review_level, r.appraisal_level, r.decided_level, r.decision_number,
    r.decided_on, r.published_on, r.cultural_standard, r.removal_flag, r.version
  from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
  join org_units o on o.id = r.org_unit_id`;

const toSummary = (r: RecordRow): TRecordSummary => ({
  id: r.id,
  campaignId: r.campaign_id,
  year: r.year,
  subjectKind: r.subject_kind,
  subjectName: r.subject_name,
  memberId: r.member_id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  status: r.status,
  notRatedReason: (r.not_rated_reason as TRecordSummary['notRatedReason']) ?? null,
  proposedLevel: r.proposed_level,
  score: r.proposal?.score ?? null,
  selfLevel: r.self_level,
  reviewLevel: r.review_level,
  appraisalLevel: r.appraisal_level,
  decidedLevel: r.decided_level,
  removalFlag: r.removal_flag,
  culturalStandard: r.cultural_standard,
  version: r.version,
});

const kindOrder = sql`case r.subject_kind when 'agency' then 1 when 'mass_organisation' then 2 when 'cell' then 3
  when 'grassroots_organisation' then 4 when 'committee' then 5 else 6 end`;

export const listRecords = async ({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: TRecordQuery;
}): Promise<{ items: TRecordSummary[]; total: number }> => {
  const unitPath = query.orgUnitId ? (await getUnitInScope(db, actor, query.orgUnitId)).path : null;
  const where = sql`where ${recordScopeSql(actor)}
    ${query.campaignId ? sql`and r.campaign_id = ${query.campaignId}` : sql``}
    ${unitPath ? sql`and o.path <@ ${unitPath}::ltree` : sql``}
    ${query.year ? sql`and c.year = ${query.year}` : sql``}
    ${query.cycle ? sql`and c.cycle = ${query.cycle}` : sql``}
    ${query.quarter ? sql`and c.quarter = ${query.quarter}` : sql``}
    ${
      query.subjectKind?.length
        ? sql`and r.subject_kind in (${sql.join(
            query.subjectKind.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql``
    }
    ${
      query.status?.length
        ? sql`and r.status in (${sql.join(
            query.status.map((k) => sql`${k}`),
            sql`, `,
          )})`
        : sql``
    }
    ${
      query.level === 'not_rated'
        ? sql`and r.status = 'not_rated'`
        : query.level === 'pending'
          ? sql`and r.status not in ('not_rated', 'decided', 'published')`
          : query.level
            ? sql`and r.status in ('decided', 'published') and r.decided_level = ${query.level}`
            : sql``
    }
    ${query.notRatedReason ? sql`and r.not_rated_reason = ${query.notRatedReason}` : sql``}
    ${query.mine ? sql`and r.member_id = ${actor.memberId ?? -1}` : sql``}
    ${query.q ? sql`and lower(immutable_unaccent(r.subject_name)) like ${`%${toSearchKey(query.q)}%`}` : sql``}`;
  const total = (await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
        join org_units o on o.id = r.org_unit_id ${where}`,
  ))!.n;
  const rows = await queryRows<RecordRow>(
    db,
    sql`${recordSelect} ${where} order by c.year desc, ${kindOrder}, o.path, r.subject_name, r.id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return { items: rows.map(toSummary), total };
};

const getRecordRow = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
  lock = false,
): Promise<RecordRow> => {
  const row = await queryOne<RecordRow>(
    db,
    sql`${recordSelect} where r.id = ${id} and ${recordScopeSql(actor)} ${lock ? sql`for update of r` : sql``}`,
  );
  if (!row) throw notFound('hồ sơ đánh giá, xếp loại');
  return row;
};

const campaignOfRecord = async (db: DbOrTx, id: number) =>
  (await queryOne<CampaignRow>(db, sql`${campaignSelect} where c.id = ${id}`))!;

const orderSubjects = async (
  db: DbOrTx,
  campaignId: number,
): Promise<
  (OrderSubject & {
    grassrootsOrgId: number | null;
    level: string;
    version: number;
    status: string;
  })[]
> =>
  (
    await queryRows<{
      id: number;
      subject_kind: SubjectKind;
      subject_name: string;
      path: string;
      org_unit_id: number;
      status: string;
      grassroots_org_id: number | null;
      decided_level: string | null;
      appraisal_level: string | null;
      review_level: string | null;
      proposed_level: string;
      version: number;
    }>(
      db,
      sql`select r.id, r.subject_kind, r.subject_name, o.path::text as path, r.org_unit_id, r.status,
            r.grassroots_org_id, r.decided_level, r.appraisal_level, r.review_level, r.proposed_level, r.version
          from evaluation_records r join org_units o on o.id = r.org_unit_id where r.campaign_id = ${campaignId}`,
    )
  ).map((r) => ({
    id: r.id,
    subjectKind: r.subject_kind,
    subjectName: r.subject_name,
    path: r.path,
    orgUnitId: r.org_unit_id,
    decided: r.status === 'decided' || r.status === 'published',
    notRated: r.status === 'not_rated',
    grassrootsOrgId: r.grassroots_org_id,
    level: r.decided_level ?? r.appraisal_level ?? r.review_level ?? r.proposed_level,
    version: r.version,
    status: r.status,
  }));

const actionsFor = (
  actor: Actor,
  r: RecordRow,
  pendingComplaint: boolean,
): TRecordDetail['actions'] => {
  const own = r.member_id !== null && r.member_id === actor.memberId;
  const out: TRecordDetail['actions'] = [];
  if (r.status === 'not_rated') return out;
  const k = r.subject_kind;
  if (
    stepFrom('self_assessment', k).includes(r.status) &&
    ((actor.role === 'member' && own) || can(actor, 'evaluation.review'))
  )
    out.push('self_assess');
  if (can(actor, 'evaluation.review') && stepFrom('review', k).includes(r.status))
    out.push('review');
  if (can(actor, 'evaluation.appraise') && stepFrom('appraisal', k).includes(r.status))
    out.push('appraise');
  const mayDecide =
    can(actor, 'evaluation.decide') &&
    !(actor.role === 'grassroots_office' && decidedByUpperLevel(k));
  if (mayDecide && stepFrom('decision', k).includes(r.status)) out.push('decide');
  if (mayDecide && r.status === 'decided') out.push('publish');
  if (
    r.status === 'published' &&
    can(actor, 'evaluation.complain') &&
    (actor.role !== 'member' || own) &&
    !pendingComplaint
  )
    out.push('complain');
  if (pendingComplaint && can(actor, 'evaluation.resolve')) out.push('resolve');
  return out;
};

const previousLevelsOf = async (db: DbOrTx, memberId: number | null, recordId: number) =>
  memberId
    ? queryRows<{ year: number; level: string }>(
        db,
        sql`select c.year, coalesce(r.decided_level, case when r.status = 'not_rated' then 'not_rated' end) as level
            from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
            where r.member_id = ${memberId} and c.cycle = 'year' and r.id <> ${recordId}
              and (r.decided_level is not null or r.status = 'not_rated')
            order by c.year`,
      )
    : Promise.resolve([]);

export const getRecord = async ({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<TRecordDetail> => {
  const r = await getRecordRow(db, actor, id);
  const c = await campaignOfRecord(db, r.campaign_id);
  const steps = await queryRows<{
    step: string;
    step_date: string;
    level: string | null;
    document_number: string | null;
    note: string | null;
    on_behalf: boolean;
    recorded_by_name: string | null;
    recorded_at: Date | string;
  }>(
    db,
    sql`select step, step_date, level, document_number, note, on_behalf, recorded_by_name, recorded_at
        from evaluation_steps where record_id = ${id} order by recorded_at, id`,
  );
  const complaints = await queryRows<{
    id: number;
    filed_on: string;
    content: string;
    outcome: 'pending' | 'upheld' | 'changed';
    outcome_level: QualityLevel | null;
    resolved_on: string | null;
    answer: string | null;
  }>(
    db,
    sql`select id, filed_on, content, outcome, outcome_level, resolved_on, answer
        from evaluation_complaints where record_id = ${id} order by id`,
  );
  const previousLevels = await previousLevelsOf(db, r.member_id, r.id);
  const levels: Record<number, QualityLevel | 'not_rated' | null> = {};
  for (const p of previousLevels) levels[p.year] = p.level as QualityLevel;
  if (r.decided_level && c.cycle === 'year') levels[r.year] = r.decided_level;
  const removal = r.member_id ? twoConsecutiveKhtnv(levels) : null;
  const all =
    r.status === 'decided' || r.status === 'published' || r.status === 'not_rated'
      ? []
      : await orderSubjects(db, r.campaign_id);
  const self = all.find((s) => s.id === r.id);
  const { params } = paramsFor(c.year, c.params_override);
  const scoring = scoringOf(c.year);
  return {
    ...toSummary(r),
    campaignTitle: c.title,
    ruleSet: ruleSetNameFor(c.year),
    cycle: c.cycle,
    scoring,
    criteria: criteriaFor(params as unknown as Record<string, unknown>, scoring, r.subject_kind, {
      role: (r.facts.role as never) ?? null,
    }),
    facts: r.facts,
    proposal: r.proposal,
    selfAssessment: r.self_assessment,
    reviewVotes: r.review_votes,
    decisionNumber: r.decision_number,
    decidedOn: r.decided_on,
    publishedOn: r.published_on,
    previousLevels,
    removalReason: removal?.flagged ? removal.reason : (r.proposal?.removalFlag?.reason ?? null),
    orderProblems: self ? orderProblems(self, all) : [],
    khtnvCaseOptions: recordableCases(params.khtnvCases, r.subject_kind).map((k) => ({
      code: k.code,
      wording: k.wording,
    })),
    khtnvCaseSource: params.khtnvCases.source,
    steps: steps.map((s) => ({
      step: s.step,
      stepDate: s.step_date,
      level: s.level,
      documentNumber: s.document_number,
      note: s.note,
      onBehalf: s.on_behalf,
      recordedByName: s.recorded_by_name,
      recordedAt: new Date(s.recorded_at).toISOString(),
    })),
    complaints: complaints.map((x) => ({
      id: x.id,
      filedOn: x.filed_on,
      content: x.content,
      outcome: x.outcome,
      outcomeLevel: x.outcome_level,
      resolvedOn: x.resolved_on,
      answer: x.answer,
    })),
    actions: actionsFor(
      actor,
      r,
      complaints.some((x) => x.outcome === 'pending'),
    ),
  };
};

// ───────────────────────────── Steps ─────────────────────────────

/** Write a record only at the version the caller read: a stale version gets a 409. */
const saveRecord = async (
  tx: DbOrTx,
  r: Pick<RecordRow, 'id' | 'version'>,
  set: Partial<typeof evaluationRecords.$inferInsert>,
): Promise<number> => {
  const [after] = await tx
    .update(evaluationRecords)
    .set({ ...set, version: r.version + 1, updatedAt: new Date() })
    .where(sql`${evaluationRecords.id} = ${r.id} and ${evaluationRecords.version} = ${r.version}`)
    .returning({ version: evaluationRecords.version });
  if (!after) throw conflict();
  // A decided level, its date or the cultural result feed the maintained figures of every subtree.
  if ('decidedLevel' in set || 'decidedOn' in set || 'culturalStandard' in set)
    await recountEvaluationFacts(tx, [r.id]);
  return after.version;
};

const addStep = async (
  tx: DbOrTx,
  actor: Actor,
  recordId: number,
  step: string,
  values: {
    stepDate: string;
    level?: string | null;
    documentNumber?: string | null;
    note?: string | null;
    data?: unknown;
    onBehalf?: boolean;
  },
) =>
  tx.insert(evaluationSteps).values({
    recordId,
    step,
    stepDate: values.stepDate,
    level: values.level ?? null,
    documentNumber: values.documentNumber ?? null,
    note: values.note ?? null,
    data: values.data ?? null,
    onBehalf: values.onBehalf ?? false,
    recordedBy: actor.userId,
    recordedByName: actor.displayName,
  });

const recordForStep = async (tx: DbOrTx, actor: Actor, id: number, version: number, step: Step) => {
  const r = await getRecordRow(tx, actor, id, true);
  if (r.version !== version) throw conflict();
  if (!stepFrom(step, r.subject_kind).includes(r.status))
    throw new AppError('BAD_REQUEST', { message: stepRefusal(step, r.status) });
  const c = await campaignOfRecord(tx, r.campaign_id);
  if (c.status === 'closed')
    throw new AppError('BAD_REQUEST', { message: 'Đợt đánh giá, xếp loại đã kết thúc.' });
  return { r, c };
};

const checkStepDate = (c: CampaignRow, date: string, path: string) => {
  if (date < c.opened_on)
    throw invalidField(path, 'Ngày thực hiện không được trước ngày mở đợt đánh giá, xếp loại.');
};

const scoredFacts = (
  facts: Record<string, unknown>,
  input: Pick<TSelfAssessmentInput, 'scores' | 'grades' | 'tasks' | 'role'>,
) => ({
  ...facts,
  ...(input.scores ? { scores: input.scores } : {}),
  ...(input.grades ? { grades: input.grades } : {}),
  ...(input.tasks ? { tasks: input.tasks } : {}),
  ...(input.role && facts.kind === 'member' ? { role: input.role } : {}),
});

const audit = (tx: DbOrTx, actor: Actor, r: RecordRow, action: string, after: unknown) =>
  writeAudit(tx, {
    actor,
    action: `evaluation.${action}`,
    entityType: 'evaluation_record',
    entityId: r.id,
    orgUnitId: r.org_unit_id,
    after,
  });

export const selfAssess = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TSelfAssessmentInput;
}) =>
  db.transaction(async (tx) => {
    const { r, c } = await recordForStep(tx, actor, id, input.version, 'self_assessment');
    const own = r.member_id !== null && r.member_id === actor.memberId;
    if (actor.role === 'member' && !own) throw notFound('hồ sơ đánh giá, xếp loại');
    if (!own && !can(actor, 'evaluation.review'))
      throw forbidden('Chỉ đảng viên tự đánh giá; cấp ủy, bí thư chi bộ nhập thay khi cần.');
    checkStepDate(c, input.assessedOn, 'assessedOn');
    const facts = scoredFacts(r.facts, input);
    const result = runEngine(c, facts);
    const version = await saveRecord(tx, r, {
      facts,
      proposal: proposalJson(result),
      proposedLevel: result.level,
      selfAssessment: {
        assessedOn: input.assessedOn,
        scores: input.scores ?? null,
        grades: input.grades ?? null,
        tasks: input.tasks ?? null,
        role: input.role ?? null,
        proposedLevel: input.proposedLevel,
        strengths: input.strengths ?? null,
        weaknesses: input.weaknesses ?? null,
        commitments: input.commitments ?? null,
        score: result.score ?? null,
      },
      selfLevel: input.proposedLevel,
      status: 'self_assessed',
    });
    await addStep(tx, actor, r.id, 'self_assessment', {
      stepDate: input.assessedOn,
      level: input.proposedLevel,
      onBehalf: isCollective(r.subject_kind) ? false : !own,
    });
    await audit(tx, actor, r, 'self_assess', { ...input, proposal: result.level });
    return { id: r.id, version };
  });

export const review = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TReviewInput;
}) =>
  db.transaction(async (tx) => {
    const { r, c } = await recordForStep(tx, actor, id, input.version, 'review');
    checkStepDate(c, input.reviewedOn, 'reviewedOn');
    const v = input.votes;
    if (v.HTXSNV + v.HTTNV + v.HTNV + v.KHTNV > v.present)
      throw invalidField('votes', 'Tổng số phiếu các mức không được vượt số đảng viên có mặt.');
    let facts: Record<string, unknown> = scoredFacts(r.facts, input);
    if (r.subject_kind === 'member') {
      const extra: Record<string, unknown> = {};
      if (input.sickLeaveMonths !== undefined && input.sickLeaveMonths !== null)
        extra.sickLeaveMonths = input.sickLeaveMonths;
      if (input.maternityLeaveMonths !== undefined && input.maternityLeaveMonths !== null)
        extra.maternityLeaveMonths = input.maternityLeaveMonths;
      if (input.civilServant !== undefined && input.civilServant !== null)
        extra.civilServant = input.civilServant;
      if (input.civilServiceLevel !== undefined)
        extra.civilServiceLevel = input.civilServiceLevel ?? null;
      facts = { ...facts, ...extra };
    }
    if (input.shortcomings) facts = { ...facts, shortcomings: input.shortcomings };
    if (input.khtnvCases !== undefined && input.khtnvCases !== null) {
      // Only the cases of the year's rule set that a reviewer records for this kind of subject.
      const { params } = paramsFor(c.year, c.params_override);
      const allowed = recordableCases(params.khtnvCases, r.subject_kind).map((k) => k.code);
      const unknown = input.khtnvCases.filter((k) => !allowed.includes(k));
      if (unknown.length)
        throw invalidField(
          'khtnvCases',
          `Trường hợp không hoàn thành nhiệm vụ không có trong quy định của năm ${c.year} đối với ${subjectKindLabels[r.subject_kind].toLowerCase()}: ${unknown.join(', ')}.`,
        );
      facts = { ...facts, khtnvCases: [...new Set(input.khtnvCases)] };
      // The older flags are replaced by the recorded list.
      delete facts.degeneration;
      delete facts.seriousDisunity;
    }
    const result = runEngine(c, facts);
    const version = await saveRecord(tx, r, {
      facts,
      proposal: proposalJson(result),
      proposedLevel: result.level,
      reviewVotes: v,
      reviewLevel: input.level,
      status: 'reviewed',
      ...(r.subject_kind === 'agency' &&
      input.culturalStandard !== undefined &&
      input.culturalStandard !== null
        ? { culturalStandard: input.culturalStandard }
        : {}),
    });
    await addStep(tx, actor, r.id, 'review', {
      stepDate: input.reviewedOn,
      level: input.level,
      note: input.note ?? null,
      data: { votes: v, proposal: result.level },
    });
    await audit(tx, actor, r, 'review', { ...input, proposal: result.level });
    return { id: r.id, version };
  });

export const appraise = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TAppraisalInput;
}) =>
  db.transaction(async (tx) => {
    const { r, c } = await recordForStep(tx, actor, id, input.version, 'appraisal');
    checkStepDate(c, input.appraisedOn, 'appraisedOn');
    const version = await saveRecord(tx, r, { appraisalLevel: input.level, status: 'appraised' });
    await addStep(tx, actor, r.id, 'appraisal', {
      stepDate: input.appraisedOn,
      level: input.level,
      note: input.note ?? null,
    });
    await audit(tx, actor, r, 'appraise', input);
    return { id: r.id, version };
  });

// ───────────────────────────── Decision ─────────────────────────────

const capSubjects = (
  all: Awaited<ReturnType<typeof orderSubjects>>,
  batch: Map<number, QualityLevel>,
  names: Map<number, string>,
): CapSubject[] =>
  all
    .filter((s) => !s.notRated)
    .map((s) => {
      const chosen = batch.get(s.id);
      // Not decided yet: counted in the base; an HTXS proposal is not counted as an HTXS until decided.
      const raw = chosen ?? (s.decided ? s.level : s.level === 'HTXSNV' ? 'HTTNV' : s.level);
      const level = (qualityLevels as readonly string[]).includes(raw)
        ? (raw as QualityLevel)
        : ('incomplete' as const);
      return {
        id: s.id,
        kind: s.subjectKind,
        level,
        grassrootsOrgId: s.grassrootsOrgId ?? undefined,
        groupLabel: isCollective(s.subjectKind)
          ? `Nhóm ${collectiveGroupLabel[s.subjectKind as CollectiveKind]}`
          : s.grassrootsOrgId
            ? names.get(s.grassrootsOrgId)
            : undefined,
      };
    });

const collectiveGroupLabel: Record<CollectiveKind, string> = {
  cell: 'chi bộ trực thuộc',
  grassroots_organisation: 'tổ chức cơ sở đảng',
  committee: 'tập thể cấp ủy',
  mass_organisation: 'đoàn thể',
  agency: 'cơ quan, đơn vị',
};

const evaluateDecision = async (
  db: DbOrTx,
  actor: Actor,
  c: CampaignRow,
  items: TDecisionInput['items'],
  strict: boolean,
): Promise<TDecisionCheck & { all: Awaited<ReturnType<typeof orderSubjects>> }> => {
  const all = await orderSubjects(db, c.id);
  const visible = new Set(
    (
      await queryRows<{ id: number }>(
        db,
        sql`select r.id from evaluation_records r join org_units o on o.id = r.org_unit_id
            where r.campaign_id = ${c.id} and ${recordScopeSql(actor)}
              and r.id in (${ids(items.map((i) => i.recordId))})`,
      )
    ).map((r) => r.id),
  );
  const byId = new Map(all.map((s) => [s.id, s]));
  const batch = new Map<number, QualityLevel>();
  for (const item of items) {
    const s = byId.get(item.recordId);
    if (!s || !visible.has(item.recordId)) throw notFound('hồ sơ đánh giá, xếp loại');
    if (strict) {
      if (s.version !== item.version) throw conflict();
      if (!stepFrom('decision', s.subjectKind).includes(s.status))
        throw new AppError('BAD_REQUEST', {
          message: `${s.subjectName}: ${stepRefusal('decision', s.status)}`,
        });
      if (actor.role === 'grassroots_office' && decidedByUpperLevel(s.subjectKind))
        throw forbidden(
          `${s.subjectName}: xếp loại tổ chức cơ sở đảng, tập thể cấp ủy cơ sở do Ban Thường vụ cấp trên quyết định.`,
        );
    }
    batch.set(item.recordId, item.level);
  }
  const decidedNow = new Set(batch.keys());
  const order = items
    .map((i) => {
      const s = byId.get(i.recordId)!;
      return {
        recordId: s.id,
        subjectName: s.subjectName,
        problems: orderProblems(s, all, decidedNow),
      };
    })
    .filter((o) => o.problems.length > 0);
  const groupIds = [...new Set(all.map((s) => s.grassrootsOrgId).filter((x): x is number => !!x))];
  const names = new Map(
    groupIds.length
      ? (
          await queryRows<{ id: number; name: string }>(
            db,
            sql`select id, name from org_units where id in (${ids(groupIds)})`,
          )
        ).map((u) => [u.id, u.name])
      : [],
  );
  const touched = new Set(
    items.map((i) => {
      const s = byId.get(i.recordId)!;
      return isCollective(s.subjectKind) ? `c:${s.subjectKind}` : `m:${s.grassrootsOrgId}`;
    }),
  );
  const { params } = paramsFor(c.year, c.params_override);
  const subjects = capSubjects(all, batch, names).filter((s) =>
    touched.has(isCollective(s.kind) ? `c:${s.kind}` : `m:${s.grassrootsOrgId}`),
  );
  const cap = checkHtxsCap({ proposed: subjects, params: params.htxsCap });
  return {
    ok: cap.ok && order.length === 0,
    cap: {
      ok: cap.ok,
      allowed: cap.allowed,
      proposedHtxs: cap.proposedHtxs,
      message: cap.message,
      rule: capRuleText(params.htxsCap),
      groups: cap.groups.map((g) => ({
        label: g.label,
        base: g.base,
        allowed: g.allowed,
        proposedHtxs: g.proposedHtxs,
        ok: g.ok,
        message: g.message,
      })),
    },
    order,
    all,
  };
};

const campaignForDecision = async (db: DbOrTx, actor: Actor, id: number) => {
  const c = await getCampaignRow(db, actor, id);
  if (c.status === 'closed')
    throw new AppError('BAD_REQUEST', { message: 'Đợt đánh giá, xếp loại đã kết thúc.' });
  return c;
};

export const checkDecision = async ({
  db,
  actor,
  campaignId,
  input,
}: {
  db: DbOrTx;
  actor: Actor;
  campaignId: number;
  input: TDecisionInput;
}): Promise<TDecisionCheck> => {
  const c = await campaignForDecision(db, actor, campaignId);
  const { all: _all, ...check } = await evaluateDecision(db, actor, c, input.items, false);
  return check;
};

export const decide = async ({
  db,
  actor,
  campaignId,
  input,
}: {
  db: Db;
  actor: Actor;
  campaignId: number;
  input: TDecisionInput;
}): Promise<{ saved: { id: number; version: number }[] }> =>
  db.transaction(async (tx) => {
    const c = await campaignForDecision(tx, actor, campaignId);
    // One decision at a time per campaign: the cap is checked against a stable picture.
    await tx.execute(sql`select id from evaluation_campaigns where id = ${c.id} for update`);
    checkStepDate(c, input.decidedOn, 'decidedOn');
    const check = await evaluateDecision(tx, actor, c, input.items, true);
    if (check.order.length)
      throw new AppError('BAD_REQUEST', {
        message: `Chưa đúng thứ tự đánh giá, xếp loại (Quy định 124-QĐ/TW Điều 11; 43-HD/BTCTW). ${check.order
          .slice(0, 5)
          .map((o) => `${o.subjectName}: ${o.problems.join(' ')}`)
          .join(' ')}`,
        details: { order: check.order },
      });
    if (!check.cap.ok)
      throw new AppError('BAD_REQUEST', {
        message: `Vượt tỷ lệ xếp loại hoàn thành xuất sắc nhiệm vụ. ${check.cap.message}`,
        details: { cap: check.cap },
      });
    const byId = new Map(check.all.map((s) => [s.id, s]));
    const memberIds = input.items.map((i) => i.recordId);
    const prevKhtnv = new Set(
      c.cycle === 'year'
        ? (
            await queryRows<{ id: number }>(
              tx,
              sql`select r.id from evaluation_records r join evaluation_records p on p.member_id = r.member_id
                  join evaluation_campaigns pc on pc.id = p.campaign_id
                  where r.id in (${ids(memberIds)}) and r.member_id is not null
                    and pc.year = ${c.year - 1} and pc.cycle = 'year' and p.decided_level = 'KHTNV'`,
            )
          ).map((r) => r.id)
        : [],
    );
    const saved: { id: number; version: number }[] = [];
    for (const item of input.items) {
      const s = byId.get(item.recordId)!;
      const removal = item.level === 'KHTNV' && prevKhtnv.has(item.recordId);
      const version = await saveRecord(
        tx,
        { id: item.recordId, version: item.version },
        {
          decidedLevel: item.level,
          decisionNumber: input.decisionNumber,
          decidedOn: input.decidedOn,
          status: 'decided',
          removalFlag: removal,
        },
      );
      await addStep(tx, actor, item.recordId, 'decision', {
        stepDate: input.decidedOn,
        level: item.level,
        documentNumber: input.decisionNumber,
        note: removal
          ? 'Không hoàn thành nhiệm vụ 2 năm liền: xem xét xóa tên (24-QĐ/TW, Điều 8).'
          : null,
      });
      saved.push({ id: s.id, version });
    }
    await writeAudit(tx, {
      actor,
      action: 'evaluation.decide',
      entityType: 'evaluation_campaign',
      entityId: c.id,
      orgUnitId: c.org_unit_id,
      after: { ...input, cap: check.cap.message },
    });
    return { saved };
  });

export const publish = async ({
  db,
  actor,
  campaignId,
  input,
}: {
  db: Db;
  actor: Actor;
  campaignId: number;
  input: TPublishInput;
}): Promise<{ saved: { id: number; version: number }[] }> =>
  db.transaction(async (tx) => {
    const c = await campaignForDecision(tx, actor, campaignId);
    checkStepDate(c, input.publishedOn, 'publishedOn');
    const saved: { id: number; version: number }[] = [];
    for (const item of input.items) {
      const r = await getRecordRow(tx, actor, item.recordId, true);
      if (r.campaign_id !== c.id) throw notFound('hồ sơ đánh giá, xếp loại');
      if (r.version !== item.version) throw conflict();
      if (r.status !== 'decided')
        throw new AppError('BAD_REQUEST', {
          message: `${r.subject_name}: ${stepRefusal('publication', r.status)}`,
        });
      if (actor.role === 'grassroots_office' && decidedByUpperLevel(r.subject_kind))
        throw forbidden('Kết quả xếp loại tổ chức cơ sở đảng do cấp trên công bố.');
      if (r.decided_on && input.publishedOn < r.decided_on)
        throw invalidField(
          'publishedOn',
          'Ngày công bố không được trước ngày quyết định xếp loại.',
        );
      const version = await saveRecord(tx, r, {
        status: 'published',
        publishedOn: input.publishedOn,
      });
      await addStep(tx, actor, r.id, 'publication', {
        stepDate: input.publishedOn,
        level: r.decided_level,
      });
      saved.push({ id: r.id, version });
    }
    await writeAudit(tx, {
      actor,
      action: 'evaluation.publish',
      entityType: 'evaluation_campaign',
      entityId: c.id,
      orgUnitId: c.org_unit_id,
      after: input,
    });
    return { saved };
  });

// ───────────────────────────── Complaints ─────────────────────────────

export const fileComplaint = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TComplaintInput;
}) =>
  db.transaction(async (tx) => {
    const r = await getRecordRow(tx, actor, id, true);
    if (r.version !== input.version) throw conflict();
    if (r.status !== 'published')
      throw new AppError('BAD_REQUEST', { message: 'Chỉ khiếu nại kết quả xếp loại đã công bố.' });
    if (r.published_on && input.filedOn < r.published_on)
      throw invalidField('filedOn', 'Ngày khiếu nại không được trước ngày công bố kết quả.');
    const pending = await queryOne<{ id: number }>(
      tx,
      sql`select id from evaluation_complaints where record_id = ${id} and outcome = 'pending'`,
    );
    if (pending)
      throw new AppError('CONFLICT', {
        message: 'Khiếu nại trước về kết quả này đang được giải quyết.',
      });
    const [created] = await tx
      .insert(evaluationComplaints)
      .values({
        recordId: id,
        filedOn: input.filedOn,
        content: normalizeText(input.content),
        filedBy: actor.userId,
      })
      .returning({ id: evaluationComplaints.id });
    const version = await saveRecord(tx, r, {});
    await addStep(tx, actor, id, 'complaint', {
      stepDate: input.filedOn,
      note: normalizeText(input.content),
      onBehalf: r.member_id !== null && r.member_id !== actor.memberId,
    });
    await audit(tx, actor, r, 'complaint', input);
    return { id: created.id, version };
  });

export const resolveComplaint = async ({
  db,
  actor,
  complaintId,
  input,
}: {
  db: Db;
  actor: Actor;
  complaintId: number;
  input: TComplaintResolution;
}) =>
  db.transaction(async (tx) => {
    const complaint = await queryOne<{ record_id: number; outcome: string; filed_on: string }>(
      tx,
      sql`select record_id, outcome, filed_on from evaluation_complaints where id = ${complaintId}`,
    );
    if (!complaint) throw notFound('khiếu nại');
    const r = await getRecordRow(tx, actor, complaint.record_id, true);
    if (r.version !== input.version) throw conflict();
    if (complaint.outcome !== 'pending')
      throw new AppError('CONFLICT', { message: 'Khiếu nại này đã được giải quyết.' });
    if (input.resolvedOn < complaint.filed_on)
      throw invalidField('resolvedOn', 'Ngày giải quyết không được trước ngày khiếu nại.');
    if (input.outcome === 'changed' && (!input.level || input.level === r.decided_level))
      throw invalidField(
        'level',
        'Khi thay đổi kết quả, cần chọn mức xếp loại mới khác mức đã công bố.',
      );
    const level = input.outcome === 'changed' ? input.level! : r.decided_level;
    await tx.execute(sql`update evaluation_complaints set outcome = ${input.outcome}, outcome_level = ${level},
      resolved_on = ${input.resolvedOn}, answer = ${normalizeText(input.answer)}, resolved_by = ${actor.userId}
      where id = ${complaintId}`);
    const version = await saveRecord(
      tx,
      r,
      input.outcome === 'changed' ? { decidedLevel: level } : {},
    );
    await addStep(tx, actor, r.id, 'complaint_resolved', {
      stepDate: input.resolvedOn,
      level,
      note: normalizeText(input.answer),
    });
    await audit(tx, actor, r, 'complaint.resolve', input);
    return { id: r.id, version };
  });
