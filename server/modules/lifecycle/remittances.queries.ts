// Đảng phí remitted upward (docs/domain/dues.md, "Nộp đảng phí lên cấp trên"): per grassroots
// organisation and year, what it owed the committee above it (the dues its cells collected, from the
// dues sheets — `getDuesSheets`, never recounted — at the share of each month's rule set), what that
// committee received, the difference, and the quarters that ended with nothing received.
import type {
  TRemittance,
  TRemittanceComparison,
  TRemittanceQuery,
  TRemittanceRow,
} from '../../../contracts/remittances';
import {
  monthsOfPeriod,
  periodEnded,
  periodLabel,
  quarterOfMonth,
  quarterState,
  type RemittancePeriodKind,
  type RemittanceShareSetting,
  remittance342,
  remittanceDue,
  remittanceShareDefault,
} from '../../../domain/rules/dues/remittance';
import { formatNumber } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { getDuesSheets } from './dues.service';

export const grassrootsKinds = ['grassroots_committee', 'grassroots_cell'] as const;
const committeeKinds = ['province_committee', 'upper_committee'];

const pad = (m: number) => String(m).padStart(2, '0');
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

type OrgRow = { id: number; name: string; kind: string; path: string };

/**
 * The cells of a grassroots organisation that existed during the months (a grassroots cell: itself;
 * a cell dissolved during the months keeps its place). The dues summary form reads the same cells.
 */
export const grassrootsCells = (db: DbOrTx, org: OrgRow, months: readonly string[]) =>
  org.kind === 'grassroots_cell'
    ? Promise.resolve([{ id: org.id, name: org.name }])
    : queryRows<{ id: number; name: string }>(
        db,
        sql`select o.id, o.name from org_units o
            where o.path <@ ${org.path}::ltree and o.kind = 'cell'
              and (o.established_on is null
                   or o.established_on < ${`${months.at(-1)}-01`}::date + interval '1 month')
              and (o.dissolved_on is null or o.dissolved_on >= ${`${months[0]}-01`})
            order by o.path`,
      );

/** The grassroots organisations under a committee that existed during the months, in tree order. */
export const grassrootsUnder = (db: DbOrTx, committeePath: string, months: readonly string[]) =>
  queryRows<OrgRow>(
    db,
    sql`select o.id, o.name, o.kind, o.path::text as path from org_units o
        where o.path <@ ${committeePath}::ltree
          and o.kind in ('grassroots_committee', 'grassroots_cell')
          and (o.established_on is null
               or o.established_on < ${`${months.at(-1)}-01`}::date + interval '1 month')
          and (o.dissolved_on is null or o.dissolved_on >= ${`${months[0]}-01`})
        order by o.path`,
  );

/** The committee that receives an organisation's dues: the nearest committee above it. */
export const receivingCommitteeOf = (db: DbOrTx, orgId: number) =>
  queryOne<{ id: number; name: string; path: string }>(
    db,
    sql`select a.id, a.name, a.path::text as path from org_units c join org_units a on a.path @> c.path
        where c.id = ${orgId} and a.id <> c.id
          and a.kind in ('province_committee', 'upper_committee')
        order by nlevel(a.path) desc limit 1`,
  );

export const remittanceShareKey = 'dues_remittance_share';

/** The share for months under 01-QĐ/TW: the administrator's setting, else the documented default. */
export const getRemittanceShare = async (
  db: DbOrTx,
): Promise<RemittanceShareSetting & { version: number; updatedAt: string | null }> => {
  const row = await queryOne<{
    value: Partial<RemittanceShareSetting> & { version?: number };
    updated_at: string;
  }>(db, sql`select value, updated_at::text from settings where key = ${remittanceShareKey}`);
  return {
    keptPercent: row?.value.keptPercent ?? remittanceShareDefault.keptPercent,
    source: row?.value.source ?? remittanceShareDefault.source,
    version: row ? Number(row.value.version ?? 1) : 0,
    updatedAt: row?.updated_at ?? null,
  };
};

type RemittanceDbRow = {
  id: number;
  org_unit_id: number;
  org_unit_name: string;
  receiving_org_unit_id: number;
  receiving_org_unit_name: string;
  year: number;
  period_kind: RemittancePeriodKind;
  period: number;
  amount: number;
  received_on: string;
  document_number: string | null;
  note: string | null;
  version: number;
};

