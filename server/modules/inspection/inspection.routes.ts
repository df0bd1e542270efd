import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZIsoDate } from '../../../contracts/common';
import {
  ZCaseDetail,
  ZCaseFromItemInput,
  ZCaseInput,
  ZCaseList,
  ZCaseQuery,
  ZCaseStepInput,
  ZComplaintInput,
  ZComplaintOutcome,
  ZConclusionInput,
  ZDisciplineCheck,
  ZDisciplineInput,
  ZDisciplineList,
  ZDisciplineQuery,
  ZFigureRecords,
  ZFigureRecordsQuery,
  ZFigures,
  ZFiguresQuery,
  ZProgrammeInput,
  ZProgrammeItemInput,
  ZProgrammeList,
  ZProgrammeQuery,
  ZRecommendationUpdate,
  ZTeamCandidateQuery,
  ZTeamCandidates,
} from '../../../contracts/inspection';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { getCaseDetail, listCases } from './case-access';
import {
  createCase,
  createCaseFromItem,
  listTeamCandidates,
  publishCase,
  recordCaseStep,
  recordConclusion,
  updateRecommendation,
} from './case-changes.service';
import {
  decideComplaint,
  fileComplaint,
  listDiscipline,
  previewDiscipline,
  recordDiscipline,
} from './discipline.service';
import { getFigureRecords, getFigures } from './figures.service';
import { addProgrammeItem, createProgramme, listProgrammes } from './programmes.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const ZCreated = z.object({ id: z.number() });
const ZMessage = z.object({ id: z.number(), message: z.string() });
const tags = ['inspection'];

export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Chương trình kiểm tra, giám sát (toàn khóa, hằng năm) và các mục',
        querystring: ZProgrammeQuery,
        response: { 200: ZProgrammeList },
      },
      config: { permission: 'inspection.read' },
    },
    async (request) => listProgrammes({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Lập chương trình kiểm tra, giám sát',
        body: ZProgrammeInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'inspection.programme' },
    },
    async (request) => createProgramme({ db, actor: actorOf(request), input: request.body }),
  );
  app.post(
    '/programmes/:id/items',
    {
      schema: {
        tags,
        summary: 'Thêm một mục vào chương trình',
        params: ZIdParams,
        body: ZProgrammeItemInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'inspection.programme' },
    },
    async (request) =>
      addProgrammeItem({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/programme-items/:id/case',
    {
      schema: {
        tags,
        summary: 'Lập cuộc kiểm tra, giám sát từ một mục của chương trình',
        params: ZIdParams,
        body: ZCaseFromItemInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) =>
      createCaseFromItem({
        db,
        actor: actorOf(request),
        itemId: request.params.id,
        input: request.body,
      }),
  );
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Các cuộc kiểm tra, giám sát (mỗi vai trò thấy theo nguyên tắc cần biết)',
        querystring: ZCaseQuery,
        response: { 200: ZCaseList },
      },
      config: { permission: 'inspection.read' },
    },
    async (request) => listCases({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Lập cuộc kiểm tra, giám sát ngoài chương trình',
        body: ZCaseInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) => createCase({ db, actor: actorOf(request), input: request.body }),
  );
  app.get(
    '/team-candidates',
    {
      schema: {
        tags,
        summary: 'Tài khoản có thể cử vào đoàn kiểm tra, giám sát (trong phạm vi)',
        querystring: ZTeamCandidateQuery,
        response: { 200: ZTeamCandidates },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) => ({
      items: await listTeamCandidates({ db, actor: actorOf(request), q: request.query.q }),
    }),
  );
  app.get(
    '/cases/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ cuộc kiểm tra, giám sát (mở hồ sơ được ghi nhật ký)',
        params: ZIdParams,
        response: { 200: ZCaseDetail },
      },
      config: { permission: 'inspection.read' },
    },
    async (request) => getCaseDetail({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.post(
    '/cases/:id/steps',
    {
      schema: {
        tags,
        summary: 'Ghi một bước của cuộc kiểm tra, giám sát',
        params: ZIdParams,
        body: ZCaseStepInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) =>
      recordCaseStep({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/cases/:id/conclusion',
    {
      schema: {
        tags,
        summary: 'Ghi kết luận, thông báo kết luận và các kiến nghị',
        params: ZIdParams,
        body: ZConclusionInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) =>
      recordConclusion({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/cases/:id/publish',
    {
      schema: {
        tags,
        summary: 'Thông báo kết quả cho tổ chức, đảng viên liên quan',
        params: ZIdParams,
        body: z.object({ publishedOn: ZIsoDate, version: z.number().int() }),
        response: { 200: ZSaved },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) =>
      publishCase({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.put(
    '/recommendations/:id',
    {
      schema: {
        tags,
        summary: 'Theo dõi thực hiện kiến nghị',
        params: ZIdParams,
        body: ZRecommendationUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'inspection.write' },
    },
    async (request) =>
      updateRecommendation({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );
  app.get(
    '/discipline',
    {
      schema: {
        tags,
        summary: 'Sổ theo dõi kỷ luật (đọc được ghi nhật ký)',
        querystring: ZDisciplineQuery,
        response: { 200: ZDisciplineList },
      },
      config: { permission: 'discipline.read' },
    },
    async (request) => listDiscipline({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/discipline/check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra hình thức, thẩm quyền, thời hiệu trước khi ghi quyết định',
        body: ZDisciplineInput,
        response: { 200: ZDisciplineCheck },
      },
      config: { permission: 'discipline.decide' },
    },
    async (request) => previewDiscipline({ db, actor: actorOf(request), input: request.body }),
  );
  app.post(
    '/discipline',
    {
      schema: {
        tags,
        summary:
          'Ghi đề nghị hoặc quyết định kỷ luật (khai trừ ghi vào lý lịch; giải tán đóng tổ chức)',
        body: ZDisciplineInput,
        response: { 200: ZMessage },
      },
      config: { permission: 'discipline.decide' },
    },
    async (request) => recordDiscipline({ db, actor: actorOf(request), input: request.body }),
  );
  app.post(
    '/discipline/:id/complaints',
    {
      schema: {
        tags,
        summary: 'Ghi khiếu nại về quyết định kỷ luật (thời hạn 1 tháng)',
        params: ZIdParams,
        body: ZComplaintInput,
        response: { 200: ZMessage.extend({ accepted: z.boolean() }) },
      },
      config: { permission: 'discipline.decide' },
    },
    async (request) =>
      fileComplaint({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.put(
    '/complaints/:id',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả giải quyết khiếu nại',
        params: ZIdParams,
        body: ZComplaintOutcome,
        response: { 200: ZMessage },
      },
      config: { permission: 'discipline.decide' },
    },
    async (request) =>
      decideComplaint({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.get(
    '/figures',
    {
      schema: {
        tags,
        summary: 'Số liệu kiểm tra, giám sát, kỷ luật của một đảng bộ trong năm',
        querystring: ZFiguresQuery,
        response: { 200: ZFigures },
      },
      config: { permission: 'inspection.figures' },
    },
    async (request) => getFigures({ db, actor: actorOf(request), ...request.query }),
  );
  app.get(
    '/figures/records',
    {
      schema: {
        tags,
        summary: 'Danh sách bản ghi đứng sau một con số',
        querystring: ZFigureRecordsQuery,
        response: { 200: ZFigureRecords },
      },
      config: { permission: 'inspection.figures' },
    },
    async (request) => getFigureRecords({ db, actor: actorOf(request), ...request.query }),
  );
};
