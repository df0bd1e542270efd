// Row-by-row checks of an import, run for the preview and again inside the commit's transaction:
// each row gets its parsed values, errors (block the commit), warnings, legacy-text conversions,
// duplicates (need a decision) and its content key (already imported → skipped).
import { createHash } from 'node:crypto';
import type { ImportKind, TImportMapping } from '../../../contracts/imports';
import {
  type MemberEventKind,
  memberEventKinds,
  memberEventLabels,
  memberStatusLabels,
  type PoliticalTheoryLevel,
  type ProfessionalLevel,
  politicalTheoryLabels,
  professionalLevelLabels,
  type Sex,
} from '../../../domain/enums/members';
import { memberHoldingKinds } from '../../../domain/enums/org-units';
import {
  deriveMemberTimeline,
  partyAgeYears,
  type Standing,
  type TimelineEvent,
} from '../../../domain/rules/members/member-timeline';
import { type DateKind, parseDateCell } from '../../../domain/text/dates';
import { legacyReadings } from '../../../domain/text/legacy-encodings';
import { formatDate, normalizeText, toSearchKey } from '../../../domain/text/vietnamese';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { importFields } from './imports.fields';
import type { CellValue, ParsedSheet } from './imports.parse';

export type Duplicate = { reason: string; existingId: number | null; allowImport: boolean };

export type RowResult = {
  rowNumber: number;
  values: Record<string, string | null>;
  /** Typed values for writing (only meaningful when there are no errors). */
  data: Record<string, string | number | null>;
  errors: string[];
  warnings: string[];
  conversions: { field: string; original: string; converted: string; encoding: string }[];
  duplicate: Duplicate | null;
  already: boolean;
  rowKey: string;
};

type Cell = { id: number; name: string; kind: string; dissolved: boolean };
/** Details of an event that a file row may fill in when the recorded event lacks them. */
export const eventDetails = [
  'decisionNumber',
  'note',
  'externalOrg',
  'letterNumber',
  'letterDate',
] as const;
type RecordedEvent = TimelineEvent & {
  id: number;
  placeholder: boolean;
  details: Record<(typeof eventDetails)[number], string | null>;
};

