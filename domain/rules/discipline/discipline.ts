// Party discipline (kỷ luật đảng), docs/domain/discipline.md: forms by subject and standing, who may
// decide, limitation periods (thời hiệu), automatic lapse after 12 months and the complaint window.
// Sources: Điều lệ Đảng art. 35–36 🟡 (article numbers), 69-QĐ/TW (2022, amended by 264-QĐ/TW 2025)
// art. 7 ✅ for forms, 296-QĐ/TW (30/5/2025) for procedure ✅, 30-QĐ/TW for complaints 🟡.
// What docs/domain/discipline.md marks 🟡/❓ is a parameter (`disciplineDefaults`), not a constant:
//  - the authority matrix per deciding body (§4.2 🟡), including whether a grassroots committee
//    may itself expel (default: no – it proposes and the superior UBKT decides);
//  - the limitation periods (§4.3 ✅, kept as parameters because central rules change);
//  - the 12-month lapse (§4.4 ✅) and the 1-month complaint window (§4.5 ✅);
//  - the complaint resolution time (90 working days at provincial level, §4.5 🟡/❓).
import { formatDate } from '../../text/vietnamese';

export const subjectKinds = ['member', 'organisation'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

export const disciplineForms = [
  'khien_trach',
  'canh_cao',
  'cach_chuc',
  'khai_tru',
  'giai_tan',
] as const;
export type DisciplineForm = (typeof disciplineForms)[number];
export type MemberDisciplineForm = 'khien_trach' | 'canh_cao' | 'cach_chuc' | 'khai_tru';

export const disciplineFormLabels: Record<DisciplineForm, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  cach_chuc: 'Cách chức',
  khai_tru: 'Khai trừ',
  giai_tan: 'Giải tán',
};

/** Forms lightest to heaviest (Điều lệ art. 35; 69-QĐ/TW art. 7; docs/domain/discipline.md). */
export const formsBySubject: Record<SubjectKind, readonly DisciplineForm[]> = {
  member: ['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'],
  organisation: ['khien_trach', 'canh_cao', 'giai_tan'],
};
/** "Probationary member: Khiển trách → Cảnh cáo only." */
export const probationerForms: readonly DisciplineForm[] = ['khien_trach', 'canh_cao'];

export type Standing = 'probationary' | 'full';

/** The forms open to a subject; a probationary member only the first two. */
export const formsFor = (subject: SubjectKind, standing: Standing | null): DisciplineForm[] =>
  subject === 'member' && standing === 'probationary'
    ? [...probationerForms]
    : [...formsBySubject[subject]];

export type Check = { ok: true; message: string } | { ok: false; message: string };

export const checkForm = (
  subject: SubjectKind,
  standing: Standing | null,
  form: DisciplineForm,
): Check => {
  if (!formsBySubject[subject].includes(form))
    return {
      ok: false,
      message:
        subject === 'member'
          ? `Đảng viên chỉ có thể bị kỷ luật bằng hình thức khiển trách, cảnh cáo, cách chức hoặc khai trừ; không áp dụng "${disciplineFormLabels[form].toLowerCase()}".`
          : `Tổ chức đảng chỉ có thể bị kỷ luật bằng hình thức khiển trách, cảnh cáo hoặc giải tán; không áp dụng "${disciplineFormLabels[form].toLowerCase()}".`,
    };
  if (!formsFor(subject, standing).includes(form))
    return {
      ok: false,
      message: `Đảng viên dự bị chỉ bị kỷ luật bằng hình thức khiển trách hoặc cảnh cáo (Điều lệ Đảng); không thể ${disciplineFormLabels[form].toLowerCase()}.`,
    };
  return { ok: true, message: `Hình thức ${disciplineFormLabels[form].toLowerCase()} phù hợp.` };
};

/** Bodies that decide or conduct (docs/domain/discipline.md, inspection.md). */
export const decidingBodies = [
  'cell',
  'sub_committee',
  'grassroots_standing',
  'grassroots_committee',
  'grassroots_inspection',
  'upper_standing',
  'upper_committee',
  'upper_inspection',
] as const;
export type DecidingBody = (typeof decidingBodies)[number];

