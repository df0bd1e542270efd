// The one way writers keep the maintained figures (`org_member_counts`, `placed_facts`,
// `org_fact_counts`) in step with what they changed. A writer opens its transaction with `withFigures`
// and MARKS what it changed (a member row, members' facts, units counted, a subtree moved, units'
// dissemination); `withFigures` applies every mark once, deduplicated, just before the transaction
// commits. The marks take a `FiguresTx`, which only `withFigures` hands out: a writer cannot mark a
// change in a transaction that will not apply it (the compiler says so, and so does the mark at run
// time), and cannot forget to apply what it marked. Forgetting to mark at all is what the equality
// tests against scans (`*.db.test.ts` here) still catch.
//
// Ordering: the member and unit totals are differences (a member's contribution before and after,
// a unit counted once more or less), and placed facts are recounted from the source tables as they
// are at the end: both may wait until the end of the transaction. A subtree's move is the exception:
// it shifts the totals of its root from the ancestors of one path to those of another, paths that a
// later move in the same transaction may rewrite, so `moveSubtreeFigures` moves the totals at once
// (the differences applied afterwards on the final tree add up to the same totals: the move is
// linear in the totals it carries) and marks the facts under the subtree for the recount at the end.

import type { SQL } from 'drizzle-orm';
import { type Db, type DbOrTx, sql, type Tx } from '../../db/client';
import {
  activeStatusList,
  applyRollupChange,
  applyUnitCount,
  memberDimensionValuesOf,
  moveSubtreeCounts,
  type RollupSource,
} from './member-rollup';
import {
  recountDisseminationFacts,
  recountEvaluationFacts,
  recountMemberFacts,
  recountMembersIn,
  recountSourcesUnder,
} from './placed-facts';

declare const figuresTx: unique symbol;
/** A transaction opened by `withFigures`: the only kind the marks below accept. */
export type FiguresTx = Tx & { readonly [figuresTx]: true };

type Ids = { ids: Set<number>; sets: SQL[] };
const noIds = (): Ids => ({ ids: new Set(), sets: [] });

type Pending = {
  /** Per member: the row as it was before the transaction's first change, and as it is now. */
  memberRows: Map<number, { before: RollupSource | null; after: RollupSource }>;
  /** New members in an SQL set (a bulk insert): their contributions are added set-based. */
  addedMemberSets: SQL[];
  /** Per unit: the kind counted and how many times more (or less) it is counted. */
  unitCounts: Map<number, { kind: string; delta: number }>;
  memberFacts: Ids;
  evaluationFacts: Ids;
  disseminationFacts: Ids;
  /** Units whose subtree's history changed (a move, a dissolution): every source placed under them. */
  treesChanged: Set<number>;
};

const pendingOf = new WeakMap<object, Pending>();

const pending = (tx: FiguresTx): Pending => {
  const p = pendingOf.get(tx);
  if (!p)
    throw new Error(
      'figures: a change marked outside withFigures (or after it applied the changes)',
    );
  return p;
};

const addIds = (into: Ids, ids: readonly number[] | SQL) => {
  if (Array.isArray(ids)) for (const id of ids) into.ids.add(id);
  else into.sets.push(ids as SQL);
};

/**
 * A member's row (status, cell, attributes) changed: the totals move by the difference between its
 * row before the transaction's first change (null: a new member) and its row at the last mark.
 */
export const markMemberRowChanged = (
  tx: FiguresTx,
  memberId: number,
  before: RollupSource | null,
  after: RollupSource,
): void => {
  const rows = pending(tx).memberRows;
  const first = rows.get(memberId);
  rows.set(memberId, { before: first ? first.before : before, after });
};

/** Members inserted in bulk, as an SQL set of their ids: their contributions are added. */
export const markMembersAdded = (tx: FiguresTx, memberIds: SQL): void => {
  pending(tx).addedMemberSets.push(memberIds);
};

/** These members' events, periods, dues, badges or party cards changed (ids, or an SQL set). */
export const markMemberFactsChanged = (tx: FiguresTx, memberIds: readonly number[] | SQL): void =>
  addIds(pending(tx).memberFacts, memberIds);

/** These evaluation records changed (a decision, a complaint's outcome, the cultural result). */
export const markEvaluationsChanged = (tx: FiguresTx, recordIds: readonly number[]): void =>
  addIds(pending(tx).evaluationFacts, recordIds);

/**
 * A resolution's plan, a unit's session or action programme, or a unit's history (a new unit)
 * changed: the dissemination facts of these units (ids, or an SQL set of ids).
 */
export const markDisseminationChanged = (tx: FiguresTx, unitIds: readonly number[] | SQL): void =>
  addIds(pending(tx).disseminationFacts, unitIds);

