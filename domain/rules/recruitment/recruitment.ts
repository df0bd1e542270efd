// Admitting new members (phát triển đảng viên): the steps, their order, the two-thirds votes,
// eligibility at the cell vote and the deadlines in working days. Sources: docs/domain/recruitment.md
// (Điều lệ art. 1–5; 01-HD/TW 2021, kept by 294-QĐ/TW + 06-HD/TW 2025). The numbers marked 🟡/❓
// there are parameters in `recruitmentDefaults`, never constants inside the functions.

import { addMonths } from '../../calendar/date-math';
import {
  addWorkingDays,
  type CalendarAdjustment,
  workingDaysBetween,
} from '../../calendar/working-days';
import { formatDate, formatNumber } from '../../text/vietnamese';

export const recruitmentSteps = [
  'candidate',
  'awareness_course',
  'application',
  'background',
  'referees',
  'opinions',
  'cell_vote',
  'subcommittee_review',
  'committee_vote',
  'admission_decision',
  'ceremony',
  'self_review',
  'mentor_review',
  'probation_opinions',
  'recognition_cell_vote',
  'recognition_committee_vote',
  'recognition_decision',
  'card_issued',
] as const;
export type RecruitmentStep = (typeof recruitmentSteps)[number];

/** Who votes: the cell's full members, or the members of the grassroots committee (§2.2). */
export type VoteBody = 'full_members' | 'committee_members';

export type RecruitmentStepInfo = {
  label: string;
  /** The form of 12-HD/BTCTW that records the step, when there is one. */
  formCode: string | null;
  vote: VoteBody | null;
  phase: 'admission' | 'probation';
};

export const recruitmentStepInfo: Record<RecruitmentStep, RecruitmentStepInfo> = {
  candidate: {
    label: 'Tạo nguồn, giới thiệu quần chúng ưu tú',
    formCode: null,
    vote: null,
    phase: 'admission',
  },
  awareness_course: {
    label: 'Học lớp bồi dưỡng nhận thức về Đảng',
    formCode: 'CN-NTVĐ',
    vote: null,
    phase: 'admission',
  },
  application: { label: 'Đơn xin vào Đảng', formCode: '1-KNĐ', vote: null, phase: 'admission' },
  background: {
    label: 'Lý lịch, thẩm tra lý lịch',
    formCode: '2-KNĐ',
    vote: null,
    phase: 'admission',
  },
  referees: {
    label: 'Giới thiệu người vào Đảng',
    formCode: '3-KNĐ',
    vote: null,
    phase: 'admission',
  },
  opinions: {
    label: 'Tổng hợp ý kiến nhận xét',
    formCode: '5-KNĐ',
    vote: null,
    phase: 'admission',
  },
  cell_vote: {
    label: 'Nghị quyết chi bộ đề nghị kết nạp',
    formCode: '6-KNĐ',
    vote: 'full_members',
    phase: 'admission',
  },
  subcommittee_review: {
    label: 'Đảng ủy bộ phận thẩm định',
    formCode: '7-KNĐ',
    vote: null,
    phase: 'admission',
  },
  committee_vote: {
    label: 'Nghị quyết đảng ủy cơ sở đề nghị kết nạp',
    formCode: '8-KNĐ',
    vote: 'committee_members',
    phase: 'admission',
  },
  admission_decision: {
    label: 'Quyết định kết nạp',
    formCode: '9-KNĐ',
    vote: null,
    phase: 'admission',
  },
  ceremony: { label: 'Lễ kết nạp', formCode: null, vote: null, phase: 'probation' },
  self_review: {
    label: 'Bản tự kiểm điểm của đảng viên dự bị',
    formCode: '10-KNĐ',
    vote: null,
    phase: 'probation',
  },
  mentor_review: {
    label: 'Nhận xét của đảng viên giúp đỡ',
    formCode: '11-KNĐ',
    vote: null,
    phase: 'probation',
  },
  probation_opinions: {
    label: 'Tổng hợp ý kiến nhận xét đảng viên dự bị',
    formCode: '12-KNĐ',
    vote: null,
    phase: 'probation',
  },
  recognition_cell_vote: {
    label: 'Nghị quyết chi bộ đề nghị công nhận chính thức',
    formCode: '13-KNĐ',
    vote: 'full_members',
    phase: 'probation',
  },
  recognition_committee_vote: {
    label: 'Nghị quyết đảng ủy cơ sở đề nghị công nhận chính thức',
    formCode: '15-KNĐ',
    vote: 'committee_members',
    phase: 'probation',
  },
  recognition_decision: {
    label: 'Quyết định công nhận đảng viên chính thức',
    formCode: '16-KNĐ',
    vote: null,
    phase: 'probation',
  },
  card_issued: { label: 'Phát thẻ đảng viên', formCode: null, vote: null, phase: 'probation' },
};

