// Reading spreadsheets as offices have them: XLSX (title rows above the header, merged and
// two-row headers, blank rows, totals below) and CSV (; or , separators, quoted fields, UTF-8 with
// or without BOM, or legacy bytes read as latin1). Every text cell is converted from TCVN3/VNI/NFD.
import ExcelJS from 'exceljs';
import {
  convertLegacyText,
  isUnicodeVietnamese,
  type LegacyEncoding,
  legacyReadings,
  type TextEncoding,
} from '../../../domain/text/legacy-encodings';
import { toSearchKey } from '../../../domain/text/vietnamese';
import { AppError } from '../../platform/errors';

export type CellValue = string | number | Date | null;
export type Conversion = {
  column: number;
  original: string;
  converted: string;
  encoding: TextEncoding;
};
export type SheetRow = { rowNumber: number; cells: CellValue[]; conversions: Conversion[] };
export type ParsedSheet = {
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
  /** How many header cells were converted from a legacy encoding. */
  headerConversions: Conversion[];
};

type RawRow = { rowNumber: number; cells: CellValue[] };

/** Control characters (NUL among them, which PostgreSQL cannot store) are never meant: dropped. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const plain = (value: unknown): CellValue => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.replace(controlCharacters, '');
    return text.trim() === '' ? null : text;
  }
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'x' : null;
  if (typeof value === 'object') {
    const v = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: unknown;
    };
    if (v.richText) return plain(v.richText.map((r) => r.text).join(''));
    if ('result' in v) return plain(v.result);
    if ('text' in v) return plain(v.text);
    if ('error' in v) return null;
  }
  return String(value);
};

const readXlsx = async (buffer: Buffer): Promise<RawRow[]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('BAD_REQUEST', {
      message:
        'Không đọc được tệp Excel. Hãy lưu lại dưới dạng .xlsx (Excel Workbook) rồi thử lại.',
    });
  }
  // The first sheet that has data.
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet)
    throw new AppError('BAD_REQUEST', { message: 'Tệp không có trang tính nào có dữ liệu.' });
  const rows: RawRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged cell reads as its master's value.
      cells.push(plain(cell.isMerged ? cell.master.value : cell.value));
    }
    rows.push({ rowNumber, cells });
  });
  return rows;
};

/** UTF-8 (BOM or not) when the bytes are valid UTF-8; latin1 otherwise (TCVN3, VNI, Windows-1258). */
export const decodeCsvBytes = (buffer: Buffer): { text: string; latin1: boolean } => {
  let bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), latin1: false };
  } catch {
    return { text: bytes.toString('latin1'), latin1: true };
  }
};

/**
 * CSV with quoted fields ("" inside quotes), separator guessed from the first lines: ; , or tab.
 * Fields are sliced out of the text, not built a character at a time: a 100,000-row file would
 * otherwise spend most of its time collecting garbage strings.
 */
export const parseCsv = (text: string): string[][] => {
  const sample = text.slice(0, 4000);
  const count = (sep: string) => sample.split(sep).length;
  const sep = [';', ',', '\t'].reduce((a, b) => (count(b) > count(a) ? b : a)).charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === QUOTE) {
      // Quoted: up to the closing quote; "" is a quote inside.
      let value = '';
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      // Anything between the closing quote and the separator is kept, as before.
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        j++;
      }
      field = value + text.slice(i, j);
      i = j;
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === sep || c === CR || c === LF) break;
        j++;
      }
      field = text.slice(i, j);
      i = j;
    }
    if (i >= n) {
      // The text ends without a line break (a lone "" at the very end is no field at all).
      if (field !== '' || row.length) rows.push([...row, field]);
      return rows;
    }
    row.push(field);
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // End of line (\r\n, \n or \r).
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length) rows.push(row);
  return rows;
};

const isBlank = (cells: CellValue[]) => cells.every((c) => c === null);
const textOf = (c: CellValue) => (typeof c === 'string' ? c : '');

/**
 * Find the header row: among the first 30 rows, the one whose cells name the most known columns.
 * When the row below completes it (a merged "Ngày" over "vào Đảng" / "chính thức"), both are joined.
 */
const findHeader = (
  rows: RawRow[],
  isKnownHeader: (text: string) => boolean,
): { index: number; headers: string[]; span: number } => {
  let best = { index: -1, score: 0 };
  rows.slice(0, 30).forEach((r, index) => {
    const score = r.cells.filter((c) => isKnownHeader(textOf(c))).length;
    if (score > best.score) best = { index, score };
  });
  if (best.index < 0 || best.score < 2)
    throw new AppError('BAD_REQUEST', {
      message:
        'Không tìm thấy dòng tiêu đề cột (ví dụ "Họ và tên", "Ngày sinh"). Hãy kiểm tra tệp có dòng tiêu đề.',
    });
  const top = rows[best.index].cells.map(textOf);
  const next = rows[best.index + 1];
  if (next && rows[best.index + 1].rowNumber === rows[best.index].rowNumber + 1) {
    const below = next.cells.map((c) => (typeof c === 'string' ? c : null));
    const allText = next.cells.every((c) => c === null || typeof c === 'string');
    if (allText && below.some((c) => c !== null)) {
      const joined = top.map((t, i) => {
        const b = below[i];
        if (!b || b === t) return t;
        return t ? `${t} ${b}` : b;
      });
      const joinedScore = joined.filter(isKnownHeader).length;
      if (joinedScore > best.score) return { index: best.index, headers: joined, span: 2 };
    }
  }
  return { index: best.index, headers: top, span: 1 };
};

