// Bulk loading through COPY (docs/scaling.md §1: 430–530 k rows/s, 6× a batched INSERT). Used for
// first-start seeding, benchmark datasets and imports; works inside a Drizzle transaction on both
// engines.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from './client';

type CopyValue = string | number | boolean | null | undefined | object;

/** One CSV field as COPY reads it: empty for NULL, quoted text otherwise. */
const csvField = (value: CopyValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = typeof value === 'object' ? JSON.stringify(value) : value;
  return `"${text.replace(/"/g, '""')}"`;
};

export const toCsv = (rows: CopyValue[][]): string =>
  rows.map((row) => row.map(csvField).join(',')).join('\n') + (rows.length ? '\n' : '');

/** snake_case column name from a camelCase key. */
export const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type PgliteTxClient = {
  query: (sql: string, params: unknown[], options: { blob: Blob }) => Promise<unknown>;
};

/**
 * COPY rows into a table on the connection that runs `tx`. Drizzle keeps the driver's connection
 * (pg PoolClient, or PGlite's transaction) in `session.client`; COPY needs it directly.
 */
export const copyRows = async (
  tx: DbOrTx,
  table: string,
  columns: string[],
  rows: CopyValue[][],
  chunkSize = 20_000,
): Promise<void> => {
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  const statement = (target: string) =>
    `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${target} WITH (FORMAT csv)`;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const csv = toCsv(rows.slice(i, i + chunkSize));
    if (client instanceof pg.Client) {
      const stream = client.query(copyFrom(statement('STDIN')));
      await pipeline(Readable.from([csv]), stream);
    } else {
      await (client as PgliteTxClient).query(statement("'/dev/blob'"), [], {
        blob: new Blob([csv]),
      });
    }
  }
};
