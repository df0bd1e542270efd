import { roles } from '../domain/enums/roles';
import { ZId, ZPageQuery } from './common';
import { z } from './zod-vi';

export const ZAccount = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  scopeOrgUnitId: z.number(),
  scopeName: z.string(),
  memberId: z.number().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number(),
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZAccountList = z.object({ items: z.array(ZAccount), total: z.number() });
export const ZAccountListQuery = ZPageQuery.extend({ q: z.string().trim().max(100).optional() });

export const ZAccountCreate = z.object({
  username: z
    .string()
    .trim()
    .min(3)
    .max(50)
    .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -'),
  displayName: z.string().trim().min(2).max(200),
  role: z.enum(roles),
  scopeOrgUnitId: ZId,
  memberId: ZId.nullish(),
});
export const ZAccountUpdate = z.object({
  displayName: z.string().trim().min(2).max(200),
  role: z.enum(roles),
  scopeOrgUnitId: ZId,
  memberId: ZId.nullish(),
  isActive: z.boolean(),
  version: z.number().int().positive(),
});
export const ZAccountWithPassword = z.object({ account: ZAccount, password: z.string() });
