import { eq, sql } from 'drizzle-orm';
import type { TAccount } from '../../../contracts/accounts';
import type { Role } from '../../../domain/enums/roles';
import { type Db, type DbOrTx, queryOne, queryRows } from '../../db/client';
import { sessions, users } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { roleNeedsMemberRecord } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { forgetSessions } from '../../platform/auth/auth.service';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { conflict, invalidField, notFound } from '../../platform/errors';

type AccountRow = {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  scope_org_unit_id: number;
  scope_name: string;
  member_id: number | null;
  is_active: boolean;
  must_change_password: boolean;
  locked_until: Date | string | null;
  last_login_at: Date | string | null;
  version: number;
};

const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

const toAccount = (r: AccountRow): TAccount => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  scopeOrgUnitId: r.scope_org_unit_id,
  scopeName: r.scope_name,
  memberId: r.member_id,
  isActive: r.is_active,
  mustChangePassword: r.must_change_password,
  lockedUntil: iso(r.locked_until),
  lastLoginAt: iso(r.last_login_at),
  version: r.version,
});

const selectAccounts = sql`select u.id, u.username, u.display_name, u.role, u.scope_org_unit_id,
  o.name as scope_name, u.member_id, u.is_active, u.must_change_password, u.locked_until,
  u.last_login_at, u.version
  from users u join org_units o on o.id = u.scope_org_unit_id`;

/** Administrators see accounts whose scope lies in their own subtree. */
export const listAccounts = async ({
  db,
  actor,
  q,
  page,
  pageSize,
}: {
  db: Db;
  actor: Actor;
  q?: string;
  page: number;
  pageSize: number;
}) => {
  const filter = q
    ? sql`and (lower(u.username) like ${`%${q.toLowerCase()}%`} or lower(immutable_unaccent(u.display_name)) like lower(immutable_unaccent(${`%${q}%`})))`
    : sql``;
  const rows = await queryRows<AccountRow>(
    db,
    sql`${selectAccounts} where ${inScope(actor, sql`o.path`)} ${filter}
        order by u.username limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const total = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from users u join org_units o on o.id = u.scope_org_unit_id
        where ${inScope(actor, sql`o.path`)} ${filter}`,
  );
  return { items: rows.map(toAccount), total: total?.n ?? 0 };
};

const getAccount = async (db: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<AccountRow>(
    db,
    sql`${selectAccounts} where u.id = ${id} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!row) throw notFound('tài khoản');
  return row;
};

const checkMemberLink = async (db: DbOrTx, role: Role, memberId: number | null | undefined) => {
  if (roleNeedsMemberRecord(role) && !memberId) {
    const message = 'Tài khoản đảng viên phải gắn với một hồ sơ đảng viên.';
    throw invalidField('memberId', message);
  }
  if (memberId) {
    const m = await queryOne<{ id: number }>(
      db,
      sql`select id from members where id = ${memberId}`,
    );
    if (!m) {
      const message = 'Không tìm thấy hồ sơ đảng viên để gắn với tài khoản.';
      throw invalidField('memberId', message);
    }
  }
};

export const createAccount = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: {
    username: string;
    displayName: string;
    role: Role;
    scopeOrgUnitId: number;
    memberId?: number | null;
  };
}) => {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await getUnitInScope(tx, actor, input.scopeOrgUnitId);
    await checkMemberLink(tx, input.role, input.memberId);
    const taken = await queryOne<{ id: number }>(
      tx,
      sql`select id from users where lower(username) = lower(${input.username})`,
    );
    if (taken) {
      const message = 'Tên đăng nhập đã được sử dụng.';
      throw invalidField('username', message);
    }
    const [created] = await tx
      .insert(users)
      .values({
        ...input,
        memberId: input.memberId ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await writeAudit(tx, {
      actor,
      action: 'account.create',
      entityType: 'user',
      entityId: created.id,
      orgUnitId: input.scopeOrgUnitId,
      after: input,
    });
    return { account: toAccount(await getAccount(tx, actor, created.id)), password };
  });
};

export const updateAccount = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: {
    displayName: string;
    role: Role;
    scopeOrgUnitId: number;
    memberId?: number | null;
    isActive: boolean;
    version: number;
  };
}) => {
  const updated = await db.transaction(async (tx) => {
    const before = await getAccount(tx, actor, id);
    if (before.version !== input.version) throw conflict();
    await getUnitInScope(tx, actor, input.scopeOrgUnitId);
    await checkMemberLink(tx, input.role, input.memberId);
    if (id === actor.userId && (!input.isActive || input.role !== actor.role)) {
      const message = 'Không thể tự khóa hoặc tự đổi vai trò của tài khoản đang dùng.';
      throw invalidField('role', message);
    }
    const { version, ...values } = input;
    await tx
      .update(users)
      .set({ ...values, memberId: values.memberId ?? null, version: version + 1 })
      .where(eq(users.id, id));
    // Access changed: end the account's sessions so the new scope applies at once.
    if (
      !input.isActive ||
      input.role !== before.role ||
      input.scopeOrgUnitId !== before.scope_org_unit_id
    ) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await writeAudit(tx, {
      actor,
      action: 'account.update',
      entityType: 'user',
      entityId: id,
      orgUnitId: input.scopeOrgUnitId,
      before: toAccount(before),
      after: values,
    });
    return toAccount(await getAccount(tx, actor, id));
  });
  // Sessions cached in this process follow the account's new role, scope and name at once.
  forgetSessions(db, id);
  return updated;
};

export const resetAccountPassword = async ({
  db,
  actor,
  id,
}: {
  db: Db;
  actor: Actor;
  id: number;
}) => {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const reset = await db.transaction(async (tx) => {
    await getAccount(tx, actor, id);
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await writeAudit(tx, {
      actor,
      action: 'account.reset_password',
      entityType: 'user',
      entityId: id,
    });
    return { account: toAccount(await getAccount(tx, actor, id)), password };
  });
  forgetSessions(db, id);
  return reset;
};

/** A lost phone: the account sets up its second factor again at next login. */
export const resetAccountTotp = async ({ db, actor, id }: { db: Db; actor: Actor; id: number }) => {
  const reset = await db.transaction(async (tx) => {
    await getAccount(tx, actor, id);
    await tx
      .update(users)
      .set({ totpSecret: null, totpEnabled: false, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await writeAudit(tx, { actor, action: 'account.reset_totp', entityType: 'user', entityId: id });
    return toAccount(await getAccount(tx, actor, id));
  });
  forgetSessions(db, id);
  return reset;
};
