// Party badges (Huy hiệu Đảng): milestones of 30 … 90 years of party age, awarded on 3/2, 19/5, 2/9
// and 7/11 (01-HD/TW 2021 §18). Who may receive one, how early, and how long a discipline withholds
// it are dated rule sets (docs/domain/badges.md); the award date picks the set in force, so awards
// considered before a new text keep the old rule:
//  - 29-QĐ/TW (25/7/2016) point 27.3a: seriously ill members at most 1 year early; a deceased member is
//    awarded posthumously only with the full party age; khiển trách does not withhold the badge,
//    cảnh cáo withholds it for 6 months and cách chức for 1 year after the decision, "nếu sửa chữa tốt
//    khuyết điểm".
//  - 24-QĐ/TW (30/7/2021) point 27.3: seriously ill or deceased members at most 1 year early (2 years
//    for the 70–90-year badges of the seriously ill); withheld 6 months after khiển trách, 9 months
//    after cảnh cáo, 1 year after cách chức, and then only once the cell recognises that the
//    shortcomings were corrected ("được chi bộ công nhận").
//  - 294-QĐ/TW (26/5/2025) replaced 24-QĐ/TW; its badge text was not found, so its values are 24's as
//    a default that an administrator may change (setting `badge_params_294`).
import { addMonths } from '../../calendar/date-math';
import { formatDate } from '../../text/vietnamese';

export const badgeMilestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;
/** Month-day of the award dates: founding of the Party, Hồ Chí Minh's birthday, National Day, October Revolution. */
export const badgeAwardDays = ['02-03', '05-19', '09-02', '11-07'] as const;

export type DisciplineForm = 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'khai_tru';

export type BadgeRuleValues = {
  /** Seriously ill members: months early for the 30–65-year badges. */
  earlyMonthsUpTo65: number;
  /** Seriously ill members: months early for the 70–90-year badges. */
  earlyMonthsFrom70: number;
  /** Deceased members: months early for a posthumous award (0 = only with the full party age). */
  posthumousEarlyMonths: number;
  /**
   * Months after the discipline decision before the badge is considered; 0 = the form does not
   * withhold it; null = never (an expelled person is no longer a member).
   */
  disciplineWaitMonths: Record<DisciplineForm, number | null>;
  /** After the wait the cell must recognise that the shortcomings were corrected. */
  cellRecognitionRequired: boolean;
};

export type BadgeRuleSet = BadgeRuleValues & {
  id: 'qd29_2016' | 'qd24_2021' | 'qd294_2025';
  /** First award date the set applies to. */
  from: string;
  source: string;
  verified: boolean;
};

const qd24: BadgeRuleValues = {
  earlyMonthsUpTo65: 12,
  earlyMonthsFrom70: 24,
  posthumousEarlyMonths: 12,
  disciplineWaitMonths: { khien_trach: 6, canh_cao: 9, cach_chuc: 12, khai_tru: null },
  cellRecognitionRequired: true,
};

/** The rule sets in the order they came into force. The earliest also covers older award dates. */
export const badgeRuleSets: readonly BadgeRuleSet[] = [
  {
    id: 'qd29_2016',
    from: '2016-07-25',
    source: 'Quy định 29-QĐ/TW ngày 25/7/2016, điểm 27.3a',
    verified: true,
    earlyMonthsUpTo65: 12,
    earlyMonthsFrom70: 12,
    posthumousEarlyMonths: 0,
    disciplineWaitMonths: { khien_trach: 0, canh_cao: 6, cach_chuc: 12, khai_tru: null },
    cellRecognitionRequired: false,
  },
  {
    id: 'qd24_2021',
    from: '2021-07-30',
    source: 'Quy định 24-QĐ/TW ngày 30/7/2021, điểm 27.3',
    verified: true,
    ...qd24,
  },
  {
    id: 'qd294_2025',
    from: '2025-05-26',
    source: 'Quy định 294-QĐ/TW ngày 26/5/2025 (giữ mức của 24-QĐ/TW; chưa đối chiếu được văn bản)',
    verified: false,
    ...qd24,
  },
];

/** The rule set in force at an award date; `override294` is the administrator's setting. */
export const badgeRuleSetOn = (
  awardDate: string,
  override294: Partial<BadgeRuleValues> | null = null,
): BadgeRuleSet => {
  let set = badgeRuleSets[0];
  for (const s of badgeRuleSets) if (s.from <= awardDate) set = s;
  return set.id === 'qd294_2025' && override294 ? { ...set, ...override294 } : set;
};

const disciplineLabels: Record<DisciplineForm, string> = {
  khien_trach: 'khiển trách',
  canh_cao: 'cảnh cáo',
  cach_chuc: 'cách chức',
  khai_tru: 'khai trừ',
};

