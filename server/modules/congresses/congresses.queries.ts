// Reading congresses: the list with the board's drill-down filters (held, late… on a day), one
// congress with its round, documents and term. Every row is filtered by the actor's scope (the
// unit holding the congress lies in the subtree); one congress by id through `requireAccess`.

import type { SQL } from 'drizzle-orm';
import type {
  TCongressDetail,
  TCongressListItem,
  TCongressQuery,
} from '../../../contracts/congresses';
import type {
  CongressDocumentKind,
  CongressKind,
  CongressLevel,
  CongressStatus,
} from '../../../domain/enums/congresses';
import { toLikeKey } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { requireAccess } from '../../platform/access/records';
import { approvesAsUpperLevel } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';

/** The round's deadline for the congress's level (aliases: c congress, r round). */
export const deadlineSql = sql`(case c.level when 'cell' then r.cell_deadline
  when 'grassroots' then r.grassroots_deadline else r.upper_deadline end)`;
/** Held by a day: recorded as held, on a day not after it (board.policy.ts `congressStateOn`). */
const heldBy = (asOf: string) =>
  sql`(c.status in ('held', 'results_approved') and c.held_on is not null and c.held_on <= ${asOf})`;
/** Late on a day: held after the deadline, or not held by the day and the deadline passed. */
const lateOn = (asOf: string) =>
  sql`(${deadlineSql} is not null and ((${heldBy(asOf)} and c.held_on > ${deadlineSql})
    or (not ${heldBy(asOf)} and ${deadlineSql} < ${asOf})))`;
const approvedBy = (asOf: string) =>
  sql`(${heldBy(asOf)} and c.status = 'results_approved'
    and (c.results_approved_on is null or c.results_approved_on <= ${asOf}))`;

type ListRow = {
  id: number;
  round_id: number;
  round_name: string;
  org_unit_id: number;
  org_unit_name: string;
  org_unit_path: string | null;
  level: CongressLevel;
  kind: CongressKind;
  ordinal: number | null;
  is_pilot: boolean;
  status: CongressStatus;
  planned_on: string | null;
  held_on: string | null;
  place: string | null;
  deadline: string | null;
  late: boolean;
};

const listSelect = (asOf: string) => sql`
  select c.id, c.round_id, r.name as round_name, c.org_unit_id, o.name as org_unit_name,
    (select string_agg(a.name, ' › ' order by nlevel(a.path)) from org_units a
      where o.path <@ a.path and a.path <@ ro.path and a.id <> ro.id) as org_unit_path,
    c.level, c.kind, c.ordinal, c.is_pilot, c.status, c.planned_on::text, c.held_on::text, c.place,
    ${deadlineSql}::text as deadline, ${lateOn(asOf)} as late
  from congresses c join congress_rounds r on r.id = c.round_id
  join org_units o on o.id = c.org_unit_id join org_units ro on ro.id = r.org_unit_id`;

const toItem = (r: ListRow): TCongressListItem => ({
  id: r.id,
  roundId: r.round_id,
  roundName: r.round_name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  orgUnitPath: r.org_unit_path ?? r.org_unit_name,
  level: r.level,
  kind: r.kind,
  ordinal: r.ordinal,
  isPilot: r.is_pilot,
  status: r.status,
  plannedOn: r.planned_on,
  heldOn: r.held_on,
  place: r.place,
  deadline: r.deadline,
  late: r.late,
});

const stateSql = (state: NonNullable<TCongressQuery['state']>, asOf: string): SQL => {
  switch (state) {
    case 'held':
      return heldBy(asOf);
    case 'not_held':
      return sql`not ${heldBy(asOf)}`;
    case 'on_schedule':
      return sql`(${heldBy(asOf)} and not ${lateOn(asOf)})`;
    case 'late':
      return lateOn(asOf);
    default:
      return approvedBy(asOf);
  }
};

