// Emulation movements and commendations (thi đua, khen thưởng; docs/domain/emulation.md): movements
// with their criteria and period, registrations of units and members, the models of a movement, and
// commendations proposed → reviewed → granted or refused, with the eligibility read from the ratings.
import {
  commendationForms,
  commendationStatuses,
  commendationSubjectKinds,
} from '../domain/rules/commendations/commendations';
import { qualityLevels } from '../domain/rules/evaluation/levels';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((v) => v.normalize('NFC'));
const ZYear = z.coerce.number().int().min(2000).max(2100);

export const ZMovementFields = z.object({
  orgUnitId: ZId,
  name: ZText(300),
  launchRef: ZOptionalText(300),
  criteria: ZText(5000),
  fromDate: ZIsoDate,
  toDate: ZIsoDate,
  note: ZOptionalText(2000),
});
export type TMovementFields = z.infer<typeof ZMovementFields>;
export const ZMovementUpdate = ZMovementFields.extend({ version: z.number().int() });
export type TMovementUpdate = z.infer<typeof ZMovementUpdate>;

export const ZMovementQuery = z.object({
  year: ZYear.optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZMovementListItem = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  name: z.string(),
  launchRef: z.string().nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  registeredUnits: z.number(),
  registeredMembers: z.number(),
  models: z.number(),
  recognisedModels: z.number(),
});
export type TMovementListItem = z.infer<typeof ZMovementListItem>;
export const ZMovementList = z.object({ items: z.array(ZMovementListItem) });

export const ZRegistration = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  /** The unit's parent (a cell's committee): cells' names repeat across committees. */
  parentName: z.string().nullable(),
  memberId: z.number().nullable(),
  memberName: z.string().nullable(),
  registeredOn: z.string(),
  undertaking: z.string().nullable(),
});
export type TRegistration = z.infer<typeof ZRegistration>;

/** A registration is a unit's own (`unit`) or a member's, under their cell (`member`). */
export const registrationKinds = ['unit', 'member'] as const;
export const registrationKindLabels: Record<(typeof registrationKinds)[number], string> = {
  unit: 'Đơn vị đăng ký',
  member: 'Đảng viên đăng ký',
};
/**
 * The registrations of a movement as a long list (issues 20, 22): `unit` keeps a unit and the units
 * under it, `q` matches the unit's or member's name or the undertaking without diacritics.
 */
export const ZRegistrationQuery = z.object({
  unit: ZId.optional(),
  kind: z.enum(registrationKinds).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TRegistrationQuery = z.infer<typeof ZRegistrationQuery>;
export const ZRegistrationExportQuery = ZRegistrationQuery.omit({ page: true, pageSize: true });
export type TRegistrationExportQuery = z.infer<typeof ZRegistrationExportQuery>;
export const ZRegistrationList = z.object({
  items: z.array(ZRegistration),
  /** How many match every filter. */
  total: z.number(),
  /** Of those matching the unit and the words (whatever the kind): units and members registered. */
  counts: z.object({ units: z.number(), members: z.number() }),
});
export type TRegistrationList = z.infer<typeof ZRegistrationList>;

export const ZMovementModel = z.object({
  id: z.number(),
  orgUnitName: z.string(),
  memberName: z.string().nullable(),
  title: z.string(),
  field: z.string().nullable(),
  registeredOn: z.string(),
  status: z.string(),
  reviewedOn: z.string().nullable(),
  decisionRef: z.string().nullable(),
});
export type TMovementModel = z.infer<typeof ZMovementModel>;

export const ZMovementDetail = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  name: z.string(),
  launchRef: z.string().nullable(),
  criteria: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  note: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
  /** Registrations in the actor's subtree; the list itself is paged (`/movements/{id}/registrations`). */
  registeredUnits: z.number(),
  registeredMembers: z.number(),
  models: z.array(ZMovementModel),
});
export type TMovementDetail = z.infer<typeof ZMovementDetail>;

