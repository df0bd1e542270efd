// Pure rules of the evaluation flow: which step may follow which, the order constraints of
// docs/domain/evaluation.md (124-QĐ/TW art. 11, kept by 43-HD), the validation of an administrator's
// parameter override, and the criteria a form shows.
import type { TCriteriaSet } from '../../../contracts/evaluations';
import {
  defaultFrameworkCode,
  type Framework366,
  validateFramework,
} from '../../../domain/rules/evaluation/frameworks-366';
import { criteriaSetOf, type GradedParams } from '../../../domain/rules/evaluation/graded';
import {
  type MemberRole,
  memberRoles,
  type SubjectKind,
  subjectKindLabels,
} from '../../../domain/rules/evaluation/levels';
import { ruleSetFor } from '../../../domain/rules/evaluation/rule-sets';

export type Step = 'self_assessment' | 'review' | 'appraisal' | 'decision' | 'publication';

export const stepLabels: Record<string, string> = {
  self_assessment: 'Tự đánh giá, xếp loại',
  review: 'Kiểm điểm, đánh giá tại hội nghị',
  appraisal: 'Thẩm định',
  decision: 'Quyết định xếp loại',
  publication: 'Công bố kết quả',
  complaint: 'Khiếu nại',
  complaint_resolved: 'Giải quyết khiếu nại',
};

/** The statuses from which each step may be recorded (a step may be redone until the decision). */
export const stepFrom = (step: Step, subjectKind: SubjectKind): readonly string[] => {
  switch (step) {
    case 'self_assessment':
      return ['pending', 'self_assessed'];
    case 'review':
      // A member's review needs the self-assessment first (Mẫu 2A/2B/2C); a collective's draft
      // report may be brought straight to the meeting.
      return subjectKind === 'member'
        ? ['self_assessed', 'reviewed']
        : ['pending', 'self_assessed', 'reviewed'];
    case 'appraisal':
      return ['reviewed', 'appraised'];
    case 'decision':
      return ['reviewed', 'appraised'];
    case 'publication':
      return ['decided'];
  }
};

export const stepRefusal = (step: Step, status: string): string => {
  if (status === 'not_rated') return 'Đối tượng này thuộc diện không xếp loại.';
  if (step === 'review' && status === 'pending')
    return 'Đảng viên chưa tự đánh giá, xếp loại; cần có bản tự kiểm điểm trước khi kiểm điểm tại chi bộ.';
  if (
    (step === 'decision' || step === 'appraisal') &&
    (status === 'pending' || status === 'self_assessed')
  )
    return 'Chưa kiểm điểm, đánh giá tại hội nghị; chưa thể thẩm định hay quyết định xếp loại.';
  if (step === 'publication') return 'Chỉ công bố kết quả đã có quyết định xếp loại.';
  return `Đã qua bước “${stepLabels[step]}” (đã có quyết định xếp loại); không sửa được nữa.`;
};

// ───────────────────────── Order constraints (124-QĐ/TW art. 11) ────────────────────────────

export type OrderSubject = {
  id: number;
  subjectKind: SubjectKind;
  subjectName: string;
  /** The path of the record's org unit. */
  path: string;
  orgUnitId: number;
  decided: boolean;
  notRated: boolean;
};

const within = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

const listNames = (subjects: OrderSubject[]) => {
  const names = subjects.slice(0, 3).map((s) => s.subjectName);
  return subjects.length > 3
    ? `${names.join(', ')} và ${subjects.length - 3} đối tượng khác`
    : names.join(', ');
};

/**
 * What must be decided before `target` (records of the same campaign; those in `decidedNow`
 * count as decided): state bodies and mass organisations before the party organisation, lower
 * levels before higher, collectives before individuals. Not-rated subjects never block.
 */
export const orderProblems = (
  target: OrderSubject,
  all: OrderSubject[],
  decidedNow: Set<number> = new Set(),
): string[] => {
  const open = (s: OrderSubject) =>
    s.id !== target.id && !s.notRated && !s.decided && !decidedNow.has(s.id);
  const problems: string[] = [];
  if (target.subjectKind === 'member') {
    const collectives = all.filter(
      (s) =>
        open(s) &&
        s.orgUnitId === target.orgUnitId &&
        (s.subjectKind === 'cell' || s.subjectKind === 'grassroots_organisation'),
    );
    if (collectives.length)
      problems.push(
        `Tập thể trước, cá nhân sau: cần quyết định xếp loại ${listNames(collectives)} trước khi xếp loại đảng viên.`,
      );
    return problems;
  }
  if (target.subjectKind === 'agency' || target.subjectKind === 'mass_organisation')
    return problems;
  const bodies = all.filter(
    (s) =>
      open(s) &&
      (s.subjectKind === 'agency' || s.subjectKind === 'mass_organisation') &&
      within(s.path, target.path),
  );
  if (bodies.length)
    problems.push(
      `Cơ quan, đoàn thể trước, tổ chức đảng sau: cần quyết định xếp loại ${listNames(bodies)} trước.`,
    );
  const lower = all.filter(
    (s) =>
      open(s) &&
      (s.subjectKind === 'cell' || s.subjectKind === 'grassroots_organisation') &&
      s.path !== target.path &&
      within(s.path, target.path),
  );
  if (lower.length)
    problems.push(
      `Cấp dưới trước, cấp trên sau: cần quyết định xếp loại ${listNames(lower)} trước.`,
    );
  if (target.subjectKind === 'committee') {
    const organisation = all.filter(
      (s) =>
        open(s) && s.subjectKind === 'grassroots_organisation' && s.orgUnitId === target.orgUnitId,
    );
    if (organisation.length)
      problems.push(
        `Cần quyết định xếp loại ${listNames(organisation)} trước khi xếp loại tập thể cấp ủy.`,
      );
  }
  return problems;
};

