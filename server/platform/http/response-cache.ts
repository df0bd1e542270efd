import type { FastifyInstance, FastifyRequest } from 'fastify';
import { todayIso } from '../../modules/org-units/org-units.policy';

/**
 * Answers of the busiest read pages (routes with `config.cache`), kept in this process and served
 * again while the data they were computed from has not changed: each answer is stored with the
 * database's change counter (`db/data-changes.ts`) read before it was computed, and served only
 * while the counter still has that value. Any committed write anywhere moves the counter, so an
 * answer is never older than the last write this process has heard of (README of this folder).
 * Keyed by account (rights and scope are the account's), the full URL and the day in Vietnam
 * (figures "as of today"). A request with `Cache-Control: no-cache` (a browser's hard reload) is
 * computed afresh. `x-dangvu-cache: hit|miss` tells which happened.
 */
export const RESPONSE_CACHE_MAX_ENTRIES = 2_000;
export const RESPONSE_CACHE_MAX_BYTES = 64 * 2 ** 20;

type Entry = { body: string; type: string; bytes: number };
type Slot = { key: string; version: number };

declare module 'fastify' {
  interface FastifyRequest {
    cacheSlot: Slot | null;
  }
}

export const registerResponseCache = (app: FastifyInstance) => {
  const changes = app.database.changes;
  const entries = new Map<string, Entry>();
  let entriesVersion = -1;
  let bytes = 0;
  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  const keyOf = (request: FastifyRequest) =>
    `${request.actor?.userId}\u0000${todayIso()}\u0000${request.url}`;

  app.decorateRequest('cacheSlot', null);
  app.addHook('onReady', () => changes.follow());
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config.cache || !request.actor) return;
    if (!changes.live) return;
    const version = changes.version;
    if (entriesVersion !== version) {
      clear();
      entriesVersion = version;
    }
    const key = keyOf(request);
    const fresh = /no-cache/i.test(String(request.headers['cache-control'] ?? ''));
    const hit = fresh ? undefined : entries.get(key);
    if (hit) {
      // Most recently used last: the oldest is evicted first.
      entries.delete(key);
      entries.set(key, hit);
      reply.header('content-type', hit.type).header('x-dangvu-cache', 'hit');
      return reply.send(hit.body);
    }
    request.cacheSlot = { key, version };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const slot = request.cacheSlot;
    if (!slot) return payload;
    reply.header('x-dangvu-cache', 'miss');
    // Stored only if nothing changed while it was computed (otherwise it could never be served).
    if (reply.statusCode !== 200 || typeof payload !== 'string' || changes.version !== slot.version)
      return payload;
    if (entriesVersion !== slot.version) return payload;
    const size = payload.length * 2;
    if (size > RESPONSE_CACHE_MAX_BYTES / 16) return payload;
    const previous = entries.get(slot.key);
    if (previous) bytes -= previous.bytes;
    entries.delete(slot.key);
    entries.set(slot.key, {
      body: payload,
      type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8'),
      bytes: size,
    });
    bytes += size;
    for (const [key, entry] of entries) {
      if (entries.size <= RESPONSE_CACHE_MAX_ENTRIES && bytes <= RESPONSE_CACHE_MAX_BYTES) break;
      entries.delete(key);
      bytes -= entry.bytes;
    }
    return payload;
  });
};
