import type { z } from 'zod';
import type { ZAuditQuery } from '../../../contracts/audit';
import {
  auditActionLabel,
  auditRecordKindLabel,
  auditRecordLink,
} from '../../../domain/audit/action-labels';
import { toLikeKey } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';

type Query = z.infer<typeof ZAuditQuery>;

/**
 * The log, newest first, in the administrator's words: the action's Vietnamese label, the account's
 * name, the record's kind, name and page. The stored entry (what is hashed) is returned unchanged.
 */
export const listAudit = async (db: DbOrTx, actor: Actor, q: Query) => {
  const parts = [
    // Records about units outside the administrator's subtree stay hidden.
    sql`(a.org_unit_id is null or exists (select 1 from org_units o where o.id = a.org_unit_id and ${inScope(actor, sql`o.path`)}))`,
  ];
  if (q.entityType) parts.push(sql`a.entity_type = ${q.entityType}`);
  if (q.entityId) parts.push(sql`a.entity_id = ${q.entityId}`);
  if (q.userId) parts.push(sql`a.user_id = ${q.userId}`);
  if (q.action) parts.push(sql`a.action = ${q.action}`);
  // The days are Vietnam's (UTC+7, no summer time), whatever the database session's time zone:
  // an entry at 00:30 on the 8th in Hà Nội is 17:30 on the 7th in UTC.
  if (q.from) parts.push(sql`a.at >= ${`${q.from}T00:00:00+07:00`}::timestamptz`);
  if (q.to) parts.push(sql`a.at < ${`${q.to}T00:00:00+07:00`}::timestamptz + interval '1 day'`);
  const where = sql.join(parts, sql` and `);
  const rows = await queryRows<{
    id: number;
    at: Date | string;
    user_id: number | null;
    username: string | null;
    user_display_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    entity_name: string | null;
    org_unit_id: number | null;
    org_unit_name: string | null;
    before: unknown;
    after: unknown;
    meta: unknown;
    ip: string | null;
  }>(
    db,
    sql`with page as (
          select a.*, substring(a.entity_id from '^[0-9]{1,9}$')::int as eid
          from audit_log a where ${where} order by a.id desc
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize})
        select p.id, p.at, p.user_id, p.username, u.display_name as user_display_name, p.action,
          p.entity_type, p.entity_id, p.org_unit_id, ou.name as org_unit_name,
          p.before, p.after, p.meta, p.ip,
          case p.entity_type
            when 'member' then (select m.full_name from members m where m.id = p.eid)
            when 'user' then (select x.display_name || ' (' || x.username || ')' from users x where x.id = p.eid)
            when 'applicant' then (select ap.full_name from applicants ap where ap.id = p.eid)
            when 'org_unit' then (select o.name from org_units o where o.id = p.eid)
            when 'inspection_case' then (select c.title from inspection_cases c where c.id = p.eid)
            when 'resolution' then (select r.title from resolutions r where r.id = p.eid)
          end as entity_name
        from page p
        left join users u on u.id = p.user_id
        left join org_units ou on ou.id = p.org_unit_id
        order by p.id desc`,
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
      userDisplayName: r.user_display_name,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entityType: r.entity_type,
      entityTypeLabel: auditRecordKindLabel(r.entity_type),
      entityId: r.entity_id,
      entityName: r.entity_name,
      entityLink: auditRecordLink(r.entity_type, r.entity_id),
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      before: r.before,
      after: r.after,
      meta: r.meta,
      ip: r.ip,
    })),
  };
};

/**
 * Accounts to pick as "who acted": those whose scope lies in the administrator's subtree, found by
 * name or username without regard to diacritics ("nguyen van" finds "Nguyễn Văn…").
 */
export const searchAuditUsers = async (
  db: DbOrTx,
  actor: Actor,
  q: { q?: string; id?: number },
) => {
  const like = q.q?.trim() ? `%${toLikeKey(q.q.trim())}%` : null;
  const rows = await queryRows<{
    id: number;
    username: string;
    display_name: string;
    role: string;
  }>(
    db,
    sql`select u.id, u.username, u.display_name, u.role from users u
        join org_units o on o.id = u.scope_org_unit_id
        where ${inScope(actor, sql`o.path`)}
          ${q.id ? sql`and u.id = ${q.id}` : sql``}
          ${like ? sql`and (lower(immutable_unaccent(u.display_name)) like ${like} or lower(u.username) like ${like})` : sql``}
        order by u.display_name, u.id limit 30`,
  );
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      username: r.username,
      displayName: r.display_name,
      role: r.role,
    })),
  };
};