/** The award dates from `from` to `to`, both included, in order. */
export const awardDatesBetween = (from: string, to: string): string[] => {
  const dates: string[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    for (const day of badgeAwardDays) {
      const iso = `${year}-${day}`;
      if (iso >= from && iso <= to) dates.push(iso);
    }
  return dates;
};

/** The first award date on or after `date`. */
export const nextAwardDate = (date: string): string =>
  awardDatesBetween(date, `${Number(date.slice(0, 4)) + 1}-12-31`)[0];

/** Completed years of party age on `date`. */
export const partyAgeYearsOn = (partyAgeFrom: string, date: string): number => {
  const years = Number(date.slice(0, 4)) - Number(partyAgeFrom.slice(0, 4));
  return date.slice(5) < partyAgeFrom.slice(5) ? years - 1 : years;
};

export type BadgeDueInput = {
  partyAgeFrom: string;
  awardDate: string;
  awardedMilestones: readonly number[];
  /** Seriously ill: may receive the badge early. */
  seriouslyIll: boolean;
  /** The member died on this date: a posthumous award, party age counted to the death. */
  diedOn?: string | null;
  disciplines: ReadonlyArray<{ form: DisciplineForm; decidedOn: string }>;
  underDisciplinaryReview: boolean;
};

export type BadgeDue = {
  milestone: number;
  /** false: due by party age but withheld (the reason says why). */
  eligible: boolean;
  early: boolean;
  posthumous: boolean;
  /** The award needs the cell's recognition that the shortcomings of a past discipline were corrected. */
  needsCellRecognition: boolean;
  reason: string | null;
  /** The rule set applied (its source is shown to the user). */
  ruleSet: BadgeRuleSet['id'];
};

/**
 * The badge a member is due at an award date: the highest milestone reached by then (early for
 * the seriously ill) above every badge already received. A deceased member's party age stops at
 * the death: the milestone must be reached by then, or within `posthumousEarlyMonths` after it.
 * Milestones passed over in earlier years are not listed again once a higher one is due. Null when
 * nothing is due.
 */
export const badgeDue = (input: BadgeDueInput, rules?: BadgeRuleSet): BadgeDue | null => {
  const set = rules ?? badgeRuleSetOn(input.awardDate);
  const highestAwarded = Math.max(0, ...input.awardedMilestones);
  const diedOn = input.diedOn && input.diedOn <= input.awardDate ? input.diedOn : null;
  // Party age counts to the award date, or to the death for a posthumous award.
  const countTo = diedOn ?? input.awardDate;
  let due: { milestone: number; early: boolean } | null = null;
  for (const milestone of badgeMilestones) {
    if (milestone <= highestAwarded) continue;
    const reached = addMonths(input.partyAgeFrom, milestone * 12);
    if (reached <= countTo) due = { milestone, early: false };
    else if (!due) {
      const early = diedOn
        ? set.posthumousEarlyMonths
        : input.seriouslyIll
          ? milestone >= 70
            ? set.earlyMonthsFrom70
            : set.earlyMonthsUpTo65
          : 0;
      if (early > 0 && addMonths(reached, -early) <= countTo) due = { milestone, early: true };
    }
  }
  if (!due) return null;
  const base = {
    ...due,
    posthumous: diedOn !== null,
    needsCellRecognition: false,
    ruleSet: set.id,
  };
  if (input.underDisciplinaryReview)
    return {
      ...base,
      eligible: false,
      reason: 'Đang bị xem xét kỷ luật: chưa xét tặng Huy hiệu Đảng.',
    };
  let needsCellRecognition = false;
  for (const d of input.disciplines) {
    if (d.decidedOn > input.awardDate) continue;
    const wait = set.disciplineWaitMonths[d.form];
    if (wait === 0) continue;
    const until = wait === null ? null : addMonths(d.decidedOn, wait);
    if (until === null || until > input.awardDate)
      return {
        ...base,
        eligible: false,
        reason: `Bị kỷ luật ${disciplineLabels[d.form]} ngày ${formatDate(d.decidedOn)}${until ? `: xét từ ngày ${formatDate(until)} nếu sửa chữa tốt khuyết điểm` : ''} (${set.source}).`,
      };
    if (set.cellRecognitionRequired) needsCellRecognition = true;
  }
  const reasons = [
    due.early && diedOn
      ? `Truy tặng sớm (từ trần ngày ${formatDate(diedOn)}, không quá ${set.posthumousEarlyMonths} tháng).`
      : diedOn
        ? `Truy tặng (từ trần ngày ${formatDate(diedOn)}).`
        : due.early
          ? 'Xét tặng sớm do ốm đau nặng.'
          : null,
    needsCellRecognition
      ? `Đã qua thời gian chờ sau kỷ luật; cần chi bộ công nhận đã sửa chữa tốt khuyết điểm (${set.source}).`
      : null,
  ].filter((r): r is string => r !== null);
  return {
    ...base,
    needsCellRecognition,
    eligible: true,
    reason: reasons.length ? reasons.join(' ') : null,
  };
};
