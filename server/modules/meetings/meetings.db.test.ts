// Meetings through the API: a cell meeting with its attendance checklist taken from the cell's
// members on the day, committee conferences, scope, and the attendance rates per cell and month
// with the months in which a cell did not meet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../../domain/text/vietnamese';
import { queryOne, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { meetingAttendance } from './attendance.queries';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

type RosterMember = { memberId: number; fullName: string };
const roster = async (orgUnitId: number, date: string, who = 'bithu') => {
  const res = await s[who].get(`/api/meetings/roster?orgUnitId=${orgUnitId}&date=${date}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().members as RosterMember[];
};
const cellMeeting = async (heldOn: string, absent = 1, who = 'bithu', orgUnitId = f.cellId) => {
  const members = await roster(orgUnitId, heldOn, who);
  return s[who].post('/api/meetings', {
    orgUnitId,
    kind: 'cell_regular',
    heldOn,
    title: `Sinh hoạt chi bộ định kỳ tháng ${heldOn.slice(5, 7)}/${heldOn.slice(0, 4)}`,
    agenda: 'Đánh giá kết quả tháng; phương hướng tháng tới',
    attendance: members.map((m, i) => ({
      memberId: m.memberId,
      present: i >= absent,
      absenceReason: i >= absent ? null : 'Đi công tác',
    })),
    decisions: [
      {
        text: 'Hoàn thành bài thu hoạch Nghị quyết 57',
        owner: 'Các đảng viên',
        deadline: '2026-12-15',
      },
    ],
  });
};

describe('cell meetings', () => {
  it('records a monthly meeting with one row per member of the cell on that day', async () => {
    const members = await roster(f.cellId, '2024-02-05');
    expect(members.length).toBeGreaterThan(2);
    const res = await cellMeeting('2024-02-05', 2);
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await s.bithu.get(`/api/meetings/${res.json().id}`)).json();
    expect(detail).toMatchObject({
      invitedCount: members.length,
      presentCount: members.length - 2,
    });
    expect(detail.attendance.filter((a: { present: boolean }) => !a.present)).toHaveLength(2);
    expect(detail.decisions[0]).toMatchObject({ owner: 'Các đảng viên', deadline: '2026-12-15' });
  });

  it('refuses an absence without a reason, a member left out, and a member of another cell', async () => {
    const members = await roster(f.cellId, '2024-04-05');
    const base = {
      orgUnitId: f.cellId,
      kind: 'cell_regular',
      heldOn: '2024-04-05',
      title: 'Sinh hoạt chi bộ tháng 4/2024',
    };
    const noReason = await s.bithu.post('/api/meetings', {
      ...base,
      attendance: members.map((m, i) => ({ memberId: m.memberId, present: i > 0 })),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toContain('Cần ghi lý do vắng mặt');
    const leftOut = await s.bithu.post('/api/meetings', {
      ...base,
      attendance: members.slice(1).map((m) => ({ memberId: m.memberId, present: true })),
    });
    expect(leftOut.statusCode).toBe(400);
    expect(leftOut.json().message).toContain(`Chưa điểm danh: ${members[0].fullName}`);
    const stranger = await s.bithu.post('/api/meetings', {
      ...base,
      attendance: [
        ...members.map((m) => ({ memberId: m.memberId, present: true })),
        { memberId: f.memberInSibling.id, present: true },
      ],
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().message).toContain('không sinh hoạt tại chi bộ');
  });

  it('answers "not found" when a cell secretary records or reads another cell', async () => {
    const res = await s.bithu.post('/api/meetings', {
      orgUnitId: f.siblingCellId,
      kind: 'cell_regular',
      heldOn: '2024-02-06',
      title: 'Sinh hoạt chi bộ',
      attendance: [],
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await s.bithu.get(`/api/meetings/roster?orgUnitId=${f.siblingCellId}&date=2024-02-06`))
        .statusCode,
    ).toBe(404);
    const other = await cellMeeting('2024-02-07', 0, 'coso', f.siblingCellId);
    expect(other.statusCode, other.body).toBe(200);
    expect((await s.bithu.get(`/api/meetings/${other.json().id}`)).statusCode).toBe(404);
    expect((await s.dangvien.get('/api/meetings')).statusCode).toBe(403);
  });
});

describe('conferences', () => {
  it('records a year-end conference with invited and present counts, checked', async () => {
    const base = {
      orgUnitId: f.committeeId,
      kind: 'committee_year_end',
      heldOn: '2024-12-20',
      title: 'Hội nghị Ban Chấp hành mở rộng tổng kết công tác năm 2024',
    };
    const over = await s.coso.post('/api/meetings', {
      ...base,
      invitedCount: 40,
      presentCount: 41,
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('không được lớn hơn số được triệu tập');
    const ok = await s.coso.post('/api/meetings', { ...base, invitedCount: 40, presentCount: 38 });
    expect(ok.statusCode, ok.body).toBe(200);
    const cellKind = await s.coso.post('/api/meetings', { ...base, kind: 'cell_regular' });
    expect(cellKind.statusCode).toBe(400);
    const confInCell = await s.bithu.post('/api/meetings', {
      ...base,
      orgUnitId: f.cellId,
      invitedCount: 5,
      presentCount: 5,
    });
    expect(confInCell.statusCode).toBe(400);
  });
});

describe('attendance rates', () => {
  it('gives the rate per cell and month and flags the months without a meeting', async () => {
    const res = await s.coso.get(
      `/api/meetings/attendance?unitId=${f.committeeId}&from=2024-01-01&to=2024-03-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.months).toEqual(['2024-01', '2024-02', '2024-03']);
    const cell = report.cells.find((c: { id: number }) => c.id === f.cellId);
    const feb = cell.months.find((m: { month: string }) => m.month === '2024-02');
    expect(feb.meetings).toBe(1);
    expect(feb.missed).toBe(false);
    expect(feb.present).toBe(feb.expected - 2);
    expect(cell.months.find((m: { month: string }) => m.month === '2024-01').missed).toBe(true);
    expect(cell.rate).toBeCloseTo((100 * feb.present) / feb.expected);
    const sibling = report.cells.find((c: { id: number }) => c.id === f.siblingCellId);
    expect(sibling.rate).toBe(100);
    // The same figure through the metric catalogue's query.
    const metric = await meetingAttendance({
      db: t.db,
      unitId: f.committeeId,
      from: '2024-01-01',
      to: '2024-03-31',
    });
    expect(metric.status).toBe('ok');
    if (metric.status !== 'ok') return;
    expect(metric.numerator).toBe(report.present);
    expect(metric.denominator).toBe(report.expected);
    expect(metric.records).toHaveLength(2);
    const none = await meetingAttendance({
      db: t.db,
      unitId: f.committeeId,
      from: '2023-01-01',
      to: '2023-12-31',
    });
    expect(none.status).toBe('unavailable');
  });
});

