// Political education through the API (docs/domain/education.md, Chỉ thị 05-CT/TW): a committee's
// programme, its cells' activities and members' commitments, models registered by a unit and recognised
// by a level above it, reviews whose figures are computed from the records, the opinion-notes register,
// and the subtree scope of each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { meetingIn } from '../../test/builders/meetings';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { educationCounts, modelsOfMovement } from './index';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
let programmeId: number;
let modelId: number;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'coso', 'bithu', 'btv']) s[u] = await loginAs(t.app, u);
  const res = await s.coso.post('/api/education/programmes', {
    orgUnitId: f.committeeId,
    kind: 'annual_topic',
    title: 'Chuyên đề thử: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
    directiveRef: 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị',
    fromDate: '2025-01-01',
    toDate: '2025-12-31',
  });
  expect(res.statusCode, res.body).toBe(200);
  programmeId = res.json().id;
});
afterAll(async () => t.close());

const detail = async (who = 'coso', year = 2025) => {
  const res = await s[who].get(`/api/education/programmes/${programmeId}?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('programmes', () => {
  it('are run by a committee, visible in its subtree and above, not elsewhere', async () => {
    const own = await s.bithu.get('/api/education/programmes?year=2025');
    expect(own.json().items.map((p: { id: number }) => p.id)).toContain(programmeId);
    const other = await s.vanphong.post('/api/education/programmes', {
      orgUnitId: f.otherCommitteeId,
      kind: 'other',
      title: 'Chương trình của đảng bộ khác',
      fromDate: '2025-01-01',
    });
    expect(other.statusCode, other.body).toBe(200);
    expect((await s.coso.get(`/api/education/programmes/${other.json().id}`)).statusCode).toBe(404);
    expect((await s.vanphong.get(`/api/education/programmes/${programmeId}`)).statusCode).toBe(200);
  });

  it('refuses a cell as owner and an end before the start', async () => {
    const cell = await s.coso.post('/api/education/programmes', {
      orgUnitId: f.cellId,
      kind: 'other',
      title: 'Chương trình của chi bộ',
      fromDate: '2025-01-01',
    });
    expect(cell.statusCode).toBe(400);
    expect(cell.json().fields[0].path).toBe('orgUnitId');
    const backwards = await s.coso.post('/api/education/programmes', {
      orgUnitId: f.committeeId,
      kind: 'other',
      title: 'Chương trình ngược',
      fromDate: '2025-06-01',
      toDate: '2025-01-01',
    });
    expect(backwards.json().fields[0].path).toBe('toDate');
  });

  it('is edited with its version by the owner only; the cell may not', async () => {
    const p = await detail();
    const body = {
      orgUnitId: f.committeeId,
      kind: p.kind,
      title: p.title,
      directiveRef: p.directiveRef,
      fromDate: p.fromDate,
      toDate: p.toDate,
      note: 'Ghi chú mới',
      version: p.version,
    };
    const ok = await s.coso.put(`/api/education/programmes/${programmeId}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await s.coso.put(`/api/education/programmes/${programmeId}`, body)).statusCode).toBe(
      409,
    );
    expect((await s.bithu.put(`/api/education/programmes/${programmeId}`, body)).statusCode).toBe(
      403,
    );
  });
});

