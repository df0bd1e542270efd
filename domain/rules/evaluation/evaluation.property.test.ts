import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CriterionGrade,
  criterionGrades,
  type DisciplineFact,
  gradeRank,
  levelRank,
  type MemberFacts,
  type QualityLevel,
} from './levels';
import { defaults124, evaluate124 } from './rule-set-124';
import { defaults366, evaluate366 } from './rule-set-366';
import { evaluate } from './rule-sets';
import { member, scoresFor } from './test-helpers';

const taskFacts = fc
  .record({
    total: fc.integer({ min: 0, max: 20 }),
    onTimeShare: fc.double({ min: 0, max: 1, noNaN: true }),
    lateShare: fc.double({ min: 0, max: 1, noNaN: true }),
    exceededShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ total, onTimeShare, lateShare, exceededShare }) => {
    const onTime = Math.floor(total * onTimeShare);
    const late = Math.floor((total - onTime) * lateShare);
    return { total, onTime, late, exceeded: Math.floor((onTime + late) * exceededShare) };
  });

const conditions = fc.record({
  tasks: taskFacts,
  sickLeaveMonths: fc.integer({ min: 0, max: 12 }),
  civilServant: fc.boolean(),
  civilServiceLevel: fc.constantFrom<QualityLevel>('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'),
  degeneration: fc.boolean(),
  role: fc.constantFrom('staff' as const, 'leader' as const),
  disciplined: fc.boolean(),
  selfDetected: fc.boolean(),
});
type Conditions = typeof conditions extends fc.Arbitrary<infer T> ? T : never;

const factsOf = (c: Conditions, over: Partial<MemberFacts>): MemberFacts =>
  member({
    role: c.role,
    tasks: c.tasks,
    sickLeaveMonths: c.sickLeaveMonths,
    civilServant: c.civilServant,
    civilServiceLevel: c.civilServiceLevel,
    degeneration: c.degeneration,
    disciplines: c.disciplined
      ? [{ form: 'khien_trach', decidedOn: '2025-06-01', selfDetectedAndRemedied: c.selfDetected }]
      : [],
    ...over,
  });

const rank = (level: string): number => levelRank[level as QualityLevel];
const tenths = fc.integer({ min: 0, max: 1000 }).map((n) => n / 10);

describe('properties of the engine (fast-check)', () => {
  it('366: a higher score never gives a lower level under the same conditions', () => {
    fc.assert(
      fc.property(conditions, tenths, tenths, (c, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const code = c.role === 'leader' ? 'PL3' : 'PL4';
        const lo = evaluate366(factsOf(c, { scores: scoresFor(low, code) }));
        const hi = evaluate366(factsOf(c, { scores: scoresFor(high, code) }));
        expect(rank(hi.level)).toBeGreaterThanOrEqual(rank(lo.level));
      }),
      { numRuns: 500 },
    );
  });

  it('124: better grades never give a lower level under the same conditions', () => {
    const codes = defaults124.criteria.member.map((cr) => cr.code);
    const grades = fc.array(fc.constantFrom(...criterionGrades), {
      minLength: codes.length,
      maxLength: codes.length,
    });
    fc.assert(
      fc.property(conditions, grades, grades, (c, g1, g2) => {
        const worse = codes.map((_, i) => (gradeRank[g1[i]] <= gradeRank[g2[i]] ? g1[i] : g2[i]));
        const better = codes.map((_, i) => (gradeRank[g1[i]] > gradeRank[g2[i]] ? g1[i] : g2[i]));
        const period = { year: 2024, cycle: 'year' as const };
        const asMap = (g: CriterionGrade[]): Record<string, CriterionGrade> =>
          Object.fromEntries(codes.map((k, i) => [k, g[i]]));
        const disciplines: DisciplineFact[] = c.disciplined
          ? [{ form: 'canh_cao', decidedOn: '2024-06-01', selfDetectedAndRemedied: c.selfDetected }]
          : [];
        const lo = evaluate124(factsOf(c, { period, disciplines, grades: asMap(worse) }));
        const hi = evaluate124(factsOf(c, { period, disciplines, grades: asMap(better) }));
        expect(rank(hi.level)).toBeGreaterThanOrEqual(rank(lo.level));
      }),
      { numRuns: 500 },
    );
  });

  it('not-rated subjects never get a level, in any year', () => {
    const notRated = fc.constantFrom<Partial<MemberFacts>>(
      { exempted: true },
      { suspended: true },
      { admittedOn: '2025-10-01' },
    );
    fc.assert(
      fc.property(
        conditions,
        notRated,
        fc.integer({ min: 2018, max: 2030 }),
        tenths,
        (c, status, year, score) => {
          const admittedOn = status.admittedOn != null ? `${year}-10-01` : '2000-01-01';
          const facts = factsOf(c, {
            ...status,
            admittedOn,
            period: { year, cycle: 'year' },
            scores: scoresFor(score),
            grades: Object.fromEntries(
              defaults124.criteria.member.map((cr) => [cr.code, 'xuat_sac' as const]),
            ),
          });
          const res = evaluate(year, facts);
          expect(res.level).toBe('not_rated');
          expect(res.notRatedReason).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a member disciplined in the year is never above KHTNV unless the exception applies', () => {
    fc.assert(
      fc.property(
        conditions,
        tenths,
        fc.boolean(),
        fc.constantFrom('khien_trach' as const, 'canh_cao' as const, 'cach_chuc' as const),
        (c, score, exceptionOn, form) => {
          const params = { ...defaults366, disciplineException: exceptionOn };
          const facts = factsOf(c, {
            scores: scoresFor(score, c.role === 'leader' ? 'PL3' : 'PL4'),
            disciplines: [
              { form, decidedOn: '2025-08-08', selfDetectedAndRemedied: c.selfDetected },
            ],
          });
          const res = evaluate366(facts, params);
          if (exceptionOn && c.selfDetected)
            expect(rank(res.level)).toBeLessThanOrEqual(rank(params.disciplineExceptionCap));
          else expect(res.level).toBe('KHTNV');
        },
      ),
      { numRuns: 500 },
    );
  });
});
