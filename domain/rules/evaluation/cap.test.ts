import { describe, expect, it } from 'vitest';
import {
  allowedHtxs,
  type CapSubject,
  capRuleText,
  checkHtxsCap,
  htxsCap124,
  htxsCap132,
  htxsCap366,
  htxsCapDefaults,
  maxHtxsAmong,
} from './cap';
import type { QualityLevel } from './levels';
import { paramsFor } from './rule-sets';

const members = (org: string, levels: QualityLevel[]): CapSubject[] =>
  levels.map((level, i) => ({ id: `${org}-${i}`, kind: 'member', level, grassrootsOrgId: org }));
const htxs = (n: number): QualityLevel[] => Array<QualityLevel>(n).fill('HTXSNV');
const good = (n: number): QualityLevel[] => Array<QualityLevel>(n).fill('HTTNV');

describe('HTXS cap, 21-HD/BTCTW (18/10/2019) mục 2.3: "không vượt quá 20% số đảng viên được xếp loại Hoàn thành tốt nhiệm vụ trong từng tổ chức cơ sở đảng"', () => {
  it.each([
    [5, 1],
    [7, 1],
    [9, 1],
    [10, 2],
    [4, 0],
  ])('20%% of %s rated HTTNV allows %s (rounded down: "không vượt quá")', (base, allowed) => {
    expect(allowedHtxs(base)).toBe(allowed);
  });
  it.each([
    ['floor', 1],
    ['round', 1],
    ['ceil', 2],
  ] as const)('how 20%% of 7 (1.4) rounds is a parameter: %s → %s', (rounding, allowed) => {
    expect(allowedHtxs(7, { ...htxsCapDefaults, rounding })).toBe(allowed);
  });
  it('the base is those rated HTTNV, not "HTTNV or better": 2 HTXS beside 8 HTTNV is one too many (20% of 8 = 1.6 → 1)', () => {
    const res = checkHtxsCap({
      proposed: members('A', [...htxs(2), ...good(8), 'HTNV']).map((s) => ({
        ...s,
        groupLabel: 'Đảng bộ Sở Tài chính',
      })),
      params: htxsCap132,
    });
    expect(res.ok).toBe(false);
    expect(res.groups[0].base).toBe(8);
    expect(res.message).toBe(
      'Đảng bộ Sở Tài chính: được xếp loại HTXSNV tối đa 1 (20% của 8 được xếp loại HTTNV (không tính HTXSNV); 21-HD/BTCTW, mục 2.3: trong từng tổ chức cơ sở đảng), đang đề nghị 2. Vượt 1.',
    );
    // Read as "HTTNV or better" (10) the same group would pass: the reading is a parameter.
    expect(
      checkHtxsCap({
        proposed: members('A', [...htxs(2), ...good(8)]),
        params: { ...htxsCap132, base: 'good_or_better' },
      }).ok,
    ).toBe(true);
  });
  it('1 HTXS beside 5 HTTNV is within the cap (20% of 5 = 1)', () => {
    expect(checkHtxsCap({ proposed: members('A', [...htxs(1), ...good(5)]) }).ok).toBe(true);
  });
  it('the most HTXS a group of n members rated HTTNV or better can have: k ≤ 20% × (n − k)', () => {
    expect([5, 6, 10, 11, 12, 18].map((n) => maxHtxsAmong(n))).toEqual([0, 1, 1, 1, 2, 3]);
    expect(maxHtxsAmong(10, { ...htxsCapDefaults, base: 'good_or_better' })).toBe(2);
  });
  it('counts per grassroots organisation for members: one organisation’s room does not cover another', () => {
    const res = checkHtxsCap({
      proposed: [
        ...members('A', [...htxs(2), ...good(10)]),
        ...members('B', [...htxs(1), ...good(2)]),
      ],
    });
    expect(res.ok).toBe(false);
    expect(res.groups.map((g) => [g.allowed, g.proposedHtxs, g.ok])).toEqual([
      [2, 2, true],
      [0, 1, false],
    ]);
    expect(res.message).toContain('Tổ chức cơ sở đảng B');
  });
  it('counts collectives per group of similar collectives (124: "nhóm có chức năng, nhiệm vụ tương đồng"), apart from members', () => {
    const cells: CapSubject[] = Array.from({ length: 6 }, (_, i) => ({
      id: i,
      kind: 'cell',
      level: i === 0 ? 'HTXSNV' : 'HTTNV',
      similarGroup: 'Chi bộ cơ quan',
    }));
    const res = checkHtxsCap({
      proposed: [...cells, ...members('A', ['HTTNV'])],
      params: htxsCap124,
    });
    expect(res.groups).toHaveLength(2);
    expect(res.ok).toBe(true);
  });
  it('not-rated subjects count neither in the base nor as HTXS', () => {
    const res = checkHtxsCap({
      proposed: members('A', ['HTXSNV', ...good(5)]).concat({
        id: 'x',
        kind: 'member',
        level: 'not_rated',
        grassrootsOrgId: 'A',
      }),
    });
    expect(res.groups[0].base).toBe(5);
    expect(res.ok).toBe(true);
  });
  it('switching the cap off is a parameter', () => {
    const off = checkHtxsCap({
      proposed: members('A', ['HTXSNV', 'HTXSNV']),
      params: { ...htxsCapDefaults, enabled: false },
    });
    expect(off.ok).toBe(true);
    expect(off.message).toContain('không áp dụng');
  });
});

describe('each rule set carries its cap with its base and source stated', () => {
  it.each([
    [2020, '21-HD/BTCTW'],
    [2024, '124-QĐ/TW'],
    [2025, '366-QĐ/TW và 43-HD/BTCTW chưa thấy quy định tỷ lệ'],
  ])('%s: 20%% of those rated HTTNV, citing %s', (year, source) => {
    const cap = paramsFor(year).params.htxsCap;
    expect(cap).toMatchObject({ enabled: true, share: 0.2, base: 'good_only' });
    expect(capRuleText(cap)).toContain('20% số được xếp loại HTTNV (không tính HTXSNV)');
    expect(capRuleText(cap)).toContain(source);
  });
  it('the 366 default says it is a parameter, not a rule found in 366', () => {
    expect(htxsCap366.source).toContain('tham số năm');
  });
});
