// The home page per role (issue 22): what this person has to do or know today, read from the faces
// of the modules that own each fact — never a figure of its own. Which home an account gets follows
// the named role rules and the kind of its scope unit: a member's own record; a cell (its secretary);
// the inspection commission; any other committee office (grassroots, upper, standing committee).
import type { THome, THomeItem, THomeSection } from '../../../contracts/home';
import { reminderKindLabels, reminderKinds, type TReminder } from '../../../contracts/lifecycle';
import { addDays } from '../../../domain/calendar/date-math';
import { memberHoldingKinds, type OrgUnitKind } from '../../../domain/enums/org-units';
import {
  type DisciplineForm,
  disciplineFormLabels,
  type LimitationGround,
  limitationOf,
} from '../../../domain/rules/discipline/discipline';
import {
  type CaseKind,
  type CaseStep,
  caseSteps,
  nextCaseStep,
  stepLabel,
} from '../../../domain/rules/inspection/inspection';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { isInspectionBody, seesOwnRecordOnly } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { getDisciplineParams, listCases } from '../inspection';
import { getDuesSheet, getMemberLifecycle, listReminders } from '../lifecycle';
import { getDashboard } from '../plans';
import { listMyReflections } from '../resolutions';

/** How far ahead a deadline counts as "coming": discipline limitation periods and case deadlines. */
export const LIMITATION_WARNING_DAYS = 180;
export const CASE_DUE_SOON_DAYS = 14;

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;
const money = (n: number) => `${formatNumber(n)} đồng`;

const item = (i: Partial<THomeItem> & Pick<THomeItem, 'label'>): THomeItem => ({
  detail: null,
  count: null,
  tone: 'info',
  link: null,
  ...i,
});

type Ctx = { db: Db; actor: Actor; today: string; year: number; month: string };

/** Which home the caller gets. */
export const homeKindOf = (actor: Actor, scopeKind: string): THome['kind'] => {
  if (seesOwnRecordOnly(actor)) return 'member';
  if (isInspectionBody(actor)) return 'inspection';
  if (memberHoldingKinds.includes(scopeKind as OrgUnitKind)) return 'cell';
  return 'committee';
};

export const getHome = async ({ db, actor }: { db: Db; actor: Actor }): Promise<THome> => {
  const today = todayIso();
  const ctx: Ctx = { db, actor, today, year: Number(today.slice(0, 4)), month: today.slice(0, 7) };
  if (seesOwnRecordOnly(actor)) return memberHome(ctx);
  const unit = await getUnitInScope(db, actor, actor.scopeOrgUnitId);
  const kind = homeKindOf(actor, unit.kind);
  if (kind === 'inspection') return inspectionHome(ctx, unit);
  if (kind === 'cell') return cellHome(ctx, unit);
  return committeeHome(ctx, unit);
};

// ---------------------------------------------------------------------------------------------
// A member (phone first): my record, my dues, my self-assessment, my cell, my badges, notifications

/** The open campaign that covers a cell, and the member's record in it (if the list was built). */
const evaluationOfMember = async (ctx: Ctx, memberId: number, cellPath: string) => {
  const campaign = await queryOne<{
    id: number;
    title: string;
    year: number;
    self_assessment_due: string | null;
  }>(
    ctx.db,
    sql`select c.id, c.title, c.year, c.self_assessment_due from evaluation_campaigns c
        join org_units co on co.id = c.org_unit_id
        where c.status = 'open' and ${cellPath}::ltree <@ co.path
        order by c.year desc, c.period_to desc, c.id desc limit 1`,
  );
  if (!campaign) return { campaign: null, record: null };
  const record = await queryOne<{
    id: number;
    status: string;
    not_rated_reason: string | null;
    self_on: string | null;
  }>(
    ctx.db,
    sql`select r.id, r.status, r.not_rated_reason,
          (select max(s.step_date) from evaluation_steps s where s.record_id = r.id and s.step = 'self_assessment') as self_on
        from evaluation_records r where r.campaign_id = ${campaign.id} and r.member_id = ${memberId}
        order by r.id limit 1`,
  );
  return { campaign, record };
};

