// The annual plan (docs/domain/annual-plan.md): terms, key tasks, numeric targets bound to metrics, the metric
// catalogue and its drill-down, and the dashboard.
import { keyTaskOrigins, keyTaskRatings, keyTaskStatuses } from '../domain/rules/plans/key-tasks';
import { comparators, targetStatuses } from '../domain/rules/plans/target-status';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZYear = z.coerce.number().int().min(1990).max(2100);
const ZText = (max = 500) => z.string().trim().min(1, 'Trường này bắt buộc.').max(max);
const ZMetricUnit = z.enum(['count', 'percent', 'amount']);

// ---------------------------------------------------------------------------------------------
// Metrics

export const ZMetricInfo = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  unit: ZMetricUnit,
  area: z.string(),
  areaLabel: z.string(),
  /** A target bound to it names a resolution (dissemination coverage). */
  perResolution: z.boolean(),
});
export const ZMetricList = z.object({ items: z.array(ZMetricInfo) });

export const ZMetricRecord = z.object({
  kind: z.string(),
  id: z.number(),
  label: z.string(),
  /** The date of the fact, for dated records (an admission, a transfer…). */
  date: z.string().optional(),
  /** Where the record stands, below the figure's unit (members and applicants in the drawer). */
  orgUnitPath: z.string().optional(),
});
export type TMetricRecord = z.infer<typeof ZMetricRecord>;

export const ZMetricRecordsQuery = z.object({
  code: z.string().min(1).max(100),
  orgUnitId: ZId.optional(),
  year: ZYear,
  /** A term's figure: the period runs from January of `year` to December of `toYear`. */
  toYear: ZYear.optional(),
  asOf: ZIsoDate.optional(),
});
export const ZMetricRecords = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  unit: ZMetricUnit,
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  status: z.enum(['ok', 'unavailable']),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  reason: z.string().nullable(),
  records: z.array(ZMetricRecord),
});
export type TMetricRecords = z.infer<typeof ZMetricRecords>;

// ---------------------------------------------------------------------------------------------
// Terms

const ZTermFields = z.object({
  name: ZText(200),
  fromYear: ZYear,
  toYear: ZYear,
  congressResolution: ZOptionalText(500),
  congressDate: ZIsoDate.nullish(),
  note: ZOptionalText(2000),
});
const termYearsInOrder = {
  check: (t: { fromYear: number; toYear: number }) => t.toYear > t.fromYear,
  message: 'Năm kết thúc nhiệm kỳ phải sau năm bắt đầu.',
};
export const ZTermInput = ZTermFields.extend({ orgUnitId: ZId }).refine(termYearsInOrder.check, {
  message: termYearsInOrder.message,
  path: ['toYear'],
});
export type TTermInput = z.infer<typeof ZTermInput>;
/** Edit a term: its name, years, congress resolution and date (optimistic `version`). */
export const ZTermUpdate = ZTermFields.extend({ version: z.number().int() }).refine(
  termYearsInOrder.check,
  { message: termYearsInOrder.message, path: ['toYear'] },
);
export type TTermUpdate = z.infer<typeof ZTermUpdate>;

export const ZTerm = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  name: z.string(),
  fromYear: z.number(),
  toYear: z.number(),
  congressResolution: z.string().nullable(),
  congressDate: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type TTerm = z.infer<typeof ZTerm>;
export const ZTermQuery = z.object({ orgUnitId: ZId.optional() });
export const ZTermList = z.object({ items: z.array(ZTerm) });

// ---------------------------------------------------------------------------------------------
// Targets

const ZAdditionalMetricCodes = z
  .array(z.string().min(1).max(100))
  .max(3, 'Một chỉ tiêu gắn tối đa 4 chỉ số.');

