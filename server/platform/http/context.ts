import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client';
import type { Actor } from '../access/actor';
import type { Permission } from '../access/permissions';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes are private by default; `public: true` skips the session check. */
    public?: boolean;
    permission?: Permission;
    /** Skip the CSRF header check (login only: there is no session yet). */
    skipCsrf?: boolean;
    /** A read page whose answer may be served again until the data changes (response-cache.ts). */
    cache?: boolean;
  }
  interface FastifyInstance {
    database: Database;
    appConfig: AppRuntimeConfig;
  }
}

export type AppRuntimeConfig = {
  sessionHours: number;
  secureCookies: boolean;
  /** Login attempts per client address per minute. */
  loginRateLimit: number;
};

export const actorOf = (request: FastifyRequest): Actor => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', { message: 'Vui lòng đăng nhập.' });
  return { ...request.actor, ip: request.ip };
};
