// Recruitment records, made through the API as an office (the document is stored by the service).
import type { Session } from '../test-db';

/** An applicant in the unit; returns its id. */
export const applicantIn = async (
  office: Session,
  orgUnitId: number,
  fields: { fullName?: string; sex?: 'male' | 'female'; birthDate?: string } = {},
): Promise<number> =>
  (
    await office.post('/api/recruitment/applicants', {
      orgUnitId,
      fullName: fields.fullName ?? 'Nông Văn Quyền',
      sex: fields.sex ?? 'male',
      birthDate: fields.birthDate ?? '1999-05-06',
    })
  ).json().id as number;

/** A one-page PDF filed as a recruitment document of the unit; returns its id. */
export const recruitmentDocumentIn = async (
  office: Session,
  orgUnitId: number,
  fileName = 'giay-chung-nhan.pdf',
): Promise<number> =>
  (
    await office.post('/api/recruitment/documents', {
      orgUnitId,
      fileName,
      mimeType: 'application/pdf',
      contentBase64: 'JVBERi0xLjQK',
    })
  ).json().id as number;
