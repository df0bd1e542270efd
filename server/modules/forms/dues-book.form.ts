// Sổ thu đảng phí of a cell for a year (or some months of it), and the summary of a grassroots
// organisation (one row per cell), printed from the dues the cells recorded. Every figure is the
// dues module's own (`getDuesSheet`, the sheet the page /dang-phi shows for a cell and a month: who
// is on the roll, what each owes under 342-QĐ/TW or, from 02/2026, Quy định 01-QĐ/TW, what was
// paid), summed here and never recomputed (docs/domain/dues.md). The layout follows the books the
// Party's finance offices issued (sổ S01/ĐP of the cell, sổ tổng hợp S02/ĐP "thu, trích, nộp đảng
// phí", Quyết định 912-QĐ/TCQT of 12/10/2001, as a published copy describes it) in our reading ❓.
// The share a cell keeps and remits upward is not in any text we could read for 01-QĐ/TW ❓: the
// office gives it (`keptPercent`), else those columns are left to fill (docs/domain/forms.md).
// The committee's summary adds what each grassroots organisation actually remitted ("Đã nộp", the
// register of remittances, lifecycle) and what it still owes ("Còn thiếu") once any is recorded.
import type { TDuesBookQuery } from '../../../contracts/forms';
import type { TDuesSheet } from '../../../contracts/lifecycle';
import { splitDues } from '../../../domain/rules/dues/remittance';
import { formatNumber } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { getUnitInScope } from '../../platform/access/units';
import { todayIso } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { getDuesSheet, getDuesSheets, grassrootsCells, remittedWithin } from '../lifecycle';
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
import { asciiName } from './member-record.form';

const pad = (m: number) => String(m).padStart(2, '0');

/** The months of the book: the asked range of the year, never past the current month. */
export const bookMonths = (q: Pick<TDuesBookQuery, 'year' | 'fromMonth' | 'toMonth'>) => {
  const current = todayIso().slice(0, 7);
  const months: string[] = [];
  for (let m = q.fromMonth; m <= q.toMonth; m++) {
    const month = `${q.year}-${pad(m)}`;
    if (month <= current) months.push(month);
  }
  if (months.length === 0)
    throw new AppError('BAD_REQUEST', {
      message: `Chưa đến kỳ thu đảng phí tháng ${pad(q.fromMonth)}/${q.year}: chọn các tháng đã qua hoặc tháng đang thu.`,
    });
  return months;
};

const periodText = (months: string[]) => {
  const first = months[0]!;
  const last = months.at(-1)!;
  const year = first.slice(0, 4);
  return first.endsWith('-01') && last.endsWith('-12')
    ? `Năm ${year}`
    : first === last
      ? `Tháng ${first.slice(5)}/${year}`
      : `Từ tháng ${first.slice(5)} đến tháng ${last.slice(5)} năm ${year}`;
};

/** The sheets of one cell for the months: the dues module's figures, month by month. */
const sheetsOf = async (db: Db, actor: Actor, orgUnitId: number, months: string[]) => {
  const sheets: TDuesSheet[] = [];
  for (const month of months) sheets.push(await getDuesSheet({ db, actor, orgUnitId, month }));
  return sheets;
};

type Cell = { text: string };
/** What the book prints for a member and a month (amount paid, or why there is none). */
const markOf = (row: TDuesSheet['rows'][number] | undefined): Cell => {
  if (!row) return { text: '' }; // not on the cell's roll that month
  if (row.paid !== null) return { text: formatNumber(row.paid) };
  if (row.exempt) return { text: 'Miễn' };
  if (row.monthState === 'not_member') return { text: '' };
  if (row.monthState === 'no_data') return { text: 'CSL' };
  return { text: '0' };
};

export type DuesBook = {
  superiorName: string;
  issuerName: string;
  place: string;
  date: string;
  cellName: string;
  period: string;
  months: string[];
  members: { name: string; marks: string[]; total: number }[];
  due: number[];
  paid: number[];
  ruleSets: string[];
  signer: { authority: string; title: string };
};

