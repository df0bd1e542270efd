// Each metric against a hand-built tree, its members and their facts, including a restructuring in the
// middle of the year: on 01/07/2025 cell A merges into cell B (both under grassroots organisation G1),
// on 01/09/2025 cell B moves from G1 to G2. A fact counts where its unit lay in the tree on its date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryOne, sql } from '../../../db/client';
import { todayIso } from '../../../platform/clock';
import { openTestDatabase } from '../../../test/test-db';
import type { MetricScope } from '../../figures';
import { rebuildOrgMemberCounts } from '../../figures';
import { computeMetric, findMetric, metricCatalogue } from './catalogue';
import { evaluationUnavailableReason } from './evaluation.metrics';

let database: Database;
const u: Record<string, number> = {};
const m: Record<string, number> = {};

const year2025 = (unitId: number, asOf = '2025-12-31'): MetricScope => ({
  unitId,
  from: '2025-01-01',
  to: '2025-12-31',
  asOf,
});

const value = async (code: string, scope: MetricScope) => {
  const v = await computeMetric({ db: database.db, code, scope });
  if (v.status !== 'ok') throw new Error(`${code}: ${v.reason}`);
  return v;
};

const id = async (query: ReturnType<typeof sql>) =>
  Number((await queryOne<{ id: number }>(database.db, query))!.id);

