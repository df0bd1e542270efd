// Attached files (scanned forms, certificates, minutes): uploaded into a unit of the actor's subtree,
// checked by their first bytes, kept in the database so a backup holds them; every read is audited.
// Used by recruitment (dossier papers) and resolutions (action programmes, reports).

import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { type Db, queryOne, sql } from '../../db/client';
import { documents } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { invalidField, notFound } from '../../platform/errors';

const maxDocumentBytes = 10 * 1024 * 1024;
const allowedMime =
  /^(application\/pdf|image\/(jpeg|png|webp)|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/msword)$/;

/** The first bytes of each accepted type: the declared type is not trusted on its own. */
const contentMatchesType = (content: Buffer, mimeType: string): boolean => {
  const starts = (...bytes: number[]) => bytes.every((b, i) => content[i] === b);
  switch (mimeType) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46); // %PDF
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47);
    case 'image/webp':
      return (
        starts(0x52, 0x49, 0x46, 0x46) && content.subarray(8, 12).toString('latin1') === 'WEBP'
      );
    case 'application/msword':
      return starts(0xd0, 0xcf, 0x11, 0xe0); // OLE compound file
    default:
      return starts(0x50, 0x4b, 0x03, 0x04); // .docx is a zip
  }
};

export const uploadDocument = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { orgUnitId: number; fileName: string; mimeType: string; contentBase64: string };
}): Promise<{ id: number; fileName: string; size: number }> => {
  if (!allowedMime.test(input.mimeType))
    throw invalidField('mimeType', 'Chỉ nhận tệp PDF, ảnh (JPEG, PNG, WebP) hoặc Word.');
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw invalidField('contentBase64', 'Tệp rỗng.');
  if (!contentMatchesType(content, input.mimeType))
    throw invalidField(
      'contentBase64',
      'Nội dung tệp không đúng loại đã khai (PDF, ảnh hoặc Word): tệp có thể bị hỏng hoặc đổi đuôi.',
    );
  if (content.length > maxDocumentBytes)
    throw invalidField('contentBase64', 'Tệp đính kèm không được lớn hơn 10 MB.');
  return db.transaction(async (tx) => {
    await getUnitInScope(tx, actor, input.orgUnitId);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const [doc] = await tx
      .insert(documents)
      .values({
        orgUnitId: input.orgUnitId,
        fileName: input.fileName.normalize('NFC'),
        mimeType: input.mimeType,
        size: content.length,
        sha256,
        content,
        uploadedBy: actor.userId,
      })
      .returning({ id: documents.id });
    await writeAudit(tx, {
      actor,
      action: 'document.upload',
      entityType: 'document',
      entityId: doc.id,
      orgUnitId: input.orgUnitId,
      after: { fileName: input.fileName, size: content.length, sha256 },
    });
    return { id: doc.id, fileName: input.fileName, size: content.length };
  });
};

export const readDocument = async (db: Db, actor: Actor, id: number) => {
  const row = await queryOne<{
    id: number;
    org_unit_id: number;
    file_name: string;
    mime_type: string;
    content: Buffer | Uint8Array;
  }>(
    db,
    sql`select d.id, d.org_unit_id, d.file_name, d.mime_type, d.content from documents d
        join org_units o on o.id = d.org_unit_id
        where d.id = ${id} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!row) throw notFound('tệp đính kèm');
  // Dossier files are secret material: every download is in the audit log.
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'document.read',
      entityType: 'document',
      entityId: id,
      orgUnitId: row.org_unit_id,
      meta: { fileName: row.file_name },
    }),
  );
  return { fileName: row.file_name, mimeType: row.mime_type, content: Buffer.from(row.content) };
};

/** Answer a download of an attached file under its own name (UTF-8, any script). */
export const sendAttachment = (
  reply: FastifyReply,
  doc: { mimeType: string; fileName: string; content: Buffer },
) =>
  reply
    .header('Content-Type', doc.mimeType)
    .header(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    )
    .send(doc.content);
