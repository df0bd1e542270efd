// Party dues (đảng phí, docs/domain/dues.md): each member's monthly amount from the rule set in
// force that month (342-QĐ/TW before 02/2026, 01-QĐ/TW from then), the cell's monthly collection
// sheet, payments, and the 3-unpaid-months warning. A month is owed only from the month the member
// joined a cell here (admission, re-admission, transfer in) and only once a sheet was recorded for
// them: earlier months of a member entered later (an import) are "chưa có số liệu", not unpaid.
import type { TDuesSheet } from '../../../contracts/lifecycle';
import {
  type DuesArea,
  type DuesBasis,
  type DuesParams,
  type DuesRecordWindow,
  duesAreas,
  duesDefaults,
  duesFlatSourceFor,
  duesMonthState,
  duesMonthsOfYear,
  duesRuleSetFor,
  type FlatAmounts,
  monthlyDues,
  previousMonth,
  unsalariedDefaults,
  withUnsalariedAmounts,
} from '../../../domain/rules/dues/dues';
import { formatNumber } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { writeSetting } from '../../db/settings';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { conflict, invalidField } from '../../platform/errors';
import { activeStatusList, markMemberFactsChanged, withFigures } from '../figures';

export type DuesProfileRow = {
  member_id: number;
  category: DuesBasis['category'];
  base_amount: number | null;
  other_area: string | null;
  social_pension_allowance: boolean;
  hardship_exemption: boolean;
  reduction_percent: 30 | 50 | 70 | null;
  reduction_from: string | null;
  reduction_to: string | null;
  version: number;
};

export const basisOf = (p: DuesProfileRow): DuesBasis => ({
  category: p.category,
  baseAmount: p.base_amount,
  otherArea: p.other_area ?? undefined,
  socialPensionAllowance: p.social_pension_allowance,
  hardshipExemption: p.hardship_exemption,
  reduction:
    p.reduction_percent && p.reduction_from && p.reduction_to
      ? { percent: p.reduction_percent, from: p.reduction_from, to: p.reduction_to }
      : null,
});

const unsalariedKey = 'dues_unsalaried_amounts';

/**
 * The flat amounts of members outside the salary and pension groups under 01-QĐ/TW: not found in a
 * published text, so an administrator keeps them (settings key `dues_unsalaried_amounts`) with the
 * document they come from; the documented defaults otherwise.
 */
export const getUnsalariedAmounts = async (
  db: DbOrTx,
): Promise<FlatAmounts & { version: number; updatedAt: string | null }> => {
  const row = await queryOne<{ value: Partial<FlatAmounts>; updated_at: string }>(
    db,
    sql`select value, updated_at::text from settings where key = ${unsalariedKey}`,
  );
  const v = row?.value ?? {};
  return {
    other: { ...unsalariedDefaults.other, ...(v.other ?? {}) },
    student: v.student ?? unsalariedDefaults.student,
    source: v.source ?? unsalariedDefaults.source,
    version: row ? Number((v as { version?: number }).version ?? 1) : 0,
    updatedAt: row?.updated_at ?? null,
  };
};

