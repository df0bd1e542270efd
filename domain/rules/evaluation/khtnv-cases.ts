// The cases that make a collective or an individual "không hoàn thành nhiệm vụ" (KHTNV) whatever
// its grades or points, each in the regulation's own words (docs/domain/evaluation.md).
// - 132-QĐ/TW (8/3/2018), Điều 12 khoản 4, and Hướng dẫn 16-HD/BTCTW (24/9/2018), 21-HD/BTCTW
//   (18/10/2019) for party members: years 2018–2022.
// - 124-QĐ/TW (4/10/2023), Điều 12 (mức không hoàn thành nhiệm vụ): years 2023–2024.
// - 366-QĐ/TW (30/8/2025), Điều 11: the published summaries we found give the point bands only, so
//   124's list is carried over as the documented default, a parameter of the 366 rule set.
// A case is either found in the data (`automatic`) or recorded by the reviewer at the meeting
// (`recorded`, a checkbox with the same wording): nothing in the database says that a unit was
// found in disunity, that a member degenerated, or which targets were the "main" ones. When the
// data points at a recorded case (fewer than half the targets met, a subordinate unit disciplined)
// the engine says so in a hint and leaves the level alone.
import {
  type CollectiveFacts,
  formatPoints,
  isCollective,
  type MemberFacts,
  type SubjectFacts,
  type TaskFacts,
} from './levels';

export const khtnvCaseCodes = [
  // Collectives
  'subordinate_violation',
  'tasks_under_half',
  'collective_disciplined',
  'subordinates_disciplined',
  'disunity',
  'member_degenerate',
  'leadership_member_disciplined',
  // Individuals
  'member_tasks_under_half',
  'led_unit_under_half',
  'degeneration',
  'forbidden_acts',
  'example_duty',
] as const;
export type KhtnvCaseCode = (typeof khtnvCaseCodes)[number];

export type KhtnvCase = {
  code: KhtnvCaseCode;
  subject: 'collective' | 'member';
  /** The regulation's wording, shown on the checkbox and in the reason. */
  wording: string;
  /** Found in the data, or recorded by the reviewer. */
  detection: 'automatic' | 'recorded';
};

export type KhtnvCaseParams = {
  /** The cases in force for the year (an administrator may edit the list per year). */
  cases: KhtnvCase[];
  /** "dưới 50%": the share of targets under which the task cases apply. */
  minCompletedShare: number;
  /** "trên 20% số đơn vị trực thuộc bị kỷ luật". */
  subordinateDisciplinedShare: number;
  /** The text the list comes from, cited in every reason. */
  source: string;
};

const SUBORDINATE_VIOLATION =
  'Có đơn vị trực thuộc xảy ra vụ việc tham nhũng, lãng phí, tiêu cực hoặc các vi phạm khác bị xử lý kỷ luật theo quy định của Đảng, pháp luật của Nhà nước (trừ trường hợp tự phát hiện và khắc phục xong hậu quả)';
const DISUNITY = 'Bị cấp có thẩm quyền đánh giá, kết luận mất đoàn kết nội bộ';
const MEMBER_DEGENERATE =
  'Có thành viên suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hoá”';
const DEGENERATION =
  'Bị cấp có thẩm quyền kết luận có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống, “tự diễn biến”, “tự chuyển hoá”';

/** 124-QĐ/TW, Điều 12: the list for 2023–2024 (and, as the default, 2025 on). */
export const khtnvCases124: KhtnvCase[] = [
  {
    code: 'subordinate_violation',
    subject: 'collective',
    detection: 'recorded',
    wording: SUBORDINATE_VIOLATION,
  },
  {
    code: 'tasks_under_half',
    subject: 'collective',
    detection: 'recorded',
    wording:
      'Chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ theo chương trình, kế hoạch được cấp có thẩm quyền giao, phê duyệt trong năm và có các chỉ tiêu chủ yếu không đạt kế hoạch giao (trừ trường hợp bất khả kháng)',
  },
  {
    code: 'collective_disciplined',
    subject: 'collective',
    detection: 'automatic',
    wording: 'Tập thể lãnh đạo, quản lý bị xử lý kỷ luật trong năm',
  },
  {
    code: 'subordinates_disciplined',
    subject: 'collective',
    detection: 'automatic',
    wording: 'Có trên 20% số đơn vị trực thuộc bị kỷ luật trong năm',
  },
  { code: 'disunity', subject: 'collective', detection: 'recorded', wording: DISUNITY },
  {
    code: 'member_degenerate',
    subject: 'collective',
    detection: 'recorded',
    wording: MEMBER_DEGENERATE,
  },
  {
    code: 'led_unit_under_half',
    subject: 'member',
    detection: 'recorded',
    wording:
      'Địa phương, tổ chức, cơ quan, đơn vị do mình trực tiếp lãnh đạo, quản lý chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ được cấp có thẩm quyền giao, phê duyệt trong năm và có các chỉ tiêu chủ yếu không đạt kế hoạch giao (trừ trường hợp bất khả kháng)',
  },
  {
    code: 'member_tasks_under_half',
    subject: 'member',
    detection: 'automatic',
    wording: 'Chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ được giao trong năm',
  },
  { code: 'degeneration', subject: 'member', detection: 'recorded', wording: DEGENERATION },
  {
    code: 'forbidden_acts',
    subject: 'member',
    detection: 'recorded',
    wording: 'Vi phạm những điều đảng viên không được làm',
  },
  {
    code: 'example_duty',
    subject: 'member',
    detection: 'recorded',
    wording:
      'Vi phạm trách nhiệm nêu gương, ảnh hưởng xấu đến uy tín của bản thân và cơ quan, đơn vị nơi công tác',
  },
];

