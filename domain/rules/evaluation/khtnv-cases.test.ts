import { describe, expect, it } from 'vitest';
import { type KhtnvCaseCode, recordableCases } from './khtnv-cases';
import type { CollectiveFacts, CriterionGrade } from './levels';
import { defaults124, evaluate124 } from './rule-set-124';
import { defaults132, evaluate132 } from './rule-set-132';
import { defaults366, evaluate366 } from './rule-set-366';
import { collective, member, tasks } from './test-helpers';

const collectiveGrades = (g: CriterionGrade) => ({
  political_task: g,
  party_building: g,
  political_system: g,
  shortcomings: g,
});
const org = (year: number, over: Partial<CollectiveFacts> = {}): CollectiveFacts =>
  collective({
    period: { year, cycle: 'year' },
    scores: undefined,
    grades: collectiveGrades('tot'),
    ...over,
  });
const memberGrades = {
  political_ideology: 'tot',
  ethics_lifestyle: 'tot',
  discipline_awareness: 'tot',
  work_style: 'tot',
  task_results: 'tot',
} as const;

describe('124-QĐ/TW Điều 12 (2023–2024): "chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ … và có các chỉ tiêu chủ yếu không đạt kế hoạch giao (trừ trường hợp bất khả kháng)"', () => {
  it('a collective with 4 of 10 targets met is not KHTNV on the figures alone: the main targets and force majeure are for the reviewer', () => {
    const res = evaluate124(org(2024, { tasks: tasks({ onTime: 4, exceeded: 0 }) }));
    expect(res.level).toBe('HTTNV');
    expect(res.khtnvCases).toBeUndefined();
    expect(res.reasons.join(' ')).toContain('chỉ tiêu chủ yếu');
  });
  it('recorded at the meeting ("and the main targets missed"), the case forces KHTNV and quotes the regulation', () => {
    const res = evaluate124(
      org(2024, { tasks: tasks({ onTime: 4, exceeded: 0 }), khtnvCases: ['tasks_under_half'] }),
    );
    expect(res.level).toBe('KHTNV');
    expect(res.khtnvCases).toEqual(['tasks_under_half']);
    expect(res.reasons.join(' ')).toContain(
      '“Chỉ hoàn thành dưới 50% số chỉ tiêu, nhiệm vụ theo chương trình, kế hoạch được cấp có thẩm quyền giao, phê duyệt trong năm và có các chỉ tiêu chủ yếu không đạt kế hoạch giao (trừ trường hợp bất khả kháng)”',
    );
    expect(res.reasons.join(' ')).toContain('124-QĐ/TW, Điều 12');
  });
});

describe('124-QĐ/TW Điều 12: the collective cases', () => {
  it.each<[KhtnvCaseCode, string]>([
    ['subordinate_violation', 'Có đơn vị trực thuộc xảy ra vụ việc tham nhũng, lãng phí, tiêu cực'],
    ['disunity', 'mất đoàn kết nội bộ'],
    ['member_degenerate', 'Có thành viên suy thoái'],
  ])('"%s" recorded by the reviewer → KHTNV even with Xuất sắc grades', (code, words) => {
    const res = evaluate124(
      org(2023, { grades: collectiveGrades('xuat_sac'), khtnvCases: [code] }),
    );
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain(words);
  });
  it('"tập thể lãnh đạo, quản lý bị xử lý kỷ luật" is found in the discipline register', () => {
    const res = evaluate124(
      org(2023, { disciplines: [{ form: 'khien_trach', decidedOn: '2023-05-02' }] }),
    );
    expect(res.level).toBe('KHTNV');
    expect(res.khtnvCases).toEqual(['collective_disciplined']);
  });
  it('"trên 20% số đơn vị trực thuộc bị kỷ luật": 2 of 10 is not above 20%, 3 of 10 is', () => {
    expect(evaluate124(org(2023, { subordinateUnits: { total: 10, disciplined: 2 } })).level).toBe(
      'HTTNV',
    );
    expect(evaluate124(org(2023, { subordinateUnits: { total: 10, disciplined: 3 } })).level).toBe(
      'KHTNV',
    );
  });
  it('a subordinate unit disciplined is a hint to the reviewer (the exception "tự phát hiện và khắc phục xong hậu quả" is theirs to judge)', () => {
    const res = evaluate124(org(2023, { subordinateUnits: { total: 10, disciplined: 1 } }));
    expect(res.level).toBe('HTTNV');
    expect(res.reasons.join(' ')).toContain('đánh dấu trường hợp này');
  });
  it('the review form offers the recorded collective cases with the regulation’s words', () => {
    expect(recordableCases(defaults124.khtnvCases, 'cell').map((c) => c.code)).toEqual([
      'subordinate_violation',
      'tasks_under_half',
      'disunity',
      'member_degenerate',
    ]);
  });
});

