import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import * as schema from './schema/index';

/**
 * Which tables a SQL statement may read or write, for the response cache's per-table validation
 * (`data-changes.ts`). It errs on the side of too many: every table of the schema whose name
 * appears in the text as a whole word counts, wherever it appears (a column or alias of the same
 * name adds a table that was not read: an answer is then thrown away too early, never kept too long).
 * Missing one would be the error that matters, so nothing here parses SQL: no view reads a table
 * unnamed (there are none), and a table written by a trigger is listed in `TRIGGER_WRITES`.
 */

/**
 * Tables without the `data_changed` trigger (migration 0016): no cached page reads them, and
 * sessions and login throttles are written on most requests. They neither make an answer depend
 * on them nor move the counter (`response-cache.db.test.ts` checks this list against the database).
 */
export const UNTRACKED_TABLES: ReadonlySet<string> = new Set([
  'audit_log',
  'import_files',
  'import_jobs',
  'import_layouts',
  'login_throttles',
  'sessions',
]);

/**
 * Tables a trigger writes when another is written: a write to the key counts for them too. Checked
 * against the database's triggers by `response-cache.db.test.ts` (a new trigger must be added here).
 */
export const TRIGGER_WRITES: Readonly<Record<string, readonly string[]>> = {
  // Migration 0014: the name-search keys follow every insert, update and delete of a member.
  members: ['member_name_keys'],
};

export const TRACKED_TABLES: readonly string[] = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .filter((name) => !UNTRACKED_TABLES.has(name));

// Longest first, so that `members` is not taken for the start of `member_name_keys` (and \b keeps
// `members` from matching inside `members_count`: `_` is a word character).
const NAMES = new RegExp(
  `\\b(${[...TRACKED_TABLES].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);

const seen = new Map<string, readonly string[]>();
const SEEN_MAX = 10_000;

/** The tracked tables named in a statement (each once), memoised: the same texts come again. */
export const tablesIn = (text: string): readonly string[] => {
  let tables = seen.get(text);
  if (tables) return tables;
  const found = new Set<string>();
  for (const match of text.matchAll(NAMES)) found.add(match[1].toLowerCase());
  tables = [...found];
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.set(text, tables);
  return tables;
};

/** The tables a write statement changes: those it names, and those their triggers write. */
export const tablesWrittenBy = (text: string): readonly string[] => {
  const named = tablesIn(text);
  const cascaded = named.flatMap((t) => TRIGGER_WRITES[t] ?? []);
  return cascaded.length ? [...new Set([...named, ...cascaded])] : named;
};

/** Statements that change no table by themselves: transaction control and session settings. */
const CONTROL =
  /^\s*(begin|start\s+transaction|commit|end|rollback|abort|savepoint|release|set|reset|listen|unlisten|discard|deallocate)\b/i;
export const isControl = (text: string) => CONTROL.test(text);
/** The end of a transaction: its writes become visible (commit) or vanish (rollback). */
const TRANSACTION_END = /^\s*(commit|end|abort|rollback)\b/i;
/** `rollback to savepoint` undoes part of a transaction that goes on: not an end. */
const TO_SAVEPOINT = /^\s*rollback\b.*\bto\b/is;
export const endsTransaction = (text: string) =>
  TRANSACTION_END.test(text) && !TO_SAVEPOINT.test(text);
