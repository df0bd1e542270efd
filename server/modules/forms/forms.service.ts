// Delivering a printed form: the DOCX, or its PDF by LibreOffice (as the annual report does: without
// LibreOffice the API answers 503 with a Vietnamese message), and one audit record per download —
// every form carries personal data, so each download is logged like the member list's export.
import type { FormFormat } from '../../../contracts/forms';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { writeAudit } from '../../platform/audit/audit';
import { convertDocxToPdf } from '../reports';

const mimeTypes = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export type FormFile = { content: Buffer; mimeType: string; fileName: string };

export const deliverForm = async ({
  db,
  actor,
  docx,
  format,
  baseName,
  audit,
}: {
  db: Db;
  actor: Actor;
  docx: Buffer;
  format: FormFormat;
  /** The file name without extension, ASCII (e.g. "phieu-dang-vien-1234"). */
  baseName: string;
  audit: {
    /** The form's code in docs/domain/forms.md ("trich-ngang", "phieu-dang-vien", …). */
    form: string;
    entityType: string;
    entityId?: number;
    orgUnitId?: number | null;
    meta?: Record<string, unknown>;
  };
}): Promise<FormFile> => {
  const content = format === 'pdf' ? await convertDocxToPdf(docx) : docx;
  // The trích ngang is the member list printed: audited as the list's export, like its XLSX.
  const isList = audit.form === 'trich-ngang';
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: isList ? 'member.export' : 'form.export',
      entityType: audit.entityType,
      entityId: audit.entityId,
      orgUnitId: audit.orgUnitId ?? undefined,
      meta: { form: audit.form, format, bytes: content.length, ...audit.meta },
    }),
  );
  return { content, mimeType: mimeTypes[format], fileName: `${baseName}.${format}` };
};
