// Key tasks (nhiệm vụ trọng tâm): entered in a unit's plan for a year — handed down by the upper level
// or set by the unit itself — with an owner (the unit or one of its lower units, or a member), a
// deadline and products; their result (completion date, share exceeded) and year-end rating.
import type {
  TDecisionTaskInput,
  TKeyTaskInput,
  TKeyTaskResult,
  TKeyTaskUpdate,
  TTaskSummary,
} from '../../../contracts/plans';
import {
  type KeyTaskRating,
  keyTaskRatingLabels,
  keyTaskRatings,
  keyTaskSummary,
  taskFacts,
} from '../../../domain/rules/plans/key-tasks';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { keyTasks } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { getTaskInScope, type TaskRow } from './plans.queries';

/** What a summary reads of a task. */
export type TaskFactsRow = Pick<
  TaskRow,
  'year' | 'deadline' | 'status' | 'completed_on' | 'exceeded_percent' | 'rating' | 'rated_on'
>;

/** "hoàn thành 6/6 nhiệm vụ trọng tâm; 2 xuất sắc, 4 tốt", with the facts behind it, at asOf. */
export const summariseTasks = (rows: TaskFactsRow[], asOf: string): TTaskSummary => {
  const facts = taskFacts(
    rows.map((r) => ({
      deadline: r.deadline,
      status: r.status,
      completedOn: r.completed_on,
      exceededPercent: r.exceeded_percent === null ? null : Number(r.exceeded_percent),
    })),
    asOf,
  );
  const counts: Partial<Record<KeyTaskRating, number>> = {};
  for (const r of rows)
    if (r.rating && r.rated_on && r.rated_on <= asOf)
      counts[r.rating] = (counts[r.rating] ?? 0) + 1;
  return {
    total: facts.total,
    completed: facts.completed ?? 0,
    onTime: facts.onTime,
    late: facts.late,
    exceeded: facts.exceeded,
    byRating: keyTaskRatings.map((rating) => ({
      rating,
      label: keyTaskRatingLabels[rating],
      count: counts[rating] ?? 0,
    })),
    sentence: keyTaskSummary(facts.total, facts.completed ?? 0, counts),
  };
};

const checkOwner = async (
  tx: DbOrTx,
  actor: Actor,
  unitPath: string,
  input: Pick<TKeyTaskInput, 'ownerKind' | 'ownerOrgUnitId' | 'ownerMemberId'>,
  unitId: number,
) => {
  if (input.ownerKind === 'member') {
    const m = await queryOne<{ id: number }>(
      tx,
      sql`select m.id from members m join org_units o on o.id = m.org_unit_id
          where m.id = ${input.ownerMemberId!} and o.path <@ ${unitPath}::ltree and ${inScope(actor, sql`o.path`)}
            and m.status in ('probationary', 'full', 'exempted', 'suspended')`,
    );
    if (!m)
      throw invalidField(
        'ownerMemberId',
        'Đảng viên phụ trách phải đang sinh hoạt trong tổ chức này.',
      );
    return { ownerOrgUnitId: null, ownerMemberId: m.id };
  }
  const ownerId = input.ownerOrgUnitId ?? unitId;
  const o = await queryOne<{ id: number }>(
    tx,
    sql`select id from org_units o where id = ${ownerId} and path <@ ${unitPath}::ltree and dissolved_on is null`,
  );
  if (!o)
    throw invalidField(
      'ownerOrgUnitId',
      'Tập thể phụ trách phải là tổ chức này hoặc tổ chức cấp dưới.',
    );
  return { ownerOrgUnitId: o.id, ownerMemberId: null };
};

/**
 * Insert a task into a unit's plan after the checks every entry path shares (unit in scope and not
 * dissolved, deadline within the year, an upper level for a handed-down task, the owner), and audit it.
 */
