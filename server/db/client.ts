import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import {
  countPgliteWrites,
  countWrites,
  createDataChanges,
  type DataChanges,
} from './data-changes';
import { usePreparedStatements } from './prepared-statements';
import { createReadReplica, type ReadReplica } from './read-replica';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
// biome-ignore lint/suspicious/noExplicitAny: drizzle's transaction type differs per driver.
export type Tx = PgTransaction<PgQueryResultHKT, Schema, any>;
/** Anything that runs queries: the database or a transaction. */
export type DbOrTx = Db | Tx;

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

// Legal dates stay strings ("2025-12-05"): no Date at local midnight, no off-by-one day.
pg.types.setTypeParser(1082, (value: string) => value);

export type Database = {
  db: Db;
  kind: 'postgres' | 'pglite';
  pglite?: PGlite;
  pool?: pg.Pool;
  /** Moves when committed data may have changed (the response cache's validator). */
  changes: DataChanges;
  /**
   * Where a lag-tolerant read (lists, figures) goes: the standby of `DATABASE_READ_URL` while it
   * keeps up (`read-replica.ts`), otherwise `db`. Without a standby, always `db`.
   */
  readDb: () => Db;
  replica?: ReadReplica;
  close: () => Promise<void>;
};

/**
 * A connection lost while in use — the server killed, or PgBouncer closing a client whose server
 * died, between two statements of a transaction — is an 'error' on its client, which the pool does
 * not hear while the client is checked out; unheard, it would end the process (the cluster test's
 * failover, ops/cluster). The statement in progress fails anyway, and the pool drops the client
 * when it is released.
 */
export const keepLostConnectionsQuiet = (client: pg.PoolClient) => {
  client.on('error', () => {});
};

export const pgliteExtensions = { ltree, pg_trgm, unaccent };

export const openPglite = async (dataDir?: string, loadDataDir?: Blob): Promise<PGlite> => {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir, extensions: pgliteExtensions, loadDataDir });
};

export const createDatabase = async (options: {
  databaseUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
  /** A hot standby for lag-tolerant reads (`DATABASE_READ_URL`). */
  readUrl?: string;
  /**
   * Where the change feed LISTENs (`DATABASE_LISTEN_URL`), when `databaseUrl` leads through a
   * pooler in transaction mode, which does not carry LISTEN: the primary, directly or through a
   * session-mode pool. Defaults to `databaseUrl`.
   */
  listenUrl?: string;
  /** Named statements reused per connection (`prepared-statements.ts`); default on. */
  preparedStatements?: boolean;
}): Promise<Database> => {
  if (options.databaseUrl) {
    const prepared = options.preparedStatements ?? true;
    // JIT costs 60–85 ms per backend and gains nothing here (CONTRIBUTING.md, Conventions).
    // Prepared statements are planned for their values every time (`prepared-statements.ts`: a
    // generic plan of the member list took 600 ms where the custom one takes 6).
    const poolOptions = `-c jit=off -c parallel_setup_cost=10000${prepared ? ' -c plan_cache_mode=force_custom_plan' : ''}`;
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      options: poolOptions,
    });
    // An idle connection the server drops (a restart, a terminated backend) is an 'error' on the
    // pool; unheard, it would end the process. The pool discards that connection and opens another.
    pool.on('error', (error) => {
      console.warn(`PostgreSQL: an idle connection was lost (${error.message})`);
    });
    pool.on('connect', keepLostConnectionsQuiet);
    if (prepared) usePreparedStatements(pool);
    const changes = createDataChanges({
      kind: 'postgres',
      connectionString: options.listenUrl ?? options.databaseUrl,
    });
    countWrites(pool, changes);
    const db = drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Db;
    const replica = options.readUrl
      ? createReadReplica({
          url: options.readUrl,
          primaryUrl: options.databaseUrl,
          poolSize: options.poolSize ?? 10,
          poolOptions,
          onReplay: () => changes.bump(),
        })
      : undefined;
    // The standby answers reads only: wrapped for the tables those read (the response cache).
    if (replica) countWrites(replica.pool, changes);
    if (replica && prepared) usePreparedStatements(replica.pool);
    const replicaDb = replica
      ? (drizzlePg(replica.pool, { schema, casing: 'snake_case' }) as unknown as Db)
      : db;
    const readDb = () => (replica?.usable ? replicaDb : db);
    const close = async () => {
      await changes.stop();
      await replica?.stop();
      await pool.end();
    };
    return { db, kind: 'postgres', pool, changes, readDb, replica, close };
  }
  const client = options.pglite ?? (await openPglite(options.dataDir));
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  const changes = createDataChanges({ kind: 'pglite' });
  countPgliteWrites(client, changes);
  const close = async () => {
    await changes.stop();
    await client.close();
  };
  return { db, kind: 'pglite', pglite: client, changes, readDb: () => db, close };
};

export const migrateDatabase = async (database: Database): Promise<void> => {
  if (database.kind === 'postgres') {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type.
    await migratePg(database.db as any, { migrationsFolder });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants the driver-specific type.
    await migratePglite(database.db as any, { migrationsFolder });
  }
};

/**
 * Runs the start-up work (migrations, the first start's seed) under a PostgreSQL advisory lock, so that
 * several server processes started together against one database do it once, one after the other: the
 * second waits, then finds the schema migrated and the data seeded. PGlite has one process by design
 * (the data-directory lock), so it needs none. The lock is a transaction's (`pg_advisory_xact_lock`
 * in a transaction held open while the work runs on other connections), so it also holds through
 * PgBouncer in transaction mode, where a session lock and its unlock may land on different server
 * connections.
 */
export const withStartupLock = async <T>(
  database: Database,
  work: () => Promise<T>,
): Promise<T> => {
  if (database.kind !== 'postgres' || !database.pool) return work();
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('commit').catch(() => {});
    client.release();
  }
};
/** An arbitrary constant that names dangvu's start-up lock among the database's advisory locks. */
const STARTUP_LOCK_KEY = 0x64616e67; // "dang"

/**
 * PGlite has no autovacuum, so it never gathers planner statistics by itself: without them a
 * query over a few thousand rows can pick a plan that takes seconds. Nor does it vacuum: dead rows
 * stay, and without the visibility map an index-only scan reads every row's page too (the name
 * search's keys: 28 → 15 ms p50 on the demo bloc, measured A/B, issue 24). The app runs VACUUM
 * ANALYZE at start and every few hours on PGlite (a vacuum of pages already clean costs well under
 * a second; ANALYZE is most of the time); PostgreSQL's autovacuum does this on its own.
 */
export const refreshStatistics = async (database: Database): Promise<void> => {
  if (database.kind === 'pglite') await database.db.execute(sql`vacuum analyze`);
};

/** Raw SQL returning typed rows, the same on both drivers. */
export const queryRows = async <T>(db: DbOrTx, query: SQL): Promise<T[]> => {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
};

export const queryOne = async <T>(db: DbOrTx, query: SQL): Promise<T | undefined> =>
  (await queryRows<T>(db, query))[0];

export { sql };
