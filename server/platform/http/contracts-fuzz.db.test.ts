// Contract fuzz: every POST/PUT route of the OpenAPI document gets random JSON bodies – some built
// from the route's own request schema (right shapes, wrong values: unknown ids, impossible dates,
// huge strings, odd enums), some arbitrary values – as an office user (or the administrator where
// the office may not call the route), with the CSRF header. No answer may be a 500 (nor an
// "internal" error line in an NDJSON stream), and every 4xx carries a Vietnamese message in the
// error handler's shape { code, message }.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

const BODIES_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 15);

/** Routes that end the caller's session or change a password (as the authorisation matrix skips). */
const skipped = new Set([
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
  'POST /api/auth/change-password',
  'POST /api/accounts/{id}/reset-password',
  'POST /api/accounts/{id}/reset-totp',
]);

const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

let t: Awaited<ReturnType<typeof openTestApp>>;
let sessions: Record<string, Session>;
let ids: number[] = [];
let accountIds: number[] = [];

beforeAll(async () => {
  t = await openTestApp('demo');
  sessions = {
    vanphong: await loginAs(t.app, 'vanphong'),
    admin: await loginAs(t.app, 'admin'),
    ubkt: await loginAs(t.app, 'ubkt'),
  };
  // Real ids of several kinds, so that bodies reach the services and not only the validation.
  const rows = await queryRows<{ id: number }>(
    t.db,
    sql`(select id from org_units order by id limit 15)
        union (select id from members order by id limit 15)
        union (select id from member_events order by id limit 5)
        union (select id from applicants order by id limit 5)`,
  );
  ids = rows.map((r) => r.id);
  // Accounts the fuzz may edit: never the ones it is signed in as.
  accountIds = (
    await queryRows<{ id: number }>(
      t.db,
      sql`select id from users where username not in ('vanphong', 'admin', 'ubkt') order by id`,
    )
  ).map((r) => r.id);
});
afterAll(async () => t.close());

const idValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...[1, 2, 3, 5, 8, 13]) },
  { weight: 3, arbitrary: fc.nat(10_000).map((n) => ids[n % Math.max(1, ids.length)] ?? n) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -1, 2_147_483_647, 2_147_483_648, 9_007_199_254_740_991),
  },
);

const isoDate = fc
  .date({
    min: new Date('1850-01-01T00:00:00Z'),
    max: new Date('2150-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const text = (min = 0, max = 300) =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.string({
        unit: 'grapheme',
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 40)),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'Nguyễn Văn Hùng',
        'Chi bộ Phòng Tổ chức',
        '1-QĐ/TW',
        'Nguyễn Văn Hùng'.normalize('NFD'),
        '',
        '   ',
        "'; drop table members; --",
        '=1+1',
        '\u0000',
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(max, max + 1, 5000).map((n) => 'Đ'.repeat(n)) },
  );

