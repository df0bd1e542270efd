// Gathers the annual report's data: every figure through the metric catalogue (`computeMetric`), the
// header from the organisation tree, targets as recorded (plan targets, or the admission targets of the
// recruitment module), mass organisations, and the evidence (metric, scope, record ids) per figure.
import { massOrganisationKindLabels } from '../../../domain/enums/org-units';
import type {
  AnnualReportData,
  FigureValue,
  InspectionFigures,
  KeyTaskFigures,
  ReportFigure,
  ReportTarget,
} from '../../../domain/reports/annual-report';
import { formatCount, formatPercentValue } from '../../../domain/reports/phrasing';
import { checkRecorded, periodText } from '../../../domain/reports/recorded';
import { targetText } from '../../../domain/reports/target-text';
import { disciplineFormLabels } from '../../../domain/rules/discipline/discipline';
import { reportGroupOf } from '../../../domain/rules/inspection/inspection';
import type { Comparator } from '../../../domain/rules/plans/target-status';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { MetricRecord, MetricScope, MetricValue } from '../figures';
import { factsUntil, recordedAreas } from '../figures';
import { figuresOfUnit } from '../inspection';
import { admissionTargetOf, computeMetric, findMetric } from '../plans';
import { defaultReportDate, reportHeader } from './report-header';

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
  { code: 'education.programmes', compare: false },
  { code: 'education.units_with_activities', compare: false },
  { code: 'education.members_committed', compare: false },
  { code: 'education.models_recognised', compare: false },
  { code: 'evaluation.members_good_or_better', compare: false },
  { code: 'evaluation.grassroots_good_or_better', compare: false },
  { code: 'plans.key_tasks.total', compare: false },
  { code: 'plans.key_tasks.completed', compare: false },
  { code: 'plans.key_tasks.rated_excellent', compare: false },
  { code: 'plans.key_tasks.rated_good', compare: false },
  { code: 'congresses.held_grassroots', compare: false },
  { code: 'congresses.held_cells', compare: false },
  { code: 'congresses.on_schedule', compare: false },
  { code: 'committees.elected', compare: false },
  { code: 'committees.reelected_share', compare: false },
  { code: 'committees.women_share', compare: false },
  { code: 'committees.young_share', compare: false },
  // Proposals received and answered; residence comments (Quy định 213-QĐ/TW): docs/domain/proposals.md.
  { code: 'proposals.received', compare: false },
  { code: 'proposals.answered', compare: false },
  { code: 'proposals.overdue', compare: false },
  { code: 'residence.members_with_comment', compare: false },
  { code: 'residence.members_without_comment', compare: false },
  { code: 'emulation.movements', compare: false },
  { code: 'emulation.registered_units', compare: false },
  { code: 'emulation.registered_members', compare: false },
  { code: 'emulation.models_recognised', compare: false },
  { code: 'commendation.organisations_granted', compare: false },
  { code: 'commendation.members_granted', compare: false },
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
  const shown =
    unit === 'percent'
      ? formatPercentValue(value.value)
      : unit === 'amount'
        ? `${formatCount(value.value)} đồng`
        : formatCount(value.value);
  // Proposed levels before the decision: the figures list says so, like the report.
  return value.provisional ? `dự kiến ${shown}` : shown;
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

type UnitRef = { id: number; name: string; path: string };

/**
 * Inspection, supervision and discipline from the inspection figures service (the page "Số liệu kiểm
 * tra, giám sát" counts the same way), with its records as evidence. A year with no case and no
 * discipline decision in the subtree is not recorded: missing, never zero.
 */
