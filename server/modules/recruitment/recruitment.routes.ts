import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../../contracts/common';
import {
  ZApplicantDetail,
  ZApplicantFields,
  ZApplicantUpdate,
  ZBoard,
  ZBoardQuery,
  ZDocumentUpload,
  ZStepInput,
  ZStopInput,
  ZTargetInput,
  ZTargetQuery,
  ZTargetReport,
} from '../../../contracts/recruitment';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { readDocument, sendAttachment, uploadDocument } from '../attachments';
import {
  createApplicant,
  getApplicantDetail,
  getBoard,
  recordStep,
  stopApplicant,
  updateApplicant,
} from './recruitment.service';
import { getTargetReport, setTarget } from './targets.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const tags = ['recruitment'];

export const recruitmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/board',
    {
      schema: {
        tags,
        summary: 'Bảng theo dõi phát triển đảng viên: người xin vào Đảng theo bước, hạn sắp đến',
        querystring: ZBoardQuery,
        response: { 200: ZBoard },
      },
      config: { permission: 'recruitment.read' },
    },
    async (request) => getBoard({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/applicants',
    {
      schema: {
        tags,
        summary: 'Thêm quần chúng ưu tú vào danh sách tạo nguồn',
        body: ZApplicantFields,
        response: { 200: ZSaved },
      },
      config: { permission: 'recruitment.write' },
    },
    async (request) => createApplicant({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/applicants/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ người xin vào Đảng: các bước, văn bản, thời hạn',
        params: ZIdParams,
        response: { 200: ZApplicantDetail },
      },
      config: { permission: 'recruitment.read' },
    },
    async (request) => getApplicantDetail({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/applicants/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin người xin vào Đảng',
        params: ZIdParams,
        body: ZApplicantUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'recruitment.write' },
    },
    async (request) =>
      updateApplicant({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/applicants/:id/steps',
    {
      schema: {
        tags,
        summary: 'Ghi một bước (ngày, văn bản, biểu quyết); quyết định kết nạp tạo đảng viên dự bị',
        params: ZIdParams,
        body: ZStepInput,
        response: {
          200: ZSaved.extend({
            outcome: z.enum(['passed', 'failed']),
            message: z.string(),
            memberId: z.number().nullable(),
          }),
        },
      },
      config: { permission: 'recruitment.write' },
    },
    async (request) =>
      recordStep({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/applicants/:id/stop',
    {
      schema: {
        tags,
        summary: 'Dừng xét; với đảng viên dự bị là xóa tên',
        params: ZIdParams,
        body: ZStopInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'recruitment.write' },
    },
    async (request) =>
      stopApplicant({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Tải lên văn bản đính kèm (PDF, ảnh, Word; tối đa 10 MB)',
        body: ZDocumentUpload,
        response: { 200: z.object({ id: z.number(), fileName: z.string(), size: z.number() }) },
      },
      config: { permission: 'recruitment.write' },
      bodyLimit: 15 * 1024 * 1024,
    },
    async (request) => uploadDocument({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/documents/:id',
    {
      schema: { tags, summary: 'Tải về văn bản đính kèm', params: ZIdParams },
      config: { permission: 'recruitment.read' },
    },
    async (request, reply) => {
      const doc = await readDocument(db, actorOf(request), request.params.id);
      return sendAttachment(reply, doc);
    },
  );

  app.get(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu kết nạp và kết quả thực hiện của một cây con',
        querystring: ZTargetQuery,
        response: { 200: ZTargetReport },
      },
      config: { permission: 'recruitment.read' },
    },
    async (request) => getTargetReport({ db, actor: actorOf(request), ...request.query }),
  );

  app.put(
    '/targets',
    {
      schema: {
        tags,
        summary: 'Giao chỉ tiêu kết nạp năm cho một tổ chức',
        body: ZTargetInput,
        response: { 200: ZOk },
      },
      config: { permission: 'target.write' },
    },
    async (request) => setTarget({ db, actor: actorOf(request), input: request.body }),
  );
};
