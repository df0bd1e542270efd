// The columns of an export of the national member database (CSDL đảng viên) that the reconciliation
// reads, with the headers such exports and offices' own lists use for them. The layout of the
// national software's export is not published (docs/domain/reconciliation.md): the guess compares
// diacritic-blind header keys, and the user confirms or changes the mapping, as in the import wizard.
import {
  type ReconColumn,
  reconColumns,
  type TReconMapping,
} from '../../../contracts/reconciliation';
import { toSearchKey } from '../../../domain/text/vietnamese';

export const reconHeaders: Record<ReconColumn, string[]> = {
  fullName: [
    'Họ và tên',
    'Họ tên',
    'Họ và tên khai sinh',
    'Họ và tên đang dùng',
    'Họ và tên đảng viên',
    'Họ tên đảng viên',
    'Tên đảng viên',
  ],
  birthDate: ['Ngày sinh', 'Ngày tháng năm sinh', 'Ngày, tháng, năm sinh', 'Sinh ngày'],
  citizenId: [
    'Số CCCD',
    'CCCD',
    'Số căn cước công dân',
    'Căn cước công dân',
    'Số căn cước',
    'Số định danh',
    'Số định danh cá nhân',
    'CMND/CCCD',
    'CCCD/CMND',
    'Số CMND/CCCD',
    'Số CCCD/CMND',
    'Số CMND',
  ],
  cardNumber: ['Số thẻ đảng', 'Số thẻ', 'Số thẻ đảng viên', 'Số thẻ ĐV'],
  admittedOn: [
    'Ngày vào Đảng',
    'Ngày kết nạp',
    'Ngày kết nạp Đảng',
    'Ngày vào Đảng dự bị',
    'Ngày vào Đảng lần đầu',
  ],
  recognisedOn: [
    'Ngày chính thức',
    'Ngày công nhận chính thức',
    'Ngày vào Đảng chính thức',
    'Ngày chính thức lần đầu',
  ],
  cell: [
    'Chi bộ',
    'Chi bộ sinh hoạt',
    'Tên chi bộ',
    'Sinh hoạt tại chi bộ',
    'Đang sinh hoạt tại chi bộ',
    'Nơi sinh hoạt đảng',
    'Tổ chức đảng',
  ],
  parentUnit: ['Đảng bộ', 'Đảng bộ cơ sở', 'Tổ chức cơ sở đảng', 'Đảng bộ cơ sở/Chi bộ cơ sở'],
  status: ['Trạng thái', 'Tình trạng', 'Tình trạng đảng viên', 'Loại đảng viên'],
};

const otherHeaders = ['stt', 'so tt', 'tt', 'ghi chu', 'gioi tinh', 'que quan', 'dan toc'];

const keyOf = (text: string) =>
  toSearchKey(text)
    .replace(/[^a-z0-9/ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const index = new Map<string, ReconColumn>(
  reconColumns.flatMap((c) => reconHeaders[c].map((h) => [keyOf(h), c] as const)),
);

export const isReconHeader = (text: string) => {
  const key = keyOf(text);
  return key !== '' && (index.has(key) || otherHeaders.includes(key));
};

/** Each column takes the first header that names it. */
export const guessReconMapping = (headers: string[]): TReconMapping => {
  const mapping = Object.fromEntries(reconColumns.map((c) => [c, null])) as TReconMapping;
  headers.forEach((h, i) => {
    const column = index.get(keyOf(h));
    if (column && mapping[column] === null) mapping[column] = i;
  });
  return mapping;
};
