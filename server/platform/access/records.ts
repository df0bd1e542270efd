// Record access, one rule per kind of record: "may this actor reach record #id of this kind?".
// A record is reached through the unit that places it in the tree; it is reachable when that unit
// lies in the actor's subtree (`inScope`), except where a named role rule narrows it (a member reads
// only their own record). A record out of reach is "not found", never "forbidden": its existence is
// not disclosed, and the message is the one each kind has always answered with.
//
// Use `requireAccess` for a check that must pass (it throws "not found"), `accessibleRecords` when
// the caller answers a miss itself (e.g. a field error on a referenced document). Queries that list
// or load rows with more columns keep their own SQL and use `inScope` from scope.ts for the filter.
import type { SQL } from 'drizzle-orm';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import { notFound } from '../errors';
import type { Actor } from './actor';
import { seesOwnRecordOnly } from './role-rules';
import { inScope } from './scope';

type Rule = {
  /** The record's table joined to the unit that places it (alias `o`). */
  from: SQL;
  /** The record's id column. */
  id: SQL;
  /** The placing unit's id column. */
  unitId: SQL;
  /** The table alias that `lock` locks (`for update of …`). */
  lockOf: SQL;
  /** What "not found" names (Vietnamese, as the API has always answered). */
  noun: string;
  /** For member records: the column compared with the actor's own member id (own-record rule). */
  ownMember?: SQL;
};

/** The rule table: one row per kind of record. Adding a kind is one entry here. */
const rules = {
  unit: {
    from: sql`org_units o`,
    id: sql`o.id`,
    unitId: sql`o.id`,
    lockOf: sql`o`,
    noun: 'tổ chức đảng',
  },
  member: {
    // A left join: a member's own record is theirs to read wherever it is placed.
    from: sql`members m left join org_units o on o.id = m.org_unit_id`,
    id: sql`m.id`,
    unitId: sql`m.org_unit_id`,
    lockOf: sql`m`,
    noun: 'đảng viên',
    ownMember: sql`m.id`,
  },
  applicant: {
    from: sql`applicants a join org_units o on o.id = a.org_unit_id`,
    id: sql`a.id`,
    unitId: sql`a.org_unit_id`,
    lockOf: sql`a`,
    noun: 'hồ sơ người xin vào Đảng',
  },
  document: {
    from: sql`documents d join org_units o on o.id = d.org_unit_id`,
    id: sql`d.id`,
    unitId: sql`d.org_unit_id`,
    lockOf: sql`d`,
    noun: 'tệp đính kèm',
  },
  meeting: {
    from: sql`meetings m join org_units o on o.id = m.org_unit_id`,
    id: sql`m.id`,
    unitId: sql`m.org_unit_id`,
    lockOf: sql`m`,
    noun: 'cuộc họp',
  },
  importJob: {
    from: sql`import_jobs j join org_units o on o.id = j.org_unit_id`,
    id: sql`j.id`,
    unitId: sql`j.org_unit_id`,
    lockOf: sql`j`,
    noun: 'lần nhập dữ liệu',
  },
  account: {
    // An account is placed by its scope unit: administrators see accounts of their subtree.
    from: sql`users u join org_units o on o.id = u.scope_org_unit_id`,
    id: sql`u.id`,
    unitId: sql`u.scope_org_unit_id`,
    lockOf: sql`u`,
    noun: 'tài khoản',
  },
  reportDraft: {
    from: sql`report_drafts r join org_units o on o.id = r.org_unit_id`,
    id: sql`r.id`,
    unitId: sql`r.org_unit_id`,
    lockOf: sql`r`,
    noun: 'báo cáo',
  },
  // A congress is placed by the unit that holds it.
  congress: {
    from: sql`congresses c join org_units o on o.id = c.org_unit_id`,
    id: sql`c.id`,
    unitId: sql`c.org_unit_id`,
    lockOf: sql`c`,
    noun: 'đại hội',
  },
  // A round is placed by the committee that runs it (writes: its subtree's offices). Reading a round
  // from below (a cell reads its upper committee's round) is `containsScope`, in the congresses module.
  round: {
    from: sql`congress_rounds r join org_units o on o.id = r.org_unit_id`,
    id: sql`r.id`,
    unitId: sql`r.org_unit_id`,
    lockOf: sql`r`,
    noun: 'đợt đại hội',
  },
  // A reconciliation with the national member database is placed by the unit whose subtree it read.
  reconciliationRun: {
    from: sql`reconciliation_runs r join org_units o on o.id = r.org_unit_id`,
    id: sql`r.id`,
    unitId: sql`r.org_unit_id`,
    lockOf: sql`r`,
    noun: 'lần đối chiếu',
  },
  committeeMembership: {
    from: sql`committee_memberships c join org_units o on o.id = c.org_unit_id`,
    id: sql`c.id`,
    unitId: sql`c.org_unit_id`,
    lockOf: sql`c`,
    noun: 'chức vụ cấp ủy',
  },
  // Dues remitted upward: placed by the remitting grassroots organisation.
  remittance: {
    from: sql`dues_remittances r join org_units o on o.id = r.org_unit_id`,
    id: sql`r.id`,
    unitId: sql`r.org_unit_id`,
    lockOf: sql`r`,
    noun: 'khoản nộp đảng phí',
  },
} as const satisfies Record<string, Rule>;

