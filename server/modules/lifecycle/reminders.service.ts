// The statutory-events calendar (việc cần làm) for a subtree: recruitment deadlines, probation
// ends, transfer letters not presented in 30 days, badges due at the next award date, and members
// with 3 unpaid months of dues (counted from the month they joined a cell here and their first
// recorded sheet: never months nobody recorded). Each item says what is due, by when, and links
// to the record.
import type { TReminder, TReminderGroup, TRemindersQuery } from '../../../contracts/lifecycle';
import { addDays } from '../../../domain/calendar/date-math';
import { addWorkingDays, type CalendarAdjustment } from '../../../domain/calendar/working-days';
import { type MemberEventKind, memberEventLabels } from '../../../domain/enums/members';
import { duesMonthsOfYear, monthlyDues, previousMonth } from '../../../domain/rules/dues/dues';
import { probationEnd } from '../../../domain/rules/recruitment/recruitment';
import { formatDate, toSearchKey } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { getCalendarAdjustments } from '../calendar';
import { activeStatusList } from '../figures';
import { letterPresentationDays } from '../members';
import { proposalReminders } from '../proposals';
import { getBoard } from '../recruitment';
import { listBadgeCandidates } from './badges.service';
import { basisOf, type DuesProfileRow, getDuesParams, recordsFromOf } from './dues.service';

const severityOrder = { overdue: 0, due_soon: 1, upcoming: 2 } as const;
const maxItems = 500;

type Section = {
  db: Db;
  actor: Actor;
  unit: { id: number; name: string; path: string };
  today: string;
  adjustments: CalendarAdjustment[];
};

/** Recruitment steps overdue or due within a few working days. */
const recruitmentDeadlines = async ({ db, actor, unit }: Section): Promise<TReminder[]> => {
  const items: TReminder[] = [];
  const board = await getBoard({ db, actor, orgUnitId: unit.id });
  for (const a of board.items) {
    const d = a.nextDeadline;
    if (!d || (d.status !== 'overdue' && d.status !== 'due_soon')) continue;
    items.push({
      kind: 'recruitment_deadline',
      date: d.dueOn,
      severity: d.status,
      title: `${a.fullName}: ${d.label}`,
      detail: `Hạn ${formatDate(d.dueOn)} (${d.basis}).`,
      orgUnitName: a.orgUnitName,
      orgUnitId: a.orgUnitId,
      link: `/phat-trien-dang/${a.id}`,
    });
  }
  return items;
};

/** Probation ending: the cell must vote on recognition within 30 working days after it. */
const probationEnds = async ({ db, unit, today, adjustments }: Section): Promise<TReminder[]> => {
  const items: TReminder[] = [];
  const probationers = await queryRows<{
    id: number;
    full_name: string;
    admitted_on: string | null;
    org_unit_id: number;
    org_unit_name: string;
    ceremony: string | null;
  }>(
    db,
    sql`select m.id, m.full_name, m.admitted_on, m.org_unit_id, o.name as org_unit_name, c.step_date as ceremony
        from members m join org_units o on o.id = m.org_unit_id
        left join (select a.member_id, s.step_date from applicants a
                   join recruitment_steps s on s.applicant_id = a.id
                   where a.member_id is not null and s.step = 'ceremony' and s.outcome = 'passed') c
          on c.member_id = m.id
        where o.path <@ ${unit.path}::ltree and m.standing = 'probationary'
          and m.status in (${activeStatusList})`,
  );
  for (const p of probationers) {
    // Without a recorded ceremony, probation is counted from the admission decision.
    const start = p.ceremony ?? p.admitted_on;
    if (!start) continue;
    const end = probationEnd(start);
    if (end > addDays(today, 45)) continue;
    const voteBy = addWorkingDays(end, 30, adjustments);
    items.push({
      kind: 'probation_end',
      date: end,
      severity: today > voteBy ? 'overdue' : end <= today ? 'due_soon' : 'upcoming',
      title: `${p.full_name}: hết thời gian dự bị ngày ${formatDate(end)}`,
      detail: `Chi bộ xét, đề nghị công nhận đảng viên chính thức chậm nhất ngày ${formatDate(voteBy)} (30 ngày làm việc).${p.ceremony ? '' : ' Tính từ ngày quyết định kết nạp vì chưa ghi ngày lễ kết nạp.'}`,
      orgUnitName: p.org_unit_name,
      orgUnitId: p.org_unit_id,
      link: `/dang-vien/${p.id}`,
    });
  }
  return items;
};

