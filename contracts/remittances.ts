// Đảng phí remitted by grassroots organisations to the committee above them, and the comparison of
// what each received with what it owed (docs/domain/dues.md, "Nộp đảng phí lên cấp trên").
import { remittancePeriodKinds } from '../domain/rules/dues/remittance';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

const ZYear = z.coerce
  .number({ error: 'Năm phải là một số.' })
  .int('Năm phải là số nguyên.')
  .min(2011, 'Năm từ 2011 (Quyết định 342-QĐ/TW có hiệu lực từ 01/4/2011).')
  .max(2100, 'Năm không hợp lệ.');

export const ZRemittanceInput = z
  .object({
    /** The remitting grassroots organisation (Đảng bộ cơ sở or Chi bộ cơ sở). */
    orgUnitId: ZId,
    year: ZYear,
    periodKind: z.enum(remittancePeriodKinds, { error: 'Kỳ nộp là tháng hoặc quý.' }),
    period: z
      .number({ error: 'Chọn tháng hoặc quý.' })
      .int()
      .min(1, 'Chọn tháng hoặc quý.')
      .max(12),
    amount: z
      .number({ error: 'Số tiền phải là một số.' })
      .int('Số tiền tính bằng đồng, không có phần lẻ.')
      .min(0, 'Số tiền đã nộp không được âm.')
      .max(2_000_000_000, 'Số tiền quá lớn.'),
    receivedOn: ZIsoDate,
    documentNumber: ZOptionalText(100),
    note: ZOptionalText(1000),
  })
  .refine((v) => v.periodKind === 'month' || v.period <= 4, {
    path: ['period'],
    message: 'Quý từ I đến IV.',
  });
export type TRemittanceInput = z.infer<typeof ZRemittanceInput>;

export const ZRemittanceUpdate = z
  .object({
    year: ZYear,
    periodKind: z.enum(remittancePeriodKinds, { error: 'Kỳ nộp là tháng hoặc quý.' }),
    period: z
      .number({ error: 'Chọn tháng hoặc quý.' })
      .int()
      .min(1, 'Chọn tháng hoặc quý.')
      .max(12),
    amount: z
      .number({ error: 'Số tiền phải là một số.' })
      .int('Số tiền tính bằng đồng, không có phần lẻ.')
      .min(0, 'Số tiền đã nộp không được âm.')
      .max(2_000_000_000, 'Số tiền quá lớn.'),
    receivedOn: ZIsoDate,
    documentNumber: ZOptionalText(100),
    note: ZOptionalText(1000),
    version: z.number().int().min(1),
  })
  .refine((v) => v.periodKind === 'month' || v.period <= 4, {
    path: ['period'],
    message: 'Quý từ I đến IV.',
  });
export type TRemittanceUpdate = z.infer<typeof ZRemittanceUpdate>;

export const ZRemittanceDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const ZRemittanceQuery = z.object({
  /** A committee (its grassroots organisations) or a grassroots organisation; default: the scope. */
  orgUnitId: ZId.optional(),
  year: ZYear,
});
export type TRemittanceQuery = z.infer<typeof ZRemittanceQuery>;

export const ZRemittance = z.object({
  id: z.number(),
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  receivingOrgUnitId: z.number(),
  receivingOrgUnitName: z.string(),
  year: z.number(),
  periodKind: z.enum(remittancePeriodKinds),
  period: z.number(),
  periodLabel: z.string(),
  amount: z.number(),
  receivedOn: z.string(),
  documentNumber: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});
export type TRemittance = z.infer<typeof ZRemittance>;

export const quarterStateLabels = {
  paid: 'Đã nộp đủ',
  short: 'Còn thiếu',
  unpaid: 'Chưa nộp',
  open: 'Chưa hết kỳ',
} as const;

export const ZRemittanceQuarter = z.object({
  quarter: z.number(),
  /** The dues the organisation's cells collected in the quarter's months (the dues sheets). */
  collected: z.number(),
  /** Its share to remit: `collected` split at the share of each month's rule set. */
  due: z.number(),
  received: z.number(),
  state: z.enum(['paid', 'short', 'unpaid', 'open']),
});

export const ZRemittanceRow = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  receivingOrgUnitName: z.string(),
  cells: z.number(),
  collected: z.number(),
  /** The share to remit of the quarters that have ended. */
  due: z.number(),
  /** The share to remit of the quarter under way (not yet due). */
  openDue: z.number(),
  received: z.number(),
  /** received − due: negative when the organisation still owes for the ended quarters. */
  difference: z.number(),
  /** Quarters that ended with nothing received although something was due ("chưa nộp"). */
  unpaidQuarters: z.array(z.number()),
  quarters: z.array(ZRemittanceQuarter),
  remittances: z.array(ZRemittance),
});
export type TRemittanceRow = z.infer<typeof ZRemittanceRow>;

export const ZRemittanceComparison = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  year: z.number(),
  /** The months counted: the year up to the current month. */
  months: z.array(z.string()),
  /** The months of the quarters that have ended: those whose share is due. */
  endedMonths: z.array(z.string()),
  /** The shares applied, with their sources (342-QĐ/TW; the setting for 01-QĐ/TW). */
  shares: z.array(
    z.object({ from: z.string(), to: z.string(), keptPercent: z.number(), source: z.string() }),
  ),
  rows: z.array(ZRemittanceRow),
  totals: z.object({
    collected: z.number(),
    due: z.number(),
    openDue: z.number(),
    received: z.number(),
    difference: z.number(),
  }),
  /** Whether the actor may record remittances here (the receiving committee's office). */
  canRecord: z.boolean(),
});
export type TRemittanceComparison = z.infer<typeof ZRemittanceComparison>;

export const ZRemittanceShare = z.object({
  keptPercent: z.number(),
  source: z.string(),
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export const ZRemittanceShareInput = z.object({
  keptPercent: z
    .number({ error: 'Tỷ lệ phải là một số.' })
    .int('Tỷ lệ là số nguyên phần trăm.')
    .min(0, 'Tỷ lệ từ 0 đến 100%.')
    .max(100, 'Tỷ lệ từ 0 đến 100%.'),
  source: z
    .string()
    .trim()
    .min(5, 'Cần ghi văn bản làm căn cứ (số, ngày ban hành).')
    .max(500, 'Căn cứ quá dài (tối đa 500 ký tự).'),
  version: z.number().int().min(0),
});
export type TRemittanceShareInput = z.infer<typeof ZRemittanceShareInput>;
