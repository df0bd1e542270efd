import { describe, expect, it } from 'vitest';
import { allowedHtxs, type CapSubject, checkHtxsCap, htxsCapDefaults } from './cap';
import type { QualityLevel } from './levels';

const members = (org: string, levels: QualityLevel[]): CapSubject[] =>
  levels.map((level, i) => ({ id: `${org}-${i}`, kind: 'member', level, grassrootsOrgId: org }));

describe('HTXS cap (regulations.md §1.3: "HTXS ≤ 20% of HTTNV within each TCCSĐ" (21-HD); "within groups with similar functions" (124); §1.2 ❓ under 366)', () => {
  it.each([
    [5, 1],
    [7, 1],
    [9, 1],
    [10, 2],
    [4, 0],
  ])(
    '20%% of %s rated HTTNV or better allows %s (rounded down: "may not exceed")',
    (base, allowed) => {
      expect(allowedHtxs(base)).toBe(allowed);
    },
  );
  it.each([
    ['floor', 1],
    ['round', 1],
    ['ceil', 2],
  ] as const)('how 20%% of 7 (1.4) rounds is a parameter: %s → %s', (rounding, allowed) => {
    expect(allowedHtxs(7, { ...htxsCapDefaults, rounding })).toBe(allowed);
  });
  it('2 HTXS among 7 HTTNV-or-better is refused with the allowed and proposed counts', () => {
    const res = checkHtxsCap({
      proposed: [
        ...members('A', ['HTXSNV', 'HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTNV']),
      ].map((s) => ({ ...s, groupLabel: 'Đảng bộ Sở Tài chính' })),
    });
    expect(res.ok).toBe(false);
    expect(res.allowed).toBe(1);
    expect(res.proposedHtxs).toBe(2);
    expect(res.message).toBe(
      'Đảng bộ Sở Tài chính: được xếp loại HTXSNV tối đa 1 (20% của 7 HTTNV trở lên), đang đề nghị 2. Vượt 1.',
    );
  });
  it('counts per grassroots organisation for members: one organisation’s room does not cover another', () => {
    const res = checkHtxsCap({
      proposed: [
        ...members('A', ['HTXSNV', 'HTXSNV', ...Array<QualityLevel>(8).fill('HTTNV')]),
        ...members('B', ['HTXSNV', 'HTTNV', 'HTTNV']),
      ],
    });
    expect(res.ok).toBe(false);
    expect(res.groups.map((g) => [g.allowed, g.proposedHtxs, g.ok])).toEqual([
      [2, 2, true],
      [0, 1, false],
    ]);
    expect(res.message).toContain('Tổ chức cơ sở đảng B');
  });
  it('counts collectives per group of similar collectives, apart from members', () => {
    const cells: CapSubject[] = Array.from({ length: 5 }, (_, i) => ({
      id: i,
      kind: 'cell',
      level: i === 0 ? 'HTXSNV' : 'HTTNV',
      similarGroup: 'Chi bộ cơ quan',
    }));
    const res = checkHtxsCap({ proposed: [...cells, ...members('A', ['HTTNV'])] });
    expect(res.groups).toHaveLength(2);
    expect(res.ok).toBe(true);
  });
  it('not-rated subjects count neither in the base nor as HTXS', () => {
    const res = checkHtxsCap({
      proposed: members('A', ['HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV']).concat({
        id: 'x',
        kind: 'member',
        level: 'not_rated',
        grassrootsOrgId: 'A',
      }),
    });
    expect(res.groups[0].base).toBe(5);
    expect(res.ok).toBe(true);
  });
  it('the base "HTTNV only" and switching the cap off are parameters', () => {
    const proposed = members('A', ['HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV']);
    expect(checkHtxsCap({ proposed, params: { ...htxsCapDefaults, base: 'good_only' } }).ok).toBe(
      false,
    );
    const off = checkHtxsCap({
      proposed: members('A', ['HTXSNV', 'HTXSNV']),
      params: { ...htxsCapDefaults, enabled: false },
    });
    expect(off.ok).toBe(true);
    expect(off.message).toContain('không áp dụng');
  });
});
