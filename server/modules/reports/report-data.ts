// Gathers the annual report's data: every figure through the metric catalogue (`computeMetric`), the
// header from the organisation tree, targets as recorded (plan targets, or the admission targets of the
// recruitment module), mass organisations, and the evidence (metric, scope, record ids) per figure.
import { massOrganisationKindLabels } from '../../../domain/enums/org-units';
import type {
  AnnualReportData,
  FigureValue,
  KeyTaskFigures,
  ReportFigure,
  ReportTarget,
} from '../../../domain/reports/annual-report';
import { formatCount, formatPercentValue } from '../../../domain/reports/phrasing';
import { targetText } from '../../../domain/reports/target-text';
import type { Comparator } from '../../../domain/rules/plans/target-status';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { computeMetric, findMetric } from '../plans/metrics/catalogue';
import type { MetricRecord, MetricScope, MetricValue } from '../plans/metrics/metric';
import { defaultReportDate, reportHeader } from './report-header';
import { admissionTargetOf } from '../plans/targets.service';

/** The figures the report states, by metric code; `compare` asks for year N−1 too. */
export const reportMetrics: { code: string; compare: boolean }[] = [
  { code: 'members.total', compare: true },
  { code: 'recruitment.admitted', compare: true },
  { code: 'recruitment.recognised', compare: false },
  { code: 'members.transferred_in', compare: false },
  { code: 'members.transferred_out', compare: false },
  { code: 'lifecycle.cards_issued', compare: false },
  { code: 'lifecycle.badges_awarded', compare: false },
  { code: 'lifecycle.dues_collected', compare: false },
  { code: 'resolutions.cells_disseminated', compare: false },
  { code: 'evaluation.members_good_or_better', compare: false },
  { code: 'evaluation.grassroots_good_or_better', compare: false },
  { code: 'inspection.cases', compare: true },
  { code: 'discipline.members', compare: false },
  { code: 'discipline.organisations', compare: false },
  { code: 'plans.key_tasks.total', compare: false },
  { code: 'plans.key_tasks.completed', compare: false },
  { code: 'plans.key_tasks.rated_excellent', compare: false },
  { code: 'plans.key_tasks.rated_good', compare: false },
];

export type Evidence = {
  key: string;
  metricCode: string;
  label: string;
  scope: MetricScope;
  records: MetricRecord[];
};

export type ReportSnapshot = { report: AnnualReportData; evidence: Evidence[] };

/** The value as the report prints it. */
export const displayFigure = (unit: ReportFigure['unit'], value: FigureValue | null) => {
  if (value?.status !== 'ok' || value.value === null) return null;
  if (unit === 'percent') return formatPercentValue(value.value);
  if (unit === 'amount') return `${formatCount(value.value)} đồng`;
  return formatCount(value.value);
};

const toFigureValue = (v: MetricValue): FigureValue =>
  v.status === 'ok'
    ? { status: 'ok', value: v.value, numerator: v.numerator, denominator: v.denominator }
    : { status: 'unavailable', reason: v.reason };

const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

export const yearScope = (unitId: number, year: number): MetricScope => {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const now = today();
  return { unitId, from, to, asOf: now < to ? now : to };
};

type Unit = { id: number; kind: string; name: string; parent_id: number | null; path: string };

type PlanTargetRow = {
  title: string;
  metric_code: string;
  comparator: Comparator;
  threshold: number;
};

const planTargetsOf = (db: DbOrTx, unitId: number, year: number) =>
  queryRows<PlanTargetRow>(
    db,
    sql`select title, metric_code, comparator, threshold from plan_targets
        where org_unit_id = ${unitId} and year = ${year} order by id`,
  );

export type Progress = (step: 'figures' | 'annex', done: number, total: number) => void;

