// Terms, the year's plan of a unit (targets with live values, key tasks, what it handed down), the
// metric catalogue and the records behind any figure.

import type {
  TMetricRecords,
  TTerm,
  TTermInput,
  TTermUpdate,
  TYearPlan,
} from '../../../contracts/plans';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { planTerms } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { conflict, invalidField } from '../../platform/errors';
import { metricAreaLabels } from '../figures';
import { countAssignedTasks } from './assigned-tasks.queries';
import { summariseTasks } from './key-tasks.service';
import {
  computeMetric,
  findMetric,
  type MetricBatches,
  metricCatalogue,
} from './metrics/catalogue';
import {
  getTermInScope,
  type TaskRow,
  taskSelect,
  termFor,
  termsOf,
  toKeyTask,
} from './plans.queries';
import { placeRecords } from './record-places.queries';
import { asOfFor, listTargetRows, viewTarget } from './targets.service';

export const listMetrics = () => ({
  items: metricCatalogue.map((m) => ({
    code: m.code,
    label: m.label,
    description: m.description,
    unit: m.unit,
    area: m.area ?? 'members',
    areaLabel: metricAreaLabels[m.area ?? 'members'],
    perResolution: m.perResolution ?? false,
  })),
});

export const listTerms = async ({
  db,
  actor,
  orgUnitId,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
}): Promise<{ items: TTerm[] }> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  return { items: await termsOf(db, unit.path) };
};

export const createTerm = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TTermInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId);
    const overlap = await queryOne<{ name: string }>(
      tx,
      sql`select name from plan_terms where org_unit_id = ${unit.id}
          and from_year < ${input.toYear} and to_year > ${input.fromYear}`,
    );
    if (overlap)
      throw invalidField('fromYear', `Trùng thời gian với ${overlap.name} của ${unit.name}.`);
    const [row] = await tx
      .insert(planTerms)
      .values({
        orgUnitId: unit.id,
        name: input.name,
        fromYear: input.fromYear,
        toYear: input.toYear,
        congressResolution: input.congressResolution ?? null,
        congressDate: input.congressDate ?? null,
        note: input.note ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'plans.term.create',
      entityType: 'plan_term',
      entityId: row.id,
      orgUnitId: unit.id,
      after: row,
    });
    return { id: row.id };
  });

/**
 * The term a congress's resolution opens (docs/domain/congresses.md, "Resolution and term"): inside
 * the caller's transaction, the unit's term with the same years gets the resolution and the congress
 * date; without one, the term is created. A term of other years overlapping them is refused, so the
 * plan never holds two terms for one year. Returns the term's id.
 */
export const openCongressTerm = async (
  tx: DbOrTx,
  actor: Actor,
  input: {
    orgUnitId: number;
    name: string;
    fromYear: number;
    toYear: number;
    congressResolution: string;
    congressDate: string | null;
  },
): Promise<number> => {
  const unit = await getUnitInScope(tx, actor, input.orgUnitId);
  const same = await queryOne<{
    id: number;
    congress_resolution: string | null;
    congress_date: string | null;
  }>(
    tx,
    sql`select id, congress_resolution, congress_date from plan_terms
        where org_unit_id = ${unit.id} and from_year = ${input.fromYear} and to_year = ${input.toYear}
        for update`,
  );
  if (same) {
    await tx.execute(sql`update plan_terms set congress_resolution = ${input.congressResolution},
      congress_date = ${input.congressDate}, version = version + 1 where id = ${same.id}`);
    await writeAudit(tx, {
      actor,
      action: 'plans.term.update',
      entityType: 'plan_term',
      entityId: same.id,
      orgUnitId: unit.id,
      before: same,
      after: { congressResolution: input.congressResolution, congressDate: input.congressDate },
    });
    return same.id;
  }
  const overlap = await queryOne<{ name: string }>(
    tx,
    sql`select name from plan_terms where org_unit_id = ${unit.id}
        and from_year < ${input.toYear} and to_year > ${input.fromYear}`,
  );
  if (overlap)
    throw invalidField(
      'kind',
      `${unit.name} đã có ${overlap.name} trùng thời gian với nhiệm kỳ ${input.fromYear}–${input.toYear}: hãy sửa nhiệm kỳ trong kế hoạch trước.`,
    );
  const [row] = await tx
    .insert(planTerms)
    .values({
      orgUnitId: unit.id,
      name: input.name,
      fromYear: input.fromYear,
      toYear: input.toYear,
      congressResolution: input.congressResolution,
      congressDate: input.congressDate,
      createdBy: actor.userId,
    })
    .returning();
  await writeAudit(tx, {
    actor,
    action: 'plans.term.create',
    entityType: 'plan_term',
    entityId: row.id,
    orgUnitId: unit.id,
    after: row,
  });
  return row.id;
};

/**
 * Edit a term: name, years, congress resolution and date. The years may not overlap another term of
 * the unit, nor leave out a year that already has targets or key tasks filed under the term.
 */
