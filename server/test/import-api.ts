// Helpers for the import tests: build real spreadsheets in memory and drive the NDJSON API.
import ExcelJS from 'exceljs';
import type { Session } from './test-db';

export type StreamAnswer = {
  statusCode: number;
  lines: { type: string; phase?: string; result?: unknown; code?: string; message?: string }[];
  result: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
};

export const readStream = (res: { statusCode: number; body: string }): StreamAnswer => {
  if (res.statusCode !== 200)
    return { statusCode: res.statusCode, lines: [], result: null, error: JSON.parse(res.body) };
  const lines = res.body
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const last = lines[lines.length - 1];
  return {
    statusCode: res.statusCode,
    lines,
    result: last?.type === 'result' ? last.result : null,
    error: last?.type === 'error' ? { code: last.code, message: last.message } : null,
  };
};

export const upload = async (
  s: Session,
  kind: string,
  fileName: string,
  content: Buffer,
): Promise<StreamAnswer> =>
  readStream(
    await s.post('/api/imports', {
      kind,
      fileName,
      contentBase64: content.toString('base64'),
    }),
  );

export const preview = async (
  s: Session,
  id: number,
  mapping: Record<string, number | null>,
  skippedColumns?: number[],
) => readStream(await s.post(`/api/imports/${id}/preview`, { mapping, skippedColumns }));

export const commit = async (s: Session, id: number, body: Record<string, unknown> = {}) =>
  readStream(await s.post(`/api/imports/${id}/commit`, body));

/** An XLSX like offices keep: title lines, optional merged two-row header, blank rows, a total. */
export const xlsxOf = async (
  rows: unknown[][],
  options: { title?: boolean; twoRowHeader?: { top: string[]; merges: string[] } } = {},
): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('DS');
  if (options.title) {
    sheet.addRow(['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH']);
    sheet.addRow(['DANH SÁCH ĐẢNG VIÊN']);
    sheet.addRow([]);
  }
  if (options.twoRowHeader) sheet.addRow(options.twoRowHeader.top);
  for (const r of rows) sheet.addRow(r);
  for (const m of options.twoRowHeader?.merges ?? []) sheet.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
