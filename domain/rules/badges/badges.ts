// Party badges (Huy hiệu Đảng, regulations.md §3.4): milestones of 30 … 90 years of party age,
// awarded on 3/2, 19/5, 2/9 and 7/11; seriously ill members up to 12 months early (30–65 years)
// or 24 months early (70–90); not while disciplined or under disciplinary review (🟡: the waiting
// periods after a discipline come from the 2007 guidance and are parameters).
import { addMonths } from '../../calendar/date-math';
import { formatDate } from '../../text/vietnamese';

export const badgeMilestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90] as const;
/** Month-day of the award dates: founding of the Party, Hồ Chí Minh's birthday, National Day, October Revolution. */
export const badgeAwardDays = ['02-03', '05-19', '09-02', '11-07'] as const;

export type DisciplineForm = 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'khai_tru';

export const badgeDefaults = {
  earlyMonthsUpTo65: 12,
  earlyMonthsFrom70: 24,
  /** Months to wait after a discipline decision before the badge is considered (🟡). */
  disciplineWaitMonths: { khien_trach: 3, canh_cao: 6, cach_chuc: 12, khai_tru: null } as Record<
    DisciplineForm,
    number | null
  >,
};
export type BadgeParams = typeof badgeDefaults;

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
  disciplines: ReadonlyArray<{ form: DisciplineForm; decidedOn: string }>;
  underDisciplinaryReview: boolean;
};

export type BadgeDue = {
  milestone: number;
  /** false: due by party age but withheld (the reason says why). */
  eligible: boolean;
  early: boolean;
  reason: string | null;
};

/**
 * The badge a member is due at an award date: the highest milestone reached by then (early for
 * the seriously ill) above every badge already received. Milestones passed over in earlier years
 * are not listed again once a higher one is due. Null when nothing is due.
 */
export const badgeDue = (
  input: BadgeDueInput,
  params: BadgeParams = badgeDefaults,
): BadgeDue | null => {
  const highestAwarded = Math.max(0, ...input.awardedMilestones);
  let due: { milestone: number; early: boolean } | null = null;
  for (const milestone of badgeMilestones) {
    if (milestone <= highestAwarded) continue;
    const reached = addMonths(input.partyAgeFrom, milestone * 12);
    if (reached <= input.awardDate) due = { milestone, early: false };
    else if (input.seriouslyIll) {
      const early = milestone >= 70 ? params.earlyMonthsFrom70 : params.earlyMonthsUpTo65;
      if (addMonths(reached, -early) <= input.awardDate && !due) due = { milestone, early: true };
    }
  }
  if (!due) return null;
  if (input.underDisciplinaryReview)
    return {
      ...due,
      eligible: false,
      reason: 'Đang bị xem xét kỷ luật: chưa xét tặng Huy hiệu Đảng.',
    };
  for (const d of input.disciplines) {
    const wait = params.disciplineWaitMonths[d.form];
    const until = wait === null ? null : addMonths(d.decidedOn, wait);
    if (d.decidedOn <= input.awardDate && (until === null || until > input.awardDate))
      return {
        ...due,
        eligible: false,
        reason: `Bị kỷ luật ${disciplineLabels[d.form]} ngày ${formatDate(d.decidedOn)}${until ? `: xét từ ngày ${formatDate(until)}` : ''}.`,
      };
  }
  return {
    ...due,
    eligible: true,
    reason: due.early ? 'Xét tặng sớm do ốm đau nặng.' : null,
  };
};
