// Notifications end to end on the demo bloc: the job makes each user's notifications within their
// scope (a cell's key task and transfer, a member's own rating and discipline, the register for the
// committees that may read it), twice or side by side without duplicates; the list, the unread
// count and marking read touch only the user's own rows; preferences are audited; and e-mail goes
// to a real SMTP server started here on 127.0.0.1, at once or as a daily digest.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../domain/calendar/date-math';
import { queryOne, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { evaluationRecordOf } from '../../test/builders/evaluations';
import { idOf } from '../../test/builders/id-of';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { runNotificationJob } from './index';

// The job reads every kind for several accounts of the demo bloc: minutes on a busy machine.
vi.setConfig({ testTimeout: 300_000 });

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
const ids: Record<string, number> = {};
const today = todayIso();

type Mail = { to: string; subject: string; body: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let smtpUrl = '';

const rowsOf = (username: string) =>
  queryRows<{ id: number; kind: string; key: string; title: string; email_state: string }>(
    t.db,
    sql`select n.id, n.kind, n.key, n.title, n.email_state from notifications n
        join users u on u.id = n.user_id where u.username = ${username} order by n.id`,
  );

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['admin', 'vanphong', 'coso', 'bithu', 'dangvien'])
    s[u] = await loginAs(t.app, u);
  for (const r of await queryRows<{ id: number; username: string }>(
    t.db,
    sql`select id, username from users`,
  ))
    ids[r.username] = r.id;

  // What happened in the last days: a key task the committee hands down to bithu's cell, a member
  // transferred into that cell from outside, a discipline decision on dangvien, and dangvien's
  // published rating.
  await t.db.execute(
    sql`insert into key_tasks (org_unit_id, year, title, origin, assigned_by_org_unit_id, owner_kind,
          owner_org_unit_id, deadline)
        values (${f.cellId}, ${Number(today.slice(0, 4))}, 'Tổ chức học tập chuyên đề năm', 'assigned',
          ${f.committeeId}, 'unit', ${f.cellId}, ${addDays(today, 60)})`,
  );
  await t.db.execute(
    sql`insert into member_events (member_id, kind, event_date, org_unit_id, external_org)
        values (${f.memberInCell.id}, 'transferred_in', ${addDays(today, -3)}, ${f.cellId}, 'Đảng bộ xã Tân Phong')`,
  );
  await t.db.execute(
    sql`insert into discipline_decisions (subject_kind, member_id, org_unit_id, standing, status, form, body,
          body_org_unit_id, decision_number, violation, violation_from, decided_on)
        select 'member', m.id, m.org_unit_id, 'full', 'decided', 'khien_trach', 'committee', ${f.committeeId},
          '15-QĐ/ĐU', 'Vi phạm thử', ${addDays(today, -200)}, ${addDays(today, -2)}
        from members m where m.id = ${f.selfMemberId}`,
  );
  // The member's latest evaluation record (the demo has the past years'), else a new campaign's.
  let record = (
    await queryOne<{ id: number }>(
      t.db,
      sql`select id from evaluation_records where member_id = ${f.selfMemberId} order by id desc limit 1`,
    )
  )?.id;
  if (!record) {
    const res = await s.coso.post('/api/evaluations/campaigns', {
      orgUnitId: f.committeeId,
      year: 2026,
      openedOn: '2026-11-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    record = await evaluationRecordOf(t.db, res.json().id, f.selfMemberId);
  }
  await t.db.execute(
    sql`update evaluation_records set status = 'published', decided_level = 'HTTNV', published_on = ${addDays(today, -1)}
        where id = ${record}`,
  );

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c) => {
        raw += c;
      });
      stream.on('end', () => {
        const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject,
          body: raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
}, 600_000);
afterAll(async () => {
  if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await t?.close();
});

describe('notifications job', () => {
  it('gives each user what concerns them, within their scope', async () => {
    const users = ['vanphong', 'coso', 'bithu', 'dangvien'].map((u) => ids[u]!);
    const res = await s.admin.post('/api/notifications/run', { userIds: users });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBeGreaterThan(0);

    const bithu = await rowsOf('bithu');
    expect(
      bithu.some((n) => n.kind === 'key_task_assigned' && /học tập chuyên đề/.test(n.title)),
    ).toBe(true);
    expect(
      bithu.some(
        (n) => n.kind === 'transfer_received' && n.title.includes(f.memberInCell.full_name),
      ),
    ).toBe(true);
    // The cell secretary does not read the discipline register (need-to-know).
    expect(bithu.some((n) => n.kind === 'discipline_decided')).toBe(false);

    const dangvien = await rowsOf('dangvien');
    expect(dangvien.map((n) => n.kind).sort()).toEqual([
      'discipline_decided',
      'evaluation_published',
    ]);
    expect(dangvien.find((n) => n.kind === 'evaluation_published')!.title).toMatch(
      /Hoàn thành tốt/,
    );

    // The grassroots office: the transfer into one of its cells, the decision in its subtree, the
    // ratings it published; not the key task handed to the cell.
    const coso = await rowsOf('coso');
    expect(coso.some((n) => n.kind === 'transfer_received')).toBe(true);
    expect(coso.some((n) => n.kind === 'discipline_decided')).toBe(true);
    expect(coso.some((n) => n.kind === 'evaluation_published')).toBe(true);
    // (It may have key tasks of its own from the upper committee, seeded days ago; not the cell's.)
    expect(
      coso.some((n) => n.kind === 'key_task_assigned' && /học tập chuyên đề/.test(n.title)),
    ).toBe(false);

    // The upper office two levels up hears of the decision, not of a cell's transfer.
    const vanphong = await rowsOf('vanphong');
    expect(vanphong.some((n) => n.kind === 'discipline_decided')).toBe(true);
    expect(vanphong.some((n) => n.kind === 'transfer_received')).toBe(false);

    // Deadlines come from "Việc cần làm": items of the user's subtree, or one summary when many.
    const deadlines = [...bithu, ...coso, ...vanphong].filter((n) => n.kind === 'deadline');
    expect(deadlines.length).toBeGreaterThan(0);

    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'notification.run'`,
    );
    expect(audit!.n).toBe(1);
  });

  it('inserts nothing twice, run again or by two processes at once', async () => {
    const before = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notifications`,
    );
    const users = ['vanphong', 'coso', 'bithu', 'dangvien'].map((u) => ids[u]!);
    const [a, b] = await Promise.all([
      runNotificationJob({ db: t.db, mail: null, userIds: users }),
      runNotificationJob({ db: t.db, mail: null, userIds: users }),
    ]);
    expect(a.created + b.created).toBe(0);
    const after = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notifications`,
    );
    expect(after!.n).toBe(before!.n);
    const dup = await queryRows(
      t.db,
      sql`select user_id, key from notifications group by user_id, key having count(*) > 1`,
    );
    expect(dup).toEqual([]);
  });

  it('lets only the administrator run it by hand', async () => {
    expect((await s.coso.post('/api/notifications/run', {})).statusCode).toBe(403);
  });
});

describe('notifications API', () => {
  it('lists my notifications with the unread count, and marks one and then all read', async () => {
    const list = await s.bithu.get('/api/notifications?pageSize=100');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body.total).toBe((await rowsOf('bithu')).length);
    expect(body.unread).toBe(body.total);
    expect((await s.bithu.get('/api/notifications/unread-count')).json().unread).toBe(body.unread);

    const first = body.items[0].id;
    const one = await s.bithu.post('/api/notifications/read', { ids: [first] });
    expect(one.json().marked).toBe(1);
    expect((await s.bithu.get('/api/notifications/unread-count')).json().unread).toBe(
      body.unread - 1,
    );
    const unreadOnly = await s.bithu.get('/api/notifications?unreadOnly=true&pageSize=100');
    expect(unreadOnly.json().items.map((n: { id: number }) => n.id)).not.toContain(first);

    const byKind = await s.bithu.get('/api/notifications?kind=key_task_assigned');
    expect(byKind.json().items.every((n: { kind: string }) => n.kind === 'key_task_assigned')).toBe(
      true,
    );

    await s.bithu.post('/api/notifications/read', {});
    expect((await s.bithu.get('/api/notifications/unread-count')).json().unread).toBe(0);
  });

  it("never reaches another user's notifications", async () => {
    const theirs = (await rowsOf('dangvien')).map((n) => n.id);
    const res = await s.bithu.post('/api/notifications/read', { ids: theirs });
    expect(res.json().marked).toBe(0);
    expect((await s.dangvien.get('/api/notifications/unread-count')).json().unread).toBe(
      theirs.length,
    );
    const list = await s.bithu.get('/api/notifications?pageSize=100');
    for (const id of theirs)
      expect(list.json().items.map((n: { id: number }) => n.id)).not.toContain(id);
  });

  it('keeps preferences per user, audited, and asks for an address before e-mail', async () => {
    const initial = (await s.bithu.get('/api/notifications/settings')).json();
    expect(initial.version).toBe(0);
    expect(initial.channels.deadline).toBe('in_app');
    expect(initial.emailAvailable).toBe(false);

    const noAddress = await s.bithu.put('/api/notifications/settings', {
      email: '',
      channels: { deadline: 'immediate' },
      version: 0,
    });
    // bithu's member record may carry an address; without one the change is refused.
    if (!initial.memberEmail) expect(noAddress.statusCode).toBe(400);

    const bad = await s.bithu.put('/api/notifications/settings', {
      email: 'khong-phai-email',
      channels: {},
      version: 0,
    });
    expect(bad.statusCode).toBe(400);

    const version = (await s.bithu.get('/api/notifications/settings')).json().version;
    const saved = await s.bithu.put('/api/notifications/settings', {
      email: 'bithu@example.vn',
      channels: { key_task_assigned: 'immediate', transfer_received: 'digest', deadline: 'digest' },
      version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().channels.key_task_assigned).toBe('immediate');
    expect(saved.json().channels.discipline_decided).toBe('in_app');

    const stale = await s.bithu.put('/api/notifications/settings', {
      email: 'bithu@example.vn',
      channels: {},
      version,
    });
    expect(stale.statusCode).toBe(409);

    const audit = await queryOne<{ after: { email: string; channels: Record<string, string> } }>(
      t.db,
      sql`select after from audit_log where action = 'notification.settings' and user_id = ${ids.bithu}
          order by id desc limit 1`,
    );
    expect(audit!.after.email).toBe('bithu@example.vn');
    expect(audit!.after.channels.transfer_received).toBe('digest');
  });
});

describe('notifications by e-mail (a real SMTP server on 127.0.0.1)', () => {
  it('sends "at once" kinds one message each and the rest in one daily digest, once', async () => {
    // New events after the preference change: a second key task and a second transfer.
    await t.db.execute(
      sql`insert into key_tasks (org_unit_id, year, title, origin, assigned_by_org_unit_id, owner_kind,
            owner_org_unit_id, deadline)
          values (${f.cellId}, ${Number(today.slice(0, 4))}, 'Rà soát hồ sơ đảng viên', 'assigned',
            ${f.committeeId}, 'unit', ${f.cellId}, ${addDays(today, 30)})`,
    );
    const memberId = await idOf(
      t.db,
      sql`select m.id from members m where m.org_unit_id = ${f.cellId} and m.id <> ${f.memberInCell.id}
          order by m.id limit 1`,
    );
    await t.db.execute(
      sql`insert into member_events (member_id, kind, event_date, org_unit_id, external_org)
          values (${memberId}, 'transferred_in', ${addDays(today, -1)}, ${f.cellId}, 'Đảng bộ phường Hòa Bình')`,
    );
    const mail = { url: smtpUrl, from: 'Dang vu <dangvu@example.vn>' };
    const [a, b] = await Promise.all([
      runNotificationJob({ db: t.db, mail, userIds: [ids.bithu!] }),
      runNotificationJob({ db: t.db, mail, userIds: [ids.bithu!] }),
    ]);
    expect(a.failed + b.failed).toBe(0);
    expect(a.emailed + b.emailed).toBe(1);
    expect(a.digests + b.digests).toBe(1);

    const toBithu = inbox.filter((m) => m.to === 'bithu@example.vn');
    expect(toBithu).toHaveLength(2);
    const single = toBithu.find(
      (m) => !/tổng hợp|=\?UTF-8/i.test(m.subject) || /Rà soát|R=C3=A0/.test(m.body),
    );
    expect(single).toBeDefined();
    const states = await rowsOf('bithu');
    const task = states.find((n) => n.title.includes('Rà soát hồ sơ'))!;
    expect(task.email_state).toBe('sent');
    const transfer = states.find(
      (n) => n.kind === 'transfer_received' && n.email_state !== 'none',
    )!;
    expect(transfer.email_state).toBe('sent');
    // Older notifications, made before the choice, are not mailed after the fact.
    expect(states.filter((n) => n.email_state === 'none').length).toBeGreaterThan(0);

    // The same day again: nothing more is sent.
    const again = await runNotificationJob({ db: t.db, mail, userIds: [ids.bithu!] });
    expect(again.emailed + again.digests).toBe(0);
    expect(inbox.filter((m) => m.to === 'bithu@example.vn')).toHaveLength(2);
  });
});
