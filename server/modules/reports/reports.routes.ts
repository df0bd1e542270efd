import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZEvidence,
  ZExportQuery,
  ZGenerateInput,
  ZIssued,
  ZIssueInput,
  ZJob,
  ZJobParams,
  ZJobStarted,
  ZReportDraft,
  ZReportDraftResult,
  ZReportQuery,
  ZSaved,
  ZTextsInput,
} from '../../../contracts/reports';
import { actorOf } from '../../platform/http/context';
import {
  exportReport,
  getDraft,
  getDraftById,
  getEvidence,
  getJob,
  issueReport,
  saveTexts,
  startGeneration,
} from './reports.service';

const tags = ['reports'];

export const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/annual',
    {
      schema: {
        tags,
        summary: 'Bản nháp báo cáo tổng kết năm của một tổ chức (mô hình văn bản và số liệu)',
        querystring: ZReportQuery,
        response: { 200: ZReportDraftResult },
      },
      config: { permission: 'report.read' },
    },
    async (request) => getDraft({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/annual/generate',
    {
      schema: {
        tags,
        summary: 'Lập (hoặc lập lại) số liệu báo cáo: chạy nền, theo dõi tiến trình qua /jobs/{id}',
        body: ZGenerateInput,
        response: { 200: ZJobStarted },
      },
      config: { permission: 'report.write' },
    },
    async (request) => startGeneration({ db, actor: actorOf(request), input: request.body }),
  );
  app.get(
    '/jobs/:id',
    {
      schema: {
        tags,
        summary: 'Tiến trình lập báo cáo (các bước)',
        params: ZJobParams,
        response: { 200: ZJob },
      },
      config: { permission: 'report.write' },
    },
    async (request) => getJob({ actor: actorOf(request), id: request.params.id }),
  );
  app.get(
    '/annual/:id',
    {
      schema: {
        tags,
        summary: 'Một bản nháp báo cáo theo mã',
        params: ZIdParams,
        response: { 200: ZReportDraft },
      },
      config: { permission: 'report.read' },
    },
    async (request) => getDraftById({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.put(
    '/annual/:id/texts',
    {
      schema: {
        tags,
        summary: 'Lưu các phần nội dung do Văn phòng viết (giữ nguyên khi lập lại số liệu)',
        params: ZIdParams,
        body: ZTextsInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'report.write' },
    },
    async (request) =>
      saveTexts({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.get(
    '/annual/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Phụ lục chứng cứ: chỉ số, tham số và các bản ghi đứng sau từng số liệu',
        params: ZIdParams,
        response: { 200: ZEvidence },
      },
      config: { permission: 'report.read' },
    },
    async (request) => getEvidence({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.get(
    '/annual/:id/export',
    {
      schema: {
        tags,
        summary: 'Tải báo cáo (DOCX, PDF) hoặc phụ lục thống kê (XLSX)',
        params: ZIdParams,
        querystring: ZExportQuery,
      },
      config: { permission: 'report.read' },
    },
    async (request, reply) => {
      const file = await exportReport({
        db,
        actor: actorOf(request),
        id: request.params.id,
        format: request.query.format,
      });
      return reply
        .header('Content-Type', file.mimeType)
        .header('Content-Disposition', `attachment; filename="${file.fileName}"`)
        .send(file.content);
    },
  );
  app.post(
    '/annual/:id/issue',
    {
      schema: {
        tags,
        summary: 'Ban hành báo cáo: lấy số tiếp theo trong sổ văn bản (Số …-BC/…)',
        params: ZIdParams,
        body: ZIssueInput,
        response: { 200: ZIssued },
      },
      config: { permission: 'document.issue' },
    },
    async (request) =>
      issueReport({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
};
