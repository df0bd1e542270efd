// Reading reconciliation runs: the runs of the actor's subtree, one run with its summary per unit,
// and its items by group. Runs are reached through `requireAccess(…, 'reconciliationRun.read', id)`;
// an item about a member is shown only while the member is in the actor's subtree.
import { sql } from 'drizzle-orm';
import type {
  ReconDecision,
  ReconGroup,
  TReconItem,
  TReconRun,
  TReconRunDetail,
} from '../../../contracts/reconciliation';
import { type ReconField, reconFieldLabels } from '../../../domain/reconciliation/reconcile';
import { type DbOrTx, queryRows } from '../../db/client';
import type { ReconRunCounts } from '../../db/schema/reconciliation';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { inScope } from '../../platform/access/scope';
import { decisionsFor, shownValue } from './reconciliation.service';

type RunRow = {
  id: number;
  file_name: string;
  created_at: string | Date;
  created_by_name: string | null;
  unit_name: string;
  counts: ReconRunCounts;
  undecided: number;
};

const runOf = (r: RunRow): TReconRun => ({
  id: r.id,
  fileName: r.file_name,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by_name,
  unitName: r.unit_name,
  counts: { ...r.counts, undecided: Number(r.undecided) },
});

const undecidedSql = sql`(select count(*)::int from reconciliation_items i
  where i.run_id = r.id and i.decision is null
    and i.kind in ('difference', 'onlyHere', 'onlyThere'))`;

export const listReconRuns = async (db: DbOrTx, actor: Actor): Promise<{ items: TReconRun[] }> => {
  const rows = await queryRows<RunRow>(
    db,
    sql`select r.id, r.file_name, r.created_at, r.created_by_name, o.name as unit_name, r.counts,
          ${undecidedSql} as undecided
        from reconciliation_runs r join org_units o on o.id = r.org_unit_id
        where ${inScope(actor, sql`o.path`)}
        order by r.created_at desc, r.id desc
        limit 100`,
  );
  return { items: rows.map(runOf) };
};

export const getReconRun = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
): Promise<TReconRunDetail> => {
  await requireAccess(db, actor, 'reconciliationRun.read', id);
  const [run] = await queryRows<RunRow>(
    db,
    sql`select r.id, r.file_name, r.created_at, r.created_by_name, o.name as unit_name, r.counts,
          ${undecidedSql} as undecided
        from reconciliation_runs r join org_units o on o.id = r.org_unit_id
        where r.id = ${id}`,
  );
  const units = await queryRows<{
    unit_id: number | null;
    unit_name: string | null;
    kind: string;
    field: string | null;
    n: number;
    undecided: number;
  }>(
    db,
    sql`select i.org_unit_id as unit_id, u.name as unit_name, i.kind, i.field,
          count(*)::int as n, count(*) filter (where i.decision is null)::int as undecided
        from reconciliation_items i left join org_units u on u.id = i.org_unit_id
        where i.run_id = ${id} and i.kind in ('difference', 'onlyHere', 'onlyThere')
        group by 1, 2, 3, 4`,
  );
  const byUnit = new Map<number | null, TReconRunDetail['units'][number]>();
  for (const r of units) {
    const u = byUnit.get(r.unit_id) ?? {
      unitId: r.unit_id,
      unitName: r.unit_name ?? 'Chưa xác định chi bộ',
      differences: 0,
      onlyHere: 0,
      onlyThere: 0,
      undecided: 0,
      byField: {},
    };
    if (r.kind === 'difference') {
      u.differences += r.n;
      if (r.field) u.byField[r.field] = (u.byField[r.field] ?? 0) + r.n;
    } else if (r.kind === 'onlyHere') u.onlyHere += r.n;
    else u.onlyThere += r.n;
    u.undecided += r.undecided;
    byUnit.set(r.unit_id, u);
  }
  const collator = new Intl.Collator('vi');
  return {
    ...runOf(run),
    units: [...byUnit.values()].sort((a, b) =>
      a.unitId === null ? 1 : b.unitId === null ? -1 : collator.compare(a.unitName, b.unitName),
    ),
  };
};

type ItemRow = {
  id: number;
  kind: string;
  member_id: number | null;
  member_name: string | null;
  row_number: number | null;
  row: Record<string, string | null> | null;
  unit_name: string | null;
  field: ReconField | null;
  ours: string | null;
  theirs: string | null;
  theirs_text: string | null;
  matched_by: string | null;
  note: string | null;
  decision: ReconDecision | null;
  decision_note: string | null;
  decided_by_name: string | null;
  decided_at: string | Date | null;
  total: number;
};

const kindOf: Record<ReconGroup, string> = {
  differences: 'difference',
  onlyHere: 'onlyHere',
  onlyThere: 'onlyThere',
  matched: 'matched',
  outOfScope: 'outOfScope',
};

const fieldOrder = sql`array_position(array['fullName','birthDate','citizenId','cardNumber','admittedOn','recognisedOn','cell','status'], i.field)`;

export const listReconItems = async (
  db: DbOrTx,
  actor: Actor,
  id: number,
  query: { group: ReconGroup; undecided: boolean; page: number; pageSize: number },
): Promise<{ items: TReconItem[]; total: number }> => {
  await requireAccess(db, actor, 'reconciliationRun.read', id);
  const rows = await queryRows<ItemRow>(
    db,
    sql`select i.id, i.kind, i.member_id, m.full_name as member_name, i.row_number, i.row,
          u.name as unit_name, i.field, i.ours, i.theirs, i.theirs_text, i.matched_by, i.note,
          i.decision, i.decision_note, i.decided_by_name, i.decided_at,
          count(*) over ()::int as total
        from reconciliation_items i
          left join members m on m.id = i.member_id
          left join org_units mo on mo.id = m.org_unit_id
          left join org_units u on u.id = i.org_unit_id
        where i.run_id = ${id} and i.kind = ${kindOf[query.group]}
          and (i.member_id is null or ${inScope(actor, sql`mo.path`)})
          ${query.undecided ? sql`and i.decision is null` : sql``}
        order by lower(immutable_unaccent(u.name)) nulls last,
          lower(immutable_unaccent(m.given_name)), m.name_norm, i.row_number, ${fieldOrder}, i.id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      memberId: r.member_id,
      memberName: r.member_name,
      rowNumber: r.row_number,
      rowName: r.row?.fullName ?? null,
      rowBirthDate: r.row?.birthDate ?? null,
      rowCell: r.row?.cell ?? null,
      unitName: r.unit_name,
      field: r.field,
      fieldLabel: r.field ? reconFieldLabels[r.field] : null,
      ours: shownValue(r.field, r.ours),
      theirs:
        r.field === 'status' && r.theirs_text && r.theirs === r.theirs_text
          ? r.theirs_text
          : shownValue(r.field, r.theirs),
      matchedBy: r.matched_by,
      note: r.note,
      decisions: r.decision ? [] : decisionsFor(r),
      decision: r.decision,
      decisionNote: r.decision_note,
      decidedBy: r.decided_by_name,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    })),
  };
};
