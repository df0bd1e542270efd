// The record-access rule table: a record in the actor's subtree is reached with its scope facts,
// anything else answers "not found" naming the kind (never "forbidden"); a member reads only
// their own record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/enums/roles';
import { queryOne, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { openTestApp } from '../../test/test-db';
import type { Actor } from './actor';
import { accessibleRecords, canReach, requireAccess } from './records';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;

const actorOf = async (username: string): Promise<Actor> => {
  const u = (await queryOne<{
    id: number;
    role: Role;
    scope: number;
    path: string;
    member: number;
  }>(
    t.db,
    sql`select u.id, u.role, u.scope_org_unit_id as scope, o.path::text as path, u.member_id as member
        from users u join org_units o on o.id = u.scope_org_unit_id where u.username = ${username}`,
  ))!;
  return {
    userId: u.id,
    username,
    displayName: username,
    role: u.role,
    scopeOrgUnitId: u.scope,
    scopePath: u.path,
    memberId: u.member,
  };
};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
});
afterAll(async () => t.close());

describe('requireAccess', () => {
  it('reaches a record of the subtree with its scope facts, and hides the rest as "not found"', async () => {
    const bithu = await actorOf('bithu');
    const m = await requireAccess(t.db, bithu, 'member.read', f.memberInCell.id);
    expect(m).toMatchObject({ id: f.memberInCell.id, org_unit_id: f.cellId });
    await expect(requireAccess(t.db, bithu, 'member.read', f.memberInSibling.id)).rejects.toThrow(
      'Không tìm thấy đảng viên hoặc bạn không có quyền truy cập.',
    );
    await expect(requireAccess(t.db, bithu, 'unit.write', f.siblingCellId)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(requireAccess(t.db, bithu, 'member.read', 2_000_000_000)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('takes a set of ids: all of them or "not found"', async () => {
    const office = await actorOf('vanphong');
    const ids = [f.memberInSibling.id, f.memberInCell.id];
    const rows = await requireAccess(t.db, office, 'member.write', ids);
    expect(rows.map((r) => r.id)).toEqual([...ids].sort((a, b) => a - b));
    const coso = await actorOf('coso');
    const reached = await accessibleRecords(t.db, coso, 'member.read', [
      f.memberInCell.id,
      f.memberElsewhere.id,
    ]);
    expect(reached.map((r) => r.id)).toEqual([f.memberInCell.id]);
    await expect(
      requireAccess(t.db, coso, 'member.read', [f.memberInCell.id, f.memberElsewhere.id]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a member read only their own record, in a transaction with a lock', async () => {
    const dangvien = await actorOf('dangvien');
    expect(await canReach(t.db, dangvien, 'member.read', f.selfMemberId)).toBe(true);
    expect(await canReach(t.db, dangvien, 'member.read', f.memberInCell.id)).toBe(
      f.memberInCell.id === f.selfMemberId,
    );
    await t.db.transaction(async (tx) => {
      const own = await requireAccess(tx, dangvien, 'member.read', f.selfMemberId, { lock: true });
      expect(own.id).toBe(f.selfMemberId);
    });
  });
});
