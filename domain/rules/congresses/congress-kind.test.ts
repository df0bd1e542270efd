import { describe, expect, it } from 'vitest';
import { congressKind, congressRoundFor } from './congress-kind';

describe('congress round by date (docs/domain/congresses.md)', () => {
  it('Chỉ thị 35-CT/TW 30/5/2019 → 2020–2025; Chỉ thị 35-CT/TW 14/6/2024 (then 45-CT/TW) → 2025–2030', () => {
    expect(congressRoundFor('2020-06-15')?.code).toBe('round-2020-2025');
    expect(congressRoundFor('2024-06-13')?.code).toBe('round-2020-2025');
    expect(congressRoundFor('2025-01-10')?.code).toBe('round-2025-2030');
    expect(congressRoundFor('2025-06-20')?.code).toBe('round-2025-2030');
    expect(congressRoundFor('2015-05-01')).toBeNull();
  });
});

describe('đại hội đảng viên or đại biểu (Chỉ thị 35-CT/TW 2019 §4; docs/domain/congresses.md)', () => {
  it('a cell holds a congress of members, whatever its size', () => {
    const res = congressKind({ level: 'cell', partyMembers: 250, heldOn: '2025-02-10' });
    expect(res).toMatchObject({ ok: true, kind: 'members' });
  });
  it('a committee above the grassroots holds a congress of delegates', () => {
    const res = congressKind({ level: 'upper', partyMembers: 40, heldOn: '2020-08-10' });
    expect(res).toMatchObject({ ok: true, kind: 'delegates' });
  });
  it('"đảng bộ cơ sở nói chung tiến hành đại hội đảng viên": 199 members → members', () => {
    const res = congressKind({ level: 'grassroots', partyMembers: 199, heldOn: '2020-05-20' });
    expect(res).toMatchObject({ ok: true, kind: 'members', round: 'round-2020-2025' });
  });
  it('"có từ 200 đảng viên trở lên thì tiến hành đại hội đại biểu": 200 → delegates', () => {
    const res = congressKind({ level: 'grassroots', partyMembers: 200, heldOn: '2020-05-20' });
    expect(res).toMatchObject({ ok: true, kind: 'delegates' });
    if (res.ok) expect(res.reason).toContain('từ 200 đảng viên trở lên');
  });
  it("below 200, with difficulty and the upper committee's agreement → delegates", () => {
    const res = congressKind({
      level: 'grassroots',
      partyMembers: 150,
      heldOn: '2020-05-20',
      upperCommitteeDecision: 'delegates',
    });
    expect(res).toMatchObject({ ok: true, kind: 'delegates' });
    if (res.ok) expect(res.reason).toContain('cấp ủy cấp trên trực tiếp đồng ý');
  });
  it('from 200, a congress of members is refused', () => {
    const res = congressKind({
      level: 'grassroots',
      partyMembers: 320,
      heldOn: '2020-05-20',
      upperCommitteeDecision: 'members',
    });
    expect(res.ok).toBe(false);
  });
  it('round 2025–2030 keeps 200 by default (❓ parameter) and takes an override', () => {
    expect(
      congressKind({ level: 'grassroots', partyMembers: 210, heldOn: '2025-05-05' }),
    ).toMatchObject({ kind: 'delegates', round: 'round-2025-2030' });
    expect(
      congressKind({
        level: 'grassroots',
        partyMembers: 210,
        heldOn: '2025-05-05',
        grassrootsDelegatesFrom: 300,
      }),
    ).toMatchObject({ kind: 'members' });
  });
  it('invalid figures are refused with Vietnamese messages', () => {
    const res = congressKind({ level: 'grassroots', partyMembers: -1, heldOn: '20/5/2020' });
    expect(res).toMatchObject({ ok: false });
    if (!res.ok) expect(res.errors).toHaveLength(2);
  });
});
