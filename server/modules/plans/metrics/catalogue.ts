// The metric catalogue: every figure a target, the dashboard or the annual report shows is one of these
// named, documented queries (docs/ARCHITECTURE.md, "From a write to the report"). Codes are stable: targets store them.
import type { DbOrTx } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import type { MetricDefinition, MetricScope, MetricValue } from '../../figures';
import { congressMetrics } from './congresses.metrics';
import { educationMetrics } from './education.metrics';
import { emulationMetrics } from './emulation.metrics';
import { evaluationMetrics } from './evaluation.metrics';
import { inspectionMetrics } from './inspection.metrics';
import { keyTaskMetrics } from './key-tasks.metrics';
import { lifecycleMetrics } from './lifecycle.metrics';
import { memberMetrics } from './members.metrics';
import { proposalMetrics } from './proposals.metrics';
import { recruitmentMetrics } from './recruitment.metrics';
import { resolutionMetrics } from './resolutions.metrics';

export const metricCatalogue: MetricDefinition[] = [
  ...recruitmentMetrics,
  ...memberMetrics,
  ...lifecycleMetrics,
  ...inspectionMetrics,
  ...evaluationMetrics,
  ...resolutionMetrics,
  ...keyTaskMetrics,
  ...congressMetrics,
  ...educationMetrics,
  ...proposalMetrics,
  ...emulationMetrics,
];

const byCode = new Map(metricCatalogue.map((m) => [m.code, m]));

export const findMetric = (code: string): MetricDefinition | undefined => byCode.get(code);

/** The value of one metric for a subtree, period and as-of date; unknown codes are refused. */
export const computeMetric = async ({
  db,
  code,
  scope,
  withRecords = true,
}: {
  db: DbOrTx;
  code: string;
  scope: MetricScope;
  withRecords?: boolean;
}): Promise<MetricValue> => {
  const metric = findMetric(code);
  if (!metric)
    throw new AppError('BAD_REQUEST', {
      message: `Không có chỉ số "${code}" trong danh mục.`,
    });
  return metric.compute({ db, scope, withRecords });
};

/**
 * Batched answers already asked for in one request, by batch and scope: a dashboard's targets and its
 * figures of the same period then read the maintained sums once, not once per target.
 */
export type MetricBatches = Map<string, Promise<Record<string, MetricValue>>>;

const scopeKey = (s: MetricScope) =>
  `${s.unitId}|${s.from}|${s.to}|${s.asOf}|${s.resolutionId ?? ''}`;

/**
 * A metric's value without its records: from its batch when it has one (one query for all the
 * metrics of that batch and scope, shared through `batches`), otherwise its own `compute`.
 */
export const computeMetricValue = async (
  db: DbOrTx,
  metric: MetricDefinition,
  scope: MetricScope,
  batches: MetricBatches = new Map(),
): Promise<MetricValue> => {
  if (!metric.batch) return metric.compute({ db, scope, withRecords: false });
  const key = `${metric.batch.key}|${scopeKey(scope)}`;
  let batch = batches.get(key);
  if (!batch) {
    batch = metric.batch.compute({ db, scope });
    batches.set(key, batch);
  }
  return (await batch)[metric.code];
};

/**
 * The values of several metrics for one scope without their records (dashboards): metrics that share
 * a batch are answered by one query, the others as `computeMetric({ withRecords: false })`.
 */
export const computeMetrics = async ({
  db,
  codes,
  scope,
  batches = new Map(),
}: {
  db: DbOrTx;
  codes: readonly string[];
  scope: MetricScope;
  batches?: MetricBatches;
}): Promise<Map<string, MetricValue>> => {
  const values = await Promise.all(
    codes.map(async (code): Promise<[string, MetricValue]> => {
      const metric = findMetric(code);
      if (!metric)
        throw new AppError('BAD_REQUEST', {
          message: `Không có chỉ số "${code}" trong danh mục.`,
        });
      return [code, await computeMetricValue(db, metric, scope, batches)];
    }),
  );
  return new Map(values);
};
