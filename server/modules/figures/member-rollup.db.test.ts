// The maintained subtree totals must equal a scan of the members, after any sequence of changes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client';
import { editableFields } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import {
  readOrgMemberCounts,
  rebuildOrgMemberCounts,
  scanAllOrgMemberCounts,
  scanOrgMemberCounts,
} from './member-rollup';

let t: Awaited<ReturnType<typeof openTestApp>>;
let office: Session;
let unitIds: number[];
let cellIds: number[];

beforeAll(async () => {
  t = await openTestApp('demo');
  office = await loginAs(t.app, 'vanphong');
  unitIds = (
    await queryRows<{ id: number }>(
      t.db,
      sql`select id from org_units where dissolved_on is null order by id`,
    )
  ).map((r) => r.id);
  cellIds = (
    await queryRows<{ id: number }>(
      t.db,
      sql`select id from org_units where kind in ('cell','grassroots_cell') and dissolved_on is null order by id`,
    )
  ).map((r) => r.id);
});
afterAll(async () => t.close());

const kinds = ['exempted', 'moved', 'transferred_out', 'died', 'suspended'] as const;

describe('maintained member totals', () => {
  it('equal the scan for the seeded bloc on every unit', async () => {
    const scanned = await scanAllOrgMemberCounts(t.db);
    for (const id of unitIds) {
      expect(await readOrgMemberCounts(t.db, id), `unit ${id}`).toEqual(scanned.get(id) ?? []);
    }
  });

  it('stay equal to the scan on random subtrees after random events and edits', async () => {
    const members = (
      await queryRows<{ id: number }>(
        t.db,
        sql`select id from members where status = 'full' order by id`,
      )
    ).map((r) => r.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            member: fc.nat(members.length - 1),
            kind: fc.constantFrom(...kinds),
            cell: fc.nat(cellIds.length - 1),
            sex: fc.constantFrom('male', 'female'),
            birthYear: fc.integer({ min: 1960, max: 2000 }),
          }),
          { minLength: 5, maxLength: 15 },
        ),
        fc.array(fc.nat(unitIds.length - 1), { minLength: 3, maxLength: 6 }),
        async (changes, probes) => {
          for (const c of changes) {
            const id = members[c.member];
            const m = (await office.get(`/api/members/${id}`)).json();
            if (c.member % 3 === 0) {
              const fields = editableFields(m);
              await office.put(`/api/members/${id}`, {
                ...fields,
                sex: c.sex,
                birthDate: `${c.birthYear}-06-15`,
              });
            } else {
              // Some of these are refused by the rules (e.g. moving a dead member): totals must not move then.
              await office.post(`/api/members/${id}/events`, {
                kind: c.kind,
                eventDate: '2026-10-01',
                orgUnitId: c.kind === 'moved' ? cellIds[c.cell] : undefined,
                version: m.version,
              });
            }
          }
          for (const p of probes) {
            const id = unitIds[p];
            expect(await readOrgMemberCounts(t.db, id)).toEqual(
              await scanOrgMemberCounts(t.db, id),
            );
          }
        },
      ),
      { numRuns: 8, seed: 20261125 },
    );
  });

  it('rebuild from scratch gives the same totals as the maintained ones', async () => {
    const before = await queryRows(
      t.db,
      sql`select * from org_member_counts where count <> 0 order by 1, 2, 3`,
    );
    await t.db.transaction((tx) => rebuildOrgMemberCounts(tx));
    const after = await queryRows(
      t.db,
      sql`select * from org_member_counts where count <> 0 order by 1, 2, 3`,
    );
    expect(after).toEqual(before);
  });
});