export const ZTargetInput = z.object({
  orgUnitId: ZId,
  /** A yearly target; null with a termId: a target of the whole term. */
  year: ZYear.nullish(),
  termId: ZId.nullish(),
  title: ZText(300),
  metricCode: z.string().min(1).max(100),
  /**
   * Further metrics the same target binds ("100% … quán triệt, xây dựng chương trình hành động":
   * dissemination and action programmes); met only when every bound metric meets the threshold.
   */
  additionalMetricCodes: ZAdditionalMetricCodes.optional(),
  /** The resolution a per-resolution metric (dissemination coverage) is about; required for them. */
  resolutionId: ZId.nullish(),
  comparator: z.enum(comparators),
  threshold: z.number().min(0).max(1e12),
  baseline: z.number().min(0).max(1e12).nullish(),
  note: ZOptionalText(2000),
});
export type TTargetInput = z.infer<typeof ZTargetInput>;

export const ZTargetUpdate = z.object({
  title: ZText(300),
  /** Only for per-resolution metrics; absent: unchanged. */
  resolutionId: ZId.nullish(),
  /** The further metrics bound to the target; absent: unchanged. */
  additionalMetricCodes: ZAdditionalMetricCodes.optional(),
  comparator: z.enum(comparators),
  threshold: z.number().min(0).max(1e12),
  baseline: z.number().min(0).max(1e12).nullish(),
  note: ZOptionalText(2000),
  version: z.number().int(),
});
export type TTargetUpdate = z.infer<typeof ZTargetUpdate>;

export const ZCascadeInput = z.object({
  shares: z
    .array(z.object({ orgUnitId: ZId, threshold: z.number().min(0).max(1e12) }))
    .min(1)
    .max(500),
});
export type TCascadeInput = z.infer<typeof ZCascadeInput>;

export const ZTargetView = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number().nullable(),
  termId: z.number().nullable(),
  parentTargetId: z.number().nullable(),
  title: z.string(),
  metricCode: z.string(),
  metricLabel: z.string(),
  metricUnit: ZMetricUnit,
  additionalMetricCodes: z.array(z.string()),
  /**
   * Every bound metric (the first is `metricCode`) with its own value and status; `value` and
   * `status` of the target are the deciding metric's (the one furthest from the threshold).
   */
  metrics: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      value: z.number().nullable(),
      unavailableReason: z.string().nullable(),
      status: z.enum(targetStatuses),
      statusLabel: z.string(),
    }),
  ),
  /** Per-resolution metrics: the resolution the target is about, and how to name it. */
  resolutionId: z.number().nullable(),
  resolutionLabel: z.string().nullable(),
  comparator: z.enum(comparators),
  threshold: z.number(),
  baseline: z.number().nullable(),
  note: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  value: z.number().nullable(),
  unavailableReason: z.string().nullable(),
  /** The pro-rata value expected by asOf for counts of the period; null otherwise. */
  expected: z.number().nullable(),
  status: z.enum(targetStatuses),
  statusLabel: z.string(),
  /** "vượt 15,8% chỉ tiêu", "đạt 87,5% chỉ tiêu". */
  progress: z.string(),
  childCount: z.number(),
  childThresholdSum: z.number().nullable(),
  version: z.number(),
});
export type TTargetView = z.infer<typeof ZTargetView>;

export const ZTargetDetailQuery = z.object({ asOf: ZIsoDate.optional() });
export const ZTargetDetail = z.object({
  target: ZTargetView,
  description: z.string(),
  /** `value` is the target's (deciding) value; `values` each bound metric's, in `metrics` order. */
  history: z.array(
    z.object({
      date: z.string(),
      value: z.number().nullable(),
      values: z.array(z.number().nullable()),
    }),
  ),
  children: z.array(ZTargetView),
  /** The records behind the first metric's value. */
  records: z.array(ZMetricRecord),
  /** The records behind each bound metric (one entry per metric, in `metrics` order). */
  recordsByMetric: z.array(
    z.object({ code: z.string(), label: z.string(), records: z.array(ZMetricRecord) }),
  ),
});
export type TTargetDetail = z.infer<typeof ZTargetDetail>;

