// Quy định 132-QĐ/TW (8/3/2018) + Hướng dẫn 16-HD/BTCTW (24/9/2018) and 21-HD/BTCTW (18/10/2019):
// evaluation years 2018–2022 (the 2018 review was the first under 16-HD; earlier years are refused,
// rule-sets.ts), yearly only. Criteria graded Xuất sắc / Tốt / Trung bình / Kém; the level follows
// graded.ts. Where 132 differs from 124 (parameters):
// - a member admitted less than 6 months ago is still reviewed but not rated (16/21-HD ✅);
// - members' HTXS: task criteria Xuất sắc, the others Tốt or better; a civil servant also HTXS in
//   the civil-service evaluation (21-HD ✅); no "≥ 50% exceeded" share (that is 124) – null;
// - HTXS ≤ 20% of those rated HTTNV within each TCCSĐ for members (21-HD mục 2.3 ✅, cap.ts);
// - disciplined in the year: KHTNV; the self-detection exception is documented only for 124, so
//   it is off by default here (🟡);
// - sick leave ≥ 3 months → at most HTNV (16/21-HD ✅);
// - the KHTNV cases are 132's own (Điều 12 khoản 4; 21-HD for members), khtnv-cases.ts.
import { htxsCap132 } from './cap';
import {
  defaultGradedCriteria,
  defaultThresholds,
  evaluateGraded,
  type GradedParams,
} from './graded';
import { khtnvCaseParams132 } from './khtnv-cases';
import type { EvaluationResult, RuleSet, SubjectFacts } from './levels';
import type { Citations } from './special-cases';

export type Params132 = GradedParams;

export const citations132: Citations & { level: string; code: 'QD132' } = {
  code: 'QD132',
  ruleSet: '132-QĐ/TW',
  level: '132-QĐ/TW, 16-HD/BTCTW, 21-HD/BTCTW',
  notRated: '132-QĐ/TW; 16-HD/BTCTW',
  newMember: '16/21-HD/BTCTW: vẫn kiểm điểm nhưng không xếp loại',
  newCollective: '16/21-HD/BTCTW; biểu 6F',
  discipline: '132-QĐ/TW; 16/21-HD/BTCTW',
  sickLeave: '16/21-HD/BTCTW',
  civilService: '21-HD/BTCTW',
};

export const defaults132: Params132 = {
  newMemberMonths: 6,
  newMemberReviewed: true,
  newCollectiveMonths: 6,
  sickLeaveMonths: 3,
  sickLeaveCap: 'HTNV',
  disciplinedIsKhtnv: true,
  disciplineException: false,
  disciplineExceptionCap: 'HTTNV',
  civilServiceConsistency: 'htxs_and_khtnv',
  removalConsecutiveKhtnv: 2,
  criteria: defaultGradedCriteria,
  thresholds: defaultThresholds,
  htxsExceededShare: null,
  htxsAllTasksDone: false,
  khtnvCases: khtnvCaseParams132,
  htxsCap: htxsCap132,
};

export const evaluate132 = (
  facts: SubjectFacts,
  params: Params132 = defaults132,
): EvaluationResult => evaluateGraded(facts, params, citations132);

export const ruleSet132: RuleSet<Params132> = {
  code: 'QD132',
  name: 'Quy định 132-QĐ/TW (8/3/2018), Hướng dẫn 16-HD/BTCTW (24/9/2018) và 21-HD/BTCTW (18/10/2019)',
  sources: [
    'Quy định 132-QĐ/TW ngày 8/3/2018 của Bộ Chính trị',
    'Hướng dẫn 16-HD/BTCTW ngày 24/9/2018 của Ban Tổ chức Trung ương',
    'Hướng dẫn 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương',
  ],
  cycles: ['year'],
  appliesTo: (year) => year >= 2018 && year <= 2022,
  defaults: defaults132,
  evaluate: evaluate132,
};
