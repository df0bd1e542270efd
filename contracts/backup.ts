import { z } from './zod-vi';

/** What an administrator types to confirm a restore (the web form and the API ask for the same). */
export const RESTORE_CONFIRMATION = 'PHỤC HỒI';

export const ZRestoreQuery = z.object({
  confirm: z.literal(RESTORE_CONFIRMATION, {
    error: `Hãy gõ đúng "${RESTORE_CONFIRMATION}" để xác nhận phục hồi.`,
  }),
});

export const ZRestoreResult = z.object({
  backupCreatedAt: z.string(),
  appVersion: z.string(),
  tables: z.array(z.object({ name: z.string(), rows: z.number() })),
  totalRows: z.number(),
  audit: z.object({ ok: z.boolean(), checked: z.number() }),
});
export type RestoreResultDto = z.infer<typeof ZRestoreResult>;