/** The self-assessment item: to do with its deadline, done, or why there is none. */
export const selfAssessmentItem = (
  today: string,
  year: number,
  e: Awaited<ReturnType<typeof evaluationOfMember>>,
): THomeItem => {
  const { campaign, record } = e;
  if (!campaign)
    return item({
      label: `Chưa có đợt đánh giá, xếp loại đang mở cho chi bộ của đồng chí (năm ${year}).`,
      detail: 'Khi cấp ủy mở đợt đánh giá, bản tự kiểm điểm của đồng chí sẽ hiện ở đây.',
    });
  if (!record)
    return item({
      label: `${campaign.title}: chưa lập hồ sơ đánh giá của đồng chí.`,
      detail:
        'Đợt đánh giá đã mở nhưng chi bộ, cấp ủy chưa lập danh sách hồ sơ; hãy hỏi bí thư chi bộ.',
    });
  const link = `/danh-gia-xep-loai/ho-so/${record.id}`;
  if (record.status === 'not_rated')
    return item({
      label: `${campaign.title}: đồng chí thuộc diện không xếp loại.`,
      detail: record.not_rated_reason,
      link,
    });
  if (record.status === 'pending') {
    const due = campaign.self_assessment_due;
    return item({
      label: `Tự kiểm điểm, tự đánh giá (${campaign.title})`,
      detail: due ? `Hạn nộp ${formatDate(due)}.` : 'Chưa nộp bản tự kiểm điểm.',
      tone: due && due < today ? 'overdue' : 'due_soon',
      link,
    });
  }
  return item({
    label: `Đã nộp bản tự kiểm điểm (${campaign.title})`,
    detail: record.self_on ? `Ngày ${formatDate(record.self_on)}.` : null,
    tone: 'done',
    link,
  });
};

