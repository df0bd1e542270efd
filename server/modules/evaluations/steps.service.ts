// The steps before the decision (self-assessment, review, appraisal) and how any step is written.
// The module's overview and sources: evaluation-rows.ts.

import type {
  TAppraisalInput,
  TReviewInput,
  TSelfAssessmentInput,
} from '../../../contracts/evaluations';
import { recordableCases } from '../../../domain/rules/evaluation/khtnv-cases';
import { isCollective, subjectKindLabels } from '../../../domain/rules/evaluation/levels';
import { paramsFor } from '../../../domain/rules/evaluation/rule-sets';
import { type Db, type DbOrTx, sql } from '../../db/client';
import { evaluationRecords, evaluationSteps } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { seesOwnRecordOnly } from '../../platform/access/role-rules';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { type FiguresTx, markEvaluationsChanged, withFigures } from '../figures';
import {
  type CampaignRow,
  campaignOfRecord,
  getRecordRow,
  proposalJson,
  type RecordRow,
  runEngine,
} from './evaluation-rows';
import { type Step, stepFrom, stepRefusal } from './evaluations.policy';

/** Write a record only at the version the caller read: a stale version gets a 409. */
export const saveRecord = async (
  tx: FiguresTx,
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
    markEvaluationsChanged(tx, [r.id]);
  return after.version;
};

export const addStep = async (
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

export const checkStepDate = (c: CampaignRow, date: string, path: string) => {
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

export const audit = (tx: DbOrTx, actor: Actor, r: RecordRow, action: string, after: unknown) =>
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
  withFigures(db, async (tx) => {
    const { r, c } = await recordForStep(tx, actor, id, input.version, 'self_assessment');
    const own = r.member_id !== null && r.member_id === actor.memberId;
    if (seesOwnRecordOnly(actor) && !own) throw notFound('hồ sơ đánh giá, xếp loại');
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
  withFigures(db, async (tx) => {
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
  withFigures(db, async (tx) => {
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
