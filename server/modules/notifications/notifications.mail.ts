// E-mail of notifications, when the installation names an SMTP server (SMTP_URL, SMTP_FROM in
// server/config.ts). Each row is claimed by one atomic update before it is sent, so two server
// processes never send the same notification twice; a failed send goes back to be tried next run.
import nodemailer from 'nodemailer';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';

export type MailConfig = { url: string; from: string };

/** The mail settings of a configuration, or null when e-mail is off. */
export const mailConfigOf = (config: { smtpUrl?: string; smtpFrom?: string }): MailConfig | null =>
  config.smtpUrl ? { url: config.smtpUrl, from: config.smtpFrom ?? 'dangvu@localhost' } : null;

type Claimed = {
  id: number;
  user_id: number;
  title: string;
  detail: string | null;
  link: string | null;
  address: string;
  display_name: string;
};

/** A claim older than this is a process that died while sending: it may be taken again. */
const staleClaimMinutes = 15;

const claim = (db: Db, state: 'pending' | 'digest', userId?: number) =>
  queryRows<Claimed>(
    db,
    sql`with c as (
          update notifications n set email_state = 'sending', emailed_at = now()
          where n.id in (select x.id from notifications x
                         where (x.email_state = ${state}
                                or (x.email_state = 'sending' and x.emailed_at < now() - make_interval(mins => ${staleClaimMinutes})
                                    and ${state} = 'pending'))
                           ${userId ? sql`and x.user_id = ${userId}` : sql``}
                         order by x.id limit 500
                         for update skip locked)
          returning n.id, n.user_id, n.title, n.detail, n.link)
        select c.*, coalesce(s.email, m.email) as address, u.display_name
        from c join users u on u.id = c.user_id
          left join notification_settings s on s.user_id = c.user_id
          left join members m on m.id = u.member_id
        order by c.id`,
  );

const settle = async (db: Db, ids: number[], state: 'sent' | 'failed' | 'pending' | 'digest') => {
  if (ids.length === 0) return;
  await db.execute(
    sql`update notifications set email_state = ${state}, emailed_at = ${state === 'sent' ? sql`now()` : sql`emailed_at`}
        where id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
};

const lineOf = (n: Claimed) =>
  [n.title, n.detail, n.link ? `Xem: ${n.link}` : null].filter(Boolean).join('\n');

const transportOf = (mail: MailConfig) =>
  nodemailer.createTransport(mail.url, { from: mail.from } as never);

/** Send the notifications chosen "e-mail at once", one message each. */
export const sendPendingEmails = async (
  db: Db,
  mail: MailConfig,
): Promise<{ sent: number; failed: number }> => {
  const claimed = await claim(db, 'pending');
  if (claimed.length === 0) return { sent: 0, failed: 0 };
  const transport = transportOf(mail);
  const sent: number[] = [];
  const retry: number[] = [];
  const failed: number[] = [];
  try {
    for (const n of claimed) {
      if (!n.address) {
        failed.push(n.id);
        continue;
      }
      try {
        await transport.sendMail({
          from: mail.from,
          to: n.address,
          subject: `[Đảng vụ] ${n.title}`.slice(0, 200),
          text: `Kính gửi đồng chí ${n.display_name},\n\n${lineOf(n)}\n`,
        });
        sent.push(n.id);
      } catch {
        retry.push(n.id);
      }
    }
  } finally {
    transport.close();
    await settle(db, sent, 'sent');
    await settle(db, retry, 'pending');
    await settle(db, failed, 'failed');
  }
  return { sent: sent.length, failed: retry.length + failed.length };
};

/**
 * Once a day per user: one message with the day's notifications chosen "daily digest". The
 * (user, day) row is inserted first; a process that finds it already there sends nothing.
 */
export const sendDigests = async (
  db: Db,
  mail: MailConfig,
  today: string,
): Promise<{ sent: number; failed: number }> => {
  const users = await queryRows<{ user_id: number }>(
    db,
    sql`select distinct user_id from notifications where email_state = 'digest'`,
  );
  let sent = 0;
  let failed = 0;
  const transport = users.length > 0 ? transportOf(mail) : null;
  try {
    for (const { user_id } of users) {
      const won = await queryRows<{ user_id: number }>(
        db,
        sql`insert into notification_digests (user_id, day) values (${user_id}, ${today})
            on conflict do nothing returning user_id`,
      );
      if (won.length === 0) continue;
      const items = await claim(db, 'digest', user_id);
      if (items.length === 0 || !items[0]!.address) {
        await settle(
          db,
          items.map((i) => i.id),
          'failed',
        );
        continue;
      }
      try {
        await transport!.sendMail({
          from: mail.from,
          to: items[0]!.address,
          subject: `[Đảng vụ] Thông báo tổng hợp ngày ${formatDate(today)} (${items.length})`,
          text: `Kính gửi đồng chí ${items[0]!.display_name},\n\n${items.map((n, i) => `${i + 1}. ${lineOf(n)}`).join('\n\n')}\n`,
        });
        await settle(
          db,
          items.map((i) => i.id),
          'sent',
        );
        sent += 1;
      } catch {
        // Give the day back: the next run tries again.
        await settle(
          db,
          items.map((i) => i.id),
          'digest',
        );
        await db.execute(
          sql`delete from notification_digests where user_id = ${user_id} and day = ${today}`,
        );
        failed += 1;
      }
    }
  } finally {
    transport?.close();
  }
  return { sent, failed };
};
