// A user's own notifications and their channel settings. A notification belongs to one account:
// every read and write here is narrowed to `actor.userId`, so nobody reaches another's rows.
import {
  type NotificationChannel,
  type NotificationKind,
  notificationKinds,
  type TNotification,
  type TNotificationSettings,
} from '../../../contracts/notifications';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors';

type Row = {
  id: number;
  kind: NotificationKind;
  title: string;
  detail: string | null;
  link: string | null;
  event_date: string | null;
  created_at: Date | string;
  read_at: Date | string | null;
};

const iso = (v: Date | string) => new Date(v).toISOString();

const toNotification = (r: Row): TNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  detail: r.detail,
  link: r.link,
  eventDate: r.event_date,
  createdAt: iso(r.created_at),
  readAt: r.read_at ? iso(r.read_at) : null,
});

export const countUnread = async (db: Db, actor: Actor): Promise<number> => {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from notifications where user_id = ${actor.userId} and read_at is null`,
  );
  return row?.n ?? 0;
};

export const listNotifications = async ({
  db,
  actor,
  unreadOnly,
  kind,
  page,
  pageSize,
}: {
  db: Db;
  actor: Actor;
  unreadOnly: boolean;
  kind?: NotificationKind;
  page: number;
  pageSize: number;
}) => {
  const where = sql`user_id = ${actor.userId}
    ${unreadOnly ? sql`and read_at is null` : sql``}
    ${kind ? sql`and kind = ${kind}` : sql``}`;
  const [rows, total, unread] = await Promise.all([
    queryRows<Row>(
      db,
      sql`select id, kind, title, detail, link, event_date, created_at, read_at from notifications
          where ${where} order by created_at desc, id desc
          limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
    queryOne<{ n: number }>(db, sql`select count(*)::int as n from notifications where ${where}`),
    countUnread(db, actor),
  ]);
  return { items: rows.map(toNotification), total: total?.n ?? 0, unread };
};

/**
 * Mark some (or all) of the user's notifications read. Not audited: reading one's own inbox
 * changes nothing anybody else sees (preference changes are audited).
 */
export const markRead = async (db: Db, actor: Actor, ids?: number[]): Promise<number> => {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update notifications set read_at = now()
        where user_id = ${actor.userId} and read_at is null
          ${
            ids
              ? sql`and id in (${sql.join(
                  [0, ...ids].map((id) => sql`${id}`),
                  sql`, `,
                )})`
              : sql``
          }
        returning id`,
  );
  return rows.length;
};

type SettingsRow = {
  email: string | null;
  channels: Partial<Record<NotificationKind, NotificationChannel>>;
  version: number;
};

const readSettings = async (db: Db, actor: Actor) => {
  const [row, member] = await Promise.all([
    queryOne<SettingsRow>(
      db,
      sql`select email, channels, version from notification_settings where user_id = ${actor.userId}`,
    ),
    actor.memberId
      ? queryOne<{ email: string | null }>(
          db,
          sql`select email from members where id = ${actor.memberId}`,
        )
      : undefined,
  ]);
  return { row, memberEmail: member?.email ?? null };
};

const fullChannels = (
  channels: Partial<Record<NotificationKind, NotificationChannel>> | undefined,
): Record<NotificationKind, NotificationChannel> =>
  Object.fromEntries(notificationKinds.map((k) => [k, channels?.[k] ?? 'in_app'])) as Record<
    NotificationKind,
    NotificationChannel
  >;

export const getSettings = async (
  db: Db,
  actor: Actor,
  emailAvailable: boolean,
): Promise<TNotificationSettings> => {
  const { row, memberEmail } = await readSettings(db, actor);
  return {
    email: row?.email ?? null,
    memberEmail,
    channels: fullChannels(row?.channels),
    emailAvailable,
    version: row?.version ?? 0,
  };
};

export const updateSettings = async (
  db: Db,
  actor: Actor,
  input: {
    email?: string | null;
    channels: Partial<Record<NotificationKind, NotificationChannel>>;
    version: number;
  },
  emailAvailable: boolean,
): Promise<TNotificationSettings> => {
  const channels = fullChannels(input.channels);
  return db.transaction(async (tx) => {
    const before = await queryOne<SettingsRow>(
      tx,
      sql`select email, channels, version from notification_settings where user_id = ${actor.userId} for update`,
    );
    if ((before?.version ?? 0) !== input.version)
      throw new AppError('CONFLICT', {
        message: 'Cài đặt thông báo vừa được thay đổi ở nơi khác. Vui lòng tải lại trang.',
      });
    const member = actor.memberId
      ? await queryOne<{ email: string | null }>(
          tx,
          sql`select email from members where id = ${actor.memberId}`,
        )
      : undefined;
    const email = input.email ?? null;
    const wantsEmail = Object.values(channels).some((c) => c !== 'in_app');
    if (wantsEmail && !email && !member?.email)
      throw new AppError('VALIDATION', {
        message: 'Cần địa chỉ e-mail để nhận thông báo qua e-mail.',
        fields: [{ path: 'email', message: 'Nhập địa chỉ e-mail nhận thông báo.' }],
      });
    const row = await queryOne<SettingsRow>(
      tx,
      sql`insert into notification_settings (user_id, email, channels, version, updated_at)
          values (${actor.userId}, ${email}, ${JSON.stringify(channels)}::jsonb, 1, now())
          on conflict (user_id) do update set email = excluded.email, channels = excluded.channels,
            version = notification_settings.version + 1, updated_at = now()
          returning email, channels, version`,
    );
    await writeAudit(tx, {
      actor,
      action: 'notification.settings',
      entityType: 'notification_settings',
      entityId: actor.userId,
      before: before ? { email: before.email, channels: fullChannels(before.channels) } : null,
      after: { email, channels },
    });
    return {
      email: row!.email,
      memberEmail: member?.email ?? null,
      channels: fullChannels(row!.channels),
      emailAvailable,
      version: row!.version,
    };
  });
};
