// Quy định 366-QĐ/TW (30/8/2025) + Hướng dẫn 43-HD/BTCTW (31/10/2025): evaluation years 2025 on,
// per term, year or quarter (366-QĐ/TW art. 11; docs/domain/evaluation.md ✅). A 100-point score (30 common + 70 task
// points) from the criteria framework (frameworks-366.ts), bands 90 / 70 / 50 (366 art. 11 ✅) and
// the hard conditions on tasks and discipline. Special cases (§1.4) were verified only for 124 and
// 16/21-HD (§8 item 2 ❓): they are carried over as parameters with 124's defaults.

import { type HtxsCapParams, htxsCap366 } from './cap';
import { defaultFrameworkCode, defaultFrameworks366, type Framework366 } from './frameworks-366';
import { type KhtnvCaseParams, khtnvCaseParams366, khtnvFindings } from './khtnv-cases';
import {
  type EvaluationResult,
  formatPoints,
  isCollective,
  type MemberFacts,
  type QualityLevel,
  qualityLevelLabels,
  type RuleSet,
  type SubjectFacts,
  type TaskFacts,
} from './levels';
import {
  applyMemberCaps,
  atLeastShare,
  atMostShare,
  type Citations,
  completedOf,
  disciplinesInPeriod,
  notRatedCase,
  percent,
  periodLabel,
  periodRange,
  removalFlagOf,
  type SpecialCaseParams,
} from './special-cases';

export type Params366 = SpecialCaseParams & {
  /** Points of the common criteria and of the task criteria (✅ 30 / 70). */
  commonPoints: number;
  taskPoints: number;
  /** Lower bound of each band (366 art. 11 ✅ 90 / 70 / 50); below the HTNV band: KHTNV. */
  bands: { HTXSNV: number; HTTNV: number; HTNV: number };
  /** HTXS: at least this share of tasks exceeded the requirement (✅ 30%). */
  htxsExceededShare: number;
  /** HTXS: 100% of the shortcomings pointed out earlier fixed (✅). */
  htxsRequiresShortcomingsFixed: boolean;
  /** HTNV: all tasks completed (✅ collectives; individuals "analogous" 🟡). */
  htnvRequiresAllCompleted: boolean;
  /** HTNV: at most this share of tasks behind schedule (✅ 20%, collectives). */
  htnvMaxLateShare: number;
  /** Whether the HTNV conditions also bind individuals (the individual wording was truncated 🟡). */
  htnvConditionsForIndividuals: boolean;
  /** KHTNV cases: 124's list carried over (366's own list not found in the published summaries). */
  khtnvCases: KhtnvCaseParams;
  /** The criteria frameworks (the committee's own set per Công văn 10072-CV/BTCTW). */
  frameworks: Framework366[];
  htxsCap: HtxsCapParams;
};

export const citations366: Citations = {
  ruleSet: '366-QĐ/TW',
  notRated: '366-QĐ/TW, 43-HD/BTCTW; như 124-QĐ/TW Điều 5',
  newMember: '366-QĐ/TW, 43-HD/BTCTW; như 124-QĐ/TW',
  newCollective: '366-QĐ/TW, 43-HD/BTCTW; như 16/21-HD/BTCTW',
  discipline: '366-QĐ/TW, 43-HD/BTCTW; như 124-QĐ/TW',
  sickLeave: 'như 16/21-HD/BTCTW, tham số',
  civilService: 'như 21-HD/BTCTW',
};

export const defaults366: Params366 = {
  newMemberMonths: 6,
  newMemberReviewed: false,
  newCollectiveMonths: 6,
  sickLeaveMonths: 3,
  sickLeaveCap: 'HTNV',
  disciplinedIsKhtnv: true,
  disciplineException: true,
  disciplineExceptionCap: 'HTTNV',
  civilServiceConsistency: 'htxs_and_khtnv',
  removalConsecutiveKhtnv: 2,
  commonPoints: 30,
  taskPoints: 70,
  bands: { HTXSNV: 90, HTTNV: 70, HTNV: 50 },
  htxsExceededShare: 0.3,
  htxsRequiresShortcomingsFixed: true,
  htnvRequiresAllCompleted: true,
  htnvMaxLateShare: 0.2,
  htnvConditionsForIndividuals: true,
  khtnvCases: khtnvCaseParams366,
  frameworks: defaultFrameworks366,
  htxsCap: htxsCap366,
};

const ART = '366-QĐ/TW, Điều 11';