/** Transfer letters not presented within 30 days of issue. */
const transferLetters = async ({ db, unit, today }: Section): Promise<TReminder[]> => {
  const items: TReminder[] = [];
  const letters = await queryRows<{
    member_id: number;
    full_name: string;
    kind: MemberEventKind;
    issued: string;
    letter_number: string | null;
    org_unit_id: number;
    org_unit_name: string;
  }>(
    db,
    sql`select m.id as member_id, m.full_name, e.kind, coalesce(e.letter_date, e.event_date) as issued,
          e.letter_number, m.org_unit_id, o.name as org_unit_name
        from member_events e join members m on m.id = e.member_id join org_units o on o.id = m.org_unit_id
        where o.path <@ ${unit.path}::ltree
          and e.kind in ('transferred_out', 'temporary_out', 'moved')
          and e.letter_number is not null and e.presented_on is null
          and coalesce(e.letter_date, e.event_date) between ${addDays(today, -365)} and ${addDays(today, -letterPresentationDays)}`,
  );
  for (const l of letters) {
    items.push({
      kind: 'transfer_letter',
      date: addDays(l.issued, letterPresentationDays),
      severity: 'overdue',
      title:
        `${l.full_name}: chưa xác nhận xuất trình giấy giới thiệu ${l.letter_number ?? ''}`.trim(),
      detail: `${memberEventLabels[l.kind]} ngày ${formatDate(l.issued)}; quá 30 ngày chưa có xác nhận nơi đến.`,
      orgUnitName: l.org_unit_name,
      orgUnitId: l.org_unit_id,
      link: `/dang-vien/${l.member_id}`,
    });
  }
  return items;
};

/** Badges at the next award date (one item: the list is on the badges page). */
const badgesDue = async ({ db, actor, unit, today }: Section): Promise<TReminder[]> => {
  const items: TReminder[] = [];
  const badges = await listBadgeCandidates({ db, actor, orgUnitId: unit.id });
  const due = badges.items.filter((b) => b.eligible && !b.awarded);
  if (due.length > 0)
    items.push({
      kind: 'badge_due',
      date: badges.awardDate,
      severity: badges.awardDate <= addDays(today, 30) ? 'due_soon' : 'upcoming',
      title: `${due.length} đảng viên đủ điều kiện nhận Huy hiệu Đảng dịp ${formatDate(badges.awardDate)}`,
      detail: badges.byMilestone.map((b) => `${b.milestone} năm: ${b.count}`).join('; '),
      orgUnitName: unit.name,
      orgUnitId: unit.id,
      link: `/huy-hieu?don-vi=${unit.id}&dip=${badges.awardDate}`,
    });
  return items;
};

