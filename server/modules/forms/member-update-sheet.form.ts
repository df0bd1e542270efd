// Phiếu bổ sung hồ sơ đảng viên (mẫu 3-HSĐV ❓) of Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương; as
// the phiếu 2-HSĐV and the lý lịch 1-HSĐV, member-record.form.ts): the sheet each member fills every
// year so the party organisation adds the year's changes to the dossier (the namha.edu.vn guide
// "Hướng dẫn khai lý lịch đảng viên, phiếu đảng viên và phiếu bổ sung hồ sơ đảng viên"). We could
// not read the form itself: its number (3-HSĐV) and the items below are our reading ❓
// (docs/domain/forms.md). Prefilled from what the system records:
// - the situation as of 31/12 of the year before: the cell and status from `member_periods`, the
//   bodies' names as of that day (`org_unit_history`), and the record's fields (position,
//   workplace, education, political theory…) as they stood then — the current record rolled back
//   through the `member.update` audit records written after that day (the record keeps no other
//   dated history of these fields, so the date is when the change was recorded);
// - the changes recorded during the year: the timeline's events (transfers with the cell left and
//   the cell joined, status changes), the field changes recorded by `member.update`, the quality
//   level decided for the year, commendations granted for the year, Party badges awarded, and —
//   for roles with need-to-know only — discipline decided in the year.
// Everything else stays as dotted lines to fill by hand.
import type { Paragraph, Table } from 'docx';
import type { FormFormat } from '../../../contracts/forms';
import {
  memberEventLabels,
  memberStatusLabels,
  politicalTheoryLabels,
  professionalLevelLabels,
} from '../../../domain/enums/members';
import {
  type CommendationForm,
  commendationFormLabels,
} from '../../../domain/rules/commendations/commendations';
import {
  type DisciplineForm,
  disciplineFormLabels,
} from '../../../domain/rules/discipline/discipline';
import { type QualityLevel, qualityLevelLabels } from '../../../domain/rules/evaluation/levels';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { AppError } from '../../platform/errors';
import { defaultDocumentFormat } from '../reports';
import {
  type DocumentFormat,
  documentFormatOf,
  field,
  para,
  renderDocument,
  run,
  signatureBlock,
  textWidth,
  todayInVietnam,
  unitNameOn,
} from './docx-kit';
import { deliverForm } from './forms.service';
import { asciiName, loadMemberRecord, type MemberRecord } from './member-record.form';

/** The record's fields the sheet follows through the year (none of them sensitive). */
const trackedFields = {
  occupation: 'Nghề nghiệp',
  position: 'Chức vụ',
  workplace: 'Nơi làm việc',
  generalEducation: 'Giáo dục phổ thông',
  professionalLevel: 'Chuyên môn, nghiệp vụ',
  professionalField: 'Chuyên ngành',
  academicTitle: 'Học hàm, học vị',
  politicalTheory: 'Lý luận chính trị',
  foreignLanguage: 'Ngoại ngữ',
  itLevel: 'Tin học',
  permanentAddress: 'Nơi thường trú',
  currentAddress: 'Nơi tạm trú',
  health: 'Sức khỏe',
} as const;
type Tracked = keyof typeof trackedFields;
type Values = Record<Tracked, string | null>;

const shown = (key: Tracked, value: string | null) => {
  if (value == null || value === '') return '(trống)';
  if (key === 'professionalLevel')
    return professionalLevelLabels[value as keyof typeof professionalLevelLabels] ?? value;
  if (key === 'politicalTheory')
    return politicalTheoryLabels[value as keyof typeof politicalTheoryLabels] ?? value;
  return value;
};

export type UpdateSheet = {
  year: number;
  member: MemberRecord;
  /** 31/12 of the year before: the cell and grassroots body as named then, the status. */
  before: {
    cell: string | null;
    grassroots: string | null;
    status: string | null;
    values: Values;
  };
  /** The cell at the end of the year (or today, in the current year). */
  cellAtEnd: string | null;
  /** The timeline's events of the year, in order: "dd/mm/yyyy: what (from → to)". */
  events: string[];
  /** Field changes recorded during the year, grouped by item. */
  changes: { work: string[]; education: string[]; residence: string[]; health: string[] };
  evaluation: string | null;
  awards: string[];
  /** Null when the reader has no need-to-know. */
  discipline: string[] | null;
};

