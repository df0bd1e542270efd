// Changes to an inspection case: creation (unplanned or from a programme item), steps, conclusion,
// publication and recommendations. The module's overview, sources and confidentiality rule:
// case-access.ts.

import { eq } from 'drizzle-orm';
import type {
  TCaseFromItemInput,
  TCaseInput,
  TCaseStepInput,
  TConclusionInput,
  TRecommendationUpdate,
  TTeamCandidate,
} from '../../../contracts/inspection';
import {
  type CaseKind,
  type CaseStep,
  checkCaseStep,
} from '../../../domain/rules/inspection/inspection';
import { normalizeText } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import {
  inspectionCaseSteps,
  inspectionCaseSubjects,
  inspectionCases,
  inspectionCaseTeam,
  inspectionRecommendations,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope, type UnitRow } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';
import { getCaseForWrite, getCaseRow } from './case-access';
import { assertBodyUnit, getProgrammeInScope, text } from './programmes.service';

type CaseRow = typeof inspectionCases.$inferSelect;

const resolveSubjects = async (
  tx: DbOrTx,
  actor: Actor,
  conductor: UnitRow,
  subjects: TCaseInput['subjects'],
) => {
  const out: {
    subjectKind: 'member' | 'organisation';
    orgUnitId: number;
    memberId: number | null;
  }[] = [];
  const seen = new Set<string>();
  for (const s of subjects) {
    if (s.kind === 'organisation') {
      if (!s.orgUnitId) throw invalidField('subjects', 'Cần chọn tổ chức đảng là đối tượng.');
      const unit = await getUnitInScope(tx, actor, s.orgUnitId);
      if (unit.path !== conductor.path && !unit.path.startsWith(`${conductor.path}.`))
        throw invalidField('subjects', `${unit.name} không thuộc phạm vi của ${conductor.name}.`);
      if (seen.has(`o${unit.id}`)) continue;
      seen.add(`o${unit.id}`);
      out.push({ subjectKind: 'organisation', orgUnitId: unit.id, memberId: null });
    } else {
      if (!s.memberId) throw invalidField('subjects', 'Cần chọn đảng viên là đối tượng.');
      const m = await queryOne<{ id: number; org_unit_id: number; path: string }>(
        tx,
        sql`select m.id, m.org_unit_id, o.path::text as path from members m join org_units o on o.id = m.org_unit_id
            where m.id = ${s.memberId} and ${inScope(actor, sql`o.path`)}`,
      );
      if (!m) throw notFound('đảng viên');
      if (!m.path.startsWith(`${conductor.path}.`) && m.path !== conductor.path)
        throw invalidField('subjects', `Đảng viên không thuộc phạm vi của ${conductor.name}.`);
      if (seen.has(`m${m.id}`)) continue;
      seen.add(`m${m.id}`);
      out.push({ subjectKind: 'member', orgUnitId: m.org_unit_id, memberId: m.id });
    }
  }
  return out;
};

const insertCase = async (
  tx: DbOrTx,
  actor: Actor,
  input: TCaseInput,
): Promise<{ id: number; version: number }> => {
  if (input.decisionDate > todayIso())
    throw invalidField('decisionDate', 'Ngày quyết định không được sau ngày hôm nay.');
  if (input.plannedFrom && input.plannedTo && input.plannedTo < input.plannedFrom)
    throw invalidField('plannedTo', 'Ngày kết thúc dự kiến không thể trước ngày bắt đầu.');
  if (input.plannedFrom && input.plannedFrom < input.decisionDate)
    throw invalidField('plannedFrom', 'Ngày bắt đầu không thể trước ngày quyết định.');
  const conductor = await getUnitInScope(tx, actor, input.orgUnitId);
  assertBodyUnit(conductor, input.body);
  const subjects = await resolveSubjects(tx, actor, conductor, input.subjects);
  for (const t of input.team) {
    if (!t.userId) continue;
    const u = await queryOne<{ id: number }>(
      tx,
      sql`select u.id from users u join org_units o on o.id = u.scope_org_unit_id
          where u.id = ${t.userId} and u.is_active and ${inScope(actor, sql`o.path`)}`,
    );
    if (!u)
      throw invalidField(
        'team',
        'Không tìm thấy tài khoản của thành viên đoàn (tài khoản đã khóa hoặc ngoài phạm vi).',
      );
  }
  const [created] = await tx
    .insert(inspectionCases)
    .values({
      orgUnitId: conductor.id,
      body: input.body,
      kind: input.kind,
      programmeItemId: input.programmeItemId ?? null,
      title: normalizeText(input.title),
      content: text(input.content),
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      year: Number(input.decisionDate.slice(0, 4)),
      plannedFrom: input.plannedFrom ?? null,
      plannedTo: input.plannedTo ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: inspectionCases.id, version: inspectionCases.version });
  await tx
    .insert(inspectionCaseSubjects)
    .values(subjects.map((s) => ({ ...s, caseId: created.id })));
  if (input.team.length)
    await tx.insert(inspectionCaseTeam).values(
      input.team.map((t) => ({
        caseId: created.id,
        name: normalizeText(t.name),
        role: t.role,
        userId: t.userId ?? null,
      })),
    );
  // The decision is the first step of every case.
  await tx.insert(inspectionCaseSteps).values({
    caseId: created.id,
    step: 'decision',
    stepDate: input.decisionDate,
    documentNumber: input.decisionNumber,
    recordedBy: actor.userId,
  });
  await writeAudit(tx, {
    actor,
    action: 'inspection.case.create',
    entityType: 'inspection_case',
    entityId: created.id,
    orgUnitId: conductor.id,
    after: { ...input, content: input.content ? '(mật)' : null },
  });
  return created;
};

