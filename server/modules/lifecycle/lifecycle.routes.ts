import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../../contracts/common';
import {
  ZBadgeAward,
  ZBadgeList,
  ZBadgeQuery,
  ZCardEventInput,
  ZDuesPaymentsInput,
  ZDuesProfileInput,
  ZDuesSheet,
  ZDuesSheetQuery,
  ZMemberLifecycle,
  ZReminders,
  ZRemindersQuery,
  ZUnsalariedAmounts,
  ZUnsalariedAmountsInput,
} from '../../../contracts/lifecycle';
import {
  ZRemittanceComparison,
  ZRemittanceDeleteQuery,
  ZRemittanceInput,
  ZRemittanceQuery,
  ZRemittanceShare,
  ZRemittanceShareInput,
  ZRemittanceUpdate,
} from '../../../contracts/remittances';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import { listBadgeCandidates, recordBadgeAward } from './badges.service';
import {
  getDuesSheet,
  getUnsalariedAmounts,
  recordDuesPayments,
  saveDuesProfile,
  saveUnsalariedAmounts,
} from './dues.service';
import { getMemberLifecycle, recordCardEvent } from './member-lifecycle.service';
import { exportRemindersXlsx } from './reminders.export';
import { listReminders } from './reminders.service';
import { exportRemittancesXlsx } from './remittances.export';
import { getRemittanceComparison, getRemittanceShare } from './remittances.queries';
import {
  deleteRemittance,
  recordRemittance,
  saveRemittanceShare,
  updateRemittance,
} from './remittances.service';

const tags = ['lifecycle'];