export const renderDuesBookDocx = (b: DuesBook, format: DocumentFormat = defaultDocumentFormat) => {
  const fmt = format;
  const width = textWidth(fmt, true);
  const available = 297 - fmt.margins.left - fmt.margins.right;
  const monthWidth = Math.min(17, (available - 10 - 40 - 22) / b.months.length);
  const nameWidth = available - 10 - 22 - monthWidth * b.months.length;
  const columns: Column[] = [
    { header: 'STT', width: 10, align: 'center' },
    { header: 'Họ và tên đảng viên', width: nameWidth },
    ...b.months.map((m) => ({
      header: `T${Number(m.slice(5))}`,
      width: monthWidth,
      align: 'right' as const,
    })),
    { header: 'Cộng', width: 22, align: 'right' },
  ];
  const paidTotal = b.paid.reduce((s, v) => s + v, 0);
  const dueTotal = b.due.reduce((s, v) => s + v, 0);
  return renderDocument(
    `Sổ thu đảng phí – ${b.cellName} – ${b.period}`,
    [
      {
        landscape: true,
        pageNumbers: true,
        children: [
          partyHeader(
            {
              superiorName: b.superiorName,
              issuerName: b.issuerName,
              placeDate: placeDate(b.place, b.date),
            },
            width,
          ),
          ...title('SỔ THU ĐẢNG PHÍ', [b.cellName, b.period]),
          gridTable(
            columns,
            [
              ...b.members.map((m, i) => [
                String(i + 1),
                m.name,
                ...m.marks,
                formatNumber(m.total),
              ]),
              ['', 'Phải thu', ...b.due.map((v) => formatNumber(v)), formatNumber(dueTotal)],
            ],
            9,
            ['', 'Cộng đã thu', ...b.paid.map((v) => formatNumber(v)), formatNumber(paidTotal)],
          ),
          para(
            [
              run(
                'Số tiền tính bằng đồng. Ô trống: không sinh hoạt tại chi bộ trong tháng; "0": chưa đóng; "Miễn": được miễn đóng; "CSL": chưa có số liệu (chưa ghi sổ thu nào cho đảng viên đến tháng đó).',
                { size: 10, italics: true },
              ),
            ],
            { before: 80 },
          ),
          para(
            [
              run(
                `Tổng số đảng phí đã thu: ${formatNumber(paidTotal)} đồng; phải thu: ${formatNumber(dueTotal)} đồng. Căn cứ: ${b.ruleSets.join('; ')}.`,
                { size: 13 },
              ),
            ],
            // Kept with the signature: a signature never stands alone on the last page.
            { before: 120, after: 120, keepNext: true },
          ),
          signatureBlock(width, { ...b.signer, name: '' }, [
            para([run('NGƯỜI THU ĐẢNG PHÍ', { bold: true, size: 13 })], { align: 'center' }),
          ]),
        ],
      },
    ],
    fmt,
  );
};