/**
 * Accounts that may be put on a case's team, so that the confidentiality rule "people assigned to
 * a case see its file" can be used: active accounts whose scope lies in the caller's subtree. Only
 * the id, display name and scope are given (no role, username or login data).
 */
export const listTeamCandidates = async ({
  db,
  actor,
  q,
}: {
  db: Db;
  actor: Actor;
  q?: string;
}): Promise<TTeamCandidate[]> => {
  const filter = q
    ? sql`and lower(immutable_unaccent(u.display_name)) like lower(immutable_unaccent(${`%${q}%`}))`
    : sql``;
  const rows = await queryRows<{ id: number; display_name: string; scope_name: string }>(
    db,
    sql`select u.id, u.display_name, o.name as scope_name from users u
        join org_units o on o.id = u.scope_org_unit_id
        where u.is_active and ${inScope(actor, sql`o.path`)} ${filter}
        order by u.display_name, u.id limit 50`,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, scopeName: r.scope_name }));
};

export const createCase = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TCaseInput;
}): Promise<{ id: number; version: number }> => {
  if (input.programmeItemId)
    throw invalidField(
      'programmeItemId',
      'Cuộc kiểm tra theo chương trình được lập từ mục của chương trình.',
    );
  return db.transaction((tx) => insertCase(tx, actor, input));
};

/** Open the case planned by a programme item: body, kind and committee come from the programme. */
export const createCaseFromItem = async ({
  db,
  actor,
  itemId,
  input,
}: {
  db: Db;
  actor: Actor;
  itemId: number;
  input: TCaseFromItemInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const item = await queryOne<{
      id: number;
      programme_id: number;
      kind: CaseKind;
      theme: string;
      subject_text: string;
      subject_org_unit_id: number | null;
    }>(
      tx,
      sql`select i.id, i.programme_id, i.kind, i.theme, i.subject_text, i.subject_org_unit_id
          from inspection_programme_items i join inspection_programmes p on p.id = i.programme_id
          join org_units o on o.id = p.org_unit_id
          where i.id = ${itemId} and ${inScope(actor, sql`o.path`)} for update of i`,
    );
    if (!item) throw notFound('mục của chương trình');
    const p = await getProgrammeInScope(tx, actor, item.programme_id);
    const existing = await queryOne<{ id: number }>(
      tx,
      sql`select id from inspection_cases where programme_item_id = ${itemId} limit 1`,
    );
    if (existing)
      throw invalidField(
        'programmeItemId',
        'Mục này của chương trình đã được lập thành cuộc kiểm tra, giám sát.',
      );
    return insertCase(tx, actor, {
      ...input,
      orgUnitId: p.org_unit_id,
      body: p.body,
      kind: item.kind,
      programmeItemId: item.id,
      title: input.title ?? `${item.theme} – ${item.subject_text}`,
      content: input.content ?? item.theme,
    });
  });

export const recordCaseStep = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCaseStepInput;
}): Promise<{ id: number; version: number }> => {
  if (input.stepDate > todayIso())
    throw invalidField('stepDate', 'Ngày của bước không được sau ngày hôm nay.');
  if (input.step === 'conclusion')
    throw invalidField('step', 'Kết luận được ghi cùng nội dung kết luận và kiến nghị.');
  return db.transaction(async (tx) => {
    const c = await getCaseForWrite(tx, actor, id, input.version);
    const recorded = (
      await tx.select().from(inspectionCaseSteps).where(eq(inspectionCaseSteps.caseId, id))
    ).map((s) => ({ step: s.step as CaseStep, date: s.stepDate }));
    const check = checkCaseStep(c.kind as CaseKind, recorded, input.step, input.stepDate);
    if (!check.ok) throw invalidField('step', check.message);
    await tx.insert(inspectionCaseSteps).values({
      caseId: id,
      step: input.step,
      stepDate: input.stepDate,
      documentNumber: input.documentNumber ?? null,
      note: input.note ?? null,
      recordedBy: actor.userId,
    });
    const [after] = await tx
      .update(inspectionCases)
      .set({ version: c.version + 1, updatedAt: new Date() })
      .where(eq(inspectionCases.id, id))
      .returning({ version: inspectionCases.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.case.step',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: c.orgUnitId,
      after: { step: input.step, stepDate: input.stepDate, documentNumber: input.documentNumber },
    });
    return { id, version: after.version };
  });
};

