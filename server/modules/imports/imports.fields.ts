// The columns each import reads, with the Vietnamese headers offices use for them. The mapping
// guess compares diacritic-blind header keys; the user confirms or changes it.
import { createHash } from 'node:crypto';
import type { ImportKind } from '../../../contracts/imports';
import { toSearchKey } from '../../../domain/text/vietnamese';

export type FieldDef = {
  key: string;
  label: string;
  required?: boolean;
  /** Header texts (any case, with or without diacritics) that mean this column. */
  headers: string[];
};

const person: FieldDef[] = [
  {
    key: 'fullName',
    label: 'Họ và tên',
    required: true,
    headers: [
      'Họ và tên',
      'Họ tên',
      'Họ và tên đảng viên',
      'Tên đảng viên',
      'Họ và tên quần chúng',
    ],
  },
  {
    key: 'sex',
    label: 'Giới tính',
    required: true,
    headers: ['Giới tính', 'Giới', 'Nam/Nữ', 'Nam nữ'],
  },
  {
    key: 'birthDate',
    label: 'Ngày sinh',
    required: true,
    headers: ['Ngày sinh', 'Ngày tháng năm sinh', 'Sinh ngày', 'Ngày, tháng, năm sinh'],
  },
  {
    key: 'citizenId',
    label: 'Số CCCD',
    headers: [
      'Số CCCD',
      'CCCD',
      'Số căn cước công dân',
      'Căn cước công dân',
      'Số định danh',
      'Số định danh cá nhân',
      'CMND/CCCD',
      'Số CMND',
    ],
  },
];

const ethnicityReligion: FieldDef[] = [
  { key: 'ethnicity', label: 'Dân tộc', headers: ['Dân tộc'] },
  { key: 'religion', label: 'Tôn giáo', headers: ['Tôn giáo'] },
];

const cell: FieldDef = {
  key: 'orgUnit',
  label: 'Chi bộ',
  required: true,
  headers: ['Chi bộ', 'Chi bộ sinh hoạt', 'Tên chi bộ', 'Sinh hoạt tại chi bộ', 'Đơn vị'],
};

