// The shape every metric of the catalogue shares (docs/ARCHITECTURE.md, "From a write to the report"). Targets, the dashboard and
// the annual report read figures only through `computeMetric`, so one definition answers all three and
// every figure can show the records behind it.
import type { DbOrTx } from '../../db/client';

/** What a figure is about: a subtree (the tree as of `asOf`), a period, and the facts known at `asOf`. */
export type MetricScope = {
  /** Root of the subtree (an org unit id); the caller has already checked it is in the actor's scope. */
  unitId: number;
  /** The period, ISO dates, both inclusive (a year: YYYY-01-01 … YYYY-12-31). */
  from: string;
  to: string;
  /** Facts recorded on or before this date count; defaults to `to` (or today when `to` is later). */
  asOf: string;
  /** For metrics about one resolution (dissemination coverage): the resolution's id. */
  resolutionId?: number;
};

/** A record behind a figure, for drill-down and the report's evidence appendix. */
export type MetricRecord = {
  /** The table the id belongs to: 'member', 'org_unit', 'applicant', 'inspection_case', … */
  kind: string;
  id: number;
  /** A human label (name, unit name, case title) so that an evidence list reads without lookups. */
  label: string;
  /** The date of the fact (admission, decision, award…) when the record is a dated fact. */
  date?: string;
};

export type MetricValue =
  | {
      status: 'ok';
      /** A count, or for a percentage 100 × numerator / denominator (null when the denominator is 0). */
      value: number | null;
      numerator?: number;
      denominator?: number;
      /** The records counted (for a percentage: those in the numerator). */
      records: MetricRecord[];
    }
  | {
      /** The module that records these facts has not landed, or has no data for the period: never a guess. */
      status: 'unavailable';
      reason: string;
    };

export type MetricDefinition = {
  /** Stable code stored on targets, e.g. 'members.admitted'. */
  code: string;
  /** Vietnamese label shown on targets and dashboards. */
  label: string;
  /** How it is computed, in Vietnamese, shown next to the figure ("explainable"). */
  description: string;
  /** 'amount': a sum of money in đồng (dues collected). */
  unit: 'count' | 'percent' | 'amount';
  /** The dashboard group it belongs to (members, recruitment, inspection, …). */
  area?: MetricArea;
  /** Period metrics count facts dated in [from, min(to, asOf)]; snapshot metrics read the state at asOf. */
  kind?: 'period' | 'snapshot';
  /**
   * The figure is about one resolution (`scope.resolutionId`): a target bound to it must name the
   * resolution. Dashboards may still read it without one (every resolution due in the period).
   */
  perResolution?: boolean;
  /**
   * `withRecords: false` (dashboards, target lists) may answer from maintained totals without listing
   * the records; the records are then `[]`. Default true.
   */
  compute: (args: {
    db: DbOrTx;
    scope: MetricScope;
    withRecords?: boolean;
  }) => Promise<MetricValue>;
  /**
   * Figures one query answers together without their records (`computeMetrics`, for dashboards): the
   * metrics sharing a key are computed once per scope, each reading its value from the result. It must
   * equal `compute` (placed-facts.db.test.ts compares them on random subtrees and periods).
   */
  batch?: {
    key: string;
    compute: (args: { db: DbOrTx; scope: MetricScope }) => Promise<Record<string, MetricValue>>;
  };
};

export const metricAreas = [
  'members',
  'recruitment',
  'lifecycle',
  'inspection',
  'evaluation',
  'resolutions',
  'plans',
  'congresses',
  'proposals',
  'emulation',
] as const;
export type MetricArea = (typeof metricAreas)[number];
export const metricAreaLabels: Record<MetricArea, string> = {
  members: 'Đảng viên',
  recruitment: 'Phát triển đảng viên',
  lifecycle: 'Huy hiệu, thẻ đảng, đảng phí',
  inspection: 'Kiểm tra, giám sát, kỷ luật',
  evaluation: 'Đánh giá, xếp loại',
  resolutions: 'Học tập, quán triệt nghị quyết',
  plans: 'Nhiệm vụ trọng tâm',
  congresses: 'Đại hội, cấp ủy',
  proposals: 'Kiến nghị; nhận xét nơi cư trú',
  emulation: 'Thi đua, khen thưởng',
};
