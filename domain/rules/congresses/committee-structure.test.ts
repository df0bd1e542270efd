import { describe, expect, it } from 'vitest';
import {
  ageOn,
  type CommitteeMember,
  committeeStructure,
  directiveStructureGoals,
  structureGaps,
} from './committee-structure';

const member = (id: string, over: Partial<CommitteeMember> = {}): CommitteeMember => ({
  id,
  birthDate: '1975-03-01',
  sex: 'male',
  ethnicity: 'Kinh',
  reElected: true,
  education: 'Đại học',
  ...over,
});

const committee: CommitteeMember[] = [
  member('a', { birthDate: '1990-07-01', sex: 'female' }), // 34 on 2025-06-20
  member('b', { birthDate: '1985-06-21', reElected: false }), // 39 (birthday tomorrow)
  member('c', { birthDate: '1985-06-20', ethnicity: 'Tày' }), // 40 today: not young
  member('d', { birthDate: '1970-01-01', isEthnicMinority: true, ethnicity: null }),
  member('e', { birthDate: null, sex: null, ethnicity: null, reElected: null, education: null }),
];

describe('age on a date (full years; docs/domain/congresses.md)', () => {
  it('the birthday counts from its day', () => {
    expect(ageOn('1985-06-20', '2025-06-20')).toBe(40);
    expect(ageOn('1985-06-21', '2025-06-20')).toBe(39);
    expect(ageOn('2030-01-01', '2025-06-20')).toBeNull();
  });
});

describe('committee structure (Chỉ thị 35-CT/TW 2019: under 40, 40–50, over 50; docs/domain/congresses.md)', () => {
  const s = committeeStructure(committee, '2025-06-20');
  it('young = under 40 by default (❓ parameter), unknown birth dates not counted', () => {
    expect(s.figures.young).toEqual({ count: 2, share: 0.5, unknown: 1 });
    expect(
      committeeStructure(committee, '2025-06-20', { youngAgeBelow: 41 }).figures.young.count,
    ).toBe(3);
  });
  it('women, ethnic minorities (flag first, else ethnicity ≠ Kinh), re-elected', () => {
    expect(s.figures.women).toEqual({ count: 1, share: 0.25, unknown: 1 });
    expect(s.figures.ethnicMinority).toEqual({ count: 2, share: 0.5, unknown: 1 });
    expect(s.figures.reElected).toEqual({ count: 3, share: 0.75, unknown: 1 });
  });
  it('the three age groups and the education count', () => {
    expect(s.ageBands).toEqual({ under40: 2, from40to50: 1, over50: 1, unknown: 1 });
    expect(s.education).toEqual({ 'Đại học': 4, 'Chưa ghi': 1 });
  });
});

describe('gaps against the personnel plan (đề án nhân sự; docs/domain/congresses.md)', () => {
  const s = committeeStructure(committee, '2025-06-20');
  it('size, minimum and maximum shares, minimum counts, with Vietnamese messages', () => {
    const gaps = structureGaps(s, {
      size: 7,
      minShare: { women: 0.3 },
      maxShare: { reElected: 0.7 },
      minCount: { ethnicMinority: 3 },
    });
    const kinds = gaps.map((g) => `${g.indicator}:${g.kind}`);
    expect(kinds).toContain('size:size');
    expect(kinds).toContain('women:min_share');
    expect(kinds).toContain('reElected:max_share');
    expect(kinds).toContain('ethnicMinority:min_count');
    expect(gaps.find((g) => g.kind === 'size')?.message).toBe(
      'Cấp ủy có 5 ủy viên, thiếu 2 so với đề án (7).',
    );
    expect(gaps.find((g) => g.indicator === 'women' && g.kind === 'min_share')?.message).toContain(
      'Tỷ lệ cấp ủy viên nữ 25% (1/4), thấp hơn đề án (từ 30% trở lên).',
    );
  });
  it('missing data is reported as its own gap, never counted as a shortfall', () => {
    const gaps = structureGaps(s, { minShare: { young: 0.1 } });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]?.kind).toBe('unknown');
    expect(gaps[0]?.message).toContain('1 ủy viên chưa có dữ liệu');
  });
  it('a plan that is met gives no gap', () => {
    const full = committee.slice(0, 4);
    expect(structureGaps(committeeStructure(full, '2025-06-20'), { size: 4 })).toEqual([]);
  });
  it('Chỉ thị 35-CT/TW 2019: provincial and district committees under 40 "từ 10% trở lên"; 2025–2030 not read (❓)', () => {
    expect(directiveStructureGoals('round-2020-2025', 'province')).toEqual({
      minShare: { young: 0.1 },
    });
    expect(directiveStructureGoals('round-2020-2025', 'grassroots')).toEqual({});
    expect(directiveStructureGoals('round-2025-2030', 'province')).toEqual({});
  });
});
