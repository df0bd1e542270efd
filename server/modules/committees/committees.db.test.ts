// Committees over time (docs/domain/congresses.md, "Cấp ủy qua các thời kỳ"): a term opened through the
// face and the API, mid-term changes, "who was the secretary of X on D" before and after a change, the
// committee as of a date across a restructuring (org-units' merge), one secretary at a time, scope,
// the member record's cấp ủy list, and the structure against the congress's personnel plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/enums/roles';
import { queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { applyOrgOperation } from '../org-units';
import { openCommitteeTerm } from './index';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
/** Members of Đảng bộ Sở Y tế's subtree: A, B, C, D, E, F. */
let m: number[] = [];

const actorOf = async (username: string): Promise<Actor> => {
  const u = (await queryOne<{
    id: number;
    role: Role;
    scope_org_unit_id: number;
    path: string;
    member_id: number | null;
  }>(
    t.db,
    sql`select u.id, u.role, u.scope_org_unit_id, o.path::text as path, u.member_id
        from users u join org_units o on o.id = u.scope_org_unit_id where u.username = ${username}`,
  ))!;
  return {
    userId: u.id,
    username,
    displayName: username,
    role: u.role,
    scopeOrgUnitId: u.scope_org_unit_id,
    scopePath: u.path,
    memberId: u.member_id,
  };
};

const membersOf = async (unitId: number, n: number) =>
  (
    await queryRows<{ id: number }>(
      t.db,
      sql`select m.id from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${unitId}) and m.status = 'full'
          order by m.id limit ${n}`,
    )
  ).map((r) => r.id);

const committee = async (unitId: number, date: string, who = 'vanphong') => {
  const res = await s[who].get(`/api/committees?orgUnitId=${unitId}&date=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const holders = async (unitId: number, position: string, date: string, who = 'vanphong') => {
  const res = await s[who].get(
    `/api/committees/holders?orgUnitId=${unitId}&position=${position}&date=${date}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: number; memberId: number; version: number }[];
};
const rowsOf = async (memberId: number) =>
  (await s.vanphong.get(`/api/committees/members/${memberId}`)).json().items as {
    id: number;
    orgUnitId: number;
    position: string;
    toDate: string | null;
    endReason: string | null;
    reElected: boolean;
    termFromYear: number;
    version: number;
  }[];
const openRow = async (memberId: number, position: string, unitId = f.committeeId) =>
  (await rowsOf(memberId)).find(
    (r) => r.position === position && r.toDate === null && r.orgUnitId === unitId,
  )!;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
  m = await membersOf(f.committeeId, 6);
});
afterAll(async () => t.close());

const [A, B, C, D, E, F] = [0, 1, 2, 3, 4, 5];

