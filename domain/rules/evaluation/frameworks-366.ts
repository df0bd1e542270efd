// The criteria frameworks of Quy định 366-QĐ/TW (30/8/2025), appendices PL1–PL5: a 100-point
// scale of 30 points of common criteria and 70 points of task results (366-QĐ/TW; docs/domain/evaluation.md ✅).
//
// What is known (✅): the five frameworks and whom they cover, the 30 / 70 split, and that the
// task criteria stress measurable products, quantity, deadline and quality. What is NOT in our
// reference: the item list of each appendix and the points of each item. Công văn 10072-CV/BTCTW
// (6/11/2025) asks every committee to build its own criteria set following 366 / 43-HD. So the
// items below are the COMMITTEE'S EDITABLE DEFAULT – a reasonable structure built on the criteria
// groups named in 366 and the older rules – not the text of the appendices. A committee replaces
// them with its own set (same shape) in the year's parameters.
import type { MemberRole, SubjectFacts } from './levels';

export const frameworkCodes = ['PL1', 'PL2', 'PL3', 'PL4', 'PL5'] as const;
export type FrameworkCode = (typeof frameworkCodes)[number];

export type FrameworkItem = { code: string; name: string; maxPoints: number };
export type FrameworkGroup = {
  code: 'common' | 'tasks';
  name: string;
  maxPoints: number;
  items: FrameworkItem[];
};
export type Framework366 = {
  /** PL1–PL5 for the defaults; a committee's own set may use any code. */
  code: string;
  name: string;
  /** Who it covers. */
  appliesTo: string;
  /** 'default': shipped with the software, editable; 'committee': built by the upper committee. */
  origin: 'default' | 'committee';
  note: string;
  groups: [FrameworkGroup, FrameworkGroup];
};

const DEFAULT_NOTE =
  'Khung mặc định của phần mềm (cấp ủy chỉnh sửa theo Công văn 10072-CV/BTCTW); tổng 30 điểm tiêu chí chung và 70 điểm kết quả thực hiện nhiệm vụ theo 366-QĐ/TW. Danh mục và điểm từng tiêu chí chưa đối chiếu với phụ lục của Quy định.';

const individualCommon = (extra?: FrameworkItem): FrameworkGroup => ({
  code: 'common',
  name: 'Tiêu chí chung',
  maxPoints: 30,
  items: [
    { code: 'c1', name: 'Chính trị, tư tưởng', maxPoints: extra ? 6 : 8 },
    { code: 'c2', name: 'Phẩm chất đạo đức, lối sống', maxPoints: extra ? 6 : 8 },
    { code: 'c3', name: 'Ý thức tổ chức kỷ luật', maxPoints: extra ? 6 : 8 },
    { code: 'c4', name: 'Tác phong, lề lối làm việc', maxPoints: extra ? 6 : 6 },
    ...(extra ? [extra] : []),
  ],
});

