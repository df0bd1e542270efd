// Congress rounds (docs/domain/congresses.md, "Round"): a committee runs a round for its subtree
// under the Politburo's directive (Chỉ thị 35-CT/TW ngày 30/5/2019 for 2020–2025, Chỉ thị 45-CT/TW
// ngày 14/4/2025 for 2025–2030) and its own plan, with a deadline per level. Creating a round may
// register every unit's congress in one go, all or nothing.
import type {
  TRegisterCongress,
  TRound,
  TRoundInput,
  TRoundUpdate,
} from '../../../contracts/congresses';
import {
  type CongressKind,
  type CongressLevel,
  congressLevelOfKind,
} from '../../../domain/enums/congresses';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import { congressKind } from '../../../domain/rules/congresses';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { congresses, congressRounds } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { requireAccess } from '../../platform/access/records';
import { containsScope, inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';

/** Units that hold no congress of their own subtree's round: a cell cannot run a round. */
const roundlessKinds: readonly OrgUnitKind[] = ['cell', 'grassroots_cell'];

type RoundRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  org_unit_path: string;
  name: string;
  from_year: number;
  to_year: number;
  directive_ref: string | null;
  directive_resolution_id: number | null;
  directive_number: string | null;
  plan_ref: string | null;
  cell_deadline: string | null;
  grassroots_deadline: string | null;
  upper_deadline: string | null;
  note: string | null;
  version: number;
  congress_count: number;
  held_count: number;
  in_scope: boolean;
};

/** A round is seen by its committee's subtree (it is their upper's round) and by the committees above. */
export const roundVisible = (actor: Actor) =>
  sql`(${inScope(actor, sql`ro.path`)} or ${containsScope(actor, sql`ro.path`)})`;

const roundSelect = (actor: Actor) => sql`
  select r.id, r.org_unit_id, ro.name as org_unit_name, ro.path::text as org_unit_path, r.name,
    r.from_year, r.to_year, r.directive_ref, r.directive_resolution_id, res.number as directive_number,
    r.plan_ref, r.cell_deadline::text, r.grassroots_deadline::text, r.upper_deadline::text, r.note,
    r.version, ${inScope(actor, sql`ro.path`)} as in_scope,
    (select count(*)::int from congresses c join org_units o on o.id = c.org_unit_id
      where c.round_id = r.id and ${inScope(actor, sql`o.path`)}) as congress_count,
    (select count(*)::int from congresses c join org_units o on o.id = c.org_unit_id
      where c.round_id = r.id and ${inScope(actor, sql`o.path`)}
        and c.status in ('held', 'results_approved')) as held_count
  from congress_rounds r join org_units ro on ro.id = r.org_unit_id
  left join resolutions res on res.id = r.directive_resolution_id`;

const toRound = (actor: Actor, r: RoundRow): TRound => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  name: r.name,
  fromYear: r.from_year,
  toYear: r.to_year,
  directiveRef: r.directive_ref,
  directiveResolutionId: r.directive_resolution_id,
  directiveNumber: r.directive_number,
  planRef: r.plan_ref,
  cellDeadline: r.cell_deadline,
  grassrootsDeadline: r.grassroots_deadline,
  upperDeadline: r.upper_deadline,
  note: r.note,
  version: r.version,
  congressCount: r.congress_count,
  heldCount: r.held_count,
  canEdit: r.in_scope && can(actor, 'congress.round'),
});

/** The rounds the actor sees, the newest term first (optionally those run by one unit). */
export const listRounds = async ({
  db,
  actor,
  orgUnitId,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
}): Promise<{ items: TRound[] }> => {
  const rows = await queryRows<RoundRow>(
    db,
    sql`${roundSelect(actor)} where ${roundVisible(actor)}
        ${orgUnitId ? sql`and r.org_unit_id = ${orgUnitId}` : sql``}
        order by r.from_year desc, ro.path, r.id`,
  );
  return { items: rows.map((r) => toRound(actor, r)) };
};

/** One round the actor sees (its committee in the subtree or above it), else "not found". */
export const loadRound = async (db: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<RoundRow>(
    db,
    sql`${roundSelect(actor)} where r.id = ${id} and ${roundVisible(actor)}`,
  );
  if (!row) throw notFound('đợt đại hội');
  return row;
};

