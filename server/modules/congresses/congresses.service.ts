// One unit's congress (docs/domain/congresses.md, "Congress"): its particulars, the status flow
// planned → approved → held → results_approved with the upper level's approvals, its documents
// (the resolution opens the unit's plan term) and its personnel plan (đề án nhân sự).
import type {
  TCongressDocumentInput,
  TCongressUpdate,
  TPersonnelPlanUpdate,
  TStatusChange,
} from '../../../contracts/congresses';
import {
  type CongressStatus,
  congressStatuses,
  congressStatusLabels,
} from '../../../domain/enums/congresses';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, sql } from '../../db/client';
import { congressDocuments } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { canReach, requireAccess } from '../../platform/access/records';
import { approvesAsUpperLevel } from '../../platform/access/role-rules';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { openCongressTerm } from '../plans';
import { congressRow, electionsRecorded } from './congresses.queries';

const upperOnlyMessage =
  'Chỉ cấp ủy cấp trên trực tiếp của tổ chức đảng mới duyệt kế hoạch, chuẩn y kết quả hoặc trả lại bước trước của đại hội.';

/** The congress, locked, if the actor may change it (its unit in the actor's subtree). */
const lockCongress = async (tx: DbOrTx, actor: Actor, id: number, version?: number) => {
  await requireAccess(tx, actor, 'congress.write', id, { lock: true });
  const row = await congressRow(tx, id);
  if (version !== undefined && row.version !== version) throw conflict();
  return row;
};

/** The approving permission held by the upper level of the congress's unit (role-rules.ts). */
const requireUpperLevel = (actor: Actor, unitPath: string) => {
  if (!can(actor, 'congress.approve') || !approvesAsUpperLevel(actor, unitPath))
    throw forbidden(upperOnlyMessage);
};

const checkCounts = (summoned: number | null | undefined, present: number | null | undefined) => {
  if (summoned != null && present != null && present > summoned)
    throw invalidField(
      'presentCount',
      'Số đảng viên (đại biểu) có mặt không được lớn hơn số được triệu tập.',
    );
};

export const updateCongress = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCongressUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await lockCongress(tx, actor, id, input.version);
    checkCounts(input.summonedCount, input.presentCount);
    if (input.endedOn && before.held_on && input.endedOn < before.held_on)
      throw invalidField('endedOn', 'Ngày bế mạc không được trước ngày khai mạc.');
    await tx.execute(sql`update congresses set kind = ${input.kind}, ordinal = ${input.ordinal ?? null},
      is_pilot = ${input.isPilot}, planned_on = ${input.plannedOn ?? null}, ended_on = ${input.endedOn ?? null},
      place = ${input.place ?? null}, summoned_count = ${input.summonedCount ?? null},
      present_count = ${input.presentCount ?? null}, note = ${input.note ?? null},
      version = version + 1, updated_at = now() where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'congress.update',
      entityType: 'congress',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: input,
    });
    return { id, version: before.version + 1 };
  });

/** The personnel plan (đề án nhân sự): sizes of the bodies and the structure's minimum shares. */
export const updatePersonnelPlan = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TPersonnelPlanUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await lockCongress(tx, actor, id, input.version);
    const committee = input.plannedCommitteeSize ?? null;
    const standing = input.plannedStandingSize ?? null;
    if (committee !== null && standing !== null && standing >= committee)
      throw invalidField(
        'plannedStandingSize',
        'Số ủy viên ban thường vụ phải ít hơn số cấp ủy viên.',
      );
    const deputies = input.plannedDeputyCount ?? null;
    const bound = standing ?? committee;
    if (deputies !== null && bound !== null && deputies + 1 > bound)
      throw invalidField(
        'plannedDeputyCount',
        'Bí thư và các phó bí thư phải nằm trong số ủy viên ban thường vụ (hoặc cấp ủy viên).',
      );
    await tx.execute(sql`update congresses set planned_committee_size = ${committee},
      planned_standing_size = ${standing}, planned_deputy_count = ${deputies},
      planned_inspection_size = ${input.plannedInspectionSize ?? null},
      planned_young_pct = ${input.plannedYoungPct ?? null}, planned_women_pct = ${input.plannedWomenPct ?? null},
      planned_minority_pct = ${input.plannedMinorityPct ?? null},
      planned_reelected_pct = ${input.plannedReelectedPct ?? null},
      version = version + 1, updated_at = now() where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'congress.personnel_plan',
      entityType: 'congress',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: {
        plannedCommitteeSize: before.planned_committee_size,
        plannedStandingSize: before.planned_standing_size,
        plannedDeputyCount: before.planned_deputy_count,
        plannedInspectionSize: before.planned_inspection_size,
        plannedYoungPct: before.planned_young_pct,
        plannedWomenPct: before.planned_women_pct,
        plannedMinorityPct: before.planned_minority_pct,
        plannedReelectedPct: before.planned_reelected_pct,
      },
      after: input,
    });
    return { id, version: before.version + 1 };
  });