// ---------------------------------------------------------------------------------------------
// Key tasks

/** What an office plans for a task: title, requirement, products, owner, deadline. */
const ZKeyTaskPlanFields = z.object({
  title: ZText(500),
  requirement: ZOptionalText(2000),
  products: ZOptionalText(2000),
  ownerKind: z.enum(['unit', 'member']),
  ownerOrgUnitId: ZId.nullish(),
  ownerMemberId: ZId.nullish(),
  deadline: ZIsoDate,
});
const memberOwnerChosen = (t: { ownerKind: 'unit' | 'member'; ownerMemberId?: number | null }) =>
  t.ownerKind !== 'member' || t.ownerMemberId != null;
const memberOwnerMissing = { message: 'Cần chọn đảng viên phụ trách.', path: ['ownerMemberId'] };

export const ZKeyTaskInput = ZKeyTaskPlanFields.extend({
  orgUnitId: ZId,
  year: ZYear,
  origin: z.enum(keyTaskOrigins),
}).refine(memberOwnerChosen, memberOwnerMissing);
export type TKeyTaskInput = z.infer<typeof ZKeyTaskInput>;

/** Edit a task's plan fields (not its unit, year or origin; not its result). */
export const ZKeyTaskUpdate = ZKeyTaskPlanFields.extend({ version: z.number().int() }).refine(
  memberOwnerChosen,
  memberOwnerMissing,
);
export type TKeyTaskUpdate = z.infer<typeof ZKeyTaskUpdate>;

/**
 * Turn a decision adopted at a meeting into a key task of the meeting unit's plan for the year of the
 * deadline (the decision's deadline by default).
 */
export const ZDecisionTaskInput = ZKeyTaskPlanFields.extend({ decisionId: ZId }).refine(
  memberOwnerChosen,
  memberOwnerMissing,
);
export type TDecisionTaskInput = z.infer<typeof ZDecisionTaskInput>;

export const ZDeleted = z.object({ id: z.number(), deleted: z.number() });

export const ZKeyTaskResult = z.object({
  status: z.enum(keyTaskStatuses),
  completedOn: ZIsoDate.nullish(),
  exceededPercent: z.number().min(0).max(1000).nullish(),
  resultNote: ZOptionalText(2000),
  rating: z.enum(keyTaskRatings).nullish(),
  ratedOn: ZIsoDate.nullish(),
  version: z.number().int(),
});
export type TKeyTaskResult = z.infer<typeof ZKeyTaskResult>;

export const ZKeyTask = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  title: z.string(),
  requirement: z.string().nullable(),
  products: z.string().nullable(),
  origin: z.enum(keyTaskOrigins),
  assignedByOrgUnitId: z.number().nullable(),
  assignedByName: z.string().nullable(),
  ownerKind: z.enum(['unit', 'member']),
  ownerOrgUnitId: z.number().nullable(),
  ownerMemberId: z.number().nullable(),
  ownerName: z.string(),
  deadline: z.string(),
  status: z.enum(keyTaskStatuses),
  completedOn: z.string().nullable(),
  exceededPercent: z.number().nullable(),
  resultNote: z.string().nullable(),
  rating: z.enum(keyTaskRatings).nullable(),
  ratedOn: z.string().nullable(),
  timeliness: z.object({
    kind: z.enum(['ahead', 'on_time', 'late', 'pending', 'overdue']),
    days: z.number(),
    label: z.string(),
  }),
  /** The meeting decision the task was created from: "Từ nghị quyết cuộc họp … ngày dd/mm/yyyy". */
  source: z.object({ meetingId: z.number(), decisionId: z.number(), label: z.string() }).nullable(),
  version: z.number(),
});
export type TKeyTask = z.infer<typeof ZKeyTask>;

