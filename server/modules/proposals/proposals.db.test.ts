// Proposals and residence comments through the API (docs/domain/proposals.md): the register and its answer
// flow within the caller's subtree, the derived overdue state and its reminder, the residence cell's
// comments (Quy định 213-QĐ/TW) per member and year, and the figures of the metric catalogue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../domain/calendar/date-math';
import { queryOne, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { computeMetric } from '../plans';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
const today = todayIso();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'btv', 'coso', 'bithu', 'dangvien']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const propose = async (extra: Record<string, unknown> = {}, who = 'coso') => {
  const res = await s[who].post('/api/proposals', {
    orgUnitId: f.committeeId,
    sourceKind: 'unit',
    sourceOrgUnitId: f.cellId,
    raisedOn: addDays(today, -20),
    field: 'facilities',
    content: 'Đề nghị bổ sung kinh phí mua tủ đựng hồ sơ đảng viên cho chi bộ.',
    addressee: 'Ban Thường vụ Đảng ủy',
    assigneeOrgUnitId: f.committeeId,
    dueOn: addDays(today, 10),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
};

describe('proposals register', () => {
  it('records a proposal and shows it assigned, with who raised it', async () => {
    const { id } = await propose();
    const p = (await s.coso.get(`/api/proposals/${id}`)).json();
    expect(p).toMatchObject({
      state: 'assigned',
      sourceKind: 'unit',
      assigneeOrgUnitId: f.committeeId,
      canEdit: true,
      canAnswer: true,
    });
    expect(p.sourceName).toBeTruthy();
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'proposal.create' and entity_id = ${String(id)}`,
    );
    expect(audit?.n).toBe(1);
  });

  it('a proposal past its deadline is overdue, is listed so, and appears in the reminders', async () => {
    const { id } = await propose({
      raisedOn: addDays(today, -60),
      dueOn: addDays(today, -5),
      content: 'Đề nghị hướng dẫn thủ tục chuyển sinh hoạt đảng tạm thời.',
    });
    const list = (await s.coso.get('/api/proposals?state=overdue')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(id);
    expect(list.items.every((i: { state: string }) => i.state === 'overdue')).toBe(true);
    expect(list.counts.overdue).toBeGreaterThanOrEqual(1);
    const reminders = (
      await s.coso.get(`/api/lifecycle/reminders?orgUnitId=${f.committeeId}`)
    ).json();
    const item = reminders.items.find(
      (r: { kind: string; link: string }) =>
        r.kind === 'proposal_overdue' && r.link === `/kien-nghi?id=${id}`,
    );
    expect(item?.severity).toBe('overdue');
  });

  it('the answer closes it; an answer before the proposal was received is refused', async () => {
    const { id, version } = await propose({ dueOn: addDays(today, -1) });
    const early = await s.coso.post(`/api/proposals/${id}/answer`, {
      answeredOn: addDays(today, -30),
      answer: 'Đã bố trí kinh phí.',
      version,
    });
    expect(early.statusCode).toBe(400);
    const ok = await s.coso.post(`/api/proposals/${id}/answer`, {
      answeredOn: today,
      answer: 'Ban Thường vụ đã bố trí kinh phí trong dự toán quý I.',
      answerRef: '15-CV/ĐU',
      version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const p = (await s.coso.get(`/api/proposals/${id}`)).json();
    expect(p).toMatchObject({ state: 'answered', answeredOn: today, answerRef: '15-CV/ĐU' });
    // A stale version is a conflict, not a second answer.
    const again = await s.coso.post(`/api/proposals/${id}/answer`, {
      answeredOn: today,
      answer: 'Trả lời lần hai',
      version,
    });
    expect(again.statusCode).toBe(409);
  });

  it('the cell assigned to answer sees and answers it, but may not edit the committee register', async () => {
    const { id, version } = await propose({ assigneeOrgUnitId: f.cellId });
    const p = (await s.bithu.get(`/api/proposals/${id}`)).json();
    expect(p).toMatchObject({ canEdit: false, canAnswer: true });
    const edit = await s.bithu.put(`/api/proposals/${id}`, {
      orgUnitId: f.committeeId,
      sourceKind: 'other',
      sourceText: 'Thử',
      raisedOn: today,
      content: 'Sửa trái phép',
      version,
    });
    expect(edit.statusCode).toBe(404);
    const answer = await s.bithu.post(`/api/proposals/${id}/answer`, {
      answeredOn: today,
      answer: 'Chi bộ đã rà soát, bổ sung hồ sơ.',
      version,
    });
    expect(answer.statusCode, answer.body).toBe(200);
  });

  it("a delegate's proposal names the conference it was raised at; the answer carries its scan", async () => {
    const meeting = await s.coso.post('/api/meetings', {
      orgUnitId: f.committeeId,
      kind: 'committee_year_end',
      heldOn: addDays(today, -25),
      title: 'Hội nghị Ban Chấp hành mở rộng tổng kết năm',
      invitedCount: 40,
      presentCount: 38,
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    const meetingId = meeting.json().id as number;
    const { id, version } = await propose({
      sourceKind: 'conference_delegate',
      sourceOrgUnitId: null,
      sourceText: 'Đại biểu chi bộ Phòng Nghiệp vụ',
      meetingId,
      raisedOn: addDays(today, -25),
    });
    const p = (await s.coso.get(`/api/proposals/${id}`)).json();
    expect(p).toMatchObject({
      meetingId,
      meetingTitle: 'Hội nghị Ban Chấp hành mở rộng tổng kết năm',
      meetingHeldOn: addDays(today, -25),
      answerUnitId: f.committeeId,
    });
    // The scan of the reply: a PDF's first bytes, filed under the committee.
    const upload = await s.coso.post('/api/proposals/documents', {
      orgUnitId: p.answerUnitId,
      fileName: 'Công văn trả lời 20-CV-ĐU.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('%PDF-1.4\n% trả lời\n').toString('base64'),
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const answer = await s.coso.post(`/api/proposals/${id}/answer`, {
      answeredOn: today,
      answer: 'Đã trả lời tại công văn số 20-CV/ĐU.',
      answerRef: '20-CV/ĐU',
      answerDocumentId: upload.json().id,
      version,
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const answered = (await s.coso.get(`/api/proposals/${id}`)).json();
    expect(answered).toMatchObject({
      state: 'answered',
      answerFileName: 'Công văn trả lời 20-CV-ĐU.pdf',
    });
    const file = await s.coso.get(`/api/proposals/documents/${answered.answerDocumentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // A file the caller cannot reach is refused by name, and nothing is saved.
    const other = await propose();
    const refused = await s.bithu.post(`/api/proposals/${other.id}/answer`, {
      answeredOn: today,
      answer: 'Thử tệp ngoài phạm vi',
      answerDocumentId: 999999,
      version: other.version,
    });
    expect(refused.statusCode).toBe(404);
    const wrongFile = await s.coso.post(`/api/proposals/${other.id}/answer`, {
      answeredOn: today,
      answer: 'Thử tệp không có',
      answerDocumentId: 999999,
      version: other.version,
    });
    expect(wrongFile.statusCode).toBe(400);
    expect(wrongFile.body).toMatch(/Không tìm thấy tệp văn bản trả lời/);
    expect((await s.coso.get(`/api/proposals/${other.id}`)).json().state).toBe('assigned');
  });

  it('a unit outside the subtree neither sees nor receives proposals', async () => {
    const outside = await s.vanphong.post('/api/proposals', {
      orgUnitId: f.otherCommitteeId,
      sourceKind: 'other',
      sourceText: 'Đại biểu dự hội nghị',
      raisedOn: today,
      content: 'Kiến nghị của đơn vị khác.',
    });
    expect(outside.statusCode, outside.body).toBe(200);
    const id = outside.json().id;
    expect((await s.coso.get(`/api/proposals/${id}`)).statusCode).toBe(404);
    expect(
      (await s.coso.get('/api/proposals')).json().items.some((i: { id: number }) => i.id === id),
    ).toBe(false);
    const create = await s.coso.post('/api/proposals', {
      orgUnitId: f.otherCommitteeId,
      sourceKind: 'other',
      sourceText: 'x',
      raisedOn: today,
      content: 'Ngoài phạm vi',
    });
    expect(create.statusCode).toBe(404);
    // Members do not read the register.
    expect((await s.dangvien.get('/api/proposals')).statusCode).toBe(403);
  });

  it('checks the source and the dates', async () => {
    const noUnit = await s.coso.post('/api/proposals', {
      orgUnitId: f.committeeId,
      sourceKind: 'unit',
      raisedOn: today,
      content: 'Thiếu đơn vị',
    });
    expect(noUnit.statusCode).toBe(400);
    const memberElsewhere = await s.coso.post('/api/proposals', {
      orgUnitId: f.committeeId,
      sourceKind: 'member',
      sourceMemberId: f.memberElsewhere.id,
      raisedOn: today,
      content: 'Đảng viên ngoài phạm vi',
    });
    expect(memberElsewhere.statusCode).toBe(400);
    const dueBefore = await s.coso.post('/api/proposals', {
      orgUnitId: f.committeeId,
      sourceKind: 'member',
      sourceMemberId: f.memberInCell.id,
      raisedOn: today,
      dueOn: addDays(today, -1),
      content: 'Hạn trước ngày nhận',
    });
    expect(dueBefore.statusCode).toBe(400);
  });

  it('withdraws an open proposal, not an answered one', async () => {
    const { id, version } = await propose();
    const res = await s.coso.post(`/api/proposals/${id}/withdraw`, { version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.coso.get(`/api/proposals/${id}`)).json().state).toBe('withdrawn');
  });
});

describe('residence comments (Quy định 213-QĐ/TW)', () => {
  const comment = (memberId: number, extra: Record<string, unknown> = {}) => ({
    memberId,
    year,
    residenceCell: 'Chi bộ khối 5, phường Đông Kinh',
    commentedOn: today,
    comment: 'Gương mẫu chấp hành chủ trương của Đảng, tham gia đầy đủ sinh hoạt nơi cư trú.',
    conclusion: 'fulfilled',
    recordedAs: 'transcribed',
    ...extra,
  });

  it('the cell records a comment; the roster shows who has one and who lacks one', async () => {
    const before = (
      await s.bithu.get(`/api/proposals/residence/roster?year=${year}&orgUnitId=${f.cellId}`)
    ).json();
    // A member of the cell still without one this year (the demo seed gives most members theirs).
    const lacking = before.items.find((i: { comment: unknown }) => !i.comment);
    expect(lacking).toBeTruthy();
    const memberId = lacking.memberId as number;
    const res = await s.bithu.post('/api/proposals/residence', comment(memberId));
    expect(res.statusCode, res.body).toBe(200);
    const after = (
      await s.bithu.get(`/api/proposals/residence/roster?year=${year}&orgUnitId=${f.cellId}`)
    ).json();
    expect(after.withComment).toBe(before.withComment + 1);
    expect(after.withoutComment).toBe(before.withoutComment - 1);
    const row = after.items.find((i: { memberId: number }) => i.memberId === memberId);
    expect(row.comment).toMatchObject({ year, conclusion: 'fulfilled' });
    // One per member and year.
    const twice = await s.bithu.post('/api/proposals/residence', comment(memberId));
    expect(twice.statusCode).toBe(400);
    // Edit with its version.
    const { id, version } = res.json();
    const upd = await s.bithu.put(
      `/api/proposals/residence/${id}`,
      comment(memberId, { conclusion: 'not_fulfilled', version }),
    );
    expect(upd.statusCode, upd.body).toBe(200);
  });

  it('a member reads their own comments only; a cell cannot write outside its subtree', async () => {
    await s.coso.post('/api/proposals/residence', comment(f.selfMemberId));
    const own = await s.dangvien.get(`/api/proposals/residence/member?memberId=${f.selfMemberId}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.length).toBeGreaterThanOrEqual(1);
    const other = await s.dangvien.get(
      `/api/proposals/residence/member?memberId=${f.memberInSibling.id}`,
    );
    expect(other.statusCode).toBe(404);
    const outside = await s.bithu.post('/api/proposals/residence', comment(f.memberElsewhere.id));
    expect(outside.statusCode).toBe(404);
    const commentedBefore = await s.coso.post(
      '/api/proposals/residence',
      comment(f.memberInSibling.id, { year: year + 1 }),
    );
    expect(commentedBefore.statusCode).toBe(400);
  });
});

describe('figures', () => {
  const scope = () => ({
    unitId: f.committeeId,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    asOf: today,
  });
  it('received, answered and overdue proposals of the year, with their records', async () => {
    const received = await computeMetric({ db: t.db, code: 'proposals.received', scope: scope() });
    const answered = await computeMetric({ db: t.db, code: 'proposals.answered', scope: scope() });
    const overdue = await computeMetric({ db: t.db, code: 'proposals.overdue', scope: scope() });
    if (received.status !== 'ok' || answered.status !== 'ok' || overdue.status !== 'ok')
      throw new Error('figures unavailable');
    expect(received.value).toBeGreaterThanOrEqual(5);
    expect(answered.value).toBeGreaterThanOrEqual(2);
    expect(overdue.value).toBeGreaterThanOrEqual(1);
    expect(received.records.every((r) => r.kind === 'proposal')).toBe(true);
    expect(received.value).toBe(received.records.length);
    // Without records the count is the same.
    const bare = await computeMetric({
      db: t.db,
      code: 'proposals.received',
      scope: scope(),
      withRecords: false,
    });
    expect(bare.status === 'ok' && bare.value).toBe(received.value);
  });

  it('members with and without residence comments add up to the members of the subtree', async () => {
    const withC = await computeMetric({
      db: t.db,
      code: 'residence.members_with_comment',
      scope: scope(),
    });
    const withoutC = await computeMetric({
      db: t.db,
      code: 'residence.members_without_comment',
      scope: scope(),
    });
    const total = await computeMetric({ db: t.db, code: 'members.total', scope: scope() });
    if (withC.status !== 'ok' || withoutC.status !== 'ok' || total.status !== 'ok')
      throw new Error('figures unavailable');
    expect(withC.value).toBeGreaterThanOrEqual(1);
    expect((withC.value ?? 0) + (withoutC.value ?? 0)).toBe(total.value);
  });

  it('a year with nothing recorded is unavailable, not zero', async () => {
    const v = await computeMetric({
      db: t.db,
      code: 'proposals.received',
      scope: { unitId: f.committeeId, from: '1995-01-01', to: '1995-12-31', asOf: '1995-12-31' },
    });
    expect(v.status).toBe('unavailable');
  });
});
