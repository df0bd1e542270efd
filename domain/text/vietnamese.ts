// Vietnamese text helpers shared by server and web. Pure: no I/O.

/** Unicode NFC with collapsed inner whitespace; what we store for every name. */
export const normalizeText = (value: string): string =>
  value.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * Diacritic- and case-blind key, the same one PostgreSQL stores in `name_norm`
 * (lower(unaccent(name))): "Nguyễn Văn Hưng" → "nguyen van hung", đ → d.
 */
export const toSearchKey = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The given name is the last word: Vietnamese lists sort by it first. */
export const givenNameOf = (fullName: string): string => {
  const words = normalizeText(fullName).split(' ');
  return words[words.length - 1] ?? '';
};

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Compare two full names the Vietnamese way: given name, then the whole name. */
export const compareVietnameseNames = (a: string, b: string): number =>
  collator.compare(givenNameOf(a), givenNameOf(b)) || collator.compare(a, b);

export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);

const integerFormat = new Intl.NumberFormat('vi-VN');

/** 1234 → "1.234"; 15.83 → "15,8" with one decimal. */
export const formatNumber = (value: number, fractionDigits = 0): string =>
  fractionDigits === 0
    ? integerFormat.format(value)
    : new Intl.NumberFormat('vi-VN', {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value);

export const formatPercent = (ratio: number, fractionDigits = 1): string =>
  `${formatNumber(ratio * 100, fractionDigits)}%`;

/** ISO date "2025-12-05" → "05/12/2025" (tables). */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/** ISO date → "ngày 05 tháng 12 năm 2025" (documents). */
export const formatDateLong = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

/** Search text → the unaccented, lower-case form stored in name_norm; LIKE wildcards escaped. */
export const toLikeKey = (q: string): string => toSearchKey(q).replace(/[\\%_]/g, (c) => `\\${c}`);