beforeAll(async () => {
  database = await openTestDatabase('empty');
  const db = database.db;
  const unit = async (
    key: string,
    kind: string,
    parent: string | null,
    path: (id: number) => string,
  ) => {
    u[key] = await id(
      sql`insert into org_units (kind, name, parent_id, path, established_on)
          values (${kind}, ${`Đơn vị ${key}`}, ${parent ? u[parent] : null}, '0', '2015-01-01') returning id`,
    );
    await db.execute(sql`update org_units set path = ${path(u[key])}::ltree where id = ${u[key]}`);
  };
  await unit('R', 'upper_committee', null, (i) => `${i}`);
  await unit('G1', 'grassroots_committee', 'R', (i) => `${u.R}.${i}`);
  await unit('G2', 'grassroots_committee', 'R', (i) => `${u.R}.${i}`);
  await unit('A', 'cell', 'G1', (i) => `${u.R}.${u.G1}.${i}`);
  await unit('B', 'cell', 'G1', (i) => `${u.R}.${u.G1}.${i}`);
  await unit('C', 'cell', 'G2', (i) => `${u.R}.${u.G2}.${i}`);
  const history = async (
    key: string,
    parent: string,
    path: string,
    from: string,
    to: string | null,
  ) =>
    db.execute(sql`insert into org_unit_history (org_unit_id, valid_from, valid_to, kind, name, parent_id, path)
      select id, ${from}, ${to}, kind, name, ${u[parent] ?? null}, ${path}::ltree from org_units where id = ${u[key]}`);
  await history('R', '', `${u.R}`, '2015-01-01', null);
  await history('G1', 'R', `${u.R}.${u.G1}`, '2015-01-01', null);
  await history('G2', 'R', `${u.R}.${u.G2}`, '2015-01-01', null);
  await history('C', 'G2', `${u.R}.${u.G2}.${u.C}`, '2015-01-01', null);
  // A merged into B on 01/07/2025: A's last interval ends, A is dissolved.
  await history('A', 'G1', `${u.R}.${u.G1}.${u.A}`, '2015-01-01', '2025-07-01');
  await db.execute(sql`update org_units set dissolved_on = '2025-07-01' where id = ${u.A}`);
  // B moved from G1 to G2 on 01/09/2025.
  await history('B', 'G1', `${u.R}.${u.G1}.${u.B}`, '2015-01-01', '2025-09-01');
  await history('B', 'G2', `${u.R}.${u.G2}.${u.B}`, '2025-09-01', null);
  await db.execute(
    sql`update org_units set parent_id = ${u.G2}, path = ${`${u.R}.${u.G2}.${u.B}`}::ltree where id = ${u.B}`,
  );

  const member = async (
    key: string,
    current: { unit: string; status: string; standing: string },
    events: { kind: string; date: string; unit: string | null }[],
    periods: { from: string; to: string | null; unit: string; status: string }[],
  ) => {
    m[key] = await id(
      sql`insert into members (full_name, sex, birth_date, org_unit_id, status, standing)
          values (${`Đảng viên ${key}`}, 'male', '1990-01-01', ${u[current.unit]}, ${current.status}, ${current.standing})
          returning id`,
    );
    for (const e of events)
      await db.execute(sql`insert into member_events (member_id, kind, event_date, org_unit_id)
        values (${m[key]}, ${e.kind}, ${e.date}, ${e.unit ? u[e.unit] : null})`);
    for (const p of periods)
      await db.execute(sql`insert into member_periods (member_id, valid_from, valid_to, org_unit_id, status, standing)
        values (${m[key]}, ${p.from}, ${p.to}, ${u[p.unit]}, ${p.status}, ${p.status === 'probationary' ? 'probationary' : 'full'})`);
  };
  // m1: admitted in A, moved to B by the merge.
  await member(
    'm1',
    { unit: 'B', status: 'probationary', standing: 'probationary' },
    [
      { kind: 'admitted', date: '2025-03-10', unit: 'A' },
      { kind: 'moved', date: '2025-07-01', unit: 'B' },
    ],
    [
      { from: '2025-03-10', to: '2025-07-01', unit: 'A', status: 'probationary' },
      { from: '2025-07-01', to: null, unit: 'B', status: 'probationary' },
    ],
  );
  // m2: admitted in B while B was under G1; m3: admitted in B after the move.
  await member(
    'm2',
    { unit: 'B', status: 'probationary', standing: 'probationary' },
    [{ kind: 'admitted', date: '2025-08-15', unit: 'B' }],
    [{ from: '2025-08-15', to: null, unit: 'B', status: 'probationary' }],
  );
  await member(
    'm3',
    { unit: 'B', status: 'probationary', standing: 'probationary' },
    [{ kind: 'admitted', date: '2025-10-05', unit: 'B' }],
    [{ from: '2025-10-05', to: null, unit: 'B', status: 'probationary' }],
  );
  // m4: in C since 2020, transferred out of the bloc on 01/05/2025 (the event has no unit).
  await member(
    'm4',
    { unit: 'C', status: 'transferred_out', standing: 'full' },
    [
      { kind: 'transferred_in', date: '2020-01-01', unit: 'C' },
      { kind: 'transferred_out', date: '2025-05-01', unit: null },
    ],
    [
      { from: '2020-01-01', to: '2025-05-01', unit: 'C', status: 'full' },
      { from: '2025-05-01', to: null, unit: 'C', status: 'transferred_out' },
    ],
  );
  // m5: a full member of B since 2019.
  await member(
    'm5',
    { unit: 'B', status: 'full', standing: 'full' },
    [{ kind: 'transferred_in', date: '2019-01-01', unit: 'B' }],
    [{ from: '2019-01-01', to: null, unit: 'B', status: 'full' }],
  );
  await rebuildOrgMemberCounts(db);

  // Inspection: the inspection commission of R inspects B and m5 (B under G1 then); the committee of
  // G2 supervises m1 (B under G2 then).
  const inspection =
    await id(sql`insert into inspection_cases (org_unit_id, body, kind, title, decision_number, decision_date, year)
    values (${u.R}, 'upper_inspection', 'inspection_programme', 'Kiểm tra chấp hành', '12-QĐ/UBKT', '2025-08-20', 2025) returning id`);
  await db.execute(sql`insert into inspection_case_subjects (case_id, subject_kind, org_unit_id, member_id) values
    (${inspection}, 'organisation', ${u.B}, null), (${inspection}, 'member', ${u.B}, ${m.m5})`);
  const supervision =
    await id(sql`insert into inspection_cases (org_unit_id, body, kind, title, decision_number, decision_date, year)
    values (${u.G2}, 'grassroots_committee', 'supervision_thematic', 'Giám sát chuyên đề', '05-QĐ/ĐU', '2025-10-01', 2025) returning id`);
  await db.execute(sql`insert into inspection_case_subjects (case_id, subject_kind, org_unit_id, member_id)
    values (${supervision}, 'member', ${u.B}, ${m.m1})`);
  // Discipline: m5 reprimanded on 01/11/2025; m3's decision was annulled and does not count.
  for (const [member, status] of [
    ['m5', 'decided'],
    ['m3', 'annulled'],
  ] as const)
    await db.execute(sql`insert into discipline_decisions (subject_kind, member_id, org_unit_id, status, form, body, body_org_unit_id, violation, violation_from, decided_on)
      values ('member', ${m[member]}, ${u.B}, ${status}, 'reprimand', 'grassroots_committee', ${u.G2}, 'Vi phạm', '2025-06-01', '2025-11-01')`);
  // Lifecycle: m5's 30-year badge after the move, m1's card in A, m5's dues before and after the move.
  await db.execute(
    sql`insert into badge_awards (member_id, milestone, award_date) values (${m.m5}, 30, '2025-09-02')`,
  );
  await db.execute(
    sql`insert into party_card_events (member_id, action, action_date, card_number) values (${m.m1}, 'issued', '2025-06-01', '001')`,
  );
  await db.execute(sql`insert into dues_payments (member_id, month, amount, paid_on) values
    (${m.m5}, '2025-08', 100000, '2025-08-10'), (${m.m5}, '2025-10', 120000, '2025-10-10')`);
  // Key tasks of R's 2025 plan.
  await db.execute(sql`insert into key_tasks (org_unit_id, year, title, origin, owner_kind, owner_org_unit_id, deadline, status, completed_on, rating, rated_on) values
    (${u.R}, 2025, 'Nhiệm vụ 1', 'own', 'unit', ${u.R}, '2025-06-30', 'completed', '2025-05-01', 'excellent', '2025-12-20'),
    (${u.R}, 2025, 'Nhiệm vụ 2', 'own', 'unit', ${u.R}, '2025-06-30', 'completed', '2025-07-01', 'good', '2025-12-20'),
    (${u.R}, 2025, 'Nhiệm vụ 3', 'assigned', 'unit', ${u.R}, '2025-12-31', 'in_progress', null, null, null)`);
});
afterAll(async () => database.close());