describe('a term and its mid-term changes (docs/domain/congresses.md, Cấp ủy qua các thời kỳ)', () => {
  it('opens the 2020–2025 committee through the face, in the caller’s transaction, audited', async () => {
    const actor = await actorOf('vanphong');
    const res = await t.db.transaction((tx) =>
      openCommitteeTerm(tx, actor, {
        orgUnitId: f.committeeId,
        termFromYear: 2020,
        termToYear: 2025,
        fromDate: '2020-07-15',
        decisionRef: 'Quyết định số 120-QĐ/ĐU ngày 15/7/2020',
        entries: [
          { memberId: m[A], position: 'secretary' },
          { memberId: m[A], position: 'standing_member' },
          { memberId: m[A], position: 'member' },
          { memberId: m[B], position: 'deputy_secretary' },
          { memberId: m[B], position: 'standing_member' },
          { memberId: m[B], position: 'member' },
          { memberId: m[C], position: 'member' },
          { memberId: m[D], position: 'member' },
          { memberId: m[E], position: 'member' },
        ],
      }),
    );
    expect(res.ids).toHaveLength(9);
    expect(res.closed).toBe(0);
    const view = await committee(f.committeeId, '2022-01-01');
    expect(view.term).toEqual({ fromYear: 2020, toYear: 2025 });
    expect(view.memberCount).toBe(5);
    expect(view.groups[0].position).toBe('secretary');
    expect(view.groups[0].items[0].memberId).toBe(m[A]);
    expect(view.canEdit).toBe(true);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'committee.openTerm'`,
    );
    expect(audit!.n).toBe(1);
    // Before the term opened, there was no committee on record.
    expect((await committee(f.committeeId, '2020-07-14')).groups).toEqual([]);
  });

  it('refuses a member outside the unit’s subtree, in Vietnamese', async () => {
    const actor = await actorOf('vanphong');
    await expect(
      t.db.transaction((tx) =>
        openCommitteeTerm(tx, actor, {
          orgUnitId: f.committeeId,
          termFromYear: 2020,
          termToYear: 2025,
          fromDate: '2020-07-15',
          decisionRef: 'QĐ 1',
          entries: [{ memberId: f.memberElsewhere.id, position: 'member' }],
        }),
      ),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('không thuộc'),
    });
  });

  it('answers "not found" through the face for a unit outside the actor’s subtree', async () => {
    const actor = await actorOf('coso');
    await expect(
      t.db.transaction((tx) =>
        openCommitteeTerm(tx, actor, {
          orgUnitId: f.otherCommitteeId,
          termFromYear: 2020,
          termToYear: 2025,
          fromDate: '2020-07-15',
          decisionRef: 'QĐ 1',
          entries: [{ memberId: f.memberElsewhere.id, position: 'member' }],
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('who was the secretary on a date, before and after a change (A moves away, B becomes secretary)', async () => {
    expect(
      (await holders(f.committeeId, 'secretary', '2023-03-31')).map((h) => h.memberId),
    ).toEqual([m[A]]);
    for (const position of ['secretary', 'standing_member', 'member']) {
      const row = await openRow(m[A], position);
      const res = await s.vanphong.post(`/api/committees/positions/${row.id}/end`, {
        version: row.version,
        toDate: '2023-03-31',
        endReason: 'moved',
        decisionRef: 'Quyết định số 45-QĐ/TU ngày 25/3/2023',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const deputy = await openRow(m[B], 'deputy_secretary');
    const stale = await s.vanphong.post(`/api/committees/positions/${deputy.id}/change`, {
      version: deputy.version + 1,
      date: '2023-04-01',
      position: 'secretary',
      startReason: 'supplemented',
      decisionRef: 'Quyết định số 50-QĐ/ĐU ngày 01/4/2023',
    });
    expect(stale.statusCode).toBe(409);
    const changed = await s.vanphong.post(`/api/committees/positions/${deputy.id}/change`, {
      version: deputy.version,
      date: '2023-04-01',
      position: 'secretary',
      startReason: 'supplemented',
      decisionRef: 'Quyết định số 50-QĐ/ĐU ngày 01/4/2023',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(
      (await holders(f.committeeId, 'secretary', '2023-03-31')).map((h) => h.memberId),
    ).toEqual([m[A]]);
    expect(
      (await holders(f.committeeId, 'secretary', '2023-04-01')).map((h) => h.memberId),
    ).toEqual([m[B]]);
    expect(await holders(f.committeeId, 'deputy_secretary', '2023-04-01')).toEqual([]);
    const history = (
      await s.vanphong.get(`/api/committees/history?orgUnitId=${f.committeeId}`)
    ).json();
    expect(history.events[0]).toMatchObject({
      date: '2023-04-01',
      kind: 'start',
      position: 'secretary',
    });
    expect(
      history.events.find(
        (e: { kind: string; memberId: number; position: string }) =>
          e.kind === 'end' && e.memberId === m[A] && e.position === 'secretary',
      ),
    ).toMatchObject({ date: '2023-03-31', reason: 'moved' });
    // An ended position takes no further change.
    const ended = (await rowsOf(m[A])).find((r) => r.position === 'secretary')!;
    const again = await s.vanphong.post(`/api/committees/positions/${ended.id}/end`, {
      version: ended.version,
      toDate: '2023-05-01',
      endReason: 'resigned',
      decisionRef: 'QĐ',
    });
    expect(again.statusCode).toBe(400);
  });

  it('one secretary at a time per unit; a member holds a position once at a time (Vietnamese errors)', async () => {
    const second = await s.vanphong.post('/api/committees/positions', {
      orgUnitId: f.committeeId,
      memberId: m[C],
      position: 'secretary',
      startReason: 'appointed',
      fromDate: '2024-01-01',
      decisionRef: 'Quyết định số 70-QĐ/ĐU',
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().message).toContain('chỉ có một Bí thư');
    const twice = await s.vanphong.post('/api/committees/positions', {
      orgUnitId: f.committeeId,
      memberId: m[D],
      position: 'member',
      fromDate: '2024-01-01',
      decisionRef: 'Quyết định số 71-QĐ/ĐU',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('không giữ cùng một chức vụ hai lần');
    // A member appointed to fill the committee mid-term joins the term in force.
    const added = await s.vanphong.post('/api/committees/positions', {
      orgUnitId: f.committeeId,
      memberId: m[F],
      position: 'member',
      startReason: 'appointed',
      fromDate: '2024-01-01',
      decisionRef: 'Quyết định số 72-QĐ/ĐU ngày 28/12/2023',
    });
    expect(added.statusCode, added.body).toBe(200);
    const row = await openRow(m[F], 'member');
    expect(row.termFromYear).toBe(2020);
  });

  it('opens the 2025–2030 term, closing the previous one the day before; re-elected members are marked', async () => {
    const res = await s.vanphong.post('/api/committees/terms', {
      orgUnitId: f.committeeId,
      termFromYear: 2025,
      termToYear: 2030,
      fromDate: '2025-07-10',
      decisionRef: 'Quyết định số 310-QĐ/ĐU ngày 10/7/2025 chuẩn y kết quả bầu cử',
      closePrevious: true,
      entries: [
        { memberId: m[B], position: 'secretary' },
        { memberId: m[B], position: 'member' },
        { memberId: m[C], position: 'deputy_secretary' },
        { memberId: m[C], position: 'member' },
        { memberId: m[A], position: 'member' },
        { memberId: m[D], position: 'inspection_chair' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    // B: secretary, standing, member; C, D, E, F: member — open on 9/7/2025.
    expect(res.json().closed).toBe(7);
    const old = (await rowsOf(m[E]))[0];
    expect(old).toMatchObject({ toDate: '2025-07-09', endReason: 'term_ended' });
    const byMember = async (id: number, position: string) =>
      (await rowsOf(id)).find((r) => r.position === position && r.termFromYear === 2025)!;
    expect((await byMember(m[B], 'secretary')).reElected).toBe(true);
    expect((await byMember(m[C], 'member')).reElected).toBe(true);
    // A left in 2023 but sat on the 2020–2025 committee: re-elected too.
    expect((await byMember(m[A], 'member')).reElected).toBe(true);
    // D sat on the committee, not on the inspection commission.
    expect((await byMember(m[D], 'inspection_chair')).reElected).toBe(false);
    const view = await committee(f.committeeId, '2025-07-10');
    expect(view.term).toEqual({ fromYear: 2025, toYear: 2030 });
    expect(view.memberCount).toBe(3);
    expect((await committee(f.committeeId, '2025-07-09')).memberCount).toBe(5);
  });

  it('the structure of the committee against the personnel plan of its congress', async () => {
    const round = await queryOne<{ id: number }>(
      t.db,
      sql`insert into congress_rounds (org_unit_id, name, from_year, to_year)
          values (${f.upperId}, 'Đại hội nhiệm kỳ 2025–2030', 2025, 2030) returning id`,
    );
    await t.db.execute(
      sql`insert into congresses (round_id, org_unit_id, level, kind, status, held_on,
            planned_committee_size, planned_standing_size, planned_deputy_count, planned_women_pct,
            planned_reelected_pct)
          values (${round!.id}, ${f.committeeId}, 'grassroots', 'delegates', 'results_approved',
            '2025-07-08', 5, 3, 1, 30, 60)`,
    );
    const res = await s.coso.get(
      `/api/committees/structure?orgUnitId=${f.committeeId}&date=2025-08-01`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.congress).toMatchObject({ heldOn: '2025-07-08' });
    const size = body.rows.find((r: { key: string }) => r.key === 'size');
    expect(size).toMatchObject({ actual: 3, planned: 5, gap: -2, short: true });
    const deputies = body.rows.find((r: { key: string }) => r.key === 'deputies');
    expect(deputies).toMatchObject({ actual: 1, planned: 1, gap: 0, short: false });
    const reElected = body.rows.find((r: { key: string }) => r.key === 'reElected');
    expect(reElected).toMatchObject({ actual: 100, planned: 60, short: false });
    // Before the congress, no plan applies.
    const earlier = (
      await s.coso.get(`/api/committees/structure?orgUnitId=${f.committeeId}&date=2024-01-01`)
    ).json();
    expect(earlier.congress).toBeNull();
  });
});

describe('scope and the member record', () => {
  it('coso reads and edits its own committee, and another grassroots organisation’s is "not found"', async () => {
    expect((await committee(f.committeeId, '2025-08-01', 'coso')).memberCount).toBe(3);
    for (const url of [
      `/api/committees?orgUnitId=${f.otherCommitteeId}`,
      `/api/committees/history?orgUnitId=${f.otherCommitteeId}`,
      `/api/committees/holders?orgUnitId=${f.otherCommitteeId}&position=secretary`,
      `/api/committees/structure?orgUnitId=${f.otherCommitteeId}`,
      `/api/committees/members/${f.memberElsewhere.id}`,
    ])
      expect((await s.coso.get(url)).statusCode, url).toBe(404);
    const elsewhere = await s.vanphong.post('/api/committees/terms', {
      orgUnitId: f.otherCommitteeId,
      termFromYear: 2025,
      termToYear: 2030,
      fromDate: '2025-06-20',
      decisionRef: 'Quyết định số 300-QĐ/ĐU',
      entries: [{ memberId: f.memberElsewhere.id, position: 'secretary' }],
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
    const rowId = elsewhere.json().ids[0];
    const end = await s.coso.post(`/api/committees/positions/${rowId}/end`, {
      version: 1,
      toDate: '2025-12-31',
      endReason: 'resigned',
      decisionRef: 'QĐ',
    });
    expect(end.statusCode).toBe(404);
    const add = await s.coso.post('/api/committees/positions', {
      orgUnitId: f.otherCommitteeId,
      memberId: f.memberElsewhere.id,
      position: 'member',
      fromDate: '2025-06-20',
      decisionRef: 'QĐ',
    });
    expect(add.statusCode).toBe(404);
    // The cell secretary reads, but does not record.
    const bithu = await s.bithu.post('/api/committees/positions', {
      orgUnitId: f.cellId,
      memberId: f.memberInCell.id,
      position: 'member',
      fromDate: '2025-06-20',
      decisionRef: 'QĐ',
    });
    expect(bithu.statusCode).toBe(403);
  });

  it('a member reads their own cấp ủy list only, and no unit’s committee', async () => {
    const res = await s.vanphong.post('/api/committees/terms', {
      orgUnitId: f.cellId,
      termFromYear: 2025,
      termToYear: 2027,
      fromDate: '2025-05-01',
      decisionRef: 'Quyết định số 200-QĐ/ĐU chuẩn y chi ủy',
      entries: [{ memberId: f.selfMemberId, position: 'deputy_secretary' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const own = await s.dangvien.get(`/api/committees/members/${f.selfMemberId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().items[0]).toMatchObject({
      orgUnitId: f.cellId,
      position: 'deputy_secretary',
    });
    expect((await s.dangvien.get(`/api/committees/members/${f.memberInCell.id}`)).statusCode).toBe(
      f.memberInCell.id === f.selfMemberId ? 200 : 404,
    );
    expect((await s.dangvien.get(`/api/committees?orgUnitId=${f.cellId}`)).statusCode).toBe(404);
  });
});