describe('decisions that become key tasks', () => {
  it('turns a decision into a key task of the unit’s plan, whose completion marks the decision done', async () => {
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    const meeting = {
      orgUnitId: f.committeeId,
      kind: 'committee_conference',
      heldOn: today,
      title: 'Hội nghị Ban Chấp hành Đảng bộ',
      invitedCount: 15,
      presentCount: 14,
      decisions: [
        {
          text: 'Chỉ đạo chi bộ xây dựng mô hình dân vận khéo',
          owner: 'Chi bộ',
          deadline: `${year}-12-20`,
        },
        { text: 'Rà soát hồ sơ đảng viên', owner: 'Văn phòng' },
      ],
    };
    const created = await s.coso.post('/api/meetings', meeting);
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    const detailOf = async () => (await s.coso.get(`/api/meetings/${id}`)).json();
    const before = await detailOf();
    expect(before.canCreateTasks).toBe(true);
    const decision = before.decisions[0];
    expect(decision).toMatchObject({ done: false, keyTask: null });
    const body = {
      decisionId: decision.id,
      title: decision.text,
      ownerKind: 'unit',
      ownerOrgUnitId: f.cellId,
      deadline: decision.deadline,
    };
    // The cell secretary keeps meetings but does not enter tasks in the committee's plan.
    expect((await s.bithu.post('/api/plans/tasks/from-decision', body)).statusCode).toBe(403);
    const task = await s.coso.post('/api/plans/tasks/from-decision', body);
    expect(task.statusCode, task.body).toBe(200);
    const taskId = task.json().id as number;
    // The task is in the committee's plan for the deadline's year, saying where it came from.
    const plan = (await s.coso.get(`/api/plans/year?year=${year}`)).json();
    const inPlan = plan.tasks.find((k: { id: number }) => k.id === taskId);
    expect(inPlan).toMatchObject({
      title: 'Chỉ đạo chi bộ xây dựng mô hình dân vận khéo',
      origin: 'own',
      ownerOrgUnitId: f.cellId,
      deadline: `${year}-12-20`,
    });
    expect(inPlan.source).toEqual({
      meetingId: id,
      decisionId: decision.id,
      label: `Từ nghị quyết cuộc họp Hội nghị Ban Chấp hành ngày ${formatDate(today)}`,
    });
    expect((await s.coso.post('/api/plans/tasks/from-decision', body)).statusCode).toBe(400);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log
          where action = 'plans.task.create_from_decision' and entity_id = ${taskId}`,
    );
    expect(audit!.n).toBe(1);
    // The owner cell completes it: the decision shows done.
    const result = await s.bithu.put(`/api/plans/tasks/${taskId}/result`, {
      status: 'completed',
      completedOn: today,
      version: 1,
    });
    expect(result.statusCode, result.body).toBe(200);
    const after = await detailOf();
    expect(after.decisions[0]).toMatchObject({
      done: true,
      keyTask: { id: taskId, year, orgUnitId: f.committeeId },
    });
    expect(after.decisions[1].done).toBe(false);
    // Editing the meeting keeps the decision (by id) and its task; removing it is refused.
    const decisionsOf = (d: typeof after) =>
      d.decisions.map(
        (x: { id: number; text: string; owner: string; deadline: string; done: boolean }) => ({
          id: x.id,
          text: x.text,
          owner: x.owner,
          deadline: x.deadline,
          done: x.done,
        }),
      );
    const edited = await s.coso.put(`/api/meetings/${id}`, {
      ...meeting,
      title: 'Hội nghị Ban Chấp hành Đảng bộ (bổ sung)',
      decisions: decisionsOf(after),
      version: after.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await detailOf()).decisions[0].keyTask.id).toBe(taskId);
    const dropped = await s.coso.put(`/api/meetings/${id}`, {
      ...meeting,
      decisions: decisionsOf(after).slice(1),
      version: edited.json().version,
    });
    expect(dropped.statusCode).toBe(400);
    expect(dropped.json().message).toContain('đã thành nhiệm vụ trọng tâm');
  });
});
