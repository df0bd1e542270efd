// Member photos and the card-photo list, under /api/members (registered beside membersRoutes).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../../contracts/common';
import {
  ZCardPhotoList,
  ZCardPhotoQuery,
  ZMemberPhotoInfo,
  ZMemberPhotoUpload,
} from '../../../contracts/member-photos';
import { actorOf } from '../../platform/http/context';
import { exportCardPhotosZip, listCardPhotos } from './card-photos.service';
import { deleteMemberPhoto, getMemberPhoto, putMemberPhoto } from './member-photo.service';

export const memberPhotoRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/card-photos',
    {
      schema: {
        tags: ['members'],
        summary: 'Danh sách ảnh thẻ của một đơn vị cho đợt phát thẻ hoặc đổi thẻ đảng viên',
        querystring: ZCardPhotoQuery,
        response: { 200: ZCardPhotoList },
      },
      config: { permission: 'member.list' },
    },
    async (request) => listCardPhotos({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/card-photos/export.zip',
    {
      schema: {
        tags: ['members'],
        summary: 'Tải ảnh thẻ (2 × 3, đặt tên theo mã) và danh sách in kèm, trong một tệp ZIP',
        querystring: ZCardPhotoQuery,
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) => {
      const { zip, fileName } = await exportCardPhotosZip({
        db,
        actor: actorOf(request),
        query: request.query,
      });
      return reply
        .header('Content-Type', 'application/zip')
        .header('Content-Disposition', `attachment; filename="${fileName}"`)
        .send(zip);
    },
  );

  app.get(
    '/:id/photo',
    {
      schema: {
        tags: ['members'],
        summary: 'Ảnh của đảng viên (JPEG 450 × 600); 204 khi chưa có ảnh',
        params: ZIdParams,
      },
      config: { permission: 'member.read' },
    },
    async (request, reply) => {
      const photo = await getMemberPhoto(db, actorOf(request), request.params.id);
      if (!photo) return reply.code(204).send();
      return reply
        .header('Content-Type', 'image/jpeg')
        .header('Cache-Control', 'private, no-cache')
        .header('ETag', `"${photo.sha256}"`)
        .header('X-Photo-Updated-At', photo.updatedAt)
        .send(photo.bytes);
    },
  );

  app.put(
    '/:id/photo',
    {
      schema: {
        tags: ['members'],
        summary: 'Tải lên hoặc thay ảnh của đảng viên (JPEG/PNG ≤ 5 MB, cắt theo tỉ lệ 3 × 4)',
        params: ZIdParams,
        body: ZMemberPhotoUpload,
        response: { 200: ZMemberPhotoInfo },
      },
      config: { permission: 'member.write' },
      // 5 MB of image as base64 is about 6.7 MB of JSON.
      bodyLimit: 8 * 1024 * 1024,
    },
    async (request) =>
      putMemberPhoto({
        db,
        actor: actorOf(request),
        memberId: request.params.id,
        input: request.body,
      }),
  );

  app.delete(
    '/:id/photo',
    {
      schema: {
        tags: ['members'],
        summary: 'Gỡ ảnh của đảng viên',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { permission: 'member.write' },
    },
    async (request) =>
      deleteMemberPhoto({ db, actor: actorOf(request), memberId: request.params.id }),
  );
};
