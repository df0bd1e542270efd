import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZRestoreQuery, ZRestoreResult } from '../../../contracts/backup';
import { AppError } from '../../platform/errors';
import { actorOf } from '../../platform/http/context';
import { BACKUP_EXTENSION } from './backup.format';
import { createBackup, restoreBackup } from './backup.service';

/** Largest backup accepted for upload. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

const badUpload = () =>
  new AppError('BAD_REQUEST', {
    message: `Hãy gửi tệp sao lưu (${BACKUP_EXTENSION}) dưới dạng application/octet-stream.`,
  });

export const backupRoutes: FastifyPluginAsyncZod = async (app) => {
  const database = app.database;
  // The upload stays a stream: nothing is read before the session and permission checks pass.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, payload),
  );

  app.get(
    '/download',
    {
      schema: { tags: ['backup'], summary: 'Tải bản sao lưu toàn bộ dữ liệu (ghi nhật ký)' },
      config: { permission: 'backup.manage' },
    },
    async (request, reply) => {
      const work = await mkdtemp(path.join(tmpdir(), 'dangvu-download-'));
      const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
      const name = `dangvu-${stamp}${BACKUP_EXTENSION}`;
      const file = path.join(work, name);
      try {
        await createBackup({
          db: database.db,
          actor: actorOf(request),
          file,
          engine: database.kind,
          via: 'web',
        });
      } catch (error) {
        await rm(work, { recursive: true, force: true });
        throw error;
      }
      const stream = createReadStream(file);
      stream.once('close', () => void rm(work, { recursive: true, force: true }));
      reply
        .header('Content-Type', 'application/octet-stream')
        .header('Content-Disposition', `attachment; filename="${name}"`);
      return reply.send(stream);
    },
  );

  app.post(
    '/restore',
    {
      schema: {
        tags: ['backup'],
        summary: 'Phục hồi toàn bộ dữ liệu từ tệp sao lưu (gửi tệp dạng application/octet-stream)',
        querystring: ZRestoreQuery,
        response: { 200: ZRestoreResult },
      },
      config: { permission: 'backup.manage' },
    },
    async (request) => {
      if (!(request.body instanceof Readable)) throw badUpload();
      const work = await mkdtemp(path.join(tmpdir(), 'dangvu-restore-'));
      const file = path.join(work, `upload${BACKUP_EXTENSION}`);
      try {
        let received = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _enc, callback) {
            received += chunk.length;
            if (received > MAX_UPLOAD_BYTES)
              callback(
                new AppError('BAD_REQUEST', {
                  message: `Tệp sao lưu lớn hơn ${MAX_UPLOAD_BYTES / 1024 ** 3} GB: hãy phục hồi bằng dòng lệnh (npm run restore).`,
                }),
              );
            else callback(null, chunk);
          },
        });
        await pipeline(request.body, limit, createWriteStream(file));
        if (received === 0) throw badUpload();
        return await restoreBackup({ db: database.db, actor: actorOf(request), file, via: 'web' });
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
  );
};
