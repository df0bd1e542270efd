import { eq } from 'drizzle-orm';
import { type MemberEventKind, memberEventLabels } from '../../../domain/enums/members';
import {
  deriveMemberTimeline,
  type Standing,
  type TimelineEvent,
} from '../../../domain/rules/members/member-timeline';
import type { DbOrTx } from '../../db/client';
import { memberEvents, memberPeriods, members } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { invalidField } from '../../platform/errors';
import {
  type FiguresTx,
  markMemberFactsChanged,
  markMemberRowChanged,
  type RollupSource,
} from '../figures';

const rollupSourceOf = (m: typeof members.$inferSelect): RollupSource => ({
  orgUnitId: m.orgUnitId,
  status: m.status,
  sex: m.sex,
  birthDate: m.birthDate,
  ethnicity: m.ethnicity,
  religion: m.religion,
  professionalLevel: m.professionalLevel,
  politicalTheory: m.politicalTheory,
  partyAgeFrom: m.partyAgeFrom,
});

/**
 * Re-derive a member's status, cell, dates and periods from their events, and mark the change for
 * the maintained figures (totals by the difference, facts recounted). The only writer of the derived
 * columns. `before` is the member as it was before the change (null for a new member).
 */
export const applyMemberTimeline = async (
  tx: FiguresTx,
  memberId: number,
  before: typeof members.$inferSelect | null,
): Promise<typeof members.$inferSelect> => {
  const events = await tx
    .select()
    .from(memberEvents)
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(memberEvents.eventDate, memberEvents.id);
  const timeline = deriveMemberTimeline(
    events.map(
      (e): TimelineEvent => ({
        kind: e.kind as TimelineEvent['kind'],
        eventDate: e.eventDate,
        orgUnitId: e.orgUnitId,
        standing: e.standing as Standing | null,
        originalAdmittedOn: e.originalAdmittedOn,
        originalRecognisedOn: e.originalRecognisedOn,
      }),
    ),
  );
  if (timeline.problems.length > 0 || !timeline.current) {
    const message = timeline.problems[0]?.message ?? 'Đảng viên chưa có sự kiện vào Đảng.';
    throw invalidField('kind', message);
  }
  const c = timeline.current;
  const [after] = await tx
    .update(members)
    .set({
      orgUnitId: c.orgUnitId,
      status: c.status,
      standing: c.standing,
      admittedOn: c.admittedOn,
      recognisedOn: c.recognisedOn,
      partyAgeFrom: c.partyAgeFrom,
      temporarilyAway: c.temporarilyAway,
    })
    .where(eq(members.id, memberId))
    .returning();
  await tx.delete(memberPeriods).where(eq(memberPeriods.memberId, memberId));
  await tx.insert(memberPeriods).values(timeline.periods.map((p) => ({ memberId, ...p })));
  markMemberRowChanged(tx, memberId, before ? rollupSourceOf(before) : null, rollupSourceOf(after));
  markMemberFactsChanged(tx, [memberId]);
  return after;
};

/** Attribute edits (sex, birth date, ethnicity…) move the totals too. */
export const markMemberAttributeChange = (
  tx: FiguresTx,
  before: typeof members.$inferSelect,
  after: typeof members.$inferSelect,
) => markMemberRowChanged(tx, after.id, rollupSourceOf(before), rollupSourceOf(after));

export const lockMember = async (tx: DbOrTx, memberId: number) => {
  const [row] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
  return row;
};

type MemberEventValues = Omit<typeof memberEvents.$inferInsert, 'id' | 'memberId' | 'recordedBy'>;

/**
 * Append one dated event to a member locked by the caller, re-derive everything that follows from the
 * history, bump the record's version and audit it: the one way every module records a member event.
 */
export const appendMemberEvent = async (
  tx: FiguresTx,
  actor: Actor,
  before: typeof members.$inferSelect,
  event: MemberEventValues,
): Promise<{ eventId: number; version: number; after: typeof members.$inferSelect }> => {
  const [row] = await tx
    .insert(memberEvents)
    .values({ ...event, memberId: before.id, recordedBy: actor.userId })
    .returning({ id: memberEvents.id });
  const after = await applyMemberTimeline(tx, before.id, before);
  const [bumped] = await tx
    .update(members)
    .set({ version: before.version + 1, updatedAt: new Date() })
    .where(eq(members.id, before.id))
    .returning({ version: members.version });
  await writeAudit(tx, {
    actor,
    action: 'member.event',
    entityType: 'member',
    entityId: before.id,
    orgUnitId: after.orgUnitId,
    before: { status: before.status, orgUnitId: before.orgUnitId },
    after: {
      status: after.status,
      orgUnitId: after.orgUnitId,
      event,
      label: memberEventLabels[event.kind as MemberEventKind],
    },
  });
  return { eventId: row.id, version: bumped.version, after };
};
