// Inspection, supervision and discipline through the API: a case from a programme item to its
// conclusion, need-to-know per role (and every file read logged), discipline decisions checked
// against the rules with their effects (expulsion, dissolution), complaints, the lifecycle seam,
// the evaluation queries and the figures with their drill-down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { disciplineFactsFor } from '../lifecycle';
import { collectivesWithDisciplineInYear, membersDisciplinedInYear } from '../members';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['ubkt', 'btv', 'vanphong', 'coso', 'bithu', 'dangvien'])
    s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const fullMemberIn = async (unitId: number, skip: number[] = []) =>
  (await queryOne<{ id: number; full_name: string }>(
    t.db,
    sql`select m.id, m.full_name from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${unitId}) and m.status = 'full'
          and m.id not in (${sql.join(
            [0, ...skip].map((i) => sql`${i}`),
            sql`, `,
          )})
          and not exists (select 1 from discipline_decisions d where d.member_id = m.id)
          and not exists (select 1 from inspection_case_subjects x where x.member_id = m.id)
        order by m.id limit 1`,
  ))!;

const openCase = async (body: Record<string, unknown>) => {
  const res = await s.ubkt.post('/api/inspection/cases', {
    orgUnitId: f.upperId,
    body: 'upper_inspection',
    decisionDate: '2026-09-01',
    team: [],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: number; version: number };
};

describe('a case from a programme item to its conclusion', () => {
  let caseId: number;
  let version: number;
  it('turns a programme item into a case carrying its kind, body and theme', async () => {
    const prog = await s.ubkt.post('/api/inspection/programmes', {
      orgUnitId: f.upperId,
      body: 'upper_inspection',
      period: 'year',
      year: 2026,
      title: 'Chương trình kiểm tra, giám sát năm 2026 của Ủy ban Kiểm tra Đảng ủy (thử)',
      decisionNumber: '99-CTr/UBKT',
      items: [
        {
          kind: 'supervision_thematic',
          subjectOrgUnitId: f.committeeId,
          subjectText: 'Ban Thường vụ Đảng ủy Sở Y tế',
          theme: 'Việc thực hiện quy chế dân chủ ở cơ sở',
          quarter: 3,
          lead: 'Đồng chí Phó Chủ nhiệm UBKT',
        },
      ],
    });
    expect(prog.statusCode, prog.body).toBe(200);
    const list = (await s.ubkt.get('/api/inspection/programmes?year=2026')).json();
    const programme = list.items.find((p: { id: number }) => p.id === prog.json().id);
    const item = programme.items[0];
    expect(item.caseId).toBeNull();
    const res = await s.ubkt.post(`/api/inspection/programme-items/${item.id}/case`, {
      decisionNumber: '99-QĐ/UBKT',
      decisionDate: '2026-08-03',
      plannedFrom: '2026-08-10',
      plannedTo: '2026-09-30',
      subjects: [{ kind: 'organisation', orgUnitId: f.committeeId }],
      team: [{ name: 'Hoàng Văn Sơn', role: 'lead' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    caseId = res.json().id;
    version = res.json().version;
    const again = await s.ubkt.post(`/api/inspection/programme-items/${item.id}/case`, {
      decisionNumber: '100-QĐ/UBKT',
      decisionDate: '2026-08-03',
      subjects: [{ kind: 'organisation', orgUnitId: f.committeeId }],
    });
    expect(again.statusCode).toBe(400);
    const detail = (await s.ubkt.get(`/api/inspection/cases/${caseId}`)).json();
    expect(detail.kind).toBe('supervision_thematic');
    expect(detail.body).toBe('upper_inspection');
    expect(detail.file.nextStep).toBe('announced');
    expect(detail.file.timeline[0]).toMatchObject({ step: 'decision', done: true });
  });

  it('records the steps in order and refuses a skipped one', async () => {
    const skipped = await s.ubkt.post(`/api/inspection/cases/${caseId}/steps`, {
      step: 'team_report',
      stepDate: '2026-08-20',
      version,
    });
    expect(skipped.statusCode).toBe(400);
    expect(skipped.json().message).toContain('trước bước');
    for (const [step, stepDate] of [
      ['announced', '2026-08-10'],
      ['subject_report', '2026-08-25'],
      ['team_report', '2026-09-20'],
    ] as const) {
      const res = await s.ubkt.post(`/api/inspection/cases/${caseId}/steps`, {
        step,
        stepDate,
        version,
      });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
  });

  it('records the conclusion with recommendations, unpublished at first', async () => {
    const res = await s.ubkt.post(`/api/inspection/cases/${caseId}/conclusion`, {
      conclusionNumber: '99-TB/UBKT',
      conclusionDate: '2026-10-05',
      conclusionText:
        'Ban Thường vụ Đảng ủy Sở Y tế thực hiện cơ bản tốt quy chế dân chủ; còn chậm công khai tài chính.',
      outcomeSummary: 'Thực hiện cơ bản tốt; cần khắc phục việc công khai tài chính.',
      violationFound: false,
      publish: false,
      recommendations: [
        {
          text: 'Công khai tài chính hằng quý',
          addresseeOrgUnitId: f.committeeId,
          dueOn: '2026-12-31',
        },
      ],
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    const detail = (await s.ubkt.get(`/api/inspection/cases/${caseId}`)).json();
    expect(detail.status).toBe('concluded');
    expect(detail.file.recommendations).toHaveLength(1);
    const rec = detail.file.recommendations[0];
    const done = await s.ubkt.put(`/api/inspection/recommendations/${rec.id}`, {
      status: 'done',
      doneOn: '2026-11-02',
      followUp: 'Đã niêm yết công khai quý III.',
      version: rec.version,
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('hides the file from everyone without need-to-know, and the outcome until published', async () => {
    for (const u of ['btv', 'vanphong', 'coso']) {
      const res = await s[u].get(`/api/inspection/cases/${caseId}`);
      expect(res.statusCode, u).toBe(200);
      const body = res.json();
      expect(body.file, u).toBeNull();
      expect(body.outcomeSummary, u).toBeNull();
      expect(res.body).not.toContain('công khai tài chính');
    }
    // The cell secretary and the member see nothing of an unpublished case.
    expect((await s.bithu.get(`/api/inspection/cases/${caseId}`)).statusCode).toBe(404);
    expect((await s.dangvien.get(`/api/inspection/cases/${caseId}`)).statusCode).toBe(404);
    const published = await s.ubkt.post(`/api/inspection/cases/${caseId}/publish`, {
      publishedOn: '2026-10-10',
      version,
    });
    expect(published.statusCode, published.body).toBe(200);
    const coso = (await s.coso.get(`/api/inspection/cases/${caseId}`)).json();
    expect(coso.outcomeSummary).toContain('cơ bản tốt');
    expect(coso.file).toBeNull();
    // The case is about the committee, not about the secretary's cell: still not listed there.
    expect((await s.bithu.get(`/api/inspection/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('logs every read of a case file, and only those', async () => {
    const count = async () =>
      (await queryOne<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from audit_log where action = 'read_case_file' and entity_id = ${String(caseId)}`,
      ))!.n;
    const before = await count();
    await s.ubkt.get(`/api/inspection/cases/${caseId}`);
    await s.btv.get(`/api/inspection/cases/${caseId}`);
    expect(await count()).toBe(before + 1);
    const last = await queryOne<{ username: string }>(
      t.db,
      sql`select username from audit_log where action = 'read_case_file' order by id desc limit 1`,
    );
    expect(last!.username).toBe('ubkt');
  });

  it('lets a member see only published cases that name them, and a secretary those in the cell', async () => {
    const own = await openCase({
      kind: 'inspection_programme',
      title: 'Kiểm tra việc thực hiện nhiệm vụ đảng viên',
      decisionNumber: '98-QĐ/UBKT',
      subjects: [{ kind: 'member', memberId: f.selfMemberId }],
    });
    expect((await s.dangvien.get(`/api/inspection/cases/${own.id}`)).statusCode).toBe(404);
    expect(
      (await s.bithu.get('/api/inspection/cases')).json().items.map((c: { id: number }) => c.id),
    ).not.toContain(own.id);
    let v = own.version;
    for (const [step, stepDate] of [
      ['announced', '2026-09-02'],
      ['subject_report', '2026-09-10'],
      ['team_report', '2026-09-20'],
    ] as const)
      v = (
        await s.ubkt.post(`/api/inspection/cases/${own.id}/steps`, { step, stepDate, version: v })
      ).json().version;
    const concluded = await s.ubkt.post(`/api/inspection/cases/${own.id}/conclusion`, {
      conclusionNumber: '98-TB/UBKT',
      conclusionDate: '2026-10-01',
      conclusionText: 'Đảng viên thực hiện tốt nhiệm vụ (nội dung mật).',
      outcomeSummary: 'Thực hiện tốt nhiệm vụ đảng viên.',
      violationFound: false,
      publish: true,
      version: v,
    });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const mine = await s.dangvien.get(`/api/inspection/cases/${own.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().outcomeSummary).toBe('Thực hiện tốt nhiệm vụ đảng viên.');
    expect(mine.json().file).toBeNull();
    expect(mine.body).not.toContain('nội dung mật');
    const secretary = (await s.bithu.get('/api/inspection/cases')).json();
    expect(secretary.items.map((c: { id: number }) => c.id)).toContain(own.id);
    expect(secretary.items.every((c: { published: boolean }) => c.published)).toBe(true);
  });

  it('refuses case work to roles other than the UBKT', async () => {
    for (const u of ['btv', 'vanphong', 'coso', 'bithu', 'dangvien']) {
      const res = await s[u].post(`/api/inspection/cases/${caseId}/steps`, {
        step: 'verification',
        stepDate: '2026-09-01',
        version: 1,
      });
      expect(res.statusCode, u).toBe(403);
    }
  });
});

describe('discipline decisions', () => {
  const decision = (over: Record<string, unknown>) => ({
    subjectKind: 'member',
    form: 'khien_trach',
    body: 'upper_inspection',
    bodyOrgUnitId: f.upperId,
    decisionNumber: '50-QĐ/UBKT',
    violation: 'Vi phạm quy định về những điều đảng viên không được làm',
    violationFrom: '2025-06-01',
    decidedOn: '2026-03-10',
    announcedOn: '2026-03-15',
    receivedOn: '2026-03-16',
    vote: { members: 7, present: 7, inFavour: 6, against: 1 },
    ...over,
  });

  it('refuses cách chức of a probationary member, with the reason', async () => {
    const probationer = await queryOne<{ id: number }>(
      t.db,
      sql`select m.id from members m join org_units o on o.id = m.org_unit_id
          where m.status = 'probationary' and o.path <@ (select path from org_units where id = ${f.upperId}) order by m.id limit 1`,
    );
    const res = await s.ubkt.post(
      '/api/inspection/discipline',
      decision({ memberId: probationer!.id, form: 'cach_chuc' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('dự bị');
    const check = (
      await s.ubkt.post(
        '/api/inspection/discipline/check',
        decision({ memberId: probationer!.id, form: 'cach_chuc' }),
      )
    ).json();
    expect(check.ok).toBe(false);
    expect(check.checks.map((c: { rule: string }) => c.rule)).toEqual([
      'Hình thức kỷ luật',
      'Thẩm quyền',
      'Thời hiệu',
      'Biểu quyết',
      'Cấp quyết định',
    ]);
  });

  it('22-QĐ/TW Điều 15: refuses a cell\'s reprimand voted by 4 of its 9 full members ("trên một nửa số đảng viên chính thức"), records it with 5, and shows the vote in the register', async () => {
    const m = await fullMemberIn(f.siblingCellId);
    const cellDecision = (vote: Record<string, number> | null) =>
      decision({
        memberId: m.id,
        body: 'cell',
        bodyOrgUnitId: f.siblingCellId,
        decisionNumber: '60-QĐ/CB',
        vote,
      });
    const four = { members: 9, present: 8, inFavour: 4, against: 4 };
    const check = (
      await s.ubkt.post('/api/inspection/discipline/check', cellDecision(four))
    ).json();
    const vote = check.checks.find((c: { rule: string }) => c.rule === 'Biểu quyết');
    expect(vote.ok).toBe(false);
    expect(vote.message).toContain('ít nhất 5/9');
    const refused = await s.ubkt.post('/api/inspection/discipline', cellDecision(four));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('Không đạt đa số');
    const missing = await s.ubkt.post('/api/inspection/discipline', cellDecision(null));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('Chưa ghi kết quả biểu quyết');
    const five = { members: 9, present: 8, inFavour: 5, against: 3 };
    const saved = await s.ubkt.post('/api/inspection/discipline', cellDecision(five));
    expect(saved.statusCode, saved.body).toBe(200);
    const row = (await s.ubkt.get('/api/inspection/discipline?year=2026'))
      .json()
      .items.find((r: { id: number }) => r.id === saved.json().id);
    expect(row.vote).toEqual(five);
  });

  it('22-QĐ/TW Điều 15: a proposal to expel needs at least two thirds ("ít nhất hai phần ba … nhất trí đề nghị"): 6 of 10 is refused, 7 of 10 recorded', async () => {
    const m = await fullMemberIn(f.siblingCellId);
    const proposal = (inFavour: number) =>
      decision({
        memberId: m.id,
        proposal: true,
        form: 'khai_tru',
        body: 'cell',
        bodyOrgUnitId: f.siblingCellId,
        decisionNumber: null,
        decidedOn: null,
        announcedOn: null,
        receivedOn: null,
        vote: { members: 10, present: 10, inFavour, against: 10 - inFavour },
      });
    const six = await s.ubkt.post('/api/inspection/discipline', proposal(6));
    expect(six.statusCode).toBe(400);
    expect(six.json().message).toContain('ít nhất 2/3');
    const seven = await s.ubkt.post('/api/inspection/discipline', proposal(7));
    expect(seven.statusCode, seven.body).toBe(200);
  });

  it('keeps a decision recorded before votes were kept valid, with the vote unknown', async () => {
    const m = await fullMemberIn(f.siblingCellId);
    const row = await queryOne<{ id: number }>(
      t.db,
      sql`insert into discipline_decisions (subject_kind, member_id, org_unit_id, standing, status, form, body, body_org_unit_id, decision_number, violation, violation_from, decided_on, announced_on)
          values ('member', ${m.id}, ${f.siblingCellId}, 'full', 'decided', 'khien_trach', 'cell', ${f.siblingCellId}, '61-QĐ/CB', 'Ghi từ sổ cũ', '2026-01-05', '2026-02-10', '2026-02-10') returning id`,
    );
    const listed = (await s.ubkt.get('/api/inspection/discipline?year=2026'))
      .json()
      .items.find((r: { id: number }) => r.id === row!.id);
    expect(listed.vote).toBeNull();
    expect(listed.state).toBe('in_force');
  });

  it('refuses a decision after the limitation period, and one beyond the body’s authority', async () => {
    const m = await fullMemberIn(f.cellId);
    const expired = await s.ubkt.post(
      '/api/inspection/discipline',
      decision({ memberId: m.id, violationFrom: '2020-01-01', violationTo: '2020-12-31' }),
    );
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toContain('hết thời hiệu');
    const cell = await s.ubkt.post(
      '/api/inspection/discipline',
      decision({ memberId: m.id, form: 'khai_tru', body: 'cell', bodyOrgUnitId: f.cellId }),
    );
    expect(cell.statusCode).toBe(400);
    expect(cell.json().message).toContain('Chi bộ chỉ có thẩm quyền');
  });

  it('records an expulsion as the member’s exit event at the decision date', async () => {
    const m = await fullMemberIn(f.cellId);
    const res = await s.ubkt.post(
      '/api/inspection/discipline',
      decision({
        memberId: m.id,
        form: 'khai_tru',
        decisionNumber: '51-QĐ/UBKT',
        decidedOn: '2026-04-02',
        announcedOn: '2026-04-06',
        receivedOn: '2026-04-06',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const member = (await s.vanphong.get(`/api/members/${m.id}`)).json();
    expect(member.status).toBe('expelled');
    expect(member.events[0]).toMatchObject({
      kind: 'expelled',
      eventDate: '2026-04-02',
      decisionNumber: '51-QĐ/UBKT',
    });
    const register = (await s.btv.get(`/api/inspection/discipline?year=2026&form=khai_tru`)).json();
    const row = register.items.find((r: { memberId: number }) => r.memberId === m.id);
    expect(row.state).toBe('permanent');
    expect(row.lapsesOn).toBeNull();
  });

  it('records a dissolution as the org-units dissolve operation with the decision number', async () => {
    const est = await s.vanphong.post('/api/org-units/operations', {
      kind: 'establish',
      parentId: f.committeeId,
      unitKind: 'cell',
      name: 'Chi bộ Thử nghiệm giải tán',
      effectiveDate: '2026-01-05',
      decisionNumber: '3-QĐ/ĐU',
    });
    expect(est.statusCode, est.body).toBe(200);
    const cellId = est.json().affectedUnitIds[0];
    const res = await s.btv.post(
      '/api/inspection/discipline',
      decision({
        subjectKind: 'organisation',
        orgUnitId: cellId,
        form: 'giai_tan',
        body: 'upper_standing',
        decisionNumber: '52-QĐ/ĐU',
        decidedOn: '2026-06-01',
        announcedOn: '2026-06-03',
        receivedOn: null,
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const unit = (await s.vanphong.get(`/api/org-units/${cellId}`)).json();
    expect(unit.dissolvedOn).toBe('2026-06-01');
    const op = await queryOne<{ kind: string; decision_number: string }>(
      t.db,
      sql`select o.kind, o.decision_number from org_operations o join discipline_decisions d on d.org_operation_id = o.id where d.decision_number = '52-QĐ/ĐU'`,
    );
    expect(op).toEqual({ kind: 'dissolve', decision_number: '52-QĐ/ĐU' });
  });

  it('tracks complaints: one within a month is pending and keeps the decision in force; a late one is not accepted', async () => {
    const m = await fullMemberIn(f.cellId);
    const res = await s.ubkt.post(
      '/api/inspection/discipline',
      decision({
        memberId: m.id,
        form: 'canh_cao',
        decisionNumber: '53-QĐ/UBKT',
        decidedOn: '2025-09-01',
        announcedOn: '2025-09-05',
        receivedOn: '2025-09-06',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json().id;
    const late = await s.ubkt.post(`/api/inspection/discipline/${id}/complaints`, {
      filedOn: '2025-10-20',
      handledBy: 'Ủy ban Kiểm tra Tỉnh ủy',
    });
    expect(late.json()).toMatchObject({ accepted: false });
    expect(late.json().message).toContain('Quá thời hạn');
    const ok = await s.ubkt.post(`/api/inspection/discipline/${id}/complaints`, {
      filedOn: '2025-10-01',
      handledBy: 'Ủy ban Kiểm tra Tỉnh ủy',
    });
    expect(ok.json()).toMatchObject({ accepted: true });
    // 12 months after the announcement it would have lapsed; the pending complaint keeps it in force.
    let row = (await s.ubkt.get('/api/inspection/discipline?year=2025'))
      .json()
      .items.find((r: { id: number }) => r.id === id);
    expect(row.lapsesOn).toBe('2026-09-05');
    expect(row.state).toBe('in_force');
    const pending = row.complaints.find((c: { outcome: string }) => c.outcome === 'pending');
    const upheld = await s.ubkt.put(`/api/inspection/complaints/${pending.id}`, {
      outcome: 'upheld',
      outcomeOn: '2025-12-15',
      version: pending.version,
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    row = (await s.ubkt.get('/api/inspection/discipline?year=2025'))
      .json()
      .items.find((r: { id: number }) => r.id === id);
    expect(row.state).toBe('lapsed');
  });

  it('logs reads of the register and hides it from secretaries and members', async () => {
    const before = (await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'discipline_register'`,
    ))!.n;
    await s.coso.get('/api/inspection/discipline');
    const after = (await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'discipline_register'`,
    ))!.n;
    expect(after).toBe(before + 1);
    expect((await s.bithu.get('/api/inspection/discipline')).statusCode).toBe(403);
    expect((await s.dangvien.get('/api/inspection/discipline')).statusCode).toBe(403);
  });
});

describe('consequences used elsewhere', () => {
  it('puts a member of an open signs-of-violation case under review: badges wait and transfers out are refused', async () => {
    const m = await fullMemberIn(f.cellId);
    await openCase({
      kind: 'inspection_signs',
      title: 'Kiểm tra khi có dấu hiệu vi phạm trong quản lý tài chính',
      decisionNumber: '60-QĐ/UBKT',
      subjects: [{ kind: 'member', memberId: m.id }],
    });
    const facts = await disciplineFactsFor(t.db, [m.id]);
    expect(facts.get(m.id)?.underReview).toBe(true);
    const version = (await s.vanphong.get(`/api/members/${m.id}`)).json().version;
    const res = await s.vanphong.post(`/api/members/${m.id}/events`, {
      kind: 'transferred_out',
      eventDate: '2026-11-01',
      externalOrg: 'Đảng bộ tỉnh Cao Bằng',
      version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('đang được xem xét kỷ luật');
    const other = await fullMemberIn(f.cellId, [m.id]);
    const otherVersion = (await s.vanphong.get(`/api/members/${other.id}`)).json().version;
    const ok = await s.vanphong.post(`/api/members/${other.id}/events`, {
      kind: 'transferred_out',
      eventDate: '2026-11-01',
      externalOrg: 'Đảng bộ tỉnh Cao Bằng',
      version: otherVersion,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('answers the evaluation’s questions: members disciplined in a year, and the collectives above them', async () => {
    const m = await fullMemberIn(f.siblingCellId);
    const res = await s.ubkt.post('/api/inspection/discipline', {
      subjectKind: 'member',
      memberId: m.id,
      form: 'khien_trach',
      body: 'cell',
      bodyOrgUnitId: f.siblingCellId,
      decisionNumber: '02-QĐ/CB',
      violation: 'Không thực hiện nhiệm vụ được chi bộ phân công',
      violationFrom: '2026-05-01',
      decidedOn: '2026-07-15',
      announcedOn: '2026-07-16',
      vote: { members: 12, present: 11, inFavour: 9, against: 2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await membersDisciplinedInYear(t.db, 2026)).toContain(m.id);
    expect(await membersDisciplinedInYear(t.db, 2024)).not.toContain(m.id);
    const collectives = await collectivesWithDisciplineInYear(t.db, 2026);
    expect(collectives).toEqual(
      expect.arrayContaining([f.siblingCellId, f.committeeId, f.upperId]),
    );
    expect(collectives).not.toContain(f.otherCommitteeId);
    const facts = await disciplineFactsFor(t.db, [m.id]);
    expect(facts.get(m.id)?.disciplines).toEqual([
      { form: 'khien_trach', decidedOn: '2026-07-15' },
    ]);
  });
});

describe('figures', () => {
  it('counts distinct subjects per conducting body and opens the records behind each figure', async () => {
    const figures = (
      await s.ubkt.get(`/api/inspection/figures?year=2026&orgUnitId=${f.upperId}`)
    ).json();
    const ubkt = figures.subjectsByBody.find(
      (b: { body: string }) => b.body === 'upper_inspection',
    );
    const subjects = (
      await s.ubkt.get(
        `/api/inspection/figures/records?year=2026&orgUnitId=${f.upperId}&figure=subjects&body=upper_inspection`,
      )
    ).json();
    expect(subjects.rows).toHaveLength(ubkt.total);
    expect(subjects.countingRule).toContain('một lần');
    const distinct = await queryRows<{ k: string }>(
      t.db,
      sql`select distinct s.subject_kind || coalesce(s.member_id, s.org_unit_id) as k from inspection_cases c
          join inspection_case_subjects s on s.case_id = c.id where c.year = 2026 and c.body = 'upper_inspection'`,
    );
    expect(ubkt.total).toBe(distinct.length);
    const members = figures.disciplineByForm
      .filter((d: { subjectKind: string }) => d.subjectKind === 'member')
      .reduce((a: number, d: { count: number }) => a + d.count, 0);
    const discipline = (
      await s.ubkt.get(
        `/api/inspection/figures/records?year=2026&orgUnitId=${f.upperId}&figure=discipline&subjectKind=member`,
      )
    ).json();
    expect(discipline.rows).toHaveLength(members);
    expect(figures.sentences.join(' ')).toContain('kiểm tra, giám sát được');
    const scoped = (await s.coso.get('/api/inspection/figures?year=2026')).json();
    expect(scoped.orgUnitId).toBe(f.committeeId);
    expect((await s.bithu.get('/api/inspection/figures?year=2026')).statusCode).toBe(403);
  });
});

describe('what the web pages need', () => {
  it('lists accounts in scope that may join a case team, and a team member with an account sees the file', async () => {
    const res = await s.ubkt.get('/api/inspection/team-candidates?q=thinh');
    expect(res.statusCode, res.body).toBe(200);
    const btv = res
      .json()
      .items.find((u: { displayName: string }) => u.displayName.startsWith('Lương Đức Thịnh'));
    expect(btv).toBeDefined();
    expect(Object.keys(btv).sort()).toEqual(['displayName', 'id', 'scopeName']);
    const admin = await loginAs(t.app, 'admin');
    expect((await admin.get('/api/inspection/team-candidates')).statusCode).toBe(403);
    const ubktId = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from users where username = 'ubkt'`,
    ))!.id;
    const member = await fullMemberIn(f.cellId);
    const created = await openCase({
      kind: 'inspection_signs',
      title: 'Kiểm tra khi có dấu hiệu vi phạm (đoàn có tài khoản)',
      decisionNumber: '97-QĐ/UBKT',
      subjects: [{ kind: 'member', memberId: member.id }],
      team: [
        { name: 'Hoàng Văn Sơn', role: 'lead', userId: ubktId },
        { name: btv.displayName, role: 'member', userId: btv.id },
      ],
    });
    const file = (await s.btv.get(`/api/inspection/cases/${created.id}`)).json();
    expect(file.file).not.toBeNull();
    await t.db.execute(sql`update users set is_active = false where id = ${btv.id}`);
    const refused = await s.ubkt.post('/api/inspection/cases', {
      orgUnitId: f.upperId,
      body: 'upper_inspection',
      kind: 'inspection_signs',
      title: 'Thử tài khoản đã khóa',
      decisionNumber: '96-QĐ/UBKT',
      decisionDate: '2026-09-01',
      subjects: [{ kind: 'organisation', orgUnitId: f.cellId }],
      team: [{ name: btv.displayName, role: 'member', userId: btv.id }],
    });
    await t.db.execute(sql`update users set is_active = true where id = ${btv.id}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message + JSON.stringify(refused.json().fields)).toContain('đã khóa');
  });

  it('gives the drill-down rows the case, member and unit they are about', async () => {
    const subjects = (
      await s.ubkt.get(
        `/api/inspection/figures/records?year=2026&orgUnitId=${f.upperId}&figure=subjects`,
      )
    ).json();
    const memberRow = subjects.rows.find((r: { memberId: number | null }) => r.memberId);
    expect(memberRow).toMatchObject({ caseId: expect.any(Number), orgUnitId: expect.any(Number) });
    const discipline = (
      await s.ubkt.get(
        `/api/inspection/figures/records?year=2026&orgUnitId=${f.upperId}&figure=discipline&subjectKind=member`,
      )
    ).json();
    expect(discipline.rows.length).toBeGreaterThan(0);
    for (const r of discipline.rows) {
      expect(r.memberId).toEqual(expect.any(Number));
      expect(r.orgUnitId).toEqual(expect.any(Number));
      expect('caseId' in r).toBe(true);
    }
  });
});