const memberHome = async (ctx: Ctx): Promise<THome> => {
  const { db, actor, today, year, month } = ctx;
  const memberId = actor.memberId;
  const me = memberId
    ? await queryOne<{
        id: number;
        full_name: string;
        cell_id: number;
        cell_name: string;
        cell_path: string;
      }>(
        db,
        sql`select m.id, m.full_name, o.id as cell_id, o.name as cell_name, o.path::text as cell_path
            from members m join org_units o on o.id = m.org_unit_id where m.id = ${memberId}`,
      )
    : null;
  if (!me)
    return {
      kind: 'member',
      title: 'Trang của tôi',
      unitName: '',
      today,
      sections: [
        {
          key: 'record',
          title: 'Hồ sơ của tôi',
          items: [],
          emptyText: 'Tài khoản chưa gắn với hồ sơ đảng viên; hãy báo quản trị hệ thống.',
          link: null,
        },
      ],
    };
  const recordLink = `/dang-vien/${me.id}`;
  const [lifecycle, evaluation, reflections, meetings] = await Promise.all([
    getMemberLifecycle(db, actor, me.id),
    evaluationOfMember(ctx, me.id, me.cell_path),
    listMyReflections({ db, actor }),
    queryRows<{ id: number; held_on: string; title: string; kind: string }>(
      db,
      sql`select id, held_on, title, kind from meetings
          where org_unit_id = ${me.cell_id} and kind in ('cell_regular', 'cell_thematic')
          order by held_on desc, id desc limit 3`,
    ),
  ]);

  // Dues: the months already past that are owed and not paid (never months nobody recorded), and
  // this month's amount (docs/domain/dues.md: 01-QĐ/TW from 02/2026, 342-QĐ/TW before).
  const owed = lifecycle.duesThisYear.filter(
    (d) => d.month < month && !d.exempt && !d.noData && d.paid === null && d.due > 0,
  );
  const thisMonth = lifecycle.duesThisYear.find((d) => d.month === month);
  const paidMonths = lifecycle.duesThisYear.filter((d) => d.paid !== null);
  const duesItems: THomeItem[] = [];
  if (owed.length > 0)
    duesItems.push(
      item({
        label: `Còn ${owed.length} tháng chưa đóng: ${money(owed.reduce((s, d) => s + d.due, 0))}`,
        detail: `Các tháng ${owed.map((d) => monthLabel(d.month)).join(', ')}.`,
        count: owed.length,
        tone: owed.length >= 3 ? 'overdue' : 'due_soon',
        link: recordLink,
      }),
    );
  if (thisMonth)
    duesItems.push(
      item({
        label: thisMonth.exempt
          ? `Tháng ${monthLabel(month)}: được miễn đóng đảng phí`
          : thisMonth.paid !== null
            ? `Tháng ${monthLabel(month)}: đã đóng ${money(thisMonth.paid)}`
            : `Tháng ${monthLabel(month)}: phải đóng ${money(thisMonth.due)}`,
        detail: thisMonth.exempt,
        tone: thisMonth.exempt || thisMonth.paid !== null ? 'done' : 'todo',
        link: recordLink,
      }),
    );
  if (paidMonths.length > 0)
    duesItems.push(
      item({
        label: `Năm ${year}: đã đóng ${paidMonths.length} tháng, ${money(paidMonths.reduce((s, d) => s + (d.paid ?? 0), 0))}`,
        tone: 'info',
        link: recordLink,
      }),
    );

  const toStudy = reflections.items.filter((r) => !r.submittedOn);
  const sections: THomeSection[] = [
    {
      key: 'record',
      title: 'Hồ sơ của tôi',
      items: [
        item({
          label: me.full_name,
          detail: `Sinh hoạt tại ${me.cell_name}.`,
          link: recordLink,
        }),
      ],
      emptyText: '',
      link: recordLink,
    },
    {
      key: 'dues',
      title: 'Đảng phí của tôi',
      items: duesItems,
      emptyText: lifecycle.duesProfile
        ? `Chưa có sổ thu đảng phí năm ${year} ghi cho đồng chí.`
        : 'Chưa khai báo căn cứ tính đảng phí (mức lương, đối tượng); hãy báo chi bộ.',
      link: recordLink,
    },
    {
      key: 'evaluation',
      title: 'Tự kiểm điểm, đánh giá xếp loại',
      items: [selfAssessmentItem(today, year, evaluation)],
      emptyText: '',
      link: null,
    },
    {
      key: 'meetings',
      title: 'Sinh hoạt chi bộ',
      items: [
        // The cell meets monthly (Điều lệ Đảng; docs/domain/meetings.md): say whether this month's
        // meeting is recorded; the dates of future meetings are not kept by the system.
        meetings.some((m) => m.held_on.slice(0, 7) === month)
          ? item({
              label: `Chi bộ đã sinh hoạt tháng ${monthLabel(month)}`,
              tone: 'done',
            })
          : item({
              label: `Chi bộ chưa ghi buổi sinh hoạt tháng ${monthLabel(month)}`,
              detail:
                'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần; hãy theo thông báo của bí thư chi bộ.',
              tone: 'todo',
            }),
        ...meetings.map((m) =>
          item({ label: m.title, detail: `Ngày ${formatDate(m.held_on)}.`, tone: 'info' }),
        ),
      ],
      emptyText: '',
      link: null,
    },
    {
      key: 'study',
      title: 'Nghị quyết cần học tập, viết thu hoạch',
      items: toStudy.slice(0, 5).map((r) =>
        item({
          label: `${r.number}: ${r.title}`,
          detail: r.studyDeadline ? `Hạn học tập ${formatDate(r.studyDeadline)}.` : null,
          tone: r.studyDeadline && r.studyDeadline < today ? 'overdue' : 'todo',
          link: '/bai-thu-hoach',
        }),
      ),
      emptyText: 'Không có nghị quyết nào đang chờ bài thu hoạch của đồng chí.',
      link: '/bai-thu-hoach',
    },
    {
      key: 'badges',
      title: 'Huy hiệu Đảng của tôi',
      items: lifecycle.badges.map((b) =>
        item({
          label: `Huy hiệu ${b.milestone} năm tuổi Đảng`,
          detail: `Trao ngày ${formatDate(b.awardDate)}${b.decisionNumber ? `, quyết định ${b.decisionNumber}` : ''}.`,
          tone: 'done',
          link: recordLink,
        }),
      ),
      emptyText: 'Đồng chí chưa được ghi nhận Huy hiệu Đảng nào.',
      link: recordLink,
    },
    {
      key: 'notifications',
      title: 'Thông báo',
      items: [item({ label: 'Xem các thông báo gửi đồng chí', link: '/thong-bao' })],
      emptyText: '',
      link: '/thong-bao',
    },
  ];
  return { kind: 'member', title: 'Trang của tôi', unitName: me.cell_name, today, sections };
};