/** `GET /api/forms/dues/so-thu`: the cell's book for the months, one row per member. */
export const duesBookForm = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TDuesBookQuery;
}) => {
  const unit = await getUnitInScope(db, actor, query.orgUnitId);
  const months = bookMonths(query);
  // getDuesSheet checks the scope and refuses a unit that is not a cell (400, in Vietnamese).
  const sheets = await sheetsOf(db, actor, unit.id, months);
  const members = new Map<number, string>();
  for (const s of sheets) for (const r of s.rows) members.set(r.memberId, r.fullName);
  // Name order (given name first, as every list of the system), whatever month a member appears in.
  const ids = [...members.keys()].sort(
    (a, b) =>
      givenName(members.get(a)!).localeCompare(givenName(members.get(b)!), 'vi') ||
      members.get(a)!.localeCompare(members.get(b)!, 'vi') ||
      a - b,
  );
  const byMonth = sheets.map((s) => new Map(s.rows.map((r) => [r.memberId, r])));
  const today = todayInVietnam();
  const header = await reportHeader(db, unit.id, today);
  const book: DuesBook = {
    superiorName: header.superiorName,
    issuerName: header.issuerName,
    place: header.place,
    date: today,
    cellName: unit.name,
    period: periodText(months),
    months,
    members: ids.map((id) => ({
      name: members.get(id)!,
      marks: byMonth.map((m) => markOf(m.get(id)).text),
      total: byMonth.reduce((s, m) => s + (m.get(id)?.paid ?? 0), 0),
    })),
    due: sheets.map((s) => s.totalDue),
    paid: sheets.map((s) => s.totalPaid),
    ruleSets: [...new Set(sheets.map((s) => s.ruleSet))],
    signer: header.signer,
  };
  const docx = await renderDuesBookDocx(book, await documentFormatOf(db));
  return deliverForm({
    db,
    actor,
    docx,
    format: query.format,
    baseName: `so-thu-dang-phi-${asciiName(unit.name)}-${months[0]}-${months.at(-1)!.slice(5)}`,
    audit: {
      form: 'so-thu-dang-phi',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      meta: { year: query.year, months: months.length, totalPaid: sum(book.paid) },
    },
  });
};

const givenName = (fullName: string) => fullName.trim().split(/\s+/).at(-1) ?? fullName;
const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

export type DuesSummary = {
  superiorName: string;
  issuerName: string;
  place: string;
  date: string;
  orgName: string;
  period: string;
  keptPercent: number | null;
  /**
   * `grassroots`: one row per cell of a grassroots organisation; `committee`: one row per grassroots
   * organisation under a committee above that level, each row its own summary's totals.
   */
  level?: 'grassroots' | 'committee';
  /**
   * The rows; `cells` counts the cells behind a committee summary's row; `received`, what the
   * organisation remitted for the months (a committee summary, once any remittance is recorded).
   */
  cells: {
    name: string;
    members: number;
    due: number;
    paid: number;
    cells?: number;
    received?: number;
  }[];
  /** Print the columns "Đã nộp" and "Còn thiếu" (a committee summary with remittances recorded). */
  withReceived?: boolean;
  signer: { authority: string; title: string };
};

