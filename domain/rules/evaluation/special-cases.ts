// Special cases shared by the three rule sets (docs/domain/evaluation.md): who is not rated, the
// discipline rule, the sick-leave cap, consistency with the civil-service rating and the removal
// flag after two consecutive KHTNV years. Every number is a parameter (docs/domain/evaluation.md): the
// rule sets ship their documented defaults and an administrator may adjust them per year.
import { addMonths } from '../../calendar/date-math';
import { formatDate } from '../../text/vietnamese';
import {
  type DisciplineFact,
  type EvaluationPeriod,
  type EvaluationResult,
  type MemberFacts,
  minLevel,
  type NotRatedReason,
  notRatedReasonLabels,
  type QualityLevel,
  qualityLevelLabels,
  type SubjectFacts,
} from './levels';

export type CivilServiceConsistency =
  /** 21-HD ✅: HTXS needs a civil-service HTXS; a civil-service KHTNV means party KHTNV. */
  | 'htxs_and_khtnv'
  /** Stricter reading: the party level never above the civil-service level. */
  | 'cap'
  | 'off';

export type SpecialCaseParams = {
  /** A member admitted less than this many months before the review is not rated (✅ 6). */
  newMemberMonths: number;
  /** 16/21-HD: the new member is still reviewed (not rated); 124: exempt from the review too. */
  newMemberReviewed: boolean;
  /** A collective set up less than this many months before the review is not rated (✅ 6). */
  newCollectiveMonths: number;
  /** Sick leave of at least this many months in the year caps the level (16/21-HD ✅ 3). */
  sickLeaveMonths: number;
  sickLeaveCap: QualityLevel;
  /** A member disciplined in the period is KHTNV … */
  disciplinedIsKhtnv: boolean;
  /** … except when every violation was self-detected and actively remedied (124 ✅). */
  disciplineException: boolean;
  /** The highest level open to a member under that exception (only "no HTXS" is documented). */
  disciplineExceptionCap: QualityLevel;
  civilServiceConsistency: CivilServiceConsistency;
  /** Consecutive KHTNV years that flag a member for removal (xóa tên, 24-QĐ/TW art. 8 ✅ 2). */
  removalConsecutiveKhtnv: number;
};

/** Citations used in reasons, per rule set. */
export type Citations = {
  ruleSet: string;
  notRated: string;
  newMember: string;
  newCollective: string;
  discipline: string;
  sickLeave: string;
  civilService: string;
};

export const pad = (n: number): string => String(n).padStart(2, '0');

/** The period's first and last day (ISO). A term needs its dates. */
export const periodRange = (period: EvaluationPeriod): { from: string; to: string } => {
  if (period.from && period.to) return { from: period.from, to: period.to };
  if (period.cycle === 'year') return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
  if (period.cycle === 'quarter') {
    if (!period.quarter) throw new RangeError('Kỳ đánh giá theo quý cần ghi rõ quý (1–4).');
    const startMonth = (period.quarter - 1) * 3 + 1;
    const from = `${period.year}-${pad(startMonth)}-01`;
    const last = new Date(Date.UTC(period.year, startMonth + 2, 0)).getUTCDate();
    return { from, to: `${period.year}-${pad(startMonth + 2)}-${pad(last)}` };
  }
  throw new RangeError('Kỳ đánh giá theo nhiệm kỳ cần ghi rõ ngày bắt đầu và ngày kết thúc.');
};

export const periodLabel = (period: EvaluationPeriod): string => {
  if (period.cycle === 'quarter') return `quý ${period.quarter}/${period.year}`;
  if (period.cycle === 'term') {
    const { from, to } = periodRange(period);
    return `nhiệm kỳ ${from.slice(0, 4)}–${to.slice(0, 4)}`;
  }
  return `năm ${period.year}`;
};

/** Disciplines decided within the period ("one violation counts only once", in its year). */
export const disciplinesInPeriod = (facts: SubjectFacts): DisciplineFact[] => {
  const { from, to } = periodRange(facts.period);
  return (facts.disciplines ?? []).filter((d) => d.decidedOn >= from && d.decidedOn <= to);
};

const lessThanMonths = (since: string, asOf: string, months: number): boolean =>
  addMonths(since, months) > asOf;

/** The not-rated cases, first match wins; null when the subject is rated. */
export const notRatedCase = (
  facts: SubjectFacts,
  params: SpecialCaseParams,
  cite: Citations,
): Pick<EvaluationResult, 'notRatedReason' | 'reviewed' | 'reasons'> | null => {
  const asOf = facts.asOf ?? periodRange(facts.period).to;
  const out = (reason: NotRatedReason, reviewed: boolean, detail: string, source: string) => ({
    notRatedReason: reason,
    reviewed,
    reasons: [
      `Không xếp loại: ${notRatedReasonLabels[reason].toLowerCase()}${detail} (${source}).`,
    ],
  });
  if (facts.kind === 'member') {
    if (facts.exempted) return out('exempted', false, '', cite.notRated);
    if (facts.suspended && !facts.suspendedFromCommitteeOnly)
      return out('suspended', false, '', cite.notRated);
    if (facts.admittedOn && lessThanMonths(facts.admittedOn, asOf, params.newMemberMonths))
      return {
        ...out(
          'newly_admitted',
          params.newMemberReviewed,
          ` (kết nạp ngày ${formatDate(facts.admittedOn)}, chưa đủ ${params.newMemberMonths} tháng đến ngày ${formatDate(asOf)})`,
          cite.newMember,
        ),
      };
    return null;
  }
  if (facts.establishedOn && lessThanMonths(facts.establishedOn, asOf, params.newCollectiveMonths))
    return out(
      'newly_established',
      false,
      ` (thành lập ngày ${formatDate(facts.establishedOn)}, chưa đủ ${params.newCollectiveMonths} tháng đến ngày ${formatDate(asOf)})`,
      cite.newCollective,
    );
  return null;
};

