import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp } from '../../test/test-db';
import { verifyAuditChain } from './audit';

let t: Awaited<ReturnType<typeof openTestApp>>;
beforeAll(async () => {
  t = await openTestApp('demo');
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('records who changed what, before and after, in a chain that verifies', async () => {
    const f = await demoFixtures(t.db);
    const office = await loginAs(t.app, 'vanphong');
    const m = (await office.get(`/api/members/${f.memberInCell.id}`)).json();
    await office.post(`/api/members/${m.id}/events`, {
      kind: 'temporary_out',
      eventDate: '2026-09-15',
      externalOrg: 'Học viện Chính trị khu vực I',
      version: m.version,
    });
    const admin = await loginAs(t.app, 'admin');
    const rows = (
      await admin.get(`/api/audit?entityType=member&entityId=${m.id}&action=member.event`)
    ).json().items;
    expect(rows[0]).toMatchObject({
      username: 'vanphong',
      before: { status: 'full' },
      after: { label: 'Chuyển sinh hoạt tạm thời đi' },
    });
    const check = (await admin.get('/api/audit/verify')).json();
    expect(check).toMatchObject({ ok: true, firstBrokenId: null });
    expect(check.checked).toBeGreaterThan(10);
  });

  it('names the first record edited behind the application’s back', async () => {
    const target = await queryOne<{ id: number }>(
      t.db,
      sql`select id from audit_log order by id limit 1 offset 3`,
    );
    await t.db.execute(
      sql`update audit_log set after = '{"username":"ke-gian"}'::jsonb where id = ${target!.id}`,
    );
    const check = await verifyAuditChain(t.db);
    expect(check.ok).toBe(false);
    expect(check.firstBrokenId).toBe(Number(target!.id));
  });
});
