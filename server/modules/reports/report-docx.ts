// The report model as a DOCX in the Party document format (docs/domain/document-format.md, HD 36-HD/VPTW):
// A4 portrait, Times New Roman, margins as settings (default 20/20/30/15 mm), header table with the
// superior and issuing bodies left and "ĐẢNG CỘNG SẢN VIỆT NAM" right, "*", the number, place and date
// in italics, type name and summary, body, "Nơi nhận" and the signature block; page numbers from page 2.
// What each element looks like and where the rule comes from: docs/domain/document-format.md.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HighlightColor,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Inline, ReportModel } from '../../../domain/reports/annual-report';

export type DocumentFormat = {
  /** Margins in millimetres. */
  margins: { top: number; bottom: number; left: number; right: number };
  fontFamily: string;
  /** Body size in points (13–14). */
  bodySize: number;
};

/** 36-HD per third-party sources (docs/domain/document-format.md ❓): top 20, bottom 20, left 30, right 15 mm. */
export const defaultDocumentFormat: DocumentFormat = {
  margins: { top: 20, bottom: 20, left: 30, right: 15 },
  fontFamily: 'Times New Roman',
  bodySize: 14,
};

const pt = (points: number) => points * 2; // docx sizes are half-points
/** Millimetres to twips, rounded (A4 is 11906 × 16838 twips). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);
const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const centred = (runs: TextRun[], spacingAfter = 0) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: spacingAfter },
    children: runs,
  });

const inlineRun = (inline: Inline, size: number) => {
  if (inline.t === 'placeholder' && !inline.filled)
    return new TextRun({
      text: inline.text,
      italics: true,
      highlight: HighlightColor.YELLOW,
      size: pt(size),
    });
  if (inline.t === 'missing')
    return new TextRun({
      text: inline.text,
      italics: true,
      highlight: HighlightColor.LIGHT_GRAY,
      size: pt(size),
    });
  return new TextRun({ text: inline.text, size: pt(size) });
};

export const renderReportDocx = async (
  model: ReportModel,
  format: DocumentFormat = defaultDocumentFormat,
): Promise<Buffer> => {
  const size = format.bodySize;
  const textWidth = 210 - format.margins.left - format.margins.right;
  const leftWidth = convertMillimetersToTwip(textWidth * 0.45);
  const rightWidth = convertMillimetersToTwip(textWidth * 0.55);

  const headerTable = new Table({
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: leftWidth, type: WidthType.DXA },
            borders: noBorders,
            children: [
              centred([new TextRun({ text: model.header.superiorName, size: pt(14) })]),
              centred([new TextRun({ text: model.header.issuerName, bold: true, size: pt(14) })]),
              centred([new TextRun({ text: '*', size: pt(14) })]),
              centred([new TextRun({ text: model.header.numberText, size: pt(14) })]),
            ],
          }),
          new TableCell({
            width: { size: rightWidth, type: WidthType.DXA },
            borders: noBorders,
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                border: {
                  bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 },
                },
                indent: { left: convertMillimetersToTwip(6), right: convertMillimetersToTwip(6) },
                children: [
                  new TextRun({ text: 'ĐẢNG CỘNG SẢN VIỆT NAM', bold: true, size: pt(15) }),
                ],
              }),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { before: 240 },
                children: [
                  new TextRun({ text: model.header.placeDate, italics: true, size: pt(14) }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });

  const title = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 360 },
      children: [new TextRun({ text: model.typeName, bold: true, size: pt(16) })],
    }),
    ...model.summary.map((line) =>
      centred([new TextRun({ text: line, bold: true, size: pt(14) })]),
    ),
    centred([new TextRun({ text: '-----', size: pt(14) })], 240),
  ];

  const body: Paragraph[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'heading') {
      const lines = block.text.split('\n');
      body.push(
        new Paragraph({
          alignment: block.level === 1 ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
          spacing: { before: 120, after: 60 },
          indent: block.level === 1 ? undefined : { firstLine: convertMillimetersToTwip(10) },
          keepNext: true,
          children: lines.map(
            (line, i) =>
              new TextRun({
                text: line,
                bold: true,
                italics: block.level === 3,
                size: pt(size),
                break: i > 0 ? 1 : undefined,
              }),
          ),
        }),
      );
    } else {
      body.push(
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 60, line: 300 },
          indent: { firstLine: convertMillimetersToTwip(10) },
          children: block.inlines.map((i) => inlineRun(i, size)),
        }),
      );
    }
  }

  const signatureTable = new Table({
    width: { size: leftWidth + rightWidth, type: WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: leftWidth, type: WidthType.DXA },
            borders: noBorders,
            children: [
              // "Nơi nhận" in the Party format (36-HD/VPTW, Phụ lục 3): the words upright, 14 pt,
              // underlined, followed by ":"; one recipient a line, upright, 12 pt. (The State format of
              // Nghị định 30/2020/NĐ-CP writes them bold italic 12 pt and 11 pt: not for Party documents.)
              new Paragraph({
                children: [
                  new TextRun({ text: 'Nơi nhận', underline: {}, size: pt(14) }),
                  new TextRun({ text: ':', size: pt(14) }),
                ],
              }),
              ...model.recipients.map(
                (r) => new Paragraph({ children: [new TextRun({ text: r, size: pt(12) })] }),
              ),
            ],
          }),
          new TableCell({
            width: { size: rightWidth, type: WidthType.DXA },
            borders: noBorders,
            children: [
              centred([new TextRun({ text: model.signer.authority, bold: true, size: pt(14) })]),
              centred([new TextRun({ text: model.signer.title, bold: true, size: pt(14) })], 1400),
              centred([new TextRun({ text: model.signer.name, bold: true, size: pt(14) })]),
            ],
          }),
        ],
      }),
    ],
  });

  const doc = new Document({
    creator: 'dangvu',
    title: `${model.typeName} ${model.summary.join(' ')}`,
    styles: {
      default: { document: { run: { font: format.fontFamily, size: pt(size) } } },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(format.margins.top),
              bottom: convertMillimetersToTwip(format.margins.bottom),
              left: convertMillimetersToTwip(format.margins.left),
              right: convertMillimetersToTwip(format.margins.right),
            },
          },
        },
        headers: {
          // Page numbers from page 2 onward (§5.1): the first page has an empty header.
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })],
              }),
            ],
          }),
        },
        children: [headerTable, ...title, ...body, new Paragraph({ children: [] }), signatureTable],
      },
    ],
  });
  return Packer.toBuffer(doc);
};
