import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TMemberListQuery } from '../../../contracts/members';
import {
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
  sexLabels,
} from '../../../domain/enums/members';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { writeAudit } from '../../platform/audit/audit';
import { cellLabels } from './cell-labels';
import { buildMemberQuery } from './members.queries';

const columns = [
  { header: 'STT', width: 6 },
  { header: 'Họ và tên', width: 28 },
  { header: 'Giới tính', width: 9 },
  { header: 'Ngày sinh', width: 12 },
  { header: 'Dân tộc', width: 10 },
  { header: 'Chức vụ', width: 26 },
  { header: 'Chi bộ', width: 34 },
  { header: 'Ngày vào Đảng', width: 14 },
  { header: 'Ngày chính thức', width: 14 },
  { header: 'Trình độ chuyên môn', width: 18 },
  { header: 'Lý luận chính trị', width: 16 },
  { header: 'Trạng thái', width: 16 },
  // Read back by the spreadsheet import (server/modules/imports).
  { header: 'Tôn giáo', width: 10 },
  { header: 'Số CCCD', width: 16 },
  { header: 'Quê quán', width: 24 },
  { header: 'Số thẻ đảng', width: 14 },
  { header: 'Số quyết định kết nạp', width: 22 },
  { header: 'Nơi sinh', width: 24 },
  { header: 'Nghề nghiệp', width: 18 },
  { header: 'Nơi làm việc', width: 24 },
  { header: 'Số điện thoại', width: 14 },
];

type ExportRow = {
  id: number;
  full_name: string;
  sex: 'male' | 'female';
  birth_date: string;
  status: keyof typeof memberStatusLabels;
  org_unit_id: number;
  org_unit_name: string;
  admitted_on: string | null;
  recognised_on: string | null;
  position: string | null;
  political_theory: keyof typeof politicalTheoryLabels;
  professional_level: keyof typeof professionalLevelLabels;
  ethnicity: string | null;
  religion: string | null;
  citizen_id: string | null;
  home_town: string | null;
  card_number: string | null;
  birth_place: string | null;
  occupation: string | null;
  workplace: string | null;
  phone: string | null;
  admission_decision: string | null;
  /** The sort key of the row, to start the next page after it. */
  k: (string | null)[];
};

/** One sort key of the list's order (members.queries.ts `orderBy`): id breaks ties, ascending. */
type SortKey = { column: string; vi: boolean; desc: boolean; nullable: boolean; cast: SQL };

const sortKeys = (sort: TMemberListQuery['sort']): SortKey[] => {
  const desc = sort.startsWith('-');
  const key = (column: string, cast: SQL, more: Partial<SortKey> = {}): SortKey => ({
    column,
    vi: false,
    desc,
    nullable: false,
    cast,
    ...more,
  });
  const id = key('id', sql`int`, { desc: false });
  switch (sort.replace('-', '')) {
    case 'birthDate':
      return [key('birth_date', sql`date`), id];
    case 'admittedOn':
      return [key('admitted_on', sql`date`, { nullable: true }), id];
    default:
      return [
        key('given_name', sql`text`, { vi: true }),
        key('full_name', sql`text`, { vi: true }),
        id,
      ];
  }
};

/** The key as an expression over the rows of `alias`. */
const keyOf = (k: SortKey, alias: string) =>
  sql`${sql.raw(`${alias}.${k.column}`)}${k.vi ? sql` collate vi` : sql``}`;

const orderOf = (keys: SortKey[], alias: string) =>
  sql.join(
    keys.map(
      (k) =>
        sql`${keyOf(k, alias)} ${k.desc ? sql`desc` : sql`asc`}${k.nullable ? sql` nulls last` : sql``}`,
    ),
    sql`, `,
  );

/**
 * Rows strictly after `last` in the order of `keys` (keyset pagination). In ascending name order,
 * the default, one row comparison that the name-order index (members_sort_idx) answers; otherwise
 * "an earlier key equal and this one beyond", NULLs (admission date) last.
 */
const after = (keys: SortKey[], last: (string | null)[]): SQL => {
  const value = (i: number) => sql`${last[i]}::${keys[i].cast}`;
  const expr = (i: number) => keyOf(keys[i], 'm');
  if (keys.every((k) => !k.desc && !k.nullable))
    return sql`(${sql.join(
      keys.map((_, i) => expr(i)),
      sql`, `,
    )}) > (${sql.join(
      keys.map((_, i) => value(i)),
      sql`, `,
    )})`;
  const equal = (i: number) =>
    last[i] === null ? sql`${expr(i)} is null` : sql`${expr(i)} = ${value(i)}`;
  const beyond = (i: number) => {
    if (last[i] === null) return sql`false`; // nothing sorts after NULL (nulls last)
    const cmp = keys[i].desc ? sql`${expr(i)} < ${value(i)}` : sql`${expr(i)} > ${value(i)}`;
    return keys[i].nullable ? sql`(${cmp} or ${expr(i)} is null)` : cmp;
  };
  return sql`(${sql.join(
    keys.map(
      (_, i) =>
        sql`(${sql.join([...keys.slice(0, i).map((_k, j) => equal(j)), beyond(i)], sql` and `)})`,
    ),
    sql` or `,
  )})`;
};