/** A unit is counted once more (`sign` 1: established) or once less (-1: dissolved). */
export const markUnitCounted = (tx: FiguresTx, unitId: number, kind: string, sign: 1 | -1) => {
  const counts = pending(tx).unitCounts;
  const c = counts.get(unitId);
  counts.set(unitId, { kind, delta: (c?.delta ?? 0) + sign });
  if (c && c.kind !== kind) throw new Error(`figures: unit ${unitId} counted as two kinds`);
};

/**
 * The tree changed around `unitId` (a merge, move or dissolution rewrote its history): the facts
 * placed under it and the members, records and dissemination of its units are recounted.
 */
export const markTreeChangedUnder = (tx: FiguresTx, unitId: number): void => {
  pending(tx).treesChanged.add(unitId);
};

/**
 * A subtree moved from one parent to another (call after its paths were rewritten): its root's
 * totals leave the old ancestors and join the new ones now, and its facts are recounted at the end.
 */
export const moveSubtreeFigures = async (
  tx: FiguresTx,
  subtreeRootId: number,
  oldParentPath: string,
  newParentPath: string,
): Promise<void> => {
  pending(tx);
  await moveSubtreeCounts(tx, subtreeRootId, oldParentPath, newParentPath);
  markTreeChangedUnder(tx, subtreeRootId);
};

/** The new members' contributions, summed per unit and added to every ancestor in one statement. */
const addMemberSet = (tx: DbOrTx, memberIds: SQL) =>
  tx.execute(sql`
    insert into org_member_counts (org_unit_id, dimension, key, count)
    select a.id, own.dimension, own.key, sum(own.n)::int
    from (
      select m.org_unit_id, d.dimension, d.key, count(*) as n
      from members m
      cross join lateral ${memberDimensionValuesOf(sql`m`)} as d(dimension, key)
      where m.id in ${memberIds} and m.status in (${activeStatusList})
      group by 1, 2, 3
    ) own
    join org_units o on o.id = own.org_unit_id
    join org_units a on a.path @> o.path
    group by 1, 2, 3
    on conflict (org_unit_id, dimension, key)
    do update set count = org_member_counts.count + excluded.count`);

/** Apply every marked change once. */
const applyFigureChanges = async (tx: FiguresTx, p: Pending): Promise<void> => {
  for (const set of p.addedMemberSets) await addMemberSet(tx, set);
  for (const { before, after } of p.memberRows.values()) await applyRollupChange(tx, before, after);
  for (const [unitId, { kind, delta }] of p.unitCounts)
    for (let i = 0; i < Math.abs(delta); i++)
      await applyUnitCount(tx, unitId, kind, delta > 0 ? 1 : -1);
  if (p.treesChanged.size > 0) {
    // Everything placed under the changed subtrees, with the sources marked one by one, in one set.
    await recountSourcesUnder(tx, [...p.treesChanged], {
      member: p.memberFacts,
      evaluation_record: p.evaluationFacts,
      dissemination: p.disseminationFacts,
    });
    return;
  }
  const { memberFacts, evaluationFacts, disseminationFacts } = p;
  if (memberFacts.ids.size > 0) await recountMemberFacts(tx, [...memberFacts.ids]);
  for (const set of memberFacts.sets) await recountMembersIn(tx, set);
  if (evaluationFacts.ids.size > 0) await recountEvaluationFacts(tx, [...evaluationFacts.ids]);
  if (disseminationFacts.ids.size > 0)
    await recountDisseminationFacts(tx, [...disseminationFacts.ids]);
  for (const set of disseminationFacts.sets) await recountDisseminationFacts(tx, set);
};

const emptyPending = (): Pending => ({
  memberRows: new Map(),
  addedMemberSets: [],
  unitCounts: new Map(),
  memberFacts: noIds(),
  evaluationFacts: noIds(),
  disseminationFacts: noIds(),
  treesChanged: new Set(),
});

/**
 * Apply the changes marked so far now rather than at the commit (a writer that reports its progress
 * phase by phase); later marks are applied at the commit as usual.
 */
export const applyFigureChangesNow = async (tx: FiguresTx): Promise<void> => {
  const p = pending(tx);
  pendingOf.set(tx, emptyPending());
  await applyFigureChanges(tx, p);
};

/**
 * A transaction (a savepoint inside `db` when `db` is itself a transaction) whose marked figure
 * changes are applied once, after `fn` and before the commit; nothing is applied when `fn` throws.
 */
export const withFigures = <T>(db: Db | Tx, fn: (tx: FiguresTx) => Promise<T>): Promise<T> =>
  (db as Db).transaction(async (raw) => {
    const tx = raw as FiguresTx;
    pendingOf.set(tx, emptyPending());
    try {
      const result = await fn(tx);
      await applyFigureChangesNow(tx);
      return result;
    } finally {
      pendingOf.delete(tx);
    }
  });
