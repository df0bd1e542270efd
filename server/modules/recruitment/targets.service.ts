// Yearly admission targets (chỉ tiêu kết nạp) and progress for any subtree, as the recruitment board
// shows them. One target, one source (docs/domain/targets.md): the unit's yearly plan target bound to
// `recruitment.admitted` (plans/targets.service.ts); the board reads and edits that target, and counts
// the admissions with the same metric, so the board, the plan, the dashboard and the annual report show
// the same figures. A unit without its own target is measured against the sum of its children's.
import type { TTargetReport } from '../../../contracts/recruitment';
import { targetProgress } from '../../../domain/rules/targets/progress';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import {
  ADMISSION_METRIC,
  admissionTargetSql,
  computeMetricValue,
  findMetric,
  type MetricBatches,
  setAdmissionTarget,
} from '../plans';

type Row = {
  id: number;
  name: string;
  target_id: number | null;
  target: number | null;
  child_targets: number;
};

const rowsFor = (unitFilter: ReturnType<typeof sql>, year: number) => sql`
  select u.id, u.name, t.id as target_id, t.threshold as target,
    (select coalesce(sum(ct.threshold), 0) from org_units c
       cross join lateral (${admissionTargetSql(sql`c.id`, year)}) ct
     where c.parent_id = u.id) as child_targets
  from org_units u left join lateral (${admissionTargetSql(sql`u.id`, year)}) t on true
  where ${unitFilter}
  order by u.name`;

export const getTargetReport = async ({
  db,
  actor,
  orgUnitId,
  year,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year: number;
}): Promise<TTargetReport> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const [self] = await queryRows<Row>(db, rowsFor(sql`u.id = ${unit.id}`, year));
  const children = await queryRows<Row>(
    db,
    rowsFor(
      sql`u.parent_id = ${unit.id} and (u.dissolved_on is null or u.dissolved_on >= ${`${year}-01-01`})`,
      year,
    ),
  );
  // Admissions of the year up to today, by the catalogue's placement rule (the plan's own count).
  const metric = findMetric(ADMISSION_METRIC)!;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = todayIso();
  const asOf = today > to ? to : today < from ? from : today;
  const batches: MetricBatches = new Map();
  const progressOf = async (r: Row) => {
    const value =
      today < from
        ? null
        : await computeMetricValue(db, metric, { unitId: r.id, from, to, asOf }, batches);
    const admitted = value?.status === 'ok' ? (value.value ?? 0) : 0;
    const own = r.target === null ? null : Number(r.target);
    const target = own ?? (Number(r.child_targets) > 0 ? Number(r.child_targets) : null);
    const p = targetProgress(admitted, target);
    return {
      orgUnitId: r.id,
      orgUnitName: r.name,
      target: own,
      targetId: r.target_id,
      childTargets: Number(r.child_targets),
      admitted,
      percent: p.ratio === null ? null : Math.round(p.ratio * 1000) / 10,
      summary:
        target === null
          ? `kết nạp ${admitted}; chưa giao chỉ tiêu`
          : `kết nạp ${admitted}/${target} (${p.phrase})`,
    };
  };
  const unitProgress = await progressOf(self);
  const childProgress: TTargetReport['children'] = [];
  for (const c of children) childProgress.push(await progressOf(c));
  return { year, unit: unitProgress, children: childProgress };
};

/** The board's "Giao chỉ tiêu": sets the plan's admission target of the unit for the year. */
export const setTarget = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { orgUnitId: number; year: number; target: number };
}) => {
  await setAdmissionTarget({ db, actor, input });
  return { ok: true as const };
};
