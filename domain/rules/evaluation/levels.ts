// Quality levels of the year-end (or quarterly / term) evaluation and the facts the engine receives.
// Levels are the same in 132-QĐ/TW, 124-QĐ/TW and 366-QĐ/TW (docs/domain/evaluation.md ✅).
import type { DisciplineForm } from '../discipline/discipline';
import type { KhtnvCaseCode } from './khtnv-cases';

export const qualityLevels = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const;
export type QualityLevel = (typeof qualityLevels)[number];

export const qualityLevelLabels: Record<QualityLevel, string> = {
  HTXSNV: 'Hoàn thành xuất sắc nhiệm vụ',
  HTTNV: 'Hoàn thành tốt nhiệm vụ',
  HTNV: 'Hoàn thành nhiệm vụ',
  KHTNV: 'Không hoàn thành nhiệm vụ',
};

/** Higher is better: KHTNV 0 … HTXSNV 3. */
export const levelRank: Record<QualityLevel, number> = { KHTNV: 0, HTNV: 1, HTTNV: 2, HTXSNV: 3 };

export const compareLevels = (a: QualityLevel, b: QualityLevel): number =>
  levelRank[a] - levelRank[b];

/** "Hoàn thành tốt nhiệm vụ trở lên": HTTNV or HTXSNV. */
export const isGoodOrBetter = (level: QualityLevel): boolean => levelRank[level] >= levelRank.HTTNV;

/** The lower of two levels (a cap). */
export const minLevel = (a: QualityLevel, b: QualityLevel): QualityLevel =>
  levelRank[a] <= levelRank[b] ? a : b;

/** Criterion grades under 124 and 132 (124-QĐ/TW, 132-QĐ/TW; docs/domain/evaluation.md). */
export const criterionGrades = ['xuat_sac', 'tot', 'trung_binh', 'kem'] as const;
export type CriterionGrade = (typeof criterionGrades)[number];
export const criterionGradeLabels: Record<CriterionGrade, string> = {
  xuat_sac: 'Xuất sắc',
  tot: 'Tốt',
  trung_binh: 'Trung bình',
  kem: 'Kém',
};
export const gradeRank: Record<CriterionGrade, number> = {
  kem: 0,
  trung_binh: 1,
  tot: 2,
  xuat_sac: 3,
};

// ---------------------------------------------------------------------------------------------
// Facts

/**
 * Who is evaluated. Collectives: a cell (chi bộ), a grassroots organisation (TCCSĐ), a committee
 * (cấp ủy, the leadership collective of a party body); and, rated before the party side, the
 * leadership collectives of mass organisations (đoàn thể) and agencies (cơ quan, đơn vị).
 */
export const subjectKinds = [
  'member',
  'cell',
  'grassroots_organisation',
  'committee',
  'mass_organisation',
  'agency',
] as const;
export type SubjectKind = (typeof subjectKinds)[number];
export type CollectiveKind = Exclude<SubjectKind, 'member'>;
export const subjectKindLabels: Record<SubjectKind, string> = {
  member: 'Đảng viên',
  cell: 'Chi bộ',
  grassroots_organisation: 'Tổ chức cơ sở đảng',
  committee: 'Cấp ủy',
  mass_organisation: 'Tập thể lãnh đạo đoàn thể',
  agency: 'Tập thể lãnh đạo cơ quan, đơn vị',
};
export const isCollective = (kind: SubjectKind): kind is CollectiveKind => kind !== 'member';

/**
 * A member's place, which picks the 366 criteria framework (PL2–PL5): a cadre managed by the
 * Central Committee, Politburo or Secretariat; a leader or manager at another level; an individual
 * without a leadership post; a member not working in the political system (retired, residential
 * area, private sector).
 */
export const memberRoles = ['central_cadre', 'leader', 'staff', 'outside_system'] as const;
export type MemberRole = (typeof memberRoles)[number];

/** 366 adds quarterly and term cycles to the yearly one; 124 and 132 know only the year. */
export const cycles = ['year', 'quarter', 'term'] as const;
export type Cycle = (typeof cycles)[number];

export type EvaluationPeriod = {
  year: number;
  cycle: Cycle;
  /** 1–4, for a quarterly cycle. */
  quarter?: 1 | 2 | 3 | 4;
  /** ISO dates; required for a term, derived for a year or a quarter. */
  from?: string;
  to?: string;
};

/**
 * Task figures for the period (key tasks, targets assigned). `onTime` and `late` are completed
 * tasks done by / after their deadline; `exceeded` are tasks done beyond the requirement;
 * `completed` defaults to onTime + late.
 */
export type TaskFacts = {
  total: number;
  onTime: number;
  exceeded: number;
  late: number;
  completed?: number;
};

/** A discipline decided in the period ("one violation counts only once", counted in its year). */
export type DisciplineFact = {
  form: DisciplineForm;
  decidedOn: string;
  /** The person found the violation themselves and actively remedied it (124 exception). */
  selfDetectedAndRemedied?: boolean;
};

