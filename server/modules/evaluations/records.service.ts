// Evaluation records: the list of a campaign and one record with the actions open to the reader.
// The module's overview and sources: evaluation-rows.ts.

import type { TRecordDetail, TRecordQuery, TRecordSummary } from '../../../contracts/evaluations';
import { recordableCases } from '../../../domain/rules/evaluation/khtnv-cases';
import type { QualityLevel, SubjectKind } from '../../../domain/rules/evaluation/levels';
import { paramsFor, ruleSetNameFor } from '../../../domain/rules/evaluation/rule-sets';
import { twoConsecutiveKhtnv } from '../../../domain/rules/evaluation/special-cases';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { decidesAtGrassrootsLevelOnly, seesOwnRecordOnly } from '../../platform/access/role-rules';
import { getUnitInScope } from '../../platform/access/units';
import { recordScopeSql } from './evaluation.queries';
import {
  campaignOfRecord,
  getRecordRow,
  type RecordRow,
  recordSelect,
  scoringOf,
} from './evaluation-rows';
import {
  criteriaFor,
  decidedByUpperLevel,
  type OrderSubject,
  orderProblems,
  stepFrom,
} from './evaluations.policy';

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

export const orderSubjects = async (
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
    ((seesOwnRecordOnly(actor) && own) || can(actor, 'evaluation.review'))
  )
    out.push('self_assess');
  if (can(actor, 'evaluation.review') && stepFrom('review', k).includes(r.status))
    out.push('review');
  if (can(actor, 'evaluation.appraise') && stepFrom('appraisal', k).includes(r.status))
    out.push('appraise');
  const mayDecide =
    can(actor, 'evaluation.decide') &&
    !(decidesAtGrassrootsLevelOnly(actor) && decidedByUpperLevel(k));
  if (mayDecide && stepFrom('decision', k).includes(r.status)) out.push('decide');
  if (mayDecide && r.status === 'decided') out.push('publish');
  if (
    r.status === 'published' &&
    can(actor, 'evaluation.complain') &&
    (!seesOwnRecordOnly(actor) || own) &&
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
