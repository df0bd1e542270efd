import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { endsTransaction, isControl, tablesIn, tablesWrittenBy } from './statement-tables';

/** The channel the `data_changed` statement triggers notify (migration 0016). */
export const DATA_CHANGED_CHANNEL = 'dangvu_data_changed';

/**
 * A counter that moves whenever committed data may have changed, and for each table the value it
 * had when that table last changed, so that an answer computed at one value from some tables can be
 * served again while none of them has changed since (`platform/http/response-cache.ts`).
 * It moves on two signals:
 * - on PostgreSQL, the `data_changed` statement triggers on the tables notify at commit, with the
 *   table's name, from any process or session (another app process, a script, SQL by hand): this
 *   process LISTENs and counts;
 * - this process's own write statements (anything on its pool that is not a plain read) move it for
 *   the tables they name (`statement-tables.ts`) as soon as they finish and again when their
 *   transaction ends, so a request right after a write here never waits for the notification.
 * A change it cannot attribute (a notification without a table, a statement naming none, the
 * standby replaying, the listening connection lost) counts for every table. While the listening
 * connection is down the counter is not `live` and nothing may be reused.
 */
export type DataChanges = {
  readonly version: number;
  readonly live: boolean;
  /** Something changed in these tables (none given: anywhere). */
  bump: (tables?: readonly string[]) => void;
  /** Whether any of these tables (or everything) changed after the counter had this value. */
  changedSince: (version: number, tables: ReadonlySet<string>) => boolean;
  /** Start listening (idempotent); the counter is live once LISTEN has answered. */
  follow: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The tables read while one answer is computed: the response cache opens a record per request
 * (`tables` set while a cacheable answer is computed), the pools' wrappers below add to it.
 */
export const readTables = new AsyncLocalStorage<{ tables: Set<string> | null }>();
const noteRead = (text: string) => {
  const tables = readTables.getStore()?.tables;
  if (tables) for (const t of tablesIn(text)) tables.add(t);
};

const RECONNECT_MS = 1_000;
/** How the listening connection shows in pg_stat_activity. */
export const CHANGES_APPLICATION_NAME = 'dangvu data changes';

export const createDataChanges = (
  source: { kind: 'postgres'; connectionString: string } | { kind: 'pglite' },
): DataChanges => {
  let version = 0;
  /** When everything last changed, and when each table did (tables never seen: at `allAt`). */
  let allAt = 0;
  const tableAt = new Map<string, number>();
  let live = false;
  let stopped = false;
  let following: Promise<void> | null = null;
  let stopListening: (() => Promise<void>) | null = null;
  let retry: NodeJS.Timeout | null = null;
  const bump = (tables?: readonly string[]) => {
    version++;
    if (!tables) allAt = version;
    else for (const t of tables) tableAt.set(t, version);
  };
  const changedSince = (since: number, tables: ReadonlySet<string>) => {
    if (allAt > since) return true;
    for (const t of tables) if ((tableAt.get(t) ?? 0) > since) return true;
    return false;
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
      // The trigger sends the table's name (migration 0031); an empty payload (0016's) means anything.
      client.on('notification', (message) =>
        bump(message.payload ? tablesWrittenBy(message.payload) : undefined),
      );
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
    changedSince,
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
 * What one statement did, for the counter: a read adds its tables to the answer being computed;
 * a write moves the tables it names (all of them when it names none and is not transaction control),
 * now and again at the end of its transaction (`pending` holds them until then).
 */
const classify = (text: string) => {
  if (isRead(text)) return { read: true as const };
  if (isControl(text)) return { read: false as const, tables: [] as readonly string[] };
  const tables = tablesWrittenBy(text);
  return { read: false as const, tables: tables.length ? tables : undefined };
};

const textOf = (first: unknown) =>
  typeof first === 'string'
    ? first
    : first && typeof first === 'object' && 'text' in first
      ? String((first as { text: unknown }).text)
      : null;

/**
 * Count this process's own writes on a pool, and note the tables its reads use: the statements
 * that are not plain reads move the counter for their tables once they finish, and the tables
 * written in a transaction move again when it ends (a commit makes them visible). A statement whose
 * text cannot be read (a COPY stream, a callback-style call) counts for everything.
 * `pool.query` is wrapped too: it is called in the caller's context, where the answer being
 * computed is known, while the pool may run it on a client from another request's callback.
 */
export const countWrites = (pool: pg.Pool, changes: DataChanges) => {
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const text = textOf(args[0]);
    if (text !== null && isRead(text)) noteRead(text);
    return poolQuery(...args);
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    /** Tables written in the open transaction; undefined in it: something unattributed. */
    let pending: Set<string> | undefined = new Set();
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const text = textOf(args[0]);
      const kind = text === null ? { read: false as const, tables: undefined } : classify(text);
      if (kind.read) {
        noteRead(text as string);
        return query(...args);
      }
      const ends = text !== null && endsTransaction(text);
      const tables = ends ? (pending ? [...pending] : undefined) : kind.tables;
      if (ends) pending = new Set();
      else if (!kind.tables) pending = undefined;
      else if (pending) for (const t of kind.tables) pending.add(t);
      const moved = () => changes.bump(tables);
      moved();
      const result = query(...args);
      if (result && typeof (result as Promise<unknown>).finally === 'function')
        (result as Promise<unknown>).finally(moved).catch(() => {});
      return result;
    };
  });
};

/**
 * PGlite: count the writes of the one process that owns the database, and note the tables its reads
 * use. Statements outside a transaction move the counter for their tables when they finish; a
 * transaction for all the tables written in it, when it ends (PGlite runs nothing else meanwhile,
 * so no read can see its writes before that).
 */
export const countPgliteWrites = (client: PGlite, changes: DataChanges) => {
  type Runner = Record<string, (...args: unknown[]) => Promise<unknown>>;
  /** Wrap `query` and `exec` of the client or of a transaction; `written` collects a write's tables. */
  const wrap = (target: Runner, written: (tables: readonly string[] | undefined) => void) => {
    for (const method of ['query', 'exec'] as const) {
      const original = target[method].bind(target);
      target[method] = (...args) => {
        const text = typeof args[0] === 'string' ? args[0] : null;
        const kind = text === null ? { read: false as const, tables: undefined } : classify(text);
        if (kind.read) {
          noteRead(text as string);
          return original(...args);
        }
        return original(...args).finally(() => written(kind.tables));
      };
    }
  };
  const target = client as unknown as Runner;
  wrap(target, (tables) => changes.bump(tables));
  const transaction = target.transaction.bind(client);
  target.transaction = (...args) => {
    const [callback, ...rest] = args as [(tx: unknown) => Promise<unknown>, ...unknown[]];
    let pending: Set<string> | undefined = new Set();
    const collect = (tables: readonly string[] | undefined) => {
      if (!tables) pending = undefined;
      else if (pending) for (const t of tables) pending.add(t);
    };
    return transaction(
      async (tx: unknown) => {
        wrap(tx as Runner, collect);
        return callback(tx);
      },
      ...rest,
    ).finally(() => changes.bump(pending ? [...pending] : undefined));
  };
};
