// Recording the đảng phí a grassroots organisation remitted to the committee above it: the receiving
// committee's office records, corrects (version-checked) and deletes; each mutation is one
// transaction with one audit row (docs/domain/dues.md, "Nộp đảng phí lên cấp trên").
import type {
  TRemittanceInput,
  TRemittanceShareInput,
  TRemittanceUpdate,
} from '../../../contracts/remittances';
import {
  monthsOfPeriod,
  periodInFuture,
  periodLabel,
  periodsOverlap,
  type RemittancePeriodKind,
} from '../../../domain/rules/dues/remittance';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { writeSetting } from '../../db/settings';
import type { Actor } from '../../platform/access/actor';
import { isPathInScope } from '../../platform/access/permissions';
import { requireAccess } from '../../platform/access/records';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField, notFound } from '../../platform/errors';
import {
  getRemittanceShare,
  grassrootsKinds,
  receivingCommitteeOf,
  remittanceById,
  remittanceShareKey,
} from './remittances.queries';

type Period = { year: number; periodKind: RemittancePeriodKind; period: number };

/** The checks of a period and date that do not depend on other records. */
const checkPeriod = (input: Period & { receivedOn: string }) => {
  const today = todayIso();
  const label = periodLabel(input.year, input.periodKind, input.period);
  if (periodInFuture(input.year, input.periodKind, input.period, today.slice(0, 7)))
    throw invalidField(
      'period',
      `Kỳ ${label} chưa đến: chỉ ghi khoản nộp cho kỳ đã qua hoặc kỳ đang thu.`,
    );
  if (input.receivedOn > today)
    throw invalidField('receivedOn', 'Ngày nhận không được sau ngày hôm nay.');
  if (input.receivedOn < `${monthsOfPeriod(input.year, input.periodKind, input.period)[0]!}-01`)
    throw invalidField('receivedOn', `Ngày nhận phải từ ngày đầu của kỳ nộp (${label}) trở đi.`);
};

/**
 * Another remittance of the organisation for a period sharing a month with this one (the same month,
 * a month inside a recorded quarter, or the quarter of a recorded month): refused, with what is there.
 */
const checkNoOverlap = async (
  tx: DbOrTx,
  org: { id: number; name: string },
  input: Period,
  exceptId: number | null,
) => {
  const others = await queryRows<{
    id: number;
    period_kind: RemittancePeriodKind;
    period: number;
    amount: number;
    received_on: string;
  }>(
    tx,
    sql`select id, period_kind, period, amount, received_on::text as received_on from dues_remittances
        where org_unit_id = ${org.id} and year = ${input.year} and id <> ${exceptId ?? -1}`,
  );
  const clash = others.find((o) =>
    periodsOverlap(
      { kind: o.period_kind, period: o.period },
      { kind: input.periodKind, period: input.period },
    ),
  );
  if (clash)
    throw invalidField(
      'period',
      `${org.name} đã có khoản nộp ${periodLabel(input.year, clash.period_kind, clash.period)} (${formatNumber(clash.amount)} đồng, nhận ngày ${formatDate(clash.received_on)}): hãy sửa khoản đã ghi thay vì ghi thêm một khoản cho cùng kỳ.`,
    );
};

/** The remitting organisation, in scope and a grassroots organisation, and its receiving committee. */
const remitterOf = async (tx: DbOrTx, actor: Actor, orgUnitId: number) => {
  const org = await getUnitInScope(tx, actor, orgUnitId, true);
  if (!(grassrootsKinds as readonly string[]).includes(org.kind))
    throw invalidField(
      'orgUnitId',
      `${org.name} không phải tổ chức cơ sở đảng: đảng phí nộp lên cấp trên được ghi cho đảng bộ cơ sở hoặc chi bộ cơ sở.`,
    );
  const receiver = await receivingCommitteeOf(tx, org.id);
  // Recorded by the receiving committee's office: a committee outside the actor's subtree is not theirs.
  if (!receiver || !isPathInScope(actor, receiver.path)) throw notFound('tổ chức đảng');
  return { org, receiver };
};

