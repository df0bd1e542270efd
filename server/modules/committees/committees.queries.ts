// Reads of committees over time: a unit's committee as of a date, its history, who held a position on
// a date, a member's positions, and the structure against the congress's personnel plan.
//
// Across restructuring: positions stay with the unit they were held in. The committee of a unit as of a
// date lists positions only when the unit existed on that date (org_unit_history), so before a merge
// the old unit's committee shows, after it the new unit's; an open position of a unit that has since
// ceased to exist is shown with the unit's end (`unitDissolvedOn`), not rewritten.
import type { SQL } from 'drizzle-orm';
import type { TCommitteeRow, TCommitteeStructure } from '../../../contracts/committees';
import { type CommitteePosition, committeePositions } from '../../../domain/enums/congresses';
import {
  type CommitteeMember,
  committeeStructure,
  structureGaps,
} from '../../../domain/rules/congresses';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { requireAccess } from '../../platform/access/records';
import { seesOwnRecordOnly } from '../../platform/access/role-rules';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { committeeOnlyPositions, inspectionPositions } from './committees.policy';

type Raw = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  member_id: number;
  full_name: string;
  position: TCommitteeRow['position'];
  term_from_year: number;
  term_to_year: number;
  from_date: string;
  to_date: string | null;
  start_reason: TCommitteeRow['startReason'];
  start_decision_ref: string | null;
  end_reason: TCommitteeRow['endReason'];
  end_decision_ref: string | null;
  re_elected: boolean;
  unit_dissolved_on: string | null;
  version: number;
};

const positionOrder = sql`array_position(array[${sql.join(
  committeePositions.map((p) => sql`${p}`),
  sql`, `,
)}]::text[], c.position)`;

const selectRows = (where: SQL, order: SQL = sql`${positionOrder}, c.from_date, m.full_name`) =>
  sql`select c.id, c.org_unit_id, o.name as org_unit_name, c.member_id, m.full_name, c.position,
        c.term_from_year, c.term_to_year, c.from_date, c.to_date, c.start_reason,
        c.start_decision_ref, c.end_reason, c.end_decision_ref, c.re_elected,
        case when c.to_date is null or c.to_date >= o.dissolved_on then o.dissolved_on end
          as unit_dissolved_on,
        c.version
      from committee_memberships c join org_units o on o.id = c.org_unit_id
      join members m on m.id = c.member_id
      where ${where}
      order by ${order}`;

const toRow = (r: Raw): TCommitteeRow => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  memberId: r.member_id,
  fullName: r.full_name,
  position: r.position,
  termFromYear: r.term_from_year,
  termToYear: r.term_to_year,
  fromDate: r.from_date,
  toDate: r.to_date,
  startReason: r.start_reason,
  startDecisionRef: r.start_decision_ref,
  endReason: r.end_reason,
  endDecisionRef: r.end_decision_ref,
  reElected: r.re_elected,
  unitDissolvedOn: r.unit_dissolved_on,
  version: r.version,
});

/** Positions held on a date: started on or before it, not ended before it (toDate is the last day). */
const heldOn = (date: string) =>
  sql`c.from_date <= ${date} and (c.to_date is null or c.to_date >= ${date})`;

/** The unit existed on the date (it had a row of history valid then). */
const unitExistedOn = async (db: DbOrTx, orgUnitId: number, date: string) =>
  Boolean(
    await queryOne(
      db,
      sql`select 1 from org_unit_history where org_unit_id = ${orgUnitId}
          and valid_from <= ${date} and (valid_to is null or valid_to > ${date}) limit 1`,
    ),
  );

/** A unit of the actor's subtree for the committee pages (a member reads only their own record's list). */
const unitForCommittee = async (db: DbOrTx, actor: Actor, orgUnitId: number) => {
  if (seesOwnRecordOnly(actor)) throw notFound('tổ chức đảng');
  return getUnitInScope(db, actor, orgUnitId);
};

