// The only place that writes the actor's scope into SQL (an ltree comparison with `actor.scopePath`).
// Services and queries express scope through these functions, never by hand, so the rule "a user
// reads and writes only inside their subtree" lives in one file (scripts/check-boundaries.ts holds
// `server/modules/**` to it).
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { forbidden } from '../errors';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';

/** The one scope predicate: a unit path lies in the actor's subtree. */
export const inScope = (actor: Pick<Actor, 'scopePath'>, pathColumn: AnyPgColumn | SQL): SQL =>
  sql`${pathColumn} <@ ${actor.scopePath}::ltree`;

/**
 * The unit at this path is the actor's scope unit or one of its ancestors: what a committee above
 * the actor issued (a resolution, a campaign) reaches down to the actor, though it lies outside
 * the actor's subtree.
 */
export const containsScope = (
  actor: Pick<Actor, 'scopePath'>,
  pathColumn: AnyPgColumn | SQL,
): SQL => sql`${actor.scopePath}::ltree <@ ${pathColumn}`;

export const requirePermission = (actor: Actor, permission: Permission): void => {
  if (!can(actor, permission)) throw forbidden();
};
