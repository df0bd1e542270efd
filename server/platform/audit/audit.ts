import { createHash } from 'node:crypto';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../access/actor';

export type AuditEntry = {
  actor: Actor | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  orgUnitId?: number | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
};

const GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 730_001;

/** JSON with sorted keys, so a row read back from jsonb hashes the same as when written. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

type HashedFields = {
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgUnitId: number | null;
  before: unknown;
  after: unknown;
  meta: unknown;
};

export const hashAuditRecord = (prevHash: string, fields: HashedFields): string =>
  createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');

/** Plain JSON copy: drops undefined and turns Dates into ISO strings, as jsonb will. */
const toJson = (value: unknown): unknown =>
  value === undefined ? null : JSON.parse(JSON.stringify(value));

/**
 * Append one record to the chain. Call inside the service's transaction: the advisory lock
 * serialises writers so every record links to the one before it.
 */
export const writeAudit = async (tx: DbOrTx, entry: AuditEntry): Promise<void> => {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await queryOne<{ hash: string }>(
    tx,
    sql`select hash from audit_log order by id desc limit 1`,
  );
  const prevHash = last?.hash ?? GENESIS;
  const fields: HashedFields = {
    at: new Date().toISOString(),
    userId: entry.actor?.userId ?? null,
    username: entry.actor?.username ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    orgUnitId: entry.orgUnitId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
    meta: toJson(entry.meta),
  };
  const hash = hashAuditRecord(prevHash, fields);
  await tx.execute(sql`
    insert into audit_log (at, user_id, username, action, entity_type, entity_id, org_unit_id,
      before, after, meta, ip, prev_hash, hash)
    values (${fields.at}, ${fields.userId}, ${fields.username}, ${fields.action},
      ${fields.entityType}, ${fields.entityId}, ${fields.orgUnitId},
      ${JSON.stringify(fields.before)}::jsonb, ${JSON.stringify(fields.after)}::jsonb,
      ${JSON.stringify(fields.meta)}::jsonb, ${entry.actor?.ip ?? null}, ${prevHash}, ${hash})`);
};

export type ChainCheck = { ok: boolean; checked: number; firstBrokenId: number | null };

/** Recompute the chain; name the first record whose content or link does not match. */
export const verifyAuditChain = async (db: DbOrTx): Promise<ChainCheck> => {
  let prevHash = GENESIS;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await queryRows<{
      id: number;
      at: string | Date;
      user_id: number | null;
      username: string | null;
      action: string;
      entity_type: string;
      entity_id: string | null;
      org_unit_id: number | null;
      before: unknown;
      after: unknown;
      meta: unknown;
      prev_hash: string;
      hash: string;
    }>(db, sql`select * from audit_log where id > ${afterId} order by id limit 5000`);
    if (rows.length === 0) return { ok: true, checked, firstBrokenId: null };
    for (const r of rows) {
      const expected = hashAuditRecord(prevHash, {
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
      });
      if (r.prev_hash !== prevHash || r.hash !== expected) {
        return { ok: false, checked, firstBrokenId: Number(r.id) };
      }
      prevHash = r.hash;
      checked += 1;
      afterId = Number(r.id);
    }
  }
};