const remittanceSelect = sql`select r.id, r.org_unit_id, o.name as org_unit_name, r.receiving_org_unit_id,
    c.name as receiving_org_unit_name, r.year, r.period_kind, r.period, r.amount,
    r.received_on::text as received_on, r.document_number, r.note, r.version
  from dues_remittances r join org_units o on o.id = r.org_unit_id
  join org_units c on c.id = r.receiving_org_unit_id`;

export const toRemittance = (r: RemittanceDbRow): TRemittance => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  receivingOrgUnitId: r.receiving_org_unit_id,
  receivingOrgUnitName: r.receiving_org_unit_name,
  year: r.year,
  periodKind: r.period_kind,
  period: r.period,
  periodLabel: periodLabel(r.year, r.period_kind, r.period),
  amount: r.amount,
  receivedOn: r.received_on,
  documentNumber: r.document_number,
  note: r.note,
  version: r.version,
});

export const remittanceById = async (db: DbOrTx, id: number) => {
  const row = await queryOne<RemittanceDbRow>(db, sql`${remittanceSelect} where r.id = ${id}`);
  return row ? toRemittance(row) : null;
};

/** The remittances of the organisations in a year, by organisation, in the order of their periods. */
const remittancesOf = async (db: DbOrTx, orgIds: readonly number[], year: number) => {
  const byOrg = new Map<number, TRemittance[]>(orgIds.map((id) => [id, []]));
  if (orgIds.length === 0) return byOrg;
  const rows = await queryRows<RemittanceDbRow>(
    db,
    sql`${remittanceSelect}
        where r.year = ${year} and r.org_unit_id in (${sql.join(
          orgIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by r.org_unit_id, (case r.period_kind when 'month' then r.period else r.period * 3 end), r.id`,
  );
  for (const r of rows) byOrg.get(r.org_unit_id)?.push(toRemittance(r));
  return byOrg;
};

/**
 * What each organisation's receiving committee received for the months: the remittances whose whole
 * period lies within them (a quarter counts only when its three months do). The committee's dues
 * summary form prints these as "Đã nộp".
 */
export const remittedWithin = async (
  db: DbOrTx,
  orgIds: readonly number[],
  months: readonly string[],
): Promise<{ received: Map<number, number>; any: boolean }> => {
  const year = Number(months[0]!.slice(0, 4));
  const within = new Set(months);
  const byOrg = await remittancesOf(db, orgIds, year);
  const received = new Map<number, number>();
  let any = false;
  for (const [orgId, list] of byOrg) {
    if (list.length > 0) any = true;
    received.set(
      orgId,
      sum(
        list
          .filter((r) => monthsOfPeriod(r.year, r.periodKind, r.period).every((m) => within.has(m)))
          .map((r) => r.amount),
      ),
    );
  }
  return { received, any };
};

/** The most cells one comparison adds up (as the committee's dues summary form). */
const MAX_CELLS = 600;

/** The months of a year counted so far: January to the current month (the whole of a past year). */
const monthsOfYearSoFar = (year: number) => {
  const current = todayIso().slice(0, 7);
  const months: string[] = [];
  for (let m = 1; m <= 12; m++)
    if (`${year}-${pad(m)}` <= current) months.push(`${year}-${pad(m)}`);
  if (months.length === 0)
    throw new AppError('BAD_REQUEST', {
      message: `Chưa đến năm ${year}: chọn năm đã qua hoặc năm đang thu đảng phí.`,
    });
  return months;
};

/**
 * The comparison for a year. Given a committee: every grassroots organisation under it; given a
 * grassroots organisation (or a unit inside one): that organisation, if the actor reaches it.
 */
