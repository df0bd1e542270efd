// Party badges (Huy hiệu Đảng, docs/domain/badges.md): who is due at an award date, and recording
// the award, posthumous ones (truy tặng) included. The eligibility rule is the pure `badgeDue` under
// the rule set in force at the award date (24-QĐ/TW from 30/7/2021: 6/9/12 months after a discipline
// and the cell's recognition; 294-QĐ/TW's values are the setting `badge_params_294`); discipline
// facts come from the inspection module (see disciplineFactsFor).
import type { TBadgeList } from '../../../contracts/lifecycle';
import { addMonths, addYears } from '../../../domain/calendar/date-math';
import {
  awardDatesBetween,
  type BadgeRuleSet,
  type BadgeRuleValues,
  badgeDue,
  badgeMilestones,
  badgeRuleSetOn,
  nextAwardDate,
  partyAgeYearsOn,
} from '../../../domain/rules/badges/badges';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { badgeAwards } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { invalidField, notFound } from '../../platform/errors';
import { activeStatusList, markMemberFactsChanged, withFigures } from '../figures';
import { disciplineFactsFor } from './discipline-facts';

/** The rule set at an award date, with the administrator's values for 294-QĐ/TW (setting `badge_params_294`). */
export const badgeRulesOn = async (db: DbOrTx, awardDate: string): Promise<BadgeRuleSet> => {
  const row = await queryOne<{ value: Partial<BadgeRuleValues> }>(
    db,
    sql`select value from settings where key = 'badge_params_294'`,
  );
  return badgeRuleSetOn(awardDate, row?.value ?? null);
};

