import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZIdParams, ZIsoDate } from '../../../contracts/common';
import {
  ZMemberCreate,
  ZMemberDetail,
  ZMemberEventInput,
  ZMemberList,
  ZMemberListQuery,
  ZMemberUpdate,
} from '../../../contracts/members';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { lagTolerantDb } from '../../platform/http/read-routing';
import { exportMembersXlsx } from './members.export';
import { findMembers } from './members.queries';
import {
  addMemberEvent,
  confirmLetterPresented,
  createMember,
  getMemberDetail,
  updateMember,
} from './members.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });

export const membersRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags: ['members'],
        summary: 'Danh sách đảng viên trong một cây con (lọc, tìm không dấu, phân trang)',
        querystring: ZMemberListQuery,
        response: { 200: ZMemberList },
      },
      config: { permission: 'member.list', cache: true },
    },
    async (request) => {
      const result = await findMembers(lagTolerantDb(request), actorOf(request), request.query);
      return { ...result, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/export.xlsx',
    {
      schema: {
        tags: ['members'],
        summary: 'Xuất đúng danh sách đã lọc ra tệp XLSX',
        querystring: ZMemberListQuery.extend({
          purpose: z.string().trim().min(3, 'Cần ghi rõ mục đích xuất dữ liệu.').max(300),
        }),
      },
      config: { permission: 'member.export' },
    },
    async (request, reply) => {
      const { purpose, ...query } = request.query;
      const stream = await exportMembersXlsx({ db, actor: actorOf(request), query, purpose });
      const date = new Date().toISOString().slice(0, 10);
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="danh-sach-dang-vien-${date}.xlsx"`);
      return reply.send(stream);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['members'],
        summary: 'Hồ sơ đảng viên và lịch sử sự kiện',
        params: ZIdParams,
        response: { 200: ZMemberDetail },
      },
      config: { permission: 'member.read' },
    },
    async (request) => getMemberDetail({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/',
    {
      schema: {
        tags: ['members'],
        summary: 'Thêm đảng viên (kết nạp mới hoặc chuyển đến)',
        body: ZMemberCreate,
        response: { 200: z.object({ id: z.number() }) },
      },
      config: { permission: 'member.write' },
    },
    async (request) => createMember({ db, actor: actorOf(request), input: request.body }),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags: ['members'],
        summary: 'Sửa hồ sơ đảng viên (kiểm tra phiên bản: 409 nếu người khác đã sửa)',
        params: ZIdParams,
        body: ZMemberUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'member.write' },
    },
    async (request) =>
      updateMember({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/:id/events',
    {
      schema: {
        tags: ['members'],
        summary: 'Ghi một sự kiện (chuyển sinh hoạt, miễn sinh hoạt, từ trần…)',
        params: ZIdParams,
        body: ZMemberEventInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'member.write' },
    },
    async (request) =>
      addMemberEvent({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/:id/events/:eventId/presented',
    {
      schema: {
        tags: ['members'],
        summary: 'Xác nhận đảng viên đã xuất trình giấy giới thiệu sinh hoạt đảng',
        params: ZIdParams.extend({ eventId: ZId }),
        body: z.object({ presentedOn: ZIsoDate }),
        response: { 200: z.object({ ok: z.literal(true), late: z.boolean() }) },
      },
      config: { permission: 'member.write' },
    },
    async (request) =>
      confirmLetterPresented({
        db,
        actor: actorOf(request),
        id: request.params.id,
        eventId: request.params.eventId,
        presentedOn: request.body.presentedOn,
      }),
  );
};