export const renderDuesSummaryDocx = (
  s: DuesSummary,
  format: DocumentFormat = defaultDocumentFormat,
) => {
  const width = textWidth(format, true);
  const available = 297 - format.margins.left - format.margins.right;
  const kept = s.keptPercent === null ? '' : ` (${s.keptPercent}%)`;
  const remitted = s.keptPercent === null ? '' : ` (${100 - s.keptPercent}%)`;
  const committee = s.level === 'committee';
  const withReceived = committee && s.withReceived === true;
  // Two more money columns narrow the others.
  const money = withReceived ? 26 : 34;
  const fixed =
    10 +
    (withReceived ? 22 : 26) +
    (withReceived ? 6 : 4) * money +
    (committee ? (withReceived ? 18 : 20) : 0);
  const columns: Column[] = [
    { header: 'STT', width: 10, align: 'center' },
    { header: committee ? 'Tổ chức cơ sở đảng' : 'Chi bộ', width: available - fixed },
    ...(committee
      ? [{ header: 'Số chi bộ', width: withReceived ? 18 : 20, align: 'right' as const }]
      : []),
    { header: 'Số đảng viên', width: withReceived ? 22 : 26, align: 'right' },
    { header: 'Đảng phí phải thu', width: money, align: 'right' },
    { header: 'Đảng phí đã thu', width: money, align: 'right' },
    committee
      ? { header: `Cơ sở trích giữ lại${kept}`, width: money, align: 'right' }
      : { header: `Chi bộ trích giữ lại${kept}`, width: money, align: 'right' },
    committee
      ? { header: `Nộp cấp ủy cấp trên${remitted}`, width: money, align: 'right' }
      : { header: `Nộp Đảng ủy cơ sở${remitted}`, width: money, align: 'right' },
    ...(withReceived
      ? [
          { header: 'Đã nộp', width: money, align: 'right' as const },
          { header: 'Còn thiếu', width: money, align: 'right' as const },
        ]
      : []),
  ];
  const amount = (v: number) => formatNumber(v);
  const split = (paid: number) => splitDues(paid, s.keptPercent);
  /** What is still owed: the remitted share less what was received (nothing once it is covered). */
  const owed = (paid: number, received: number) => {
    const x = split(paid);
    return x ? amount(Math.max(0, x.remitted - received)) : '';
  };
  const totalReceived = sum(s.cells.map((c) => c.received ?? 0));
  const total = {
    members: sum(s.cells.map((c) => c.members)),
    due: sum(s.cells.map((c) => c.due)),
    paid: sum(s.cells.map((c) => c.paid)),
  };
  const totalSplit = s.cells.reduce(
    (acc, c) => {
      const x = split(c.paid);
      return x ? { kept: acc.kept + x.kept, remitted: acc.remitted + x.remitted } : acc;
    },
    { kept: 0, remitted: 0 },
  );
  return renderDocument(
    `Tổng hợp thu nộp đảng phí – ${s.orgName} – ${s.period}`,
    [
      {
        landscape: true,
        pageNumbers: true,
        children: [
          partyHeader(
            {
              superiorName: s.superiorName,
              issuerName: s.issuerName,
              placeDate: placeDate(s.place, s.date),
            },
            width,
          ),
          ...title('TỔNG HỢP THU, NỘP ĐẢNG PHÍ', [s.orgName, s.period]),
          gridTable(
            columns,
            s.cells.map((c, i) => {
              const x = split(c.paid);
              return [
                String(i + 1),
                c.name,
                ...(committee ? [amount(c.cells ?? 0)] : []),
                amount(c.members),
                amount(c.due),
                amount(c.paid),
                x ? amount(x.kept) : '',
                x ? amount(x.remitted) : '',
                ...(withReceived ? [amount(c.received ?? 0), owed(c.paid, c.received ?? 0)] : []),
              ];
            }),
            11,
            [
              '',
              'Tổng cộng',
              ...(committee ? [amount(sum(s.cells.map((c) => c.cells ?? 0)))] : []),
              amount(total.members),
              amount(total.due),
              amount(total.paid),
              s.keptPercent === null ? '' : amount(totalSplit.kept),
              s.keptPercent === null ? '' : amount(totalSplit.remitted),
              ...(withReceived
                ? [
                    amount(totalReceived),
                    s.keptPercent === null
                      ? ''
                      : amount(
                          sum(
                            s.cells.map((c) =>
                              Math.max(0, split(c.paid)!.remitted - (c.received ?? 0)),
                            ),
                          ),
                        ),
                  ]
                : []),
            ],
          ),
          para(
            [
              run(
                `Số tiền tính bằng đồng. Số đảng viên: trên sổ thu của tháng cuối kỳ. Phải thu, đã thu: cộng các sổ thu tháng của ${committee ? 'các chi bộ thuộc từng tổ chức cơ sở đảng (bằng tổng cộng của bảng tổng hợp từng tổ chức cơ sở đảng)' : 'chi bộ (trang Đảng phí)'}. ${
                  s.keptPercent === null
                    ? `Tỷ lệ ${committee ? 'tổ chức cơ sở đảng' : 'chi bộ'} trích giữ lại và nộp lên theo hướng dẫn của cấp ủy cấp trên: ghi tay.`
                    : `Tỷ lệ trích giữ lại ${s.keptPercent}% do văn phòng cấp ủy nhập khi in, theo hướng dẫn của cấp ủy cấp trên.`
                }${
                  withReceived
                    ? ' Đã nộp: các khoản cấp ủy ghi nhận đã nhận của từng tổ chức cơ sở đảng cho các kỳ (tháng, quý) nằm trọn trong kỳ tổng hợp; còn thiếu: số phải nộp lên trừ số đã nộp.'
                    : ''
                }`,
                { size: 10, italics: true },
              ),
            ],
            { before: 80, after: 120, keepNext: true },
          ),
          signatureBlock(width, { ...s.signer, name: '' }, [
            para([run('NGƯỜI LẬP BIỂU', { bold: true, size: 13 })], { align: 'center' }),
          ]),
        ],
      },
    ],
    format,
  );
};

