import { describe, expect, it } from 'vitest';
import { defaultFrameworks366, type Framework366, validateFramework } from './frameworks-366';
import { defaults366, evaluate366, ruleSet366, score366 } from './rule-set-366';
import { collective, member, scoresFor, tasks } from './test-helpers';

// Rules and sources: docs/domain/evaluation.md (366-QĐ/TW, 43-HD/BTCTW).
describe('366-QĐ/TW bands (docs/domain/evaluation.md, 366 art. 11: "HTXSNV ≥ 90; HTTNV 70 – < 90; HTNV 50 – < 70; KHTNV < 50")', () => {
  it.each([
    [100, 'HTXSNV'],
    [90, 'HTXSNV'],
    [89.9, 'HTTNV'],
    [70, 'HTTNV'],
    [69.9, 'HTNV'],
    [50, 'HTNV'],
    [49.9, 'KHTNV'],
    [0, 'KHTNV'],
  ])('a member with %s points and every hard condition met is %s', (score, level) => {
    const res = evaluate366(member({ scores: scoresFor(score) }));
    expect(res.score).toBe(score);
    expect(res.level).toBe(level);
    expect(res.reasons.join(' ')).toContain('366-QĐ/TW');
  });
  it.each([
    [90, 'HTXSNV'],
    [89.9, 'HTTNV'],
    [70, 'HTTNV'],
    [69.9, 'HTNV'],
    [50, 'HTNV'],
    [49.9, 'KHTNV'],
  ])('a collective (PL1) with %s points is %s', (score, level) => {
    expect(evaluate366(collective({ scores: scoresFor(score, 'PL1') })).level).toBe(level);
  });
  it('the bands are parameters: a committee year with 85 / 65 / 45', () => {
    const params = { ...defaults366, bands: { HTXSNV: 85, HTTNV: 65, HTNV: 45 } };
    expect(evaluate366(member({ scores: scoresFor(86) }), params).level).toBe('HTXSNV');
    expect(evaluate366(member({ scores: scoresFor(46) }), params).level).toBe('HTNV');
  });
  it('the score is 30 common + 70 task points; points above an item maximum are clamped', () => {
    const pl4 = defaultFrameworks366.find((f) => f.code === 'PL4') as Framework366;
    const s = score366(pl4, { ...scoresFor(100), c1: 50, t1: -3 });
    expect(s.common).toBe(30);
    expect(s.tasks).toBe(40);
    expect(s.clamped).toHaveLength(2);
  });
  it('missing item points or task figures give "incomplete", not a level', () => {
    const res = evaluate366(member({ scores: { c1: 8 } }));
    expect(res.level).toBe('incomplete');
    expect(res.missing).toContain('t1 – Khối lượng công việc, sản phẩm hoàn thành');
    expect(evaluate366(member({ tasks: undefined })).level).toBe('incomplete');
  });
});

