// "Danh sách trích ngang đảng viên": the member list as it is filtered on the page, printed as a
// landscape A4 table in the Party document format (docs/domain/forms.md, "Danh sách trích ngang").
// The columns are those offices file with a personnel list (STT, họ và tên, ngày sinh, giới tính, quê
// quán, ngày vào Đảng, ngày chính thức, chức vụ, chi bộ, lý luận chính trị, ghi chú); no national form
// number governs this list, so its columns are ours ❓ and the file stays editable in Word.
import type { TMemberListFormQuery } from '../../../contracts/forms';
import { politicalTheoryLabels, sexLabels } from '../../../domain/enums/members';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { AppError } from '../../platform/errors';
import { buildMemberQuery, cellLabels } from '../members';
import { defaultDocumentFormat, reportHeader } from '../reports';
import {
  type Column,
  type DocumentFormat,
  documentFormatOf,
  gridTable,
  para,
  partyHeader,
  placeDate,
  renderDocument,
  run,
  signatureBlock,
  textWidth,
  title,
  todayInVietnam,
} from './docx-kit';
import { deliverForm } from './forms.service';

/** More rows than this is not a list anyone prints: the office filters by cell or committee first. */
export const maxListRows = 3_000;

export type ListRow = {
  fullName: string;
  birthDate: string;
  sex: 'male' | 'female';
  homeTown: string | null;
  admittedOn: string | null;
  recognisedOn: string | null;
  position: string | null;
  cell: string;
  politicalTheory: string;
  note: string;
};

export type MemberListForm = {
  superiorName: string;
  issuerName: string;
  placeDate: string;
  unitName: string;
  asOf: string;
  /** The filters besides the unit, in words ("Nữ; Cao cấp lý luận chính trị"), or empty. */
  filterText: string;
  rows: ListRow[];
  signer: { authority: string; title: string };
  exportedBy: string;
  purpose: string;
};

/** Columns in millimetres: landscape A4 less the margins (297 − 30 − 15 = 252 mm by default). */
const columns: Column[] = [
  { header: 'STT', width: 10, align: 'center' },
  { header: 'Họ và tên', width: 37 },
  { header: 'Ngày sinh', width: 20, align: 'center' },
  { header: 'Giới tính', width: 14, align: 'center' },
  { header: 'Quê quán', width: 36 },
  { header: 'Ngày vào Đảng', width: 20, align: 'center' },
  { header: 'Ngày chính thức', width: 20, align: 'center' },
  { header: 'Chức vụ', width: 31 },
  { header: 'Chi bộ', width: 34 },
  { header: 'Lý luận chính trị', width: 17 },
  { header: 'Ghi chú', width: 13 },
];

export const renderMemberListDocx = (
  f: MemberListForm,
  format?: DocumentFormat,
): Promise<Buffer> => {
  const fmt = format ?? defaultDocumentFormat;
  const width = textWidth(fmt, true);
  // The columns fill the text width whatever the margins set.
  const scale =
    (297 - fmt.margins.left - fmt.margins.right) / columns.reduce((s, c) => s + c.width, 0);
  const cols = columns.map((c) => ({ ...c, width: c.width * scale }));
  return renderDocument(
    `Danh sách trích ngang đảng viên – ${f.unitName}`,
    [
      {
        landscape: true,
        pageNumbers: true,
        children: [
          partyHeader(
            { superiorName: f.superiorName, issuerName: f.issuerName, placeDate: f.placeDate },
            width,
          ),
          ...title('DANH SÁCH TRÍCH NGANG ĐẢNG VIÊN', [
            f.unitName,
            ...(f.filterText ? [`(${f.filterText})`] : []),
            `Tính đến ngày ${formatDate(f.asOf)}`,
          ]),
          gridTable(
            cols,
            f.rows.map((r, i) => [
              String(i + 1),
              r.fullName,
              formatDate(r.birthDate),
              sexLabels[r.sex],
              r.homeTown ?? '',
              formatDate(r.admittedOn),
              formatDate(r.recognisedOn),
              r.position ?? '',
              r.cell,
              r.politicalTheory,
              r.note,
            ]),
            11,
          ),
          para([run(`Tổng số: ${formatNumber(f.rows.length)} đảng viên.`, { size: 13 })], {
            before: 120,
            after: 120,
            keepNext: true,
          }),
          signatureBlock(width, { ...f.signer, name: '' }, [
            para([run('NGƯỜI LẬP DANH SÁCH', { bold: true, size: 13 })], { align: 'center' }),
          ]),
          para(
            [
              run(
                `Lập từ dữ liệu quản lý đảng viên bởi ${f.exportedBy}; mục đích: ${f.purpose}. Tài liệu chứa dữ liệu cá nhân, chỉ sử dụng đúng mục đích.`,
                { size: 10, italics: true },
              ),
            ],
            { before: 240 },
          ),
        ],
      },
    ],
    fmt,
  );
};

