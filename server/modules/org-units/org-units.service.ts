import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TOrgOperation, TOrgUnitDetail } from '../../../contracts/org-units';
import {
  type OrgOperationKind,
  type OrgUnitKind,
  orgOperationLabels,
} from '../../../domain/enums/org-units';
import { type Db, type DbOrTx, queryOne, queryRows, type Tx } from '../../db/client';
import {
  agencies,
  massOrganisations,
  memberEvents,
  orgOperations,
  orgUnitHistory,
  orgUnits,
} from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope, type UnitRow, unitsAsOf } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { forgetSessions } from '../../platform/auth/auth.service';
import { todayIso } from '../../platform/clock';
import { AppError, invalidField } from '../../platform/errors';
import {
  activeStatusList,
  type FiguresTx,
  markDisseminationChanged,
  markTreeChangedUnder,
  markUnitCounted,
  moveSubtreeFigures,
  withFigures,
} from '../figures';
import { applyMemberTimeline, lockMember } from '../members';
import {
  beforeParentProblem,
  childKindProblem,
  effectiveDateProblem,
  holdsMembers,
} from './org-units.policy';

const invalid = (message: string, path = 'kind') => invalidField(path, message);

export const getOrgUnitDetail = async ({
  db,
  actor,
  id,
  asOf,
}: {
  db: Db;
  actor: Actor;
  id: number;
  asOf: string;
}): Promise<TOrgUnitDetail> => {
  const unit = await getUnitInScope(db, actor, id);
  const at = await queryOne<{
    name: string;
    short_name: string | null;
    kind: OrgUnitKind;
    path: string;
    parent_id: number | null;
  }>(
    db,
    sql`select name, short_name, kind, path::text as path, parent_id from ${unitsAsOf(actor, asOf)} u where u.id = ${id}`,
  );
  const path = at?.path ?? unit.path;
  // The whole line above, also outside the caller's scope: a cell's own page says which organisation
  // it belongs to, as every form's header does (names only; the units themselves stay out of reach).
  const ancestors = await queryRows<{ id: number; name: string }>(
    db,
    sql`select o.id, o.name from org_units o
        where o.path @> ${unit.path}::ltree and o.id <> ${id}
        order by nlevel(o.path)`,
  );
  const counts = await queryOne<{ total: number; probationary: number; children: number }>(
    db,
    sql`with units as ${unitsAsOf(actor, asOf)}
        select
          count(p.*) filter (where p.status in (${activeStatusList}))::int as total,
          count(p.*) filter (where p.status = 'probationary')::int as probationary,
          (select count(*) from units k where k.parent_id = ${id})::int as children
        from units u
        left join member_periods p on p.org_unit_id = u.id
          and p.valid_from <= ${asOf} and (p.valid_to is null or p.valid_to > ${asOf})
        where u.path <@ ${path}::ltree`,
  );
  const history = await queryRows<{
    valid_from: string;
    valid_to: string | null;
    kind: OrgUnitKind;
    name: string;
    short_name: string | null;
    parent_name: string | null;
    op_id: number | null;
    op_kind: OrgOperationKind | null;
    op_decision: string | null;
  }>(
    db,
    sql`select h.valid_from, h.valid_to, h.kind, h.name, h.short_name,
          (select ph.name from org_unit_history ph where ph.org_unit_id = h.parent_id
             and ph.valid_from <= h.valid_from and (ph.valid_to is null or ph.valid_to > h.valid_from)
             limit 1) as parent_name,
          op.id as op_id, op.kind as op_kind, op.decision_number as op_decision
        from org_unit_history h left join org_operations op on op.id = h.operation_id
        where h.org_unit_id = ${id} order by h.valid_from desc, h.id desc`,
  );
  const agencyRows = await db.select().from(agencies).where(eq(agencies.orgUnitId, id));
  const massRows = agencyRows.length
    ? await db
        .select()
        .from(massOrganisations)
        .where(
          sql`${massOrganisations.agencyId} in (${sql.join(
            agencyRows.map((a) => sql`${a.id}`),
            sql`, `,
          )})`,
        )
    : [];
  return {
    id,
    kind: at?.kind ?? unit.kind,
    name: at?.name ?? unit.name,
    shortName: at ? at.short_name : unit.short_name,
    parentId: at ? at.parent_id : unit.parent_id,
    ancestors,
    establishedOn: unit.established_on,
    dissolvedOn: unit.dissolved_on,
    existsOnDate: Boolean(at),
    memberCount: counts?.total ?? 0,
    probationaryCount: counts?.probationary ?? 0,
    childCount: counts?.children ?? 0,
    history: history.map((h) => ({
      validFrom: h.valid_from,
      validTo: h.valid_to,
      kind: h.kind,
      name: h.name,
      shortName: h.short_name,
      parentName: h.parent_name,
      operation: h.op_id
        ? { id: h.op_id, kind: h.op_kind as OrgOperationKind, decisionNumber: h.op_decision ?? '' }
        : null,
    })),
    agencies: agencyRows.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      staffCount: a.staffCount,
      massOrganisations: massRows
        .filter((m) => m.agencyId === a.id)
        .map((m) => ({ id: m.id, kind: m.kind, name: m.name, memberCount: m.memberCount })),
    })),
    version: unit.version,
  };
};

