import pg from 'pg';

/**
 * A streaming-replication standby for the reads that tolerate a little lag (`DATABASE_READ_URL`):
 * member lists and search, the overview, the dashboard (`docs/scaling.md`, section 3). It is used
 * only while it is known to keep up, so a stopped or lagging standby sends those reads back to the
 * primary by itself:
 * - every TICK_MS the process reads the primary's WAL position and the standby's replay position;
 * - the standby is usable while it is in recovery and has replayed everything the primary had
 *   written MAX_LAG_MS earlier (positions compared, not clocks), and for at most MAX_LAG_MS after
 *   the last check that said so (a standby that stops answering is dropped within that time);
 * - a read served from it is therefore at most about MAX_LAG_MS + TICK_MS behind the primary.
 * After its own writes a session reads the primary for RECENT_WRITE_MS
 * (`platform/http/read-routing.ts`), longer than that bound: it always sees what it wrote.
 * A promoted standby (not in recovery) is not used as a replica: the primary's URL leads there.
 */
export const REPLICA_MAX_LAG_MS = 1_000;
export const REPLICA_TICK_MS = 250;
const CHECK_TIMEOUT_MS = 2_000;

export type ReadReplica = {
  pool: pg.Pool;
  /** True while lag-tolerant reads may go to the standby. */
  readonly usable: boolean;
  stop: () => Promise<void>;
};

/** "16/B374D848" → a number that orders WAL positions. */
const lsnValue = (lsn: string | null): bigint | null => {
  if (!lsn) return null;
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

export const createReadReplica = (options: {
  url: string;
  primaryUrl: string;
  poolSize: number;
  poolOptions: string;
  /** Called when the standby has replayed more: answers computed from it may be stale now. */
  onReplay: () => void;
}): ReadReplica => {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize,
    options: options.poolOptions,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
  });
  pool.on('error', (error) => {
    console.warn(`PostgreSQL standby: an idle connection was lost (${error.message})`);
  });
  // As on the primary's pool (client.ts): a connection lost while in use must not end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  // The checks have a connection of their own on each server: behind a busy pool's queue they
  // would come late and drop a standby that keeps up.
  const checks = {
    primary: new pg.Pool({ connectionString: options.primaryUrl, max: 1 }),
    standby: new pg.Pool({ connectionString: options.url, max: 1 }),
  };
  for (const p of Object.values(checks)) {
    p.on('error', () => {});
    p.on('connect', (client) => client.on('error', () => {}));
  }
  /** The primary's WAL position, sampled each tick, oldest first. */
  const samples: { at: number; lsn: bigint }[] = [];
  let usableUntil = 0;
  let replayed: bigint | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const check = async () => {
    const now = Date.now();
    const primary = await checks.primary
      .query<{ lsn: string }>({
        text: 'select pg_current_wal_lsn()::text as lsn',
        query_timeout: CHECK_TIMEOUT_MS,
      } as pg.QueryConfig)
      .catch(() => null);
    const lsn = lsnValue(primary?.rows[0]?.lsn ?? null);
    if (lsn !== null) samples.push({ at: now, lsn });
    // Keep the newest sample at least MAX_LAG_MS old, and the ones after it.
    while (samples.length > 1 && samples[1].at <= now - REPLICA_MAX_LAG_MS) samples.shift();
    const standby = await checks.standby
      .query<{ standby: boolean; replay: string | null }>({
        text: 'select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as replay',
        query_timeout: CHECK_TIMEOUT_MS,
      } as pg.QueryConfig)
      .catch(() => null);
    const row = standby?.rows[0];
    const replay = lsnValue(row?.replay ?? null);
    if (replay !== null && replay !== replayed) {
      replayed = replay;
      options.onReplay();
    }
    const due = samples[0];
    const keepsUp =
      row?.standby === true &&
      replay !== null &&
      due !== undefined &&
      due.at <= now - REPLICA_MAX_LAG_MS &&
      replay >= due.lsn;
    usableUntil = keepsUp ? now + REPLICA_MAX_LAG_MS : 0;
  };
  const loop = () => {
    if (stopped) return;
    check()
      .catch(() => {
        usableUntil = 0;
      })
      .finally(() => {
        if (stopped) return;
        timer = setTimeout(loop, REPLICA_TICK_MS);
        timer.unref();
      });
  };
  loop();
  return {
    pool,
    get usable() {
      return Date.now() < usableUntil;
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.all([pool.end(), checks.primary.end(), checks.standby.end()]);
    },
  };
};
