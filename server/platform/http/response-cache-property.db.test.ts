// Issue 24: the response cache throws away only the answers a write could change (the tables each
// answer read, `db/statement-tables.ts`). Property: whatever the order of writes to different tables
// (by SQL on the app's own connection and through the API) and reads of the cached pages by two
// accounts, every answer served equals the same page computed afresh at that moment.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../db/client';
import { demoFixtures, editableFields } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let sessions: Record<'office' | 'cell', Session>;
beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  sessions = { office: await loginAs(t.app, 'vanphong'), cell: await loginAs(t.app, 'bithu') };
}, 120_000);
afterAll(async () => t.close());

const pages = [
  () => `/api/members?orgUnitId=${f.siblingCellId}&pageSize=50`,
  () => `/api/members?orgUnitId=${f.cellId}&pageSize=50`,
  () => '/api/members?q=nguyen&pageSize=20',
  () => '/api/overview',
  () => '/api/plans/year?year=2026',
  () => '/api/dashboard?year=2026',
];

let n = 0;
/** Writes, each to other tables; each changes what some page shows and not what others show. */
const writes = [
  async () => {
    n++;
    await t.db.execute(
      sql`update members set full_name = ${`Nguyễn Văn Thử ${n}`} where id = ${f.memberInSibling.id}`,
    );
  },
  async () => {
    n++;
    await t.db.execute(
      sql`update org_units set name = ${`Chi bộ Thử ${n}`} where id = ${f.cellId}`,
    );
  },
  async () => {
    n++;
    await t.db.execute(
      sql`update plan_targets set title = ${`Chỉ tiêu thử ${n}`}
          where id = (select min(id) from plan_targets where year = 2026)`,
    );
  },
  async () => {
    n++;
    await t.db.execute(
      sql`update proposals set content = ${`Kiến nghị thử ${n}`} where id = (select min(id) from proposals)`,
    );
  },
  async () => {
    // Through the API: one transaction, its own audit row, the member's history.
    n++;
    const id = f.memberInCell.id;
    const member = (await sessions.office.get(`/api/members/${id}`)).json();
    const saved = await sessions.office.put(`/api/members/${id}`, {
      ...editableFields(member),
      fullName: `Trần Thị Qua API ${n}`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
  },
];

type Step =
  | { kind: 'read'; page: number; who: 'office' | 'cell' }
  | { kind: 'write'; write: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('read' as const),
    page: fc.integer({ min: 0, max: pages.length - 1 }),
    who: fc.constantFrom('office' as const, 'cell' as const),
  }),
  fc.record({
    kind: fc.constant('write' as const),
    write: fc.integer({ min: 0, max: writes.length - 1 }),
  }),
);

describe('answers served from the cache equal answers computed afresh', () => {
  it('for any order of writes to different tables and reads by two accounts', async () => {
    let hits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        for (const s of steps) {
          if (s.kind === 'write') {
            await writes[s.write]();
            continue;
          }
          const session = sessions[s.who];
          const url = pages[s.page]();
          const served = await session.get(url);
          if (served.headers['x-dangvu-cache'] === 'hit') hits++;
          const fresh = await t.app.inject({
            method: 'GET',
            url,
            headers: { cookie: session.cookie, 'cache-control': 'no-cache' },
          });
          expect(fresh.headers['x-dangvu-cache']).toBe('miss');
          expect(served.statusCode).toBe(fresh.statusCode);
          expect(served.body, `${s.who} ${url}`).toBe(fresh.body);
        }
      }),
      { numRuns: 12, seed: 2026 },
    );
    // The cache did serve answers across writes to tables the pages did not read.
    expect(hits).toBeGreaterThan(0);
  }, 300_000);
});
