import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams } from '../../../contracts/common';
import {
  ZAssignedTasks,
  ZAssignedTasksQuery,
  ZCascadeInput,
  ZDashboard,
  ZDashboardQuery,
  ZDecisionTaskInput,
  ZDeleted,
  ZKeyTaskInput,
  ZKeyTaskResult,
  ZKeyTaskUpdate,
  ZMetricList,
  ZMetricRecords,
  ZMetricRecordsQuery,
  ZTargetDetail,
  ZTargetDetailQuery,
  ZTargetInput,
  ZTargetUpdate,
  ZTermInput,
  ZTermList,
  ZTermQuery,
  ZTermUpdate,
  ZYearPlan,
  ZYearPlanRouteQuery,
} from '../../../contracts/plans';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { lagTolerantDb } from '../../platform/http/read-routing';
import { exportAssignedTasksXlsx, listAssignedTasks } from './assigned-tasks.queries';
import { getDashboard } from './dashboard.service';
import {
  createKeyTask,
  createTaskFromDecision,
  deleteKeyTask,
  recordTaskResult,
  updateKeyTask,
} from './key-tasks.service';
import { exportMetricRecordsXlsx } from './metric-records.export';
import {
  createTerm,
  getMetricRecords,
  getYearPlan,
  listMetrics,
  listTerms,
  updateTerm,
} from './plans.service';
import {
  cascadeTarget,
  createTarget,
  deleteTarget,
  getTargetDetail,
  updateTarget,
} from './targets.service';

