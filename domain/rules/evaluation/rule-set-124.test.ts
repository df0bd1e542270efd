import { describe, expect, it } from 'vitest';
import type { CriterionGrade, MemberFacts } from './levels';
import { defaults124, evaluate124, ruleSet124 } from './rule-set-124';
import { defaults132, evaluate132, ruleSet132 } from './rule-set-132';
import { collective, member, tasks } from './test-helpers';

const memberGrades = (task: CriterionGrade, other: CriterionGrade) => ({
  political_ideology: other,
  ethics_lifestyle: other,
  discipline_awareness: other,
  work_style: other,
  task_results: task,
});
const m124 = (over: Partial<MemberFacts> = {}): MemberFacts =>
  member({
    period: { year: 2024, cycle: 'year' },
    scores: undefined,
    grades: memberGrades('xuat_sac', 'tot'),
    tasks: tasks({ exceeded: 5 }),
    ...over,
  });
const m132 = (over: Partial<MemberFacts> = {}): MemberFacts =>
  m124({ period: { year: 2021, cycle: 'year' }, ...over });

describe('124-QĐ/TW + 25-HD/BTCTW (docs/domain/evaluation.md), years 2023–2024', () => {
  it('applies to 2023 and 2024 only', () => {
    expect([2022, 2023, 2024, 2025].map(ruleSet124.appliesTo)).toEqual([false, true, true, false]);
  });
  it.each([
    ['xuat_sac', 'tot', 'HTXSNV'],
    ['xuat_sac', 'xuat_sac', 'HTXSNV'],
    ['tot', 'tot', 'HTTNV'],
    ['xuat_sac', 'trung_binh', 'HTNV'],
    ['trung_binh', 'trung_binh', 'HTNV'],
    ['kem', 'tot', 'KHTNV'],
    ['tot', 'kem', 'KHTNV'],
  ] as const)('"task criteria %s, others %s" → %s', (task, other, level) => {
    expect(evaluate124(m124({ grades: memberGrades(task, other) })).level).toBe(level);
  });
  it.each([
    [4, 'HTTNV'],
    [5, 'HTXSNV'],
  ])(
    '"HTXS individual: 100%% of tasks done, ≥ 50%% exceeded": %s of 10 exceeded → %s',
    (exceeded, level) => {
      expect(evaluate124(m124({ tasks: tasks({ exceeded }) })).level).toBe(level);
    },
  );
  it('"HTXS individual: 100% of tasks done": one task not done is not HTXS', () => {
    expect(evaluate124(m124({ tasks: tasks({ onTime: 9, exceeded: 5 }) })).level).toBe('HTTNV');
  });
  it('"Individual: < 50% of tasks completed" → KHTNV whatever the grades', () => {
    const res = evaluate124(m124({ tasks: tasks({ onTime: 4, exceeded: 0 }) }));
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain('dưới 50%');
  });
  it('"Individual: degeneration in ideology or ethics" → KHTNV', () => {
    expect(evaluate124(m124({ degeneration: true })).level).toBe('KHTNV');
  });
  it('"disciplined during the year … except when the person self-detected the violation and actively remedied it"', () => {
    const d = { form: 'khien_trach' as const, decidedOn: '2024-06-01' };
    expect(evaluate124(m124({ disciplines: [d] })).level).toBe('KHTNV');
    expect(
      evaluate124(m124({ disciplines: [{ ...d, selfDetectedAndRemedied: true }] })).level,
    ).toBe('HTTNV');
  });
  it('"HTXS for a collective (124 art. 12): task criteria Xuất sắc, others Tốt; no subordinate unit and no member disciplined"', () => {
    const grades = {
      political_task: 'xuat_sac',
      party_building: 'tot',
      political_system: 'tot',
      shortcomings: 'tot',
    } as const;
    const base = collective({ period: { year: 2023, cycle: 'year' }, scores: undefined, grades });
    expect(evaluate124(base).level).toBe('HTXSNV');
    expect(evaluate124({ ...base, subordinateOrMemberDisciplined: true }).level).toBe('HTTNV');
    expect(evaluate124({ ...base, subordinateUnits: { total: 5, disciplined: 2 } }).level).toBe(
      'KHTNV',
    );
  });
  it('"Newly admitted < 6 months – 124: exempt from the review"', () => {
    const res = evaluate124(m124({ admittedOn: '2024-07-15' }));
    expect(res.level).toBe('not_rated');
    expect(res.reviewed).toBe(false);
  });
  it('exempted and suspended members are not rated (124 art. 5.2)', () => {
    expect(evaluate124(m124({ exempted: true })).level).toBe('not_rated');
    expect(evaluate124(m124({ suspended: true })).level).toBe('not_rated');
  });
  it('"sick leave ≥ 3 months: maximum HTNV"', () => {
    expect(evaluate124(m124({ sickLeaveMonths: 3 })).level).toBe('HTNV');
  });
  it('a criterion not graded gives "incomplete"', () => {
    const res = evaluate124(m124({ grades: { task_results: 'tot' } }));
    expect(res.level).toBe('incomplete');
    expect(res.missing).toContain('Tư tưởng chính trị');
  });
  it('knows only the yearly cycle ("124 covered only yearly reviews")', () => {
    expect(() =>
      evaluate124(m124({ period: { year: 2024, cycle: 'quarter', quarter: 1 } })),
    ).toThrow('hằng năm');
  });
  it('the 50% exceeded share is a parameter', () => {
    expect(
      evaluate124(m124({ tasks: tasks({ exceeded: 4 }) }), {
        ...defaults124,
        htxsExceededShare: 0.4,
      }).level,
    ).toBe('HTXSNV');
  });
});