export const decidingBodyLabels: Record<DecidingBody, string> = {
  cell: 'Chi bộ',
  sub_committee: 'Đảng ủy bộ phận',
  grassroots_standing: 'Ban Thường vụ đảng ủy cơ sở',
  grassroots_committee: 'Ban Chấp hành đảng bộ cơ sở',
  grassroots_inspection: 'Ủy ban Kiểm tra đảng ủy cơ sở',
  upper_standing: 'Ban Thường vụ Đảng ủy',
  upper_committee: 'Ban Chấp hành Đảng bộ',
  upper_inspection: 'Ủy ban Kiểm tra Đảng ủy',
};

/** Which level of the tree a body sits at: the deciding unit must be of this kind. */
export const bodyLevel: Record<DecidingBody, 'cell' | 'sub_committee' | 'grassroots' | 'upper'> = {
  cell: 'cell',
  sub_committee: 'sub_committee',
  grassroots_standing: 'grassroots',
  grassroots_committee: 'grassroots',
  grassroots_inspection: 'grassroots',
  upper_standing: 'upper',
  upper_committee: 'upper',
  upper_inspection: 'upper',
};

export type AuthorityMatrix = Record<
  DecidingBody,
  { member: readonly DisciplineForm[]; organisation: readonly DisciplineForm[] }
>;

export const limitationGrounds = [
  'internal_politics',
  'national_security',
  'defence',
  'foreign_affairs',
  'fake_diploma',
] as const;
export type LimitationGround = (typeof limitationGrounds)[number];
export const limitationGroundLabels: Record<LimitationGround, string> = {
  internal_politics: 'Vi phạm chính trị nội bộ',
  national_security: 'Vi phạm về an ninh quốc gia',
  defence: 'Vi phạm về quốc phòng',
  foreign_affairs: 'Vi phạm về đối ngoại',
  fake_diploma: 'Sử dụng văn bằng, chứng chỉ không hợp pháp',
};

/** A share of the body's members: strict = "trên" (more than), otherwise "ít nhất" (at least). */
export type VoteShare = { numerator: number; denominator: number; strict: boolean };

export const disciplineDefaults = {
  /**
   * Who may impose which form (docs/domain/discipline.md 🟡, Điều lệ art. 36; 22-QĐ/TW art. 11 carried
   * into 296). Uncertain parts, as defaults: the cell imposes khiển trách / cảnh cáo on its
   * members; the đảng ủy bộ phận and the BTV of a grassroots committee may not discipline; the
   * grassroots committee (BCH) imposes up to cách chức and expels only when delegated
   * (`grassrootsMayExpel`, default false: it proposes, the superior UBKT decides); the UBKT of a
   * grassroots committee khiển trách / cảnh cáo members; the bloc's BCH, BTV and UBKT decide every
   * member form, the BCH and BTV every organisation form (giải tán needs the next level's approval),
   * the UBKT khiển trách / cảnh cáo of subordinate organisations.
   */
  authority: {
    cell: { member: ['khien_trach', 'canh_cao'], organisation: [] },
    sub_committee: { member: [], organisation: [] },
    grassroots_standing: { member: [], organisation: [] },
    grassroots_committee: {
      member: ['khien_trach', 'canh_cao', 'cach_chuc'],
      organisation: ['khien_trach', 'canh_cao'],
    },
    grassroots_inspection: { member: ['khien_trach', 'canh_cao'], organisation: [] },
    upper_standing: {
      member: ['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'],
      organisation: ['khien_trach', 'canh_cao', 'giai_tan'],
    },
    upper_committee: {
      member: ['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'],
      organisation: ['khien_trach', 'canh_cao', 'giai_tan'],
    },
    upper_inspection: {
      member: ['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru'],
      organisation: ['khien_trach', 'canh_cao'],
    },
  } as AuthorityMatrix,
  /** A delegated grassroots committee may expel (§4.2 🟡: "decides (if delegated) or proposes"). */
  grassrootsMayExpel: false,
  /** Limitation periods in years by form (§4.3 ✅); null = no limit. */
  limitationYears: {
    khien_trach: 5,
    canh_cao: 10,
    cach_chuc: 10,
    khai_tru: null,
    giai_tan: null,
  } as Record<DisciplineForm, number | null>,
  /** Lapse after this many months from the announcement (§4.4 ✅), not for khai trừ / giải tán. */
  lapseMonths: 12,
  /** Complaint within this many months of receiving the decision (§4.5 ✅). */
  complaintMonths: 1,
  /** Complaint answered within this many working days at provincial level and below (§4.5 🟡). */
  complaintResolutionWorkingDays: 90,
  /**
   * The vote to dissolve a party organisation (giải tán). The text of the threshold was not found
   * (docs/domain/discipline.md); default: at least two thirds of the deciding body's members, the
   * strictest share the regulation uses for discipline.
   */
  dissolutionVote: { numerator: 2, denominator: 3, strict: false } as VoteShare,
};
export type DisciplineParams = typeof disciplineDefaults;

