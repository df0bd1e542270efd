// Keeping step with the national member database (CSDL đảng viên, issue 21): the rows of an export
// of the national database are matched with our members, and every field that differs is listed.
// Pure: no I/O. docs/domain/reconciliation.md.
//
// Matching, in this order, each step only among what is still unmatched:
//   1. citizen ID (số định danh cá nhân / CCCD), when exactly one of our members and one row carry it;
//   2. party card number (số thẻ đảng viên), likewise;
//   3. name and birth date, only for a row whose cell is in our scope (or not given), so a row of
//      another organisation is never matched by name with one of ours.
// A row that matches none of our members is "only there" when its cell is in our scope (or blank),
// "out of scope" when its cell is not one of ours: members outside the scope are never read, so a
// row is never matched against them. Our members that match no row are "only here", when they still
// count in the organisation (a member who left is expected to be missing from the export).
//
// What is NOT a difference: case, spaces, Unicode composition (NFC/NFD) and where the tone mark sits
// ("Hoà"/"Hòa", "Thuý"/"Thúy") in names; dd/mm/yyyy, ISO, Excel serial and date cells for the same
// day; a citizen ID that Excel turned into a number (its leading zero lost); spaces in identifiers;
// a cell written without diacritics or with its parent. A different letter, vowel mark or tone IS a
// difference ("Hưng"/"Hùng"/"Hung").

import {
  activeStatuses,
  type MemberStatus,
  memberStatuses,
  memberStatusLabels,
} from '../enums/members';
import { parseDateCell } from '../text/dates';
import { toSearchKey } from '../text/vietnamese';

export const reconFields = [
  'fullName',
  'birthDate',
  'citizenId',
  'cardNumber',
  'admittedOn',
  'recognisedOn',
  'cell',
  'status',
] as const;
export type ReconField = (typeof reconFields)[number];

export const reconFieldLabels: Record<ReconField, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  citizenId: 'Số CCCD',
  cardNumber: 'Số thẻ đảng',
  admittedOn: 'Ngày vào Đảng',
  recognisedOn: 'Ngày chính thức',
  cell: 'Chi bộ',
  status: 'Trạng thái',
};

/** The columns a file may give: the compared fields and the cell's parent organisation. */
export type ReconColumn = ReconField | 'parentUnit';

export type OurMember = {
  id: number;
  fullName: string;
  birthDate: string;
  citizenId: string | null;
  cardNumber: string | null;
  admittedOn: string | null;
  recognisedOn: string | null;
  orgUnitId: number;
  status: MemberStatus;
};

/** A cell (chi bộ) of the actor's scope. */
export type ScopeCell = { id: number; name: string; parentName: string | null };

export type RawCell = string | number | Date | null | undefined;
export type NationalRow = { rowNumber: number; values: Partial<Record<ReconColumn, RawCell>> };

export type Difference = {
  field: ReconField;
  /** Our value as stored (ISO dates, status code, cell id as text). */
  ours: string | null;
  /** The file's value, normalised where it could be read (ISO date, status code, cell id), else as written. */
  theirs: string | null;
  /** The file's value as written. */
  theirsText: string | null;
};

export type MatchedBy = 'citizenId' | 'cardNumber' | 'nameBirth';

export type ReconOutcome =
  | {
      kind: 'matched';
      memberId: number;
      rowNumber: number;
      matchedBy: MatchedBy;
      differences: Difference[];
    }
  | { kind: 'onlyHere'; memberId: number }
  | { kind: 'onlyThere'; rowNumber: number; cellId: number | null; note: string | null }
  | { kind: 'outOfScope'; rowNumber: number };