export const getRound = async ({ db, actor, id }: { db: Db; actor: Actor; id: number }) =>
  toRound(actor, await loadRound(db, actor, id));

const checkRoundFields = async (
  tx: DbOrTx,
  actor: Actor,
  input: Pick<TRoundInput, 'directiveResolutionId'>,
) => {
  if (!input.directiveResolutionId) return;
  // The directive is registered by a committee above (or in) the actor's subtree.
  const found = await queryOne<{ id: number }>(
    tx,
    sql`select r.id from resolutions r join org_units o on o.id = r.owner_unit_id
        where r.id = ${input.directiveResolutionId}
          and (${inScope(actor, sql`o.path`)} or ${containsScope(actor, sql`o.path`)})`,
  );
  if (!found)
    throw invalidField('directiveResolutionId', 'Không tìm thấy chỉ thị trong sổ nghị quyết.');
};

/** Party members (full and probationary) of a unit's subtree today: what decides a grassroots congress's kind. */
const partyMembersUnder = async (tx: DbOrTx, path: string) =>
  (
    await queryOne<{ n: number }>(
      tx,
      sql`select count(*)::int as n from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ ${path}::ltree and m.status in ('full', 'probationary')`,
    )
  )?.n ?? 0;

/**
 * The congress's kind by the statute's rule (`congressKind`, docs/domain/congresses.md): a cell holds a
 * congress of members, an upper committee a congress of delegates, a grassroots committee by its
 * number of members; when the rule refuses its input, cells 'members' and committees 'delegates'.
 */
const defaultKind = async (
  tx: DbOrTx,
  level: CongressLevel,
  path: string,
  on: string,
): Promise<CongressKind> => {
  const partyMembers = level === 'grassroots' ? await partyMembersUnder(tx, path) : 0;
  const rule = congressKind({ level, partyMembers, heldOn: on });
  if (rule.ok) return rule.kind;
  return level === 'cell' ? 'members' : 'delegates';
};

type UnitForCongress = { id: number; kind: OrgUnitKind; path: string; name: string };

const insertCongress = async (
  tx: DbOrTx,
  actor: Actor,
  roundId: number,
  unit: UnitForCongress,
  on: string,
  fields: { kind?: CongressKind | null; isPilot?: boolean; plannedOn?: string | null } = {},
) => {
  const level = congressLevelOfKind[unit.kind];
  const [row] = await tx
    .insert(congresses)
    .values({
      roundId,
      orgUnitId: unit.id,
      level,
      kind: fields.kind ?? (await defaultKind(tx, level, unit.path, on)),
      isPilot: fields.isPilot ?? false,
      plannedOn: fields.plannedOn ?? null,
      createdBy: actor.userId,
    })
    .returning();
  return row;
};

/**
 * Create a round; with `registerUnits`, a congress for every unit of the subtree active on
 * `registerOn` (default today), the round's committee included, in the same transaction: a unit that
 * cannot be registered undoes the whole round.
 */
