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
});
