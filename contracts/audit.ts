import { ZId, ZIsoDate, ZPageQuery } from './common';
import { z } from './zod-vi';

export const ZAuditQuery = ZPageQuery.extend({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  userId: ZId.optional(),
  action: z.string().max(50).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

export const ZAuditRow = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  meta: z.unknown(),
  ip: z.string().nullable(),
});
export const ZAuditList = z.object({ items: z.array(ZAuditRow), total: z.number() });
export const ZAuditVerify = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().nullable(),
});
