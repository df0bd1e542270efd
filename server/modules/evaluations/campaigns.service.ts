// Evaluation campaigns: list, read, open (building a record per subject) and update. The module's
// overview and sources: evaluation-rows.ts.

import type {
  TCampaign,
  TCampaignDetail,
  TCampaignInput,
  TCampaignUpdate,
  TProgress,
} from '../../../contracts/evaluations';
import type {
  DisciplineFact,
  EvaluationPeriod,
  QualityLevel,
  SubjectFacts,
  SubjectKind,
} from '../../../domain/rules/evaluation/levels';
import {
  evaluate,
  paramsFor,
  ruleSetFor,
  ruleSetNameFor,
} from '../../../domain/rules/evaluation/rule-sets';
import { periodLabel, periodRange } from '../../../domain/rules/evaluation/special-cases';
import { normalizeText } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { evaluationCampaigns, evaluationRecords } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can, isPathInScope } from '../../platform/access/permissions';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, forbidden, invalidField } from '../../platform/errors';
import { collectivesWithDisciplineInYear } from '../members';
import { recordScopeSql } from './evaluation.queries';
import {
  type CampaignRow,
  campaignSelect,
  campaignVisible,
  getCampaignRow,
  periodOf,
  proposalJson,
  scoringOf,
} from './evaluation-rows';
import { campaignCriteria, overrideProblems } from './evaluations.policy';
import { loadPlanTaskFacts } from './plan-task-facts';

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
  const manageable = can(actor, 'evaluation.manage') && isPathInScope(actor, c.path);
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

const chunk = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/**
 * The subjects under the campaign's root: its live units, the members on the rolls by the end of the
 * period, its agencies and their mass organisations.
 */
const subjectsUnder = async (db: DbOrTx, path: string, to: string) => {
  const units = await queryRows<UnitSubject>(
    db,
    sql`select o.id, o.kind, o.name, o.path::text as path, o.established_on,
          (select a.id from org_units a where a.path @> o.path
             and a.kind in ('grassroots_committee', 'grassroots_cell')
           order by nlevel(a.path) desc limit 1) as grassroots_id
        from org_units o
        where o.path <@ ${path}::ltree and o.dissolved_on is null
          and o.kind in ('cell', 'sub_committee', 'grassroots_committee', 'grassroots_cell')
        order by o.path`,
  );
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
        where o.path <@ ${path}::ltree and m.status in ('probationary', 'full', 'exempted', 'suspended')
          and (m.admitted_on is null or m.admitted_on <= ${to})
        order by m.id`,
  );
  const agencyRows = await queryRows<{ id: number; name: string; org_unit_id: number }>(
    db,
    sql`select a.id, a.name, a.org_unit_id from agencies a join org_units o on o.id = a.org_unit_id
        where o.path <@ ${path}::ltree and o.dissolved_on is null order by a.id`,
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
        where o.path <@ ${path}::ltree and o.dissolved_on is null order by m.id`,
  );
  return { units, memberRows, agencyRows, massRows };
};

/**
 * Discipline decided in the period (the inspection module's register), by member and by unit, and
 * the collectives with a discipline in one of the period's years.
 */
const disciplineInPeriod = async (db: DbOrTx, path: string, from: string, to: string) => {
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
          and o.path <@ ${path}::ltree`,
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
  return { memberDiscipline, unitDiscipline, withDiscipline };
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
  const { units, memberRows, agencyRows, massRows } = await subjectsUnder(db, c.path, to);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const { memberDiscipline, unitDiscipline, withDiscipline } = await disciplineInPeriod(
    db,
    c.path,
    from,
    to,
  );
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
    if (!isPathInScope(actor, c.path))
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
