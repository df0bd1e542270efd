// Crash test: the real server (fresh PGlite data directory) is killed with SIGKILL in the middle of a
// 30,000-row member import and in the middle of a restructuring (a merge of many cells); restarted on
// the same directory, it must start (PGlite recovers, the stale lock is taken over) and the data must
// be exactly as before the operation or exactly as after it, never in between; the maintained totals
// must equal a scan. The same for the annual report's generation (its draft is there complete or not
// at all), and the audit chain still verifies at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, queryOne, queryRows, sql } from '../server/db/client';
import { scanAllOrgMemberCounts } from '../server/modules/figures';
import { verifyAuditChain } from '../server/platform/audit/audit';
import { type Server, startServer } from './harness';

const ROWS = 30_000;
const TODAY = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dangvu-crash-'));
let server: Server | null = null;
let passwords: Record<string, string> = {};

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Client = {
  get: (url: string) => Promise<Record<string, unknown>>;
  post: (url: string, body: unknown, signal?: AbortSignal) => Promise<Response>;
};

const withTimeout = (ms: number) => AbortSignal.timeout(ms);

/** Log in through HTTP as a user: the session cookie and the CSRF header for later calls. */
const logIn = async (s: Server, username: string): Promise<Client> => {
  const res = await fetch(`${s.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: passwords[username] }),
    signal: withTimeout(15_000),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    get: async (url) => {
      const r = await fetch(`${s.url}${url}`, { headers: { cookie }, signal: withTimeout(30_000) });
      expect(r.status, `${url}: ${await r.clone().text()}`).toBe(200);
      return (await r.json()) as Record<string, unknown>;
    },
    post: (url, body, signal) =>
      fetch(`${s.url}${url}`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: signal ?? withTimeout(120_000),
      }),
  };
};

type Line = { type: string; phase?: string; result?: Record<string, unknown>; message?: string };

/** Read an NDJSON answer line by line; `onLine` may stop reading by returning true. */
const readLines = async (res: Response, onLine: (line: Line) => boolean | undefined) => {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffered += decoder.decode(value, { stream: true });
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) if (part && onLine(JSON.parse(part) as Line)) return;
  }
};

const finalLine = async (res: Response): Promise<Line> => {
  let last: Line = { type: 'none' };
  await readLines(res, (line) => {
    last = line;
    return undefined;
  });
  return last;
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const dayOf = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** 30,000 distinct members spread over the given cells (labels "Chi bộ X – Đảng bộ Y"). */
const memberCsv = (cells: string[]) => {
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const middle = ['Văn Thử', 'Thị Thử', 'Minh Thử'];
  const given = ['Hùng', 'Lan', 'Minh', 'Hằng', 'Đức', 'Thảo', 'Nam', 'Hương', 'Tuấn', 'Mai'];
  const lines = ['STT;Họ và tên;Giới tính;Ngày sinh;Số CCCD;Chi bộ;Ngày vào Đảng;Ngày chính thức'];
  for (let i = 0; i < ROWS; i++) {
    const birth = dayOf('1960-01-01', i % 10_000); // with the middle name: never the same pair
    const admitted = dayOf(birth, 365 * 23 + (i % 2000));
    lines.push(
      [
        i + 1,
        `${family[i % 10]} ${middle[Math.floor(i / 10_000)]} ${given[Math.floor(i / 10) % 10]}`,
        i % 2 ? 'Nữ' : 'Nam',
        dmy(birth),
        `08${String(i).padStart(10, '0')}`,
        `"${cells[i % cells.length]}"`,
        dmy(admitted),
        i % 3 ? dmy(dayOf(admitted, 365)) : '',
      ].join(';'),
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
};

/** In-party members of a unit's subtree: the maintained total and a scan (a filter forces one). */
const totals = async (c: Client, orgUnitId?: number) => {
  const scope = orgUnitId ? `orgUnitId=${orgUnitId}&` : '';
  const rollup = (await c.get(`/api/overview${scope ? `?${scope.slice(0, -1)}` : ''}`))
    .total as number;
  const male = (await c.get(`/api/members?${scope}sex=male&pageSize=1`)).total as number;
  const female = (await c.get(`/api/members?${scope}sex=female&pageSize=1`)).total as number;
  return { rollup, scan: male + female };
};

/** Kill after a random short delay once `ready` resolves, or when the operation ends first. */
const killSoonAfter = async (s: Server, minMs: number, maxMs: number) => {
  const delay = minMs + Math.floor(Math.random() * (maxMs - minMs));
  await new Promise((r) => setTimeout(r, delay));
  await s.kill();
  return delay;
};

let committee: { id: number; cells: { id: number; name: string }[] };
let importJobId = 0;

describe('SIGKILL in the middle of long operations', () => {
  it('a 30,000-row import killed while writing: after restart, all or nothing', async () => {
    server = await startServer({ dataDir });
    passwords = server.passwords;
    let c = await logIn(server, 'vanphong');

    // A grassroots committee of the demo bloc and its live cells.
    const found = (await c.get(`/api/org-units/search?q=${encodeURIComponent('Sở Y tế')}`))
      .items as { id: number; kind: string; name: string }[];
    const parent = found.find((u) => u.kind === 'grassroots_committee');
    expect(parent, JSON.stringify(found)).toBeDefined();
    const children = (await c.get(`/api/org-units/tree?parentId=${parent!.id}`)).nodes as {
      id: number;
      kind: string;
      name: string;
    }[];
    const cells = children.filter((u) => u.kind === 'cell');
    expect(cells.length).toBeGreaterThanOrEqual(3);
    committee = { id: parent!.id, cells: cells.map((u) => ({ id: u.id, name: u.name })) };
    const parentName = parent!.name;
    // Every row goes to a cell that the merge below folds into the first one.
    const file = memberCsv(cells.slice(1).map((u) => `${u.name} – ${parentName}`));

    const before = await totals(c);
    expect(before.scan).toBe(before.rollup);

    const up = await c.post('/api/imports', {
      kind: 'members',
      fileName: 'crash-30k.csv',
      contentBase64: file.toString('base64'),
    });
    const job = (await finalLine(up)).result as { id: number; mapping: Record<string, unknown> };
    expect(job?.id).toBeGreaterThan(0);
    importJobId = job.id;
    const pv = await finalLine(
      await c.post(`/api/imports/${job.id}/preview`, { mapping: job.mapping }),
    );
    // On failure, say which rows the import refused and why.
    const refused = (pv.result?.summary as { errors?: number } | undefined)?.errors
      ? JSON.stringify(await c.get(`/api/imports/${job.id}/rows?filter=errors`)).slice(0, 2000)
      : '';
    expect(pv.result?.summary, refused).toMatchObject({ total: ROWS, errors: 0, duplicates: 0 });

    const commit = await c.post(`/api/imports/${job.id}/commit`, {}, withTimeout(150_000));
    let sawWriting = false;
    let finished = false;
    const killed = (async () => {
      // Kill once the commit says it is writing, a little later at random (or at 60 s, bounded).
      await readLines(commit, (line) => {
        if (line.type === 'progress' && line.phase === 'writing') sawWriting = true;
        if (line.type === 'result' || line.type === 'error') finished = true;
        return sawWriting || finished;
      }).catch(() => {});
      return killSoonAfter(server!, 0, 400);
    })();
    const delay = await Promise.race([
      killed,
      new Promise<number>((r) => setTimeout(() => r(-1), 90_000)),
    ]);
    if (delay === -1) await server.kill();
    process.stdout.write(
      `import: killed ${delay} ms after ${sawWriting ? '"writing"' : finished ? 'the end' : 'a timeout'}\n`,
    );

    server = await startServer({ dataDir });
    c = await logIn(server, 'vanphong');
    const after = await totals(c);
    expect(after.scan).toBe(after.rollup);
    expect([before.rollup, before.rollup + ROWS]).toContain(after.rollup);
    process.stdout.write(
      `import: ${after.rollup === before.rollup ? 'nothing written (before)' : 'all written (after)'}\n`,
    );
  }, 620_000); // its first start seeds the demo bloc (harness: up to 600 s)

  it('a merge of many cells killed mid-way: after restart, the tree and members are fully before or fully after', async () => {
    let c = await logIn(server!, 'vanphong');
    const [target, ...sources] = committee.cells;
    // When the killed import wrote nothing, its job (previewed, kept in the database) is committed
    // now after the restart, so that the merge moves 30,000 members.
    if ((await totals(c, committee.id)).rollup < ROWS) {
      const done = await finalLine(await c.post(`/api/imports/${importJobId}/commit`, {}));
      expect(done.result, JSON.stringify(done)).toMatchObject({ created: ROWS });
    }
    const unitTotals = async (client: Client) =>
      Promise.all(committee.cells.map(async (u) => (await totals(client, u.id)).rollup));
    const beforeCounts = await unitTotals(c);
    const committeeBefore = await totals(c, committee.id);
    const moving = beforeCounts.slice(1).reduce((a, b) => a + b, 0);

    const request = c
      .post('/api/org-units/operations', {
        kind: 'merge',
        sourceIds: sources.map((u) => u.id),
        targetId: target.id,
        effectiveDate: TODAY,
        decisionNumber: '99-QĐ/CRASH',
      })
      .then(async (r) => ({ status: r.status, body: await r.text() }))
      .catch((e: unknown) => ({ status: 0, body: String(e) }));
    const delay = await killSoonAfter(server!, 50, 1500);
    const answer = await request;
    process.stdout.write(
      `merge of ${moving} members: killed after ${delay} ms (answer: ${answer.status})\n`,
    );

    server = await startServer({ dataDir });
    c = await logIn(server, 'vanphong');
    const afterCounts = await unitTotals(c);
    const committeeAfter = await totals(c, committee.id);
    expect(committeeAfter).toEqual(committeeBefore);
    const dissolved = await Promise.all(
      sources.map(
        async (u) => (await c.get(`/api/org-units/${u.id}`)).dissolvedOn as string | null,
      ),
    );
    const merged = afterCounts[0] === beforeCounts[0] + moving;
    if (merged) {
      expect(afterCounts.slice(1).every((n) => n === 0)).toBe(true);
      expect(dissolved.every((d) => d === TODAY)).toBe(true);
    } else {
      expect(afterCounts).toEqual(beforeCounts);
      expect(dissolved.every((d) => d === null)).toBe(true);
    }
    // An answer 200 means the merge was committed before the kill.
    if (answer.status === 200) expect(merged).toBe(true);
    process.stdout.write(`merge: ${merged ? 'all moved (after)' : 'nothing moved (before)'}\n`);
    for (const u of [target, ...sources]) {
      const t = await totals(c, u.id);
      expect(t.scan, `unit ${u.id}`).toBe(t.rollup);
    }
  }, 120_000);

  it('an annual report killed while it is generated: after restart, no draft or a complete one', async () => {
    let c = await logIn(server!, 'vanphong');
    type Draft = { version: number; generatedAt: string | null; figures: unknown[] } | null;
    const draftOf = async (client: Client) =>
      (await client.get('/api/reports/annual?year=2024')).draft as Draft;
    const before = await draftOf(c);
    const started = await c.post('/api/reports/annual/generate', { year: 2024 });
    expect(started.status, await started.clone().text()).toBe(200);
    const delay = await killSoonAfter(server!, 30, 1200);
    process.stdout.write(`report generation: killed after ${delay} ms\n`);

    server = await startServer({ dataDir });
    c = await logIn(server, 'vanphong');
    const after = await draftOf(c);
    if (after && (!before || after.version > before.version)) {
      // Generated before the kill: the whole draft, figures and all, in one transaction.
      expect(after.generatedAt).not.toBeNull();
      expect(after.figures.length).toBeGreaterThan(5);
      process.stdout.write('report: complete draft (after)\n');
    } else {
      expect(after).toEqual(before);
      process.stdout.write('report: no new draft (before)\n');
    }
    // And it can be generated again after the restart.
    const again = await c.post('/api/reports/annual/generate', { year: 2024 });
    expect(again.status).toBe(200);
  }, 120_000);

  it('after a clean stop the maintained totals of every unit equal a scan of the members', async () => {
    await server!.stop();
    server = null;
    const database = await createDatabase({ dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = await queryRows<{
        org_unit_id: number;
        dimension: string;
        key: string;
        count: number;
      }>(
        database.db,
        sql`select org_unit_id, dimension, key, count from org_member_counts
            where count <> 0 order by org_unit_id, dimension, key`,
      );
      const maintained = new Map<number, { dimension: string; key: string; count: number }[]>();
      for (const { org_unit_id, ...row } of rows)
        maintained.set(org_unit_id, [...(maintained.get(org_unit_id) ?? []), row]);
      expect(maintained).toEqual(await scanAllOrgMemberCounts(database.db));
      // No member of a dissolved unit is still in the party there.
      const orphans = await queryOne<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from members m join org_units o on o.id = m.org_unit_id
            where o.dissolved_on is not null and m.status in ('probationary', 'full', 'exempted', 'suspended')`,
      );
      expect(orphans?.n).toBe(0);
      // Nothing the kills interrupted broke the tamper-evident audit chain.
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    } finally {
      await database.close();
    }
  }, 120_000);
});
