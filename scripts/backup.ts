// `npm run backup -- --out file`: write a backup of the whole database (PostgreSQL from
// DATABASE_URL, otherwise the embedded database in DANGVU_DATA_DIR, like `npm start`).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/client';
import { claimDataDir } from '../server/db/data-dir-lock';
import { BACKUP_EXTENSION, createBackup } from '../server/modules/backup';

const { values } = parseArgs({ options: { out: { type: 'string', short: 'o' } } });
const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
const out = path.resolve(values.out ?? `dangvu-${stamp}${BACKUP_EXTENSION}`);

try {
  const config = loadConfig();
  const dataDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl) claimDataDir(config.dataDir, 'npm run backup');
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir,
    poolSize: 2,
    preparedStatements: config.preparedStatements,
  });
  const started = Date.now();
  try {
    const { header, size } = await createBackup({
      db: database.db,
      actor: null,
      file: out,
      engine: database.kind,
      via: 'cli',
    });
    const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
    process.stdout.write(
      `Đã sao lưu ${header.tables.length} bảng, ${rows.toLocaleString('vi-VN')} dòng ` +
        `(mức cơ sở dữ liệu ${header.migration.tag}) vào ${out}: ` +
        `${(size / 1024 / 1024).toFixed(1)} MB trong ${((Date.now() - started) / 1000).toFixed(1)} giây.\n`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(`Không sao lưu được: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
}
