import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZActivityInput,
  ZActivityUpdate,
  ZCommitmentInput,
  ZCommitmentOutcome,
  ZDocumentUpload,
  ZEvidenceInput,
  ZModelDetail,
  ZModelInput,
  ZModelList,
  ZModelQuery,
  ZModelReview,
  ZOpinionNoteInput,
  ZOpinionNoteList,
  ZOpinionNoteQuery,
  ZOpinionNoteUpdate,
  ZProgrammeDetail,
  ZProgrammeDetailQuery,
  ZProgrammeInput,
  ZProgrammeList,
  ZProgrammeQuery,
  ZProgrammeUpdate,
  ZReviewInput,
  ZReviewUpdate,
} from '../../../contracts/education';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { readDocument, sendAttachment, uploadDocument } from '../attachments';
import {
  addModelEvidence,
  createOpinionNote,
  createProgramme,
  deleteActivity,
  deleteModelEvidence,
  deleteReview,
  getModel,
  getProgramme,
  listModels,
  listOpinionNotes,
  listProgrammes,
  recordActivity,
  recordCommitment,
  recordCommitmentOutcome,
  recordReview,
  registerModel,
  reviewModel,
  updateActivity,
  updateOpinionNote,
  updateProgramme,
  updateReview,
} from './education.service';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const ZCreated = z.object({ id: z.number() });
const tags = ['education'];

export const educationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Các chương trình học tập (chỉ thị, chuyên đề) của cấp ủy mình và cấp trên',
        querystring: ZProgrammeQuery,
        response: { 200: ZProgrammeList },
      },
      config: { permission: 'education.read' },
    },
    async (request) => listProgrammes({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Lập chương trình học tập và làm theo',
        body: ZProgrammeInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.programme' },
    },
    async (request) => createProgramme({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Một chương trình: hoạt động, độ bao phủ, cam kết, mô hình, sơ kết – tổng kết',
        params: ZIdParams,
        querystring: ZProgrammeDetailQuery,
        response: { 200: ZProgrammeDetail },
      },
      config: { permission: 'education.read' },
    },
    async (request) =>
      getProgramme({
        db,
        actor: actorOf(request),
        id: request.params.id,
        year: request.query.year,
      }),
  );

  app.put(
    '/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Sửa chương trình học tập',
        params: ZIdParams,
        body: ZProgrammeUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.programme' },
    },
    async (request) =>
      updateProgramme({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/programmes/:id/activities',
    {
      schema: {
        tags,
        summary: 'Ghi một hoạt động học tập, sinh hoạt chuyên đề của đơn vị',
        params: ZIdParams,
        body: ZActivityInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      recordActivity({
        db,
        actor: actorOf(request),
        programmeId: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Sửa một hoạt động học tập đã ghi',
        params: ZIdParams,
        body: ZActivityUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      updateActivity({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.delete(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Xóa một hoạt động học tập ghi nhầm',
        params: ZIdParams,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.record' },
    },
    async (request) => deleteActivity({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hội nghị sơ kết, tổng kết đã ghi',
        params: ZIdParams,
        body: ZReviewUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.programme' },
    },
    async (request) =>
      updateReview({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.delete(
    '/reviews/:id',
    {
      schema: {
        tags,
        summary: 'Xóa hội nghị sơ kết, tổng kết ghi nhầm',
        params: ZIdParams,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.programme' },
    },
    async (request) => deleteReview({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.delete(
    '/models/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Gỡ một minh chứng gắn nhầm khỏi mô hình (tệp vẫn được lưu)',
        params: ZIdParams.extend({ evidenceId: ZIdParams.shape.id }),
        response: { 200: ZCreated },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      deleteModelEvidence({
        db,
        actor: actorOf(request),
        id: request.params.id,
        evidenceId: request.params.evidenceId,
      }),
  );

  app.post(
    '/programmes/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Ghi bản cam kết tu dưỡng, rèn luyện, phấn đấu của đảng viên',
        params: ZIdParams,
        body: ZCommitmentInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      recordCommitment({
        db,
        actor: actorOf(request),
        programmeId: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/commitments/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả thực hiện cam kết cuối năm',
        params: ZIdParams,
        body: ZCommitmentOutcome,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      recordCommitmentOutcome({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/programmes/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Ghi hội nghị sơ kết, tổng kết (số liệu tính từ hồ sơ)',
        params: ZIdParams,
        body: ZReviewInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.programme' },
    },
    async (request) =>
      recordReview({
        db,
        actor: actorOf(request),
        programmeId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/models',
    {
      schema: {
        tags,
        summary: 'Sổ mô hình, điển hình trong phạm vi của mình',
        querystring: ZModelQuery,
        response: { 200: ZModelList },
      },
      config: { permission: 'education.read' },
    },
    async (request) => listModels({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/models',
    {
      schema: {
        tags,
        summary: 'Đăng ký mô hình, điển hình',
        body: ZModelInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.record' },
    },
    async (request) => registerModel({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/models/:id',
    {
      schema: {
        tags,
        summary: 'Một mô hình, điển hình và minh chứng',
        params: ZIdParams,
        response: { 200: ZModelDetail },
      },
      config: { permission: 'education.read' },
    },
    async (request) => getModel({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/models/:id/review',
    {
      schema: {
        tags,
        summary: 'Xét công nhận (hoặc không) mô hình, điển hình',
        params: ZIdParams,
        body: ZModelReview,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.review' },
    },
    async (request) =>
      reviewModel({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/models/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Thêm minh chứng (tệp đã tải lên) cho mô hình',
        params: ZIdParams,
        body: ZEvidenceInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      addModelEvidence({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Tải lên tệp minh chứng, báo cáo sơ kết (PDF, ảnh, Word; tối đa 10 MB)',
        body: ZDocumentUpload,
        response: { 200: z.object({ id: z.number(), fileName: z.string(), size: z.number() }) },
      },
      config: { permission: 'education.record' },
      bodyLimit: 15 * 1024 * 1024,
    },
    async (request) => uploadDocument({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/documents/:id',
    {
      schema: { tags, summary: 'Tải về tệp minh chứng', params: ZIdParams },
      config: { permission: 'education.read' },
    },
    async (request, reply) =>
      sendAttachment(reply, await readDocument(db, actorOf(request), request.params.id)),
  );

  app.get(
    '/opinion-notes',
    {
      schema: {
        tags,
        summary: 'Sổ ghi nhận dư luận xã hội, định hướng thông tin',
        querystring: ZOpinionNoteQuery,
        response: { 200: ZOpinionNoteList },
      },
      config: { permission: 'education.read' },
    },
    async (request) => listOpinionNotes({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/opinion-notes',
    {
      schema: {
        tags,
        summary: 'Ghi nhận một tình hình dư luận và định hướng',
        body: ZOpinionNoteInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.record' },
    },
    async (request) => createOpinionNote({ db, actor: actorOf(request), input: request.body }),
  );

  app.put(
    '/opinion-notes/:id',
    {
      schema: {
        tags,
        summary: 'Sửa ghi nhận dư luận',
        params: ZIdParams,
        body: ZOpinionNoteUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'education.record' },
    },
    async (request) =>
      updateOpinionNote({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );
};
