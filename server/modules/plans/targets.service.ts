// Numeric targets (chỉ tiêu) bound to a metric: create, update, cascade to lower units, and the view
// of each with its live value, status (domain/rules/plans/target-status.ts; README.md), progress
// phrase ("vượt 15,8% chỉ tiêu"), history at month ends and the records behind the value.
import type {
  TCascadeInput,
  TTargetDetail,
  TTargetInput,
  TTargetUpdate,
  TTargetView,
} from '../../../contracts/plans';
import { addDays, addMonths } from '../../../domain/calendar/date-math';
import {
  bindingValue,
  combinedStatus,
  comparatorSymbols,
  elapsedShare,
  type TargetStatus,
  targetStatus,
  targetStatusLabels,
} from '../../../domain/rules/plans/target-status';
import { targetProgress } from '../../../domain/rules/targets/progress';
import { formatNumber } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { planTargets } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, conflict, invalidField } from '../../platform/errors';
import type { MetricDefinition } from '../figures';
import {
  computeMetric,
  computeMetricValue,
  findMetric,
  type MetricBatches,
} from './metrics/catalogue';
import { findTermAbove, getTargetInScope, type TargetRow, targetSelect } from './plans.queries';

/** The period a target measures: its year, or for a term target the whole term. */
export const targetPeriod = (r: Pick<TargetRow, 'year' | 'term_from' | 'term_to'>) =>
  r.year !== null
    ? { from: `${r.year}-01-01`, to: `${r.year}-12-31` }
    : { from: `${r.term_from}-01-01`, to: `${r.term_to}-12-31` };

/** asOf asked for, else today, never after the period's end. */
export const asOfFor = (to: string, asked?: string) => {
  const date = asked ?? todayIso();
  return date > to ? to : date;
};

const isAccumulating = (m: MetricDefinition) => m.kind !== 'snapshot' && m.unit !== 'percent';

const formatValue = (m: MetricDefinition, v: number) =>
  m.unit === 'percent' ? `${formatNumber(v, Number.isInteger(v) ? 0 : 1)}%` : formatNumber(v);

const progressPhrase = (
  m: MetricDefinition,
  r: TargetRow,
  value: number | null,
  reason: string | null,
) => {
  if (value === null) return reason ?? 'Chưa có số liệu';
  const threshold = Number(r.threshold);
  const target = `${comparatorSymbols[r.comparator]} ${formatValue(m, threshold)}`;
  if (m.unit === 'percent' || r.comparator !== 'gte')
    return `${formatValue(m, value)} (chỉ tiêu ${target})`;
  return `${formatValue(m, value)}/${formatValue(m, threshold)} – ${targetProgress(value, threshold).phrase}`;
};

/** The metrics a target binds: its metric, then the further ones (docs/domain/targets.md). */
export const boundCodes = (r: Pick<TargetRow, 'metric_code' | 'additional_metric_codes'>) => [
  r.metric_code,
  ...(r.additional_metric_codes ?? []),
];

/**
 * "100% – 87,5% (chỉ tiêu ≥ 100%)" for one metric as before; for several, each metric by its label:
 * "Quán triệt: 100%; Xây dựng chương trình hành động: 87,5% (chỉ tiêu ≥ 100%)".
 */
const multiProgress = (
  r: TargetRow,
  parts: { metric: MetricDefinition | undefined; value: number | null; reason: string | null }[],
) => {
  const unitOf = parts[0]?.metric;
  const threshold = Number(r.threshold);
  const each = parts.map(({ metric, value, reason }) => {
    const label = metric?.label ?? 'Chỉ số không còn trong danh mục';
    if (!metric || value === null) return `${label}: ${reason ?? 'chưa có số liệu'}`;
    return `${label}: ${formatValue(metric, value)}`;
  });
  const target = unitOf
    ? `${comparatorSymbols[r.comparator]} ${formatValue(unitOf, threshold)}`
    : String(threshold);
  return `${each.join('; ')} (chỉ tiêu ${target})`;
};

/**
 * A target with its live value and status at `asOf` (the value only: no records). `batches` shares
 * the batched reads among the targets and figures of one page (`computeMetricValue`). A target
 * bound to several metrics is met only when each meets the threshold: its status is the worst
 * metric's, its value the deciding metric's (`combinedStatus`, `bindingValue`).
 */
