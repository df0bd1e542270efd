// The engine shared by 132-QĐ/TW and 124-QĐ/TW: each criterion group is graded Xuất sắc / Tốt /
// Trung bình / Kém (124-QĐ/TW, 132-QĐ/TW; docs/domain/evaluation.md) and the grades propose a level:
// - HTXSNV: "task criteria rated Xuất sắc, all other criteria Tốt or better" (21-HD ✅; 124 art. 12 ✅
//   for collectives), no discipline (124 art. 12 ✅), and for individuals under 124 "100% of tasks
//   done, ≥ 50% exceeded" ✅;
// - HTTNV: every criterion Tốt or better; HTNV: every criterion Trung bình or better (🟡 – the
//   wording of these two bands is not in our reference: `thresholds` is a parameter);
// - KHTNV: any criterion Kém, or one of the rule set's KHTNV cases (khtnv-cases.ts: 132-QĐ/TW
//   Điều 12 khoản 4 and 21-HD/BTCTW; 124-QĐ/TW Điều 12).
import type { HtxsCapParams } from './cap';
import { type KhtnvCaseParams, khtnvFindings } from './khtnv-cases';
import {
  type CriterionGrade,
  criterionGradeLabels,
  type EvaluationResult,
  gradeRank,
  type QualityLevel,
  qualityLevelLabels,
  type SubjectFacts,
  type SubjectKind,
} from './levels';
import {
  applyMemberCaps,
  atLeastShare,
  type Citations,
  completedOf,
  disciplinesInPeriod,
  notRatedCase,
  percent,
  periodRange,
  removalFlagOf,
  type SpecialCaseParams,
} from './special-cases';

export type CriteriaSet = 'member' | 'party_collective' | 'leadership_collective';
export type GradedCriterion = { code: string; label: string; task: boolean };

export type GradedParams = SpecialCaseParams & {
  /** The criterion groups graded for each kind of subject (🟡, editable). */
  criteria: Record<CriteriaSet, GradedCriterion[]>;
  /** The lowest grade of the task criteria and of the others for each level. */
  thresholds: Record<
    Exclude<QualityLevel, 'KHTNV'>,
    { task: CriterionGrade; other: CriterionGrade }
  >;
  /** Individuals' HTXS: share of tasks exceeded (124 ✅ 50%); null: no such condition (132). */
  htxsExceededShare: number | null;
  /** Individuals' HTXS: 100% of tasks done (124 ✅). */
  htxsAllTasksDone: boolean;
  /** The KHTNV cases in force, in the regulation's words. */
  khtnvCases: KhtnvCaseParams;
  htxsCap: HtxsCapParams;
};

export const criteriaSetOf = (kind: SubjectKind): CriteriaSet =>
  kind === 'member'
    ? 'member'
    : kind === 'mass_organisation' || kind === 'agency'
      ? 'leadership_collective'
      : 'party_collective';

export const defaultGradedCriteria: Record<CriteriaSet, GradedCriterion[]> = {
  member: [
    { code: 'political_ideology', label: 'Tư tưởng chính trị', task: false },
    { code: 'ethics_lifestyle', label: 'Phẩm chất đạo đức, lối sống', task: false },
    { code: 'discipline_awareness', label: 'Ý thức tổ chức kỷ luật', task: false },
    { code: 'work_style', label: 'Tác phong, lề lối làm việc', task: false },
    { code: 'task_results', label: 'Kết quả thực hiện chức trách, nhiệm vụ được giao', task: true },
  ],
  party_collective: [
    { code: 'political_task', label: 'Lãnh đạo thực hiện nhiệm vụ chính trị', task: true },
    {
      code: 'party_building',
      label: 'Công tác xây dựng Đảng về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ',
      task: false,
    },
    {
      code: 'political_system',
      label: 'Lãnh đạo xây dựng hệ thống chính trị (chính quyền, Mặt trận Tổ quốc, đoàn thể)',
      task: false,
    },
    { code: 'shortcomings', label: 'Khắc phục hạn chế, khuyết điểm đã được chỉ ra', task: false },
  ],
  leadership_collective: [
    { code: 'political_task', label: 'Kết quả thực hiện nhiệm vụ chính trị được giao', task: true },
    {
      code: 'unity_democracy',
      label: 'Đoàn kết nội bộ; thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc',
      task: false,
    },
    {
      code: 'organisation',
      label: 'Công tác tổ chức, cán bộ; phòng, chống tham nhũng, lãng phí',
      task: false,
    },
    { code: 'shortcomings', label: 'Khắc phục hạn chế, khuyết điểm đã được chỉ ra', task: false },
  ],
};

export const defaultThresholds: GradedParams['thresholds'] = {
  HTXSNV: { task: 'xuat_sac', other: 'tot' },
  HTTNV: { task: 'tot', other: 'tot' },
  HTNV: { task: 'trung_binh', other: 'trung_binh' },
};