/** The rows held at a unit on a date (none when the unit did not exist then). */
export const positionsHeldOn = async (
  db: DbOrTx,
  orgUnitId: number,
  date: string,
  position?: CommitteePosition,
): Promise<TCommitteeRow[]> => {
  if (!(await unitExistedOn(db, orgUnitId, date))) return [];
  const rows = await queryRows<Raw>(
    db,
    selectRows(
      sql`c.org_unit_id = ${orgUnitId} and ${heldOn(date)}
          ${position ? sql`and c.position = ${position}` : sql``}`,
    ),
  );
  return rows.map(toRow);
};

export const getCommittee = async ({
  db,
  actor,
  orgUnitId,
  date,
}: {
  db: DbOrTx;
  actor: Actor;
  orgUnitId: number;
  date?: string;
}) => {
  const unit = await unitForCommittee(db, actor, orgUnitId);
  const on = date ?? todayIso();
  const unitExisted = await unitExistedOn(db, unit.id, on);
  const rows = unitExisted ? await positionsHeldOn(db, unit.id, on) : [];
  const groups = committeePositions
    .map((position) => ({ position, items: rows.filter((r) => r.position === position) }))
    .filter((g) => g.items.length > 0);
  const latest = rows.reduce<TCommitteeRow | null>(
    (a, r) => (a === null || r.termFromYear > a.termFromYear ? r : a),
    null,
  );
  return {
    orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
    date: on,
    unitExisted,
    term: latest ? { fromYear: latest.termFromYear, toYear: latest.termToYear } : null,
    groups,
    memberCount: new Set(
      rows.filter((r) => committeeOnlyPositions.includes(r.position)).map((r) => r.memberId),
    ).size,
    canEdit: can(actor, 'committee.write'),
  };
};

export const getCommitteeHistory = async ({
  db,
  actor,
  orgUnitId,
}: {
  db: DbOrTx;
  actor: Actor;
  orgUnitId: number;
}) => {
  const unit = await unitForCommittee(db, actor, orgUnitId);
  const items = (
    await queryRows<Raw>(
      db,
      selectRows(
        sql`c.org_unit_id = ${unit.id}`,
        sql`c.term_from_year desc, ${positionOrder}, c.from_date, m.full_name`,
      ),
    )
  ).map(toRow);
  type Event = {
    date: string;
    kind: 'start' | 'end';
    rowId: number;
    memberId: number;
    fullName: string;
    position: CommitteePosition;
    reason: string | null;
    decisionRef: string | null;
  };
  const events: Event[] = [];
  for (const r of items) {
    const base = { rowId: r.id, memberId: r.memberId, fullName: r.fullName, position: r.position };
    events.push({
      ...base,
      date: r.fromDate,
      kind: 'start',
      reason: r.startReason,
      decisionRef: r.startDecisionRef,
    });
    if (r.toDate !== null)
      events.push({
        ...base,
        date: r.toDate,
        kind: 'end',
        // No reason: the member moved to another position of the committee on the next day.
        reason: r.endReason,
        decisionRef: r.endDecisionRef,
      });
    else if (r.unitDissolvedOn !== null)
      events.push({
        ...base,
        date: r.unitDissolvedOn,
        kind: 'end',
        reason: 'restructured',
        decisionRef: null,
      });
  }
  events.sort((a, b) =>
    a.date !== b.date
      ? b.date.localeCompare(a.date)
      : a.kind !== b.kind
        ? a.kind === 'end'
          ? 1
          : -1
        : committeePositions.indexOf(a.position) - committeePositions.indexOf(b.position),
  );
  return { orgUnit: { id: unit.id, name: unit.name }, items, events };
};

/** "Who held position P of unit X on date D" (e.g. who was the secretary). */
export const getHolders = async ({
  db,
  actor,
  orgUnitId,
  position,
  date,
}: {
  db: DbOrTx;
  actor: Actor;
  orgUnitId: number;
  position: CommitteePosition;
  date?: string;
}) => {
  const unit = await unitForCommittee(db, actor, orgUnitId);
  const on = date ?? todayIso();
  return { date: on, items: await positionsHeldOn(db, unit.id, on, position) };
};

/**
 * A member's committee positions (the cấp ủy list of the member record): every position of every
 * unit, when the member record is reachable (a member reaches only their own).
 */
