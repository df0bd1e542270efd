// Political and ideological education (docs/domain/education.md). A programme belongs to the committee
// that runs it: its subtree takes part and its ancestors see it (like a resolution). Units record their
// activities, members' commitments and their models; the committee holds its reviews (sơ kết, tổng kết)
// whose figures are computed from the records; models are reviewed by a level above the unit.
import type {
  TActivity,
  TActivityInput,
  TActivityUpdate,
  TCommitment,
  TCommitmentInput,
  TCommitmentOutcome,
  TEvidenceInput,
  TModelDetail,
  TModelInput,
  TModelListItem,
  TModelReview,
  TOpinionNote,
  TOpinionNoteInput,
  TOpinionNoteUpdate,
  TProgrammeDetail,
  TProgrammeInput,
  TProgrammeListItem,
  TProgrammeUpdate,
  TReview,
  TReviewInput,
  TReviewUpdate,
} from '../../../contracts/education';
import { reviewPeriodProblem } from '../../../domain/rules/education/programmes';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import {
  exemplaryModelEvidence,
  exemplaryModels,
  opinionNotes,
  programmeReviews,
  studyActivities,
  studyCommitments,
  studyProgrammes,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can, isPathInScope } from '../../platform/access/permissions';
import { canReach } from '../../platform/access/records';
import { containsScope, inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';
import { educationCounts, educationCoverage } from './education.queries';

/** Committees that run programmes of study for their subtree. */
const ownerKinds = [
  'province_committee',
  'upper_committee',
  'grassroots_committee',
  'grassroots_cell',
  'sub_committee',
];
const cellKinds = ['cell', 'grassroots_cell'];

/** A programme is visible in its owner's subtree and to the owner's ancestors. */
const visible = (actor: Actor) =>
  sql`(${inScope(actor, sql`ow.path`)} or ${containsScope(actor, sql`ow.path`)})`;

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);

type ProgrammeRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  owner_path: string;
  kind: TProgrammeDetail['kind'];
  title: string;
  directive_ref: string | null;
  resolution_id: number | null;
  from_date: string;
  to_date: string | null;
  note: string | null;
  version: number;
};

const getVisibleProgramme = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<ProgrammeRow>(
    db,
    sql`select p.id, p.org_unit_id, ow.name as org_unit_name, ow.path::text as owner_path, p.kind,
          p.title, p.directive_ref, p.resolution_id, p.from_date::text as from_date,
          p.to_date::text as to_date, p.note, p.version
        from study_programmes p join org_units ow on ow.id = p.org_unit_id
        where p.id = ${id} and ${visible(actor)} ${lock ? sql`for update of p` : sql``}`,
  );
  if (!row) throw notFound('chương trình học tập');
  return row;
};

const canEditProgramme = (actor: Actor, p: Pick<ProgrammeRow, 'owner_path'>) =>
  can(actor, 'education.programme') && isPathInScope(actor, p.owner_path);

/** The part of a subtree the actor sees: all of it, or the actor's own subtree inside it. */
const rootFor = async (db: DbOrTx, actor: Actor, path: string) =>
  isPathInScope(actor, path) ? path : (await getUnitInScope(db, actor, actor.scopeOrgUnitId)).path;

// Programmes ----------------------------------------------------------------------------------------

const checkProgramme = async (db: DbOrTx, actor: Actor, input: TProgrammeInput) => {
  const owner = await getUnitInScope(db, actor, input.orgUnitId);
  if (!ownerKinds.includes(owner.kind))
    throw invalidField(
      'orgUnitId',
      'Chỉ cấp ủy (đảng bộ, chi bộ cơ sở) mới lập chương trình học tập.',
    );
  if (input.toDate && input.toDate < input.fromDate)
    throw invalidField('toDate', 'Ngày kết thúc không được trước ngày bắt đầu.');
  if (input.resolutionId) {
    const r = await queryOne<{ id: number }>(
      db,
      sql`select r.id from resolutions r join org_units ow on ow.id = r.owner_unit_id
          where r.id = ${input.resolutionId} and ${visible(actor)}`,
    );
    if (!r) throw invalidField('resolutionId', 'Không tìm thấy văn bản trong sổ nghị quyết.');
  }
  return owner;
};

const programmeValues = (input: TProgrammeInput) => ({
  orgUnitId: input.orgUnitId,
  kind: input.kind,
  title: input.title.normalize('NFC'),
  directiveRef: input.directiveRef ?? null,
  resolutionId: input.resolutionId ?? null,
  fromDate: input.fromDate,
  toDate: input.toDate ?? null,
  note: input.note ?? null,
});

export const createProgramme = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TProgrammeInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const owner = await checkProgramme(tx, actor, input);
    const [row] = await tx
      .insert(studyProgrammes)
      .values({ ...programmeValues(input), createdBy: actor.userId })
      .returning({ id: studyProgrammes.id, version: studyProgrammes.version });
    await writeAudit(tx, {
      actor,
      action: 'education.programme.create',
      entityType: 'study_programme',
      entityId: row.id,
      orgUnitId: owner.id,
      after: input,
    });
    return row;
  });

