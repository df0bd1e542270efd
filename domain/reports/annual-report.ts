// The annual party-building report as a document model (outline: docs/domain/annual-report-figures.md; format: document-format.md). The
// server fills `AnnualReportData` from the metric catalogue; this pure builder turns it and the office's
// free text into blocks of inline runs. The DOCX writer, the PDF (from the DOCX) and the browser preview
// all render the same model. Figures are runs that name their figure (so the preview links each number
// to its records); narrative parts only people can write are placeholders, never invented text.
import {
  achievementSentence,
  capitalise,
  comparisonPhrase,
  disciplinePhrase,
  formatCount,
  formatPercentValue,
  inspectionGroupPhrase,
  joinVietnamese,
  keyTasksSentence,
  placeAndDate,
} from './phrasing';

export type FigureValue =
  | {
      status: 'ok';
      value: number | null;
      numerator?: number;
      denominator?: number;
      /**
       * Drafted before the decision is recorded (year-end ratings): the value counts the proposed
       * levels and the report says "dự kiến".
       */
      provisional?: boolean;
    }
  | { status: 'unavailable'; reason: string };

export type ReportFigure = {
  key: string;
  metricCode: string;
  label: string;
  unit: 'count' | 'percent' | 'amount';
  current: FigureValue;
  /** The same figure for year N−1 (null when not asked). */
  previous: FigureValue | null;
  /** How many records stand behind the current value (the evidence appendix lists them). */
  recordCount: number;
};

export type ReportTarget = {
  label: string;
  metricCode: string | null;
  unit: 'count' | 'percent';
  value: number;
  /** How the report states it: "kết nạp 120 đảng viên", "90% trở lên đảng viên …". */
  text: string;
};

export type KeyTaskFigures =
  | {
      status: 'ok';
      total: number;
      completed: number;
      excellent: number;
      good: number;
      /** The ratings are the unit's own, before the year's decision: "dự kiến". */
      provisional?: boolean;
    }
  | { status: 'unavailable'; reason: string };

export type SubjectCount = { organisations: number; members: number; total: number };

/**
 * Inspection, supervision and discipline of the year, as the inspection figures service counts them
 * (server/modules/inspection/figures.service.ts: distinct subjects per group of conducting bodies).
 */
export type InspectionFigures =
  | {
      status: 'ok';
      cases: number;
      groups: Record<
        'committees' | 'inspection_commissions',
        { all: SubjectCount; inspected: SubjectCount; supervised: SubjectCount }
      >;
      discipline: {
        members: number;
        organisations: number;
        /** Decisions per form: "khiển trách" … with the kind of subject. */
        byForm: { form: string; subjectKind: 'member' | 'organisation'; count: number }[];
      };
    }
  | { status: 'unavailable'; reason: string };

export type AnnualReportData = {
  orgUnit: { id: number; name: string; kind: string };
  year: number;
  /** First header line (the superior body), e.g. "ĐẢNG BỘ TỈNH LẠNG SƠN". */
  superiorName: string;
  /** Second header line (the issuing committee), e.g. "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN". */
  issuerName: string;
  issuerCode: string;
  /** "Đảng bộ" or "Chi bộ": how the body calls itself in sentences. */
  selfName: string;
  place: string;
  issuedOn: string;
  /** "Số 12-BC/ĐUK" once issued; null for a draft (printed "Số   -BC/ĐUK"). */
  documentNumber: string | null;
  figures: Record<string, ReportFigure>;
  /** Targets recorded for year N (for progress) and year N+1 (Part 2). */
  admissionTarget: number | null;
  nextYearTargets: ReportTarget[];
  keyTasks: KeyTaskFigures;
  /** Missing in drafts generated before these figures existed. */
  inspection?: InspectionFigures;
  /** The same for year N−1, for the comparison (null when not asked). */
  previousInspection?: InspectionFigures | null;
  massOrganisations: { kind: string; label: string; count: number; members: number }[];
  recipients: string[];
  signer: { authority: string; title: string; name: string };
  generatedAt: string;
};

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'figure'; key: string; text: string }
  | { t: 'missing'; key: string; text: string }
  | { t: 'placeholder'; key: string; text: string; filled: boolean };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; inlines: Inline[] };