// Rules and sources: docs/domain/evaluation.md (366-QĐ/TW, 43-HD/BTCTW).
describe('366 hard conditions (docs/domain/evaluation.md)', () => {
  it('"HTXSNV: 100% of tasks done on time": one late task at 95 points drops to HTNV', () => {
    const res = evaluate366(member({ tasks: tasks({ onTime: 9, late: 1 }) }));
    expect(res.level).toBe('HTNV');
    expect(res.reasons.join(' ')).toContain('9/10 nhiệm vụ đúng tiến độ');
  });
  it('"HTTNV: 100% of tasks on time": at 80 points one late task gives HTNV', () => {
    expect(
      evaluate366(member({ scores: scoresFor(80), tasks: tasks({ onTime: 9, late: 1 }) })).level,
    ).toBe('HTNV');
  });
  it.each([
    [2, 'HTTNV'],
    [3, 'HTXSNV'],
  ])('"≥ 30% exceed requirements": %s of 10 exceeded at 95 points gives %s', (exceeded, level) => {
    const res = evaluate366(member({ tasks: tasks({ exceeded }) }));
    expect(res.level).toBe(level);
    if (level === 'HTTNV') expect(res.reasons.join(' ')).toContain('yêu cầu từ 30%');
  });
  it('no task at all cannot exceed 30%: not HTXS', () => {
    expect(evaluate366(member({ tasks: tasks({ total: 0, onTime: 0, exceeded: 0 }) })).level).toBe(
      'HTTNV',
    );
  });
  it.each([
    [2, 'HTNV'],
    [3, 'KHTNV'],
  ])(
    '"HTNV collective: no more than 20% of tasks behind schedule": %s of 10 late gives %s',
    (late, level) => {
      const res = evaluate366(
        collective({ scores: scoresFor(75, 'PL1'), tasks: tasks({ onTime: 10 - late, late }) }),
      );
      expect(res.level).toBe(level);
    },
  );
  it('"HTNV: 100% of tasks completed": one task not done gives KHTNV', () => {
    const res = evaluate366(
      collective({ scores: scoresFor(60, 'PL1'), tasks: tasks({ onTime: 9, late: 0 }) }),
    );
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain('hoàn thành 9/10 nhiệm vụ');
  });
  it('"HTXSNV collective: no subordinate unit and no member of the leadership collective disciplined"', () => {
    const res = evaluate366(collective({ subordinateOrMemberDisciplined: true }));
    expect(res.level).toBe('HTTNV');
    expect(res.reasons.join(' ')).toContain('bị kỷ luật');
  });
  it('"100% of previously pointed-out shortcomings fixed" for HTXS', () => {
    expect(evaluate366(collective({ shortcomings: { total: 4, fixed: 3 } })).level).toBe('HTTNV');
    expect(evaluate366(collective({ shortcomings: { total: 4, fixed: 4 } })).level).toBe('HTXSNV');
  });
  it('"Leaders: the units they directly lead must complete 100% of tasks with ≥ 30% exceeded"', () => {
    const leader = { role: 'leader' as const, scores: scoresFor(95, 'PL3') };
    expect(evaluate366(member({ ...leader, ledUnitTasks: tasks({ exceeded: 1 }) })).level).toBe(
      'HTTNV',
    );
    expect(
      evaluate366(member({ ...leader, ledUnitTasks: tasks({ onTime: 9, late: 1 }) })).level,
    ).toBe('HTNV');
    expect(evaluate366(member({ ...leader, ledUnitTasks: tasks() })).level).toBe('HTXSNV');
  });
  it('a collective disciplined itself, or with more than 20% of subordinate units disciplined, is KHTNV (124, carried over)', () => {
    expect(
      evaluate366(collective({ disciplines: [{ form: 'khien_trach', decidedOn: '2025-04-01' }] }))
        .level,
    ).toBe('KHTNV');
    expect(evaluate366(collective({ subordinateUnits: { total: 10, disciplined: 2 } })).level).toBe(
      'HTXSNV',
    );
    expect(evaluate366(collective({ subordinateUnits: { total: 10, disciplined: 3 } })).level).toBe(
      'KHTNV',
    );
    expect(evaluate366(collective({ seriousDisunity: true })).level).toBe('KHTNV');
  });
});

