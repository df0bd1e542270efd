// Facts from the discipline register and the open cases that other modules ask for: the member
// lifecycle (badges, transfers) through lifecycle/discipline-facts.ts, and the year-end evaluation
// (a member disciplined in a year is rated KHTNV; a collective with a disciplined member or
// subordinate organisation cannot be rated HTXS; docs/domain/evaluation.md).
import {
  type DisciplineForm,
  disciplineDefaults,
  disciplineStateOn,
} from '../../../domain/rules/discipline/discipline';
import { reviewKinds } from '../../../domain/rules/inspection/inspection';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import { todayIso } from '../../platform/clock';

const ids = (values: number[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const reviewKindList = sql.join(
  reviewKinds.map((k) => sql`${k}`),
  sql`, `,
);

export type DecisionStateRow = {
  id: number;
  member_id: number | null;
  org_unit_id: number;
  subject_kind: 'member' | 'organisation';
  form: DisciplineForm;
  status: string;
  decided_on: string | null;
  announced_on: string | null;
  complaint_pending: boolean;
  later_decided_on: string | null;
};

/** Decision rows with what their state depends on (pending complaint, a later decision). */
export const decisionStateSql = sql`
  select d.id, d.member_id, d.org_unit_id, d.subject_kind, d.form, d.status, d.decided_on,
    d.announced_on,
    exists (select 1 from discipline_complaints c where c.decision_id = d.id and c.outcome = 'pending') as complaint_pending,
    (select min(l.decided_on) from discipline_decisions l where l.status = 'decided' and l.id <> d.id
       and l.decided_on > d.decided_on
       and ((d.member_id is not null and l.member_id = d.member_id)
         or (d.member_id is null and l.member_id is null and l.org_unit_id = d.org_unit_id)))::text as later_decided_on
  from discipline_decisions d`;

export const stateOfRow = (r: DecisionStateRow, asOf: string) =>
  r.status === 'proposed' || r.status === 'closed'
    ? ('proposed' as const)
    : disciplineStateOn(
        {
          form: r.form,
          decidedOn: r.decided_on ?? asOf,
          announcedOn: r.announced_on,
          annulled: r.status === 'annulled',
          complaintPending: r.complaint_pending,
          laterDecisionOn: r.later_decided_on,
        },
        asOf,
        disciplineDefaults,
      );

/** Member ids under disciplinary review: an open case on signs of violation or an accusation, or a proposal. */
export const membersUnderReview = async (db: DbOrTx, memberIds: number[]): Promise<Set<number>> => {
  if (memberIds.length === 0) return new Set();
  const rows = await queryRows<{ member_id: number }>(
    db,
    sql`select s.member_id from inspection_case_subjects s join inspection_cases c on c.id = s.case_id
        where s.member_id in (${ids(memberIds)}) and c.status = 'open' and c.kind in (${reviewKindList})
        union
        select member_id from discipline_decisions where status = 'proposed' and member_id in (${ids(memberIds)})`,
  );
  return new Set(rows.map((r) => r.member_id));
};

export const isUnderDisciplineReview = async (db: DbOrTx, memberId: number): Promise<boolean> =>
  (await membersUnderReview(db, [memberId])).has(memberId);

/** Decisions in force on a date (lapsed and annulled ones excluded), per member. */
export const memberDisciplinesInForce = async (
  db: DbOrTx,
  memberIds: number[],
  asOf = todayIso(),
): Promise<Map<number, Array<{ form: DisciplineForm; decidedOn: string }>>> => {
  const out = new Map<number, Array<{ form: DisciplineForm; decidedOn: string }>>();
  if (memberIds.length === 0) return out;
  const rows = await queryRows<DecisionStateRow>(
    db,
    sql`select * from (${decisionStateSql}) x
        where x.member_id in (${ids(memberIds)}) and x.status = 'decided' and x.decided_on <= ${asOf}`,
  );
  for (const r of rows) {
    const state = stateOfRow(r, asOf);
    if (state !== 'in_force' && state !== 'permanent') continue;
    const list = out.get(r.member_id!) ?? [];
    list.push({ form: r.form, decidedOn: r.decided_on! });
    out.set(r.member_id!, list);
  }
  return out;
};

/** Members disciplined (a decision dated) in the year, annulled decisions excluded: rated KHTNV. */
export const membersDisciplinedInYear = async (db: DbOrTx, year: number): Promise<number[]> =>
  (
    await queryRows<{ member_id: number }>(
      db,
      sql`select distinct member_id from discipline_decisions
          where member_id is not null and status = 'decided'
            and decided_on >= ${`${year}-01-01`} and decided_on <= ${`${year}-12-31`}
          order by member_id`,
    )
  ).map((r) => r.member_id);

/**
 * Collectives that cannot be rated HTXS for the year: every organisation disciplined in the year,
 * and every organisation above a disciplined member's cell or a disciplined organisation (the cell
 * itself included for a member). Annulled decisions are excluded.
 */
export const collectivesWithDisciplineInYear = async (
  db: DbOrTx,
  year: number,
): Promise<number[]> =>
  (
    await queryRows<{ id: number }>(
      db,
      sql`select distinct a.id from discipline_decisions d
          join org_units o on o.id = d.org_unit_id
          join org_units a on a.path @> o.path
          where d.status = 'decided'
            and d.decided_on >= ${`${year}-01-01`} and d.decided_on <= ${`${year}-12-31`}
            and a.kind <> 'province_committee'
          order by a.id`,
    )
  ).map((r) => r.id);
