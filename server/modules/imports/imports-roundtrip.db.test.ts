// Export → import round trip: an office exports a real subtree of the demo bloc (members with every
// status, applicants, events), and a fresh installation with the same organisation tree imports the
// three files. Field by field, nothing is lost: identity, dates, cells, party dates, the whole event
// history with its details, the derived status and periods, and the maintained totals. Importing
// the same files again writes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberStatuses } from '../../../domain/enums/members';
import { buildApp } from '../../app';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import { users } from '../../db/schema/index';
import { hashPassword } from '../../platform/auth/password';
import { seedEmpty } from '../../seed/load-demo';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from '../../test/constants';
import { commit, preview, upload } from '../../test/import-api';
import {
  loginAs,
  openTestApp,
  openTestDatabase,
  type Session,
  TEST_COOKIE_SECRET,
} from '../../test/test-db';
import { readOrgMemberCounts, scanOrgMemberCounts } from '../figures';

const SUBTREE = 'Đảng bộ Sở Y tế';

let source: Awaited<ReturnType<typeof openTestApp>>;
let target: { db: Db; app: Awaited<ReturnType<typeof buildApp>>; close: () => Promise<void> };
let office: Session;
let admin: Session;
let sourceUnitId: number;
let targetUnitId: number;
const files: Record<'members' | 'applicants' | 'events', Buffer> = {} as never;

