import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Role } from '../../../domain/enums/roles';
import { type Db, type DbOrTx, queryOne } from '../../db/client';
import { loginThrottles, orgUnits, sessions, users } from '../../db/schema/index';
import type { Actor } from '../access/actor';
import { secondFactorRoles } from '../access/permissions';
import { writeAudit } from '../audit/audit';
import { AppError, invalidField } from '../errors';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password';
import { generateTotpSecret, otpauthUri, totpStep } from './totp';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * The login throttle (README.md, "Failed logins"). Failures are counted per username from one
 * client (an address, or a known device: a browser that logged in to that account before), per
 * username from untrusted clients, and per address. A stranger's failures lock their own client,
 * not the account's known devices nor its second factor (OWASP, "Slow Down Online Guessing Attacks
 * with Device Cookies"). Unknown usernames are counted the same way, so a lock answers the same
 * whether or not the account exists.
 */
export const PAIR_LOCK_AFTER = 5;
export const ACCOUNT_LOCK_AFTER = 20;
export const ADDRESS_LOCK_AFTER = 50;
/** Back-off after repeated failures: 1 min at `after`, doubling per further failure, at most 1 hour. */
export const lockoutMinutes = (failures: number, after = PAIR_LOCK_AFTER): number =>
  failures < after ? 0 : Math.min(60, 2 ** (failures - after));
/** A count starts again after a day without failures. */
const FAILURES_FORGOTTEN_AFTER = '1 day';

export type SessionInfo = { token: string; csrfToken: string; expiresAt: Date };
/** A browser that logged in to an account before (the signed device cookie): its id and account. */
export type KnownDevice = { userId: number; id: string };

const invalidCredentials = () =>
  new AppError('INVALID_CREDENTIALS', { message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });

const locked = (until: Date) =>
  new AppError('ACCOUNT_LOCKED', {
    message: `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${Math.max(
      1,
      Math.ceil((until.getTime() - Date.now()) / 60000),
    )} phút.`,
  });

