// `npm run restore -- --in file [--yes]`: replace the whole database with a backup. On the
// embedded database the server must be stopped (the data directory is locked while it runs).
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { RESTORE_CONFIRMATION } from '../contracts/backup';
import { loadConfig } from '../server/config';
import { createDatabase } from '../server/db/client';
import { claimDataDir } from '../server/db/data-dir-lock';
import { inspectBackup, restoreBackup } from '../server/modules/backup';

const { values } = parseArgs({
  options: { in: { type: 'string', short: 'i' }, yes: { type: 'boolean', short: 'y' } },
});

const fail = (message: string): never => {
  process.stderr.write(`Không phục hồi: ${message}\n`);
  process.exit(1);
};

if (!values.in) fail('hãy chỉ ra tệp sao lưu: npm run restore -- --in tệp.dangvu-backup [--yes]');
const file = path.resolve(values.in as string);

try {
  const header = await inspectBackup(file);
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  const config = loadConfig();
  process.stdout.write(
    `Tệp ${file}: sao lưu lúc ${new Date(header.createdAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}, ` +
      `dangvu ${header.appVersion}, ${header.tables.length} bảng, ${rows.toLocaleString('vi-VN')} dòng, ` +
      `mức cơ sở dữ liệu ${header.migration.tag}; mã kiểm tra khớp.\n` +
      `Phục hồi sẽ THAY TOÀN BỘ dữ liệu của ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `cơ sở dữ liệu nhúng tại ${config.dataDir}`} ` +
      'và kết thúc mọi phiên đăng nhập.\n',
  );
  if (!values.yes) {
    if (!process.stdin.isTTY) fail('thêm --yes để phục hồi khi không chạy tương tác.');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Gõ "${RESTORE_CONFIRMATION}" để tiếp tục: `);
    rl.close();
    if (answer.trim().normalize('NFC') !== RESTORE_CONFIRMATION) fail('chưa xác nhận.');
  }
  const dataDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl) claimDataDir(config.dataDir, 'npm run restore');
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    dataDir,
    poolSize: 2,
    preparedStatements: config.preparedStatements,
  });
  try {
    const result = await restoreBackup({ db: database.db, actor: null, file, via: 'cli' });
    for (const t of result.tables)
      process.stdout.write(
        `  ${t.name.padEnd(34)} ${t.rows.toLocaleString('vi-VN').padStart(10)}\n`,
      );
    process.stdout.write(
      `Đã phục hồi ${result.totalRows.toLocaleString('vi-VN')} dòng. Nhật ký toàn vẹn: đã kiểm tra ${result.audit.checked} bản ghi; đã ghi bản ghi phục hồi.\n`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
