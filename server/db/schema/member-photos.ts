import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { members } from './members';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * A member's current photo (ảnh chân dung of the record), one per member: the uploaded JPEG or PNG
 * cropped by the user to 3:4 and normalised by the server to a 450 × 600 JPEG
 * (server/modules/members/member-photo.image.ts). Kept in the database so a backup holds it; a
 * replacement overwrites it, the audit log keeps the hashes of both.
 */
export const memberPhotos = pgTable('member_photos', {
  memberId: integer()
    .primaryKey()
    .references(() => members.id),
  /** The normalised JPEG. */
  content: bytea().notNull(),
  width: integer().notNull(),
  height: integer().notNull(),
  size: integer().notNull(),
  sha256: text().notNull(),
  /** What was uploaded: its type (image/jpeg, image/png), byte size and the crop applied. */
  sourceMime: text().notNull(),
  sourceSize: integer().notNull(),
  crop: text().notNull(),
  updatedBy: integer(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
