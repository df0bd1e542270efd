import {
  ageBands,
  memberEventKinds,
  memberStatuses,
  partyAgeBands,
  politicalTheoryLevels,
  professionalLevels,
  sexes,
} from '../domain/enums/members';
import { ZCsv, ZId, ZIsoDate, ZOptionalText, ZPageQuery } from './common';
import { ZCitizenId, ZFullName, ZGeneralEducation } from './person';
import { z } from './zod-vi';

const ZText = ZOptionalText(300);
const ZDate = ZIsoDate.nullish();

const ZWorkHistory = z
  .array(
    z.object({
      from: z.string().trim().max(20),
      to: z.string().trim().max(20).nullable(),
      description: z.string().trim().min(1).max(500),
    }),
  )
  .max(100)
  .nullish();
const ZFamily = z
  .array(
    z.object({
      relation: z.string().trim().min(1).max(50),
      fullName: z.string().trim().min(1).max(200),
      birthYear: z.number().int().min(1850).max(2100).nullable(),
      note: z.string().trim().max(1000),
    }),
  )
  .max(100)
  .nullish();

/** Record fields as grouped on lý lịch 1-HSĐV; the same object edits and creates. */
export const ZMemberFields = z.object({
  // identity
  fullName: ZFullName,
  birthName: ZText,
  alias: ZText,
  sex: z.enum(sexes),
  birthDate: ZIsoDate,
  birthPlace: ZText,
  homeTown: ZText,
  permanentAddress: ZText,
  currentAddress: ZText,
  ethnicity: z.string().trim().min(1).max(50).optional(),
  religion: z.string().trim().min(1).max(50).optional(),
  citizenId: ZCitizenId,
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +.()-]{8,20}$/, 'Số điện thoại không hợp lệ.')
    .nullish()
    .or(z.literal('').transform(() => null)),
  email: z
    .email()
    .nullish()
    .or(z.literal('').transform(() => null)),
  // work
  occupation: ZText,
  workplace: ZText,
  position: ZText,
  civilServiceRank: ZText,
  salaryGrade: ZText,
  // education
  generalEducation: ZGeneralEducation,
  professionalLevel: z.enum(professionalLevels).default('none'),
  professionalField: ZText,
  academicTitle: ZText,
  politicalTheory: z.enum(politicalTheoryLevels).default('none'),
  foreignLanguage: ZText,
  itLevel: ZText,
  minorityLanguage: ZText,
  // party data
  referee1: ZText,
  referee2: ZText,
  cardNumber: ZOptionalText(30),
  cardIssuedOn: ZDate,
  recordNumber: ZOptionalText(30),
  // other organisations, history
  youthUnionJoinedOn: ZDate,
  tradeUnionJoinedOn: ZDate,
  militaryEnlistedOn: ZDate,
  militaryDischargedOn: ZDate,
  militaryRank: ZText,
  health: ZText,
  policyFamily: ZText,
  awards: ZOptionalText(4000),
  workHistory: ZWorkHistory,
  // sensitive
  disciplineHistory: ZOptionalText(4000),
  familyPoliticalHistory: ZOptionalText(4000),
  family: ZFamily,
});
export type TMemberFields = z.infer<typeof ZMemberFields>;

/** How a new record enters the list: admitted here, or transferred in from outside. */
export const ZMemberEntry = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('admitted'),
    eventDate: ZIsoDate,
    orgUnitId: ZId,
    decisionNumber: ZOptionalText(100),
  }),
  z.object({
    kind: z.literal('transferred_in'),
    eventDate: ZIsoDate,
    orgUnitId: ZId,
    standing: z.enum(['probationary', 'full']),
    originalAdmittedOn: ZIsoDate,
    originalRecognisedOn: ZIsoDate.nullish(),
    externalOrg: ZOptionalText(300),
    decisionNumber: ZOptionalText(100),
  }),
]);

export const ZMemberCreate = ZMemberFields.extend({ entry: ZMemberEntry });
export type TMemberCreate = z.infer<typeof ZMemberCreate>;

export const ZMemberUpdate = ZMemberFields.extend({ version: z.number().int().positive() });
export type TMemberUpdate = z.infer<typeof ZMemberUpdate>;

export const ZMemberEventInput = z.object({
  kind: z.enum(memberEventKinds),
  eventDate: ZIsoDate,
  orgUnitId: ZId.nullish(),
  externalOrg: ZOptionalText(300),
  decisionNumber: ZOptionalText(100),
  /** Transfers: the letter of introduction and the day it was presented at the receiving end. */
  letterNumber: ZOptionalText(100),
  letterDate: ZIsoDate.nullish(),
  presentedOn: ZIsoDate.nullish(),
  note: ZOptionalText(1000),
  version: z.number().int().positive(),
});
export type TMemberEventInput = z.infer<typeof ZMemberEventInput>;

