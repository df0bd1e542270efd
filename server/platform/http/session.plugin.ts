import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { can } from '../access/permissions';
import { resolveSession } from '../auth/auth.service';
import { AppError } from '../errors';

export const SESSION_COOKIE = 'dv_session';

const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const setSessionCookie = (
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
  secure: boolean,
) =>
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    signed: true,
    expires: expiresAt,
  });

export const clearSessionCookie = (reply: FastifyReply) =>
  reply.clearCookie(SESSION_COOKIE, { path: '/' });

/**
 * Every /api request: resolve the session cookie to an actor; private routes need one; mutating
 * requests must echo the session's CSRF token in `x-csrf-token`; `permission` is checked here.
 */
export const registerSession = (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const config = request.routeOptions.config;
    const raw = request.cookies[SESSION_COOKIE];
    if (raw) {
      const unsigned = request.unsignCookie(raw);
      if (unsigned.valid && unsigned.value) {
        const session = await resolveSession(app.database.db, unsigned.value);
        if (session) {
          request.actor = session.actor;
          request.sessionToken = unsigned.value;
          const mutating = !['GET', 'HEAD', 'OPTIONS'].includes(request.method);
          if (mutating && !config.skipCsrf) {
            const header = request.headers['x-csrf-token'];
            if (typeof header !== 'string' || !safeEqual(header, session.csrfToken)) {
              throw new AppError('CSRF', {
                message: 'Phiên làm việc không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.',
              });
            }
          }
          const onAuthRoute = config.public || request.url.startsWith('/api/auth/');
          if (session.mustChangePassword && !onAuthRoute) {
            throw new AppError('FORBIDDEN', {
              message: 'Bạn cần đổi mật khẩu lần đầu trước khi tiếp tục.',
              details: { mustChangePassword: true },
            });
          }
          if (session.mustSetupTotp && !onAuthRoute) {
            throw new AppError('FORBIDDEN', {
              message: 'Vai trò của bạn bắt buộc xác thực hai lớp: hãy cài đặt trước khi tiếp tục.',
              details: { mustSetupTotp: true },
            });
          }
        }
      }
    }
    if (config.public) return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', { message: 'Vui lòng đăng nhập.' });
    if (config.permission && !can(request.actor, config.permission)) {
      throw new AppError('FORBIDDEN', { message: 'Bạn không có quyền thực hiện thao tác này.' });
    }
  });
};