export const updateProgramme = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TProgrammeUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleProgramme(tx, actor, id, true);
    if (!isPathInScope(actor, before.owner_path)) throw notFound('chương trình học tập');
    if (before.version !== input.version) throw conflict();
    const owner = await checkProgramme(tx, actor, input);
    const [row] = await tx
      .update(studyProgrammes)
      .set({ ...programmeValues(input), version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: studyProgrammes.id, version: studyProgrammes.version });
    await writeAudit(tx, {
      actor,
      action: 'education.programme.update',
      entityType: 'study_programme',
      entityId: id,
      orgUnitId: owner.id,
      before,
      after: input,
    });
    return row;
  });

export const listProgrammes = async ({
  db,
  actor,
  year,
}: {
  db: Db;
  actor: Actor;
  year?: number;
}): Promise<{ items: TProgrammeListItem[] }> => {
  const rows = await queryRows<ProgrammeRow & { activity_count: number; model_count: number }>(
    db,
    sql`select p.id, p.org_unit_id, ow.name as org_unit_name, ow.path::text as owner_path, p.kind,
          p.title, p.directive_ref, p.from_date::text as from_date, p.to_date::text as to_date,
          (select count(*)::int from study_activities a join org_units o on o.id = a.org_unit_id
            where a.programme_id = p.id and ${inScope(actor, sql`o.path`)}) as activity_count,
          (select count(*)::int from exemplary_models x join org_units o on o.id = x.org_unit_id
            where x.programme_id = p.id and ${inScope(actor, sql`o.path`)}) as model_count
        from study_programmes p join org_units ow on ow.id = p.org_unit_id
        where ${visible(actor)}
          ${year ? sql`and p.from_date <= ${`${year}-12-31`} and (p.to_date is null or p.to_date >= ${`${year}-01-01`})` : sql``}
        order by p.from_date desc, p.id desc`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      kind: r.kind,
      title: r.title,
      directiveRef: r.directive_ref,
      fromDate: r.from_date,
      toDate: r.to_date,
      activityCount: r.activity_count,
      modelCount: r.model_count,
      canEdit: canEditProgramme(actor, r),
    })),
  };
};

/** The year the programme page shows by default: this year, within the programme's period. */
const defaultYear = (p: Pick<ProgrammeRow, 'from_date' | 'to_date'>) => {
  const today = todayIso();
  const end = p.to_date && p.to_date < today ? p.to_date : today;
  return Number(maxDate(end, p.from_date).slice(0, 4));
};

export const getProgramme = async ({
  db,
  actor,
  id,
  year: askedYear,
}: {
  db: Db;
  actor: Actor;
  id: number;
  year?: number;
}): Promise<TProgrammeDetail> => {
  const p = await getVisibleProgramme(db, actor, id);
  const year = askedYear ?? defaultYear(p);
  const rootPath = await rootFor(db, actor, p.owner_path);
  const scope = {
    rootPath,
    programmeId: p.id,
    from: maxDate(p.from_date, `${year}-01-01`),
    to: minDate(p.to_date ?? `${year}-12-31`, `${year}-12-31`),
  };
  const [counts, coverage, activities, commitments, models, reviews] = await Promise.all([
    educationCounts(db, scope),
    educationCoverage(db, scope),
    listActivities(db, rootPath, p.id, scope.from, scope.to),
    listCommitments(db, rootPath, p.id, year),
    listModelRows(db, actor, sql`x.programme_id = ${p.id}`),
    listReviews(db, actor, p.id),
  ]);
  return {
    id: p.id,
    orgUnitId: p.org_unit_id,
    orgUnitName: p.org_unit_name,
    kind: p.kind,
    title: p.title,
    directiveRef: p.directive_ref,
    resolutionId: p.resolution_id,
    fromDate: p.from_date,
    toDate: p.to_date,
    note: p.note,
    version: p.version,
    activityCount: counts.activities,
    modelCount: models.length,
    canEdit: canEditProgramme(actor, p),
    canRecord: can(actor, 'education.record'),
    year,
    counts,
    coverage: coverage.map((c) => ({
      orgUnitId: c.org_unit_id,
      orgUnitName: c.org_unit_name,
      activities: c.activities,
      lastHeldOn: c.last_held_on,
      members: c.members,
      commitments: c.commitments,
    })),
    activities,
    commitments,
    models,
    reviews,
  };
};

