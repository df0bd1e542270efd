import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';

const fieldLabel = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');

/**
 * The path of the first string holding a NUL character (U+0000), which PostgreSQL cannot store in
 * text: refused as invalid input instead of failing in the database (a 500).
 */
const nulCharacterAt = (value: unknown, path = ''): string | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  // Only parsed JSON: a streamed upload (backup restore) or a buffer is not walked.
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = nulCharacterAt(item, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
};

/** One handler maps every error to `{ code, message, fields? }` with a Vietnamese message. */
export const registerErrorHandler = (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const at = nulCharacterAt(request.body) ?? nulCharacterAt(request.query);
    if (at !== null)
      throw new AppError('VALIDATION', {
        message: `Dữ liệu chưa hợp lệ: ${at ? `${at} – ` : ''}có ký tự không in được (NUL).`,
        fields: [{ path: at, message: 'Có ký tự không in được (NUL).' }],
      });
  });
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => ({
        path: fieldLabel(v.instancePath),
        message: v.message ?? 'Dữ liệu không hợp lệ.',
      }));
      const first = fields[0];
      return reply.status(400).send({
        code: 'VALIDATION',
        message: first
          ? `Dữ liệu chưa hợp lệ: ${first.path ? `${first.path} – ` : ''}${first.message}`
          : 'Dữ liệu chưa hợp lệ.',
        fields,
      });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({
        code: 'RATE_LIMITED',
        message: 'Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại.',
      });
    }
    if (status === 413) {
      return reply
        .status(413)
        .send({ code: 'BAD_REQUEST', message: 'Tệp hoặc dữ liệu gửi lên quá lớn.' });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    if (process.env.VITEST) console.error(error);
    return reply.status(500).send({
      code: 'INTERNAL',
      message:
        'Hệ thống gặp lỗi ngoài dự kiến. Dữ liệu của bạn chưa bị thay đổi; vui lòng thử lại.',
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      code: 'NOT_FOUND',
      message: `Không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`,
    });
  });
};