/** Values shaped by a request schema: mostly the right types, often wrong values. */
const fromSchema = (schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
  const alternatives = schema.oneOf ?? schema.anyOf;
  let arb: fc.Arbitrary<unknown>;
  if (alternatives) arb = fc.oneof(...alternatives.map((s) => fromSchema(s, depth)));
  else if (schema.allOf) arb = fromSchema(schema.allOf[0], depth);
  else if (schema.enum)
    arb = fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: text(0, 20) },
    );
  else if (schema.type === 'string' && schema.format === 'date')
    arb = fc.oneof(
      { weight: 5, arbitrary: isoDate },
      { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '31/12/2025', '', '0000-01-01') },
    );
  else if (schema.type === 'string' && schema.pattern)
    arb = fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(new RegExp(schema.pattern)) },
      { weight: 1, arbitrary: text(0, 20) },
    );
  else if (schema.type === 'string') arb = text(schema.minLength, schema.maxLength);
  else if (schema.type === 'integer')
    arb = fc.oneof(
      { weight: 4, arbitrary: idValue },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: fc.integer({ min: 1900, max: 2100 }) },
    );
  else if (schema.type === 'number')
    arb = fc.oneof(fc.double({ noNaN: true }), fc.integer({ min: -10, max: 1_000_000 }));
  else if (schema.type === 'boolean') arb = fc.boolean();
  else if (schema.type === 'array')
    arb =
      depth > 3 || !schema.items
        ? fc.constant([])
        : fc.array(fromSchema(schema.items, depth + 1), { maxLength: 4 });
  else if (schema.type === 'object' || schema.properties) {
    const properties = schema.properties ?? {};
    const required = schema.required ?? [];
    arb =
      depth > 3
        ? fc.constant({})
        : fc.oneof(
            {
              weight: 4,
              arbitrary: fc.record(
                Object.fromEntries(
                  Object.entries(properties).map(([k, s]) => [k, fromSchema(s, depth + 1)]),
                ),
                { requiredKeys: required.filter((k) => k in properties) },
              ),
            },
            {
              weight: 1,
              arbitrary: fc.record(
                Object.fromEntries(
                  Object.entries(properties).map(([k, s]) => [k, fromSchema(s, depth + 1)]),
                ),
                { requiredKeys: [] },
              ),
            },
          );
  } else arb = fc.anything({ maxDepth: 1, maxKeys: 3 });
  return schema.nullable ? fc.option(arb, { nil: null, freq: 6 }) : arb;
};

