// The read pages' answers are served again only while the data they came from is unchanged: a page
// seen again after a change, made here or by another connection, shows the change; one account's
// answer is never served to another; a hard reload computes afresh; without the change feed nothing
// is reused.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client';
import { CHANGES_APPLICATION_NAME } from '../../db/data-changes';
import { TRIGGER_WRITES, tablesIn, UNTRACKED_TABLES } from '../../db/statement-tables';
import { demoFixtures, editableFields } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
});
afterAll(async () => t.close());

const listOf = (unitId: number) => `/api/members?orgUnitId=${unitId}&pageSize=50`;
const namesIn = (body: string) =>
  (JSON.parse(body) as { items: { id: number; fullName: string }[] }).items;
const nameOf = (body: string, id: number) => namesIn(body).find((m) => m.id === id)?.fullName;

/** Ask until the answer satisfies `ok` (another connection's change arrives as a notification). */
const eventually = async (url: string, ok: (body: string) => boolean) => {
  for (let i = 0; i < 100; i++) {
    const res = await office.get(url);
    if (ok(res.body)) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} never showed the change`);
};

describe('answers of read pages served again until the data changes', () => {
  it('the same page twice: the second is served from the cache, identical', async () => {
    const url = listOf(f.siblingCellId);
    const first = await office.get(url);
    const second = await office.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-dangvu-cache']).toBe('miss');
    expect(second.headers['x-dangvu-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toMatch(/application\/json/);
  });

  it('a member renamed through the API shows at once on the cached list', async () => {
    const url = listOf(f.siblingCellId);
    const id = f.memberInSibling.id;
    await office.get(url);
    expect((await office.get(url)).headers['x-dangvu-cache']).toBe('hit');
    const member = (await office.get(`/api/members/${id}`)).json();
    const saved = await office.put(`/api/members/${id}`, {
      ...editableFields(member),
      fullName: 'Hoàng Thị Đổi Tên',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await office.get(url);
    expect(nameOf(after.body, id)).toBe('Hoàng Thị Đổi Tên');
  });

  it('a change written straight into the database by this process shows on the next request', async () => {
    const url = listOf(f.siblingCellId);
    const id = f.memberInSibling.id;
    await office.get(url);
    await t.db.execute(sql`update members set full_name = 'Lê Văn Sửa Tay' where id = ${id}`);
    expect(nameOf((await office.get(url)).body, id)).toBe('Lê Văn Sửa Tay');
  });

  it('a change committed by another connection (another process, SQL by hand) shows within moments', async () => {
    const url = listOf(f.siblingCellId);
    const id = f.memberInSibling.id;
    await office.get(url);
    if (t.database.kind === 'postgres') {
      const other = new pg.Client({ connectionString: t.database.pool!.options.connectionString });
      other.on('error', () => {});
      await other.connect();
      await other.query('begin');
      await other.query(`update members set full_name = 'Trần Văn Nơi Khác' where id = $1`, [id]);
      // Not committed yet: the page still shows the committed name.
      expect(nameOf((await office.get(url)).body, id)).not.toBe('Trần Văn Nơi Khác');
      await other.query('commit');
      await other.end();
    } else {
      // PGlite has one session; a statement on its client directly (not through the app's pool).
      await t.database.pglite!.query(
        `update members set full_name = 'Trần Văn Nơi Khác' where id = $1`,
        [id],
      );
    }
    await eventually(url, (body) => nameOf(body, id) === 'Trần Văn Nơi Khác');
  });

  it("one account's answer is never served to another: the same URL, each its own subtree", async () => {
    const cellSecretary = await loginAs(t.app, 'bithu');
    const url = '/api/members?pageSize=50';
    const officeList = await office.get(url);
    await office.get(url);
    const cellList = await cellSecretary.get(url);
    expect(cellList.headers['x-dangvu-cache']).toBe('miss');
    expect(cellList.body).not.toBe(officeList.body);
    const inCell = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from members where org_unit_id = ${f.cellId} and status in ('probationary', 'full')`,
    );
    expect(JSON.parse(cellList.body).total).toBe(inCell[0].n);
  });

  it('many requests for the same page at once: one computes it, the others get its answer', async () => {
    const url = '/api/dashboard?year=2025';
    const answers = await Promise.all(Array.from({ length: 8 }, () => office.get(url)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(answers.filter((a) => a.headers['x-dangvu-cache'] === 'miss')).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it('a hard reload (Cache-Control: no-cache) is computed afresh', async () => {
    const url = listOf(f.siblingCellId);
    await office.get(url);
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: office.cookie, 'cache-control': 'no-cache' },
    });
    expect(res.headers['x-dangvu-cache']).toBe('miss');
  });

  it('the dashboard, the overview and the year plan are cached too; an error answer is not', async () => {
    for (const url of ['/api/dashboard?year=2026', '/api/overview', '/api/plans/year?year=2026']) {
      expect((await office.get(url)).statusCode, url).toBe(200);
      expect((await office.get(url)).headers['x-dangvu-cache'], url).toBe('hit');
    }
    const outside = `/api/members?orgUnitId=999999`;
    expect((await office.get(outside)).statusCode).toBeGreaterThanOrEqual(400);
    expect((await office.get(outside)).headers['x-dangvu-cache']).toBe('miss');
  });

  it('every table the pages read carries the change trigger (a new table must get it too)', async () => {
    const untriggered = await queryRows<{ table_name: string }>(
      t.db,
      sql`select c.relname as table_name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
          where c.relkind in ('r', 'p') and not exists (
            select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'data_changed')
          order by 1`,
    );
    expect(untriggered.map((r) => r.table_name)).toEqual([...UNTRACKED_TABLES].sort());
  });

  it('every other trigger that writes a table is known, so a write counts for what it cascades to', async () => {
    const triggers = await queryRows<{ table_name: string; body: string }>(
      t.db,
      sql`select distinct c.relname as table_name, p.prosrc as body from pg_trigger g
          join pg_class c on c.oid = g.tgrelid
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
          join pg_proc p on p.oid = g.tgfoid
          where not g.tgisinternal and g.tgname <> 'data_changed' order by 1`,
    );
    const written = new Map<string, Set<string>>();
    for (const { table_name, body } of triggers)
      for (const target of tablesIn(body.replace(/\b(old|new)_rows\b/g, '')))
        written.set(table_name, (written.get(table_name) ?? new Set()).add(target));
    expect(Object.fromEntries([...written].map(([k, v]) => [k, [...v].sort()]))).toEqual(
      Object.fromEntries(Object.entries(TRIGGER_WRITES).map(([k, v]) => [k, [...v].sort()])),
    );
  });

  it('a write to a table the page did not read keeps its answer; one to a table it read does not', async () => {
    const url = listOf(f.siblingCellId);
    await office.get(url);
    expect((await office.get(url)).headers['x-dangvu-cache']).toBe('hit');
    await t.db.execute(
      sql`update proposals set version = version where id = (select min(id) from proposals)`,
    );
    await t.db.execute(
      sql`insert into notification_digests (user_id, day) select id, '2026-01-01' from users where username = 'vanphong' on conflict do nothing`,
    );
    expect((await office.get(url)).headers['x-dangvu-cache']).toBe('hit');
    await t.db.execute(sql`update org_units set name = name where id = ${f.siblingCellId}`);
    expect((await office.get(url)).headers['x-dangvu-cache']).toBe('miss');
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'while the change feed is down nothing is served from the cache; it resumes once reconnected',
    async () => {
      const url = listOf(f.siblingCellId);
      await office.get(url);
      expect((await office.get(url)).headers['x-dangvu-cache']).toBe('hit');
      const killed = await queryRows<{ ok: boolean }>(
        t.db,
        sql`select pg_terminate_backend(pid) as ok from pg_stat_activity
            where datname = current_database() and application_name = ${CHANGES_APPLICATION_NAME}`,
      );
      expect(killed).toEqual([{ ok: true }]);
      for (let i = 0; i < 50 && t.database.changes.live; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(t.database.changes.live).toBe(false);
      expect((await office.get(url)).headers['x-dangvu-cache']).toBeUndefined();
      for (let i = 0; i < 300 && !t.database.changes.live; i++)
        await new Promise((r) => setTimeout(r, 10));
      expect(t.database.changes.live).toBe(true);
      await office.get(url);
      expect((await office.get(url)).headers['x-dangvu-cache']).toBe('hit');
    },
  );

  it.runIf(process.env.TEST_DATABASE_URL)(
    'idle connections the server drops are replaced: the pages keep answering',
    async () => {
      // Several connections in the pool, then all but the one asking are ended by the server.
      await Promise.all(Array.from({ length: 4 }, () => office.get('/api/overview')));
      const killed = await queryRows<{ ok: boolean }>(
        t.db,
        sql`select pg_terminate_backend(pid) as ok from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and application_name <> ${CHANGES_APPLICATION_NAME}`,
      );
      expect(killed.length).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => office.get(listOf(f.siblingCellId))),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    },
  );
});
