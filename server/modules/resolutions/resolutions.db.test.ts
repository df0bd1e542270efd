// Resolutions and their dissemination through the API: the register and its plan, units recording
// sessions and action programmes within their scope, members' reflections, and the coverage figures
// (as-of dates, a unit merged after its session, drill-down to the units still missing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { disseminationCoverage, disseminationCoverageForPeriod } from './coverage.queries';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'btv', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

let seq = 0;
const register = async (
  plan: Record<string, unknown> | null,
  extra: Record<string, unknown> = {},
  who = 'vanphong',
) => {
  seq += 1;
  const res = await s[who].post('/api/resolutions', {
    ownerUnitId: who === 'coso' ? f.committeeId : f.upperId,
    issuerLevel: 'central',
    issuerName: 'Ban Chấp hành Trung ương',
    kind: 'resolution',
    number: `${900 + seq}-NQ/TW`,
    issuedOn: '2026-01-05',
    title: `Nghị quyết thử số ${seq} về phát triển khoa học, công nghệ`,
    plan,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
};
const planFor = (targetUnitId: number, extra: Record<string, unknown> = {}) => ({
  targetUnitId,
  unitKinds: ['grassroots_committee', 'grassroots_cell', 'cell'],
  studyDeadline: '2026-03-31',
  actionProgrammeRequired: true,
  actionProgrammeDeadline: '2026-04-30',
  ...extra,
});
const session = (orgUnitId: number, heldOn = '2026-02-10', invited = 12, attended = 11) => ({
  orgUnitId,
  heldOn,
  form: 'in_person',
  invited,
  attended,
});
const coverage = async (id: number, unitId: number, asOf?: string, who = 'vanphong') => {
  const res = await s[who].get(
    `/api/resolutions/${id}/coverage?unitId=${unitId}${asOf ? `&asOf=${asOf}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const liveCellsOf = (parentId: number) =>
  queryRows<{ id: number; name: string }>(
    t.db,
    sql`select id, name from org_units where parent_id = ${parentId} and dissolved_on is null
        and kind = 'cell' order by id`,
  );

describe('register and plan', () => {
  it('registers a resolution with its plan and lists it with the coverage of the caller', async () => {
    const id = await register(planFor(f.committeeId));
    const detail = (await s.vanphong.get(`/api/resolutions/${id}`)).json();
    expect(detail.plan).toMatchObject({ targetUnitId: f.committeeId, studyDeadline: '2026-03-31' });
    expect(detail.canEdit).toBe(true);
    const cells = await liveCellsOf(f.committeeId);
    const list = (await s.coso.get('/api/resolutions')).json();
    const item = list.items.find((i: { id: number }) => i.id === id);
    // The committee itself and each of its cells must hold a session.
    expect(item).toMatchObject({ required: cells.length + 1, held: 0, actionProgrammes: 0 });
    // A cell secretary and a member see the upper committee's register, but may not edit it.
    const asBithu = (await s.bithu.get(`/api/resolutions/${id}`)).json();
    expect(asBithu.canEdit).toBe(false);
    expect((await s.dangvien.get(`/api/resolutions/${id}`)).statusCode).toBe(200);
    expect((await s.bithu.put(`/api/resolutions/${id}`, { ...detail })).statusCode).toBe(403);
  });

  it('refuses a duplicate number, a deadline before issue and a missing action programme deadline', async () => {
    const id = await register(null);
    const number = (await s.vanphong.get(`/api/resolutions/${id}`)).json().number;
    const dup = await s.vanphong.post('/api/resolutions', {
      ownerUnitId: f.upperId,
      issuerLevel: 'province',
      issuerName: 'Tỉnh ủy',
      kind: 'directive',
      number,
      issuedOn: '2026-01-05',
      title: 'Trùng số',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().message).toContain('đã có trong sổ');
    const early = await s.vanphong.post('/api/resolutions', {
      ownerUnitId: f.upperId,
      issuerLevel: 'province',
      issuerName: 'Tỉnh ủy',
      kind: 'directive',
      number: '77-CT/TU',
      issuedOn: '2026-01-05',
      title: 'Hạn sai',
      plan: planFor(f.committeeId, { studyDeadline: '2025-12-01' }),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('Hạn quán triệt không được trước ngày ban hành');
    const noDeadline = await s.vanphong.post('/api/resolutions', {
      ownerUnitId: f.upperId,
      issuerLevel: 'province',
      issuerName: 'Tỉnh ủy',
      kind: 'directive',
      number: '78-CT/TU',
      issuedOn: '2026-01-05',
      title: 'Thiếu hạn',
      plan: planFor(f.committeeId, { actionProgrammeDeadline: null }),
    });
    expect(noDeadline.statusCode).toBe(400);
    expect(noDeadline.json().message).toContain('hạn ban hành chương trình hành động');
  });

  it('finds a document typed without diacritics or capitals: "nghi quyet" finds "Nghị quyết", "9xx-nq/tw" its number', async () => {
    // The pickers of a plan's target and a congress round search the register this way.
    const id = await register(null);
    const { number, title } = (await s.vanphong.get(`/api/resolutions/${id}`)).json();
    const ids = async (query: string) =>
      (await s.coso.get(`/api/resolutions?${query}`)).json().items.map((i: { id: number }) => i.id);
    expect(title).toMatch(/^Nghị quyết thử số \d+ về/);
    const words = `nghi quyet thu so ${title.match(/số (\d+)/)[1]} ve phat trien`;
    expect(await ids(`q=${encodeURIComponent(words)}`)).toEqual([id]);
    expect(await ids(`q=${encodeURIComponent(number.toLowerCase())}`)).toEqual([id]);
    expect(await ids(`q=${encodeURIComponent('NGHỊ QUYẾT THỬ')}`)).toContain(id);
    // Another kind is not listed, whatever its words.
    expect(await ids(`kind=directive&q=${encodeURIComponent(words)}`)).toEqual([]);
  });

  it('keeps a grassroots committee to its own subtree, and hides its register from other committees', async () => {
    const outside = await s.coso.post('/api/resolutions', {
      ownerUnitId: f.otherCommitteeId,
      issuerLevel: 'own',
      issuerName: 'Đảng ủy',
      kind: 'conclusion',
      number: '1-KL/ĐU',
      issuedOn: '2026-01-05',
      title: 'Ngoài phạm vi',
    });
    expect(outside.statusCode).toBe(404);
    const own = await register(planFor(f.committeeId), { issuerLevel: 'own' }, 'coso');
    expect((await s.vanphong.get(`/api/resolutions/${own}`)).statusCode).toBe(200);
    const ids = (await s.coso.get('/api/resolutions'))
      .json()
      .items.map((i: { id: number }) => i.id);
    expect(ids).toContain(own);
    // A member of another committee's cell does not see it: log in as nobody there, check by query.
    const other = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from resolutions r join org_units ow on ow.id = r.owner_unit_id
          where r.id = ${own} and (select path from org_units where id = ${f.otherCommitteeId}) <@ ow.path`,
    );
    expect(other?.n).toBe(0);
  });
});

describe('recording sessions and action programmes', () => {
  it('lets a cell secretary record its own cell, and moves the coverage', async () => {
    const id = await register(planFor(f.committeeId));
    const before = await coverage(id, f.committeeId);
    const res = await s.bithu.post(`/api/resolutions/${id}/sessions`, session(f.cellId));
    expect(res.statusCode, res.body).toBe(200);
    const ap = await s.bithu.put(`/api/resolutions/${id}/action-programme`, {
      orgUnitId: f.cellId,
      number: '05-CTr/CB',
      issuedOn: '2026-02-20',
    });
    expect(ap.statusCode, ap.body).toBe(200);
    const after = await coverage(id, f.committeeId);
    expect(after.held).toBe(before.held + 1);
    // The register's list gives the same figures for the caller's own subtree.
    const listed = (await s.coso.get('/api/resolutions'))
      .json()
      .items.find((i: { id: number }) => i.id === id);
    expect(listed).toMatchObject({ required: after.required, held: 1, actionProgrammes: 1 });
    expect(after.actionProgrammes).toBe(before.actionProgrammes + 1);
    expect(after.attended).toBe(11);
    expect(after.invited).toBe(12);
    expect(after.sentences[0]).toBe(
      `1/${after.required} (${((100 / after.required).toFixed(1)).replace('.', ',')}%) chi bộ, đảng bộ cơ sở đã tổ chức quán triệt, học tập`,
    );
    const mine = after.units.find((u: { id: number }) => u.id === f.cellId);
    expect(mine).toMatchObject({
      heldOn: '2026-02-10',
      late: false,
      actionProgrammeOn: '2026-02-20',
    });
    // Drill-down: the units still missing are every required unit but this cell.
    const missing = after.units.filter((u: { heldOn: string | null }) => !u.heldOn);
    expect(missing.map((u: { id: number }) => u.id)).not.toContain(f.cellId);
    expect(missing).toHaveLength(after.required - 1);
    const record = (
      await s.bithu.get(`/api/resolutions/${id}/unit-record?orgUnitId=${f.cellId}`)
    ).json();
    expect(record).toMatchObject({ required: true, actionProgramme: { number: '05-CTr/CB' } });
    expect(record.sessions).toHaveLength(1);
  });

  it('refuses attendance above the number invited, in Vietnamese', async () => {
    const id = await register(planFor(f.committeeId));
    const res = await s.bithu.post(
      `/api/resolutions/${id}/sessions`,
      session(f.cellId, '2026-02-10', 10, 12),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Số người dự không được lớn hơn số người được triệu tập');
  });

  it('answers "not found" when a cell secretary records for another cell', async () => {
    const id = await register(planFor(f.committeeId));
    const res = await s.bithu.post(`/api/resolutions/${id}/sessions`, session(f.siblingCellId));
    expect(res.statusCode).toBe(404);
    const ap = await s.bithu.put(`/api/resolutions/${id}/action-programme`, {
      orgUnitId: f.siblingCellId,
      number: '1-CTr/CB',
      issuedOn: '2026-02-20',
    });
    expect(ap.statusCode).toBe(404);
    const cov = await coverage(id, f.committeeId);
    expect(cov.held).toBe(0);
  });

  it('refuses a unit outside the plan and a session dated before the resolution', async () => {
    const id = await register(planFor(f.siblingCellId));
    const res = await s.bithu.post(`/api/resolutions/${id}/sessions`, session(f.cellId));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('không thuộc diện phải quán triệt');
    const id2 = await register(planFor(f.committeeId));
    const early = await s.bithu.post(
      `/api/resolutions/${id2}/sessions`,
      session(f.cellId, '2025-12-01'),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('không được trước ngày ban hành');
  });

  it('marks a session held after the deadline as late, and a missing one as overdue', async () => {
    const id = await register(planFor(f.committeeId, { studyDeadline: '2026-02-01' }));
    await s.bithu.post(`/api/resolutions/${id}/sessions`, session(f.cellId, '2026-02-15'));
    const cov = await coverage(id, f.committeeId);
    expect(cov.heldLate).toBe(1);
    expect(cov.units.find((u: { id: number }) => u.id === f.cellId).late).toBe(true);
    expect(cov.units.find((u: { id: number }) => u.id === f.siblingCellId).late).toBe(true);
  });
});

describe('coverage over time', () => {
  it('counts facts by the as-of date', async () => {
    const id = await register(planFor(f.committeeId));
    await s.bithu.post(`/api/resolutions/${id}/sessions`, session(f.cellId, '2026-02-10'));
    expect((await coverage(id, f.committeeId, '2026-02-09')).held).toBe(0);
    expect((await coverage(id, f.committeeId, '2026-02-10')).held).toBe(1);
    const metric = await disseminationCoverage({
      db: t.db,
      unitId: f.committeeId,
      resolutionId: id,
      asOf: '2026-06-30',
    });
    expect(metric.status).toBe('ok');
    if (metric.status !== 'ok') return;
    expect(metric.numerator).toBe(1);
    expect(metric.records).toEqual([expect.objectContaining({ kind: 'org_unit', id: f.cellId })]);
    expect(metric.missing).toHaveLength(metric.required - 1);
    expect(metric.value).toBeCloseTo((100 * 1) / metric.required);
  });

  it('still counts a cell merged into its sibling after its session; a cell established after the deadline is not required', async () => {
    const cells = await liveCellsOf(f.otherCommitteeId);
    const [a, b] = cells;
    const id = await register(planFor(f.otherCommitteeId));
    expect(
      (await s.vanphong.post(`/api/resolutions/${id}/sessions`, session(a.id, '2026-02-10')))
        .statusCode,
    ).toBe(200);
    const before = await coverage(id, f.otherCommitteeId);
    const merge = await s.vanphong.post('/api/org-units/operations', {
      kind: 'merge',
      sourceIds: [a.id],
      targetId: b.id,
      effectiveDate: '2026-06-01',
      decisionNumber: '99-QĐ/ĐU',
    });
    expect(merge.statusCode, merge.body).toBe(200);
    const established = await s.vanphong.post('/api/org-units/operations', {
      kind: 'establish',
      parentId: f.otherCommitteeId,
      unitKind: 'cell',
      name: 'Chi bộ Khoa Thử nghiệm mới',
      effectiveDate: '2026-06-01',
      decisionNumber: '100-QĐ/ĐU',
    });
    expect(established.statusCode, established.body).toBe(200);
    const after = await coverage(id, f.otherCommitteeId);
    // The tree is read on the deadline: the merged cell is still one of the units, and it held.
    expect(after.required).toBe(before.required);
    expect(after.held).toBe(1);
    expect(after.units.find((u: { id: number }) => u.id === a.id).heldOn).toBe('2026-02-10');
    // Asked about the merged cell itself, the answer is the same.
    expect((await coverage(id, a.id)).held).toBe(1);
    // A resolution whose deadline falls after the merger requires the new tree.
    const later = await register(
      planFor(f.otherCommitteeId, {
        studyDeadline: '2026-09-30',
        actionProgrammeDeadline: '2026-10-30',
      }),
    );
    const now = await coverage(later, f.otherCommitteeId);
    expect(now.required).toBe(before.required); // one merged away, one established
    expect(now.units.map((u: { id: number }) => u.id)).not.toContain(a.id);
    expect(now.units.map((u: { id: number }) => u.id)).toContain(
      established.json().affectedUnitIds[0],
    );
  });

  it('sums the resolutions whose deadline falls in a period', async () => {
    const period = await disseminationCoverageForPeriod({
      db: t.db,
      unitId: f.cellId,
      from: '2026-03-31',
      to: '2026-03-31',
      asOf: '2026-11-01',
    });
    expect(period.status).toBe('ok');
    if (period.status !== 'ok') return;
    const plans = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from resolution_plans p join org_units o on o.id = p.target_unit_id
          where p.study_deadline = '2026-03-31'
            and (select path from org_units where id = ${f.cellId}) <@ o.path
            and 'cell' = any(p.unit_kinds)`,
    );
    expect(period.required).toBe(plans!.n);
    expect(period.records.every((r) => r.label.includes('NQ/TW'))).toBe(true);
    const none = await disseminationCoverageForPeriod({
      db: t.db,
      unitId: f.cellId,
      from: '1999-01-01',
      to: '1999-12-31',
      asOf: '2026-11-01',
    });
    expect(none.status).toBe('unavailable');
  });
});

describe('reflections', () => {
  it('lets a member submit their own reflection; the secretary sees who has not', async () => {
    const id = await register(planFor(f.committeeId));
    const mine = (await s.dangvien.get('/api/resolutions/reflections/mine')).json();
    expect(mine.items.map((i: { resolutionId: number }) => i.resolutionId)).toContain(id);
    const short = await s.dangvien.put(`/api/resolutions/${id}/reflection`, { content: 'Ngắn' });
    expect(short.statusCode).toBe(400);
    const text =
      'Qua học tập nghị quyết, bản thân nhận thức rõ vai trò của khoa học, công nghệ và đổi mới sáng tạo; sẽ áp dụng chuyển đổi số trong công việc chuyên môn.';
    const res = await s.dangvien.put(`/api/resolutions/${id}/reflection`, { content: text });
    expect(res.statusCode, res.body).toBe(200);
    const roster = (
      await s.bithu.get(`/api/resolutions/${id}/reflections?orgUnitId=${f.cellId}`)
    ).json();
    expect(roster.submitted).toBe(1);
    expect(
      roster.members.find((m: { memberId: number }) => m.memberId === f.selfMemberId).submittedOn,
    ).not.toBeNull();
    expect(
      roster.members.filter((m: { submittedOn: string | null }) => !m.submittedOn),
    ).toHaveLength(roster.total - 1);
    const cov = await coverage(id, f.cellId);
    expect(cov.reflections).toBe(1);
    // Only the member writes their own; a secretary cannot, and cannot list another cell.
    expect(
      (await s.bithu.put(`/api/resolutions/${id}/reflection`, { content: text })).statusCode,
    ).toBe(403);
    expect(
      (await s.bithu.get(`/api/resolutions/${id}/reflections?orgUnitId=${f.siblingCellId}`))
        .statusCode,
    ).toBe(404);
    expect(
      (await s.dangvien.get(`/api/resolutions/${id}/reflections?orgUnitId=${f.cellId}`)).statusCode,
    ).toBe(403);
  });
});