export const addMonths = (iso: string, months: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
};

/** Whether the deciding body has the power to impose this form on this subject. */
export const checkAuthority = (
  input: { body: DecidingBody; subject: SubjectKind; form: DisciplineForm },
  params: DisciplineParams = disciplineDefaults,
): Check => {
  const allowed = [...params.authority[input.body][input.subject]];
  if (
    input.body === 'grassroots_committee' &&
    input.subject === 'member' &&
    params.grassrootsMayExpel
  )
    allowed.push('khai_tru');
  const body = decidingBodyLabels[input.body];
  const form = disciplineFormLabels[input.form].toLowerCase();
  if (allowed.includes(input.form))
    return {
      ok: true,
      message:
        input.form === 'giai_tan'
          ? `${body} có thẩm quyền quyết định giải tán; cần được cấp ủy cấp trên trực tiếp chuẩn y.`
          : `${body} có thẩm quyền quyết định hình thức ${form}.`,
    };
  if (allowed.length === 0)
    return {
      ok: false,
      message: `${body} không có thẩm quyền thi hành kỷ luật ${input.subject === 'member' ? 'đảng viên' : 'tổ chức đảng'}.`,
    };
  const hint =
    input.form === 'khai_tru' && input.body === 'grassroots_committee'
      ? ' Đảng ủy cơ sở đề nghị; Ủy ban Kiểm tra Đảng ủy cấp trên quyết định.'
      : '';
  return {
    ok: false,
    message: `${body} chỉ có thẩm quyền ${allowed.map((f) => disciplineFormLabels[f].toLowerCase()).join(', ')}; không được quyết định ${form}.${hint}`,
  };
};

/**
 * The limitation period (thời hiệu, §4.3): counted from the violation – its last act, since a new
 * violation within the period restarts it – to the decision. No limit for expulsion / dissolution
 * and, whatever the form, for the grounds in `limitationGrounds`.
 */
export const limitationOf = (
  input: { form: DisciplineForm; violationOn: string; ground: LimitationGround | null },
  params: DisciplineParams = disciplineDefaults,
): { years: number | null; expiresOn: string | null } => {
  const years = input.ground ? null : params.limitationYears[input.form];
  return { years, expiresOn: years == null ? null : addMonths(input.violationOn, years * 12) };
};

export const checkLimitation = (
  input: {
    form: DisciplineForm;
    violationOn: string;
    decidedOn: string;
    ground: LimitationGround | null;
  },
  params: DisciplineParams = disciplineDefaults,
): Check & { expiresOn: string | null } => {
  if (input.violationOn > input.decidedOn)
    return {
      ok: false,
      expiresOn: null,
      message: 'Ngày vi phạm không thể sau ngày quyết định kỷ luật.',
    };
  const { years, expiresOn } = limitationOf(input, params);
  if (years == null || expiresOn == null)
    return {
      ok: true,
      expiresOn: null,
      message: input.ground
        ? `Không áp dụng thời hiệu: ${limitationGroundLabels[input.ground].toLowerCase()}.`
        : `Không áp dụng thời hiệu với hình thức ${disciplineFormLabels[input.form].toLowerCase()}.`,
    };
  if (input.decidedOn >= expiresOn)
    return {
      ok: false,
      expiresOn,
      message: `Đã hết thời hiệu kỷ luật ${disciplineFormLabels[input.form].toLowerCase()} (${years} năm kể từ ngày vi phạm ${formatDate(input.violationOn)}, hết ngày ${formatDate(addMonths(expiresOn, 0))}). Hãy xem xét hình thức khác hoặc căn cứ không áp dụng thời hiệu.`,
    };
  return {
    ok: true,
    expiresOn,
    message: `Còn thời hiệu (${years} năm, đến ngày ${formatDate(expiresOn)}).`,
  };
};