export const getMemberPositions = async ({
  db,
  actor,
  memberId,
}: {
  db: DbOrTx;
  actor: Actor;
  memberId: number;
}) => {
  await requireAccess(db, actor, 'member.read', memberId);
  const rows = await queryRows<Raw>(
    db,
    selectRows(
      sql`c.member_id = ${memberId}`,
      sql`coalesce(c.to_date, '9999-12-31') desc, c.from_date desc, ${positionOrder}`,
    ),
  );
  return { items: rows.map(toRow) };
};

/** The secretary of a unit on a date (the head of the unit's committee), for other modules. */
export const secretaryOn = async (
  db: DbOrTx,
  orgUnitId: number,
  date: string,
): Promise<{ memberId: number; fullName: string } | null> => {
  const [row] = await positionsHeldOn(db, orgUnitId, date, 'secretary');
  return row ? { memberId: row.memberId, fullName: row.fullName } : null;
};

/**
 * The units whose secretary (their head) each member was on a date, counting only units that existed
 * then: the evaluations module rates a head after the unit they lead.
 */
export const unitsHeadedOn = async (
  db: DbOrTx,
  memberIds: readonly number[],
  date: string,
): Promise<{ memberId: number; orgUnitId: number }[]> => {
  if (memberIds.length === 0) return [];
  const rows = await queryRows<{ member_id: number; org_unit_id: number }>(
    db,
    sql`select distinct c.member_id, c.org_unit_id from committee_memberships c
        where c.position = 'secretary' and ${heldOn(date)}
          and c.member_id in (${sql.join(
            memberIds.map((id) => sql`${id}`),
            sql`, `,
          )})
          and exists (select 1 from org_unit_history h where h.org_unit_id = c.org_unit_id
            and h.valid_from <= ${date} and (h.valid_to is null or h.valid_to > ${date}))`,
  );
  return rows.map((r) => ({ memberId: r.member_id, orgUnitId: r.org_unit_id }));
};

/**
 * The committee on a date against the personnel plan of the unit's latest congress on or before that
 * date (the planned* columns of `congresses`, read as a table: the congresses module is above this one).
 */