describe('activities and commitments', () => {
  it("records a cell's activity, linking its thematic meeting, and counts the cell as covered", async () => {
    const meetingId = await meetingIn(t.db, f.cellId, { heldOn: '2025-05-19' });
    const res = await s.bithu.post(`/api/education/programmes/${programmeId}/activities`, {
      orgUnitId: f.cellId,
      kind: 'thematic_meeting',
      title: 'Sinh hoạt chuyên đề tháng 5',
      heldOn: '2025-05-19',
      meetingId,
      participants: 12,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = await detail();
    expect(p.counts).toMatchObject({ activities: 1, participants: 12, unitsWithActivities: 1 });
    expect(p.counts.unitsRequired).toBeGreaterThan(1);
    expect(p.activities[0]).toMatchObject({ meetingId, orgUnitId: f.cellId });
    const row = p.coverage.find((c: { orgUnitId: number }) => c.orgUnitId === f.cellId);
    expect(row).toMatchObject({ activities: 1, lastHeldOn: '2025-05-19' });
  });

  it("refuses another unit's meeting, a sibling cell, a date outside the programme", async () => {
    const siblingMeeting = await meetingIn(t.db, f.siblingCellId, { heldOn: '2025-06-02' });
    const base = { orgUnitId: f.cellId, kind: 'study', title: 'Học tập', heldOn: '2025-06-02' };
    const url = `/api/education/programmes/${programmeId}/activities`;
    const wrongMeeting = await s.coso.post(url, { ...base, meetingId: siblingMeeting });
    expect(wrongMeeting.json().fields[0].path).toBe('meetingId');
    const sibling = await s.bithu.post(url, { ...base, orgUnitId: f.siblingCellId });
    expect(sibling.statusCode).toBe(404);
    const late = await s.bithu.post(url, { ...base, heldOn: '2024-12-31' });
    expect(late.json().fields[0].path).toBe('heldOn');
  });

  it("records a member's yearly commitment once, and its outcome", async () => {
    const url = `/api/education/programmes/${programmeId}/commitments`;
    const body = {
      memberId: f.memberInCell.id,
      year: 2025,
      signedOn: '2025-02-10',
      content: 'Gương mẫu, tận tụy phục vụ người bệnh; tự học tập nâng cao trình độ.',
    };
    const res = await s.bithu.post(url, body);
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.bithu.post(url, body)).json().fields[0].path).toBe('memberId');
    expect(
      (await s.bithu.post(url, { ...body, memberId: f.memberElsewhere.id })).json().fields[0].path,
    ).toBe('memberId');
    const p = await detail();
    expect(p.counts.membersWithCommitments).toBe(1);
    const c = p.commitments[0];
    expect(c).toMatchObject({ memberId: f.memberInCell.id, outcome: null });
    const outcome = await s.bithu.put(`/api/education/commitments/${c.id}/outcome`, {
      outcome: 'kept',
      version: c.version,
    });
    expect(outcome.statusCode, outcome.body).toBe(200);
    expect((await detail()).commitments[0].outcome).toBe('kept');
  });
});