const restricted = 'Không in: thông tin hạn chế (cần quyền xem thông tin nhạy cảm)';
const dots = '……………………………………………………………………………………';

const item = (n: number, label: string) =>
  para([run(`${n}. ${label}:`, { size: 13, bold: true })], { before: 100, after: 40 });

/** The recorded lines of an item, then a dotted line for what the member adds by hand. */
const lines = (recorded: string[], none = 'Không có thay đổi được ghi nhận') => [
  ...(recorded.length
    ? recorded.map((l) => para([run(`- ${l}`, { size: 13 })], { after: 20 }))
    : [para([run(`- ${none}.`, { size: 13, italics: true })], { after: 20 })]),
  para([run(dots, { size: 13 })], { after: 20 }),
];

const levelOf = (v: Values) =>
  [
    v.generalEducation ? `Giáo dục phổ thông: ${v.generalEducation}` : null,
    `Chuyên môn: ${shown('professionalLevel', v.professionalLevel)}${v.professionalField ? ` (${v.professionalField})` : ''}`,
    v.academicTitle ? `Học hàm, học vị: ${v.academicTitle}` : null,
    `Lý luận chính trị: ${shown('politicalTheory', v.politicalTheory)}`,
    v.foreignLanguage ? `Ngoại ngữ: ${v.foreignLanguage}` : null,
    v.itLevel ? `Tin học: ${v.itLevel}` : null,
  ]
    .filter(Boolean)
    .join('; ');

/**
 * The sheet's body: "Mẫu 3-HSĐV", the member, I. as of 31/12 of the year before, II. the year's
 * changes. One member's file holds one; a cell's file (cell-update-sheets.form.ts) one per member,
 * each in its own section, so each starts on a new page.
 */
