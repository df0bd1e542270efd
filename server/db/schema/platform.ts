import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    role: text().notNull(),
    scopeOrgUnitId: integer().notNull(),
    memberId: integer(),
    isActive: boolean().notNull().default(true),
    mustChangePassword: boolean().notNull().default(false),
    /** Base32 TOTP secret; pending until `totpEnabled` (set after a first correct code). */
    totpSecret: text(),
    totpEnabled: boolean().notNull().default(false),
    /** The last 30-second step whose code was accepted: a code is used once (RFC 6238 §5.2). */
    totpLastStep: integer(),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_key').on(sql`lower(${t.username})`)],
);

/**
 * Failed logins counted per key for the login throttle (server/platform/auth/README.md): a
 * username from one address or known device, a username that has no account, an address.
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  lastFailureAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the token; the token itself is only in the signed cookie. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Append-only, hash-chained audit log: who, when, what, before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer(),
    username: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    orgUnitId: integer(),
    before: jsonb(),
    after: jsonb(),
    meta: jsonb(),
    ip: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
  ],
);

/** Key–value settings: secrets generated on first start, rule parameters set by administrators. */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
