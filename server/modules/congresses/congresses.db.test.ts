// Congress rounds, the congresses' status flow with the upper level's approvals, the progress board
// on a constructed case, scope, and the resolution that opens the unit's plan term, through the API
// (docs/domain/congresses.md and server/modules/congresses/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'btv', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const roundInput = (orgUnitId: number, fromYear: number, extra: Record<string, unknown> = {}) => ({
  orgUnitId,
  name: `Đại hội đảng bộ các cấp nhiệm kỳ ${fromYear}–${fromYear + 5}`,
  fromYear,
  toYear: fromYear + 5,
  directiveRef: 'Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị',
  planRef: 'Kế hoạch số 12-KH/ĐU',
  cellDeadline: `${fromYear}-05-31`,
  grassrootsDeadline: `${fromYear}-06-30`,
  upperDeadline: `${fromYear}-08-31`,
  ...extra,
});

const congressOf = async (roundId: number, orgUnitId: number) =>
  (await queryOne<{ id: number; version: number; level: string; kind: string }>(
    t.db,
    sql`select id, version, level, kind from congresses where round_id = ${roundId} and org_unit_id = ${orgUnitId}`,
  ))!;

const detail = async (id: number, who = 'vanphong') => {
  const res = await s[who].get(`/api/congresses/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The main round of these tests: the bloc's 2025–2030 round with every unit registered. */
let round: number;

describe('rounds (server/modules/congresses/README.md, "Rounds")', () => {
  it('registers a congress for every unit of the subtree active on the start, level from the kind', async () => {
    const res = await s.vanphong.post(
      '/api/congresses/rounds',
      roundInput(f.upperId, 2025, { registerUnits: true, registerOn: '2025-05-01' }),
    );
    expect(res.statusCode, res.body).toBe(200);
    round = res.json().id;
    const units = await queryRows<{ id: number; kind: string }>(
      t.db,
      sql`select o.id, o.kind from org_units o
          where o.path <@ (select path from org_units where id = ${f.upperId})
            and o.established_on <= '2025-05-01'
            and (o.dissolved_on is null or o.dissolved_on > '2025-05-01')`,
    );
    expect(res.json().registered).toBe(units.length);
    const rows = await queryRows<{ org_unit_id: number; level: string; kind: string }>(
      t.db,
      sql`select org_unit_id, level, kind from congresses where round_id = ${round}`,
    );
    expect(rows).toHaveLength(units.length);
    const byUnit = new Map(rows.map((r) => [r.org_unit_id, r]));
    expect(byUnit.get(f.upperId)).toMatchObject({ level: 'upper', kind: 'delegates' });
    expect(byUnit.get(f.cellId)).toMatchObject({ level: 'cell', kind: 'members' });
    expect(byUnit.get(f.committeeId)).toMatchObject({ level: 'grassroots' });
    const list = (await s.vanphong.get('/api/congresses/rounds')).json();
    expect(list.items.find((r: { id: number }) => r.id === round)).toMatchObject({
      congressCount: units.length,
      heldCount: 0,
      canEdit: true,
    });
  });

  it('is all or nothing: a unit that cannot be registered leaves no round and no congress', async () => {
    const parent = (await queryOne<{ path: string }>(
      t.db,
      sql`select path::text as path from org_units where id = ${f.committeeId}`,
    ))!;
    const odd = (await queryOne<{ id: number }>(
      t.db,
      sql`insert into org_units (kind, name, parent_id, path, established_on)
          values ('unknown_kind', 'Tổ thử nghiệm', ${f.committeeId}, ${`${parent.path}.x9999`}::ltree, '2020-01-01')
          returning id`,
    ))!;
    const before = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from congresses`,
    );
    const res = await s.coso.post(
      '/api/congresses/rounds',
      roundInput(f.committeeId, 2030, { registerUnits: true, registerOn: '2030-01-01' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Tổ thử nghiệm');
    expect(
      await queryOne(
        t.db,
        sql`select id from congress_rounds where org_unit_id = ${f.committeeId} and from_year = 2030`,
      ),
    ).toBeUndefined();
    expect(
      await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from congresses`),
    ).toEqual(before);
    await t.db.execute(sql`delete from org_units where id = ${odd.id}`);
    const again = await s.coso.post(
      '/api/congresses/rounds',
      roundInput(f.committeeId, 2030, { registerUnits: true, registerOn: '2030-01-01' }),
    );
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().registered).toBeGreaterThan(1);
  });

  it('refuses a second round of the same term, a round for a cell, and registers a unit one by one', async () => {
    const twice = await s.vanphong.post('/api/congresses/rounds', roundInput(f.upperId, 2025));
    expect(twice.statusCode).toBe(400);
    const cell = await s.vanphong.post('/api/congresses/rounds', roundInput(f.cellId, 2025));
    expect(cell.statusCode).toBe(400);
    const empty = await s.vanphong.post('/api/congresses/rounds', roundInput(f.upperId, 2020));
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json().registered).toBe(0);
    const one = await s.coso.post(`/api/congresses/rounds/${empty.json().id}/congresses`, {
      orgUnitId: f.cellId,
      isPilot: true,
    });
    expect(one.statusCode, one.body).toBe(200);
    const again = await s.coso.post(`/api/congresses/rounds/${empty.json().id}/congresses`, {
      orgUnitId: f.cellId,
    });
    expect(again.statusCode).toBe(400);
    const outside = await s.coso.post(`/api/congresses/rounds/${empty.json().id}/congresses`, {
      orgUnitId: f.otherCommitteeId,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('updates a round with its version (409 on a stale one)', async () => {
    const r = (await s.vanphong.get(`/api/congresses/rounds/${round}`)).json();
    const body = {
      ...roundInput(f.upperId, 2025),
      orgUnitId: undefined,
      note: 'Thí điểm tại Chi bộ Phòng Nghiệp vụ Y',
      version: r.version,
    };
    const ok = await s.vanphong.put(`/api/congresses/rounds/${round}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await s.vanphong.put(`/api/congresses/rounds/${round}`, body);
    expect(stale.statusCode).toBe(409);
    // The round is seen from below (the cell's upper committee runs it) but edited only by its offices.
    const seen = await s.bithu.get(`/api/congresses/rounds/${round}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().canEdit).toBe(false);
    expect(seen.json().congressCount).toBe(1);
  });
});

describe('status flow (docs/domain/congresses.md, "Approval (chuẩn y)": Quy chế bầu cử trong Đảng art. 2, 190-QĐ/TW; the upper level approves)', () => {
  it('lets only the upper level approve the plan: coso not its own grassroots congress, vanphong yes', async () => {
    const c = await congressOf(round, f.committeeId);
    const step = { to: 'approved', planApprovedOn: '2025-04-20', planApprovalRef: 'CV 101-CV/ĐU' };
    const own = await s.coso.post(`/api/congresses/${c.id}/status`, {
      ...step,
      version: c.version,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().message).toContain('cấp trên');
    expect((await detail(c.id, 'coso')).canApprove).toBe(false);
    expect((await detail(c.id, 'vanphong')).canApprove).toBe(true);
    const missing = await s.vanphong.post(`/api/congresses/${c.id}/status`, {
      to: 'approved',
      version: c.version,
    });
    expect(missing.statusCode).toBe(400);
    const ok = await s.vanphong.post(`/api/congresses/${c.id}/status`, {
      ...step,
      version: c.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
  });

  it('takes a cell congress from planned to results approved: coso approves, bithu records it held', async () => {
    let c = await congressOf(round, f.cellId);
    const bithuApproves = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'approved',
      planApprovedOn: '2025-03-10',
      planApprovalRef: '15-CV/ĐU',
      version: c.version,
    });
    expect(bithuApproves.statusCode).toBe(403);
    const approved = await s.coso.post(`/api/congresses/${c.id}/status`, {
      to: 'approved',
      planApprovedOn: '2025-03-10',
      planApprovalRef: '15-CV/ĐU',
      version: c.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    c = await congressOf(round, f.cellId);
    const stale = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      heldOn: '2025-04-15',
      summonedCount: 12,
      presentCount: 11,
      version: c.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const future = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      heldOn: '2999-01-01',
      summonedCount: 12,
      presentCount: 11,
      version: c.version,
    });
    expect(future.statusCode).toBe(400);
    const noCounts = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      heldOn: '2025-04-15',
      version: c.version,
    });
    expect(noCounts.statusCode).toBe(400);
    expect(noCounts.json().fields[0].path).toBe('summonedCount');
    const tooMany = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      heldOn: '2025-04-15',
      summonedCount: 12,
      presentCount: 13,
      version: c.version,
    });
    expect(tooMany.statusCode).toBe(400);
    const held = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      heldOn: '2025-04-15',
      summonedCount: 12,
      presentCount: 11,
      version: c.version,
    });
    expect(held.statusCode, held.body).toBe(200);
    c = await congressOf(round, f.cellId);
    const approval = {
      to: 'results_approved',
      resultsApprovedOn: '2025-04-25',
      resultsApprovalRef: '120-QĐ/ĐU',
      version: c.version,
    };
    const noElection = await s.coso.post(`/api/congresses/${c.id}/status`, approval);
    expect(noElection.statusCode).toBe(400);
    expect(noElection.json().message).toContain('Chưa ghi kết quả bầu');
    await t.db.execute(sql`insert into congress_elections (congress_id, body, held_on, seats,
      majority_base, ballots_issued, ballots_returned, ballots_valid, ballots_invalid)
      values (${c.id}, 'committee', '2025-04-15', 3, 12, 11, 11, 11, 0)`);
    expect((await detail(c.id, 'coso')).electionsRecorded).toBe(true);
    const bithuApproves2 = await s.bithu.post(`/api/congresses/${c.id}/status`, approval);
    expect(bithuApproves2.statusCode).toBe(403);
    const done = await s.coso.post(`/api/congresses/${c.id}/status`, approval);
    expect(done.statusCode, done.body).toBe(200);
    expect(await detail(c.id, 'bithu')).toMatchObject({
      status: 'results_approved',
      heldOn: '2025-04-15',
      presentCount: 11,
      resultsApprovalRef: '120-QĐ/ĐU',
      late: false,
    });
  });

  it('steps back only by the upper level, with a reason, audited', async () => {
    const c = await congressOf(round, f.cellId);
    const byCell = await s.bithu.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      reason: 'Sai số quyết định',
      version: c.version,
    });
    expect(byCell.statusCode).toBe(403);
    const noReason = await s.coso.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      version: c.version,
    });
    expect(noReason.statusCode).toBe(400);
    const back = await s.coso.post(`/api/congresses/${c.id}/status`, {
      to: 'held',
      reason: 'Ghi nhầm số quyết định chuẩn y',
      version: c.version,
    });
    expect(back.statusCode, back.body).toBe(200);
    const d = await detail(c.id, 'coso');
    expect(d).toMatchObject({ status: 'held', resultsApprovedOn: null, heldOn: '2025-04-15' });
    const audit = await queryOne<{ meta: { reason: string } }>(
      t.db,
      sql`select meta from audit_log where action = 'congress.status.back' and entity_id = ${String(c.id)}
          order by id desc limit 1`,
    );
    expect(audit?.meta.reason).toBe('Ghi nhầm số quyết định chuẩn y');
  });

  it('edits the particulars and the personnel plan with the version', async () => {
    const c = await congressOf(round, f.committeeId);
    const d = await detail(c.id, 'coso');
    const res = await s.coso.put(`/api/congresses/${c.id}`, {
      kind: 'delegates',
      ordinal: 5,
      isPilot: false,
      plannedOn: '2025-06-20',
      place: 'Hội trường Sở Y tế',
      summonedCount: 120,
      presentCount: null,
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const bad = await s.coso.put(`/api/congresses/${c.id}/personnel-plan`, {
      plannedCommitteeSize: 9,
      plannedStandingSize: 9,
      version: res.json().version,
    });
    expect(bad.statusCode).toBe(400);
    const plan = await s.coso.put(`/api/congresses/${c.id}/personnel-plan`, {
      plannedCommitteeSize: 15,
      plannedStandingSize: 5,
      plannedDeputyCount: 2,
      plannedInspectionSize: 5,
      plannedYoungPct: 10,
      plannedWomenPct: 20,
      plannedMinorityPct: 30,
      plannedReelectedPct: 60,
      version: res.json().version,
    });
    expect(plan.statusCode, plan.body).toBe(200);
    expect(await detail(c.id, 'coso')).toMatchObject({
      ordinal: 5,
      place: 'Hội trường Sở Y tế',
      plannedCommitteeSize: 15,
      plannedWomenPct: 20,
    });
  });
});

describe('the progress board (docs/domain/congresses.md, "Schedule"; README "Progress board")', () => {
  it('counts held on time, late, not held and approved on a small constructed case, and drills down', async () => {
    // A round of the grassroots committee alone, with four of its cells in it.
    const created = await s.coso.post(
      '/api/congresses/rounds',
      roundInput(f.committeeId, 2040, { cellDeadline: '2040-05-31', grassrootsDeadline: null }),
    );
    expect(created.statusCode, created.body).toBe(200);
    const r = created.json().id;
    const cells = await queryRows<{ id: number }>(
      t.db,
      sql`select id from org_units where parent_id = ${f.committeeId} and dissolved_on is null
          order by id limit 4`,
    );
    expect(cells).toHaveLength(4);
    for (const c of [...cells, { id: f.committeeId }]) {
      const res = await s.coso.post(`/api/congresses/rounds/${r}/congresses`, { orgUnitId: c.id });
      expect(res.statusCode, res.body).toBe(200);
    }
    const set = (
      unitId: number,
      status: string,
      heldOn: string | null,
      approvedOn: string | null,
    ) =>
      t.db.execute(sql`update congresses set status = ${status}, held_on = ${heldOn},
        results_approved_on = ${approvedOn} where round_id = ${r} and org_unit_id = ${unitId}`);
    await set(cells[0].id, 'held', '2040-05-20', null); // on schedule
    await set(cells[1].id, 'held', '2040-06-10', null); // late
    await set(cells[2].id, 'planned', null, null); // not held, deadline passed on 30/6
    await set(cells[3].id, 'results_approved', '2040-05-30', '2040-06-05'); // on time, approved
    const board = async (asOf: string, who = 'coso') => {
      const res = await s[who].get(`/api/congresses/board?roundId=${r}&asOf=${asOf}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const june = await board('2040-06-30');
    const cellLevel = june.levels.find((l: { level: string }) => l.level === 'cell');
    expect(cellLevel).toMatchObject({
      total: 4,
      held: 3,
      onSchedule: 2,
      late: 2,
      notHeld: 1,
      approved: 1,
      deadline: '2040-05-31',
    });
    // The grassroots congress itself has no deadline: not held, not late.
    expect(june.levels.find((l: { level: string }) => l.level === 'grassroots')).toMatchObject({
      total: 1,
      held: 0,
      late: 0,
    });
    expect(june.totals).toMatchObject({ total: 5, held: 3, late: 2, approved: 1 });
    expect(june.children[0]).toMatchObject({ orgUnitId: f.committeeId, own: true, total: 1 });
    expect(june.children).toHaveLength(5);
    // Before the deadline nothing is late; a congress held after the day does not count yet.
    const may = await board('2040-05-25');
    expect(may.levels.find((l: { level: string }) => l.level === 'cell')).toMatchObject({
      held: 1,
      late: 0,
      approved: 0,
    });
    // The drill-down lists the congresses behind a count, with the late flag.
    const late = (
      await s.coso.get(`/api/congresses?roundId=${r}&state=late&asOf=2040-06-30&level=cell`)
    ).json();
    expect(late.total).toBe(2);
    expect(late.items.map((i: { orgUnitId: number }) => i.orgUnitId).sort()).toEqual(
      [cells[1].id, cells[2].id].sort(),
    );
    expect(late.items.every((i: { late: boolean }) => i.late)).toBe(true);
    const approved = (
      await s.coso.get(`/api/congresses?roundId=${r}&state=approved&asOf=2040-06-30`)
    ).json();
    expect(approved.items.map((i: { orgUnitId: number }) => i.orgUnitId)).toEqual([cells[3].id]);
    // Above the committee the same board reads the same figures.
    expect((await board('2040-06-30', 'vanphong')).totals).toEqual(june.totals);
  });
});

describe('scope', () => {
  it('shows coso only its subtree, bithu only its cell; an out-of-scope congress is not found', async () => {
    const all = (await s.vanphong.get(`/api/congresses?roundId=${round}&pageSize=200`)).json();
    const mine = (await s.coso.get(`/api/congresses?roundId=${round}&pageSize=200`)).json();
    expect(mine.total).toBeGreaterThan(1);
    expect(mine.total).toBeLessThan(all.total);
    const paths = await queryRows<{ id: number }>(
      t.db,
      sql`select c.id from congresses c join org_units o on o.id = c.org_unit_id
          where c.round_id = ${round}
            and o.path <@ (select path from org_units where id = ${f.committeeId})`,
    );
    expect(mine.total).toBe(paths.length);
    const cell = (await s.bithu.get(`/api/congresses?roundId=${round}`)).json();
    expect(cell.items.map((i: { orgUnitId: number }) => i.orgUnitId)).toEqual([f.cellId]);
    const elsewhere = await congressOf(round, f.otherCommitteeId);
    expect((await s.coso.get(`/api/congresses/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await s.bithu.get(`/api/congresses/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await s.vanphong.get(`/api/congresses/${elsewhere.id}`)).statusCode).toBe(200);
    expect((await s.dangvien.get(`/api/congresses/${elsewhere.id}`)).statusCode).toBe(403);
    const sibling = await congressOf(round, f.siblingCellId);
    expect(
      (
        await s.bithu.put(`/api/congresses/${sibling.id}`, {
          kind: 'members',
          isPilot: false,
          version: sibling.version,
        })
      ).statusCode,
    ).toBe(404);
    // coso's board defaults to its own subtree.
    const board = (await s.coso.get(`/api/congresses/board?roundId=${round}`)).json();
    expect(board.unit.id).toBe(f.committeeId);
    expect(board.totals.total).toBe(paths.length);
  });
});

describe('resolution → term (server/modules/congresses/README.md, "Resolution and term")', () => {
  it('opens the grassroots unit’s term "Nhiệm kỳ 2025–2030" from the recorded resolution and links it', async () => {
    const c = await congressOf(round, f.committeeId);
    const res = await s.coso.post(`/api/congresses/${c.id}/documents`, {
      kind: 'resolution',
      title: 'Nghị quyết Đại hội đại biểu Đảng bộ Sở Y tế lần thứ V',
      ref: 'Nghị quyết số 01-NQ/ĐH ngày 20/6/2025',
      adoptedOn: '2025-06-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    const termId = res.json().termId;
    expect(termId).toBeGreaterThan(0);
    const term = await queryOne(
      t.db,
      sql`select org_unit_id, name, from_year, to_year, congress_resolution, congress_date::text
          from plan_terms where id = ${termId}`,
    );
    expect(term).toEqual({
      org_unit_id: f.committeeId,
      name: 'Nhiệm kỳ 2025–2030',
      from_year: 2025,
      to_year: 2030,
      congress_resolution: 'Nghị quyết số 01-NQ/ĐH ngày 20/6/2025',
      congress_date: '2025-06-20',
    });
    const d = await detail(c.id, 'coso');
    expect(d).toMatchObject({ termId, termName: 'Nhiệm kỳ 2025–2030' });
    expect(d.documents).toHaveLength(1);
    // A cell's resolution opens no term; removing a document leaves the term.
    const cellCongress = await congressOf(round, f.cellId);
    const cellRes = await s.bithu.post(`/api/congresses/${cellCongress.id}/documents`, {
      kind: 'resolution',
      title: 'Nghị quyết Đại hội Chi bộ',
    });
    expect(cellRes.json().termId).toBeNull();
    const removed = await s.coso.delete(`/api/congresses/${c.id}/documents/${d.documents[0].id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await detail(c.id, 'coso')).termId).toBe(termId);
  });

  it('updates the upper committee’s existing term of the same years instead of a second one', async () => {
    const existing = await queryOne<{ id: number }>(
      t.db,
      sql`select id from plan_terms where org_unit_id = ${f.upperId} and from_year = 2025`,
    );
    const c = await congressOf(round, f.upperId);
    const res = await s.vanphong.post(`/api/congresses/${c.id}/documents`, {
      kind: 'resolution',
      title: 'Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ II',
      ref: 'Nghị quyết số 02-NQ/ĐH',
      adoptedOn: '2025-08-20',
    });
    expect(res.statusCode, res.body).toBe(200);
    if (existing) expect(res.json().termId).toBe(existing.id);
    const terms = await queryRows(
      t.db,
      sql`select id from plan_terms where org_unit_id = ${f.upperId} and from_year = 2025`,
    );
    expect(terms).toHaveLength(1);
  });
});
