import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOverview, ZOverviewQuery } from '../../../contracts/overview';
import { actorOf } from '../../platform/http/context';
import { lagTolerantDb } from '../../platform/http/read-routing';
import { getOverview } from './overview.service';

export const overviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['overview'],
        summary: 'Số liệu tổng hợp đảng viên của một cây con tại một ngày',
        querystring: ZOverviewQuery,
        response: { 200: ZOverview },
      },
      config: { permission: 'overview.read', cache: true },
    },
    async (request) =>
      getOverview({
        db: lagTolerantDb(request),
        actor: actorOf(request),
        orgUnitId: request.query.orgUnitId,
        asOf: request.query.asOf,
      }),
  );
};