/** Who decides: a grassroots committee decides its members and cells; the upper level its TCCSĐ. */
export const decidedByUpperLevel = (kind: SubjectKind): boolean =>
  kind === 'grassroots_organisation' || kind === 'committee';

// ───────────────────────── Parameter overrides ─────────────────────────

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

/** Problems of an override for the year's rule set: unknown keys, wrong types, broken frameworks. */
export const overrideProblems = (year: number, override: Record<string, unknown>): string[] => {
  const set = ruleSetFor(year);
  const defaults = set.defaults as unknown as Record<string, unknown>;
  const problems: string[] = [];
  const check = (path: string, value: unknown, def: unknown) => {
    if (def === null || def === undefined) {
      if (value !== null && typeof value !== 'number')
        problems.push(`Tham số “${path}” phải là số hoặc để trống.`);
      return;
    }
    if (typeOf(value) !== typeOf(def)) {
      problems.push(`Tham số “${path}” sai kiểu dữ liệu (cần ${typeOf(def)}).`);
      return;
    }
    if (typeOf(def) === 'object' && path !== 'criteria') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (!(k in (def as Record<string, unknown>)))
          problems.push(`Tham số “${path}.${k}” không có trong ${set.name}.`);
        else check(`${path}.${k}`, v, (def as Record<string, unknown>)[k]);
      }
    }
    if (typeof value === 'number' && (value < 0 || !Number.isFinite(value)))
      problems.push(`Tham số “${path}” phải là số không âm.`);
  };
  for (const [key, value] of Object.entries(override)) {
    if (!(key in defaults)) {
      problems.push(`Tham số “${key}” không có trong ${set.name}.`);
      continue;
    }
    check(key, value, defaults[key]);
    if (key === 'frameworks' && Array.isArray(value))
      for (const f of value as Framework366[]) problems.push(...validateFramework(f));
  }
  return problems;
};

// ───────────────────────── Criteria shown on the forms ─────────────────────────

export const criteriaFor = (
  params: Record<string, unknown>,
  scoring: 'points' | 'grades',
  kind: SubjectKind,
  options: { role?: MemberRole | null; frameworkCode?: string | null } = {},
): TCriteriaSet => {
  if (scoring === 'points') {
    const frameworks = params.frameworks as Framework366[];
    const code =
      options.frameworkCode ??
      defaultFrameworkCode(
        kind === 'member'
          ? { kind, role: options.role ?? undefined, period: { year: 2025, cycle: 'year' } }
          : { kind, period: { year: 2025, cycle: 'year' } },
      );
    const f = frameworks.find((x) => x.code === code) ?? frameworks[0];
    return {
      code: f.code,
      name: f.name,
      groups: f.groups.map((g) => ({
        name: `${g.name} (${g.maxPoints} điểm)`,
        items: g.items.map((i) => ({ code: i.code, label: i.name, maxPoints: i.maxPoints })),
      })),
    };
  }
  const set = criteriaSetOf(kind);
  const criteria = (params.criteria as GradedParams['criteria'])[set];
  return {
    code: set,
    name: `Tiêu chí đánh giá ${subjectKindLabels[kind].toLowerCase()}`,
    groups: [
      {
        name: 'Các nhóm tiêu chí (xếp Xuất sắc / Tốt / Trung bình / Kém)',
        items: criteria.map((c) => ({ code: c.code, label: c.label, maxPoints: null })),
      },
    ],
  };
};

/** Every criteria set a campaign's forms may need, keyed "kind" or "member:role". */
export const campaignCriteria = (
  params: Record<string, unknown>,
  scoring: 'points' | 'grades',
): Record<string, TCriteriaSet> => {
  const out: Record<string, TCriteriaSet> = {};
  for (const kind of [
    'cell',
    'grassroots_organisation',
    'committee',
    'mass_organisation',
    'agency',
  ] as const)
    out[kind] = criteriaFor(params, scoring, kind);
  out.member = criteriaFor(params, scoring, 'member');
  if (scoring === 'points')
    for (const role of memberRoles)
      out[`member:${role}`] = criteriaFor(params, scoring, 'member', { role });
  return out;
};