/** The day the decision lapses by itself (§4.4): 12 months after announcement; never for khai trừ / giải tán. */
export const lapseDate = (
  input: { form: DisciplineForm; announcedOn: string | null; decidedOn: string },
  params: DisciplineParams = disciplineDefaults,
): string | null =>
  input.form === 'khai_tru' || input.form === 'giai_tan'
    ? null
    : addMonths(input.announcedOn ?? input.decidedOn, params.lapseMonths);

export type DisciplineState = 'in_force' | 'lapsed' | 'permanent' | 'annulled';
export const disciplineStateLabels: Record<DisciplineState, string> = {
  in_force: 'Đang có hiệu lực',
  lapsed: 'Đã hết hiệu lực (tự động sau 12 tháng)',
  permanent: 'Không có thời hạn',
  annulled: 'Đã bị hủy (giải quyết khiếu nại)',
};

/**
 * The decision's state on a date. It lapses 12 months after announcement "with no appeal and no
 * new violation": a complaint still pending, or a new discipline decided within the 12 months,
 * keeps it in force.
 */
export const disciplineStateOn = (
  input: {
    form: DisciplineForm;
    decidedOn: string;
    announcedOn: string | null;
    annulled: boolean;
    complaintPending: boolean;
    laterDecisionOn: string | null;
  },
  asOf: string,
  params: DisciplineParams = disciplineDefaults,
): DisciplineState => {
  if (input.annulled) return 'annulled';
  const lapse = lapseDate(input, params);
  if (lapse == null) return 'permanent';
  if (asOf < lapse) return 'in_force';
  if (input.complaintPending) return 'in_force';
  if (input.laterDecisionOn && input.laterDecisionOn < lapse) return 'in_force';
  return 'lapsed';
};

/** The last day to complain: 1 month from receiving the decision (§4.5). */
export const complaintDeadline = (
  receivedOn: string,
  params: DisciplineParams = disciplineDefaults,
): string => addMonths(receivedOn, params.complaintMonths);

export const checkComplaint = (
  input: { receivedOn: string; filedOn: string },
  params: DisciplineParams = disciplineDefaults,
): Check & { deadline: string } => {
  const deadline = complaintDeadline(input.receivedOn, params);
  if (input.filedOn < input.receivedOn)
    return {
      ok: false,
      deadline,
      message: 'Ngày khiếu nại không thể trước ngày nhận quyết định kỷ luật.',
    };
  if (input.filedOn > deadline)
    return {
      ok: false,
      deadline,
      message: `Quá thời hạn khiếu nại (1 tháng kể từ ngày nhận quyết định, hết ngày ${formatDate(deadline)}): đơn không được xem xét, giải quyết.`,
    };
  return {
    ok: true,
    deadline,
    message: `Trong thời hạn khiếu nại (đến ngày ${formatDate(deadline)}).`,
  };
};

/** Where the complaint is finally settled (§4.5 ✅): Ban Bí thư for expulsion, UBKTTW otherwise. */
export const finalComplaintLevel = (form: DisciplineForm): string =>
  form === 'khai_tru' ? 'Ban Bí thư' : 'Ủy ban Kiểm tra Trung ương';

// ---------------------------------------------------------------------------------------------
// The vote (biểu quyết). Quy định 22-QĐ/TW (28/7/2021) art. 15, carried into 69-QĐ/TW (6/7/2022)
// art. 15 and into 296-QĐ/TW (30/5/2025): the organisation votes by secret ballot on the form; a
// decision or proposal of khiển trách, cảnh cáo or cách chức of a member, or of khiển trách or cảnh
// cáo of an organisation, needs the votes of MORE THAN HALF of the cell's full members or of the
// body's members; an expulsion needs AT LEAST TWO THIRDS of them to propose it and more than half of
// the members of the competent body that decides. The count is of all members of the body (24-QĐ/TW
// point 9.3: those summoned, less members working elsewhere, exempted members absent, suspended
// ones), not of those present. Dissolution: `dissolutionVote` (text not found, parameter).
// ---------------------------------------------------------------------------------------------

export type VoteTally = {
  /** Full members of the cell, or members of the committee / standing committee / commission. */
  members: number;
  present: number;
  inFavour: number;
  against: number;
};

const moreThanHalf: VoteShare = { numerator: 1, denominator: 2, strict: true };
const twoThirds: VoteShare = { numerator: 2, denominator: 3, strict: false };