export const ZRegistrationInput = z.object({
  orgUnitId: ZId,
  memberId: ZId.nullish(),
  registeredOn: ZIsoDate,
  undertaking: ZOptionalText(2000),
});
export type TRegistrationInput = z.infer<typeof ZRegistrationInput>;

export const ZCommendationSubject = z.object({
  subjectKind: z.enum(commendationSubjectKinds),
  subjectOrgUnitId: ZId.nullish(),
  subjectMemberId: ZId.nullish(),
});

export const ZEligibilityQuery = ZCommendationSubject.extend({
  form: z.enum(commendationForms),
  year: ZYear,
  yearsRunning: z.coerce.number().int().min(1).max(10).default(1),
});
export type TEligibilityQuery = z.infer<typeof ZEligibilityQuery>;

export const ZEligibility = z.object({
  checked: z.boolean(),
  eligible: z.boolean(),
  rule: z.string(),
  summary: z.string(),
  title: z.string().nullable(),
  years: z.array(
    z.object({
      year: z.number(),
      level: z.enum(qualityLevels).nullable(),
      recordId: z.number().nullable(),
      counts: z.boolean(),
      explanation: z.string(),
    }),
  ),
});
export type TEligibility = z.infer<typeof ZEligibility>;

export const ZCommendationInput = ZCommendationSubject.extend({
  proposingOrgUnitId: ZId,
  form: z.enum(commendationForms),
  year: ZYear,
  yearsRunning: z.number().int().min(1).max(10).nullish(),
  movementId: ZId.nullish(),
  achievements: ZText(5000),
  proposedOn: ZIsoDate,
});
export type TCommendationInput = z.infer<typeof ZCommendationInput>;

export const ZCommendationReview = z.object({
  version: z.number().int(),
  reviewedOn: ZIsoDate,
  reviewNote: ZOptionalText(2000),
});
export type TCommendationReview = z.infer<typeof ZCommendationReview>;

export const ZCommendationDecision = z.object({
  version: z.number().int(),
  outcome: z.enum(['granted', 'refused']),
  grantingOrgUnitId: ZId,
  grantingAuthority: ZText(300),
  decidedOn: ZIsoDate,
  decisionRef: ZOptionalText(300),
  reviewNote: ZOptionalText(2000),
});
export type TCommendationDecision = z.infer<typeof ZCommendationDecision>;

export const ZCommendationQuery = z.object({
  year: ZYear.optional(),
  status: z.enum(commendationStatuses).optional(),
  form: z.enum(commendationForms).optional(),
  movementId: ZId.optional(),
});

export const ZCommendationListItem = z.object({
  id: z.number(),
  proposingOrgUnitId: z.number(),
  proposingOrgUnitName: z.string(),
  subjectKind: z.enum(commendationSubjectKinds),
  subjectName: z.string(),
  form: z.enum(commendationForms),
  year: z.number(),
  yearsRunning: z.number().nullable(),
  movementId: z.number().nullable(),
  movementName: z.string().nullable(),
  status: z.enum(commendationStatuses),
  proposedOn: z.string(),
  decidedOn: z.string().nullable(),
  decisionRef: z.string().nullable(),
  grantingAuthority: z.string().nullable(),
  eligible: z.boolean().nullable(),
});
export type TCommendationListItem = z.infer<typeof ZCommendationListItem>;
export const ZCommendationList = z.object({ items: z.array(ZCommendationListItem) });

export const ZCommendationDetail = ZCommendationListItem.extend({
  subjectOrgUnitId: z.number().nullable(),
  subjectMemberId: z.number().nullable(),
  achievements: z.string(),
  reviewedOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  grantingOrgUnitId: z.number().nullable(),
  grantingOrgUnitName: z.string().nullable(),
  eligibility: ZEligibility.nullable(),
  version: z.number(),
  canDecide: z.boolean(),
});
export type TCommendationDetail = z.infer<typeof ZCommendationDetail>;
