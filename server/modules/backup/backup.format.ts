// The `.dangvu-backup` file: two gzip members read as one stream. The first holds one line of JSON
// (the header); the second holds every table's rows in COPY text format, one table after another,
// each exactly `bytes` long. The header's sha256 covers that data section.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { AppError } from '../../platform/errors';

export const BACKUP_MAGIC = 'dangvu-backup';
export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.dangvu-backup';

export type MigrationLevel = {
  /** Number of applied migrations. */
  count: number;
  /** drizzle's `created_at` of the last applied migration (the journal's `when`). */
  createdAt: number;
  /** The last migration's file name, for messages. */
  tag: string | null;
};

export type BackupTable = { name: string; columns: string[]; rows: number; bytes: number };

export type BackupHeader = {
  magic: typeof BACKUP_MAGIC;
  format: number;
  appVersion: string;
  engine: 'postgres' | 'pglite';
  createdAt: string;
  migration: MigrationLevel;
  tables: BackupTable[];
  /** sha256 (hex) of the data section. */
  sha256: string;
};

export const corrupt = (why: string): AppError =>
  new AppError('BAD_REQUEST', {
    message: `Tệp sao lưu bị hỏng hoặc đã bị sửa (${why}): không phục hồi.`,
    details: { reason: 'corrupt' },
  });

/**
 * The decompressed bytes of a backup file, with a reader that hands out exact byte counts. A
 * damaged gzip stream (wrong CRC, truncated) surfaces as `corrupt`.
 */
export const openBackupReader = (file: string) => {
  const stream = createReadStream(file).pipe(createGunzip());
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;
  const pull = async (): Promise<boolean> => {
    if (ended) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await iterator.next();
    } catch {
      throw corrupt('không giải nén được');
    }
    if (next.done) {
      ended = true;
      return false;
    }
    pending = pending.length ? Buffer.concat([pending, next.value]) : next.value;
    return true;
  };
  return {
    /** The header line, parsed and checked for shape. */
    readHeader: async (): Promise<BackupHeader> => {
      let newline = pending.indexOf(10);
      while (newline < 0) {
        if (pending.length > 16 * 1024 * 1024 || !(await pull()))
          throw corrupt('không có phần đầu');
        newline = pending.indexOf(10);
      }
      const line = pending.subarray(0, newline).toString('utf8');
      pending = pending.subarray(newline + 1);
      let header: BackupHeader;
      try {
        header = JSON.parse(line) as BackupHeader;
      } catch {
        throw corrupt('phần đầu không đọc được');
      }
      if (header?.magic !== BACKUP_MAGIC)
        throw new AppError('BAD_REQUEST', {
          message: 'Đây không phải tệp sao lưu của dangvu.',
          details: { reason: 'not_a_backup' },
        });
      if (header.format !== BACKUP_FORMAT)
        throw new AppError('BAD_REQUEST', {
          message: `Tệp sao lưu dùng định dạng phiên bản ${header.format}, phiên bản này của dangvu chỉ đọc định dạng ${BACKUP_FORMAT}.`,
          details: { reason: 'format' },
        });
      if (!Array.isArray(header.tables) || typeof header.sha256 !== 'string' || !header.migration)
        throw corrupt('phần đầu thiếu thông tin');
      return header;
    },
    /** Exactly `bytes` bytes, as chunks; fewer means the file is truncated. */
    take: async (bytes: number): Promise<Buffer[]> => {
      const chunks: Buffer[] = [];
      let left = bytes;
      while (left > 0) {
        if (pending.length === 0 && !(await pull())) throw corrupt('thiếu dữ liệu');
        const part = pending.subarray(0, left);
        pending = pending.subarray(part.length);
        chunks.push(part);
        left -= part.length;
      }
      return chunks;
    },
    /** Whether anything is left after the last table. */
    atEnd: async (): Promise<boolean> => pending.length === 0 && !(await pull()),
    close: () => stream.destroy(),
  };
};
