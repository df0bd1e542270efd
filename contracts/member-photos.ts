// Member photos (issue 21): one current photo per member, uploaded with the crop the user chose, and
// the card-photo list of a unit for a card issue round (Hướng dẫn 12-HD/BTCTW 2022, II.2.2.b).
import { ZId } from './common';
import { z } from './zod-vi';

/** The rectangle to keep, in pixels of the upright picture (as a browser shows it). */
export const ZCropRect = z.object({
  x: z.number().int().min(0),
  y: z.number().int().min(0),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

export const ZMemberPhotoUpload = z.object({
  /** The file's bytes, base64; its type is read from the bytes (JPEG or PNG only). */
  contentBase64: z.string().min(1, 'Chưa chọn ảnh.'),
  fileName: z.string().trim().max(255).optional(),
  crop: ZCropRect.nullish(),
});

export const ZMemberPhotoInfo = z.object({
  memberId: z.number(),
  width: z.number(),
  height: z.number(),
  size: z.number(),
  sha256: z.string(),
  updatedAt: z.string(),
});

export const cardRoundKinds = ['new_card', 'exchange', 'all'] as const;
export const cardRoundKindLabels: Record<(typeof cardRoundKinds)[number], string> = {
  new_card: 'Phát thẻ mới (chưa có số thẻ)',
  exchange: 'Đổi thẻ (đảng viên chính thức đã có thẻ)',
  all: 'Tất cả đảng viên đang sinh hoạt',
};

export const ZCardPhotoQuery = z.object({
  orgUnitId: ZId,
  kind: z.enum(cardRoundKinds).default('new_card'),
  /** Only the members whose photo is still missing. */
  missingOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ZCardPhotoRow = z.object({
  memberId: z.number(),
  /** The file name in the ZIP: the record number (số lý lịch), else DV + the member id. */
  code: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  status: z.string(),
  cellName: z.string(),
  cardNumber: z.string().nullable(),
  recognisedOn: z.string().nullable(),
  hasPhoto: z.boolean(),
  photoUpdatedAt: z.string().nullable(),
});

export const ZCardPhotoList = z.object({
  unitName: z.string(),
  items: z.array(ZCardPhotoRow),
  total: z.number(),
  withPhoto: z.number(),
  missing: z.number(),
});

export type TCropRect = z.infer<typeof ZCropRect>;
export type TMemberPhotoUpload = z.infer<typeof ZMemberPhotoUpload>;
export type TCardPhotoQuery = z.infer<typeof ZCardPhotoQuery>;
export type TCardPhotoRow = z.infer<typeof ZCardPhotoRow>;
