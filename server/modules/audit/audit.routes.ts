import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditList, ZAuditQuery, ZAuditVerify } from '../../../contracts/audit';
import { queryOne, queryRows, sql } from '../../db/client';
import { inScope } from '../../platform/access/scope';
import { verifyAuditChain } from '../../platform/audit/audit';
import { actorOf } from '../../platform/http/context';

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
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const parts = [
        // Records about units outside the administrator's subtree stay hidden.
        sql`(a.org_unit_id is null or exists (select 1 from org_units o where o.id = a.org_unit_id and ${inScope(actor, sql`o.path`)}))`,
      ];
      if (q.entityType) parts.push(sql`a.entity_type = ${q.entityType}`);
      if (q.entityId) parts.push(sql`a.entity_id = ${q.entityId}`);
      if (q.userId) parts.push(sql`a.user_id = ${q.userId}`);
      if (q.action) parts.push(sql`a.action = ${q.action}`);
      if (q.from) parts.push(sql`a.at >= ${q.from}::date`);
      if (q.to) parts.push(sql`a.at < ${q.to}::date + 1`);
      const where = sql.join(parts, sql` and `);
      const rows = await queryRows<{
        id: number;
        at: Date | string;
        user_id: number | null;
        username: string | null;
        action: string;
        entity_type: string;
        entity_id: string | null;
        org_unit_id: number | null;
        before: unknown;
        after: unknown;
        meta: unknown;
        ip: string | null;
      }>(
        db,
        sql`select id, at, user_id, username, action, entity_type, entity_id, org_unit_id, before, after, meta, ip
                 from audit_log a where ${where} order by id desc
                 limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
      );
      const total = await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from audit_log a where ${where}`,
      );
      return {
        total: total?.n ?? 0,
        items: rows.map((r) => ({
          id: Number(r.id),
          at: new Date(r.at).toISOString(),
          userId: r.user_id,
          username: r.username,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          orgUnitId: r.org_unit_id,
          before: r.before,
          after: r.after,
          meta: r.meta,
          ip: r.ip,
        })),
      };
    },
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