export type ReportModel = {
  header: {
    superiorName: string;
    issuerName: string;
    numberText: string;
    placeDate: string;
  };
  typeName: string;
  summary: string[];
  blocks: Block[];
  recipients: string[];
  signer: AnnualReportData['signer'];
};

/** Narrative parts only people can write: key → what the office is asked for. */
export const placeholderPrompts = {
  situation: 'tình hình đặc điểm, thuận lợi, khó khăn trong năm',
  leadership: 'kết quả lãnh đạo các cơ quan, đơn vị thực hiện nhiệm vụ chính trị',
  ideology: 'công tác chính trị, tư tưởng, thực hiện Chỉ thị 05-CT/TW, định hướng dư luận',
  ethics: 'công tác xây dựng Đảng về đạo đức',
  organisation: 'củng cố tổ chức, nâng cao chất lượng sinh hoạt chi bộ, công tác cán bộ',
  inspection: 'nhận xét về công tác kiểm tra, giám sát, thi hành kỷ luật đảng',
  massMobilisation: 'công tác dân vận',
  antiCorruption: 'phòng, chống tham nhũng, lãng phí, tiêu cực',
  office: 'công tác văn phòng, lưu trữ và tài chính đảng',
  massOrganisations:
    'kết quả hoạt động của Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh, Nữ công',
  strengths: 'ưu điểm',
  limitations: 'hạn chế, khuyết điểm',
  causes: 'nguyên nhân của hạn chế',
  lessons: 'bài học kinh nghiệm',
  goals: 'mục tiêu tổng quát năm sau',
  tasks: 'nhiệm vụ, giải pháp trọng tâm năm sau',
  proposals: 'đề xuất, kiến nghị với cấp trên',
} as const;
export type PlaceholderKey = keyof typeof placeholderPrompts;
export const placeholderKeys = Object.keys(placeholderPrompts) as PlaceholderKey[];

export const placeholderText = (key: PlaceholderKey): string =>
  `[Nội dung do Văn phòng bổ sung: ${placeholderPrompts[key]}]`;

/** The title of the report (docs/domain/annual-report-figures.md). */
export const reportTitleLines = (year: number): string[] => [
  `tổng kết công tác xây dựng Đảng năm ${year},`,
  `phương hướng, nhiệm vụ năm ${year + 1}`,
];

const text = (value: string): Inline => ({ t: 'text', text: value });

class Writer {
  constructor(
    private readonly data: AnnualReportData,
    private readonly texts: Partial<Record<string, string>>,
  ) {}
  readonly blocks: Block[] = [];

  heading(level: 1 | 2 | 3, value: string) {
    this.blocks.push({ kind: 'heading', level, text: value });
  }
  paragraph(...inlines: (Inline | string | null | undefined)[]) {
    const runs = inlines
      .filter((i): i is Inline | string => i !== null && i !== undefined && i !== '')
      .map((i) => (typeof i === 'string' ? text(i) : i));
    if (runs.length > 0) this.blocks.push({ kind: 'paragraph', inlines: runs });
  }
  /** The office's text (one paragraph per line) or the marked placeholder. */
  placeholder(key: PlaceholderKey) {
    const written = this.texts[key]?.trim();
    if (written) {
      for (const line of written.split(/\n+/)) {
        if (line.trim())
          this.blocks.push({
            kind: 'paragraph',
            inlines: [{ t: 'placeholder', key, text: line.trim(), filled: true }],
          });
      }
      return;
    }
    this.blocks.push({
      kind: 'paragraph',
      inlines: [{ t: 'placeholder', key, text: placeholderText(key), filled: false }],
    });
  }