const filterWords = (q: TMemberListFormQuery): string => {
  const parts: string[] = [];
  if (q.sex) parts.push(sexLabels[q.sex]);
  if (q.politicalTheory?.length)
    parts.push(q.politicalTheory.map((p) => politicalTheoryLabels[p]).join(', '));
  if (q.admissionYear) parts.push(`vào Đảng năm ${q.admissionYear}`);
  if (q.q) parts.push(`tìm "${q.q}"`);
  return parts.join('; ');
};

export const memberListForm = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TMemberListFormQuery;
}) => {
  const { purpose, format, ...filter } = query;
  // Checks scope and filters (a unit outside the subtree is "not found").
  const { from, where } = await buildMemberQuery(db, actor, filter);
  const rows = await queryRows<{
    full_name: string;
    birth_date: string;
    sex: 'male' | 'female';
    home_town: string | null;
    admitted_on: string | null;
    recognised_on: string | null;
    position: string | null;
    org_unit_id: number;
    org_unit_name: string;
    political_theory: keyof typeof politicalTheoryLabels;
    status: string;
  }>(
    db,
    sql`select m.full_name, m.birth_date, m.sex, m.home_town, m.admitted_on, m.recognised_on,
          m.position, m.org_unit_id, o.name as org_unit_name, m.political_theory, m.status
        from ${from} where ${where}
        order by m.given_name collate vi, m.full_name collate vi, m.id
        limit ${maxListRows + 1}`,
  );
  if (rows.length > maxListRows)
    throw new AppError('BAD_REQUEST', {
      message: `Danh sách có hơn ${formatNumber(maxListRows)} đảng viên, quá dài để in trích ngang. Hãy lọc theo một đảng bộ hoặc chi bộ.`,
    });
  const unitId = filter.orgUnitId ?? actor.scopeOrgUnitId;
  const today = todayInVietnam();
  const header = await reportHeader(db, unitId, today);
  const cells = await cellLabels(db, actor);
  const docx = await renderMemberListDocx(
    {
      superiorName: header.superiorName,
      issuerName: header.issuerName,
      placeDate: placeDate(header.place, today),
      unitName: (
        await queryRows<{ name: string }>(db, sql`select name from org_units where id = ${unitId}`)
      )[0]!.name,
      asOf: today,
      filterText: filterWords(query),
      rows: rows.map((r) => ({
        fullName: r.full_name,
        birthDate: r.birth_date,
        sex: r.sex,
        homeTown: r.home_town,
        admittedOn: r.admitted_on,
        recognisedOn: r.recognised_on,
        position: r.position,
        cell: cells.get(r.org_unit_id) ?? r.org_unit_name,
        politicalTheory:
          r.political_theory === 'none' ? '' : politicalTheoryLabels[r.political_theory],
        note: r.status === 'probationary' ? 'Dự bị' : '',
      })),
      signer: header.signer,
      exportedBy: `${actor.displayName} (${actor.username})`,
      purpose,
    },
    await documentFormatOf(db),
  );
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `danh-sach-trich-ngang-${today}`,
    audit: {
      form: 'trich-ngang',
      entityType: 'member',
      orgUnitId: unitId,
      meta: { filter, purpose, count: rows.length },
    },
  });
};
