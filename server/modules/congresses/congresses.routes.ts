// /api/congresses: rounds, each unit's congress (status flow, documents, personnel plan) and the
// progress board. Elections and delegates are registered by their own routes (elections.*, delegates.*).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../../contracts/common';
import {
  ZBoard,
  ZBoardQuery,
  ZCongressDetail,
  ZCongressDocumentInput,
  ZCongressDocumentParams,
  ZCongressDocumentSaved,
  ZCongressFileUpload,
  ZCongressList,
  ZCongressQuery,
  ZCongressUpdate,
  ZPersonnelPlanUpdate,
  ZRegisterCongress,
  ZRound,
  ZRoundCreated,
  ZRoundInput,
  ZRoundList,
  ZRoundQuery,
  ZRoundUpdate,
  ZStatusChange,
} from '../../../contracts/congresses';
import { z } from '../../../contracts/zod-vi';
import { congressStatuses } from '../../../domain/enums/congresses';
import { actorOf } from '../../platform/http/context';
import { readDocument, sendAttachment, uploadDocument } from '../attachments';
import { getBoard } from './board.queries';
import { getCongress, listCongresses } from './congresses.queries';
import {
  addDocument,
  changeStatus,
  removeDocument,
  updateCongress,
  updatePersonnelPlan,
} from './congresses.service';
import { createRound, getRound, listRounds, registerCongress, updateRound } from './rounds.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const tags = ['congresses'];

export const congressesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/rounds',
    {
      schema: {
        tags,
        summary: 'Các đợt đại hội của cấp mình và cấp trên',
        querystring: ZRoundQuery,
        response: { 200: ZRoundList },
      },
      config: { permission: 'congress.read' },
    },
    async (request) => listRounds({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/rounds',
    {
      schema: {
        tags,
        summary: 'Lập đợt đại hội (có thể đăng ký đại hội của mọi tổ chức trong cây cùng lúc)',
        body: ZRoundInput,
        response: { 200: ZRoundCreated },
      },
      config: { permission: 'congress.round' },
    },
    async (request) => createRound({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/rounds/:id',
    {
      schema: { tags, summary: 'Đợt đại hội', params: ZIdParams, response: { 200: ZRound } },
      config: { permission: 'congress.read' },
    },
    async (request) => getRound({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đợt đại hội (chỉ thị, kế hoạch, thời hạn theo cấp)',
        params: ZIdParams,
        body: ZRoundUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'congress.round' },
    },
    async (request) =>
      updateRound({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/rounds/:id/congresses',
    {
      schema: {
        tags,
        summary: 'Đăng ký đại hội của một tổ chức trong đợt',
        params: ZIdParams,
        body: ZRegisterCongress,
        response: { 200: ZSaved },
      },
      config: { permission: 'congress.round' },
    },
    async (request) =>
      registerCongress({
        db,
        actor: actorOf(request),
        roundId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/board',
    {
      schema: {
        tags,
        summary: 'Tiến độ đại hội theo cấp và theo đơn vị trực thuộc, đến một ngày',
        querystring: ZBoardQuery,
        response: { 200: ZBoard },
      },
      config: { permission: 'congress.read' },
    },
    async (request) => getBoard({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Tải lên tệp văn kiện đại hội (PDF, ảnh, Word; tối đa 10 MB)',
        body: ZCongressFileUpload,
        response: { 200: z.object({ id: z.number(), fileName: z.string(), size: z.number() }) },
      },
      config: { permission: 'congress.write' },
      bodyLimit: 15 * 1024 * 1024,
    },
    async (request) => uploadDocument({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/documents/:id',
    {
      schema: { tags, summary: 'Tải về tệp văn kiện đại hội', params: ZIdParams },
      config: { permission: 'congress.read' },
    },
    async (request, reply) => {
      const doc = await readDocument(db, actorOf(request), request.params.id);
      return sendAttachment(reply, doc);
    },
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Danh sách đại hội (lọc theo đợt, trạng thái, cấp, chậm tiến độ)',
        querystring: ZCongressQuery,
        response: { 200: ZCongressList },
      },
      config: { permission: 'congress.read' },
    },
    async (request) => listCongresses({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Đại hội của một tổ chức: thông tin, tiến độ, văn kiện, đề án nhân sự',
        params: ZIdParams,
        response: { 200: ZCongressDetail },
      },
      config: { permission: 'congress.read' },
    },
    async (request) => getCongress({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đại hội',
        params: ZIdParams,
        body: ZCongressUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      updateCongress({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.put(
    '/:id/personnel-plan',
    {
      schema: {
        tags,
        summary:
          'Đề án nhân sự: số lượng cấp ủy, ban thường vụ, phó bí thư, ủy ban kiểm tra, cơ cấu',
        params: ZIdParams,
        body: ZPersonnelPlanUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      updatePersonnelPlan({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/:id/status',
    {
      schema: {
        tags,
        summary:
          'Chuyển bước đại hội: cấp trên duyệt kế hoạch, đã tổ chức, cấp trên chuẩn y kết quả; trả lại bước trước',
        params: ZIdParams,
        body: ZStatusChange,
        response: { 200: ZSaved.extend({ status: z.enum(congressStatuses) }) },
      },
      // Who may take the step depends on the step (service): recording it held, congress.write;
      // approvals and back-steps, congress.approve at the upper level.
      config: { permission: 'congress.read' },
    },
    async (request) =>
      changeStatus({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/:id/documents',
    {
      schema: {
        tags,
        summary: 'Ghi văn kiện đại hội (nghị quyết đại hội mở nhiệm kỳ trong kế hoạch)',
        params: ZIdParams,
        body: ZCongressDocumentInput,
        response: { 200: ZCongressDocumentSaved },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      addDocument({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.delete(
    '/:id/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Xóa văn kiện khỏi đại hội',
        params: ZCongressDocumentParams,
        response: { 200: ZOk },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      removeDocument({
        db,
        actor: actorOf(request),
        id: request.params.id,
        documentId: request.params.documentId,
      }),
  );
};
