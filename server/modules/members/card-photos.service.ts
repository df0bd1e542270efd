// The card-photo list (danh sách ảnh thẻ) of a unit for a card issue round. Hướng dẫn 12-HD/BTCTW
// (2022), part II, 2.2.b: once the cell proposes to recognise a probationary member as full member,
// the cell committee sends the dossier, the list proposing the card (danh sách đề nghị phát thẻ) and
// two portrait photos 2 × 3 cm up to the grassroots committee; the upper committee's organisation
// board makes the cards from the member database. A card exchange round (Ban Bí thư, 8/2025) concerns
// full members who already hold a card. So the office needs: who is in the round, whose photo is still
// missing, and the photos as files named by a code it can match (the ZIP), with a printed sheet to
// check faces against names and sign (the DOCX inside the ZIP).

import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { zipSync } from 'fflate';
import type { TCardPhotoQuery, TCardPhotoRow } from '../../../contracts/member-photos';
import { cardRoundKindLabels } from '../../../contracts/member-photos';
import type { MemberStatus } from '../../../domain/enums/members';
import { activeStatuses, memberStatusLabels } from '../../../domain/enums/members';
import { type Db, type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { cardPhotoOf } from './member-photo.image';

/** The code a photo file is named by: the record number (số lý lịch), else DV + the member id. */
const codeOf = (recordNumber: string | null, id: number) =>
  (recordNumber?.trim() || `DV${String(id).padStart(6, '0')}`).replace(/[^\p{L}\p{N}._-]+/gu, '_');

type Row = {
  id: number;
  full_name: string;
  birth_date: string;
  status: string;
  record_number: string | null;
  card_number: string | null;
  recognised_on: string | null;
  cell_name: string;
  photo_at: string | null;
};

const roundFilter = (kind: TCardPhotoQuery['kind']) => {
  const active = sql.join(
    activeStatuses.map((s) => sql`${s}`),
    sql`, `,
  );
  if (kind === 'new_card')
    return sql`m.status in (${active}) and coalesce(trim(m.card_number), '') = ''`;
  if (kind === 'exchange')
    return sql`m.status in (${active}) and m.status <> 'probationary'
               and coalesce(trim(m.card_number), '') <> ''`;
  return sql`m.status in (${active})`;
};

export const listCardPhotos = async ({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: TCardPhotoQuery;
}) => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId);
  const rows = await queryRows<Row>(
    db,
    sql`select m.id, m.full_name, m.birth_date::text as birth_date, m.status, m.record_number,
          m.card_number, m.recognised_on::text as recognised_on, o.name as cell_name,
          p.updated_at::text as photo_at
        from members m
        join org_units o on o.id = m.org_unit_id
        left join member_photos p on p.member_id = m.id
        where o.path <@ (select path from org_units where id = ${unit.id})
          and ${roundFilter(query.kind)}
          ${query.missingOnly ? sql`and p.member_id is null` : sql``}
        order by o.path, m.given_name, m.full_name, m.id`,
  );
  const items: TCardPhotoRow[] = rows.map((r) => ({
    memberId: r.id,
    code: codeOf(r.record_number, r.id),
    fullName: r.full_name,
    birthDate: r.birth_date,
    status: r.status,
    cellName: r.cell_name,
    cardNumber: r.card_number,
    recognisedOn: r.recognised_on,
    hasPhoto: r.photo_at !== null,
    photoUpdatedAt: r.photo_at ? new Date(r.photo_at).toISOString() : null,
  }));
  const withPhoto = items.filter((i) => i.hasPhoto).length;
  return {
    unitName: unit.name as string,
    items,
    total: items.length,
    withPhoto,
    missing: items.length - withPhoto,
  };
};

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const pt = (points: number) => points * 2;
const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text: value, size: pt(12), font: 'Times New Roman', ...options });
const cell = (children: Paragraph[], width: number) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    children,
  });
const para = (runs: (TextRun | ImageRun)[], centred = false) =>
  new Paragraph({ alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT, children: runs });

