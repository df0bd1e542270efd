// Migrate (and seed) one template database per run; each test file then clones it. On PGlite the
// template is a dumped data directory; on PostgreSQL (TEST_DATABASE_URL) a template database.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase, type Database, migrateDatabase, refreshStatistics } from '../db/client';
import { users } from '../db/schema/index';
import { secondFactorRoles } from '../platform/access/permissions';
import { hashPassword } from '../platform/auth/password';
import { seedDemo } from '../seed/load-demo';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: { empty: string; demo: string } | null;
    pgTemplates: { url: string; empty: string; demo: string } | null;
  }
}

const prepare = async (database: Database, withDemo: boolean) => {
  await migrateDatabase(database);
  if (!withDemo) return;
  // Without the congress rounds: the congress tests record their own (the browser tests have them).
  await seedDemo(database.db, { congresses: false });
  await refreshStatistics(database); // as the app does at start
  // Known passwords for tests; the real first start prints random ones.
  const hash = await hashPassword(TEST_PASSWORD);
  await database.db.update(users).set({ passwordHash: hash });
  await database.db
    .update(users)
    .set({ totpSecret: TEST_TOTP_SECRET, totpEnabled: true })
    .where(inArray(users.role, [...secondFactorRoles]));
  await database.db
    .update(users)
    .set({ mustChangePassword: false })
    .where(eq(users.username, 'admin'));
};

const withDb = async (url: string, sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const suffix = `${process.pid}_${Date.now()}`;
    const templates = { empty: `dv_tpl_empty_${suffix}`, demo: `dv_tpl_demo_${suffix}` };
    for (const [kind, name] of Object.entries(templates)) {
      await withDb(url, `create database ${name}`);
      const target = new URL(url);
      target.pathname = `/${name}`;
      const database = await createDatabase({ databaseUrl: target.toString(), poolSize: 2 });
      await prepare(database, kind === 'demo');
      await database.close();
    }
    project.provide('pgTemplates', { url, ...templates });
    project.provide('pgliteTemplates', null);
    return async () => {
      for (const name of Object.values(templates)) {
        await withDb(url, `drop database if exists ${name} with (force)`);
      }
    };
  }
  const dir = path.join(os.tmpdir(), `dangvu-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const files = { empty: path.join(dir, 'empty.tar.gz'), demo: path.join(dir, 'demo.tar.gz') };
  for (const [kind, file] of Object.entries(files)) {
    const database = await createDatabase({});
    await prepare(database, kind === 'demo');
    const dump = await database.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide('pgliteTemplates', files);
  project.provide('pgTemplates', null);
  return () => rmSync(dir, { recursive: true, force: true });
}