/** Close the unit's open history row on `date` and open one with its values from then on. */
const recordHistory = async (tx: Tx, unitId: number, date: string, operationId: number) => {
  const [u] = await tx.select().from(orgUnits).where(eq(orgUnits.id, unitId));
  const open = and(eq(orgUnitHistory.orgUnitId, unitId), isNull(orgUnitHistory.validTo));
  // A second change on the same day replaces that day's row instead of leaving an empty interval.
  await tx.delete(orgUnitHistory).where(and(open, eq(orgUnitHistory.validFrom, date)));
  await tx.update(orgUnitHistory).set({ validTo: date }).where(open);
  if (u.dissolvedOn) return;
  await tx.insert(orgUnitHistory).values({
    orgUnitId: unitId,
    validFrom: date,
    kind: u.kind,
    name: u.name,
    shortName: u.shortName,
    parentId: u.parentId,
    path: u.path,
    operationId,
  });
};

/** The latest recorded change of these units; a decision cannot be dated before it. */
const lastChangeOf = async (tx: DbOrTx, unitIds: number[]): Promise<string | null> => {
  const row = await queryOne<{ last: string | null }>(
    tx,
    sql`select max(valid_from)::text as last from org_unit_history
        where org_unit_id in (${sql.join(
          unitIds.map((i) => sql`${i}`),
          sql`, `,
        )})`,
  );
  return row?.last ?? null;
};

const activeMemberIdsIn = async (tx: DbOrTx, unitId: number): Promise<number[]> =>
  (
    await queryRows<{ id: number }>(
      tx,
      sql`select id from members where org_unit_id = ${unitId} and status in (${activeStatusList}) order by id`,
    )
  ).map((r) => r.id);

const liveChildrenOf = async (tx: DbOrTx, unitId: number) =>
  queryRows<{ id: number; kind: OrgUnitKind; name: string }>(
    tx,
    sql`select id, kind, name from org_units where parent_id = ${unitId} and dissolved_on is null order by id`,
  );

/** Move members to another cell by dated 'moved' events that cite the decision. */
const moveMembers = async (
  tx: FiguresTx,
  actor: Actor,
  memberIds: number[],
  toUnitId: number,
  op: { id: number; effectiveDate: string; decisionNumber: string },
) => {
  for (const memberId of memberIds) {
    const before = await lockMember(tx, memberId);
    await tx.insert(memberEvents).values({
      memberId,
      kind: 'moved',
      eventDate: op.effectiveDate,
      orgUnitId: toUnitId,
      decisionNumber: op.decisionNumber,
      note: 'Chuyển sinh hoạt do sắp xếp tổ chức',
      orgOperationId: op.id,
      recordedBy: actor.userId,
    });
    try {
      await applyMemberTimeline(tx, memberId, before);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw invalid(
        `Không thể chuyển sinh hoạt cho đảng viên ${before.fullName}: ${error.message}`,
        'effectiveDate',
      );
    }
  }
};