export const viewTarget = async (
  db: DbOrTx,
  r: TargetRow,
  askedAsOf?: string,
  batches?: MetricBatches,
): Promise<TTargetView> => {
  const { from, to } = targetPeriod(r);
  const asOf = asOfFor(to, askedAsOf);
  const threshold = Number(r.threshold);
  const parts = await Promise.all(
    boundCodes(r).map(async (code) => {
      const metric = findMetric(code);
      const result = metric
        ? await computeMetricValue(
            db,
            metric,
            { unitId: r.org_unit_id, from, to, asOf, resolutionId: r.resolution_id ?? undefined },
            batches,
          )
        : ({
            status: 'unavailable',
            reason: `Chỉ số "${code}" không còn trong danh mục.`,
          } as const);
      const value = result.status === 'ok' ? result.value : null;
      const reason = result.status === 'unavailable' ? result.reason : null;
      const status: TargetStatus = targetStatus({
        comparator: r.comparator,
        threshold,
        value,
        from,
        to,
        asOf,
        accumulating: metric ? isAccumulating(metric) : false,
      });
      return { code, metric, value, reason, status };
    }),
  );
  const [first] = parts;
  const metric = first.metric;
  const single = parts.length === 1;
  const value = single
    ? first.value
    : bindingValue(
        r.comparator,
        threshold,
        parts.map((p) => p.value),
      );
  const reason = single ? first.reason : (parts.find((p) => p.value === null)?.reason ?? null);
  const accumulating = parts.every((p) => p.metric && isAccumulating(p.metric));
  const status = combinedStatus(parts.map((p) => p.status));
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    year: r.year,
    termId: r.term_id,
    parentTargetId: r.parent_target_id,
    title: r.title,
    metricCode: r.metric_code,
    metricLabel: metric?.label ?? r.metric_code,
    metricUnit: metric?.unit ?? 'count',
    additionalMetricCodes: r.additional_metric_codes ?? [],
    metrics: parts.map((p) => ({
      code: p.code,
      label: p.metric?.label ?? p.code,
      value: p.value,
      unavailableReason: p.reason,
      status: p.status,
      statusLabel: targetStatusLabels[p.status],
    })),
    resolutionId: r.resolution_id,
    resolutionLabel: r.resolution_label,
    comparator: r.comparator,
    threshold,
    baseline: r.baseline === null ? null : Number(r.baseline),
    note: r.note,
    from,
    to,
    asOf,
    value,
    unavailableReason: reason,
    expected:
      accumulating && asOf < to
        ? Math.round(threshold * elapsedShare(from, to, asOf) * 10) / 10
        : null,
    status,
    statusLabel: targetStatusLabels[status],
    progress: !single
      ? multiProgress(r, parts)
      : metric
        ? progressPhrase(metric, r, value, reason)
        : (reason ?? ''),
    childCount: Number(r.child_count),
    childThresholdSum: r.child_sum === null ? null : Number(r.child_sum),
    version: r.version,
  };
};

/** Targets of a unit for a year (yearly) or a term (term targets), in creation order. */
export const listTargetRows = async (
  db: DbOrTx,
  orgUnitId: number,
  filter: { year: number } | { termId: number },
) =>
  queryRows<TargetRow>(
    db,
    sql`${targetSelect} where g.org_unit_id = ${orgUnitId}
        and ${'year' in filter ? sql`g.year = ${filter.year}` : sql`g.year is null and g.term_id = ${filter.termId}`}
        order by g.id`,
  );

const checkMetric = (code: string, threshold: number) => {
  const metric = findMetric(code);
  if (!metric) throw invalidField('metricCode', 'Chỉ số không có trong danh mục.');
  if (metric.unit === 'percent' && threshold > 100)
    throw invalidField('threshold', 'Chỉ tiêu tỷ lệ không vượt quá 100%.');
  return metric;
};

/**
 * The further metrics of a target: each in the catalogue, none twice nor the target's own metric, and
 * measured like it (all counts or all percentages): one threshold applies to every one.
 */
const checkAdditionalMetrics = (primary: MetricDefinition, codes: readonly string[]) =>
  codes.map((code, i) => {
    const metric = findMetric(code);
    const path = `additionalMetricCodes.${i}`;
    if (!metric) throw invalidField(path, 'Chỉ số không có trong danh mục.');
    if (code === primary.code || codes.indexOf(code) !== i)
      throw invalidField(path, 'Mỗi chỉ số chỉ gắn một lần vào chỉ tiêu.');
    if (metric.unit !== primary.unit)
      throw invalidField(
        path,
        `"${metric.label}" không cùng đơn vị với "${primary.label}": một mức chỉ tiêu áp cho mọi chỉ số.`,
      );
    return metric;
  });

