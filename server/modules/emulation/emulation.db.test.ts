// Emulation movements and commendations through the API: movements visible in the launching
// committee's subtree and above, registrations only inside one's own subtree, the models of a
// movement, and commendations proposed → reviewed → granted or refused, the eligibility of a rated
// form read from the decided ratings (21-HD/BTCTW: chosen among those rated HTXSNV), audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { computeMetric } from '../plans';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'btv', 'coso', 'bithu', 'dangvien', 'ubkt'])
    s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const movement = async (who = 'vanphong', orgUnitId = f.upperId, name = 'Dân vận khéo') => {
  const res = await s[who].post('/api/emulation/movements', {
    orgUnitId,
    name,
    launchRef: 'Kế hoạch số 20-KH/ĐU ngày 10/01/2026',
    criteria: 'Có mô hình dân vận khéo được công nhận\nĐảng viên đăng ký việc làm cụ thể',
    fromDate: '2026-01-10',
    toDate: '2026-12-31',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
};

describe('emulation movements', () => {
  it('launches a movement, registers units and members within scope, and shows them by subtree', async () => {
    const id = await movement();
    const unit = await s.coso.post(`/api/emulation/movements/${id}/registrations`, {
      orgUnitId: f.committeeId,
      registeredOn: '2026-02-01',
      undertaking: 'Xây dựng 2 mô hình dân vận khéo',
    });
    expect(unit.statusCode, unit.body).toBe(200);
    const member = await s.bithu.post(`/api/emulation/movements/${id}/registrations`, {
      orgUnitId: f.cellId,
      memberId: f.memberInCell.id,
      registeredOn: '2026-02-03',
    });
    expect(member.statusCode, member.body).toBe(200);
    // The same subject twice: a clear Vietnamese refusal.
    const twice = await s.bithu.post(`/api/emulation/movements/${id}/registrations`, {
      orgUnitId: f.cellId,
      memberId: f.memberInCell.id,
      registeredOn: '2026-02-04',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toContain('đã đăng ký');
    // A cell secretary cannot register a unit outside the cell.
    const outside = await s.bithu.post(`/api/emulation/movements/${id}/registrations`, {
      orgUnitId: f.otherCommitteeId,
      registeredOn: '2026-02-03',
    });
    expect(outside.statusCode).toBe(404);
    // A model of the movement (owned by education): read where movement_id is this movement.
    await t.db.execute(sql`insert into exemplary_models (org_unit_id, movement_id, title, registered_on, status, decision_ref)
      values (${f.cellId}, ${id}, 'Mô hình "Khám bệnh không chờ đợi"', '2026-03-01', 'recognised', '15-QĐ/ĐU')`);

    const office = (await s.vanphong.get(`/api/emulation/movements/${id}`)).json();
    expect(office.criteria).toContain('mô hình');
    // The detail counts the registrations; the list is paged (registrations-list.db.test.ts).
    expect(office).toMatchObject({ registeredUnits: 1, registeredMembers: 1 });
    expect(office).not.toHaveProperty('registrations');
    expect(office.models).toHaveLength(1);
    expect(office.canEdit).toBe(true);
    const list = (await s.vanphong.get('/api/emulation/movements?year=2026')).json();
    expect(list.items.find((m: { id: number }) => m.id === id)).toMatchObject({
      registeredUnits: 1,
      registeredMembers: 1,
      models: 1,
      recognisedModels: 1,
    });
    // The cell sees the movement of its upper committee and only its own subtree's registrations.
    const cell = (await s.bithu.get(`/api/emulation/movements/${id}`)).json();
    expect(cell.canEdit).toBe(false);
    expect(cell).toMatchObject({ registeredUnits: 0, registeredMembers: 1 });
    const cellList = (await s.bithu.get(`/api/emulation/movements/${id}/registrations`)).json();
    expect(cellList.items.map((r: { memberId: number | null }) => r.memberId)).toEqual([
      f.memberInCell.id,
    ]);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_type in ('emulation_movement', 'movement_registration')`,
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['emulation.movement.create', 'emulation.registration.create']),
    );
  });

  it('keeps a committee’s movement out of another committee’s reach', async () => {
    const id = await movement('coso', f.committeeId, 'Thi đua chào mừng đại hội');
    const elsewhere = await loginAs(t.app, 'vanphong');
    expect((await elsewhere.get(`/api/emulation/movements/${id}`)).statusCode).toBe(200);
    // Members have no access to the register at all.
    expect((await s.dangvien.get(`/api/emulation/movements/${id}`)).statusCode).toBe(403);
    const edit = await s.coso.put(`/api/emulation/movements/${id}`, {
      orgUnitId: f.committeeId,
      name: 'Thi đua chào mừng đại hội',
      criteria: 'x',
      fromDate: '2026-02-01',
      toDate: '2026-01-01',
      version: 1,
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().message).toContain('Ngày kết thúc');
  });
});

describe('commendations', () => {
  /** A member of the Sở Y tế subtree with a decided rating of `level` in `year`. */
  const memberRated = async (year: number, level: string) =>
    (await queryOne<{ member_id: number; org_unit_id: number }>(
      t.db,
      sql`select r.member_id, m.org_unit_id from evaluation_records r
          join evaluation_campaigns c on c.id = r.campaign_id
          join members m on m.id = r.member_id
          join org_units o on o.id = m.org_unit_id
          where c.year = ${year} and c.cycle = 'year' and r.subject_kind = 'member'
            and r.status in ('decided', 'published') and r.decided_level = ${level}
            and o.path <@ (select path from org_units where id = ${f.committeeId})
          order by r.member_id limit 1`,
    ))!;

  it('explains the eligibility from the recorded ratings, year by year', async () => {
    const htxs = await memberRated(2025, 'HTXSNV');
    const one = (
      await s.coso.get(
        `/api/emulation/commendations/eligibility?subjectKind=member&subjectMemberId=${htxs.member_id}&form=exemplary_certificate&year=2025&yearsRunning=1`,
      )
    ).json();
    expect(one).toMatchObject({ checked: true, eligible: true });
    expect(one.years[0]).toMatchObject({ year: 2025, level: 'HTXSNV', counts: true });
    expect(one.title).toContain('năm 2025');
    // Five years running: 2021 and 2023 have no decided rating in the demo, so not eligible.
    const five = (
      await s.coso.get(
        `/api/emulation/commendations/eligibility?subjectKind=member&subjectMemberId=${htxs.member_id}&form=exemplary_merit&year=2025&yearsRunning=5`,
      )
    ).json();
    expect(five.eligible).toBe(false);
    expect(five.years).toHaveLength(5);
    expect(five.years.find((y: { year: number }) => y.year === 2023).explanation).toContain(
      'chưa có kết quả',
    );
    const good = await memberRated(2025, 'HTTNV');
    const notEnough = (
      await s.coso.get(
        `/api/emulation/commendations/eligibility?subjectKind=member&subjectMemberId=${good.member_id}&form=exemplary_certificate&year=2025`,
      )
    ).json();
    expect(notEnough.eligible).toBe(false);
    expect(notEnough.summary).toContain('2025');
  });

  it('runs proposal → review → decision, refuses a grant the ratings do not support, and audits each step', async () => {
    const htxs = await memberRated(2025, 'HTXSNV');
    const proposed = await s.coso.post('/api/emulation/commendations', {
      proposingOrgUnitId: f.committeeId,
      subjectKind: 'member',
      subjectMemberId: htxs.member_id,
      form: 'exemplary_certificate',
      year: 2025,
      yearsRunning: 1,
      achievements:
        'Hoàn thành xuất sắc nhiệm vụ năm 2025, có sáng kiến cải tiến quy trình khám bệnh.',
      proposedOn: '2026-01-12',
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    const id = proposed.json().id;
    // The decision before the review is refused.
    const early = await s.btv.post(`/api/emulation/commendations/${id}/decision`, {
      version: 1,
      outcome: 'granted',
      grantingOrgUnitId: f.committeeId,
      grantingAuthority: 'Ban Thường vụ Đảng ủy Sở Y tế',
      decidedOn: '2026-01-20',
      decisionRef: '30-QĐ/ĐU',
    });
    expect(early.statusCode).toBe(400);
    const reviewed = await s.coso.post(`/api/emulation/commendations/${id}/review`, {
      version: 1,
      reviewedOn: '2026-01-15',
      reviewNote: 'Đủ điều kiện theo kết quả xếp loại.',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const granted = await s.btv.post(`/api/emulation/commendations/${id}/decision`, {
      version: 2,
      outcome: 'granted',
      grantingOrgUnitId: f.committeeId,
      grantingAuthority: 'Ban Thường vụ Đảng ủy Sở Y tế',
      decidedOn: '2026-01-20',
      decisionRef: '30-QĐ/ĐU',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const detail = (await s.coso.get(`/api/emulation/commendations/${id}`)).json();
    expect(detail).toMatchObject({ status: 'granted', decisionRef: '30-QĐ/ĐU', canDecide: false });
    expect(detail.eligibility.years[0].level).toBe('HTXSNV');

    // Five years running without the ratings: proposed, reviewed, but not grantable.
    const five = await s.coso.post('/api/emulation/commendations', {
      proposingOrgUnitId: f.committeeId,
      subjectKind: 'member',
      subjectMemberId: htxs.member_id,
      form: 'exemplary_merit',
      year: 2025,
      yearsRunning: 5,
      achievements: 'Đề nghị bằng khen 5 năm liền.',
      proposedOn: '2026-01-12',
    });
    const fiveId = five.json().id;
    await s.coso.post(`/api/emulation/commendations/${fiveId}/review`, {
      version: 1,
      reviewedOn: '2026-01-15',
    });
    const refusedGrant = await s.btv.post(`/api/emulation/commendations/${fiveId}/decision`, {
      version: 2,
      outcome: 'granted',
      grantingOrgUnitId: f.upperId,
      grantingAuthority: 'Ban Thường vụ Đảng ủy Khối',
      decidedOn: '2026-01-25',
      decisionRef: '99-QĐ/ĐU',
    });
    expect(refusedGrant.statusCode).toBe(400);
    expect(refusedGrant.json().message).toContain('Không thể khen thưởng');
    const refused = await s.btv.post(`/api/emulation/commendations/${fiveId}/decision`, {
      version: 2,
      outcome: 'refused',
      grantingOrgUnitId: f.upperId,
      grantingAuthority: 'Ban Thường vụ Đảng ủy Khối',
      decidedOn: '2026-01-25',
      reviewNote: 'Chưa đủ 5 năm liền hoàn thành xuất sắc nhiệm vụ.',
    });
    expect(refused.statusCode, refused.body).toBe(200);

    // The figure of the catalogue counts the grant, placed by the proposing unit on the decision day,
    // and lists it as its record (drill-down); the refusal is not counted.
    const scope = {
      unitId: f.committeeId,
      from: '2026-01-01',
      to: '2026-12-31',
      asOf: '2026-12-31',
    };
    const members = await computeMetric({ db: t.db, code: 'commendation.members_granted', scope });
    expect(members.status).toBe('ok');
    if (members.status === 'ok') {
      expect(members.value).toBe(members.records.length);
      expect(members.records.map((r) => r.id)).toContain(id);
      expect(members.records.map((r) => r.id)).not.toContain(fiveId);
    }
    const byForm = await computeMetric({
      db: t.db,
      code: 'commendation.granted.exemplary_certificate',
      scope,
    });
    expect(byForm.status === 'ok' && byForm.records.some((r) => r.id === id)).toBe(true);
    // A year with nothing recorded says so instead of printing zero.
    const empty = await computeMetric({
      db: t.db,
      code: 'commendation.members_granted',
      scope: { unitId: f.committeeId, from: '2019-01-01', to: '2019-12-31', asOf: '2019-12-31' },
    });
    expect(empty.status).toBe('unavailable');

    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where entity_type = 'commendation' and entity_id = ${String(id)} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'commendation.propose',
      'commendation.review',
      'commendation.decide',
    ]);
  });

  it('keeps proposals inside the proposing unit and the register inside the subtree', async () => {
    // A cell proposes only for its own subtree.
    const elsewhere = await s.bithu.post('/api/emulation/commendations', {
      proposingOrgUnitId: f.cellId,
      subjectKind: 'member',
      subjectMemberId: f.memberElsewhere.id,
      form: 'certificate',
      year: 2025,
      achievements: 'Thử',
      proposedOn: '2026-01-12',
    });
    expect(elsewhere.statusCode).toBe(404);
    const own = await s.bithu.post('/api/emulation/commendations', {
      proposingOrgUnitId: f.cellId,
      subjectKind: 'organisation',
      subjectOrgUnitId: f.cellId,
      form: 'certificate',
      year: 2025,
      achievements: 'Chi bộ có nhiều thành tích trong phong trào Dân vận khéo.',
      proposedOn: '2026-01-12',
    });
    expect(own.statusCode, own.body).toBe(200);
    const id = own.json().id;
    expect((await s.bithu.get(`/api/emulation/commendations/${id}`)).statusCode).toBe(200);
    // A member never reads the register.
    expect((await s.dangvien.get(`/api/emulation/commendations/${id}`)).statusCode).toBe(403);
    const list = (await s.vanphong.get('/api/emulation/commendations?year=2025')).json();
    expect(list.items.some((c: { id: number }) => c.id === id)).toBe(true);
    // The cell secretary may not decide.
    const decide = await s.bithu.post(`/api/emulation/commendations/${id}/review`, {
      version: 1,
      reviewedOn: '2026-01-13',
    });
    expect(decide.statusCode).toBe(403);
  });
});

describe('the demo bloc’s emulation and commendations', () => {
  const paragraphsOf = (draft: {
    model: { blocks: { kind: string; inlines?: { text: string }[]; text?: string }[] };
  }) =>
    draft.model.blocks.map((b) =>
      b.kind === 'heading' ? b.text! : b.inlines!.map((i) => i.text).join(''),
    );

  // The seeded rows (no author: written in bulk at the first start), not the ones the tests above add.
  it('grants a rated form only to subjects rated HTXSNV, and refuses the one rated HTTNV', async () => {
    const rated = await queryRows<{ status: string; eligible: boolean; level: string }>(
      t.db,
      sql`select c.status, (c.eligibility->>'eligible')::boolean as eligible,
            c.eligibility->'years'->0->>'level' as level
          from commendations c where c.form in ('exemplary_certificate', 'exemplary_merit')
            and c.created_by is null`,
    );
    const granted = rated.filter((r) => r.status === 'granted');
    expect(granted.length).toBeGreaterThan(100);
    expect(granted.every((r) => r.eligible && r.level === 'HTXSNV')).toBe(true);
    const ineligible = rated.filter((r) => !r.eligible);
    expect(ineligible.map((r) => [r.status, r.level])).toEqual([['refused', 'HTTNV']]);
  });

  it('states the 2025 figures in the annual report (III.5) and on the dashboard', async () => {
    const year = 2025;
    const start = await s.vanphong.post('/api/reports/annual/generate', {
      orgUnitId: f.upperId,
      year,
    });
    expect(start.statusCode, start.body).toBe(200);
    const { jobId } = start.json();
    for (let i = 0; i < 1200; i++) {
      const job = (await s.vanphong.get(`/api/reports/jobs/${jobId}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const { draft } = (
      await s.vanphong.get(`/api/reports/annual?orgUnitId=${f.upperId}&year=${year}`)
    ).json();
    const sentence = paragraphsOf(draft).find((p: string) =>
      p.startsWith('Công tác thi đua, khen thưởng'),
    );
    // Printed for the closing note: what the committee reads.
    console.log(`report ${year} III.5: ${sentence}`);
    const scope = { unitId: f.upperId, from: '2025-01-01', to: '2025-12-31', asOf: '2025-12-31' };
    const value = async (code: string) => {
      const v = await computeMetric({ db: t.db, code, scope });
      expect(v.status, code).toBe('ok');
      return v.status === 'ok' ? v.value! : -1;
    };
    const movements = await value('emulation.movements');
    const organisations = await value('commendation.organisations_granted');
    const members = await value('commendation.members_granted');
    const models = await value('emulation.models_recognised');
    // The 2021–2025 "Dân vận khéo" movement and the one greeting the congresses.
    expect(movements).toBe(2);
    expect(models).toBeGreaterThan(10);
    expect(organisations).toBeGreaterThan(10);
    expect(members).toBeGreaterThan(50);
    expect(sentence).toContain(`trong năm triển khai ${movements} phong trào thi đua`);
    expect(sentence).toContain(`${models} mô hình được công nhận`);
    expect(sentence).toContain(`Khen thưởng ${organisations} tổ chức đảng, ${members} đảng viên`);

    const dashboard = (
      await s.vanphong.get(`/api/dashboard?orgUnitId=${f.upperId}&year=${year}`)
    ).json();
    const card = Object.fromEntries(
      dashboard.figures.map((x: { code: string; value: number | null }) => [x.code, x.value]),
    );
    console.log(
      `dashboard ${year}: ${JSON.stringify(Object.fromEntries(Object.entries(card).filter(([k]) => k.startsWith('emulation.') || k.startsWith('commendation.'))))}`,
    );
    expect(card['commendation.organisations_granted']).toBe(organisations);
    expect(card['commendation.members_granted']).toBe(members);
    expect(card['emulation.movements']).toBe(movements);
  });
});
