// Party dues (đảng phí, docs/domain/dues.md). A month is charged by the rule set in force that
// month: Quyết định 342-QĐ/TW (28/12/2010, in force 01/4/2011) until 01/2026, Quy định 01-QĐ/TW
// (03/02/2026, in force from 01/02/2026) from 02/2026: 1% of the social-insurance salary of the
// month before, 1% of a sickness/maternity benefit, 0.5% of the pension, 5,000 đ for students;
// exempt at ≥ 50 years of party age, on the social pension allowance, or for poor/near-poor
// households and serious illness; reductions of 30/50/70% for up to 12 months. The flat amounts
// of members outside those groups under 01-QĐ/TW were not found in a published text: they are an
// administrator's setting (settings key `dues_unsalaried_amounts`) whose source the sheet names.
import { formatNumber } from '../../text/vietnamese';

export const duesCategories = [
  'insured_salary',
  'social_insurance_benefit',
  'pension',
  'student',
  'other',
] as const;
export type DuesCategory = (typeof duesCategories)[number];

/**
 * Areas for the flat amounts of members without salary or pension, as Hướng dẫn 03-HD/VPTW
 * (06/7/2016, implementing 342-QĐ/TW) divides them. The stored keys predate the labels.
 */
export const duesAreas = ['urban', 'delta', 'midland', 'mountain'] as const;
export type DuesArea = (typeof duesAreas)[number];
export const duesAreaLabels: Record<DuesArea, string> = {
  urban: 'Nội thành thành phố trực thuộc Trung ương',
  delta: 'Nội thành đô thị loại I, II, III thuộc tỉnh',
  midland: 'Các khu vực còn lại',
  mountain: 'Miền núi, vùng sâu, vùng xa, biên giới, hải đảo',
};

/** Flat monthly amounts (đồng) of members outside the salary, benefit and pension groups. */
export type FlatAmounts = {
  other: Record<DuesArea, number>;
  student: number;
  /** The document the amounts come from, named on the collection sheet. */
  source: string;
};

/**
 * HD 03-HD/VPTW (06/7/2016) §II for members of working age outside the salary and pension groups:
 * 10,000 đ in the inner city of a centrally-run city, 8,000 đ in the inner areas of class I–III
 * towns of a province, 4,000 đ in mountain, remote, border and island areas, 6,000 đ elsewhere.
 */
const hd03Other: Record<DuesArea, number> = {
  urban: 10_000,
  delta: 8_000,
  midland: 6_000,
  mountain: 4_000,
};

/**
 * Default of the administrator's setting for 01-QĐ/TW until its amounts are confirmed: the
 * HD 03-HD/VPTW levels, and 5,000 đ for students (01-QĐ/TW, as published on 06/02/2026).
 */
export const unsalariedDefaults: FlatAmounts = {
  other: { ...hd03Other },
  student: 5_000,
  source:
    'Mức mặc định, chưa đối chiếu văn bản: mức khu vực theo Hướng dẫn 03-HD/VPTW ngày 06/7/2016; học sinh, sinh viên 5.000 đ theo Quy định 01-QĐ/TW ngày 03/02/2026',
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
  /** Where the flat amounts (students, other members) come from. */
  flatSource: string;
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
      name: 'Quyết định 342-QĐ/TW ngày 28/12/2010',
      from: '0000-01',
      salaryRate: 0.01,
      benefitRate: 0.01,
      pensionRate: 0.005,
      // Students: not found in the published text; kept as the earlier parameter.
      studentAmount: 3_000,
      otherAmounts: { ...hd03Other },
      flatSource:
        'Hướng dẫn 03-HD/VPTW ngày 06/7/2016 thực hiện Quyết định 342-QĐ/TW (mức khu vực; mức học sinh, sinh viên là tham số chưa đối chiếu)',
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
      studentAmount: unsalariedDefaults.student,
      otherAmounts: { ...unsalariedDefaults.other },
      flatSource: unsalariedDefaults.source,
      exemptPartyAgeYears: 50,
      socialPensionExempt: true,
      hardshipExempt: true,
    },
  ],
};

/** The rule sets with the administrator's flat amounts applied to 01-QĐ/TW (from 02/2026). */
export const withUnsalariedAmounts = (params: DuesParams, flat: FlatAmounts): DuesParams => ({
  ruleSets: params.ruleSets.map((r) =>
    r.code === '01-QĐ/TW'
      ? {
          ...r,
          studentAmount: flat.student,
          otherAmounts: { ...flat.other },
          flatSource: flat.source,
        }
      : r,
  ),
});

/** Where the flat amounts charged in `month` come from. */
export const duesFlatSourceFor = (month: string, params: DuesParams = duesDefaults): string =>
  ruleSetOf(month, params).flatSource;

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
 * Which months a member owes dues for. Dues are a member's duty (Điều lệ Đảng art. 2; 01-QĐ/TW
 * art. 2(1)), so nothing is owed for a month before the member joined a cell of this committee:
 * `entryMonth` is the month of the latest admission, re-admission or transfer in. And a month
 * nobody recorded is not an unpaid month: `recordsFrom` is the first month a collection sheet was
 * recorded for the member (for members brought in by an import, whose earlier payments were never
 * entered here); undefined when the member's whole membership is recorded here, null when no sheet
 * has been recorded for them yet.
 */
export type DuesRecordWindow = { entryMonth?: string | null; recordsFrom?: string | null };

export type DuesMonthState =
  /** Before the member joined (or transferred into) a cell of the committee: nothing owed. */
  | 'not_member'
  /** Member, but no sheet recorded for them yet (imported members): "chưa có số liệu". */
  | 'no_data'
  /** Owed: paid or unpaid as recorded. */
  | 'owed';

export const duesMonthState = (month: string, window: DuesRecordWindow): DuesMonthState => {
  if (window.entryMonth && month < window.entryMonth) return 'not_member';
  if (window.recordsFrom === null) return 'no_data';
  if (window.recordsFrom && month < window.recordsFrom) return 'no_data';
  return 'owed';
};

/**
 * The months of `year` up to and including `asOfMonth` with no payment recorded (`unpaid`), and
 * those of the member's membership nobody recorded (`unknown`, never counted as unpaid). Three
 * unpaid months in a year without a valid reason are a ground for removal (01-QĐ/TW art. 2).
 */
export const duesMonthsOfYear = ({
  year,
  asOfMonth,
  paidMonths,
  entryMonth,
  recordsFrom,
}: {
  year: number;
  asOfMonth: string;
  paidMonths: readonly string[];
} & DuesRecordWindow): { unpaid: string[]; unknown: string[] } => {
  const end = asOfMonth < `${year}-12` ? asOfMonth : `${year}-12`;
  const paid = new Set(paidMonths);
  const unpaid: string[] = [];
  const unknown: string[] = [];
  for (const m of monthsOf(`${year}-01`, end)) {
    if (paid.has(m)) continue;
    const state = duesMonthState(m, { entryMonth, recordsFrom });
    if (state === 'owed') unpaid.push(m);
    else if (state === 'no_data') unknown.push(m);
  }
  return { unpaid, unknown };
};

/** The unpaid months alone (see duesMonthsOfYear). */
export const unpaidMonths = (args: Parameters<typeof duesMonthsOfYear>[0]): string[] =>
  duesMonthsOfYear(args).unpaid;

/** The month before `month` (YYYY-MM): the last one that should already have been collected. */
export const previousMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
