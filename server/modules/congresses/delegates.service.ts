// Delegates to a congress of delegates (docs/domain/congresses.md, "Delegates"): the upper level
// allocates seats (and alternates) to each lower unit; the lower units' congresses elect their
// delegates (a 'delegates' election), who are taken into the upper congress's list; the outgoing
// committee's members attend ex officio and the upper committee may appoint delegates. The
// credentials committee (ban thẩm tra tư cách đại biểu) marks each delegate accepted or rejected.
import type { TDelegateBoard } from '../../../contracts/congress-elections';
import type { CredentialStatus, DelegateKind } from '../../../domain/enums/congresses';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { congressDelegateAllocations, congressDelegates } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors';
import { type CongressRow, congressInScope } from './elections.queries';

const requireDelegatesCongress = (c: CongressRow) => {
  if (c.kind !== 'delegates')
    throw new AppError('BAD_REQUEST', {
      message: `${c.org_unit_name} tổ chức đại hội đảng viên: không có phân bổ và thẩm tra tư cách đại biểu.`,
    });
};

type UnitRef = { id: number; name: string; path: string };

/** A unit that lies in the congress's subtree (itself, or strictly below when `strict`). */
const unitUnder = async (
  db: DbOrTx,
  c: CongressRow,
  unitId: number,
  strict: boolean,
  field: string,
): Promise<UnitRef> => {
  const row = await queryOne<UnitRef>(
    db,
    sql`select id, name, path::text as path from org_units
        where id = ${unitId} and path <@ ${c.path}::ltree`,
  );
  if (!row || (strict && row.id === c.org_unit_id))
    throw invalidField(
      field,
      strict
        ? `Đơn vị được phân bổ đại biểu phải là tổ chức đảng trực thuộc ${c.org_unit_name}.`
        : `Đại biểu phải đến từ ${c.org_unit_name} hoặc một tổ chức đảng trực thuộc.`,
    );
  return row;
};

type DelegateRow = {
  id: number;
  member_id: number;
  full_name: string;
  from_org_unit_id: number;
  kind: DelegateKind;
  is_alternate: boolean;
  election_id: number | null;
  credential_status: CredentialStatus;
  credential_note: string | null;
  version: number;
};

