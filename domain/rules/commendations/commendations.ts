// Commendation of party organisations and members (khen thưởng tổ chức đảng, đảng viên) from the
// year-end ratings (docs/domain/emulation.md). The rule we apply, in our own words:
//  - Hướng dẫn 21-HD/BTCTW (18/10/2019, guiding Quy định 132-QĐ/TW), on commendation: committees choose
//    among the organisations rated "Hoàn thành xuất sắc nhiệm vụ" (HTXSNV) those to commend as
//    "Trong sạch, vững mạnh" tiêu biểu in the year, and for 5 years running; and among the members rated
//    HTXSNV those to commend as "Hoàn thành xuất sắc nhiệm vụ" in the year, and for 5 years running.
//    A member rated only "Hoàn thành tốt nhiệm vụ" does not qualify.
//  - From 2023 (Quy định 124-QĐ/TW, Hướng dẫn 25-HD/BTCTW) and 2025 (366-QĐ/TW, 43-HD/BTCTW) we have not
//    read the commendation clause; the same condition (HTXSNV in every year counted) is kept as the
//    default and the organisation's title becomes "Hoàn thành xuất sắc nhiệm vụ" tiêu biểu (❓ in the docs).
// Eligibility is computed from the recorded decided ratings, never typed; each year is explained.
import { type QualityLevel, qualityLevelLabels } from '../evaluation/levels';

export const commendationForms = [
  'exemplary_certificate',
  'exemplary_merit',
  'certificate',
  'merit',
] as const;
export type CommendationForm = (typeof commendationForms)[number];

export const commendationFormLabels: Record<CommendationForm, string> = {
  exemplary_certificate: 'Giấy khen tiêu biểu (theo kết quả xếp loại)',
  exemplary_merit: 'Bằng khen tiêu biểu (theo kết quả xếp loại)',
  certificate: 'Giấy khen thành tích',
  merit: 'Bằng khen thành tích',
};

/** Forms that commend a rating (HTXSNV in each year counted); the others commend an achievement. */
export const ratedForms: readonly CommendationForm[] = ['exemplary_certificate', 'exemplary_merit'];
export const isRatedForm = (form: CommendationForm): boolean => ratedForms.includes(form);

export const commendationSubjectKinds = ['organisation', 'member'] as const;
export type CommendationSubjectKind = (typeof commendationSubjectKinds)[number];

export const commendationStatuses = ['proposed', 'reviewed', 'granted', 'refused'] as const;
export type CommendationStatus = (typeof commendationStatuses)[number];
export const commendationStatusLabels: Record<CommendationStatus, string> = {
  proposed: 'Đề nghị',
  reviewed: 'Đã thẩm định',
  granted: 'Đã khen thưởng',
  refused: 'Không khen thưởng',
};

/** The runs of years 21-HD/BTCTW names: in the year (1) and 5 years running (5). */
export const yearsRunningChoices = [1, 5] as const;

/** The level every counted year must have (21-HD/BTCTW: chosen among those rated HTXSNV). */
export const requiredLevel: QualityLevel = 'HTXSNV';

/** The title the commendation gives, by the subject and the rule set of its last year. */
export const commendationTitle = (
  subjectKind: CommendationSubjectKind,
  year: number,
  yearsRunning: number,
): string => {
  const run =
    yearsRunning > 1
      ? ` ${yearsRunning} năm liền (${year - yearsRunning + 1}–${year})`
      : ` năm ${year}`;
  if (subjectKind === 'member') return `Đảng viên "Hoàn thành xuất sắc nhiệm vụ" tiêu biểu${run}`;
  // 21-HD/BTCTW (2019–2022) calls it "Trong sạch, vững mạnh" tiêu biểu.
  return year <= 2022
    ? `Tổ chức đảng "Trong sạch, vững mạnh" tiêu biểu${run}`
    : `Tổ chức đảng "Hoàn thành xuất sắc nhiệm vụ" tiêu biểu${run}`;
};

/** One year's decided rating of the subject, as recorded by the evaluation module. */
export type YearRating = { year: number; level: QualityLevel | null; recordId: number | null };

export type EligibilityYear = {
  year: number;
  level: QualityLevel | null;
  recordId: number | null;
  counts: boolean;
  explanation: string;
};

export type Eligibility = {
  /** Whether the rule applies (a rated form); achievement forms are not checked against ratings. */
  checked: boolean;
  eligible: boolean;
  rule: string;
  years: EligibilityYear[];
  summary: string;
};

const ruleText = (yearsRunning: number) =>
  `21-HD/BTCTW (hướng dẫn 132-QĐ/TW): chọn trong số được xếp loại "${qualityLevelLabels[requiredLevel]}"${
    yearsRunning > 1 ? ` ${yearsRunning} năm liền` : ' trong năm'
  }.`;

/**
 * The eligibility of a commendation: for a rated form, each year from `year − yearsRunning + 1` to
 * `year` must carry a decided HTXSNV rating; a year with no decided rating does not count.
 */
export const checkEligibility = ({
  form,
  year,
  yearsRunning,
  ratings,
}: {
  form: CommendationForm;
  year: number;
  yearsRunning: number;
  ratings: YearRating[];
}): Eligibility => {
  if (!isRatedForm(form))
    return {
      checked: false,
      eligible: true,
      rule: 'Khen thưởng thành tích: không xét theo kết quả xếp loại chất lượng.',
      years: [],
      summary: 'Hình thức khen thành tích, không đối chiếu kết quả xếp loại.',
    };
  const run = Math.max(1, yearsRunning);
  const byYear = new Map(ratings.map((r) => [r.year, r]));
  const years: EligibilityYear[] = [];
  for (let y = year - run + 1; y <= year; y++) {
    const r = byYear.get(y);
    const level = r?.level ?? null;
    const counts = level === requiredLevel;
    years.push({
      year: y,
      level,
      recordId: r?.recordId ?? null,
      counts,
      explanation: level
        ? `Năm ${y}: ${qualityLevelLabels[level]}${counts ? '' : ' — không đạt (cần Hoàn thành xuất sắc nhiệm vụ)'}`
        : `Năm ${y}: chưa có kết quả xếp loại được quyết định — không tính`,
    });
  }
  const missing = years.filter((y) => !y.counts).map((y) => y.year);
  const eligible = missing.length === 0;
  return {
    checked: true,
    eligible,
    rule: ruleText(run),
    years,
    summary: eligible
      ? `Đủ điều kiện: Hoàn thành xuất sắc nhiệm vụ ${run > 1 ? `${run} năm liền (${year - run + 1}–${year})` : `năm ${year}`}.`
      : `Chưa đủ điều kiện: năm ${missing.join(', ')} không được xếp loại Hoàn thành xuất sắc nhiệm vụ.`,
  };
};

/** The status flow: proposed → reviewed → granted | refused; a proposal may be refused before review. */
export const nextStatuses: Record<CommendationStatus, CommendationStatus[]> = {
  proposed: ['reviewed', 'refused'],
  reviewed: ['granted', 'refused'],
  granted: [],
  refused: [],
};
