// Year-end evaluation figures (docs/domain/evaluation.md), read from the ratings the evaluation module records
// (server/modules/evaluations). A subject counts when its level was decided on or before the as-of date
// in a yearly campaign of the period's year; it is placed in the tree by its unit as of the decision
// date (figures/placement.ts). The denominator is the subjects rated (decided, not "not rated"): the
// "x% hoàn thành tốt nhiệm vụ trở lên" of year-end reports. Before any decision the figure is
// 'unavailable', never 0%.
import type { SubjectKind } from '../../../../domain/rules/evaluation/levels';
import { queryRows, sql } from '../../../db/client';
import type { MetricDefinition, MetricRecord, MetricScope, MetricValue } from '../../figures';
import { factsUntil, percentOf, placedJoin, sumFacts } from '../../figures';
import { evaluationUnavailableReason, inFactBatch } from './fact-batch';

export { evaluationUnavailableReason };

type Pick = 'good' | 'excellent' | 'cultural';
const pickSql: Record<Pick, ReturnType<typeof sql>> = {
  good: sql`r.decided_level in ('HTXSNV', 'HTTNV')`,
  excellent: sql`r.decided_level = 'HTXSNV'`,
  cultural: sql`coalesce(r.cultural_standard, false)`,
};

/** The decided records of a kind in the period's yearly campaigns, placed by their unit on the decision date. */
const decidedRecords = (scope: MetricScope, kind: SubjectKind) => sql`
  from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
  ${placedJoin(scope.unitId, sql`r.org_unit_id`, sql`r.decided_on`)}
  where c.year = ${Number(scope.from.slice(0, 4))} and c.cycle = 'year' and r.subject_kind = ${kind}
    and r.decided_level is not null and r.decided_on <= ${factsUntil(scope)}`;

/**
 * The share of the rated subjects that `pick` holds. Without records (dashboards, target lists) the two
 * counts come from the maintained facts (placed-facts.ts); with records, from the records themselves,
 * so the two paths check each other (placed-facts.db.test.ts).
 */
const share =
  (kind: SubjectKind, pick: Pick): MetricDefinition['compute'] =>
  async ({ db, scope, withRecords = true }): Promise<MetricValue> => {
    if (!withRecords) {
      const facts = (flag: string) =>
        sumFacts(
          db,
          scope.unitId,
          [`evaluation:${scope.from.slice(0, 4)}:${kind}:${flag}`],
          '0001-01-01',
          factsUntil(scope),
        );
      const [rated, hits] = await Promise.all([facts('rated'), facts(pick)]);
      if (rated === 0) return { status: 'unavailable', reason: evaluationUnavailableReason };
      return percentOf([], hits, rated);
    }
    const rows = await queryRows<{ id: number; label: string; hit: boolean }>(
      db,
      sql`select r.id, r.subject_name as label, ${pickSql[pick]} as hit ${decidedRecords(scope, kind)}
          order by r.subject_name, r.id`,
    );
    if (rows.length === 0) return { status: 'unavailable', reason: evaluationUnavailableReason };
    const records: MetricRecord[] = rows
      .filter((r) => r.hit)
      .map((r) => ({ kind: 'evaluation_record', id: Number(r.id), label: r.label }));
    return percentOf(records, records.length, rows.length);
  };

const percentMetric = (
  code: string,
  label: string,
  description: string,
  [subject, pick]: [SubjectKind, Pick],
): MetricDefinition => ({
  code,
  label,
  description,
  unit: 'percent',
  area: 'evaluation',
  kind: 'period',
  compute: share(subject, pick),
  batch: inFactBatch(code, { range: 'rated', subject, pick }),
});

export const evaluationMetrics: MetricDefinition[] = [
  percentMetric(
    'evaluation.grassroots_good_or_better',
    'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ tổ chức cơ sở đảng trong phạm vi được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong kỳ đánh giá, trên số tổ chức cơ sở đảng được xếp loại.',
    ['grassroots_organisation', 'good'],
  ),
  percentMetric(
    'evaluation.members_good_or_better',
    'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ đảng viên trong phạm vi được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong kỳ đánh giá, trên số đảng viên được xếp loại.',
    ['member', 'good'],
  ),
  percentMetric(
    'evaluation.members_excellent',
    'Đảng viên hoàn thành xuất sắc nhiệm vụ',
    'Tỷ lệ đảng viên được xếp loại "Hoàn thành xuất sắc nhiệm vụ" trên số đảng viên được xếp loại trong kỳ.',
    ['member', 'excellent'],
  ),
  percentMetric(
    'evaluation.mass_organisations_good_or_better',
    'Đoàn thể hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ tập thể lãnh đạo đoàn thể cơ sở được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên, trên số đoàn thể được xếp loại.',
    ['mass_organisation', 'good'],
  ),
  percentMetric(
    'evaluation.agencies_cultural_standard',
    'Cơ quan, đơn vị đạt chuẩn văn hóa',
    'Tỷ lệ cơ quan, đơn vị trong phạm vi được công nhận "đạt chuẩn văn hóa, an toàn về an ninh trật tự" trong kỳ, trên số cơ quan, đơn vị được đánh giá.',
    ['agency', 'cultural'],
  ),
];
