import { orgOperationKinds, orgUnitKinds } from '../domain/enums/org-units';
import { ZCsv, ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

export const ZOrgUnitNode = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(orgUnitKinds),
  name: z.string(),
  shortName: z.string().nullable(),
  path: z.string(),
  memberCount: z.number(),
  childCount: z.number(),
});
export type TOrgUnitNode = z.infer<typeof ZOrgUnitNode>;

export const ZTreeQuery = z.object({
  parentId: ZId.optional(),
  asOf: ZIsoDate.optional(),
});
export const ZTreeResponse = z.object({ asOf: z.string(), nodes: z.array(ZOrgUnitNode) });

export const ZOrgSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  asOf: ZIsoDate.optional(),
  /** Only these kinds (a picker that takes cells only); repeated or comma-separated. */
  kind: ZCsv(z.enum(orgUnitKinds)),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(50),
});
export const ZOrgSearchItem = ZOrgUnitNode.extend({
  /** Ancestors within the actor's scope, from the scope root down (the unit's path shown). */
  ancestorIds: z.array(z.number()),
  ancestorNames: z.array(z.string()),
});
export type TOrgSearchItem = z.infer<typeof ZOrgSearchItem>;
export const ZOrgSearchResponse = z.object({
  items: z.array(ZOrgSearchItem),
  /** Every match in scope (the page holds at most pageSize of them). */
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const ZOrgHistoryRow = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  kind: z.enum(orgUnitKinds),
  name: z.string(),
  shortName: z.string().nullable(),
  parentName: z.string().nullable(),
  operation: z
    .object({ id: z.number(), kind: z.enum(orgOperationKinds), decisionNumber: z.string() })
    .nullable(),
});

export const ZAgency = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  staffCount: z.number().nullable(),
  massOrganisations: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      name: z.string(),
      memberCount: z.number().nullable(),
    }),
  ),
});

export const ZOrgUnitDetail = z.object({
  id: z.number(),
  kind: z.enum(orgUnitKinds),
  name: z.string(),
  shortName: z.string().nullable(),
  parentId: z.number().nullable(),
  ancestors: z.array(z.object({ id: z.number(), name: z.string() })),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  existsOnDate: z.boolean(),
  memberCount: z.number(),
  probationaryCount: z.number(),
  childCount: z.number(),
  history: z.array(ZOrgHistoryRow),
  agencies: z.array(ZAgency),
  version: z.number(),
});
export type TOrgUnitDetail = z.infer<typeof ZOrgUnitDetail>;

const ZDecision = {
  effectiveDate: ZIsoDate,
  decisionNumber: z.string().trim().min(1, 'Cần nhập số quyết định.').max(100),
  decisionDate: ZIsoDate.nullish(),
  note: ZOptionalText(1000),
};
const ZName = z.string().trim().min(3).max(300);

export const ZOrgOperation = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('establish'),
    parentId: ZId,
    unitKind: z.enum(orgUnitKinds),
    name: ZName,
    shortName: ZOptionalText(50),
    ...ZDecision,
  }),
  z.object({
    kind: z.literal('rename'),
    orgUnitId: ZId,
    name: ZName,
    shortName: ZOptionalText(50),
    ...ZDecision,
  }),
  z.object({ kind: z.literal('move'), orgUnitId: ZId, newParentId: ZId, ...ZDecision }),
  z.object({
    kind: z.literal('merge'),
    sourceIds: z.array(ZId).min(1).max(50),
    targetId: ZId,
    ...ZDecision,
  }),
  z.object({
    kind: z.literal('split'),
    orgUnitId: ZId,
    newUnits: z
      .array(
        z.object({ name: ZName, shortName: ZOptionalText(50), memberIds: z.array(ZId).max(5000) }),
      )
      .min(1)
      .max(20),
    ...ZDecision,
  }),
  z.object({ kind: z.literal('dissolve'), orgUnitId: ZId, ...ZDecision }),
]);
export type TOrgOperation = z.infer<typeof ZOrgOperation>;

export const ZOrgOperationResult = z.object({
  operationId: z.number(),
  affectedUnitIds: z.array(z.number()),
  movedMembers: z.number(),
});

export const ZOrgOperationRow = z.object({
  id: z.number(),
  kind: z.enum(orgOperationKinds),
  effectiveDate: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string().nullable(),
  note: z.string().nullable(),
  summary: z.string(),
  createdAt: z.string(),
});
export const ZOrgOperationsResponse = z.object({ items: z.array(ZOrgOperationRow) });