/** The cells of a grassroots organisation during the months: the lifecycle module's (the same as the
 * comparison of remittances reads). */
const cellsOfGrassroots = grassrootsCells;

/** Each cell's row: its monthly sheets of the dues module, summed (all cells read together). */
const cellRows = async (
  db: Db,
  actor: Actor,
  cells: { id: number; name: string }[],
  months: string[],
): Promise<DuesSummary['cells']> => {
  // The cells lie under a unit already found in the actor's scope.
  const sheets = await getDuesSheets({ db, actor, cells, months });
  return cells.map((cell) => {
    const of = sheets.get(cell.id)!;
    return {
      name: cell.name,
      members: of.at(-1)!.rows.length,
      due: sum(of.map((s) => s.totalDue)),
      paid: sum(of.map((s) => s.totalPaid)),
    };
  });
};

/** A grassroots organisation's rows: one per cell. */
const grassrootsRows = async (
  db: Db,
  actor: Actor,
  org: { id: number; name: string; kind: string; path: string },
  months: string[],
) => cellRows(db, actor, await cellsOfGrassroots(db, org, months), months);

/**
 * The most cells a committee's summary adds up (each cell is twelve monthly sheets): a committee
 * above the grassroots level with more cells prints the summaries of the levels below it.
 */
export const MAX_SUMMARY_CELLS = 600;

/**
 * `GET /api/forms/dues/tong-hop`: the grassroots organisation of the unit given (the unit itself
 * when it is one; a cell's, when a cell is given), one row per cell under it; for a committee above
 * the grassroots level (Đảng bộ tỉnh, Đảng bộ cấp trên cơ sở), one row per grassroots organisation
 * under it, each row the totals of that organisation's own summary.
 */
export const duesSummaryForm = async ({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: TDuesBookQuery;
}) => {
  const given = await getUnitInScope(db, actor, query.orgUnitId);
  if (given.kind === 'province_committee' || given.kind === 'upper_committee')
    return committeeDuesSummaryForm({ db, actor, query, committee: given });
  const grassroots = await queryOne<{ id: number }>(
    db,
    sql`select a.id from org_units c join org_units a on a.path @> c.path
        where c.id = ${given.id} and a.kind in ('grassroots_committee', 'grassroots_cell')
        order by nlevel(a.path) desc limit 1`,
  );
  if (!grassroots)
    throw new AppError('BAD_REQUEST', {
      message:
        'Bảng tổng hợp đảng phí lập cho một tổ chức cơ sở đảng hoặc một cấp ủy cấp trên: hãy chọn một đảng bộ, chi bộ cơ sở hoặc một chi bộ trực thuộc.',
    });
  // A cell secretary reaches their cell only, not the organisation above it: "not found".
  const org = await getUnitInScope(db, actor, grassroots.id);
  const months = bookMonths(query);
  const rows = await grassrootsRows(db, actor, org, months);
  return deliverSummary({ db, actor, query, unit: org, months, rows, level: 'grassroots' });
};

