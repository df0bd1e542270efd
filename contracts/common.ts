import { z } from './zod-vi';

/** Ids are PostgreSQL integers: a larger number is a validation error, not a crash. */
export const MAX_INT4 = 2_147_483_647;
export const ZId = z.coerce.number().int().positive().max(MAX_INT4);
/** A calendar date; years outside 1800–2999 are typing mistakes (and year 0 breaks PostgreSQL). */
export const ZIsoDate = z.iso
  .date()
  .refine((d) => d >= '1800-01-01' && d <= '2999-12-31', 'Năm phải từ 1800 đến 2999.');
export const ZOptionalText = (max = 500) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v.normalize('NFC')))
    .nullish();

export const ZIdParams = z.object({ id: ZId });

export const ZError = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const ZOk = z.object({ ok: z.literal(true) });

/** A list of values passed in a query string either repeated or comma-separated. */
export const ZCsv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => {
    if (v === undefined || v === '') return undefined;
    const values = Array.isArray(v) ? v : String(v).split(',');
    return values.filter((x) => x !== '');
  }, z.array(item).optional());

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
