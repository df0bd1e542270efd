import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../../contracts/common';
import {
  ZActionProgrammeInput,
  ZCoverage,
  ZCoverageQuery,
  ZDocumentUpload,
  ZMyReflections,
  ZProgressReportInput,
  ZReflectionInput,
  ZReflectionRoster,
  ZResolutionDetail,
  ZResolutionFields,
  ZResolutionList,
  ZResolutionQuery,
  ZResolutionUpdate,
  ZSessionInput,
  ZUnitRecord,
  ZUnitRecordQuery,
} from '../../../contracts/resolutions';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { sendAttachment, uploadDocument } from '../attachments';
import {
  createResolution,
  getCoverage,
  getReflectionRoster,
  getResolution,
  getUnitRecord,
  listMyReflections,
  listResolutions,
  readResolutionDocument,
  recordActionProgramme,
  recordProgressReport,
  recordSession,
  submitReflection,
  updateResolution,
} from './resolutions.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const ZCreated = z.object({ id: z.number() });
const tags = ['resolutions'];

export const resolutionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Sổ nghị quyết, chỉ thị, kết luận với tiến độ quán triệt trong phạm vi của mình',
        querystring: ZResolutionQuery,
        response: { 200: ZResolutionList },
      },
      config: { permission: 'resolution.read' },
    },
    async (request) => listResolutions({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Đăng ký văn bản và kế hoạch quán triệt',
        body: ZResolutionFields,
        response: { 200: ZSaved },
      },
      config: { permission: 'resolution.write' },
    },
    async (request) => createResolution({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/reflections/mine',
    {
      schema: {
        tags,
        summary: 'Bài thu hoạch của tôi: các văn bản chi bộ phải học tập',
        response: { 200: ZMyReflections },
      },
      config: { permission: 'reflection.submit' },
    },
    async (request) => listMyReflections({ db, actor: actorOf(request) }),
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary:
          'Tải lên tệp văn bản, chương trình hành động, biên bản (PDF, ảnh, Word; tối đa 10 MB)',
        body: ZDocumentUpload,
        response: { 200: z.object({ id: z.number(), fileName: z.string(), size: z.number() }) },
      },
      config: { permission: 'dissemination.record' },
      bodyLimit: 15 * 1024 * 1024,
    },
    async (request) => uploadDocument({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/documents/:id',
    {
      schema: { tags, summary: 'Tải về tệp đính kèm', params: ZIdParams },
      config: { permission: 'resolution.read' },
    },
    async (request, reply) => {
      const doc = await readResolutionDocument(db, actorOf(request), request.params.id);
      return sendAttachment(reply, doc);
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết văn bản và kế hoạch quán triệt',
        params: ZIdParams,
        response: { 200: ZResolutionDetail },
      },
      config: { permission: 'resolution.read' },
    },
    async (request) => getResolution({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản và kế hoạch quán triệt',
        params: ZIdParams,
        body: ZResolutionUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'resolution.write' },
    },
    async (request) =>
      updateResolution({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/:id/coverage',
    {
      schema: {
        tags,
        summary: 'Kết quả quán triệt của một cây con tại một ngày, chi tiết đến từng đơn vị',
        params: ZIdParams,
        querystring: ZCoverageQuery,
        response: { 200: ZCoverage },
      },
      config: { permission: 'resolution.read' },
    },
    async (request) =>
      getCoverage({ db, actor: actorOf(request), id: request.params.id, ...request.query }),
  );

  app.get(
    '/:id/unit-record',
    {
      schema: {
        tags,
        summary: 'Hội nghị quán triệt, chương trình hành động, báo cáo của một đơn vị',
        params: ZIdParams,
        querystring: ZUnitRecordQuery,
        response: { 200: ZUnitRecord },
      },
      config: { permission: 'resolution.read' },
    },
    async (request) =>
      getUnitRecord({
        db,
        actor: actorOf(request),
        id: request.params.id,
        orgUnitId: request.query.orgUnitId,
      }),
  );

  app.post(
    '/:id/sessions',
    {
      schema: {
        tags,
        summary: 'Ghi nhận hội nghị quán triệt, học tập của đơn vị',
        params: ZIdParams,
        body: ZSessionInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'dissemination.record' },
    },
    async (request) =>
      recordSession({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.put(
    '/:id/action-programme',
    {
      schema: {
        tags,
        summary: 'Ghi nhận chương trình hành động, kế hoạch thực hiện của đơn vị',
        params: ZIdParams,
        body: ZActionProgrammeInput,
        response: { 200: ZOk },
      },
      config: { permission: 'dissemination.record' },
    },
    async (request) =>
      recordActionProgramme({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/:id/progress-reports',
    {
      schema: {
        tags,
        summary: 'Ghi nhận báo cáo sơ kết, tổng kết việc thực hiện của đơn vị',
        params: ZIdParams,
        body: ZProgressReportInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'dissemination.record' },
    },
    async (request) =>
      recordProgressReport({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/:id/reflections',
    {
      schema: {
        tags,
        summary: 'Đảng viên của đơn vị đã, chưa nộp bài thu hoạch',
        params: ZIdParams,
        querystring: ZUnitRecordQuery,
        response: { 200: ZReflectionRoster },
      },
      config: { permission: 'member.list' },
    },
    async (request) =>
      getReflectionRoster({
        db,
        actor: actorOf(request),
        id: request.params.id,
        orgUnitId: request.query.orgUnitId,
      }),
  );

  app.put(
    '/:id/reflection',
    {
      schema: {
        tags,
        summary: 'Nộp hoặc sửa bài thu hoạch của mình',
        params: ZIdParams,
        body: ZReflectionInput,
        response: { 200: ZOk },
      },
      config: { permission: 'reflection.submit' },
    },
    async (request) =>
      submitReflection({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
};
