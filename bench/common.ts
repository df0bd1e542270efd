// Shared by the benchmarks: a fresh database per engine and dataset, and p50/p95 of a request.
import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app';
import { createDatabase, type Database, queryRows, sql } from '../server/db/client';
import { users } from '../server/db/schema/index';
import { hashPassword } from '../server/platform/auth/password';

export const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
export const root = path.resolve(import.meta.dirname, '..');
/** Appended to every benchmark database's name, so two checkouts can benchmark side by side. */
export const dbSuffix = process.env.BENCH_DB_SUFFIX ? `_${process.env.BENCH_DB_SUFFIX}` : '';

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export const openEngine = async (
  engine: 'postgres' | 'pglite',
  size: string,
): Promise<Database> => {
  if (engine === 'postgres') {
    const name = `dangvu_bench_${size}${dbSuffix}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    return createDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  }
  const dir = path.join(root, 'bench/data', `pglite-${size}`);
  rmSync(dir, { recursive: true, force: true });
  return createDatabase({ dataDir: dir });
};

export type Row = {
  engine: string;
  dataset: string;
  query: string;
  p50: number;
  p95: number;
  max: number;
  n: number;
};

export const measure = async (
  label: string,
  run: (i: number) => Promise<void>,
): Promise<Omit<Row, 'engine' | 'dataset'>> => {
  for (let i = 0; i < 20; i++) await run(i); // warm-up, not measured
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    query: label,
    p50: r(percentile(times, 50)),
    p95: r(percentile(times, 95)),
    max: r(times[times.length - 1]),
    n: times.length,
  };
};

/**
 * The app with a logged-in office account `bench` scoped to `scopeOrgUnitId` (created when missing),
 * and `get`, which fails on any answer but 200: every benchmark measures authenticated requests.
 */
export const openBenchApp = async (database: Database, scopeOrgUnitId: number) => {
  const existing = await queryRows<{ id: number }>(
    database.db,
    sql`select id from users where username = 'bench'`,
  );
  if (existing.length === 0)
    await database.db.insert(users).values({
      username: 'bench',
      displayName: 'Benchmark',
      passwordHash: await hashPassword('Bench2026pass'),
      role: 'org_office',
      scopeOrgUnitId,
    });
  const app = await buildApp({
    database,
    cookieSecret: 'bench-cookie-secret-0123456789-abcdefghijkl',
    serveWeb: false,
    config: { loginRateLimit: 1000 },
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench', password: 'Bench2026pass' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  // Every request computes its answer (`Cache-Control: no-cache`): these benchmarks measure the work
  // of a page, not the response cache, which bench/http.ts measures both ways.
  const get = async (url: string) => {
    const res = await app.inject({
      method: 'GET',
      url,
      headers: { cookie, 'cache-control': 'no-cache' },
    });
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  };
  return { app, get };
};
