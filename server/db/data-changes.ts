import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The channel the `data_changed` statement triggers notify (migration 0016). */
export const DATA_CHANGED_CHANNEL = 'dangvu_data_changed';

/**
 * A counter that moves whenever committed data may have changed, so that an answer computed at one
 * value can be served again while the value stays the same (`platform/http/response-cache.ts`).
 * It moves on two signals:
 * - on PostgreSQL, the `data_changed` statement triggers on the tables notify at commit, from any
 *   process or session (another app process, a script, SQL by hand): this process LISTENs and counts;
 * - this process's own write statements (anything on its pool that is not a plain read) move it as
 *   soon as they finish, so a request right after a write here never waits for the notification.
 * While the listening connection is down the counter is not `live` and nothing may be reused.
 */
export type DataChanges = {
  readonly version: number;
  readonly live: boolean;
  bump: () => void;
  /** Start listening (idempotent); the counter is live once LISTEN has answered. */
  follow: () => Promise<void>;
  stop: () => Promise<void>;
};

const RECONNECT_MS = 1_000;
/** How the listening connection shows in pg_stat_activity. */
export const CHANGES_APPLICATION_NAME = 'dangvu data changes';

export const createDataChanges = (
  source: { kind: 'postgres'; connectionString: string } | { kind: 'pglite' },
): DataChanges => {
  let version = 0;
  let live = false;
  let stopped = false;
  let following: Promise<void> | null = null;
  let stopListening: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | null = null;
  const bump = () => {
    version++;
  };
  const lost = () => {
    live = false;
    bump();
    stopListening = null;
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      following = listen().catch(lost);
    }, RECONNECT_MS);
    retry.unref();
  };
  const listen = async () => {
    if (source.kind === 'pglite') {
      // One process owns a PGlite database (the data-directory lock), so every write is this
      // process's own and `countPgliteWrites` sees it. PGlite's LISTEN is not used: with a
      // listener registered, a 30,000-row import preview read back a wrong row (e2e/crash.e2e.ts).
      stopListening = async () => {};
    } else {
      const client = new pg.Client({
        connectionString: source.connectionString,
        application_name: CHANGES_APPLICATION_NAME,
      });
      client.on('notification', bump);
      client.on('error', () => {
        client.end().catch(() => {});
        lost();
      });
      client.on('end', () => {
        if (!stopped && live) lost();
      });
      await client.connect();
      await client.query(`listen ${DATA_CHANGED_CHANNEL}`);
      stopListening = () => client.end();
    }
    if (stopped) {
      await stopListening?.();
      return;
    }
    bump();
    live = true;
  };
  return {
    get version() {
      return version;
    },
    get live() {
      return live;
    },
    bump,
    follow: () => {
      following ??= listen().catch(lost);
      return following;
    },
    stop: async () => {
      stopped = true;
      live = false;
      if (retry) clearTimeout(retry);
      await following?.catch(() => {});
      await stopListening?.().catch(() => {});
    },
  };
};

/**
 * Plain reads: a select, or a `with … select` that writes nothing. Anything else on the pool
 * (insert, update, delete, copy, commit…) counts as a write.
 */
const READ_STATEMENT = /^\s*(select|show|explain)\b/i;
const WITH_STATEMENT = /^\s*with\b/i;
const WRITING = /\b(insert\s+into|update\s+\S+\s+set|delete\s+from)\b/i;
export const isRead = (text: string) =>
  READ_STATEMENT.test(text) || (WITH_STATEMENT.test(text) && !WRITING.test(text));

/**
 * Count this process's own writes: every pool client's statements that are not plain reads move
 * the counter once they finish (a commit included, so a transaction's writes count when visible).
 */
export const countWrites = (pool: pg.Pool, changes: DataChanges) => {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const first = args[0];
      const text =
        typeof first === 'string'
          ? first
          : first && typeof first === 'object' && 'text' in first
            ? String((first as { text: unknown }).text)
            : null;
      if (text !== null && isRead(text)) return query(...args);
      // A COPY stream or a callback-style call: count it now and again when it ends.
      changes.bump();
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).finally === 'function')
        (result as Promise<unknown>).finally(changes.bump).catch(() => {});
      return result;
    };
  });
};

/**
 * PGlite: count the writes of the one process that owns the database. Statements outside a
 * transaction move the counter when they finish; a transaction when it ends (PGlite runs nothing
 * else meanwhile, so no read can see its writes before that).
 */
export const countPgliteWrites = (client: PGlite, changes: DataChanges) => {
  const target = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['query', 'exec'] as const) {
    const original = target[method].bind(client);
    target[method] = (...args) => {
      const text = typeof args[0] === 'string' ? args[0] : null;
      if (text !== null && isRead(text)) return original(...args);
      return original(...args).finally(changes.bump);
    };
  }
  const transaction = target.transaction.bind(client);
  target.transaction = (...args) => transaction(...args).finally(changes.bump);
};