/** Administrators only: replace the flat amounts and name their source (audited). */
export const saveUnsalariedAmounts = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { other: Record<DuesArea, number>; student: number; source: string; version: number };
}) => {
  for (const area of duesAreas)
    if (!(input.other[area] > 0))
      throw invalidField(`other.${area}`, 'Mức đóng phải lớn hơn 0 đồng.');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${unsalariedKey}))`);
    const before = await getUnsalariedAmounts(tx);
    if (before.version !== input.version) throw conflict();
    const value = {
      other: input.other,
      student: input.student,
      source: input.source,
      version: before.version + 1,
    };
    await writeSetting(tx, unsalariedKey, value);
    await writeAudit(tx, {
      actor,
      action: 'dues.amounts',
      entityType: 'settings',
      entityId: unsalariedKey,
      before: { other: before.other, student: before.student, source: before.source },
      after: { other: value.other, student: value.student, source: value.source },
    });
    return { ok: true as const };
  });
};

/** The rule sets (settings key `dues_params` may override them) with the flat amounts applied. */
export const getDuesParams = async (db: DbOrTx): Promise<DuesParams> => {
  const row = await queryOne<{ value: Partial<DuesParams> }>(
    db,
    sql`select value from settings where key = 'dues_params'`,
  );
  const params = { ...duesDefaults, ...(row?.value ?? {}) } as DuesParams;
  return withUnsalariedAmounts(params, await getUnsalariedAmounts(db));
};

/**
 * SQL for a member's record window (alias `m`): the month of their latest admission, re-admission
 * or transfer in, and the first month a sheet was recorded for them — their own first payment, or
 * the first month of their cell's collection recorded while they were on its roll.
 */
export const entryMonthSql = sql`(select to_char(max(e.event_date), 'YYYY-MM') from member_events e
  where e.member_id = m.id and e.kind in ('admitted', 'readmitted', 'transferred_in'))`;

/** First recorded month per member, for the given members (one query). */
export const recordsFromOf = async (
  db: DbOrTx,
  memberIds: readonly number[],
): Promise<Map<number, string>> => {
  if (memberIds.length === 0) return new Map();
  const ids = sql.join(
    memberIds.map((i) => sql`${i}`),
    sql`, `,
  );
  const rows = await queryRows<{ id: number; first: string | null }>(
    db,
    // The cells' sheets are computed once and joined (issue 24): left inline, PostgreSQL recomputed
    // them for every member asked about (86 × 1.5 ms for the whole-bloc reminders on PGlite).
    sql`with asked as materialized (
          select m.id, m.org_unit_id, m.created_at from members m where m.id in (${ids})
        ), cell_sheets as materialized (
          select x.org_unit_id, p.month, min(p.recorded_at) as first_recorded
          from dues_payments p join members x on x.id = p.member_id
          where x.org_unit_id in (select org_unit_id from asked)
          group by 1, 2
        ), from_cell as (
          select a.id, min(c.month) as first from asked a
          join cell_sheets c on c.org_unit_id = a.org_unit_id and c.first_recorded >= a.created_at
          group by a.id
        )
        select a.id, least(
          (select min(p.month) from dues_payments p where p.member_id = a.id), fc.first) as first
        from asked a left join from_cell fc on fc.id = a.id`,
  );
  return new Map(rows.filter((r) => r.first).map((r) => [r.id, r.first as string]));
};

const currentMonth = () => todayIso().slice(0, 7);

/**
 * Who is on a cell's roll for a month's collection (alias `m`). The month being collected (or a later
 * one): today's roll. A past month: the members whose period in this cell overlapped that month while
 * in the party (`member_periods`), so a member who moved here from another cell in 2025 is on this
 * cell's 2023 sheet nowhere but in the cell they belonged to then, where their dues are placed too.
 * A former member of the cell who is now outside the actor's subtree is left out: their record (and
 * the salary basis on the sheet) is no longer the actor's to see.
 */
const rollOfMonth = (orgUnitId: number, month: string, actor: Actor) =>
  month >= currentMonth()
    ? sql`m.org_unit_id = ${orgUnitId} and m.status in (${activeStatusList}) and not m.temporarily_away`
    : sql`exists (select 1 from member_periods mp where mp.member_id = m.id and mp.org_unit_id = ${orgUnitId}
          and mp.status in (${activeStatusList})
          and mp.valid_from < (${`${month}-01`}::date + interval '1 month')
          and (mp.valid_to is null or mp.valid_to > ${`${month}-01`}::date))
        and exists (select 1 from org_units now_in where now_in.id = m.org_unit_id
          and ${inScope(actor, sql`now_in.path`)})`;

export const getDuesSheet = async ({
  db,
  actor,
  orgUnitId,
  month,
}: {
  db: Db;
  actor: Actor;
  orgUnitId: number;
  month: string;
}): Promise<TDuesSheet> => {
  const unit = await getUnitInScope(db, actor, orgUnitId);
  if (unit.kind !== 'cell' && unit.kind !== 'grassroots_cell')
    throw invalidField('orgUnitId', 'Sổ thu đảng phí lập theo chi bộ: hãy chọn một chi bộ.');
  const sheets = await getDuesSheets({ db, actor, cells: [unit], months: [month] });
  return sheets.get(unit.id)![0]!;
};

/**
 * Who is on the roll of each of the cells for a month, as `rollOfMonth` says for one cell: rows
 * (cell_id, member_id). A member who moved between two of them during a past month is on both.
 */
const rollsOfMonth = (cellIds: readonly number[], month: string, actor: Actor) => {
  const cells = sql.join(
    cellIds.map((id) => sql`${id}`),
    sql`, `,
  );
  return month >= currentMonth()
    ? sql`select m0.org_unit_id as cell_id, m0.id as member_id from members m0
          where m0.org_unit_id in (${cells}) and m0.status in (${activeStatusList}) and not m0.temporarily_away`
    : sql`select distinct mp.org_unit_id as cell_id, mp.member_id from member_periods mp
          where mp.org_unit_id in (${cells}) and mp.status in (${activeStatusList})
            and mp.valid_from < (${`${month}-01`}::date + interval '1 month')
            and (mp.valid_to is null or mp.valid_to > ${`${month}-01`}::date)
            and exists (select 1 from members now_m join org_units now_in on now_in.id = now_m.org_unit_id
                        where now_m.id = mp.member_id and ${inScope(actor, sql`now_in.path`)})`;
};

/**
 * The dues sheets of several cells for several months (issue 21's summaries above the grassroots
 * level, issue 24): one roll query and one records-window query per month for all the cells, the
 * rows computed as each cell's own sheet computes them (`getDuesSheet` is this for one cell and
 * month). The cells must already be checked to be in the actor's scope. Sheets come in the months'
 * order for every cell asked, an empty sheet where a cell had nobody on its roll.
 */
export const getDuesSheets = async ({
  db,
  actor,
  cells,
  months,
}: {
  db: Db;
  actor: Actor;
  cells: readonly { id: number; name: string }[];
  months: readonly string[];
}): Promise<Map<number, TDuesSheet[]>> => {
  const params = await getDuesParams(db);
  const result = new Map<number, TDuesSheet[]>(cells.map((c) => [c.id, []]));
  if (cells.length === 0) return result;
  for (const month of months) {
    const year = month.slice(0, 4);
    const rows = await queryRows<
      DuesProfileRow & {
        cell_id: number;
        id: number;
        full_name: string;
        party_age_from: string | null;
        admitted_on: string | null;
        paid: number | null;
        paid_on: string | null;
        paid_months: string[] | null;
        entry_month: string | null;
      }
    >(
      db,
      sql`select roll.cell_id, m.id, m.full_name, m.party_age_from, m.admitted_on, ${entryMonthSql} as entry_month,
            p.*, pay.amount as paid, pay.paid_on,
            (select array_agg(x.month) from dues_payments x where x.member_id = m.id and x.month like ${`${year}-%`}) as paid_months
          from (${rollsOfMonth(
            cells.map((c) => c.id),
            month,
            actor,
          )}) roll
          join members m on m.id = roll.member_id
          left join dues_profiles p on p.member_id = m.id
          left join dues_payments pay on pay.member_id = m.id and pay.month = ${month}
          order by roll.cell_id, m.given_name collate "vi", m.full_name collate "vi", m.id`,
    );
    const recordsFrom = await recordsFromOf(db, [...new Set(rows.map((r) => r.id))]);
    // Only months already past count as unpaid; the current month is still being collected.
    const collecting = month >= currentMonth();
    const asOfMonth = collecting ? previousMonth(currentMonth()) : month;
    const rowsOf = new Map<number, TDuesSheet['rows']>(cells.map((c) => [c.id, []]));
    for (const r of rows) {
      const window: DuesRecordWindow = {
        entryMonth: r.entry_month ?? r.admitted_on?.slice(0, 7) ?? null,
        recordsFrom: recordsFrom.get(r.id) ?? null,
      };
      // The month being collected is open to recording for every member of the cell.
      const state = duesMonthState(month, collecting ? { entryMonth: window.entryMonth } : window);
      const computed =
        r.category && (state !== 'not_member' || r.paid !== null)
          ? monthlyDues({ month, basis: basisOf(r), partyAgeFrom: r.party_age_from, params })
          : null;
      const months = duesMonthsOfYear({
        year: Number(year),
        asOfMonth,
        paidMonths: r.paid_months ?? [],
        ...window,
      });
      const exempt = Boolean(computed?.exempt);
      rowsOf.get(r.cell_id)!.push({
        memberId: r.id,
        fullName: r.full_name,
        category: r.category ?? null,
        monthState: r.paid !== null ? ('owed' as const) : state,
        due: computed ? computed.amount : null,
        explanation:
          r.paid === null && state === 'not_member'
            ? `Chưa sinh hoạt tại chi bộ trong tháng này (từ tháng ${window.entryMonth?.slice(5)}/${window.entryMonth?.slice(0, 4)}).`
            : r.paid === null && state === 'no_data'
              ? `Chưa có số liệu: chưa ghi sổ thu nào cho đảng viên này đến tháng này, không tính là chưa đóng${computed && !computed.exempt ? ` (nếu ghi: ${computed.explanation})` : '.'}`
              : computed
                ? computed.explanation
                : 'Chưa khai báo căn cứ tính đảng phí (mức lương, lương hưu…).',
        exempt: computed?.exempt ?? null,
        paid: r.paid === null ? null : Number(r.paid),
        paidOn: r.paid_on,
        unpaidMonthsThisYear: exempt ? 0 : months.unpaid.length,
        unknownMonthsThisYear: months.unknown.length,
        warning: !exempt && months.unpaid.length >= 3,
      });
    }
    for (const cell of cells) {
      const sheetRows = rowsOf.get(cell.id)!;
      result.get(cell.id)!.push({
        orgUnitId: cell.id,
        orgUnitName: cell.name,
        month,
        ruleSet: duesRuleSetFor(month, params),
        flatAmountsSource: duesFlatSourceFor(month, params),
        rows: sheetRows,
        // Months nobody recorded are not owed: they stay out of the total to collect.
        totalDue: sheetRows.reduce((s, r) => s + (r.monthState === 'owed' ? (r.due ?? 0) : 0), 0),
        totalPaid: sheetRows.reduce((s, r) => s + (r.paid ?? 0), 0),
      });
    }
  }
  return result;
};

/** Record the cell's collection for a month: all rows or none. */
export const recordDuesPayments = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: {
    orgUnitId: number;
    month: string;
    paidOn: string;
    method: 'cash' | 'portal';
    payments: { memberId: number; amount: number }[];
  };
}) => {
  if (input.paidOn > todayIso()) throw invalidField('paidOn', 'Ngày nộp không được sau hôm nay.');
  const ids = input.payments.map((p) => p.memberId);
  if (new Set(ids).size !== ids.length)
    throw invalidField('payments', 'Một đảng viên được ghi hai lần.');
  return withFigures(db, async (tx) => {
    await getUnitInScope(tx, actor, input.orgUnitId);
    const found = await queryRows<{ id: number }>(
      tx,
      sql`select m.id from members m where ${rollOfMonth(input.orgUnitId, input.month, actor)}
          and m.id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
    );
    if (found.length !== ids.length)
      throw invalidField('payments', 'Có đảng viên không sinh hoạt tại chi bộ này.');
    const already = await queryRows<{ member_id: number }>(
      tx,
      sql`select member_id from dues_payments where month = ${input.month}
          and member_id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
    );
    if (already.length)
      throw invalidField(
        'payments',
        `${already.length} đảng viên đã được ghi nộp đảng phí tháng ${input.month.slice(5)}/${input.month.slice(0, 4)}.`,
      );
    for (const p of input.payments) {
      await tx.execute(sql`insert into dues_payments (member_id, month, amount, paid_on, method, recorded_by)
        values (${p.memberId}, ${input.month}, ${p.amount}, ${input.paidOn}, ${input.method}, ${actor.userId})`);
    }
    markMemberFactsChanged(tx, ids);
    const total = input.payments.reduce((s, p) => s + p.amount, 0);
    await writeAudit(tx, {
      actor,
      action: 'dues.collect',
      entityType: 'org_unit',
      entityId: input.orgUnitId,
      orgUnitId: input.orgUnitId,
      after: { month: input.month, paidOn: input.paidOn, count: ids.length, total },
      meta: { payments: input.payments },
    });
    return {
      count: ids.length,
      total,
      message: `Đã ghi ${ids.length} đảng viên, tổng ${formatNumber(total)} đ.`,
    };
  });
};

export const saveDuesProfile = async ({
  db,
  actor,
  memberId,
  input,
}: {
  db: Db;
  actor: Actor;
  memberId: number;
  input: {
    category: DuesBasis['category'];
    baseAmount?: number | null;
    otherArea?: string | null;
    socialPensionAllowance: boolean;
    hardshipExemption: boolean;
    reductionPercent?: 30 | 50 | 70 | null;
    reductionFrom?: string | null;
    reductionTo?: string | null;
    version: number;
  };
}) => {
  const needsBase = ['insured_salary', 'social_insurance_benefit', 'pension'].includes(
    input.category,
  );
  if (needsBase && !input.baseAmount)
    throw invalidField('baseAmount', 'Cần ghi mức tiền lương, trợ cấp hoặc lương hưu làm căn cứ.');
  if (input.reductionPercent && (!input.reductionFrom || !input.reductionTo))
    throw invalidField(
      'reductionFrom',
      'Cần ghi thời gian được giảm đảng phí (từ tháng, đến tháng).',
    );
  if (input.reductionFrom && input.reductionTo) {
    const [fy, fm] = input.reductionFrom.split('-').map(Number);
    const [ty, tm] = input.reductionTo.split('-').map(Number);
    const months = (ty - fy) * 12 + (tm - fm) + 1;
    if (months < 1) throw invalidField('reductionTo', 'Tháng kết thúc phải sau tháng bắt đầu.');
    if (months > 12)
      throw invalidField(
        'reductionTo',
        'Mỗi quyết định giảm đảng phí có thời hạn tối đa 12 tháng.',
      );
  }
  return db.transaction(async (tx) => {
    const m = await requireAccess(tx, actor, 'member.write', memberId);
    const before = await queryOne<DuesProfileRow>(
      tx,
      sql`select * from dues_profiles where member_id = ${memberId} for update`,
    );
    if ((before?.version ?? 0) !== input.version) throw conflict();
    const values = {
      category: input.category,
      baseAmount: input.baseAmount ?? null,
      otherArea: input.otherArea ?? null,
      social: input.socialPensionAllowance,
      hardship: input.hardshipExemption,
      percent: input.reductionPercent ?? null,
      from: input.reductionPercent ? (input.reductionFrom ?? null) : null,
      to: input.reductionPercent ? (input.reductionTo ?? null) : null,
    };
    await tx.execute(sql`insert into dues_profiles (member_id, category, base_amount, other_area,
        social_pension_allowance, hardship_exemption, reduction_percent, reduction_from, reduction_to,
        version, updated_by, updated_at)
      values (${memberId}, ${values.category}, ${values.baseAmount}, ${values.otherArea}, ${values.social},
        ${values.hardship}, ${values.percent}, ${values.from}, ${values.to}, 1, ${actor.userId}, now())
      on conflict (member_id) do update set category = excluded.category, base_amount = excluded.base_amount,
        other_area = excluded.other_area, social_pension_allowance = excluded.social_pension_allowance,
        hardship_exemption = excluded.hardship_exemption, reduction_percent = excluded.reduction_percent,
        reduction_from = excluded.reduction_from, reduction_to = excluded.reduction_to,
        version = dues_profiles.version + 1, updated_by = excluded.updated_by, updated_at = now()`);
    await writeAudit(tx, {
      actor,
      action: 'dues.profile',
      entityType: 'member',
      entityId: memberId,
      orgUnitId: m.org_unit_id,
      before: before ?? null,
      after: values,
    });
    return { ok: true as const };
  });
};
