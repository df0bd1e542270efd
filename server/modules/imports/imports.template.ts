// The blank file an office fills to import (issue 21: "import templates can be downloaded from the
// import page"): one sheet whose header row is exactly what the import recognises, so every column
// maps by itself, and a sheet "Hướng dẫn" saying which columns are required and how to write them.
// No personal data is in it, so its download is not audited.
import ExcelJS from 'exceljs';
import { type ImportKind, importKindLabels } from '../../../contracts/imports';
import { memberEventKinds, memberEventLabels } from '../../../domain/enums/members';
import { importFields } from './imports.fields';

/** How to write a column's values, where it is not plain text. */
const howToWrite: Record<string, string> = {
  sex: 'Nam hoặc Nữ.',
  birthDate: 'Ngày/tháng/năm, ví dụ 05/03/1985 (hoặc ô kiểu ngày của Excel).',
  admittedOn: 'Ngày/tháng/năm.',
  recognisedOn: 'Ngày/tháng/năm; để trống nếu còn dự bị.',
  eventDate: 'Ngày/tháng/năm.',
  letterDate: 'Ngày/tháng/năm.',
  citizenId: 'Đủ 12 chữ số; cột đã để kiểu Văn bản (Text) để Excel không bỏ số 0 đầu.',
  orgUnit:
    'Tên chi bộ như trong hệ thống (có dấu hay không dấu đều được); chi bộ trùng tên thì ghi thêm tên đảng bộ cấp trên, ví dụ "Chi bộ Phòng Nghiệp vụ 1 – Đảng bộ Sở Y tế".',
  kind: `Một trong: ${memberEventKinds.map((k) => memberEventLabels[k]).join('; ')}.`,
  status: 'Chỉ để đối chiếu: trạng thái được ghi theo sự kiện, không theo cột này.',
  cardNumber: 'Số thẻ đảng viên (8 chữ số).',
};

/** The header a column gets: the field's own label when the import recognises it, else its first name. */
const headerOf = (field: { label: string; headers: string[] }) =>
  field.headers.includes(field.label) ? field.label : field.headers[0];

export const importTemplateXlsx = async (kind: ImportKind): Promise<Buffer> => {
  const fields = importFields[kind];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dangvu';
  const sheet = workbook.addWorksheet('Mẫu nhập');
  sheet.columns = [
    { width: 6 },
    ...fields.map((f) => ({ width: Math.max(14, headerOf(f).length + 4) })),
  ];
  // "STT" numbers the rows; the import proposes to skip it.
  const header = sheet.addRow(['STT', ...fields.map(headerOf)]);
  header.font = { bold: true, name: 'Times New Roman' };
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 2);
    if (f.required)
      cell.font = { bold: true, name: 'Times New Roman', color: { argb: 'FFC00000' } };
    // Citizen IDs and card numbers keep their leading zeros when typed into a text column.
    if (f.key === 'citizenId' || f.key === 'cardNumber') sheet.getColumn(i + 2).numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 28 }, { width: 12 }, { width: 90 }];
  guide.addRow([`Mẫu nhập: ${importKindLabels[kind]}`]).font = { bold: true, size: 13 };
  guide.addRow([
    'Ghi mỗi người (mỗi sự kiện) một dòng ở trang "Mẫu nhập", từ dòng 2; giữ nguyên dòng tiêu đề. Cột tô đỏ là bắt buộc. Có thể bỏ cột không dùng; tên cột khác (ví dụ "Họ tên") cũng được nhận ra.',
  ]);
  guide.addRow([]);
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi']).font = { bold: true };
  for (const f of fields)
    guide.addRow([
      headerOf(f),
      f.required ? 'Có' : '',
      [
        howToWrite[f.key],
        f.headers.length > 1
          ? `Tên cột khác được nhận: ${f.headers.filter((h) => h !== headerOf(f)).join(', ')}.`
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
