// The annual plan through the API, per role: targets bound to live metrics (value, status, progress,
// history, cascade and roll-up, records), key tasks and their results, the dashboard, and the task facts
// the evaluation engine reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { taskFactsForMembers, taskFactsForUnits } from './task-facts.queries';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'coso', 'bithu', 'btv', 'dangvien']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

/**
 * Set the unit's admission target for the year, the one target a unit has a year (the plan's, which
 * the recruitment board edits: docs/domain/targets.md), and return it.
 */
const admissionTarget = async (orgUnitId: number, threshold: number, y = year) => {
  const res = await s.vanphong.put('/api/recruitment/targets', {
    orgUnitId,
    year: y,
    target: threshold,
  });
  expect(res.statusCode, res.body).toBe(200);
  const board = await s.vanphong.get(`/api/recruitment/targets?orgUnitId=${orgUnitId}&year=${y}`);
  return board.json().unit.targetId as number;
};

describe('targets bound to metrics', () => {
  it('refuses a second admission target for a unit and year, pointing to the first', async () => {
    const first = await admissionTarget(f.committeeId, 5);
    const res = await s.vanphong.post('/api/plans/targets', {
      orgUnitId: f.committeeId,
      year,
      title: 'Kết nạp đảng viên mới',
      metricCode: 'recruitment.admitted',
      comparator: 'gte',
      threshold: 8,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('metricCode');
    expect(res.json().fields[0].message).toContain('đã có chỉ tiêu kết nạp năm');
    // A ceiling on the same metric is another kind of target, not a second admission target.
    const ceiling = await s.vanphong.post('/api/plans/targets', {
      orgUnitId: f.committeeId,
      year,
      title: 'Kết nạp lại không quá',
      metricCode: 'recruitment.admitted',
      comparator: 'lte',
      threshold: 100,
    });
    expect(ceiling.statusCode, ceiling.body).toBe(200);
    expect(
      (
        await s.vanphong.get(`/api/recruitment/targets?orgUnitId=${f.committeeId}&year=${year}`)
      ).json().unit.targetId,
    ).toBe(first);
    await s.vanphong.delete(`/api/plans/targets/${ceiling.json().id}`);
  });

  it('shows the live value, which agrees with the recruitment module’s own count', async () => {
    const id = await admissionTarget(f.committeeId, 5);
    const detail = (await s.vanphong.get(`/api/plans/targets/${id}`)).json();
    const recruitment = (
      await s.vanphong.get(`/api/recruitment/targets?orgUnitId=${f.committeeId}&year=${year}`)
    ).json();
    expect(detail.target.value).toBe(recruitment.unit.admitted);
    expect(detail.records).toHaveLength(detail.target.value);
    expect(detail.target.asOf).toBe(todayIso());
    // History: one point per month end up to today, counts only grow, the last is today's value.
    const values = detail.history.map((h: { value: number }) => h.value);
    expect(detail.history.at(-1).date).toBe(todayIso());
    expect(values.at(-1)).toBe(detail.target.value);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  });

  it('phrases the progress as the year-end report does and sets the status', async () => {
    const probe = await admissionTarget(f.committeeId, 1);
    const actual = (await s.vanphong.get(`/api/plans/targets/${probe}`)).json().target.value;
    expect(actual).toBeGreaterThan(0);
    const exact = (
      await s.vanphong.get(`/api/plans/targets/${await admissionTarget(f.committeeId, actual)}`)
    ).json();
    expect(exact.target.progress).toContain('đạt 100% chỉ tiêu');
    expect(exact.target.status).toBe('achieved');
    const high = (
      await s.vanphong.get(
        `/api/plans/targets/${await admissionTarget(f.committeeId, actual * 100)}`,
      )
    ).json();
    expect(high.target.status).toBe('at_risk');
    expect(high.target.progress).toMatch(/^\d+\/[\d.]+ – đạt [\d,]+% chỉ tiêu$/);
    // The same target seen at the end of last year's December is over: missed.
    const past = (
      await s.vanphong.get(`/api/plans/targets/${probe}?asOf=${year - 1}-12-31`)
    ).json();
    expect(past.target.asOf).toBe(`${year - 1}-12-31`);
  });

  it('cascades a target to lower units, whose values roll up to the parent’s', async () => {
    const id = await admissionTarget(f.committeeId, 12);
    const children = await queryRows<{ id: number }>(
      t.db,
      sql`select id from org_units where parent_id = ${f.committeeId} and dissolved_on is null order by id`,
    );
    const shares = children.map((c, i) => ({
      orgUnitId: c.id,
      threshold: i === 0 ? 12 - (children.length - 1) : 1,
    }));
    const res = await s.vanphong.post(`/api/plans/targets/${id}/cascade`, { shares });
    expect(res.json()).toMatchObject({ created: children.length, updated: 0 });
    const detail = (await s.vanphong.get(`/api/plans/targets/${id}`)).json();
    expect(detail.target.childThresholdSum).toBe(12);
    // Each share is titled with its own figure.
    const first = detail.children.find(
      (c: { orgUnitId: number }) => c.orgUnitId === shares[0].orgUnitId,
    );
    expect(first.title).toBe(`Kết nạp ${shares[0].threshold} đảng viên mới`);
    expect(detail.children).toHaveLength(children.length);
    const sum = detail.children.reduce((a: number, c: { value: number }) => a + c.value, 0);
    expect(sum).toBe(detail.target.value);
    // Again with a new share for one unit: updated, not duplicated.
    const again = await s.vanphong.post(`/api/plans/targets/${id}/cascade`, {
      shares: [{ orgUnitId: children[0].id, threshold: 4 }],
    });
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });
    // A unit outside the target's subtree cannot receive a share.
    const outside = await s.vanphong.post(`/api/plans/targets/${id}/cascade`, {
      shares: [{ orgUnitId: f.otherCommitteeId, threshold: 1 }],
    });
    expect(outside.statusCode).toBe(400);
  });

  it('refuses an unknown metric and a percentage above 100', async () => {
    const base = { orgUnitId: f.committeeId, year, title: 'Thử', comparator: 'gte' };
    const unknown = await s.vanphong.post('/api/plans/targets', {
      ...base,
      metricCode: 'x.y',
      threshold: 1,
    });
    expect(unknown.json().fields[0].path).toBe('metricCode');
    const pct = await s.vanphong.post('/api/plans/targets', {
      ...base,
      metricCode: 'evaluation.members_good_or_better',
      threshold: 120,
    });
    expect(pct.json().fields[0].path).toBe('threshold');
  });

  it('shows an evaluation target as unavailable with the reason, never a number', async () => {
    const res = await s.vanphong.post('/api/plans/targets', {
      orgUnitId: f.upperId,
      year,
      title: '90% trở lên tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
      metricCode: 'evaluation.grassroots_good_or_better',
      comparator: 'gte',
      threshold: 90,
    });
    const detail = (await s.vanphong.get(`/api/plans/targets/${res.json().id}`)).json();
    expect(detail.target).toMatchObject({ value: null, status: 'unavailable' });
    expect(detail.target.progress).toContain('Chưa có kết quả xếp loại');
  });

  it('keeps targets within scope: a grassroots office sees its own, not another committee’s', async () => {
    const mine = await admissionTarget(f.committeeId, 3);
    const other = await admissionTarget(f.otherCommitteeId, 3);
    expect((await s.coso.get(`/api/plans/targets/${mine}`)).statusCode).toBe(200);
    expect((await s.coso.get(`/api/plans/targets/${other}`)).statusCode).toBe(404);
    expect((await s.btv.post('/api/plans/targets', { orgUnitId: f.committeeId })).statusCode).toBe(
      403,
    );
    expect((await s.dangvien.get(`/api/plans/year?year=${year}`)).statusCode).toBe(403);
  });
});