describe('the metric catalogue', () => {
  it('has unique codes, each documented', () => {
    const codes = metricCatalogue.map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const x of metricCatalogue) expect(x.description.length).toBeGreaterThan(20);
    expect(findMetric('recruitment.admitted')?.unit).toBe('count');
    expect(findMetric('nope')).toBeUndefined();
  });

  it('refuses an unknown code', async () => {
    await expect(
      computeMetric({ db: database.db, code: 'nope', scope: year2025(u.R) }),
    ).rejects.toThrow(/Không có chỉ số/);
  });

  it('counts admissions where the admitting cell lay on the admission day, across a merge and a move', async () => {
    expect((await value('recruitment.admitted', year2025(u.R))).value).toBe(3);
    const g1 = await value('recruitment.admitted', year2025(u.G1));
    expect(g1.records.map((r) => r.id).sort()).toEqual([m.m1, m.m2].sort());
    expect((await value('recruitment.admitted', year2025(u.G2))).records.map((r) => r.id)).toEqual([
      m.m3,
    ]);
    // The dissolved cell keeps its admission; its successor counts only its own.
    expect((await value('recruitment.admitted', year2025(u.A))).value).toBe(1);
    expect((await value('recruitment.admitted', year2025(u.B))).value).toBe(2);
    // Facts after the as-of date do not count.
    expect((await value('recruitment.admitted', year2025(u.R, '2025-09-30'))).value).toBe(2);
    expect(
      (
        await value('recruitment.admitted', {
          ...year2025(u.R),
          from: '2024-01-01',
          to: '2024-12-31',
          asOf: '2024-12-31',
        })
      ).value,
    ).toBe(0);
  });

  it('counts members by status in the tree as of the date', async () => {
    expect((await value('members.total', year2025(u.G1, '2025-06-30'))).value).toBe(2);
    expect((await value('members.total', year2025(u.G2, '2025-06-30'))).value).toBe(0);
    expect((await value('members.total', year2025(u.G1, '2025-08-31'))).value).toBe(3);
    expect((await value('members.total', year2025(u.G1))).value).toBe(0);
    const g2 = await value('members.total', year2025(u.G2));
    expect(g2.records.map((r) => r.id).sort()).toEqual([m.m1, m.m2, m.m3, m.m5].sort());
    expect((await value('members.status.probationary', year2025(u.R))).value).toBe(3);
    expect((await value('members.status.full', year2025(u.R))).value).toBe(1);
    // The state at 31/12/2024, before the transfer out: m4 in C, m5 in B under G1.
    expect(
      (
        await value('members.total', {
          unitId: u.G2,
          from: '2024-01-01',
          to: '2024-12-31',
          asOf: '2024-12-31',
        })
      ).value,
    ).toBe(1);
  });

  it('reads today’s figure from the maintained totals, equal to the listed records', async () => {
    const today = todayIso();
    for (const unitId of [u.R, u.G1, u.G2, u.B]) {
      const scope = { unitId, from: `${today.slice(0, 4)}-01-01`, to: today, asOf: today };
      const fast = await computeMetric({
        db: database.db,
        code: 'members.total',
        scope,
        withRecords: false,
      });
      const listed = await computeMetric({ db: database.db, code: 'members.total', scope });
      expect(fast.status === 'ok' && fast.records).toEqual([]);
      expect(fast.status === 'ok' && fast.value).toBe(
        listed.status === 'ok' && listed.records.length,
      );
    }
  });

  it('places a transfer out by the cell the member left', async () => {
    expect(
      (await value('members.transferred_out', year2025(u.G2))).records.map((r) => r.id),
    ).toEqual([m.m4]);
    expect((await value('members.transferred_out', year2025(u.G1))).value).toBe(0);
    expect((await value('members.transferred_in', year2025(u.R))).value).toBe(0);
  });

  it('counts distinct organisations and members inspected or supervised by group of conducting body', async () => {
    const orgs = await value(
      'inspection.inspected.organisations.inspection_commissions',
      year2025(u.G1),
    );
    expect(orgs.records).toEqual([{ kind: 'org_unit', id: u.B, label: 'Đơn vị B' }]);
    expect(
      (await value('inspection.inspected.members.inspection_commissions', year2025(u.G1))).value,
    ).toBe(1);
    // B was under G1 on the decision day: G2 does not count it.
    expect(
      (await value('inspection.inspected.organisations.inspection_commissions', year2025(u.G2)))
        .value,
    ).toBe(0);
    expect(
      (await value('inspection.inspected.organisations.committees', year2025(u.G1))).value,
    ).toBe(0);
    expect(
      (await value('inspection.supervised.members.committees', year2025(u.G2))).records.map(
        (r) => r.id,
      ),
    ).toEqual([m.m1]);
    expect((await value('inspection.supervised.members.committees', year2025(u.G1))).value).toBe(0);
    expect((await value('inspection.cases', year2025(u.R))).value).toBe(2);
  });

  it('counts members disciplined by decisions not annulled', async () => {
    expect((await value('discipline.members', year2025(u.G2))).records.map((r) => r.id)).toEqual([
      m.m5,
    ]);
    expect((await value('discipline.members', year2025(u.R, '2025-10-31'))).value).toBe(0);
  });

  it('counts badges, cards and dues by the member’s cell on the day', async () => {
    expect((await value('lifecycle.badges_awarded', year2025(u.G2))).value).toBe(1);
    expect((await value('lifecycle.badges_awarded', year2025(u.G1))).value).toBe(0);
    expect((await value('lifecycle.cards_issued', year2025(u.G1))).value).toBe(1);
    expect((await value('lifecycle.dues_collected', year2025(u.G1))).value).toBe(100000);
    expect((await value('lifecycle.dues_collected', year2025(u.G2))).value).toBe(120000);
    const all = await value('lifecycle.dues_collected', year2025(u.R));
    expect(all.value).toBe(220000);
    expect(all.records).toHaveLength(1);
    expect(all.records[0].label).toContain('220.000 đ (2 tháng)');
  });

  it('counts the unit’s key tasks completed and rated by the as-of date', async () => {
    expect((await value('plans.key_tasks.total', year2025(u.R))).value).toBe(3);
    expect((await value('plans.key_tasks.completed', year2025(u.R, '2025-06-30'))).value).toBe(1);
    expect((await value('plans.key_tasks.completed', year2025(u.R))).value).toBe(2);
    const share = await value('plans.key_tasks.completed_share', year2025(u.R));
    expect([share.value, share.numerator, share.denominator]).toEqual([66.67, 2, 3]);
    expect((await value('plans.key_tasks.rated_excellent', year2025(u.R))).value).toBe(1);
    expect((await value('plans.key_tasks.rated_good', year2025(u.R, '2025-12-01'))).value).toBe(0);
    expect((await value('plans.key_tasks.total', year2025(u.G1))).value).toBe(0);
  });

  it('says a figure is unavailable when its module is not installed, never a number', async () => {
    for (const code of [
      'evaluation.grassroots_good_or_better',
      'evaluation.members_good_or_better',
      'evaluation.mass_organisations_good_or_better',
      'evaluation.agencies_cultural_standard',
    ])
      expect(await computeMetric({ db: database.db, code, scope: year2025(u.R) })).toEqual({
        status: 'unavailable',
        reason: evaluationUnavailableReason,
      });
    const r = await computeMetric({
      db: database.db,
      code: 'resolutions.cells_disseminated',
      scope: year2025(u.R),
    });
    expect(r.status).toBe('unavailable');
  });
});

