import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readTables } from '../../db/data-changes';
import { todayIso } from '../clock';
import { wroteRecently } from './read-routing';

/**
 * Answers of the busiest read pages (routes with `config.cache`), kept in this process and served
 * again while the data they were computed from has not changed: each answer is stored with the
 * database's change counter (`db/data-changes.ts`) read before it was computed and the tables its
 * statements named, and served only while none of those tables has changed since. A write moves the
 * counter for the tables it names (for all, when it cannot tell), so an answer is never older than
 * the last write this process has heard of, and a write elsewhere keeps it (README of this folder).
 * Keyed by account (rights and scope are the account's), the full URL and the day in Vietnam
 * (figures "as of today"). A request with `Cache-Control: no-cache` (a browser's hard reload) is
 * computed afresh. `x-dangvu-cache: hit|miss` tells which happened. Requests for an answer that is
 * being computed wait for it instead of computing it again (many users opening the same page).
 */
export const RESPONSE_CACHE_MAX_ENTRIES = 2_000;
export const RESPONSE_CACHE_MAX_BYTES = 64 * 2 ** 20;

type Entry = {
  body: string;
  type: string;
  bytes: number;
  /** The counter before it was computed, and the tables it read. */
  version: number;
  tables: ReadonlySet<string>;
};
type Slot = { key: string; version: number; tables: Set<string>; leader: Pending | null };
type Pending = { version: number; done: Promise<Entry | undefined>; settle: (e?: Entry) => void };

declare module 'fastify' {
  interface FastifyRequest {
    cacheSlot: Slot | null;
  }
}

export const registerResponseCache = (app: FastifyInstance) => {
  const changes = app.database.changes;
  const entries = new Map<string, Entry>();
  /** Answers being computed, by key: the first request computes, the others wait for it. */
  const pending = new Map<string, Pending>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const keyOf = (request: FastifyRequest) =>
    `${request.actor?.userId}\u0000${todayIso()}\u0000${request.url}`;

  app.decorateRequest('cacheSlot', null);
  app.addHook('onReady', () => changes.follow());
  // Each request runs in its own record of the tables read; `tables` is set once an answer that may
  // be kept is computed (below), so the session lookup before it does not count.
  app.addHook('onRequest', (_request, _reply, done) => readTables.run({ tables: null }, done));
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cache || !request.actor) return;
    if (!changes.live) return;
    const version = changes.version;
    const key = keyOf(request);
    // A session that has just written is answered afresh (read-routing.ts): it sees its write even
    // before this process has heard of it from the other processes' change feed.
    const fresh =
      /no-cache/i.test(String(request.headers['cache-control'] ?? '')) || wroteRecently(request);
    let hit = fresh ? undefined : entries.get(key);
    if (hit && changes.changedSince(hit.version, hit.tables)) {
      drop(key);
      hit = undefined;
    }
    const computing = pending.get(key);
    if (!hit && !fresh && computing?.version === version) hit = await computing.done;
    if (hit) {
      // Most recently used last: the oldest is evicted first.
      if (entries.get(key) === hit) {
        entries.delete(key);
        entries.set(key, hit);
      }
      reply.header('content-type', hit.type).header('x-dangvu-cache', 'hit');
      return reply.send(hit.body);
    }
    let leader: Pending | null = null;
    if (pending.get(key)?.version !== version) {
      let settle: (e?: Entry) => void = () => {};
      const done = new Promise<Entry | undefined>((resolve) => {
        settle = resolve;
      });
      leader = { version, done, settle };
      pending.set(key, leader);
    }
    const tables = new Set<string>();
    const record = readTables.getStore();
    if (record) record.tables = tables;
    request.cacheSlot = { key, version, tables, leader };
  });
  /** The computing request is done (answered, failed or aborted): release those waiting for it. */
  const release = (slot: Slot | null, entry?: Entry) => {
    if (!slot?.leader) return;
    slot.leader.settle(entry);
    if (pending.get(slot.key) === slot.leader) pending.delete(slot.key);
    slot.leader = null;
  };
  app.addHook('onResponse', async (request) => release(request.cacheSlot));
  app.addHook('onRequestAbort', async (request) => release(request.cacheSlot));
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot) return payload;
    reply.header('x-dangvu-cache', 'miss');
    // Stored only if what it read did not change while it was computed (it could never be served),
    // and only if it read something: an answer whose tables are unknown is not kept.
    if (
      reply.statusCode !== 200 ||
      typeof payload !== 'string' ||
      slot.tables.size === 0 ||
      changes.changedSince(slot.version, slot.tables)
    ) {
      release(slot);
      return payload;
    }
    const size = payload.length * 2;
    if (size > RESPONSE_CACHE_MAX_BYTES / 16) {
      release(slot);
      return payload;
    }
    drop(slot.key);
    const entry = {
      body: payload,
      type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      bytes: size,
      version: slot.version,
      tables: slot.tables,
    };
    entries.set(slot.key, entry);
    release(slot, entry);
    bytes += size;
    for (const key of entries.keys()) {
      if (entries.size <= RESPONSE_CACHE_MAX_ENTRIES && bytes <= RESPONSE_CACHE_MAX_BYTES) break;
      drop(key);
    }
    return payload;
  });
};
