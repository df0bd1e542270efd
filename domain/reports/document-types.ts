// Party document types, their codes and who may issue them (docs/domain/document-format.md: Quy định
// 399-QĐ/TW of 9/1/2026; type codes from HD 36-HD/VPTW, confirmed in summaries of 05-HD/VPTW 🟡;
// issuing authority per a third-party reading of 399 arts. 11–13 ❓). Data, not code: the register
// refuses a pair that is not listed here.
import type { OrgUnitKind } from '../enums/org-units';

export const documentTypes = [
  'resolution',
  'decision',
  'regulation',
  'directive',
  'conclusion',
  'rules',
  'circular',
  'guidance',
  'notice',
  'report',
  'plan',
  'programme',
  'scheme',
  'option',
  'submission',
  'official_letter',
  'minutes',
] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentTypeInfo: Record<DocumentType, { code: string; label: string }> = {
  resolution: { code: 'NQ', label: 'Nghị quyết' },
  // 36-HD: quyết định and quy định share the code QĐ.
  decision: { code: 'QĐ', label: 'Quyết định' },
  regulation: { code: 'QĐ', label: 'Quy định' },
  directive: { code: 'CT', label: 'Chỉ thị' },
  conclusion: { code: 'KL', label: 'Kết luận' },
  rules: { code: 'QC', label: 'Quy chế' },
  circular: { code: 'TT', label: 'Thông tri' },
  guidance: { code: 'HD', label: 'Hướng dẫn' },
  notice: { code: 'TB', label: 'Thông báo' },
  report: { code: 'BC', label: 'Báo cáo' },
  plan: { code: 'KH', label: 'Kế hoạch' },
  programme: { code: 'CTr', label: 'Chương trình' },
  scheme: { code: 'ĐA', label: 'Đề án' },
  option: { code: 'PA', label: 'Phương án' },
  submission: { code: 'TTr', label: 'Tờ trình' },
  official_letter: { code: 'CV', label: 'Công văn' },
  minutes: { code: 'BB', label: 'Biên bản' },
};

/** Issuer codes by the kind of organisation (§5.4; "set locally" for new bodies: a setting overrides). */
export const defaultIssuerCodes: Partial<Record<OrgUnitKind, string>> = {
  province_committee: 'TU',
  upper_committee: 'ĐUK',
  grassroots_committee: 'ĐU',
  grassroots_cell: 'CB',
  sub_committee: 'ĐU',
  cell: 'CB',
};

const allTypes = documentTypes;
/** Grassroots bodies issue neither chỉ thị nor thông tri; a grassroots standing committee no quy chế. */
const grassroots = documentTypes.filter((t) => !['directive', 'circular', 'rules'].includes(t));
/** A chi bộ issues no quy định or hướng dẫn either. */
const cellTypes = grassroots.filter((t) => !['regulation', 'guidance'].includes(t));

/** The allowed (issuer, type) pairs. */
export const allowedDocumentTypes: Record<OrgUnitKind, readonly DocumentType[]> = {
  province_committee: allTypes,
  upper_committee: allTypes,
  grassroots_committee: grassroots,
  sub_committee: cellTypes,
  grassroots_cell: cellTypes,
  cell: cellTypes,
};

export const mayIssue = (issuerKind: OrgUnitKind, type: DocumentType): boolean =>
  allowedDocumentTypes[issuerKind].includes(type);

/** "Số 12-BC/ĐUK": a hyphen between number and type code, no colon after "Số" (36-HD). */
export const formatDocumentNumber = (number: number, type: DocumentType, issuerCode: string) =>
  `Số ${String(number).padStart(2, '0')}-${documentTypeInfo[type].code}/${issuerCode}`;

/**
 * The committee term a date falls in: numbers run from 01 per type within one term and do not restart
 * each year (§5.3). Terms are five years from a congress; `termStartYears` is a setting (default: the
 * 2020 and 2025 congresses; a term starts on 1 July of its year ❓ — the congress date varies).
 */
export const defaultTermStarts = ['2015-07-01', '2020-07-01', '2025-07-01', '2030-07-01'];

export const committeeTermOf = (iso: string, termStarts: readonly string[] = defaultTermStarts) => {
  const starts = [...termStarts].sort();
  let start = starts[0]!;
  for (const s of starts) if (s <= iso) start = s;
  const startYear = Number(start.slice(0, 4));
  return { start, label: `${startYear}–${startYear + 5}` };
};
