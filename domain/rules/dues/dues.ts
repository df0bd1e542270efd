// Party dues (đảng phí, regulations.md §3.8). A month is charged by the rule set in force that
// month: Quy định 342-QĐ/TW (2010) until 01/2026, Quy định 01-QĐ/TW from 02/2026 (1% of the
// social-insurance salary, 0.5% of the pension, 5,000 đ for students, exempt at ≥ 50 years of party
// age, on the social pension allowance or for poor households and serious illness; reductions of
// 30/50/70% for up to 12 months). Amounts the sources did not capture (🟡/❓) are parameters.
import { formatNumber } from '../../text/vietnamese';

export const duesCategories = [
  'insured_salary',
  'social_insurance_benefit',
  'pension',
  'student',
  'other',
] as const;
export type DuesCategory = (typeof duesCategories)[number];

/** Areas for the flat amounts of members without salary or pension (HD 03-HD/VPTW, 🟡). */
export const duesAreas = ['urban', 'delta', 'midland', 'mountain'] as const;
export type DuesArea = (typeof duesAreas)[number];
export const duesAreaLabels: Record<DuesArea, string> = {
  urban: 'Phường, thị trấn; xã thuộc thành phố',
  delta: 'Xã đồng bằng',
  midland: 'Xã trung du',
  mountain: 'Xã miền núi, biên giới, hải đảo',
};

export type DuesBasis = {
  category: DuesCategory;
  /** The social-insurance salary of the previous month, the benefit, or the pension (đồng). */
  baseAmount?: number | null;
  otherArea?: string;
  socialPensionAllowance?: boolean;
  hardshipExemption?: boolean;
  reduction?: { percent: 30 | 50 | 70; from: string; to: string } | null;
};

type RuleSet = {
  code: string;
  name: string;
  /** First month (YYYY-MM) the rule set applies to. */
  from: string;
  salaryRate: number;
  benefitRate: number;
  pensionRate: number;
  studentAmount: number;
  otherAmounts: Record<DuesArea, number>;
  /** Exempt from this many years of party age; null: no such exemption. */
  exemptPartyAgeYears: number | null;
  socialPensionExempt: boolean;
  hardshipExempt: boolean;
};

export type DuesParams = { ruleSets: RuleSet[] };

export const duesDefaults: DuesParams = {
  ruleSets: [
    {
      code: '342-QĐ/TW',
      name: 'Quy định 342-QĐ/TW ngày 28/12/2010',
      from: '0000-01',
      salaryRate: 0.01,
      benefitRate: 0.01,
      pensionRate: 0.005,
      studentAmount: 3_000, // 🟡
      otherAmounts: { urban: 10_000, delta: 8_000, midland: 6_000, mountain: 4_000 }, // HD 03-HD/VPTW, 🟡
      exemptPartyAgeYears: null,
      socialPensionExempt: false,
      hardshipExempt: false,
    },
    {
      code: '01-QĐ/TW',
      name: 'Quy định 01-QĐ/TW ngày 03/02/2026',
      from: '2026-02',
      salaryRate: 0.01,
      benefitRate: 0.01,
      pensionRate: 0.005,
      studentAmount: 5_000,
      otherAmounts: { urban: 10_000, delta: 8_000, midland: 6_000, mountain: 4_000 }, // ❓ not captured
      exemptPartyAgeYears: 50,
      socialPensionExempt: true,
      hardshipExempt: true,
    },
  ],
};

const ruleSetOf = (month: string, params: DuesParams): RuleSet =>
  [...params.ruleSets].sort((a, b) => b.from.localeCompare(a.from)).find((r) => r.from <= month) ??
  params.ruleSets[0];

/** The rule set a month is charged by, as the collection sheet names it. */
export const duesRuleSetFor = (month: string, params: DuesParams = duesDefaults): string =>
  ruleSetOf(month, params).name;

export type MonthlyDues = {
  amount: number;
  /** Why nothing is owed ("≥ 50 năm tuổi Đảng"…), or null. */
  exempt: string | null;
  explanation: string;
};