const bodyFor = (schema: JsonSchema | undefined) =>
  fc.oneof(
    { weight: schema ? 6 : 0, arbitrary: schema ? fromSchema(schema) : fc.constant(null) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.object({ maxDepth: 2, maxKeys: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, [], '', 0, 'x', { __proto__: null }) },
  );

const send = async (s: Session, method: 'POST' | 'PUT', url: string, body: unknown) => {
  const json = JSON.stringify(body);
  return t.app.inject({
    method,
    url,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    payload: json,
  });
};

/** The answer is not a crash: no 500; a 4xx says what is wrong in Vietnamese; a stream ends cleanly. */
const expectClean = (
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  what: string,
) => {
  expect(res.statusCode, `${what} → ${res.body.slice(0, 400)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const answer = JSON.parse(res.body) as { code?: unknown; message?: unknown };
    expect(typeof answer.code, what).toBe('string');
    expect(answer.message, `${what} → ${res.body.slice(0, 400)}`).toMatch(vietnamese);
    return;
  }
  if (String(res.headers['content-type']).startsWith('application/x-ndjson')) {
    const lines = res.body.split('\n').filter(Boolean);
    const last = JSON.parse(lines[lines.length - 1]) as { type: string; code?: string };
    expect(last.code, `${what} → ${lines[lines.length - 1]}`).not.toBe('INTERNAL');
  }
};

describe('contract fuzz: random bodies to every POST and PUT route', () => {
  // Found by this fuzz (each was a 500): PostgreSQL cannot store U+0000, ids are int4, year 0 does
  // not exist.
  it('refuses a NUL character, an id beyond the integer range and the year 0 with a Vietnamese 400', async () => {
    const s = sessions.vanphong;
    const cases: [string, unknown][] = [
      ['/api/auth/login', { username: 'van\u0000phong', password: 'x' }],
      [
        '/api/org-units/operations',
        {
          kind: 'rename',
          orgUnitId: 2_147_483_648,
          name: 'Chi bộ Mới',
          effectiveDate: '2026-01-01',
          decisionNumber: '1-QĐ',
        },
      ],
      [
        '/api/org-units/operations',
        {
          kind: 'rename',
          orgUnitId: 1,
          name: 'Chi bộ Mới',
          effectiveDate: '0000-01-01',
          decisionNumber: '1-QĐ',
        },
      ],
      ['/api/members/1/events/9007199254740991/presented', { presentedOn: '2026-01-01' }],
    ];
    for (const [url, body] of cases) {
      const res = await send(s, 'POST', url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(vietnamese);
    }
  });

  // Found by probing every route (issue 23): a body nested 20,000 deep overflowed the stack of the
  // NUL walk (a 500 on every mutating route), and `?q=%00` reached PostgreSQL (a 500 on member and
  // unit search): the query string's object was not walked.
  it('refuses a body nested 20,000 deep on every POST and PUT route, and a NUL in a search, with a Vietnamese 400', async () => {
    const s = sessions.vanphong;
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const deepObject = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const m of Object.keys(methods).filter((x) => x === 'post' || x === 'put')) {
        const url = path.replace('{year}', '2026').replace(/\{\w+\}/g, '1');
        for (const payload of [deepArray, deepObject]) {
          const res = await t.app.inject({
            method: m.toUpperCase() as 'POST',
            url,
            headers: {
              cookie: s.cookie,
              'x-csrf-token': s.csrf,
              'content-type': 'application/json',
            },
            payload,
          });
          expect(res.statusCode, `${m} ${url} ${res.body.slice(0, 200)}`).toBe(400);
          expect(res.json().code).toBe('VALIDATION');
          expect(res.json().message, url).toMatch(vietnamese);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
    // 64 levels still pass the guard (and reach the contract).
    const fine = await send(s, 'POST', '/api/auth/login', {
      username: 'x',
      password: JSON.stringify(JSON.parse(`${'['.repeat(60)}${']'.repeat(60)}`)),
    });
    expect(fine.statusCode).toBe(401);
    for (const url of [
      '/api/members?q=%00',
      '/api/members?q=a%00b',
      '/api/org-units/search?q=%00',
      '/api/org-units/search?q=chi%00bo',
      '/api/members?ethnicity=T%C3%A0y%00',
    ]) {
      const res = await s.get(url);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().message).toMatch(/NUL/);
    }
  }, 120_000);

  it('never answers 500; every 4xx has a Vietnamese message', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>
      >;
    };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([m]) => m === 'post' || m === 'put')
        .map(([m, op]) => ({
          method: m.toUpperCase() as 'POST' | 'PUT',
          path,
          schema: op.requestBody?.content?.['application/json']?.schema,
        })),
    );
    expect(routes.length).toBeGreaterThan(30);
    const statuses: Record<string, number> = {};
    let sent = 0;
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      if (skipped.has(name)) continue;
      const urlOf = (pathIds: number[], year: number, confirm: string | null) => {
        let i = 0;
        const url = route.path
          .replace(/\{year\}/g, String(year))
          .replace(/\{(\w+)\}/g, () => String(pathIds[i++ % pathIds.length]));
        const base = url.endsWith('/') ? url.slice(0, -1) : url;
        return confirm === null ? base : `${base}?confirm=${encodeURIComponent(confirm)}`;
      };
      // The office user, or the first of the others the route lets through.
      let session = sessions.vanphong;
      for (const who of ['vanphong', 'admin', 'ubkt']) {
        const probe = await send(sessions[who], route.method, urlOf([1], 2026, null), {});
        expectClean(probe, `${name} as ${who} with {}`);
        session = sessions[who];
        if (probe.statusCode !== 403) break;
      }
      const idArb = route.path.startsWith('/api/accounts/{id}')
        ? fc.constantFrom(...accountIds)
        : idValue;
      await fc.assert(
        fc.asyncProperty(
          bodyFor(route.schema),
          fc.array(idArb, { minLength: 2, maxLength: 2 }),
          fc.constantFrom(2025, 2026, 1900, 0, 99_999),
          fc.option(fc.constantFrom('', 'x', 'PHỤC HỒI', 'phuc hoi'), { nil: null }),
          async (body, pathIds, year, confirm) => {
            const url = urlOf(pathIds, year, confirm);
            const res = await send(session, route.method, url, body);
            sent += 1;
            statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
            expectClean(res, `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 300)}`);
          },
        ),
        { numRuns: BODIES_PER_ROUTE },
      );
    }
    expect(sent).toBeGreaterThan(30 * (BODIES_PER_ROUTE - 1));
    // Not only validation: some bodies reach the services (2xx, or 404/409 from business rules).
    expect(Object.keys(statuses).filter((s) => s !== '400').length).toBeGreaterThan(1);
  }, 240_000);
});
