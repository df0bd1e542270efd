import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { roleLabels } from '../domain/enums/roles';
import { buildApp, webDistDir } from './app';
import { loadConfig } from './config';
import { createDatabase, migrateDatabase, refreshStatistics, withStartupLock } from './db/client';
import { claimDataDir } from './db/data-dir-lock';
import { ensureSecret } from './db/settings';
import { firstStartFromEnv } from './seed/first-start';
import { type DemoAccount, isDatabaseEmpty, seedDemo, seedEmpty } from './seed/load-demo';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const printAccounts = (accounts: DemoAccount[], url: string) => {
  const lines = [
    '',
    '════════════════════════════════════════════════════════════════════════',
    ' dangvu – lần khởi động đầu tiên. Mật khẩu dưới đây chỉ hiện MỘT lần.',
    ` Mở ${url} và đăng nhập. Quản trị viên phải đổi mật khẩu khi đăng nhập lần đầu.`,
    '════════════════════════════════════════════════════════════════════════',
    ...accounts.map(
      (a) =>
        `  ${a.username.padEnd(9)} | ${roleLabels[a.role].padEnd(26)} | ${a.password} | ${a.scope}`,
    ),
    '',
    // Machine-readable lines for scripts and browser tests.
    ...accounts.map((a) => `ACCOUNT ${a.username} ${a.password} ${a.role}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
};

const buildWebIfNeeded = async () => {
  if (existsSync(path.join(webDistDir, 'index.html'))) return;
  if (!existsSync(path.join(root, 'web/vite.config.ts'))) {
    process.stdout.write('Không tìm thấy mã nguồn giao diện web: chỉ phục vụ API.\n');
    return;
  }
  process.stdout.write('Đang dựng giao diện web lần đầu (vite build)…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
};

const main = async () => {
  const config = loadConfig();
  // DANGVU_SEED=none: the top committee from the environment, else asked in the web app.
  const setup = config.seed === 'none' ? firstStartFromEnv(process.env) : null;
  // One process per embedded database: a second server or `npm run restore` is refused.
  if (!config.databaseUrl) claimDataDir(config.dataDir, 'npm start');
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    readUrl: config.databaseReadUrl,
    listenUrl: config.databaseListenUrl,
    dataDir: path.join(config.dataDir, 'pglite'),
  });
  const db = database.db;
  // Several processes may start together on one PostgreSQL: one migrates and seeds, the others wait.
  const { firstStart, accounts } = await withStartupLock(database, async () => {
    await migrateDatabase(database);
    // The maintained facts of an older installation are built by migration 0022, once.
    if (!(await isDatabaseEmpty(db))) return { firstStart: false, accounts: [] as DemoAccount[] };
    process.stdout.write(
      config.seed === 'demo'
        ? 'Đang tạo dữ liệu mẫu (Đảng bộ các cơ quan, ~6.000 đảng viên)…\n'
        : '',
    );
    return {
      firstStart: true,
      accounts: config.seed === 'demo' ? await seedDemo(db) : await seedEmpty(db, setup),
    };
  });
  await refreshStatistics(database);
  const statistics = setInterval(() => refreshStatistics(database).catch(() => {}), 6 * 3600_000);
  statistics.unref();
  const cookieSecret = config.cookieSecret ?? (await ensureSecret(db, 'cookie_secret'));
  await buildWebIfNeeded();
  const app = await buildApp({
    database,
    cookieSecret,
    config: { sessionHours: config.sessionHours, secureCookies: config.secureCookies },
    logger: process.env.DANGVU_LOG === '1',
  });
  await app.listen({ port: config.port, host: config.host });
  // Stopping is handled before the first line says the server runs: whoever reads that line (a
  // supervisor, the browser tests) may stop it at once, and must get a clean close of the database.
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const url = `http://${shown}:${config.port}`;
  if (firstStart) printAccounts(accounts, url);
  if (firstStart && config.seed === 'none' && !setup)
    process.stdout.write(
      'Chưa thiết lập tổ chức cấp cao nhất: đăng nhập bằng admin, vào "Cài đặt" → "Thiết lập ban đầu" (hoặc khởi động lần đầu với DANGVU_ROOT_NAME, DANGVU_ROOT_ESTABLISHED, DANGVU_SUPERIOR…: README).\n',
    );
  process.stdout.write(
    `dangvu đang chạy tại ${url} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite tại ${config.dataDir}` : 'PostgreSQL'}; API: ${url}/api/docs)\n`,
  );
};

main().catch((error) => {
  process.stderr.write(
    `Không khởi động được dangvu: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
