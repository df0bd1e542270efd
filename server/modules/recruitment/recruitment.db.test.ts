// Recruitment through the API, as the offices and the cell do it: an applicant from candidate to
// full member, the rules that refuse a wrong step, and who may see and decide what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../domain/calendar/working-days';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let secretary: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  secretary = await loginAs(t.app, 'bithu');
});
afterAll(async () => t.close());

type Detail = {
  id: number;
  version: number;
  status: string;
  memberId: number | null;
  nextStep: string | null;
  applicableSteps: { step: string; vote: string | null }[];
  deadlines: { step: string; dueOn: string; status: string }[];
  probationEndsOn: string | null;
};

const create = async (s: Session, overrides: Record<string, unknown> = {}) => {
  const res = await s.post('/api/recruitment/applicants', {
    orgUnitId: f.cellId,
    fullName: 'Lường Thị Hồng Nhung',
    sex: 'female',
    birthDate: '1996-08-20',
    ethnicity: 'Tày',
    generalEducation: '12/12',
    educationArea: 'normal',
    ...overrides,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
};
const detail = async (id: number, s: Session = office): Promise<Detail> =>
  (await s.get(`/api/recruitment/applicants/${id}`)).json();
const record = async (id: number, body: Record<string, unknown>, s: Session = office) => {
  const { version } = await detail(id);
  return s.post(`/api/recruitment/applicants/${id}/steps`, { version, ...body });
};
const statusCounts = async (orgUnitId: number) => {
  const o = (await office.get(`/api/overview?orgUnitId=${orgUnitId}`)).json();
  const by = Object.fromEntries(
    o.byStatus.map((b: { key: string; count: number }) => [b.key, b.count]),
  );
  return { total: o.total as number, probationary: by.probationary ?? 0, full: by.full ?? 0 };
};

describe('an applicant from candidate to full member', () => {
  it('records every step in order, admits a probationary member and makes them full from the end of probation', async () => {
    const before = await statusCounts(f.cellId);
    const id = await create(office);
    let d = await detail(id);
    const steps = d.applicableSteps.map((s) => s.step);
    expect(steps[0]).toBe('candidate');
    expect(steps.at(-1)).toBe('card_issued');

    // Out of order: the application before the awareness course.
    const early = await record(id, { step: 'application', stepDate: '2024-03-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('trình tự');

    const dates: Record<string, string> = {
      candidate: '2024-01-08',
      awareness_course: '2024-02-26',
      application: '2024-03-11',
      background: '2024-04-08',
      referees: '2024-04-22',
      opinions: '2024-05-06',
      cell_vote: '2024-05-20',
      subcommittee_review: '2024-05-27',
      committee_vote: '2024-06-10',
      admission_decision: '2024-07-15',
      ceremony: '2024-08-02',
      self_review: '2025-07-21',
      mentor_review: '2025-07-25',
      probation_opinions: '2025-07-29',
      recognition_cell_vote: '2025-08-04',
      recognition_committee_vote: '2025-08-18',
      recognition_decision: '2025-09-08',
      card_issued: '2025-10-06',
    };
    for (const step of steps) {
      const info = d.applicableSteps.find((s) => s.step === step);
      if (step === 'cell_vote') {
        // Seven of twelve is below two thirds: recorded as failed, with what follows.
        const failed = await record(id, {
          step,
          stepDate: '2024-05-13',
          votesFor: 7,
          votesTotal: 12,
        });
        expect(failed.statusCode).toBe(200);
        expect(failed.json().outcome).toBe('failed');
        expect(failed.json().message).toContain('cần ít nhất 8 phiếu');
        expect((await detail(id)).nextStep).toBe('cell_vote');
      }
      if (step === 'recognition_decision') {
        // Before twelve months from the ceremony, recognition is refused.
        const tooEarly = await record(id, {
          step,
          stepDate: '2025-08-01',
          documentNumber: '1-QĐ/ĐU',
        });
        expect(tooEarly.statusCode).toBe(400);
      }
      const res = await record(id, {
        step,
        stepDate: dates[step],
        votesFor: info?.vote ? 9 : null,
        votesTotal: info?.vote ? 12 : null,
        documentNumber:
          step === 'card_issued'
            ? '52012345'
            : step.endsWith('decision')
              ? `12-QĐ/ĐU ${step}`
              : null,
      });
      expect(res.statusCode, `${step}: ${res.body}`).toBe(200);
      expect(res.json().outcome).toBe('passed');
      d = await detail(id);
      if (step === 'cell_vote') {
        const due = d.deadlines.find((x) => x.step === 'admission_decision');
        expect(due?.dueOn).toBe(addWorkingDays('2024-05-20', 60));
      }
      if (step === 'admission_decision') {
        expect(d.status).toBe('probation');
        const member = (await office.get(`/api/members/${d.memberId}`)).json();
        expect(member.status).toBe('probationary');
        expect(member.admittedOn).toBe('2024-07-15');
        const mid = await statusCounts(f.cellId);
        expect(mid.probationary).toBe(before.probationary + 1);
      }
    }

    expect(d.status).toBe('full');
    expect(d.nextStep).toBeNull();
    expect(d.probationEndsOn).toBe('2025-08-02');
    const member = (await office.get(`/api/members/${d.memberId}`)).json();
    expect(member.status).toBe('full');
    // Full from the end of probation, although the decision came on 08/09/2025.
    expect(member.recognisedOn).toBe('2025-08-02');
    expect(member.cardNumber).toBe('52012345');
    const after = await statusCounts(f.cellId);
    expect(after.full).toBe(before.full + 1);
    expect(after.total).toBe(before.total + 1);
    // Every step is in the audit log.
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_type = 'applicant' and entity_id = ${String(id)}`,
    );
    expect(audit.filter((a) => a.action === 'applicant.step').length).toBe(steps.length + 1);
  });

  it('refuses the cell vote for someone under 18 at the vote, saying from when they qualify', async () => {
    const id = await create(office, { fullName: 'Hà Văn Trẻ', birthDate: '2006-09-15' });
    for (const [step, stepDate] of [
      ['candidate', '2024-01-08'],
      ['awareness_course', '2024-02-26'],
      ['application', '2024-03-11'],
      ['background', '2024-04-08'],
      ['referees', '2024-04-22'],
      ['opinions', '2024-05-06'],
    ])
      expect((await record(id, { step, stepDate })).statusCode).toBe(200);
    const vote = await record(id, {
      step: 'cell_vote',
      stepDate: '2024-05-20',
      votesFor: 10,
      votesTotal: 12,
    });
    expect(vote.statusCode).toBe(400);
    expect(vote.json().message).toContain('Chưa đủ 18 tuổi');
    expect(vote.json().message).toContain('15/09/2024');
  });

  it('ends a failed probation in removal from the list', async () => {
    const id = await create(office, { fullName: 'Nông Văn Dự' });
    let d = await detail(id);
    for (const step of d.applicableSteps.map((s) => s.step)) {
      const info = d.applicableSteps.find((s) => s.step === step);
      await record(id, {
        step,
        stepDate: '2026-01-05',
        votesFor: info?.vote ? 10 : null,
        votesTotal: info?.vote ? 12 : null,
        documentNumber: step.endsWith('decision') ? '3-QĐ/ĐU' : null,
      });
      if (step === 'ceremony') break;
    }
    d = await detail(id);
    expect(d.status).toBe('probation');
    const stop = await office.post(`/api/recruitment/applicants/${id}/stop`, {
      stopDate: '2026-10-01',
      reason: 'Không đủ tư cách đảng viên',
      decisionNumber: '45-QĐ/ĐU',
      version: d.version,
    });
    expect(stop.statusCode, stop.body).toBe(200);
    const member = (await office.get(`/api/members/${d.memberId}`)).json();
    expect(member.status).toBe('removed');
  });
});

describe('who may do what', () => {
  it('lets the cell secretary prepare applicants but not record the decisions of the standing committee', async () => {
    const id = await create(secretary, { fullName: 'Lâm Thị Bí' });
    expect(
      (await record(id, { step: 'candidate', stepDate: '2026-02-02' }, secretary)).statusCode,
    ).toBe(200);
    const decision = await record(
      id,
      { step: 'admission_decision', stepDate: '2026-02-03', documentNumber: '1-QĐ/ĐU' },
      secretary,
    );
    expect(decision.statusCode).toBe(403);
    expect(decision.json().message).toContain('Ban Thường vụ');
  });

  it('keeps applicants of other organisations out of a secretary’s board and records', async () => {
    const elsewhere = await queryOne<{ id: number }>(
      t.db,
      sql`select a.id from applicants a join org_units o on o.id = a.org_unit_id
          where not o.path <@ (select path from org_units where id = ${f.cellId}) limit 1`,
    );
    expect((await secretary.get(`/api/recruitment/applicants/${elsewhere!.id}`)).statusCode).toBe(
      404,
    );
    const board = (await secretary.get('/api/recruitment/board')).json();
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.every((i: { orgUnitId: number }) => i.orgUnitId === f.cellId)).toBe(true);
    expect(
      (await secretary.get(`/api/recruitment/board?orgUnitId=${f.otherCommitteeId}`)).statusCode,
    ).toBe(404);
  });
});

describe('admission targets', () => {
  it('shows the count, the share of the target and how far over or under, for any subtree', async () => {
    const year = 2024;
    expect(
      (await office.put('/api/recruitment/targets', { orgUnitId: f.cellId, year, target: 2 }))
        .statusCode,
    ).toBe(200);
    const admitted = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from member_events e join org_units o on o.id = e.org_unit_id
          where e.kind = 'admitted' and o.path <@ (select path from org_units where id = ${f.cellId})
            and e.event_date between '2024-01-01' and '2024-12-31'`,
    );
    const report = (
      await office.get(`/api/recruitment/targets?orgUnitId=${f.cellId}&year=${year}`)
    ).json();
    expect(report.unit.target).toBe(2);
    expect(report.unit.admitted).toBe(admitted!.n);
    const n = admitted!.n;
    if (n > 2) expect(report.unit.summary).toContain('vượt');
    else if (n === 2) expect(report.unit.summary).toContain('đạt 100%');
    else expect(report.unit.summary).toContain(`đạt ${n * 50}%`);
    // A committee without its own target is measured against its cells' targets.
    const parent = (
      await office.get(`/api/recruitment/targets?orgUnitId=${f.committeeId}&year=${year}`)
    ).json();
    expect(parent.unit.childTargets).toBeGreaterThanOrEqual(2);
    expect(
      (await secretary.put('/api/recruitment/targets', { orgUnitId: f.cellId, year, target: 5 }))
        .statusCode,
    ).toBe(403);
  });
});

describe('documents and concurrent edits', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

  it('keeps a scanned form, checks its content against its type, and logs every download', async () => {
    const fake = await office.post('/api/recruitment/documents', {
      orgUnitId: f.cellId,
      fileName: 'don-xin-vao-dang.pdf',
      mimeType: 'application/pdf',
      contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
    });
    expect(fake.statusCode).toBe(400);
    expect(fake.json().message).toContain('không đúng loại');
    const saved = await office.post('/api/recruitment/documents', {
      orgUnitId: f.cellId,
      fileName: 'Đơn xin vào Đảng.pdf',
      mimeType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const docId = saved.json().id;
    const download = await secretary.get(`/api/recruitment/documents/${docId}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect(download.headers['content-disposition']).toContain('attachment');
    const reads = await queryRows<{ username: string }>(
      t.db,
      sql`select username from audit_log where action = 'document.read' and entity_id = ${String(docId)}`,
    );
    expect(reads.map((r) => r.username)).toEqual(['bithu']);
  });

  it('lets one of two simultaneous recordings of the same step win and tells the other', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await create(office, { fullName: `Hoàng Văn Đua ${round}` });
      const { version } = await detail(id);
      const body = { step: 'candidate', stepDate: '2026-03-02', version };
      const results = await Promise.all([
        office.post(`/api/recruitment/applicants/${id}/steps`, body),
        secretary.post(`/api/recruitment/applicants/${id}/steps`, body),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409);
      expect(loser?.json().message).toMatch(/[Đđ]ã có người|thay đổi|tải lại/);
      const steps = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from recruitment_steps where applicant_id = ${id}`,
      );
      expect(steps[0].n).toBe(1);
    }
  });
});
