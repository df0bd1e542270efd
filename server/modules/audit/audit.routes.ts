import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAuditList,
  ZAuditQuery,
  ZAuditUsers,
  ZAuditUsersQuery,
  ZAuditVerify,
} from '../../../contracts/audit';
import { verifyAuditChain } from '../../platform/audit/audit';
import { actorOf } from '../../platform/http/context';
import { listAudit, searchAuditUsers } from './audit.queries';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác',
        querystring: ZAuditQuery,
        response: { 200: ZAuditList },
      },
      config: { permission: 'audit.read' },
    },
    async (request) => listAudit(db, actorOf(request), request.query),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['audit'],
        summary: 'Tìm tài khoản để lọc nhật ký theo người thực hiện',
        querystring: ZAuditUsersQuery,
        response: { 200: ZAuditUsers },
      },
      config: { permission: 'audit.read' },
    },
    async (request) => searchAuditUsers(db, actorOf(request), request.query),
  );

  app.get(
    '/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra chuỗi băm của nhật ký',
        response: { 200: ZAuditVerify },
      },
      config: { permission: 'audit.read' },
    },
    async () => verifyAuditChain(db),
  );
};
