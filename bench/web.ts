// `npm run bench:web` (after `npm run build`): the web app's weight and speed in a real browser.
// 1. Initial JavaScript: the entry script and the modules index.html preloads, gzip-compressed (what a
//    browser downloads before the first page can run). Target < 400 KB.
// 2. Time to interactive of the dashboard (/tong-quan) and the member list (/dang-vien) on loopback in
//    headless Chromium, measured with the Performance API: DOM interactive, and the moment the page
//    shows its data (no spinner left, the figures or the table rows drawn). Target < 1 s. The server is
//    `npm start`'s, on a fresh demo bloc (PGlite). Each page: 1 cold load, then 5 warm loads (median).
// Writes bench/results/web.{json,md}.
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { freePort, launchBrowser, logIn, startServer } from '../e2e/harness';
import { root } from './common';

const dist = path.join(root, 'dist/web');

const initialJavaScript = () => {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  const unique = [...new Set(files)];
  let raw = 0;
  let gzip = 0;
  for (const f of unique) {
    const bytes = readFileSync(path.join(dist, f.replace(/^\//, '')));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: unique.length, rawKb: Math.round(raw / 1024), gzipKb: Math.round(gzip / 1024) };
};

type Request = { name: string; start: number; end: number };
type Load = { domInteractive: number; dataShown: number; requests?: Request[] };

/** One full load of a page; times in ms from navigation start. */
const load = async (page: Page, url: string, ready: string): Promise<Load> => {
  await page.goto(url, { waitUntil: 'commit' });
  const dataShown = await page
    .waitForFunction(
      (selector) => {
        const busy = document.querySelector('.ant-spin-spinning, .ant-skeleton-active');
        return !busy && document.querySelector(selector) ? performance.now() : false;
      },
      ready,
      { polling: 'raf', timeout: 30_000 },
    )
    .then((h) => h.jsonValue() as Promise<number>);
  const domInteractive = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
  );
  // When each script and API request started and ended: where the time before "data shown" goes.
  const requests = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\/(api|assets)\//.test(e.name))
      .map((e) => ({
        name: new URL(e.name).pathname.replace(/-[\w-]{8}\.js$/, '.js') + new URL(e.name).search,
        start: Math.round(e.startTime),
        end: Math.round(e.responseEnd),
      })),
  );
  return {
    domInteractive: Math.round(domInteractive),
    dataShown: Math.round(dataShown),
    requests,
  };
};

/**
 * Seed the demo bloc into `dataDir` with a first `npm start` (no time limit: on a busy machine it
 * takes longer than the browser tests' start-up limit) and keep the password it prints once.
 * With BENCH_WEB_DATA_DIR the seeded directory and the password are kept for later runs.
 */
const seed = async (dataDir: string): Promise<string> => {
  const saved = path.join(dataDir, 'bench-vanphong-password');
  if (existsSync(saved)) return readFileSync(saved, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DANGVU_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const password = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = output.match(/^ACCOUNT vanphong (\S+) /m);
      if (m && output.includes('dangvu đang chạy tại')) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`seeding server exited with ${code}:\n${output}`)));
  });
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  writeFileSync(saved, password);
  return password;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const main = async () => {
  const js = initialJavaScript();
  const keep = process.env.BENCH_WEB_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'dangvu-bench-web-'));
  const password = await seed(dataDir);
  const server = await startServer({ dataDir });
  const browser = await launchBrowser();
  const rows: { page: string; cold: Load; warm: Load }[] = [];
  try {
    // As a user with the system's default settings: the app's animations on.
    const page = await browser.newPage({ reducedMotion: 'no-preference' });
    await logIn(page, server, 'vanphong', password);
    await page.waitForURL(/tong-quan/);
    const pages = [
      { name: 'dashboard (/tong-quan)', url: `${server.url}/tong-quan`, ready: '.ant-card' },
      { name: 'member list (/dang-vien)', url: `${server.url}/dang-vien`, ready: '.ant-table-row' },
    ];
    for (const p of pages) {
      const cold = await load(page, p.url, p.ready);
      const warm: Load[] = [];
      for (let i = 0; i < 5; i++) warm.push(await load(page, p.url, p.ready));
      rows.push({
        page: p.name,
        cold,
        warm: {
          domInteractive: median(warm.map((w) => w.domInteractive)),
          dataShown: median(warm.map((w) => w.dataShown)),
        },
      });
    }
  } finally {
    await browser.close();
    await server.stop();
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
  const commit = execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const md = [
    '# Web benchmark (built app, headless Chromium, loopback)',
    '',
    `Date ${new Date().toISOString()}, commit ${commit}, ${machine}. Server: \`npm start\` on a fresh demo bloc (PGlite), logged in as the province office (whole bloc in scope).`,
    '',
    `Initial JavaScript (entry + preloaded modules, ${js.files} files): **${js.gzipKb} KB gzip** (${js.rawKb} KB raw). Target < 400 KB gzip.`,
    '',
    'Times in ms from navigation start (Performance API). "Data shown": no spinner left and the page\'s data drawn. Target < 1,000 ms.',
    '',
    '| page | cold: DOM interactive | cold: data shown | warm (median of 5): DOM interactive | warm: data shown |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.cold.domInteractive} | ${r.cold.dataShown} | ${r.warm.domInteractive} | ${r.warm.dataShown} |`,
    ),
    '',
    ...rows.flatMap((r) => [
      `Cold load of the ${r.page}: requests (start → end, ms from navigation start)`,
      '',
      '| request | start | end |',
      '|---|---|---|',
      ...(r.cold.requests ?? []).map((q) => `| ${q.name} | ${q.start} | ${q.end} |`),
      '',
    ]),
  ].join('\n');
  writeFileSync(path.join(root, 'bench/results/web.md'), md);
  writeFileSync(
    path.join(root, 'bench/results/web.json'),
    `${JSON.stringify({ commit, machine, initialJavaScript: js, pages: rows }, null, 2)}\n`,
  );
  process.stdout.write(`${md}\n`);
};

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
