// The metric catalogue: every figure a target, the dashboard or the annual report shows is one of these
// named, documented queries (ENGINEERING.md pattern 6). Codes are stable: targets store them.
import type { DbOrTx } from '../../../db/client';
import { AppError } from '../../../platform/errors';
import { evaluationMetrics } from './evaluation.metrics';
import { inspectionMetrics } from './inspection.metrics';
import { keyTaskMetrics } from './key-tasks.metrics';
import { lifecycleMetrics } from './lifecycle.metrics';
import { memberMetrics } from './members.metrics';
import type { MetricDefinition, MetricScope, MetricValue } from './metric';
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
