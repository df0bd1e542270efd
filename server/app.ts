import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import '../contracts/zod-vi';
import type { Database } from './db/client';
import { createHealthCheck } from './db/health';
import { accountsRoutes } from './modules/accounts';
import { auditRoutes } from './modules/audit';
import { backupRoutes } from './modules/backup';
import { calendarRoutes } from './modules/calendar';
import { committeesRoutes } from './modules/committees';
import {
  congressDelegatesRoutes,
  congressElectionsRoutes,
  congressesRoutes,
} from './modules/congresses';
import { documentsRoutes } from './modules/documents';
import { educationRoutes } from './modules/education';
import { emulationRoutes } from './modules/emulation';
import { evaluationsRoutes } from './modules/evaluations';
import { formsRoutes } from './modules/forms';
import { homeRoutes } from './modules/home';
import { importsRoutes } from './modules/imports';
import { inspectionRoutes } from './modules/inspection';
import { lifecycleRoutes } from './modules/lifecycle';
import { meetingsRoutes } from './modules/meetings';
import { memberPhotoRoutes, membersRoutes } from './modules/members';
import { type MailConfig, notificationsRoutes } from './modules/notifications';
import { orgUnitsRoutes } from './modules/org-units';
import { overviewRoutes } from './modules/overview';
import { dashboardRoutes, planRoutes } from './modules/plans';
import { proposalsRoutes } from './modules/proposals';
import { reconciliationRoutes } from './modules/reconciliation';
import { recruitmentRoutes } from './modules/recruitment';
import { reportsRoutes } from './modules/reports';
import { resolutionsRoutes } from './modules/resolutions';
import { settingsRoutes } from './modules/settings';
import { authRoutes } from './platform/auth/auth.routes';
import type { AppRuntimeConfig } from './platform/http/context';
import { registerErrorHandler } from './platform/http/errors.plugin';
import { registerReadRouting } from './platform/http/read-routing';
import { registerResponseCache } from './platform/http/response-cache';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerSession } from './platform/http/session.plugin';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web app, dist/web: beside this file's folder when it runs bundled (dist/server/main.js). */
export const webDistDir = path.resolve(
  here,
  path.basename(path.dirname(here)) === 'dist' ? '../web' : '../dist/web',
);

export type BuildAppOptions = {
  database: Database;
  cookieSecret: string;
  config?: Partial<AppRuntimeConfig>;
  logger?: boolean;
  serveWeb?: boolean;
  /** E-mail of notifications (SMTP_URL); none when absent. */
  mail?: MailConfig | null;
};

export const buildApp = async (options: BuildAppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    trustProxy: false,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', options.database);
  app.decorate('appConfig', {
    sessionHours: 12,
    secureCookies: false,
    loginRateLimit: 10,
    ...options.config,
  });

  registerErrorHandler(app);
  registerSecurityHeaders(app);
  await app.register(fastifyCookie, { secret: options.cookieSecret });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'dangvu API',
        description: 'Hệ thống thông tin công tác đảng vụ',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'dv_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list' },
  });
  registerSession(app);
  registerResponseCache(app);
  registerReadRouting(app);

  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(orgUnitsRoutes, { prefix: '/api/org-units' });
  await app.register(membersRoutes, { prefix: '/api/members' });
  await app.register(memberPhotoRoutes, { prefix: '/api/members' });
  await app.register(overviewRoutes, { prefix: '/api/overview' });
  await app.register(accountsRoutes, { prefix: '/api/accounts' });
  await app.register(auditRoutes, { prefix: '/api/audit' });
  await app.register(backupRoutes, { prefix: '/api/backup' });
  await app.register(calendarRoutes, { prefix: '/api/calendar' });
  await app.register(settingsRoutes, { prefix: '/api/settings' });
  await app.register(recruitmentRoutes, { prefix: '/api/recruitment' });
  await app.register(lifecycleRoutes, { prefix: '/api/lifecycle' });
  await app.register(importsRoutes, { prefix: '/api/imports' });
  await app.register(inspectionRoutes, { prefix: '/api/inspection' });
  await app.register(planRoutes, { prefix: '/api/plans' });
  await app.register(dashboardRoutes, { prefix: '/api/dashboard' });
  await app.register(reportsRoutes, { prefix: '/api/reports' });
  await app.register(documentsRoutes, { prefix: '/api/documents' });
  await app.register(educationRoutes, { prefix: '/api/education' });
  await app.register(resolutionsRoutes, { prefix: '/api/resolutions' });
  await app.register(meetingsRoutes, { prefix: '/api/meetings' });
  await app.register(evaluationsRoutes, { prefix: '/api/evaluations' });
  await app.register(congressesRoutes, { prefix: '/api/congresses' });
  await app.register(committeesRoutes, { prefix: '/api/committees' });
  await app.register(homeRoutes, { prefix: '/api/home' });
  await app.register(congressElectionsRoutes, { prefix: '/api/congresses' });
  await app.register(congressDelegatesRoutes, { prefix: '/api/congresses' });
  await app.register(notificationsRoutes, { prefix: '/api/notifications', mail: options.mail });
  await app.register(proposalsRoutes, { prefix: '/api/proposals' });
  await app.register(formsRoutes, { prefix: '/api/forms' });
  await app.register(emulationRoutes, { prefix: '/api/emulation' });
  await app.register(reconciliationRoutes, { prefix: '/api/reconciliation' });
  // For a load balancer: 200 when the database answers and its migrations are current, else 503.
  const health = createHealthCheck(options.database);
  app.get(
    '/api/health',
    // Polled every few seconds: only a failure is worth a log line.
    { config: { public: true }, logLevel: 'warn' },
    async (request, reply) => {
      const result = await health();
      if (!result.ok) request.log.warn({ health: result }, 'health check failed');
      return reply.status(result.ok ? 200 : 503).send(result);
    },
  );

  if (options.serveWeb !== false && existsSync(path.join(webDistDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false });
    // The SPA owns every non-API path.
    app.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply.status(404).send({ code: 'NOT_FOUND', message: 'Không có địa chỉ này.' });
      }
      return reply.sendFile('index.html');
    });
  }
  await app.ready();
  return app;
};
