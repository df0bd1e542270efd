import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, type DbOrTx, queryOne } from './client';

/** A secret generated once and kept in the database, so every app process shares it. */
export const ensureSecret = async (db: Db, key: string): Promise<string> => {
  const candidate = randomBytes(32).toString('base64url');
  await db.execute(sql`insert into settings (key, value) values (${key}, ${JSON.stringify(candidate)}::jsonb)
    on conflict (key) do nothing`);
  const row = await queryOne<{ value: string }>(
    db,
    sql`select value from settings where key = ${key}`,
  );
  return row!.value;
};

/** A setting (jsonb) or null. */
export const readSetting = async <T>(db: DbOrTx, key: string): Promise<T | null> =>
  (await queryOne<{ value: T }>(db, sql`select value from settings where key = ${key}`))?.value ??
  null;

/** Write a setting (inside the caller's transaction, which also writes the audit record). */
export const writeSetting = (tx: DbOrTx, key: string, value: unknown) =>
  tx.execute(sql`insert into settings (key, value, updated_at)
    values (${key}, ${JSON.stringify(value)}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = now()`);