export const updateTerm = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TTermUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getTermInScope(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    const overlap = await queryOne<{ name: string }>(
      tx,
      sql`select name from plan_terms where org_unit_id = ${before.org_unit_id} and id <> ${id}
          and from_year < ${input.toYear} and to_year > ${input.fromYear}`,
    );
    if (overlap)
      throw invalidField(
        'fromYear',
        `Trùng thời gian với ${overlap.name} của ${before.org_unit_name}.`,
      );
    const stranded = await queryOne<{ year: number }>(
      tx,
      sql`select year from (
            select year from plan_targets where term_id = ${id} and year is not null
            union all select year from key_tasks where term_id = ${id}
          ) x where year < ${input.fromYear} or year > ${input.toYear} order by year limit 1`,
    );
    if (stranded)
      throw invalidField(
        stranded.year < input.fromYear ? 'fromYear' : 'toYear',
        `Nhiệm kỳ đã có chỉ tiêu, nhiệm vụ năm ${stranded.year}: khoảng năm phải bao gồm năm đó.`,
      );
    await tx.execute(sql`update plan_terms set name = ${input.name}, from_year = ${input.fromYear},
      to_year = ${input.toYear}, congress_resolution = ${input.congressResolution ?? null},
      congress_date = ${input.congressDate ?? null}, note = ${input.note ?? null},
      version = version + 1 where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'plans.term.update',
      entityType: 'plan_term',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: input,
    });
    return { id, version: before.version + 1 };
  });

/**
 * Key tasks of a unit's plan for a year, by deadline. The caller has checked the unit is in the
 * actor's scope, so every task of its plan is (`taskInScope`: the plan's unit or the owner's).
 */
const unitTaskRows = async (db: Db, orgUnitId: number, year: number) =>
  queryRows<TaskRow>(
    db,
    sql`${taskSelect} where k.org_unit_id = ${orgUnitId} and k.year = ${year}
        order by k.deadline, k.id`,
  );

export const getYearPlan = async ({
  db,
  actor,
  orgUnitId,
  year,
  asOf: asked,
  assigned: assignedMode = 'list',
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year: number;
  asOf?: string;
  /** `count`: leave the list of tasks handed down out (the page reads it paged). */
  assigned?: 'list' | 'count';
}): Promise<TYearPlan> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const asOf = asOfFor(`${year}-12-31`, asked);
  const term = await termFor(db, unit.path, year);
  // Independent reads: on PostgreSQL they run side by side on the pool; the targets of the term and
  // of the year share the batched fact reads.
  const batches: MetricBatches = new Map();
  const viewAll = async (rows: Promise<Parameters<typeof viewTarget>[1][]>) =>
    Promise.all((await rows).map((r) => viewTarget(db, r, asOf, batches)));
  const [termTargets, targets, taskRows, assigned, assignedTaskCount] = await Promise.all([
    term && term.orgUnitId === unit.id
      ? viewAll(listTargetRows(db, unit.id, { termId: term.id }))
      : [],
    viewAll(listTargetRows(db, unit.id, { year })),
    unitTaskRows(db, unit.id, year),
    assignedMode === 'count'
      ? []
      : queryRows<TaskRow>(
          db,
          sql`${taskSelect} where k.assigned_by_org_unit_id = ${unit.id} and k.year = ${year}
                and ${inScope(actor, sql`o.path`)}
              order by o.name collate vi, k.deadline, k.id`,
        ),
    countAssignedTasks(db, actor, unit.id, year),
  ]);
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    year,
    asOf,
    canWrite: can(actor, 'plans.write'),
    canRecordResults: can(actor, 'plans.result'),
    term,
    termTargets,
    targets,
    tasks: taskRows.map((r) => toKeyTask(r, asOf)),
    taskSummary: summariseTasks(taskRows, asOf),
    assignedTasks: assigned.map((r) => toKeyTask(r, asOf)),
    assignedTaskCount,
  };
};

/** The records behind a figure: any metric, for a unit in scope, a year (or years) and a date. */
export const getMetricRecords = async ({
  db,
  actor,
  code,
  orgUnitId,
  year,
  toYear,
  asOf: asked,
}: {
  db: Db;
  actor: Actor;
  code: string;
  orgUnitId?: number;
  year: number;
  toYear?: number;
  asOf?: string;
}): Promise<TMetricRecords> => {
  const metric = findMetric(code);
  if (!metric) throw invalidField('code', 'Chỉ số không có trong danh mục.');
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const from = `${year}-01-01`;
  const to = `${toYear ?? year}-12-31`;
  const asOf = asOfFor(to, asked);
  const v = await computeMetric({ db, code, scope: { unitId: unit.id, from, to, asOf } });
  return {
    code,
    label: metric.label,
    description: metric.description,
    unit: metric.unit,
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    from,
    to,
    asOf,
    status: v.status,
    value: v.status === 'ok' ? v.value : null,
    numerator: v.status === 'ok' ? (v.numerator ?? null) : null,
    denominator: v.status === 'ok' ? (v.denominator ?? null) : null,
    reason: v.status === 'unavailable' ? v.reason : null,
    records: v.status === 'ok' ? await placeRecords(db, unit.path, v.records) : [],
  };
};