const auditView = (r: {
  orgUnitId: number;
  year: number;
  periodKind: string;
  period: number;
  amount: number;
  receivedOn: string;
  documentNumber?: string | null;
  note?: string | null;
}) => ({
  orgUnitId: r.orgUnitId,
  year: r.year,
  periodKind: r.periodKind,
  period: r.period,
  amount: r.amount,
  receivedOn: r.receivedOn,
  documentNumber: r.documentNumber ?? null,
  note: r.note ?? null,
});

/** `POST /api/lifecycle/dues/remittances`: record what an organisation remitted for a period. */
export const recordRemittance = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TRemittanceInput;
}) => {
  checkPeriod(input);
  return db.transaction(async (tx) => {
    const { org, receiver } = await remitterOf(tx, actor, input.orgUnitId);
    await checkNoOverlap(tx, org, input, null);
    const created = await queryOne<{ id: number; version: number }>(
      tx,
      sql`insert into dues_remittances (org_unit_id, receiving_org_unit_id, year, period_kind, period,
            amount, received_on, document_number, note, recorded_by)
          values (${org.id}, ${receiver.id}, ${input.year}, ${input.periodKind}, ${input.period},
            ${input.amount}, ${input.receivedOn}, ${input.documentNumber ?? null}, ${input.note ?? null},
            ${actor.userId})
          returning id, version`,
    );
    await writeAudit(tx, {
      actor,
      action: 'dues.remittance.create',
      entityType: 'dues_remittance',
      entityId: created!.id,
      orgUnitId: org.id,
      after: { ...auditView(input), receivingOrgUnitId: receiver.id },
    });
    return { id: created!.id, version: created!.version };
  });
};

/** `PUT /api/lifecycle/dues/remittances/:id`: correct a recorded remittance (version-checked). */
export const updateRemittance = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TRemittanceUpdate;
}) => {
  checkPeriod(input);
  return db.transaction(async (tx) => {
    await requireAccess(tx, actor, 'remittance.write', id, { lock: true });
    const before = (await remittanceById(tx, id))!;
    const { org } = await remitterOf(tx, actor, before.orgUnitId);
    if (before.version !== input.version) throw conflict();
    await checkNoOverlap(tx, org, input, id);
    await tx.execute(
      sql`update dues_remittances set year = ${input.year}, period_kind = ${input.periodKind},
            period = ${input.period}, amount = ${input.amount}, received_on = ${input.receivedOn},
            document_number = ${input.documentNumber ?? null}, note = ${input.note ?? null},
            version = version + 1, updated_at = now()
          where id = ${id}`,
    );
    await writeAudit(tx, {
      actor,
      action: 'dues.remittance.update',
      entityType: 'dues_remittance',
      entityId: id,
      orgUnitId: org.id,
      before: auditView(before),
      after: auditView({ ...input, orgUnitId: org.id }),
    });
    return { id, version: before.version + 1 };
  });
};

/** `DELETE /api/lifecycle/dues/remittances/:id?version=`: remove a remittance recorded by mistake. */
export const deleteRemittance = async ({
  db,
  actor,
  id,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
}) =>
  db.transaction(async (tx) => {
    await requireAccess(tx, actor, 'remittance.write', id, { lock: true });
    const before = (await remittanceById(tx, id))!;
    const { org } = await remitterOf(tx, actor, before.orgUnitId);
    if (before.version !== version) throw conflict();
    await tx.execute(sql`delete from dues_remittances where id = ${id}`);
    await writeAudit(tx, {
      actor,
      action: 'dues.remittance.delete',
      entityType: 'dues_remittance',
      entityId: id,
      orgUnitId: org.id,
      before: auditView(before),
    });
    return { ok: true as const };
  });

/** Administrators: the share kept by grassroots organisations for months under 01-QĐ/TW (audited). */
export const saveRemittanceShare = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TRemittanceShareInput;
}) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${remittanceShareKey}))`);
    const before = await getRemittanceShare(tx);
    if (before.version !== input.version) throw conflict();
    const value = {
      keptPercent: input.keptPercent,
      source: input.source,
      version: before.version + 1,
    };
    await writeSetting(tx, remittanceShareKey, value);
    await writeAudit(tx, {
      actor,
      action: 'dues.remittance_share',
      entityType: 'settings',
      entityId: remittanceShareKey,
      before: { keptPercent: before.keptPercent, source: before.source },
      after: { keptPercent: value.keptPercent, source: value.source },
    });
    return { ok: true as const };
  });
