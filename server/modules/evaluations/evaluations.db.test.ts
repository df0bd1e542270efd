// Year-end evaluation through the API: a campaign opened for the bloc creates a record per
// subject with the not-rated cases of the rules, each role sees its own subtree (a member only
// their own record), the flow self-assessment → review → decision, the order constraints and the
// HTXS cap of docs/domain/evaluation.md, the optimistic-concurrency conflict, and the results
// against a direct count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxHtxsAmong } from '../../../domain/rules/evaluation/cap';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { evaluationLevelCounts } from './evaluation.queries';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
let campaignId: number;

type Summary = {
  id: number;
  subjectKind: string;
  memberId: number | null;
  orgUnitId: number;
  status: string;
  version: number;
  notRatedReason: string | null;
  decidedLevel: string | null;
};

// 30 common points and 70 task points of PL4 (individuals without a post, the default framework).
const fullScores = async (id: number, session: Session, points: number) => {
  const detail = (await session.get(`/api/evaluations/records/${id}`)).json();
  const items = detail.criteria.groups.flatMap(
    (g: { items: { code: string; maxPoints: number }[] }) => g.items,
  );
  return Object.fromEntries(
    items.map((i: { code: string; maxPoints: number }) => [i.code, i.maxPoints * points]),
  );
};

const recordsOf = async (session: Session, query: string): Promise<Summary[]> => {
  const res = await session.get(
    `/api/evaluations/records?campaignId=${campaignId}&pageSize=500&${query}`,
  );
  expect(res.statusCode).toBe(200);
  return res.json().items;
};

const selfAssess = async (session: Session, r: Summary, body: Record<string, unknown> = {}) =>
  session.post(`/api/evaluations/records/${r.id}/self-assessment`, {
    version: r.version,
    assessedOn: '2026-12-05',
    scores: await fullScores(r.id, s.vanphong, 1),
    tasks: { total: 10, onTime: 10, exceeded: 4, late: 0 },
    proposedLevel: 'HTTNV',
    strengths: 'Hoàn thành tốt nhiệm vụ chuyên môn.',
    ...body,
  });

const reviewAs = async (session: Session, id: number, level: string, extra = {}) => {
  const r = (await session.get(`/api/evaluations/records/${id}`)).json();
  return session.post(`/api/evaluations/records/${id}/review`, {
    version: r.version,
    reviewedOn: '2026-12-10',
    level,
    votes: { present: 9, [level]: 9 },
    ...extra,
  });
};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['admin', 'vanphong', 'btv', 'coso', 'bithu', 'dangvien', 'ubkt'])
    s[u] = await loginAs(t.app, u);
  // The demo's 2026 campaigns leave out the two fixture committees: the tests open their own.
  const opened = await s.coso.post('/api/evaluations/campaigns', {
    orgUnitId: f.committeeId,
    year: 2026,
    cycle: 'year',
    openedOn: '2026-11-20',
    selfAssessmentDue: '2026-12-05',
    reviewDue: '2026-12-15',
    decisionDue: '2026-12-25',
    publicationDue: '2026-12-31',
  });
  expect(opened.statusCode, opened.body).toBe(200);
  campaignId = opened.json().id;
});
afterAll(async () => t.close());

