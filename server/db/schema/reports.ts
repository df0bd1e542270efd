import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';

/**
 * The register of issued documents (sổ đăng ký văn bản đi): numbers run per type code per committee
 * term (docs/domain/document-format.md), so (issuer, term, type code, number) is unique.
 */
export const issuedDocuments = pgTable(
  'issued_documents',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    issuerOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    type: text().notNull(),
    typeCode: text().notNull(),
    issuerCode: text().notNull(),
    termStart: date({ mode: 'string' }).notNull(),
    termLabel: text().notNull(),
    number: integer().notNull(),
    /** "Số 12-BC/ĐUK" as printed. */
    numberText: text().notNull(),
    title: text().notNull(),
    issuedOn: date({ mode: 'string' }).notNull(),
    signer: text(),
    reportDraftId: integer(),
    createdBy: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('issued_documents_number_key').on(
      t.issuerOrgUnitId,
      t.termStart,
      t.typeCode,
      t.number,
    ),
    index('issued_documents_issued_idx').on(t.issuerOrgUnitId, t.issuedOn),
  ],
);

/** The last number taken per (issuer, term, type code): one atomic upsert hands out the next one. */
export const documentNumberCounters = pgTable(
  'document_number_counters',
  {
    issuerOrgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    termStart: date({ mode: 'string' }).notNull(),
    typeCode: text().notNull(),
    lastNumber: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuerOrgUnitId, t.termStart, t.typeCode] })],
);

/**
 * The annual report draft of an organisation for a year: the generated figures (with the records
 * behind them) and the free text people write; regenerating figures keeps the text.
 */
export const reportDrafts = pgTable(
  'report_drafts',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    orgUnitId: integer()
      .notNull()
      .references(() => orgUnits.id),
    year: integer().notNull(),
    /** Placeholder key → text written by the office. */
    texts: jsonb().notNull().default(sql`'{}'::jsonb`),
    /** The AnnualReportData the figures were generated into (null until the first generation). */
    data: jsonb(),
    generatedAt: timestamp({ withTimezone: true }),
    issuedDocumentId: integer().references(() => issuedDocuments.id),
    version: integer().notNull().default(1),
    updatedBy: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_drafts_org_year_key').on(t.orgUnitId, t.year)],
);