const listActivities = async (
  db: DbOrTx,
  rootPath: string,
  programmeId: number,
  from: string,
  to: string,
): Promise<TActivity[]> => {
  const rows = await queryRows<{
    id: number;
    org_unit_id: number;
    org_unit_name: string;
    kind: TActivity['kind'];
    title: string;
    held_on: string;
    meeting_id: number | null;
    meeting_title: string | null;
    participants: number | null;
    note: string | null;
    version: number;
  }>(
    db,
    sql`select a.id, a.org_unit_id, o.name as org_unit_name, a.kind, a.title, a.held_on::text as held_on,
          a.meeting_id, m.title as meeting_title, a.participants, a.note, a.version
        from study_activities a join org_units o on o.id = a.org_unit_id
        left join meetings m on m.id = a.meeting_id
        where a.programme_id = ${programmeId} and o.path <@ ${rootPath}::ltree
          and a.held_on between ${from} and ${to}
        order by a.held_on desc, a.id desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    kind: r.kind,
    title: r.title,
    heldOn: r.held_on,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    participants: r.participants,
    note: r.note,
    version: r.version,
  }));
};

const listCommitments = async (
  db: DbOrTx,
  rootPath: string,
  programmeId: number,
  year: number,
): Promise<TCommitment[]> => {
  const rows = await queryRows<{
    id: number;
    member_id: number;
    member_name: string;
    org_unit_name: string | null;
    year: number;
    signed_on: string;
    content: string;
    outcome: TCommitment['outcome'];
    outcome_note: string | null;
    version: number;
  }>(
    db,
    sql`select c.id, c.member_id, m.full_name as member_name, o.name as org_unit_name, c.year,
          c.signed_on::text as signed_on, c.content, c.outcome, c.outcome_note, c.version
        from study_commitments c join members m on m.id = c.member_id
        join org_units o on o.id = m.org_unit_id
        where c.programme_id = ${programmeId} and c.year = ${year} and o.path <@ ${rootPath}::ltree
        order by o.name collate vi, m.given_name collate vi, m.full_name collate vi`,
  );
  return rows.map((r) => ({
    id: r.id,
    memberId: r.member_id,
    memberName: r.member_name,
    orgUnitName: r.org_unit_name,
    year: r.year,
    signedOn: r.signed_on,
    content: r.content,
    outcome: r.outcome,
    outcomeNote: r.outcome_note,
    version: r.version,
  }));
};

// Activities and commitments --------------------------------------------------------------------------

/** The unit and the date of an activity, and its linked meeting (the same unit's thematic meeting). */
const checkActivity = async (
  tx: DbOrTx,
  actor: Actor,
  p: { owner_path: string; from_date: string; to_date: string | null },
  input: TActivityInput,
) => {
  const unit = await getUnitInScope(tx, actor, input.orgUnitId);
  if (!under(unit.path, p.owner_path))
    throw invalidField('orgUnitId', 'Đơn vị này không thuộc phạm vi của chương trình.');
  if (input.heldOn > todayIso())
    throw invalidField('heldOn', 'Ngày tổ chức không được sau ngày hôm nay.');
  if (input.heldOn < p.from_date || (p.to_date && input.heldOn > p.to_date))
    throw invalidField('heldOn', 'Ngày tổ chức phải trong thời gian của chương trình.');
  if (input.meetingId) {
    // The cell's thematic meeting is linked, not recorded twice: it must be the same unit's.
    const m = await queryOne<{ org_unit_id: number }>(
      tx,
      sql`select org_unit_id from meetings where id = ${input.meetingId}`,
    );
    if (
      !m ||
      !(await canReach(tx, actor, 'meeting.read', input.meetingId)) ||
      Number(m.org_unit_id) !== unit.id
    )
      throw invalidField('meetingId', 'Không tìm thấy cuộc họp của đơn vị này.');
  }
  return unit;
};

const activityValues = (input: TActivityInput) => ({
  kind: input.kind,
  title: input.title.normalize('NFC'),
  heldOn: input.heldOn,
  meetingId: input.meetingId ?? null,
  participants: input.participants ?? null,
  note: input.note ?? null,
});

export const recordActivity = async ({
  db,
  actor,
  programmeId,
  input,
}: {
  db: Db;
  actor: Actor;
  programmeId: number;
  input: TActivityInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const p = await getVisibleProgramme(tx, actor, programmeId);
    const unit = await checkActivity(tx, actor, p, input);
    const [row] = await tx
      .insert(studyActivities)
      .values({
        programmeId,
        orgUnitId: unit.id,
        ...activityValues(input),
        createdBy: actor.userId,
      })
      .returning({ id: studyActivities.id });
    await writeAudit(tx, {
      actor,
      action: 'education.activity.create',
      entityType: 'study_activity',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { programmeId, ...input },
    });
    return row;
  });

/** An activity whose unit lies in the actor's subtree (otherwise "not found"), locked. */
const getActivityInScope = async (tx: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<{
    id: number;
    programme_id: number;
    org_unit_id: number;
    kind: string;
    title: string;
    held_on: string;
    meeting_id: number | null;
    participants: number | null;
    note: string | null;
    version: number;
  }>(
    tx,
    sql`select a.id, a.programme_id, a.org_unit_id, a.kind, a.title, a.held_on::text as held_on,
          a.meeting_id, a.participants, a.note, a.version
        from study_activities a join org_units o on o.id = a.org_unit_id
        where a.id = ${id} and ${inScope(actor, sql`o.path`)} for update of a`,
  );
  if (!row) throw notFound('hoạt động học tập');
  return row;
};

/** Correct an activity (its unit, kind, content, date, linked meeting, participants). */
export const updateActivity = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TActivityUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getActivityInScope(tx, actor, id);
    if (before.version !== input.version) throw conflict();
    const p = await getVisibleProgramme(tx, actor, before.programme_id);
    const { version: _v, ...fields } = input;
    const unit = await checkActivity(tx, actor, p, fields);
    const [row] = await tx
      .update(studyActivities)
      .set({ orgUnitId: unit.id, ...activityValues(fields), version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: studyActivities.id, version: studyActivities.version });
    await writeAudit(tx, {
      actor,
      action: 'education.activity.update',
      entityType: 'study_activity',
      entityId: id,
      orgUnitId: unit.id,
      before,
      after: fields,
    });
    return row;
  });

/** Delete an activity recorded by mistake (the linked meeting itself stays). */
export const deleteActivity = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const before = await getActivityInScope(tx, actor, id);
    await tx.delete(studyActivities).where(sql`id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'education.activity.delete',
      entityType: 'study_activity',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
    });
    return { id };
  });