// Rules and sources: docs/domain/evaluation.md (366-QĐ/TW, 43-HD/BTCTW).
describe('366 special cases (docs/domain/evaluation.md; their parameters set per year)', () => {
  it('"exempted from activities: not reviewed or rated"', () => {
    const res = evaluate366(member({ exempted: true }));
    expect(res.level).toBe('not_rated');
    expect(res.notRatedReason).toBe('exempted');
    expect(res.reasons[0]).toContain('miễn công tác và sinh hoạt đảng');
  });
  it('"suspended: not rated. A committee member suspended only from committee activity is still rated"', () => {
    expect(evaluate366(member({ suspended: true })).notRatedReason).toBe('suspended');
    expect(evaluate366(member({ suspended: true, suspendedFromCommitteeOnly: true })).level).toBe(
      'HTXSNV',
    );
  });
  it.each([
    ['2025-07-01', 'not_rated'],
    ['2025-06-30', 'HTXSNV'],
  ])('"newly admitted < 6 months": admitted %s, reviewed 31/12/2025 → %s', (admittedOn, level) => {
    const res = evaluate366(member({ admittedOn }));
    expect(res.level).toBe(level);
    if (level === 'not_rated') expect(res.reasons[0]).toContain('chưa đủ 6 tháng');
  });
  it('the review date counts: admitted 1/7/2025 and reviewed 5/1/2026 is rated', () => {
    expect(evaluate366(member({ admittedOn: '2025-07-01', asOf: '2026-01-05' })).level).toBe(
      'HTXSNV',
    );
  });
  it.each([
    ['2025-07-01', 'not_rated'],
    ['2025-06-30', 'HTXSNV'],
  ])('"collective newly set up < 6 months: not rated": set up %s → %s', (establishedOn, level) => {
    const res = evaluate366(collective({ establishedOn }));
    expect(res.level).toBe(level);
    if (level === 'not_rated') expect(res.notRatedReason).toBe('newly_established');
  });
  it('"disciplined in the year: KHTNV" whatever the score', () => {
    const res = evaluate366(
      member({ disciplines: [{ form: 'khien_trach', decidedOn: '2025-09-10' }] }),
    );
    expect(res.level).toBe('KHTNV');
    expect(res.reasons.join(' ')).toContain('Bị kỷ luật trong năm 2025');
  });
  it('a discipline decided in another year does not count ("one violation counts only once")', () => {
    expect(
      evaluate366(member({ disciplines: [{ form: 'canh_cao', decidedOn: '2024-12-20' }] })).level,
    ).toBe('HTXSNV');
  });
  it('"except when the person self-detected the violation and actively remedied it": never HTXS', () => {
    const disciplines = [
      { form: 'khien_trach' as const, decidedOn: '2025-03-01', selfDetectedAndRemedied: true },
    ];
    expect(evaluate366(member({ disciplines })).level).toBe('HTTNV');
    expect(
      evaluate366(member({ disciplines }), { ...defaults366, disciplineException: false }).level,
    ).toBe('KHTNV');
  });
  it.each([
    [2, 'HTXSNV'],
    [3, 'HTNV'],
    [6, 'HTNV'],
  ])('"sick leave ≥ 3 months: maximum HTNV": %s months → %s', (sickLeaveMonths, level) => {
    expect(evaluate366(member({ sickLeaveMonths })).level).toBe(level);
  });
  it('maternity leave is not sick leave', () => {
    expect(evaluate366(member({ maternityLeaveMonths: 6 })).level).toBe('HTXSNV');
  });
  it('"civil servant: HTXS needs a civil-servant HTXS; a civil-servant KHTNV means party KHTNV"', () => {
    expect(evaluate366(member({ civilServant: true, civilServiceLevel: 'HTTNV' })).level).toBe(
      'HTTNV',
    );
    expect(evaluate366(member({ civilServant: true, civilServiceLevel: 'HTXSNV' })).level).toBe(
      'HTXSNV',
    );
    expect(
      evaluate366(member({ scores: scoresFor(75), civilServant: true, civilServiceLevel: 'KHTNV' }))
        .level,
    ).toBe('KHTNV');
    const cap = { ...defaults366, civilServiceConsistency: 'cap' as const };
    expect(evaluate366(member({ civilServant: true, civilServiceLevel: 'HTNV' }), cap).level).toBe(
      'HTNV',
    );
  });
  it('"two consecutive KHTNV years": the second KHTNV carries a removal flag', () => {
    const res = evaluate366(member({ scores: scoresFor(40), previousLevel: 'KHTNV' }));
    expect(res.level).toBe('KHTNV');
    expect(res.removalFlag?.reason).toContain('2 năm liền (2024 và 2025)');
    expect(evaluate366(member({ scores: scoresFor(40), previousLevel: 'HTNV' })).removalFlag).toBe(
      undefined,
    );
  });
});