export const updateSheetChildren = (
  s: UpdateSheet,
  format: DocumentFormat = defaultDocumentFormat,
): (Paragraph | Table)[] => {
  const m = s.member;
  const b = s.before;
  const prevEnd = `31/12/${s.year - 1}`;
  const width = textWidth(format);
  const of = (...kinds: string[]) => m.units.find((u) => kinds.includes(u.kind))?.name ?? '';
  const children: (Paragraph | Table)[] = [
    para([run('Mẫu 3-HSĐV', { size: 11, italics: true })], { align: 'right' }),
    para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 })], {
      align: 'center',
      after: 120,
    }),
    field('Đảng bộ tỉnh', of('province_committee'), 12),
    field('Đảng bộ huyện và tương đương', of('upper_committee'), 12),
    field('Đảng bộ cơ sở', of('grassroots_committee', 'grassroots_cell'), 12),
    field('Chi bộ', s.cellAtEnd, 12),
    para([run('PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN', { bold: true, size: 16 })], {
      align: 'center',
      before: 240,
    }),
    para([run(`Năm ${s.year}`, { bold: true, size: 14 })], { align: 'center', after: 240 }),
    field('Họ và tên đang dùng', m.fullName.toLocaleUpperCase('vi-VN')),
    field('Họ và tên khai sinh', m.birthName ?? m.fullName),
    field('Sinh ngày', formatDate(m.birthDate)),
    field('Quê quán', m.homeTown),
    field('Số lý lịch đảng viên', m.recordNumber),
    field('Số thẻ đảng viên', m.cardNumber),
    para([run(`I. TÌNH HÌNH ĐẾN NGÀY ${prevEnd} (theo hồ sơ đã ghi)`, { bold: true, size: 13 })], {
      before: 200,
      after: 60,
    }),
    field('Sinh hoạt tại chi bộ', b.cell),
    field('Thuộc đảng bộ cơ sở', b.grassroots),
    field('Đảng viên', b.status),
    field('Nghề nghiệp', b.values.occupation),
    field(
      'Chức vụ, nơi làm việc',
      [b.values.position, b.values.workplace].filter(Boolean).join(', '),
    ),
    field('Trình độ', levelOf(b.values)),
    field('Nơi thường trú', b.values.permanentAddress),
    field('Nơi tạm trú', b.values.currentAddress),
    para([run(`II. NHỮNG THAY ĐỔI TRONG NĂM ${s.year}`, { bold: true, size: 13 })], {
      before: 200,
      after: 60,
    }),
    item(1, 'Sinh hoạt đảng (chuyển sinh hoạt, thay đổi tư cách đảng viên)'),
    ...lines(s.events),
    item(2, 'Nghề nghiệp, chức vụ, nơi làm việc'),
    ...lines(s.changes.work),
    item(3, 'Trình độ (học vấn, chuyên môn, lý luận chính trị, ngoại ngữ, tin học)'),
    ...lines(s.changes.education),
    item(4, 'Nơi cư trú'),
    ...lines(s.changes.residence),
    item(5, `Kết quả đánh giá, xếp loại chất lượng đảng viên năm ${s.year}`),
    ...lines(s.evaluation ? [s.evaluation] : [], 'Chưa có kết quả được ghi nhận'),
    item(6, 'Khen thưởng'),
    ...lines(s.awards),
    item(7, 'Kỷ luật'),
    ...(s.discipline
      ? lines(s.discipline)
      : [para([run(restricted, { size: 12, italics: true })], { after: 20 })]),
    item(8, 'Sức khỏe'),
    ...lines(s.changes.health),
    item(9, 'Hoàn cảnh gia đình (những thay đổi trong năm)'),
    para([run(dots, { size: 13 })], { after: 20 }),
    para([run(dots, { size: 13 })], { after: 20 }),
    item(10, 'Những thay đổi khác'),
    para([run(dots, { size: 13 })], { after: 20 }),
    para('Tôi cam đoan những điều khai trên là đúng sự thật.', {
      before: 200,
      italics: true,
      size: 13,
    }),
    para([run('…………, ngày …… tháng …… năm ……', { italics: true, size: 13 })], {
      align: 'right',
      before: 120,
      after: 120,
    }),
    signatureBlock(width, { authority: 'XÁC NHẬN CỦA CHI ỦY', title: 'BÍ THƯ', name: '' }, [
      para([run('ĐẢNG VIÊN KÝ TÊN', { bold: true, size: 13 })], { align: 'center', after: 1400 }),
      para([run(m.fullName, { bold: true, size: 13 })], { align: 'center' }),
    ]),
  ];
  return children;
};

/** One member's sheet as a DOCX. */
export const renderUpdateSheetDocx = (
  s: UpdateSheet,
  format: DocumentFormat = defaultDocumentFormat,
) =>
  renderDocument(
    `Phiếu bổ sung hồ sơ đảng viên năm ${s.year} – ${s.member.fullName}`,
    [{ children: updateSheetChildren(s, format) }],
    format,
  );

/** The grassroots body above a unit (or the unit itself), by kind. */
const grassrootsOf = async (db: Db, unitId: number) =>
  (
    await queryOne<{ id: number }>(
      db,
      sql`select a.id from org_units c join org_units a on a.path @> c.path
          where c.id = ${unitId} and a.kind in ('grassroots_committee', 'grassroots_cell')
          order by nlevel(a.path) desc limit 1`,
    )
  )?.id ?? null;

