import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZAppraisalInput,
  ZCampaignDetail,
  ZCampaignInput,
  ZCampaignList,
  ZCampaignQuery,
  ZCampaignUpdate,
  ZComplaintInput,
  ZComplaintResolution,
  ZDecisionCheck,
  ZDecisionInput,
  ZPublishInput,
  ZRecordDetail,
  ZRecordList,
  ZRecordQuery,
  ZResults,
  ZResultsQuery,
  ZReviewInput,
  ZSaved,
  ZSavedMany,
  ZSelfAssessmentInput,
} from '../../../contracts/evaluations';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { getCampaign, listCampaigns, openCampaign, updateCampaign } from './campaigns.service';
import { fileComplaint, resolveComplaint } from './complaints.service';
import { checkDecision, decide, publish } from './decision.service';
import { getResults } from './evaluation.queries';
import { getRecord, listRecords } from './records.service';
import { appraise, review, selfAssess } from './steps.service';

const tags = ['evaluations'];
const ZOpened = z.object({ id: z.number(), version: z.number(), records: z.number() });

export const evaluationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Các đợt kiểm điểm, đánh giá, xếp loại (trong phạm vi hoặc bao trùm phạm vi)',
        querystring: ZCampaignQuery,
        response: { 200: ZCampaignList },
      },
      config: { permission: 'evaluation.read' },
    },
    async (request) => listCampaigns({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary:
          'Mở đợt đánh giá, xếp loại cho một phạm vi và một kỳ (tạo hồ sơ cho mọi đối tượng)',
        body: ZCampaignInput,
        response: { 200: ZOpened },
      },
      config: { permission: 'evaluation.manage' },
    },
    async (request) => openCampaign({ db, actor: actorOf(request), input: request.body }),
  );
  app.get(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Đợt đánh giá: thời hạn, tham số năm, tiến độ theo đơn vị',
        params: ZIdParams,
        response: { 200: ZCampaignDetail },
      },
      config: { permission: 'evaluation.read' },
    },
    async (request) => getCampaign({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.put(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thời hạn, tham số năm hoặc kết thúc đợt đánh giá',
        params: ZIdParams,
        body: ZCampaignUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'evaluation.manage' },
    },
    async (request) =>
      updateCampaign({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/campaigns/:id/decision-check',
    {
      schema: {
        tags,
        summary: 'Kiểm tra trước khi quyết định: tỷ lệ HTXSNV và thứ tự đánh giá',
        params: ZIdParams,
        body: ZDecisionInput,
        response: { 200: ZDecisionCheck },
      },
      config: { permission: 'evaluation.decide' },
    },
    async (request) =>
      checkDecision({
        db,
        actor: actorOf(request),
        campaignId: request.params.id,
        input: request.body,
      }),
  );
  app.post(
    '/campaigns/:id/decisions',
    {
      schema: {
        tags,
        summary: 'Quyết định xếp loại (kiểm tra tỷ lệ HTXSNV và thứ tự)',
        params: ZIdParams,
        body: ZDecisionInput,
        response: { 200: ZSavedMany },
      },
      config: { permission: 'evaluation.decide' },
    },
    async (request) =>
      decide({ db, actor: actorOf(request), campaignId: request.params.id, input: request.body }),
  );
  app.post(
    '/campaigns/:id/publication',
    {
      schema: {
        tags,
        summary: 'Công bố kết quả xếp loại',
        params: ZIdParams,
        body: ZPublishInput,
        response: { 200: ZSavedMany },
      },
      config: { permission: 'evaluation.decide' },
    },
    async (request) =>
      publish({ db, actor: actorOf(request), campaignId: request.params.id, input: request.body }),
  );
  app.get(
    '/records',
    {
      schema: {
        tags,
        summary: 'Hồ sơ đánh giá, xếp loại (lọc theo đợt, đơn vị, năm, loại đối tượng, mức)',
        querystring: ZRecordQuery,
        response: { 200: ZRecordList },
      },
      config: { permission: 'evaluation.read' },
    },
    async (request) => listRecords({ db, actor: actorOf(request), query: request.query }),
  );
  app.get(
    '/records/:id',
    {
      schema: {
        tags,
        summary: 'Một hồ sơ: dữ kiện, đề xuất của quy định, các bước, khiếu nại',
        params: ZIdParams,
        response: { 200: ZRecordDetail },
      },
      config: { permission: 'evaluation.read' },
    },
    async (request) => getRecord({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.post(
    '/records/:id/self-assessment',
    {
      schema: {
        tags,
        summary: 'Tự đánh giá, xếp loại (đảng viên tự nhập, hoặc nhập thay)',
        params: ZIdParams,
        body: ZSelfAssessmentInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'evaluation.self' },
    },
    async (request) =>
      selfAssess({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/records/:id/review',
    {
      schema: {
        tags,
        summary: 'Kiểm điểm, đánh giá tại hội nghị chi bộ / cấp ủy (biểu quyết)',
        params: ZIdParams,
        body: ZReviewInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'evaluation.review' },
    },
    async (request) =>
      review({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/records/:id/appraisal',
    {
      schema: {
        tags,
        summary: 'Thẩm định của cơ quan tổ chức',
        params: ZIdParams,
        body: ZAppraisalInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'evaluation.appraise' },
    },
    async (request) =>
      appraise({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/records/:id/complaints',
    {
      schema: {
        tags,
        summary: 'Khiếu nại kết quả xếp loại đã công bố',
        params: ZIdParams,
        body: ZComplaintInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'evaluation.complain' },
    },
    async (request) =>
      fileComplaint({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/complaints/:id/resolution',
    {
      schema: {
        tags,
        summary: 'Giải quyết khiếu nại (cấp trên thẩm tra lại)',
        params: ZIdParams,
        body: ZComplaintResolution,
        response: { 200: ZSaved },
      },
      config: { permission: 'evaluation.resolve' },
    },
    async (request) =>
      resolveComplaint({
        db,
        actor: actorOf(request),
        complaintId: request.params.id,
        input: request.body,
      }),
  );
  app.get(
    '/results',
    {
      schema: {
        tags,
        summary:
          'Kết quả xếp loại: số lượng, tỷ lệ mỗi mức; các diện không xếp loại (mẫu 6F-BTCTW)',
        querystring: ZResultsQuery,
        response: { 200: ZResults },
      },
      config: { permission: 'evaluation.results' },
    },
    async (request) => getResults({ db, actor: actorOf(request), query: request.query }),
  );
};
