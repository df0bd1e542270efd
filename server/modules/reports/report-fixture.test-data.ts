// A filled AnnualReportData for the pure tests (model, DOCX, PDF): Hải Dương-like figures.
import type {
  AnnualReportData,
  FigureValue,
  InspectionFigures,
  ReportFigure,
} from '../../../domain/reports/annual-report';

const ok = (value: number | null): FigureValue => ({ status: 'ok', value });
const figure = (
  key: string,
  label: string,
  current: FigureValue,
  previous: FigureValue | null = null,
  unit: ReportFigure['unit'] = 'count',
): ReportFigure => ({ key, metricCode: key, label, unit, current, previous, recordCount: 0 });

/**
 * Inspection figures of a year: [organisations, members] per group; half the subjects inspected,
 * the rest supervised; 4 members disciplined (3 khiển trách, 1 cảnh cáo).
 */
export const inspectionFigures = (args: {
  committees: [number, number];
  commissions: [number, number];
  year: number;
}): InspectionFigures => {
  const group = ([organisations, members]: [number, number]) => {
    const inspectedOrgs = Math.ceil(organisations / 2);
    const inspectedMembers = Math.ceil(members / 2);
    return {
      all: { organisations, members, total: organisations + members },
      inspected: {
        organisations: inspectedOrgs,
        members: inspectedMembers,
        total: inspectedOrgs + inspectedMembers,
      },
      supervised: {
        organisations: organisations - inspectedOrgs,
        members: members - inspectedMembers,
        total: organisations - inspectedOrgs + members - inspectedMembers,
      },
    };
  };
  return {
    status: 'ok',
    cases: 20,
    groups: { committees: group(args.committees), inspection_commissions: group(args.commissions) },
    discipline: {
      members: 4,
      organisations: 0,
      byForm: [
        { form: 'khiển trách', subjectKind: 'member', count: 3 },
        { form: 'cảnh cáo', subjectKind: 'member', count: 1 },
        { form: 'khiển trách', subjectKind: 'organisation', count: 0 },
      ],
    },
  };
};

export const sampleReportData = (over: Partial<AnnualReportData> = {}): AnnualReportData => ({
  orgUnit: { id: 2, name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', kind: 'upper_committee' },
  year: 2025,
  superiorName: 'ĐẢNG BỘ TỈNH LẠNG SƠN',
  issuerName: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN',
  issuerCode: 'ĐUK',
  selfName: 'Đảng bộ',
  place: 'Lạng Sơn',
  issuedOn: '2025-12-05',
  documentNumber: null,
  figures: Object.fromEntries(
    [
      figure('members.total', 'Tổng số đảng viên', ok(4832), ok(4820)),
      figure('recruitment.admitted', 'Đảng viên kết nạp', ok(139), ok(127)),
      figure('recruitment.recognised', 'Đảng viên được công nhận chính thức', ok(118)),
      figure('members.transferred_in', 'Chuyển đến', ok(56)),
      figure('members.transferred_out', 'Chuyển đi', ok(41)),
      figure('lifecycle.cards_issued', 'Thẻ đảng viên phát', ok(121)),
      figure('lifecycle.badges_awarded', 'Huy hiệu Đảng', ok(87)),
      figure('lifecycle.dues_collected', 'Đảng phí', ok(1234567000), null, 'amount'),
      figure(
        'evaluation.members_good_or_better',
        'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
        { status: 'unavailable', reason: 'phân hệ đánh giá chưa được nối' },
        null,
        'percent',
      ),
      figure(
        'evaluation.grassroots_good_or_better',
        'TCCSĐ hoàn thành tốt nhiệm vụ trở lên',
        { status: 'unavailable', reason: 'phân hệ đánh giá chưa được nối' },
        null,
        'percent',
      ),
      figure(
        'resolutions.cells_disseminated',
        'Chi bộ quán triệt nghị quyết',
        { status: 'unavailable', reason: 'phân hệ nghị quyết chưa được cài đặt' },
        null,
        'percent',
      ),
    ].map((f) => [f.key, f]),
  ),
  admissionTarget: 120,
  nextYearTargets: [
    {
      label: 'Kết nạp đảng viên',
      metricCode: 'recruitment.admitted',
      unit: 'count',
      value: 125,
      text: 'kết nạp 125 đảng viên',
    },
  ],
  keyTasks: { status: 'ok', total: 6, completed: 6, excellent: 2, good: 4 },
  inspection: inspectionFigures({ committees: [12, 33], commissions: [5, 7], year: 2025 }),
  previousInspection: inspectionFigures({ committees: [10, 30], commissions: [5, 5], year: 2024 }),
  massOrganisations: [
    { kind: 'trade_union', label: 'Công đoàn cơ sở', count: 48, members: 5120 },
    { kind: 'youth_union', label: 'Đoàn Thanh niên', count: 30, members: 1210 },
  ],
  recipients: [
    '- Ban Thường vụ Tỉnh ủy (b/c),',
    '- Các TCCSĐ trực thuộc,',
    '- Lưu Văn phòng Đảng ủy.',
  ],
  signer: { authority: 'T/M BAN THƯỜNG VỤ', title: 'BÍ THƯ', name: 'Hoàng Văn Minh' },
  generatedAt: '2025-12-05T08:00:00.000Z',
  ...over,
});
