// The one scheduled job that makes notifications (docs/user-guide/thong-bao.md): for every active
// account, read what concerns it within its own scope — the deadlines of "Việc cần làm" (lifecycle's
// reminders) and the decisions of the last days — and insert one row per user and event.
//
// Several server processes may run it at the same time: every row carries an idempotency key unique
// per user (`on conflict do nothing`), an e-mail is claimed by one atomic update before it is sent,
// and a day's digest by inserting its (user, day) row — whoever loses a race finds the work done.
import type { NotificationKind, TRunResult } from '../../../contracts/notifications';
import { addDays } from '../../../domain/calendar/date-math';
import {
  type DisciplineForm,
  disciplineFormLabels,
} from '../../../domain/rules/discipline/discipline';
import { type QualityLevel, qualityLevelLabels } from '../../../domain/rules/evaluation/levels';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { activeAccountActors } from '../../platform/access/actors';
import { can } from '../../platform/access/permissions';
import { seesOwnRecordOnly } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { todayIso } from '../../platform/clock';
import { listReminders } from '../lifecycle';
import { type MailConfig, sendDigests, sendPendingEmails } from './notifications.mail';

/** Decisions older than this are history, not news: a first run does not flood anyone. */
export const recentDays = 30;
/** Above this many due items one summary replaces the items (the list is on "Việc cần làm"). */
export const deadlineItemCap = 20;

export type Candidate = {
  kind: NotificationKind;
  key: string;
  title: string;
  detail: string | null;
  link: string | null;
  eventDate: string | null;
};

type Reminders = Awaited<ReturnType<typeof listReminders>>;

/** Overdue and soon-due items of the user's subtree; one summary when there are many. */
const deadlineCandidates = (reminders: Reminders, today: string): Candidate[] => {
  const due = reminders.items.filter((i) => i.severity !== 'upcoming');
  if (due.length > deadlineItemCap) {
    const overdue = due.filter((i) => i.severity === 'overdue').length;
    return [
      {
        kind: 'deadline',
        key: `deadline:summary:${today}`,
        title: `Việc cần làm: ${overdue} việc quá hạn, ${due.length - overdue} việc sắp đến hạn`,
        detail: `Danh sách đầy đủ trên trang "Việc cần làm" (ngày ${formatDate(today)}).`,
        link: '/viec-can-lam',
        eventDate: today,
      },
    ];
  }
  return due.map((i) => ({
    kind: 'deadline',
    // The severity is part of the key: an item that becomes overdue is told again, once.
    key: `deadline:${i.kind}:${i.severity}:${i.link}:${i.date}`,
    title: `${i.severity === 'overdue' ? 'Quá hạn' : 'Sắp đến hạn'}: ${i.title}`,
    detail: `${i.detail} (${i.orgUnitName})`,
    link: i.link,
    eventDate: i.date,
  }));
};

/** Published ratings: a member's own; for a committee, its own unit's and a count per campaign. */
const evaluationCandidates = async (db: Db, actor: Actor, since: string): Promise<Candidate[]> => {
  if (!can(actor, 'evaluation.read')) return [];
  if (seesOwnRecordOnly(actor)) {
    if (!actor.memberId) return [];
    const rows = await queryRows<{
      id: number;
      title: string;
      published_on: string;
      decided_level: QualityLevel | null;
    }>(
      db,
      sql`select r.id, c.title, r.published_on, r.decided_level
          from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
          where r.member_id = ${actor.memberId} and r.status = 'published' and r.published_on >= ${since}`,
    );
    return rows.map((r) => ({
      kind: 'evaluation_published',
      key: `evaluation:record:${r.id}:${r.published_on}`,
      title: `Đã công bố kết quả xếp loại của đồng chí: ${r.decided_level ? qualityLevelLabels[r.decided_level] : 'xem chi tiết'}`,
      detail: `${r.title}; công bố ngày ${formatDate(r.published_on)}.`,
      link: `/danh-gia-xep-loai/ho-so/${r.id}`,
      eventDate: r.published_on,
    }));
  }
  const rows = await queryRows<{
    campaign_id: number;
    title: string;
    published_on: string;
    n: number;
    own_id: number | null;
    own_level: QualityLevel | null;
  }>(
    db,
    sql`select c.id as campaign_id, c.title, r.published_on, count(*)::int as n,
          max(r.id) filter (where r.subject_key = ${`unit:${actor.scopeOrgUnitId}`}) as own_id,
          max(r.decided_level) filter (where r.subject_key = ${`unit:${actor.scopeOrgUnitId}`}) as own_level
        from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
          join org_units o on o.id = r.org_unit_id
        where r.status = 'published' and r.published_on >= ${since} and ${inScope(actor, sql`o.path`)}
        group by c.id, c.title, r.published_on`,
  );
  return rows.map((r) => ({
    kind: 'evaluation_published',
    key: `evaluation:campaign:${r.campaign_id}:${r.published_on}`,
    title: r.own_id
      ? `Đã công bố kết quả xếp loại của đơn vị: ${r.own_level ? qualityLevelLabels[r.own_level] : 'xem chi tiết'}`
      : `Đã công bố kết quả xếp loại: ${r.n} trường hợp trong phạm vi`,
    detail: `${r.title}; công bố ngày ${formatDate(r.published_on)}${r.own_id ? `; ${r.n} trường hợp trong phạm vi` : ''}.`,
    link: r.own_id ? `/danh-gia-xep-loai/ho-so/${r.own_id}` : `/danh-gia-xep-loai/${r.campaign_id}`,
    eventDate: r.published_on,
  }));
};

