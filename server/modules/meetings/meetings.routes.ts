import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZAttendanceQuery,
  ZAttendanceReport,
  ZMeetingDetail,
  ZMeetingExportQuery,
  ZMeetingInput,
  ZMeetingList,
  ZMeetingQuery,
  ZMeetingUpdate,
  ZRoster,
  ZRosterQuery,
} from '../../../contracts/meetings';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import {
  createMeeting,
  getAttendanceReport,
  getMeeting,
  getRoster,
  updateMeeting,
} from './meetings.service';
import { exportMeetingsXlsx, listMeetings } from './meetings-list.queries';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const tags = ['meetings'];

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Các cuộc họp, hội nghị, buổi sinh hoạt chi bộ của một cây con',
        querystring: ZMeetingQuery,
        response: { 200: ZMeetingList },
      },
      config: { permission: 'meeting.read' },
    },
    async (request) => listMeetings({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất đúng danh sách cuộc họp đã lọc ra tệp XLSX, nhóm theo đơn vị',
        querystring: ZMeetingExportQuery,
      },
      config: { permission: 'meeting.read' },
    },
    async (request, reply) => {
      const { buffer } = await exportMeetingsXlsx({
        db,
        actor: actorOf(request),
        query: request.query,
      });
      const year = request.query.from?.slice(0, 4);
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="hoi-nghi-sinh-hoat${year ? `-${year}` : ''}.xlsx"`,
        );
      return reply.send(buffer);
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Ghi một cuộc họp: điểm danh, nghị quyết, biên bản',
        body: ZMeetingInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'meeting.write' },
    },
    async (request) => createMeeting({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/roster',
    {
      schema: {
        tags,
        summary: 'Đảng viên của chi bộ vào một ngày (để điểm danh)',
        querystring: ZRosterQuery,
        response: { 200: ZRoster },
      },
      config: { permission: 'meeting.read' },
    },
    async (request) => getRoster({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/attendance',
    {
      schema: {
        tags,
        summary: 'Tỷ lệ đảng viên dự sinh hoạt theo chi bộ và tháng; các tháng không sinh hoạt',
        querystring: ZAttendanceQuery,
        response: { 200: ZAttendanceReport },
      },
      config: { permission: 'meeting.read' },
    },
    async (request) => getAttendanceReport({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết cuộc họp',
        params: ZIdParams,
        response: { 200: ZMeetingDetail },
      },
      config: { permission: 'meeting.read' },
    },
    async (request) => getMeeting({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa cuộc họp',
        params: ZIdParams,
        body: ZMeetingUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'meeting.write' },
    },
    async (request) =>
      updateMeeting({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
};