const inspectionOf = async (
  db: DbOrTx,
  unit: UnitRef,
  year: number,
  scope: MetricScope,
): Promise<{
  figures: InspectionFigures;
  evidence: Evidence[];
  counts: Record<string, number>;
}> => {
  const { figures, byActivity, subjects, disciplines } = await figuresOfUnit({ db, unit, year });
  if (subjects.length === 0 && disciplines.length === 0)
    return {
      figures: {
        status: 'unavailable',
        reason: `chưa ghi nhận cuộc kiểm tra, giám sát hay quyết định kỷ luật nào trong năm ${year}`,
      },
      evidence: [],
      counts: {},
    };
  const group = (g: 'committees' | 'inspection_commissions') => {
    const all = figures.subjectsByGroup.find((x) => x.group === g)!;
    return {
      all: { organisations: all.organisations, members: all.members, total: all.total },
      inspected: byActivity.inspected.byGroup[g],
      supervised: byActivity.supervised.byGroup[g],
    };
  };
  const subjectRecords = (g: 'committees' | 'inspection_commissions'): MetricRecord[] => {
    const seen = new Map<string, MetricRecord>();
    for (const r of subjects) {
      if (reportGroupOf[r.body] !== g) continue;
      const key = `${r.subject_kind}:${r.member_id ?? r.org_unit_id}`;
      if (!seen.has(key))
        seen.set(
          key,
          r.subject_kind === 'member'
            ? {
                kind: 'member',
                id: r.member_id!,
                label: r.member_name ?? '',
                date: r.decision_date,
              }
            : {
                kind: 'org_unit',
                id: r.org_unit_id,
                label: r.org_unit_name,
                date: r.decision_date,
              },
        );
    }
    return [...seen.values()];
  };
  const disciplineRecords = (kind: 'member' | 'organisation'): MetricRecord[] =>
    disciplines
      .filter((d) => d.subject_kind === kind)
      .map((d) => ({
        kind: 'discipline_decision',
        id: Number(d.id),
        label: `${d.subject_name} – ${disciplineFormLabels[d.form]}${d.decision_number ? ` (${d.decision_number})` : ''}`,
        date: d.decided_on,
      }));
  const evidence: Evidence[] = [
    {
      key: 'inspection.subjects.committees',
      metricCode: 'inspection.figures',
      label: 'Tổ chức đảng, đảng viên được cấp ủy, ban thường vụ các cấp kiểm tra, giám sát',
      scope,
      records: subjectRecords('committees'),
    },
    {
      key: 'inspection.subjects.inspection_commissions',
      metricCode: 'inspection.figures',
      label: 'Tổ chức đảng, đảng viên được ủy ban kiểm tra các cấp kiểm tra, giám sát',
      scope,
      records: subjectRecords('inspection_commissions'),
    },
    {
      key: 'discipline.members',
      metricCode: 'inspection.figures',
      label: 'Quyết định kỷ luật đảng viên',
      scope,
      records: disciplineRecords('member'),
    },
    {
      key: 'discipline.organisations',
      metricCode: 'inspection.figures',
      label: 'Quyết định kỷ luật tổ chức đảng',
      scope,
      records: disciplineRecords('organisation'),
    },
  ];
  return {
    figures: {
      status: 'ok',
      cases: figures.casesByKind.reduce((sum, k) => sum + k.count, 0),
      groups: {
        committees: group('committees'),
        inspection_commissions: group('inspection_commissions'),
      },
      discipline: {
        members: figures.disciplinedMembers,
        organisations: figures.disciplinedOrganisations,
        byForm: figures.disciplineByForm.map((d) => ({
          form: disciplineFormLabels[d.form].toLocaleLowerCase('vi-VN'),
          subjectKind: d.subjectKind,
          count: d.count,
        })),
      },
    },
    evidence,
    counts: {
      'inspection.subjects.committees': group('committees').all.total,
      'inspection.subjects.inspection_commissions': group('inspection_commissions').all.total,
      'discipline.members': figures.disciplinedMembers,
      'discipline.organisations': figures.disciplinedOrganisations,
    },
  };
};

/** The level a subject holds at the last step recorded: the decision, else the latest proposal. */
const bestLevel = sql`coalesce(r.decided_level, r.appraisal_level, r.review_level, r.self_level, r.proposed_level)`;

/**
 * Year-end ratings drafted before the decision (Quy định 124-QĐ/TW / 366-QĐ/TW: self-assessment,
 * review and proposal come before the competent level decides). While any subject of the year's
 * campaigns in the subtree is not decided yet, the share counts the subjects that already hold a
 * level (decided, or proposed at the self-assessment, review or appraisal: the engine's "incomplete"
 * does not count) at their latest level and is "dự kiến"; once all are decided, the catalogue's
 * decided figure stands.
 */