describe('132-QĐ/TW + 16-HD, 21-HD/BTCTW (docs/domain/evaluation.md), years up to 2022', () => {
  it('applies to 2022 and earlier', () => {
    expect([2018, 2022, 2023].map(ruleSet132.appliesTo)).toEqual([true, true, false]);
  });
  it('"HTXS (21-HD): task criteria Xuất sắc, all other criteria Tốt or better" – no 50% share', () => {
    expect(evaluate132(m132({ tasks: tasks({ exceeded: 0 }) })).level).toBe('HTXSNV');
    expect(evaluate132(m132({ grades: memberGrades('tot', 'tot') })).level).toBe('HTTNV');
  });
  it('"a member who is a civil servant must also be rated HTXS in the civil-servant evaluation"', () => {
    expect(evaluate132(m132({ civilServant: true, civilServiceLevel: 'HTTNV' })).level).toBe(
      'HTTNV',
    );
  });
  it('"Newly admitted < 6 months – 16/21-HD: still reviewed but not rated"', () => {
    const res = evaluate132(m132({ admittedOn: '2021-09-01' }));
    expect(res.level).toBe('not_rated');
    expect(res.reviewed).toBe(true);
    expect(res.reasons[0]).toContain('16/21-HD');
  });
  it('disciplined in the year: KHTNV, without the 124 exception by default', () => {
    const d = {
      form: 'khien_trach' as const,
      decidedOn: '2021-06-01',
      selfDetectedAndRemedied: true,
    };
    expect(evaluate132(m132({ disciplines: [d] })).level).toBe('KHTNV');
    expect(
      evaluate132(m132({ disciplines: [d] }), { ...defaults132, disciplineException: true }).level,
    ).toBe('HTTNV');
  });
  it('"Collective newly set up < 6 months: not rated" (16/21-HD)', () => {
    const c = collective({
      period: { year: 2022, cycle: 'year' },
      establishedOn: '2022-08-01',
      scores: undefined,
    });
    expect(evaluate132(c).notRatedReason).toBe('newly_established');
  });
});
