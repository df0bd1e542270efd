import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client';

/**
 * Lag-tolerant reads on a hot standby (`DATABASE_READ_URL`, `db/read-replica.ts`). A few read
 * pages — the member list and search, the overview, the dashboard — ask `lagTolerantDb(request)`
 * instead of the primary; everything else (a record, the version check before a save, every write)
 * stays on the primary. A session that has just written reads the primary for RECENT_WRITE_MS: a
 * short cookie set on the answer to any successful write, seen by whichever process the load
 * balancer picks next, so a user always sees their own save in the list they return to.
 */
export const RECENT_WRITE_COOKIE = 'dv_wrote';
/** Longer than the most a usable standby can be behind (REPLICA_MAX_LAG_MS + REPLICA_TICK_MS). */
export const RECENT_WRITE_MS = 5_000;

export const wroteRecently = (request: FastifyRequest) =>
  Boolean(request.cookies?.[RECENT_WRITE_COOKIE]);

export const lagTolerantDb = (request: FastifyRequest): Db => {
  const database = request.server.database;
  return wroteRecently(request) ? database.db : database.readDb();
};

export const registerReadRouting = (app: FastifyInstance) => {
  if (!app.database.replica) return;
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    reply.setCookie(RECENT_WRITE_COOKIE, '1', {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.appConfig.secureCookies,
      maxAge: RECENT_WRITE_MS / 1000,
    });
    return payload;
  });
};
