// The figures that read the maintained fact sums (placed-facts.ts), answered together for one scope
// by one range read of the unit's rows (`computeMetrics`, for dashboards) instead of a query each:
// the period's member events and dues, and the year's evaluation shares. Each entry states the same
// kinds and range as the metric's own `compute` without records; placed-facts.db.test.ts compares
// both with the records.
import { type DbOrTx, queryRows, sql } from '../../../db/client';
import type { MetricScope, MetricValue } from '../../figures';
import { factsUntil, percentOf } from '../../figures';

export const evaluationUnavailableReason =
  'Chưa có kết quả xếp loại được quyết định trong kỳ cho phạm vi này.';

type Spec =
  /** Facts of these kinds dated in the period (to asOf). */
  | { range: 'period'; kinds: readonly string[] }
  /** The share `pick` of the subjects of `subject` rated in the period's year, decided by asOf. */
  | { range: 'rated'; subject: string; pick: 'good' | 'excellent' | 'cultural' };

const specs = new Map<string, Spec>();

/** Declare a metric's kinds in the batch; returns the batch to attach to the metric. */
export const inFactBatch = (code: string, spec: Spec) => {
  specs.set(code, spec);
  return factBatch;
};

const ratedKind = (scope: MetricScope, subject: string, flag: string) =>
  `evaluation:${scope.from.slice(0, 4)}:${subject}:${flag}`;

const computeFactBatch = async ({
  db,
  scope,
}: {
  db: DbOrTx;
  scope: MetricScope;
}): Promise<Record<string, MetricValue>> => {
  const until = factsUntil(scope);
  const periodKinds = new Set<string>();
  const ratedKinds = new Set<string>();
  for (const spec of specs.values())
    if (spec.range === 'period') for (const k of spec.kinds) periodKinds.add(k);
    else {
      ratedKinds.add(ratedKind(scope, spec.subject, 'rated'));
      ratedKinds.add(ratedKind(scope, spec.subject, spec.pick));
    }
  const list = (kinds: Set<string>) =>
    sql.join(
      [...kinds].map((k) => sql`${k}`),
      sql`, `,
    );
  const rows = await queryRows<{ kind: string; n: string | number }>(
    db,
    sql`select kind, sum(total) as n from org_fact_counts
        where org_unit_id = ${scope.unitId} and kind in (${list(periodKinds)})
          and day >= ${scope.from} and day <= ${until}
        group by kind
        union all
        select kind, sum(total) as n from org_fact_counts
        where org_unit_id = ${scope.unitId} and kind in (${list(ratedKinds)}) and day <= ${until}
        group by kind`,
  );
  const sums = new Map(rows.map((r) => [r.kind, Number(r.n)]));
  const sum = (kinds: readonly string[]) => kinds.reduce((n, k) => n + (sums.get(k) ?? 0), 0);
  const out: Record<string, MetricValue> = {};
  for (const [code, spec] of specs) {
    if (spec.range === 'period') {
      out[code] = { status: 'ok', value: sum(spec.kinds), records: [] };
      continue;
    }
    const rated = sum([ratedKind(scope, spec.subject, 'rated')]);
    out[code] =
      rated === 0
        ? { status: 'unavailable', reason: evaluationUnavailableReason }
        : percentOf([], sum([ratedKind(scope, spec.subject, spec.pick)]), rated);
  }
  return out;
};

const factBatch = { key: 'facts', compute: computeFactBatch };
