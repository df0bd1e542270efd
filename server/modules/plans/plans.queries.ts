// Reads of the plans module: terms, targets and key tasks, always through the actor's scope. A target
// or a task is visible when its unit lies in the actor's subtree; a task also when its owner does (the
// cell that carries out a task of its grassroots organisation's plan records its result).
import { type MeetingKind, meetingKindLabels } from '../../../contracts/meetings';
import type { TKeyTask, TTerm } from '../../../contracts/plans';
import {
  type KeyTaskOrigin,
  type KeyTaskRating,
  type KeyTaskStatus,
  taskTimeliness,
  timelinessLabel,
} from '../../../domain/rules/plans/key-tasks';
import type { Comparator } from '../../../domain/rules/plans/target-status';
import { formatDate } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { notFound } from '../../platform/errors';

export type TermRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  name: string;
  from_year: number;
  to_year: number;
  congress_resolution: string | null;
  congress_date: string | null;
  note: string | null;
  version: number;
};

export const toTerm = (r: TermRow): TTerm => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  name: r.name,
  fromYear: r.from_year,
  toYear: r.to_year,
  congressResolution: r.congress_resolution,
  congressDate: r.congress_date,
  note: r.note,
  version: r.version,
});

const termSelect = sql`select t.id, t.org_unit_id, o.name as org_unit_name, t.name, t.from_year, t.to_year,
  t.congress_resolution, t.congress_date::text as congress_date, t.note, t.version
  from plan_terms t join org_units o on o.id = t.org_unit_id`;

/** Terms of the unit and of its ancestors (a cell works within its committee's term), newest first. */
export const termsOf = async (db: DbOrTx, unitPath: string): Promise<TTerm[]> =>
  (
    await queryRows<TermRow>(
      db,
      sql`${termSelect} where o.path @> ${unitPath}::ltree order by t.from_year desc, nlevel(o.path) desc`,
    )
  ).map(toTerm);

/** The term covering a year for a unit: its own, or the nearest ancestor's. */
export const termFor = async (
  db: DbOrTx,
  unitPath: string,
  year: number,
): Promise<TTerm | null> => {
  const row = await queryOne<TermRow>(
    db,
    sql`${termSelect} where o.path @> ${unitPath}::ltree and ${year} between t.from_year and t.to_year
        order by nlevel(o.path) desc, t.from_year desc limit 1`,
  );
  return row ? toTerm(row) : null;
};

/** A term of a unit in the actor's subtree, by id (to edit it). */
export const getTermInScope = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<TermRow & { path: string }>(
    db,
    sql`select t.id, t.org_unit_id, o.name as org_unit_name, o.path::text as path, t.name, t.from_year,
          t.to_year, t.congress_resolution, t.congress_date::text as congress_date, t.note, t.version
        from plan_terms t join org_units o on o.id = t.org_unit_id
        where t.id = ${id} and ${inScope(actor, sql`o.path`)} ${lock ? sql`for update of t` : sql``}`,
  );
  if (!row) throw notFound('nhiệm kỳ');
  return row;
};

/** A term of the unit itself or of one of its ancestors, by id (targets and tasks sit within it). */
export const findTermAbove = async (db: DbOrTx, id: number, unitPath: string) => {
  const row = await queryOne<TermRow>(
    db,
    sql`${termSelect} where t.id = ${id} and o.path @> ${unitPath}::ltree`,
  );
  return row ? toTerm(row) : null;
};

export type TargetRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  path: string;
  term_id: number | null;
  year: number | null;
  parent_target_id: number | null;
  title: string;
  metric_code: string;
  additional_metric_codes: string[];
  resolution_id: number | null;
  resolution_label: string | null;
  comparator: Comparator;
  threshold: number;
  baseline: number | null;
  note: string | null;
  version: number;
  term_from: number | null;
  term_to: number | null;
  child_count: number;
  child_sum: number | null;
};

export const targetSelect = sql`select g.id, g.org_unit_id, o.name as org_unit_name, o.path::text as path,
  g.term_id, g.year, g.parent_target_id, g.title, g.metric_code, g.additional_metric_codes, g.resolution_id,
  r.number || ' – ' || r.title as resolution_label, g.comparator,
  g.threshold, g.baseline, g.note, g.version, tm.from_year as term_from, tm.to_year as term_to,
  (select count(*) from plan_targets c where c.parent_target_id = g.id)::int as child_count,
  (select sum(c.threshold) from plan_targets c where c.parent_target_id = g.id) as child_sum
  from plan_targets g join org_units o on o.id = g.org_unit_id
  left join plan_terms tm on tm.id = g.term_id
  left join resolutions r on r.id = g.resolution_id`;

