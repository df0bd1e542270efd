// GET /api/health, for a load balancer or a supervisor: is the database reachable, and are the
// migrations this build ships all applied (a server started before a migration finished, or a
// database restored from an older backup, is not ready).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Database, migrationsFolder, queryOne, sql } from './client';

export type Health = {
  ok: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'current' | 'pending' | 'unknown';
};

/** The newest migration of this build: drizzle records its `when` as `created_at` when applied. */
export const latestMigrationMillis = (folder = migrationsFolder): number => {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
};

/** Whether the database has applied the newest migration (drizzle applies them in order). */
export const migrationsCurrent = async (database: Database, latest: number): Promise<boolean> => {
  // Two statements: a query naming a table that does not exist fails even where it is not reached.
  const table = await queryOne<{ name: string | null }>(
    database.db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`,
  );
  if (!table?.name) return false;
  const row = await queryOne<{ applied: string | null }>(
    database.db,
    sql`select max(created_at)::text as applied from drizzle.__drizzle_migrations`,
  );
  return row?.applied != null && Number(row.applied) >= latest;
};

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    timer.unref();
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/**
 * The health check of one database: a `select 1` per call (answered within `timeoutMs`, else
 * "unreachable"); the migrations are compared with the journal until they are found current, then
 * remembered (they do not go back while the process runs), so a healthy call costs one round trip.
 */
export const createHealthCheck = (
  database: Database,
  options: { timeoutMs?: number; latest?: number } = {},
) => {
  const timeoutMs = options.timeoutMs ?? 2000;
  const latest = options.latest ?? latestMigrationMillis();
  let current = false;
  return async (): Promise<Health> => {
    try {
      await withTimeout(database.db.execute(sql`select 1`), timeoutMs);
    } catch {
      return { ok: false, database: 'unreachable', migrations: 'unknown' };
    }
    if (!current) {
      try {
        current = await withTimeout(migrationsCurrent(database, latest), timeoutMs);
      } catch {
        return { ok: false, database: 'ok', migrations: 'unknown' };
      }
    }
    return { ok: current, database: 'ok', migrations: current ? 'current' : 'pending' };
  };
};