export const memberSorts = [
  'name',
  '-name',
  'birthDate',
  '-birthDate',
  'admittedOn',
  '-admittedOn',
] as const;

export const ZMemberListQuery = ZPageQuery.extend({
  orgUnitId: ZId.optional(),
  q: z.string().trim().max(100).optional(),
  status: ZCsv(z.enum(memberStatuses)),
  sex: z.enum(sexes).optional(),
  ethnicity: ZCsv(z.string().max(50)),
  religion: ZCsv(z.string().max(50)),
  ageBand: ZCsv(z.enum(ageBands)),
  partyAgeBand: ZCsv(z.enum(partyAgeBands)),
  professionalLevel: ZCsv(z.enum(professionalLevels)),
  politicalTheory: ZCsv(z.enum(politicalTheoryLevels)),
  admissionYear: z.coerce.number().int().min(1930).max(2100).optional(),
  sort: z.enum(memberSorts).default('name'),
});
export type TMemberListQuery = z.infer<typeof ZMemberListQuery>;

export const ZMemberListItem = z.object({
  id: z.number(),
  fullName: z.string(),
  sex: z.enum(sexes),
  birthDate: z.string(),
  status: z.enum(memberStatuses),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  /**
   * The parent's name when another unit the user sees has the same name ("Chi bộ Phòng Nghiệp
   * vụ 1" exists under many organisations), so the list can show "parent › name"; else absent.
   */
  orgUnitParentName: z.string().nullable().optional(),
  admittedOn: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  position: z.string().nullable(),
  politicalTheory: z.enum(politicalTheoryLevels),
  professionalLevel: z.enum(professionalLevels),
  ethnicity: z.string().nullable(),
});
export type TMemberListItem = z.infer<typeof ZMemberListItem>;

export const ZMemberList = z.object({
  items: z.array(ZMemberListItem),
  /** Every match; for a name search with more matches than the cap, the cap (see `totalCapped`). */
  total: z.number(),
  /**
   * A name search over a large scope matched more than `total` members: the list holds the first
   * `total` of them by word match, sorted the Vietnamese way; the UI shows "hơn 1.000".
   */
  totalCapped: z.boolean().default(false),
  page: z.number(),
  pageSize: z.number(),
});

export const ZMemberEvent = z.object({
  id: z.number(),
  kind: z.enum(memberEventKinds),
  eventDate: z.string(),
  orgUnitId: z.number().nullable(),
  orgUnitName: z.string().nullable(),
  externalOrg: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  letterNumber: z.string().nullable(),
  letterDate: z.string().nullable(),
  presentedOn: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
  recordedByName: z.string().nullable(),
});

const sensitiveKeys = [
  'ethnicity',
  'religion',
  'disciplineHistory',
  'familyPoliticalHistory',
  'family',
] as const;
export const memberSensitiveFields: readonly string[] = sensitiveKeys;

/** The record as the server returns it: plain values, no input transforms. */
const ZMemberFieldsOut = z.object(
  Object.fromEntries(
    Object.keys(ZMemberFields.shape).map((key) => [key, z.string().nullable()]),
  ) as { [K in keyof typeof ZMemberFields.shape]: z.ZodNullable<z.ZodString> },
);

export const ZMemberDetail = ZMemberFieldsOut.extend({
  fullName: z.string(),
  sex: z.enum(sexes),
  birthDate: z.string(),
  professionalLevel: z.enum(professionalLevels),
  politicalTheory: z.enum(politicalTheoryLevels),
  workHistory: z
    .array(z.object({ from: z.string(), to: z.string().nullable(), description: z.string() }))
    .nullable(),
  family: z
    .array(
      z.object({
        relation: z.string(),
        fullName: z.string(),
        birthYear: z.number().nullable(),
        note: z.string(),
      }),
    )
    .nullable(),
  id: z.number(),
  status: z.enum(memberStatuses),
  standing: z.enum(['probationary', 'full']),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  orgUnitPath: z.array(z.object({ id: z.number(), name: z.string() })),
  admittedOn: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  partyAgeFrom: z.string().nullable(),
  partyAgeYears: z.number().nullable(),
  temporarilyAway: z.boolean(),
  sensitiveHidden: z.boolean(),
  canEdit: z.boolean(),
  version: z.number(),
  events: z.array(ZMemberEvent),
  updatedAt: z.string(),
});
export type TMemberDetail = z.infer<typeof ZMemberDetail>;