/**
 * Discipline decisions: the member disciplined, and those who may read the register (need-to-know,
 * docs/domain/inspection.md) for their subtree. Cell secretaries do not read the register.
 */
const disciplineCandidates = async (db: Db, actor: Actor, since: string): Promise<Candidate[]> => {
  const own = seesOwnRecordOnly(actor);
  if (own && !actor.memberId) return [];
  if (!own && !can(actor, 'discipline.read')) return [];
  const rows = await queryRows<{
    id: number;
    form: DisciplineForm;
    decided_on: string;
    decision_number: string | null;
    subject: string;
  }>(
    db,
    sql`select d.id, d.form, d.decided_on, d.decision_number, coalesce(m.full_name, o.name) as subject
        from discipline_decisions d join org_units o on o.id = d.org_unit_id
          left join members m on m.id = d.member_id
        where d.status = 'decided' and d.decided_on >= ${since}
          and ${own ? sql`d.member_id = ${actor.memberId}` : inScope(actor, sql`o.path`)}`,
  );
  return rows.map((r) => ({
    kind: 'discipline_decided',
    key: `discipline:${r.id}`,
    title: `Quyết định kỷ luật ${disciplineFormLabels[r.form]?.toLowerCase() ?? r.form}: ${r.subject}`,
    detail: `${r.decision_number ? `Quyết định số ${r.decision_number}, ` : ''}ngày ${formatDate(r.decided_on)}.`,
    link: own ? null : '/ky-luat',
    eventDate: r.decided_on,
  }));
};

/**
 * Members transferred or moved into a unit: told to the unit that receives them and the committee
 * directly above it (the cell's secretary and its grassroots office), not to every level up.
 */
const transferCandidates = async (db: Db, actor: Actor, since: string): Promise<Candidate[]> => {
  if (seesOwnRecordOnly(actor) || !can(actor, 'member.list')) return [];
  const rows = await queryRows<{
    id: number;
    member_id: number;
    full_name: string;
    kind: string;
    event_date: string;
    unit_name: string;
    origin: string | null;
  }>(
    db,
    sql`select e.id, e.member_id, m.full_name, e.kind, e.event_date, o.name as unit_name,
          coalesce(e.external_org, (select p.name from member_events pe join org_units p on p.id = pe.org_unit_id
            where pe.member_id = e.member_id and pe.event_date <= e.event_date and pe.id <> e.id
              and pe.org_unit_id is not null and pe.org_unit_id <> e.org_unit_id
            order by pe.event_date desc, pe.id desc limit 1)) as origin
        from member_events e join members m on m.id = e.member_id join org_units o on o.id = e.org_unit_id
        where e.kind in ('transferred_in', 'moved') and e.event_date >= ${since}
          and ${inScope(actor, sql`o.path`)}
          and nlevel(o.path) <= (select nlevel(s.path) from org_units s where s.id = ${actor.scopeOrgUnitId}) + 1`,
  );
  return rows.map((r) => ({
    kind: 'transfer_received',
    key: `transfer:${r.id}`,
    title: `Đảng viên chuyển đến ${r.unit_name}: ${r.full_name}`,
    detail: `${r.kind === 'moved' ? 'Chuyển sinh hoạt trong Đảng bộ' : 'Chuyển sinh hoạt đến'} ngày ${formatDate(r.event_date)}${r.origin ? `, từ ${r.origin}` : ''}.`,
    link: `/dang-vien/${r.member_id}`,
    eventDate: r.event_date,
  }));
};