export const importFields: Record<ImportKind, FieldDef[]> = {
  members: [
    ...person,
    ...ethnicityReligion,
    cell,
    {
      key: 'admittedOn',
      label: 'Ngày vào Đảng',
      required: true,
      headers: ['Ngày vào Đảng', 'Ngày kết nạp', 'Ngày kết nạp Đảng', 'Ngày vào Đảng dự bị'],
    },
    {
      key: 'recognisedOn',
      label: 'Ngày chính thức',
      headers: ['Ngày chính thức', 'Ngày công nhận chính thức', 'Ngày vào Đảng chính thức'],
    },
    {
      key: 'cardNumber',
      label: 'Số thẻ đảng',
      headers: ['Số thẻ đảng', 'Số thẻ', 'Số thẻ đảng viên'],
    },
    {
      key: 'decisionNumber',
      label: 'Số quyết định kết nạp',
      headers: ['Số quyết định kết nạp', 'Số QĐ kết nạp', 'Quyết định kết nạp'],
    },
    { key: 'birthPlace', label: 'Nơi sinh', headers: ['Nơi sinh'] },
    { key: 'homeTown', label: 'Quê quán', headers: ['Quê quán', 'Nguyên quán'] },
    { key: 'position', label: 'Chức vụ', headers: ['Chức vụ', 'Chức vụ chính quyền'] },
    { key: 'occupation', label: 'Nghề nghiệp', headers: ['Nghề nghiệp'] },
    { key: 'workplace', label: 'Nơi làm việc', headers: ['Nơi làm việc', 'Cơ quan công tác'] },
    { key: 'phone', label: 'Số điện thoại', headers: ['Số điện thoại', 'Điện thoại', 'SĐT'] },
    {
      key: 'professionalLevel',
      label: 'Trình độ chuyên môn',
      headers: ['Trình độ chuyên môn', 'Chuyên môn', 'Trình độ chuyên môn nghiệp vụ'],
    },
    {
      key: 'politicalTheory',
      label: 'Lý luận chính trị',
      headers: ['Lý luận chính trị', 'Trình độ lý luận chính trị', 'LLCT'],
    },
    {
      key: 'status',
      label: 'Trạng thái (chỉ để đối chiếu)',
      headers: ['Trạng thái', 'Tình trạng'],
    },
  ],
  applicants: [
    ...person,
    ...ethnicityReligion,
    { ...cell, headers: [...cell.headers, 'Chi bộ giới thiệu', 'Chi bộ bồi dưỡng'] },
    {
      key: 'generalEducation',
      label: 'Giáo dục phổ thông',
      headers: ['Giáo dục phổ thông', 'Trình độ phổ thông', 'Học vấn', 'Văn hóa'],
    },
    { key: 'workplace', label: 'Nơi làm việc', headers: ['Nơi làm việc', 'Cơ quan công tác'] },
    { key: 'position', label: 'Chức vụ', headers: ['Chức vụ'] },
    { key: 'phone', label: 'Số điện thoại', headers: ['Số điện thoại', 'Điện thoại', 'SĐT'] },
    { key: 'source', label: 'Nguồn', headers: ['Nguồn', 'Nguồn phát triển'] },
    {
      key: 'mentorName',
      label: 'Đảng viên giúp đỡ',
      headers: ['Đảng viên giúp đỡ', 'Người giúp đỡ', 'Đảng viên được phân công giúp đỡ'],
    },
  ],
  events: [
    ...person.map((f) => (f.key === 'sex' ? { ...f, required: false } : f)),
    {
      key: 'kind',
      label: 'Sự kiện',
      required: true,
      headers: ['Sự kiện', 'Loại sự kiện', 'Nội dung', 'Biến động'],
    },
    {
      key: 'eventDate',
      label: 'Ngày sự kiện',
      required: true,
      headers: ['Ngày sự kiện', 'Ngày', 'Ngày hiệu lực', 'Ngày quyết định'],
    },
    { ...cell, required: false, headers: ['Chi bộ', 'Chi bộ đến', 'Chi bộ sinh hoạt'] },
    {
      key: 'externalOrg',
      label: 'Nơi chuyển đến/đi',
      headers: ['Nơi chuyển đến/đi', 'Nơi chuyển đến', 'Nơi chuyển đi', 'Tổ chức đảng ngoài'],
    },
    { key: 'decisionNumber', label: 'Số quyết định', headers: ['Số quyết định', 'Số QĐ'] },
    { key: 'letterNumber', label: 'Số giấy giới thiệu', headers: ['Số giấy giới thiệu'] },
    { key: 'letterDate', label: 'Ngày giấy giới thiệu', headers: ['Ngày giấy giới thiệu'] },
    { key: 'note', label: 'Ghi chú', headers: ['Ghi chú'] },
  ],
};

/** Header keys that mean nothing to any import but show a header row (STT, Ghi chú…). */
const otherHeaders = ['stt', 'so tt', 'tt', 'ghi chu'];

const keyOf = (text: string) =>
  toSearchKey(text)
    .replace(/[^a-z0-9/ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const headerIndex = new Map<string, Map<string, string>>(
  (Object.keys(importFields) as ImportKind[]).map((kind) => [
    kind,
    new Map(importFields[kind].flatMap((f) => f.headers.map((h) => [keyOf(h), f.key] as const))),
  ]),
);

export const isKnownHeader = (kind: ImportKind) => (text: string) => {
  const key = keyOf(text);
  return key !== '' && (headerIndex.get(kind)!.has(key) || otherHeaders.includes(key));
};

/** Guess: each field takes the first column whose header is one of its names. */
export const guessMapping = (
  kind: ImportKind,
  headers: string[],
): Record<string, number | null> => {
  const index = headerIndex.get(kind)!;
  const mapping: Record<string, number | null> = Object.fromEntries(
    importFields[kind].map((f) => [f.key, null]),
  );
  headers.forEach((h, i) => {
    const field = index.get(keyOf(h));
    if (field && mapping[field] === null) mapping[field] = i;
  });
  return mapping;
};

/** Numbering columns ("STT", "Số TT", "TT"): they number the rows, so they are proposed as skipped. */
const numberingHeaders = ['stt', 'so tt', 'tt'];

/** The columns proposed as skipped for a new layout: numbering columns that no field takes. */
export const guessSkippedColumns = (headers: string[], mapping: Record<string, number | null>) => {
  const mapped = new Set(Object.values(mapping));
  return headers.flatMap((h, i) =>
    numberingHeaders.includes(keyOf(h)) && !mapped.has(i) ? [i] : [],
  );
};

/** The layout fingerprint: sha256 of the normalised header row. */
export const layoutFingerprint = (kind: ImportKind, headers: string[]) =>
  createHash('sha256')
    .update(`${kind}|${headers.map(keyOf).join('|')}`)
    .digest('hex');