/**
 * The caps that apply to an individual after the level is proposed from criteria or points:
 * discipline in the period, sick leave, the civil-service rating. Returns the capped level and
 * appends a reason for each cap that lowers (or confirms) it.
 */
export const applyMemberCaps = (
  level: QualityLevel,
  facts: MemberFacts,
  params: SpecialCaseParams,
  cite: Citations,
  reasons: string[],
): QualityLevel => {
  let out = level;
  const lower = (cap: QualityLevel, why: string) => {
    if (minLevel(out, cap) !== out) {
      reasons.push(
        `${why}: tối đa ${qualityLevelLabels[cap].toLowerCase()}, hạ từ ${out} xuống ${cap}.`,
      );
      out = cap;
    } else reasons.push(`${why}: tối đa ${cap}; mức ${out} không vượt.`);
  };
  const disciplines = disciplinesInPeriod(facts);
  if (disciplines.length > 0 && params.disciplinedIsKhtnv) {
    const excepted =
      params.disciplineException && disciplines.every((d) => d.selfDetectedAndRemedied === true);
    const when = disciplines.map((d) => formatDate(d.decidedOn)).join(', ');
    if (excepted)
      lower(
        params.disciplineExceptionCap,
        `Bị kỷ luật trong ${periodLabel(facts.period)} (ngày ${when}) nhưng tự phát hiện, chủ động khắc phục – được xem xét ngoại lệ (${cite.discipline})`,
      );
    else
      lower(
        'KHTNV',
        `Bị kỷ luật trong ${periodLabel(facts.period)} (ngày ${when}) (${cite.discipline})`,
      );
  }
  const sick = facts.sickLeaveMonths ?? 0;
  if (sick >= params.sickLeaveMonths)
    lower(
      params.sickLeaveCap,
      `Nghỉ ốm ${sick} tháng trong năm (từ ${params.sickLeaveMonths} tháng trở lên) (${cite.sickLeave})`,
    );
  const cs = facts.civilServiceLevel;
  if (facts.civilServant && cs && params.civilServiceConsistency !== 'off') {
    const why = `Xếp loại công chức, viên chức là ${cs} (${cite.civilService})`;
    if (params.civilServiceConsistency === 'cap') lower(cs, why);
    else if (cs === 'KHTNV') lower('KHTNV', why);
    else if (out === 'HTXSNV' && cs !== 'HTXSNV')
      lower(
        'HTTNV',
        `${why}; đảng viên là cán bộ, công chức, viên chức chỉ được HTXSNV khi cũng HTXSNV về công chức`,
      );
  }
  return out;
};

/** The removal flag when this period's KHTNV follows a KHTNV (yearly cycle only). */
export const removalFlagOf = (
  level: QualityLevel,
  facts: MemberFacts,
  params: SpecialCaseParams,
): EvaluationResult['removalFlag'] =>
  facts.period.cycle === 'year' &&
  params.removalConsecutiveKhtnv === 2 &&
  level === 'KHTNV' &&
  facts.previousLevel === 'KHTNV'
    ? {
        reason: `Không hoàn thành nhiệm vụ 2 năm liền (${facts.period.year - 1} và ${facts.period.year}): vi phạm tư cách đảng viên, thuộc trường hợp xem xét xóa tên (24-QĐ/TW, Điều 8; nay 294-QĐ/TW).`,
      }
    : undefined;

/**
 * Two (or `params.removalConsecutiveKhtnv`) consecutive calendar years rated KHTNV: "2 năm liền
 * vi phạm tư cách đảng viên", a ground for removal (✅ 24-QĐ/TW art. 8; docs/domain/members.md). A year
 * not rated, or missing, breaks the run. The latest run is reported.
 */
export const twoConsecutiveKhtnv = (
  levelsByYear: Partial<Record<number, QualityLevel | 'not_rated' | 'incomplete' | null>>,
  consecutive = 2,
): { flagged: boolean; years: number[]; reason: string } => {
  const years = Object.keys(levelsByYear)
    .map(Number)
    .filter((y) => levelsByYear[y] === 'KHTNV')
    .sort((a, b) => b - a);
  for (const last of years) {
    const run = Array.from({ length: consecutive }, (_, i) => last - i);
    if (run.every((y) => levelsByYear[y] === 'KHTNV')) {
      const asc = [...run].reverse();
      return {
        flagged: true,
        years: asc,
        reason: `Không hoàn thành nhiệm vụ ${consecutive} năm liền (${asc.join(', ')}): vi phạm tư cách đảng viên, thuộc trường hợp xem xét xóa tên (24-QĐ/TW, Điều 8; nay 294-QĐ/TW).`,
      };
    }
  }
  return {
    flagged: false,
    years: [],
    reason: `Không có ${consecutive} năm liền xếp loại không hoàn thành nhiệm vụ.`,
  };
};

/** Tasks with `completed` filled in. */
export const completedOf = (t: {
  onTime: number;
  late: number;
  completed?: number;
  total: number;
}) => Math.min(t.total, t.completed ?? t.onTime + t.late);

/** n ≥ share × total, with a tolerance for binary fractions (0.3 × 10). */
export const atLeastShare = (n: number, total: number, share: number): boolean =>
  n >= share * total - 1e-9;
export const atMostShare = (n: number, total: number, share: number): boolean =>
  n <= share * total + 1e-9;

export const percent = (n: number, total: number): string =>
  total === 0 ? '0%' : `${Math.round((n / total) * 1000) / 10}%`.replace('.', ',');
