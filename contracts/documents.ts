// The register of issued documents (sổ đăng ký văn bản đi): numbers per type per committee term.
import { documentTypes } from '../domain/reports/document-types';
import { ZId, ZIsoDate } from './common';
import { z } from './zod-vi';

export const ZDocumentListQuery = z.object({
  orgUnitId: ZId.optional(),
  type: z.enum(documentTypes).optional(),
});
export const ZIssuedDocument = z.object({
  id: z.number(),
  issuerOrgUnitId: z.number(),
  issuerName: z.string(),
  type: z.enum(documentTypes),
  typeLabel: z.string(),
  numberText: z.string(),
  number: z.number(),
  termLabel: z.string(),
  title: z.string(),
  issuedOn: z.string(),
  signer: z.string().nullable(),
  reportDraftId: z.number().nullable(),
});
export const ZDocumentList = z.object({ items: z.array(ZIssuedDocument) });

export const ZDocumentTypesQuery = z.object({ orgUnitId: ZId.optional() });
export const ZDocumentTypes = z.object({
  issuerCode: z.string(),
  items: z.array(z.object({ type: z.enum(documentTypes), code: z.string(), label: z.string() })),
});

export const ZDocumentInput = z.object({
  issuerOrgUnitId: ZId.optional(),
  type: z.enum(documentTypes, 'Chọn loại văn bản.'),
  title: z.string().trim().min(3, 'Cần ghi trích yếu (ít nhất 3 ký tự).').max(500),
  issuedOn: ZIsoDate,
  signer: z.string().trim().max(200).optional(),
});
export const ZDocumentCreated = z.object({ id: z.number(), numberText: z.string() });

export type TIssuedDocument = z.infer<typeof ZIssuedDocument>;
export type TDocumentTypes = z.infer<typeof ZDocumentTypes>;