// ---------------------------------------------------------------------------------------------
// A cell secretary: this month's meeting, dues to collect, deadlines, members to rate, transfers

type UnitRow = { id: number; kind: string; name: string; path: string };

const reminderItem = (r: TReminder): THomeItem =>
  item({
    label: r.title,
    detail: `${reminderKindLabels[r.kind]} · ${formatDate(r.date)} — ${r.detail}`,
    tone: r.severity === 'upcoming' ? 'todo' : r.severity,
    link: r.link,
  });

const cellHome = async (ctx: Ctx, unit: UnitRow): Promise<THome> => {
  const { db, actor, today, month } = ctx;
  const [meetings, dues, reminders, campaign, transfers] = await Promise.all([
    queryRows<{ id: number; held_on: string; title: string; kind: string }>(
      db,
      sql`select id, held_on, title, kind from meetings
          where org_unit_id = ${unit.id} and kind in ('cell_regular', 'cell_thematic')
            and held_on between ${`${month}-01`} and ${addDays(`${month}-01`, 40)}
            and to_char(held_on, 'YYYY-MM') = ${month}
          order by held_on`,
    ),
    getDuesSheet({ db, actor, orgUnitId: unit.id, month }),
    listReminders({ db, actor, orgUnitId: unit.id, limit: Number.MAX_SAFE_INTEGER }),
    queryOne<{
      id: number;
      title: string;
      review_due: string | null;
      to_review: number;
      self_pending: number;
    }>(
      db,
      sql`select c.id, c.title, c.review_due,
            (select count(*)::int from evaluation_records r where r.campaign_id = c.id and r.subject_kind = 'member'
               and r.org_unit_id = ${unit.id} and r.status in ('pending', 'self_assessed')) as to_review,
            (select count(*)::int from evaluation_records r where r.campaign_id = c.id and r.subject_kind = 'member'
               and r.org_unit_id = ${unit.id} and r.status = 'pending') as self_pending
          from evaluation_campaigns c join org_units co on co.id = c.org_unit_id
          where c.status = 'open' and ${unit.path}::ltree <@ co.path
          order by c.year desc, c.period_to desc, c.id desc limit 1`,
    ),
    // Members moved into this cell whose letter of introduction is not yet confirmed presented.
    queryRows<{ member_id: number; full_name: string; letter_number: string; issued: string }>(
      db,
      sql`select m.id as member_id, m.full_name, e.letter_number, coalesce(e.letter_date, e.event_date) as issued
          from member_events e join members m on m.id = e.member_id
          where e.org_unit_id = ${unit.id} and e.kind in ('moved', 'transferred_in')
            and e.letter_number is not null and e.presented_on is null
            and coalesce(e.letter_date, e.event_date) >= ${addDays(today, -365)}
          order by issued`,
    ),
  ]);

  // The cell meets monthly and a thematic meeting at least quarterly (docs/domain/meetings.md).
  const meetingItems: THomeItem[] =
    meetings.length > 0
      ? meetings.map((m) =>
          item({
            label: `Đã sinh hoạt: ${m.title}`,
            detail: `Ngày ${formatDate(m.held_on)}.`,
            tone: 'done',
            link: '/sinh-hoat',
          }),
        )
      : [
          item({
            label: `Chưa ghi buổi sinh hoạt chi bộ tháng ${monthLabel(month)}`,
            detail: 'Chi bộ sinh hoạt thường kỳ mỗi tháng một lần (Điều lệ Đảng).',
            tone: 'todo',
            link: '/sinh-hoat',
          }),
        ];

  const duesLink = `/dang-phi?don-vi=${unit.id}&thang=${month}`;
  const toCollect = dues.rows.filter(
    (r) => r.monthState === 'owed' && r.paid === null && !r.exempt,
  );
  const warned = dues.rows.filter((r) => r.warning);
  const duesItems: THomeItem[] = [
    item({
      label:
        toCollect.length > 0
          ? `Tháng ${monthLabel(month)}: còn ${toCollect.length} đảng viên chưa ghi thu`
          : `Tháng ${monthLabel(month)}: đã ghi thu đủ`,
      detail: `Đã thu ${money(dues.totalPaid)} / phải thu ${money(dues.totalDue)}.`,
      count: toCollect.length,
      tone: toCollect.length > 0 ? 'todo' : 'done',
      link: duesLink,
    }),
  ];
  if (warned.length > 0)
    duesItems.push(
      item({
        label: `${warned.length} đảng viên chưa đóng đảng phí từ 3 tháng trở lên trong năm`,
        detail: warned.map((w) => w.fullName).join(', '),
        count: warned.length,
        tone: 'overdue',
        link: duesLink,
      }),
    );

  const deadlines = reminders.items.filter(
    (r) => r.kind === 'recruitment_deadline' || r.kind === 'probation_end',
  );
  const evaluationItems: THomeItem[] = campaign
    ? [
        item({
          label:
            campaign.to_review > 0
              ? `${campaign.to_review} đảng viên chờ chi bộ kiểm điểm, đánh giá`
              : 'Chi bộ đã đánh giá xong các đảng viên',
          detail: `${campaign.title}${campaign.self_pending > 0 ? `; ${campaign.self_pending} đồng chí chưa nộp bản tự kiểm điểm` : ''}${campaign.review_due ? `; hạn chi bộ đánh giá ${formatDate(campaign.review_due)}` : ''}.`,
          count: campaign.to_review,
          tone:
            campaign.to_review === 0
              ? 'done'
              : campaign.review_due && campaign.review_due < today
                ? 'overdue'
                : 'todo',
          link: `/danh-gia-xep-loai/${campaign.id}`,
        }),
      ]
    : [];

  const sections: THomeSection[] = [
    {
      key: 'meeting',
      title: `Sinh hoạt chi bộ tháng ${monthLabel(month)}`,
      items: meetingItems,
      emptyText: '',
      link: '/sinh-hoat',
    },
    { key: 'dues', title: 'Thu đảng phí', items: duesItems, emptyText: '', link: duesLink },
    {
      key: 'deadlines',
      title: 'Thời hạn quần chúng ưu tú, đảng viên dự bị',
      items: deadlines.slice(0, 10).map(reminderItem),
      emptyText: 'Không có thời hạn nào sắp đến hoặc quá hạn.',
      link: `/viec-can-lam?don-vi=${unit.id}`,
    },
    {
      key: 'evaluation',
      title: 'Đánh giá, xếp loại đảng viên',
      items: evaluationItems,
      emptyText: 'Chưa có đợt đánh giá, xếp loại nào đang mở cho chi bộ.',
      link: campaign ? `/danh-gia-xep-loai/${campaign.id}` : '/danh-gia-xep-loai',
    },
    {
      key: 'transfers',
      title: 'Đảng viên chuyển đến chờ tiếp nhận',
      items: transfers.map((t) =>
        item({
          label: `${t.full_name}: giấy giới thiệu ${t.letter_number}`,
          detail: `Ngày ${formatDate(t.issued)}; chưa xác nhận ngày xuất trình tại chi bộ.`,
          tone: t.issued < addDays(today, -30) ? 'overdue' : 'todo',
          link: `/dang-vien/${t.member_id}`,
        }),
      ),
      emptyText: 'Không có đảng viên chuyển đến chờ tiếp nhận.',
      link: null,
    },
  ];
  return { kind: 'cell', title: 'Việc của chi bộ', unitName: unit.name, today, sections };
};