type CommonFacts = {
  period: EvaluationPeriod;
  /** The review date; the "less than 6 months" rules count to it. Default: the period's end. */
  asOf?: string;
  tasks?: TaskFacts;
  /** 124/132: the grade of each criterion group (codes in the rule set's parameters). */
  grades?: Partial<Record<string, CriterionGrade>>;
  /** 366: points per item of the criteria framework (item code → points). */
  scores?: Partial<Record<string, number>>;
  /** 366: the framework to use (the committee's own, Công văn 10072-CV/BTCTW); default by kind. */
  frameworkCode?: string;
  /** Shortcomings pointed out earlier and how many were fixed (366 HTXS: 100% fixed). */
  shortcomings?: { total: number; fixed: number };
  /** KHTNV cases the reviewer recorded at the meeting (khtnv-cases.ts): each forces KHTNV. */
  khtnvCases?: KhtnvCaseCode[];
};

export type MemberFacts = CommonFacts & {
  kind: 'member';
  role?: MemberRole;
  /** Exempted from work and activities (miễn công tác và sinh hoạt đảng). */
  exempted?: boolean;
  /** Suspended from party activity (đình chỉ sinh hoạt đảng). */
  suspended?: boolean;
  /** Suspended only from committee activity: still rated as a member (16-HD ✅). */
  suspendedFromCommitteeOnly?: boolean;
  admittedOn?: string | null;
  sickLeaveMonths?: number;
  /** Maternity leave is rated on the time actually worked: never counted as sick leave. */
  maternityLeaveMonths?: number;
  disciplines?: DisciplineFact[];
  civilServant?: boolean;
  /** The civil-service rating of the year (done first, by 15/12). */
  civilServiceLevel?: QualityLevel | null;
  previousLevel?: QualityLevel | 'not_rated' | null;
  /** Degeneration in political ideology, ethics or lifestyle: same as recording `degeneration`. */
  degeneration?: boolean;
  /** Leaders: the tasks of the areas or units they directly lead (366 HTTNV / HTXS). */
  ledUnitTasks?: TaskFacts;
};

export type CollectiveFacts = CommonFacts & {
  kind: CollectiveKind;
  establishedOn?: string | null;
  /** Disciplines of the collective itself in the period. */
  disciplines?: DisciplineFact[];
  /**
   * A subordinate unit or a member (of the organisation / leadership collective) disciplined in the
   * period: the collective cannot be HTXS (`collectivesWithDisciplineInYear`).
   */
  subordinateOrMemberDisciplined?: boolean;
  /** Subordinate units and how many were disciplined (KHTNV when more than 20%, 124). */
  subordinateUnits?: { total: number; disciplined: number };
  /** Serious internal disunity (mất đoàn kết nghiêm trọng): automatic KHTNV. */
  seriousDisunity?: boolean;
};

export type SubjectFacts = MemberFacts | CollectiveFacts;

// ---------------------------------------------------------------------------------------------
// Result

export const notRatedReasons = [
  'exempted',
  'suspended',
  'newly_admitted',
  'newly_established',
] as const;
export type NotRatedReason = (typeof notRatedReasons)[number];
export const notRatedReasonLabels: Record<NotRatedReason, string> = {
  exempted: 'Đảng viên được miễn công tác và sinh hoạt đảng',
  suspended: 'Đảng viên đang bị đình chỉ sinh hoạt đảng',
  newly_admitted: 'Đảng viên mới kết nạp chưa đủ 6 tháng',
  newly_established: 'Tổ chức mới thành lập chưa đủ 6 tháng',
};

export type EvaluationResult = {
  /** The proposed level; 'not_rated' for the exempt cases; 'incomplete' when facts are missing. */
  level: QualityLevel | 'not_rated' | 'incomplete';
  /** Vietnamese sentences, each naming the rule applied, in order. */
  reasons: string[];
  notRatedReason?: NotRatedReason;
  /** Whether the subject still takes part in the review meeting (16/21-HD: reviewed, not rated). */
  reviewed?: boolean;
  /** 366: the score out of 100. */
  score?: number;
  /** Criteria (items or groups) with no score or grade, when level is 'incomplete'. */
  missing?: string[];
  /** The KHTNV cases (khtnv-cases.ts) that forced the level, if any. */
  khtnvCases?: KhtnvCaseCode[];
  /** Two consecutive KHTNV years: ground for removal (xóa tên). */
  removalFlag?: { reason: string };
  ruleSet: string;
};

export type RuleSetCode = 'QD132' | 'QD124' | 'QD366';

/** A rule set: a pure function of the facts and its parameters, with its dates and sources. */
export type RuleSet<P> = {
  code: RuleSetCode;
  name: string;
  sources: string[];
  /** The cycles it knows: 124 and 132 only the year; 366 also quarters and terms. */
  cycles: readonly Cycle[];
  appliesTo: (year: number) => boolean;
  defaults: P;
  evaluate: (facts: SubjectFacts, params?: P) => EvaluationResult;
};

/** Points or shares in reasons: 89.9 → "89,9". */
export const formatPoints = (n: number): string =>
  String(Math.round(n * 100) / 100).replace('.', ',');
