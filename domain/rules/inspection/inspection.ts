// Inspection and supervision (kiểm tra, giám sát), docs/domain/inspection.md (Điều lệ art. 30–32 🟡;
// 22-QĐ/TW art. 4–8 carried into 296-QĐ/TW ✅): the kinds of case, the bodies that conduct them,
// the steps of a case as data, and the rule for counting "tổ chức đảng, đảng viên được kiểm tra,
// giám sát" in the yearly report.

export const caseKinds = [
  'supervision_regular',
  'supervision_thematic',
  'inspection_programme',
  'inspection_signs',
  'inspection_accusation',
  'inspection_complaint',
  'inspection_discipline_execution',
  'inspection_finance',
] as const;
export type CaseKind = (typeof caseKinds)[number];

export const caseKindLabels: Record<CaseKind, string> = {
  supervision_regular: 'Giám sát thường xuyên',
  supervision_thematic: 'Giám sát chuyên đề',
  inspection_programme: 'Kiểm tra theo chương trình',
  inspection_signs: 'Kiểm tra khi có dấu hiệu vi phạm',
  inspection_accusation: 'Giải quyết tố cáo',
  inspection_complaint: 'Giải quyết khiếu nại',
  inspection_discipline_execution: 'Kiểm tra việc thi hành kỷ luật',
  inspection_finance: 'Kiểm tra tài chính đảng',
};

export const isSupervision = (kind: CaseKind): boolean => kind.startsWith('supervision_');

/** Kinds that put a member "under disciplinary review" while open (transfers, badges wait). */
export const reviewKinds: readonly CaseKind[] = ['inspection_signs', 'inspection_accusation'];

/** Bodies that conduct cases and own programmes (§4.6 "who does what"). */
export const conductingBodies = [
  'upper_committee',
  'upper_standing',
  'upper_inspection',
  'grassroots_committee',
  'grassroots_inspection',
  'cell',
] as const;
export type ConductingBody = (typeof conductingBodies)[number];

export const conductingBodyLabels: Record<ConductingBody, string> = {
  upper_committee: 'Ban Chấp hành Đảng bộ',
  upper_standing: 'Ban Thường vụ Đảng ủy',
  upper_inspection: 'Ủy ban Kiểm tra Đảng ủy',
  grassroots_committee: 'Cấp ủy cơ sở',
  grassroots_inspection: 'Ủy ban Kiểm tra đảng ủy cơ sở',
  cell: 'Chi bộ',
};

/** The unit a body belongs to must be of this level. */
export const conductingLevel: Record<ConductingBody, 'upper' | 'grassroots' | 'cell'> = {
  upper_committee: 'upper',
  upper_standing: 'upper',
  upper_inspection: 'upper',
  grassroots_committee: 'grassroots',
  grassroots_inspection: 'grassroots',
  cell: 'cell',
};

/**
 * The groups the yearly report names: "Ban Thường vụ Đảng ủy và cấp ủy cơ sở kiểm tra, giám sát
 * được … ; Ủy ban Kiểm tra kiểm tra, giám sát được …".
 */
export const reportGroups = ['committees', 'inspection_commissions'] as const;
export type ReportGroup = (typeof reportGroups)[number];
export const reportGroupOf: Record<ConductingBody, ReportGroup> = {
  upper_committee: 'committees',
  upper_standing: 'committees',
  grassroots_committee: 'committees',
  cell: 'committees',
  upper_inspection: 'inspection_commissions',
  grassroots_inspection: 'inspection_commissions',
};
export const reportGroupLabels: Record<ReportGroup, string> = {
  committees: 'Cấp ủy, Ban Thường vụ các cấp',
  inspection_commissions: 'Ủy ban Kiểm tra các cấp',
};

/** Steps of a case, in order, as data; the case page draws its timeline from this. */
export const caseSteps = [
  'decision',
  'announced',
  'subject_report',
  'verification',
  'team_report',
  'conclusion',
] as const;
export type CaseStep = (typeof caseSteps)[number];

export const caseStepInfo: Record<
  CaseStep,
  { label: string; supervisionLabel: string; required: boolean; document: string | null }
> = {
  decision: {
    label: 'Quyết định kiểm tra',
    supervisionLabel: 'Quyết định giám sát',
    required: true,
    document: 'QĐ',
  },
  announced: {
    label: 'Công bố quyết định, triển khai kế hoạch',
    supervisionLabel: 'Công bố quyết định, triển khai kế hoạch',
    required: true,
    document: null,
  },
  subject_report: {
    label: 'Đối tượng báo cáo, giải trình',
    supervisionLabel: 'Đối tượng báo cáo',
    required: true,
    document: 'BC',
  },
  verification: {
    label: 'Thẩm tra, xác minh',
    supervisionLabel: 'Nghiên cứu, làm việc trực tiếp',
    required: false,
    document: null,
  },
  team_report: {
    label: 'Báo cáo kết quả của Đoàn',
    supervisionLabel: 'Báo cáo kết quả giám sát của Đoàn',
    required: true,
    document: 'BC',
  },
  conclusion: {
    label: 'Kết luận, thông báo kết luận',
    supervisionLabel: 'Thông báo kết quả giám sát',
    required: true,
    document: 'TB',
  },
};

