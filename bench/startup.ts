// `npm run bench:startup`: how long the server takes to start, and its memory once started, run as
// before the production build (TypeScript through tsx at every start: `npm run dev`) and as `npm start`
// runs it now (scripts/start.mjs: the staleness check of dist/, then dist/server/main.js with plain
// node). Both start on the same data directory, already migrated and seeded with the demo bloc (the
// first start's seeding is not measured); the runs alternate, 5 each (BENCH_STARTUP_RUNS).
// Start-up time: from spawning the process to its line "dangvu đang chạy tại"; memory: the process's
// resident set (VmRSS) read at that moment. Writes bench/results/startup.{json,md}.
// BENCH_STARTUP_DATA_DIR keeps the seeded directory between runs (default: a temporary one, removed);
// BENCH_STARTUP_PORT fixes the port (default: a free one).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../e2e/harness';
import { root } from './common';

const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);

const variants = [
  {
    name: 'before: TypeScript through tsx (`npm run dev`)',
    args: ['--import', 'tsx', 'server/main.ts'],
  },
  {
    name: 'after: built (`npm start`: scripts/start.mjs → dist/server/main.js)',
    args: ['scripts/start.mjs'],
  },
];

type Run = { ms: number; rssMb: number };

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(status.match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? Number.NaN);
  return kb / 1024;
};

/** Starts the server once on `dataDir`; resolves with the output and the start's figures, stopped. */
const startOnce = async (args: string[], dataDir: string, timeoutMs = 600_000) => {
  const port = Number(process.env.BENCH_STARTUP_PORT ?? 0) || (await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DANGVU_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const run = await new Promise<Run>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('dangvu đang chạy tại')) {
        clearTimeout(timer);
        resolve({ ms: performance.now() - started, rssMb: rssMb(child.pid!) });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { run, output };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => x.toFixed(0);

const main = async () => {
  // The built variant measures a start, not a build: dist/ is brought up to date first.
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  const keep = process.env.BENCH_STARTUP_DATA_DIR;
  const dataDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'dangvu-bench-startup-'));
  try {
    if (!existsSync(path.join(dataDir, 'pglite'))) {
      mkdirSync(dataDir, { recursive: true });
      process.stdout.write(`Seeding the demo bloc into ${dataDir} (not measured)…\n`);
      await startOnce(variants[1].args, dataDir);
    }
    // One unmeasured start of each: tsx's transform cache and the file cache are warm for both.
    for (const v of variants) await startOnce(v.args, dataDir);
    const runs: Run[][] = variants.map(() => []);
    const loadBefore = os.loadavg()[0];
    for (let i = 0; i < RUNS; i++)
      for (const [k, v] of variants.entries()) {
        const { run } = await startOnce(v.args, dataDir);
        runs[k].push(run);
        process.stdout.write(`${v.name}: ${fmt(run.ms)} ms, ${fmt(run.rssMb)} MB\n`);
      }
    const loadAfter = os.loadavg()[0];
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root })
      .toString()
      .trim();
    const rows = variants.map((v, k) => ({
      variant: v.name,
      command: `node ${v.args.join(' ')}`,
      ms: runs[k].map((r) => Math.round(r.ms)),
      rssMb: runs[k].map((r) => Math.round(r.rssMb)),
    }));
    const json = {
      date: new Date().toISOString(),
      commit,
      node: process.version,
      cpus: os.cpus().length,
      loadBefore,
      loadAfter,
      rows,
    };
    writeFileSync(
      path.join(root, 'bench/results/startup.json'),
      `${JSON.stringify(json, null, 2)}\n`,
    );
    const md = [
      '# Start-up time and memory (`npm run bench:startup`)',
      '',
      `Date ${json.date}, commit ${commit}, ${json.cpus} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}. ` +
        `${RUNS} starts of each, alternating, on one PGlite data directory already migrated and seeded with the demo bloc ` +
        '(~6,000 members); one unmeasured start of each first (warm file cache, warm tsx transform cache).',
      `Load average (1 min) ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after, on ${json.cpus} cores shared ` +
        'with other work: the figures are noisy; compare the two rows of one run rather than runs.',
      'Start-up: spawning the process → its line "dangvu đang chạy tại" (the migrations check, the statistics refresh of PGlite ' +
        "and listening included). Memory: the process's resident set (VmRSS) at that moment.",
      '',
      '| variant | start-up median ms | min–max ms | RSS median MB | min–max MB |',
      '|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.variant} | ${median(r.ms)} | ${Math.min(...r.ms)}–${Math.max(...r.ms)} | ${median(r.rssMb)} | ${Math.min(...r.rssMb)}–${Math.max(...r.rssMb)} |`,
      ),
      '',
      'Every run (ms / MB):',
      '',
      ...rows.map(
        (r) => `- ${r.variant}: ${r.ms.map((ms, i) => `${ms} / ${r.rssMb[i]}`).join(', ')}`,
      ),
      '',
      'Reproduce: `npm run bench:startup` (`BENCH_STARTUP_DATA_DIR=/some/dir` keeps the seeded directory for later runs).',
      '',
    ];
    writeFileSync(path.join(root, 'bench/results/startup.md'), md.join('\n'));
    process.stdout.write(`${md.join('\n')}\n`);
  } finally {
    if (!keep) rmSync(dataDir, { recursive: true, force: true });
  }
};

await main();
