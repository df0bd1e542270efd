// Heads after their units (docs/domain/evaluation.md "Heads after their units"; 124-QĐ/TW Điều 11
// kept under 366-QĐ/TW ❓): the secretary of a grassroots organisation on the period's last day (from
// the committees module) is decided only once the organisation's record is decided.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, sql } from '../../db/client';
import { committeePositionIn } from '../../test/builders/committees';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
let campaignId: number;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'coso', 'bithu']) s[u] = await loginAs(t.app, u);
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

const recordOf = async (where: ReturnType<typeof sql>) =>
  (await queryOne<{ id: number }>(
    t.db,
    sql`select id from evaluation_records where campaign_id = ${campaignId} and ${where} limit 1`,
  ))!.id;
const detail = async (id: number) =>
  (await s.vanphong.get(`/api/evaluations/records/${id}`)).json();

describe('heads after their units (Quy định 124-QĐ/TW Điều 11; 21-HD/BTCTW II.B.4 for 2019–2022)', () => {
  it('refuses the secretary of the grassroots organisation before the organisation is decided', async () => {
    const head = f.memberInCell.id;
    await committeePositionIn(t.db, f.committeeId, head, {
      position: 'secretary',
      fromDate: '2025-07-10',
    });
    const memberRecord = await recordOf(sql`member_id = ${head}`);
    const cellRecord = await recordOf(sql`subject_kind = 'cell' and org_unit_id = ${f.cellId}`);
    // The member: self-assessed and reviewed; the cell: reviewed and decided first.
    const m = await detail(memberRecord);
    const items = m.criteria.groups.flatMap(
      (g: { items: { code: string; maxPoints: number }[] }) => g.items,
    );
    const self = await s.bithu.post(`/api/evaluations/records/${memberRecord}/self-assessment`, {
      version: m.version,
      assessedOn: '2026-12-05',
      scores: Object.fromEntries(
        items.map((i: { code: string; maxPoints: number }) => [i.code, i.maxPoints]),
      ),
      tasks: { total: 10, onTime: 10, exceeded: 4, late: 0 },
      proposedLevel: 'HTTNV',
    });
    expect(self.statusCode, self.body).toBe(200);
    for (const id of [memberRecord, cellRecord]) {
      const r = await detail(id);
      const res = await s.bithu.post(`/api/evaluations/records/${id}/review`, {
        version: r.version,
        reviewedOn: '2026-12-10',
        level: 'HTTNV',
        votes: { present: 9, HTTNV: 9 },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const cell = await detail(cellRecord);
    const decidedCell = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      decidedOn: '2026-12-20',
      decisionNumber: '15-QĐ/ĐU',
      items: [{ recordId: cellRecord, version: cell.version, level: 'HTTNV' }],
    });
    expect(decidedCell.statusCode, decidedCell.body).toBe(200);
    const fresh = await detail(memberRecord);
    const res = await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decisions`, {
      decidedOn: '2026-12-20',
      decisionNumber: '16-QĐ/ĐU',
      items: [{ recordId: memberRecord, version: fresh.version, level: 'HTTNV' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(
      'Người đứng đầu được xếp loại sau tổ chức do mình lãnh đạo',
    );
    expect(res.json().message).toContain('124-QĐ/TW');
    // The preview (decision-check) names the same problem.
    const check = (
      await s.coso.post(`/api/evaluations/campaigns/${campaignId}/decision-check`, {
        decidedOn: '2026-12-20',
        decisionNumber: '16-QĐ/ĐU',
        items: [{ recordId: memberRecord, version: fresh.version, level: 'HTTNV' }],
      })
    ).json();
    expect(check.order[0].problems.join(' ')).toContain('Người đứng đầu');
  });
});
