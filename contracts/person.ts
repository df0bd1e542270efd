// Fields a person's record has wherever it is kept (a party member, an applicant for admission):
// defined once so the rules and their Vietnamese messages cannot drift between the two forms.
import { z } from './zod-vi';

export const ZFullName = z
  .string()
  .trim()
  .min(3, 'Họ và tên cần ít nhất 3 ký tự.')
  .max(200)
  .refine((v) => v.includes(' '), 'Họ và tên cần đủ họ, tên đệm (nếu có) và tên.');

/** Số định danh cá nhân (CCCD): 12 digits; an empty field is no number. */
export const ZCitizenId = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.')
  .nullish()
  .or(z.literal('').transform(() => null));

/** Giáo dục phổ thông: grade over system, 12-year (12/12, 9/12) or the older 10-year (10/10). */
export const ZGeneralEducation = z
  .string()
  .trim()
  .regex(/^\d{1,2}\/1[02]$/, 'Giáo dục phổ thông ghi dạng 12/12, 9/12 hoặc 10/10.')
  .nullish()
  .or(z.literal('').transform(() => null));