// docs/domain/congresses.md, "Figures": the round of 2025 under R — deadlines: cells 30/06, grassroots
// organisations 31/08. A congress counts where its unit lay on the day it was held; "on schedule" is
// over the congresses whose level's deadline falls in the period, placed on that deadline.
describe('congress and committee figures', () => {
  beforeAll(async () => {
    const db = database.db;
    const round =
      await id(sql`insert into congress_rounds (org_unit_id, name, from_year, to_year, cell_deadline, grassroots_deadline, upper_deadline)
      values (${u.R}, 'Đại hội nhiệm kỳ 2025–2030', 2025, 2030, '2025-06-30', '2025-08-31', '2025-10-31') returning id`);
    const congress = async (
      unit: string,
      level: string,
      heldOn: string | null,
      resultsApprovedOn: string | null = null,
    ) =>
      id(sql`insert into congresses (round_id, org_unit_id, level, kind, status, held_on, results_approved_on)
        values (${round}, ${u[unit]}, ${level}, 'members',
          ${resultsApprovedOn ? 'results_approved' : heldOn ? 'held' : 'planned'}, ${heldOn}, ${resultsApprovedOn})
        returning id`);
    await congress('A', 'cell', '2025-05-20'); // on time, A still under G1
    await congress('B', 'cell', '2025-07-15'); // late, B under G1 until 01/09
    await congress('C', 'cell', null); // not held by the deadline
    await congress('G1', 'grassroots', '2025-08-25', '2025-09-05'); // on time, approved
    await congress('G2', 'grassroots', '2025-09-10'); // late
    // G1's new committee: m5 re-elected, m1 and m2 new (all born 1990: 35 on the day).
    for (const [key, reElected] of [
      ['m5', true],
      ['m1', false],
      ['m2', false],
    ] as const)
      await db.execute(sql`insert into committee_memberships (org_unit_id, member_id, position, term_from_year, term_to_year, from_date, start_reason, re_elected)
        values (${u.G1}, ${m[key]}, 'member', 2025, 2030, '2025-08-25', 'elected', ${reElected})`);
    // The secretary's row is a position, not a second committee member.
    await db.execute(sql`insert into committee_memberships (org_unit_id, member_id, position, term_from_year, term_to_year, from_date, start_reason)
      values (${u.G1}, ${m.m5}, 'secretary', 2025, 2030, '2025-08-25', 'elected')`);
  });

  it('counts congresses held where the unit lay on the day, by level', async () => {
    expect((await value('congresses.held', year2025(u.R))).value).toBe(4);
    expect((await value('congresses.held', year2025(u.G1))).value).toBe(3);
    expect((await value('congresses.held', year2025(u.G2))).value).toBe(1);
    expect((await value('congresses.held_cells', year2025(u.R))).value).toBe(2);
    expect((await value('congresses.held_grassroots', year2025(u.R))).value).toBe(2);
    // Before B's congress: only A's and none of the grassroots.
    expect((await value('congresses.held', year2025(u.R, '2025-07-01'))).value).toBe(1);
  });

  it('on schedule: held by the level’s deadline, over those due in the period', async () => {
    const v = await value('congresses.on_schedule', year2025(u.R));
    expect([v.numerator, v.denominator, v.value]).toEqual([2, 5, 40]);
    expect(v.records.map((r) => r.label).sort()).toEqual(['Đơn vị A', 'Đơn vị G1']);
    const none = await computeMetric({
      db: database.db,
      code: 'congresses.on_schedule',
      scope: { unitId: u.R, from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' },
    });
    expect(none.status).toBe('unavailable');
  });

  it('results approved and the committee elected, with its re-elected, women and young shares', async () => {
    expect((await value('congresses.results_approved', year2025(u.R))).value).toBe(1);
    expect((await value('committees.elected', year2025(u.R))).value).toBe(3);
    const reElected = await value('committees.reelected_share', year2025(u.G1));
    expect([reElected.numerator, reElected.denominator]).toEqual([1, 3]);
    expect((await value('committees.women_share', year2025(u.G1))).value).toBe(0);
    expect((await value('committees.young_share', year2025(u.G1))).value).toBe(100);
    const none = await computeMetric({
      db: database.db,
      code: 'committees.women_share',
      scope: year2025(u.G2),
    });
    expect(none.status).toBe('unavailable');
  });
});
