import { roles } from '../domain/enums/roles';
import { z } from './zod-vi';

export const ZLogin = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The 6-digit one-time code, for accounts with the second factor on. */
  totpCode: z.string().trim().max(10).optional(),
});

export const ZTotpSetup = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export const ZTotpEnable = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'Mã xác thực gồm 6 chữ số.'),
});

export const ZSessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  scopeOrgUnitId: z.number(),
  scopeName: z.string(),
  memberId: z.number().nullable(),
  mustChangePassword: z.boolean(),
  mustSetupTotp: z.boolean(),
  permissions: z.array(z.string()),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TSession = z.infer<typeof ZSession>;

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});