/** Three unpaid months in the year — only in cells that record dues here at all. */
const duesUnpaid = async ({ db, unit, today }: Section): Promise<TReminder[]> => {
  const items: TReminder[] = [];
  const year = Number(today.slice(0, 4));
  const month = today.slice(0, 7);
  const params = await getDuesParams(db);
  const lastDue = previousMonth(month);
  // Count paid months per member first (no arrays for the thousands who are up to date), keep those
  // short of at least three months, then list the months of just those.
  const candidates = await queryRows<
    Partial<DuesProfileRow> & {
      id: number;
      full_name: string;
      org_unit_id: number;
      org_unit_name: string;
      admitted_on: string | null;
      party_age_from: string | null;
      entry_month: string | null;
    }
  >(
    db,
    // Whole sets joined once (issue 24): the scope's members, their paid months of the year and
    // their latest entry, each read in one pass. Per-member lookups (the former plan) cost ~0.04 ms
    // × every member of the scope, 100–170 ms for the demo bloc on PGlite. The sets are fenced
    // (`materialized`) so the plan stays this one whatever the statistics say.
    sql`with scoped as materialized (
          select m.id, m.full_name, m.org_unit_id, o.name as org_unit_name, m.admitted_on, m.party_age_from
          from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ ${unit.path}::ltree and m.status in (${activeStatusList}) and not m.temporarily_away
        ), paid as materialized (
          select p.member_id, count(*) as n from dues_payments p
          where p.member_id in (select id from scoped) and p.month between ${`${year}-01`} and ${lastDue}
          group by p.member_id
        ), entered as materialized (
          -- Owed from the month of the latest admission, re-admission or transfer in.
          select e.member_id, max(e.event_date) as on_date from member_events e
          where e.member_id in (select id from scoped) and e.kind in ('admitted', 'readmitted', 'transferred_in')
          group by e.member_id
        )
        select m.id, m.full_name, m.org_unit_id, m.org_unit_name, m.admitted_on, m.party_age_from,
          to_char(f.entered, 'YYYY-MM') as entry_month, dp.category, dp.base_amount, dp.other_area, dp.social_pension_allowance,
          dp.hardship_exemption, dp.reduction_percent, dp.reduction_from, dp.reduction_to
        from scoped m
        left join paid on paid.member_id = m.id
        left join entered en on en.member_id = m.id
        left join dues_profiles dp on dp.member_id = m.id
        cross join lateral (
          select coalesce(en.on_date, m.admitted_on) as entered,
            greatest(${`${year}-01-01`}::date, date_trunc('month', coalesce(en.on_date, m.admitted_on))::date) as first_due) f
        where (extract(year from ${`${lastDue}-01`}::date) * 12 + extract(month from ${`${lastDue}-01`}::date))
            - (extract(year from f.first_due) * 12 + extract(month from f.first_due)) + 1 - coalesce(paid.n, 0) >= 3
          -- Only cells that record dues here this year; asked of the few members short of months.
          and exists (select 1 from members x join dues_payments p on p.member_id = x.id
                      where x.org_unit_id = m.org_unit_id and p.month like ${`${year}-%`})`,
  );
  const paidMonths = new Map<number, string[]>();
  if (candidates.length > 0)
    for (const r of await queryRows<{ member_id: number; months: string[] }>(
      db,
      sql`select member_id, array_agg(month) as months from dues_payments
          where member_id in (${sql.join(
            candidates.map((c) => sql`${c.id}`),
            sql`, `,
          )}) and month like ${`${year}-%`} group by member_id`,
    ))
      paidMonths.set(r.member_id, r.months);
  // Months before a member's first recorded sheet (members entered later, e.g. by an import) are
  // unknown, never unpaid.
  const recordsFrom = await recordsFromOf(
    db,
    candidates.map((c) => c.id),
  );
  const unpaid = candidates.map((c) => ({ ...c, paid: paidMonths.get(c.id) ?? null }));
  for (const u of unpaid) {
    // Exempt members (≥ 50 years of party age, hardship…) owe nothing and are never warned.
    const basis = u.category ? basisOf(u as DuesProfileRow) : { category: 'other' as const };
    if (monthlyDues({ month: lastDue, basis, partyAgeFrom: u.party_age_from, params }).exempt)
      continue;
    const { unpaid: months } = duesMonthsOfYear({
      year,
      asOfMonth: lastDue,
      paidMonths: u.paid ?? [],
      entryMonth: u.entry_month,
      recordsFrom: recordsFrom.get(u.id) ?? null,
    });
    if (months.length < 3) continue;
    items.push({
      kind: 'dues_unpaid',
      date: `${months[2]}-01`,
      severity: 'overdue',
      title: `${u.full_name}: ${months.length} tháng chưa đóng đảng phí năm ${year}`,
      detail: `Các tháng ${months.map((m) => `${m.slice(5)}/${m.slice(0, 4)}`).join(', ')}. Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng là căn cứ xem xét xóa tên.`,
      orgUnitName: u.org_unit_name,
      orgUnitId: u.org_unit_id,
      link: `/dang-vien/${u.id}`,
    });
  }
  return items;
};

