// Party badges (Huy hiệu Đảng, regulations.md §3.4): who is due at an award date, and recording
// the award. The eligibility rule is the pure `badgeDue`; discipline facts come from the
// inspection module when it has landed (see disciplineFactsFor).
import type { TBadgeList } from '../../../contracts/lifecycle';
import { addYears } from '../../../domain/calendar/date-math';
import {
  awardDatesBetween,
  badgeDue,
  badgeMilestones,
  nextAwardDate,
  partyAgeYearsOn,
} from '../../../domain/rules/badges/badges';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import { badgeAwards } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { invalidField, notFound } from '../../platform/errors';
import { activeStatusList } from '../members/member-rollup';
import { todayIso } from '../org-units/org-units.policy';
import { getUnitInScope } from '../org-units/org-units.queries';
import { recountMemberFacts } from '../plans/metrics/placed-facts';
import { disciplineFactsFor } from './discipline-facts';

export const listBadgeCandidates = async ({
  db,
  actor,
  orgUnitId,
  awardDate,
  includeEarly,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  awardDate?: string;
  includeEarly?: boolean;
}): Promise<TBadgeList> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const date = awardDate ?? nextAwardDate(todayIso());
  if (!awardDatesBetween(date, date).includes(date))
    throw invalidField('awardDate', 'Huy hiệu Đảng được trao vào các dịp 3/2, 19/5, 2/9 và 7/11.');
  // The smallest milestone is 30 years; ill members may get it up to 24 months early.
  const earliest = addYears(date, -(badgeMilestones[0] - (includeEarly ? 2 : 0)));
  const rows = await queryRows<{
    id: number;
    full_name: string;
    birth_date: string;
    org_unit_name: string;
    party_age_from: string;
    awarded: number[] | null;
    awarded_at_date: number[] | null;
  }>(
    db,
    sql`select m.id, m.full_name, m.birth_date, o.name as org_unit_name, m.party_age_from,
          (select array_agg(b.milestone) from badge_awards b where b.member_id = m.id) as awarded,
          (select array_agg(b.milestone) from badge_awards b where b.member_id = m.id and b.award_date = ${date}) as awarded_at_date
        from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ ${unit.path}::ltree and m.status in (${activeStatusList})
          and m.party_age_from is not null and m.party_age_from <= ${earliest}
        order by m.party_age_from, m.id`,
  );
  const discipline = await disciplineFactsFor(
    db,
    rows.map((r) => r.id),
  );
  const items: TBadgeList['items'] = [];
  for (const r of rows) {
    const already = (r.awarded ?? []).filter((m) => !(r.awarded_at_date ?? []).includes(m));
    const due = badgeDue({
      partyAgeFrom: r.party_age_from,
      awardDate: date,
      awardedMilestones: already,
      seriouslyIll: includeEarly ?? false,
      disciplines: discipline.get(r.id)?.disciplines ?? [],
      underDisciplinaryReview: discipline.get(r.id)?.underReview ?? false,
    });
    if (!due) continue;
    items.push({
      memberId: r.id,
      fullName: r.full_name,
      birthDate: r.birth_date,
      orgUnitName: r.org_unit_name,
      partyAgeFrom: r.party_age_from,
      partyAgeYears: partyAgeYearsOn(r.party_age_from, date),
      milestone: due.milestone,
      eligible: due.eligible,
      early: due.early,
      reason: due.reason,
      awarded: (r.awarded_at_date ?? []).includes(due.milestone),
    });
  }
  const counts = new Map<number, number>();
  for (const i of items)
    if (i.eligible) counts.set(i.milestone, (counts.get(i.milestone) ?? 0) + 1);
  const year = Number(date.slice(0, 4));
  return {
    awardDate: date,
    awardDates: awardDatesBetween(`${year - 1}-01-01`, `${year + 1}-12-31`),
    items,
    byMilestone: [...counts]
      .sort((a, b) => a[0] - b[0])
      .map(([milestone, count]) => ({ milestone, count })),
  };
};

export const recordBadgeAward = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: {
    memberId: number;
    milestone: number;
    awardDate: string;
    decisionNumber?: string | null;
    early: boolean;
  };
}) =>
  db.transaction(async (tx) => {
    const m = await queryOne<{ id: number; org_unit_id: number; party_age_from: string | null }>(
      tx,
      sql`select m.id, m.org_unit_id, m.party_age_from from members m join org_units o on o.id = m.org_unit_id
          where m.id = ${input.memberId} and o.path <@ ${actor.scopePath}::ltree for update of m`,
    );
    if (!m) throw notFound('đảng viên');
    if (!m.party_age_from) throw invalidField('memberId', 'Đảng viên chưa có ngày tính tuổi Đảng.');
    const awarded = await queryRows<{ milestone: number }>(
      tx,
      sql`select milestone from badge_awards where member_id = ${input.memberId}`,
    );
    if (awarded.some((a) => a.milestone === input.milestone))
      throw invalidField(
        'milestone',
        `Đảng viên đã nhận Huy hiệu ${input.milestone} năm tuổi Đảng.`,
      );
    const discipline = (await disciplineFactsFor(tx, [input.memberId])).get(input.memberId);
    const due = badgeDue({
      partyAgeFrom: m.party_age_from,
      awardDate: input.awardDate,
      awardedMilestones: awarded.map((a) => a.milestone),
      seriouslyIll: input.early,
      disciplines: discipline?.disciplines ?? [],
      underDisciplinaryReview: discipline?.underReview ?? false,
    });
    if (!due || due.milestone !== input.milestone)
      throw invalidField(
        'milestone',
        due
          ? `Dịp này đảng viên được xét Huy hiệu ${due.milestone} năm, không phải ${input.milestone} năm.`
          : `Đảng viên chưa đủ ${input.milestone} năm tuổi Đảng vào dịp này.`,
      );
    if (!due.eligible) throw invalidField('milestone', due.reason ?? 'Chưa đủ điều kiện.');
    const [row] = await tx
      .insert(badgeAwards)
      .values({
        ...input,
        decisionNumber: input.decisionNumber ?? null,
        early: due.early,
        recordedBy: actor.userId,
      })
      .returning({ id: badgeAwards.id });
    await recountMemberFacts(tx, [input.memberId]);
    await writeAudit(tx, {
      actor,
      action: 'badge.award',
      entityType: 'member',
      entityId: input.memberId,
      orgUnitId: m.org_unit_id,
      after: { ...input, early: due.early },
    });
    return { id: row.id };
  });
