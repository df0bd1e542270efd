import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZReconDecided,
  ZReconDecisionInput,
  ZReconFile,
  ZReconItems,
  ZReconItemsQuery,
  ZReconLayout,
  ZReconRunCreate,
  ZReconRunDetail,
  ZReconRunId,
  ZReconRunList,
} from '../../../contracts/reconciliation';
import { todayIso } from '../../platform/clock';
import { actorOf } from '../../platform/http/context';
import { exportReconSummaryXlsx } from './reconciliation.export';
import { getReconRun, listReconItems, listReconRuns } from './reconciliation.queries';
import { createReconRun, decideReconItem, readReconLayout } from './reconciliation.service';

const tags = ['reconciliation'];
/** Base64 of the largest file (15 MB) and the JSON around it. */
const bodyLimit = 24 * 1024 * 1024;

export const reconciliationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const permission = 'reconciliation.run' as const;

  app.post(
    '/read',
    {
      schema: {
        tags,
        summary: 'Đọc tệp xuất từ CSDL đảng viên: dòng tiêu đề, đề xuất ghép cột, vài dòng mẫu',
        body: ZReconFile,
        response: { 200: ZReconLayout },
      },
      config: { permission },
      bodyLimit,
    },
    async (request) => readReconLayout(request.body),
  );

  app.post(
    '/runs',
    {
      schema: {
        tags,
        summary: 'Đối chiếu tệp với hồ sơ đảng viên trong phạm vi và lưu lần đối chiếu',
        body: ZReconRunCreate,
        response: { 200: ZReconRunId },
      },
      config: { permission },
      bodyLimit,
    },
    async (request) => createReconRun({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/runs',
    {
      schema: {
        tags,
        summary: 'Các lần đối chiếu trong phạm vi',
        response: { 200: ZReconRunList },
      },
      config: { permission },
    },
    async (request) => listReconRuns(db, actorOf(request)),
  );

  app.get(
    '/runs/:id',
    {
      schema: {
        tags,
        summary: 'Một lần đối chiếu: số liệu và tổng hợp theo đơn vị',
        params: ZIdParams,
        response: { 200: ZReconRunDetail },
      },
      config: { permission },
    },
    async (request) => getReconRun(db, actorOf(request), request.params.id),
  );

  app.get(
    '/runs/:id/items',
    {
      schema: {
        tags,
        summary:
          'Các mục của một nhóm (khác nhau, chỉ có ở ta, chỉ có trong CSDL, khớp, ngoài phạm vi)',
        params: ZIdParams,
        querystring: ZReconItemsQuery,
        response: { 200: ZReconItems },
      },
      config: { permission },
    },
    async (request) => listReconItems(db, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/runs/:id/summary.xlsx',
    {
      schema: { tags, summary: 'Tổng hợp khác nhau theo đơn vị (XLSX)', params: ZIdParams },
      config: { permission },
    },
    async (request, reply) => {
      const buffer = await exportReconSummaryXlsx(db, actorOf(request), request.params.id);
      return reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="doi-chieu-csdl-${request.params.id}-${todayIso()}.xlsx"`,
        )
        .send(buffer);
    },
  );

  app.post(
    '/items/:id/decision',
    {
      schema: {
        tags,
        summary: 'Quyết định một mục: sửa theo CSDL, giữ của ta, hoặc đã xử lý ngoài hệ thống',
        params: ZIdParams,
        body: ZReconDecisionInput,
        response: { 200: ZReconDecided },
      },
      config: { permission },
    },
    async (request) =>
      decideReconItem({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
};