/** The sheet's data for a member and a year, read through the actor's scope (else "not found"). */
export const loadUpdateSheet = async (
  db: Db,
  actor: Actor,
  id: number,
  year: number,
): Promise<UpdateSheet & { orgUnitId: number }> => {
  const member = await loadMemberRecord(db, actor, id);
  const prevEnd = `${year - 1}-12-31`;
  const today = todayInVietnam();
  const yearEnd = `${year}-12-31` < today ? `${year}-12-31` : today;
  // The audit records' times in Vietnam: the year runs from 00:00 on 1 January (UTC+7).
  const yearStartTs = `${year}-01-01T00:00:00+07:00`;

  const periodOn = (day: string) =>
    queryOne<{ org_unit_id: number; status: string }>(
      db,
      sql`select org_unit_id, status from member_periods where member_id = ${id}
          and valid_from <= ${day} and (valid_to is null or valid_to > ${day})
          order by valid_from desc, id desc limit 1`,
    );
  const prev = await periodOn(prevEnd);
  const atEnd = await periodOn(yearEnd);
  const prevGrassroots = prev ? await grassrootsOf(db, prev.org_unit_id) : null;

  // The record's fields as they stood on 31/12 of the year before: today's values rolled back
  // through every recorded update since (latest first).
  const current = Object.fromEntries(
    (Object.keys(trackedFields) as Tracked[]).map((k) => [
      k,
      (member as unknown as Record<string, string | null>)[k] ?? null,
    ]),
  ) as Values;
  const updates = await queryRows<{
    at: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>(
    db,
    sql`select to_char(at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as at, before, after
        from audit_log where entity_type = 'member' and entity_id = ${String(id)}
          and action = 'member.update' and at >= ${yearStartTs}::timestamptz
        order by id desc`,
  );
  const values = { ...current };
  for (const u of updates)
    for (const k of Object.keys(trackedFields) as Tracked[])
      if (u.before && k in u.before) values[k] = (u.before[k] as string | null) ?? null;

  const changes: UpdateSheet['changes'] = { work: [], education: [], residence: [], health: [] };
  const groupOf = (k: Tracked): keyof UpdateSheet['changes'] =>
    k === 'occupation' || k === 'position' || k === 'workplace'
      ? 'work'
      : k === 'permanentAddress' || k === 'currentAddress'
        ? 'residence'
        : k === 'health'
          ? 'health'
          : 'education';
  for (const u of [...updates].reverse()) {
    if (u.at >= `${year + 1}-01-01`) continue;
    for (const k of Object.keys(trackedFields) as Tracked[])
      if (u.after && k in u.after)
        changes[groupOf(k)].push(
          `${formatDate(u.at)}: ${trackedFields[k]}: ${shown(k, (u.before?.[k] as string | null) ?? null)} → ${shown(k, (u.after[k] as string | null) ?? null)}`,
        );
  }

  // The timeline's events of the year; a transfer names the cell left (the period before it).
  const events = await queryRows<{
    kind: keyof typeof memberEventLabels;
    event_date: string;
    org_unit_id: number | null;
    external_org: string | null;
    decision_number: string | null;
    from_unit: number | null;
  }>(
    db,
    sql`select e.kind, e.event_date, e.org_unit_id, e.external_org, e.decision_number,
          (select p.org_unit_id from member_periods p where p.member_id = e.member_id
             and p.valid_from < e.event_date order by p.valid_from desc, p.id desc limit 1) as from_unit
        from member_events e where e.member_id = ${id}
          and e.event_date between ${`${year}-01-01`} and ${`${year}-12-31`}
        order by e.event_date, e.id`,
  );
  const eventLines: string[] = [];
  for (const e of events) {
    const name = async (unit: number | null) =>
      unit ? await unitNameOn(db, unit, e.event_date) : '';
    const isTransfer = ['moved', 'transferred_out', 'transferred_in', 'temporary_out'].includes(
      e.kind,
    );
    const from = e.kind === 'transferred_in' ? (e.external_org ?? '') : await name(e.from_unit);
    const to =
      e.kind === 'transferred_in' || e.kind === 'moved'
        ? await name(e.org_unit_id)
        : (e.external_org ?? (await name(e.org_unit_id)));
    const where = isTransfer
      ? [from ? `từ ${from}` : '', to ? `đến ${to}` : ''].filter(Boolean).join(' ')
      : await name(e.org_unit_id);
    eventLines.push(
      `${formatDate(e.event_date)}: ${memberEventLabels[e.kind] ?? e.kind}${where ? ` ${isTransfer ? '' : '— '}${where}` : ''}${e.decision_number ? ` (số ${e.decision_number})` : ''}`,
    );
  }

  // The quality level decided for the year (the yearly campaign).
  const evaluation = await queryOne<{ level: string; decision_number: string | null }>(
    db,
    sql`select r.decided_level as level, r.decision_number from evaluation_records r
        join evaluation_campaigns c on c.id = r.campaign_id
        where r.member_id = ${id} and c.year = ${year} and c.cycle = 'year'
          and r.decided_level is not null
        order by r.decided_on desc nulls last, r.id desc limit 1`,
  );

  const commendations = await queryRows<{
    form: string;
    achievements: string;
    granting_authority: string | null;
    decision_ref: string | null;
    decided_on: string | null;
  }>(
    db,
    sql`select form, achievements, granting_authority, decision_ref, decided_on from commendations
        where subject_member_id = ${id} and year = ${year} and status = 'granted'
        order by decided_on nulls last, id`,
  );
  const badges = await queryRows<{
    milestone: number;
    award_date: string;
    decision_number: string | null;
  }>(
    db,
    sql`select milestone, award_date, decision_number from badge_awards where member_id = ${id}
        and award_date between ${`${year}-01-01`} and ${`${year}-12-31`} order by award_date`,
  );
  const awards = [
    ...commendations.map(
      (c) =>
        `${commendationFormLabels[c.form as CommendationForm] ?? c.form}${c.granting_authority ? ` của ${c.granting_authority}` : ''}${c.decision_ref ? ` (${c.decision_ref}${c.decided_on ? `, ${formatDate(c.decided_on)}` : ''})` : ''}: ${c.achievements}`,
    ),
    ...badges.map(
      (g) =>
        `${formatDate(g.award_date)}: Huy hiệu ${g.milestone} năm tuổi Đảng${g.decision_number ? ` (số ${g.decision_number})` : ''}`,
    ),
  ];

  const discipline = member.sensitive
    ? (
        await queryRows<{ form: string; decided_on: string; decision_number: string | null }>(
          db,
          sql`select form, decided_on, decision_number from discipline_decisions
              where member_id = ${id} and status = 'decided'
                and decided_on between ${`${year}-01-01`} and ${`${year}-12-31`}
              order by decided_on, id`,
        )
      ).map(
        (d) =>
          `${formatDate(d.decided_on)}: ${disciplineFormLabels[d.form as DisciplineForm] ?? d.form}${d.decision_number ? ` (số ${d.decision_number})` : ''}`,
      )
    : null;

  return {
    year,
    member,
    orgUnitId: member.orgUnitId,
    before: {
      cell: prev ? await unitNameOn(db, prev.org_unit_id, prevEnd) : null,
      grassroots: prevGrassroots ? await unitNameOn(db, prevGrassroots, prevEnd) : null,
      status: prev
        ? (memberStatusLabels[prev.status as keyof typeof memberStatusLabels] ?? prev.status)
        : null,
      values,
    },
    cellAtEnd: atEnd ? await unitNameOn(db, atEnd.org_unit_id, yearEnd) : null,
    events: eventLines,
    changes,
    evaluation: evaluation
      ? `${qualityLevelLabels[evaluation.level as QualityLevel] ?? evaluation.level}${evaluation.decision_number ? ` (${evaluation.decision_number})` : ''}`
      : null,
    awards,
    discipline,
  };
};

/** The last full year in Vietnam (the sheet is filled at the start of the next). */
export const lastFullYear = () => Number(todayInVietnam().slice(0, 4)) - 1;

/** A year not begun has no sheet (400, in Vietnamese). */
export const refuseFutureYear = (year: number) => {
  if (year > Number(todayInVietnam().slice(0, 4)))
    throw new AppError('BAD_REQUEST', {
      message: `Năm ${year} chưa bắt đầu: chưa thể lập phiếu bổ sung hồ sơ của năm này.`,
    });
};

export const memberUpdateSheetForm = async ({
  db,
  actor,
  id,
  year = lastFullYear(),
  format,
}: {
  db: Db;
  actor: Actor;
  id: number;
  year?: number;
  format: FormFormat;
}) => {
  refuseFutureYear(year);
  const sheet = await loadUpdateSheet(db, actor, id, year);
  const docx = await renderUpdateSheetDocx(sheet, await documentFormatOf(db));
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `phieu-bo-sung-ho-so-${year}-${asciiName(sheet.member.fullName)}`,
    audit: {
      form: 'phieu-bo-sung-ho-so',
      entityType: 'member',
      entityId: id,
      orgUnitId: sheet.orgUnitId,
      meta: { year, sensitive: sheet.discipline !== null },
    },
  });
};
