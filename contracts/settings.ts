// Settings an administrator keeps (page "Cài đặt"): the place and the superior body printed on Party
// documents, and the first-start set-up of the top committee (name, kind, establishment, earlier names).
import { orgUnitKinds } from '../domain/enums/org-units';
import { ZIsoDate } from './common';
import { z } from './zod-vi';

const ZName = z
  .string()
  .trim()
  .min(1, 'Hãy ghi tên.')
  .max(200)
  .transform((v) => v.normalize('NFC'));
const ZShortText = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v.normalize('NFC'));

/** The kinds the top of an installation can be: a province committee, an upper or a grassroots committee. */
export const rootKinds = ['province_committee', 'upper_committee', 'grassroots_committee'] as const;

export const ZDocumentSettings = z.object({
  /** "Lạng Sơn": printed before the date ("Lạng Sơn, ngày 10 tháng 12 năm 2025"). */
  place: ZShortText,
  /** "Đảng bộ tỉnh Lạng Sơn": the first header line of the top committee's documents. */
  superiorName: ZShortText,
});
export type TDocumentSettings = z.infer<typeof ZDocumentSettings>;

export const ZEarlierName = z.object({
  name: ZName,
  /** The day the next name took effect (this name was used until the day before). */
  until: ZIsoDate,
});

export const ZFirstStartSetup = z.object({
  name: ZName,
  kind: z.enum(rootKinds),
  establishedOn: ZIsoDate,
  superiorName: ZShortText,
  place: ZShortText,
  earlierNames: z.array(ZEarlierName).max(20).default([]),
});
export type TFirstStartSetup = z.infer<typeof ZFirstStartSetup>;

export const ZSettingsView = z.object({
  document: z.object({ place: z.string(), superiorName: z.string() }),
  /** The place printed when the setting is empty (from the superior's name), '' when none. */
  derivedPlace: z.string(),
  setupPending: z.boolean(),
  root: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.enum(orgUnitKinds),
    establishedOn: z.string(),
    history: z.array(
      z.object({ name: z.string(), validFrom: z.string(), validTo: z.string().nullable() }),
    ),
  }),
});
export type TSettingsView = z.infer<typeof ZSettingsView>;
