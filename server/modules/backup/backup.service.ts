// Logical backup and restore, the same on PostgreSQL and PGlite: every table of schema `public`
// (read from the catalog, so new modules' tables come along) through COPY in text format.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { type DbOrTx, migrationsFolder, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { verifyAuditChain, writeAudit } from '../../platform/audit/audit';
import { forgetSessions } from '../../platform/auth/auth.service';
import { AppError } from '../../platform/errors';
import { ensurePlacedFacts } from '../figures';
import {
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  type BackupHeader,
  type BackupTable,
  corrupt,
  type MigrationLevel,
  openBackupReader,
} from './backup.format';

/**
 * Tables left out of a backup. `sessions`: a session is a live login (token hash, CSRF token);
 * bringing old ones back would revive logins that had ended, and their user ids may no longer
 * mean the same people. A restore ends every session instead: everyone logs in again.
 * `member_name_keys`: derived from members by their triggers, which rebuild it as members are
 * restored (restoring it too would double every key). `login_throttles`: failed logins of the
 * last hours, by address and username; they mean nothing on another installation.
 */
export const EXCLUDED_TABLES = ['sessions', 'member_name_keys', 'login_throttles'];

const appVersion = (): string => {
  const file = path.join(migrationsFolder, '../../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
};

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The database's migration level: the last migration drizzle recorded as applied. */
export const readMigrationLevel = async (db: DbOrTx): Promise<MigrationLevel> => {
  const row = await queryOne<{ count: number; created_at: string | null }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as created_at
        from drizzle.__drizzle_migrations`,
  );
  const createdAt = Number(row?.created_at ?? 0);
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  ) as { entries: { when: number; tag: string }[] };
  const tag = journal.entries.find((e) => e.when === createdAt)?.tag ?? null;
  return { count: row?.count ?? 0, createdAt, tag };
};

type CatalogTable = { name: string; columns: string[] };

/**
 * Every ordinary table of schema `public` with its stored (non-generated) columns, parents before
 * children so COPY meets foreign keys in order.
 */
export const listTables = async (db: DbOrTx): Promise<CatalogTable[]> => {
  const tables = await queryRows<{ name: string; columns: string[] }>(
    db,
    sql`select c.relname as name,
          array_agg(a.attname::text order by a.attnum) as columns
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          and a.attgenerated = ''
        where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition
        group by c.relname
        order by c.relname`,
  );
  const links = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select distinct c.relname as child, p.relname as parent
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid
        join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
  );
  // Kahn's algorithm, alphabetical among equals so the order is stable.
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const l of links) parents.get(l.child)?.add(l.parent);
  const ordered: CatalogTable[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.find(
      (t) => !done.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => done.has(p)),
    );
    if (!ready)
      throw new AppError('INTERNAL', {
        message: 'Các bảng có khóa ngoại vòng tròn: chưa sao lưu được theo thứ tự.',
      });
    done.add(ready.name);
    ordered.push(ready);
  }
  return ordered;
};

type DriverClient =
  | pg.Client
  | {
      query: (
        sql: string,
        params?: unknown[],
        options?: { blob?: Blob },
      ) => Promise<{ blob?: Blob }>;
    };

/** The driver connection under a Drizzle transaction (pg client, or PGlite's transaction). */
const driverOf = (tx: DbOrTx): DriverClient =>
  (tx as unknown as { session: { client: DriverClient } }).session.client;

const copyOut = async (tx: DbOrTx, table: CatalogTable, sink: Measure): Promise<void> => {
  const statement = (target: string) =>
    `COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) TO ${target}`;
  const client = driverOf(tx);
  if (client instanceof pg.Client) {
    for await (const chunk of client.query(copyTo(statement('STDOUT'))))
      await sink.append(chunk as Buffer);
    return;
  }
  const result = await client.query(statement("'/dev/blob'"), [], {});
  if (result.blob) await sink.append(Buffer.from(await result.blob.arrayBuffer()));
};

const copyIn = async (tx: DbOrTx, table: BackupTable, chunks: Buffer[]): Promise<void> => {
  const statement = (source: string) =>
    `COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) FROM ${source}`;
  const client = driverOf(tx);
  if (client instanceof pg.Client) {
    await pipeline(Readable.from(chunks), client.query(copyFrom(statement('STDIN'))));
    return;
  }
  await client.query(statement("'/dev/blob'"), [], {
    blob: new Blob(chunks as Uint8Array<ArrayBuffer>[]),
  });
};

/** Counts and hashes every chunk on its way into the (compressed) data file, with back-pressure. */
class Measure {
  bytes = 0;
  readonly hash = createHash('sha256');
  constructor(private readonly next: Writable) {}
  async append(chunk: Buffer): Promise<void> {
    this.bytes += chunk.length;
    this.hash.update(chunk);
    if (!this.next.write(chunk)) await once(this.next, 'drain');
  }
}

export type BackupResult = { file: string; header: BackupHeader; size: number };

/**
 * Write a backup of the whole database to `file`. One repeatable-read transaction: the audit
 * record of the backup is written first, so the file holds the record of its own making.
 */
export const createBackup = async ({
  db,
  actor,
  file,
  engine,
  via,
}: {
  db: DbOrTx;
  actor: Actor | null;
  file: string;
  engine: 'postgres' | 'pglite';
  via: 'cli' | 'web';
}): Promise<BackupResult> => {
  const work = await mkdtemp(path.join(tmpdir(), 'dangvu-backup-'));
  try {
    const dataFile = path.join(work, 'data.gz');
    const header = await db.transaction(
      async (tx) => {
        await writeAudit(tx, {
          actor,
          action: 'backup.create',
          entityType: 'database',
          meta: { via },
        });
        const migration = await readMigrationLevel(tx);
        const tables = (await listTables(tx)).filter((t) => !EXCLUDED_TABLES.includes(t.name));
        const counts = await queryRows<{ name: string; rows: number }>(
          tx,
          sql.raw(
            tables
              .map(
                (t) =>
                  `select '${t.name}' as name, count(*)::int as rows from ${quoteIdent(t.name)}`,
              )
              .join(' union all '),
          ),
        );
        const gzip = createGzip();
        const written = pipeline(gzip, createWriteStream(dataFile));
        const measure = new Measure(gzip);
        const described: BackupTable[] = [];
        for (const table of tables) {
          const before = measure.bytes;
          await copyOut(tx, table, measure);
          described.push({
            ...table,
            rows: counts.find((c) => c.name === table.name)?.rows ?? 0,
            bytes: measure.bytes - before,
          });
        }
        gzip.end();
        await written;
        return {
          magic: BACKUP_MAGIC,
          format: BACKUP_FORMAT,
          appVersion: appVersion(),
          engine,
          createdAt: new Date().toISOString(),
          migration,
          tables: described,
          sha256: measure.hash.digest('hex'),
        } satisfies BackupHeader;
      },
      { isolationLevel: 'repeatable read' },
    );
    // The header goes first as its own gzip member; the data member follows unchanged.
    const out = createWriteStream(file);
    out.write(gzipSync(`${JSON.stringify(header)}\n`));
    await pipeline(createReadStream(dataFile), out);
    const { size } = await stat(file);
    return { file, header, size };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
};

export type RestoreResult = {
  backupCreatedAt: string;
  appVersion: string;
  tables: { name: string; rows: number }[];
  totalRows: number;
  audit: { ok: boolean; checked: number };
};

const sameLevel = (a: MigrationLevel, b: MigrationLevel) =>
  a.count === b.count && a.createdAt === b.createdAt;

const levelText = (l: MigrationLevel) => `${l.tag ?? `mức ${l.createdAt}`} (${l.count} bước)`;

/** Read the header and check the data section's checksum and length, without touching the database. */
export const inspectBackup = async (file: string): Promise<BackupHeader> => {
  const reader = openBackupReader(file);
  try {
    const header = await reader.readHeader();
    const hash = createHash('sha256');
    for (const table of header.tables) {
      if (!Number.isInteger(table.bytes) || table.bytes < 0) throw corrupt('độ dài không hợp lệ');
      for (const chunk of await reader.take(table.bytes)) hash.update(chunk);
    }
    if (!(await reader.atEnd())) throw corrupt('thừa dữ liệu');
    if (hash.digest('hex') !== header.sha256) throw corrupt('mã kiểm tra sha256 không khớp');
    return header;
  } finally {
    reader.close();
  }
};

/**
 * Replace the whole database with a backup: refuse another migration level, check the checksum,
 * then in one transaction empty every table, COPY the rows back, move identity sequences past the
 * restored ids, verify the audit chain (rolling back when it is broken) and chain a record of the
 * restore onto the restored log. Every session ends.
 */
export const restoreBackup = async ({
  db,
  actor,
  file,
  via,
}: {
  db: DbOrTx;
  actor: Actor | null;
  file: string;
  via: 'cli' | 'web';
}): Promise<RestoreResult> => {
  const current = await readMigrationLevel(db);
  const peek = openBackupReader(file);
  let header: BackupHeader;
  try {
    header = await peek.readHeader();
  } finally {
    peek.close();
  }
  if (!sameLevel(header.migration, current)) {
    throw new AppError('BAD_REQUEST', {
      message: `Tệp sao lưu thuộc phiên bản cơ sở dữ liệu ${levelText(header.migration)}, khác với cơ sở dữ liệu hiện tại ${levelText(current)}. Hãy phục hồi bằng phiên bản dangvu cùng mức cơ sở dữ liệu với tệp.`,
      details: { reason: 'migration_level', file: header.migration, database: current },
    });
  }
  await inspectBackup(file);

  const result = await db.transaction(async (tx) => {
    const present = await listTables(tx);
    const names = new Set(present.map((t) => t.name));
    const unknown = header.tables.filter((t) => !names.has(t.name));
    if (unknown.length)
      throw corrupt(`bảng không có trong cơ sở dữ liệu: ${unknown.map((t) => t.name).join(', ')}`);
    await tx.execute(
      sql.raw(`truncate table ${present.map((t) => quoteIdent(t.name)).join(', ')}
               restart identity cascade`),
    );
    const reader = openBackupReader(file);
    try {
      await reader.readHeader();
      for (const table of header.tables) await copyIn(tx, table, await reader.take(table.bytes));
    } finally {
      reader.close();
    }
    const sequences = await queryRows<{ table_name: string; column_name: string; seq: string }>(
      tx,
      sql`select c.relname as table_name, a.attname as column_name,
            pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where n.nspname = 'public' and c.relkind = 'r'
            and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
    );
    for (const s of sequences) {
      await tx.execute(
        sql.raw(`select setval('${s.seq.replace(/'/g, "''")}',
                 coalesce((select max(${quoteIdent(s.column_name)}) from ${quoteIdent(s.table_name)}), 0) + 1, false)`),
      );
    }
    const counts = await queryRows<{ name: string; rows: number }>(
      tx,
      sql.raw(
        header.tables
          .map(
            (t) =>
              `select '${t.name.replace(/'/g, "''")}' as name, count(*)::int as rows from ${quoteIdent(t.name)}`,
          )
          .join(' union all '),
      ),
    );
    const wrong = header.tables.filter(
      (t) => counts.find((c) => c.name === t.name)?.rows !== t.rows,
    );
    if (wrong.length) throw corrupt(`số dòng không khớp ở ${wrong.map((t) => t.name).join(', ')}`);
    // A backup made before some facts were maintained: they are built now, as at start.
    await ensurePlacedFacts(tx);
    const chain = await verifyAuditChain(tx);
    if (!chain.ok) {
      throw new AppError('BAD_REQUEST', {
        message: `Nhật ký trong tệp sao lưu không toàn vẹn: bản ghi số ${chain.firstBrokenId} không khớp chuỗi băm. Đã hủy phục hồi, dữ liệu hiện tại giữ nguyên.`,
        details: { reason: 'audit_chain', firstBrokenId: chain.firstBrokenId },
      });
    }
    const tables = header.tables.map((t) => ({ name: t.name, rows: t.rows }));
    const totalRows = tables.reduce((sum, t) => sum + t.rows, 0);
    await writeAudit(tx, {
      actor: actor ? { ...actor } : null,
      action: 'backup.restore',
      entityType: 'database',
      meta: {
        via,
        backupCreatedAt: header.createdAt,
        backupAppVersion: header.appVersion,
        backupEngine: header.engine,
        sha256: header.sha256,
        totalRows,
        auditRecordsVerified: chain.checked,
      },
    });
    return {
      backupCreatedAt: header.createdAt,
      appVersion: header.appVersion,
      tables,
      totalRows,
      audit: { ok: true, checked: chain.checked },
    };
  });
  // Every session ended with the restore: none stays cached in this process.
  forgetSessions(db);
  // Fresh planner statistics for the new rows (PGlite has no autovacuum).
  await db.execute(sql`analyze`);
  return result;
};
