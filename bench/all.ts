// `npm run bench`: every benchmark of bench/, one after another, each in its own process, so that one
// command reproduces every table in bench/results/ from a fresh clone (about an hour on 2 cores).
// PostgreSQL: BENCH_DATABASE_URL (default: the local server's `test` database, where each benchmark
// creates its own `dangvu_bench_*` databases). The national dataset is its own command
// (`npm run bench:national`, over an hour and ~25 GB). Options: --only=a,b  --skip=a,b (step names below).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './common';

type Step = { name: string; script: string; args?: string[]; needsBuild?: boolean };

const steps: Step[] = [
  { name: 'foundation', script: 'bench/run.ts' }, // also builds the province the HTTP benches reuse
  { name: 'lifecycle', script: 'bench/lifecycle.ts' },
  { name: 'dashboard', script: 'bench/dashboard.ts' },
  { name: 'report', script: 'bench/report.ts' },
  { name: 'import', script: 'bench/import.ts' },
  { name: 'export', script: 'bench/export.ts' },
  { name: 'http', script: 'bench/http.ts' },
  { name: 'prepared', script: 'bench/prepared.ts' },
  { name: 'load', script: 'bench/load.ts' },
  { name: 'web', script: 'bench/web.ts', needsBuild: true },
  { name: 'startup', script: 'bench/startup.ts' },
];

const list = (name: string) =>
  process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    .split(',');
const only = list('only');
const skip = list('skip') ?? [];
const chosen = steps.filter(
  (s) => (!only || only.includes(s.name)) && !skip.includes(s.name) && existsSync(s.script),
);

const env = {
  ...process.env,
  BENCH_DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};
const run = (args: string[]) =>
  spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' }).status ?? 1;

const outcomes: { name: string; status: number; seconds: number }[] = [];
for (const step of chosen) {
  process.stdout.write(`\n=== bench ${step.name} (${step.script}) ===\n`);
  const t0 = performance.now();
  if (step.needsBuild && !existsSync(path.join(root, 'dist/web/index.html'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
    if (build.status !== 0) {
      outcomes.push({ name: step.name, status: build.status ?? 1, seconds: 0 });
      continue;
    }
  }
  const status = run(['--import', 'tsx', step.script, ...(step.args ?? [])]);
  outcomes.push({ name: step.name, status, seconds: Math.round((performance.now() - t0) / 1000) });
}
process.stdout.write('\n=== benchmarks ===\n');
for (const o of outcomes)
  process.stdout.write(
    `${o.name.padEnd(12)} ${o.status === 0 ? 'ok' : `FAILED (${o.status})`}  ${o.seconds} s\n`,
  );
process.stdout.write('Tables: bench/results/*.md (the compass: bench/results/README.md)\n');
process.exit(outcomes.some((o) => o.status !== 0) ? 1 : 0);