export const recordCommitment = async ({
  db,
  actor,
  programmeId,
  input,
}: {
  db: Db;
  actor: Actor;
  programmeId: number;
  input: TCommitmentInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const p = await getVisibleProgramme(tx, actor, programmeId);
    const member = await queryOne<{
      id: number;
      org_unit_id: number;
      path: string;
      full_name: string;
    }>(
      tx,
      sql`select m.id, m.org_unit_id, o.path::text as path, m.full_name from members m
          join org_units o on o.id = m.org_unit_id
          where m.id = ${input.memberId} and ${inScope(actor, sql`o.path`)}`,
    );
    if (!member) throw invalidField('memberId', 'Không tìm thấy đảng viên trong phạm vi của mình.');
    if (!under(member.path, p.owner_path))
      throw invalidField('memberId', 'Đảng viên này không thuộc phạm vi của chương trình.');
    if (input.signedOn > todayIso())
      throw invalidField('signedOn', 'Ngày ký cam kết không được sau ngày hôm nay.');
    const fromYear = Number(p.from_date.slice(0, 4));
    const toYear = p.to_date ? Number(p.to_date.slice(0, 4)) : 2999;
    if (input.year < fromYear || input.year > toYear)
      throw invalidField('year', 'Năm cam kết phải trong thời gian của chương trình.');
    const existing = await queryOne<{ id: number }>(
      tx,
      sql`select id from study_commitments where programme_id = ${programmeId}
          and member_id = ${input.memberId} and year = ${input.year}`,
    );
    if (existing)
      throw invalidField(
        'memberId',
        `Đồng chí ${member.full_name} đã có bản cam kết năm ${input.year} của chương trình này.`,
      );
    const [row] = await tx
      .insert(studyCommitments)
      .values({
        programmeId,
        memberId: input.memberId,
        year: input.year,
        signedOn: input.signedOn,
        content: input.content.normalize('NFC'),
        createdBy: actor.userId,
      })
      .returning({ id: studyCommitments.id });
    await writeAudit(tx, {
      actor,
      action: 'education.commitment.create',
      entityType: 'study_commitment',
      entityId: row.id,
      orgUnitId: Number(member.org_unit_id),
      after: { programmeId, ...input },
    });
    return row;
  });

export const recordCommitmentOutcome = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCommitmentOutcome;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await queryOne<{
      id: number;
      org_unit_id: number;
      outcome: string | null;
      outcome_note: string | null;
      version: number;
    }>(
      tx,
      sql`select c.id, m.org_unit_id, c.outcome, c.outcome_note, c.version from study_commitments c
          join members m on m.id = c.member_id join org_units o on o.id = m.org_unit_id
          where c.id = ${id} and ${inScope(actor, sql`o.path`)} for update of c`,
    );
    if (!before) throw notFound('bản cam kết');
    if (before.version !== input.version) throw conflict();
    const [row] = await tx
      .update(studyCommitments)
      .set({
        outcome: input.outcome,
        outcomeNote: input.outcomeNote ?? null,
        version: before.version + 1,
      })
      .where(sql`id = ${id}`)
      .returning({ id: studyCommitments.id, version: studyCommitments.version });
    await writeAudit(tx, {
      actor,
      action: 'education.commitment.outcome',
      entityType: 'study_commitment',
      entityId: id,
      orgUnitId: Number(before.org_unit_id),
      before: { outcome: before.outcome, outcomeNote: before.outcome_note },
      after: input,
    });
    return row;
  });

