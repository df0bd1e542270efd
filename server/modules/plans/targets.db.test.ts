// Targets as docs/domain/targets.md states them: one admission target per unit and year (the plan's,
// read and edited by the recruitment board and read by the annual report), a target binding two
// metrics (met only when both meet the threshold), and the migration that merged the recruitment
// board's own targets into the plan.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combinedStatus } from '../../../domain/rules/plans/target-status';
import { migrationsFolder, queryOne, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { gatherReportData } from '../reports';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
const year = Number(todayIso().slice(0, 4));

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
});
afterAll(async () => t.close());

const board = async (orgUnitId: number, y = year) =>
  (await office.get(`/api/recruitment/targets?orgUnitId=${orgUnitId}&year=${y}`)).json();
const planTarget = async (id: number) =>
  (await office.get(`/api/plans/targets/${id}`)).json().target;

describe('one admission target per unit and year (the plan’s, docs/domain/targets.md)', () => {
  it('shows the same target and count on the recruitment board and in the plan, whichever edits it', async () => {
    // The demo bloc cascaded its admission target to each grassroots organisation.
    const before = (await board(f.committeeId)).unit;
    expect(before.targetId).not.toBeNull();
    const target = await planTarget(before.targetId);
    expect(target.metricCode).toBe('recruitment.admitted');
    expect(before.target).toBe(target.threshold);
    expect(before.admitted).toBe(target.value);

    // "Giao chỉ tiêu" on the board edits the plan's target (and the figure in its title).
    const set = await office.put('/api/recruitment/targets', {
      orgUnitId: f.committeeId,
      year,
      target: before.target + 7,
    });
    expect(set.statusCode, set.body).toBe(200);
    const edited = await planTarget(before.targetId);
    expect(edited).toMatchObject({
      threshold: before.target + 7,
      parentTargetId: target.parentTargetId,
      version: target.version + 1,
    });
    expect(edited.title).toContain(String(before.target + 7));
    expect((await board(f.committeeId)).unit.targetId).toBe(before.targetId);
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log
          where action = 'plans.target.update' and entity_id = ${String(before.targetId)}`,
    );
    expect(audit!.n).toBe(1);

    // Editing the plan's target shows on the board.
    const put = await office.put(`/api/plans/targets/${before.targetId}`, {
      title: edited.title,
      comparator: 'gte',
      threshold: before.target + 2,
      version: edited.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await board(f.committeeId)).unit.target).toBe(before.target + 2);
    expect((await planTarget(before.targetId)).title).toContain(String(before.target + 2));

    // The annual report reads the same target.
    const { report } = await gatherReportData({ db: t.db, unitId: f.committeeId, year });
    expect(report.admissionTarget).toBe(before.target + 2);
  });

  it('creates the plan target from the board where none exists, as a share of the parent’s', async () => {
    const later = year + 2;
    expect((await board(f.committeeId, later)).unit.targetId).toBeNull();
    for (const [orgUnitId, target] of [
      [f.committeeId, 9],
      [f.cellId, 3],
    ])
      expect(
        (await office.put('/api/recruitment/targets', { orgUnitId, year: later, target }))
          .statusCode,
      ).toBe(200);
    const parent = (await board(f.committeeId, later)).unit;
    const cell = (await board(f.cellId, later)).unit;
    const created = await planTarget(cell.targetId);
    expect(created).toMatchObject({
      year: later,
      metricCode: 'recruitment.admitted',
      comparator: 'gte',
      threshold: 3,
      parentTargetId: parent.targetId,
      title: 'Kết nạp 3 đảng viên mới',
    });
    const plan = (
      await office.get(`/api/plans/year?orgUnitId=${f.committeeId}&year=${later}`)
    ).json();
    expect(
      plan.targets.filter((x: { metricCode: string }) => x.metricCode === 'recruitment.admitted'),
    ).toHaveLength(1);
  });
});

describe('a target binding two metrics (dissemination and action programmes)', () => {
  it('shows each metric and is met only when both meet the threshold', async () => {
    const resolution = (await office.get('/api/resolutions?q=57-NQ')).json().items[0];
    const base = {
      orgUnitId: f.upperId,
      year,
      comparator: 'gte',
      threshold: 100,
      resolutionId: resolution.id,
    };
    const single = async (metricCode: string) => {
      const res = await office.post('/api/plans/targets', { ...base, title: 'Thử', metricCode });
      expect(res.statusCode, res.body).toBe(200);
      return planTarget(res.json().id);
    };
    const disseminated = await single('resolutions.cells_disseminated');
    const programmes = await single('resolutions.action_programmes');
    const res = await office.post('/api/plans/targets', {
      ...base,
      title: 'Chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng chương trình hành động',
      metricCode: 'resolutions.cells_disseminated',
      additionalMetricCodes: ['resolutions.action_programmes'],
    });
    expect(res.statusCode, res.body).toBe(200);
    const both = await planTarget(res.json().id);
    expect(both.metrics.map((m: { value: number | null }) => m.value)).toEqual([
      disseminated.value,
      programmes.value,
    ]);
    expect(both.value).toBe(Math.min(disseminated.value, programmes.value));
    expect(both.status).toBe(combinedStatus([disseminated.status, programmes.status]));
    expect(both.progress).toContain('Chi bộ, đảng bộ cơ sở tổ chức học tập, quán triệt');
    expect(both.progress).toContain('chương trình hành động');
    const detail = (await office.get(`/api/plans/targets/${res.json().id}`)).json();
    expect(detail.recordsByMetric).toHaveLength(2);
    expect(detail.history.at(-1).values).toEqual([disseminated.value, programmes.value]);

    // Unbinding the second metric leaves the dissemination alone.
    const put = await office.put(`/api/plans/targets/${res.json().id}`, {
      title: both.title,
      comparator: 'gte',
      threshold: 100,
      additionalMetricCodes: [],
      version: both.version,
    });
    expect(put.statusCode, put.body).toBe(200);
    const after = await planTarget(res.json().id);
    expect(after.metrics).toHaveLength(1);
    expect(after.status).toBe(disseminated.status);
  });

  it('refuses a second metric measured differently, or bound twice, with a Vietnamese message', async () => {
    const base = {
      orgUnitId: f.upperId,
      year,
      title: 'Thử',
      metricCode: 'evaluation.members_good_or_better',
      comparator: 'gte',
      threshold: 90,
    };
    const count = await office.post('/api/plans/targets', {
      ...base,
      additionalMetricCodes: ['recruitment.admitted'],
    });
    expect(count.statusCode).toBe(400);
    expect(count.json().fields[0]).toMatchObject({ path: 'additionalMetricCodes.0' });
    expect(count.json().fields[0].message).toContain('không cùng đơn vị');
    const twice = await office.post('/api/plans/targets', {
      ...base,
      additionalMetricCodes: ['evaluation.members_good_or_better'],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0].message).toContain('một lần');
  });
});

describe('the migration that merged the recruitment board’s targets into the plan', () => {
  it('keeps the plan’s figure and notes a different one; moves the others, as shares where the parent has one', async () => {
    const file = readFileSync(
      path.join(migrationsFolder, '0020_merge_admission_targets.sql'),
      'utf8',
    );
    const later = year + 3;
    const [upperTarget] = await queryRows<{ id: number }>(
      t.db,
      sql`insert into plan_targets (org_unit_id, year, title, metric_code, comparator, threshold)
          values (${f.upperId}, ${later}, 'Kết nạp 300 đảng viên mới', 'recruitment.admitted', 'gte', 300)
          returning id`,
    );
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`create table admission_targets (id integer generated always as identity,
        org_unit_id integer not null, year integer not null, target integer not null,
        updated_by integer, updated_at timestamptz not null default now())`);
      await tx.execute(sql`insert into admission_targets (org_unit_id, year, target) values
        (${f.upperId}, ${later}, 240), (${f.committeeId}, ${later}, 1200)`);
      for (const statement of file.split('--> statement-breakpoint'))
        await tx.execute(sql.raw(statement));
      await tx.execute(sql`drop table admission_targets`);
    });
    const rows = await queryRows<{
      id: number;
      org_unit_id: number;
      threshold: number;
      title: string;
      note: string | null;
      parent_target_id: number | null;
    }>(
      t.db,
      sql`select id, org_unit_id, threshold, title, note, parent_target_id from plan_targets
          where year = ${later} and metric_code = 'recruitment.admitted' order by id`,
    );
    expect(rows).toHaveLength(2);
    const [kept, moved] = rows;
    expect(kept).toMatchObject({ id: upperTarget.id, threshold: 300 });
    expect(kept.note).toContain('ghi 240 đảng viên');
    expect(moved).toMatchObject({
      org_unit_id: f.committeeId,
      threshold: 1200,
      title: 'Kết nạp 1.200 đảng viên mới',
      parent_target_id: upperTarget.id,
    });
  });
});
