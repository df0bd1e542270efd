// Resolutions register and dissemination (docs/domain/resolutions.md). A resolution belongs
// to the committee that registered it: its subtree studies it and its ancestors see it. Units
// record their sessions, action programme and progress reports; members their own reflection.
import type {
  TActionProgrammeInput,
  TCoverage,
  TMyReflectionItem,
  TPlanInput,
  TProgressReportInput,
  TReflectionInput,
  TReflectionRoster,
  TResolutionDetail,
  TResolutionFields,
  TResolutionListItem,
  TResolutionUpdate,
  TSessionInput,
  TUnitRecord,
} from '../../../contracts/resolutions';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import {
  actionProgrammes,
  disseminationSessions,
  resolutionPlans,
  resolutionProgressReports,
  resolutionReflections,
  resolutions,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can, isPathInScope } from '../../platform/access/permissions';
import { canReach } from '../../platform/access/records';
import { containsScope, inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { type FiguresTx, markDisseminationChanged, unitsEverUnder, withFigures } from '../figures';
import {
  coverageSentences,
  loadCoverageCounts,
  loadCoverageUnits,
  loadMemberFigures,
  loadPlanFacts,
  summarise,
} from './coverage.queries';

/** Committees that register resolutions and plan their dissemination. */
const ownerKinds = [
  'province_committee',
  'upper_committee',
  'grassroots_committee',
  'grassroots_cell',
];

/** A resolution is visible in the owner's subtree and to the owner's ancestors. */
const visible = (actor: Actor) =>
  sql`(${inScope(actor, sql`ow.path`)} or ${containsScope(actor, sql`ow.path`)})`;

type ResolutionRow = {
  id: number;
  owner_unit_id: number;
  owner_unit_name: string;
  owner_path: string;
  issuer_level: TResolutionDetail['issuerLevel'];
  issuer_name: string;
  kind: TResolutionDetail['kind'];
  number: string;
  issued_on: string;
  title: string;
  summary: string | null;
  document_id: number | null;
  document_name: string | null;
  version: number;
};

const getVisibleResolution = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<ResolutionRow>(
    db,
    sql`select r.id, r.owner_unit_id, ow.name as owner_unit_name, ow.path::text as owner_path,
          r.issuer_level, r.issuer_name, r.kind, r.number, r.issued_on, r.title, r.summary,
          r.document_id, d.file_name as document_name, r.version
        from resolutions r join org_units ow on ow.id = r.owner_unit_id
        left join documents d on d.id = r.document_id
        where r.id = ${id} and ${visible(actor)}
        ${lock ? sql`for update of r` : sql``}`,
  );
  if (!row) throw notFound('văn bản');
  return row;
};

const canEdit = (actor: Actor, r: Pick<ResolutionRow, 'owner_path'>) =>
  can(actor, 'resolution.write') && isPathInScope(actor, r.owner_path);

const checkDocument = async (db: DbOrTx, actor: Actor, documentId: number | null | undefined) => {
  if (!documentId) return;
  if (!(await canReach(db, actor, 'document.read', documentId)))
    throw invalidField('documentId', 'Không tìm thấy tệp đính kèm.');
};

const checkFields = async (db: DbOrTx, actor: Actor, input: TResolutionFields) => {
  const owner = await getUnitInScope(db, actor, input.ownerUnitId);
  if (!ownerKinds.includes(owner.kind))
    throw invalidField('ownerUnitId', 'Chỉ cấp ủy (đảng bộ, chi bộ cơ sở) mới đăng ký văn bản.');
  if (input.issuedOn > todayIso())
    throw invalidField('issuedOn', 'Ngày ban hành không được sau ngày hôm nay.');
  await checkDocument(db, actor, input.documentId);
  if (input.plan) await checkPlan(db, actor, owner.path, input.issuedOn, input.plan);
  return owner;
};