// Reviews ---------------------------------------------------------------------------------------------

const listReviews = async (db: DbOrTx, actor: Actor, programmeId: number): Promise<TReview[]> => {
  const rows = await queryRows<{
    id: number;
    org_unit_id: number;
    org_unit_name: string;
    path: string;
    kind: TReview['kind'];
    title: string;
    period_from: string;
    period_to: string;
    held_on: string;
    report_ref: string | null;
    document_id: number | null;
    note: string | null;
    version: number;
  }>(
    db,
    sql`select r.id, r.org_unit_id, o.name as org_unit_name, o.path::text as path, r.kind, r.title,
          r.period_from::text as period_from, r.period_to::text as period_to,
          r.held_on::text as held_on, r.report_ref, r.document_id, r.note, r.version
        from programme_reviews r join org_units o on o.id = r.org_unit_id
        where r.programme_id = ${programmeId}
          and (${inScope(actor, sql`o.path`)} or ${containsScope(actor, sql`o.path`)})
        order by r.held_on desc, r.id desc`,
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      kind: r.kind,
      title: r.title,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      heldOn: r.held_on,
      reportRef: r.report_ref,
      documentId: r.document_id,
      note: r.note,
      version: r.version,
      // The organising committee's office corrects its own reviews; a cell only reads them.
      canEdit: can(actor, 'education.programme') && isPathInScope(actor, r.path),
      counts: await educationCounts(db, {
        rootPath: await rootFor(db, actor, r.path),
        programmeId,
        from: r.period_from,
        to: r.period_to,
      }),
    })),
  );
};

/** The organising unit (a committee), the period and the attached report of a review. */
const checkReview = async (
  tx: DbOrTx,
  actor: Actor,
  p: { owner_path: string; from_date: string; to_date: string | null },
  input: TReviewInput,
) => {
  const unit = await getUnitInScope(tx, actor, input.orgUnitId);
  if (!under(unit.path, p.owner_path))
    throw invalidField('orgUnitId', 'Đơn vị này không thuộc phạm vi của chương trình.');
  if (cellKinds.includes(unit.kind) && unit.kind !== 'grassroots_cell')
    throw invalidField('orgUnitId', 'Sơ kết, tổng kết do cấp ủy (đảng bộ, chi bộ cơ sở) tổ chức.');
  const problem = reviewPeriodProblem(
    { fromDate: p.from_date, toDate: p.to_date },
    input,
    todayIso(),
  );
  if (problem) throw invalidField(problem.field, problem.message);
  if (input.documentId && !(await canReach(tx, actor, 'document.read', input.documentId)))
    throw invalidField('documentId', 'Không tìm thấy tệp đính kèm.');
  return unit;
};

const reviewValues = (input: TReviewInput) => ({
  kind: input.kind,
  title: input.title.normalize('NFC'),
  periodFrom: input.periodFrom,
  periodTo: input.periodTo,
  heldOn: input.heldOn,
  reportRef: input.reportRef ?? null,
  documentId: input.documentId ?? null,
  note: input.note ?? null,
});

export const recordReview = async ({
  db,
  actor,
  programmeId,
  input,
}: {
  db: Db;
  actor: Actor;
  programmeId: number;
  input: TReviewInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const p = await getVisibleProgramme(tx, actor, programmeId);
    const unit = await checkReview(tx, actor, p, input);
    const [row] = await tx
      .insert(programmeReviews)
      .values({ programmeId, orgUnitId: unit.id, ...reviewValues(input), createdBy: actor.userId })
      .returning({ id: programmeReviews.id });
    await writeAudit(tx, {
      actor,
      action: 'education.review.create',
      entityType: 'programme_review',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { programmeId, ...input },
    });
    return row;
  });

/** A review whose organising unit lies in the actor's subtree (otherwise "not found"), locked. */
const getReviewInScope = async (tx: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<{
    id: number;
    programme_id: number;
    org_unit_id: number;
    kind: string;
    title: string;
    period_from: string;
    period_to: string;
    held_on: string;
    report_ref: string | null;
    document_id: number | null;
    note: string | null;
    version: number;
  }>(
    tx,
    sql`select r.id, r.programme_id, r.org_unit_id, r.kind, r.title, r.period_from::text as period_from,
          r.period_to::text as period_to, r.held_on::text as held_on, r.report_ref, r.document_id,
          r.note, r.version
        from programme_reviews r join org_units o on o.id = r.org_unit_id
        where r.id = ${id} and ${inScope(actor, sql`o.path`)} for update of r`,
  );
  if (!row) throw notFound('hội nghị sơ kết, tổng kết');
  return row;
};

