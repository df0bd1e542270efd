// A member's card history, badges and dues on their record page; recording card events.
import { eq } from 'drizzle-orm';
import type { TMemberLifecycle } from '../../../contracts/lifecycle';
import { duesMonthState, monthlyDues } from '../../../domain/rules/dues/dues';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import { members, partyCardEvents } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';
import { markMemberFactsChanged, withFigures } from '../figures';
import { lockMember } from '../members';
import {
  basisOf,
  type DuesProfileRow,
  entryMonthSql,
  getDuesParams,
  recordsFromOf,
} from './dues.service';

/** The member's own record, or one in the actor's subtree; otherwise "not found". */
const memberInScope = async (db: Db, actor: Actor, id: number) => {
  await requireAccess(db, actor, 'member.read', id);
};

export const getMemberLifecycle = async (
  db: Db,
  actor: Actor,
  id: number,
): Promise<TMemberLifecycle> => {
  await memberInScope(db, actor, id);
  const cards = await queryRows<{
    id: number;
    action: TMemberLifecycle['cardEvents'][number]['action'];
    action_date: string;
    card_number: string | null;
    reason: string | null;
    decision_number: string | null;
  }>(
    db,
    sql`select id, action, action_date, card_number, reason, decision_number from party_card_events
        where member_id = ${id} order by action_date, id`,
  );
  const badges = await queryRows<{
    milestone: number;
    award_date: string;
    decision_number: string | null;
    early: boolean;
    posthumous: boolean;
    reason: string | null;
  }>(
    db,
    sql`select milestone, award_date, decision_number, early, posthumous, reason from badge_awards
        where member_id = ${id} order by milestone`,
  );
  const profile = await queryOne<DuesProfileRow>(
    db,
    sql`select * from dues_profiles where member_id = ${id}`,
  );
  const member = await queryOne<{
    party_age_from: string | null;
    admitted_on: string | null;
    entry_month: string | null;
  }>(
    db,
    sql`select m.party_age_from, m.admitted_on, ${entryMonthSql} as entry_month
        from members m where m.id = ${id}`,
  );
  // Owed from the month they joined a cell here, and only once a sheet was recorded for them.
  const window = {
    entryMonth: member?.entry_month ?? member?.admitted_on?.slice(0, 7) ?? null,
    recordsFrom: (await recordsFromOf(db, [id])).get(id) ?? null,
  };
  const year = todayIso().slice(0, 4);
  const payments = await queryRows<{ month: string; amount: number }>(
    db,
    sql`select month, amount from dues_payments where member_id = ${id} and month like ${`${year}-%`}`,
  );
  const paid = new Map(payments.map((p) => [p.month, Number(p.amount)]));
  const params = await getDuesParams(db);
  const duesThisYear: TMemberLifecycle['duesThisYear'] = [];
  const lastMonth = Number(todayIso().slice(5, 7));
  for (let m = 1; m <= lastMonth; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (window.entryMonth && window.entryMonth > month) continue;
    const noData = m < lastMonth && duesMonthState(month, window) === 'no_data';
    const computed = profile
      ? monthlyDues({
          month,
          basis: basisOf(profile),
          partyAgeFrom: member?.party_age_from ?? null,
          params,
        })
      : null;
    duesThisYear.push({
      month,
      due: computed?.amount ?? 0,
      paid: paid.get(month) ?? null,
      exempt: computed?.exempt ?? null,
      noData: noData && !paid.has(month),
    });
  }
  return {
    cardEvents: cards.map((c) => ({
      id: c.id,
      action: c.action,
      actionDate: c.action_date,
      cardNumber: c.card_number,
      reason: c.reason,
      decisionNumber: c.decision_number,
    })),
    badges: badges.map((b) => ({
      milestone: b.milestone,
      awardDate: b.award_date,
      decisionNumber: b.decision_number,
      early: b.early,
      posthumous: b.posthumous,
      reason: b.reason,
    })),
    duesProfile: profile
      ? {
          category: profile.category,
          baseAmount: profile.base_amount === null ? null : Number(profile.base_amount),
          otherArea: profile.other_area,
          socialPensionAllowance: profile.social_pension_allowance,
          hardshipExemption: profile.hardship_exemption,
          reductionPercent: profile.reduction_percent,
          reductionFrom: profile.reduction_from,
          reductionTo: profile.reduction_to,
          version: profile.version,
        }
      : null,
    duesThisYear,
  };
};

/** Cards go to full members (docs/domain/members.md); a recall on exit, re-issue when lost. */
export const recordCardEvent = async ({
  db,
  actor,
  memberId,
  input,
}: {
  db: Db;
  actor: Actor;
  memberId: number;
  input: {
    action: 'issued' | 'reissued' | 'exchanged' | 'recalled';
    actionDate: string;
    cardNumber?: string | null;
    reason?: string | null;
    decisionNumber?: string | null;
    version: number;
  };
}) => {
  // Scope first: a caller outside the subtree learns nothing from the validation messages.
  await memberInScope(db, actor, memberId);
  if (input.actionDate > todayIso())
    throw invalidField('actionDate', 'Ngày không được sau hôm nay.');
  if (input.action !== 'recalled' && !input.cardNumber)
    throw invalidField('cardNumber', 'Cần ghi số thẻ đảng viên.');
  if ((input.action === 'reissued' || input.action === 'recalled') && !input.reason)
    throw invalidField('reason', 'Cần ghi lý do (mất thẻ, ra khỏi Đảng…).');
  return withFigures(db, async (tx) => {
    const before = await lockMember(tx, memberId);
    if (!before) throw notFound('đảng viên');
    if (before.version !== input.version) throw conflict();
    if (input.action !== 'recalled' && before.standing !== 'full')
      throw invalidField('action', 'Thẻ đảng viên chỉ phát cho đảng viên chính thức.');
    if (input.action === 'issued' && before.cardNumber)
      throw invalidField(
        'action',
        `Đảng viên đã có thẻ số ${before.cardNumber}; dùng "Cấp lại" hoặc "Đổi thẻ".`,
      );
    if (input.action !== 'issued' && !before.cardNumber)
      throw invalidField('action', 'Đảng viên chưa có thẻ.');
    if (input.cardNumber && input.cardNumber !== before.cardNumber) {
      const taken = await queryOne<{ id: number }>(
        tx,
        sql`select id from members where card_number = ${input.cardNumber} and id <> ${memberId} limit 1`,
      );
      if (taken) throw invalidField('cardNumber', 'Số thẻ này đã cấp cho đảng viên khác.');
    }
    await tx.insert(partyCardEvents).values({
      memberId,
      action: input.action,
      actionDate: input.actionDate,
      cardNumber: input.cardNumber ?? before.cardNumber,
      reason: input.reason ?? null,
      decisionNumber: input.decisionNumber ?? null,
      recordedBy: actor.userId,
    });
    if (input.action === 'issued') markMemberFactsChanged(tx, [memberId]);
    const recalled = input.action === 'recalled';
    const [after] = await tx
      .update(members)
      .set({
        cardNumber: recalled ? null : (input.cardNumber ?? before.cardNumber),
        cardIssuedOn: recalled ? null : input.actionDate,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(members.id, memberId))
      .returning({ version: members.version });
    await writeAudit(tx, {
      actor,
      action: 'card.event',
      entityType: 'member',
      entityId: memberId,
      orgUnitId: before.orgUnitId,
      before: { cardNumber: before.cardNumber, cardIssuedOn: before.cardIssuedOn },
      after: { ...input, note: `${input.action} ${formatDate(input.actionDate)}` },
    });
    return { id: memberId, version: after.version };
  });
};