/**
 * 132-QĐ/TW, Điều 12 khoản 4 (collectives) and 16/21-HD/BTCTW (party members): 2018–2022. The
 * "main targets" wording is "không đạt 100%"; a member of a leadership collective disciplined
 * from a warning up makes the collective KHTNV (21-HD); the individual list has no "điều đảng
 * viên không được làm" and no "nêu gương" case (they came with 124).
 */
export const khtnvCases132: KhtnvCase[] = [
  {
    code: 'subordinate_violation',
    subject: 'collective',
    detection: 'recorded',
    wording:
      'Có đơn vị trực thuộc xảy ra các vụ, việc tham ô, tham nhũng và các vi phạm khác bị xử lý theo quy định của Đảng, pháp luật của Nhà nước (trừ trường hợp tự phát hiện và khắc phục xong hậu quả)',
  },
  {
    code: 'tasks_under_half',
    subject: 'collective',
    detection: 'recorded',
    wording:
      'Chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ công tác được cấp có thẩm quyền giao, phê duyệt trong năm, các chỉ tiêu chủ yếu không đạt 100% (trừ trường hợp bất khả kháng)',
  },
  {
    code: 'collective_disciplined',
    subject: 'collective',
    detection: 'automatic',
    wording: 'Tập thể lãnh đạo, quản lý bị xử lý kỷ luật trong năm',
  },
  {
    code: 'subordinates_disciplined',
    subject: 'collective',
    detection: 'automatic',
    wording: 'Có trên 20% số đơn vị trực thuộc bị kỷ luật trong năm',
  },
  {
    code: 'disunity',
    subject: 'collective',
    detection: 'recorded',
    wording: 'Bị cấp có thẩm quyền đánh giá mất đoàn kết nội bộ',
  },
  {
    code: 'member_degenerate',
    subject: 'collective',
    detection: 'recorded',
    wording: MEMBER_DEGENERATE,
  },
  {
    code: 'leadership_member_disciplined',
    subject: 'collective',
    detection: 'recorded',
    wording:
      'Có thành viên của tập thể lãnh đạo, quản lý bị xử lý kỷ luật từ cảnh cáo trở lên (một vi phạm bị xử lý kỷ luật chỉ tính một lần khi xếp loại)',
  },
  {
    code: 'member_tasks_under_half',
    subject: 'member',
    detection: 'automatic',
    wording: 'Chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ công tác được giao trong năm',
  },
  { code: 'degeneration', subject: 'member', detection: 'recorded', wording: DEGENERATION },
];

export const khtnvCaseParams132: KhtnvCaseParams = {
  cases: khtnvCases132,
  minCompletedShare: 0.5,
  subordinateDisciplinedShare: 0.2,
  source: '132-QĐ/TW, Điều 12 khoản 4; 21-HD/BTCTW',
};
export const khtnvCaseParams124: KhtnvCaseParams = {
  cases: khtnvCases124,
  minCompletedShare: 0.5,
  subordinateDisciplinedShare: 0.2,
  source: '124-QĐ/TW, Điều 12',
};
export const khtnvCaseParams366: KhtnvCaseParams = {
  cases: khtnvCases124,
  minCompletedShare: 0.5,
  subordinateDisciplinedShare: 0.2,
  source: '124-QĐ/TW, Điều 12, giữ lại khi áp dụng 366-QĐ/TW (tham số)',
};

/** The cases a reviewer may record for a subject (the checkboxes of the review form). */
export const recordableCases = (params: KhtnvCaseParams, kind: SubjectFacts['kind']): KhtnvCase[] =>
  params.cases.filter(
    (c) =>
      c.detection === 'recorded' && c.subject === (isCollective(kind) ? 'collective' : 'member'),
  );

/** The cases recorded on the facts, including the two older flags (degeneration, disunity). */
export const recordedCasesOf = (facts: SubjectFacts): Set<KhtnvCaseCode> => {
  const out = new Set<KhtnvCaseCode>(facts.khtnvCases ?? []);
  if (facts.kind === 'member' && (facts as MemberFacts).degeneration) out.add('degeneration');
  if (facts.kind !== 'member' && (facts as CollectiveFacts).seriousDisunity) out.add('disunity');
  return out;
};

