import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Prepared statements reused per connection (issue 24). Without a name, `pg` sends every statement
 * as the unnamed one, so PostgreSQL parses and analyses it on every call. Named, a statement is
 * parsed once per connection. It is still planned for its values on every run
 * (`plan_cache_mode = force_custom_plan`, set in `client.ts`): with PostgreSQL's default, after five
 * runs a generic plan took over that cannot see how large the scope (`path <@ $1`) or the page is —
 * the province's member list went from 6 ms to 600 ms, and the name search 44 % slower. What this
 * saves is parsing and analysis: 0–18 % of a request's time (`bench/results/prepared.md`).
 *
 * Which statements: the ones drizzle sends (a config object with a text, no name of its own), not
 * transaction control and not COPY streams. A text is named from its second sighting in the process,
 * so a statement built once with its values inline never takes a slot, and each connection keeps at
 * most `perConnection` of them (beyond that, new texts run unnamed: PostgreSQL keeps every prepared
 * statement of a session in that backend's memory until the session ends).
 *
 * Not through PgBouncer in transaction mode (Debian 12's 1.18 cannot carry named statements across
 * its server connections): `DATABASE_PREPARED_STATEMENTS=off` there (ops/cluster does).
 */
export type PreparedStatementOptions = { perConnection?: number; seenCapacity?: number };

const CONTROL =
  /^\s*(begin|commit|rollback|savepoint|release|start|end|set|reset|listen|unlisten|notify|copy|prepare|deallocate|discard|lock)\b/i;

export const statementName = (text: string) =>
  `dv_${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;

type QueryConfig = { text?: unknown; name?: unknown; submit?: unknown };

export const usePreparedStatements = (pool: pg.Pool, options: PreparedStatementOptions = {}) => {
  const perConnection = options.perConnection ?? 1000;
  const seenCapacity = options.seenCapacity ?? 20_000;
  /** Texts seen once, and the name of those seen again (process-wide). */
  const seen = new Set<string>();
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    if (!seen.has(text)) {
      // A full set is emptied rather than grown: a text that is really reused comes back soon.
      if (seen.size >= seenCapacity) seen.clear();
      seen.add(text);
      return undefined;
    }
    if (names.size >= seenCapacity) return undefined;
    const name = statementName(text);
    names.set(text, name);
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const prepared = new Set<string>();
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
      const config = args[0] as QueryConfig | string | null;
      if (
        !config ||
        typeof config !== 'object' ||
        typeof config.text !== 'string' ||
        config.name !== undefined ||
        typeof config.submit === 'function' ||
        CONTROL.test(config.text)
      )
        return query(...args);
      const name = nameFor(config.text);
      if (!name || (!prepared.has(name) && prepared.size >= perConnection)) return query(...args);
      prepared.add(name);
      return query({ ...config, name }, ...args.slice(1));
    };
  });
};

/** `DATABASE_PREPARED_STATEMENTS=off` (or 0, false, no) turns them off; on by default. */
export const preparedStatementsWanted = (value: string | undefined) =>
  !/^(off|0|false|no)$/i.test((value ?? '').trim());
