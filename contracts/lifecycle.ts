import {
  type DuesCategory,
  duesAreaLabels,
  duesAreas,
  duesCategories,
} from '../domain/rules/dues/dues';
import { ZId, ZIsoDate, ZOptionalText } from './common';
import { z } from './zod-vi';

// Party badges (docs/domain/badges.md)
export const ZBadgeQuery = z.object({
  orgUnitId: ZId.optional(),
  awardDate: ZIsoDate.optional(),
  /** Also list members who could receive the badge early because of serious illness. */
  includeEarly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Also list members who died (since the previous year's same award date) for a posthumous award. */
  includePosthumous: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const ZBadgeCandidate = z.object({
  memberId: z.number(),
  fullName: z.string(),
  birthDate: z.string(),
  orgUnitName: z.string(),
  partyAgeFrom: z.string(),
  partyAgeYears: z.number(),
  milestone: z.number(),
  eligible: z.boolean(),
  early: z.boolean(),
  /** A deceased member: a posthumous award (truy tặng). */
  posthumous: z.boolean(),
  diedOn: z.string().nullable(),
  /** The award needs the cell's recognition that a past discipline's shortcomings were corrected. */
  needsCellRecognition: z.boolean(),
  reason: z.string().nullable(),
  awarded: z.boolean(),
});
export const ZBadgeList = z.object({
  awardDate: z.string(),
  /** The rule set in force at the award date, with its source. */
  ruleSet: z.object({ id: z.string(), source: z.string(), verified: z.boolean() }),
  awardDates: z.array(z.string()),
  items: z.array(ZBadgeCandidate),
  byMilestone: z.array(z.object({ milestone: z.number(), count: z.number() })),
});
export type TBadgeList = z.infer<typeof ZBadgeList>;
export const ZBadgeAward = z.object({
  memberId: ZId,
  milestone: z.number().int(),
  awardDate: ZIsoDate,
  decisionNumber: ZOptionalText(100),
  early: z.boolean().default(false),
  /** Truy tặng: the member has died. */
  posthumous: z.boolean().default(false),
  /** Required for an early or posthumous award. */
  reason: ZOptionalText(500),
  /** The day the cell recognised the shortcomings corrected, when a past discipline requires it. */
  cellRecognizedOn: ZIsoDate.nullish(),
});

// Party cards (docs/domain/members.md)
export const cardActions = ['issued', 'reissued', 'exchanged', 'recalled'] as const;
export const cardActionLabels: Record<(typeof cardActions)[number], string> = {
  issued: 'Phát thẻ',
  reissued: 'Cấp lại (mất thẻ)',
  exchanged: 'Đổi thẻ (hỏng, đổi thẻ theo 51-CT/TW)',
  recalled: 'Thu hồi thẻ',
};
export const ZCardEventInput = z.object({
  action: z.enum(cardActions),
  actionDate: ZIsoDate,
  cardNumber: ZOptionalText(30),
  reason: ZOptionalText(500),
  decisionNumber: ZOptionalText(100),
  version: z.number().int().positive(),
});
export const ZCardEvent = z.object({
  id: z.number(),
  action: z.enum(cardActions),
  actionDate: z.string(),
  cardNumber: z.string().nullable(),
  reason: z.string().nullable(),
  decisionNumber: z.string().nullable(),
});
export const ZMemberLifecycle = z.object({
  cardEvents: z.array(ZCardEvent),
  badges: z.array(
    z.object({
      milestone: z.number(),
      awardDate: z.string(),
      decisionNumber: z.string().nullable(),
      early: z.boolean(),
      posthumous: z.boolean(),
      reason: z.string().nullable(),
    }),
  ),
  duesProfile: z
    .object({
      category: z.string(),
      baseAmount: z.number().nullable(),
      otherArea: z.string().nullable(),
      socialPensionAllowance: z.boolean(),
      hardshipExemption: z.boolean(),
      reductionPercent: z.number().nullable(),
      reductionFrom: z.string().nullable(),
      reductionTo: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
  duesThisYear: z.array(
    z.object({
      month: z.string(),
      due: z.number(),
      paid: z.number().nullable(),
      exempt: z.string().nullable(),
      /** A month of membership nobody recorded (e.g. before an import): not unpaid. */
      noData: z.boolean(),
    }),
  ),
});
export type TMemberLifecycle = z.infer<typeof ZMemberLifecycle>;

// Dues (docs/domain/dues.md)
export { duesAreaLabels, duesAreas, duesCategories };
export const duesCategoryLabels: Record<DuesCategory, string> = {
  insured_salary: 'Hưởng lương, đóng BHXH bắt buộc (1% tiền lương đóng BHXH)',
  social_insurance_benefit: 'Nghỉ ốm, thai sản hưởng BHXH (1% trợ cấp)',
  pension: 'Hưu trí (0,5% lương hưu)',
  student: 'Học sinh, sinh viên',
  other: 'Đối tượng khác (mức cố định)',
};
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng ghi dạng YYYY-MM.');
export const ZDuesProfileInput = z.object({
  category: z.enum(duesCategories),
  baseAmount: z.number().int().min(0).max(1_000_000_000).nullish(),
  otherArea: z.enum(duesAreas).nullish(),
  socialPensionAllowance: z.boolean().default(false),
  hardshipExemption: z.boolean().default(false),
  reductionPercent: z.union([z.literal(30), z.literal(50), z.literal(70)]).nullish(),
  reductionFrom: ZMonth.nullish(),
  reductionTo: ZMonth.nullish(),
  version: z.number().int().min(0),
});
export const ZDuesSheetQuery = z.object({ orgUnitId: ZId, month: ZMonth });
export const ZDuesSheetRow = z.object({
  memberId: z.number(),
  fullName: z.string(),
  category: z.string().nullable(),
  /** owed; not_member: before the member joined the cell here; no_data: nothing recorded yet. */
  monthState: z.enum(['owed', 'not_member', 'no_data']),
  due: z.number().nullable(),
  explanation: z.string(),
  exempt: z.string().nullable(),
  paid: z.number().nullable(),
  paidOn: z.string().nullable(),
  unpaidMonthsThisYear: z.number(),
  /** Months of the member's membership this year nobody recorded ("chưa có số liệu"). */
  unknownMonthsThisYear: z.number(),
  warning: z.boolean(),
});
export const ZDuesSheet = z.object({
  orgUnitId: z.number(),
  orgUnitName: z.string(),
  month: z.string(),
  ruleSet: z.string(),
  /** The document the flat amounts (students, members outside the salary groups) come from. */
  flatAmountsSource: z.string(),
  rows: z.array(ZDuesSheetRow),
  totalDue: z.number(),
  totalPaid: z.number(),
});
export type TDuesSheet = z.infer<typeof ZDuesSheet>;
const ZFlatAmount = z
  .number({ error: 'Nhập mức đóng bằng số đồng.' })
  .int('Mức đóng là số đồng nguyên.')
  .min(1, 'Mức đóng phải lớn hơn 0 đồng.')
  .max(10_000_000, 'Mức đóng quá lớn.');
/** Flat amounts under 01-QĐ/TW of members outside the salary and pension groups (administrators). */
export const ZUnsalariedAmountsInput = z.object({
  other: z.object({
    urban: ZFlatAmount,
    delta: ZFlatAmount,
    midland: ZFlatAmount,
    mountain: ZFlatAmount,
  }),
  student: ZFlatAmount,
  source: z
    .string()
    .trim()
    .min(5, 'Cần ghi văn bản làm căn cứ (số, ngày ban hành).')
    .max(500, 'Căn cứ quá dài (tối đa 500 ký tự).'),
  version: z.number().int().min(0),
});
export const ZUnsalariedAmounts = ZUnsalariedAmountsInput.extend({
  updatedAt: z.string().nullable(),
});
export const ZDuesPaymentsInput = z.object({
  orgUnitId: ZId,
  month: ZMonth,
  paidOn: ZIsoDate,
  method: z.enum(['cash', 'portal']).default('cash'),
  payments: z
    .array(z.object({ memberId: ZId, amount: z.number().int().min(0).max(100_000_000) }))
    .min(1, 'Chọn ít nhất một đảng viên.')
    .max(1000),
});

// Statutory-events calendar and reminders
export const reminderKinds = [
  'recruitment_deadline',
  'probation_end',
  'transfer_letter',
  'badge_due',
  'dues_unpaid',
  'proposal_overdue',
] as const;
export const reminderKindLabels: Record<(typeof reminderKinds)[number], string> = {
  recruitment_deadline: 'Thời hạn phát triển đảng viên',
  probation_end: 'Hết thời gian dự bị, xét công nhận chính thức',
  transfer_letter: 'Giấy giới thiệu sinh hoạt đảng quá hạn',
  badge_due: 'Xét tặng Huy hiệu Đảng',
  dues_unpaid: 'Không đóng đảng phí 3 tháng',
  proposal_overdue: 'Kiến nghị đến hạn, quá hạn trả lời',
};
export const ZReminder = z.object({
  kind: z.enum(reminderKinds),
  date: z.string(),
  severity: z.enum(['overdue', 'due_soon', 'upcoming']),
  title: z.string(),
  detail: z.string(),
  orgUnitName: z.string().nullable(),
  /** The unit the item is grouped under (its cell, or the unit asked for). */
  orgUnitId: z.number().nullable(),
  link: z.string(),
});
export type TReminder = z.infer<typeof ZReminder>;
export const reminderSeverities = ['overdue', 'due_soon', 'upcoming'] as const;
export const reminderSeverityLabels: Record<(typeof reminderSeverities)[number], string> = {
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
  upcoming: 'Sắp tới',
};
export const ZReminderGroup = z.object({
  orgUnitId: z.number().nullable(),
  /** The unit's name, with its parent's when the name alone is ambiguous. */
  label: z.string(),
  count: z.number(),
  overdue: z.number(),
});
export type TReminderGroup = z.infer<typeof ZReminderGroup>;
export const ZReminders = z.object({
  items: z.array(ZReminder),
  /** Counts of the whole subtree, before the filters below. */
  counts: z.object({ overdue: z.number(), dueSoon: z.number(), upcoming: z.number() }),
  /** Issue 22: the filtered list's size and its groups by unit (every page). */
  total: z.number(),
  groups: z.array(ZReminderGroup),
});
export const ZRemindersQuery = z.object({
  orgUnitId: ZId.optional(),
  /** One group: the unit the items are grouped under. */
  unit: ZId.optional(),
  kind: z.enum(reminderKinds).optional(),
  severity: z.enum(reminderSeverities).optional(),
  q: z.string().trim().max(200).optional(),
  /** Without a page size, every item (up to 500), as before. 0 answers the groups only. */
  page: z.coerce.number().int().min(1).max(100000).optional(),
  pageSize: z.coerce.number().int().min(0).max(500).optional(),
});
export type TRemindersQuery = z.infer<typeof ZRemindersQuery>;