describe('as of a date across a restructuring (org-units merge)', () => {
  it('before the merge the old cell’s committee, after it the merged cell’s', async () => {
    const [x] = await membersOf(f.siblingCellId, 1);
    const [y] = (await membersOf(f.cellId, 3)).filter((id) => id !== f.selfMemberId);
    for (const [unit, member] of [
      [f.siblingCellId, x],
      [f.cellId, y],
    ] as const) {
      const res = await s.vanphong.post('/api/committees/positions', {
        orgUnitId: unit,
        memberId: member,
        position: 'secretary',
        startReason: 'elected',
        fromDate: '2025-05-01',
        decisionRef: 'Quyết định chuẩn y Bí thư chi bộ',
        termFromYear: 2025,
        termToYear: 2027,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await applyOrgOperation({
      db: t.db,
      actor: await actorOf('vanphong'),
      input: {
        kind: 'merge',
        sourceIds: [f.siblingCellId],
        targetId: f.cellId,
        effectiveDate: '2026-09-01',
        decisionNumber: '301-QĐ/ĐU',
        decisionDate: '2026-08-28',
      },
    });
    // The merged cell's new secretary: the old one ends the day before, x (moved by the merge) follows.
    const old = await openRow(y, 'secretary', f.cellId);
    expect(
      (
        await s.vanphong.post(`/api/committees/positions/${old.id}/end`, {
          version: old.version,
          toDate: '2026-08-31',
          endReason: 'restructured',
          decisionRef: '301-QĐ/ĐU',
        })
      ).statusCode,
    ).toBe(200);
    const next = await s.vanphong.post('/api/committees/positions', {
      orgUnitId: f.cellId,
      memberId: x,
      position: 'secretary',
      startReason: 'appointed',
      fromDate: '2026-09-01',
      decisionRef: 'Quyết định số 302-QĐ/ĐU chỉ định Bí thư chi bộ sau hợp nhất',
    });
    expect(next.statusCode, next.body).toBe(200);

    const before = await committee(f.siblingCellId, '2026-08-31');
    expect(before.unitExisted).toBe(true);
    expect(before.groups[0].items[0].memberId).toBe(x);
    const after = await committee(f.siblingCellId, '2026-09-01');
    expect(after.unitExisted).toBe(false);
    expect(after.groups).toEqual([]);
    expect((await holders(f.cellId, 'secretary', '2026-08-31')).map((h) => h.memberId)).toEqual([
      y,
    ]);
    expect((await holders(f.cellId, 'secretary', '2026-09-01')).map((h) => h.memberId)).toEqual([
      x,
    ]);
    // The old cell's position stays as recorded; its history shows the end by the restructuring.
    const history = (
      await s.vanphong.get(`/api/committees/history?orgUnitId=${f.siblingCellId}`)
    ).json();
    expect(history.items[0]).toMatchObject({ toDate: null, unitDissolvedOn: '2026-09-01' });
    expect(history.events[0]).toMatchObject({ kind: 'end', reason: 'restructured' });
  });
});
