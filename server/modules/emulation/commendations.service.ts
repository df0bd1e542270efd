// Commendations (khen thưởng tổ chức đảng, đảng viên; docs/domain/emulation.md): a unit proposes,
// the competent level reviews and decides (grants or refuses), with its authority and decision.
// The eligibility of a rated form is computed from the decided year-end ratings (module evaluations)
// by `domain/rules/commendations` — checked at the proposal, checked again at the review, kept as
// jsonb so that the register shows what the committee saw.
import type {
  TCommendationDecision,
  TCommendationDetail,
  TCommendationInput,
  TCommendationListItem,
  TCommendationReview,
  TEligibility,
  TEligibilityQuery,
} from '../../../contracts/emulation';
import {
  type CommendationForm,
  type CommendationStatus,
  type CommendationSubjectKind,
  checkEligibility,
  commendationTitle,
  isRatedForm,
  nextStatuses,
} from '../../../domain/rules/commendations/commendations';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { commendations } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { decidedYearRatings } from '../evaluations';
import { getVisibleMovement } from './movements.service';

const under = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

type Subject = {
  kind: CommendationSubjectKind;
  orgUnitId: number | null;
  memberId: number | null;
  name: string;
  path: string;
};

/** The subject, only if in the actor's subtree: an organisation, or a member of the party. */
const loadSubject = async (
  db: DbOrTx,
  actor: Actor,
  input: {
    subjectKind: CommendationSubjectKind;
    subjectOrgUnitId?: number | null;
    subjectMemberId?: number | null;
  },
): Promise<Subject> => {
  if (input.subjectKind === 'organisation') {
    if (!input.subjectOrgUnitId)
      throw invalidField('subjectOrgUnitId', 'Cần chọn tổ chức đảng được đề nghị khen thưởng.');
    const unit = await getUnitInScope(db, actor, input.subjectOrgUnitId);
    return {
      kind: 'organisation',
      orgUnitId: unit.id,
      memberId: null,
      name: unit.name,
      path: unit.path,
    };
  }
  if (!input.subjectMemberId)
    throw invalidField('subjectMemberId', 'Cần chọn đảng viên được đề nghị khen thưởng.');
  const m = await queryOne<{ id: number; full_name: string; path: string }>(
    db,
    sql`select mb.id, mb.full_name, o.path::text as path from members mb
        join org_units o on o.id = mb.org_unit_id
        where mb.id = ${input.subjectMemberId} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!m) throw notFound('đảng viên');
  return { kind: 'member', orgUnitId: null, memberId: m.id, name: m.full_name, path: m.path };
};

const eligibilityOf = async (
  db: DbOrTx,
  subject: Subject,
  form: CommendationForm,
  year: number,
  yearsRunning: number,
): Promise<TEligibility> => {
  const run = Math.max(1, yearsRunning);
  const ratings = isRatedForm(form)
    ? await decidedYearRatings(
        db,
        subject.memberId ? { memberId: subject.memberId } : { orgUnitId: subject.orgUnitId ?? 0 },
        year - run + 1,
        year,
      )
    : [];
  const e = checkEligibility({ form, year, yearsRunning: run, ratings });
  return { ...e, title: e.checked ? commendationTitle(subject.kind, year, run) : null };
};

/** The eligibility explained before proposing (the proposal form shows it as the user types). */
export const previewEligibility = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TEligibilityQuery;
}): Promise<TEligibility> => {
  const subject = await loadSubject(db, actor, query);
  return eligibilityOf(db, subject, query.form, query.year, query.yearsRunning);
};

export const proposeCommendation = ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TCommendationInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const proposing = await getUnitInScope(tx, actor, input.proposingOrgUnitId);
    const subject = await loadSubject(tx, actor, input);
    if (!under(subject.path, proposing.path))
      throw invalidField(
        subject.kind === 'member' ? 'subjectMemberId' : 'subjectOrgUnitId',
        'Đối tượng đề nghị khen thưởng phải thuộc đơn vị đề nghị.',
      );
    if (input.movementId) await getVisibleMovement(tx, actor, input.movementId);
    const yearsRunning = isRatedForm(input.form)
      ? (input.yearsRunning ?? 1)
      : (input.yearsRunning ?? null);
    if (Number(input.proposedOn.slice(0, 4)) < input.year)
      throw invalidField('proposedOn', 'Ngày đề nghị không được trước năm được khen thưởng.');
    const eligibility = await eligibilityOf(tx, subject, input.form, input.year, yearsRunning ?? 1);
    const [row] = await tx
      .insert(commendations)
      .values({
        proposingOrgUnitId: proposing.id,
        subjectKind: subject.kind,
        subjectOrgUnitId: subject.orgUnitId,
        subjectMemberId: subject.memberId,
        form: input.form,
        year: input.year,
        yearsRunning,
        movementId: input.movementId ?? null,
        achievements: input.achievements,
        proposedOn: input.proposedOn,
        eligibility,
        createdBy: actor.userId,
      })
      .returning({ id: commendations.id, version: commendations.version });
    await writeAudit(tx, {
      actor,
      action: 'commendation.propose',
      entityType: 'commendation',
      entityId: row.id,
      orgUnitId: proposing.id,
      after: { ...input, eligible: eligibility.eligible },
    });
    return row;
  });

type CommendationRow = {
  id: number;
  proposing_org_unit_id: number;
  proposing_org_unit_name: string;
  proposing_path: string;
  subject_kind: CommendationSubjectKind;
  subject_org_unit_id: number | null;
  subject_member_id: number | null;
  subject_name: string;
  form: CommendationForm;
  year: number;
  years_running: number | null;
  movement_id: number | null;
  movement_name: string | null;
  achievements: string;
  status: CommendationStatus;
  proposed_on: string;
  reviewed_on: string | null;
  review_note: string | null;
  eligibility: TEligibility | null;
  granting_org_unit_id: number | null;
  granting_org_unit_name: string | null;
  granting_authority: string | null;
  decided_on: string | null;
  decision_ref: string | null;
  version: number;
};

const selectCommendations = sql`select c.id, c.proposing_org_unit_id, po.name as proposing_org_unit_name,
    po.path::text as proposing_path, c.subject_kind, c.subject_org_unit_id, c.subject_member_id,
    coalesce(mb.full_name, so.name) as subject_name, c.form, c.year, c.years_running, c.movement_id,
    mv.name as movement_name, c.achievements, c.status, c.proposed_on, c.reviewed_on, c.review_note,
    c.eligibility, c.granting_org_unit_id, go.name as granting_org_unit_name, c.granting_authority,
    c.decided_on, c.decision_ref, c.version
  from commendations c join org_units po on po.id = c.proposing_org_unit_id
  left join org_units so on so.id = c.subject_org_unit_id
  left join members mb on mb.id = c.subject_member_id
  left join emulation_movements mv on mv.id = c.movement_id
  left join org_units go on go.id = c.granting_org_unit_id`;

/** A commendation is visible where its proposing unit lies in the actor's subtree. */
const getVisibleCommendation = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<CommendationRow>(
    db,
    sql`${selectCommendations} where c.id = ${id} and ${inScope(actor, sql`po.path`)}
        ${lock ? sql`for update of c` : sql``}`,
  );
  if (!row) throw notFound('hồ sơ khen thưởng');
  return row;
};

const listItem = (r: CommendationRow): TCommendationListItem => ({
  id: r.id,
  proposingOrgUnitId: r.proposing_org_unit_id,
  proposingOrgUnitName: r.proposing_org_unit_name,
  subjectKind: r.subject_kind,
  subjectName: r.subject_name,
  form: r.form,
  year: r.year,
  yearsRunning: r.years_running,
  movementId: r.movement_id,
  movementName: r.movement_name,
  status: r.status,
  proposedOn: r.proposed_on,
  decidedOn: r.decided_on,
  decisionRef: r.decision_ref,
  grantingAuthority: r.granting_authority,
  eligible: r.eligibility?.checked ? r.eligibility.eligible : null,
});

export const listCommendations = async ({
  db,
  actor,
  year,
  status,
  form,
  movementId,
}: {
  db: Db;
  actor: Actor;
  year?: number;
  status?: CommendationStatus;
  form?: CommendationForm;
  movementId?: number;
}): Promise<{ items: TCommendationListItem[] }> => {
  const rows = await queryRows<CommendationRow>(
    db,
    sql`${selectCommendations} where ${inScope(actor, sql`po.path`)}
        ${year ? sql`and c.year = ${year}` : sql``}
        ${status ? sql`and c.status = ${status}` : sql``}
        ${form ? sql`and c.form = ${form}` : sql``}
        ${movementId ? sql`and c.movement_id = ${movementId}` : sql``}
        order by c.year desc, c.proposed_on desc, c.id desc
        limit 500`,
  );
  return { items: rows.map(listItem) };
};

export const getCommendation = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<TCommendationDetail> => {
  const r = await getVisibleCommendation(db, actor, id);
  return {
    ...listItem(r),
    subjectOrgUnitId: r.subject_org_unit_id,
    subjectMemberId: r.subject_member_id,
    achievements: r.achievements,
    reviewedOn: r.reviewed_on,
    reviewNote: r.review_note,
    grantingOrgUnitId: r.granting_org_unit_id,
    grantingOrgUnitName: r.granting_org_unit_name,
    eligibility: r.eligibility,
    version: r.version,
    canDecide: can(actor, 'commendation.decide') && nextStatuses[r.status].length > 0,
  };
};

const stepError = (from: CommendationStatus) =>
  new AppError('VALIDATION', {
    message:
      from === 'granted' || from === 'refused'
        ? 'Hồ sơ khen thưởng đã có quyết định, không thể thay đổi.'
        : 'Hồ sơ cần được thẩm định trước khi quyết định khen thưởng.',
  });

/** The review (thẩm định): the eligibility is read again from the ratings decided by then. */
export const reviewCommendation = ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCommendationReview;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleCommendation(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    if (!nextStatuses[before.status].includes('reviewed')) throw stepError(before.status);
    if (input.reviewedOn < before.proposed_on)
      throw invalidField('reviewedOn', 'Ngày thẩm định không được trước ngày đề nghị.');
    const subject: Subject = {
      kind: before.subject_kind,
      orgUnitId: before.subject_org_unit_id,
      memberId: before.subject_member_id,
      name: before.subject_name,
      path: '',
    };
    const eligibility = await eligibilityOf(
      tx,
      subject,
      before.form,
      before.year,
      before.years_running ?? 1,
    );
    const [row] = await tx
      .update(commendations)
      .set({
        status: 'reviewed',
        reviewedOn: input.reviewedOn,
        reviewNote: input.reviewNote ?? null,
        eligibility,
        version: before.version + 1,
      })
      .where(sql`id = ${id}`)
      .returning({ id: commendations.id, version: commendations.version });
    await writeAudit(tx, {
      actor,
      action: 'commendation.review',
      entityType: 'commendation',
      entityId: id,
      orgUnitId: before.proposing_org_unit_id,
      before: { status: before.status, eligibility: before.eligibility },
      after: { ...input, eligible: eligibility.eligible },
    });
    return row;
  });

/**
 * The decision of the granting level: it must be the proposing unit or above it, and in the actor's
 * subtree. A rated form is granted only when the ratings make the subject eligible (21-HD/BTCTW).
 */
export const decideCommendation = ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCommendationDecision;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getVisibleCommendation(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    if (!nextStatuses[before.status].includes(input.outcome)) throw stepError(before.status);
    const granting = await getUnitInScope(tx, actor, input.grantingOrgUnitId);
    if (!under(before.proposing_path, granting.path))
      throw invalidField(
        'grantingOrgUnitId',
        'Cấp khen thưởng phải là đơn vị đề nghị hoặc cấp ủy cấp trên của đơn vị đề nghị.',
      );
    if (input.decidedOn < before.proposed_on)
      throw invalidField('decidedOn', 'Ngày quyết định không được trước ngày đề nghị.');
    if (input.outcome === 'granted') {
      if (!input.decisionRef)
        throw invalidField('decisionRef', 'Cần nhập số quyết định khen thưởng.');
      if (before.eligibility?.checked && !before.eligibility.eligible)
        throw invalidField(
          'outcome',
          `Không thể khen thưởng: ${before.eligibility.summary} (21-HD/BTCTW: chỉ xét trong số được xếp loại Hoàn thành xuất sắc nhiệm vụ).`,
        );
    }
    const [row] = await tx
      .update(commendations)
      .set({
        status: input.outcome,
        grantingOrgUnitId: granting.id,
        grantingAuthority: input.grantingAuthority,
        decidedOn: input.decidedOn,
        decisionRef: input.decisionRef ?? null,
        reviewNote: input.reviewNote ?? before.review_note,
        version: before.version + 1,
      })
      .where(sql`id = ${id}`)
      .returning({ id: commendations.id, version: commendations.version });
    await writeAudit(tx, {
      actor,
      action: 'commendation.decide',
      entityType: 'commendation',
      entityId: id,
      orgUnitId: before.proposing_org_unit_id,
      before: { status: before.status },
      after: input,
    });
    return row;
  });
