// The building blocks every printed form shares, on the one DOCX library the annual report uses
// (`docx`, server/modules/reports/report-docx.ts) and the same Party document format
// (docs/domain/document-format.md: Hướng dẫn 36-HD/VPTW, 03/4/2018): A4, Times New Roman, margins
// 20/20/30/15 mm (the setting `reports.format`), the header with the superior and issuing bodies on
// the left and "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, "*" under the issuer, the number, the place
// and date in italics, the signature block. Layouts of each form: docs/domain/forms.md.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { partyDocumentDate } from '../../../domain/text/dates';
import { type DbOrTx, queryOne, sql } from '../../db/client';
import { readSetting } from '../../db/settings';
import { type DocumentFormat, defaultDocumentFormat } from '../reports';

export type { DocumentFormat };

/** The document format of the settings (`reports.format`), as the annual report reads it. */
export const documentFormatOf = async (db: DbOrTx): Promise<DocumentFormat> => {
  const setting = await readSetting<Partial<DocumentFormat>>(db, 'reports.format');
  return {
    ...defaultDocumentFormat,
    ...setting,
    margins: { ...defaultDocumentFormat.margins, ...setting?.margins },
  };
};

export const pt = (points: number) => points * 2; // docx sizes are half-points
export const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const gridBorders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

type RunStyle = { bold?: boolean; italics?: boolean; size?: number; underline?: boolean };
type ParaStyle = RunStyle & {
  align?: 'left' | 'center' | 'right' | 'justify';
  before?: number;
  after?: number;
  indent?: number;
  keepNext?: boolean;
};
const alignments = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

export const run = (text: string, s: RunStyle = {}) =>
  new TextRun({
    text,
    bold: s.bold,
    italics: s.italics,
    underline: s.underline ? {} : undefined,
    size: s.size ? pt(s.size) : undefined,
  });

/** One paragraph; `text` may be runs (mixed styles) or one string (its lines become line breaks). */
export const para = (text: string | TextRun[], s: ParaStyle = {}) =>
  new Paragraph({
    alignment: alignments[s.align ?? 'left'],
    spacing: { before: s.before ?? 0, after: s.after ?? 0 },
    indent: s.indent ? { firstLine: mm(s.indent) } : undefined,
    keepNext: s.keepNext,
    children:
      typeof text === 'string'
        ? text.split('\n').map(
            (l, i) =>
              new TextRun({
                text: l,
                bold: s.bold,
                italics: s.italics,
                underline: s.underline ? {} : undefined,
                size: s.size ? pt(s.size) : undefined,
                break: i > 0 ? 1 : undefined,
              }),
          )
        : text,
  });

/** "Label: value" with the value in the text's weight; an empty value prints dots to fill by hand. */
export const field = (label: string, value: string | null | undefined, size = 13) =>
  // 1 pt after each line: 2 pt pushed the signature of the one-page phiếu onto a second page.
  para([run(`${label}: `, { size }), run(value?.trim() ? value : '…………………………', { size })], {
    after: 20,
  });

/** The Party date line, "Lạng Sơn, ngày 05 tháng 12 năm 2025" (36-HD: lower case, italic). */
export const placeDate = (place: string, iso: string) =>
  `${place ? `${place}, ` : ''}${partyDocumentDate(iso)}`;

export type Heading = {
  /** The superior body, upper case, upright (36-HD Phụ lục 3 row 2). */
  superiorName: string;
  /** The issuing body, upper case, bold. */
  issuerName: string;
  /** "Số 12-QĐ/ĐU", or empty for a form that carries no number. */
  numberText?: string;
  /** "Lạng Sơn, ngày 05 tháng 12 năm 2025", or empty. */
  placeDate?: string;
};

export const textWidth = (format: DocumentFormat, landscape = false) =>
  mm((landscape ? 297 : 210) - format.margins.left - format.margins.right);

/** The Party document header (36-HD/VPTW): bodies left, "ĐẢNG CỘNG SẢN VIỆT NAM" right. */
export const partyHeader = (h: Heading, width: number) => {
  const left = Math.round(width * 0.45);
  const right = width - left;
  const centred = (text: string, s: RunStyle = {}) =>
    para([run(text, { size: 14, ...s })], { align: 'center' });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: noBorders,
            children: [
              ...(h.superiorName ? [centred(h.superiorName)] : []),
              centred(h.issuerName, { bold: true }),
              centred('*'),
              ...(h.numberText ? [centred(h.numberText)] : []),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: noBorders,
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                border: {
                  bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
                },
                indent: { left: mm(6), right: mm(6) },
                children: [run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 })],
              }),
              ...(h.placeDate
                ? [
                    para([run(h.placeDate, { italics: true, size: 14 })], {
                      align: 'center',
                      before: 240,
                    }),
                  ]
                : []),
            ],
          }),
        ],
      }),
    ],
  });
};

/** The title of a form: its name bold 15–16 pt, an optional summary, and the short rule. */
export const title = (name: string, summary: string[] = [], size = 16) => [
  para([run(name, { bold: true, size })], { align: 'center', before: 360 }),
  ...summary.map((s) => para([run(s, { bold: true, size: 14 })], { align: 'center' })),
  para([run('-----', { size: 14 })], { align: 'center', after: 240 }),
];

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'right' };