const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** The keys among `keys` locked now, with the end of their lock. */
const lockedKeys = async (db: DbOrTx, keys: string[]): Promise<Map<string, Date>> => {
  const rows = await db
    .select({ key: loginThrottles.key, lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(and(inArray(loginThrottles.key, keys), sql`${loginThrottles.lockedUntil} > now()`));
  return new Map(rows.map((r) => [r.key, r.lockedUntil!]));
};

/** Count one failure on a key; lock it once it reaches `after`. */
const countFailure = async (tx: DbOrTx, key: string, after: number) => {
  const row = await queryOne<{ failures: number }>(
    tx,
    sql`insert into ${loginThrottles} (key, failures, last_failure_at) values (${key}, 1, now())
        on conflict (key) do update set
          failures = case
            when ${loginThrottles.lastFailureAt} < now() - ${FAILURES_FORGOTTEN_AFTER}::interval
            then 1 else ${loginThrottles.failures} + 1 end,
          last_failure_at = now()
        returning failures`,
  );
  const minutes = lockoutMinutes(row?.failures ?? 1, after);
  if (minutes > 0)
    await tx
      .update(loginThrottles)
      .set({ lockedUntil: sql`now() + ${minutes} * interval '1 minute'` })
      .where(eq(loginThrottles.key, key));
};

/**
 * Remember the step of an accepted one-time code; false when this step or a later one was already
 * used. One statement, so two logins racing with the same code cannot both pass.
 */
const claimTotpStep = async (db: DbOrTx, userId: number, step: number): Promise<boolean> => {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`,
      ),
    )
    .returning({ id: users.id });
  return rows.length === 1;
};

export const login = async ({
  db,
  username,
  password,
  totpCode: code,
  ip,
  device,
  userAgent,
  sessionHours,
}: {
  db: Db;
  username: string;
  password: string;
  totpCode?: string;
  ip?: string;
  /** The device cookie this browser holds, if any. */
  device?: KnownDevice | null;
  userAgent?: string;
  sessionHours: number;
}): Promise<SessionInfo & { device: KnownDevice }> => {
  const name = username.trim().toLowerCase();
  const [found] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${name})`);
  const user = found?.isActive ? found : undefined;
  const trustedDevice = user && device?.userId === user.id ? device.id : null;
  const pairKey = trustedDevice
    ? `pair:${name}|device:${trustedDevice}`
    : `pair:${name}|addr:${ip ?? '-'}`;
  const addressKey = `addr:${ip ?? '-'}`;
  const accountKey = `account:${name}`;

  // This username from this client, or this address (untrusted clients): refused before any check.
  const locks = await lockedKeys(
    db,
    trustedDevice ? [pairKey] : [pairKey, addressKey, ...(user ? [] : [accountKey])],
  );
  const clientLock = locks.get(pairKey) ?? locks.get(addressKey);
  if (clientLock) throw locked(clientLock);
  // The account, for untrusted clients: only the password with a fresh second factor passes.
  const accountLock = trustedDevice
    ? undefined
    : user
      ? user.lockedUntil && user.lockedUntil.getTime() > Date.now()
        ? user.lockedUntil
        : undefined
      : locks.get(accountKey);

  // Spend the same time for an unknown username as for a real check.
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const hasTotp = Boolean(user?.totpEnabled && user.totpSecret);
  if (user && passwordOk && hasTotp && !code) {
    // The password was right: ask for the second factor without counting a failure.
    throw new AppError('UNAUTHENTICATED', {
      message: 'Nhập mã xác thực 6 số từ ứng dụng trên điện thoại.',
      details: { totpRequired: true },
    });
  }
  const step = user && passwordOk && hasTotp ? totpStep(user.totpSecret!, code ?? '') : null;
  const reused = user && step !== null ? !(await claimTotpStep(db, user.id, step)) : false;
  const totpOk = !hasTotp || (step !== null && !reused);
  const ok = Boolean(user) && passwordOk && totpOk && (!accountLock || hasTotp);
  const actor = user && {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    scopeOrgUnitId: user.scopeOrgUnitId,
    scopePath: '',
    memberId: user.memberId,
    ip,
  };
  if (!user || !actor || !ok) {
    await db.transaction(async (tx) => {
      await countFailure(tx, pairKey, PAIR_LOCK_AFTER);
      if (trustedDevice) return;
      await countFailure(tx, addressKey, ADDRESS_LOCK_AFTER);
      if (!user || !actor) {
        await countFailure(tx, accountKey, ACCOUNT_LOCK_AFTER);
        await tx.delete(loginThrottles).where(
          sql`${loginThrottles.lastFailureAt} < now() - ${FAILURES_FORGOTTEN_AFTER}::interval
              and (${loginThrottles.lockedUntil} is null or ${loginThrottles.lockedUntil} < now())`,
        );
        return;
      }
      const failed = user.failedLogins + 1;
      const minutes = lockoutMinutes(failed, ACCOUNT_LOCK_AFTER);
      await tx
        .update(users)
        .set({
          failedLogins: failed,
          lockedUntil: minutes > 0 ? new Date(Date.now() + minutes * 60000) : user.lockedUntil,
        })
        .where(eq(users.id, user.id));
      await writeAudit(tx, {
        actor,
        action: 'login_failed',
        entityType: 'user',
        entityId: user.id,
        meta: { failedLogins: failed, lockedMinutes: minutes },
      });
    });
    if (accountLock) throw locked(accountLock);
    if (user && passwordOk && !totpOk) {
      throw new AppError('INVALID_CREDENTIALS', {
        message: reused
          ? 'Mã xác thực này đã được dùng. Chờ mã mới trên điện thoại rồi nhập lại.'
          : 'Mã xác thực không đúng hoặc đã hết hạn.',
        details: { totpRequired: true },
      });
    }
    throw invalidCredentials();
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      id: hashToken(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300),
    });
    // This client's count starts again; an account lock runs out on its own (or the administrator
    // lifts it), since a login through a known device or the second factor says nothing of the others.
    await tx.delete(loginThrottles).where(eq(loginThrottles.key, pairKey));
    await tx
      .update(users)
      .set({
        ...(accountLock ? {} : { failedLogins: 0, lockedUntil: null }),
        lastLoginAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await writeAudit(tx, { actor, action: 'login', entityType: 'user', entityId: user.id });
  });
  return {
    token,
    csrfToken,
    expiresAt,
    device: { userId: user.id, id: trustedDevice ?? randomBytes(16).toString('base64url') },
  };
};

export type SessionActor = {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  /** The role requires a second factor that this account has not set up yet. */
  mustSetupTotp: boolean;
};

/**
 * Resolved sessions, cached in this process for at most SESSION_CACHE_MS: a request then needs no
 * session query. Everything that ends a session or changes what it may do — log out, log out
 * everywhere, a password change, the second factor, an account's role, scope, lock or reset, a
 * restore, a move of units — calls `forgetSessions` after its commit, so in this process the
 * change applies to the next request. Another process sees it within SESSION_CACHE_MS (README).
 * The cache belongs to one database handle (a test's database, the app's pool).
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;
type CachedSession = {
  value: SessionActor;
  userId: number;
  /** Cached until: the TTL, or the session's own expiry if sooner. */
  until: number;
};
type SessionCache = { entries: Map<string, CachedSession>; generation: number };
const sessionCaches = new WeakMap<object, SessionCache>();
const cacheOf = (db: DbOrTx): SessionCache => {
  let cache = sessionCaches.get(db);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    sessionCaches.set(db, cache);
  }
  return cache;
};

/**
 * Drop cached sessions: one account's, or every one. Call after the change has committed. A
 * lookup that read the old row and finishes later does not cache it (the generation moved on).
 */
