import { ZId, ZIsoDate } from './common';
import { z } from './zod-vi';

export const ZOverviewQuery = z.object({ orgUnitId: ZId.optional(), asOf: ZIsoDate.optional() });

const ZBreakdown = z.array(z.object({ key: z.string(), label: z.string(), count: z.number() }));

export const ZOverview = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  asOf: z.string(),
  source: z.enum(['rollup', 'history']),
  total: z.number(),
  grassrootsCount: z.number(),
  cellCount: z.number(),
  byStatus: ZBreakdown,
  bySex: ZBreakdown,
  byAgeBand: ZBreakdown,
  byPartyAgeBand: ZBreakdown,
  /**
   * Only for roles that may read ethnicity and religion (`member.readSensitive`): a count of one in
   * a small cell names a person (docs/domain/roles.md, "Sensitive fields and their breakdowns").
   */
  byEthnicity: ZBreakdown.optional(),
  byReligion: ZBreakdown.optional(),
  byProfessionalLevel: ZBreakdown,
  byPoliticalTheory: ZBreakdown,
});
export type TOverview = z.infer<typeof ZOverview>;
