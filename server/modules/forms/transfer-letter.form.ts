// Giấy giới thiệu sinh hoạt đảng (Hướng dẫn 12-HD/BTCTW: mẫu 1-SHĐ chính thức, 2-SHĐ tạm thời, as
// the published copies name them), printed from a recorded transfer event (member_events: official
// transfer out, a move inside the tree, or a temporary transfer), with its counterfoil ("cuống", kept
// by the issuing committee) above the cut line and the letter below. The number is the transfer's
// letter number as recorded ("Số … GTSHĐ"); nothing is renumbered. The member presents the letter
// within 30 days (docs/domain/members.md, `letterPresentationDays`). docs/domain/forms.md.
import type { Paragraph, Table } from 'docx';
import type { FormFormat } from '../../../contracts/forms';
import { partyDocumentDate } from '../../../domain/text/dates';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryOne, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { AppError, notFound } from '../../platform/errors';
import { letterPresentationDays } from '../members';
import { defaultDocumentFormat, reportHeader } from '../reports';
import {
  type DocumentFormat,
  documentFormatOf,
  field,
  para,
  partyHeader,
  placeDate,
  renderDocument,
  run,
  signatureBlock,
  textWidth,
} from './docx-kit';
import { deliverForm } from './forms.service';
import { asciiName } from './member-record.form';

export type TransferLetter = {
  temporary: boolean;
  letterNumber: string;
  letterDate: string;
  superiorName: string;
  issuerName: string;
  place: string;
  /** The cell the member leaves. */
  fromCell: string;
  /** Where the letter is addressed ("Kính gửi"). */
  to: string;
  member: {
    fullName: string;
    alias: string | null;
    birthDate: string;
    admittedOn: string | null;
    recognisedOn: string | null;
    cardNumber: string | null;
    recordNumber: string | null;
  };
  /** "MM/YYYY" of the last month whose dues are recorded paid, or null. */
  duesPaidTo: string | null;
  note: string | null;
};

const kinds = ['transferred_out', 'moved', 'temporary_out'] as const;

const letterBody = (l: TransferLetter) => [
  field('Kính gửi', l.to),
  field(
    'Đề nghị giới thiệu sinh hoạt đảng cho đồng chí',
    `${l.member.fullName}${l.member.alias ? `, bí danh ${l.member.alias}` : ''}`,
  ),
  field('Sinh ngày', formatDate(l.member.birthDate)),
  field('Vào Đảng ngày', formatDate(l.member.admittedOn)),
  field(
    'Chính thức ngày',
    l.member.recognisedOn ? formatDate(l.member.recognisedOn) : 'Đảng viên dự bị',
  ),
  field('Số thẻ đảng viên', l.member.cardNumber),
  field('Số lý lịch đảng viên', l.member.recordNumber),
  field('Đang sinh hoạt tại', l.fromCell),
  field('Đã đóng đảng phí hết tháng', l.duesPaidTo),
  field('Hồ sơ kèm theo', l.temporary ? 'Không' : 'Hồ sơ đảng viên'),
];

export const renderTransferLetterDocx = (
  l: TransferLetter,
  format: DocumentFormat = defaultDocumentFormat,
) => {
  const width = textWidth(format);
  const kind = l.temporary ? 'TẠM THỜI' : 'CHÍNH THỨC';
  const numberText = `Số ${l.letterNumber} GTSHĐ`;
  const counterfoil: (Paragraph | Table)[] = [
    para([run(l.temporary ? 'Mẫu 2-SHĐ' : 'Mẫu 1-SHĐ', { size: 11, italics: true })], {
      align: 'right',
    }),
    para([run('CUỐNG GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG', { bold: true, size: 13 })], {
      align: 'center',
    }),
    para([run(`${kind} – ${numberText}`, { size: 13 })], { align: 'center', after: 120 }),
    field('Giới thiệu đồng chí', l.member.fullName, 12),
    field('Sinh ngày', formatDate(l.member.birthDate), 12),
    field(
      'Vào Đảng ngày',
      `${formatDate(l.member.admittedOn)}${l.member.recognisedOn ? `; chính thức ngày ${formatDate(l.member.recognisedOn)}` : ''}`,
      12,
    ),
    field('Số thẻ đảng viên', l.member.cardNumber, 12),
    field('Chuyển đến', l.to, 12),
    field('Đã đóng đảng phí hết tháng', l.duesPaidTo, 12),
    field('Ngày cấp giấy', formatDate(l.letterDate), 12),
    para([run('Người nhận giấy ký tên: ………………………', { size: 12 })], { before: 120 }),
    para(
      [
        run(
          '- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - (cắt theo đường này)',
          { size: 11 },
        ),
      ],
      {
        align: 'center',
        before: 240,
        after: 240,
      },
    ),
  ];
  const letter: (Paragraph | Table)[] = [
    partyHeader(
      {
        superiorName: l.superiorName,
        issuerName: l.issuerName,
        numberText,
        placeDate: placeDate(l.place, l.letterDate),
      },
      width,
    ),
    para([run('GIẤY GIỚI THIỆU', { bold: true, size: 16 })], { align: 'center', before: 240 }),
    para([run(`SINH HOẠT ĐẢNG ${kind}`, { bold: true, size: 14 })], {
      align: 'center',
      after: 240,
    }),
    ...letterBody(l),
    para(
      `Đồng chí ${l.member.fullName} phải xuất trình giấy này với tổ chức đảng nơi đến trong thời hạn ${letterPresentationDays} ngày, kể từ ${partyDocumentDate(l.letterDate)}.`,
      { before: 120, italics: true, size: 13 },
    ),
    ...(l.note ? [field('Ghi chú', l.note)] : []),
    para('', { after: 120 }),
    signatureBlock(width, { authority: 'T/M ĐẢNG ỦY', title: 'BÍ THƯ', name: '' }),
  ];
  return renderDocument(
    `Giấy giới thiệu sinh hoạt đảng ${kind.toLowerCase()} – ${l.member.fullName}`,
    [{ children: [...counterfoil, ...letter] }],
    format,
  );
};