export const listBadgeCandidates = async ({
  db,
  actor,
  orgUnitId,
  awardDate,
  includeEarly,
  includePosthumous,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  awardDate?: string;
  includeEarly?: boolean;
  includePosthumous?: boolean;
}): Promise<TBadgeList> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const date = awardDate ?? nextAwardDate(todayIso());
  if (!awardDatesBetween(date, date).includes(date))
    throw invalidField('awardDate', 'Huy hiệu Đảng được trao vào các dịp 3/2, 19/5, 2/9 và 7/11.');
  const rules = await badgeRulesOn(db, date);
  // The smallest milestone is 30 years; ill or deceased members may get it early.
  const earlyMonths = Math.max(
    includeEarly ? Math.max(rules.earlyMonthsUpTo65, rules.earlyMonthsFrom70) : 0,
    includePosthumous ? rules.posthumousEarlyMonths : 0,
  );
  const earliest = addMonths(addYears(date, -badgeMilestones[0]), earlyMonths);
  // Deceased members are listed for a year after their death (the posthumous award follows it);
  // an older death can still be recorded from the member's line.
  const diedSince = addYears(date, -1);
  const rows = await queryRows<{
    id: number;
    full_name: string;
    birth_date: string;
    org_unit_name: string;
    party_age_from: string;
    died_on: string | null;
    awarded: number[] | null;
    awarded_at_date: number[] | null;
  }>(
    db,
    sql`select * from (
          select m.id, m.full_name, m.birth_date, o.name as org_unit_name, m.party_age_from,
            case when m.status = 'died' then (select max(e.event_date)::text from member_events e
              where e.member_id = m.id and e.kind = 'died') end as died_on,
            (select array_agg(b.milestone) from badge_awards b where b.member_id = m.id) as awarded,
            (select array_agg(b.milestone) from badge_awards b where b.member_id = m.id and b.award_date = ${date}) as awarded_at_date
          from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ ${unit.path}::ltree
            and (m.status in (${activeStatusList}) ${includePosthumous ? sql`or m.status = 'died'` : sql``})
            and m.party_age_from is not null and m.party_age_from <= ${earliest}
          -- Fenced: pushed into the scan, the death-date test made the planner expect a few dozen
          -- rows and join every unit with every member (290,000 comparisons for the demo bloc).
          offset 0) x
        where x.died_on is null or (x.died_on > ${diedSince} and x.died_on <= ${date})
        order by x.party_age_from, x.id`,
  );
  const discipline = await disciplineFactsFor(
    db,
    rows.map((r) => r.id),
  );
  const items: TBadgeList['items'] = [];
  for (const r of rows) {
    const already = (r.awarded ?? []).filter((m) => !(r.awarded_at_date ?? []).includes(m));
    const due = badgeDue(
      {
        partyAgeFrom: r.party_age_from,
        awardDate: date,
        awardedMilestones: already,
        seriouslyIll: includeEarly ?? false,
        diedOn: r.died_on,
        disciplines: discipline.get(r.id)?.disciplines ?? [],
        underDisciplinaryReview: discipline.get(r.id)?.underReview ?? false,
      },
      rules,
    );
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
      posthumous: due.posthumous,
      diedOn: r.died_on,
      needsCellRecognition: due.needsCellRecognition,
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
    ruleSet: { id: rules.id, source: rules.source, verified: rules.verified },
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
    posthumous?: boolean;
    reason?: string | null;
    cellRecognizedOn?: string | null;
  };
}) =>
  withFigures(db, async (tx) => {
    const m = await queryOne<{
      id: number;
      org_unit_id: number;
      party_age_from: string | null;
      status: string;
      died_on: string | null;
    }>(
      tx,
      sql`select m.id, m.org_unit_id, m.party_age_from, m.status,
            (select max(e.event_date)::text from member_events e where e.member_id = m.id and e.kind = 'died') as died_on
          from members m join org_units o on o.id = m.org_unit_id
          where m.id = ${input.memberId} and ${inScope(actor, sql`o.path`)} for update of m`,
    );
    if (!m) throw notFound('đảng viên');
    if (!m.party_age_from) throw invalidField('memberId', 'Đảng viên chưa có ngày tính tuổi Đảng.');
    const deathRecorded = m.status === 'died' ? m.died_on : null;
    if (input.posthumous && !deathRecorded)
      throw invalidField(
        'posthumous',
        'Chỉ truy tặng Huy hiệu Đảng cho đảng viên đã từ trần (cần ghi sự kiện từ trần trước).',
      );
    if (input.posthumous && deathRecorded && input.awardDate < deathRecorded)
      throw invalidField('awardDate', 'Ngày truy tặng không thể trước ngày đảng viên từ trần.');
    // A badge dated before the death was awarded to a living member (a paper record entered late).
    const diedOn = deathRecorded && deathRecorded <= input.awardDate ? deathRecorded : null;
    if (!input.posthumous && diedOn)
      throw invalidField(
        'posthumous',
        'Đảng viên đã từ trần: hãy ghi là truy tặng Huy hiệu Đảng, kèm lý do.',
      );
    if (!deathRecorded && !['full', 'probationary', 'exempted', 'suspended'].includes(m.status))
      throw invalidField('memberId', 'Đảng viên không còn sinh hoạt trong Đảng.');
    const awarded = await queryRows<{ milestone: number }>(
      tx,
      sql`select milestone from badge_awards where member_id = ${input.memberId}`,
    );
    if (awarded.some((a) => a.milestone === input.milestone))
      throw invalidField(
        'milestone',
        `Đảng viên đã nhận Huy hiệu ${input.milestone} năm tuổi Đảng.`,
      );
    const rules = await badgeRulesOn(tx, input.awardDate);
    const discipline = (await disciplineFactsFor(tx, [input.memberId])).get(input.memberId);
    const due = badgeDue(
      {
        partyAgeFrom: m.party_age_from,
        awardDate: input.awardDate,
        awardedMilestones: awarded.map((a) => a.milestone),
        seriouslyIll: input.early && !diedOn,
        diedOn,
        disciplines: discipline?.disciplines ?? [],
        underDisciplinaryReview: discipline?.underReview ?? false,
      },
      rules,
    );
    if (!due || due.milestone !== input.milestone)
      throw invalidField(
        'milestone',
        due
          ? `Dịp này đảng viên được xét Huy hiệu ${due.milestone} năm, không phải ${input.milestone} năm.`
          : diedOn
            ? `Đảng viên từ trần khi chưa đủ ${input.milestone} năm tuổi Đảng và thiếu quá ${rules.posthumousEarlyMonths} tháng: không truy tặng được (${rules.source}).`
            : `Đảng viên chưa đủ ${input.milestone} năm tuổi Đảng vào dịp này.`,
      );
    if (!due.eligible) throw invalidField('milestone', due.reason ?? 'Chưa đủ điều kiện.');
    const reason = input.reason?.trim() || null;
    if ((due.early || due.posthumous) && !reason)
      throw invalidField(
        'reason',
        due.posthumous
          ? 'Cần ghi lý do truy tặng (ví dụ: từ trần ngày …, đủ/thiếu … tháng tuổi Đảng).'
          : 'Cần ghi lý do xét tặng sớm (ốm đau nặng, theo xác nhận của …).',
      );
    if (due.needsCellRecognition && !input.cellRecognizedOn)
      throw invalidField(
        'cellRecognizedOn',
        `Đảng viên từng bị kỷ luật: cần ghi ngày chi bộ công nhận đã sửa chữa tốt khuyết điểm (${rules.source}).`,
      );
    if (input.cellRecognizedOn && input.cellRecognizedOn > input.awardDate)
      throw invalidField(
        'cellRecognizedOn',
        'Chi bộ phải công nhận trước ngày trao tặng Huy hiệu Đảng.',
      );
    const [row] = await tx
      .insert(badgeAwards)
      .values({
        memberId: input.memberId,
        milestone: input.milestone,
        awardDate: input.awardDate,
        decisionNumber: input.decisionNumber ?? null,
        early: due.early,
        posthumous: due.posthumous,
        reason,
        cellRecognizedOn: due.needsCellRecognition ? (input.cellRecognizedOn ?? null) : null,
        recordedBy: actor.userId,
      })
      .returning({ id: badgeAwards.id });
    markMemberFactsChanged(tx, [input.memberId]);
    await writeAudit(tx, {
      actor,
      action: 'badge.award',
      entityType: 'member',
      entityId: input.memberId,
      orgUnitId: m.org_unit_id,
      after: { ...input, early: due.early, posthumous: due.posthumous, ruleSet: rules.id },
    });
    return { id: row.id };
  });