/** Re-parent a unit: rewrite the paths of its subtree, move its totals, record history. */
const reparent = async (
  tx: FiguresTx,
  unit: UnitRow,
  newParent: UnitRow,
  date: string,
  opId: number,
) => {
  if (newParent.path === unit.path || newParent.path.startsWith(`${unit.path}.`))
    throw invalid(
      'Không thể chuyển một tổ chức vào chính nó hoặc tổ chức cấp dưới của nó.',
      'newParentId',
    );
  const kindProblem = childKindProblem(newParent.kind, unit.kind);
  if (kindProblem) throw invalid(kindProblem, 'newParentId');
  const oldParentPath = unit.path.split('.').slice(0, -1).join('.');
  const newPath = `${newParent.path}.${unit.id}`;
  await tx.execute(sql`
    update org_units set
      path = case when id = ${unit.id} then ${newPath}::ltree
                  else ${newPath}::ltree || subpath(path, nlevel(${unit.path}::ltree)) end,
      parent_id = case when id = ${unit.id} then ${newParent.id} else parent_id end,
      version = version + 1, updated_at = now()
    where path <@ ${unit.path}::ltree`);
  await moveSubtreeFigures(tx, unit.id, oldParentPath, newParent.path);
  const subtree = await queryRows<{ id: number }>(
    tx,
    sql`select id from org_units where path <@ ${newPath}::ltree and dissolved_on is null`,
  );
  for (const s of subtree) await recordHistory(tx, s.id, date, opId);
  // Events dated on or after the move now count for the new parent (and, for a backdated move, the
  // placement of earlier ones may change): the subtree's facts are recounted (moveSubtreeFigures).
};

/** A new unit under `parent`: its path (known once the id is), first history row and count. */
const createUnit = async (
  tx: FiguresTx,
  u: {
    parent: UnitRow;
    kind: OrgUnitKind;
    name: string;
    shortName: string | null;
    date: string;
    operationId: number;
  },
) => {
  const [created] = await tx
    .insert(orgUnits)
    .values({
      kind: u.kind,
      name: u.name,
      shortName: u.shortName,
      parentId: u.parent.id,
      path: u.parent.path,
      establishedOn: u.date,
    })
    .returning();
  await tx
    .update(orgUnits)
    .set({ path: `${u.parent.path}.${created.id}` })
    .where(eq(orgUnits.id, created.id));
  await recordHistory(tx, created.id, u.date, u.operationId);
  markUnitCounted(tx, created.id, u.kind, 1);
  // A unit established on or before a resolution's study deadline had to study it.
  markDisseminationChanged(tx, [created.id]);
  return created;
};

const dissolve = async (tx: FiguresTx, unitId: number, date: string, opId: number) => {
  const [unit] = await tx
    .select({ kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.id, unitId));
  markUnitCounted(tx, unitId, unit.kind, -1);
  await tx
    .update(orgUnits)
    .set({ dissolvedOn: date, version: sql`${orgUnits.version} + 1`, updatedAt: new Date() })
    .where(eq(orgUnits.id, unitId));
  await recordHistory(tx, unitId, date, opId);
  // Events dated after the dissolution no longer belong anywhere in the tree: recount its members.
  markTreeChangedUnder(tx, unitId);
};

const unitName = (u: { name: string }) => u.name;

export type OrgOperationResult = {
  operationId: number;
  affectedUnitIds: number[];
  movedMembers: number;
};

/**
 * One restructuring decision, all or nothing: the tree, its history, the members moved by it,
 * the maintained totals and the audit record change in one transaction.
 */