/** `GET /api/congresses`: the congresses of the actor's scope with the filters, paged. */
export const listCongresses = async ({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: TCongressQuery;
}) => {
  const asOf = query.asOf ?? todayIso();
  const where: SQL[] = [inScope(actor, sql`o.path`)];
  if (query.roundId) where.push(sql`c.round_id = ${query.roundId}`);
  if (query.orgUnitId) {
    const unit = await getUnitInScope(db, actor, query.orgUnitId);
    where.push(
      query.ownUnit ? sql`c.org_unit_id = ${unit.id}` : sql`o.path <@ ${unit.path}::ltree`,
    );
  }
  if (query.status) where.push(sql`c.status = ${query.status}`);
  if (query.level) where.push(sql`c.level = ${query.level}`);
  if (query.late !== undefined) where.push(query.late ? lateOn(asOf) : sql`not ${lateOn(asOf)}`);
  if (query.state) where.push(stateSql(query.state, asOf));
  if (query.q) {
    where.push(sql`lower(immutable_unaccent(o.name)) like ${`%${toLikeKey(query.q)}%`}`);
  }
  const cond = sql.join(where, sql` and `);
  const total =
    (
      await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from congresses c join congress_rounds r on r.id = c.round_id
            join org_units o on o.id = c.org_unit_id where ${cond}`,
      )
    )?.n ?? 0;
  const rows = await queryRows<ListRow>(
    db,
    sql`${listSelect(asOf)} where ${cond}
        order by r.from_year desc, array_position(array['upper','grassroots','cell'], c.level),
          o.path, c.id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return { items: rows.map(toItem), total, page: query.page, pageSize: query.pageSize };
};

type DetailRow = ListRow & {
  ended_on: string | null;
  plan_approved_on: string | null;
  plan_approval_ref: string | null;
  summoned_count: number | null;
  present_count: number | null;
  results_approved_on: string | null;
  results_approval_ref: string | null;
  term_id: number | null;
  term_name: string | null;
  planned_committee_size: number | null;
  planned_standing_size: number | null;
  planned_deputy_count: number | null;
  planned_inspection_size: number | null;
  planned_young_pct: number | null;
  planned_women_pct: number | null;
  planned_minority_pct: number | null;
  planned_reelected_pct: number | null;
  note: string | null;
  version: number;
  from_year: number;
  to_year: number;
  round_unit_id: number;
  round_unit_name: string;
  path: string;
};

/** The congress row with what the services need (after `requireAccess`). */
export const congressRow = async (db: DbOrTx, id: number) =>
  (await queryOne<DetailRow>(
    db,
    sql`select x.*, c.ended_on::text, c.plan_approved_on::text, c.plan_approval_ref,
          c.summoned_count, c.present_count, c.results_approved_on::text, c.results_approval_ref,
          c.term_id, t.name as term_name, c.planned_committee_size, c.planned_standing_size,
          c.planned_deputy_count, c.planned_inspection_size, c.planned_young_pct,
          c.planned_women_pct, c.planned_minority_pct, c.planned_reelected_pct, c.note, c.version,
          r.from_year, r.to_year, r.org_unit_id as round_unit_id, ro.name as round_unit_name,
          o.path::text as path
        from (${listSelect(todayIso())} where c.id = ${id}) x
        join congresses c on c.id = x.id join congress_rounds r on r.id = c.round_id
        join org_units ro on ro.id = r.org_unit_id join org_units o on o.id = c.org_unit_id
        left join plan_terms t on t.id = c.term_id`,
  ))!;

/**
 * Whether the congress's elections are recorded (the hook results approval checks): an election of
 * the committee, or — for a cell too small for a committee — of its secretary at the congress. The
 * elections slice records them in congress_elections.
 */
export const electionsRecorded = async (db: DbOrTx, congressId: number): Promise<boolean> =>
  !!(await queryOne<{ id: number }>(
    db,
    sql`select id from congress_elections where congress_id = ${congressId}
          and (body = 'committee' or (body = 'secretary' and not at_first_session)) limit 1`,
  ));

export const getCongress = async ({
  db,
  actor,
  id,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
}): Promise<TCongressDetail> => {
  await requireAccess(db, actor, 'congress.read', id);
  const r = await congressRow(db, id);
  const documents = await queryRows<{
    id: number;
    kind: CongressDocumentKind;
    title: string;
    ref: string | null;
    adopted_on: string | null;
    document_id: number | null;
    file_name: string | null;
  }>(
    db,
    sql`select d.id, d.kind, d.title, d.ref, d.adopted_on::text, d.document_id, f.file_name
        from congress_documents d left join documents f on f.id = d.document_id
        where d.congress_id = ${id}
        order by array_position(array['political_report','self_review','personnel_plan',
          'resolution','minutes','other'], d.kind), d.id`,
  );
  return {
    ...toItem(r),
    endedOn: r.ended_on,
    planApprovedOn: r.plan_approved_on,
    planApprovalRef: r.plan_approval_ref,
    summonedCount: r.summoned_count,
    presentCount: r.present_count,
    resultsApprovedOn: r.results_approved_on,
    resultsApprovalRef: r.results_approval_ref,
    termId: r.term_id,
    termName: r.term_name,
    plannedCommitteeSize: r.planned_committee_size,
    plannedStandingSize: r.planned_standing_size,
    plannedDeputyCount: r.planned_deputy_count,
    plannedInspectionSize: r.planned_inspection_size,
    plannedYoungPct: r.planned_young_pct,
    plannedWomenPct: r.planned_women_pct,
    plannedMinorityPct: r.planned_minority_pct,
    plannedReelectedPct: r.planned_reelected_pct,
    note: r.note,
    version: r.version,
    round: {
      id: r.round_id,
      name: r.round_name,
      fromYear: r.from_year,
      toYear: r.to_year,
      orgUnitId: r.round_unit_id,
      orgUnitName: r.round_unit_name,
    },
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      ref: d.ref,
      adoptedOn: d.adopted_on,
      documentId: d.document_id,
      documentName: d.file_name,
    })),
    electionsRecorded: await electionsRecorded(db, id),
    canEdit: can(actor, 'congress.write'),
    canApprove: can(actor, 'congress.approve') && approvesAsUpperLevel(actor, r.path),
  };
};