describe('opening a campaign', () => {
  it('creates one record per member in the party and per collective, under the year’s rule set', async () => {
    const counts = (await queryOne<{
      members: number;
      records: number;
      cells: number;
      cellRecords: number;
    }>(
      t.db,
      sql`select
        (select count(*)::int from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${f.committeeId})
            and m.status in ('probationary', 'full', 'exempted', 'suspended')
            and (m.admitted_on is null or m.admitted_on <= '2026-12-31')) as members,
        (select count(*)::int from evaluation_records where campaign_id = ${campaignId} and subject_kind = 'member') as records,
        (select count(*)::int from org_units o where o.kind in ('cell', 'sub_committee') and o.dissolved_on is null
          and o.path <@ (select path from org_units where id = ${f.committeeId})) as cells,
        (select count(*)::int from evaluation_records where campaign_id = ${campaignId} and subject_kind = 'cell') as "cellRecords"`,
    ))!;
    expect(counts.records).toBe(counts.members);
    expect(counts.cellRecords).toBe(counts.cells);
    const detail = (await s.vanphong.get(`/api/evaluations/campaigns/${campaignId}`)).json();
    expect(detail.ruleSet).toBe('QD366');
    expect(detail.scoring).toBe('points');
    expect(detail.progress.total).toBeGreaterThan(counts.members);
    expect(detail.progressByUnit.length).toBeGreaterThan(1);
  });

  it('marks exempted members and those admitted less than 6 months before as not rated', async () => {
    const rows = await queryRows<{
      status: string;
      not_rated_reason: string | null;
      m_status: string;
      admitted_on: string | null;
    }>(
      t.db,
      sql`select r.status, r.not_rated_reason, m.status as m_status, m.admitted_on::text as admitted_on
          from evaluation_records r join members m on m.id = r.member_id where r.campaign_id = ${campaignId}`,
    );
    const exempted = rows.filter((r) => r.m_status === 'exempted');
    expect(exempted.length).toBeGreaterThan(0);
    expect(exempted.every((r) => r.not_rated_reason === 'exempted')).toBe(true);
    const recent = rows.filter(
      (r) =>
        r.m_status !== 'exempted' &&
        r.m_status !== 'suspended' &&
        r.admitted_on &&
        r.admitted_on > '2026-06-30',
    );
    expect(recent.every((r) => r.not_rated_reason === 'newly_admitted')).toBe(true);
    const old = rows.filter(
      (r) => r.m_status === 'full' && r.admitted_on && r.admitted_on < '2026-01-01',
    );
    expect(old.every((r) => r.status === 'pending')).toBe(true);
  });

  it('refuses a second campaign overlapping the same period, and an override key the rule set does not know', async () => {
    const again = await s.vanphong.post('/api/evaluations/campaigns', {
      orgUnitId: f.upperId,
      year: 2026,
      openedOn: '2026-11-21',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('trùng phạm vi');
    const unknown = await s.vanphong.post('/api/evaluations/campaigns', {
      orgUnitId: f.upperId,
      year: 2023,
      openedOn: '2024-01-05',
      paramsOverride: { bands: { HTXSNV: 85 } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('không có trong Quy định 124-QĐ/TW');
    const quarterUnder124 = await s.vanphong.post('/api/evaluations/campaigns', {
      orgUnitId: f.upperId,
      year: 2024,
      cycle: 'quarter',
      quarter: 2,
      openedOn: '2024-07-01',
    });
    expect(quarterUnder124.statusCode).toBe(400);
  });

  it('refuses a 2016 campaign, naming the guidance in force that year (27-HD/BTCTW), never 132-QĐ/TW’s rules', async () => {
    const old = await s.vanphong.post('/api/evaluations/campaigns', {
      orgUnitId: f.upperId,
      year: 2016,
      openedOn: '2016-12-01',
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().message).toContain(
      'Năm 2016 được đánh giá, phân loại chất lượng theo Hướng dẫn 27-HD/BTCTW ngày 25/9/2014',
    );
    const rows = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from evaluation_campaigns where year = 2016`,
    );
    expect(rows!.n).toBe(0);
  });

  it('still lists a 2017 campaign opened before such years were refused, under the guidance then in force', async () => {
    await t.db.execute(sql`insert into evaluation_campaigns
        (org_unit_id, title, year, cycle, period_from, period_to, rule_set, opened_on)
      values (${f.upperId}, 'Đánh giá năm 2017', 2017, 'year', '2017-01-01', '2017-12-31', 'QD132', '2017-12-01')`);
    const list = await s.vanphong.get('/api/evaluations/campaigns');
    expect(list.statusCode, list.body).toBe(200);
    const old = list.json().items.find((c: { title: string }) => c.title === 'Đánh giá năm 2017');
    expect(old.ruleSetName).toContain('27-HD/BTCTW');
  });
});

describe('who sees what', () => {
  it('a member sees only their own record; a cell secretary their cell; a grassroots office its subtree', async () => {
    const own = await recordsOf(s.dangvien, '');
    expect(own).toHaveLength(1);
    expect(own[0].memberId).toBe(f.selfMemberId);
    const other = (await recordsOf(s.bithu, 'subjectKind=member')).find(
      (r) => r.memberId !== f.selfMemberId,
    )!;
    expect((await s.dangvien.get(`/api/evaluations/records/${other.id}`)).statusCode).toBe(404);

    const cell = await recordsOf(s.bithu, '');
    expect(cell.length).toBeGreaterThan(1);
    expect(cell.every((r) => r.orgUnitId === f.cellId)).toBe(true);
    const elsewhere = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from evaluation_records where member_id = ${f.memberElsewhere.id} order by id desc limit 1`,
    ))!;
    expect((await s.bithu.get(`/api/evaluations/records/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await s.coso.get(`/api/evaluations/records/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await s.vanphong.get(`/api/evaluations/records/${elsewhere.id}`)).statusCode).toBe(200);
    // The campaign of the upper level is visible to those inside it.
    const campaigns = (await s.dangvien.get('/api/evaluations/campaigns')).json().items;
    expect(campaigns.map((c: { id: number }) => c.id)).toContain(campaignId);
    expect(campaigns[0].progress.total).toBe(1);
  });

  it('results are not for members', async () => {
    expect(
      (await s.dangvien.get(`/api/evaluations/results?orgUnitId=${f.cellId}&year=2026`)).statusCode,
    ).toBe(403);
  });
});

describe('the flow of one member', () => {
  it('the member fills in their self-assessment; the engine proposes a level from the 366 score', async () => {
    const [own] = await recordsOf(s.dangvien, '');
    const res = await selfAssess(s.dangvien, own);
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await s.dangvien.get(`/api/evaluations/records/${own.id}`)).json();
    expect(detail.status).toBe('self_assessed');
    expect(detail.selfLevel).toBe('HTTNV');
    expect(detail.proposal.score).toBe(100);
    expect(detail.proposal.level).toBe('HTXSNV');
    expect(detail.proposal.reasons.join(' ')).toContain('366-QĐ/TW');
    expect(detail.steps[0]).toMatchObject({ step: 'self_assessment', onBehalf: false });
    expect(detail.actions).not.toContain('review');
  });

  it('a member cannot fill in someone else’s self-assessment (not found)', async () => {
    const other = (await recordsOf(s.bithu, 'subjectKind=member&status=pending'))[0];
    const res = await selfAssess(s.dangvien, other);
    expect(res.statusCode).toBe(404);
  });

  it('a stale version gets a 409 with a Vietnamese message, and nothing is written', async () => {
    const [own] = await recordsOf(s.bithu, `subjectKind=member&status=self_assessed`);
    const stale = own.version - 1;
    const res = await s.bithu.post(`/api/evaluations/records/${own.id}/review`, {
      version: stale,
      reviewedOn: '2026-12-10',
      level: 'HTTNV',
      votes: { present: 9, HTTNV: 9 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('người khác cập nhật');
    const after = (await s.bithu.get(`/api/evaluations/records/${own.id}`)).json();
    expect(after.status).toBe('self_assessed');
    expect(after.version).toBe(own.version);
  });

  it('the review records votes, sick leave caps the proposal at HTNV, and the step is attributed', async () => {
    const [own] = await recordsOf(s.bithu, `subjectKind=member&status=self_assessed`);
    const res = await reviewAs(s.bithu, own.id, 'HTNV', { sickLeaveMonths: 4 });
    expect(res.statusCode, res.body).toBe(200);
    const detail = (await s.bithu.get(`/api/evaluations/records/${own.id}`)).json();
    expect(detail.reviewVotes).toMatchObject({ present: 9, HTNV: 9 });
    expect(detail.proposal.level).toBe('HTNV');
    expect(detail.facts.sickLeaveMonths).toBe(4);
    const step = detail.steps.find((x: { step: string }) => x.step === 'review');
    expect(step.recordedByName).toBeTruthy();
    const votes = await s.bithu.post(`/api/evaluations/records/${own.id}/review`, {
      version: detail.version,
      reviewedOn: '2026-12-10',
      level: 'HTNV',
      votes: { present: 3, HTNV: 4 },
    });
    expect(votes.statusCode).toBe(400);
  });

  it('the reviewer records a KHTNV case in the regulation’s words; the level is forced and explained, and clearing it restores the proposal', async () => {
    const [own] = await recordsOf(s.bithu, `subjectKind=member&status=reviewed`);
    const before = (await s.bithu.get(`/api/evaluations/records/${own.id}`)).json();
    const option = before.khtnvCaseOptions.find(
      (o: { code: string }) => o.code === 'forbidden_acts',
    );
    expect(option.wording).toBe('Vi phạm những điều đảng viên không được làm');
    expect(before.khtnvCaseSource).toContain('124-QĐ/TW, Điều 12');
    // A collective's case is not a member's.
    const wrong = await reviewAs(s.bithu, own.id, 'HTNV', { khtnvCases: ['disunity'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('disunity');
    const res = await reviewAs(s.bithu, own.id, 'KHTNV', { khtnvCases: ['forbidden_acts'] });
    expect(res.statusCode, res.body).toBe(200);
    const forced = (await s.bithu.get(`/api/evaluations/records/${own.id}`)).json();
    expect(forced.proposal.level).toBe('KHTNV');
    expect(forced.proposal.khtnvCases).toEqual(['forbidden_acts']);
    expect(forced.proposal.reasons.join(' ')).toContain(
      'Không hoàn thành nhiệm vụ: “Vi phạm những điều đảng viên không được làm”',
    );
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where entity_type = 'evaluation_record'
            and entity_id = ${String(own.id)} and action = 'evaluation.review'
            and after::text like '%forbidden_acts%'`,
    );
    expect(audit!.n).toBe(1);
    const cleared = await reviewAs(s.bithu, own.id, 'HTNV', { khtnvCases: [] });
    expect(cleared.statusCode, cleared.body).toBe(200);
    const after = (await s.bithu.get(`/api/evaluations/records/${own.id}`)).json();
    expect(after.proposal.level).toBe(before.proposal.level);
  });
});

describe('decisions: order and the HTXS cap', () => {
  let members: Summary[];
  let cellRecord: Summary;

  beforeAll(async () => {
    // Every rated member of the cell self-assessed (entered by the secretary) and reviewed.
    for (const r of await recordsOf(s.bithu, 'subjectKind=member&status=pending')) {
      const res = await selfAssess(s.bithu, r);
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const r of await recordsOf(s.bithu, 'subjectKind=member&status=self_assessed'))
      expect((await reviewAs(s.bithu, r.id, 'HTTNV')).statusCode).toBe(200);
    members = await recordsOf(s.bithu, 'subjectKind=member&status=reviewed');
    [cellRecord] = await recordsOf(s.bithu, 'subjectKind=cell');
  });

  it('an entry on someone’s behalf is recorded as such', async () => {
    const detail = (
      await s.bithu.get(
        `/api/evaluations/records/${members.find((m) => m.memberId !== f.selfMemberId)!.id}`,
      )
    ).json();
    expect(detail.steps[0]).toMatchObject({ step: 'self_assessment', onBehalf: true });
  });

  it('refuses a member’s decision before the cell’s (collectives before individuals), and shows it', async () => {
    const item = { recordId: members[0].id, version: members[0].version, level: 'HTTNV' };
    const check = (
      await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decision-check`, {
        decidedOn: '2026-12-20',
        decisionNumber: '15-QĐ/ĐU',
        items: [item],
      })
    ).json();
    expect(check.ok).toBe(false);
    expect(check.order[0].problems[0]).toContain('Tập thể trước, cá nhân sau');
    const res = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      decidedOn: '2026-12-20',
      decisionNumber: '15-QĐ/ĐU',
      items: [item],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Tập thể trước, cá nhân sau');
    const detail = (await s.coso.get(`/api/evaluations/records/${members[0].id}`)).json();
    expect(detail.orderProblems.join(' ')).toContain('Tập thể trước');
  });

  it('refuses deciding the grassroots organisation before its cells (lower before upper)', async () => {
    const org = (await queryOne<{ id: number; version: number }>(
      t.db,
      sql`select id, version from evaluation_records where campaign_id = ${campaignId}
            and subject_kind = 'grassroots_organisation' and org_unit_id = ${f.committeeId}`,
    ))!;
    expect((await reviewAs(s.vanphong, org.id, 'HTTNV')).statusCode).toBe(200);
    const fresh = (await s.vanphong.get(`/api/evaluations/records/${org.id}`)).json();
    const res = await s.btv.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      decidedOn: '2026-12-22',
      decisionNumber: '20-QĐ/ĐU',
      items: [{ recordId: org.id, version: fresh.version, level: 'HTTNV' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Cấp dưới trước, cấp trên sau');
    // A grassroots committee does not decide its own organisation's level.
    const own = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      decidedOn: '2026-12-22',
      decisionNumber: '20-QĐ/ĐU',
      items: [{ recordId: org.id, version: fresh.version, level: 'HTTNV' }],
    });
    expect(own.statusCode).toBe(403);
  });

  it('refuses more HTXS than 20% of those rated HTTNV (21-HD/BTCTW mục 2.3 wording, kept as the 2026 parameter), stating the base and how many are allowed', async () => {
    expect((await reviewAs(s.bithu, cellRecord.id, 'HTTNV')).statusCode).toBe(200);
    const cell = (await s.bithu.get(`/api/evaluations/records/${cellRecord.id}`)).json();
    const cellDecision = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      decidedOn: '2026-12-20',
      decisionNumber: '14-QĐ/ĐU',
      items: [{ recordId: cell.id, version: cell.version, level: 'HTTNV' }],
    });
    expect(cellDecision.statusCode, cellDecision.body).toBe(200);

    const items = members.map((m, i) => ({
      recordId: m.id,
      version: m.version,
      level: i < 3 ? 'HTXSNV' : 'HTTNV',
    }));
    const body = { decidedOn: '2026-12-20', decisionNumber: '15-QĐ/ĐU', items };
    const check = (
      await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decision-check`, body)
    ).json();
    // The base is the members rated HTTNV: the three HTXS are not in it.
    const base = members.length - 3;
    const allowed = Math.floor(base * 0.2);
    expect(allowed).toBeLessThan(3);
    expect(check.cap.ok).toBe(false);
    expect(check.cap.groups[0]).toMatchObject({ allowed, proposedHtxs: 3, base });
    expect(check.cap.rule).toContain(
      'không vượt quá 20% số được xếp loại HTTNV (không tính HTXSNV)',
    );
    expect(check.cap.rule).toContain('366-QĐ/TW và 43-HD/BTCTW chưa thấy quy định tỷ lệ');
    const refused = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain(`tối đa ${allowed}`);
    expect(refused.json().message).toContain(`của ${base} được xếp loại HTTNV (không tính HTXSNV)`);
    expect(refused.json().message).toContain('đang đề nghị 3');
    const untouched = (await s.coso.get(`/api/evaluations/records/${members[0].id}`)).json();
    expect(untouched.status).toBe('reviewed');

    const most = maxHtxsAmong(items.length - 1);
    expect(most).toBeGreaterThan(0);
    const withinCap = items.map((i, n) => ({
      ...i,
      level: n < most ? 'HTXSNV' : n === items.length - 1 ? 'KHTNV' : 'HTTNV',
    }));
    const ok = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      ...body,
      items: withinCap,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a stale version in a decision is a 409', async () => {
    const [decided] = await recordsOf(s.coso, 'subjectKind=member&status=decided');
    const res = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/publication`, {
      publishedOn: '2026-12-28',
      items: [{ recordId: decided.id, version: decided.version + 5 }],
    });
    expect(res.statusCode).toBe(409);
  });

  it('publishes, and the member may complain; the upper level answers', async () => {
    const decided = await recordsOf(
      s.coso,
      `subjectKind=member,cell&status=decided&orgUnitId=${f.cellId}`,
    );
    const pub = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/publication`, {
      publishedOn: '2026-12-28',
      items: decided.map((r) => ({ recordId: r.id, version: r.version })),
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const [own] = await recordsOf(s.dangvien, '');
    expect(own.status).toBe('published');
    const complaint = await s.dangvien.post(`/api/evaluations/records/${own.id}/complaints`, {
      version: own.version,
      filedOn: '2027-01-05',
      content: 'Đề nghị xem xét lại mức xếp loại.',
    });
    expect(complaint.statusCode, complaint.body).toBe(200);
    const detail = (await s.btv.get(`/api/evaluations/records/${own.id}`)).json();
    expect(detail.actions).toContain('resolve');
    const newLevel = detail.decidedLevel === 'HTTNV' ? 'HTNV' : 'HTTNV';
    const resolved = await s.btv.post(
      `/api/evaluations/complaints/${complaint.json().id}/resolution`,
      {
        version: detail.version,
        resolvedOn: '2027-01-20',
        outcome: 'changed',
        level: newLevel,
        answer: 'Thẩm tra lại, điều chỉnh mức xếp loại.',
      },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await s.dangvien.get(`/api/evaluations/records/${own.id}`)).json().decidedLevel).toBe(
      newLevel,
    );
  });
});

describe('results', () => {
  it('counts per level equal a direct count of the decided records, with the not-rated categories', async () => {
    const res = await s.coso.get(`/api/evaluations/results?orgUnitId=${f.committeeId}&year=2026`);
    expect(res.statusCode).toBe(200);
    const results = res.json();
    const direct = await queryRows<{ level: string; n: number }>(
      t.db,
      sql`select coalesce(r.decided_level, 'not_rated') as level, count(*)::int as n
          from evaluation_records r join org_units o on o.id = r.org_unit_id
          where r.campaign_id = ${campaignId} and r.subject_kind = 'member'
            and o.path <@ (select path from org_units where id = ${f.committeeId})
            and (r.status in ('decided', 'published') or r.status = 'not_rated')
          group by 1`,
    );
    const members = results.groups.find((g: { key: string }) => g.key === 'member');
    for (const row of direct) expect(members.counts[row.level]).toBe(row.n);
    expect(members.rated).toBe(
      direct.filter((d) => d.level !== 'not_rated').reduce((a, d) => a + d.n, 0),
    );
    const exempted = results.notRated.find((n: { reason: string }) => n.reason === 'exempted');
    const directExempted = (await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from evaluation_records r join org_units o on o.id = r.org_unit_id
          where r.campaign_id = ${campaignId} and r.not_rated_reason = 'exempted'
            and o.path <@ (select path from org_units where id = ${f.committeeId})`,
    ))!.n;
    expect(exempted.count).toBe(directExempted);

    // Drill-down: the records behind a figure.
    const drill = (
      await s.coso.get(
        `/api/evaluations/records?orgUnitId=${f.committeeId}&year=2026&subjectKind=member&level=HTTNV&pageSize=500`,
      )
    ).json();
    expect(drill.total).toBe(members.counts.HTTNV);
  });

  it('evaluationLevelCounts gives the same figures and the ids behind them', async () => {
    const c = await evaluationLevelCounts({
      db: t.db,
      unitId: f.committeeId,
      year: 2026,
      subjectKind: 'member',
    });
    const r = (
      await s.coso.get(`/api/evaluations/results?orgUnitId=${f.committeeId}&year=2026`)
    ).json();
    const members = r.groups.find((g: { key: string }) => g.key === 'member');
    expect(c.counts).toEqual(members.counts);
    expect(c.goodOrBetter).toBe(c.counts.HTXSNV + c.counts.HTTNV);
    expect(c.ids.HTTNV).toHaveLength(c.counts.HTTNV);
    expect(c.rated + c.counts.not_rated + c.pending).toBe(c.total);
  });
});