export const applyOrgOperation = async ({
  db,
  actor,
  input,
}: {
  /** The database, or the caller's transaction (a discipline decision that dissolves a unit). */
  db: DbOrTx;
  actor: Actor;
  input: TOrgOperation;
}): Promise<OrgOperationResult> => {
  const result = await withFigures(db, async (tx) => {
    const today = todayIso();
    const checkDate = async (unitIds: number[]) => {
      const problem = effectiveDateProblem(
        input.effectiveDate,
        await lastChangeOf(tx, unitIds),
        today,
      );
      if (problem) throw invalid(problem, 'effectiveDate');
    };
    const liveUnit = async (id: number, field: string) => {
      const u = await getUnitInScope(tx, actor, id, true);
      if (u.dissolved_on) throw invalid(`${u.name} đã giải thể.`, field);
      return u;
    };
    /** The unit the decision places others under must exist on its effective date. */
    const checkParentExists = (parent: UnitRow, field: string) => {
      const problem = beforeParentProblem(input.effectiveDate, parent);
      if (problem) throw invalid(problem, field);
    };
    const [op] = await tx
      .insert(orgOperations)
      .values({
        kind: input.kind,
        effectiveDate: input.effectiveDate,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate ?? null,
        note: input.note ?? null,
        actorUserId: actor.userId,
      })
      .returning();
    const opRef = {
      id: op.id,
      effectiveDate: input.effectiveDate,
      decisionNumber: input.decisionNumber,
    };
    const affected: number[] = [];
    let moved = 0;
    let summary = '';

    switch (input.kind) {
      case 'establish': {
        const parent = await liveUnit(input.parentId, 'parentId');
        const kindProblem = childKindProblem(parent.kind, input.unitKind);
        if (kindProblem) throw invalid(kindProblem, 'unitKind');
        checkParentExists(parent, 'effectiveDate');
        if (input.effectiveDate > today)
          throw invalid('Ngày hiệu lực không được sau ngày hôm nay.', 'effectiveDate');
        const created = await createUnit(tx, {
          parent,
          kind: input.unitKind,
          name: input.name,
          shortName: input.shortName ?? null,
          date: input.effectiveDate,
          operationId: op.id,
        });
        affected.push(created.id);
        summary = `Thành lập ${input.name} trực thuộc ${parent.name}`;
        break;
      }
      case 'rename': {
        const unit = await liveUnit(input.orgUnitId, 'orgUnitId');
        await checkDate([unit.id]);
        await tx
          .update(orgUnits)
          .set({
            name: input.name,
            shortName: input.shortName ?? null,
            version: sql`${orgUnits.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(orgUnits.id, unit.id));
        await recordHistory(tx, unit.id, input.effectiveDate, op.id);
        affected.push(unit.id);
        summary = `Đổi tên ${unit.name} thành ${input.name}`;
        break;
      }
      case 'move': {
        const unit = await liveUnit(input.orgUnitId, 'orgUnitId');
        const parent = await liveUnit(input.newParentId, 'newParentId');
        if (unit.parent_id === parent.id)
          throw invalid(`${unit.name} đã trực thuộc ${parent.name}.`, 'newParentId');
        checkParentExists(parent, 'effectiveDate');
        await checkDate([unit.id]);
        await reparent(tx, unit, parent, input.effectiveDate, op.id);
        affected.push(unit.id);
        summary = `Điều chuyển ${unit.name} về trực thuộc ${parent.name}`;
        break;
      }
      case 'merge': {
        const target = await liveUnit(input.targetId, 'targetId');
        const sources: UnitRow[] = [];
        for (const id of input.sourceIds) {
          if (id === target.id)
            throw invalid(
              'Tổ chức nhận hợp nhất không thể đồng thời là tổ chức bị hợp nhất.',
              'sourceIds',
            );
          const s = await liveUnit(id, 'sourceIds');
          if (target.path.startsWith(`${s.path}.`))
            throw invalid(`Không thể hợp nhất ${s.name} vào tổ chức cấp dưới của nó.`, 'targetId');
          sources.push(s);
        }
        checkParentExists(target, 'effectiveDate');
        await checkDate([target.id, ...sources.map((s) => s.id)]);
        for (const s of sources) {
          for (const child of await liveChildrenOf(tx, s.id)) {
            const c = await getUnitInScope(tx, actor, child.id, true);
            const fresh = await getUnitInScope(tx, actor, target.id);
            await reparent(tx, c, fresh, input.effectiveDate, op.id);
          }
          const memberIds = await activeMemberIdsIn(tx, s.id);
          if (memberIds.length > 0) {
            if (!holdsMembers(target.kind))
              throw invalid(
                `${target.name} không trực tiếp quản lý đảng viên; hãy hợp nhất vào một chi bộ.`,
                'targetId',
              );
            await moveMembers(tx, actor, memberIds, target.id, opRef);
            moved += memberIds.length;
          }
          await tx
            .update(agencies)
            .set({ orgUnitId: target.id })
            .where(eq(agencies.orgUnitId, s.id));
          await dissolve(tx, s.id, input.effectiveDate, op.id);
          affected.push(s.id);
        }
        affected.push(target.id);
        summary = `Hợp nhất ${sources.map(unitName).join(', ')} vào ${target.name}${moved ? ` (${moved} đảng viên chuyển sinh hoạt)` : ''}`;
        break;
      }
      case 'split': {
        const unit = await liveUnit(input.orgUnitId, 'orgUnitId');
        if (!holdsMembers(unit.kind) || (await liveChildrenOf(tx, unit.id)).length > 0)
          throw invalid(
            'Chỉ chia tách được chi bộ; với đảng bộ, hãy thành lập tổ chức mới rồi điều chuyển các chi bộ.',
            'orgUnitId',
          );
        await checkDate([unit.id]);
        const active = new Set(await activeMemberIdsIn(tx, unit.id));
        const assigned = new Set<number>();
        for (const part of input.newUnits) {
          for (const id of part.memberIds) {
            if (!active.has(id))
              throw invalid(
                'Danh sách có đảng viên không thuộc chi bộ đang chia tách.',
                'newUnits',
              );
            if (assigned.has(id))
              throw invalid('Một đảng viên được phân vào hai chi bộ mới.', 'newUnits');
            assigned.add(id);
          }
        }
        if (assigned.size !== active.size)
          throw invalid(
            `Còn ${active.size - assigned.size} đảng viên chưa được phân vào chi bộ mới.`,
            'newUnits',
          );
        const parent = unit.parent_id ? await getUnitInScope(tx, actor, unit.parent_id) : null;
        if (!parent)
          throw invalid(
            'Không thể chia tách tổ chức cấp cao nhất trong phạm vi của bạn.',
            'orgUnitId',
          );
        checkParentExists(parent, 'effectiveDate');
        for (const part of input.newUnits) {
          const created = await createUnit(tx, {
            parent,
            kind: unit.kind,
            name: part.name,
            shortName: part.shortName ?? null,
            date: input.effectiveDate,
            operationId: op.id,
          });
          await moveMembers(tx, actor, part.memberIds, created.id, opRef);
          moved += part.memberIds.length;
          affected.push(created.id);
        }
        await dissolve(tx, unit.id, input.effectiveDate, op.id);
        affected.push(unit.id);
        summary = `Chia tách ${unit.name} thành ${input.newUnits.map(unitName).join(', ')}`;
        break;
      }
      case 'dissolve': {
        const unit = await liveUnit(input.orgUnitId, 'orgUnitId');
        if (unit.id === actor.scopeOrgUnitId)
          throw invalid('Không thể giải thể tổ chức gốc trong phạm vi của bạn.', 'orgUnitId');
        await checkDate([unit.id]);
        const children = await liveChildrenOf(tx, unit.id);
        if (children.length > 0)
          throw invalid(
            `${unit.name} còn ${children.length} tổ chức trực thuộc; hãy điều chuyển hoặc giải thể trước.`,
            'orgUnitId',
          );
        const remaining = await activeMemberIdsIn(tx, unit.id);
        if (remaining.length > 0)
          throw invalid(
            `${unit.name} còn ${remaining.length} đảng viên đang sinh hoạt; hãy chuyển sinh hoạt trước khi giải thể.`,
            'orgUnitId',
          );
        await dissolve(tx, unit.id, input.effectiveDate, op.id);
        affected.push(unit.id);
        summary = `Giải thể ${unit.name}`;
        break;
      }
    }

    const fullSummary = `${summary} (${input.decisionNumber})`;
    await tx
      .update(orgOperations)
      .set({ summary: { text: fullSummary, affectedUnitIds: affected, movedMembers: moved } })
      .where(eq(orgOperations.id, op.id));
    await writeAudit(tx, {
      actor,
      action: `org.${input.kind}`,
      entityType: 'org_operation',
      entityId: op.id,
      orgUnitId: affected[0] ?? null,
      after: { ...input, summary: fullSummary, label: orgOperationLabels[input.kind] },
    });
    return { operationId: op.id, affectedUnitIds: affected, movedMembers: moved };
  });
  // Scope paths may have moved: sessions cached in this process read theirs again.
  forgetSessions(db);
  return result;
};

export const listOrgOperations = async ({
  db,
  actor,
  orgUnitId,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
}) => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const rows = await queryRows<{
    id: number;
    kind: OrgOperationKind;
    effective_date: string;
    decision_number: string;
    decision_date: string | null;
    note: string | null;
    summary: { text?: string };
    created_at: Date | string;
  }>(
    db,
    sql`select distinct op.id, op.kind, op.effective_date, op.decision_number, op.decision_date, op.note,
          op.summary, op.created_at
        from org_operations op
        join org_unit_history h on h.operation_id = op.id
        join org_units o on o.id = h.org_unit_id
        where o.path <@ ${unit.path}::ltree
        order by op.effective_date desc, op.id desc limit 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    effectiveDate: r.effective_date,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    note: r.note,
    summary: r.summary?.text ?? '',
    createdAt: new Date(r.created_at).toISOString(),
  }));
};
