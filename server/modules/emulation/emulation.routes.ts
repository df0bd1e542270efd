import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZIdParams, ZOk } from '../../../contracts/common';
import {
  ZCommendationDecision,
  ZCommendationDetail,
  ZCommendationInput,
  ZCommendationList,
  ZCommendationQuery,
  ZCommendationReview,
  ZEligibility,
  ZEligibilityQuery,
  ZMovementDetail,
  ZMovementFields,
  ZMovementList,
  ZMovementQuery,
  ZMovementUpdate,
  ZRegistrationExportQuery,
  ZRegistrationInput,
  ZRegistrationList,
  ZRegistrationQuery,
} from '../../../contracts/emulation';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import {
  decideCommendation,
  getCommendation,
  listCommendations,
  previewEligibility,
  proposeCommendation,
  reviewCommendation,
} from './commendations.service';
import {
  createMovement,
  deleteRegistration,
  getMovement,
  listMovements,
  registerInMovement,
  updateMovement,
} from './movements.service';
import { exportRegistrationsXlsx, listRegistrations } from './registrations-list.queries';

const ZSaved = z.object({ id: z.number(), version: z.number() });
const ZCreated = z.object({ id: z.number() });
const tags = ['emulation'];

export const emulationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/movements',
    {
      schema: {
        tags,
        summary: 'Các phong trào thi đua của cấp ủy mình và cấp trên, với số đăng ký và mô hình',
        querystring: ZMovementQuery,
        response: { 200: ZMovementList },
      },
      config: { permission: 'emulation.read' },
    },
    async (request) => listMovements({ db, actor: actorOf(request), ...request.query }),
  );

  app.post(
    '/movements',
    {
      schema: {
        tags,
        summary: 'Phát động phong trào thi đua',
        body: ZMovementFields,
        response: { 200: ZSaved },
      },
      config: { permission: 'emulation.write' },
    },
    async (request) => createMovement({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/movements/:id',
    {
      schema: {
        tags,
        summary: 'Phong trào thi đua: tiêu chí, số đơn vị và đảng viên đăng ký, mô hình',
        params: ZIdParams,
        response: { 200: ZMovementDetail },
      },
      config: { permission: 'emulation.read' },
    },
    async (request) => getMovement({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.put(
    '/movements/:id',
    {
      schema: {
        tags,
        summary: 'Sửa phong trào thi đua',
        params: ZIdParams,
        body: ZMovementUpdate,
        response: { 200: ZSaved },
      },
      config: { permission: 'emulation.write' },
    },
    async (request) =>
      updateMovement({ db, actor: actorOf(request), id: request.params.id, input: request.body }),
  );

  app.get(
    '/movements/:id/registrations',
    {
      schema: {
        tags,
        summary:
          'Đơn vị, đảng viên đăng ký thi đua trong phạm vi của mình: lọc theo đơn vị, loại, từ khóa; phân trang',
        params: ZIdParams,
        querystring: ZRegistrationQuery,
        response: { 200: ZRegistrationList },
      },
      config: { permission: 'emulation.read' },
    },
    async (request) =>
      listRegistrations({
        db,
        actor: actorOf(request),
        id: request.params.id,
        query: request.query,
      }),
  );

  app.get(
    '/movements/:id/registrations.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất đúng danh sách đăng ký thi đua đã lọc ra tệp XLSX',
        params: ZIdParams,
        querystring: ZRegistrationExportQuery,
      },
      config: { permission: 'emulation.read' },
    },
    async (request, reply) => {
      const { buffer } = await exportRegistrationsXlsx({
        db,
        actor: actorOf(request),
        id: request.params.id,
        query: request.query,
      });
      reply
        .header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'Content-Disposition',
          `attachment; filename="dang-ky-thi-dua-${request.params.id}.xlsx"`,
        );
      return reply.send(buffer);
    },
  );

  app.post(
    '/movements/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Đăng ký thi đua của đơn vị hoặc đảng viên',
        params: ZIdParams,
        body: ZRegistrationInput,
        response: { 200: ZCreated },
      },
      config: { permission: 'emulation.register' },
    },
    async (request) =>
      registerInMovement({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.delete(
    '/registrations/:id',
    {
      schema: {
        tags,
        summary: 'Xóa đăng ký thi đua nhập nhầm',
        params: ZIdParams,
        response: { 200: ZOk },
      },
      config: { permission: 'emulation.register' },
    },
    async (request) => deleteRegistration({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.get(
    '/commendations',
    {
      schema: {
        tags,
        summary: 'Sổ khen thưởng tổ chức đảng, đảng viên trong phạm vi của mình',
        querystring: ZCommendationQuery,
        response: { 200: ZCommendationList },
      },
      config: { permission: 'commendation.read' },
    },
    async (request) => listCommendations({ db, actor: actorOf(request), ...request.query }),
  );

  app.get(
    '/commendations/eligibility',
    {
      schema: {
        tags,
        summary: 'Đối chiếu điều kiện khen thưởng với kết quả xếp loại đã quyết định',
        querystring: ZEligibilityQuery,
        response: { 200: ZEligibility },
      },
      config: { permission: 'commendation.read' },
    },
    async (request) => previewEligibility({ db, actor: actorOf(request), query: request.query }),
  );

  app.post(
    '/commendations',
    {
      schema: {
        tags,
        summary: 'Đề nghị khen thưởng',
        body: ZCommendationInput,
        response: { 200: ZSaved },
      },
      config: { permission: 'commendation.propose' },
    },
    async (request) => proposeCommendation({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/commendations/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ khen thưởng và đối chiếu điều kiện',
        params: ZIdParams,
        response: { 200: ZCommendationDetail },
      },
      config: { permission: 'commendation.read' },
    },
    async (request) => getCommendation({ db, actor: actorOf(request), id: request.params.id }),
  );

  app.post(
    '/commendations/:id/review',
    {
      schema: {
        tags,
        summary: 'Thẩm định hồ sơ khen thưởng',
        params: ZIdParams,
        body: ZCommendationReview,
        response: { 200: ZSaved },
      },
      config: { permission: 'commendation.decide' },
    },
    async (request) =>
      reviewCommendation({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );

  app.post(
    '/commendations/:id/decision',
    {
      schema: {
        tags,
        summary: 'Quyết định khen thưởng hoặc không khen thưởng',
        params: ZIdParams,
        body: ZCommendationDecision,
        response: { 200: ZSaved },
      },
      config: { permission: 'commendation.decide' },
    },
    async (request) =>
      decideCommendation({
        db,
        actor: actorOf(request),
        id: request.params.id,
        input: request.body,
      }),
  );
};