describe('124-QĐ/TW Điều 12: the individual cases', () => {
  const m = (over = {}) =>
    member({
      period: { year: 2024, cycle: 'year' },
      scores: undefined,
      grades: memberGrades,
      ...over,
    });
  it.each<[KhtnvCaseCode, string]>([
    ['forbidden_acts', 'Vi phạm những điều đảng viên không được làm'],
    ['example_duty', 'Vi phạm trách nhiệm nêu gương'],
    ['degeneration', 'suy thoái về tư tưởng chính trị'],
    ['led_unit_under_half', 'do mình trực tiếp lãnh đạo, quản lý chỉ hoàn thành dưới 50%'],
  ])('"%s" recorded → KHTNV, with the regulation’s words', (code, words) => {
    const res = evaluate124(m({ khtnvCases: [code] }));
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain(words);
  });
  it('a leader whose unit met fewer than half its targets gets a hint, not a forced level', () => {
    const res = evaluate124(m({ role: 'leader', ledUnitTasks: tasks({ onTime: 3, exceeded: 0 }) }));
    expect(res.level).toBe('HTTNV');
    expect(res.reasons.join(' ')).toContain('Đơn vị trực tiếp phụ trách hoàn thành 3/10');
  });
  it('the older "degeneration" flag still counts as the recorded case', () => {
    expect(evaluate124(m({ degeneration: true })).khtnvCases).toEqual(['degeneration']);
  });
});

describe('132-QĐ/TW Điều 12 khoản 4 and 21-HD/BTCTW (2018–2022) keep their own list', () => {
  it('"các chỉ tiêu chủ yếu không đạt 100%" is 132’s wording of the 50% case', () => {
    const res = evaluate132(org(2020, { khtnvCases: ['tasks_under_half'] }));
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain('các chỉ tiêu chủ yếu không đạt 100%');
    expect(res.reasons.join(' ')).toContain('132-QĐ/TW, Điều 12 khoản 4');
  });
  it('"có thành viên của tập thể lãnh đạo, quản lý bị xử lý kỷ luật từ cảnh cáo trở lên" (21-HD) exists only under 132', () => {
    const codes = (p: typeof defaults132.khtnvCases) => p.cases.map((c) => c.code);
    expect(codes(defaults132.khtnvCases)).toContain('leadership_member_disciplined');
    expect(codes(defaults124.khtnvCases)).not.toContain('leadership_member_disciplined');
  });
  it('"vi phạm những điều đảng viên không được làm" and "nêu gương" came with 124: a 2021 record cannot force them', () => {
    const res = evaluate132(
      member({
        period: { year: 2021, cycle: 'year' },
        scores: undefined,
        grades: memberGrades,
        khtnvCases: ['forbidden_acts'],
      }),
    );
    expect(res.level).toBe('HTTNV');
  });
  it('a member who completed fewer than half the tasks is KHTNV (21-HD: "chỉ hoàn thành dưới 50% chỉ tiêu, nhiệm vụ công tác được giao trong năm")', () => {
    const res = evaluate132(
      member({
        period: { year: 2021, cycle: 'year' },
        scores: undefined,
        grades: memberGrades,
        tasks: tasks({ onTime: 4, exceeded: 0 }),
      }),
    );
    expect(res.level).toBe('KHTNV');
    expect(res.khtnvCases).toEqual(['member_tasks_under_half']);
  });
});

describe('366-QĐ/TW (2025 on): 124’s cases carried over as a parameter', () => {
  it('a collective with 95 points and a member found degenerate is KHTNV, citing the carried-over list', () => {
    const res = evaluate366(collective({ khtnvCases: ['member_degenerate'] }));
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain('giữ lại khi áp dụng 366-QĐ/TW');
  });
  it('an administrator can drop a case for a year (the list is a parameter)', () => {
    const params = {
      ...defaults366,
      khtnvCases: {
        ...defaults366.khtnvCases,
        cases: defaults366.khtnvCases.cases.filter((c) => c.code !== 'member_degenerate'),
      },
    };
    expect(evaluate366(collective({ khtnvCases: ['member_degenerate'] }), params).level).toBe(
      'HTXSNV',
    );
  });
});
