import { describe, expect, it } from 'vitest';
import { can, isPathInScope, rolePermissions } from './permissions';

describe('permissions', () => {
  it('lets only offices edit member records', () => {
    expect(can({ role: 'org_office' }, 'member.write')).toBe(true);
    expect(can({ role: 'grassroots_office' }, 'member.write')).toBe(true);
    expect(can({ role: 'cell_secretary' }, 'member.write')).toBe(false);
    expect(can({ role: 'standing' }, 'member.write')).toBe(false);
    expect(can({ role: 'member' }, 'member.write')).toBe(false);
  });

  it('hides sensitive fields from a cell secretary and a member', () => {
    expect(can({ role: 'cell_secretary' }, 'member.readSensitive')).toBe(false);
    expect(can({ role: 'member' }, 'member.readSensitive')).toBe(false);
    expect(can({ role: 'inspection' }, 'member.readSensitive')).toBe(true);
  });

  // The annual report's annex counts minority and religious members (1-BTCTW…3-BTCTW) with no
  // check of its own: only roles that may read those fields may read reports (docs/domain/roles.md,
  // "Sensitive fields and their breakdowns"; Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4).
  it('lets only roles that may read ethnicity and religion read the report and its annex', () => {
    const sensitive = rolePermissions['member.readSensitive'];
    expect(rolePermissions['report.read'].filter((r) => !sensitive.includes(r))).toEqual([]);
  });

  it('treats a path as in scope only inside the subtree, not a sibling with the same prefix', () => {
    const actor = { scopePath: '1.12' };
    expect(isPathInScope(actor, '1.12')).toBe(true);
    expect(isPathInScope(actor, '1.12.40')).toBe(true);
    expect(isPathInScope(actor, '1.120')).toBe(false);
    expect(isPathInScope(actor, '1')).toBe(false);
  });
});
