import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { forbidden } from '../errors';
import type { Actor } from './actor';
import { can, type Permission } from './permissions';

/** The one scope predicate: a unit path lies in the actor's subtree. */
export const inScope = (actor: Pick<Actor, 'scopePath'>, pathColumn: AnyPgColumn | SQL): SQL =>
  sql`${pathColumn} <@ ${actor.scopePath}::ltree`;

export const requirePermission = (actor: Actor, permission: Permission): void => {
  if (!can(actor, permission)) throw forbidden();
};