/** The facts of the applicant's cell that decide which steps apply. */
export type RecruitmentContext = {
  /** A chi bộ cơ sở is itself the grassroots organisation: no đảng ủy cơ sở vote. */
  cellIsGrassroots: boolean;
  /** A chi bộ under a đảng ủy bộ phận: the sub-committee reviews the dossier first (🟡). */
  hasSubcommittee: boolean;
};

export type RecordedStep = {
  step: RecruitmentStep;
  date: string;
  outcome: 'passed' | 'failed';
  votesFor?: number | null;
  votesTotal?: number | null;
};

export const recruitmentDefaults = {
  minAgeYears: 18,
  maxAgeYears: 60,
  /** The awareness-course certificate counts for this many years (🟡). */
  certificateValidYears: 5,
  /** Votes pass with at least this share of those entitled to vote (§2.2). */
  voteShare: { numerator: 2, denominator: 3 },
  probationMonths: 12,
  /** Working days (§2.5). */
  admissionDecisionDays: 60,
  admissionExtensionDays: 30,
  ceremonyDays: 30,
  recognitionVoteDays: 30,
  recognitionDecisionDays: 30,
  /** A deadline this close (working days) is shown as "sắp đến hạn". */
  dueSoonDays: 10,
  /** After this many failed votes the cell reports to the superior committee (🟡). */
  failedVotesBeforeEscalation: 3,
};
export type RecruitmentParams = typeof recruitmentDefaults;

export const applicableSteps = (ctx: RecruitmentContext): RecruitmentStep[] =>
  recruitmentSteps.filter((step) => {
    if (step === 'subcommittee_review') return ctx.hasSubcommittee && !ctx.cellIsGrassroots;
    if (step === 'committee_vote' || step === 'recognition_committee_vote')
      return !ctx.cellIsGrassroots;
    return true;
  });

const passed = (recorded: readonly RecordedStep[], step: RecruitmentStep) =>
  recorded.find((r) => r.step === step && r.outcome === 'passed');

/** The first applicable step not yet passed; null when the pipeline is complete. */
export const nextStep = (
  recorded: readonly RecordedStep[],
  ctx: RecruitmentContext,
): RecruitmentStep | null => applicableSteps(ctx).find((s) => !passed(recorded, s)) ?? null;

/**
 * The day full membership takes effect: 12 months after the admission ceremony (§2.5), even when
 * the recognition decision comes later. A ceremony on 29/02 ends on 28/02 of the next year.
 */
export const probationEnd = (
  ceremonyDate: string,
  months = recruitmentDefaults.probationMonths,
): string => addMonths(ceremonyDate, months);

/** Full months between two ISO dates (age "tính theo tháng"). */
export const fullMonthsBetween = (from: string, to: string): number => {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
};

export type StepOrderCheck = { ok: true } | { ok: false; message: string };

/** May `step` be recorded on `date` after what is already recorded? Steps go strictly in order. */
export const checkStepOrder = (
  recorded: readonly RecordedStep[],
  step: RecruitmentStep,
  date: string,
  ctx: RecruitmentContext,
  params: RecruitmentParams = recruitmentDefaults,
): StepOrderCheck => {
  const steps = applicableSteps(ctx);
  const label = recruitmentStepInfo[step].label;
  if (!steps.includes(step))
    return {
      ok: false,
      message: ctx.cellIsGrassroots
        ? `Bước «${label}» không áp dụng với chi bộ cơ sở.`
        : `Bước «${label}» không áp dụng với chi bộ này.`,
    };
  if (passed(recorded, step)) return { ok: false, message: `Bước «${label}» đã được ghi.` };
  const missing = steps.slice(0, steps.indexOf(step)).find((s) => !passed(recorded, s));
  if (missing)
    return {
      ok: false,
      message: `Chưa ghi bước «${recruitmentStepInfo[missing].label}»: các bước phải ghi theo đúng trình tự.`,
    };
  const latest = recorded.reduce<RecordedStep | null>(
    (acc, r) => (acc === null || r.date > acc.date ? r : acc),
    null,
  );
  if (latest && date < latest.date)
    return {
      ok: false,
      message: `Ngày ${formatDate(date)} trước ngày của bước «${recruitmentStepInfo[latest.step].label}» (${formatDate(latest.date)}).`,
    };
  if (step === 'recognition_cell_vote') {
    const ceremony = passed(recorded, 'ceremony');
    const end = ceremony ? probationEnd(ceremony.date, params.probationMonths) : null;
    if (end && date < end)
      return {
        ok: false,
        message: `Chi bộ chỉ xét công nhận chính thức khi hết ${params.probationMonths} tháng dự bị (ngày ${formatDate(end)}).`,
      };
  }
  return { ok: true };
};