/** The printed sheet: number, the 2 × 3 photo (or a blank to paste one), name, birth date, cell, code. */
const sheetDocx = async (
  unitName: string,
  kind: TCardPhotoQuery['kind'],
  items: TCardPhotoRow[],
  photos: Map<number, Buffer>,
): Promise<Buffer> => {
  // Column widths in twips (A4 text width ≈ 9600 twips with 20/15 mm margins).
  const widths = [600, 1500, 3000, 1400, 2200, 1300];
  const header = new TableRow({
    tableHeader: true,
    children: ['STT', 'Ảnh 2 × 3', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Mã tệp ảnh'].map((h, i) =>
      cell([para([text(h, { bold: true })], true)], widths[i]),
    ),
  });
  const rows = items.map((item, index) => {
    const photo = photos.get(item.memberId);
    const picture = photo
      ? para(
          [
            new ImageRun({
              type: 'jpg',
              data: photo,
              // 2 × 3 cm at 96 px per inch.
              transformation: { width: 76, height: 113 },
            }),
          ],
          true,
        )
      : para([text('(chưa có ảnh)', { italics: true })], true);
    return new TableRow({
      cantSplit: true,
      children: [
        cell([para([text(String(index + 1))], true)], widths[0]),
        cell([picture], widths[1]),
        cell([para([text(item.fullName, { bold: true })])], widths[2]),
        cell([para([text(dmy(item.birthDate))], true)], widths[3]),
        cell([para([text(item.cellName)])], widths[4]),
        cell([para([text(item.code)], true)], widths[5]),
      ],
    });
  });
  const missing = items.filter((i) => !photos.has(i.memberId)).length;
  const doc = new Document({
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 850 },
          },
        },
        children: [
          para([text(unitName.toUpperCase(), { bold: true })], true),
          para([text('DANH SÁCH ẢNH THẺ ĐẢNG VIÊN', { bold: true })], true),
          para(
            [text(`${cardRoundKindLabels[kind]} — lập ngày ${dmy(todayIso())}`, { italics: true })],
            true,
          ),
          para([
            text(
              `Số đảng viên: ${items.length}; đã có ảnh: ${items.length - missing}; còn thiếu ảnh: ${missing}.`,
            ),
          ]),
          new Table({ width: { size: 10000, type: WidthType.DXA }, rows: [header, ...rows] }),
          para([]),
          para([text('NGƯỜI LẬP DANH SÁCH', { bold: true })], false),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
};

/**
 * The ZIP of a round: `anh-the/<code>.jpg` (2 × 3 crop of each stored photo), the printed sheet
 * `danh-sach-anh-the.docx`, and `thieu-anh.txt` naming who has no photo yet. Audited as an export.
 */
export const exportCardPhotosZip = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TCardPhotoQuery;
}): Promise<{ zip: Buffer; fileName: string }> => {
  const list = await listCardPhotos({ db, actor, query });
  const ids = list.items.filter((i) => i.hasPhoto).map((i) => i.memberId);
  const photos = new Map<number, Buffer>();
  if (ids.length) {
    const rows = await queryRows<{ member_id: number; content: Buffer | Uint8Array }>(
      db,
      sql`select member_id, content from member_photos
          where member_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
    );
    for (const r of rows) photos.set(r.member_id, cardPhotoOf(Buffer.from(r.content)));
  }
  const files: Record<string, Uint8Array> = {};
  const used = new Set<string>();
  for (const item of list.items) {
    const photo = photos.get(item.memberId);
    if (!photo) continue;
    let name = `anh-the/${item.code}.jpg`;
    if (used.has(name)) name = `anh-the/${item.code}_${item.memberId}.jpg`;
    used.add(name);
    files[name] = photo;
  }
  files['danh-sach-anh-the.docx'] = await sheetDocx(list.unitName, query.kind, list.items, photos);
  const missing = list.items.filter((i) => !i.hasPhoto);
  files['thieu-anh.txt'] = Buffer.from(
    missing.length
      ? `Đảng viên chưa có ảnh (${missing.length}):\r\n${missing
          .map(
            (m) =>
              `${m.code}\t${m.fullName}\t${dmy(m.birthDate)}\t${m.cellName}\t${memberStatusLabels[m.status as MemberStatus] ?? m.status}`,
          )
          .join('\r\n')}\r\n`
      : 'Mọi đảng viên trong danh sách đều đã có ảnh.\r\n',
    'utf8',
  );
  const zip = Buffer.from(zipSync(files, { level: 0 }));
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'member.card_photos_export',
      entityType: 'org_unit',
      entityId: query.orgUnitId,
      orgUnitId: query.orgUnitId,
      meta: { kind: query.kind, members: list.total, photos: photos.size, missing: missing.length },
    }),
  );
  return { zip, fileName: `anh-the-${todayIso()}.zip` };
};
