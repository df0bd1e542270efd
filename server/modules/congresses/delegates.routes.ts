// Routes of a congress of delegates' delegates (prefix /api/congresses): allocations per lower
// unit, the elected delegates taken from the lower congresses, ex-officio and appointed delegates,
// the credentials check.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOk } from '../../../contracts/common';
import {
  ZAllocationsInput,
  ZCongressParams,
  ZCredentialsInput,
  ZDelegateBoard,
  ZDelegateInput,
  ZDelegateParams,
  ZElectedDelegatesInput,
  ZSavedElection,
} from '../../../contracts/congress-elections';
import { z } from '../../../contracts/zod-vi';
import { actorOf } from '../../platform/http/context';
import {
  addDelegate,
  getDelegateBoard,
  markCredentials,
  removeDelegate,
  setAllocations,
  takeElectedDelegates,
} from './delegates.service';

const tags = ['congresses'];

export const congressDelegatesRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/:id/delegates',
    {
      schema: {
        tags,
        summary: 'Đại biểu theo đơn vị: phân bổ, được bầu, thẩm tra tư cách',
        params: ZCongressParams,
        response: { 200: ZDelegateBoard },
      },
      config: { permission: 'congress.read' },
    },
    async (request) =>
      getDelegateBoard({ db, actor: actorOf(request), congressId: request.params.id }),
  );

  app.put(
    '/:id/delegates/allocations',
    {
      schema: {
        tags,
        summary: 'Phân bổ số đại biểu chính thức và dự khuyết cho các tổ chức đảng trực thuộc',
        params: ZCongressParams,
        body: ZAllocationsInput,
        response: { 200: ZOk },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      setAllocations({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        allocations: request.body.allocations,
      }),
  );

  app.post(
    '/:id/delegates/elected',
    {
      schema: {
        tags,
        summary: 'Lấy các đại biểu được đại hội cấp dưới bầu vào danh sách đại biểu',
        params: ZCongressParams,
        body: ZElectedDelegatesInput,
        response: { 200: z.object({ added: z.number() }) },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      takeElectedDelegates({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        fromOrgUnitId: request.body.fromOrgUnitId,
      }),
  );

  app.post(
    '/:id/delegates',
    {
      schema: {
        tags,
        summary: 'Thêm đại biểu đương nhiên (cấp ủy viên) hoặc chỉ định',
        params: ZCongressParams,
        body: ZDelegateInput,
        response: { 200: ZSavedElection },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      addDelegate({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        input: request.body,
      }),
  );

  app.put(
    '/:id/delegates/:delegateId/credentials',
    {
      schema: {
        tags,
        summary: 'Thẩm tra tư cách đại biểu: đủ hoặc không đủ tư cách, kèm ghi chú',
        params: ZDelegateParams,
        body: ZCredentialsInput,
        response: { 200: ZSavedElection },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      markCredentials({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        delegateId: request.params.delegateId,
        input: request.body,
      }),
  );

  app.delete(
    '/:id/delegates/:delegateId',
    {
      schema: {
        tags,
        summary: 'Xóa một đại biểu khỏi danh sách',
        params: ZDelegateParams,
        response: { 200: ZOk },
      },
      config: { permission: 'congress.write' },
    },
    async (request) =>
      removeDelegate({
        db,
        actor: actorOf(request),
        congressId: request.params.id,
        delegateId: request.params.delegateId,
      }),
  );
};