export const defaultFrameworks366: Framework366[] = [
  {
    code: 'PL1',
    name: 'Khung tiêu chí đánh giá tập thể',
    appliesTo:
      'Cấp ủy, tổ chức đảng; tập thể lãnh đạo, quản lý cơ quan, đơn vị; Mặt trận Tổ quốc và các đoàn thể',
    origin: 'default',
    note: DEFAULT_NOTE,
    groups: [
      {
        code: 'common',
        name: 'Tiêu chí chung',
        maxPoints: 30,
        items: [
          { code: 'c1', name: 'Chính trị, tư tưởng; đoàn kết nội bộ', maxPoints: 8 },
          {
            code: 'c2',
            name: 'Thực hiện nguyên tắc tập trung dân chủ, quy chế làm việc',
            maxPoints: 8,
          },
          { code: 'c3', name: 'Xây dựng tổ chức, đội ngũ; công tác cán bộ', maxPoints: 6 },
          {
            code: 'c4',
            name: 'Kiểm tra, giám sát; phòng, chống tham nhũng, lãng phí, tiêu cực',
            maxPoints: 5,
          },
          { code: 'c5', name: 'Khắc phục hạn chế, khuyết điểm đã được chỉ ra', maxPoints: 3 },
        ],
      },
      {
        code: 'tasks',
        name: 'Kết quả thực hiện nhiệm vụ',
        maxPoints: 70,
        items: [
          {
            code: 't1',
            name: 'Số lượng chỉ tiêu, nhiệm vụ trọng tâm được giao hoàn thành',
            maxPoints: 30,
          },
          { code: 't2', name: 'Tiến độ thực hiện nhiệm vụ', maxPoints: 15 },
          { code: 't3', name: 'Chất lượng, hiệu quả, sản phẩm cụ thể', maxPoints: 15 },
          { code: 't4', name: 'Đổi mới, sáng tạo; nhiệm vụ đột xuất', maxPoints: 10 },
        ],
      },
    ],
  },
  {
    code: 'PL2',
    name: 'Khung tiêu chí đánh giá cán bộ thuộc diện Trung ương, Bộ Chính trị, Ban Bí thư quản lý',
    appliesTo: 'Cán bộ thuộc diện Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư quản lý',
    origin: 'default',
    note: DEFAULT_NOTE,
    groups: [
      individualCommon({ code: 'c5', name: 'Trách nhiệm nêu gương', maxPoints: 6 }),
      {
        code: 'tasks',
        name: 'Kết quả thực hiện nhiệm vụ',
        maxPoints: 70,
        items: [
          { code: 't1', name: 'Kết quả thực hiện nhiệm vụ của cá nhân', maxPoints: 20 },
          {
            code: 't2',
            name: 'Kết quả của lĩnh vực, địa phương, cơ quan, đơn vị được giao phụ trách',
            maxPoints: 30,
          },
          { code: 't3', name: 'Năng lực lãnh đạo, chỉ đạo, điều hành', maxPoints: 10 },
          { code: 't4', name: 'Đổi mới, sáng tạo; xử lý vấn đề khó, phức tạp', maxPoints: 10 },
        ],
      },
    ],
  },
  {
    code: 'PL3',
    name: 'Khung tiêu chí đánh giá cá nhân giữ chức vụ lãnh đạo, quản lý',
    appliesTo: 'Người giữ chức vụ lãnh đạo, quản lý các cấp (ngoài diện PL2)',
    origin: 'default',
    note: DEFAULT_NOTE,
    groups: [
      individualCommon({ code: 'c5', name: 'Trách nhiệm nêu gương', maxPoints: 6 }),
      {
        code: 'tasks',
        name: 'Kết quả thực hiện nhiệm vụ',
        maxPoints: 70,
        items: [
          { code: 't1', name: 'Kết quả thực hiện nhiệm vụ của cá nhân', maxPoints: 25 },
          {
            code: 't2',
            name: 'Kết quả của lĩnh vực, cơ quan, đơn vị trực tiếp phụ trách',
            maxPoints: 25,
          },
          { code: 't3', name: 'Năng lực lãnh đạo, quản lý, quy tụ, đoàn kết', maxPoints: 10 },
          { code: 't4', name: 'Đổi mới, sáng tạo; nhiệm vụ đột xuất', maxPoints: 10 },
        ],
      },
    ],
  },
  {
    code: 'PL4',
    name: 'Khung tiêu chí đánh giá cá nhân không giữ chức vụ lãnh đạo, quản lý',
    appliesTo: 'Cán bộ, công chức, viên chức, người lao động không giữ chức vụ lãnh đạo, quản lý',
    origin: 'default',
    note: DEFAULT_NOTE,
    groups: [
      individualCommon(),
      {
        code: 'tasks',
        name: 'Kết quả thực hiện nhiệm vụ',
        maxPoints: 70,
        items: [
          { code: 't1', name: 'Khối lượng công việc, sản phẩm hoàn thành', maxPoints: 30 },
          { code: 't2', name: 'Tiến độ, thời hạn hoàn thành', maxPoints: 20 },
          { code: 't3', name: 'Chất lượng, hiệu quả công việc', maxPoints: 15 },
          { code: 't4', name: 'Đổi mới, sáng tạo; nhiệm vụ đột xuất', maxPoints: 5 },
        ],
      },
    ],
  },
  {
    code: 'PL5',
    name: 'Khung tiêu chí đánh giá đảng viên không công tác trong hệ thống chính trị',
    appliesTo:
      'Đảng viên nghỉ hưu, sinh hoạt ở nơi cư trú, làm việc ở doanh nghiệp, khu vực ngoài nhà nước',
    origin: 'default',
    note: DEFAULT_NOTE,
    groups: [
      individualCommon(),
      {
        code: 'tasks',
        name: 'Kết quả thực hiện nhiệm vụ',
        maxPoints: 70,
        items: [
          { code: 't1', name: 'Thực hiện nhiệm vụ được chi bộ phân công', maxPoints: 30 },
          {
            code: 't2',
            name: 'Chấp hành chủ trương, pháp luật; gương mẫu nơi cư trú, nơi làm việc',
            maxPoints: 20,
          },
          {
            code: 't3',
            name: 'Tham gia công tác, phong trào ở địa phương, cơ sở',
            maxPoints: 20,
          },
        ],
      },
    ],
  },
];

/** The default framework for a subject: PL1 for collectives, PL2–PL5 by the member's role. */
export const defaultFrameworkCode = (facts: SubjectFacts): FrameworkCode => {
  if (facts.kind !== 'member') return 'PL1';
  const byRole: Record<MemberRole, FrameworkCode> = {
    central_cadre: 'PL2',
    leader: 'PL3',
    staff: 'PL4',
    outside_system: 'PL5',
  };
  return byRole[facts.role ?? 'staff'];
};

/** Errors in a framework: group maxima must equal the sum of their items and 30 / 70. */
export const validateFramework = (
  framework: Framework366,
  points: { common: number; tasks: number } = { common: 30, tasks: 70 },
): string[] => {
  const errors: string[] = [];
  const codes = new Set<string>();
  for (const group of framework.groups) {
    const sum = group.items.reduce((s, i) => s + i.maxPoints, 0);
    if (Math.abs(sum - group.maxPoints) > 1e-9)
      errors.push(
        `${framework.code} – ${group.name}: tổng điểm các tiêu chí (${sum}) khác điểm tối đa của nhóm (${group.maxPoints}).`,
      );
    if (group.maxPoints !== points[group.code])
      errors.push(
        `${framework.code} – ${group.name}: điểm tối đa phải là ${points[group.code]} theo 366-QĐ/TW.`,
      );
    for (const item of group.items) {
      if (codes.has(item.code))
        errors.push(`${framework.code}: mã tiêu chí "${item.code}" bị trùng.`);
      codes.add(item.code);
      if (!(item.maxPoints > 0))
        errors.push(`${framework.code}: tiêu chí "${item.name}" phải có điểm tối đa dương.`);
    }
  }
  return errors;
};
