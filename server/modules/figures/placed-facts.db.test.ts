// The maintained per-day counts must equal the catalogue's scan (events placed in the tree of their
// date; members at a date in the tree of that date; units required to study a resolution in the tree
// of its deadline) on random subtrees, periods and dates: after the bulk demo load, after events,
// sessions and action programmes recorded one by one, and after restructurings that move members and
// whole cells or establish a cell.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder, queryOne, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { computeMetric, computeMetrics, dashboardMetricCodes } from '../plans';
import { loadCoverageUnits, loadPlanFacts } from '../resolutions';
import { ensurePlacedFacts, rebuildPlacedFacts, recountMemberFacts } from './placed-facts';

let t: Awaited<ReturnType<typeof openTestApp>>;
let office: Session;

const snapshotMetrics = ['members.total', 'members.status.probationary', 'members.status.full'];
const otherMetrics = [
  'lifecycle.dues_collected',
  'lifecycle.badges_awarded',
  'lifecycle.cards_issued',
  'evaluation.grassroots_good_or_better',
  'evaluation.members_good_or_better',
  'evaluation.members_excellent',
  'evaluation.mass_organisations_good_or_better',
  'evaluation.agencies_cultural_standard',
];
const disseminationMetrics = ['resolutions.cells_disseminated', 'resolutions.action_programmes'];
const eventMetrics = [
  'recruitment.admitted',
  'recruitment.recognised',
  'recruitment.readmitted',
  'members.transferred_in',
  'members.transferred_out',
  'members.removed',
  'members.expelled',
  'members.died',
];

beforeAll(async () => {
  t = await openTestApp('demo');
  office = await loginAs(t.app, 'vanphong');
});
afterAll(async () => t.close());

const unitIds = async () =>
  (await queryRows<{ id: number }>(t.db, sql`select id from org_units order by id`)).map(
    (r) => r.id,
  );

const isoDay = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

const planIds = async () =>
  (
    await queryRows<{ id: number }>(
      t.db,
      sql`select resolution_id as id from resolution_plans order by resolution_id`,
    )
  ).map((r) => r.id);

/**
 * Fast (maintained counts) and scanned values of every maintained metric, for one subtree and period
 * (and the dissemination figures of one resolution when `resolutionId` is given).
 */
const compare = async (unitId: number, from: string, asOf: string, resolutionId?: number) => {
  const scope = { unitId, from, to: `${from.slice(0, 4)}-12-31`, asOf };
  const shown = (v: Awaited<ReturnType<typeof computeMetric>>) =>
    v.status === 'ok' ? [v.value, v.numerator, v.denominator] : v.status;
  const codes = [
    ...new Set([
      ...eventMetrics,
      ...snapshotMetrics,
      ...otherMetrics,
      ...disseminationMetrics,
      ...dashboardMetricCodes,
    ]),
  ];
  // The dashboard's path: metrics sharing a query (the fact sums, inspection, badges and cards)
  // answered together; and each alone without records.
  const together = await computeMetrics({ db: t.db, codes, scope });
  const check = async (code: string, s: typeof scope & { resolutionId?: number }) => {
    const scan = shown(await computeMetric({ db: t.db, code, scope: s, withRecords: true }));
    const fast = await computeMetric({ db: t.db, code, scope: s, withRecords: false });
    const where = `${code} unit ${unitId} ${from}…${asOf} resolution ${s.resolutionId}`;
    expect(shown(fast), where).toEqual(scan);
    if (!s.resolutionId) expect(shown(together.get(code)!), `${where} (together)`).toEqual(scan);
  };
  for (const code of codes) await check(code, scope);
  if (resolutionId)
    for (const code of disseminationMetrics) await check(code, { ...scope, resolutionId });
};

const randomPeriods = fc.array(
  fc.record({
    unit: fc.nat(),
    plan: fc.nat(),
    // Half of the periods in the years of the demo's resolution plans.
    year: fc.oneof(fc.integer({ min: 2012, max: 2026 }), fc.integer({ min: 2024, max: 2026 })),
    start: fc.nat(200),
    length: fc.nat(365),
  }),
  { minLength: 4, maxLength: 8 },
);