/**
 * The resolution of a per-resolution metric: required, and one the unit studies (registered by the
 * unit or an ancestor) or one registered within its subtree — both are visible to whoever sees the
 * unit. Other metrics carry no resolution.
 */
const checkResolution = async (
  tx: DbOrTx,
  metrics: readonly MetricDefinition[],
  unitPath: string,
  resolutionId: number | null | undefined,
): Promise<number | null> => {
  if (!metrics.some((m) => m.perResolution)) return null;
  if (resolutionId == null)
    throw invalidField(
      'resolutionId',
      'Chỉ số này tính theo từng nghị quyết: cần chọn nghị quyết, chỉ thị.',
    );
  const row = await queryOne<{ id: number }>(
    tx,
    sql`select r.id from resolutions r join org_units ow on ow.id = r.owner_unit_id
        where r.id = ${resolutionId}
          and (ow.path @> ${unitPath}::ltree or ow.path <@ ${unitPath}::ltree)`,
  );
  if (!row)
    throw invalidField(
      'resolutionId',
      'Nghị quyết không có trong sổ nghị quyết của tổ chức này, cấp trên hoặc cấp dưới của nó.',
    );
  return row.id;
};

export const ADMISSION_METRIC = 'recruitment.admitted';

/** The unit's admission target for the year (the first one, should two have been entered). */
export const admissionTargetSql = (unitId: ReturnType<typeof sql> | number, year: number) =>
  sql`select x.id, x.threshold, x.title, x.version from plan_targets x
      where x.org_unit_id = ${unitId} and x.year = ${year} and x.metric_code = ${ADMISSION_METRIC}
        and x.comparator <> 'lte' order by x.id limit 1`;

/** A yearly admission target (≥ or =): the one target of its unit and year (docs/domain/targets.md). */
const isAdmissionTarget = (t: { metric_code: string; year: number | null; comparator: string }) =>
  t.metric_code === ADMISSION_METRIC && t.year !== null && t.comparator !== 'lte';

/** A unit has one admission target a year: a second is refused, pointing to the first. */
const checkOneAdmissionTarget = async (
  tx: DbOrTx,
  unit: { id: number; name: string },
  input: Pick<TTargetInput, 'metricCode' | 'year' | 'comparator'>,
  except?: number,
) => {
  if (
    !isAdmissionTarget({
      metric_code: input.metricCode,
      year: input.year ?? null,
      comparator: input.comparator,
    })
  )
    return;
  const other = await queryOne<{ id: number; title: string }>(
    tx,
    sql`select t.id, t.title from (${admissionTargetSql(unit.id, input.year!)}) t
        where t.id <> ${except ?? 0}`,
  );
  if (other)
    throw invalidField(
      'metricCode',
      `${unit.name} đã có chỉ tiêu kết nạp năm ${input.year} ("${other.title}"): mỗi tổ chức một chỉ tiêu kết nạp mỗi năm, hãy sửa chỉ tiêu đó.`,
    );
};

export const createTarget = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TTargetInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId);
    const metric = checkMetric(input.metricCode, input.threshold);
    const additional = checkAdditionalMetrics(metric, input.additionalMetricCodes ?? []);
    const resolutionId = await checkResolution(
      tx,
      [metric, ...additional],
      unit.path,
      input.resolutionId,
    );
    await checkOneAdmissionTarget(tx, unit, input);
    let termId = input.termId ?? null;
    if (termId !== null) {
      const term = await findTermAbove(tx, termId, unit.path);
      if (!term) throw invalidField('termId', 'Nhiệm kỳ không thuộc tổ chức này hoặc cấp trên.');
      if (input.year != null && (input.year < term.fromYear || input.year > term.toYear))
        throw invalidField('year', `Năm phải trong nhiệm kỳ ${term.fromYear}–${term.toYear}.`);
    } else if (input.year == null) {
      throw invalidField('year', 'Cần chọn năm, hoặc nhiệm kỳ cho chỉ tiêu cả nhiệm kỳ.');
    } else {
      const term = await queryOne<{ id: number }>(
        tx,
        sql`select t.id from plan_terms t join org_units o on o.id = t.org_unit_id
            where o.path @> ${unit.path}::ltree and ${input.year} between t.from_year and t.to_year
            order by nlevel(o.path) desc, t.from_year desc limit 1`,
      );
      termId = term?.id ?? null;
    }
    const [row] = await tx
      .insert(planTargets)
      .values({
        orgUnitId: unit.id,
        termId,
        year: input.year ?? null,
        title: input.title,
        metricCode: input.metricCode,
        additionalMetricCodes: additional.map((m) => m.code),
        resolutionId,
        comparator: input.comparator,
        threshold: input.threshold,
        baseline: input.baseline ?? null,
        note: input.note ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'plans.target.create',
      entityType: 'plan_target',
      entityId: row.id,
      orgUnitId: unit.id,
      after: row,
    });
    return { id: row.id };
  });