  figure(key: string): ReportFigure | undefined {
    return this.data.figures[key];
  }
  /** The current value of a figure when it is known, else null. */
  value(key: string): number | null {
    const f = this.figure(key);
    return f?.current.status === 'ok' ? f.current.value : null;
  }
  /** A run for a figure already phrased, or a marked gap when the figure is not available. */
  run(key: string, phrase: (value: number) => string, provisionalNoun?: string): Inline {
    const f = this.figure(key);
    if (!f) return { t: 'missing', key, text: `[Số liệu chưa có: ${key}]` };
    if (f.current.status !== 'ok' || f.current.value === null)
      return {
        t: 'missing',
        key,
        text: `[Số liệu chưa có: ${f.label.toLocaleLowerCase('vi-VN')}${f.current.status === 'unavailable' ? ` — ${f.current.reason}` : ''}]`,
      };
    const phrased = phrase(f.current.value);
    if (!f.current.provisional) return { t: 'figure', key, text: phrased };
    // Before the decision: the proposed levels, and on how many subjects they stand.
    const base =
      f.current.denominator !== undefined
        ? ` (theo mức tự đánh giá, đề xuất của ${formatCount(f.current.denominator)} ${provisionalNoun ?? 'đối tượng'}, chưa có quyết định)`
        : '';
    return { t: 'figure', key, text: `dự kiến ${phrased}${base}` };
  }
  count(key: string, noun: string) {
    return this.run(key, (v) => `${formatCount(v)} ${noun}`);
  }
  /**
   * A clause about a count: phrased with the number, the real zero's own words ("không có … nào"),
   * or the marked gap when nothing is recorded for the period.
   */
  clause(key: string, phrase: (value: string) => string, zero: string): Inline {
    return this.run(key, (v) => (v === 0 ? zero : phrase(formatCount(v))));
  }
  percent(key: string) {
    return this.run(key, (v) => formatPercentValue(v));
  }
  /** ", tăng 12 đảng viên so với năm 2024" when both years are known. */
  comparison(key: string, noun?: string): Inline | null {
    const f = this.figure(key);
    if (f?.current.status !== 'ok' || f.previous?.status !== 'ok') return null;
    if (f.current.value === null || f.previous.value === null) return null;
    return {
      t: 'figure',
      key,
      text: `, ${comparisonPhrase({
        current: f.current.value,
        previous: f.previous.value,
        previousYear: this.data.year - 1,
        noun,
        unit: f.unit === 'percent' ? 'percent' : 'count',
      })}`,
    };
  }
}

/**
 * "Trong năm, tiếp nhận 12 đề xuất, kiến nghị của tổ chức đảng, đảng viên; đã trả lời 10 kiến nghị; 1 kiến
 * nghị quá hạn chưa trả lời." (docs/domain/proposals.md). Nothing in the register: one marked gap.
 */
const proposalsParagraph = (w: Writer) => {
  if (w.figure('proposals.received')?.current.status !== 'ok') {
    w.paragraph(
      'Tiếp nhận, trả lời đề xuất, kiến nghị: ',
      w.count('proposals.received', 'kiến nghị'),
      '.',
    );
    return;
  }
  const overdue = w.value('proposals.overdue');
  w.paragraph(
    'Trong năm, ',
    w.clause(
      'proposals.received',
      (n) => `tiếp nhận ${n} đề xuất, kiến nghị của tổ chức đảng, đảng viên`,
      'không tiếp nhận đề xuất, kiến nghị nào',
    ),
    '; ',
    w.clause(
      'proposals.answered',
      (n) => `đã trả lời ${n} kiến nghị`,
      'chưa trả lời kiến nghị nào',
    ),
    overdue ? '; ' : null,
    overdue ? w.count('proposals.overdue', 'kiến nghị quá hạn chưa được trả lời') : null,
    '.',
  );
};