const stepOf = (s: CongressStatus) => congressStatuses.indexOf(s);

/**
 * Move the congress along its status flow. Forward one step at a time: the plan approved by the upper
 * level (date and reference); held (date not after today, summoned and present counts) by the unit
 * itself or above; the results approved by the upper level once the elections are recorded. Back any
 * number of steps: the upper level only, with a reason, the later steps' data cleared.
 */
export const changeStatus = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TStatusChange;
}): Promise<{ id: number; version: number; status: CongressStatus }> =>
  db.transaction(async (tx) => {
    const before = await lockCongress(tx, actor, id);
    const from = stepOf(before.status);
    const to = stepOf(input.to);
    if (to === from)
      throw invalidField('to', `Đại hội đang ở bước "${congressStatusLabels[before.status]}".`);
    const backward = to < from;
    if (backward || input.to !== 'held') requireUpperLevel(actor, before.path);
    else if (!can(actor, 'congress.write')) throw forbidden();
    if (before.version !== input.version) throw conflict();
    const today = todayIso();
    let set: ReturnType<typeof sql>;
    if (backward) {
      if (!input.reason)
        throw invalidField('reason', 'Cần ghi lý do trả lại bước trước của đại hội.');
      set = sql`status = ${input.to}
        ${to < stepOf('approved') ? sql`, plan_approved_on = null, plan_approval_ref = null` : sql``}
        ${to < stepOf('held') ? sql`, held_on = null, ended_on = null` : sql``}
        , results_approved_on = null, results_approval_ref = null`;
    } else if (to !== from + 1) {
      throw invalidField(
        'to',
        `Đại hội đang ở bước "${congressStatusLabels[before.status]}": chuyển lần lượt từng bước.`,
      );
    } else if (input.to === 'approved') {
      if (!input.planApprovedOn)
        throw invalidField('planApprovedOn', 'Cần ghi ngày cấp trên duyệt kế hoạch đại hội.');
      if (input.planApprovedOn > today)
        throw invalidField('planApprovedOn', 'Ngày duyệt không được sau ngày hôm nay.');
      if (!input.planApprovalRef)
        throw invalidField('planApprovalRef', 'Cần ghi số văn bản duyệt kế hoạch đại hội.');
      set = sql`status = 'approved', plan_approved_on = ${input.planApprovedOn},
        plan_approval_ref = ${input.planApprovalRef}`;
    } else if (input.to === 'held') {
      if (!input.heldOn) throw invalidField('heldOn', 'Cần ghi ngày tổ chức đại hội.');
      if (input.heldOn > today)
        throw invalidField('heldOn', 'Ngày đại hội không được sau ngày hôm nay.');
      if (before.plan_approved_on && input.heldOn < before.plan_approved_on)
        throw invalidField(
          'heldOn',
          `Đại hội không thể tổ chức trước ngày cấp trên duyệt kế hoạch (${formatDate(before.plan_approved_on)}).`,
        );
      const summoned = input.summonedCount ?? before.summoned_count;
      const present = input.presentCount ?? before.present_count;
      if (summoned == null)
        throw invalidField('summonedCount', 'Cần ghi số đảng viên (đại biểu) được triệu tập.');
      if (present == null)
        throw invalidField('presentCount', 'Cần ghi số đảng viên (đại biểu) có mặt.');
      checkCounts(summoned, present);
      const ended = input.endedOn ?? before.ended_on;
      if (ended && ended < input.heldOn)
        throw invalidField('endedOn', 'Ngày bế mạc không được trước ngày khai mạc.');
      set = sql`status = 'held', held_on = ${input.heldOn}, ended_on = ${ended ?? null},
        summoned_count = ${summoned}, present_count = ${present}`;
    } else {
      if (!(await electionsRecorded(tx, id)))
        throw invalidField(
          'to',
          'Chưa ghi kết quả bầu cấp ủy (hoặc bí thư chi bộ) của đại hội: không thể chuẩn y kết quả.',
        );
      if (!input.resultsApprovedOn)
        throw invalidField('resultsApprovedOn', 'Cần ghi ngày chuẩn y kết quả đại hội.');
      if (input.resultsApprovedOn > today)
        throw invalidField('resultsApprovedOn', 'Ngày chuẩn y không được sau ngày hôm nay.');
      if (before.held_on && input.resultsApprovedOn < before.held_on)
        throw invalidField('resultsApprovedOn', 'Ngày chuẩn y không được trước ngày đại hội.');
      if (!input.resultsApprovalRef)
        throw invalidField('resultsApprovalRef', 'Cần ghi số quyết định chuẩn y.');
      set = sql`status = 'results_approved', results_approved_on = ${input.resultsApprovedOn},
        results_approval_ref = ${input.resultsApprovalRef}`;
    }
    await tx.execute(
      sql`update congresses set ${set}, version = version + 1, updated_at = now() where id = ${id}`,
    );
    await writeAudit(tx, {
      actor,
      action: backward ? 'congress.status.back' : 'congress.status',
      entityType: 'congress',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: {
        status: before.status,
        planApprovedOn: before.plan_approved_on,
        planApprovalRef: before.plan_approval_ref,
        heldOn: before.held_on,
        resultsApprovedOn: before.results_approved_on,
        resultsApprovalRef: before.results_approval_ref,
      },
      after: input,
      meta: backward ? { reason: input.reason } : undefined,
    });
    return { id, version: before.version + 1, status: input.to };
  });