/** The score out of 100 from the item points; missing items listed, points clamped to the maxima. */
export const score366 = (
  framework: Framework366,
  scores: Partial<Record<string, number>>,
): { score: number; common: number; tasks: number; missing: string[]; clamped: string[] } => {
  const missing: string[] = [];
  const clamped: string[] = [];
  const totals = { common: 0, tasks: 0 };
  for (const group of framework.groups) {
    let sum = 0;
    for (const item of group.items) {
      const raw = scores[item.code];
      if (raw == null || Number.isNaN(raw)) {
        missing.push(`${item.code} – ${item.name}`);
        continue;
      }
      const value = Math.min(item.maxPoints, Math.max(0, raw));
      if (value !== raw)
        clamped.push(`${item.code} – ${item.name} (${formatPoints(raw)} → ${formatPoints(value)})`);
      sum += value;
    }
    totals[group.code] = Math.min(group.maxPoints, Math.round(sum * 100) / 100);
  }
  const score = Math.round((totals.common + totals.tasks) * 100) / 100;
  return { score, ...totals, missing, clamped };
};

type Condition = { ok: boolean; text: string };

const taskConditions = (
  level: Exclude<QualityLevel, 'KHTNV'>,
  facts: SubjectFacts,
  tasks: TaskFacts,
  params: Params366,
): Condition[] => {
  const collective = isCollective(facts.kind);
  const out: Condition[] = [];
  const { total, onTime, exceeded, late } = tasks;
  const allOnTime = onTime >= total;
  const onTimeText = `${onTime}/${total} nhiệm vụ đúng tiến độ (${percent(onTime, total)}, yêu cầu 100%)`;
  if (level === 'HTXSNV' || level === 'HTTNV') out.push({ ok: allOnTime, text: onTimeText });
  if (level === 'HTXSNV') {
    out.push({
      ok: total > 0 && atLeastShare(exceeded, total, params.htxsExceededShare),
      text: `${exceeded}/${total} nhiệm vụ vượt yêu cầu (${percent(exceeded, total)}, yêu cầu từ ${formatPoints(params.htxsExceededShare * 100)}%)`,
    });
    const disciplined =
      disciplinesInPeriod(facts).length > 0 ||
      (collective && facts.kind !== 'member' && facts.subordinateOrMemberDisciplined === true);
    out.push({
      ok: !disciplined,
      text: collective
        ? disciplined
          ? 'tập thể, đơn vị trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật trong kỳ'
          : 'không có tổ chức, cá nhân bị kỷ luật'
        : disciplined
          ? 'bị kỷ luật trong kỳ'
          : 'không bị kỷ luật',
    });
    if (params.htxsRequiresShortcomingsFixed && facts.shortcomings && facts.shortcomings.total > 0)
      out.push({
        ok: facts.shortcomings.fixed >= facts.shortcomings.total,
        text: `khắc phục ${facts.shortcomings.fixed}/${facts.shortcomings.total} hạn chế, khuyết điểm đã chỉ ra (yêu cầu 100%)`,
      });
  }
  if (facts.kind === 'member') leaderConditions(level, facts, params, out);
  if (level === 'HTNV' && (collective || params.htnvConditionsForIndividuals)) {
    const completed = completedOf(tasks);
    if (params.htnvRequiresAllCompleted)
      out.push({
        ok: completed >= total,
        text: `hoàn thành ${completed}/${total} nhiệm vụ (yêu cầu 100%)`,
      });
    out.push({
      ok: atMostShare(late, total, params.htnvMaxLateShare),
      text: `${late}/${total} nhiệm vụ chậm tiến độ (${percent(late, total)}, tối đa ${formatPoints(params.htnvMaxLateShare * 100)}%)`,
    });
  }
  return out;
};

const leaderConditions = (
  level: Exclude<QualityLevel, 'KHTNV'>,
  facts: MemberFacts,
  params: Params366,
  out: Condition[],
) => {
  const led = facts.ledUnitTasks;
  if (!led || (facts.role !== 'leader' && facts.role !== 'central_cadre')) return;
  if (level === 'HTXSNV' || level === 'HTTNV')
    out.push({
      ok: led.onTime >= led.total,
      text: `lĩnh vực, đơn vị trực tiếp phụ trách: ${led.onTime}/${led.total} nhiệm vụ đúng tiến độ (yêu cầu 100%)`,
    });
  if (level === 'HTXSNV')
    out.push({
      ok: led.total > 0 && atLeastShare(led.exceeded, led.total, params.htxsExceededShare),
      text: `lĩnh vực, đơn vị trực tiếp phụ trách: ${led.exceeded}/${led.total} nhiệm vụ vượt yêu cầu (yêu cầu từ ${formatPoints(params.htxsExceededShare * 100)}%)`,
    });
};

