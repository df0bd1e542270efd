// Issue 9, "no lost updates": two people save the same record at the same moment, many times over. Each
// round both requests carry the version they read; exactly one must win, the other must get a clear
// Vietnamese conflict, and the record must hold the winner's change (never a mix, never both "saved").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFixtures, editableFields } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

const ROUNDS = 20;

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
});
afterAll(async () => t.close());

describe('concurrent edits of one record', () => {
  it('a member edited by two users at once: one wins, one gets a conflict, every round', async () => {
    const a: Session = await loginAs(t.app, 'vanphong');
    const b: Session = await loginAs(t.app, 'admin');
    const id = f.memberInSibling.id;
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const m = (await a.get(`/api/members/${id}`)).json();
      const fields = editableFields(m);
      const [ra, rb] = await Promise.all([
        a.put(`/api/members/${id}`, { ...fields, position: `Chuyên viên A${round}` }),
        b.put(`/api/members/${id}`, { ...fields, position: `Chuyên viên B${round}` }),
      ]);
      const codes = [ra.statusCode, rb.statusCode].sort();
      expect(codes, `${ra.body} | ${rb.body}`).toEqual([200, 409]);
      const loser = ra.statusCode === 409 ? ra : rb;
      expect(loser.json().message).toMatch(/người khác cập nhật/);
      const winner = ra.statusCode === 200 ? 'A' : 'B';
      const now = (await a.get(`/api/members/${id}`)).json();
      expect(now.position).toBe(`Chuyên viên ${winner}${round}`);
      expect(now.version).toBe(m.version + 1);
      outcomes.push(winner);
    }
    expect(outcomes).toHaveLength(ROUNDS);
  });

  it('an inspection case advanced from two sessions at once: one step recorded, one conflict', async () => {
    const a = await loginAs(t.app, 'ubkt');
    const b = await loginAs(t.app, 'ubkt');
    for (let round = 0; round < ROUNDS / 2; round++) {
      const created = await a.post('/api/inspection/cases', {
        orgUnitId: f.upperId,
        body: 'upper_inspection',
        kind: 'supervision_thematic',
        title: `Kiểm tra chuyên đề (thử đồng thời ${round})`,
        decisionNumber: `${900 + round}-QĐ/UBKT`,
        decisionDate: '2026-09-01',
        subjects: [{ kind: 'organisation', orgUnitId: f.committeeId }],
        team: [],
      });
      expect(created.statusCode, created.body).toBe(200);
      const { id, version } = created.json();
      const [ra, rb] = await Promise.all([
        a.post(`/api/inspection/cases/${id}/steps`, {
          step: 'announced',
          stepDate: '2026-09-05',
          note: 'A',
          version,
        }),
        b.post(`/api/inspection/cases/${id}/steps`, {
          step: 'announced',
          stepDate: '2026-09-06',
          note: 'B',
          version,
        }),
      ]);
      expect([ra.statusCode, rb.statusCode].sort(), `${ra.body} | ${rb.body}`).toEqual([200, 409]);
      const loser = ra.statusCode === 409 ? ra : rb;
      expect(loser.json().message).toMatch(/cập nhật|thay đổi/);
      const detail = (await a.get(`/api/inspection/cases/${id}`)).json();
      const announced = detail.file.steps.filter((s: { step: string }) => s.step === 'announced');
      expect(announced).toHaveLength(1);
      expect(announced[0]).toMatchObject(
        ra.statusCode === 200
          ? { stepDate: '2026-09-05', note: 'A' }
          : { stepDate: '2026-09-06', note: 'B' },
      );
      expect(detail.version).toBe(version + 1);
    }
  });

  it('an evaluation record self-assessed and reviewed from two sessions at once: one level recorded, one conflict', async () => {
    const office = await loginAs(t.app, 'coso');
    const opened = await office.post('/api/evaluations/campaigns', {
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
    const a = await loginAs(t.app, 'bithu');
    const b = await loginAs(t.app, 'bithu');
    const records = (
      await a.get(
        `/api/evaluations/records?campaignId=${opened.json().id}&subjectKind=member&pageSize=500`,
      )
    )
      .json()
      .items.filter((r: { orgUnitId: number; status: string }) => r.status === 'pending');
    expect(records.length).toBeGreaterThanOrEqual(ROUNDS / 2);
    // Each round two sessions of the cell secretary enter the member's self-assessment at once, then
    // record the cell's review at once, each carrying the version it read.
    const race = async (
      id: number,
      send: (session: Session, level: string) => Promise<{ statusCode: number; body: string }>,
    ) => {
      const [ra, rb] = await Promise.all([send(a, 'HTTNV'), send(b, 'HTNV')]);
      expect([ra.statusCode, rb.statusCode].sort(), `${ra.body} | ${rb.body}`).toEqual([200, 409]);
      const loser = ra.statusCode === 409 ? ra : rb;
      expect(JSON.parse(loser.body).message).toMatch(/cập nhật|thay đổi/);
      return {
        winner: ra.statusCode === 200 ? 'HTTNV' : 'HTNV',
        detail: (await a.get(`/api/evaluations/records/${id}`)).json(),
      };
    };
    for (const r of records.slice(0, ROUNDS / 2)) {
      const criteria = (await a.get(`/api/evaluations/records/${r.id}`)).json().criteria;
      const scores = Object.fromEntries(
        criteria.groups
          .flatMap((g: { items: { code: string; maxPoints: number }[] }) => g.items)
          .map((i: { code: string; maxPoints: number }) => [i.code, i.maxPoints]),
      );
      const selfAssessed = await race(r.id, (session, level) =>
        session.post(`/api/evaluations/records/${r.id}/self-assessment`, {
          version: r.version,
          assessedOn: '2026-12-05',
          scores,
          tasks: { total: 10, onTime: 10, exceeded: 4, late: 0 },
          proposedLevel: level,
          strengths: 'Hoàn thành tốt nhiệm vụ chuyên môn.',
        }),
      );
      expect(selfAssessed.detail.selfLevel).toBe(selfAssessed.winner);
      expect(selfAssessed.detail.version).toBe(r.version + 1);
      const reviewed = await race(r.id, (session, level) =>
        session.post(`/api/evaluations/records/${r.id}/review`, {
          version: r.version + 1,
          reviewedOn: '2026-12-10',
          level,
          votes: { present: 9, [level]: 9 },
        }),
      );
      expect(reviewed.detail.reviewLevel).toBe(reviewed.winner);
      expect(reviewed.detail.version).toBe(r.version + 2);
      for (const step of ['self_assessment', 'review'])
        expect(reviewed.detail.steps.filter((x: { step: string }) => x.step === step)).toHaveLength(
          1,
        );
    }
  });
});