/** Key tasks the upper level handed down to the user's own unit (the plan that holds them). */
const keyTaskCandidates = async (db: Db, actor: Actor, since: string): Promise<Candidate[]> => {
  if (!can(actor, 'plans.read')) return [];
  const rows = await queryRows<{
    id: number;
    title: string;
    deadline: string;
    year: number;
    assigned_by: string | null;
  }>(
    db,
    sql`select t.id, t.title, t.deadline, t.year, a.name as assigned_by
        from key_tasks t left join org_units a on a.id = t.assigned_by_org_unit_id
        where t.org_unit_id = ${actor.scopeOrgUnitId} and t.origin = 'assigned'
          and t.created_at >= ${since}::date`,
  );
  return rows.map((r) => ({
    kind: 'key_task_assigned',
    key: `key-task:${r.id}`,
    title: `Nhiệm vụ trọng tâm được giao: ${r.title}`,
    detail: `${r.assigned_by ? `${r.assigned_by} giao; ` : ''}hạn ${formatDate(r.deadline)}.`,
    link: `/ke-hoach?nam=${r.year}`,
    eventDate: r.deadline,
  }));
};

/** Everything that concerns one user today, within their scope (pure reads, no writes). */
export const candidatesFor = async (
  db: Db,
  actor: Actor,
  today: string,
  reminders: (actor: Actor) => Promise<Reminders | null>,
): Promise<Candidate[]> => {
  const since = addDays(today, -recentDays);
  const r = await reminders(actor);
  return [
    ...(r ? deadlineCandidates(r, today) : []),
    ...(await evaluationCandidates(db, actor, since)),
    ...(await disciplineCandidates(db, actor, since)),
    ...(await transferCandidates(db, actor, since)),
    ...(await keyTaskCandidates(db, actor, since)),
  ];
};

/** Insert what is new for one user; the channel chosen for the kind decides the e-mail state. */
const insertCandidates = async (
  db: Db,
  userId: number,
  candidates: Candidate[],
  emailStateOf: (kind: NotificationKind) => 'none' | 'pending' | 'digest',
): Promise<number> => {
  let created = 0;
  // In slices: one statement per few hundred rows keeps the parameters well under the limit.
  for (let i = 0; i < candidates.length; i += 200) {
    const slice = candidates.slice(i, i + 200);
    const rows = await queryRows<{ id: number }>(
      db,
      sql`insert into notifications (user_id, kind, key, title, detail, link, event_date, email_state)
          values ${sql.join(
            slice.map(
              (c) =>
                sql`(${userId}, ${c.kind}, ${c.key}, ${c.title}, ${c.detail}, ${c.link}, ${c.eventDate}, ${emailStateOf(c.kind)})`,
            ),
            sql`, `,
          )}
          on conflict (user_id, key) do nothing
          returning id`,
    );
    created += rows.length;
  }
  return created;
};

/** Each user's channels and whether they have an address to write to. */
const loadChannels = async (db: Db) => {
  const rows = await queryRows<{
    user_id: number;
    channels: Partial<Record<NotificationKind, string>>;
    address: string | null;
  }>(
    db,
    sql`select s.user_id, s.channels, coalesce(s.email, m.email) as address
        from notification_settings s join users u on u.id = s.user_id
          left join members m on m.id = u.member_id`,
  );
  return new Map(rows.map((r) => [r.user_id, r]));
};

/**
 * Run the job once: generate, then send what is due by e-mail (when SMTP is configured). Safe to run
 * in several processes at once (see the head of this file).
 */
export const runNotificationJob = async ({
  db,
  mail,
  today = todayIso(),
  userIds,
}: {
  db: Db;
  mail: MailConfig | null;
  today?: string;
  /** Only these accounts (tests); all active accounts otherwise. */
  userIds?: number[];
}): Promise<TRunResult> => {
  const actors = await activeAccountActors(db, userIds);
  const channels = await loadChannels(db);
  // Reminders depend on the scope unit only (members have none): computed once per unit.
  const remindersByUnit = new Map<number, Promise<Reminders>>();
  const reminders = (actor: Actor) => {
    if (seesOwnRecordOnly(actor) || !can(actor, 'recruitment.read')) return Promise.resolve(null);
    let r = remindersByUnit.get(actor.scopeOrgUnitId);
    if (!r) {
      r = listReminders({ db, actor, orgUnitId: actor.scopeOrgUnitId });
      remindersByUnit.set(actor.scopeOrgUnitId, r);
    }
    return r;
  };
  let created = 0;
  for (const actor of actors) {
    const candidates = await candidatesFor(db, actor, today, reminders);
    if (candidates.length === 0) continue;
    const settings = channels.get(actor.userId);
    const emailStateOf = (kind: NotificationKind) => {
      const channel = settings?.channels[kind];
      if (!mail || !settings?.address || !channel || channel === 'in_app') return 'none' as const;
      return channel === 'immediate' ? ('pending' as const) : ('digest' as const);
    };
    created += await insertCandidates(db, actor.userId, candidates, emailStateOf);
  }
  if (!mail) return { created, emailed: 0, digests: 0, failed: 0 };
  const sent = await sendPendingEmails(db, mail);
  const digests = await sendDigests(db, mail, today);
  return {
    created,
    emailed: sent.sent,
    digests: digests.sent,
    failed: sent.failed + digests.failed,
  };
};
