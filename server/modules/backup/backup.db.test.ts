import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RESTORE_CONFIRMATION } from '../../../contracts/backup';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { verifyAuditChain, writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { readMemberPhoto } from '../members';
import type { BackupHeader } from './backup.format';
import { EXCLUDED_TABLES, listTables, restoreBackup } from './backup.service';

// Each restore rewrites the whole demo database (every module's rows): minutes on a busy machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let t: Awaited<ReturnType<typeof openTestApp>>;
let admin: Session;
let work: string;
let backup: Buffer;
let before: Record<string, { rows: number; md5: string }>;
/** A member whose photo is in the backup (issue 21: photos in backup and restore). */
let photo: { memberId: number; bytes: Buffer };

/** Row count and an order-independent checksum of every table's content. */
const fingerprint = async (db: DbOrTx, where: Record<string, string> = {}) => {
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const table of await listTables(db)) {
    if (EXCLUDED_TABLES.includes(table.name)) continue;
    const row = await queryOne<{ rows: number; md5: string }>(
      db,
      sql.raw(`select count(*)::int as rows,
                 coalesce(md5(string_agg(t::text, ',' order by t::text)), '') as md5
               from "${table.name}" t ${where[table.name] ?? ''}`),
    );
    out[table.name] = row!;
  }
  return out;
};

const restore = (session: Session, body: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: `/api/backup/restore?confirm=${encodeURIComponent(RESTORE_CONFIRMATION)}`,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/octet-stream',
    },
    payload: body,
  });