export const recordConclusion = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TConclusionInput;
}): Promise<{ id: number; version: number }> => {
  if (input.conclusionDate > todayIso())
    throw invalidField('conclusionDate', 'Ngày kết luận không được sau ngày hôm nay.');
  return db.transaction(async (tx) => {
    const c: CaseRow = await getCaseForWrite(tx, actor, id, input.version);
    const recorded = (
      await tx.select().from(inspectionCaseSteps).where(eq(inspectionCaseSteps.caseId, id))
    ).map((s) => ({ step: s.step as CaseStep, date: s.stepDate }));
    const check = checkCaseStep(c.kind as CaseKind, recorded, 'conclusion', input.conclusionDate);
    if (!check.ok) throw invalidField('conclusionDate', check.message);
    const conductor = await getUnitInScope(tx, actor, c.orgUnitId);
    for (const r of input.recommendations) {
      if (!r.addresseeOrgUnitId) continue;
      const u = await getUnitInScope(tx, actor, r.addresseeOrgUnitId);
      if (!u.path.startsWith(conductor.path))
        throw invalidField('recommendations', `${u.name} không thuộc ${conductor.name}.`);
      if (r.dueOn && r.dueOn < input.conclusionDate)
        throw invalidField(
          'recommendations',
          'Hạn thực hiện kiến nghị không thể trước ngày kết luận.',
        );
    }
    await tx.insert(inspectionCaseSteps).values({
      caseId: id,
      step: 'conclusion',
      stepDate: input.conclusionDate,
      documentNumber: input.conclusionNumber,
      recordedBy: actor.userId,
    });
    if (input.recommendations.length)
      await tx.insert(inspectionRecommendations).values(
        input.recommendations.map((r) => ({
          caseId: id,
          text: normalizeText(r.text),
          addresseeOrgUnitId: r.addresseeOrgUnitId ?? null,
          dueOn: r.dueOn ?? null,
        })),
      );
    const [after] = await tx
      .update(inspectionCases)
      .set({
        status: 'concluded',
        conclusionNumber: input.conclusionNumber,
        conclusionDate: input.conclusionDate,
        conclusionText: normalizeText(input.conclusionText),
        reportSummary: text(input.reportSummary),
        outcomeSummary: normalizeText(input.outcomeSummary),
        violationFound: input.violationFound,
        publishedOn: input.publish ? input.conclusionDate : null,
        version: c.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(inspectionCases.id, id))
      .returning({ version: inspectionCases.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.case.conclusion',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: c.orgUnitId,
      after: {
        conclusionNumber: input.conclusionNumber,
        conclusionDate: input.conclusionDate,
        published: input.publish,
        recommendations: input.recommendations.length,
      },
    });
    return { id, version: after.version };
  });
};

/** Publish a concluded case's outcome (thông báo kết luận) to the organisations concerned. */
export const publishCase = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { publishedOn: string; version: number };
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const c = await getCaseForWrite(tx, actor, id, input.version);
    if (c.status !== 'concluded' || !c.conclusionDate)
      throw invalidField('publishedOn', 'Chỉ thông báo khi đã có kết luận.');
    if (input.publishedOn < c.conclusionDate || input.publishedOn > todayIso())
      throw invalidField('publishedOn', 'Ngày thông báo phải từ ngày kết luận đến hôm nay.');
    const [after] = await tx
      .update(inspectionCases)
      .set({ publishedOn: input.publishedOn, version: c.version + 1, updatedAt: new Date() })
      .where(eq(inspectionCases.id, id))
      .returning({ version: inspectionCases.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.case.publish',
      entityType: 'inspection_case',
      entityId: id,
      orgUnitId: c.orgUnitId,
      after: input,
    });
    return { id, version: after.version };
  });

export const updateRecommendation = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TRecommendationUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const rec = await queryOne<{ case_id: number; version: number }>(
      tx,
      sql`select case_id, version from inspection_recommendations where id = ${id} for update`,
    );
    if (!rec) throw notFound('kiến nghị');
    const c = await getCaseRow(tx, actor, rec.case_id);
    if (!c.full_access) throw notFound('kiến nghị');
    if (rec.version !== input.version) throw conflict();
    if (input.status === 'done' && !input.doneOn)
      throw invalidField('doneOn', 'Cần ghi ngày hoàn thành kiến nghị.');
    if (input.doneOn && input.doneOn > todayIso())
      throw invalidField('doneOn', 'Ngày hoàn thành không được sau ngày hôm nay.');
    if (input.doneOn && c.conclusion_date && input.doneOn < c.conclusion_date)
      throw invalidField('doneOn', 'Ngày hoàn thành không thể trước ngày kết luận.');
    const [after] = await tx
      .update(inspectionRecommendations)
      .set({
        status: input.status,
        doneOn: input.status === 'done' ? (input.doneOn ?? null) : null,
        followUp: input.followUp ?? null,
        version: rec.version + 1,
      })
      .where(eq(inspectionRecommendations.id, id))
      .returning({ version: inspectionRecommendations.version });
    await writeAudit(tx, {
      actor,
      action: 'inspection.recommendation.update',
      entityType: 'inspection_case',
      entityId: rec.case_id,
      orgUnitId: c.org_unit_id,
      after: { recommendationId: id, ...input },
    });
    return { id, version: after.version };
  });
