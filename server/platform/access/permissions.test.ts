import { describe, expect, it } from 'vitest';
import { can, isPathInScope } from './permissions';

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

  it('treats a path as in scope only inside the subtree, not a sibling with the same prefix', () => {
    const actor = { scopePath: '1.12' };
    expect(isPathInScope(actor, '1.12')).toBe(true);
    expect(isPathInScope(actor, '1.12.40')).toBe(true);
    expect(isPathInScope(actor, '1.120')).toBe(false);
    expect(isPathInScope(actor, '1')).toBe(false);
  });
});