// ---------------------------------------------------------------------------------------------
// Grassroots and upper offices, standing committee: deadlines by type and unit, targets, reports

/**
 * Each reminder placed under the unit one level below the scope (a grassroots organisation for the
 * upper office, a cell for a grassroots office), by the unit the reminder names.
 */
const remindersByUnit = async (
  db: Db,
  scope: UnitRow,
  items: TReminder[],
): Promise<{ id: number; name: string; count: number; overdue: number }[]> => {
  // Each reminder names the unit it belongs to (a member's or applicant's cell, the unit itself);
  // one without is the scope's own. It counts under the scope's child that holds that unit.
  const unitOf = (it: TReminder) => it.orgUnitId ?? scope.id;
  const ids = [...new Set(items.map(unitOf))];
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number; child_id: number; child_name: string }>(
    db,
    sql`select o.id, c.id as child_id, c.name as child_name
        from org_units o
        join org_units c on c.path = case when nlevel(o.path) > nlevel(${scope.path}::ltree)
          then subpath(o.path, 0, nlevel(${scope.path}::ltree) + 1) else o.path end
        where o.id in (${sql.join(
          ids.map((x) => sql`${x}`),
          sql`, `,
        )})`,
  );
  const childOf = new Map(rows.map((r) => [r.id, r]));
  const byUnit = new Map<number, { id: number; name: string; count: number; overdue: number }>();
  for (const it of items) {
    const child = childOf.get(unitOf(it));
    if (!child) continue;
    const u = byUnit.get(child.child_id) ?? {
      id: child.child_id,
      name: child.child_name,
      count: 0,
      overdue: 0,
    };
    u.count += 1;
    if (it.severity === 'overdue') u.overdue += 1;
    byUnit.set(u.id, u);
  }
  return [...byUnit.values()].sort((a, b) => b.overdue - a.overdue || b.count - a.count);
};

