import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { roleLabels } from '../domain/enums/roles';
import { buildApp, webDistDir } from './app';
import { ConfigError, loadServerConfig } from './config';
import { createDatabase, migrateDatabase, refreshStatistics, withStartupLock } from './db/client';
import { claimDataDir } from './db/data-dir-lock';
import { ensureSecret } from './db/settings';
import { mailConfigOf, startNotificationScheduler } from './modules/notifications';
import { firstStartFromEnv } from './seed/first-start';
import { type DemoAccount, isDatabaseEmpty, seedDemo, seedEmpty } from './seed/load-demo';

// Production (NODE_ENV=production) logs JSON lines on stdout, the shape of Fastify's request logs
// (pino: level 30 info, 60 fatal); otherwise the start-up messages are plain text for a person.
const json = process.env.NODE_ENV === 'production';
const logLine = (level: 30 | 40 | 60, msg: string, fields: Record<string, unknown> = {}) =>
  process.stdout.write(
    `${JSON.stringify({ level, time: Date.now(), pid: process.pid, hostname: os.hostname(), msg, ...fields })}\n`,
  );
const say = (text: string) => {
  if (json) logLine(30, text);
  else process.stdout.write(`${text}\n`);
};

const printAccounts = (accounts: DemoAccount[], url: string) => {
  if (json) {
    for (const a of accounts)
      logLine(30, 'Tài khoản của lần khởi động đầu tiên (mật khẩu chỉ hiện một lần)', {
        username: a.username,
        role: a.role,
        password: a.password,
        scope: a.scope,
      });
    return;
  }
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

const main = async () => {
  const config = loadServerConfig();
  // DANGVU_SEED=none: the top committee from the environment, else asked in the web app.
  const setup = config.seed === 'none' ? firstStartFromEnv(process.env) : null;
  // One process per embedded database: a second server or `npm run restore` is refused.
  if (!config.databaseUrl) claimDataDir(config.dataDir, 'npm start');
  const database = await createDatabase({
    databaseUrl: config.databaseUrl,
    readUrl: config.databaseReadUrl,
    listenUrl: config.databaseListenUrl,
    preparedStatements: config.preparedStatements,
    dataDir: path.join(config.dataDir, 'pglite'),
  });
  const db = database.db;
  // Several processes may start together on one PostgreSQL: one migrates and seeds, the others wait.
  const { firstStart, accounts } = await withStartupLock(database, async () => {
    await migrateDatabase(database);
    // The maintained facts of an older installation are built by migration 0022, once.
    if (!(await isDatabaseEmpty(db))) return { firstStart: false, accounts: [] as DemoAccount[] };
    if (config.seed === 'demo')
      say('Đang tạo dữ liệu mẫu (Đảng bộ các cơ quan, ~6.000 đảng viên)…');
    return {
      firstStart: true,
      accounts: config.seed === 'demo' ? await seedDemo(db) : await seedEmpty(db, setup),
    };
  });
  await refreshStatistics(database);
  const statistics = setInterval(() => refreshStatistics(database).catch(() => {}), 6 * 3600_000);
  statistics.unref();
  const cookieSecret = config.cookieSecret ?? (await ensureSecret(db, 'cookie_secret'));
  // The web app is built by `npm run build` (npm start builds it when missing or stale).
  if (!existsSync(path.join(webDistDir, 'index.html')))
    say('Chưa dựng giao diện web (npm run build): chỉ phục vụ API.');
  const app = await buildApp({
    database,
    cookieSecret,
    config: { sessionHours: config.sessionHours, secureCookies: config.secureCookies },
    logger: config.logRequests,
    mail: mailConfigOf(config),
  });
  await app.listen({ port: config.port, host: config.host });
  // Notifications: one job on a timer (DANGVU_NOTIFY_MINUTES), safe beside other processes' timers.
  const stopNotifications = startNotificationScheduler({
    db,
    mail: mailConfigOf(config),
    minutes: config.notifyMinutes,
    onError: (error) => say(`Lỗi khi tạo thông báo: ${(error as Error).message}`),
  });
  // Stopping is handled before the first line says the server runs: whoever reads that line (a
  // supervisor, the browser tests) may stop it at once, and must get a clean close of the database.
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await stopNotifications();
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
    say(
      'Chưa thiết lập tổ chức cấp cao nhất: đăng nhập bằng admin, vào "Cài đặt" → "Thiết lập ban đầu" (hoặc khởi động lần đầu với DANGVU_ROOT_NAME, DANGVU_ROOT_ESTABLISHED, DANGVU_SUPERIOR…: README).',
    );
  say(
    `dangvu đang chạy tại ${url} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `PGlite tại ${config.dataDir}` : 'PostgreSQL'}; API: ${url}/api/docs)`,
  );
};

main().catch((error) => {
  // A configuration error says what to set; anything else keeps its stack for whoever debugs it.
  const detail =
    error instanceof ConfigError
      ? error.message
      : error instanceof Error
        ? error.stack
        : String(error);
  if (json) logLine(60, `Không khởi động được dangvu: ${detail}`);
  else process.stderr.write(`Không khởi động được dangvu: ${detail}\n`);
  process.exit(1);
});