/** Correct a review (its counts are computed when read, so they follow the corrected period). */
export const updateReview = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TReviewUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getReviewInScope(tx, actor, id);
    if (before.version !== input.version) throw conflict();
    const p = await getVisibleProgramme(tx, actor, before.programme_id);
    const { version: _v, ...fields } = input;
    const unit = await checkReview(tx, actor, p, fields);
    const [row] = await tx
      .update(programmeReviews)
      .set({ orgUnitId: unit.id, ...reviewValues(fields), version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: programmeReviews.id, version: programmeReviews.version });
    await writeAudit(tx, {
      actor,
      action: 'education.review.update',
      entityType: 'programme_review',
      entityId: id,
      orgUnitId: unit.id,
      before,
      after: fields,
    });
    return row;
  });

/** Delete a review recorded by mistake (its attached report stays in the documents). */
export const deleteReview = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const before = await getReviewInScope(tx, actor, id);
    await tx.delete(programmeReviews).where(sql`id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'education.review.delete',
      entityType: 'programme_review',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
    });
    return { id };
  });

// Models ----------------------------------------------------------------------------------------------

type ModelRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  path: string;
  member_id: number | null;
  member_name: string | null;
  programme_id: number | null;
  programme_title: string | null;
  movement_id: number | null;
  movement_name: string | null;
  title: string;
  field: TModelListItem['field'];
  description: string | null;
  registered_on: string;
  status: TModelListItem['status'];
  reviewed_on: string | null;
  decision_ref: string | null;
  recognised_by_name: string | null;
  review_note: string | null;
  evidence_count: number;
  version: number;
};

/**
 * A model is reviewed by a level above the unit that registered it (the unit does not recognise its
 * own model): the actor's scope must contain the unit and be a different unit.
 */
const canReviewModel = (actor: Actor, m: Pick<ModelRow, 'path' | 'org_unit_id'>) =>
  can(actor, 'education.review') &&
  isPathInScope(actor, m.path) &&
  m.org_unit_id !== actor.scopeOrgUnitId;

const toModelItem = (actor: Actor, r: ModelRow): TModelListItem => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  memberId: r.member_id,
  memberName: r.member_name,
  programmeId: r.programme_id,
  programmeTitle: r.programme_title,
  movementId: r.movement_id,
  movementName: r.movement_name,
  title: r.title,
  field: r.field,
  description: r.description,
  registeredOn: r.registered_on,
  status: r.status,
  reviewedOn: r.reviewed_on,
  decisionRef: r.decision_ref,
  recognisedByName: r.recognised_by_name,
  reviewNote: r.review_note,
  evidenceCount: r.evidence_count,
  version: r.version,
  canReview: r.status === 'registered' && canReviewModel(actor, r),
});

const modelSelect = (actor: Actor, where: ReturnType<typeof sql>, lock = false) =>
  sql`select x.id, x.org_unit_id, o.name as org_unit_name, o.path::text as path, x.member_id,
        m.full_name as member_name, x.programme_id, p.title as programme_title, x.movement_id,
        mv.name as movement_name, x.title, x.field, x.description,
        x.registered_on::text as registered_on, x.status, x.reviewed_on::text as reviewed_on,
        x.decision_ref, rb.name as recognised_by_name, x.review_note,
        (select count(*)::int from exemplary_model_evidence e where e.model_id = x.id) as evidence_count,
        x.version
      from exemplary_models x join org_units o on o.id = x.org_unit_id
      left join members m on m.id = x.member_id
      left join study_programmes p on p.id = x.programme_id
      left join emulation_movements mv on mv.id = x.movement_id
      left join org_units rb on rb.id = x.recognised_by_org_unit_id
      where ${inScope(actor, sql`o.path`)} and ${where}
      order by x.registered_on desc, x.id desc ${lock ? sql`for update of x` : sql``}`;

const listModelRows = async (
  db: DbOrTx,
  actor: Actor,
  where: ReturnType<typeof sql>,
): Promise<TModelListItem[]> =>
  (await queryRows<ModelRow>(db, modelSelect(actor, where))).map((r) => toModelItem(actor, r));

export const listModels = async ({
  db,
  actor,
  programmeId,
  movementId,
  status,
  year,
}: {
  db: Db;
  actor: Actor;
  programmeId?: number;
  movementId?: number;
  status?: TModelListItem['status'];
  year?: number;
}): Promise<{ items: TModelListItem[] }> => {
  const conditions = [
    programmeId ? sql`x.programme_id = ${programmeId}` : sql`true`,
    movementId ? sql`x.movement_id = ${movementId}` : sql`true`,
    status ? sql`x.status = ${status}` : sql`true`,
    year ? sql`extract(year from x.registered_on) = ${year}` : sql`true`,
  ];
  return { items: await listModelRows(db, actor, sql.join(conditions, sql` and `)) };
};

/**
 * The models of an emulation movement in the actor's subtree: the emulation module shows them on a
 * movement's page through this module's face (index.ts).
 */
export const modelsOfMovement = (db: DbOrTx, actor: Actor, movementId: number) =>
  listModelRows(db, actor, sql`x.movement_id = ${movementId}`);

const getModelRow = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<ModelRow>(db, modelSelect(actor, sql`x.id = ${id}`, lock));
  if (!row) throw notFound('mô hình, điển hình');
  return row;
};

export const getModel = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TModelDetail> => {
  const row = await getModelRow(db, actor, id);
  const evidence = await queryRows<{
    id: number;
    title: string;
    document_id: number | null;
    file_name: string | null;
    created_at: Date | string;
  }>(
    db,
    sql`select e.id, e.title, e.document_id, d.file_name, e.created_at from exemplary_model_evidence e
        left join documents d on d.id = e.document_id where e.model_id = ${id} order by e.id`,
  );
  return {
    ...toModelItem(actor, row),
    evidence: evidence.map((e) => ({
      id: e.id,
      title: e.title,
      documentId: e.document_id,
      fileName: e.file_name,
      createdAt: new Date(e.created_at).toISOString(),
    })),
  };
};

export const registerModel = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TModelInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId);
    if (input.registeredOn > todayIso())
      throw invalidField('registeredOn', 'Ngày đăng ký không được sau ngày hôm nay.');
    if (!input.programmeId && !input.movementId)
      throw invalidField(
        'programmeId',
        'Cần chọn chương trình học tập hoặc phong trào thi đua mà mô hình đăng ký theo.',
      );
    if (input.programmeId) {
      const p = await queryOne<{ owner_path: string }>(
        tx,
        sql`select ow.path::text as owner_path from study_programmes p
            join org_units ow on ow.id = p.org_unit_id where p.id = ${input.programmeId} and ${visible(actor)}`,
      );
      if (!p || !under(unit.path, p.owner_path))
        throw invalidField('programmeId', 'Không tìm thấy chương trình của đơn vị này.');
    }
    if (input.movementId) {
      const mv = await queryOne<{ owner_path: string }>(
        tx,
        sql`select ow.path::text as owner_path from emulation_movements mv
            join org_units ow on ow.id = mv.org_unit_id where mv.id = ${input.movementId} and ${visible(actor)}`,
      );
      if (!mv || !under(unit.path, mv.owner_path))
        throw invalidField('movementId', 'Không tìm thấy phong trào thi đua của đơn vị này.');
    }
    if (input.memberId) {
      const m = await queryOne<{ path: string }>(
        tx,
        sql`select o.path::text as path from members m join org_units o on o.id = m.org_unit_id
            where m.id = ${input.memberId} and ${inScope(actor, sql`o.path`)}`,
      );
      if (!m || !under(m.path, unit.path))
        throw invalidField('memberId', 'Đảng viên này không sinh hoạt tại đơn vị đăng ký.');
    }
    const [row] = await tx
      .insert(exemplaryModels)
      .values({
        orgUnitId: unit.id,
        memberId: input.memberId ?? null,
        programmeId: input.programmeId ?? null,
        movementId: input.movementId ?? null,
        title: input.title.normalize('NFC'),
        field: input.field ?? null,
        description: input.description ?? null,
        registeredOn: input.registeredOn,
        createdBy: actor.userId,
      })
      .returning({ id: exemplaryModels.id });
    await writeAudit(tx, {
      actor,
      action: 'education.model.register',
      entityType: 'exemplary_model',
      entityId: row.id,
      orgUnitId: unit.id,
      after: input,
    });
    return row;
  });

export const reviewModel = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TModelReview;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getModelRow(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    if (!canReviewModel(actor, before))
      throw invalidField(
        'decision',
        'Mô hình do cấp trên của đơn vị đăng ký xét công nhận, không phải chính đơn vị đó.',
      );
    if (before.status !== 'registered') throw invalidField('decision', 'Mô hình này đã được xét.');
    if (input.reviewedOn < before.registered_on || input.reviewedOn > todayIso())
      throw invalidField('reviewedOn', 'Ngày xét phải từ ngày đăng ký đến hôm nay.');
    if (input.decision === 'recognised' && !input.decisionRef)
      throw invalidField('decisionRef', 'Cần ghi số quyết định (hoặc văn bản) công nhận.');
    const [row] = await tx
      .update(exemplaryModels)
      .set({
        status: input.decision,
        reviewedOn: input.reviewedOn,
        decisionRef: input.decisionRef ?? null,
        recognisedByOrgUnitId: actor.scopeOrgUnitId,
        reviewNote: input.reviewNote ?? null,
        version: before.version + 1,
      })
      .where(sql`id = ${id}`)
      .returning({ id: exemplaryModels.id, version: exemplaryModels.version });
    await writeAudit(tx, {
      actor,
      action: 'education.model.review',
      entityType: 'exemplary_model',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { status: before.status },
      after: input,
    });
    return row;
  });

export const addModelEvidence = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TEvidenceInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const model = await getModelRow(tx, actor, id);
    if (!(await canReach(tx, actor, 'document.read', input.documentId)))
      throw invalidField('documentId', 'Không tìm thấy tệp đính kèm.');
    const [row] = await tx
      .insert(exemplaryModelEvidence)
      .values({
        modelId: id,
        title: input.title.normalize('NFC'),
        documentId: input.documentId,
        createdBy: actor.userId,
      })
      .returning({ id: exemplaryModelEvidence.id });
    await writeAudit(tx, {
      actor,
      action: 'education.model.evidence',
      entityType: 'exemplary_model',
      entityId: id,
      orgUnitId: model.org_unit_id,
      after: input,
    });
    return row;
  });

/** Remove a piece of evidence attached by mistake (the uploaded file stays in the documents). */
export const deleteModelEvidence = async ({
  db,
  actor,
  id,
  evidenceId,
}: {
  db: Db;
  actor: Actor;
  id: number;
  evidenceId: number;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const model = await getModelRow(tx, actor, id);
    const before = await queryOne<{ id: number; title: string; document_id: number | null }>(
      tx,
      sql`select id, title, document_id from exemplary_model_evidence
          where id = ${evidenceId} and model_id = ${id} for update`,
    );
    if (!before) throw notFound('minh chứng');
    await tx.delete(exemplaryModelEvidence).where(sql`id = ${evidenceId}`);
    await writeAudit(tx, {
      actor,
      action: 'education.model.evidence_delete',
      entityType: 'exemplary_model',
      entityId: id,
      orgUnitId: model.org_unit_id,
      before,
    });
    return { id: evidenceId };
  });

// Opinion notes ---------------------------------------------------------------------------------------

type NoteRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  noted_on: string;
  topic: string;
  content: string;
  source: string | null;
  orientation: string | null;
  version: number;
};
const toNote = (r: NoteRow): TOpinionNote => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  notedOn: r.noted_on,
  topic: r.topic,
  content: r.content,
  source: r.source,
  orientation: r.orientation,
  version: r.version,
});
const noteSelect = sql`select n.id, n.org_unit_id, o.name as org_unit_name, n.noted_on::text as noted_on,
  n.topic, n.content, n.source, n.orientation, n.version
  from opinion_notes n join org_units o on o.id = n.org_unit_id`;

export const listOpinionNotes = async ({
  db,
  actor,
  from,
  to,
  q,
}: {
  db: Db;
  actor: Actor;
  from?: string;
  to?: string;
  q?: string;
}): Promise<{ items: TOpinionNote[] }> => {
  const needle = q ? `%${q.normalize('NFC').replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await queryRows<NoteRow>(
    db,
    sql`${noteSelect} where ${inScope(actor, sql`o.path`)}
        ${from ? sql`and n.noted_on >= ${from}` : sql``}
        ${to ? sql`and n.noted_on <= ${to}` : sql``}
        ${needle ? sql`and (n.topic ilike ${needle} or n.content ilike ${needle})` : sql``}
        order by n.noted_on desc, n.id desc limit 500`,
  );
  return { items: rows.map(toNote) };
};

const checkNote = async (db: DbOrTx, actor: Actor, input: TOpinionNoteInput) => {
  const unit = await getUnitInScope(db, actor, input.orgUnitId);
  if (input.notedOn > todayIso())
    throw invalidField('notedOn', 'Ngày ghi nhận không được sau ngày hôm nay.');
  return unit;
};

const noteValues = (input: TOpinionNoteInput) => ({
  orgUnitId: input.orgUnitId,
  notedOn: input.notedOn,
  topic: input.topic.normalize('NFC'),
  content: input.content.normalize('NFC'),
  source: input.source ?? null,
  orientation: input.orientation ?? null,
});

export const createOpinionNote = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TOpinionNoteInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const unit = await checkNote(tx, actor, input);
    const [row] = await tx
      .insert(opinionNotes)
      .values({ ...noteValues(input), createdBy: actor.userId })
      .returning({ id: opinionNotes.id, version: opinionNotes.version });
    await writeAudit(tx, {
      actor,
      action: 'education.opinion.create',
      entityType: 'opinion_note',
      entityId: row.id,
      orgUnitId: unit.id,
      after: input,
    });
    return row;
  });

export const updateOpinionNote = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TOpinionNoteUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await queryOne<NoteRow>(
      tx,
      sql`${noteSelect} where n.id = ${id} and ${inScope(actor, sql`o.path`)} for update of n`,
    );
    if (!before) throw notFound('ghi nhận dư luận');
    if (before.version !== input.version) throw conflict();
    const unit = await checkNote(tx, actor, input);
    const [row] = await tx
      .update(opinionNotes)
      .set({ ...noteValues(input), version: before.version + 1 })
      .where(sql`id = ${id}`)
      .returning({ id: opinionNotes.id, version: opinionNotes.version });
    await writeAudit(tx, {
      actor,
      action: 'education.opinion.update',
      entityType: 'opinion_note',
      entityId: id,
      orgUnitId: unit.id,
      before: toNote(before),
      after: input,
    });
    return row;
  });