const words = (text: string) =>
  toSearchKey(text)
    .replace(/[-–—,()/:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The units of the actor's subtree that hold members, as the rows' cell names are looked up in. */
export type CellRow = {
  id: number;
  name: string;
  kind: string;
  dissolved_on: string | null;
  parent_name: string | null;
};
export const loadCellRows = (db: DbOrTx, actor: Actor) =>
  queryRows<CellRow>(
    db,
    sql`select o.id, o.name, o.kind, o.dissolved_on, p.name as parent_name
        from org_units o left join org_units p on p.id = o.parent_id
        where ${inScope(actor, sql`o.path`)}
          and o.kind in (${sql.join(
            memberHoldingKinds.map((k) => sql`${k}`),
            sql`, `,
          )})
        order by o.id`,
  );

/** Cells by name, "name – parent name", or name without "Chi bộ". */
const cellFinder = (rows: readonly CellRow[]) => {
  const byKey = new Map<string, Cell[]>();
  const add = (key: string, cell: Cell) => {
    const list = byKey.get(key) ?? [];
    if (!list.some((c) => c.id === cell.id)) list.push(cell);
    byKey.set(key, list);
  };
  for (const r of rows) {
    const cell = { id: r.id, name: r.name, kind: r.kind, dissolved: r.dissolved_on !== null };
    const own = words(r.name);
    add(own, cell);
    add(own.replace(/^chi bo /, ''), cell);
    if (r.parent_name) {
      add(`${own} ${words(r.parent_name)}`, cell);
      add(`${own.replace(/^chi bo /, '')} ${words(r.parent_name)}`, cell);
    }
  }
  return (text: string): { cell?: Cell; error?: string } => {
    const found = byKey.get(words(text)) ?? [];
    const live = found.filter((c) => !c.dissolved);
    if (live.length === 1) return { cell: live[0] };
    if (live.length > 1)
      return {
        error: `Có ${live.length} chi bộ tên "${text}" trong phạm vi của bạn: ghi thêm tên đảng bộ, ví dụ "${text} – Đảng bộ …".`,
      };
    if (found.length) return { error: `${found[0].name} đã giải thể.` };
    return { error: `Không tìm thấy chi bộ "${text}" trong phạm vi quản lý của bạn.` };
  };
};

const sexOf = (text: string): Sex | null => {
  const k = toSearchKey(text);
  if (['nam', 'm', 'male'].includes(k)) return 'male';
  if (['nu', 'f', 'female'].includes(k)) return 'female';
  return null;
};

const levelFrom = <L extends string>(
  labels: Record<L, string>,
  synonyms: Record<string, L>,
  text: string,
): L | null => {
  const k = toSearchKey(text);
  for (const [level, label] of Object.entries(labels) as [L, string][])
    if (toSearchKey(label) === k) return level;
  for (const [word, level] of Object.entries(synonyms)) if (k.includes(word)) return level;
  return null;
};
const professionalSynonyms: Record<string, ProfessionalLevel> = {
  'tien si': 'doctor',
  'thac si': 'master',
  'dai hoc': 'bachelor',
  'cu nhan': 'bachelor',
  'ky su': 'bachelor',
  'bac si': 'bachelor',
  'cao dang': 'college',
  'trung cap': 'intermediate',
  'so cap': 'elementary',
  khong: 'none',
  chua: 'none',
};
const theorySynonyms: Record<string, PoliticalTheoryLevel> = {
  'cu nhan': 'bachelor',
  'cao cap': 'advanced',
  'trung cap': 'intermediate',
  'so cap': 'elementary',
  khong: 'none',
  chua: 'none',
};

const eventKindSynonyms: Record<string, MemberEventKind> = {
  'ket nap lai': 'readmitted',
  'ket nap': 'admitted',
  'cong nhan chinh thuc': 'recognised',
  'chinh thuc': 'recognised',
  'chuyen den': 'transferred_in',
  'chuyen di': 'transferred_out',
  'chuyen sinh hoat tam thoi di': 'temporary_out',
  'tro lai': 'temporary_return',
  'chuyen sinh hoat noi bo': 'moved',
  'thoi mien': 'exemption_ended',
  'mien sinh hoat': 'exempted',
  'mien cong tac': 'exempted',
  'het dinh chi': 'suspension_ended',
  'dinh chi': 'suspended',
  'xoa ten': 'removed',
  'khai tru': 'expelled',
  'xin ra': 'withdrew',
  'tu tran': 'died',
  'tu tuat': 'died',
};
const eventKindOf = (text: string): MemberEventKind | null => {
  const k = toSearchKey(text);
  for (const kind of memberEventKinds) if (toSearchKey(memberEventLabels[kind]) === k) return kind;
  if ((memberEventKinds as readonly string[]).includes(text)) return text as MemberEventKind;
  for (const [word, kind] of Object.entries(eventKindSynonyms)) if (k.includes(word)) return kind;
  return null;
};
const eventKindsWithCell: readonly MemberEventKind[] = [
  'admitted',
  'readmitted',
  'transferred_in',
  'moved',
];
const transferKinds: readonly MemberEventKind[] = [
  'transferred_in',
  'transferred_out',
  'moved',
  'temporary_out',
  'temporary_return',
];

const show = (v: CellValue): string | null => {
  if (v === null) return null;
  if (v instanceof Date) return formatDate(v.toISOString().slice(0, 10));
  return String(v);
};

type RowContext = {
  /** The field's Vietnamese label, as the mapping step shows it. */
  label: (field: string) => string;
  value: (field: string) => CellValue;
  text: (field: string) => string | null;
  errors: string[];
  warnings: string[];
  data: Record<string, string | number | null>;
  values: Record<string, string | null>;
};

const dateField = (
  ctx: RowContext,
  field: string,
  label: string,
  kind: DateKind,
  today: string,
  required = false,
) => {
  const raw = ctx.value(field);
  const parsed = parseDateCell(raw, { kind, today });
  if (!parsed) {
    if (required) ctx.errors.push(`Thiếu ${label.toLowerCase()}.`);
    ctx.data[field] = null;
    return null;
  }
  if (!parsed.ok) {
    ctx.errors.push(`${label}: ${parsed.error}`);
    ctx.data[field] = null;
    return null;
  }
  if (parsed.warning) ctx.warnings.push(`${label}: ${parsed.warning}`);
  ctx.data[field] = parsed.iso;
  ctx.values[field] = formatDate(parsed.iso);
  return parsed.iso;
};

const personFields = (ctx: RowContext, today: string, requireSex = true) => {
  const fullName = ctx.text('fullName');
  if (!fullName) ctx.errors.push('Thiếu họ và tên.');
  else if (fullName.length < 3 || !fullName.includes(' '))
    ctx.errors.push(`Họ và tên "${fullName}" cần đủ họ, tên đệm (nếu có) và tên.`);
  ctx.data.fullName = fullName ? normalizeText(fullName) : null;
  const sexText = ctx.text('sex');
  if (sexText) {
    const sex = sexOf(sexText);
    if (!sex) ctx.errors.push(`Giới tính "${sexText}" không rõ (ghi Nam hoặc Nữ).`);
    ctx.data.sex = sex;
  } else {
    if (requireSex) ctx.errors.push('Thiếu giới tính.');
    ctx.data.sex = null;
  }
  dateField(ctx, 'birthDate', 'Ngày sinh', 'birth', today, true);
  const id = ctx.text('citizenId');
  if (id) {
    const digits = id.replace(/[\s.'-]/g, '');
    if (!/^\d{12}$/.test(digits))
      ctx.errors.push(`Số CCCD "${id}" phải gồm đúng 12 chữ số (số định danh cá nhân).`);
    ctx.data.citizenId = digits;
    ctx.values.citizenId = digits;
  } else ctx.data.citizenId = null;
};

const optionalText = (ctx: RowContext, field: string, max = 300) => {
  const t = ctx.text(field);
  if (t && t.length > max) ctx.errors.push(`${ctx.label(field)}: dài quá ${max} ký tự.`);
  ctx.data[field] = t ? normalizeText(t) : null;
};

/** What the checks of the rows themselves depend on: the file, the mapping, the day and the cells. */
export type CheckInput = {
  kind: ImportKind;
  sheet: ParsedSheet;
  mapping: TImportMapping;
  today: string;
  cells: readonly CellRow[];
  onProgress?: (done: number, total: number) => void;
};
export type ValidateInput = Omit<CheckInput, 'cells'> & { db: DbOrTx; actor: Actor };

export const rowKeyOf = (kind: ImportKind, values: Record<string, string | null>) =>
  createHash('sha256')
    .update(
      `${kind}|${Object.keys(values)
        .sort()
        .map((k) => `${k}=${values[k] ?? ''}`)
        .join('|')}`,
    )
    .digest('hex');

/**
 * Check every row on its own: fields, dates, the cell named. A pure function of its input, so its
 * result can be kept from the preview and used again at the commit while none of it changed
 * (`imports.service.ts`); what depends on the records (duplicates, rows imported before, the events'
 * members) is `checkAgainstRecords`, always run again.
 */
export const checkRows = (input: CheckInput): RowResult[] => {
  const { kind, sheet, mapping, today, onProgress } = input;
  const fields = importFields[kind];
  const findCell = cellFinder(input.cells);
  const results: RowResult[] = [];
  const fieldOfColumn = new Map<number, string>();
  for (const [field, col] of Object.entries(mapping))
    if (col !== null) fieldOfColumn.set(col, field);

  sheet.rows.forEach((row, i) => {
    if (i % 5000 === 0) onProgress?.(i, sheet.rows.length);
    const values: Record<string, string | null> = {};
    for (const f of fields) {
      const col = mapping[f.key];
      values[f.key] = col === null || col === undefined ? null : show(row.cells[col] ?? null);
    }
    const ctx: RowContext = {
      label: (field) => fields.find((f) => f.key === field)?.label ?? field,
      value: (field) => {
        const col = mapping[field];
        return col === null || col === undefined ? null : (row.cells[col] ?? null);
      },
      text: (field) => {
        const col = mapping[field];
        const v = col === null || col === undefined ? null : (row.cells[col] ?? null);
        if (v === null) return null;
        return v instanceof Date ? formatDate(v.toISOString().slice(0, 10)) : String(v).trim();
      },
      errors: [],
      warnings: [],
      data: {},
      values,
    };
    const rowKey = rowKeyOf(kind, values);
    if (kind === 'members') {
      personFields(ctx, today);
      for (const f of ['ethnicity', 'religion']) optionalText(ctx, f, 50);
      for (const f of ['birthPlace', 'homeTown', 'position', 'occupation', 'workplace'])
        optionalText(ctx, f);
      optionalText(ctx, 'cardNumber', 30);
      optionalText(ctx, 'decisionNumber', 100);
      const phone = ctx.text('phone');
      if (phone && !/^[0-9 +.()-]{8,20}$/.test(phone))
        ctx.errors.push(`Số điện thoại "${phone}" không hợp lệ.`);
      ctx.data.phone = phone;
      const admitted = dateField(ctx, 'admittedOn', 'Ngày vào Đảng', 'admission', today, true);
      const recognised = dateField(ctx, 'recognisedOn', 'Ngày chính thức', 'admission', today);
      const birth = ctx.data.birthDate as string | null;
      if (admitted && birth && partyAgeYears(birth, admitted) < 16)
        ctx.errors.push('Ngày vào Đảng không phù hợp với ngày sinh (chưa đủ tuổi).');
      if (admitted && recognised && recognised <= admitted)
        ctx.errors.push('Ngày chính thức phải sau ngày vào Đảng.');
      if (admitted && !recognised) {
        const oneYear = `${Number(admitted.slice(0, 4)) + 1}${admitted.slice(4)}`;
        if (oneYear < today)
          ctx.warnings.push(
            'Đã quá 12 tháng dự bị mà chưa có ngày chính thức: sẽ ghi là đảng viên dự bị.',
          );
      }
      const levelText = ctx.text('professionalLevel');
      ctx.data.professionalLevel = 'none';
      if (levelText) {
        const level = levelFrom(professionalLevelLabels, professionalSynonyms, levelText);
        if (level) ctx.data.professionalLevel = level;
        else ctx.warnings.push(`Không nhận ra trình độ chuyên môn "${levelText}": để trống.`);
      }
      const theoryText = ctx.text('politicalTheory');
      ctx.data.politicalTheory = 'none';
      if (theoryText) {
        const level = levelFrom(politicalTheoryLabels, theorySynonyms, theoryText);
        if (level) ctx.data.politicalTheory = level;
        else
          ctx.warnings.push(`Không nhận ra trình độ lý luận chính trị "${theoryText}": để trống.`);
      }
      const statusText = ctx.text('status');
      if (statusText && admitted) {
        const derived = memberStatusLabels[recognised ? 'full' : 'probationary'];
        if (toSearchKey(statusText) !== toSearchKey(derived))
          ctx.warnings.push(
            `Trạng thái trong tệp là "${statusText}", theo các mốc ngày là "${derived}". Các biến động khác (miễn sinh hoạt, chuyển đi…) nhập bằng tệp sự kiện.`,
          );
      }
    } else if (kind === 'applicants') {
      personFields(ctx, today);
      for (const f of ['ethnicity', 'religion']) optionalText(ctx, f, 50);
      for (const f of ['workplace', 'position', 'source']) optionalText(ctx, f);
      optionalText(ctx, 'mentorName', 200);
      optionalText(ctx, 'phone', 20);
      const edu = ctx.text('generalEducation');
      if (edu && !/^\d{1,2}\/1[02]$/.test(edu))
        ctx.errors.push(`Giáo dục phổ thông "${edu}" cần ghi dạng 12/12, 9/12 hoặc 10/10.`);
      ctx.data.generalEducation = edu;
    } else {
      personFields(ctx, today, false);
      const kindText = ctx.text('kind');
      const eventKind = kindText ? eventKindOf(kindText) : null;
      if (!kindText) ctx.errors.push('Thiếu loại sự kiện.');
      else if (!eventKind) ctx.errors.push(`Không nhận ra sự kiện "${kindText}".`);
      ctx.data.kind = eventKind;
      dateField(ctx, 'eventDate', 'Ngày sự kiện', 'event', today, true);
      dateField(ctx, 'letterDate', 'Ngày giấy giới thiệu', 'event', today);
      for (const f of ['externalOrg', 'decisionNumber', 'letterNumber']) optionalText(ctx, f);
      optionalText(ctx, 'note', 1000);
      if (
        eventKind &&
        !transferKinds.includes(eventKind) &&
        (ctx.data.letterNumber || ctx.data.letterDate)
      )
        ctx.errors.push('Giấy giới thiệu chỉ ghi cho sự kiện chuyển sinh hoạt đảng.');
      if (eventKind && eventKindsWithCell.includes(eventKind) && !ctx.text('orgUnit'))
        ctx.errors.push('Sự kiện này cần chỉ rõ chi bộ sinh hoạt.');
    }
    const cellText = ctx.text('orgUnit');
    ctx.data.orgUnitId = null;
    const cellConversions: RowResult['conversions'] = [];
    if (cellText) {
      let found = findCell(cellText);
      // Valid Vietnamese is never converted ("Chi bé"); a legacy reading that names a cell of the
      // subtree is that cell ("Chi bé" is TCVN3 for "Chi bộ").
      if (found.error)
        for (const reading of legacyReadings(cellText)) {
          const other = findCell(reading.text);
          if (!other.cell) continue;
          found = other;
          cellConversions.push({
            field: ctx.label('orgUnit'),
            original: cellText,
            converted: reading.text,
            encoding: reading.encoding,
          });
          break;
        }
      if (found.error) ctx.errors.push(found.error);
      else ctx.data.orgUnitId = found.cell!.id;
    } else if (kind !== 'events') ctx.errors.push('Thiếu chi bộ.');

    const conversions: RowResult['conversions'] = row.conversions.map((c) => ({
      field: fieldOfColumn.get(c.column) ?? sheet.headers[c.column] ?? `cột ${c.column + 1}`,
      original: c.original,
      converted: c.converted,
      encoding: c.encoding,
    }));
    conversions.push(...cellConversions);
    results.push({
      rowNumber: row.rowNumber,
      values,
      data: ctx.data,
      errors: ctx.errors,
      warnings: ctx.warnings,
      conversions,
      duplicate: null,
      already: false,
      rowKey,
    });
  });
  onProgress?.(sheet.rows.length, sheet.rows.length);
  return results;
};

/**
 * Check rows against the records as they are now: rows imported before, duplicates (members,
 * applicants), the events' members and timelines. Marks `rows` in place.
 */
export const checkAgainstRecords = async (
  db: DbOrTx,
  actor: Actor,
  kind: ImportKind,
  rows: RowResult[],
): Promise<RowResult[]> => {
  await markAlreadyImported(db, kind, rows);
  if (kind === 'events') await checkEvents(db, actor, rows);
  else await markDuplicates(db, kind, rows);
  return rows;
};

/** A copy of checked rows that the record checks can mark without touching the original. */
export const unmarkedCopy = (rows: readonly RowResult[]): RowResult[] =>
  rows.map((r) => ({
    ...r,
    data: { ...r.data },
    errors: [...r.errors],
    warnings: [...r.warnings],
    duplicate: null,
    already: false,
  }));

export const validateRows = async (input: ValidateInput): Promise<RowResult[]> =>
  checkAgainstRecords(
    input.db,
    input.actor,
    input.kind,
    checkRows({ ...input, cells: await loadCellRows(input.db, input.actor) }),
  );

const chunks = <T>(items: T[], size: number) => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

const markAlreadyImported = async (db: DbOrTx, kind: ImportKind, rows: RowResult[]) => {
  const seen = new Set<string>();
  for (const part of chunks(rows, 20_000)) {
    const keys = await queryRows<{ row_key: string }>(
      db,
      sql`select row_key from import_row_keys
          where kind = ${kind} and row_key = any(${`{${part.map((r) => r.rowKey).join(',')}}`}::text[])`,
    );
    for (const k of keys) seen.add(k.row_key);
  }
  for (const r of rows) r.already = seen.has(r.rowKey);
};

const textArray = (values: (string | null)[]) =>
  `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;

/** Same citizen ID or same name and birth date: in the database, or earlier in the file. */
const markDuplicates = async (db: DbOrTx, kind: ImportKind, rows: RowResult[]) => {
  const candidates = rows.filter((r) => !r.already && r.data.fullName && r.data.birthDate);
  const byCitizen = new Map<string, { id: number; what: string }>();
  const byPerson = new Map<string, { id: number; what: string; inScope: boolean }>();
  const ids = [
    ...new Set(candidates.map((r) => r.data.citizenId as string | null).filter(Boolean)),
  ];
  for (const part of chunks(ids as string[], 20_000)) {
    const found = await queryRows<{ id: number; citizen_id: string; what: string }>(
      db,
      sql`select id, citizen_id, 'đảng viên' as what from members where citizen_id = any(${textArray(part)}::text[])
          ${kind === 'applicants' ? sql`union all select id, citizen_id, 'quần chúng' from applicants where status <> 'stopped' and citizen_id = any(${textArray(part)}::text[])` : sql``}`,
    );
    for (const f of found) byCitizen.set(f.citizen_id, { id: f.id, what: f.what });
  }
  const table = kind === 'applicants' ? sql`applicants` : sql`members`;
  for (const part of chunks(candidates, 20_000)) {
    const found = await queryRows<{ id: number; n: string; b: string }>(
      db,
      sql`select t.id, u.n, u.b::text as b
          from unnest(${textArray(part.map((r) => r.data.fullName as string))}::text[],
                      ${textArray(part.map((r) => r.data.birthDate as string))}::date[]) as u(n, b)
          join ${table} t on t.birth_date = u.b and t.name_norm = lower(immutable_unaccent(u.n))`,
    );
    for (const f of found)
      byPerson.set(`${toSearchKey(f.n)}|${f.b}`, { id: f.id, what: '', inScope: true });
  }
  const label = kind === 'applicants' ? 'quần chúng' : 'đảng viên';
  const fileCitizen = new Map<string, number>();
  const filePerson = new Map<string, number>();
  for (const r of candidates) {
    if (r.errors.length) continue;
    const citizenId = r.data.citizenId as string | null;
    const personKey = `${toSearchKey(r.data.fullName as string)}|${r.data.birthDate}`;
    if (citizenId && byCitizen.has(citizenId)) {
      const hit = byCitizen.get(citizenId)!;
      r.duplicate = {
        reason: `Số CCCD ${citizenId} đã có trong hồ sơ một ${hit.what} (mã ${hit.id}): chỉ có thể bỏ qua dòng này.`,
        existingId: hit.what === 'đảng viên' ? hit.id : null,
        allowImport: false,
      };
    } else if (citizenId && fileCitizen.has(citizenId)) {
      r.duplicate = {
        reason: `Số CCCD ${citizenId} trùng với dòng ${fileCitizen.get(citizenId)} của tệp: chỉ có thể bỏ qua dòng này.`,
        existingId: null,
        allowImport: false,
      };
    } else if (byPerson.has(personKey)) {
      const hit = byPerson.get(personKey)!;
      r.duplicate = {
        reason: `Trùng họ tên và ngày sinh với ${label} đã có (mã ${hit.id}). Bỏ qua, hay vẫn nhập như một người khác?`,
        existingId: kind === 'members' ? hit.id : null,
        allowImport: true,
      };
    } else if (filePerson.has(personKey)) {
      r.duplicate = {
        reason: `Trùng họ tên và ngày sinh với dòng ${filePerson.get(personKey)} của tệp. Bỏ qua, hay vẫn nhập như một người khác?`,
        existingId: null,
        allowImport: true,
      };
    }
    if (citizenId && !fileCitizen.has(citizenId)) fileCitizen.set(citizenId, r.rowNumber);
    if (!filePerson.has(personKey)) filePerson.set(personKey, r.rowNumber);
  }
};

/**
 * Events: find the member (citizen ID, or name and birth date) in the actor's subtree, skip events
 * already recorded, and replay the member's whole history with the file's events added: any event
 * the member timeline refuses is an error on its row.
 */
const checkEvents = async (db: DbOrTx, actor: Actor, rows: RowResult[]) => {
  const live = rows.filter((r) => !r.already && r.errors.length === 0);
  const found = await queryRows<{
    id: number;
    citizen_id: string | null;
    n: string;
    b: string;
    i: number;
  }>(
    db,
    sql`select m.id, m.citizen_id, u.n, u.b::text as b, u.i
        from unnest(${textArray(live.map((r) => r.data.fullName as string))}::text[],
                    ${textArray(live.map((r) => r.data.birthDate as string))}::date[],
                    ${textArray(live.map((r) => (r.data.citizenId as string | null) ?? null))}::text[],
                    ${`{${live.map((_, i) => i).join(',')}}`}::int[]) as u(n, b, c, i)
        join members m on (u.c is not null and m.citizen_id = u.c)
          or (u.c is null and m.birth_date = u.b and m.name_norm = lower(immutable_unaccent(u.n)))
        join org_units o on o.id = m.org_unit_id and ${inScope(actor, sql`o.path`)}`,
  );
  const matches = new Map<number, number[]>();
  for (const f of found) matches.set(f.i, [...(matches.get(f.i) ?? []), f.id]);
  const memberIds = [...new Set(found.map((f) => f.id))];
  const existing = new Map<number, RecordedEvent[]>();
  for (const part of chunks(memberIds, 20_000)) {
    const events = await queryRows<{
      id: number;
      member_id: number;
      kind: MemberEventKind;
      event_date: string;
      org_unit_id: number | null;
      standing: Standing | null;
      original_admitted_on: string | null;
      original_recognised_on: string | null;
      placeholder: boolean;
      decision_number: string | null;
      note: string | null;
      external_org: string | null;
      letter_number: string | null;
      letter_date: string | null;
    }>(
      db,
      sql`select e.id, e.member_id, e.kind, e.event_date, e.org_unit_id, e.standing,
            e.original_admitted_on, e.original_recognised_on, e.decision_number, e.note,
            e.external_org, e.letter_number, e.letter_date,
            (e.kind in ('admitted', 'recognised') and e.recorded_at = m.created_at
              and exists (select 1 from import_row_keys k
                          where k.kind = 'members' and k.entity_id = m.id)) as placeholder
          from member_events e join members m on m.id = e.member_id
          where e.member_id = any(${`{${part.join(',')}}`}::int[]) order by e.event_date, e.id`,
    );
    for (const e of events)
      existing.set(e.member_id, [
        ...(existing.get(e.member_id) ?? []),
        {
          id: e.id,
          placeholder: e.placeholder,
          details: {
            decisionNumber: e.decision_number,
            note: e.note,
            externalOrg: e.external_org,
            letterNumber: e.letter_number,
            letterDate: e.letter_date,
          },
          kind: e.kind,
          eventDate: e.event_date,
          orgUnitId: e.org_unit_id,
          standing: e.standing,
          originalAdmittedOn: e.original_admitted_on,
          originalRecognisedOn: e.original_recognised_on,
        },
      ]);
  }
  const perMember = new Map<number, RowResult[]>();
  live.forEach((r, i) => {
    const ids = matches.get(i) ?? [];
    if (ids.length === 0) {
      r.errors.push(
        'Không tìm thấy đảng viên này (theo số CCCD, hoặc họ tên và ngày sinh) trong phạm vi của bạn.',
      );
      return;
    }
    if (ids.length > 1) {
      r.errors.push(
        `Có ${ids.length} đảng viên cùng họ tên và ngày sinh: ghi thêm số CCCD để phân biệt.`,
      );
      return;
    }
    r.data.memberId = ids[0];
    const same = (existing.get(ids[0]) ?? []).find(
      (e) => e.kind === r.data.kind && e.eventDate === r.data.eventDate,
    );
    if (same) {
      // The same event recorded already: the file's details fill in what the record lacks, and
      // an admission that a member list imported (a placeholder) takes its cell from the file.
      const cell = (r.data.orgUnitId as number | null) ?? null;
      const moves = same.placeholder && cell !== null && cell !== same.orgUnitId;
      const fills = eventDetails.some((f) => r.data[f] != null && same.details[f] == null);
      if (!moves && !fills) {
        r.already = true;
        return;
      }
      if (moves) same.orgUnitId = cell;
      r.data.completesEventId = same.id;
      r.data.placeholder = same.placeholder ? 1 : 0;
    }
    perMember.set(ids[0], [...(perMember.get(ids[0]) ?? []), r]);
  });
  for (const [memberId, all] of perMember) {
    const list = all.filter((r) => r.data.completesEventId === undefined);
    if (list.length === 0) continue;
    let before = existing.get(memberId) ?? [];
    // A member list only knows the admission dates; when the events file says the member came by
    // transfer, the transfer replaces the admission the member import wrote, keeping its dates.
    const transfer = list.find((r) => r.data.kind === 'transferred_in');
    const admitted = before.find((e) => e.kind === 'admitted');
    if (
      transfer &&
      admitted?.placeholder &&
      !list.some((r) => r.data.kind === 'admitted') &&
      admitted.eventDate <= (transfer.data.eventDate as string)
    ) {
      const recognised = before.find(
        (e) =>
          e.kind === 'recognised' &&
          e.placeholder &&
          e.eventDate <= (transfer.data.eventDate as string),
      );
      const replaced = [admitted, ...(recognised ? [recognised] : [])];
      before = before.filter((e) => !replaced.includes(e));
      transfer.data.replacesEventIds = replaced.map((e) => e.id).join(',');
      transfer.data.standing = recognised ? 'full' : 'probationary';
      transfer.data.originalAdmittedOn = admitted.eventDate;
      transfer.data.originalRecognisedOn = recognised?.eventDate ?? null;
    }
    const events: TimelineEvent[] = [
      ...before,
      ...list.map((r) => ({
        kind: r.data.kind as MemberEventKind,
        eventDate: r.data.eventDate as string,
        orgUnitId: (r.data.orgUnitId as number | null) ?? null,
        standing: (r.data.standing as Standing | undefined) ?? null,
        originalAdmittedOn: (r.data.originalAdmittedOn as string | undefined) ?? null,
        originalRecognisedOn: (r.data.originalRecognisedOn as string | undefined) ?? null,
      })),
    ];
    // The timeline sorts by date, keeping the given order on the same day; map problems back.
    const order = events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.eventDate.localeCompare(b.e.eventDate) || a.i - b.i)
      .map(({ i }) => i);
    const timeline = deriveMemberTimeline(events);
    for (const p of timeline.problems) {
      const original = order[p.index];
      const row = original >= before.length ? list[original - before.length] : list[0];
      row.errors.push(p.message);
    }
  }
};