export const gatherReportData = async ({
  db,
  unitId,
  year,
  issuedOn,
  documentNumber = null,
  signerName,
  onProgress,
}: {
  db: DbOrTx;
  unitId: number;
  year: number;
  issuedOn?: string;
  documentNumber?: string | null;
  signerName?: string;
  onProgress?: Progress;
}): Promise<ReportSnapshot> => {
  const unit = (await queryOne<Unit>(
    db,
    sql`select id, kind, name, parent_id, path::text as path from org_units where id = ${unitId}`,
  ))!;
  const header = await reportHeader(db, unitId, issuedOn ?? defaultReportDate(year));

  const scope = yearScope(unitId, year);
  const previousScope = yearScope(unitId, year - 1);
  const figures: Record<string, ReportFigure> = {};
  const evidence: Evidence[] = [];
  let done = 0;
  for (const { code, compare } of reportMetrics) {
    const metric = findMetric(code);
    if (!metric) {
      figures[code] = {
        key: code,
        metricCode: code,
        label: code,
        unit: 'count',
        current: { status: 'unavailable', reason: 'chỉ số chưa có trong danh mục' },
        previous: null,
        recordCount: 0,
      };
    } else {
      const current = await computeMetric({ db, code, scope });
      const previous = compare
        ? await computeMetric({ db, code, scope: previousScope, withRecords: false })
        : null;
      const records = current.status === 'ok' ? current.records : [];
      figures[code] = {
        key: code,
        metricCode: code,
        label: metric.label,
        unit: metric.unit,
        current: toFigureValue(current),
        previous: previous ? toFigureValue(previous) : null,
        recordCount: records.length,
      };
      evidence.push({ key: code, metricCode: code, label: metric.label, scope, records });
    }
    onProgress?.('figures', ++done, reportMetrics.length);
  }

  const value = (code: string) => {
    const f = figures[code]?.current;
    return f?.status === 'ok' ? f.value : null;
  };
  const keyTotal = value('plans.key_tasks.total');
  const keyTasks: KeyTaskFigures =
    keyTotal === null
      ? {
          status: 'unavailable',
          reason:
            figures['plans.key_tasks.total']?.current.status === 'unavailable'
              ? (figures['plans.key_tasks.total'].current as { reason: string }).reason
              : 'chưa có số liệu nhiệm vụ trọng tâm',
        }
      : keyTotal === 0
        ? { status: 'unavailable', reason: `kế hoạch năm ${year} chưa có nhiệm vụ trọng tâm` }
        : {
            status: 'ok',
            total: keyTotal,
            completed: value('plans.key_tasks.completed') ?? 0,
            excellent: value('plans.key_tasks.rated_excellent') ?? 0,
            good: value('plans.key_tasks.rated_good') ?? 0,
          };

  // Targets as recorded: the admission target is the plan's (the recruitment board edits the same one),
  // else the sum of the children's (docs/domain/targets.md).
  const admissionTarget = await admissionTargetOf(db, unitId, year);
  const planNext = await planTargetsOf(db, unitId, year + 1);
  const nextYearTargets: ReportTarget[] = planNext.map((t) => {
    const unitKind = findMetric(t.metric_code)?.unit ?? 'count';
    return {
      label: t.title,
      metricCode: t.metric_code,
      unit: unitKind === 'percent' ? 'percent' : 'count',
      value: Number(t.threshold),
      text: targetText({
        title: t.title,
        comparator: t.comparator,
        threshold: Number(t.threshold),
        unit: unitKind,
      }),
    };
  });
  if (!planNext.some((t) => t.metric_code === 'recruitment.admitted')) {
    const next = await admissionTargetOf(db, unitId, year + 1);
    if (next !== null)
      nextYearTargets.unshift({
        label: 'Kết nạp đảng viên mới',
        metricCode: 'recruitment.admitted',
        unit: 'count',
        value: next,
        text: targetText({
          title: 'Kết nạp đảng viên mới',
          comparator: 'gte',
          threshold: next,
          unit: 'count',
        }),
      });
  }

  const mass = await queryRows<{ kind: string; count: number; members: number }>(
    db,
    sql`select m.kind, count(*)::int as count, coalesce(sum(m.member_count), 0)::int as members
        from mass_organisations m join agencies a on a.id = m.agency_id
        join org_units o on o.id = a.org_unit_id
        where o.path <@ ${unit.path}::ltree and o.dissolved_on is null
        group by m.kind order by m.kind`,
  );

  const report: AnnualReportData = {
    orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
    year,
    // Names, place, date, recipients and signer as of the document's date (report-header.ts).
    ...header,
    documentNumber,
    figures,
    admissionTarget,
    nextYearTargets,
    keyTasks,
    massOrganisations: mass.map((m) => ({
      kind: m.kind,
      label:
        massOrganisationKindLabels[m.kind as keyof typeof massOrganisationKindLabels] ?? m.kind,
      count: m.count,
      members: m.members,
    })),
    signer: { ...header.signer, name: signerName ?? '' },
    generatedAt: new Date().toISOString(),
  };
  return { report, evidence };
};
