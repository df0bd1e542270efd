// A member's photo (issue 21): upload with a crop, replace, remove, read. Who may edit the member
// record may change the photo (permission member.write, the member in the actor's subtree); who may
// read the record may see it (member.read: a member sees their own). Each change is one transaction
// with one audit record holding the hashes before and after; reads are not logged (the record page
// shows the photo every time it opens).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { TMemberPhotoUpload } from '../../../contracts/member-photos';
import { type Db, type DbOrTx, queryOne, sql } from '../../db/client';
import { memberPhotos } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { writeAudit } from '../../platform/audit/audit';
import { AppError } from '../../platform/errors';
import { normalisePhoto } from './member-photo.image';

type PhotoInfo = {
  memberId: number;
  width: number;
  height: number;
  size: number;
  sha256: string;
  updatedAt: string;
};

const infoOf = async (db: DbOrTx, memberId: number): Promise<PhotoInfo | null> => {
  const row = await queryOne<{
    width: number;
    height: number;
    size: number;
    sha256: string;
    updated_at: string;
  }>(
    db,
    sql`select width, height, size, sha256, updated_at::text as updated_at
        from member_photos where member_id = ${memberId}`,
  );
  return row
    ? {
        memberId,
        width: row.width,
        height: row.height,
        size: row.size,
        sha256: row.sha256,
        updatedAt: new Date(row.updated_at).toISOString(),
      }
    : null;
};

/** Store (or replace) the member's photo: the upload checked, cropped and normalised first. */
export const putMemberPhoto = async ({
  db,
  actor,
  memberId,
  input,
}: {
  db: Db;
  actor: Actor;
  memberId: number;
  input: TMemberPhotoUpload;
}): Promise<PhotoInfo> => {
  // Out of scope answers "not found" before the upload is even looked at.
  await requireAccess(db, actor, 'member.write', memberId);
  const bytes = Buffer.from(input.contentBase64, 'base64');
  // Decoding and resampling take a moment: done before the transaction, nothing is locked meanwhile.
  const photo = normalisePhoto(bytes, input.crop ?? null);
  const sha256 = createHash('sha256').update(photo.jpeg).digest('hex');
  const crop = JSON.stringify(photo.crop);
  return db.transaction(async (tx) => {
    const facts = await requireAccess(tx, actor, 'member.write', memberId, { lock: true });
    const before = await infoOf(tx, memberId);
    const values = {
      content: photo.jpeg,
      width: photo.width,
      height: photo.height,
      size: photo.jpeg.length,
      sha256,
      sourceMime: photo.sourceMime,
      sourceSize: bytes.length,
      crop,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    await tx
      .insert(memberPhotos)
      .values({ memberId, ...values })
      .onConflictDoUpdate({ target: memberPhotos.memberId, set: values });
    await writeAudit(tx, {
      actor,
      action: before ? 'member.photo_replace' : 'member.photo_upload',
      entityType: 'member',
      entityId: memberId,
      orgUnitId: facts.org_unit_id,
      before: before ? { sha256: before.sha256, size: before.size } : null,
      after: { sha256, size: photo.jpeg.length },
      meta: {
        fileName: input.fileName?.normalize('NFC') ?? null,
        sourceMime: photo.sourceMime,
        sourceSize: bytes.length,
        sourceWidth: photo.sourceWidth,
        sourceHeight: photo.sourceHeight,
        crop: photo.crop,
      },
    });
    return (await infoOf(tx, memberId)) as PhotoInfo;
  });
};

/** Remove the member's photo (a member without one: a plain refusal, the member exists). */
export const deleteMemberPhoto = async ({
  db,
  actor,
  memberId,
}: {
  db: Db;
  actor: Actor;
  memberId: number;
}): Promise<{ ok: true }> =>
  db.transaction(async (tx) => {
    const facts = await requireAccess(tx, actor, 'member.write', memberId, { lock: true });
    const before = await infoOf(tx, memberId);
    if (!before) throw new AppError('BAD_REQUEST', { message: 'Đảng viên này chưa có ảnh để gỡ.' });
    await tx.delete(memberPhotos).where(eq(memberPhotos.memberId, memberId));
    await writeAudit(tx, {
      actor,
      action: 'member.photo_remove',
      entityType: 'member',
      entityId: memberId,
      orgUnitId: facts.org_unit_id,
      before: { sha256: before.sha256, size: before.size },
    });
    return { ok: true as const };
  });

/** The photo as the actor may see it: null when the member (in reach) has none. */
export const getMemberPhoto = async (
  db: DbOrTx,
  actor: Actor,
  memberId: number,
): Promise<{ bytes: Buffer; sha256: string; updatedAt: string } | null> => {
  await requireAccess(db, actor, 'member.read', memberId);
  const row = await queryOne<{ content: Buffer | Uint8Array; sha256: string; updated_at: string }>(
    db,
    sql`select content, sha256, updated_at::text as updated_at from member_photos
        where member_id = ${memberId}`,
  );
  return row
    ? {
        bytes: Buffer.from(row.content),
        sha256: row.sha256,
        updatedAt: new Date(row.updated_at).toISOString(),
      }
    : null;
};

/**
 * The stored photo for documents printed from the record (2-HSĐV, 1-HSĐV): no scope check here, the
 * caller has already reached the member; null when there is none.
 */
export const readMemberPhoto = async (
  db: DbOrTx,
  memberId: number,
): Promise<{ bytes: Buffer; mime: 'image/jpeg' } | null> => {
  const row = await queryOne<{ content: Buffer | Uint8Array }>(
    db,
    sql`select content from member_photos where member_id = ${memberId}`,
  );
  return row ? { bytes: Buffer.from(row.content), mime: 'image/jpeg' } : null;
};