const PAGE = 2_000;

/** The whole filtered list in pages of PAGE rows: one query a page, each starting after the last row. */
async function* exportPages(
  db: Db,
  from: SQL,
  where: SQL,
  sort: TMemberListQuery['sort'],
  pageRows: number,
): AsyncGenerator<ExportRow[]> {
  const keys = sortKeys(sort);
  let last: (string | null)[] | null = null;
  for (;;) {
    const rows: ExportRow[] = await queryRows<ExportRow>(
      db,
      sql`select p.*,
            (select e.decision_number from member_events e
             where e.member_id = p.id and e.kind in ('admitted', 'readmitted')
             order by e.event_date desc, e.id desc limit 1) as admission_decision,
            array[${sql.join(
              keys.map((k) => sql`${sql.raw(`p.${k.column}`)}::text`),
              sql`, `,
            )}] as k
          from (
            select m.id, m.full_name, m.given_name, m.sex, m.birth_date, m.status, m.org_unit_id,
              o.name as org_unit_name, m.admitted_on, m.recognised_on, m.position,
              m.political_theory, m.professional_level, m.ethnicity, m.religion, m.citizen_id,
              m.home_town, m.card_number, m.birth_place, m.occupation, m.workplace, m.phone
            from ${from}
            where ${where}${last ? sql` and ${after(keys, last)}` : sql``}
            order by ${orderOf(keys, 'm')} limit ${pageRows}) p
          order by ${orderOf(keys, 'p')}`,
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < pageRows) return;
    last = rows[rows.length - 1].k;
  }
}

/** Resolves true once `out` can take more, false if the client went away. */
const drained = async (out: PassThrough): Promise<boolean> => {
  if (out.destroyed) return false;
  if (!out.writableNeedDrain) return true;
  await Promise.race([once(out, 'drain'), once(out, 'close')]);
  return !out.destroyed;
};

/**
 * Stream exactly the filtered list to XLSX, page by page (bounded memory). The file carries who
 * exported it, when and why; the export itself is audited before the first byte is sent.
 */
export const exportMembersXlsx = async ({
  db,
  actor,
  query,
  purpose,
  pageRows = PAGE,
}: {
  db: Db;
  actor: Actor;
  query: TMemberListQuery;
  purpose: string;
  /** Rows read a query (tests use a few, to cross page boundaries). */
  pageRows?: number;
}): Promise<PassThrough> => {
  // Checks scope and filters before anything is written.
  const { from, where } = await buildMemberQuery(db, actor, query);
  const exportedAt = new Date();
  await db.transaction((tx) =>
    writeAudit(tx, {
      actor,
      action: 'member.export',
      entityType: 'member',
      meta: { filter: query, purpose, format: 'xlsx' },
    }),
  );
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = `dangvu – ${actor.displayName}`;
  const sheet = workbook.addWorksheet('Danh sách đảng viên', {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const stamp = exportedAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  const title = sheet.addRow(['DANH SÁCH ĐẢNG VIÊN']);
  title.font = { bold: true, size: 14, name: 'Times New Roman' };
  title.commit();
  sheet
    .addRow([
      `Người xuất: ${actor.displayName} (${actor.username}) – lúc ${stamp} – mục đích: ${purpose}`,
    ])
    .commit();
  sheet.addRow(['Tài liệu chứa dữ liệu cá nhân; chỉ sử dụng đúng mục đích đã khai báo.']).commit();
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true, name: 'Times New Roman' };
  header.eachCell((cell) => {
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.commit();
  const showEthnicity = can(actor, 'member.readSensitive');
  // A cell name shared by several cells in the subtree is written with its parent, so the file
  // can be imported back without ambiguity.
  const cells = await cellLabels(db, actor);

  void (async () => {
    try {
      let n = 0;
      for await (const page of exportPages(db, from, where, query.sort, pageRows)) {
        for (const m of page) {
          n += 1;
          sheet
            .addRow([
              n,
              m.full_name,
              sexLabels[m.sex],
              formatDate(m.birth_date),
              showEthnicity ? (m.ethnicity ?? '') : '',
              m.position ?? '',
              cells.get(m.org_unit_id) ?? m.org_unit_name,
              formatDate(m.admitted_on),
              formatDate(m.recognised_on),
              professionalLevelLabels[m.professional_level],
              politicalTheoryLabels[m.political_theory],
              memberStatusLabels[m.status],
              showEthnicity ? (m.religion ?? '') : '',
              m.citizen_id ?? '',
              m.home_town ?? '',
              m.card_number ?? '',
              m.admission_decision ?? '',
              m.birth_place ?? '',
              m.occupation ?? '',
              m.workplace ?? '',
              m.phone ?? '',
            ])
            .commit();
        }
        // Backpressure: while the client has not taken what was written, read no further page
        // (the zip writer would otherwise buffer the whole file in memory for a slow reader).
        if (!(await drained(out))) return;
      }
      sheet.addRow([]).commit();
      sheet.addRow([`Tổng số: ${n} đảng viên`]).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
};