const partyAgeYearsAtMonthEnd = (partyAgeFrom: string, month: string): number => {
  const years = Number(month.slice(0, 4)) - Number(partyAgeFrom.slice(0, 4));
  return month.slice(5, 7) < partyAgeFrom.slice(5, 7) ? years - 1 : years;
};

const money = (v: number) => `${formatNumber(v)} đ`;
/** 0.01 → "1%", 0.005 → "0,5%". */
const rate = (r: number) => `${formatNumber(r * 100, Number.isInteger(r * 100) ? 0 : 1)}%`;

export const monthlyDues = ({
  month,
  basis,
  partyAgeFrom,
  params = duesDefaults,
}: {
  month: string;
  basis: DuesBasis;
  partyAgeFrom: string | null;
  params?: DuesParams;
}): MonthlyDues => {
  const rules = ruleSetOf(month, params);
  const exempt = (why: string): MonthlyDues => ({
    amount: 0,
    exempt: why,
    explanation: `Miễn: ${why} (${rules.code}).`,
  });
  if (
    rules.exemptPartyAgeYears !== null &&
    partyAgeFrom &&
    partyAgeYearsAtMonthEnd(partyAgeFrom, month) >= rules.exemptPartyAgeYears
  )
    return exempt(`từ ${rules.exemptPartyAgeYears} năm tuổi Đảng`);
  if (rules.socialPensionExempt && basis.socialPensionAllowance)
    return exempt('hưởng trợ cấp hưu trí xã hội');
  if (rules.hardshipExempt && basis.hardshipExemption)
    return exempt('hộ nghèo, cận nghèo hoặc bệnh hiểm nghèo');

  let amount: number;
  let how: string;
  const base = basis.baseAmount ?? 0;
  switch (basis.category) {
    case 'insured_salary':
      amount = base * rules.salaryRate;
      how = `${rate(rules.salaryRate)} × ${money(base)} tiền lương`;
      break;
    case 'social_insurance_benefit':
      amount = base * rules.benefitRate;
      how = `${rate(rules.benefitRate)} × ${money(base)} trợ cấp BHXH`;
      break;
    case 'pension':
      amount = base * rules.pensionRate;
      how = `${rate(rules.pensionRate)} × ${money(base)} lương hưu`;
      break;
    case 'student':
      amount = rules.studentAmount;
      how = 'mức học sinh, sinh viên';
      break;
    default: {
      const area = (duesAreas as readonly string[]).includes(basis.otherArea ?? '')
        ? (basis.otherArea as DuesArea)
        : 'mountain';
      amount = rules.otherAmounts[area];
      how = `mức cố định, ${duesAreaLabels[area].toLowerCase()}`;
    }
  }
  amount = Math.round(amount);
  const r = basis.reduction;
  if (r && r.from <= month && month <= r.to) {
    const reduced = Math.round((amount * (100 - r.percent)) / 100);
    return {
      amount: reduced,
      exempt: null,
      explanation: `${how} = ${money(amount)}, giảm ${r.percent}% còn ${money(reduced)} (${rules.code}).`,
    };
  }
  return { amount, exempt: null, explanation: `${how} = ${money(amount)} (${rules.code}).` };
};

const monthsOf = (from: string, to: string): string[] => {
  const list: string[] = [];
  let [y, m] = from.split('-').map(Number);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > to) return list;
    list.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
};

/**
 * The months of `year` up to and including `asOfMonth` with no payment recorded, from `firstMonth`
 * (admission in that year) on. Three of them in a year is a ground for removal (§3.7).
 */
export const unpaidMonths = ({
  year,
  asOfMonth,
  paidMonths,
  firstMonth,
}: {
  year: number;
  asOfMonth: string;
  paidMonths: readonly string[];
  firstMonth?: string;
}): string[] => {
  const start = firstMonth && firstMonth > `${year}-01` ? firstMonth : `${year}-01`;
  const end = asOfMonth < `${year}-12` ? asOfMonth : `${year}-12`;
  const paid = new Set(paidMonths);
  return monthsOf(start, end).filter((m) => !paid.has(m));
};

/** The month before `month` (YYYY-MM): the last one that should already have been collected. */
export const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
