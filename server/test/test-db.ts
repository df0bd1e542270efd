import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { createDatabase, type Database, openPglite, sql } from '../db/client';
import { users } from '../db/schema/index';
import { totpCode } from '../platform/auth/totp';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from './constants';

/**
 * A database for one test file, cloned from the migrated template (`demo` has the seeded bloc):
 * PGlite by default, PostgreSQL when TEST_DATABASE_URL is set.
 */
export const openTestDatabase = async (template: 'empty' | 'demo' = 'demo'): Promise<Database> => {
  const pgTemplates = inject('pgTemplates');
  if (pgTemplates) {
    const name = `dv_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgTemplates.url });
    await admin.connect();
    await admin.query(`create database ${name} template ${pgTemplates[template]}`);
    await admin.end();
    const url = new URL(pgTemplates.url);
    url.pathname = `/${name}`;
    const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        const drop = new pg.Client({ connectionString: pgTemplates.url });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  }
  const files = inject('pgliteTemplates');
  if (!files) throw new Error('test database templates missing: run through the db project');
  const blob = new Blob([readFileSync(files[template])]);
  const pglite = await openPglite(undefined, blob);
  return createDatabase({ pglite });
};

export const TEST_COOKIE_SECRET = 'test-cookie-secret-with-enough-length-0123456789';

export const openTestApp = async (template: 'empty' | 'demo' = 'demo', loginRateLimit = 1000) => {
  const database = await openTestDatabase(template);
  const app = await buildApp({
    database,
    cookieSecret: TEST_COOKIE_SECRET,
    serveWeb: false,
    config: { loginRateLimit },
  });
  return {
    app,
    database,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
};

export type Session = {
  cookie: string;
  csrf: string;
  get: (url: string) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  delete: (url: string) => Promise<LightMyRequestResponse>;
};

/** Log in through the API as a demo user (all demo users share TEST_PASSWORD in tests). */
export const loginAs = async (
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
): Promise<Session> => {
  // Tests log in as the same account many times within one 30-second step: forget the step last
  // used, or the second login would be refused as a reused code (RFC 6238 §5.2).
  await app.database.db
    .update(users)
    .set({ totpLastStep: null })
    .where(sql`lower(${users.username}) = lower(${username})`);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    // Accounts without a second factor ignore the code; admin and ubkt need it.
    payload: { username, password, totpCode: totpCode(TEST_TOTP_SECRET) },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  const cookie = raw.split(';')[0];
  const csrf = res.json().csrfToken as string;
  const headers = { cookie, 'x-csrf-token': csrf };
  return {
    cookie,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url, body) => app.inject({ method: 'POST', url, headers, payload: body as object }),
    put: (url, body) => app.inject({ method: 'PUT', url, headers, payload: body as object }),
    delete: (url) => app.inject({ method: 'DELETE', url, headers }),
  };
};