/** A ruled table with a bold header row repeated on every page. Widths in millimetres. */
export const gridTable = (columns: Column[], rows: string[][], size = 12, footer?: string[]) => {
  const cell = (text: string, c: Column, header = false) =>
    new TableCell({
      width: { size: mm(c.width), type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: 60, right: 60, top: 20, bottom: 20 },
      children: [
        para([run(text, { size, bold: header })], {
          align: header ? 'center' : (c.align ?? 'left'),
        }),
      ],
    });
  return new Table({
    width: { size: mm(columns.reduce((s, c) => s + c.width, 0)), type: WidthType.DXA },
    columnWidths: columns.map((c) => mm(c.width)),
    borders: gridBorders,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c) => cell(c.header, c, true)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(r[i] ?? '', c)) }),
      ),
      ...(footer
        ? [
            new TableRow({
              cantSplit: true,
              children: columns.map(
                (c, i) =>
                  new TableCell({
                    width: { size: mm(c.width), type: WidthType.DXA },
                    margins: { left: 60, right: 60, top: 20, bottom: 20 },
                    children: [
                      para([run(footer[i] ?? '', { size, bold: true })], {
                        align: c.align ?? 'left',
                      }),
                    ],
                  }),
              ),
            }),
          ]
        : []),
    ],
  });
};

export type Signer = { authority: string; title: string; name: string };

/**
 * The signature block (36-HD/VPTW): "T/M …" and the title bold, upper case, room to sign, the name;
 * on the left "Nơi nhận:" (underlined, 14 pt, lines 12 pt) or whatever the form puts there.
 */
export const signatureBlock = (width: number, signer: Signer, left: Paragraph[] = []) => {
  const l = Math.round(width * 0.45);
  const r = width - l;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [l, r],
    borders: noBorders,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: l, type: WidthType.DXA },
            borders: noBorders,
            children: left.length ? left : [para('')],
          }),
          new TableCell({
            width: { size: r, type: WidthType.DXA },
            borders: noBorders,
            children: [
              ...(signer.authority
                ? [para([run(signer.authority, { bold: true, size: 14 })], { align: 'center' })]
                : []),
              para([run(signer.title, { bold: true, size: 14 })], { align: 'center', after: 1400 }),
              para([run(signer.name, { bold: true, size: 14 })], { align: 'center' }),
            ],
          }),
        ],
      }),
    ],
  });
};

export const recipientsBlock = (recipients: string[]) => [
  para([run('Nơi nhận', { underline: true, size: 14 }), run(':', { size: 14 })]),
  ...recipients.map((r) => para([run(r, { size: 12 })])),
];

/**
 * The 3×4 cm photo frame of the member forms (Hướng dẫn khai phiếu đảng viên: "ảnh chân dung, cỡ
 * 3x4 cm, ảnh màu"): the photo when the record has one, else a ruled empty frame "Ảnh 3x4".
 */
export const photoFrame = (photo: Buffer | null | undefined) =>
  new Table({
    width: { size: mm(30), type: WidthType.DXA },
    columnWidths: [mm(30)],
    borders: gridBorders,
    rows: [
      new TableRow({
        height: { value: mm(40), rule: 'exact' },
        children: [
          new TableCell({
            width: { size: mm(30), type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            margins: { left: 0, right: 0, top: 0, bottom: 0 },
            children: [
              photo
                ? new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [
                      new ImageRun({
                        type: 'jpg',
                        data: photo,
                        // 3×4 cm at 96 px per inch.
                        transformation: { width: 113, height: 151 },
                      }),
                    ],
                  })
                : para([run('Ảnh 3x4', { size: 12, italics: true })], { align: 'center' }),
            ],
          }),
        ],
      }),
    ],
  });

/** A side-by-side row without borders (e.g. the photo beside the member's fields). Widths in mm. */
export const sideBySide = (cells: { width: number; children: (Paragraph | Table)[] }[]) =>
  new Table({
    width: { size: mm(cells.reduce((s, c) => s + c.width, 0)), type: WidthType.DXA },
    columnWidths: cells.map((c) => mm(c.width)),
    borders: noBorders,
    rows: [
      new TableRow({
        children: cells.map(
          (c) =>
            new TableCell({
              width: { size: mm(c.width), type: WidthType.DXA },
              borders: noBorders,
              children: c.children,
            }),
        ),
      }),
    ],
  });

export type Section = {
  landscape?: boolean;
  children: (Paragraph | Table)[];
  /** Page numbers at the bottom (lists that run over several pages). */
  pageNumbers?: boolean;
};

/** The document: A4 (portrait or landscape per section), the format's margins and font. */
export const renderDocument = async (
  docTitle: string,
  sections: Section[],
  format: DocumentFormat = defaultDocumentFormat,
): Promise<Buffer> => {
  const doc = new Document({
    creator: 'dangvu',
    title: docTitle,
    styles: { default: { document: { run: { font: format.fontFamily, size: pt(13) } } } },
    sections: sections.map((s) => ({
      properties: {
        page: {
          size: {
            width: mm(210),
            height: mm(297),
            orientation: s.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: {
            top: mm(format.margins.top),
            bottom: mm(format.margins.bottom),
            left: mm(format.margins.left),
            right: mm(format.margins.right),
          },
        },
      },
      footers: s.pageNumbers
        ? {
            default: new Footer({
              children: [
                new Paragraph({
                  alignment: AlignmentType.CENTER,
                  children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(12) })],
                }),
              ],
            }),
          }
        : undefined,
      children: s.children,
    })),
  });
  return Packer.toBuffer(doc);
};

/** Today in Vietnam, ISO. */
export const todayInVietnam = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** A unit's name on a date, from the effective-dated tree, else today's. */
export const unitNameOn = async (db: DbOrTx, unitId: number, date: string) =>
  (
    await queryOne<{ name: string }>(
      db,
      sql`select coalesce(
            (select name from org_unit_history where org_unit_id = ${unitId} and valid_from <= ${date}
               and (valid_to is null or valid_to > ${date}) order by valid_from desc, id desc limit 1),
            (select name from org_units where id = ${unitId})) as name`,
    )
  )?.name ?? '';