/** The share a vote needs: by form, and for an expulsion whether it proposes or decides. */
export const requiredShare = (
  input: { form: DisciplineForm; proposal: boolean },
  params: DisciplineParams = disciplineDefaults,
): VoteShare =>
  input.form === 'giai_tan'
    ? params.dissolutionVote
    : input.form === 'khai_tru' && input.proposal
      ? twoThirds
      : moreThanHalf;

/** The smallest number of votes in favour that meets the share of `members`. */
export const votesNeeded = (share: VoteShare, members: number): number =>
  share.strict
    ? Math.floor((members * share.numerator) / share.denominator) + 1
    : Math.ceil((members * share.numerator) / share.denominator);

const shareLabel = (s: VoteShare): string =>
  s.numerator * 2 === s.denominator
    ? `${s.strict ? 'trên' : 'ít nhất'} một nửa`
    : `${s.strict ? 'trên' : 'ít nhất'} ${s.numerator}/${s.denominator}`;

const voteSource = 'Quy định 22-QĐ/TW Điều 15; 69-QĐ/TW Điều 15';

/** Whether the tally is possible and meets the majority the form needs; null tally = not recorded. */
export const checkVote = (
  input: { form: DisciplineForm; proposal: boolean; body: DecidingBody; vote: VoteTally | null },
  params: DisciplineParams = disciplineDefaults,
): Check & { needed: number | null } => {
  const share = requiredShare(input, params);
  const whose =
    input.body === 'cell' ? 'số đảng viên chính thức của chi bộ' : 'số thành viên của tổ chức đảng';
  const what = `${input.proposal ? 'đề nghị' : 'quyết định'} ${disciplineFormLabels[input.form].toLowerCase()}`;
  if (!input.vote)
    return {
      ok: false,
      needed: null,
      message: `Chưa ghi kết quả biểu quyết: ${what} cần ${shareLabel(share)} ${whose} tán thành (${voteSource}).`,
    };
  const { members, present, inFavour, against } = input.vote;
  const ints = [members, present, inFavour, against];
  if (ints.some((n) => !Number.isInteger(n) || n < 0) || members < 1)
    return { ok: false, needed: null, message: 'Số liệu biểu quyết phải là số nguyên không âm.' };
  if (present > members)
    return {
      ok: false,
      needed: null,
      message: `Số có mặt (${present}) không thể nhiều hơn tổng số (${members}).`,
    };
  if (inFavour + against > present)
    return {
      ok: false,
      needed: null,
      message: `Số tán thành và không tán thành (${inFavour + against}) không thể nhiều hơn số có mặt (${present}).`,
    };
  const needed = votesNeeded(share, members);
  const tally = `${inFavour}/${members} tán thành`;
  if (inFavour < needed)
    return {
      ok: false,
      needed,
      message: `Không đạt đa số theo ${voteSource}: ${what} cần ${shareLabel(share)} ${whose} (ít nhất ${needed}/${members}) tán thành; mới có ${tally}.`,
    };
  return {
    ok: true,
    needed,
    message: `Đạt đa số theo ${voteSource}: ${tally}, cần ${shareLabel(share)} (ít nhất ${needed}/${members}).`,
  };
};

/** All the checks shown before a decision is accepted, in order. */
export const checkDecision = (
  input: {
    subject: SubjectKind;
    standing: Standing | null;
    form: DisciplineForm;
    body: DecidingBody;
    violationOn: string;
    decidedOn: string;
    ground: LimitationGround | null;
    /** The vote, checked when given (null: not recorded yet, which fails the check). */
    vote?: VoteTally | null;
    proposal?: boolean;
  },
  params: DisciplineParams = disciplineDefaults,
): { ok: boolean; checks: Array<{ rule: string; ok: boolean; message: string }> } => {
  const checks = [
    { rule: 'Hình thức kỷ luật', ...checkForm(input.subject, input.standing, input.form) },
    { rule: 'Thẩm quyền', ...checkAuthority(input, params) },
    { rule: 'Thời hiệu', ...checkLimitation(input, params) },
    ...(input.vote === undefined
      ? []
      : [
          {
            rule: 'Biểu quyết',
            ...checkVote({ ...input, proposal: input.proposal ?? false, vote: input.vote }, params),
          },
        ]),
  ].map(({ rule, ok, message }) => ({ rule, ok, message }));
  return { ok: checks.every((c) => c.ok), checks };
};
