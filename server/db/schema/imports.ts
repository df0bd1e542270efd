import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { importJobs } from './lifecycle';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * The uploaded spreadsheet of an import job (`import_jobs`), kept until the job is committed so the
 * preview and the commit read exactly the file that was uploaded.
 */
export const importFiles = pgTable('import_files', {
  jobId: integer()
    .primaryKey()
    .references(() => importJobs.id),
  size: integer().notNull(),
  content: bytea().notNull(),
  /** 1-based row of the detected header (the last one when the header spans two rows). */
  headerRow: integer().notNull(),
  headers: jsonb().$type<string[]>().notNull(),
});

/** Every imported row's content key: the same row imported again is recognised and not written twice. */
export const importRowKeys = pgTable(
  'import_row_keys',
  {
    kind: text().notNull(),
    rowKey: text().notNull(),
    jobId: integer()
      .notNull()
      .references(() => importJobs.id),
    entityId: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.rowKey] }),
    index('import_row_keys_job_idx').on(t.jobId),
  ],
);
