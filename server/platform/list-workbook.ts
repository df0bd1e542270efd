import ExcelJS from 'exceljs';

export type ListColumn = { header: string; width: number };
type Cell = string | number | null;

/**
 * A list as it is exported from a page (reminders, meetings, tasks handed down, the records behind a
 * figure): one sheet with a title line, a line saying what was listed, bold column headers, fixed
 * widths, and one row per record, wrapped and aligned to the top so long text stays readable.
 */
export const listWorkbook = async ({
  sheetName,
  title,
  subtitle,
  columns,
  rows,
}: {
  sheetName: string;
  title: string;
  subtitle: string;
  columns: readonly ListColumn[];
  rows: readonly Cell[][];
}): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow([title]);
  sheet.addRow([subtitle]);
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
  });
  for (const row of rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await book.xlsx.writeBuffer());
};
