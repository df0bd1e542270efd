import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors';

const fieldLabel = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');

/** No request body of ours nests deeper than a few levels; 64 leaves room and stops stack-deep input. */
export const MAX_BODY_DEPTH = 64;

/**
 * Whether a JSON text nests arrays and objects deeper than `limit`, read off the raw text in one
 * pass without parsing or recursion (brackets inside strings do not count).
 */
export const jsonDeeperThan = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
};

const tooDeep = () =>
  new AppError('VALIDATION', {
    message: `Dữ liệu chưa hợp lệ: lồng nhau quá ${MAX_BODY_DEPTH} cấp.`,
  });

/**
 * The path of the first string holding a NUL character (U+0000), which PostgreSQL cannot store in
 * text: refused as invalid input instead of failing in the database (a 500). Bodies reach here at
 * most MAX_BODY_DEPTH deep (the JSON parser refuses deeper ones), so the recursion is bounded.
 */
const nulCharacterAt = (value: unknown, path = '', parsedOnly = true): string | null => {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  // Only parsed JSON: a streamed upload (backup restore) or a buffer is not walked. The query
  // string and the path parameters are parsed into objects of their own prototype: always walked.
  const proto = Object.getPrototypeOf(value);
  if (parsedOnly && !Array.isArray(value) && proto !== Object.prototype && proto !== null)
    return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
    const found = nulCharacterAt(item, path ? `${path}.${key}` : key, parsedOnly);
    if (found !== null) return found;
  }
  return null;
};

/** One handler maps every error to `{ code, message, fields? }` with a Vietnamese message. */
export const registerErrorHandler = (app: FastifyInstance) => {
  // JSON bodies: refused before parsing when nested too deep (a body 20,000 deep overflowed the
  // stack of every walk over it: a 500); otherwise Fastify's own parser (prototype poisoning
  // refused as before).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    if (jsonDeeperThan(text, MAX_BODY_DEPTH)) done(tooDeep(), undefined);
    else parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    const at =
      nulCharacterAt(request.body) ??
      nulCharacterAt(request.query, '', false) ??
      nulCharacterAt(request.params, '', false);
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
