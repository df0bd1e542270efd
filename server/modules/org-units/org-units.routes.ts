import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZId, ZIdParams, ZIsoDate } from '../../../contracts/common';
import {
  ZOrgOperation,
  ZOrgOperationResult,
  ZOrgOperationsResponse,
  ZOrgSearchQuery,
  ZOrgSearchResponse,
  ZOrgUnitDetail,
  ZTreeQuery,
  ZTreeResponse,
} from '../../../contracts/org-units';
import { z } from '../../../contracts/zod-vi';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { actorOf } from '../../platform/http/context';
import { findChildrenAsOf, findCurrentChildren, searchUnits } from './org-units.queries';
import { applyOrgOperation, getOrgUnitDetail, listOrgOperations } from './org-units.service';

export const orgUnitsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/tree',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Các tổ chức trực thuộc (hoặc gốc phạm vi), theo ngày',
        querystring: ZTreeQuery,
        response: { 200: ZTreeResponse },
      },
      config: { permission: 'org.read' },
    },
    async (request) => {
      const actor = actorOf(request);
      const today = todayIso();
      const asOf = request.query.asOf ?? today;
      if (request.query.parentId !== undefined)
        await getUnitInScope(db, actor, request.query.parentId);
      const nodes =
        asOf >= today
          ? await findCurrentChildren(db, actor, request.query.parentId)
          : await findChildrenAsOf(db, actor, request.query.parentId, asOf);
      return { asOf, nodes };
    },
  );

  app.get(
    '/search',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Tìm tổ chức theo tên (không dấu)',
        querystring: ZOrgSearchQuery,
        response: { 200: ZOrgSearchResponse },
      },
      config: { permission: 'org.read' },
    },
    async (request) =>
      searchUnits(db, actorOf(request), {
        q: request.query.q,
        asOf: request.query.asOf ?? todayIso(),
        kinds: request.query.kind,
        page: request.query.page,
        pageSize: request.query.pageSize,
      }),
  );

  app.get(
    '/operations',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Các quyết định sắp xếp tổ chức trong phạm vi',
        querystring: z.object({ orgUnitId: ZId.optional() }),
        response: { 200: ZOrgOperationsResponse },
      },
      config: { permission: 'org.read' },
    },
    async (request) => ({
      items: await listOrgOperations({
        db,
        actor: actorOf(request),
        orgUnitId: request.query.orgUnitId,
      }),
    }),
  );

  app.post(
    '/operations',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Thành lập, đổi tên, điều chuyển, hợp nhất, chia tách, giải thể',
        body: ZOrgOperation,
        response: { 200: ZOrgOperationResult },
      },
      config: { permission: 'org.restructure' },
    },
    async (request) => applyOrgOperation({ db, actor: actorOf(request), input: request.body }),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Thông tin tổ chức và lịch sử',
        params: ZIdParams,
        querystring: z.object({ asOf: ZIsoDate.optional() }),
        response: { 200: ZOrgUnitDetail },
      },
      config: { permission: 'org.read' },
    },
    async (request) =>
      getOrgUnitDetail({
        db,
        actor: actorOf(request),
        id: request.params.id,
        asOf: request.query.asOf ?? todayIso(),
      }),
  );
};