/**
 * "Thực hiện Quy định 213-QĐ/TW, 45 đảng viên có nhận xét của chi bộ nơi cư trú, 3 đảng viên chưa có."
 * Nothing recorded for the year: the marked gap.
 */
const residenceParagraph = (w: Writer) =>
  w.paragraph(
    'Thực hiện Quy định số 213-QĐ/TW của Bộ Chính trị về trách nhiệm của đảng viên đang công tác giữ mối liên hệ với tổ chức đảng và nhân dân nơi cư trú: ',
    w.count(
      'residence.members_with_comment',
      'đảng viên có nhận xét của chi ủy, chi bộ nơi cư trú',
    ),
    w.value('residence.members_without_comment')
      ? w.run(
          'residence.members_without_comment',
          (v) => `, ${formatCount(v)} đảng viên chưa có nhận xét`,
        )
      : null,
    '.',
  );

/** Who conducts, as the report of this kind of body names them. */
const inspectionBodies = (kind: string) =>
  kind === 'grassroots_committee' || kind === 'grassroots_cell'
    ? { committees: 'Đảng ủy, chi bộ', inspection_commissions: 'Ủy ban Kiểm tra Đảng ủy' }
    : {
        committees: 'Ban Thường vụ Đảng ủy và cấp ủy cơ sở',
        inspection_commissions: 'Ủy ban Kiểm tra Đảng ủy và ủy ban kiểm tra cơ sở',
      };

/**
 * "Ban Thường vụ … và cấp ủy cơ sở kiểm tra, giám sát chuyên đề và thường xuyên được 45 tổ chức đảng,
 * đảng viên (…); Ủy ban Kiểm tra … kiểm tra, giám sát được 12 tổ chức đảng, đảng viên (…)", then
 * discipline by form. Nothing recorded for the year: the marked gap, never "0".
 */
const inspectionParagraphs = (w: Writer, data: AnnualReportData) => {
  const figures: InspectionFigures = data.inspection ?? {
    status: 'unavailable',
    reason: 'bản nháp lập trước khi có số liệu này, hãy bấm "Lập báo cáo" để tính lại',
  };
  if (figures.status !== 'ok') {
    w.paragraph({
      t: 'missing',
      key: 'inspection',
      text: `[Số liệu chưa có: kiểm tra, giám sát và thi hành kỷ luật đảng — ${figures.reason}]`,
    });
    return;
  }
  const bodies = inspectionBodies(data.orgUnit.kind);
  const previous = data.previousInspection?.status === 'ok' ? data.previousInspection : null;
  const group = (key: 'committees' | 'inspection_commissions', verb: string) =>
    inspectionGroupPhrase({
      who: bodies[key],
      verb,
      ...figures.groups[key],
      previous: previous ? previous.groups[key].all.total : null,
      previousYear: data.year - 1,
    });
  w.paragraph(
    {
      t: 'figure',
      key: 'inspection.subjects.committees',
      text: capitalise(group('committees', 'kiểm tra, giám sát chuyên đề và thường xuyên được')),
    },
    '; ',
    {
      t: 'figure',
      key: 'inspection.subjects.inspection_commissions',
      text: group('inspection_commissions', 'kiểm tra, giám sát được'),
    },
    '. ',
    {
      t: 'figure',
      key: figures.discipline.members > 0 ? 'discipline.members' : 'discipline.organisations',
      text: capitalise(disciplinePhrase(figures.discipline)),
    },
    '.',
  );
};

/**
 * In a congress year (docs/domain/congresses.md): "Lãnh đạo tổ chức thành công đại hội 12 tổ chức cơ sở
 * đảng và 30 chi bộ trực thuộc, đảng bộ bộ phận; 95% đại hội đúng tiến độ; bầu 84 cấp ủy viên (tái cử
 * 60%, nữ 31%, trẻ 12%)". No congress held in the year: nothing, the year is not a congress year.
 */