export const createRound = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TRoundInput;
}): Promise<{ id: number; version: number; registered: number }> =>
  db.transaction(async (tx) => {
    const unit = await getUnitInScope(tx, actor, input.orgUnitId);
    if (roundlessKinds.includes(unit.kind))
      throw invalidField('orgUnitId', 'Đợt đại hội do đảng ủy chỉ đạo, không lập cho chi bộ.');
    await checkRoundFields(tx, actor, input);
    const same = await queryOne<{ name: string }>(
      tx,
      sql`select name from congress_rounds where org_unit_id = ${unit.id} and from_year = ${input.fromYear}`,
    );
    if (same)
      throw invalidField(
        'fromYear',
        `${unit.name} đã có đợt đại hội nhiệm kỳ bắt đầu năm ${input.fromYear} (${same.name}).`,
      );
    const [round] = await tx
      .insert(congressRounds)
      .values({
        orgUnitId: unit.id,
        name: input.name.normalize('NFC'),
        fromYear: input.fromYear,
        toYear: input.toYear,
        directiveRef: input.directiveRef ?? null,
        directiveResolutionId: input.directiveResolutionId ?? null,
        planRef: input.planRef ?? null,
        cellDeadline: input.cellDeadline ?? null,
        grassrootsDeadline: input.grassrootsDeadline ?? null,
        upperDeadline: input.upperDeadline ?? null,
        note: input.note ?? null,
        createdBy: actor.userId,
      })
      .returning();
    let registered = 0;
    if (input.registerUnits) {
      const on = input.registerOn ?? todayIso();
      const units = await queryRows<UnitForCongress>(
        tx,
        sql`select o.id, o.kind, o.path::text as path, o.name from org_units o
            where o.path <@ ${unit.path}::ltree and o.established_on <= ${on}
              and (o.dissolved_on is null or o.dissolved_on > ${on})
            order by o.path`,
      );
      for (const u of units) {
        if (!(u.kind in congressLevelOfKind))
          throw invalidField('registerUnits', `Không xác định được cấp đại hội của ${u.name}.`);
        await insertCongress(tx, actor, round.id, u, on);
        registered += 1;
      }
    }
    await writeAudit(tx, {
      actor,
      action: 'congress.round.create',
      entityType: 'congress_round',
      entityId: round.id,
      orgUnitId: unit.id,
      after: { ...round, registered },
    });
    return { id: round.id, version: round.version, registered };
  });

export const updateRound = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TRoundUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    await requireAccess(tx, actor, 'round.write', id, { lock: true });
    const before = (await queryOne<
      Record<string, unknown> & { version: number; org_unit_id: number }
    >(tx, sql`select * from congress_rounds where id = ${id}`))!;
    if (before.version !== input.version) throw conflict();
    await checkRoundFields(tx, actor, input);
    const same = await queryOne<{ id: number }>(
      tx,
      sql`select id from congress_rounds where org_unit_id = ${before.org_unit_id}
          and from_year = ${input.fromYear} and id <> ${id}`,
    );
    if (same)
      throw invalidField('fromYear', `Đã có đợt đại hội nhiệm kỳ bắt đầu năm ${input.fromYear}.`);
    await tx.execute(sql`update congress_rounds set name = ${input.name.normalize('NFC')},
      from_year = ${input.fromYear}, to_year = ${input.toYear}, directive_ref = ${input.directiveRef ?? null},
      directive_resolution_id = ${input.directiveResolutionId ?? null}, plan_ref = ${input.planRef ?? null},
      cell_deadline = ${input.cellDeadline ?? null}, grassroots_deadline = ${input.grassrootsDeadline ?? null},
      upper_deadline = ${input.upperDeadline ?? null}, note = ${input.note ?? null},
      version = version + 1 where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'congress.round.update',
      entityType: 'congress_round',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before,
      after: input,
    });
    return { id, version: before.version + 1 };
  });

/** Register one unit's congress in a round: a unit of the round's subtree, within the actor's. */
export const registerCongress = async ({
  db,
  actor,
  roundId,
  input,
}: {
  db: Db;
  actor: Actor;
  roundId: number;
  input: TRegisterCongress;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    const unit = await getUnitInScope(tx, actor, input.orgUnitId);
    if (!(unit.path === round.org_unit_path || unit.path.startsWith(`${round.org_unit_path}.`)))
      throw invalidField('orgUnitId', `${unit.name} không thuộc ${round.org_unit_name}.`);
    if (unit.dissolved_on)
      throw invalidField('orgUnitId', `${unit.name} đã giải thể, không tổ chức đại hội.`);
    const existing = await queryOne<{ id: number }>(
      tx,
      sql`select id from congresses where round_id = ${roundId} and org_unit_id = ${unit.id}`,
    );
    if (existing) throw invalidField('orgUnitId', `${unit.name} đã có đại hội trong đợt này.`);
    const row = await insertCongress(tx, actor, roundId, unit, todayIso(), input);
    await writeAudit(tx, {
      actor,
      action: 'congress.register',
      entityType: 'congress',
      entityId: row.id,
      orgUnitId: unit.id,
      after: row,
    });
    return { id: row.id, version: row.version };
  });