export const forgetSessions = (db: DbOrTx, userId?: number) => {
  const cache = cacheOf(db);
  cache.generation++;
  if (userId === undefined) cache.entries.clear();
  else for (const [key, e] of cache.entries) if (e.userId === userId) cache.entries.delete(key);
};

/** Resolve a session token to its actor, with the scope path read at most SESSION_CACHE_MS ago. */
export const resolveSession = async (db: Db, token: string): Promise<SessionActor | null> => {
  const id = hashToken(token);
  const cache = cacheOf(db);
  const now = Date.now();
  const hit = cache.entries.get(id);
  if (hit && hit.until > now) return hit.value;
  if (hit) cache.entries.delete(id);
  const generation = cache.generation;
  const row = await queryOne<{
    user_id: number;
    username: string;
    display_name: string;
    role: Role;
    scope_org_unit_id: number;
    scope_path: string;
    member_id: number | null;
    csrf_token: string;
    must_change_password: boolean;
    totp_enabled: boolean;
    last_seen_at: Date | string;
    expires_at: Date | string;
  }>(
    db,
    sql`select u.id as user_id, u.username, u.display_name, u.role, u.scope_org_unit_id,
          o.path::text as scope_path, u.member_id, s.csrf_token, u.must_change_password,
          u.totp_enabled, s.last_seen_at, s.expires_at
        from ${sessions} s
        join ${users} u on u.id = s.user_id and u.is_active
        join ${orgUnits} o on o.id = u.scope_org_unit_id
        where s.id = ${id} and s.expires_at > now()`,
  );
  if (!row) return null;
  // Touch at most once a minute: no write on every request.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  const value: SessionActor = {
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      scopeOrgUnitId: row.scope_org_unit_id,
      scopePath: row.scope_path,
      memberId: row.member_id,
    },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    mustSetupTotp: secondFactorRoles.includes(row.role) && !row.totp_enabled,
  };
  if (cache.generation === generation) {
    if (cache.entries.size >= SESSION_CACHE_MAX) cache.entries.clear();
    cache.entries.set(id, {
      value,
      userId: row.user_id,
      until: Math.min(now + SESSION_CACHE_MS, new Date(row.expires_at).getTime()),
    });
  }
  return value;
};

export const logout = async ({ db, token, actor }: { db: Db; token: string; actor: Actor }) => {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.id, hashToken(token)));
    await writeAudit(tx, { actor, action: 'logout', entityType: 'user', entityId: actor.userId });
  });
  forgetSessions(db, actor.userId);
};

export const logoutEverywhere = async ({ db, actor }: { db: Db; actor: Actor }) => {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.userId, actor.userId));
    await writeAudit(tx, {
      actor,
      action: 'logout_everywhere',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  forgetSessions(db, actor.userId);
};

export const changePassword = async ({
  db,
  actor,
  currentPassword,
  newPassword,
  keepSessionToken,
}: {
  db: Db;
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  keepSessionToken: string;
}) => {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION', {
      message: 'Mật khẩu hiện tại không đúng.',
      fields: [{ path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }],
    });
  }
  const policy = checkPasswordPolicy(newPassword);
  if (policy) {
    throw new AppError('VALIDATION', {
      message: policy,
      fields: [{ path: 'newPassword', message: policy }],
    });
  }
  if (newPassword === currentPassword) {
    const message = 'Mật khẩu mới phải khác mật khẩu hiện tại.';
    throw invalidField('newPassword', message);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.userId));
    // Other sessions of this account end: a changed password locks out whoever had the old one.
    await tx
      .delete(sessions)
      .where(
        and(
          eq(sessions.userId, actor.userId),
          sql`${sessions.id} <> ${hashToken(keepSessionToken)}`,
        ),
      );
    await writeAudit(tx, {
      actor,
      action: 'password_changed',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  forgetSessions(db, actor.userId);
};

export const purgeExpiredSessions = async (db: Db) =>
  db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);

/** Start setting up the second factor: a new secret, kept pending until a first correct code. */
export const beginTotpSetup = async ({ db, actor }: { db: Db; actor: Actor }) => {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (user.totpEnabled) {
    throw new AppError('CONFLICT', { message: 'Xác thực hai lớp đã được bật cho tài khoản này.' });
  }
  const secret = generateTotpSecret();
  await db.update(users).set({ totpSecret: secret }).where(eq(users.id, actor.userId));
  return { secret, otpauthUri: otpauthUri(user.username, secret) };
};

export const enableTotp = async ({ db, actor, code }: { db: Db; actor: Actor; code: string }) => {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  const step = user.totpSecret ? totpStep(user.totpSecret, code) : null;
  if (step === null) {
    throw invalidField(
      'code',
      'Mã xác thực không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã mới.',
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      // The first code is used: it cannot log in a second time (RFC 6238 §5.2).
      .set({ totpEnabled: true, totpLastStep: step, version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.userId));
    await writeAudit(tx, {
      actor,
      action: 'totp_enabled',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
  forgetSessions(db, actor.userId);
};