const provisionalShare = async (
  db: DbOrTx,
  unitPath: string,
  year: number,
  subjectKind: 'member' | 'grassroots_organisation',
): Promise<{ value: FigureValue; records: MetricRecord[] } | null> => {
  const rows = await queryRows<{ id: number; label: string; decided: boolean; good: boolean }>(
    db,
    sql`select r.id, r.subject_name as label,
          (r.status in ('decided', 'published') and r.decided_level is not null) as decided,
          (${bestLevel} in ('HTXSNV', 'HTTNV')) as good
        from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
        join org_units o on o.id = r.org_unit_id
        where c.year = ${year} and c.cycle = 'year' and r.subject_kind = ${subjectKind}
          and r.status <> 'not_rated' and ${bestLevel} in ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')
          and o.path <@ ${unitPath}::ltree
        order by r.subject_name, r.id`,
  );
  const undecided = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from evaluation_records r
        join evaluation_campaigns c on c.id = r.campaign_id join org_units o on o.id = r.org_unit_id
        where c.year = ${year} and c.cycle = 'year' and r.subject_kind = ${subjectKind}
          and r.status not in ('not_rated', 'decided', 'published') and o.path <@ ${unitPath}::ltree`,
  );
  if (rows.length === 0 || (undecided?.n ?? 0) === 0) return null;
  const good = rows.filter((r) => r.good);
  return {
    value: {
      status: 'ok',
      value: (100 * good.length) / rows.length,
      numerator: good.length,
      denominator: rows.length,
      provisional: true,
    },
    records: good.map((r) => ({ kind: 'evaluation_record', id: Number(r.id), label: r.label })),
  };
};

/**
 * Key-task ratings are the unit's own year-end rating; they are final once the year's evaluation of
 * the unit itself is decided. When dangvu holds no evaluation of the unit (the bloc is rated by the
 * province), they are final once the year is over.
 */
const keyTaskRatingsProvisional = async (db: DbOrTx, unitId: number, year: number) => {
  const own = await queryOne<{ decided: boolean }>(
    db,
    sql`select bool_and(r.status in ('decided', 'published', 'not_rated')) as decided
        from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
        where c.year = ${year} and c.cycle = 'year' and r.subject_key = ${`unit:${unitId}`}`,
  );
  if (own?.decided !== null && own?.decided !== undefined) return !own.decided;
  return today() <= `${year}-12-31`;
};

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
  // A figure whose register holds nothing for the period is missing, not zero; no comparison is
  // made with a year whose register is empty (domain/reports/recorded.ts).
  const recorded = await recordedAreas(db, unitId, scope.from, factsUntil(scope));
  const recordedBefore = await recordedAreas(
    db,
    unitId,
    previousScope.from,
    factsUntil(previousScope),
  );
  const period = periodText(scope.from, factsUntil(scope));
  const previousPeriod = periodText(previousScope.from, factsUntil(previousScope));
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
      const current = checkRecorded(
        code,
        await computeMetric({ db, code, scope }),
        recorded,
        period,
      );
      const previous = compare
        ? checkRecorded(
            code,
            await computeMetric({ db, code, scope: previousScope, withRecords: false }),
            recordedBefore,
            previousPeriod,
          )
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

  // Evaluation shares drafted before the decisions: the proposed levels, "dự kiến".
  for (const [code, kind] of [
    ['evaluation.members_good_or_better', 'member'],
    ['evaluation.grassroots_good_or_better', 'grassroots_organisation'],
  ] as const) {
    const provisional = await provisionalShare(db, unit.path, year, kind);
    const f = figures[code];
    if (!provisional || !f) continue;
    f.current = provisional.value;
    f.recordCount = provisional.records.length;
    const e = evidence.find((x) => x.key === code);
    if (e) e.records = provisional.records;
  }

  // Inspection and discipline: the inspection figures service, this year and the year before.
  const inspection = await inspectionOf(db, unit, year, scope);
  const previousInspection = await inspectionOf(db, unit, year - 1, previousScope);
  for (const e of inspection.evidence) {
    evidence.push(e);
    figures[e.key] = {
      key: e.key,
      metricCode: e.metricCode,
      label: e.label,
      unit: 'count',
      current: { status: 'ok', value: inspection.counts[e.key] ?? 0 },
      previous:
        previousInspection.figures.status === 'ok'
          ? { status: 'ok', value: previousInspection.counts[e.key] ?? 0 }
          : null,
      recordCount: e.records.length,
    };
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
            provisional: await keyTaskRatingsProvisional(db, unitId, year),
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
    inspection: inspection.figures,
    previousInspection: previousInspection.figures,
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
