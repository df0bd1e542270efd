import type { Role } from '../../../domain/enums/roles';

/** Who is calling: resolved from the session on every request. */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgUnitId: number;
  /** ltree path of the scope unit, read fresh per request so a restructure moves it too. */
  scopePath: string;
  memberId: number | null;
  ip?: string;
};