const ZCreated = z.object({ id: z.number() });
const ZSaved = z.object({ id: z.number(), version: z.number() });
const tags = ['plans'];

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/metrics',
    {
      schema: {
        tags,
        summary: 'Danh mục chỉ số (mỗi chỉ số là một truy vấn có mô tả cách tính)',
        response: { 200: ZMetricList },
      },
      config: { permission: 'plans.read' },
    },
    async () => listMetrics(),
  );
  app.get(
    '/metric-records',
    {
      schema: {
        tags,
        summary: 'Giá trị của một chỉ số và danh sách bản ghi đứng sau con số',
        querystring: ZMetricRecordsQuery,
        response: { 200: ZMetricRecords },
      },
      config: { permission: 'plans.read' },
    },
    async (request) => getMetricRecords({ db, actor: actorOf(request), ...request.query }),
  );
  app.get(
    '/metric-records/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất ra tệp XLSX đúng các bản ghi đứng sau một con số',
        querystring: ZMetricRecordsQuery,
      },
      config: { permission: 'plans.read' },
    },
    async (request, reply) => {
      const { buffer } = await exportMetricRecordsXlsx({
        db,
        actor: actorOf(request),
        query: request.query,
      });
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="ban-ghi-${request.query.code.replace(/[^a-z0-9]+/gi, '-')}-${request.query.year}.xlsx"`,
        );
      return reply.send(buffer);
    },
  );
  app.get(
    '/terms',
    {
      schema: {
        tags,
        summary: 'Các nhiệm kỳ của tổ chức và cấp trên',
        querystring: ZTermQuery,
        response: { 200: ZTermList },
      },
      config: { permission: 'plans.read' },
    },
    async (request) => listTerms({ db, actor: actorOf(request), ...request.query }),
  );
  app.post(
    '/terms',
    {
      schema: { tags, summary: 'Thêm nhiệm kỳ', body: ZTermInput, response: { 200: ZCreated } },
      config: { permission: 'plans.write' },
    },
    async (request) => createTerm({ db, actor: actorOf(request), input: request.body }),
  );
  app.put(
    '/terms/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm kỳ (tên, năm, Nghị quyết Đại hội)',
        params: ZIdParams,
        body: ZTermUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'plans.write' },
    },
    async (request) =>
      updateTerm({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.get(
    '/year',
    {
      schema: {
        tags,
        summary:
          'Kế hoạch năm của một tổ chức: chỉ tiêu, nhiệm vụ trọng tâm, nhiệm vụ giao cấp dưới',
        querystring: ZYearPlanRouteQuery,
        response: { 200: ZYearPlan },
      },
      config: { permission: 'plans.read', cache: true },
    },
    async (request) => getYearPlan({ db, actor: actorOf(request), ...request.query }),
  );
  // Issue 22: the tasks handed down, filtered, grouped by receiving unit and paged; and their export.
  app.get(
    '/assigned-tasks',
    {
      schema: {
        tags,
        summary: 'Nhiệm vụ đã giao cho cấp dưới: lọc, nhóm theo đơn vị nhận, phân trang',
        querystring: ZAssignedTasksQuery,
        response: { 200: ZAssignedTasks },
      },
      config: { permission: 'plans.read', cache: true },
    },
    async (request) => listAssignedTasks({ db, actor: actorOf(request), query: request.query }),
  );
  app.get(
    '/assigned-tasks/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất đúng danh sách nhiệm vụ giao cấp dưới đã lọc ra tệp XLSX',
        querystring: ZAssignedTasksQuery.omit({ page: true, pageSize: true }),
      },
      config: { permission: 'plans.read' },
    },
    async (request, reply) => {
      const { buffer } = await exportAssignedTasksXlsx({
        db,
        actor: actorOf(request),
        query: request.query,
      });
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="nhiem-vu-giao-cap-duoi-${request.query.year}.xlsx"`,
        );
      return reply.send(buffer);
    },
  );
  app.post(
    '/targets',
    {
      schema: { tags, summary: 'Đặt chỉ tiêu', body: ZTargetInput, response: { 200: ZCreated } },
      config: { permission: 'plans.write' },
    },
    async (request) => createTarget({ db, actor: actorOf(request), input: request.body }),
  );
  app.get(
    '/targets/:id',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu: giá trị hiện tại, tình trạng, diễn biến trong năm, phân bổ, bản ghi',
        params: ZIdParams,
        querystring: ZTargetDetailQuery,
        response: { 200: ZTargetDetail },
      },
      config: { permission: 'plans.read' },
    },
    async (request) =>
      getTargetDetail({ db, actor: actorOf(request), id: request.params.id, ...request.query }),
  );
  app.put(
    '/targets/:id',
    {
      schema: {
        tags,
        summary: 'Sửa chỉ tiêu',
        params: ZIdParams,
        body: ZTargetUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'plans.write' },
    },
    async (request) =>
      updateTarget({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.delete(
    '/targets/:id',
    {
      schema: {
        tags,
        summary: 'Xóa chỉ tiêu cùng các chỉ tiêu đã giao cho cấp dưới từ chỉ tiêu đó',
        params: ZIdParams,
        response: { 200: ZDeleted },
      },
      config: { permission: 'plans.write' },
    },
    async (request) => deleteTarget({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.post(
    '/targets/:id/cascade',
    {
      schema: {
        tags,
        summary: 'Giao chỉ tiêu cho các tổ chức cấp dưới',
        params: ZIdParams,
        body: ZCascadeInput,
        response: {
          200: z.object({ id: z.number(), created: z.number(), updated: z.number() }),
        },
      },
      config: { permission: 'plans.write' },
    },
    async (request) =>
      cascadeTarget({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.post(
    '/tasks',
    {
      schema: {
        tags,
        summary: 'Thêm nhiệm vụ trọng tâm (tự đề ra hoặc cấp trên giao)',
        body: ZKeyTaskInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'plans.write' },
    },
    async (request) => createKeyTask({ db, actor: actorOf(request), input: request.body }),
  );
  app.post(
    '/tasks/from-decision',
    {
      schema: {
        tags,
        summary: 'Chuyển một nội dung nghị quyết của cuộc họp thành nhiệm vụ trọng tâm',
        body: ZDecisionTaskInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'plans.write' },
    },
    async (request) => createTaskFromDecision({ db, actor: actorOf(request), input: request.body }),
  );
  app.put(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Sửa nhiệm vụ trọng tâm (nội dung, yêu cầu, sản phẩm, phụ trách, hạn)',
        params: ZIdParams,
        body: ZKeyTaskUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'plans.write' },
    },
    async (request) =>
      updateKeyTask({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
  app.delete(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Xóa nhiệm vụ trọng tâm chưa ghi kết quả và chưa giao cho cấp dưới',
        params: ZIdParams,
        response: { 200: ZDeleted },
      },
      config: { permission: 'plans.write' },
    },
    async (request) => deleteKeyTask({ db, actor: actorOf(request), id: request.params.id }),
  );
  app.put(
    '/tasks/:id/result',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả thực hiện và đánh giá cuối năm của nhiệm vụ',
        params: ZIdParams,
        body: ZKeyTaskResult,
        response: { 200: ZSaved },
      },
      config: { permission: 'plans.result' },
    },
    async (request) =>
      recordTaskResult({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );
};

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['dashboard'],
        summary: 'Bảng điều hành: chỉ tiêu, nhiệm vụ, số liệu các mặt công tác và so sánh cùng kỳ',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
      config: { permission: 'plans.read', cache: true },
    },
    async (request) =>
      getDashboard({ db: lagTolerantDb(request), actor: actorOf(request), ...request.query }),
  );
};