const checkPlan = async (
  db: DbOrTx,
  actor: Actor,
  ownerPath: string,
  issuedOn: string,
  plan: TPlanInput,
) => {
  const target = await getUnitInScope(db, actor, plan.targetUnitId);
  if (!(target.path === ownerPath || target.path.startsWith(`${ownerPath}.`)))
    throw invalidField('plan.targetUnitId', 'Đơn vị thực hiện phải thuộc cấp ủy đăng ký văn bản.');
  if (plan.studyDeadline < issuedOn)
    throw invalidField('plan.studyDeadline', 'Hạn quán triệt không được trước ngày ban hành.');
  if (plan.actionProgrammeRequired) {
    if (!plan.actionProgrammeDeadline)
      throw invalidField(
        'plan.actionProgrammeDeadline',
        'Cần nhập hạn ban hành chương trình hành động.',
      );
    if (plan.actionProgrammeDeadline < issuedOn)
      throw invalidField(
        'plan.actionProgrammeDeadline',
        'Hạn ban hành chương trình hành động không được trước ngày ban hành văn bản.',
      );
  }
};

const duplicateNumber = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
};
const duplicateNumberError = () =>
  invalidField('number', 'Số văn bản này đã có trong sổ của cấp ủy.');

/** Replace the plan, and recount the dissemination sums of the units under its old and new target. */
const writePlan = async (
  tx: FiguresTx,
  resolutionId: number,
  plan: TPlanInput | null | undefined,
) => {
  const old = await queryOne<{ target_unit_id: number }>(
    tx,
    sql`delete from resolution_plans where resolution_id = ${resolutionId} returning target_unit_id`,
  );
  const targets = [
    ...(old ? [Number(old.target_unit_id)] : []),
    ...(plan ? [plan.targetUnitId] : []),
  ];
  if (plan) await insertPlan(tx, resolutionId, plan);
  if (targets.length > 0) markDisseminationChanged(tx, unitsEverUnder(targets));
};

const insertPlan = async (tx: DbOrTx, resolutionId: number, plan: TPlanInput) => {
  await tx.insert(resolutionPlans).values({
    resolutionId,
    targetUnitId: plan.targetUnitId,
    unitKinds: plan.unitKinds,
    studyDeadline: plan.studyDeadline,
    actionProgrammeRequired: plan.actionProgrammeRequired,
    actionProgrammeDeadline: plan.actionProgrammeRequired
      ? (plan.actionProgrammeDeadline ?? null)
      : null,
    note: plan.note ?? null,
  });
};

export const createResolution = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TResolutionFields;
}): Promise<{ id: number; version: number }> => {
  try {
    return await withFigures(db, async (tx) => {
      const owner = await checkFields(tx, actor, input);
      const [row] = await tx
        .insert(resolutions)
        .values({
          ownerUnitId: owner.id,
          issuerLevel: input.issuerLevel,
          issuerName: input.issuerName.normalize('NFC'),
          kind: input.kind,
          number: input.number.normalize('NFC'),
          issuedOn: input.issuedOn,
          title: input.title.normalize('NFC'),
          summary: input.summary ?? null,
          documentId: input.documentId ?? null,
          createdBy: actor.userId,
        })
        .returning({ id: resolutions.id, version: resolutions.version });
      await writePlan(tx, row.id, input.plan);
      await writeAudit(tx, {
        actor,
        action: 'resolution.create',
        entityType: 'resolution',
        entityId: row.id,
        orgUnitId: owner.id,
        after: input,
      });
      return row;
    });
  } catch (error) {
    if (duplicateNumber(error)) throw duplicateNumberError();
    throw error;
  }
};