const share = (n: number, total: number) =>
  total === 0 ? '0%' : `${formatPoints(Math.round((n / total) * 1000) / 10)}%`;
const completedOf = (t: TaskFacts) => Math.min(t.total, t.completed ?? t.onTime + t.late);
const underShare = (t: TaskFacts | undefined, min: number): t is TaskFacts =>
  t !== undefined && t.total > 0 && completedOf(t) < min * t.total - 1e-9;

export type KhtnvFindings = {
  /** The cases that apply: each forces KHTNV. */
  applied: KhtnvCaseCode[];
  /** One reason per case that applies. */
  reasons: string[];
  /** What the data suggests for a recorded case that was not recorded (the level is left alone). */
  hints: string[];
};

/**
 * The KHTNV cases that apply to a subject: the automatic ones from the facts, the recorded ones
 * from `facts.khtnvCases`. `disciplinedInPeriod` is the subject's own disciplines in the period.
 */
export const khtnvFindings = (
  facts: SubjectFacts,
  tasks: TaskFacts | undefined,
  params: KhtnvCaseParams,
  disciplinedInPeriod: boolean,
): KhtnvFindings => {
  const subject = isCollective(facts.kind) ? 'collective' : 'member';
  const cases = params.cases.filter((c) => c.subject === subject);
  const recorded = recordedCasesOf(facts);
  const out: KhtnvFindings = { applied: [], reasons: [], hints: [] };
  const min = formatPoints(params.minCompletedShare * 100);
  const apply = (c: KhtnvCase, detail?: string) => {
    out.applied.push(c.code);
    out.reasons.push(
      `Không hoàn thành nhiệm vụ: “${c.wording}”${detail ? ` – ${detail}` : ''} (${params.source}).`,
    );
  };
  for (const c of cases) {
    if (c.detection === 'recorded') {
      if (recorded.has(c.code)) apply(c, 'cấp có thẩm quyền ghi nhận tại hội nghị');
      continue;
    }
    if (c.code === 'collective_disciplined' && disciplinedInPeriod) apply(c);
    if (c.code === 'subordinates_disciplined' && facts.kind !== 'member') {
      const sub = facts.subordinateUnits;
      if (
        sub &&
        sub.total > 0 &&
        sub.disciplined > params.subordinateDisciplinedShare * sub.total + 1e-9
      )
        apply(
          c,
          `${sub.disciplined}/${sub.total} đơn vị trực thuộc bị kỷ luật (${share(sub.disciplined, sub.total)}, trên ${formatPoints(params.subordinateDisciplinedShare * 100)}%)`,
        );
    }
    if (c.code === 'member_tasks_under_half' && underShare(tasks, params.minCompletedShare))
      apply(
        c,
        `hoàn thành ${completedOf(tasks)}/${tasks.total} (${share(completedOf(tasks), tasks.total)}, dưới ${min}%)`,
      );
  }
  // Hints for recorded cases the data points at.
  const inForce = (code: KhtnvCaseCode) =>
    cases.some((c) => c.code === code) && !recorded.has(code);
  if (inForce('tasks_under_half') && underShare(tasks, params.minCompletedShare))
    out.hints.push(
      `Hoàn thành ${completedOf(tasks)}/${tasks.total} chỉ tiêu, nhiệm vụ (${share(completedOf(tasks), tasks.total)}, dưới ${min}%): chỉ xếp loại không hoàn thành nhiệm vụ khi các chỉ tiêu chủ yếu cũng không đạt kế hoạch giao và không do bất khả kháng – nếu đúng, đánh dấu trường hợp này khi kiểm điểm (${params.source}).`,
    );
  if (facts.kind === 'member') {
    const led = (facts as MemberFacts).ledUnitTasks;
    if (inForce('led_unit_under_half') && underShare(led, params.minCompletedShare))
      out.hints.push(
        `Đơn vị trực tiếp phụ trách hoàn thành ${completedOf(led)}/${led.total} chỉ tiêu, nhiệm vụ (dưới ${min}%): nếu các chỉ tiêu chủ yếu cũng không đạt (không do bất khả kháng), đánh dấu trường hợp này khi kiểm điểm (${params.source}).`,
      );
  } else if (
    inForce('subordinate_violation') &&
    ((facts.subordinateUnits?.disciplined ?? 0) > 0 || facts.subordinateOrMemberDisciplined)
  )
    out.hints.push(
      `Có đơn vị trực thuộc hoặc đảng viên bị kỷ luật trong năm: nếu đơn vị trực thuộc bị kỷ luật vì tham nhũng, lãng phí, tiêu cực hoặc vi phạm khác và không tự phát hiện, khắc phục xong hậu quả, đánh dấu trường hợp này khi kiểm điểm (${params.source}).`,
    );
  return out;
};
