// Browser-test harness: the real server as `npm start` runs it (the build in dist/, a PGlite data
// directory with the demo bloc) on a loopback port, and Debian's Chromium driven by playwright-core.
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Made once per run by e2e/global-setup.ts; null when every server must start fresh. */
    e2eTemplate: E2eTemplate | null;
  }
}

/** A stopped server's data directory after its first start with the demo seed, and its passwords. */
export type E2eTemplate = { dataDir: string; passwordsFile: string };

const root = path.resolve(import.meta.dirname, '..');

export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

export type Server = {
  url: string;
  passwords: Record<string, string>;
  dataDir: string;
  /** Ends the process at once (SIGKILL): no shutdown, the data directory stays as it is. */
  kill: () => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * Environment variables that leave the database and the first start alone: a server given only these
 * (or no `env`) may start on a copy of the template. Any other (`DATABASE_URL`, `DANGVU_SEED`, the
 * `DANGVU_ROOT_*` first-start settings, `DANGVU_DATA_DIR`…) starts on a fresh data directory as before.
 */
const runtimeOnly = new Set([
  'DANGVU_LOG',
  'DANGVU_SESSION_HOURS',
  'DANGVU_COOKIE_SECRET',
  'DANGVU_SOFFICE',
  'NODE_ENV',
  // Notifications' e-mail and timer (server/modules/notifications): run-time only.
  'SMTP_URL',
  'SMTP_FROM',
  'DANGVU_NOTIFY_MINUTES',
]);

const templateFor = (options: { dataDir?: string; env?: Record<string, string> }) => {
  if (options.dataDir !== undefined) return null;
  if (Object.keys(options.env ?? {}).some((key) => !runtimeOnly.has(key))) return null;
  try {
    return inject('e2eTemplate') ?? null;
  } catch {
    return null; // outside a vitest run (or a project without the global setup)
  }
};

/**
 * Start dangvu on a new data directory (or on `dataDir`, which is kept when stopped); read the
 * one-time passwords it prints (only on the first start of a directory).
 *
 * Which directory:
 * - `dataDir` given (crash.e2e.ts): that directory as it is, fresh or not; the caller owns it.
 * - no `dataDir` and no `env` beyond the run-time settings above (most files): a copy of the
 *   template the global setup made (the demo bloc, migrated and seeded once per run), with the
 *   passwords printed at its first start; the copy is removed on stop. Without a template (the
 *   file run outside the e2e project), a fresh directory as below.
 * - no `dataDir` but an `env` that changes the database or the first start (settings.e2e.ts with
 *   `DANGVU_SEED: 'none'`, round-robin.e2e.ts on PostgreSQL): a fresh empty directory, migrated and
 *   seeded by this start, removed on stop.
 */
export const startServer = async (
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<Server> => {
  const template = templateFor(options);
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dangvu-e2e-'));
  if (template) cpSync(template.dataDir, dataDir, { recursive: true });
  // A directory without the template is seeded by this start (the demo bloc: minutes on a busy
  // machine), so it gets the global setup's allowance; a start on seeded data takes seconds.
  const server = await launchServer(dataDir, options.env, template ? 150_000 : 600_000).catch(
    (error) => {
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      throw error;
    },
  );
  if (template)
    Object.assign(server.passwords, JSON.parse(readFileSync(template.passwordsFile, 'utf8')));
  return {
    ...server,
    stop: async () => {
      await server.stop();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/**
 * Start dangvu on `dataDir` as it is (kept when stopped); read the one-time passwords it prints.
 * `exitCode` after a stop tells whether the server shut down by itself (0) or had to be killed.
 * A server not started within `startTimeout` ms is killed.
 */
export const launchServer = async (
  dataDir: string,
  env: Record<string, string> = {},
  startTimeout = 150_000,
): Promise<Server & { exitCode: () => number | null }> => {
  const port = await freePort();
  // What `npm start` runs: the built server. e2e/global-setup.ts has built whatever was stale; no
  // staleness check here, so that a file edited during the run does not rebuild under a test.
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DANGVU_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const passwords: Record<string, string> = {};
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // A server that does not start in time is ended, not left running (and loading the machine).
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start:\n${output}`));
    }, startTimeout);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const m of output.matchAll(/^ACCOUNT (\S+) (\S+) (\S+)$/gm)) passwords[m[1]] = m[2];
      if (output.includes('dangvu đang chạy tại')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    child.removeAllListeners('exit');
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    // A clean stop closes the database, which can take a while on a busy machine; the data directory
    // is only reopened once the process has gone, else the next open finds it half-closed.
    const slow = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(slow);
  };
  return {
    url: `http://127.0.0.1:${port}`,
    passwords,
    dataDir,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    exitCode: () => child.exitCode,
  };
};

/**
 * Debian's Chromium; its pages ask for reduced motion (the app then turns antd's animations off), so
 * that no click lands on a dialog or a list still moving in.
 */
export const launchBrowser = async (): Promise<Browser> => {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
};

const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

export const screenshot = async (page: Page, name: string) => {
  await page.screenshot({
    path: path.join(root, 'e2e/screenshots', `${name}.png`),
    fullPage: false,
  });
};

export const logIn = async (
  page: Page,
  server: Server,
  username: string,
  password = server.passwords[username],
) => {
  await page.goto(`${server.url}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
};

/**
 * Whether an antd Select shows `text` as its chosen value: the value element only, since a placeholder
 * ("Ví dụ: Kiểm tra khi có dấu hiệu vi phạm") may hold the same words as an option.
 */
export const chosenIs = async (select: Locator, text: string | RegExp): Promise<boolean> => {
  const chosen = select.locator('.ant-select-content-has-value, .ant-select-selection-item');
  if ((await chosen.count()) === 0) return false;
  const shown = (await chosen.first().textContent()) ?? '';
  return typeof text === 'string' ? shown.includes(text) : text.test(shown);
};

/** The antd Select (or TreeSelect) a field's input belongs to. */
export const selectOf = (field: Locator) =>
  field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');

/**
 * Choose an option of an antd Select: open it (typing `search` where the list asks the server, or is
 * virtual), click the option, wait for the list to close, and check the choice took; again if a
 * re-render of the list (an answer to an earlier keystroke) swallowed the click.
 */
export const pick = async (field: Locator, text: string | RegExp, search?: string) => {
  const page = field.page();
  const select = selectOf(field);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!(await option.isVisible())) {
      await field.click();
      if (search) await field.fill(search).catch(() => page.keyboard.type(search));
    }
    await option.click({ timeout: 5000 }).catch(() => undefined);
    await option.waitFor({ state: 'hidden', timeout: 2000 }).catch(() => undefined);
    if (await chosenIs(select, text)) return;
  }
  throw new Error(`could not choose ${text}`);
};