export const updateResolution = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TResolutionUpdate;
}): Promise<{ id: number; version: number }> => {
  try {
    return await withFigures(db, async (tx) => {
      const before = await getVisibleResolution(tx, actor, id, true);
      if (!canEdit(actor, before)) throw notFound('văn bản');
      if (before.version !== input.version) throw conflict();
      const owner = await checkFields(tx, actor, input);
      const [row] = await tx
        .update(resolutions)
        .set({
          ownerUnitId: owner.id,
          issuerLevel: input.issuerLevel,
          issuerName: input.issuerName.normalize('NFC'),
          kind: input.kind,
          number: input.number.normalize('NFC'),
          issuedOn: input.issuedOn,
          title: input.title.normalize('NFC'),
          summary: input.summary ?? null,
          documentId: input.documentId ?? null,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(sql`id = ${id}`)
        .returning({ id: resolutions.id, version: resolutions.version });
      await writePlan(tx, id, input.plan);
      await writeAudit(tx, {
        actor,
        action: 'resolution.update',
        entityType: 'resolution',
        entityId: id,
        orgUnitId: owner.id,
        before,
        after: input,
      });
      return row;
    });
  } catch (error) {
    if (duplicateNumber(error)) throw duplicateNumberError();
    throw error;
  }
};

const planOf = async (db: DbOrTx, resolutionId: number) =>
  queryOne<{
    target_unit_id: number;
    target_unit_name: string;
    unit_kinds: TPlanInput['unitKinds'];
    study_deadline: string;
    action_programme_required: boolean;
    action_programme_deadline: string | null;
    note: string | null;
  }>(
    db,
    sql`select p.target_unit_id, o.name as target_unit_name, p.unit_kinds, p.study_deadline,
          p.action_programme_required, p.action_programme_deadline, p.note
        from resolution_plans p join org_units o on o.id = p.target_unit_id
        where p.resolution_id = ${resolutionId}`,
  );

export const getResolution = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TResolutionDetail> => {
  const r = await getVisibleResolution(db, actor, id);
  const plan = await planOf(db, id);
  return {
    id: r.id,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    issuerLevel: r.issuer_level,
    issuerName: r.issuer_name,
    kind: r.kind,
    number: r.number,
    issuedOn: r.issued_on,
    title: r.title,
    summary: r.summary,
    documentId: r.document_id,
    documentName: r.document_name,
    version: r.version,
    canEdit: canEdit(actor, r),
    plan: plan
      ? {
          targetUnitId: plan.target_unit_id,
          targetUnitName: plan.target_unit_name,
          unitKinds: plan.unit_kinds,
          studyDeadline: plan.study_deadline,
          actionProgrammeRequired: plan.action_programme_required,
          actionProgrammeDeadline: plan.action_programme_deadline,
          note: plan.note,
        }
      : null,
  };
};

export const listResolutions = async ({
  db,
  actor,
  year,
  kind,
  q,
}: {
  db: Db;
  actor: Actor;
  year?: number;
  kind?: string;
  q?: string;
}): Promise<{ items: TResolutionListItem[] }> => {
  const like = q ? `%${toSearchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await queryRows<ResolutionRow & { study_deadline: string | null }>(
    db,
    sql`select r.id, r.owner_unit_id, ow.name as owner_unit_name, r.issuer_level, r.issuer_name,
          r.kind, r.number, r.issued_on, r.title, p.study_deadline
        from resolutions r join org_units ow on ow.id = r.owner_unit_id
        left join resolution_plans p on p.resolution_id = r.id
        where ${visible(actor)}
          ${year ? sql`and extract(year from r.issued_on) = ${year}` : sql``}
          ${kind ? sql`and r.kind = ${kind}` : sql``}
          ${
            like
              ? sql`and (lower(immutable_unaccent(r.title)) like ${like}
                     or lower(immutable_unaccent(r.number)) like ${like})`
              : sql``
          }
        order by r.issued_on desc, r.id desc
        limit 200`,
  );
  const counts = await loadCoverageCounts(
    db,
    rows.filter((r) => r.study_deadline).map((r) => r.id),
    actor.scopeOrgUnitId,
    todayIso(),
  );
  const items: TResolutionListItem[] = rows.map((r) => ({
    id: r.id,
    ownerUnitId: r.owner_unit_id,
    ownerUnitName: r.owner_unit_name,
    issuerLevel: r.issuer_level,
    issuerName: r.issuer_name,
    kind: r.kind,
    number: r.number,
    issuedOn: r.issued_on,
    title: r.title,
    studyDeadline: r.study_deadline,
    required: 0,
    held: 0,
    actionProgrammes: 0,
    ...counts.get(r.id),
  }));
  return { items };
};

export const getCoverage = async ({
  db,
  actor,
  id,
  unitId,
  asOf,
}: {
  db: Db;
  actor: Actor;
  id: number;
  unitId?: number;
  asOf?: string;
}): Promise<TCoverage> => {
  await getVisibleResolution(db, actor, id);
  const unit = await getUnitInScope(db, actor, unitId ?? actor.scopeOrgUnitId);
  const date = asOf ?? todayIso();
  const plan = await loadPlanFacts(db, id, date);
  if (!plan) throw notFound('kế hoạch quán triệt của văn bản');
  const rows = await loadCoverageUnits(db, plan, unit.id, date);
  const s = summarise(plan, rows);
  const m = await loadMemberFigures(db, plan, unit.id, date);
  const children = await queryRows<{ id: number; name: string; kind: string; path: string }>(
    db,
    sql`select h.org_unit_id as id, h.name, h.kind, h.path::text as path from org_unit_history h
        where h.parent_id = ${unit.id} and h.valid_from <= ${plan.tree_date}
          and (h.valid_to is null or h.valid_to > ${plan.tree_date})
        order by h.name collate vi`,
  );
  const under = (path: string) =>
    rows.filter((r) => r.path === path || r.path.startsWith(`${path}.`));
  return {
    unitId: unit.id,
    unitName: unit.name,
    asOf: date,
    treeDate: plan.tree_date,
    studyDeadline: plan.study_deadline,
    actionProgrammeRequired: plan.action_programme_required,
    actionProgrammeDeadline: plan.action_programme_deadline,
    ...s,
    ...m,
    sentences: coverageSentences(s, plan, m),
    children: children
      .map((c) => {
        const sub = under(c.path);
        return {
          id: Number(c.id),
          name: c.name,
          kind: c.kind,
          required: sub.length,
          held: sub.filter((r) => r.held_on).length,
          actionProgrammes: sub.filter((r) => r.ap_on).length,
          canDrill: sub.some((r) => r.path !== c.path),
        };
      })
      .filter((c) => c.required > 0),
    units: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      heldOn: r.held_on,
      late: r.held_on ? r.held_on > plan.study_deadline : date > plan.study_deadline,
      actionProgrammeOn: r.ap_on,
    })),
  };
};

/** The unit must be in the actor's scope (else "not found") and required by the plan. */
const requiredUnit = async (db: DbOrTx, actor: Actor, resolutionId: number, unitId: number) => {
  const r = await getVisibleResolution(db, actor, resolutionId);
  const unit = await getUnitInScope(db, actor, unitId);
  const today = todayIso();
  const plan = await loadPlanFacts(db, resolutionId, today);
  if (!plan) throw invalidField('orgUnitId', 'Văn bản này chưa có kế hoạch quán triệt.');
  const rows = await loadCoverageUnits(db, plan, unit.id, today);
  const required = rows.some((row) => row.id === unit.id);
  return { resolution: r, unit, plan, required };
};

const checkRecordDate = (field: string, date: string, issuedOn: string, what: string) => {
  if (date > todayIso()) throw invalidField(field, `${what} không được sau ngày hôm nay.`);
  if (date < issuedOn) throw invalidField(field, `${what} không được trước ngày ban hành văn bản.`);
};

export const recordSession = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TSessionInput;
}): Promise<{ id: number }> => {
  if (input.attended > input.invited)
    throw invalidField('attended', 'Số người dự không được lớn hơn số người được triệu tập.');
  return withFigures(db, async (tx) => {
    const { resolution, unit, required } = await requiredUnit(tx, actor, id, input.orgUnitId);
    if (!required)
      throw invalidField('orgUnitId', 'Tổ chức này không thuộc diện phải quán triệt văn bản này.');
    checkRecordDate('heldOn', input.heldOn, resolution.issued_on, 'Ngày quán triệt');
    const [row] = await tx
      .insert(disseminationSessions)
      .values({ resolutionId: id, ...input, note: input.note ?? null, recordedBy: actor.userId })
      .returning({ id: disseminationSessions.id });
    markDisseminationChanged(tx, [unit.id]);
    await writeAudit(tx, {
      actor,
      action: 'resolution.session',
      entityType: 'dissemination_session',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { resolutionId: id, ...input },
    });
    return row;
  });
};

export const recordActionProgramme = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TActionProgrammeInput;
}): Promise<{ ok: true }> =>
  withFigures(db, async (tx) => {
    const { resolution, unit, required } = await requiredUnit(tx, actor, id, input.orgUnitId);
    if (!required)
      throw invalidField('orgUnitId', 'Tổ chức này không thuộc diện phải thực hiện văn bản này.');
    checkRecordDate('issuedOn', input.issuedOn, resolution.issued_on, 'Ngày ban hành chương trình');
    await checkDocument(tx, actor, input.documentId);
    await tx.execute(
      sql`delete from action_programmes where resolution_id = ${id} and org_unit_id = ${unit.id}`,
    );
    await tx.insert(actionProgrammes).values({
      resolutionId: id,
      orgUnitId: unit.id,
      number: input.number.normalize('NFC'),
      issuedOn: input.issuedOn,
      title: input.title ?? null,
      documentId: input.documentId ?? null,
      recordedBy: actor.userId,
    });
    markDisseminationChanged(tx, [unit.id]);
    await writeAudit(tx, {
      actor,
      action: 'resolution.action_programme',
      entityType: 'resolution',
      entityId: id,
      orgUnitId: unit.id,
      after: input,
    });
    return { ok: true as const };
  });

export const recordProgressReport = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TProgressReportInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const { resolution, unit, required } = await requiredUnit(tx, actor, id, input.orgUnitId);
    if (!required)
      throw invalidField('orgUnitId', 'Tổ chức này không thuộc diện phải thực hiện văn bản này.');
    checkRecordDate('reportedOn', input.reportedOn, resolution.issued_on, 'Ngày báo cáo');
    const [row] = await tx
      .insert(resolutionProgressReports)
      .values({
        resolutionId: id,
        orgUnitId: unit.id,
        reportedOn: input.reportedOn,
        content: input.content.normalize('NFC'),
        recordedBy: actor.userId,
      })
      .returning({ id: resolutionProgressReports.id });
    await writeAudit(tx, {
      actor,
      action: 'resolution.progress_report',
      entityType: 'resolution_progress_report',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { resolutionId: id, reportedOn: input.reportedOn },
    });
    return row;
  });

export const getUnitRecord = async ({
  db,
  actor,
  id,
  orgUnitId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  orgUnitId: number;
}): Promise<TUnitRecord> => {
  const { unit, required } = await requiredUnit(db, actor, id, orgUnitId);
  const sessions = await queryRows<{
    id: number;
    held_on: string;
    form: TUnitRecord['sessions'][number]['form'];
    invited: number;
    attended: number;
    note: string | null;
  }>(
    db,
    sql`select id, held_on, form, invited, attended, note from dissemination_sessions
        where resolution_id = ${id} and org_unit_id = ${unit.id} order by held_on, id`,
  );
  const ap = await queryOne<{
    number: string;
    issued_on: string;
    title: string | null;
    document_id: number | null;
    document_name: string | null;
  }>(
    db,
    sql`select a.number, a.issued_on, a.title, a.document_id, d.file_name as document_name
        from action_programmes a left join documents d on d.id = a.document_id
        where a.resolution_id = ${id} and a.org_unit_id = ${unit.id}`,
  );
  const reports = await queryRows<{ id: number; reported_on: string; content: string }>(
    db,
    sql`select id, reported_on, content from resolution_progress_reports
        where resolution_id = ${id} and org_unit_id = ${unit.id} order by reported_on, id`,
  );
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    required,
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      form: s.form,
      invited: s.invited,
      attended: s.attended,
      note: s.note,
    })),
    actionProgramme: ap
      ? {
          number: ap.number,
          issuedOn: ap.issued_on,
          title: ap.title,
          documentId: ap.document_id,
          documentName: ap.document_name,
        }
      : null,
    progressReports: reports.map((r) => ({
      id: r.id,
      reportedOn: r.reported_on,
      content: r.content,
    })),
  };
};

/** Members of a unit's subtree today (full and probationary) and whether each has reflected. */
export const getReflectionRoster = async ({
  db,
  actor,
  id,
  orgUnitId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  orgUnitId: number;
}): Promise<TReflectionRoster> => {
  await getVisibleResolution(db, actor, id);
  const unit = await getUnitInScope(db, actor, orgUnitId);
  const rows = await queryRows<{
    member_id: number;
    full_name: string;
    submitted_on: string | null;
  }>(
    db,
    sql`select m.id as member_id, m.full_name, r.submitted_on
        from members m join org_units o on o.id = m.org_unit_id
        left join resolution_reflections r on r.resolution_id = ${id} and r.member_id = m.id
        where o.path <@ ${unit.path}::ltree and m.status in ('full', 'probationary')
        order by m.given_name collate vi, m.full_name collate vi
        limit 2000`,
  );
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    submitted: rows.filter((r) => r.submitted_on).length,
    total: rows.length,
    members: rows.map((r) => ({
      memberId: r.member_id,
      fullName: r.full_name,
      submittedOn: r.submitted_on,
    })),
  };
};

const requireMember = (actor: Actor): number => {
  if (!actor.memberId)
    throw new AppError('FORBIDDEN', {
      message: 'Tài khoản này không gắn với hồ sơ đảng viên nào.',
    });
  return actor.memberId;
};

/** Resolutions the member's cell has to study (its plan covers the cell today). */
export const listMyReflections = async ({
  db,
  actor,
}: {
  db: Db;
  actor: Actor;
}): Promise<{ items: TMyReflectionItem[] }> => {
  const memberId = requireMember(actor);
  const rows = await queryRows<{
    resolution_id: number;
    number: string;
    title: string;
    kind: TMyReflectionItem['kind'];
    issued_on: string;
    study_deadline: string | null;
    submitted_on: string | null;
    content: string | null;
  }>(
    db,
    sql`select r.id as resolution_id, r.number, r.title, r.kind, r.issued_on, p.study_deadline,
          x.submitted_on, x.content
        from members m join org_units cell on cell.id = m.org_unit_id
        join resolution_plans p on true
        join org_units t on t.id = p.target_unit_id
        join resolutions r on r.id = p.resolution_id
        left join resolution_reflections x on x.resolution_id = r.id and x.member_id = m.id
        where m.id = ${memberId} and cell.path <@ t.path
        order by r.issued_on desc, r.id desc`,
  );
  return {
    items: rows.map((r) => ({
      resolutionId: r.resolution_id,
      number: r.number,
      title: r.title,
      kind: r.kind,
      issuedOn: r.issued_on,
      studyDeadline: r.study_deadline,
      submittedOn: r.submitted_on,
      content: r.content,
    })),
  };
};

export const submitReflection = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TReflectionInput;
}): Promise<{ ok: true }> => {
  const memberId = requireMember(actor);
  return db.transaction(async (tx) => {
    await getVisibleResolution(tx, actor, id);
    const member = await queryOne<{ org_unit_id: number }>(
      tx,
      sql`select m.org_unit_id from members m join org_units cell on cell.id = m.org_unit_id
          join resolution_plans p on p.resolution_id = ${id}
          join org_units t on t.id = p.target_unit_id
          where m.id = ${memberId} and cell.path <@ t.path and m.status in ('full', 'probationary')`,
    );
    if (!member)
      throw invalidField('content', 'Chi bộ của đồng chí không thuộc diện học tập văn bản này.');
    const today = todayIso();
    await tx
      .insert(resolutionReflections)
      .values({
        resolutionId: id,
        memberId,
        orgUnitId: member.org_unit_id,
        submittedOn: today,
        content: input.content,
      })
      .onConflictDoUpdate({
        target: [resolutionReflections.resolutionId, resolutionReflections.memberId],
        set: { content: input.content, updatedAt: new Date() },
      });
    await writeAudit(tx, {
      actor,
      action: 'resolution.reflection',
      entityType: 'resolution',
      entityId: id,
      orgUnitId: member.org_unit_id,
      meta: { memberId, length: input.content.length },
    });
    return { ok: true as const };
  });
};

/** A file: in the actor's subtree, or the file of a resolution the actor sees. */
export const readResolutionDocument = async (db: Db, actor: Actor, documentId: number) => {
  const row = await queryOne<{
    org_unit_id: number;
    file_name: string;
    mime_type: string;
    content: Buffer | Uint8Array;
  }>(
    db,
    sql`select d.org_unit_id, d.file_name, d.mime_type, d.content from documents d
        join org_units o on o.id = d.org_unit_id
        where d.id = ${documentId} and (${inScope(actor, sql`o.path`)} or exists (
          select 1 from resolutions r join org_units ow on ow.id = r.owner_unit_id
          where r.document_id = d.id and ${visible(actor)}))`,
  );
  if (!row) throw notFound('tệp đính kèm');
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'document.read',
      entityType: 'document',
      entityId: documentId,
      orgUnitId: row.org_unit_id,
      meta: { fileName: row.file_name },
    }),
  );
  return { fileName: row.file_name, mimeType: row.mime_type, content: Buffer.from(row.content) };
};