describe('models', () => {
  it('are registered by a unit under a programme', async () => {
    const res = await s.bithu.post('/api/education/models', {
      orgUnitId: f.cellId,
      programmeId,
      title: 'Mô hình "Khoa phòng không khói thuốc"',
      field: 'culture_society',
      registeredOn: '2025-03-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    modelId = res.json().id;
    const none = await s.bithu.post('/api/education/models', {
      orgUnitId: f.cellId,
      title: 'Mô hình không theo chương trình',
      registeredOn: '2025-03-01',
    });
    expect(none.json().fields[0].path).toBe('programmeId');
  });

  it('with evidence from an uploaded file', async () => {
    const up = await s.bithu.post('/api/education/documents', {
      orgUnitId: f.cellId,
      fileName: 'anh-mo-hinh.pdf',
      mimeType: 'application/pdf',
      contentBase64: 'JVBERi0xLjQK',
    });
    expect(up.statusCode, up.body).toBe(200);
    const ev = await s.bithu.post(`/api/education/models/${modelId}/evidence`, {
      title: 'Ảnh hoạt động',
      documentId: up.json().id,
    });
    expect(ev.statusCode, ev.body).toBe(200);
    const m = (await s.bithu.get(`/api/education/models/${modelId}`)).json();
    expect(m.evidence).toMatchObject([{ title: 'Ảnh hoạt động', fileName: 'anh-mo-hinh.pdf' }]);
  });

  it('are recognised by a level above, with a decision, once', async () => {
    expect(
      (
        await s.bithu.post(`/api/education/models/${modelId}/review`, {
          decision: 'recognised',
          reviewedOn: '2025-11-20',
          decisionRef: '1',
          version: 1,
        })
      ).statusCode,
    ).toBe(403);
    const noRef = await s.coso.post(`/api/education/models/${modelId}/review`, {
      decision: 'recognised',
      reviewedOn: '2025-11-20',
      version: 1,
    });
    expect(noRef.json().fields[0].path).toBe('decisionRef');
    const ok = await s.coso.post(`/api/education/models/${modelId}/review`, {
      decision: 'recognised',
      reviewedOn: '2025-11-20',
      decisionRef: 'Quyết định số 12-QĐ/ĐU ngày 20/11/2025',
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await s.coso.post(`/api/education/models/${modelId}/review`, {
      decision: 'not_recognised',
      reviewedOn: '2025-11-21',
      version: 2,
    });
    expect(again.statusCode).toBe(400);
    const list = (await s.coso.get(`/api/education/models?programmeId=${programmeId}`)).json();
    expect(list.items[0]).toMatchObject({ status: 'recognised', canReview: false });
    expect((await detail()).counts).toMatchObject({ modelsRegistered: 1, modelsRecognised: 1 });
  });

  it("a committee does not recognise its own unit's model", async () => {
    const res = await s.coso.post('/api/education/models', {
      orgUnitId: f.committeeId,
      programmeId,
      title: 'Mô hình của Đảng ủy',
      registeredOn: '2025-04-01',
    });
    const id = res.json().id;
    const review = await s.coso.post(`/api/education/models/${id}/review`, {
      decision: 'recognised',
      reviewedOn: '2025-11-20',
      decisionRef: 'QĐ',
      version: 1,
    });
    expect(review.statusCode).toBe(400);
    const above = await s.btv.post(`/api/education/models/${id}/review`, {
      decision: 'not_recognised',
      reviewedOn: '2025-11-20',
      version: 1,
    });
    expect(above.statusCode, above.body).toBe(200);
  });

  it('of a movement are listed for the emulation module', async () => {
    const mv = await queryOne<{ id: number }>(
      t.db,
      sql`insert into emulation_movements (org_unit_id, name, criteria, from_date, to_date)
          values (${f.committeeId}, 'Dân vận khéo', 'Tiêu chí', '2025-01-01', '2025-12-31') returning id`,
    );
    const res = await s.bithu.post('/api/education/models', {
      orgUnitId: f.cellId,
      movementId: mv!.id,
      title: 'Mô hình dân vận khéo "Bệnh viện thân thiện"',
      field: 'mass_mobilisation',
      registeredOn: '2025-04-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    const actor = {
      userId: 0,
      username: 'x',
      displayName: 'x',
      role: 'grassroots_office' as const,
      scopeOrgUnitId: f.committeeId,
      scopePath: (await queryOne<{ p: string }>(
        t.db,
        sql`select path::text as p from org_units where id = ${f.committeeId}`,
      ))!.p,
      memberId: null,
    };
    const models = await modelsOfMovement(t.db, actor, mv!.id);
    expect(models.map((m) => m.title)).toEqual(['Mô hình dân vận khéo "Bệnh viện thân thiện"']);
  });
});

describe('reviews (sơ kết, tổng kết)', () => {
  it('compute their figures from the records of their period', async () => {
    const res = await s.coso.post(`/api/education/programmes/${programmeId}/reviews`, {
      orgUnitId: f.committeeId,
      kind: 'interim',
      title: 'Sơ kết 6 tháng đầu năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-06-30',
      heldOn: '2025-07-05',
      reportRef: 'Báo cáo số 20-BC/ĐU',
    });
    expect(res.statusCode, res.body).toBe(200);
    const review = (await detail()).reviews[0];
    expect(review.counts).toMatchObject({
      activities: 1,
      unitsWithActivities: 1,
      membersWithCommitments: 1,
      modelsRegistered: 2,
      modelsRecognised: 0,
    });
    const path = (await queryOne<{ p: string }>(
      t.db,
      sql`select path::text as p from org_units where id = ${f.committeeId}`,
    ))!.p;
    expect(review.counts).toEqual(
      await educationCounts(t.db, {
        rootPath: path,
        programmeId,
        from: '2025-01-01',
        to: '2025-06-30',
      }),
    );
    const outside = await s.coso.post(`/api/education/programmes/${programmeId}/reviews`, {
      orgUnitId: f.committeeId,
      kind: 'final',
      title: 'Tổng kết',
      periodFrom: '2024-01-01',
      periodTo: '2025-12-31',
      heldOn: '2025-12-20',
    });
    expect(outside.json().fields[0].path).toBe('periodFrom');
  });
});

describe('corrections: activities, reviews and evidence recorded by mistake', () => {
  it('an activity is corrected with its version and deleted, within the subtree only', async () => {
    const made = await s.bithu.post(`/api/education/programmes/${programmeId}/activities`, {
      orgUnitId: f.cellId,
      kind: 'study',
      title: 'Học tập chuyên đề ghi nhầm ngày',
      heldOn: '2025-06-02',
      participants: 9,
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id;
    const before = (await detail()).activities.find((a: { id: number }) => a.id === id);
    expect(before).toMatchObject({ version: 1, participants: 9 });
    const body = {
      orgUnitId: f.cellId,
      kind: 'study',
      title: 'Học tập chuyên đề tháng 6',
      heldOn: '2025-06-03',
      participants: 11,
      version: 1,
    };
    const fixed = await s.bithu.put(`/api/education/activities/${id}`, body);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().version).toBe(2);
    // A stale version is refused; a date outside the programme is refused with the reason.
    expect((await s.bithu.put(`/api/education/activities/${id}`, body)).statusCode).toBe(409);
    const late = await s.bithu.put(`/api/education/activities/${id}`, {
      ...body,
      heldOn: '2026-01-10',
      version: 2,
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().message).toContain('thời gian của chương trình');
    const after = (await detail()).activities.find((a: { id: number }) => a.id === id);
    expect(after).toMatchObject({ title: 'Học tập chuyên đề tháng 6', heldOn: '2025-06-03' });
    // The cell deletes it (out-of-scope callers get "not found": authorization matrix).
    const gone = await s.bithu.delete(`/api/education/activities/${id}`);
    expect(gone.statusCode, gone.body).toBe(200);
    expect((await detail()).activities.some((a: { id: number }) => a.id === id)).toBe(false);
    expect((await s.bithu.delete(`/api/education/activities/${id}`)).statusCode).toBe(404);
  });

  it('a review is corrected and deleted by its committee; the cell only reads it', async () => {
    const made = await s.coso.post(`/api/education/programmes/${programmeId}/reviews`, {
      orgUnitId: f.committeeId,
      kind: 'interim',
      title: 'Sơ kết quý I ghi nhầm',
      periodFrom: '2025-01-01',
      periodTo: '2025-03-31',
      heldOn: '2025-04-05',
    });
    expect(made.statusCode, made.body).toBe(200);
    const id = made.json().id;
    const seen = (await detail('bithu')).reviews.find((r: { id: number }) => r.id === id);
    expect(seen).toMatchObject({ canEdit: false, version: 1 });
    const own = (await detail()).reviews.find((r: { id: number }) => r.id === id);
    expect(own.canEdit).toBe(true);
    const fixed = await s.coso.put(`/api/education/reviews/${id}`, {
      orgUnitId: f.committeeId,
      kind: 'interim',
      title: 'Sơ kết quý I năm 2025',
      periodFrom: '2025-01-01',
      periodTo: '2025-03-31',
      heldOn: '2025-04-08',
      reportRef: 'Báo cáo số 12-BC/ĐU',
      version: 1,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const after = (await detail()).reviews.find((r: { id: number }) => r.id === id);
    expect(after).toMatchObject({
      title: 'Sơ kết quý I năm 2025',
      heldOn: '2025-04-08',
      version: 2,
    });
    expect((await s.bithu.delete(`/api/education/reviews/${id}`)).statusCode).toBe(403);
    expect((await s.coso.delete(`/api/education/reviews/${id}`)).statusCode).toBe(200);
    expect((await detail()).reviews.some((r: { id: number }) => r.id === id)).toBe(false);
  });

  it('a piece of evidence is removed from the model, the file kept', async () => {
    const up = await s.bithu.post('/api/education/documents', {
      orgUnitId: f.cellId,
      fileName: 'nham.pdf',
      mimeType: 'application/pdf',
      contentBase64: 'JVBERi0xLjQK',
    });
    const ev = await s.bithu.post(`/api/education/models/${modelId}/evidence`, {
      title: 'Tệp gắn nhầm',
      documentId: up.json().id,
    });
    expect(ev.statusCode, ev.body).toBe(200);
    const res = await s.bithu.delete(`/api/education/models/${modelId}/evidence/${ev.json().id}`);
    expect(res.statusCode, res.body).toBe(200);
    const m = (await s.bithu.get(`/api/education/models/${modelId}`)).json();
    expect(m.evidence.map((e: { title: string }) => e.title)).not.toContain('Tệp gắn nhầm');
    expect((await s.bithu.get(`/api/education/documents/${up.json().id}`)).statusCode).toBe(200);
    // The id of another model's evidence under this model: not found.
    expect(
      (await s.bithu.delete(`/api/education/models/${modelId}/evidence/${ev.json().id}`))
        .statusCode,
    ).toBe(404);
  });
});

describe('figures in the metric catalogue', () => {
  const metric = async (code: string) => {
    const res = await s.coso.get(
      `/api/plans/metric-records?code=${code}&orgUnitId=${f.committeeId}&year=2025`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  it('are the same counts, with the records behind them', async () => {
    const units = await metric('education.units_with_activities');
    expect(units.numerator).toBe(units.records.length);
    expect(units.records.map((r: { id: number }) => r.id)).toContain(f.cellId);
    const members = await metric('education.members_committed');
    expect(members.numerator).toBe(members.records.length);
    expect(members.records.map((r: { id: number }) => r.id)).toContain(f.memberInCell.id);
    const recognised = await metric('education.models_recognised');
    expect(recognised.value).toBeGreaterThanOrEqual(1);
    const programmes = await metric('education.programmes');
    expect(programmes.records.map((r: { id: number }) => r.id)).toContain(programmeId);
  });
  it('say "unavailable" where no programme runs, never a number', async () => {
    const res = await s.coso.get(
      `/api/plans/metric-records?code=education.units_with_activities&orgUnitId=${f.committeeId}&year=2010`,
    );
    expect(res.json()).toMatchObject({ status: 'unavailable' });
  });
});

describe('opinion notes', () => {
  it('are kept by the unit, seen above, not by others, edited with their version', async () => {
    const body = {
      orgUnitId: f.cellId,
      notedOn: '2025-08-12',
      topic: 'Sắp xếp đơn vị hành chính',
      content: 'Một số đảng viên băn khoăn về vị trí công tác sau sắp xếp.',
      source: 'Sinh hoạt chi bộ',
      orientation: 'Tuyên truyền chủ trương; báo cáo Đảng ủy.',
    };
    const res = await s.bithu.post('/api/education/opinion-notes', body);
    expect(res.statusCode, res.body).toBe(200);
    const seen = (
      await s.coso.get('/api/education/opinion-notes?q=s%E1%BA%AFp%20x%E1%BA%BFp')
    ).json();
    expect(seen.items.map((n: { id: number }) => n.id)).toContain(res.json().id);
    const outside = await s.bithu.post('/api/education/opinion-notes', {
      ...body,
      orgUnitId: f.siblingCellId,
    });
    expect(outside.statusCode).toBe(404);
    const upd = await s.bithu.put(`/api/education/opinion-notes/${res.json().id}`, {
      ...body,
      version: 1,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const stale = await s.bithu.put(`/api/education/opinion-notes/${res.json().id}`, {
      ...body,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('every change is in the audit log', async () => {
    const rows = await queryRows<{ action: string }>(
      t.db,
      sql`select distinct action from audit_log where action like 'education.%' order by action`,
    );
    expect(rows.map((r) => r.action)).toEqual([
      'education.activity.create',
      'education.activity.delete',
      'education.activity.update',
      'education.commitment.create',
      'education.commitment.outcome',
      'education.model.evidence',
      'education.model.evidence_delete',
      'education.model.register',
      'education.model.review',
      'education.opinion.create',
      'education.opinion.update',
      'education.programme.create',
      'education.programme.update',
      'education.review.create',
      'education.review.delete',
      'education.review.update',
    ]);
  });
});
