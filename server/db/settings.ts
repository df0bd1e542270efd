import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryOne } from './client';

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