export type VoteResult = { passed: boolean; needed: number; message: string };

/** At least two thirds of those entitled to vote (§2.2): 8 of 12, 6 of 9, 5 of 7. */
export const voteResult = (
  votesFor: number,
  votesTotal: number,
  params: RecruitmentParams = recruitmentDefaults,
): VoteResult => {
  const { numerator, denominator } = params.voteShare;
  const needed = Math.ceil((votesTotal * numerator) / denominator);
  const share = formatNumber((votesFor / votesTotal) * 100, 1);
  const ok = votesFor * denominator >= votesTotal * numerator;
  return {
    passed: ok,
    needed,
    message: ok
      ? `${votesFor}/${votesTotal} tán thành (${share}%), đạt từ hai phần ba trở lên.`
      : `Biểu quyết không đạt: ${votesFor}/${votesTotal} tán thành (${share}%), cần ít nhất ${needed} phiếu (hai phần ba).`,
  };
};

/** What follows a vote below two thirds (§2.6). */
export const failedVoteConsequence = (
  step: RecruitmentStep,
  failedCount: number,
  params: RecruitmentParams = recruitmentDefaults,
): string => {
  if (step === 'recognition_cell_vote' || step === 'recognition_committee_vote')
    return 'Không đủ hai phần ba đề nghị công nhận chính thức: đề nghị cấp ủy có thẩm quyền xóa tên đảng viên dự bị trong danh sách đảng viên (ghi "Dừng xét / xóa tên" kèm quyết định).';
  if (failedCount >= params.failedVotesBeforeEscalation)
    return `Đã ${failedCount} lần biểu quyết không đạt hai phần ba: báo cáo cấp ủy cấp trên xem xét, quyết định.`;
  if (step === 'committee_vote')
    return 'Đảng ủy cơ sở chưa đề nghị kết nạp; hồ sơ trả về chi bộ tiếp tục bồi dưỡng, có thể biểu quyết lại.';
  return 'Chi bộ chưa đề nghị kết nạp; tiếp tục bồi dưỡng, có thể biểu quyết lại ở lần họp sau.';
};

export type EligibilityInput = {
  birthDate: string;
  /** The day the cell votes (age counts in months at that moment, §2.1). */
  voteDate: string;
  /** General education as the forms write it: "12/12", "9/12", "7/10". */
  generalEducation: string | null;
  /** normal: lower secondary; hardship areas: primary; respected elders: literacy (§2.1). */
  area: 'normal' | 'hardship' | 'elder';
  awarenessCertificateOn: string | null;
};

export type Eligibility = { ok: boolean; reasons: string[] };

/** Grade finished, mapped onto the 12-year system (the old 10-year system ended at grade 7 / 10). */
const educationLevel = (value: string | null): 'none' | 'primary' | 'lower_secondary' | null => {
  const m = value?.match(/^(\d{1,2})\/(10|12)$/);
  if (!m) return null;
  const [grade, of] = [Number(m[1]), Number(m[2])];
  const lowerSecondary = of === 12 ? 9 : 7;
  const primary = of === 12 ? 5 : 4;
  if (grade >= lowerSecondary) return 'lower_secondary';
  if (grade >= primary) return 'primary';
  return 'none';
};