export const evaluateGraded = (
  facts: SubjectFacts,
  params: GradedParams,
  cite: Citations & { level: string; code: 'QD124' | 'QD132' },
): EvaluationResult => {
  const ruleSet = cite.code;
  if (facts.period.cycle !== 'year')
    throw new RangeError(
      `${cite.ruleSet} chỉ quy định đánh giá, xếp loại hằng năm; kỳ theo quý, nhiệm kỳ áp dụng từ 366-QĐ/TW (năm 2025).`,
    );
  periodRange(facts.period);
  const notRated = notRatedCase(facts, params, cite);
  if (notRated) return { level: 'not_rated', ruleSet, ...notRated };

  const criteria = params.criteria[criteriaSetOf(facts.kind)];
  const grades = facts.grades ?? {};
  const missing = criteria.filter((c) => grades[c.code] == null).map((c) => c.label);
  if (missing.length > 0)
    return {
      level: 'incomplete',
      ruleSet,
      missing,
      reasons: [
        `Chưa đủ dữ liệu để đề xuất mức xếp loại theo ${cite.ruleSet}: chưa đánh giá ${missing.join('; ')}.`,
      ],
    };
  const reasons: string[] = [
    `Đánh giá theo ${cite.level}, năm ${facts.period.year}: ${criteria
      .map((c) => `${c.label} – ${criterionGradeLabels[grades[c.code] as CriterionGrade]}`)
      .join('; ')}.`,
  ];
  const meets = (min: { task: CriterionGrade; other: CriterionGrade }) =>
    criteria.every(
      (c) =>
        gradeRank[grades[c.code] as CriterionGrade] >= gradeRank[c.task ? min.task : min.other],
    );
  const individual = facts.kind === 'member';
  const htxsConditions = (): { ok: boolean; text: string }[] => {
    const out: { ok: boolean; text: string }[] = [];
    const disciplined =
      disciplinesInPeriod(facts).length > 0 ||
      (facts.kind !== 'member' && facts.subordinateOrMemberDisciplined === true);
    out.push({
      ok: !disciplined,
      text: individual
        ? disciplined
          ? 'bị kỷ luật trong năm'
          : 'không bị kỷ luật'
        : disciplined
          ? 'tập thể, đơn vị trực thuộc hoặc đảng viên bị kỷ luật trong năm'
          : 'không có tổ chức, đảng viên bị kỷ luật',
    });
    const t = facts.tasks;
    if (individual && t && params.htxsAllTasksDone)
      out.push({
        ok: completedOf(t) >= t.total,
        text: `hoàn thành ${completedOf(t)}/${t.total} nhiệm vụ (yêu cầu 100%)`,
      });
    if (individual && t && params.htxsExceededShare != null)
      out.push({
        ok: t.total > 0 && atLeastShare(t.exceeded, t.total, params.htxsExceededShare),
        text: `${t.exceeded}/${t.total} nhiệm vụ vượt yêu cầu (${percent(t.exceeded, t.total)}, yêu cầu từ ${Math.round(params.htxsExceededShare * 100)}%)`,
      });
    return out;
  };

  let level: QualityLevel = 'KHTNV';
  for (const candidate of ['HTXSNV', 'HTTNV', 'HTNV'] as const) {
    const min = params.thresholds[candidate];
    if (!meets(min)) continue;
    const conds = candidate === 'HTXSNV' ? htxsConditions() : [];
    const failed = conds.filter((c) => !c.ok);
    const gradeText = `tiêu chí về nhiệm vụ đạt ${criterionGradeLabels[min.task]} trở lên, các tiêu chí khác đạt ${criterionGradeLabels[min.other]} trở lên`;
    if (failed.length === 0) {
      level = candidate;
      const met = conds.length > 0 ? `; ${conds.map((c) => c.text).join('; ')}` : '';
      reasons.push(
        `${gradeText}${met}: ${qualityLevelLabels[candidate].toLowerCase()} (${cite.level}).`.replace(
          /^./,
          (c) => c.toUpperCase(),
        ),
      );
      break;
    }
    reasons.push(
      `Đạt mức tiêu chí của ${candidate} nhưng chưa đủ điều kiện: ${failed.map((c) => c.text).join('; ')} (${cite.level}).`,
    );
  }
  if (level === 'KHTNV')
    reasons.push(
      `Có tiêu chí dưới mức ${criterionGradeLabels[params.thresholds.HTNV.other]}: không hoàn thành nhiệm vụ (${cite.level}).`,
    );
  const found = khtnvFindings(
    facts,
    facts.tasks,
    params.khtnvCases,
    disciplinesInPeriod(facts).length > 0,
  );
  reasons.push(...found.reasons, ...found.hints);
  if (found.applied.length > 0) level = 'KHTNV';
  const forced = found.applied.length > 0 ? { khtnvCases: found.applied } : {};
  if (facts.kind === 'member') {
    level = applyMemberCaps(level, facts, params, cite, reasons);
    const removalFlag = removalFlagOf(level, facts, params);
    return { level, reasons, ruleSet, ...forced, ...(removalFlag ? { removalFlag } : {}) };
  }
  return { level, reasons, ruleSet, ...forced };
};