export const ZTaskSummary = z.object({
  total: z.number(),
  completed: z.number(),
  onTime: z.number(),
  late: z.number(),
  exceeded: z.number(),
  byRating: z.array(
    z.object({ rating: z.enum(keyTaskRatings), label: z.string(), count: z.number() }),
  ),
  sentence: z.string(),
});
export type TTaskSummary = z.infer<typeof ZTaskSummary>;

// ---------------------------------------------------------------------------------------------
// The year's plan of a unit

export const ZYearPlanQuery = z.object({
  orgUnitId: ZId.optional(),
  year: ZYear,
  asOf: ZIsoDate.optional(),
});
export const ZYearPlan = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  asOf: z.string(),
  canWrite: z.boolean(),
  canRecordResults: z.boolean(),
  term: ZTerm.nullable(),
  termTargets: z.array(ZTargetView),
  targets: z.array(ZTargetView),
  tasks: z.array(ZKeyTask),
  taskSummary: ZTaskSummary,
  assignedTasks: z.array(ZKeyTask),
  /** How many tasks it handed down (also when `assigned=count` leaves the list out). */
  assignedTaskCount: z.number(),
});
export type TYearPlan = z.infer<typeof ZYearPlan>;

// ---------------------------------------------------------------------------------------------
// Dashboard

export const ZDashboardQuery = ZYearPlanQuery;
export const ZDashboardFigure = z.object({
  code: z.string(),
  label: z.string(),
  description: z.string(),
  unit: ZMetricUnit,
  area: z.string(),
  status: z.enum(['ok', 'unavailable']),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  reason: z.string().nullable(),
});
export type TDashboardFigure = z.infer<typeof ZDashboardFigure>;
export const ZDashboard = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  asOf: z.string(),
  /** The same day one year earlier: the year-over-year comparison is at the same point of the year. */
  previousAsOf: z.string(),
  targets: z.array(ZTargetView),
  taskSummary: ZTaskSummary,
  previousTaskSummary: ZTaskSummary,
  figures: z.array(ZDashboardFigure),
  /** Admissions to the end of each month (cumulative), this year and the year before. */
  admissionsByMonth: z.array(
    z.object({ month: z.number(), value: z.number().nullable(), previous: z.number().nullable() }),
  ),
});
export type TDashboard = z.infer<typeof ZDashboard>;

// ---------------------------------------------------------------------------------------------
// Tasks handed down to lower units: filtered, grouped by the receiving unit, paged (issue 22)

/** `overdue`: not completed and past its deadline on the plan's date. */
export const assignedTaskFilters = [...keyTaskStatuses, 'overdue'] as const;
export const ZAssignedTasksQuery = z.object({
  orgUnitId: ZId.optional(),
  year: ZYear,
  asOf: ZIsoDate.optional(),
  /** The receiving unit (one group). */
  unit: ZId.optional(),
  status: z.enum(assignedTaskFilters).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  /** 0 answers the groups and the total only. */
  pageSize: z.coerce.number().int().min(0).max(200).default(20),
});
export type TAssignedTasksQuery = Omit<z.infer<typeof ZAssignedTasksQuery>, 'page' | 'pageSize'> & {
  page?: number;
  pageSize?: number;
};
export const ZTaskGroup = z.object({
  orgUnitId: z.number(),
  /** The unit's name, with its parent's when the name alone is ambiguous. */
  label: z.string(),
  count: z.number(),
  overdue: z.number(),
  completed: z.number(),
});
export type TTaskGroup = z.infer<typeof ZTaskGroup>;
export const ZAssignedTasks = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  asOf: z.string(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  groups: z.array(ZTaskGroup),
  items: z.array(ZKeyTask),
});
export type TAssignedTasks = z.infer<typeof ZAssignedTasks>;
/** The year's plan without the (long) list of tasks handed down: the page reads them paged. */
export const ZYearPlanRouteQuery = ZYearPlanQuery.extend({
  assigned: z.enum(['list', 'count']).optional(),
});