const insertKeyTask = async (
  tx: DbOrTx,
  actor: Actor,
  input: TKeyTaskInput,
  audit: { action: string; source?: Record<string, unknown> },
) => {
  const unit = await getUnitInScope(tx, actor, input.orgUnitId);
  if (unit.dissolved_on) throw invalidField('orgUnitId', `${unit.name} đã giải thể.`);
  checkDeadline(input.deadline, input.year);
  if (input.origin === 'assigned' && unit.parent_id === null)
    throw invalidField('origin', 'Tổ chức cấp cao nhất không có cấp trên giao nhiệm vụ.');
  const owner = await checkOwner(tx, actor, unit.path, input, unit.id);
  const term = await queryOne<{ id: number }>(
    tx,
    sql`select t.id from plan_terms t join org_units o on o.id = t.org_unit_id
        where o.path @> ${unit.path}::ltree and ${input.year} between t.from_year and t.to_year
        order by nlevel(o.path) desc, t.from_year desc limit 1`,
  );
  const [row] = await tx
    .insert(keyTasks)
    .values({
      orgUnitId: unit.id,
      year: input.year,
      termId: term?.id ?? null,
      title: input.title,
      requirement: input.requirement ?? null,
      products: input.products ?? null,
      origin: input.origin,
      assignedByOrgUnitId: input.origin === 'assigned' ? unit.parent_id : null,
      ownerKind: input.ownerKind,
      ...owner,
      deadline: input.deadline,
      createdBy: actor.userId,
    })
    .returning();
  await writeAudit(tx, {
    actor,
    action: audit.action,
    entityType: 'key_task',
    entityId: row.id,
    orgUnitId: unit.id,
    after: { ...row, ...audit.source },
  });
  return row;
};

const checkDeadline = (deadline: string, year: number) => {
  if (deadline < `${year}-01-01`)
    throw invalidField('deadline', `Hạn hoàn thành không được trước năm ${year}.`);
};

export const createKeyTask = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TKeyTaskInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const row = await insertKeyTask(tx, actor, input, { action: 'plans.task.create' });
    return { id: row.id };
  });

/**
 * A decision adopted at a meeting becomes a key task of the meeting unit's own plan for the year of
 * its deadline, and the decision keeps the link (meeting_decisions.key_task_id). Same authorisation
 * as entering a task in that plan: plans.write (the route) and the unit in the caller's subtree.
 */
export const createTaskFromDecision = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TDecisionTaskInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const decision = await queryOne<{
      id: number;
      key_task_id: number | null;
      org_unit_id: number;
    }>(
      tx,
      sql`select d.id, d.key_task_id, m.org_unit_id from meeting_decisions d
          join meetings m on m.id = d.meeting_id join org_units o on o.id = m.org_unit_id
          where d.id = ${input.decisionId} and ${inScope(actor, sql`o.path`)}
          for update of d`,
    );
    if (!decision) throw notFound('nội dung nghị quyết của cuộc họp');
    if (decision.key_task_id !== null)
      throw new AppError('BAD_REQUEST', {
        message: 'Nội dung này đã được chuyển thành nhiệm vụ trọng tâm.',
      });
    const { decisionId, ...fields } = input;
    const row = await insertKeyTask(
      tx,
      actor,
      {
        ...fields,
        orgUnitId: decision.org_unit_id,
        year: Number(input.deadline.slice(0, 4)),
        origin: 'own',
      },
      { action: 'plans.task.create_from_decision', source: { sourceDecisionId: decisionId } },
    );
    await tx.execute(
      sql`update meeting_decisions set key_task_id = ${row.id} where id = ${decisionId}`,
    );
    return { id: row.id };
  });

/** A task of a plan whose unit is in the caller's subtree (an owner cell sees it, but may not edit it). */
const getPlanTaskForEdit = async (tx: DbOrTx, actor: Actor, id: number) => {
  const before = await getTaskInScope(tx, actor, id, true);
  const unit = await getUnitInScope(tx, actor, before.org_unit_id);
  return { before, unit };
};