describe('key tasks', () => {
  it('records a task handed down to a unit, its result by the owner cell, and the year-end summary', async () => {
    const created = await s.coso.post('/api/plans/tasks', {
      orgUnitId: f.cellId,
      year,
      title: 'Nâng cao chất lượng sinh hoạt chi bộ',
      products: 'Nghị quyết chuyên đề',
      origin: 'assigned',
      ownerKind: 'unit',
      deadline: `${year}-06-30`,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const plan = (await s.bithu.get(`/api/plans/year?year=${year}`)).json();
    const task = plan.tasks.find((k: { id: number }) => k.id === id);
    expect(task).toMatchObject({
      origin: 'assigned',
      assignedByOrgUnitId: f.committeeId,
      status: 'planned',
    });
    expect(task.timeliness.kind).toBe('overdue');
    // The committee sees it among the tasks it handed down.
    const upper = (await s.coso.get(`/api/plans/year?year=${year}`)).json();
    expect(upper.assignedTasks.map((k: { id: number }) => k.id)).toContain(id);
    // Done ten days early, 20% beyond the requirement, rated excellent.
    const result = await s.bithu.put(`/api/plans/tasks/${id}/result`, {
      status: 'completed',
      completedOn: `${year}-06-20`,
      exceededPercent: 20,
      rating: 'excellent',
      ratedOn: `${year}-06-25`,
      version: 1,
    });
    expect(result.statusCode, result.body).toBe(200);
    const after = (await s.bithu.get(`/api/plans/year?year=${year}`)).json();
    expect(after.tasks.find((k: { id: number }) => k.id === id).timeliness).toMatchObject({
      kind: 'ahead',
      days: 10,
      label: 'Vượt tiến độ 10 ngày',
    });
    expect(after.taskSummary.sentence).toBe('hoàn thành 1/1 nhiệm vụ trọng tâm; 1 xuất sắc');
    // The stale version is refused.
    const stale = await s.bithu.put(`/api/plans/tasks/${id}/result`, {
      status: 'completed',
      completedOn: `${year}-06-20`,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses inconsistent results', async () => {
    const id = (
      await s.coso.post('/api/plans/tasks', {
        orgUnitId: f.committeeId,
        year,
        title: 'Tổng kết công tác',
        origin: 'own',
        ownerKind: 'unit',
        deadline: `${year}-12-15`,
      })
    ).json().id;
    const noDate = await s.coso.put(`/api/plans/tasks/${id}/result`, {
      status: 'completed',
      version: 1,
    });
    expect(noDate.json().fields[0].path).toBe('completedOn');
    const future = await s.coso.put(`/api/plans/tasks/${id}/result`, {
      status: 'completed',
      completedOn: '2999-01-01',
      version: 1,
    });
    expect(future.json().fields[0].path).toBe('completedOn');
    const rated = await s.coso.put(`/api/plans/tasks/${id}/result`, {
      status: 'in_progress',
      rating: 'good',
      version: 1,
    });
    expect(rated.json().fields[0].path).toBe('rating');
    // A cell secretary cannot touch a task its cell does not own.
    expect(
      (await s.bithu.put(`/api/plans/tasks/${id}/result`, { status: 'in_progress', version: 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('gives the evaluation engine the facts of the tasks each unit and member owns', async () => {
    const member = f.memberInCell.id;
    const make = async (deadline: string, ownerKind: 'unit' | 'member') =>
      (
        await s.coso.post('/api/plans/tasks', {
          orgUnitId: f.cellId,
          year: 2025,
          title: `Nhiệm vụ hạn ${deadline}`,
          origin: 'own',
          ownerKind,
          ownerOrgUnitId: ownerKind === 'unit' ? f.siblingCellId : null,
          ownerMemberId: ownerKind === 'member' ? member : null,
          deadline,
        })
      ).json().id as number;
    const sibling = f.siblingCellId;
    // The sibling is not in the cell's subtree: refused as owner.
    expect(
      (
        await s.coso.post('/api/plans/tasks', {
          orgUnitId: f.cellId,
          year: 2025,
          title: 'x',
          origin: 'own',
          ownerKind: 'unit',
          ownerOrgUnitId: sibling,
          deadline: '2025-05-01',
        })
      ).statusCode,
    ).toBe(400);
    const results = [
      ['2025-03-31', { status: 'completed', completedOn: '2025-03-20', exceededPercent: 10 }],
      ['2025-06-30', { status: 'completed', completedOn: '2025-07-05', exceededPercent: 0 }],
      ['2025-09-30', { status: 'not_completed' }],
      ['2026-03-31', { status: 'completed', completedOn: '2026-03-01' }],
    ] as const;
    for (const [deadline, result] of results) {
      const id = await make(deadline, 'member');
      expect(
        (await s.coso.put(`/api/plans/tasks/${id}/result`, { ...result, version: 1 })).statusCode,
      ).toBe(200);
    }
    const byMember = await taskFactsForMembers({
      db: t.db,
      memberIds: [member, f.memberInSibling.id],
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(byMember.get(member)).toEqual({
      total: 3,
      onTime: 1,
      late: 1,
      exceeded: 1,
      completed: 2,
    });
    expect(byMember.get(f.memberInSibling.id)).toEqual({
      total: 0,
      onTime: 0,
      late: 0,
      exceeded: 0,
      completed: 0,
    });
    const unitTask = (
      await s.coso.post('/api/plans/tasks', {
        orgUnitId: f.committeeId,
        year: 2025,
        title: 'Chi bộ làm',
        origin: 'own',
        ownerKind: 'unit',
        ownerOrgUnitId: f.cellId,
        deadline: '2025-11-30',
      })
    ).json().id;
    await s.coso.put(`/api/plans/tasks/${unitTask}/result`, {
      status: 'completed',
      completedOn: '2025-11-30',
      exceededPercent: 5,
      version: 1,
    });
    const byUnit = await taskFactsForUnits({
      db: t.db,
      unitIds: [f.cellId],
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(byUnit.get(f.cellId)).toEqual({
      total: 1,
      onTime: 1,
      late: 0,
      exceeded: 1,
      completed: 1,
    });
  });
});

describe('editing and deleting tasks', () => {
  const newTask = async (title: string) => {
    const res = await s.coso.post('/api/plans/tasks', {
      orgUnitId: f.committeeId,
      year,
      title,
      origin: 'own',
      ownerKind: 'unit',
      deadline: `${year}-10-31`,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as number;
  };
  const taskInPlan = async (id: number) =>
    (await s.coso.get(`/api/plans/year?year=${year}`))
      .json()
      .tasks.find((k: { id: number }) => k.id === id);

  it('edits a task’s plan fields and refuses a stale save with 409, writing nothing', async () => {
    const id = await newTask('Sơ kết công tác 6 tháng');
    const edit = {
      title: 'Sơ kết công tác 6 tháng đầu năm',
      requirement: 'Báo cáo sơ kết gửi cấp trên',
      products: 'Báo cáo sơ kết',
      ownerKind: 'unit',
      ownerOrgUnitId: f.cellId,
      deadline: `${year}-07-15`,
      version: 1,
    };
    const res = await s.coso.put(`/api/plans/tasks/${id}`, edit);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
    expect(await taskInPlan(id)).toMatchObject({
      title: 'Sơ kết công tác 6 tháng đầu năm',
      products: 'Báo cáo sơ kết',
      ownerOrgUnitId: f.cellId,
      deadline: `${year}-07-15`,
      version: 2,
    });
    // Someone else's save came first: the old version is refused and the task stays as it was.
    const stale = await s.coso.put(`/api/plans/tasks/${id}`, { ...edit, title: 'Cũ', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('đã được người khác cập nhật');
    expect((await taskInPlan(id)).title).toBe('Sơ kết công tác 6 tháng đầu năm');
    // The owner cell's secretary records results but does not edit the committee's plan.
    expect((await s.bithu.put(`/api/plans/tasks/${id}`, { ...edit, version: 2 })).statusCode).toBe(
      403,
    );
  });

  it('deletes a task with nothing recorded, and says why it refuses one with a result or hand-downs', async () => {
    const blank = await newTask('Nhiệm vụ nhập nhầm');
    const del = await s.coso.delete(`/api/plans/tasks/${blank}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await taskInPlan(blank)).toBeUndefined();

    const done = await newTask('Nhiệm vụ đã làm');
    await s.coso.put(`/api/plans/tasks/${done}/result`, {
      status: 'in_progress',
      resultNote: 'Đang triển khai',
      version: 1,
    });
    const refused = await s.coso.delete(`/api/plans/tasks/${done}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      'Nhiệm vụ đã ghi kết quả thực hiện hoặc đánh giá nên không thể xóa.',
    );
    expect(await taskInPlan(done)).toBeDefined();

    const parent = await newTask('Nhiệm vụ đã giao tiếp');
    await t.db.execute(sql`insert into key_tasks (org_unit_id, year, title, origin, parent_task_id,
        assigned_by_org_unit_id, owner_kind, owner_org_unit_id, deadline)
      values (${f.cellId}, ${year}, 'Phần việc của chi bộ', 'assigned', ${parent}, ${f.committeeId},
        'unit', ${f.cellId}, ${`${year}-10-31`})`);
    const withChildren = await s.coso.delete(`/api/plans/tasks/${parent}`);
    expect(withChildren.statusCode).toBe(400);
    expect(withChildren.json().message).toContain('đã được giao tiếp cho 1 tổ chức cấp dưới');
    // Another committee's task is not found.
    const other = await s.vanphong.post('/api/plans/tasks', {
      orgUnitId: f.otherCommitteeId,
      year,
      title: 'Nhiệm vụ đơn vị khác',
      origin: 'own',
      ownerKind: 'unit',
      deadline: `${year}-12-31`,
    });
    expect((await s.coso.delete(`/api/plans/tasks/${other.json().id}`)).statusCode).toBe(404);
  });
});

describe('editing and deleting targets and terms', () => {
  it('deletes a target together with the shares cascaded from it; a lower office may not delete its share', async () => {
    // A year without the demo's targets: the bloc's admission target has no other shares.
    const id = await admissionTarget(f.upperId, 10, year + 4);
    await s.vanphong.post(`/api/plans/targets/${id}/cascade`, {
      shares: [{ orgUnitId: f.committeeId, threshold: 4 }],
    });
    const share = (await s.vanphong.get(`/api/plans/targets/${id}`)).json().children[0].id;
    const refused = await s.coso.delete(`/api/plans/targets/${share}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('do cấp trên giao');
    const res = await s.vanphong.delete(`/api/plans/targets/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deleted).toBe(2);
    expect((await s.vanphong.get(`/api/plans/targets/${share}`)).statusCode).toBe(404);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'plans.target.delete' and entity_id = ${id}`,
    );
    expect(audit!.n).toBe(1);
  });

  it('edits a term, and refuses years that would leave out a year with targets', async () => {
    const created = await s.vanphong.post('/api/plans/terms', {
      orgUnitId: f.otherCommitteeId,
      name: 'Nhiệm kỳ 2030–2035',
      fromYear: 2030,
      toYear: 2035,
    });
    const id = created.json().id as number;
    await s.vanphong.post('/api/plans/targets', {
      orgUnitId: f.otherCommitteeId,
      year: 2034,
      title: 'Kết nạp 5 đảng viên',
      metricCode: 'recruitment.admitted',
      comparator: 'gte',
      threshold: 5,
    });
    const res = await s.vanphong.put(`/api/plans/terms/${id}`, {
      name: 'Nhiệm kỳ 2030–2035 (sửa)',
      fromYear: 2030,
      toYear: 2035,
      congressResolution: 'Nghị quyết Đại hội lần thứ IV',
      congressDate: '2030-06-15',
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    const term = (await s.vanphong.get(`/api/plans/terms?orgUnitId=${f.otherCommitteeId}`))
      .json()
      .items.find((x: { id: number }) => x.id === id);
    expect(term).toMatchObject({
      name: 'Nhiệm kỳ 2030–2035 (sửa)',
      congressResolution: 'Nghị quyết Đại hội lần thứ IV',
      congressDate: '2030-06-15',
      version: 2,
    });
    const shrink = await s.vanphong.put(`/api/plans/terms/${id}`, {
      name: 'x',
      fromYear: 2030,
      toYear: 2033,
      version: 2,
    });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().message).toContain('năm 2034');
    expect(
      (
        await s.vanphong.put(`/api/plans/terms/${id}`, {
          name: 'x',
          fromYear: 2030,
          toYear: 2035,
          version: 1,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await s.coso.put(`/api/plans/terms/${id}`, {
          name: 'x',
          fromYear: 2030,
          toYear: 2035,
          version: 2,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('requires the resolution of a per-resolution target and measures that resolution’s coverage', async () => {
    const resolution = (await s.vanphong.get('/api/resolutions?q=57-NQ')).json().items[0];
    expect(resolution).toBeDefined();
    const base = {
      orgUnitId: f.upperId,
      year,
      title: '100% chi bộ quán triệt Nghị quyết 57',
      metricCode: 'resolutions.cells_disseminated',
      comparator: 'gte',
      threshold: 100,
    };
    const missing = await s.vanphong.post('/api/plans/targets', base);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields[0]).toMatchObject({ path: 'resolutionId' });
    expect(missing.json().message).toContain('cần chọn nghị quyết');
    const res = await s.vanphong.post('/api/plans/targets', {
      ...base,
      resolutionId: resolution.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await s.vanphong.get(`/api/plans/targets/${res.json().id}`)).json();
    const coverage = (
      await s.vanphong.get(
        `/api/resolutions/${resolution.id}/coverage?unitId=${f.upperId}&asOf=${detail.target.asOf}`,
      )
    ).json();
    expect(coverage.required).toBeGreaterThan(0);
    expect(detail.target.resolutionId).toBe(resolution.id);
    expect(detail.target.resolutionLabel).toContain('57-NQ/TW');
    expect(detail.target.value).toBeCloseTo((100 * coverage.held) / coverage.required, 1);
    expect(detail.records).toHaveLength(coverage.held);
  });
});

describe('terms and the dashboard', () => {
  it('creates a term, refuses an overlapping one, and files yearly targets under it', async () => {
    const res = await s.vanphong.post('/api/plans/terms', {
      orgUnitId: f.committeeId,
      name: 'Nhiệm kỳ 2025–2030',
      fromYear: 2025,
      toYear: 2030,
      congressResolution: 'Nghị quyết Đại hội đại biểu lần thứ II',
    });
    expect(res.statusCode, res.body).toBe(200);
    const overlap = await s.vanphong.post('/api/plans/terms', {
      orgUnitId: f.upperId,
      name: 'x',
      fromYear: 2028,
      toYear: 2033,
    });
    expect(overlap.statusCode).toBe(400);
    const cellTerms = (await s.bithu.get('/api/plans/terms')).json();
    expect(cellTerms.items.map((x: { name: string }) => x.name)).toContain('Nhiệm kỳ 2025–2030');
    const termTarget = await s.vanphong.post('/api/plans/targets', {
      orgUnitId: f.committeeId,
      termId: res.json().id,
      title: 'Kết nạp 600 đảng viên trong nhiệm kỳ',
      metricCode: 'recruitment.admitted',
      comparator: 'gte',
      threshold: 600,
    });
    const detail = (await s.vanphong.get(`/api/plans/targets/${termTarget.json().id}`)).json();
    expect(detail.target).toMatchObject({ from: '2025-01-01', to: '2030-12-31', year: null });
    const plan = (await s.coso.get(`/api/plans/year?year=${year}`)).json();
    expect(plan.term).toMatchObject({ name: 'Nhiệm kỳ 2025–2030', orgUnitId: f.committeeId });
    expect(plan.termTargets.map((x: { id: number }) => x.id)).toContain(termTarget.json().id);
  });

  it('answers the dashboard in one call, with last year’s figures and drill-down records', async () => {
    const res = await s.coso.get(`/api/dashboard?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.orgUnitId).toBe(f.committeeId);
    expect(d.previousAsOf).toBe(`${year - 1}${d.asOf.slice(4)}`);
    const admitted = d.figures.find((x: { code: string }) => x.code === 'recruitment.admitted');
    const records = (
      await s.coso.get(`/api/plans/metric-records?code=recruitment.admitted&year=${year}`)
    ).json();
    expect(records.records).toHaveLength(admitted.value);
    const before = (
      await s.coso.get(
        `/api/plans/metric-records?code=recruitment.admitted&year=${year - 1}&asOf=${d.previousAsOf}`,
      )
    ).json();
    expect(before.value).toBe(admitted.previous);
    expect(d.admissionsByMonth).toHaveLength(12);
    expect(d.admissionsByMonth[11].previous).toBe(
      (
        await s.coso.get(`/api/plans/metric-records?code=recruitment.admitted&year=${year - 1}`)
      ).json().value,
    );
    const evaluation = d.figures.find(
      (x: { code: string }) => x.code === 'evaluation.members_good_or_better',
    );
    expect(evaluation).toMatchObject({ status: 'unavailable', value: null });
    expect(evaluation.reason).toContain('Chưa có kết quả xếp loại');
    // Out of scope: not found.
    expect(
      (await s.coso.get(`/api/dashboard?year=${year}&orgUnitId=${f.otherCommitteeId}`)).statusCode,
    ).toBe(404);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action like 'plans.%'`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });
});

describe('the demo plans', () => {
  it('hold the bloc’s terms, rated key tasks and cascaded targets for several years', async () => {
    const p2024 = (await s.vanphong.get('/api/plans/year?year=2024')).json();
    expect(p2024.term.name).toBe('Nhiệm kỳ 2020–2025');
    expect(p2024.taskSummary.sentence).toBe('hoàn thành 6/6 nhiệm vụ trọng tâm; 2 xuất sắc, 4 tốt');
    const p2025 = (await s.vanphong.get('/api/plans/year?year=2025')).json();
    expect(p2025.term.name).toBe('Nhiệm kỳ 2025–2030');
    expect(p2025.taskSummary.sentence).toBe(
      'hoàn thành 6/6 nhiệm vụ trọng tâm; 1 xuất sắc, 4 tốt, 1 hoàn thành',
    );
    expect(p2025.assignedTasks.length).toBeGreaterThan(0);
    const admissions = p2025.targets.find(
      (x: { metricCode: string }) => x.metricCode === 'recruitment.admitted',
    );
    expect(admissions.childThresholdSum).toBe(admissions.threshold);
    expect(['achieved', 'missed']).toContain(admissions.status);
    expect(p2025.termTargets.length).toBeGreaterThan(0);
  });
});
