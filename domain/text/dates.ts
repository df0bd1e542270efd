// Dates as offices type them in spreadsheets (docs/domain/vietnamese-text.md): day first, "05/12/1990", "5-12-90",
// "5.12.1990", "ngày 5 tháng 12 năm 1990", Excel serial numbers and date cells, and month-only
// "tháng 12/1990" / "12/1990" (the first of the month, with a warning). Ambiguous or impossible
// dates are errors, never guesses. Pure: no I/O.

export type DateKind = 'birth' | 'admission' | 'event';

export type DateParse =
  | { ok: true; iso: string; warning?: string }
  | { ok: false; error: string }
  | null;

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const show = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const isRealDate = (y: number, m: number, d: number) => {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
};

const addYears = (iso: string, years: number) =>
  `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** The dates a field can hold: a person is at least 16; the Party was founded on 3/2/1930. */
const rangeOf = (kind: DateKind, today: string): [string, string] =>
  kind === 'birth' ? ['1900-01-01', addYears(today, -16)] : ['1930-02-03', today];

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial day number (1900 date system) → ISO date. */
export const excelSerialToIso = (serial: number): string =>
  new Date(EXCEL_EPOCH + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);

const checkRange = (iso: string, kind: DateKind, today: string): DateParse => {
  if (iso > today) return { ok: false, error: `Ngày ${show(iso)} ở tương lai (sau ngày hôm nay).` };
  if (iso < '1900-01-01')
    return { ok: false, error: `Ngày ${show(iso)} không hợp lệ (trước 1900).` };
  if (kind !== 'birth' && iso < '1930-02-03')
    return { ok: false, error: `Ngày ${show(iso)} trước ngày thành lập Đảng (03/02/1930).` };
  return { ok: true, iso };
};

const monthOnly = (m: number, y: number, kind: DateKind, today: string): DateParse => {
  if (m < 1 || m > 12) return { ok: false, error: `Tháng ${m} không hợp lệ.` };
  const iso = isoOf(y, m, 1);
  const checked = checkRange(iso, kind, today);
  if (!checked?.ok) return checked;
  return {
    ok: true,
    iso,
    warning: `Chỉ có tháng ${pad(m)}/${y}: ghi là ngày ${show(iso)}.`,
  };
};

/**
 * One date cell. `today` is an ISO date (the caller's "today" in Vietnam). Returns null for an
 * empty cell.
 */
export const parseDateCell = (
  value: unknown,
  options: { kind: DateKind; today: string },
): DateParse => {
  const { kind, today } = options;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, error: 'Ô ngày tháng hỏng.' };
    // Excel date cells come as UTC midnight (± rounding): take the nearest day.
    const iso = new Date(Math.round(value.getTime() / 86_400_000) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return checkRange(iso, kind, today);
  }
  if (typeof value === 'object') {
    // Spreadsheet cells that are objects: a formula carries its result, rich text its runs.
    const cell = value as { result?: unknown; richText?: { text?: unknown }[] };
    if ('result' in cell) return parseDateCell(cell.result, options);
    if (Array.isArray(cell.richText))
      return parseDateCell(cell.richText.map((r) => String(r?.text ?? '')).join(''), options);
    return { ok: false, error: 'Ô này không phải ngày tháng.' };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2_958_465)
      return { ok: false, error: `Số ${value} không phải là ngày.` };
    return checkRange(excelSerialToIso(value), kind, today);
  }
  const text = String(value)
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '');
  if (text === '') return null;
  const isoMatch = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  if (isoMatch) {
    const [y, mo, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    if (!isRealDate(y, mo, d)) return { ok: false, error: `Ngày "${value}" không có thật.` };
    return checkRange(isoOf(y, mo, d), kind, today);
  }
  const month =
    text.match(/^(?:t|tháng|thg)?\.? ?(\d{1,2}) ?(?:[/.-]|năm) ?(\d{4})$/) ??
    text.match(/^tháng (\d{1,2}) năm (\d{4})$/);
  if (month) return monthOnly(Number(month[1]), Number(month[2]), kind, today);
  if (/^\d{5}(\.\d+)?$/.test(text)) return checkRange(excelSerialToIso(Number(text)), kind, today);

  const m =
    text.match(/^ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{2,4})$/) ??
    text.match(/^(\d{1,2}) ?[/.-] ?(\d{1,2}) ?[/.-] ?(\d{2}|\d{4})$/);
  if (!m) return { ok: false, error: `Không đọc được ngày "${value}" (ghi dạng 05/12/1990).` };
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const yearText = m[3];
  if (mo > 12 && d <= 12)
    return {
      ok: false,
      error: `Ngày "${value}" có vẻ ghi tháng trước ngày; hãy ghi ngày/tháng/năm (ví dụ 05/12/1990).`,
    };
  if (d < 1 || d > 31 || mo < 1 || mo > 12)
    return { ok: false, error: `Ngày "${value}" không có thật.` };
  if (yearText.length === 4) {
    const y = Number(yearText);
    if (!isRealDate(y, mo, d)) return { ok: false, error: `Ngày "${value}" không có thật.` };
    return checkRange(isoOf(y, mo, d), kind, today);
  }
  // Two-digit year: 19xx or 20xx, whichever alone fits the field; both or neither is an error.
  const yy = Number(yearText);
  const [from, to] = rangeOf(kind, today);
  const candidates = [1900 + yy, 2000 + yy]
    .filter((y) => isRealDate(y, mo, d))
    .map((y) => isoOf(y, mo, d))
    .filter((iso) => iso >= from && iso <= to);
  if (candidates.length === 1) return { ok: true, iso: candidates[0] };
  if (candidates.length === 0)
    return { ok: false, error: `Ngày "${value}" không hợp lệ cho trường này.` };
  return {
    ok: false,
    error: `Năm "${yearText}" có thể là 19${yearText} hoặc 20${yearText}: hãy ghi đủ bốn chữ số.`,
  };
};

/**
 * The date of a Party document as printed after the place: "ngày 03 tháng 4 năm 2018",
 * "ngày 20 tháng 02 năm 2018". Hướng dẫn 36-HD/VPTW (Văn phòng Trung ương Đảng, 03/4/2018), part
 * "địa danh và ngày, tháng, năm ban hành văn bản": a day below 10 and the months 1 and 2 take a leading
 * zero, other months are written without one (36-HD itself is dated "ngày 03 tháng 4 năm 2018").
 * docs/domain/document-format.md.
 */
export const partyDocumentDate = (iso: string): string => {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `ngày ${pad(d)} tháng ${m <= 2 ? pad(m) : String(m)} năm ${y}`;
};

/**
 * A date typed into a date field, day first whatever the browser's language: "31/12/2026",
 * "1/2/2026", "31-12-2026", "31.12.2026", "31122026", or ISO "2026-12-31". Returns the ISO date,
 * or null when the text is not one real calendar date (never a guess, never month first).
 */
export const typedDateToIso = (text: string): string | null => {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? isoOf(y, mo, d) : null;
  }
  m =
    /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t) ??
    /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(y, mo, d) ? isoOf(y, mo, d) : null;
};

/** ISO date (or timestamp) → "31/12/2026", the one way dates are shown in fields and tables. */
export const isoToShownDate = (iso: string | null | undefined): string =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? show(iso.slice(0, 10)) : '';