export const getDelegateBoard = async ({
  db,
  actor,
  congressId,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
}): Promise<TDelegateBoard> => {
  const c = await congressInScope(db, actor, congressId);
  const allocations = await queryRows<{
    from_org_unit_id: number;
    name: string;
    seats: number;
    alternates: number;
  }>(
    db,
    sql`select a.from_org_unit_id, o.name, a.seats, a.alternates
        from congress_delegate_allocations a join org_units o on o.id = a.from_org_unit_id
        where a.congress_id = ${c.id} order by o.path`,
  );
  const delegates = await queryRows<DelegateRow & { unit_name: string }>(
    db,
    sql`select d.id, d.member_id, m.full_name, d.from_org_unit_id, o.name as unit_name, d.kind,
          d.is_alternate, d.election_id, d.credential_status, d.credential_note, d.version
        from congress_delegates d join members m on m.id = d.member_id
        join org_units o on o.id = d.from_org_unit_id
        where d.congress_id = ${c.id}
        order by o.path, d.is_alternate, m.given_name collate vi, m.full_name collate vi`,
  );
  // Lower congresses of the same round with elected delegates not yet taken in.
  const importable = await queryRows<{ org_unit_id: number }>(
    db,
    sql`select distinct lc.org_unit_id from congresses lc
        join congress_elections e on e.congress_id = lc.id and e.body = 'delegates'
        join congress_candidates k on k.election_id = e.id and k.outcome = 'elected'
        where lc.round_id = ${c.round_id} and lc.id <> ${c.id}
          and not exists (select 1 from congress_delegates d
            where d.congress_id = ${c.id} and d.member_id = k.member_id)`,
  );
  const canImport = new Set(importable.map((r) => r.org_unit_id));
  const lowerUnits = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from org_units where parent_id = ${c.org_unit_id} and dissolved_on is null
        order by name collate vi`,
  );
  const unitIds = [
    ...new Set([
      ...allocations.map((a) => a.from_org_unit_id),
      ...delegates.map((d) => d.from_org_unit_id),
    ]),
  ];
  const units = unitIds.map((id) => {
    const a = allocations.find((x) => x.from_org_unit_id === id);
    const ds = delegates.filter((d) => d.from_org_unit_id === id);
    const elected = ds.filter((d) => d.kind === 'elected');
    return {
      orgUnitId: id,
      orgUnitName: a?.name ?? ds[0]?.unit_name ?? '',
      seats: a?.seats ?? 0,
      alternates: a?.alternates ?? 0,
      elected: elected.filter((d) => !d.is_alternate).length,
      electedAlternates: elected.filter((d) => d.is_alternate).length,
      total: ds.length,
      accepted: ds.filter((d) => d.credential_status === 'accepted').length,
      rejected: ds.filter((d) => d.credential_status === 'rejected').length,
      pending: ds.filter((d) => d.credential_status === 'pending').length,
      hasElectedToImport: canImport.has(id),
      delegates: ds.map((d) => ({
        id: d.id,
        memberId: d.member_id,
        fullName: d.full_name,
        fromOrgUnitId: d.from_org_unit_id,
        kind: d.kind,
        isAlternate: d.is_alternate,
        electionId: d.election_id,
        credentialStatus: d.credential_status,
        credentialNote: d.credential_note,
        version: d.version,
      })),
    };
  });
  const sum = (f: (u: (typeof units)[number]) => number) => units.reduce((s, u) => s + f(u), 0);
  return {
    congressId: c.id,
    orgUnitId: c.org_unit_id,
    orgUnitName: c.org_unit_name,
    kind: c.kind,
    units,
    totals: {
      seats: sum((u) => u.seats),
      alternates: sum((u) => u.alternates),
      delegates: sum((u) => u.total),
      elected: sum((u) => u.elected + u.electedAlternates),
      accepted: sum((u) => u.accepted),
      rejected: sum((u) => u.rejected),
      pending: sum((u) => u.pending),
    },
    lowerUnits,
    canWrite: can(actor, 'congress.write'),
  };
};

const electedCounts = async (db: DbOrTx, congressId: number, unitId: number) =>
  (await queryOne<{ official: number; alternates: number }>(
    db,
    sql`select count(*) filter (where not is_alternate)::int as official,
          count(*) filter (where is_alternate)::int as alternates
        from congress_delegates
        where congress_id = ${congressId} and from_org_unit_id = ${unitId} and kind = 'elected'`,
  ))!;

const overAllocation = (
  unitName: string,
  seats: number,
  alternates: number,
  official: number,
  alt: number,
) =>
  new AppError('VALIDATION', {
    message: `${unitName} được phân bổ ${seats} đại biểu chính thức và ${alternates} đại biểu dự khuyết, nhưng có ${official} đại biểu chính thức và ${alt} dự khuyết được bầu: số đại biểu được bầu không được vượt số được phân bổ.`,
    fields: [{ path: 'seats', message: 'Vượt số đại biểu được phân bổ.' }],
  });

/** Replace the allocations of a congress of delegates (units left out lose theirs). */
export const setAllocations = async ({
  db,
  actor,
  congressId,
  allocations,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  allocations: { fromOrgUnitId: number; seats: number; alternates?: number }[];
}): Promise<{ ok: true }> =>
  db.transaction(async (tx) => {
    const c = await congressInScope(tx, actor, congressId, true);
    requireDelegatesCongress(c);
    const before = await queryRows<{ from_org_unit_id: number; seats: number; alternates: number }>(
      tx,
      sql`select from_org_unit_id, seats, alternates from congress_delegate_allocations
          where congress_id = ${c.id} order by from_org_unit_id`,
    );
    const seen = new Set<number>();
    for (const [i, a] of allocations.entries()) {
      const unit = await unitUnder(tx, c, a.fromOrgUnitId, true, `allocations.${i}.fromOrgUnitId`);
      if (seen.has(unit.id))
        throw invalidField(`allocations.${i}.fromOrgUnitId`, `${unit.name} được ghi hai lần.`);
      seen.add(unit.id);
      const got = await electedCounts(tx, c.id, unit.id);
      const alternates = a.alternates ?? 0;
      if (got.official > a.seats || got.alternates > alternates)
        throw overAllocation(unit.name, a.seats, alternates, got.official, got.alternates);
    }
    for (const b of before)
      if (!seen.has(b.from_org_unit_id)) {
        const got = await electedCounts(tx, c.id, b.from_org_unit_id);
        if (got.official + got.alternates > 0)
          throw invalidField(
            'allocations',
            'Không thể bỏ phân bổ của đơn vị đã có đại biểu được bầu: hãy xóa các đại biểu đó trước.',
          );
      }
    await tx.execute(sql`delete from congress_delegate_allocations where congress_id = ${c.id}`);
    if (allocations.length)
      await tx.insert(congressDelegateAllocations).values(
        allocations.map((a) => ({
          congressId: c.id,
          fromOrgUnitId: a.fromOrgUnitId,
          seats: a.seats,
          alternates: a.alternates ?? 0,
        })),
      );
    await writeAudit(tx, {
      actor,
      action: 'congress.delegates.allocate',
      entityType: 'congress',
      entityId: c.id,
      orgUnitId: c.org_unit_id,
      before,
      after: allocations,
    });
    return { ok: true as const };
  });

/**
 * Take the delegates elected by a lower unit's congress (its 'delegates' election in the same
 * round) into this congress: highest votes first up to the unit's seats, then its alternates. More
 * elected than allocated is refused.
 */
export const takeElectedDelegates = async ({
  db,
  actor,
  congressId,
  fromOrgUnitId,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  fromOrgUnitId: number;
}): Promise<{ added: number }> =>
  db.transaction(async (tx) => {
    const c = await congressInScope(tx, actor, congressId, true);
    requireDelegatesCongress(c);
    const unit = await unitUnder(tx, c, fromOrgUnitId, true, 'fromOrgUnitId');
    const allocation = await queryOne<{ seats: number; alternates: number }>(
      tx,
      sql`select seats, alternates from congress_delegate_allocations
          where congress_id = ${c.id} and from_org_unit_id = ${unit.id}`,
    );
    if (!allocation)
      throw invalidField('fromOrgUnitId', `${unit.name} chưa được phân bổ đại biểu.`);
    const elected = await queryRows<{ member_id: number; election_id: number; full_name: string }>(
      tx,
      sql`select k.member_id, k.election_id, m.full_name from congresses lc
          join congress_elections e on e.congress_id = lc.id and e.body = 'delegates'
          join congress_candidates k on k.election_id = e.id and k.outcome = 'elected'
          join members m on m.id = k.member_id
          where lc.round_id = ${c.round_id} and lc.org_unit_id = ${unit.id}
          order by e.round_no, k.votes desc, k.id`,
    );
    if (elected.length === 0)
      throw invalidField(
        'fromOrgUnitId',
        `Chưa có kết quả bầu đại biểu dự đại hội cấp trên tại đại hội của ${unit.name} trong đợt đại hội này.`,
      );
    const present = new Set(
      (
        await queryRows<{ member_id: number }>(
          tx,
          sql`select member_id from congress_delegates where congress_id = ${c.id}`,
        )
      ).map((r) => r.member_id),
    );
    const got = await electedCounts(tx, c.id, unit.id);
    let official = got.official;
    let alternates = got.alternates;
    const fresh = elected.filter((e) => !present.has(e.member_id));
    const rows = fresh.map((e) => {
      const isAlternate = official >= allocation.seats;
      if (isAlternate) alternates += 1;
      else official += 1;
      return { ...e, isAlternate };
    });
    if (official > allocation.seats || alternates > allocation.alternates)
      throw overAllocation(
        unit.name,
        allocation.seats,
        allocation.alternates,
        official,
        alternates,
      );
    if (rows.length)
      await tx.insert(congressDelegates).values(
        rows.map((r) => ({
          congressId: c.id,
          fromOrgUnitId: unit.id,
          memberId: r.member_id,
          kind: 'elected',
          isAlternate: r.isAlternate,
          electionId: r.election_id,
          createdBy: actor.userId,
        })),
      );
    await writeAudit(tx, {
      actor,
      action: 'congress.delegates.take_elected',
      entityType: 'congress',
      entityId: c.id,
      orgUnitId: c.org_unit_id,
      after: { fromOrgUnitId: unit.id, members: rows.map((r) => r.member_id) },
    });
    return { added: rows.length };
  });

/** Add an ex-officio or appointed delegate by hand. */
export const addDelegate = async ({
  db,
  actor,
  congressId,
  input,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  input: {
    memberId: number;
    fromOrgUnitId: number;
    kind: 'ex_officio' | 'appointed';
    isAlternate?: boolean;
  };
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const c = await congressInScope(tx, actor, congressId, true);
    requireDelegatesCongress(c);
    const unit = await unitUnder(tx, c, input.fromOrgUnitId, false, 'fromOrgUnitId');
    const member = await queryOne<{ id: number; full_name: string }>(
      tx,
      sql`select m.id, m.full_name from members m join org_units o on o.id = m.org_unit_id
          where m.id = ${input.memberId} and o.path <@ ${c.path}::ltree
            and m.status in ('full', 'probationary')`,
    );
    if (!member)
      throw invalidField(
        'memberId',
        `Đại biểu phải là đảng viên đang sinh hoạt trong ${c.org_unit_name}.`,
      );
    const dup = await queryOne<{ id: number }>(
      tx,
      sql`select id from congress_delegates where congress_id = ${c.id} and member_id = ${member.id}`,
    );
    if (dup)
      throw invalidField(
        'memberId',
        `Đồng chí ${member.full_name} đã có trong danh sách đại biểu.`,
      );
    const [row] = await tx
      .insert(congressDelegates)
      .values({
        congressId: c.id,
        fromOrgUnitId: unit.id,
        memberId: member.id,
        kind: input.kind,
        isAlternate: input.isAlternate ?? false,
        createdBy: actor.userId,
      })
      .returning({ id: congressDelegates.id, version: congressDelegates.version });
    await writeAudit(tx, {
      actor,
      action: 'congress.delegates.add',
      entityType: 'congress_delegate',
      entityId: row.id,
      orgUnitId: c.org_unit_id,
      after: input,
    });
    return row;
  });

const delegateOf = async (tx: DbOrTx, congressId: number, delegateId: number) => {
  const row = await queryOne<DelegateRow>(
    tx,
    sql`select d.id, d.member_id, m.full_name, d.from_org_unit_id, d.kind, d.is_alternate,
          d.election_id, d.credential_status, d.credential_note, d.version
        from congress_delegates d join members m on m.id = d.member_id
        where d.id = ${delegateId} and d.congress_id = ${congressId} for update of d`,
  );
  if (!row) throw notFound('đại biểu');
  return row;
};

/** The credentials committee's mark on a delegate (đủ / không đủ tư cách) with its note. */
export const markCredentials = async ({
  db,
  actor,
  congressId,
  delegateId,
  input,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  delegateId: number;
  input: { status: CredentialStatus; note?: string | null; version: number };
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const c = await congressInScope(tx, actor, congressId);
    requireDelegatesCongress(c);
    const before = await delegateOf(tx, c.id, delegateId);
    if (before.version !== input.version) throw conflict();
    if (input.status === 'rejected' && !input.note)
      throw invalidField('note', 'Cần ghi lý do đại biểu không đủ tư cách.');
    const [row] = await tx
      .update(congressDelegates)
      .set({
        credentialStatus: input.status,
        credentialNote: input.note ?? null,
        version: before.version + 1,
      })
      .where(sql`id = ${before.id}`)
      .returning({ id: congressDelegates.id, version: congressDelegates.version });
    await writeAudit(tx, {
      actor,
      action: 'congress.delegates.credentials',
      entityType: 'congress_delegate',
      entityId: before.id,
      orgUnitId: c.org_unit_id,
      before: { status: before.credential_status, note: before.credential_note },
      after: { status: input.status, note: input.note ?? null },
    });
    return row;
  });

export const removeDelegate = async ({
  db,
  actor,
  congressId,
  delegateId,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  delegateId: number;
}): Promise<{ ok: true }> =>
  db.transaction(async (tx) => {
    const c = await congressInScope(tx, actor, congressId);
    const before = await delegateOf(tx, c.id, delegateId);
    await tx.execute(sql`delete from congress_delegates where id = ${before.id}`);
    await writeAudit(tx, {
      actor,
      action: 'congress.delegates.remove',
      entityType: 'congress_delegate',
      entityId: before.id,
      orgUnitId: c.org_unit_id,
      before,
    });
    return { ok: true as const };
  });