export const getTargetInScope = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<TargetRow>(
    db,
    sql`${targetSelect} where g.id = ${id} and ${inScope(actor, sql`o.path`)}
        ${lock ? sql`for update of g` : sql``}`,
  );
  if (!row) throw notFound('chỉ tiêu');
  return row;
};

export type TaskRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  year: number;
  term_id: number | null;
  title: string;
  requirement: string | null;
  products: string | null;
  origin: KeyTaskOrigin;
  assigned_by_org_unit_id: number | null;
  assigned_by_name: string | null;
  parent_task_id: number | null;
  owner_kind: 'unit' | 'member';
  owner_org_unit_id: number | null;
  owner_member_id: number | null;
  owner_name: string | null;
  deadline: string;
  status: KeyTaskStatus;
  completed_on: string | null;
  exceeded_percent: number | null;
  result_note: string | null;
  rating: KeyTaskRating | null;
  rated_on: string | null;
  version: number;
  source_decision_id: number | null;
  source_meeting_id: number | null;
  source_meeting_kind: MeetingKind | null;
  source_meeting_held_on: string | null;
};

/** "Từ nghị quyết cuộc họp Hội nghị Ban Chấp hành ngày 05/03/2026". */
export const decisionSourceLabel = (kind: MeetingKind, heldOn: string) =>
  `Từ nghị quyết cuộc họp ${meetingKindLabels[kind]} ngày ${formatDate(heldOn)}`;

export const taskSelect = sql`select k.id, k.org_unit_id, o.name as org_unit_name, k.year, k.term_id, k.title,
  k.requirement, k.products, k.origin, k.assigned_by_org_unit_id, ab.name as assigned_by_name,
  k.parent_task_id, k.owner_kind, k.owner_org_unit_id, k.owner_member_id,
  coalesce(om.full_name, ou.name) as owner_name, k.deadline::text as deadline, k.status,
  k.completed_on::text as completed_on, k.exceeded_percent, k.result_note, k.rating,
  k.rated_on::text as rated_on, k.version, md.id as source_decision_id,
  mt.id as source_meeting_id, mt.kind as source_meeting_kind, mt.held_on::text as source_meeting_held_on
  from key_tasks k join org_units o on o.id = k.org_unit_id
  left join org_units ab on ab.id = k.assigned_by_org_unit_id
  left join org_units ou on ou.id = k.owner_org_unit_id
  left join members om on om.id = k.owner_member_id
  left join meeting_decisions md on md.key_task_id = k.id
  left join meetings mt on mt.id = md.meeting_id`;

/** A task is in scope when its plan's unit or its owner unit is. */
export const taskInScope = (actor: Actor) =>
  sql`(${inScope(actor, sql`o.path`)} or ${inScope(actor, sql`ou.path`)})`;

export const toKeyTask = (r: TaskRow, asOf: string): TKeyTask => {
  const t = taskTimeliness(r.deadline, r.completed_on, asOf);
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    year: r.year,
    title: r.title,
    requirement: r.requirement,
    products: r.products,
    origin: r.origin,
    assignedByOrgUnitId: r.assigned_by_org_unit_id,
    assignedByName: r.assigned_by_name,
    ownerKind: r.owner_kind,
    ownerOrgUnitId: r.owner_org_unit_id,
    ownerMemberId: r.owner_member_id,
    ownerName: r.owner_name ?? '',
    deadline: r.deadline,
    status: r.status,
    completedOn: r.completed_on,
    exceededPercent: r.exceeded_percent === null ? null : Number(r.exceeded_percent),
    resultNote: r.result_note,
    rating: r.rating,
    ratedOn: r.rated_on,
    timeliness: { ...t, label: timelinessLabel(t) },
    source:
      r.source_decision_id !== null && r.source_meeting_id !== null
        ? {
            meetingId: r.source_meeting_id,
            decisionId: r.source_decision_id,
            label: decisionSourceLabel(r.source_meeting_kind!, r.source_meeting_held_on!),
          }
        : null,
    version: r.version,
  };
};

export const getTaskInScope = async (db: DbOrTx, actor: Actor, id: number, lock = false) => {
  const row = await queryOne<TaskRow>(
    db,
    sql`${taskSelect} where k.id = ${id} and ${taskInScope(actor)} ${lock ? sql`for update of k` : sql``}`,
  );
  if (!row) throw notFound('nhiệm vụ');
  return row;
};
