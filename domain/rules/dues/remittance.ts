// What a grassroots organisation keeps of the dues its cells collected and what it remits to the
// committee above it ("trích giữ lại" / "nộp lên cấp trên", docs/domain/dues.md, "Nộp đảng phí lên
// cấp trên"). One rule set per period of effect (ADR 0006); the month of the dues decides which:
//
// - 04/2011 – 01/2026, Quyết định 342-QĐ/TW (28/12/2010), part C on the management of dues, as a
//   published summary reproduces it (thuvienphapluat.vn, "Mức trích nộp đảng phí thu được mới nhất",
//   17/02/2024): grassroots organisations of a commune, ward or town keep 90% and remit 10%; other
//   party organisations keep 70% and remit 30%; cells under a grassroots committee keep 30–50%.
//   The system does not record whether a grassroots organisation is a commune's, so the 70% of
//   "other organisations" is applied (the demo bloc is agencies) ❓.
// - from 02/2026, Quy định 01-QĐ/TW (03/02/2026): the press says it sets "nguyên tắc thu, nộp, phân
//   bổ" of dues, but no published excerpt we could find gives the shares ❓. The share is therefore
//   the administrator's setting (`dues_remittance_share`), by default 342's 70%, labelled as not
//   checked against a text.
//
// The period of remittance (monthly or quarterly) and its deadline were not found in any text we
// could read for either rule set ❓: a remittance is recorded for a month or a quarter, and the
// comparison counts by quarter; a quarter is "chưa nộp" once it has ended.

/** The rule set of 342-QĐ/TW for the grassroots level (organisations other than communes'). */
export const remittance342 = {
  from: '2011-04',
  to: '2026-01',
  keptPercent: 70,
  source: 'Quyết định 342-QĐ/TW (28/12/2010): tổ chức cơ sở đảng trích giữ lại 70%, nộp 30%',
} as const;

/** The administrator's setting for months under 01-QĐ/TW (from 02/2026). */
export type RemittanceShareSetting = { keptPercent: number; source: string };

export const remittanceShareDefault: RemittanceShareSetting = {
  keptPercent: 70,
  source:
    'Mặc định theo tỷ lệ của Quyết định 342-QĐ/TW (giữ lại 70%, nộp 30%); chưa đối chiếu văn bản hướng dẫn Quy định 01-QĐ/TW',
};

export type RemittanceShare = {
  keptPercent: number;
  source: string;
  /** The rule set whose share applies: '342' (a published text) or '01' (the setting). */
  ruleSet: '342' | '01';
};

/** The share of the month's dues a grassroots organisation keeps (the rest is remitted). */
export const remittanceShareFor = (
  month: string,
  setting: RemittanceShareSetting = remittanceShareDefault,
): RemittanceShare =>
  month <= remittance342.to
    ? { keptPercent: remittance342.keptPercent, source: remittance342.source, ruleSet: '342' }
    : { keptPercent: setting.keptPercent, source: setting.source, ruleSet: '01' };

/** The share kept and the share remitted, rounded to the đồng (remitted = paid − kept). */
export const splitDues = (paid: number, keptPercent: number | null) => {
  if (keptPercent === null) return null;
  const kept = Math.round((paid * keptPercent) / 100);
  return { kept, remitted: paid - kept };
};

/**
 * What an organisation owes upward for the months: the dues its cells collected, split month group
 * by month group at the share of each group's rule set (all months of one share are split together,
 * so a period under one share gives exactly `splitDues(paid, share).remitted`).
 */
export const remittanceDue = (
  paidByMonth: ReadonlyMap<string, number>,
  months: readonly string[],
  setting: RemittanceShareSetting = remittanceShareDefault,
): number => {
  const byShare = new Map<number, number>();
  for (const month of months) {
    const share = remittanceShareFor(month, setting).keptPercent;
    byShare.set(share, (byShare.get(share) ?? 0) + (paidByMonth.get(month) ?? 0));
  }
  let due = 0;
  for (const [kept, paid] of byShare) due += splitDues(paid, kept)!.remitted;
  return due;
};

export const remittancePeriodKinds = ['month', 'quarter'] as const;
export type RemittancePeriodKind = (typeof remittancePeriodKinds)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const roman = ['I', 'II', 'III', 'IV'];

/** The months ('YYYY-MM') of a period. */
export const monthsOfPeriod = (year: number, kind: RemittancePeriodKind, period: number) =>
  kind === 'month'
    ? [`${year}-${pad(period)}`]
    : [1, 2, 3].map((i) => `${year}-${pad((period - 1) * 3 + i)}`);

export const quarterOfMonth = (month: string) =>
  Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;

export const periodLabel = (year: number, kind: RemittancePeriodKind, period: number) =>
  kind === 'month' ? `Tháng ${pad(period)}/${year}` : `Quý ${roman[period - 1]}/${year}`;

/** A period has ended when its last month is before the current one. */
export const periodEnded = (
  year: number,
  kind: RemittancePeriodKind,
  period: number,
  currentMonth: string,
) => monthsOfPeriod(year, kind, period).at(-1)! < currentMonth;

/** A period has not begun when its first month is after the current one (refused on record). */
export const periodInFuture = (
  year: number,
  kind: RemittancePeriodKind,
  period: number,
  currentMonth: string,
) => monthsOfPeriod(year, kind, period)[0]! > currentMonth;

/** Two periods of the same year share a month (a month inside a quarter, or the same period). */
export const periodsOverlap = (
  a: { kind: RemittancePeriodKind; period: number },
  b: { kind: RemittancePeriodKind; period: number },
) => {
  const months = new Set(monthsOfPeriod(2000, a.kind, a.period));
  return monthsOfPeriod(2000, b.kind, b.period).some((m) => months.has(m));
};

/** The state of a quarter in the comparison. */
export type QuarterState = 'paid' | 'short' | 'unpaid' | 'open';

export const quarterState = ({
  ended,
  due,
  received,
}: {
  ended: boolean;
  due: number;
  received: number;
}): QuarterState =>
  !ended ? 'open' : received >= due ? 'paid' : received === 0 ? 'unpaid' : 'short';