const committeeHome = async (ctx: Ctx, unit: UnitRow): Promise<THome> => {
  const { db, actor, today, year } = ctx;
  const [reminders, dashboard, overdueTasks, report] = await Promise.all([
    listReminders({ db, actor, orgUnitId: unit.id, limit: Number.MAX_SAFE_INTEGER }),
    can(actor, 'plans.read') ? getDashboard({ db, actor, orgUnitId: unit.id, year }) : null,
    queryRows<{ id: number; title: string; deadline: string; owner: string }>(
      db,
      sql`select k.id, k.title, k.deadline, o.name as owner from key_tasks k
          join org_units o on o.id = coalesce(k.owner_org_unit_id, k.org_unit_id)
          where ${inScope(actor, sql`o.path`)} and k.status <> 'completed' and k.deadline < ${today}
            and k.year = ${year}
          order by k.deadline, k.id`,
    ),
    queryOne<{ id: number; issued: boolean; generated: boolean }>(
      db,
      sql`select id, issued_document_id is not null as issued, generated_at is not null as generated
          from report_drafts where org_unit_id = ${unit.id} and year = ${year}`,
    ),
  ]);
  const byKind = reminderKinds
    .map((k) => {
      const of = reminders.items.filter((r) => r.kind === k);
      return {
        kind: k,
        count: of.length,
        overdue: of.filter((r) => r.severity === 'overdue').length,
      };
    })
    .filter((k) => k.count > 0);
  const byUnit = await remindersByUnit(db, unit, reminders.items);
  const atRisk = (dashboard?.targets ?? []).filter(
    (t) => t.status === 'at_risk' || t.status === 'missed',
  );
  const planLink = `/ke-hoach?orgUnitId=${unit.id}&year=${year}`;
  const sections: THomeSection[] = [
    {
      key: 'deadlines-by-kind',
      title: 'Việc đến hạn theo loại',
      items: byKind.map((k) =>
        item({
          label: reminderKindLabels[k.kind],
          detail: k.overdue > 0 ? `${k.overdue} việc quá hạn.` : null,
          count: k.count,
          tone: k.overdue > 0 ? 'overdue' : 'due_soon',
          link: `/viec-can-lam?loai=${k.kind}`,
        }),
      ),
      emptyText: 'Không có việc nào đến hạn.',
      link: '/viec-can-lam',
    },
    {
      key: 'deadlines-by-unit',
      title: 'Việc đến hạn theo đơn vị',
      items: byUnit.slice(0, 12).map((u) =>
        item({
          label: u.name,
          detail: u.overdue > 0 ? `${u.overdue} việc quá hạn.` : null,
          count: u.count,
          tone: u.overdue > 0 ? 'overdue' : 'due_soon',
          // A child unit opens on its subtree; the committee itself on the items recorded for it
          // alone (its subtree would be the whole scope, not what this line counts).
          link:
            u.id === unit.id
              ? `/viec-can-lam?don-vi=${u.id}&nhom=${u.id}`
              : `/viec-can-lam?don-vi=${u.id}`,
        }),
      ),
      emptyText: 'Không có việc nào đến hạn.',
      link: '/viec-can-lam',
    },
    {
      key: 'targets',
      title: `Chỉ tiêu có nguy cơ không đạt (năm ${year})`,
      items: [
        ...atRisk.map((t) =>
          item({
            label: t.title,
            detail: `${t.orgUnitName}: ${t.statusLabel.toLowerCase()}; ${t.progress}.`,
            tone: t.status === 'missed' ? 'overdue' : 'due_soon',
            link: `/ke-hoach?orgUnitId=${t.orgUnitId}&year=${year}&target=${t.id}`,
          }),
        ),
        ...(overdueTasks.length > 0
          ? [
              item({
                label: `${overdueTasks.length} nhiệm vụ trọng tâm quá hạn chưa hoàn thành`,
                detail: overdueTasks
                  .slice(0, 3)
                  .map((k) => `${k.title} (${k.owner}, hạn ${formatDate(k.deadline)})`)
                  .join('; '),
                count: overdueTasks.length,
                tone: 'overdue' as const,
                link: planLink,
              }),
            ]
          : []),
      ],
      emptyText: dashboard
        ? 'Không có chỉ tiêu nào có nguy cơ không đạt, không có nhiệm vụ quá hạn.'
        : 'Không có quyền xem kế hoạch, chỉ tiêu.',
      link: planLink,
    },
    {
      key: 'reports',
      title: 'Báo cáo đến hạn',
      items: can(actor, 'report.read')
        ? [
            item({
              label: report?.issued
                ? `Báo cáo tổng kết năm ${year} đã ban hành`
                : report?.generated
                  ? `Báo cáo tổng kết năm ${year}: đã có dự thảo, chưa ban hành`
                  : `Báo cáo tổng kết năm ${year}: chưa lập dự thảo`,
              detail: report?.issued ? null : 'Báo cáo tổng kết công tác xây dựng Đảng cuối năm.',
              tone: report?.issued ? 'done' : 'todo',
              link: '/bao-cao-tong-ket',
            }),
          ]
        : [],
      emptyText: 'Không có báo cáo nào đến hạn.',
      link: can(actor, 'report.read') ? '/bao-cao-tong-ket' : null,
    },
  ];
  return {
    kind: 'committee',
    title: 'Việc của cấp ủy',
    unitName: unit.name,
    today,
    sections: [
      {
        key: 'summary',
        title: 'Tóm tắt',
        items: [
          item({
            label: 'Việc quá hạn',
            count: reminders.counts.overdue,
            tone: reminders.counts.overdue > 0 ? 'overdue' : 'done',
            link: '/viec-can-lam',
          }),
          item({
            label: 'Việc sắp đến hạn',
            count: reminders.counts.dueSoon,
            tone: 'due_soon',
            link: '/viec-can-lam',
          }),
          item({
            label: 'Chỉ tiêu có nguy cơ không đạt',
            count: atRisk.length,
            tone: atRisk.length > 0 ? 'due_soon' : 'done',
            link: planLink,
          }),
        ],
        emptyText: '',
        link: null,
      },
      ...sections,
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// The inspection commission: cases by step and deadline, discipline limitation running out

const inspectionHome = async (ctx: Ctx, unit: UnitRow): Promise<THome> => {
  const { db, actor, today } = ctx;
  const cases = (await listCases({ db, actor, status: 'open' })).items;
  const ids = cases.map((c) => c.id);
  const facts = ids.length
    ? await queryRows<{
        id: number;
        planned_to: string | null;
        steps: { step: CaseStep; date: string }[] | null;
      }>(
        db,
        sql`select c.id, c.planned_to,
              (select json_agg(json_build_object('step', s.step, 'date', s.step_date) order by s.step_date)
               from inspection_case_steps s where s.case_id = c.id) as steps
            from inspection_cases c where c.id in (${sql.join(
              ids.map((i) => sql`${i}`),
              sql`, `,
            )})`,
      )
    : [];
  const factOf = new Map(facts.map((f) => [f.id, f]));
  const withStep = cases.map((c) => {
    const f = factOf.get(c.id);
    const next = nextCaseStep(f?.steps ?? []) ?? 'conclusion';
    return { ...c, next, plannedTo: f?.planned_to ?? null };
  });
  const byStep = caseSteps
    .map((s) => ({ step: s, cases: withStep.filter((c) => c.next === s) }))
    .filter((s) => s.cases.length > 0);
  const late = withStep
    .filter((c) => c.plannedTo && c.plannedTo <= addDays(today, CASE_DUE_SOON_DAYS))
    .sort((a, b) => (a.plannedTo ?? '').localeCompare(b.plannedTo ?? ''));

  // Discipline proposed, not yet decided: the limitation period (thời hiệu) runs from the violation
  // to the decision — 5 years for khiển trách, 10 for cảnh cáo and cách chức, none for khai trừ
  // (Điều lệ Đảng; Quy định 22-QĐ/TW; docs/domain/discipline.md "Limitation").
  const params = await getDisciplineParams(db);
  const proposed = await queryRows<{
    id: number;
    form: DisciplineForm;
    violation_on: string;
    limitation_ground: LimitationGround | null;
    subject: string;
  }>(
    db,
    sql`select d.id, d.form, coalesce(d.violation_to, d.violation_from) as violation_on, d.limitation_ground,
          coalesce(m.full_name, o.name) as subject
        from discipline_decisions d join org_units o on o.id = d.org_unit_id
        left join members m on m.id = d.member_id
        where d.status = 'proposed' and ${inScope(actor, sql`o.path`)}`,
  );
  const expiring = proposed
    .map((d) => ({
      ...d,
      expiresOn: limitationOf(
        { form: d.form, violationOn: d.violation_on, ground: d.limitation_ground },
        params,
      ).expiresOn,
    }))
    .filter(
      (d): d is typeof d & { expiresOn: string } =>
        d.expiresOn !== null && d.expiresOn <= addDays(today, LIMITATION_WARNING_DAYS),
    )
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));

  const caseLink = (id: number) => `/kiem-tra-giam-sat/${id}`;
  const sections: THomeSection[] = [
    {
      key: 'cases-by-step',
      title: 'Cuộc kiểm tra, giám sát đang tiến hành, theo bước tiếp theo',
      items: byStep.map((s) =>
        item({
          label: stepLabel(s.cases[0].kind as CaseKind, s.step),
          detail: s.cases
            .slice(0, 3)
            .map((c) => c.title)
            .join('; '),
          count: s.cases.length,
          tone: 'todo',
          link: s.cases.length === 1 ? caseLink(s.cases[0].id) : '/kiem-tra-giam-sat',
        }),
      ),
      emptyText: 'Không có cuộc kiểm tra, giám sát nào đang tiến hành.',
      link: '/kiem-tra-giam-sat',
    },
    {
      key: 'cases-deadline',
      title: `Cuộc kiểm tra, giám sát quá hạn hoặc đến hạn trong ${CASE_DUE_SOON_DAYS} ngày`,
      items: late.map((c) =>
        item({
          label: c.title,
          detail: `Kết thúc theo kế hoạch ${formatDate(c.plannedTo)}; bước tiếp theo: ${stepLabel(c.kind as CaseKind, c.next).toLowerCase()}.`,
          tone: (c.plannedTo ?? '') < today ? 'overdue' : 'due_soon',
          link: caseLink(c.id),
        }),
      ),
      emptyText: 'Không có cuộc nào quá hạn hoặc sắp đến hạn theo kế hoạch.',
      link: '/kiem-tra-giam-sat',
    },
    {
      key: 'limitation',
      title: `Đề nghị kỷ luật sắp hết thời hiệu (trong ${LIMITATION_WARNING_DAYS} ngày)`,
      items: expiring.map((d) =>
        item({
          label: `${d.subject}: ${disciplineFormLabels[d.form].toLowerCase()}`,
          detail: `Vi phạm ngày ${formatDate(d.violation_on)}; hết thời hiệu ngày ${formatDate(d.expiresOn)}.`,
          tone: d.expiresOn <= today ? 'overdue' : 'due_soon',
          link: '/ky-luat',
        }),
      ),
      emptyText: 'Không có đề nghị kỷ luật nào sắp hết thời hiệu.',
      link: '/ky-luat',
    },
  ];
  return {
    kind: 'inspection',
    title: 'Việc của Ủy ban kiểm tra',
    unitName: unit.name,
    today,
    sections,
  };
};
