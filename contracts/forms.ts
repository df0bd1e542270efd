// The printed forms (server/modules/forms, docs/domain/forms.md): each is a file download (DOCX, or
// PDF where LibreOffice is installed), so these are query schemas only.
import { ZId } from './common';
import { ZMemberListQuery } from './members';
import { z } from './zod-vi';

export const formFormats = ['docx', 'pdf'] as const;
export const ZFormFormat = z.enum(formFormats).default('docx');
export type FormFormat = (typeof formFormats)[number];

export const ZFormQuery = z.object({ format: ZFormFormat });

/** "Danh sách trích ngang": the member list's own filters, the purpose (a personal-data export). */
export const ZMemberListFormQuery = ZMemberListQuery.omit({ page: true, pageSize: true }).extend({
  purpose: z.string().trim().min(3, 'Cần ghi rõ mục đích xuất dữ liệu.').max(300),
  format: ZFormFormat,
});
export type TMemberListFormQuery = z.infer<typeof ZMemberListFormQuery>;

/** The two member record forms of Hướng dẫn 12-HD/BTCTW: lý lịch (1-HSĐV), phiếu (2-HSĐV). */
export const memberRecordForms = ['ly-lich', 'phieu'] as const;
export const ZMemberRecordFormParams = z.object({
  id: ZId,
  form: z.enum(memberRecordForms),
});

/**
 * Phiếu bổ sung hồ sơ đảng viên (mẫu 3-HSĐV ❓) of a year: `year` defaults to the last full year
 * (the form builder fills it in, in Vietnam's time).
 */
export const ZMemberUpdateSheetParams = z.object({ id: ZId });
export const ZMemberUpdateSheetQuery = z.object({
  year: z.coerce.number().int().min(1930).max(2100).optional(),
  format: ZFormFormat,
});

/** The same sheets for every member of a cell (chi bộ) on 31/12 of the year, one file. */
export const ZCellUpdateSheetParams = z.object({ id: ZId });

export const ZMemberEventParams = z.object({ id: ZId, eventId: ZId });

/** Quyết định kết nạp (9-KNĐ) or quyết định công nhận đảng viên chính thức (16-KNĐ). */
export const admissionForms = ['ket-nap', 'cong-nhan'] as const;
export const ZAdmissionFormParams = z.object({ id: ZId, form: z.enum(admissionForms) });

/** Biên bản sinh hoạt chi bộ / hội nghị, drafted from a recorded meeting. */
export const ZMeetingFormParams = z.object({ id: ZId });

/**
 * Sổ thu đảng phí of a cell (so-thu) or the summary of a grassroots organisation (tong-hop) for a
 * year, or for the months `fromMonth`–`toMonth` of it. `keptPercent`: the share the cells keep, as
 * the upper committee's guidance sets it (no text read fixes it, docs/domain/forms.md ❓); without it
 * the kept and remitted columns are left to fill by hand.
 */
export const ZDuesBookQuery = z
  .object({
    orgUnitId: ZId,
    year: z.coerce.number().int().min(2000).max(2100),
    fromMonth: z.coerce.number().int().min(1).max(12).default(1),
    toMonth: z.coerce.number().int().min(1).max(12).default(12),
    keptPercent: z.coerce.number().int().min(0).max(100).optional(),
    format: ZFormFormat,
  })
  .refine((q) => q.fromMonth <= q.toMonth, {
    path: ['toMonth'],
    message: 'Tháng cuối phải sau hoặc bằng tháng đầu.',
  });
export type TDuesBookQuery = z.infer<typeof ZDuesBookQuery>;