export type RecordKind = keyof typeof rules;
/**
 * What the caller means to do. Permissions (may this role do it at all) are checked by the route;
 * this decides which records. Reads follow the own-record rule; writes are scope only, because
 * every write permission is held by roles whose scope is a subtree (see permissions.ts).
 */
export type RecordAccess = `${RecordKind}.${'read' | 'write'}`;

/** The scope facts of a reachable record. */
export type ScopeFacts = { id: number; org_unit_id: number | null; path: string | null };

type Options = { lock?: boolean };

/** The SQL condition under which the actor may reach a record of this rule. */
const reachSql = (actor: Actor, rule: Rule, action: 'read' | 'write'): SQL =>
  action === 'read' && rule.ownMember && seesOwnRecordOnly(actor)
    ? sql`${rule.ownMember} = ${actor.memberId ?? -1}`
    : inScope(actor, sql`o.path`);

const parse = (access: RecordAccess) => {
  const [kind, action] = access.split('.') as [RecordKind, 'read' | 'write'];
  return { rule: rules[kind] as Rule, action };
};

/** The records among `ids` that the actor may reach (absent and out-of-scope ones are left out). */
export const accessibleRecords = async (
  db: DbOrTx,
  actor: Actor,
  access: RecordAccess,
  ids: readonly number[],
  { lock = false }: Options = {},
): Promise<ScopeFacts[]> => {
  if (ids.length === 0) return [];
  const { rule, action } = parse(access);
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return queryRows<ScopeFacts>(
    db,
    sql`select ${rule.id} as id, ${rule.unitId} as org_unit_id, o.path::text as path
        from ${rule.from}
        where ${rule.id} in (${idList}) and ${reachSql(actor, rule, action)}
        order by ${rule.id}
        ${lock ? sql`for update of ${rule.lockOf}` : sql``}`,
  );
};

/**
 * The record (or every one of the records) the actor may reach, with its scope facts; otherwise
 * "not found" naming the kind of record, exactly as an absent record answers.
 */
export async function requireAccess(
  db: DbOrTx,
  actor: Actor,
  access: RecordAccess,
  id: number,
  options?: Options,
): Promise<ScopeFacts>;
export async function requireAccess(
  db: DbOrTx,
  actor: Actor,
  access: RecordAccess,
  ids: readonly number[],
  options?: Options,
): Promise<ScopeFacts[]>;
export async function requireAccess(
  db: DbOrTx,
  actor: Actor,
  access: RecordAccess,
  idOrIds: number | readonly number[],
  options: Options = {},
): Promise<ScopeFacts | ScopeFacts[]> {
  const ids = typeof idOrIds === 'number' ? [idOrIds] : [...new Set(idOrIds)];
  const rows = await accessibleRecords(db, actor, access, ids, options);
  if (rows.length !== ids.length) throw notFound(parse(access).rule.noun);
  return typeof idOrIds === 'number' ? rows[0] : rows;
}

/** Whether the actor may reach the record, for a caller that answers a miss with its own error. */
export const canReach = async (
  db: DbOrTx,
  actor: Actor,
  access: RecordAccess,
  id: number,
): Promise<boolean> => (await accessibleRecords(db, actor, access, [id])).length > 0;