export const lifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/reminders',
    {
      schema: {
        tags,
        summary: 'Việc cần làm: các mốc, thời hạn theo quy định trong một cây con',
        querystring: ZRemindersQuery,
        response: { 200: ZReminders },
      },
      config: { permission: 'recruitment.read' },
    },
    async (request) => listReminders({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/reminders/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất đúng danh sách việc cần làm đã lọc ra tệp XLSX',
        querystring: ZRemindersQuery.omit({ page: true, pageSize: true }),
      },
      config: { permission: 'recruitment.read' },
    },
    async (request, reply) => {
      const buffer = await exportRemindersXlsx({
        db,
        actor: actorOf(request),
        query: request.query,
      });
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', `attachment; filename="viec-can-lam.xlsx"`);
      return reply.send(buffer);
    },
  );

  app.get(
    '/badges',
    {
      schema: {
        tags,
        summary: 'Đảng viên đủ điều kiện xét tặng Huy hiệu Đảng tại một đợt trao',
        querystring: ZBadgeQuery,
        response: { 200: ZBadgeList },
      },
      config: { permission: 'member.list' },
    },
    async (request) => listBadgeCandidates({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/badges',
    {
      schema: {
        tags,
        summary: 'Ghi nhận trao Huy hiệu Đảng',
        body: ZBadgeAward,
        response: { 200: z.object({ id: z.number() }) },
      },
      config: { permission: 'lifecycle.write' },
    },
    async (request) => recordBadgeAward({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/members/:id',
    {
      schema: {
        tags,
        summary: 'Thẻ đảng, huy hiệu và đảng phí của một đảng viên',
        params: ZIdParams,
        response: { 200: ZMemberLifecycle },
      },
      config: { permission: 'member.read' },
    },
    async (request) => getMemberLifecycle(db, actorOf(request), request.params.id),
  );

  app.post(
    '/members/:id/card-events',
    {
      schema: {
        tags,
        summary: 'Phát, cấp lại, đổi hoặc thu hồi thẻ đảng viên',
        params: ZIdParams,
        body: ZCardEventInput,
        response: { 200: z.object({ id: z.number(), version: z.number() }) },
      },
      config: { permission: 'lifecycle.write' },
    },
    async (request) =>
      recordCardEvent({
        db,
        actor: actorOf(request),
        memberId: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/members/:id/dues-profile',
    {
      schema: {
        tags,
        summary: 'Căn cứ tính đảng phí của đảng viên (mức lương, đối tượng, miễn, giảm)',
        params: ZIdParams,
        body: ZDuesProfileInput,
        response: { 200: ZOk },
      },
      config: { permission: 'dues.write' },
    },
    async (request) =>
      saveDuesProfile({
        db,
        actor: actorOf(request),
        memberId: request.params.id,
        input: request.body,
      }),
  );

  app.get(
    '/dues',
    {
      schema: {
        tags,
        summary: 'Sổ thu đảng phí của chi bộ trong một tháng',
        querystring: ZDuesSheetQuery,
        response: { 200: ZDuesSheet },
      },
      config: { permission: 'member.list' },
    },
    async (request) => getDuesSheet({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/dues/amounts',
    {
      schema: {
        tags,
        summary:
          'Mức đảng phí cố định (học sinh, sinh viên; đảng viên ngoài nhóm hưởng lương, lương hưu) theo Quy định 01-QĐ/TW và văn bản làm căn cứ',
        response: { 200: ZUnsalariedAmounts },
      },
      config: { permission: 'member.list' },
    },
    async () => getUnsalariedAmounts(db),
  );

  app.put(
    '/dues/amounts',
    {
      schema: {
        tags,
        summary: 'Quản trị viên cập nhật mức đảng phí cố định theo văn bản hướng dẫn',
        body: ZUnsalariedAmountsInput,
        response: { 200: ZOk },
      },
      config: { permission: 'dues.amounts' },
    },
    async (request) => saveUnsalariedAmounts({ db, actor: actorOf(request), input: request.body }),
  );

  app.post(
    '/dues/payments',
    {
      schema: {
        tags,
        summary: 'Ghi đảng phí đã thu của chi bộ trong tháng (tất cả hoặc không)',
        body: ZDuesPaymentsInput,
        response: { 200: z.object({ count: z.number(), total: z.number(), message: z.string() }) },
      },
      config: { permission: 'dues.write' },
    },
    async (request) => recordDuesPayments({ db, actor: actorOf(request), input: request.body }),
  );
  // Đảng phí remitted upward by grassroots organisations (docs/domain/dues.md).
  app.get(
    '/dues/remittances',
    {
      schema: {
        tags,
        summary:
          'Nộp đảng phí lên cấp trên: phải nộp, đã nộp, chênh lệch của từng tổ chức cơ sở đảng trong năm',
        querystring: ZRemittanceQuery,
        response: { 200: ZRemittanceComparison },
      },
      config: { permission: 'remittance.read' },
    },
    async (request) =>
      getRemittanceComparison({ db, actor: actorOf(request), query: request.query }),
  );

  app.get(
    '/dues/remittances/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất bảng đối chiếu nộp đảng phí lên cấp trên ra tệp XLSX',
        querystring: ZRemittanceQuery,
      },
      config: { permission: 'remittance.read' },
    },
    async (request, reply) => {
      const buffer = await exportRemittancesXlsx({
        db,
        actor: actorOf(request),
        query: request.query,
      });
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="nop-dang-phi-cap-tren-${request.query.year}.xlsx"`,
        );
      return reply.send(buffer);
    },
  );

  app.post(
    '/dues/remittances',
    {
      schema: {
        tags,
        summary: 'Văn phòng cấp ủy ghi khoản đảng phí tổ chức cơ sở đảng đã nộp lên',
        body: ZRemittanceInput,
        response: { 200: z.object({ id: z.number(), version: z.number() }) },
      },
      config: { permission: 'remittance.write' },
    },
    async (request) => recordRemittance({ db, actor: actorOf(request), input: request.body }),
  );

  app.put(
    '/dues/remittances/:id',
    {
      schema: {
        tags,
        summary: 'Sửa khoản đảng phí đã nộp lên (kiểm tra phiên bản)',
        params: ZIdParams,
        body: ZRemittanceUpdate,
        response: { 200: z.object({ id: z.number(), version: z.number() }) },
      },
      config: { permission: 'remittance.write' },
    },
    async (request) =>
      updateRemittance({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.delete(
    '/dues/remittances/:id',
    {
      schema: {
        tags,
        summary: 'Xóa khoản đảng phí ghi nhầm',
        params: ZIdParams,
        querystring: ZRemittanceDeleteQuery,
        response: { 200: ZOk },
      },
      config: { permission: 'remittance.write' },
    },
    async (request) =>
      deleteRemittance({
        db,
        actor: actorOf(request),
        id: request.params.id,
        version: request.query.version,
      }),
  );

  app.get(
    '/dues/remittance-share',
    {
      schema: {
        tags,
        summary:
          'Tỷ lệ tổ chức cơ sở đảng trích giữ lại theo Quy định 01-QĐ/TW (cài đặt) và văn bản làm căn cứ',
        response: { 200: ZRemittanceShare },
      },
      config: { permission: 'remittance.read' },
    },
    async () => getRemittanceShare(db),
  );

  app.put(
    '/dues/remittance-share',
    {
      schema: {
        tags,
        summary: 'Quản trị viên cập nhật tỷ lệ trích giữ lại, nộp lên theo văn bản hướng dẫn',
        body: ZRemittanceShareInput,
        response: { 200: ZOk },
      },
      config: { permission: 'dues.amounts' },
    },
    async (request) => saveRemittanceShare({ db, actor: actorOf(request), input: request.body }),
  );
};