/**
 * Emulation and commendations (docs/domain/emulation.md): "trong năm triển khai 2 phong trào thi đua,
 * 35 lượt tổ chức đảng và 120 lượt đảng viên đăng ký; 6 mô hình được công nhận. Khen thưởng 4 tổ chức
 * đảng, 18 đảng viên." A register with nothing for the year prints its marked gap, never a zero.
 */
const emulationParagraph = (w: Writer) => {
  const movements = w.value('emulation.movements');
  w.paragraph(
    'Công tác thi đua, khen thưởng: ',
    ...(movements === null
      ? [w.count('emulation.movements', 'phong trào thi đua')]
      : [
          'trong năm triển khai ',
          w.count('emulation.movements', 'phong trào thi đua'),
          ', ',
          w.count('emulation.registered_units', 'lượt tổ chức đảng'),
          ' và ',
          w.count('emulation.registered_members', 'lượt đảng viên'),
          ' đăng ký thi đua; ',
          w.count('emulation.models_recognised', 'mô hình'),
          ' được công nhận',
        ]),
    '. ',
    ...(w.value('commendation.organisations_granted') === null
      ? [w.count('commendation.organisations_granted', 'tổ chức đảng')]
      : [
          'Khen thưởng ',
          w.count('commendation.organisations_granted', 'tổ chức đảng'),
          ', ',
          w.count('commendation.members_granted', 'đảng viên'),
        ]),
    '.',
  );
};

const congressParagraph = (w: Writer) => {
  const grassroots = w.value('congresses.held_grassroots') ?? 0;
  const cells = w.value('congresses.held_cells') ?? 0;
  if (grassroots + cells === 0) return;
  const held = joinVietnamese(
    [
      grassroots > 0 ? `${formatCount(grassroots)} tổ chức cơ sở đảng` : '',
      cells > 0 ? `${formatCount(cells)} chi bộ trực thuộc, đảng bộ bộ phận` : '',
    ].filter(Boolean),
  );
  const elected = w.value('committees.elected');
  const share = (key: string, noun: string) => {
    const v = w.value(key);
    return v === null ? '' : `${noun} ${formatPercentValue(v)}`;
  };
  const shares = [
    share('committees.reelected_share', 'tái cử'),
    share('committees.women_share', 'nữ'),
    share('committees.young_share', 'trẻ'),
  ].filter(Boolean);
  w.paragraph(
    'Công tác đại hội: ',
    {
      t: 'figure',
      key: grassroots > 0 ? 'congresses.held_grassroots' : 'congresses.held_cells',
      text: `lãnh đạo tổ chức thành công đại hội ${held}`,
    },
    w.value('congresses.on_schedule') === null
      ? null
      : w.run('congresses.on_schedule', (v) => `; ${formatPercentValue(v)} đại hội đúng tiến độ`),
    elected
      ? {
          t: 'figure',
          key: 'committees.elected',
          text: `; bầu ${formatCount(elected)} cấp ủy viên${shares.length ? ` (${shares.join(', ')})` : ''}`,
        }
      : null,
    '.',
  );
};