/**
 * Record a document of the congress. The resolution of a grassroots or upper congress opens (or
 * updates) the unit's plan term "Nhiệm kỳ 2025–2030" with the resolution and the congress's date,
 * through the plans module, and links it to the congress: the term's targets are the resolution's.
 */
export const addDocument = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCongressDocumentInput;
}): Promise<{ id: number; termId: number | null }> =>
  db.transaction(async (tx) => {
    const congress = await lockCongress(tx, actor, id);
    if (input.documentId && !(await canReach(tx, actor, 'document.read', input.documentId)))
      throw invalidField('documentId', 'Không tìm thấy tệp đính kèm.');
    if (input.adoptedOn && input.adoptedOn > todayIso())
      throw invalidField('adoptedOn', 'Ngày thông qua không được sau ngày hôm nay.');
    const [row] = await tx
      .insert(congressDocuments)
      .values({
        congressId: id,
        kind: input.kind,
        title: input.title.normalize('NFC'),
        ref: input.ref ?? null,
        adoptedOn: input.adoptedOn ?? null,
        documentId: input.documentId ?? null,
        createdBy: actor.userId,
      })
      .returning();
    let termId: number | null = null;
    if (input.kind === 'resolution' && congress.level !== 'cell') {
      termId = await openCongressTerm(tx, actor, {
        orgUnitId: congress.org_unit_id,
        name: `Nhiệm kỳ ${congress.from_year}–${congress.to_year}`,
        fromYear: congress.from_year,
        toYear: congress.to_year,
        congressResolution: (input.ref ?? input.title).normalize('NFC'),
        congressDate: congress.held_on ?? input.adoptedOn ?? null,
      });
      await tx.execute(
        sql`update congresses set term_id = ${termId}, updated_at = now() where id = ${id}`,
      );
    }
    await writeAudit(tx, {
      actor,
      action: 'congress.document.add',
      entityType: 'congress',
      entityId: id,
      orgUnitId: congress.org_unit_id,
      after: { ...row, termId },
    });
    return { id: row.id, termId };
  });

/** Remove a document entry (the term a resolution opened stays: it may hold targets by now). */
export const removeDocument = async ({
  db,
  actor,
  id,
  documentId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  documentId: number;
}): Promise<{ ok: true }> =>
  db.transaction(async (tx) => {
    const congress = await lockCongress(tx, actor, id);
    const before = await queryOne<Record<string, unknown>>(
      tx,
      sql`delete from congress_documents where id = ${documentId} and congress_id = ${id} returning *`,
    );
    if (!before) throw notFound('văn kiện của đại hội');
    await writeAudit(tx, {
      actor,
      action: 'congress.document.remove',
      entityType: 'congress',
      entityId: id,
      orgUnitId: congress.org_unit_id,
      before,
    });
    return { ok: true as const };
  });
