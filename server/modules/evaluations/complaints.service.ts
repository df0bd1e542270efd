// Complaints about a published result and the upper level's answer. The module's overview and
// sources: evaluation-rows.ts.

import type { TComplaintInput, TComplaintResolution } from '../../../contracts/evaluations';
import { normalizeText } from '../../../domain/text/vietnamese';
import { type Db, queryOne, sql } from '../../db/client';
import { evaluationComplaints } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { withFigures } from '../figures';
import { getRecordRow } from './evaluation-rows';
import { addStep, audit, saveRecord } from './steps.service';

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
  withFigures(db, async (tx) => {
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
  withFigures(db, async (tx) => {
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
