// Role-dependent rules that are not a plain "may do X" permission: how far a role sees into the
// records of its scope. They are named here, with the roles as data, so that services ask
// `seesOwnRecordOnly(actor)` and never compare `actor.role` with a literal (issue 18; enforced by
// scripts/check-boundaries.ts). A new role then means editing this file and permissions.ts only.
import type { Role } from '../../../domain/enums/roles';
import type { Actor } from './actor';

type WithRole = Pick<Actor, 'role'>;

/** Members: their scope is their own record (docs/domain/roles.md), not their cell's subtree. */
const ownRecordRoles: readonly Role[] = ['member'];
/** The inspection commission (UBKT): conducts cases and keeps the inspection bodies' programmes. */
const inspectionBodyRoles: readonly Role[] = ['inspection'];
/** Cell secretaries see an inspection case of their subtree only once it is published. */
const publishedCasesOnlyRoles: readonly Role[] = ['cell_secretary'];
/** A grassroots committee decides for its members and cells, not for what the upper level decides. */
const grassrootsDecisionRoles: readonly Role[] = ['grassroots_office'];

/** The actor sees and acts on their own member record only, whatever their scope unit holds. */
export const seesOwnRecordOnly = (actor: WithRole): boolean => ownRecordRoles.includes(actor.role);

/** An account with this role must be linked to a member record (its scope is that record). */
export const roleNeedsMemberRecord = (role: Role): boolean => ownRecordRoles.includes(role);

/** The actor is the inspection commission: sees every case file, keeps the UBKT's programmes. */
export const isInspectionBody = (actor: WithRole): boolean =>
  inspectionBodyRoles.includes(actor.role);

/** The actor learns of an inspection case in their subtree only once it is published. */
export const seesPublishedCasesOnly = (actor: WithRole): boolean =>
  publishedCasesOnlyRoles.includes(actor.role);

/** The actor decides only at the grassroots level (not what the upper committee decides). */
export const decidesAtGrassrootsLevelOnly = (actor: WithRole): boolean =>
  grassrootsDecisionRoles.includes(actor.role);

/**
 * A congress's plan and its election results are approved (duyệt, chuẩn y) by the committee
 * above the unit that holds it, never by the unit itself: election results take effect with the
 * competent committee's chuẩn y (Quy chế bầu cử trong Đảng art. 2: 244-QĐ/TW 2014, 190-QĐ/TW
 * 10/10/2024; Hướng dẫn 32-HD/TW 25/9/2009 mục 2; docs/domain/congresses.md "Approval"), and the
 * upper committee approves the congress's plan (Chỉ thị 45-CT/TW 14/4/2025). So the
 * actor's scope unit must be a strict ancestor of the congress's unit (a grassroots office cannot
 * approve its own grassroots congress, the bloc's office can). Paths are ltree text.
 */
export const approvesAsUpperLevel = (actor: Pick<Actor, 'scopePath'>, unitPath: string): boolean =>
  unitPath.startsWith(`${actor.scopePath}.`);