describe('366 cycles: "per term, yearly, quarterly or ad hoc"', () => {
  it('a quarter counts the disciplines decided in that quarter only', () => {
    const disciplines = [{ form: 'khien_trach' as const, decidedOn: '2026-05-10' }];
    const q1 = member({ period: { year: 2026, cycle: 'quarter', quarter: 1 }, disciplines });
    const q2 = member({ period: { year: 2026, cycle: 'quarter', quarter: 2 }, disciplines });
    expect(evaluate366(q1).level).toBe('HTXSNV');
    expect(evaluate366(q2).level).toBe('KHTNV');
    expect(evaluate366(q2).reasons.join(' ')).toContain('quý 2/2026');
  });
  it('a term needs its dates', () => {
    expect(() => evaluate366(member({ period: { year: 2030, cycle: 'term' } }))).toThrow(
      'nhiệm kỳ',
    );
    const term = member({
      period: { year: 2030, cycle: 'term', from: '2025-10-01', to: '2030-09-30' },
    });
    expect(evaluate366(term).reasons[0]).toContain('nhiệm kỳ 2025–2030');
  });
  it('applies to 2025 and later', () => {
    expect(ruleSet366.appliesTo(2024)).toBe(false);
    expect(ruleSet366.appliesTo(2025)).toBe(true);
    expect(ruleSet366.appliesTo(2031)).toBe(true);
  });
});

// Rules and sources: docs/domain/evaluation.md (366-QĐ/TW, 43-HD/BTCTW).
describe('366 criteria frameworks (docs/domain/evaluation.md: five appendices, 30 + 70 points; Công văn 10072-CV/BTCTW)', () => {
  it('ships PL1–PL5, each 30 common + 70 task points, marked as the editable default', () => {
    expect(defaultFrameworks366.map((f) => f.code)).toEqual(['PL1', 'PL2', 'PL3', 'PL4', 'PL5']);
    for (const f of defaultFrameworks366) {
      expect(validateFramework(f)).toEqual([]);
      expect(f.origin).toBe('default');
      expect(f.note).toContain('10072-CV/BTCTW');
    }
  });
  it('picks PL1 for collectives and PL2–PL5 by the member’s role', () => {
    expect(evaluate366(collective()).reasons[0]).toContain('PL1');
    expect(
      evaluate366(member({ role: 'outside_system', scores: scoresFor(95, 'PL5') })).reasons[0],
    ).toContain('PL5');
  });
  it('a committee’s own framework replaces the default', () => {
    const own: Framework366 = {
      code: 'DU-2025',
      name: 'Bộ tiêu chí của Đảng ủy năm 2025',
      appliesTo: 'Đảng viên',
      origin: 'committee',
      note: '',
      groups: [
        {
          code: 'common',
          name: 'Chung',
          maxPoints: 30,
          items: [{ code: 'a', name: 'A', maxPoints: 30 }],
        },
        {
          code: 'tasks',
          name: 'Nhiệm vụ',
          maxPoints: 70,
          items: [{ code: 'b', name: 'B', maxPoints: 70 }],
        },
      ],
    };
    expect(validateFramework(own)).toEqual([]);
    const params = { ...defaults366, frameworks: [...defaults366.frameworks, own] };
    const res = evaluate366(member({ frameworkCode: 'DU-2025', scores: { a: 25, b: 60 } }), params);
    expect(res.score).toBe(85);
    expect(res.level).toBe('HTTNV');
  });
  it('rejects a framework whose items do not add up to its group', () => {
    const bad = structuredClone(defaultFrameworks366[0]);
    bad.groups[1].items[0].maxPoints = 25;
    expect(validateFramework(bad)[0]).toContain('khác điểm tối đa');
  });
});
