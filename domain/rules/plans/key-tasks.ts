// Key tasks (nhiệm vụ trọng tâm, docs/domain/annual-plan.md): each has an owner, a deadline and products; at the end
// it records when it was done (ahead, on time, late — by how many days), by how much it exceeded its
// requirement, and the year-end self-rating ("hoàn thành 6/6 nhiệm vụ trọng tâm; 2 xuất sắc, 4 tốt").
// The evaluation engine reads the same facts (TaskFacts: total, onTime, exceeded, late, completed).
import type { TaskFacts } from '../evaluation/levels';

export const keyTaskStatuses = ['planned', 'in_progress', 'completed', 'not_completed'] as const;
export type KeyTaskStatus = (typeof keyTaskStatuses)[number];
export const keyTaskStatusLabels: Record<KeyTaskStatus, string> = {
  planned: 'Chưa triển khai',
  in_progress: 'Đang thực hiện',
  completed: 'Đã hoàn thành',
  not_completed: 'Không hoàn thành',
};

export const keyTaskRatings = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type KeyTaskRating = (typeof keyTaskRatings)[number];
export const keyTaskRatingLabels: Record<KeyTaskRating, string> = {
  excellent: 'Xuất sắc',
  good: 'Tốt',
  completed: 'Hoàn thành',
  not_completed: 'Không hoàn thành',
};

/** Handed down by the upper level, or set by the unit itself: both count. */
export const keyTaskOrigins = ['assigned', 'own'] as const;
export type KeyTaskOrigin = (typeof keyTaskOrigins)[number];
export const keyTaskOriginLabels: Record<KeyTaskOrigin, string> = {
  assigned: 'Cấp trên giao',
  own: 'Đơn vị tự đề ra',
};

export type Timeliness =
  | { kind: 'ahead' | 'on_time' | 'late'; days: number }
  | { kind: 'pending' | 'overdue'; days: number };

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/**
 * Ahead: completed at least a day before the deadline (days = how many days early); on time: on the
 * deadline day; late: after it (days = how many days late). Not completed yet: pending until the
 * deadline, then overdue (days = how many days past it on `asOf`).
 */
export const taskTimeliness = (
  deadline: string,
  completedOn: string | null,
  asOf: string,
): Timeliness => {
  if (completedOn) {
    const d = dayNumber(deadline) - dayNumber(completedOn);
    if (d > 0) return { kind: 'ahead', days: d };
    if (d === 0) return { kind: 'on_time', days: 0 };
    return { kind: 'late', days: -d };
  }
  const over = dayNumber(asOf) - dayNumber(deadline);
  return over > 0 ? { kind: 'overdue', days: over } : { kind: 'pending', days: -over };
};

export const timelinessLabel = (t: Timeliness): string => {
  switch (t.kind) {
    case 'ahead':
      return `Vượt tiến độ ${t.days} ngày`;
    case 'on_time':
      return 'Đúng hạn';
    case 'late':
      return `Chậm ${t.days} ngày`;
    case 'overdue':
      return `Quá hạn ${t.days} ngày`;
    default:
      return t.days === 0 ? 'Đến hạn hôm nay' : `Còn ${t.days} ngày`;
  }
};

export type TaskFactInput = {
  deadline: string;
  status: KeyTaskStatus;
  completedOn: string | null;
  /** By how much the result exceeded the requirement, in percent (0 or null: not exceeded). */
  exceededPercent: number | null;
};

/**
 * The facts the evaluation engine receives for a set of tasks: onTime and late are completed tasks
 * done by / after their deadline (completed on or before `asOf`); exceeded are completed tasks whose
 * result went beyond the requirement; completed = onTime + late.
 */
export const taskFacts = (tasks: readonly TaskFactInput[], asOf: string): TaskFacts => {
  let onTime = 0;
  let late = 0;
  let exceeded = 0;
  for (const t of tasks) {
    if (t.status !== 'completed' || !t.completedOn || t.completedOn > asOf) continue;
    if (t.completedOn <= t.deadline) onTime++;
    else late++;
    if ((t.exceededPercent ?? 0) > 0) exceeded++;
  }
  return { total: tasks.length, onTime, late, exceeded, completed: onTime + late };
};

/** "hoàn thành 6/6 nhiệm vụ trọng tâm; 2 xuất sắc, 4 tốt". */
export const keyTaskSummary = (
  total: number,
  completed: number,
  byRating: Partial<Record<KeyTaskRating, number>>,
): string => {
  const parts = (['excellent', 'good', 'completed', 'not_completed'] as const)
    .filter((r) => (byRating[r] ?? 0) > 0)
    .map((r) => `${byRating[r]} ${keyTaskRatingLabels[r].toLowerCase()}`);
  return `hoàn thành ${completed}/${total} nhiệm vụ trọng tâm${parts.length ? `; ${parts.join(', ')}` : ''}`;
};