/** Rewrite a backup's header and data section (and re-sign the data when asked). */
const rewrite = (
  file: Buffer,
  change: (header: BackupHeader, data: Buffer) => { header: BackupHeader; data: Buffer },
) => {
  const whole = gunzipSync(file);
  const newline = whole.indexOf(10);
  const header = JSON.parse(whole.subarray(0, newline).toString('utf8')) as BackupHeader;
  const next = change(header, Buffer.from(whole.subarray(newline + 1)));
  return gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(next.header)}\n`), next.data]));
};

const refusal = async (file: Buffer): Promise<AppError> => {
  const target = path.join(work, `case-${Math.random().toString(36).slice(2)}.dangvu-backup`);
  writeFileSync(target, file);
  try {
    await restoreBackup({ db: t.db, actor: null, file: target, via: 'cli' });
  } catch (error) {
    return error as AppError;
  }
  throw new Error('the restore was not refused');
};

beforeAll(async () => {
  t = await openTestApp('demo');
  admin = await loginAs(t.app, 'admin');
  work = mkdtempSync(path.join(tmpdir(), 'dangvu-backup-test-'));
  const member = (await queryOne<{ id: number }>(
    t.db,
    sql`select min(id)::int as id from members`,
  ))!;
  const data = Buffer.alloc(300 * 400 * 4, 180);
  const upload = await admin.put(`/api/members/${member.id}/photo`, {
    contentBase64: Buffer.from(jpeg.encode({ data, width: 300, height: 400 }, 90).data).toString(
      'base64',
    ),
  });
  expect(upload.statusCode, upload.body).toBe(200);
  photo = { memberId: member.id, bytes: (await readMemberPhoto(t.db, member.id))!.bytes };
  const res = await admin.get('/api/backup/download');
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-disposition']).toMatch(
    /attachment; filename="dangvu-.*\.dangvu-backup"/,
  );
  backup = res.rawPayload;
  before = await fingerprint(t.db);
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await t.close();
});

describe('backup and restore', () => {
  it('records the download in the audit log and lists every table of the database', async () => {
    const last = await queryOne<{ action: string; username: string }>(
      t.db,
      sql`select action, username from audit_log order by id desc limit 1`,
    );
    expect(last).toEqual({ action: 'backup.create', username: 'admin' });
    const header = JSON.parse(
      gunzipSync(backup).subarray(0, gunzipSync(backup).indexOf(10)).toString('utf8'),
    ) as BackupHeader;
    const tables = (await listTables(t.db))
      .map((x) => x.name)
      .filter((n) => !EXCLUDED_TABLES.includes(n));
    expect(header.tables.map((x) => x.name).sort()).toEqual(tables.sort());
    expect(header.tables.find((x) => x.name === 'members')!.rows).toBe(before.members.rows);
    expect(header.migration.count).toBeGreaterThan(0);
    console.info(`demo backup: ${backup.length} bytes, ${header.tables.length} tables`);
  });

  it('restores every row of the demo data after changes, and the audit chain verifies', async () => {
    await t.db.execute(
      sql`update members set full_name = full_name || ' (sửa)' where id in (select id from members order by id limit 40)`,
    );
    await t.db.execute(
      sql`delete from member_periods where id in (select id from member_periods order by id desc limit 100)`,
    );
    await t.db.execute(sql`delete from badge_awards`);
    await t.db.execute(sql`delete from member_photos`);
    for (let i = 0; i < 3; i += 1)
      await writeAudit(t.db, { actor: null, action: 'test.change', entityType: 'test' });
    const changed = await fingerprint(t.db);
    expect(changed.members.md5).not.toBe(before.members.md5);
    expect(changed.audit_log.rows).toBe(before.audit_log.rows + 3);

    const res = await restore(admin, backup);
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json();
    expect(result.audit).toEqual({ ok: true, checked: before.audit_log.rows });
    expect(result.tables.find((x: { name: string }) => x.name === 'members').rows).toBe(
      before.members.rows,
    );

    // Every table as it was; the audit log as it was plus the record of the restore.
    const lastId = (await queryOne<{ id: number }>(
      t.db,
      sql`select max(id)::int as id from audit_log`,
    ))!.id;
    const after = await fingerprint(t.db, { audit_log: `where id < ${lastId}` });
    expect(after).toEqual(before);
    // The photo removed after the backup is back, byte for byte.
    expect((await readMemberPhoto(t.db, photo.memberId))?.bytes.equals(photo.bytes)).toBe(true);
    const record = await queryOne<{ action: string; username: string }>(
      t.db,
      sql`select action, username from audit_log where id = ${lastId}`,
    );
    expect(record).toEqual({ action: 'backup.restore', username: 'admin' });
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      checked: before.audit_log.rows + 1,
      firstBrokenId: null,
    });
    // Every identity sequence continues after the restored ids.
    const behind = await queryRows<{ seq: string }>(
      t.db,
      sql`select s.seq from (
            select pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq, c.relname, a.attname
            from pg_class c join pg_namespace n on n.oid = c.relnamespace
            join pg_attribute a on a.attrelid = c.oid and a.attnum > 0
            where n.nspname = 'public' and c.relkind = 'r') s
          where s.seq is not null
            and nextval(s.seq) <= coalesce((xpath('/row/m/text()',
              query_to_xml(format('select max(%I) as m from %I', s.attname, s.relname), false, true, '')))[1]::text::bigint, 0)`,
    );
    expect(behind).toEqual([]);
    // Every session ended with the restore.
    expect((await admin.get('/api/members')).statusCode).toBe(401);
    admin = await loginAs(t.app, 'admin');
  });

  it('refuses a file with one byte changed, and keeps the data', async () => {
    const rowsBefore = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log`,
    );
    const flipped = Buffer.from(backup);
    const at = Math.floor(flipped.length * 0.6);
    flipped[at] = flipped[at] ^ 0x5a;
    const error = await refusal(flipped);
    expect(error).toBeInstanceOf(AppError);
    expect(error.message).toMatch(/Tệp sao lưu bị hỏng hoặc đã bị sửa/);

    // A change inside the data that still decompresses cleanly is caught by the checksum.
    const edited = rewrite(backup, (header, data) => {
      const i = data.indexOf('Nguyễn');
      data.write('Nguyên', i, 'utf8');
      return { header, data };
    });
    const error2 = await refusal(edited);
    expect(error2.message).toMatch(/sha256 không khớp/);
    expect(
      await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`),
    ).toEqual(rowsBefore);
  });

  it('refuses a file from another migration level with a Vietnamese message', async () => {
    const older = rewrite(backup, (header, data) => ({
      header: {
        ...header,
        migration: { count: header.migration.count - 1, createdAt: 1, tag: '0006_imports' },
      },
      data,
    }));
    const res = await restore(admin, older);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(
      /^Tệp sao lưu thuộc phiên bản cơ sở dữ liệu 0006_imports .* khác với cơ sở dữ liệu hiện tại/,
    );
  });

  it('rolls back a restore whose audit chain does not verify', async () => {
    const fingerprintBefore = await fingerprint(t.db);
    // Rewrite one audit record's action in the file and re-sign the data: the checksum passes,
    // the chain does not.
    const forged = rewrite(backup, (header, data) => {
      let offset = 0;
      let section: Buffer = Buffer.alloc(0);
      for (const table of header.tables) {
        if (table.name === 'audit_log') section = data.subarray(offset, offset + table.bytes);
        offset += table.bytes;
      }
      const i = section.indexOf('\tlogin\t');
      section.write('\tlogix\t', i, 'utf8');
      return {
        header: { ...header, sha256: createHash('sha256').update(data).digest('hex') },
        data,
      };
    });
    const res = await restore(admin, forged);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^Nhật ký trong tệp sao lưu không toàn vẹn: bản ghi số \d+/);
    expect(await fingerprint(t.db)).toEqual(fingerprintBefore);
  });

  it('reads uploads larger than the JSON body limit, and refuses trailing bytes', async () => {
    const padded = Buffer.concat([backup, Buffer.alloc(3 * 1024 * 1024, 7)]);
    const res = await restore(admin, padded);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^Tệp sao lưu bị hỏng hoặc đã bị sửa/);
  });

  it('asks for the typed confirmation and refuses other roles', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/backup/restore?confirm=ok',
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrf,
        'content-type': 'application/octet-stream',
      },
      payload: backup,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(RESTORE_CONFIRMATION);
    const office = await loginAs(t.app, 'vanphong');
    expect((await office.get('/api/backup/download')).statusCode).toBe(403);
    expect((await restore(office, backup)).statusCode).toBe(403);
  });
});