/** Labels of the groups: a unit's name, with its parent's when two groups share the name. */
const groupLabels = async (db: Db, ids: number[]): Promise<Map<number, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; name: string; parent_name: string | null }>(
    db,
    sql`select o.id, o.name, p.name as parent_name from org_units o
        left join org_units p on p.id = o.parent_id
        where o.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  return new Map(
    rows.map((r) => [
      r.id,
      (seen.get(r.name) ?? 0) > 1 && r.parent_name ? `${r.name} – ${r.parent_name}` : r.name,
    ]),
  );
};

/** Issue 22: the filters of the page (kind, severity, text, one group). */
export const filterReminders = (
  items: TReminder[],
  q: Pick<TRemindersQuery, 'unit' | 'kind' | 'severity' | 'q'>,
): TReminder[] => {
  const key = q.q ? toSearchKey(q.q) : '';
  return items.filter(
    (i) =>
      (!q.unit || i.orgUnitId === q.unit) &&
      (!q.kind || i.kind === q.kind) &&
      (!q.severity || i.severity === q.severity) &&
      (!key || toSearchKey(`${i.title} ${i.detail} ${i.orgUnitName ?? ''}`).includes(key)),
  );
};

/** Groups by unit, most overdue first, then by name. */
const groupsOf = async (db: Db, items: TReminder[]): Promise<TReminderGroup[]> => {
  const byUnit = new Map<number | null, { count: number; overdue: number; name: string }>();
  for (const i of items) {
    const g = byUnit.get(i.orgUnitId) ?? { count: 0, overdue: 0, name: i.orgUnitName ?? '' };
    g.count++;
    if (i.severity === 'overdue') g.overdue++;
    byUnit.set(i.orgUnitId, g);
  }
  const labels = await groupLabels(
    db,
    [...byUnit.keys()].filter((id): id is number => id !== null),
  );
  return [...byUnit.entries()]
    .map(([id, g]) => ({
      orgUnitId: id,
      label: (id !== null && labels.get(id)) || g.name || 'Không rõ đơn vị',
      count: g.count,
      overdue: g.overdue,
    }))
    .sort((a, b) => b.overdue - a.overdue || a.label.localeCompare(b.label, 'vi'));
};

export const listReminders = async ({
  db,
  actor,
  orgUnitId,
  limit = maxItems,
  ...filters
}: {
  db: Db;
  actor: Actor;
  /** The home page counts every item by kind and unit (issue 22); unpaged, the page lists 500. */
  limit?: number;
} & TRemindersQuery): Promise<{
  items: TReminder[];
  counts: { overdue: number; dueSoon: number; upcoming: number };
  total: number;
  groups: TReminderGroup[];
}> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const section = {
    db,
    actor,
    unit,
    today: todayIso(),
    adjustments: await getCalendarAdjustments(db),
  };
  // The five kinds are independent reads: on PostgreSQL they run side by side on the pool.
  const items = (
    await Promise.all(
      [recruitmentDeadlines, probationEnds, transferLetters, badgesDue, duesUnpaid].map((read) =>
        read(section),
      ),
    )
  ).flat();
  // Proposals due or overdue for an answer (docs/domain/proposals.md), from the proposals module.
  items.push(...(await proposalReminders(db, unit.path, section.today)));
  items.sort(
    (a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.date.localeCompare(b.date),
  );
  const kept = filterReminders(items, filters);
  const groups = await groupsOf(db, kept);
  const { page = 1, pageSize } = filters;
  // Paged, the items come group after group (the page shows them so); unpaged callers keep the
  // order by urgency. The sort is stable: by urgency within a group.
  if (pageSize !== undefined) {
    const rank = new Map(groups.map((g, n) => [g.orgUnitId, n]));
    kept.sort((a, b) => (rank.get(a.orgUnitId) ?? 0) - (rank.get(b.orgUnitId) ?? 0));
  }
  return {
    items:
      pageSize === undefined
        ? kept.slice(0, limit)
        : kept.slice((page - 1) * pageSize, (page - 1) * pageSize + pageSize),
    total: kept.length,
    groups,
    counts: {
      overdue: items.filter((i) => i.severity === 'overdue').length,
      dueSoon: items.filter((i) => i.severity === 'due_soon').length,
      upcoming: items.filter((i) => i.severity === 'upcoming').length,
    },
  };
};