export const buildReportModel = (
  data: AnnualReportData,
  texts: Partial<Record<string, string>> = {},
): ReportModel => {
  const w = new Writer(data, texts);
  const N = data.year;
  const self = data.selfName;

  w.heading(1, `Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM ${N}`);
  w.heading(2, 'I. TÌNH HÌNH CHUNG');
  w.placeholder('situation');

  w.heading(2, 'II. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ');
  if (data.keyTasks.status === 'ok')
    w.paragraph(
      `Năm ${N}, ${self} `,
      { t: 'figure', key: 'keyTasks', text: keyTasksSentence(data.keyTasks) },
      '.',
    );
  else
    w.paragraph({
      t: 'missing',
      key: 'keyTasks',
      text: `[Số liệu chưa có: kết quả thực hiện nhiệm vụ trọng tâm — ${data.keyTasks.reason}]`,
    });
  w.placeholder('leadership');

  w.heading(2, 'III. CÔNG TÁC XÂY DỰNG ĐẢNG');
  w.heading(3, '1. Công tác chính trị, tư tưởng');
  w.paragraph(
    'Tỷ lệ chi bộ tổ chức học tập, quán triệt nghị quyết và ban hành chương trình hành động thực hiện đạt ',
    w.percent('resolutions.cells_disseminated'),
    '.',
  );
  // Political education (docs/domain/education.md, Chỉ thị 05-CT/TW): the education module's figures.
  w.paragraph(
    'Thực hiện Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh và chuyên đề hằng năm: triển khai ',
    w.count('education.programmes', 'chương trình học tập'),
    '; tỷ lệ chi bộ tổ chức học tập, sinh hoạt chuyên đề đạt ',
    w.percent('education.units_with_activities'),
    '; tỷ lệ đảng viên ký cam kết tu dưỡng, rèn luyện đạt ',
    w.percent('education.members_committed'),
    '; ',
    w.clause(
      'education.models_recognised',
      (n) => `${n} mô hình, điển hình được công nhận`,
      'chưa có mô hình, điển hình nào được công nhận',
    ),
    '.',
  );
  w.placeholder('ideology');
  w.heading(3, '2. Công tác xây dựng Đảng về đạo đức');
  w.placeholder('ethics');

  w.heading(3, '3. Công tác tổ chức, cán bộ và đảng viên');
  w.paragraph(
    `Đến cuối năm ${N}, ${self} có `,
    w.count('members.total', 'đảng viên'),
    w.comparison('members.total', 'đảng viên'),
    '.',
  );
  w.placeholder('organisation');
  residenceParagraph(w);
  congressParagraph(w);
  // Recruitment against the target recorded for the year.
  const admitted = w.value('recruitment.admitted');
  w.paragraph(
    'Công tác phát triển đảng viên: trong năm, ',
    admitted === null
      ? w.run('recruitment.admitted', () => '')
      : {
          t: 'figure',
          key: 'recruitment.admitted',
          text: achievementSentence({
            verb: 'kết nạp được',
            actual: admitted,
            noun: 'đảng viên',
            target: data.admissionTarget,
          }),
        },
    w.comparison('recruitment.admitted', 'đảng viên'),
    '; ',
    w.clause(
      'recruitment.recognised',
      (n) => `công nhận đảng viên chính thức cho ${n} đồng chí`,
      'chưa công nhận đảng viên chính thức cho đồng chí nào',
    ),
    '.',
  );
  w.paragraph(
    'Công tác quản lý đảng viên: ',
    w.clause(
      'members.transferred_in',
      (n) => `tiếp nhận sinh hoạt đảng chính thức ${n} đảng viên`,
      'không tiếp nhận sinh hoạt đảng chính thức đảng viên nào',
    ),
    ', ',
    w.clause(
      'members.transferred_out',
      (n) => `chuyển sinh hoạt đảng chính thức đi ${n} đảng viên`,
      'không chuyển sinh hoạt đảng chính thức đi đảng viên nào',
    ),
    '; ',
    w.clause(
      'lifecycle.cards_issued',
      (n) => `phát thẻ đảng viên cho ${n} đồng chí`,
      'chưa phát thẻ đảng viên cho đồng chí nào',
    ),
    '; ',
    w.clause(
      'lifecycle.badges_awarded',
      (n) => `trao Huy hiệu Đảng cho ${n} đồng chí`,
      'không có đồng chí nào được trao Huy hiệu Đảng',
    ),
    '; ',
    w.clause(
      'lifecycle.dues_collected',
      (n) => `thu đảng phí ${n} đồng`,
      'không có khoản đảng phí nào được nộp',
    ),
    '.',
  );
  w.paragraph(
    `Kết quả đánh giá, xếp loại chất lượng năm ${N}: `,
    w.run(
      'evaluation.members_good_or_better',
      (v) => `${formatPercentValue(v)} đảng viên hoàn thành tốt nhiệm vụ trở lên`,
      'đảng viên',
    ),
    '; ',
    w.run(
      'evaluation.grassroots_good_or_better',
      (v) => `${formatPercentValue(v)} tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên`,
      'tổ chức cơ sở đảng',
    ),
    '.',
  );

  w.heading(3, '4. Công tác kiểm tra, giám sát và thi hành kỷ luật đảng');
  inspectionParagraphs(w, data);
  w.placeholder('inspection');
  w.heading(3, '5. Công tác dân vận');
  emulationParagraph(w);
  w.placeholder('massMobilisation');
  w.heading(3, '6. Công tác phòng, chống tham nhũng, lãng phí, tiêu cực');
  w.placeholder('antiCorruption');
  w.heading(3, '7. Công tác văn phòng, lưu trữ và tài chính đảng');
  proposalsParagraph(w);
  w.placeholder('office');

  w.heading(2, 'IV. LÃNH ĐẠO CÁC TỔ CHỨC ĐOÀN THỂ');
  if (data.massOrganisations.length > 0)
    w.paragraph(
      `${self} lãnh đạo `,
      {
        t: 'figure',
        key: 'massOrganisations',
        text: joinVietnamese(
          data.massOrganisations.map(
            (m) =>
              `${formatCount(m.count)} ${m.label.toLocaleLowerCase('vi-VN')} (${formatCount(m.members)} thành viên)`,
          ),
        ),
      },
      '.',
    );
  w.placeholder('massOrganisations');

  w.heading(2, 'V. ĐÁNH GIÁ CHUNG');
  w.heading(3, '1. Ưu điểm');
  w.placeholder('strengths');
  w.heading(3, '2. Hạn chế, khuyết điểm');
  w.placeholder('limitations');
  w.heading(3, '3. Nguyên nhân');
  w.placeholder('causes');
  w.heading(3, '4. Bài học kinh nghiệm');
  w.placeholder('lessons');

  w.heading(1, `Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${N + 1}`);
  w.heading(2, 'I. MỤC TIÊU');
  w.placeholder('goals');
  w.heading(2, 'II. CÁC CHỈ TIÊU CHỦ YẾU');
  if (data.nextYearTargets.length === 0)
    w.paragraph({
      t: 'missing',
      key: 'nextYearTargets',
      text: `[Chưa có chỉ tiêu năm ${N + 1} được ghi nhận trong hệ thống]`,
    });
  for (const [i, target] of data.nextYearTargets.entries())
    w.paragraph(`${i + 1}. `, {
      t: 'figure',
      key: `target.${i}`,
      text: `${capitalise(target.text)}.`,
    });
  w.heading(2, 'III. NHIỆM VỤ, GIẢI PHÁP');
  w.placeholder('tasks');

  w.heading(1, 'Phần thứ ba\nĐỀ XUẤT, KIẾN NGHỊ');
  w.placeholder('proposals');

  return {
    header: {
      superiorName: data.superiorName,
      issuerName: data.issuerName,
      numberText: data.documentNumber ?? `Số      -BC/${data.issuerCode}`,
      placeDate: placeAndDate(data.place, data.issuedOn),
    },
    typeName: 'BÁO CÁO',
    summary: reportTitleLines(N),
    blocks: w.blocks,
    recipients: data.recipients,
    signer: {
      ...data.signer,
      name: texts.signerName?.trim() || data.signer.name || '[Họ và tên người ký]',
    },
  };
};

/** Plain text of a block (tests, search, the CLI's JSON). */
export const blockText = (block: Block): string =>
  block.kind === 'heading' ? block.text : block.inlines.map((i) => i.text).join('');
