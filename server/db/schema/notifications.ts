// In-app notifications and their e-mail (docs/user-guide/thong-bao.md, server/modules/notifications):
// one row per user and event, made by the scheduled job; `key` makes a second run (or a second
// server process) insert nothing twice.
import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from './platform';

export const notifications = pgTable(
  'notifications',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    /** deadline | evaluation_published | discipline_decided | transfer_received | key_task_assigned. */
    kind: text().notNull(),
    /** What the notification is about, unique per user (the idempotency key). */
    key: text().notNull(),
    title: text().notNull(),
    detail: text(),
    link: text(),
    /** The date of the event or deadline. */
    eventDate: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** none | pending (to send at once) | digest (in the day's digest) | sending | sent | failed. */
    emailState: text().notNull().default('none'),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_user_key').on(t.userId, t.key),
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_email_state_idx')
      .on(t.emailState)
      .where(sql`email_state in ('pending', 'digest')`),
  ],
);

/** Each user's choice per kind (in-app only, e-mail at once, daily digest) and e-mail address. */
export const notificationSettings = pgTable('notification_settings', {
  userId: integer()
    .primaryKey()
    .references(() => users.id),
  /** Accounts have no address of their own; null: the linked member's address, if any. */
  email: text(),
  /** kind → in_app | immediate | digest; a kind not listed is in_app. */
  channels: jsonb().notNull().default(sql`'{}'::jsonb`),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One row per user and day a digest was sent: a second process finds the row and sends nothing. */
export const notificationDigests = pgTable(
  'notification_digests',
  {
    userId: integer()
      .notNull()
      .references(() => users.id),
    day: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
