// Year-end evaluation and classification (docs/domain/evaluation.md): campaigns, the flow of
// each subject (self-assessment → review → appraisal → decision → publication → complaint), the
// HTXS cap and the order constraints checked at the decision. Levels are proposed by the rule set
// of the period's year (domain/rules/evaluation); every write bumps the record's `version` and a
// stale version is refused with a 409.
// The service is one file per step of that flow: campaigns.service.ts, records.service.ts,
// steps.service.ts, decision.service.ts, complaints.service.ts. This file holds what they share:
// the campaign and record rows, how they are read within the actor's reach, and the rule engine's call.

import type { RecordStatus } from '../../../contracts/evaluations';
import type {
  EvaluationPeriod,
  EvaluationResult,
  QualityLevel,
  SubjectFacts,
  SubjectKind,
} from '../../../domain/rules/evaluation/levels';
import {
  evaluate,
  firstSupportedYear,
  ruleSetFor,
} from '../../../domain/rules/evaluation/rule-sets';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { containsScope, inScope } from '../../platform/access/scope';
import { notFound } from '../../platform/errors';
import { recordScopeSql } from './evaluation.queries';

export type CampaignRow = {
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

export const campaignSelect = sql`select c.id, c.org_unit_id, o.name as org_unit_name, o.path::text as path, c.title,
    c.year, c.cycle, c.quarter, c.period_from, c.period_to, c.rule_set, c.params_override, c.opened_on,
    c.self_assessment_due, c.review_due, c.appraisal_due, c.decision_due, c.publication_due, c.status,
    c.version
  from evaluation_campaigns c join org_units o on o.id = c.org_unit_id`;

/** A campaign is visible to those inside its subtree and to those above it. */
export const campaignVisible = (actor: Actor) =>
  sql`(${inScope(actor, sql`o.path`)} or ${containsScope(actor, sql`o.path`)})`;

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
export const scoringOf = (year: number): 'points' | 'grades' =>
  year >= firstSupportedYear && ruleSetFor(year).code === 'QD366' ? 'points' : 'grades';

export const runEngine = (c: CampaignRow, facts: Record<string, unknown>): EvaluationResult =>
  evaluate(c.year, { ...facts, period: periodOf(c) } as SubjectFacts, c.params_override);

export const proposalJson = (r: EvaluationResult) => ({
  level: r.level,
  reasons: r.reasons,
  score: r.score ?? null,
  missing: r.missing ?? null,
  removalFlag: r.removalFlag ?? null,
  notRatedReason: r.notRatedReason ?? null,
  khtnvCases: r.khtnvCases ?? null,
});

export const getCampaignRow = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
): Promise<CampaignRow> => {
  const row = await queryOne<CampaignRow>(
    db,
    sql`${campaignSelect} where c.id = ${id} and ${campaignVisible(actor)}`,
  );
  if (!row) throw notFound('đợt đánh giá, xếp loại');
  return row;
};

export type RecordRow = {
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

export const recordSelect = sql`select r.id, r.campaign_id, c.year, r.subject_kind, r.subject_name, r.member_id,
    r.org_unit_id, o.name as org_unit_name, o.path::text as path, r.grassroots_org_id, r.status,
    r.not_rated_reason, r.proposed_level, r.proposal, r.facts, r.self_assessment, r.self_level,
    r.review_votes, r.review_level, r.appraisal_level, r.decided_level, r.decision_number,
    r.decided_on, r.published_on, r.cultural_standard, r.removal_flag, r.version
  from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
  join org_units o on o.id = r.org_unit_id`;

export const getRecordRow = async (
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

export const campaignOfRecord = async (db: DbOrTx, id: number) =>
  (await queryOne<CampaignRow>(db, sql`${campaignSelect} where c.id = ${id}`))!;