/** "(1) (2) (3)" or "1 2 3" under the header: column numbers, not data. */
const isNumberingRow = (cells: CellValue[]) => {
  const filled = cells.filter((c) => c !== null);
  return (
    filled.length >= 3 &&
    filled.every((c, i) => String(c).replace(/[()]/g, '').trim() === String(i + 1))
  );
};

export const parseSpreadsheet = async (
  buffer: Buffer,
  fileName: string,
  isKnownHeader: (text: string) => boolean,
  onProgress?: (done: number, total: number) => void,
): Promise<ParsedSheet> => {
  const isCsv = /\.(csv|txt)$/i.test(fileName);
  let raw: RawRow[];
  let latin1 = false;
  if (isCsv) {
    const decoded = decodeCsvBytes(buffer);
    latin1 = decoded.latin1;
    raw = parseCsv(decoded.text).map((cells, i) => ({
      rowNumber: i + 1,
      cells: cells.map((c) => plain(c)),
    }));
  } else if (/\.xlsx$/i.test(fileName)) {
    raw = await readXlsx(buffer);
  } else {
    throw new AppError('BAD_REQUEST', {
      message:
        'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv). Tệp .xls cũ: mở bằng Excel và lưu lại thành .xlsx.',
    });
  }
  // First pass: which legacy encoding each column (and the file) certainly uses, from the cells
  // where a legacy reading clearly wins; that encoding then decides the cells that could be either.
  const votes = new Map<number, Record<string, number>>();
  const vote = (column: number, key: string) => {
    const v = votes.get(column) ?? {};
    v[key] = (v[key] ?? 0) + 1;
    votes.set(column, v);
  };
  for (const r of raw)
    r.cells.forEach((c, column) => {
      if (typeof c !== 'string') return;
      if (isUnicodeVietnamese(c)) {
        vote(column, 'unicode');
        return;
      }
      const result = convertLegacyText(c, { latin1Bytes: latin1 });
      if (result.changed && result.encoding !== 'nfd') {
        vote(column, result.encoding);
        vote(-1, result.encoding);
      }
    });
  const preferred = (column: number): LegacyEncoding | null => {
    const v = votes.get(column) ?? {};
    const best = (['tcvn3', 'vni', 'cp1258'] as const).reduce((a, b) =>
      (v[b] ?? 0) > (v[a] ?? 0) ? b : a,
    );
    return (v[best] ?? 0) > (v.unicode ?? 0) ? best : null;
  };
  const prefer = new Map<number, LegacyEncoding | null>();
  const convert = (
    value: CellValue,
    column: number,
    conversions: Conversion[],
    hintColumn = column,
  ): CellValue => {
    if (typeof value !== 'string') return value;
    if (!prefer.has(hintColumn)) prefer.set(hintColumn, preferred(hintColumn));
    const result = convertLegacyText(value, {
      latin1Bytes: latin1,
      prefer: prefer.get(hintColumn),
    });
    const text = result.text.replace(/\s+/g, ' ').trim();
    if (result.changed)
      conversions.push({ column, original: value, converted: text, encoding: result.encoding });
    return text === '' ? null : text;
  };
  const headerConversions: Conversion[] = [];
  // A header that is valid Vietnamese as it stands is kept ("Quê quán", issue 17); one that is not
  // a known header may still be a legacy reading of one ("Chi bé" is TCVN3 for "Chi bộ").
  const knownReading = (text: string) =>
    legacyReadings(text, { latin1Bytes: latin1 }).find((r) => isKnownHeader(r.text));
  const known = (text: string) =>
    isKnownHeader(convertLegacyText(text, { latin1Bytes: latin1 }).text) ||
    knownReading(text) !== undefined;
  const header = findHeader(raw, known);
  const headers = header.headers.map((h, i) => {
    const text = (convert(h || null, i, headerConversions, -1) as string | null) ?? '';
    if (!h || isKnownHeader(text)) return text;
    const reading = knownReading(h);
    if (!reading) return text;
    const converted = reading.text.replace(/\s+/g, ' ').trim();
    const at = headerConversions.findIndex((c) => c.column === i);
    if (at >= 0) headerConversions.splice(at, 1);
    headerConversions.push({ column: i, original: h, converted, encoding: reading.encoding });
    return converted;
  });
  const width = headers.length;
  const body = raw.slice(header.index + header.span);
  const rows: SheetRow[] = [];
  body.forEach((r, i) => {
    if (i % 5000 === 0) onProgress?.(i, body.length);
    const cells = r.cells.slice(0, width);
    while (cells.length < width) cells.push(null);
    if (isBlank(cells) || isNumberingRow(cells)) return;
    // Title, total and signature lines (one filled cell) are not records.
    if (cells.filter((c) => c !== null).length < 2) return;
    const conversions: Conversion[] = [];
    rows.push({
      rowNumber: r.rowNumber,
      cells: cells.map((c, col) => convert(c, col, conversions)),
      conversions,
    });
  });
  onProgress?.(body.length, body.length);
  return {
    headerRow: raw[header.index + header.span - 1].rowNumber,
    headers,
    rows,
    headerConversions,
  };
};

/** The normalised header row: what identifies a file layout. */
export const normaliseHeaders = (headers: string[]) => headers.map((h) => toSearchKey(h));