/** Edit the plan fields of a task: title, requirement, products, owner, deadline. */
export const updateKeyTask = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TKeyTaskUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const { before, unit } = await getPlanTaskForEdit(tx, actor, id);
    if (before.version !== input.version) throw conflict();
    checkDeadline(input.deadline, before.year);
    const owner = await checkOwner(tx, actor, unit.path, input, unit.id);
    await tx.execute(sql`update key_tasks set title = ${input.title},
      requirement = ${input.requirement ?? null}, products = ${input.products ?? null},
      owner_kind = ${input.ownerKind}, owner_org_unit_id = ${owner.ownerOrgUnitId},
      owner_member_id = ${owner.ownerMemberId}, deadline = ${input.deadline},
      version = version + 1, updated_at = now() where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'plans.task.update',
      entityType: 'key_task',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: input,
    });
    return { id, version: before.version + 1 };
  });

/** Why a task cannot be deleted, or null: a recorded result or tasks handed down from it. */
export const taskDeleteBlocker = (
  task: Pick<TaskRow, 'status' | 'completed_on' | 'rating' | 'result_note'>,
  handedDown: number,
): string | null => {
  if (task.status !== 'planned' || task.completed_on || task.rating || task.result_note)
    return 'Nhiệm vụ đã ghi kết quả thực hiện hoặc đánh giá nên không thể xóa.';
  if (handedDown > 0)
    return `Nhiệm vụ đã được giao tiếp cho ${handedDown} tổ chức cấp dưới: cần xóa các nhiệm vụ đó trước.`;
  return null;
};

/**
 * Delete a task entered by mistake: only while nothing was recorded on it and nothing was handed down
 * from it. A meeting decision it came from keeps its text and goes back to its own "done" flag.
 */
export const deleteKeyTask = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}): Promise<{ id: number; deleted: number }> =>
  db.transaction(async (tx) => {
    const { before } = await getPlanTaskForEdit(tx, actor, id);
    const children = await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from key_tasks where parent_task_id = ${id}`,
    );
    const blocker = taskDeleteBlocker(before, children?.n ?? 0);
    if (blocker) throw new AppError('BAD_REQUEST', { message: blocker });
    await tx.execute(sql`delete from key_tasks where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'plans.task.delete',
      entityType: 'key_task',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
    });
    return { id, deleted: 1 };
  });

/** Record the result: status, completion date, share exceeded, year-end rating. */
export const recordTaskResult = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TKeyTaskResult;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const before = await getTaskInScope(tx, actor, id, true);
    if (before.version !== input.version) throw conflict();
    const today = todayIso();
    const completed = input.status === 'completed';
    if (completed && !input.completedOn)
      throw invalidField('completedOn', 'Cần nhập ngày hoàn thành.');
    if (input.completedOn && input.completedOn > today)
      throw invalidField('completedOn', 'Ngày hoàn thành không được sau hôm nay.');
    if (input.completedOn && input.completedOn < `${before.year}-01-01`)
      throw invalidField('completedOn', `Ngày hoàn thành không được trước năm ${before.year}.`);
    if (input.rating && input.status !== 'completed' && input.rating !== 'not_completed')
      throw invalidField(
        'rating',
        'Nhiệm vụ chưa hoàn thành chỉ được đánh giá "Không hoàn thành".',
      );
    if (input.rating === 'not_completed' && completed)
      throw invalidField('rating', 'Nhiệm vụ đã hoàn thành không thể đánh giá "Không hoàn thành".');
    const ratedOn = input.rating ? (input.ratedOn ?? today) : null;
    if (ratedOn && ratedOn > today)
      throw invalidField('ratedOn', 'Ngày đánh giá không được sau hôm nay.');
    await tx.execute(sql`update key_tasks set status = ${input.status},
      completed_on = ${completed ? input.completedOn! : null},
      exceeded_percent = ${completed ? (input.exceededPercent ?? 0) : null},
      result_note = ${input.resultNote ?? null}, rating = ${input.rating ?? null}, rated_on = ${ratedOn},
      version = version + 1, updated_at = now() where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'plans.task.result',
      entityType: 'key_task',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: input,
    });
    return { id, version: before.version + 1 };
  });

/**
 * The tasks of a unit's plans of these years, only what their summary reads: the unit is in the
 * caller's scope (checked by the caller), so every task of its plan is.
 */
export const unitTaskFacts = (db: DbOrTx, orgUnitId: number, years: readonly number[]) =>
  queryRows<TaskFactsRow>(
    db,
    sql`select year, deadline::text as deadline, status, completed_on::text as completed_on,
          exceeded_percent, rating, rated_on::text as rated_on
        from key_tasks where org_unit_id = ${orgUnitId} and year in (${sql.join(
          years.map((y) => sql`${y}`),
          sql`, `,
        )})`,
  );