export const getCommitteeStructure = async ({
  db,
  actor,
  orgUnitId,
  date,
}: {
  db: DbOrTx;
  actor: Actor;
  orgUnitId: number;
  date?: string;
}): Promise<TCommitteeStructure> => {
  const unit = await unitForCommittee(db, actor, orgUnitId);
  const on = date ?? todayIso();
  const rows = await positionsHeldOn(db, unit.id, on);
  const congress = await queryOne<{
    id: number;
    held_on: string | null;
    planned_on: string | null;
    planned_committee_size: number | null;
    planned_standing_size: number | null;
    planned_deputy_count: number | null;
    planned_inspection_size: number | null;
    planned_young_pct: number | null;
    planned_women_pct: number | null;
    planned_minority_pct: number | null;
    planned_reelected_pct: number | null;
  }>(
    db,
    sql`select id, held_on, planned_on, planned_committee_size, planned_standing_size,
          planned_deputy_count, planned_inspection_size, planned_young_pct, planned_women_pct,
          planned_minority_pct, planned_reelected_pct
        from congresses where org_unit_id = ${unit.id} and coalesce(held_on, planned_on) <= ${on}
        order by coalesce(held_on, planned_on) desc, id desc limit 1`,
  );
  const committeeIds = [
    ...new Set(
      rows.filter((r) => committeeOnlyPositions.includes(r.position)).map((r) => r.memberId),
    ),
  ];
  const standingIds = new Set(
    rows
      .filter((r) => ['secretary', 'deputy_secretary', 'standing_member'].includes(r.position))
      .map((r) => r.memberId),
  );
  const deputyIds = new Set(
    rows.filter((r) => r.position === 'deputy_secretary').map((r) => r.memberId),
  );
  const inspectionIds = new Set(
    rows.filter((r) => inspectionPositions.includes(r.position)).map((r) => r.memberId),
  );
  const people = committeeIds.length
    ? await queryRows<{
        id: number;
        birth_date: string | null;
        sex: string | null;
        ethnicity: string | null;
        general_education: string | null;
      }>(
        db,
        sql`select id, birth_date, sex, ethnicity, general_education from members
            where id in (${sql.join(
              committeeIds.map((id) => sql`${id}`),
              sql`, `,
            )})`,
      )
    : [];
  const reElected = new Map<number, boolean>();
  for (const r of rows)
    if (committeeOnlyPositions.includes(r.position))
      reElected.set(r.memberId, (reElected.get(r.memberId) ?? false) || r.reElected);
  const members: CommitteeMember[] = people.map((p) => ({
    id: String(p.id),
    birthDate: p.birth_date,
    sex: p.sex === 'female' ? 'female' : p.sex === 'male' ? 'male' : null,
    ethnicity: p.ethnicity,
    education: p.general_education,
    reElected: reElected.get(p.id) ?? false,
  }));
  const structure = committeeStructure(members, on);
  const pctOf = (planned: number | null | undefined) =>
    planned === null || planned === undefined ? undefined : planned / 100;
  const gaps = structureGaps(structure, {
    size: congress?.planned_committee_size ?? undefined,
    minShare: {
      young: pctOf(congress?.planned_young_pct),
      women: pctOf(congress?.planned_women_pct),
      ethnicMinority: pctOf(congress?.planned_minority_pct),
    },
  });
  const shortOn = new Set(
    gaps
      .filter((g) => g.kind === 'min_share' || (g.kind === 'size' && (g.actual ?? 0) < g.planned))
      .map((g) => g.indicator),
  );
  const share = (s: number | null) => (s === null ? null : Math.round(s * 1000) / 10);
  const count = (key: string, label: string, actual: number, planned: number | null) => ({
    key,
    label,
    unit: 'count' as const,
    actual,
    planned,
    gap: planned === null ? null : actual - planned,
    short: planned !== null && actual < planned,
  });
  const pct = (
    key: string,
    label: string,
    actual: number | null,
    planned: number | null,
    short: boolean,
  ) => ({
    key,
    label,
    unit: 'pct' as const,
    actual,
    planned,
    gap: planned === null || actual === null ? null : Math.round((actual - planned) * 10) / 10,
    short,
  });
  const f = structure.figures;
  return {
    date: on,
    congress: congress
      ? { id: congress.id, heldOn: congress.held_on, plannedOn: congress.planned_on }
      : null,
    rows: [
      {
        ...count(
          'size',
          'Số cấp ủy viên',
          structure.size,
          congress?.planned_committee_size ?? null,
        ),
        short: shortOn.has('size'),
      },
      count(
        'standing',
        'Số ủy viên Ban Thường vụ',
        standingIds.size,
        congress?.planned_standing_size ?? null,
      ),
      count('deputies', 'Số Phó Bí thư', deputyIds.size, congress?.planned_deputy_count ?? null),
      count(
        'inspection',
        'Số ủy viên Ủy ban kiểm tra',
        inspectionIds.size,
        congress?.planned_inspection_size ?? null,
      ),
      pct(
        'young',
        `Tỷ lệ cấp ủy viên trẻ (dưới ${structure.youngAgeBelow} tuổi)`,
        share(f.young.share),
        congress?.planned_young_pct ?? null,
        shortOn.has('young'),
      ),
      pct(
        'women',
        'Tỷ lệ cấp ủy viên nữ',
        share(f.women.share),
        congress?.planned_women_pct ?? null,
        shortOn.has('women'),
      ),
      pct(
        'minority',
        'Tỷ lệ cấp ủy viên người dân tộc thiểu số',
        share(f.ethnicMinority.share),
        congress?.planned_minority_pct ?? null,
        shortOn.has('ethnicMinority'),
      ),
      // The re-elected share is a share aimed at, not a minimum: the gap is shown, not flagged.
      pct(
        'reElected',
        'Tỷ lệ cấp ủy viên tái cử',
        share(f.reElected.share),
        congress?.planned_reelected_pct ?? null,
        false,
      ),
    ],
  };
};
