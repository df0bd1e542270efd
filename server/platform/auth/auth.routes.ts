import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import {
  ZChangePassword,
  ZLogin,
  ZSession,
  ZTotpEnable,
  ZTotpSetup,
} from '../../../contracts/auth';
import { ZOk } from '../../../contracts/common';
import { queryOne, sql } from '../../db/client';
import { can, permissions } from '../access/permissions';
import { actorOf } from '../http/context';
import { clearSessionCookie, setSessionCookie } from '../http/session.plugin';
import {
  beginTotpSetup,
  changePassword,
  enableTotp,
  type KnownDevice,
  login,
  logout,
  logoutEverywhere,
  resolveSession,
} from './auth.service';

/**
 * The device cookie: this browser logged in to this account before (signed, so it cannot be made
 * up). Its failures are counted apart from strangers', and an account lock does not apply to it
 * (README.md, "Failed logins").
 */
const DEVICE_COOKIE = 'dv_device';
const DEVICE_DAYS = 180;

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  const deviceOf = (raw: string | undefined): KnownDevice | null => {
    if (!raw) return null;
    const unsigned = app.unsignCookie(raw);
    const match = unsigned.valid ? /^(\d+)\.([\w-]{10,64})$/.exec(unsigned.value ?? '') : null;
    return match ? { userId: Number(match[1]), id: match[2] } : null;
  };

  const sessionOf = async (token: string) => {
    const session = await resolveSession(db, token);
    if (!session) throw new Error('session vanished');
    const scope = await queryOne<{ name: string }>(
      db,
      sql`select name from org_units where id = ${session.actor.scopeOrgUnitId}`,
    );
    return {
      user: {
        id: session.actor.userId,
        username: session.actor.username,
        displayName: session.actor.displayName,
        role: session.actor.role,
        scopeOrgUnitId: session.actor.scopeOrgUnitId,
        scopeName: scope?.name ?? '',
        memberId: session.actor.memberId,
        mustChangePassword: session.mustChangePassword,
        mustSetupTotp: session.mustSetupTotp,
        permissions: permissions.filter((p) => can(session.actor, p)),
      },
      csrfToken: session.csrfToken,
    };
  };

  app.post(
    '/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: ZLogin, response: { 200: ZSession } },
      config: {
        public: true,
        skipCsrf: true,
        rateLimit: { max: app.appConfig.loginRateLimit, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const session = await login({
        db,
        username: request.body.username,
        password: request.body.password,
        totpCode: request.body.totpCode,
        ip: request.ip,
        device: deviceOf(request.cookies[DEVICE_COOKIE]),
        userAgent: request.headers['user-agent'],
        sessionHours: app.appConfig.sessionHours,
      });
      setSessionCookie(reply, session.token, session.expiresAt, app.appConfig.secureCookies);
      reply.setCookie(DEVICE_COOKIE, `${session.device.userId}.${session.device.id}`, {
        path: '/api/auth',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.appConfig.secureCookies,
        signed: true,
        maxAge: DEVICE_DAYS * 86_400,
      });
      return sessionOf(session.token);
    },
  );

  app.get(
    '/session',
    {
      schema: { tags: ['auth'], summary: 'Phiên đăng nhập hiện tại', response: { 200: ZSession } },
    },
    async (request) => sessionOf(request.sessionToken!),
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: ZOk } } },
    async (request, reply) => {
      await logout({ db, token: request.sessionToken!, actor: actorOf(request) });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/logout-everywhere',
    { schema: { tags: ['auth'], summary: 'Đăng xuất trên mọi thiết bị', response: { 200: ZOk } } },
    async (request, reply) => {
      await logoutEverywhere({ db, actor: actorOf(request) });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/change-password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: ZChangePassword,
        response: { 200: ZOk },
      },
      config: { rateLimit: { max: app.appConfig.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      await changePassword({
        db,
        actor: actorOf(request),
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        keepSessionToken: request.sessionToken!,
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/totp/setup',
    {
      schema: {
        tags: ['auth'],
        summary: 'Bắt đầu cài đặt xác thực hai lớp (mã QR cho ứng dụng xác thực)',
        response: { 200: ZTotpSetup },
      },
    },
    async (request) => {
      const setup = await beginTotpSetup({ db, actor: actorOf(request) });
      const qrSvg = await QRCode.toString(setup.otpauthUri, { type: 'svg', margin: 1, width: 220 });
      return { ...setup, qrSvg };
    },
  );

  app.post(
    '/totp/enable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Bật xác thực hai lớp bằng mã đầu tiên',
        body: ZTotpEnable,
        response: { 200: ZOk },
      },
      config: { rateLimit: { max: app.appConfig.loginRateLimit, timeWindow: '1 minute' } },
    },
    async (request) => {
      await enableTotp({ db, actor: actorOf(request), code: request.body.code });
      return { ok: true as const };
    },
  );
};