export const stepLabel = (kind: CaseKind, step: CaseStep): string =>
  isSupervision(kind) ? caseStepInfo[step].supervisionLabel : caseStepInfo[step].label;

export type RecordedCaseStep = { step: CaseStep; date: string };

/** A step may be recorded once, after every earlier required step, and not dated before them. */
export const checkCaseStep = (
  kind: CaseKind,
  recorded: readonly RecordedCaseStep[],
  step: CaseStep,
  date: string,
): { ok: true } | { ok: false; message: string } => {
  const index = caseSteps.indexOf(step);
  if (recorded.some((r) => r.step === step))
    return { ok: false, message: `Bước "${stepLabel(kind, step)}" đã được ghi.` };
  for (const earlier of caseSteps.slice(0, index)) {
    const done = recorded.find((r) => r.step === earlier);
    if (!done && caseStepInfo[earlier].required)
      return {
        ok: false,
        message: `Cần ghi bước "${stepLabel(kind, earlier)}" trước bước "${stepLabel(kind, step)}".`,
      };
    if (done && done.date > date)
      return {
        ok: false,
        message: `Ngày của bước "${stepLabel(kind, step)}" không thể trước bước "${stepLabel(kind, earlier)}".`,
      };
  }
  const later = recorded.find((r) => caseSteps.indexOf(r.step) > index);
  if (later)
    return {
      ok: false,
      message: `Đã ghi bước "${stepLabel(kind, later.step)}"; không ghi thêm bước trước đó.`,
    };
  return { ok: true };
};

export const nextCaseStep = (recorded: readonly RecordedCaseStep[]): CaseStep | null => {
  const last = Math.max(-1, ...recorded.map((r) => caseSteps.indexOf(r.step)));
  return caseSteps[last + 1] ?? null;
};

export type SubjectRef = { kind: 'organisation' | 'member'; id: number };
export type CountedCase = { body: ConductingBody; subjects: readonly SubjectRef[] };

/**
 * The counting rule of the report figures: for each conducting body, the DISTINCT party
 * organisations and members that were subjects of at least one of its cases in the period (an
 * organisation inspected and later supervised by the same body counts once). A group's figure
 * (committees; inspection commissions) is the distinct subjects of the group's bodies together.
 * The same subject handled by two groups counts once in each: the report states them separately.
 */
export const countDistinctSubjects = (
  cases: readonly CountedCase[],
): {
  byBody: Record<ConductingBody, { organisations: number; members: number; total: number }>;
  byGroup: Record<ReportGroup, { organisations: number; members: number; total: number }>;
} => {
  const key = (s: SubjectRef) => `${s.kind}:${s.id}`;
  const bodySets = new Map<ConductingBody, Set<string>>();
  const groupSets = new Map<ReportGroup, Set<string>>();
  for (const c of cases) {
    const b = bodySets.get(c.body) ?? new Set<string>();
    const g = groupSets.get(reportGroupOf[c.body]) ?? new Set<string>();
    for (const s of c.subjects) {
      b.add(key(s));
      g.add(key(s));
    }
    bodySets.set(c.body, b);
    groupSets.set(reportGroupOf[c.body], g);
  }
  const tally = (set: Set<string> | undefined) => {
    const all = [...(set ?? [])];
    const organisations = all.filter((k) => k.startsWith('organisation:')).length;
    return { organisations, members: all.length - organisations, total: all.length };
  };
  return {
    byBody: Object.fromEntries(conductingBodies.map((b) => [b, tally(bodySets.get(b))])) as Record<
      ConductingBody,
      ReturnType<typeof tally>
    >,
    byGroup: Object.fromEntries(reportGroups.map((g) => [g, tally(groupSets.get(g))])) as Record<
      ReportGroup,
      ReturnType<typeof tally>
    >,
  };
};

export const countingRuleText =
  'Cách đếm: mỗi tổ chức đảng, đảng viên được tính một lần cho mỗi chủ thể tiến hành (cấp ủy, ban thường vụ, ủy ban kiểm tra) trong năm, dù được kiểm tra, giám sát nhiều cuộc; cùng một đối tượng do hai chủ thể khác nhau kiểm tra, giám sát thì được tính ở cả hai. Năm tính theo ngày quyết định kiểm tra, giám sát.';

export const programmePeriods = ['year', 'term'] as const;
export type ProgrammePeriod = (typeof programmePeriods)[number];
export const programmePeriodLabels: Record<ProgrammePeriod, string> = {
  year: 'Chương trình năm',
  term: 'Chương trình toàn khóa',
};