export const transferLetterForm = async ({
  db,
  actor,
  memberId,
  eventId,
  format,
}: {
  db: Db;
  actor: Actor;
  memberId: number;
  eventId: number;
  format: FormFormat;
}) => {
  await requireAccess(db, actor, 'member.read', memberId);
  const e = await queryOne<{
    kind: string;
    event_date: string;
    letter_number: string | null;
    letter_date: string | null;
    to_name: string | null;
    from_unit: number;
    note: string | null;
  }>(
    db,
    sql`select e.kind, e.event_date, coalesce(e.letter_number, e.decision_number) as letter_number,
          e.letter_date, coalesce(o.name, e.external_org) as to_name, e.note,
          coalesce((select p.org_unit_id from member_periods p where p.member_id = e.member_id
                      and p.valid_to = e.event_date order by p.valid_from desc limit 1),
                   m.org_unit_id) as from_unit
        from member_events e join members m on m.id = e.member_id
        left join org_units o on o.id = e.org_unit_id
        where e.id = ${eventId} and e.member_id = ${memberId}`,
  );
  if (!e) throw notFound('sự kiện chuyển sinh hoạt đảng');
  if (!(kinds as readonly string[]).includes(e.kind))
    throw new AppError('BAD_REQUEST', {
      message:
        'Chỉ in được giấy giới thiệu cho sự kiện chuyển sinh hoạt đảng đi (chính thức, tạm thời hoặc chuyển trong Đảng bộ).',
    });
  if (!e.letter_number)
    throw new AppError('BAD_REQUEST', {
      message:
        'Sự kiện chuyển sinh hoạt chưa ghi số giấy giới thiệu. Hãy ghi số giấy (theo sổ giới thiệu sinh hoạt đảng) rồi in.',
    });
  const m = (await queryOne<{
    full_name: string;
    alias: string | null;
    birth_date: string;
    admitted_on: string | null;
    recognised_on: string | null;
    card_number: string | null;
    record_number: string | null;
    dues_to: string | null;
  }>(
    db,
    sql`select full_name, alias, birth_date, admitted_on, recognised_on, card_number, record_number,
          (select max(month) from dues_payments where member_id = ${memberId}) as dues_to
        from members where id = ${memberId}`,
  ))!;
  const letterDate = e.letter_date ?? e.event_date;
  // The letter is issued by the grassroots committee of the cell the member leaves.
  const grassroots = await queryOne<{ id: number }>(
    db,
    sql`select a.id from org_units c join org_units a on a.path @> c.path
        where c.id = ${e.from_unit} and a.kind in ('grassroots_committee', 'grassroots_cell')
        order by nlevel(a.path) desc limit 1`,
  );
  const header = await reportHeader(db, grassroots?.id ?? e.from_unit, letterDate);
  const fromCell = (await queryOne<{ name: string }>(
    db,
    sql`select name from org_units where id = ${e.from_unit}`,
  ))!.name;
  const letter: TransferLetter = {
    temporary: e.kind === 'temporary_out',
    letterNumber: e.letter_number,
    letterDate,
    superiorName: header.superiorName,
    issuerName: header.issuerName,
    place: header.place,
    fromCell,
    to: e.to_name ?? '',
    member: {
      fullName: m.full_name,
      alias: m.alias,
      birthDate: m.birth_date,
      admittedOn: m.admitted_on,
      recognisedOn: m.recognised_on,
      cardNumber: m.card_number,
      recordNumber: m.record_number,
    },
    duesPaidTo: m.dues_to ? `${m.dues_to.slice(5)}/${m.dues_to.slice(0, 4)}` : null,
    note: e.note,
  };
  const docx = await renderTransferLetterDocx(letter, await documentFormatOf(db));
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `giay-gioi-thieu-sinh-hoat-dang-${asciiName(m.full_name)}`,
    audit: {
      form: 'giay-gioi-thieu',
      entityType: 'member',
      entityId: memberId,
      orgUnitId: e.from_unit,
      meta: { eventId, letterNumber: e.letter_number },
    },
  });
};