/** Words without diacritics, punctuation as spaces: how cells are named in files. */
const unitWords = (text: string) =>
  toSearchKey(text)
    .replace(/[-–—,()/:.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const toneMarks = /[\u0300\u0301\u0303\u0309\u0323]/g;
const toneOrder = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/**
 * A name for comparing: lower case, single spaces, and per word its letters (vowel marks kept) and
 * its tone apart, so the old and new places of the tone mark compare equal and nothing else does.
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => {
      const tone = word.match(toneMarks)?.[0];
      const letters = word.replace(toneMarks, '').normalize('NFC');
      return tone ? `${letters}${toneOrder.indexOf(tone) + 1}` : letters;
    })
    .join(' ');

/** Identifiers: no spaces, dots or dashes; a citizen ID whose leading zeros Excel dropped gets them back. */
export const idKey = (value: RawCell, kind: 'citizenId' | 'cardNumber'): string | null => {
  if (value === null || value === undefined || value instanceof Date) return null;
  const text = String(value)
    .normalize('NFC')
    .replace(/[\s.\-–]/g, '')
    .toUpperCase();
  if (text === '') return null;
  // A citizen ID is 12 digits, the old identity card 9, both may start with zeros (the province
  // code 001–096): Excel keeps a number, so the zeros are put back.
  if (kind === 'citizenId' && /^\d{10,11}$/.test(text)) return text.padStart(12, '0');
  if (kind === 'citizenId' && typeof value === 'number' && text.length < 9)
    return text.padStart(9, '0');
  return text;
};

/** Status words a national export may use, to our status codes. */
const statusWords: Record<string, MemberStatus> = (() => {
  const map: Record<string, MemberStatus> = {};
  for (const s of memberStatuses) {
    map[toSearchKey(memberStatusLabels[s])] = s;
    map[toSearchKey(s)] = s;
  }
  Object.assign(map, {
    'dang vien du bi': 'probationary',
    'dang vien chinh thuc': 'full',
    'mien cong tac va sinh hoat': 'exempted',
    'mien sinh hoat dang': 'exempted',
    'chuyen di': 'transferred_out',
    'chuyen sinh hoat di': 'transferred_out',
    'xoa ten khoi danh sach': 'removed',
    'xin ra khoi dang': 'withdrew',
    'ra khoi dang': 'withdrew',
    'da tu tran': 'died',
    'tu tran': 'died',
    'qua doi': 'died',
  } satisfies Record<string, MemberStatus>);
  return map;
})();

export const statusOf = (text: string): MemberStatus | null =>
  statusWords[toSearchKey(text).replace(/\s+/g, ' ')] ?? null;

const textOf = (value: RawCell): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const text = String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
};

/** The cells of the scope by "name", "name without 'Chi bộ'", and either with the parent's name. */
export const cellResolver = (cells: ScopeCell[]) => {
  const byKey = new Map<string, number[]>();
  const add = (key: string, id: number) => {
    const list = byKey.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    byKey.set(key, list);
  };
  for (const c of cells) {
    const own = unitWords(c.name);
    const short = own.replace(/^chi bo /, '');
    add(own, c.id);
    add(short, c.id);
    if (c.parentName) {
      const parent = unitWords(c.parentName);
      add(`${own} ${parent}`, c.id);
      add(`${short} ${parent}`, c.id);
    }
  }
  /** The cell id, 'ambiguous' when several cells of the scope bear the name, null when none. */
  return (name: string | null, parent: string | null): number | 'ambiguous' | null => {
    if (!name) return null;
    const keys = parent ? [`${unitWords(name)} ${unitWords(parent)}`] : [];
    keys.push(unitWords(name));
    for (const key of keys) {
      const found = byKey.get(key);
      if (found?.length === 1) return found[0];
      if (found && found.length > 1) return 'ambiguous';
    }
    return null;
  };
};

type ReadRow = {
  rowNumber: number;
  given: Set<ReconColumn>;
  fullName: string | null;
  nameKey: string | null;
  birthDate: { iso: string | null; text: string | null };
  citizenId: string | null;
  cardNumber: string | null;
  idTexts: { citizenId: string | null; cardNumber: string | null };
  admittedOn: { iso: string | null; text: string | null };
  recognisedOn: { iso: string | null; text: string | null };
  cellText: string | null;
  /** The cell in our scope; 'ambiguous' when the name is shared, null when none of ours or blank. */
  cellId: number | 'ambiguous' | null;
  status: { code: MemberStatus | null; text: string | null };
};

const readDate = (value: RawCell, kind: 'birth' | 'admission', today: string) => {
  const text = textOf(value);
  const parsed = parseDateCell(value instanceof Date ? value : text, { kind, today });
  return { iso: parsed?.ok ? parsed.iso : null, text };
};

const readRow = (
  row: NationalRow,
  resolve: ReturnType<typeof cellResolver>,
  today: string,
): ReadRow => {
  const v = row.values;
  const fullName = textOf(v.fullName);
  const cellText = textOf(v.cell);
  const statusText = textOf(v.status);
  return {
    rowNumber: row.rowNumber,
    given: new Set(Object.keys(v) as ReconColumn[]),
    fullName,
    nameKey: fullName ? nameKey(fullName) : null,
    birthDate: readDate(v.birthDate, 'birth', today),
    citizenId: idKey(v.citizenId, 'citizenId'),
    cardNumber: idKey(v.cardNumber, 'cardNumber'),
    idTexts: { citizenId: textOf(v.citizenId), cardNumber: textOf(v.cardNumber) },
    admittedOn: readDate(v.admittedOn, 'admission', today),
    recognisedOn: readDate(v.recognisedOn, 'admission', today),
    cellText,
    cellId: resolve(cellText, textOf(v.parentUnit)),
    status: { code: statusText ? statusOf(statusText) : null, text: statusText },
  };
};

/** The fields of a matched pair that differ; a column the file does not have is not compared. */
export const differencesOf = (m: OurMember, r: ReadRow): Difference[] => {
  const out: Difference[] = [];
  const push = (
    field: ReconField,
    ours: string | null,
    theirs: string | null,
    theirsText: string | null,
  ) => out.push({ field, ours, theirs, theirsText });
  if (r.given.has('fullName') && nameKey(m.fullName) !== (r.nameKey ?? ''))
    push('fullName', m.fullName, r.fullName, r.fullName);
  const date = (field: 'birthDate' | 'admittedOn' | 'recognisedOn') => {
    if (!r.given.has(field)) return;
    const theirs = r[field];
    if ((m[field] ?? null) !== (theirs.iso ?? theirs.text))
      push(field, m[field] ?? null, theirs.iso ?? theirs.text, theirs.text);
  };
  date('birthDate');
  for (const field of ['citizenId', 'cardNumber'] as const) {
    if (!r.given.has(field)) continue;
    const ours = m[field] ? idKey(m[field], field) : null;
    if (ours !== r[field]) push(field, m[field], r[field], r.idTexts[field]);
  }
  date('admittedOn');
  date('recognisedOn');
  if (r.given.has('cell') && r.cellId !== m.orgUnitId)
    push(
      'cell',
      String(m.orgUnitId),
      typeof r.cellId === 'number' ? String(r.cellId) : r.cellText,
      r.cellText,
    );
  if (r.given.has('status') && r.status.code !== m.status)
    push('status', m.status, r.status.code ?? r.status.text, r.status.text);
  return out;
};

export type ReconcileInput = {
  ours: OurMember[];
  rows: NationalRow[];
  cells: ScopeCell[];
  /** ISO date: dates after it are not read. */
  today: string;
};

/** Match every row with our members and list the differences (see the head of this file). */
export const reconcile = ({ ours, rows, cells, today }: ReconcileInput): ReconOutcome[] => {
  const resolve = cellResolver(cells);
  const read = rows.map((r) => readRow(r, resolve, today));
  const rowOf = new Map<number, ReadRow>(read.map((r) => [r.rowNumber, r]));
  const memberOf = new Map<number, OurMember>(ours.map((m) => [m.id, m]));
  const matchedMember = new Map<number, { rowNumber: number; by: MatchedBy }>();
  const matchedRow = new Set<number>();
  const notes = new Map<number, string>();

  const step = (
    by: MatchedBy,
    memberKey: (m: OurMember) => string | null,
    rowKey: (r: ReadRow) => string | null,
  ) => {
    const members = new Map<string, OurMember[]>();
    for (const m of ours) {
      if (matchedMember.has(m.id)) continue;
      const k = memberKey(m);
      if (k) members.set(k, [...(members.get(k) ?? []), m]);
    }
    const fileRows = new Map<string, ReadRow[]>();
    for (const r of read) {
      if (matchedRow.has(r.rowNumber)) continue;
      const k = rowKey(r);
      if (k) fileRows.set(k, [...(fileRows.get(k) ?? []), r]);
    }
    for (const [k, rs] of fileRows) {
      const ms = members.get(k);
      if (!ms) continue;
      if (ms.length === 1 && rs.length === 1) {
        matchedMember.set(ms[0].id, { rowNumber: rs[0].rowNumber, by });
        matchedRow.add(rs[0].rowNumber);
      } else {
        const what = {
          citizenId: 'số CCCD',
          cardNumber: 'số thẻ đảng',
          nameBirth: 'họ tên và ngày sinh',
        }[by];
        const note =
          rs.length > 1
            ? `Tệp có ${rs.length} dòng cùng ${what} (dòng ${rs.map((r) => r.rowNumber).join(', ')}).`
            : `Có ${ms.length} đảng viên của ta cùng ${what}.`;
        for (const r of rs) if (!notes.has(r.rowNumber)) notes.set(r.rowNumber, note);
      }
    }
  };
  step(
    'citizenId',
    (m) => idKey(m.citizenId, 'citizenId'),
    (r) => r.citizenId,
  );
  step(
    'cardNumber',
    (m) => idKey(m.cardNumber, 'cardNumber'),
    (r) => r.cardNumber,
  );
  step(
    'nameBirth',
    (m) => `${nameKey(m.fullName)}|${m.birthDate}`,
    (r) =>
      r.nameKey && r.birthDate.iso && (typeof r.cellId === 'number' || r.cellText === null)
        ? `${r.nameKey}|${r.birthDate.iso}`
        : null,
  );

  const out: ReconOutcome[] = [];
  for (const [memberId, { rowNumber, by }] of matchedMember)
    out.push({
      kind: 'matched',
      memberId,
      rowNumber,
      matchedBy: by,
      differences: differencesOf(memberOf.get(memberId)!, rowOf.get(rowNumber)!),
    });
  for (const m of ours)
    if (!matchedMember.has(m.id) && activeStatuses.includes(m.status))
      out.push({ kind: 'onlyHere', memberId: m.id });
  for (const r of read) {
    if (matchedRow.has(r.rowNumber)) continue;
    if (r.cellText !== null && r.cellId === null)
      out.push({ kind: 'outOfScope', rowNumber: r.rowNumber });
    else
      out.push({
        kind: 'onlyThere',
        rowNumber: r.rowNumber,
        cellId: typeof r.cellId === 'number' ? r.cellId : null,
        note: notes.get(r.rowNumber) ?? null,
      });
  }
  return out;
};