const checkRandomSubtrees = async (seed: number) => {
  const units = await unitIds();
  const plans = await planIds();
  await fc.assert(
    fc.asyncProperty(randomPeriods, async (periods) => {
      for (const p of periods) {
        const from = isoDay(p.year, p.start);
        const asOf = isoDay(p.year, Math.min(364, p.start + p.length));
        await compare(units[p.unit % units.length], from, asOf, plans[p.plan % plans.length]);
      }
    }),
    { numRuns: 6, seed },
  );
};

describe('maintained fact sums (org_fact_counts)', () => {
  it('equal the scan on random subtrees and periods after the demo load', async () => {
    const root = await queryOne<{ id: number }>(
      t.db,
      sql`select id from org_units where parent_id is null`,
    );
    await compare(root!.id, '2025-01-01', '2025-12-31');
    await compare(root!.id, '2026-01-01', '2026-11-20');
    await checkRandomSubtrees(1);
  }, 300_000);

  it('stay equal after events recorded one by one and restructurings of the tree', async () => {
    const cells = (
      await queryRows<{ id: number }>(
        t.db,
        sql`select id from org_units where kind = 'cell' and dissolved_on is null order by id`,
      )
    ).map((r) => r.id);
    const members = (
      await queryRows<{ id: number }>(
        t.db,
        sql`select id from members where status = 'full' order by id limit 40`,
      )
    ).map((r) => r.id);
    const kinds = ['transferred_out', 'died', 'moved', 'removed'] as const;
    for (const [i, id] of members.entries()) {
      const m = (await office.get(`/api/members/${id}`)).json();
      const kind = kinds[i % kinds.length];
      const res = await office.post(`/api/members/${id}/events`, {
        kind,
        eventDate: `2026-0${1 + (i % 9)}-15`,
        orgUnitId: kind === 'moved' ? cells[(i * 7) % cells.length] : undefined,
        version: m.version,
      });
      // Some are refused by the rules (a date before the member's last event): nothing moves then.
      expect([200, 400]).toContain(res.statusCode);
    }
    // A month's dues of one cell, recorded as the cell's sheet (all members unpaid that month).
    const sheet = await queryRows<{ org_unit_id: number; member_id: number }>(
      t.db,
      sql`select m.org_unit_id, m.id as member_id from members m
          where m.status = 'full' and m.org_unit_id = ${cells[3]}
            and not exists (select 1 from dues_payments d where d.member_id = m.id and d.month = '2026-11')`,
    );
    if (sheet.length > 0) {
      const paid = await office.post('/api/lifecycle/dues/payments', {
        orgUnitId: cells[3],
        month: '2026-11',
        paidOn: '2026-11-20',
        payments: sheet.map((r) => ({ memberId: r.member_id, amount: 12_000 })),
      });
      expect(paid.statusCode, paid.body).toBe(200);
      await compare(cells[3], '2026-01-01', '2026-11-20');
    }
    // A Party badge at the award day of 2 September and a first party card, recorded in the cell of
    // the member on those days: both counted up the tree from then on.
    const badgeRoot = (await queryOne<{ id: number }>(
      t.db,
      sql`select scope_org_unit_id as id from users where username = 'vanphong'`,
    ))!.id;
    const badgeDay = '2026-09-02';
    const due = (
      await office.get(`/api/lifecycle/badges?orgUnitId=${badgeRoot}&awardDate=${badgeDay}`)
    )
      .json()
      .items.find((i: { eligible: boolean; awarded: boolean }) => i.eligible && !i.awarded);
    expect(due).toBeTruthy();
    const before = await computeMetrics({
      db: t.db,
      codes: ['lifecycle.badges_awarded', 'lifecycle.cards_issued'],
      scope: { unitId: badgeRoot, from: '2026-01-01', to: '2026-12-31', asOf: '2026-11-20' },
    });
    const awarded = await office.post('/api/lifecycle/badges', {
      memberId: due.memberId,
      milestone: due.milestone,
      awardDate: badgeDay,
      decisionNumber: '89-QĐ/TU',
    });
    expect(awarded.statusCode, awarded.body).toBe(200);
    const uncarded = await queryOne<{ id: number; version: number }>(
      t.db,
      sql`select id, version from members where status = 'full' and card_number is null
          order by id limit 1`,
    );
    const issued = await office.post(`/api/lifecycle/members/${uncarded!.id}/card-events`, {
      action: 'issued',
      actionDate: '2026-10-05',
      cardNumber: '77009999',
      version: uncarded!.version,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const after = await computeMetrics({
      db: t.db,
      codes: ['lifecycle.badges_awarded', 'lifecycle.cards_issued'],
      scope: { unitId: badgeRoot, from: '2026-01-01', to: '2026-12-31', asOf: '2026-11-20' },
    });
    const value = (m: typeof after, code: string) => {
      const v = m.get(code);
      return v?.status === 'ok' ? Number(v.value) : Number.NaN;
    };
    expect(value(after, 'lifecycle.badges_awarded')).toBe(
      value(before, 'lifecycle.badges_awarded') + 1,
    );
    expect(value(after, 'lifecycle.cards_issued')).toBe(
      value(before, 'lifecycle.cards_issued') + 1,
    );
    await compare(badgeRoot, '2026-01-01', '2026-11-20');
    // A cell merged into a sibling and a cell moved to another grassroots organisation.
    const siblings = await queryRows<{ a: number; b: number }>(
      t.db,
      sql`select x.id as a, y.id as b from org_units x join org_units y
            on y.parent_id = x.parent_id and y.id > x.id and y.kind = 'cell'
          where x.kind = 'cell' and x.dissolved_on is null and y.dissolved_on is null
          order by x.id limit 1`,
    );
    const merged = await office.post('/api/org-units/operations', {
      kind: 'merge',
      sourceIds: [siblings[0].a],
      targetId: siblings[0].b,
      effectiveDate: '2026-09-01',
      decisionNumber: '301-QĐ/ĐU',
      decisionDate: '2026-08-28',
    });
    expect(merged.statusCode).toBe(200);
    const move = await queryOne<{ cell: number; parent: number }>(
      t.db,
      sql`select c.id as cell, g.id as parent from org_units c
          join org_units g on g.kind = 'grassroots_committee' and g.id <> c.parent_id
            and g.dissolved_on is null
          where c.kind = 'cell' and c.dissolved_on is null
            and exists (select 1 from members m where m.org_unit_id = c.id)
          order by c.id desc, g.id limit 1`,
    );
    const moved = await office.post('/api/org-units/operations', {
      kind: 'move',
      orgUnitId: move!.cell,
      newParentId: move!.parent,
      effectiveDate: '2026-10-01',
      decisionNumber: '302-QĐ/ĐU',
      decisionDate: '2026-09-28',
    });
    expect(moved.statusCode).toBe(200);
    const root = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from org_units where parent_id is null`,
    ))!.id;
    await compare(move!.parent, '2026-01-01', '2026-11-20');
    await compare(siblings[0].b, '2026-01-01', '2026-11-20');
    // Sessions and action programmes of units that had not held theirs, for the plans of 2026, and a
    // cell established before their deadlines (required from then on).
    const today = todayIso();
    for (const plan of await queryRows<{ id: number; issued_on: string }>(
      t.db,
      sql`select p.resolution_id as id, r.issued_on::text from resolution_plans p
          join resolutions r on r.id = p.resolution_id
          where p.study_deadline >= '2026-01-01' order by 1`,
    )) {
      const facts = (await loadPlanFacts(t.db, plan.id, today))!;
      const open = (await loadCoverageUnits(t.db, facts, root, today))
        .filter((u) => !u.held_on || !u.ap_on)
        .slice(0, 3);
      for (const u of open) {
        if (!u.held_on) {
          const held = await office.post(`/api/resolutions/${plan.id}/sessions`, {
            orgUnitId: u.id,
            heldOn: today,
            form: 'in_person',
            invited: 10,
            attended: 9,
          });
          expect(held.statusCode, held.body).toBe(200);
        }
        if (!u.ap_on && facts.action_programme_required) {
          const ap = await office.put(`/api/resolutions/${plan.id}/action-programme`, {
            orgUnitId: u.id,
            number: `9${u.id}-CTr`,
            issuedOn: plan.issued_on > '2026-11-01' ? plan.issued_on : '2026-11-01',
          });
          expect(ap.statusCode, ap.body).toBe(200);
        }
      }
      await compare(root, '2026-01-01', today, plan.id);
    }
    const grassroots = await queryOne<{ id: number }>(
      t.db,
      sql`select id from org_units where kind = 'grassroots_committee' and dissolved_on is null
          order by id limit 1`,
    );
    const established = await office.post('/api/org-units/operations', {
      kind: 'establish',
      parentId: grassroots!.id,
      unitKind: 'cell',
      name: 'Chi bộ mới thành lập',
      effectiveDate: '2026-10-15',
      decisionNumber: '303-QĐ/ĐU',
      decisionDate: '2026-10-10',
    });
    expect(established.statusCode, established.body).toBe(200);
    await compare(grassroots!.id, '2026-01-01', today);
    await compare(root, '2026-01-01', today);
    await checkRandomSubtrees(2);
  }, 300_000);

  it('concurrent events of one day in many cells neither deadlock nor lose a count', async () => {
    const members = await queryRows<{ id: number; org_unit_id: number }>(
      t.db,
      sql`select distinct on (org_unit_id) id, org_unit_id from members
          where status = 'full' order by org_unit_id, id limit 12`,
    );
    const root = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from org_units where parent_id is null`,
    ))!.id;
    const scope = { unitId: root, from: '2026-01-01', to: '2026-12-31', asOf: '2026-11-20' };
    const before = await computeMetric({
      db: t.db,
      code: 'members.died',
      scope,
      withRecords: false,
    });
    const results = await Promise.all(
      members.map(async (m) => {
        const version = (await office.get(`/api/members/${m.id}`)).json().version;
        return office.post(`/api/members/${m.id}/events`, {
          kind: 'died',
          eventDate: '2026-11-18',
          version,
        });
      }),
    );
    expect(results.map((r) => r.statusCode)).toEqual(members.map(() => 200));
    const after = await computeMetric({
      db: t.db,
      code: 'members.died',
      scope,
      withRecords: false,
    });
    expect(after.status === 'ok' && before.status === 'ok' && after.value! - before.value!).toBe(
      members.length,
    );
    await compare(root, '2026-01-01', '2026-11-20');
  });

  it('rebuilt from scratch equal the maintained ones', async () => {
    const read = () =>
      queryRows(
        t.db,
        sql`select * from org_fact_counts where total <> 0 order by org_unit_id, kind, day`,
      );
    const before = await read();
    await t.db.transaction((tx) => rebuildPlacedFacts(tx));
    expect(await read()).toEqual(before);
  }, 300_000);

  it('an installation whose facts predate the badges and cards gets them at start', async () => {
    const read = () =>
      queryRows<{ kind: string }>(
        t.db,
        sql`select * from org_fact_counts where total <> 0 order by org_unit_id, kind, day`,
      );
    const before = await read();
    expect(before.some((r) => r.kind === 'badge')).toBe(true);
    expect(before.some((r) => r.kind === 'card_issued')).toBe(true);
    // As the facts were before badges and cards joined them (or restored from a backup of then)…
    await t.db.execute(sql`delete from placed_facts where kind in ('badge', 'card_issued')`);
    await t.db.execute(sql`delete from org_fact_counts where kind in ('badge', 'card_issued')`);
    // … and one member with a badge recounted since (a dues payment): the others still get theirs.
    const one = await queryOne<{ id: number }>(
      t.db,
      sql`select member_id as id from badge_awards order by member_id limit 1`,
    );
    await t.db.transaction((tx) => recountMemberFacts(tx, [one!.id]));
    await t.db.transaction((tx) => ensurePlacedFacts(tx));
    expect(await read()).toEqual(before);
  }, 300_000);
});

describe('migration 0022 (the start-up backfill, once)', () => {
  const migration = () =>
    readFile(path.join(migrationsFolder, '0022_placed_facts_backfill.sql'), 'utf8');
  const read = () =>
    queryRows<{ kind: string }>(
      t.db,
      sql`select * from org_fact_counts where total <> 0 order by org_unit_id, kind, day`,
    );

  it('changes nothing when the facts are complete, and builds what ensurePlacedFacts builds', async () => {
    const text = await migration();
    const before = await read();
    await t.db.execute(sql.raw(text));
    expect(await read()).toEqual(before);
    // Facts from before the badges and cards joined them: the migration adds them.
    await t.db.execute(sql`delete from placed_facts where kind in ('badge', 'card_issued')`);
    await t.db.execute(sql`delete from org_fact_counts where kind in ('badge', 'card_issued')`);
    await t.db.execute(sql.raw(text));
    expect(await read()).toEqual(before);
    // No facts at all (an installation from before them): the migration builds every one.
    await t.db.execute(sql`delete from placed_facts`);
    await t.db.execute(sql`delete from org_fact_counts`);
    await t.db.execute(sql.raw(text));
    expect(await read()).toEqual(before);
  }, 300_000);
});