export const checkEligibility = (
  input: EligibilityInput,
  params: RecruitmentParams = recruitmentDefaults,
): Eligibility => {
  const reasons: string[] = [];
  const months = fullMonthsBetween(input.birthDate, input.voteDate);
  if (months < params.minAgeYears * 12)
    reasons.push(
      `Chưa đủ ${params.minAgeYears} tuổi (tính theo tháng) vào ngày chi bộ xét (${formatDate(input.voteDate)}): đủ ${params.minAgeYears} tuổi từ ngày ${formatDate(addMonths(input.birthDate, params.minAgeYears * 12))}.`,
    );
  if (months > params.maxAgeYears * 12)
    reasons.push(
      `Đã quá ${params.maxAgeYears} tuổi vào ngày chi bộ xét: cần Ban Thường vụ tỉnh ủy đồng ý bằng văn bản.`,
    );
  if (input.area !== 'elder') {
    const level = educationLevel(input.generalEducation);
    const needs = input.area === 'hardship' ? 'primary' : 'lower_secondary';
    const needsLabel = needs === 'primary' ? 'tốt nghiệp tiểu học' : 'tốt nghiệp trung học cơ sở';
    if (level === null) reasons.push(`Chưa ghi trình độ giáo dục phổ thông (cần ${needsLabel}).`);
    else if (level === 'none' || (needs === 'lower_secondary' && level === 'primary'))
      reasons.push(
        `Trình độ giáo dục phổ thông ${input.generalEducation} chưa đạt: cần ${needsLabel}.`,
      );
  }
  if (!input.awarenessCertificateOn)
    reasons.push('Chưa có giấy chứng nhận học lớp bồi dưỡng nhận thức về Đảng.');
  else {
    const expires = addMonths(input.awarenessCertificateOn, params.certificateValidYears * 12);
    if (input.voteDate > expires)
      reasons.push(
        `Giấy chứng nhận bồi dưỡng nhận thức về Đảng đã hết giá trị (${params.certificateValidYears} năm, đến ngày ${formatDate(expires)}).`,
      );
  }
  return { ok: reasons.length === 0, reasons };
};

export type DeadlineStatus = 'done' | 'done_late' | 'overdue' | 'due_soon' | 'pending';

export type StepDeadline = {
  step: RecruitmentStep;
  dueOn: string;
  /** Why this date, in the words of the regulation. */
  basis: string;
  status: DeadlineStatus;
  /** Working days from today to the deadline; negative when overdue; null once done. */
  workingDaysLeft: number | null;
};

/**
 * The statutory deadlines that have started (§2.5): the admission decision (60 working days from
 * the cell's resolution, +30 when extended), the ceremony (30 from the decision), the cell's vote on
 * recognition (30 after probation ends) and the recognition decision (30 from that vote).
 */
export const stepDeadlines = (
  recorded: readonly RecordedStep[],
  ctx: RecruitmentContext & { extended?: boolean },
  adjustments: readonly CalendarAdjustment[],
  today: string,
  params: RecruitmentParams = recruitmentDefaults,
): StepDeadline[] => {
  const list: StepDeadline[] = [];
  const add = (step: RecruitmentStep, from: string, days: number, basis: string) => {
    const dueOn = addWorkingDays(from, days, adjustments);
    const done = passed(recorded, step);
    if (done) {
      list.push({
        step,
        dueOn,
        basis,
        status: done.date <= dueOn ? 'done' : 'done_late',
        workingDaysLeft: null,
      });
      return;
    }
    const left =
      today <= dueOn
        ? workingDaysBetween(today, dueOn, adjustments)
        : -workingDaysBetween(dueOn, today, adjustments);
    const status: DeadlineStatus =
      today > dueOn ? 'overdue' : left <= params.dueSoonDays ? 'due_soon' : 'pending';
    list.push({ step, dueOn, basis, status, workingDaysLeft: left });
  };
  const cellVote = passed(recorded, 'cell_vote');
  if (cellVote) {
    const days = params.admissionDecisionDays + (ctx.extended ? params.admissionExtensionDays : 0);
    add(
      'admission_decision',
      cellVote.date,
      days,
      `${days} ngày làm việc kể từ nghị quyết chi bộ ngày ${formatDate(cellVote.date)}${ctx.extended ? ', đã gia hạn' : ''}`,
    );
  }
  const decision = passed(recorded, 'admission_decision');
  if (decision)
    add(
      'ceremony',
      decision.date,
      params.ceremonyDays,
      `${params.ceremonyDays} ngày làm việc kể từ quyết định kết nạp ngày ${formatDate(decision.date)}`,
    );
  const ceremony = passed(recorded, 'ceremony');
  if (ceremony) {
    const end = probationEnd(ceremony.date, params.probationMonths);
    add(
      'recognition_cell_vote',
      end,
      params.recognitionVoteDays,
      `${params.recognitionVoteDays} ngày làm việc sau khi hết ${params.probationMonths} tháng dự bị (${formatDate(end)})`,
    );
  }
  const recognitionVote = passed(recorded, 'recognition_cell_vote');
  if (recognitionVote)
    add(
      'recognition_decision',
      recognitionVote.date,
      params.recognitionDecisionDays,
      `${params.recognitionDecisionDays} ngày làm việc kể từ nghị quyết chi bộ ngày ${formatDate(recognitionVote.date)}`,
    );
  return list;
};