export const getRemittanceComparison = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TRemittanceQuery;
}): Promise<TRemittanceComparison> => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId ?? actor.scopeOrgUnitId);
  const months = monthsOfYearSoFar(query.year);
  let orgs: OrgRow[];
  if (committeeKinds.includes(unit.kind)) orgs = await grassrootsUnder(db, unit.path, months);
  else {
    const org = await queryOne<{ id: number }>(
      db,
      sql`select a.id from org_units c join org_units a on a.path @> c.path
          where c.id = ${unit.id} and a.kind in ('grassroots_committee', 'grassroots_cell')
          order by nlevel(a.path) desc limit 1`,
    );
    if (!org)
      throw new AppError('BAD_REQUEST', {
        message: 'Chọn một cấp ủy cấp trên cơ sở hoặc một tổ chức cơ sở đảng.',
      });
    // A unit inside an organisation the actor does not reach as a whole: "not found".
    const found = await getUnitInScope(db, actor, org.id);
    orgs = [found];
  }
  const cellsOf = await Promise.all(orgs.map((org) => grassrootsCells(db, org, months)));
  const cellCount = sum(cellsOf.map((c) => c.length));
  if (cellCount > MAX_CELLS)
    throw new AppError('BAD_REQUEST', {
      message: `${unit.name} có ${formatNumber(cellCount)} chi bộ, quá ${formatNumber(MAX_CELLS)} chi bộ một lần đối chiếu: hãy chọn từng đảng bộ cấp dưới.`,
    });
  // The dues sheets of every cell, read together (the same sheets as the page /dang-phi and the
  // summary form); a cell under two organisations in one year is not possible in the tree.
  const sheets = await getDuesSheets({ db, actor, cells: cellsOf.flat(), months });
  const setting = await getRemittanceShare(db);
  const remittances = await remittancesOf(
    db,
    orgs.map((o) => o.id),
    query.year,
  );
  const receivers = new Map<number, string>();
  for (const org of orgs)
    receivers.set(org.id, (await receivingCommitteeOf(db, org.id))?.name ?? '');
  const current = todayIso().slice(0, 7);
  const rows: TRemittanceRow[] = orgs.map((org, i) => {
    const paidByMonth = new Map<string, number>(months.map((m) => [m, 0]));
    for (const cell of cellsOf[i]!)
      for (const [k, sheet] of (sheets.get(cell.id) ?? []).entries())
        paidByMonth.set(months[k]!, paidByMonth.get(months[k]!)! + sheet.totalPaid);
    const list = remittances.get(org.id) ?? [];
    const receivedIn = (quarter: number) =>
      sum(
        list
          .filter((r) =>
            r.periodKind === 'quarter'
              ? r.period === quarter
              : quarterOfMonth(`${r.year}-${pad(r.period)}`) === quarter,
          )
          .map((r) => r.amount),
      );
    const quarters = [1, 2, 3, 4]
      .map((quarter) => {
        const qMonths = monthsOfPeriod(query.year, 'quarter', quarter).filter((m) =>
          paidByMonth.has(m),
        );
        if (qMonths.length === 0) return null;
        const due = remittanceDue(paidByMonth, qMonths, setting);
        const received = receivedIn(quarter);
        return {
          quarter,
          collected: sum(qMonths.map((m) => paidByMonth.get(m)!)),
          due,
          received,
          state: quarterState({
            ended: periodEnded(query.year, 'quarter', quarter, current),
            due,
            received,
          }),
        };
      })
      .filter((q) => q !== null);
    // Due: the quarters that have ended (what should have been remitted by now); the quarter under
    // way is shown on its own (`openDue`) and in the quarters.
    const endedMonths = months.filter((m) =>
      periodEnded(query.year, 'quarter', quarterOfMonth(m), current),
    );
    const due = remittanceDue(paidByMonth, endedMonths, setting);
    const openDue = remittanceDue(
      paidByMonth,
      months.filter((m) => !endedMonths.includes(m)),
      setting,
    );
    const received = sum(list.map((r) => r.amount));
    return {
      orgUnitId: org.id,
      orgUnitName: org.name,
      receivingOrgUnitName: receivers.get(org.id) ?? '',
      cells: cellsOf[i]!.length,
      collected: sum([...paidByMonth.values()]),
      due,
      openDue,
      received,
      difference: received - due,
      unpaidQuarters: quarters.filter((q) => q.state === 'unpaid').map((q) => q.quarter),
      quarters,
      remittances: list,
    };
  });
  const shares = [
    ...(months[0]! <= remittance342.to
      ? [
          {
            from: months[0]!,
            to: months.at(-1)! < remittance342.to ? months.at(-1)! : remittance342.to,
            keptPercent: remittance342.keptPercent,
            source: remittance342.source,
          },
        ]
      : []),
    ...(months.at(-1)! > remittance342.to
      ? [
          {
            from: months[0]! > remittance342.to ? months[0]! : '2026-02',
            to: months.at(-1)!,
            keptPercent: setting.keptPercent,
            source: setting.source,
          },
        ]
      : []),
  ];
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    year: query.year,
    months,
    endedMonths: months.filter((m) =>
      periodEnded(query.year, 'quarter', quarterOfMonth(m), current),
    ),
    shares,
    rows,
    totals: {
      collected: sum(rows.map((r) => r.collected)),
      due: sum(rows.map((r) => r.due)),
      openDue: sum(rows.map((r) => r.openDue)),
      received: sum(rows.map((r) => r.received)),
      difference: sum(rows.map((r) => r.difference)),
    },
    canRecord: can(actor, 'remittance.write') && committeeKinds.includes(unit.kind),
  };
};
