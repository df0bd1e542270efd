// Year-end evaluation figures (DOMAIN.md §6), read from the ratings the evaluation module records
// (server/modules/evaluations). A subject counts when its level was decided on or before the as-of date
// in a yearly campaign of the period's year; it is placed in the tree by its unit as of the decision
// date (./placement.ts). The denominator is the subjects rated (decided, not "not rated"): the
// "x% hoàn thành tốt nhiệm vụ trở lên" of year-end reports. Before any decision the figure is
// 'unavailable', never 0%.
import type { SubjectKind } from '../../../../domain/rules/evaluation/levels';
import { queryRows, sql } from '../../../db/client';
import type { MetricDefinition, MetricRecord, MetricScope, MetricValue } from './metric';
import { factsUntil, percentOf, placedIn } from './placement';

export const evaluationUnavailableReason =
  'Chưa có kết quả xếp loại được quyết định trong kỳ cho phạm vi này.';

type Rated = { id: number; label: string; good: boolean; excellent: boolean; cultural: boolean };

const ratedSubjects = async (
  db: Parameters<MetricDefinition['compute']>[0]['db'],
  scope: MetricScope,
  kind: SubjectKind,
): Promise<Rated[]> => {
  const year = Number(scope.from.slice(0, 4));
  const until = factsUntil(scope);
  return queryRows<Rated>(
    db,
    sql`select r.id, r.subject_name as label,
          r.decided_level in ('HTXSNV', 'HTTNV') as good,
          r.decided_level = 'HTXSNV' as excellent,
          coalesce(r.cultural_standard, false) as cultural
        from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
        where c.year = ${year} and c.cycle = 'year' and r.subject_kind = ${kind}
          and r.decided_level is not null and r.decided_on <= ${until}
          and ${placedIn(scope.unitId, sql`r.org_unit_id`, sql`r.decided_on`)}
        order by r.subject_name, r.id`,
  );
};

const share =
  (kind: SubjectKind, pick: (r: Rated) => boolean): MetricDefinition['compute'] =>
  async ({ db, scope }): Promise<MetricValue> => {
    const rated = await ratedSubjects(db, scope, kind);
    if (rated.length === 0) return { status: 'unavailable', reason: evaluationUnavailableReason };
    const hits = rated.filter(pick);
    const records: MetricRecord[] = hits.map((r) => ({
      kind: 'evaluation_record',
      id: Number(r.id),
      label: r.label,
    }));
    return percentOf(records, hits.length, rated.length);
  };

const percentMetric = (
  code: string,
  label: string,
  description: string,
  compute: MetricDefinition['compute'],
): MetricDefinition => ({
  code,
  label,
  description,
  unit: 'percent',
  area: 'evaluation',
  kind: 'period',
  compute,
});

export const evaluationMetrics: MetricDefinition[] = [
  percentMetric(
    'evaluation.grassroots_good_or_better',
    'Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ tổ chức cơ sở đảng trong phạm vi được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong kỳ đánh giá, trên số tổ chức cơ sở đảng được xếp loại.',
    share('grassroots_organisation', (r) => r.good),
  ),
  percentMetric(
    'evaluation.members_good_or_better',
    'Đảng viên hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ đảng viên trong phạm vi được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trong kỳ đánh giá, trên số đảng viên được xếp loại.',
    share('member', (r) => r.good),
  ),
  percentMetric(
    'evaluation.members_excellent',
    'Đảng viên hoàn thành xuất sắc nhiệm vụ',
    'Tỷ lệ đảng viên được xếp loại "Hoàn thành xuất sắc nhiệm vụ" trên số đảng viên được xếp loại trong kỳ.',
    share('member', (r) => r.excellent),
  ),
  percentMetric(
    'evaluation.mass_organisations_good_or_better',
    'Đoàn thể hoàn thành tốt nhiệm vụ trở lên',
    'Tỷ lệ tập thể lãnh đạo đoàn thể cơ sở được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên, trên số đoàn thể được xếp loại.',
    share('mass_organisation', (r) => r.good),
  ),
  percentMetric(
    'evaluation.agencies_cultural_standard',
    'Cơ quan, đơn vị đạt chuẩn văn hóa',
    'Tỷ lệ cơ quan, đơn vị trong phạm vi được công nhận "đạt chuẩn văn hóa, an toàn về an ninh trật tự" trong kỳ, trên số cơ quan, đơn vị được đánh giá.',
    share('agency', (r) => r.cultural),
  ),
];