export const updateTarget = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TTargetUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getTargetInScope(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    const metric = checkMetric(before.metric_code, input.threshold);
    const additional = checkAdditionalMetrics(
      metric,
      input.additionalMetricCodes ?? before.additional_metric_codes ?? [],
    );
    const resolutionId = await checkResolution(
      tx,
      [metric, ...additional],
      before.path,
      input.resolutionId === undefined ? before.resolution_id : input.resolutionId,
    );
    await checkOneAdmissionTarget(
      tx,
      { id: before.org_unit_id, name: before.org_unit_name },
      { metricCode: before.metric_code, year: before.year, comparator: input.comparator },
      id,
    );
    const codes = additional.map((m) => m.code);
    // A new threshold with the title left as it was: the figure in the title follows ("Kết nạp 120
    // đảng viên mới" set to 130 reads "Kết nạp 130 đảng viên mới"), so the title never states a stale one.
    const title =
      input.title === before.title && Number(before.threshold) !== input.threshold
        ? shareTitle(before.title, Number(before.threshold), input.threshold)
        : input.title;
    await tx.execute(sql`update plan_targets set title = ${title}, comparator = ${input.comparator},
      resolution_id = ${resolutionId}, additional_metric_codes = ${sqlTextArray(codes)},
      threshold = ${input.threshold}, baseline = ${input.baseline ?? null}, note = ${input.note ?? null},
      version = version + 1, updated_at = now() where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'plans.target.update',
      entityType: 'plan_target',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: { ...input, title, additionalMetricCodes: codes },
    });
    return { id, version: before.version + 1 };
  });

/**
 * Delete a target together with the shares cascaded from it (and theirs), in one transaction: a share
 * means nothing without the target it splits. A share handed down from a level outside the caller's
 * subtree is that level's to delete.
 */
export const deleteTarget = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ id: number; deleted: number }> =>
  db.transaction(async (tx) => {
    const before = await getTargetInScope(tx, actor, id, true);
    if (before.parent_target_id !== null) {
      const parent = await queryOne<{ id: number }>(
        tx,
        sql`select g.id from plan_targets g join org_units o on o.id = g.org_unit_id
            where g.id = ${before.parent_target_id} and ${inScope(actor, sql`o.path`)}`,
      );
      if (!parent)
        throw new AppError('BAD_REQUEST', {
          message: 'Chỉ tiêu này do cấp trên giao: chỉ cấp trên được xóa.',
        });
    }
    const deleted = await queryRows<{ id: number }>(
      tx,
      sql`with recursive sub as (
            select id from plan_targets where id = ${id}
            union all
            select c.id from plan_targets c join sub on c.parent_target_id = sub.id
          )
          delete from plan_targets where id in (select id from sub) returning id`,
    );
    await writeAudit(tx, {
      actor,
      action: 'plans.target.delete',
      entityType: 'plan_target',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: { deletedIds: deleted.map((r) => r.id) },
    });
    return { id, deleted: deleted.length };
  });

/**
 * Split a target among lower units (e.g. 120 admissions per grassroots organisation): one child
 * target per unit, same metric, comparator and period; an existing share of the same unit is updated.
 * The children's values roll up to the parent's by the tree (the parent's subtree holds them).
 */
export const cascadeTarget = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TCascadeInput;
}): Promise<{ id: number; created: number; updated: number }> =>
  db.transaction(async (tx) => {
    const parent = await getTargetInScope(tx, actor, id, true);
    const seen = new Set<number>();
    let created = 0;
    let updated = 0;
    for (const [i, share] of input.shares.entries()) {
      if (seen.has(share.orgUnitId))
        throw invalidField(`shares.${i}.orgUnitId`, 'Mỗi tổ chức chỉ được giao một lần.');
      seen.add(share.orgUnitId);
      const unit = await queryOne<{ id: number }>(
        tx,
        sql`select id from org_units o where id = ${share.orgUnitId} and dissolved_on is null
            and path <@ ${parent.path}::ltree and id <> ${parent.org_unit_id} and ${inScope(actor, sql`o.path`)}`,
      );
      if (!unit)
        throw invalidField(
          `shares.${i}.orgUnitId`,
          'Chỉ giao chỉ tiêu cho tổ chức cấp dưới đang hoạt động.',
        );
      checkMetric(parent.metric_code, share.threshold);
      // The share of this target, or for admissions the unit's own admission target of the year
      // (one per unit and year), which becomes the share.
      const existing = await queryOne<{ id: number }>(
        tx,
        isAdmissionTarget(parent)
          ? sql`select id from plan_targets where parent_target_id = ${id} and org_unit_id = ${share.orgUnitId}
                union all select a.id from (${admissionTargetSql(share.orgUnitId, parent.year!)}) a
                limit 1`
          : sql`select id from plan_targets where parent_target_id = ${id} and org_unit_id = ${share.orgUnitId}`,
      );
      if (existing) {
        await tx.execute(sql`update plan_targets set threshold = ${share.threshold}, parent_target_id = ${id},
          title = ${shareTitle(parent.title, Number(parent.threshold), share.threshold)},
          version = version + 1, updated_at = now() where id = ${existing.id}`);
        updated++;
      } else {
        await tx.insert(planTargets).values({
          orgUnitId: share.orgUnitId,
          termId: parent.term_id,
          year: parent.year,
          parentTargetId: id,
          // "Kết nạp 120 đảng viên mới" becomes "Kết nạp 12 đảng viên mới" for a share of 12.
          title: shareTitle(parent.title, Number(parent.threshold), share.threshold),
          metricCode: parent.metric_code,
          additionalMetricCodes: parent.additional_metric_codes ?? [],
          resolutionId: parent.resolution_id,
          comparator: parent.comparator,
          threshold: share.threshold,
          baseline: null,
          createdBy: actor.userId,
        });
        created++;
      }
    }
    await writeAudit(tx, {
      actor,
      action: 'plans.target.cascade',
      entityType: 'plan_target',
      entityId: id,
      orgUnitId: parent.org_unit_id,
      after: input,
    });
    return { id, created, updated };
  });

/** "Kết nạp 120 đảng viên mới" with 120 replaced by `share`; a title without that figure is kept. */
export const shareTitle = (title: string, whole: number, share: number) => {
  const pattern = new RegExp(`(^|\\D)${formatNumber(whole).replace('.', '\\.')}(?=\\D|$)`);
  return pattern.test(title) ? title.replace(pattern, `$1${formatNumber(share)}`) : title;
};

/** A text[] parameter (both drivers): '{a,b}' cast, the codes being plain identifiers. */
const sqlTextArray = (codes: readonly string[]) =>
  sql`${`{${codes.map((c) => `"${c.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

/** Month ends of the period up to asOf (and asOf itself when it is not a month end). */
const monthEnds = (from: string, to: string, asOf: string): string[] => {
  const out: string[] = [];
  for (let d = addDays(addMonths(`${from.slice(0, 8)}01`, 1), -1); d <= asOf && d <= to; ) {
    out.push(d);
    d = addDays(addMonths(addDays(d, 1), 1), -1);
  }
  if (out.at(-1) !== asOf && asOf >= from) out.push(asOf);
  return out;
};

export const getTargetDetail = async ({
  db,
  actor,
  id,
  asOf: asked,
}: {
  db: Db;
  actor: Actor;
  id: number;
  asOf?: string;
}): Promise<TTargetDetail> => {
  const row = await getTargetInScope(db, actor, id);
  const target = await viewTarget(db, row, asked);
  const codes = boundCodes(row);
  const scope = {
    unitId: row.org_unit_id,
    from: target.from,
    to: target.to,
    resolutionId: row.resolution_id ?? undefined,
  };
  const history: TTargetDetail['history'] = [];
  for (const date of monthEnds(target.from, target.to, target.asOf)) {
    const values: (number | null)[] = [];
    for (const code of codes) {
      const v = findMetric(code)
        ? await computeMetric({ db, code, scope: { ...scope, asOf: date }, withRecords: false })
        : null;
      values.push(v?.status === 'ok' ? v.value : null);
    }
    history.push({
      date,
      value:
        codes.length === 1
          ? values[0]
          : bindingValue(row.comparator, Number(row.threshold), values),
      values,
    });
  }
  const recordsByMetric: TTargetDetail['recordsByMetric'] = [];
  for (const code of codes) {
    const metric = findMetric(code);
    const full = metric
      ? await computeMetric({ db, code, scope: { ...scope, asOf: target.asOf } })
      : null;
    recordsByMetric.push({
      code,
      label: metric?.label ?? code,
      records: full?.status === 'ok' ? full.records : [],
    });
  }
  const metric = findMetric(row.metric_code);
  const children = await queryRows<TargetRow>(
    db,
    sql`${targetSelect} where g.parent_target_id = ${id} and ${inScope(actor, sql`o.path`)} order by o.name collate vi`,
  );
  return {
    target,
    description:
      codes
        .map((code) => findMetric(code))
        .filter((m): m is MetricDefinition => m !== undefined)
        .map((m) => (codes.length > 1 ? `${m.label}: ${m.description}` : m.description))
        .join(' ') ||
      (metric?.description ?? ''),
    history,
    children: await Promise.all(children.map((c) => viewTarget(db, c, target.asOf))),
    records: recordsByMetric[0]?.records ?? [],
    recordsByMetric,
  };
};

// ---------------------------------------------------------------------------------------------
// The admission target (chỉ tiêu kết nạp): one per unit and year, the plan's yearly target bound to
// `recruitment.admitted` (≥ or =). The recruitment board reads and edits it (docs/domain/targets.md).

/** The admission target of a unit for a year: its own, else the sum of its children's; null without. */
export const admissionTargetOf = async (
  db: DbOrTx,
  unitId: number,
  year: number,
): Promise<number | null> => {
  const row = await queryOne<{ own: number | null; children: number | null }>(
    db,
    sql`select (select t.threshold from (${admissionTargetSql(unitId, year)}) t) as own,
          (select sum(t.threshold) from org_units c
             cross join lateral (${admissionTargetSql(sql`c.id`, year)}) t
           where c.parent_id = ${unitId}) as children`,
  );
  if (row?.own != null) return Number(row.own);
  return row?.children != null ? Number(row.children) : null;
};

/**
 * Set a unit's admission target for a year from the recruitment board: the plan's target is updated
 * (its figure in the title too), or created as a share of the parent unit's admission target when
 * there is one, filed under the term covering the year.
 */
export const setAdmissionTarget = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { orgUnitId: number; year: number; target: number };
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId, true);
    if (unit.dissolved_on) throw invalidField('orgUnitId', `${unit.name} đã giải thể.`);
    const existing = await queryOne<{ id: number; threshold: number; title: string }>(
      tx,
      sql`${admissionTargetSql(unit.id, input.year)} for update`,
    );
    if (existing) {
      const title = shareTitle(existing.title, Number(existing.threshold), input.target);
      await tx.execute(sql`update plan_targets set threshold = ${input.target}, title = ${title},
        version = version + 1, updated_at = now() where id = ${existing.id}`);
      await writeAudit(tx, {
        actor,
        action: 'plans.target.update',
        entityType: 'plan_target',
        entityId: existing.id,
        orgUnitId: unit.id,
        before: existing,
        after: { threshold: input.target, title, from: 'recruitment' },
      });
      return { id: existing.id };
    }
    const parent = unit.parent_id
      ? await queryOne<{ id: number }>(tx, admissionTargetSql(unit.parent_id, input.year))
      : null;
    const term = await queryOne<{ id: number }>(
      tx,
      sql`select t.id from plan_terms t join org_units o on o.id = t.org_unit_id
          where o.path @> ${unit.path}::ltree and ${input.year} between t.from_year and t.to_year
          order by nlevel(o.path) desc, t.from_year desc limit 1`,
    );
    const [row] = await tx
      .insert(planTargets)
      .values({
        orgUnitId: unit.id,
        termId: term?.id ?? null,
        year: input.year,
        parentTargetId: parent?.id ?? null,
        title: `Kết nạp ${formatNumber(input.target)} đảng viên mới`,
        metricCode: ADMISSION_METRIC,
        comparator: 'gte',
        threshold: input.target,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      action: 'plans.target.create',
      entityType: 'plan_target',
      entityId: row.id,
      orgUnitId: unit.id,
      after: { ...row, from: 'recruitment' },
    });
    return { id: row.id };
  });