/** A fresh installation: the province root and its administrator only (DANGVU_SEED=none). */
const openFreshInstallation = async () => {
  const database = await openTestDatabase('empty');
  await seedEmpty(database.db);
  await database.db
    .update(users)
    .set({
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: false,
      totpSecret: TEST_TOTP_SECRET,
      totpEnabled: true,
    })
    .where(eq(users.username, 'admin'));
  const app = await buildApp({ database, cookieSecret: TEST_COOKIE_SECRET, serveWeb: false });
  return {
    db: database.db,
    app,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};

const download = async (s: Session, url: string) => {
  const res = await s.get(url);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
};

/** Upload, preview with the proposed mapping, commit; the preview must find nothing to fix. */
const importFile = async (s: Session, kind: string, name: string, content: Buffer) => {
  const up = await upload(s, kind, name, content);
  expect(up.error).toBeNull();
  const job = up.result as { id: number; mapping: Record<string, number | null> };
  const p = await preview(s, job.id, job.mapping);
  expect(p.error).toBeNull();
  const errors = (await s.get(`/api/imports/${job.id}/rows?filter=errors&pageSize=20`)).json();
  expect(errors.items.map((r: { errors: string[] }) => r.errors)).toEqual([]);
  const done = await commit(s, job.id);
  expect(done.error).toBeNull();
  return { job, preview: p.result as { summary: Record<string, number> }, result: done.result };
};

beforeAll(async () => {
  source = await openTestApp('demo');
  office = await loginAs(source.app, 'vanphong');
  sourceUnitId = (await queryOne<{ id: number }>(
    source.db,
    sql`select id from org_units where name = ${SUBTREE}`,
  ))!.id;
  target = await openFreshInstallation();
  admin = await loginAs(target.app, 'admin');
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

// Everything a person's record is compared by, with cells by name (ids differ between installations).
const memberState = (db: Db, unitId: number) =>
  queryRows<Record<string, unknown>>(
    db,
    sql`select m.full_name, m.sex, m.birth_date, m.ethnicity, m.religion, m.citizen_id,
          m.birth_place, m.home_town, m.position, m.occupation, m.workplace, m.phone,
          m.professional_level, m.political_theory, m.card_number,
          o.name as cell, m.status, m.standing, m.admitted_on, m.recognised_on, m.party_age_from,
          m.temporarily_away,
          (select json_agg(json_build_array(e.kind, e.event_date, eo.name, e.external_org, e.standing,
                     e.original_admitted_on, e.original_recognised_on, e.decision_number,
                     e.letter_number, e.letter_date, e.note) order by e.event_date, e.id)
             from member_events e left join org_units eo on eo.id = e.org_unit_id
             where e.member_id = m.id) as events,
          (select json_agg(json_build_array(p.valid_from, p.valid_to, po.name, p.status, p.standing)
                     order by p.valid_from)
             from member_periods p join org_units po on po.id = p.org_unit_id
             where p.member_id = m.id) as periods
        from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${unitId})
        order by m.full_name, m.birth_date, m.citizen_id`,
  );

const applicantState = (db: Db, unitId: number) =>
  queryRows<Record<string, unknown>>(
    db,
    sql`select a.full_name, a.sex, a.birth_date, a.citizen_id, a.ethnicity, a.religion,
          o.name as cell, a.general_education, a.workplace, a.position, a.phone, a.source,
          a.mentor_name
        from applicants a join org_units o on o.id = a.org_unit_id
        where o.path <@ (select path from org_units where id = ${unitId})
          and a.status = 'in_progress'
        order by a.full_name, a.birth_date`,
  );

describe('export → import round trip into a fresh installation', () => {
  it('exports the members (every status), applicants and events of a subtree', async () => {
    const purpose = encodeURIComponent('Chuyển dữ liệu sang hệ thống mới');
    const statuses = memberStatuses.join(',');
    files.members = await download(
      office,
      `/api/members/export.xlsx?orgUnitId=${sourceUnitId}&status=${statuses}&purpose=${purpose}`,
    );
    files.applicants = await download(
      office,
      `/api/imports/export/applicants.xlsx?orgUnitId=${sourceUnitId}&purpose=${purpose}`,
    );
    files.events = await download(
      office,
      `/api/imports/export/events.xlsx?orgUnitId=${sourceUnitId}&purpose=${purpose}`,
    );
    for (const f of Object.values(files)) expect(f.subarray(0, 2).toString()).toBe('PK');
  });

  it('recreates the same organisation tree in the new installation', async () => {
    const units = await queryRows<{ name: string; kind: string; parent: string | null }>(
      source.db,
      sql`select o.name, o.kind, p.name as parent from org_units o
          left join org_units p on p.id = o.parent_id
          where o.path <@ (select path from org_units where id = ${sourceUnitId})
            and o.dissolved_on is null
          order by o.path`,
    );
    const root = (await queryOne<{ id: number }>(
      target.db,
      sql`select id from org_units where parent_id is null`,
    ))!;
    const ids = new Map<string, number>();
    for (const u of units) {
      const res = await admin.post('/api/org-units/operations', {
        kind: 'establish',
        parentId: u.parent && ids.has(u.parent) ? ids.get(u.parent) : root.id,
        unitKind: u.kind,
        name: u.name,
        effectiveDate: '2025-02-01',
        decisionNumber: '1-QĐ/ĐU',
      });
      expect(res.statusCode, res.body).toBe(200);
      ids.set(u.name, res.json().affectedUnitIds[0]);
    }
    targetUnitId = ids.get(SUBTREE)!;
    expect(targetUnitId).toBeGreaterThan(0);
  });

  it('imports the three files without an error or a duplicate', async () => {
    const m = await importFile(admin, 'members', 'dang-vien.xlsx', files.members);
    expect(m.preview.summary.duplicates).toBe(0);
    const a = await importFile(admin, 'applicants', 'quan-chung.xlsx', files.applicants);
    expect(a.preview.summary.duplicates).toBe(0);
    await importFile(admin, 'events', 'bien-dong.xlsx', files.events);
  });

  it('loses nothing: every member with its events and periods, every applicant', async () => {
    const before = await memberState(source.db, sourceUnitId);
    const after = await memberState(target.db, targetUnitId);
    // Members who moved, came by transfer, were exempted or left are all among them.
    expect(before.length).toBeGreaterThan(150);
    const kinds = new Set(before.flatMap((m) => (m.events as unknown[][]).map((e) => e[0])));
    for (const k of ['transferred_in', 'moved', 'exempted', 'transferred_out', 'removed'])
      expect(kinds).toContain(k);
    expect(after.length).toBe(before.length);
    for (let i = 0; i < before.length; i++) expect(after[i]).toEqual(before[i]);
    const applicants = await applicantState(source.db, sourceUnitId);
    expect(applicants.length).toBeGreaterThan(0);
    expect(await applicantState(target.db, targetUnitId)).toEqual(applicants);
  });

  it('keeps the maintained totals equal to the source and to a scan', async () => {
    expect(await readOrgMemberCounts(target.db, targetUnitId)).toEqual(
      await readOrgMemberCounts(source.db, sourceUnitId),
    );
    expect(await readOrgMemberCounts(target.db, targetUnitId)).toEqual(
      await scanOrgMemberCounts(target.db, targetUnitId),
    );
  });

  it('writes nothing when the same files are imported again', async () => {
    const count = async () =>
      (await queryOne<{ m: number; e: number; a: number }>(
        target.db,
        sql`select (select count(*) from members)::int as m, (select count(*) from member_events)::int as e,
              (select count(*) from applicants)::int as a`,
      ))!;
    const before = await count();
    for (const kind of ['members', 'applicants', 'events'] as const) {
      const up = await upload(admin, kind, `${kind}-lan-2.xlsx`, files[kind]);
      const job = up.result as { id: number; mapping: Record<string, number | null> };
      await preview(admin, job.id, job.mapping);
      const again = await commit(admin, job.id);
      expect(again.result).toMatchObject({ created: 0 });
    }
    expect(await count()).toEqual(before);
  });
});