export const evaluate366 = (
  facts: SubjectFacts,
  params: Params366 = defaults366,
): EvaluationResult => {
  const ruleSet = 'QD366';
  periodRange(facts.period);
  const notRated = notRatedCase(facts, params, citations366);
  if (notRated) return { level: 'not_rated', ruleSet, ...notRated };

  const code = facts.frameworkCode ?? defaultFrameworkCode(facts);
  const framework = params.frameworks.find((f) => f.code === code);
  if (!framework)
    return {
      level: 'incomplete',
      ruleSet,
      missing: [`khung tiêu chí ${code}`],
      reasons: [`Chưa có khung tiêu chí ${code} trong tham số năm ${facts.period.year}.`],
    };
  const computed = score366(framework, facts.scores ?? {});
  const missing = [...computed.missing, ...(facts.tasks ? [] : ['số liệu nhiệm vụ'])];
  if (missing.length > 0)
    return {
      level: 'incomplete',
      ruleSet,
      missing,
      reasons: [
        `Chưa đủ dữ liệu để đề xuất mức xếp loại theo ${framework.code} (${framework.name}): thiếu ${missing.join('; ')}.`,
      ],
    };
  const tasks = facts.tasks as TaskFacts;
  const { score } = computed;
  const reasons: string[] = [
    `Đánh giá theo ${framework.code} – ${framework.name} (366-QĐ/TW, ${periodLabel(facts.period)}): tiêu chí chung ${formatPoints(computed.common)}/${params.commonPoints}, kết quả thực hiện nhiệm vụ ${formatPoints(computed.tasks)}/${params.taskPoints}, tổng ${formatPoints(score)}/100 điểm.`,
  ];
  if (computed.clamped.length > 0)
    reasons.push(`Điểm vượt khung được đưa về giới hạn: ${computed.clamped.join('; ')}.`);

  let level: QualityLevel = 'KHTNV';
  for (const candidate of ['HTXSNV', 'HTTNV', 'HTNV'] as const) {
    const band = params.bands[candidate];
    if (score < band) continue;
    const conds = taskConditions(candidate, facts, tasks, params);
    const failed = conds.filter((c) => !c.ok);
    if (failed.length === 0) {
      level = candidate;
      const met = conds.length > 0 ? `; đủ điều kiện: ${conds.map((c) => c.text).join('; ')}` : '';
      reasons.push(
        `Đạt từ ${band} điểm${met}: ${qualityLevelLabels[candidate].toLowerCase()} (${ART}).`,
      );
      break;
    }
    reasons.push(
      `Đạt từ ${band} điểm nhưng chưa đủ điều kiện ${candidate}: ${failed.map((c) => c.text).join('; ')} (${ART}).`,
    );
  }
  if (level === 'KHTNV' && score < params.bands.HTNV)
    reasons.push(`Dưới ${params.bands.HTNV} điểm: không hoàn thành nhiệm vụ (${ART}).`);
  else if (level === 'KHTNV')
    reasons.push(`Không đủ điều kiện mức hoàn thành nhiệm vụ: không hoàn thành nhiệm vụ (${ART}).`);

  const found = khtnvFindings(
    facts,
    tasks,
    params.khtnvCases,
    disciplinesInPeriod(facts).length > 0,
  );
  reasons.push(...found.reasons, ...found.hints);
  if (found.applied.length > 0) level = 'KHTNV';
  const forced = found.applied.length > 0 ? { khtnvCases: found.applied } : {};
  if (facts.kind === 'member') {
    level = applyMemberCaps(level, facts, params, citations366, reasons);
    const removalFlag = removalFlagOf(level, facts, params);
    return { level, score, reasons, ruleSet, ...forced, ...(removalFlag ? { removalFlag } : {}) };
  }
  return { level, score, reasons, ruleSet, ...forced };
};

export const ruleSet366: RuleSet<Params366> = {
  code: 'QD366',
  name: 'Quy định 366-QĐ/TW (30/8/2025) và Hướng dẫn 43-HD/BTCTW (31/10/2025)',
  sources: [
    'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị',
    'Hướng dẫn 43-HD/BTCTW ngày 31/10/2025 của Ban Tổ chức Trung ương',
    'Công văn 10072-CV/BTCTW ngày 6/11/2025 (đợt đánh giá năm 2025)',
  ],
  cycles: ['year', 'quarter', 'term'],
  appliesTo: (year) => year >= 2025,
  defaults: defaults366,
  evaluate: evaluate366,
};
