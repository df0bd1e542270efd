// Quy định 124-QĐ/TW (4/10/2023) + Hướng dẫn 25-HD/BTCTW (10/11/2023): evaluation years 2023 and
// 2024, yearly only (124-QĐ/TW; docs/domain/evaluation.md ✅). Criteria graded Xuất sắc / Tốt / Trung bình / Kém;
// the level follows graded.ts. Sources of the parameters:
// - HTXS collective (124 art. 12 ✅): criteria Tốt or better, task criteria Xuất sắc, no
//   subordinate unit and no member disciplined;
// - HTXS individual ✅: 100% of tasks done, ≥ 50% exceeded;
// - KHTNV cases (124 Điều 12 ✅, khtnv-cases.ts): < 50% of targets and the main targets missed
//   (save force majeure); collective disciplined or > 20% of subordinate units; disunity; a member
//   degenerate; a subordinate unit disciplined; individuals: discipline (except self-detected and
//   remedied), degeneration, "điều đảng viên không được làm", "nêu gương", the led unit < 50%;
// - exempted and suspended members not rated (124 art. 5.2 ✅); new members < 6 months exempt from
//   the review (✅); collectives < 6 months not rated (16/21-HD ✅, kept);
// - HTXS ≤ 20% of those rated HTTNV within groups of similar functions (cap.ts);
// - sick leave ≥ 3 months → at most HTNV (16/21-HD ✅, not re-checked under 124 🟡).
import { htxsCap124 } from './cap';
import {
  defaultGradedCriteria,
  defaultThresholds,
  evaluateGraded,
  type GradedParams,
} from './graded';
import { khtnvCaseParams124 } from './khtnv-cases';
import type { EvaluationResult, RuleSet, SubjectFacts } from './levels';
import type { Citations } from './special-cases';

export type Params124 = GradedParams;

export const citations124: Citations & { level: string; code: 'QD124' } = {
  code: 'QD124',
  ruleSet: '124-QĐ/TW',
  level: '124-QĐ/TW, 25-HD/BTCTW',
  notRated: '124-QĐ/TW, Điều 5',
  newMember: '124-QĐ/TW: miễn kiểm điểm',
  newCollective: '16/21-HD/BTCTW; biểu 6F',
  discipline: '124-QĐ/TW',
  sickLeave: '16/21-HD/BTCTW, tham số',
  civilService: '21-HD/BTCTW',
};

export const defaults124: Params124 = {
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
  criteria: defaultGradedCriteria,
  thresholds: defaultThresholds,
  htxsExceededShare: 0.5,
  htxsAllTasksDone: true,
  khtnvCases: khtnvCaseParams124,
  htxsCap: htxsCap124,
};

export const evaluate124 = (
  facts: SubjectFacts,
  params: Params124 = defaults124,
): EvaluationResult => evaluateGraded(facts, params, citations124);

export const ruleSet124: RuleSet<Params124> = {
  code: 'QD124',
  name: 'Quy định 124-QĐ/TW (4/10/2023) và Hướng dẫn 25-HD/BTCTW (10/11/2023)',
  sources: [
    'Quy định 124-QĐ/TW ngày 4/10/2023 của Bộ Chính trị',
    'Hướng dẫn 25-HD/BTCTW ngày 10/11/2023 của Ban Tổ chức Trung ương',
  ],
  cycles: ['year'],
  appliesTo: (year) => year >= 2023 && year <= 2024,
  defaults: defaults124,
  evaluate: evaluate124,
};