/** The summary's document, delivered and audited: a grassroots organisation's or a committee's. */
const deliverSummary = async ({
  db,
  actor,
  query,
  unit,
  months,
  rows,
  level,
  withReceived = false,
}: {
  db: Db;
  actor: Actor;
  query: TDuesBookQuery;
  unit: { id: number; name: string };
  months: string[];
  rows: DuesSummary['cells'];
  level: 'grassroots' | 'committee';
  withReceived?: boolean;
}) => {
  const today = todayInVietnam();
  const header = await reportHeader(db, unit.id, today);
  const summary: DuesSummary = {
    superiorName: header.superiorName,
    issuerName: header.issuerName,
    place: header.place,
    date: today,
    orgName: unit.name,
    period: periodText(months),
    keptPercent: query.keptPercent ?? null,
    ...(level === 'committee' ? { level } : {}),
    ...(withReceived ? { withReceived } : {}),
    cells: rows,
    signer: header.signer,
  };
  const docx = await renderDuesSummaryDocx(summary, await documentFormatOf(db));
  return deliverForm({
    db,
    actor,
    docx,
    format: query.format,
    baseName: `tong-hop-dang-phi-${asciiName(unit.name)}-${months[0]}-${months.at(-1)!.slice(5)}`,
    audit: {
      form: level === 'committee' ? 'tong-hop-dang-phi-cap-uy' : 'tong-hop-dang-phi',
      entityType: 'org_unit',
      entityId: unit.id,
      orgUnitId: unit.id,
      meta: {
        year: query.year,
        months: months.length,
        ...(level === 'committee'
          ? { grassroots: rows.length, cells: sum(rows.map((r) => r.cells ?? 0)) }
          : { cells: rows.length }),
        totalPaid: sum(rows.map((r) => r.paid)),
        keptPercent: query.keptPercent ?? null,
        ...(withReceived ? { totalReceived: sum(rows.map((r) => r.received ?? 0)) } : {}),
      },
    },
  });
};

/**
 * The committee's summary: one row per grassroots organisation under it that existed during the
 * months, in the tree's order; each row sums that organisation's cell rows (`grassrootsRows`, the
 * same rows its own summary prints), so the committee's totals equal the sum of the grassroots
 * summaries' totals.
 */
const committeeDuesSummaryForm = async ({
  db,
  actor,
  query,
  committee,
}: {
  db: Db;
  actor: Actor;
  query: TDuesBookQuery;
  committee: { id: number; name: string; path: string };
}) => {
  const months = bookMonths(query);
  const orgs = await queryRows<{ id: number; name: string; kind: string; path: string }>(
    db,
    sql`select o.id, o.name, o.kind, o.path::text as path from org_units o
        where o.path <@ ${committee.path}::ltree
          and o.kind in ('grassroots_committee', 'grassroots_cell')
          and (o.established_on is null
               or o.established_on < ${`${months.at(-1)}-01`}::date + interval '1 month')
          and (o.dissolved_on is null or o.dissolved_on >= ${`${months[0]}-01`})
        order by o.path`,
  );
  const cellCount = (
    await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from org_units o
          where o.path <@ ${committee.path}::ltree and o.kind in ('cell', 'grassroots_cell')
            and (o.dissolved_on is null or o.dissolved_on >= ${`${months[0]}-01`})`,
    )
  )?.n;
  if ((cellCount ?? 0) > MAX_SUMMARY_CELLS)
    throw new AppError('BAD_REQUEST', {
      message: `${committee.name} có ${formatNumber(cellCount ?? 0)} chi bộ, quá ${formatNumber(MAX_SUMMARY_CELLS)} chi bộ một lần tổng hợp: hãy in tổng hợp của từng đảng bộ cấp dưới.`,
    });
  // Every cell of every organisation read together, then grouped back.
  const cellsOf = await Promise.all(orgs.map((org) => cellsOfGrassroots(db, org, months)));
  const rowsOfCells = await cellRows(db, actor, cellsOf.flat(), months);
  let at = 0;
  const rows: DuesSummary['cells'] = orgs.map((org, i) => {
    const cells = rowsOfCells.slice(at, at + cellsOf[i]!.length);
    at += cells.length;
    return {
      name: org.name,
      cells: cells.length,
      members: sum(cells.map((c) => c.members)),
      due: sum(cells.map((c) => c.due)),
      paid: sum(cells.map((c) => c.paid)),
    };
  });
  // What each organisation remitted for these months, once the committee records remittances.
  const remitted = await remittedWithin(
    db,
    orgs.map((o) => o.id),
    months,
  );
  if (remitted.any)
    for (const [i, org] of orgs.entries()) rows[i]!.received = remitted.received.get(org.id) ?? 0;
  return deliverSummary({
    db,
    actor,
    query,
    unit: committee,
    months,
    rows,
    level: 'committee',
    withReceived: remitted.any,
  });
};
