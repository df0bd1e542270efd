import { ZId, ZIsoDate, ZPageQuery } from './common';
import { z } from './zod-vi';

export const ZAuditQuery = ZPageQuery.extend({
  /** A record kind (`member`, `inspection_case`…), chosen from the page's list of kinds. */
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  /** The person who acted, chosen with the user picker (`GET /api/audit/users`). */
  userId: ZId.optional(),
  /** An action code, chosen from the labelled list (domain/audit/action-labels.ts). */
  action: z.string().max(50).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});

export const ZAuditRow = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  /** The account's display name today (the log keeps the username as it was). */
  userDisplayName: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityTypeLabel: z.string(),
  entityId: z.string().nullable(),
  /** What the record is called (a member's or account's name, a unit's, a case's title) when known. */
  entityName: z.string().nullable(),
  /** The page where the record is seen, when it has one. */
  entityLink: z.string().nullable(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
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

export const ZAuditUsersQuery = z.object({
  /** Part of the name or username, with or without diacritics. */
  q: z.string().max(100).optional(),
  /** The chosen account, so that the picker can show its name. */
  id: ZId.optional(),
});
export const ZAuditUsers = z.object({
  items: z.array(
    z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string() }),
  ),
});
