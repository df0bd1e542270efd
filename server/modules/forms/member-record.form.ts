// The member's record forms of Hướng dẫn 12-HD/BTCTW (Ban Tổ chức Trung ương; earlier 09-HD/BTCTW,
// 05/6/2017, and 12-HD/BTCTW, 17/5/2012): lý lịch đảng viên (mẫu 1-HSĐV) and phiếu đảng viên (mẫu
// 2-HSĐV), filled from the record, with the 3×4 photo (an empty frame "Ảnh 3x4" when the record has
// none). The numbering (phiếu = 2-HSĐV) is as the published guidance on filling in the phiếu says;
// the items and their order are our reading of the guides we could read ❓ (docs/domain/forms.md).
// Sensitive items (ethnicity, religion, discipline, family) print only for roles with need-to-know.
import type { Paragraph, Table } from 'docx';
import type { FormFormat } from '../../../contracts/forms';
import {
  politicalTheoryLabels,
  professionalLevelLabels,
  sexLabels,
} from '../../../domain/enums/members';
import { formatDate } from '../../../domain/text/vietnamese';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { requireAccess } from '../../platform/access/records';
import { defaultDocumentFormat } from '../reports';
import {
  type DocumentFormat,
  documentFormatOf,
  field,
  gridTable,
  para,
  photoFrame,
  renderDocument,
  run,
  sideBySide,
  signatureBlock,
  textWidth,
} from './docx-kit';
import { deliverForm } from './forms.service';

export type MemberRecord = {
  id: number;
  fullName: string;
  birthName: string | null;
  alias: string | null;
  sex: 'male' | 'female';
  birthDate: string;
  birthPlace: string | null;
  homeTown: string | null;
  permanentAddress: string | null;
  currentAddress: string | null;
  ethnicity: string | null;
  religion: string | null;
  citizenId: string | null;
  occupation: string | null;
  workplace: string | null;
  position: string | null;
  generalEducation: string | null;
  professionalLevel: string;
  professionalField: string | null;
  academicTitle: string | null;
  politicalTheory: string;
  foreignLanguage: string | null;
  itLevel: string | null;
  minorityLanguage: string | null;
  referee1: string | null;
  referee2: string | null;
  cardNumber: string | null;
  recordNumber: string | null;
  youthUnionJoinedOn: string | null;
  admittedOn: string | null;
  admittedAt: string | null;
  admissionDecision: string | null;
  recognisedOn: string | null;
  recognisedAt: string | null;
  awards: string | null;
  health: string | null;
  workHistory: { from: string; to: string | null; description: string }[];
  /** Null when the reader has no need-to-know (the items print "Không in: thông tin hạn chế"). */
  sensitive: {
    disciplineHistory: string | null;
    familyPoliticalHistory: string | null;
    family: { relation: string; fullName: string; birthYear: number | null; note: string }[];
  } | null;
  /** The units above the member's cell, top first: province, district level, grassroots, cell. */
  units: { kind: string; name: string }[];
};

const restricted = 'Không in: thông tin hạn chế (cần quyền xem thông tin nhạy cảm)';

/** The boxes of the record and card numbers (the phiếu prints them one character a box). */
const boxes = (label: string, value: string | null, count: number) =>
  para([
    run(`${label}: `, { size: 12 }),
    run(
      Array.from({ length: count }, (_, i) => `[${(value ?? '').padEnd(count, ' ')[i]}]`)
        .join('')
        .replace(/\[ \]/g, '[  ]'),
      { size: 12 },
    ),
  ]);

/** The heading lines of the phiếu: "Đảng bộ tỉnh: …", "Đảng bộ huyện: …", "Đảng bộ cơ sở: …", "Chi bộ: …". */
const unitLines = (units: MemberRecord['units']) => {
  const of = (...kinds: string[]) => units.find((u) => kinds.includes(u.kind))?.name ?? '';
  return [
    field('Đảng bộ tỉnh', of('province_committee'), 12),
    field('Đảng bộ huyện và tương đương', of('upper_committee'), 12),
    field('Đảng bộ cơ sở', of('grassroots_committee', 'grassroots_cell'), 12),
    field('Chi bộ', of('cell', 'grassroots_cell'), 12),
  ];
};

const level = (m: MemberRecord) =>
  [
    m.generalEducation ? `Giáo dục phổ thông: ${m.generalEducation}` : null,
    `Chuyên môn: ${professionalLevelLabels[m.professionalLevel as keyof typeof professionalLevelLabels] ?? ''}${m.professionalField ? ` (${m.professionalField})` : ''}`,
    m.academicTitle ? `Học hàm, học vị: ${m.academicTitle}` : null,
    `Lý luận chính trị: ${politicalTheoryLabels[m.politicalTheory as keyof typeof politicalTheoryLabels] ?? ''}`,
    m.foreignLanguage ? `Ngoại ngữ: ${m.foreignLanguage}` : null,
    m.itLevel ? `Tin học: ${m.itLevel}` : null,
    m.minorityLanguage ? `Tiếng dân tộc thiểu số: ${m.minorityLanguage}` : null,
  ]
    .filter(Boolean)
    .join('; ');

const numbered = (n: number, label: string, value: string | null | undefined) =>
  field(`${String(n).padStart(2, '0')}. ${label}`, value);

const workTable = (m: MemberRecord) =>
  gridTable(
    [
      { header: 'Từ tháng, năm đến tháng, năm', width: 45 },
      { header: 'Làm công việc gì, ở đâu, giữ chức vụ gì', width: 120 },
    ],
    (m.workHistory.length ? m.workHistory : [{ from: '', to: null, description: '' }]).map((w) => [
      w.from ? `${formatDate(w.from)} – ${w.to ? formatDate(w.to) : 'nay'}` : '',
      w.description,
    ]),
    12,
  );

const familyTable = (m: MemberRecord) =>
  m.sensitive
    ? gridTable(
        [
          { header: 'Quan hệ', width: 30 },
          { header: 'Họ và tên', width: 50 },
          { header: 'Năm sinh', width: 20, align: 'center' },
          { header: 'Quê quán, nghề nghiệp, chính trị', width: 65 },
        ],
        (m.sensitive.family.length
          ? m.sensitive.family
          : [{ relation: '', fullName: '', birthYear: null, note: '' }]
        ).map((p) => [p.relation, p.fullName, p.birthYear ? String(p.birthYear) : '', p.note]),
        12,
      )
    : para(restricted, { italics: true, size: 12 });

/** Phiếu đảng viên (mẫu 2-HSĐV): one page, photo top left, the numbers in boxes, the items. */
export const renderMemberCardDocx = (
  m: MemberRecord,
  photo: Buffer | null,
  format: DocumentFormat = defaultDocumentFormat,
) => {
  const width = textWidth(format);
  const children: (Paragraph | Table)[] = [
    para([run('Mẫu 2-HSĐV', { size: 11, italics: true })], { align: 'right' }),
    para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 })], {
      align: 'center',
      after: 120,
    }),
    sideBySide([
      { width: 35, children: [photoFrame(photo)] },
      {
        width: 130,
        children: [
          ...unitLines(m.units),
          boxes('Số lý lịch đảng viên', m.recordNumber, 9),
          boxes('Số thẻ đảng viên', m.cardNumber, 8),
        ],
      },
    ]),
    para([run('PHIẾU ĐẢNG VIÊN', { bold: true, size: 16 })], {
      align: 'center',
      before: 240,
      after: 240,
    }),
    numbered(1, 'Họ và tên đang dùng', m.fullName.toLocaleUpperCase('vi-VN')),
    numbered(2, 'Giới tính', sexLabels[m.sex]),
    numbered(3, 'Họ và tên khai sinh', m.birthName ?? m.fullName),
    numbered(4, 'Bí danh', m.alias),
    numbered(5, 'Sinh ngày', formatDate(m.birthDate)),
    numbered(6, 'Nơi sinh', m.birthPlace),
    numbered(7, 'Quê quán', m.homeTown),
    numbered(8, 'Nơi thường trú', m.permanentAddress),
    numbered(9, 'Nơi tạm trú', m.currentAddress),
    numbered(10, 'Dân tộc', m.sensitive ? m.ethnicity : restricted),
    numbered(11, 'Tôn giáo', m.sensitive ? m.religion : restricted),
    numbered(12, 'Số căn cước công dân', m.citizenId),
    numbered(13, 'Nghề nghiệp hiện nay', m.occupation),
    numbered(14, 'Trình độ', level(m)),
    numbered(15, 'Ngày vào Đoàn TNCS Hồ Chí Minh', formatDate(m.youthUnionJoinedOn)),
    numbered(
      16,
      'Ngày vào Đảng',
      m.admittedOn
        ? `${formatDate(m.admittedOn)}${m.admittedAt ? `, tại ${m.admittedAt}` : ''}`
        : '',
    ),
    numbered(
      17,
      'Ngày chính thức',
      m.recognisedOn
        ? `${formatDate(m.recognisedOn)}${m.recognisedAt ? `, tại ${m.recognisedAt}` : ''}`
        : '',
    ),
    numbered(18, 'Người giới thiệu vào Đảng', [m.referee1, m.referee2].filter(Boolean).join('; ')),
    numbered(19, 'Chức vụ, nơi làm việc', [m.position, m.workplace].filter(Boolean).join(', ')),
    numbered(20, 'Khen thưởng', m.awards),
    numbered(21, 'Kỷ luật', m.sensitive ? (m.sensitive.disciplineHistory ?? 'Không') : restricted),
    numbered(22, 'Sức khỏe', m.health),
    para('', { after: 120 }),
    signatureBlock(width, { authority: 'T/M ĐẢNG ỦY', title: '(Ký tên, đóng dấu)', name: '' }, [
      para([run('ĐẢNG VIÊN KÝ TÊN', { bold: true, size: 13 })], { align: 'center', after: 1400 }),
      para([run(m.fullName, { bold: true, size: 13 })], { align: 'center' }),
    ]),
  ];
  return renderDocument(`Phiếu đảng viên – ${m.fullName}`, [{ children }], format);
};

/** Lý lịch đảng viên (mẫu 1-HSĐV): cover, items 01–22, the commitment and the committee's certificate. */
export const renderMemberHistoryDocx = (
  m: MemberRecord,
  photo: Buffer | null,
  format: DocumentFormat = defaultDocumentFormat,
) => {
  const width = textWidth(format);
  const cover: (Paragraph | Table)[] = [
    para([run('Mẫu 1-HSĐV', { size: 11, italics: true })], { align: 'right' }),
    para([run('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, size: 15 })], {
      align: 'center',
      after: 600,
    }),
    para([run('LÝ LỊCH ĐẢNG VIÊN', { bold: true, size: 22 })], { align: 'center', after: 600 }),
    sideBySide([
      { width: 35, children: [photoFrame(photo)] },
      {
        width: 130,
        children: [
          field('Họ và tên đang dùng', m.fullName.toLocaleUpperCase('vi-VN')),
          field('Họ và tên khai sinh', m.birthName ?? m.fullName),
          field('Sinh ngày', formatDate(m.birthDate)),
          field('Quê quán', m.homeTown),
          boxes('Số lý lịch', m.recordNumber, 9),
          boxes('Số thẻ đảng viên', m.cardNumber, 8),
        ],
      },
    ]),
  ];
  const items: (Paragraph | Table)[] = [
    para([run('TÓM TẮT LÝ LỊCH', { bold: true, size: 14 })], { align: 'center', after: 240 }),
    numbered(1, 'Họ và tên đang dùng', m.fullName.toLocaleUpperCase('vi-VN')),
    numbered(2, 'Nam, nữ', sexLabels[m.sex]),
    numbered(3, 'Họ và tên khai sinh', m.birthName ?? m.fullName),
    numbered(4, 'Các bí danh', m.alias),
    numbered(5, 'Sinh ngày', formatDate(m.birthDate)),
    numbered(6, 'Nơi sinh', m.birthPlace),
    numbered(7, 'Quê quán', m.homeTown),
    numbered(
      8,
      'Nơi cư trú',
      [
        m.permanentAddress ? `Thường trú: ${m.permanentAddress}` : null,
        m.currentAddress ? `Tạm trú: ${m.currentAddress}` : null,
      ]
        .filter(Boolean)
        .join('; '),
    ),
    numbered(9, 'Dân tộc', m.sensitive ? m.ethnicity : restricted),
    numbered(10, 'Tôn giáo', m.sensitive ? m.religion : restricted),
    numbered(11, 'Nghề nghiệp hiện nay', m.occupation),
    numbered(12, 'Trình độ hiện nay', level(m)),
    numbered(13, 'Ngày vào Đoàn TNCS Hồ Chí Minh', formatDate(m.youthUnionJoinedOn)),
    numbered(
      14,
      'Ngày và nơi kết nạp vào Đảng',
      m.admittedOn
        ? `${formatDate(m.admittedOn)}${m.admittedAt ? `, tại ${m.admittedAt}` : ''}${m.admissionDecision ? ` (quyết định số ${m.admissionDecision})` : ''}`
        : '',
    ),
    numbered(
      15,
      'Ngày và nơi công nhận chính thức',
      m.recognisedOn
        ? `${formatDate(m.recognisedOn)}${m.recognisedAt ? `, tại ${m.recognisedAt}` : ''}`
        : '',
    ),
    numbered(16, 'Người giới thiệu vào Đảng', [m.referee1, m.referee2].filter(Boolean).join('; ')),
    para([run('17. Những công tác và chức vụ đã qua', { size: 13 })], { before: 120, after: 60 }),
    workTable(m),
    numbered(
      18,
      'Chức vụ, nơi làm việc hiện nay',
      [m.position, m.workplace].filter(Boolean).join(', '),
    ),
    numbered(19, 'Khen thưởng', m.awards),
    numbered(20, 'Kỷ luật', m.sensitive ? (m.sensitive.disciplineHistory ?? 'Không') : restricted),
    numbered(21, 'Sức khỏe', m.health),
    para([run('22. Hoàn cảnh gia đình', { size: 13 })], { before: 120, after: 60 }),
    familyTable(m),
    para('Tôi cam đoan đã khai đầy đủ, rõ ràng và chịu trách nhiệm về những điều đã khai trên.', {
      before: 240,
      italics: true,
      size: 13,
    }),
    signatureBlock(width, { authority: '', title: 'NGƯỜI KHAI KÝ TÊN', name: m.fullName }, [
      para([run('CHỨNG NHẬN CỦA CẤP ỦY CƠ SỞ', { bold: true, size: 13 })], { align: 'center' }),
      para(
        `Chứng nhận lý lịch của đồng chí ${m.fullName} khai tại đảng bộ, chi bộ là đúng sự thật.`,
        { size: 12 },
      ),
      para([run('T/M ĐẢNG ỦY', { bold: true, size: 13 })], { align: 'center', before: 120 }),
    ]),
  ];
  return renderDocument(
    `Lý lịch đảng viên – ${m.fullName}`,
    [{ children: cover }, { children: items, pageNumbers: true }],
    format,
  );
};

/** The record as the forms print it, loaded through the actor's scope (else "not found"). */
export const loadMemberRecord = async (
  db: Db,
  actor: Actor,
  id: number,
): Promise<MemberRecord & { orgUnitId: number }> => {
  await requireAccess(db, actor, 'member.read', id);
  const r = (await queryOne<Record<string, unknown>>(
    db,
    sql`select m.*,
          (select e.decision_number from member_events e where e.member_id = m.id
             and e.kind in ('admitted', 'readmitted') order by e.event_date desc, e.id desc limit 1)
            as admission_decision,
          (select o2.name from member_events e join org_units o2 on o2.id = e.org_unit_id
             where e.member_id = m.id and e.kind in ('admitted', 'readmitted')
             order by e.event_date desc, e.id desc limit 1) as admitted_at,
          (select coalesce(o3.name, e.external_org) from member_events e
             left join org_units o3 on o3.id = e.org_unit_id
             where e.member_id = m.id and e.kind = 'recognised'
             order by e.event_date desc, e.id desc limit 1) as recognised_at
        from members m where m.id = ${id}`,
  ))!;
  const units = await queryRows<{ kind: string; name: string }>(
    db,
    sql`select a.kind, a.name from org_units c join org_units a on a.path @> c.path
        where c.id = ${r.org_unit_id as number} order by nlevel(a.path)`,
  );
  const s = (k: string) => (r[k] as string | null) ?? null;
  return {
    id,
    orgUnitId: r.org_unit_id as number,
    fullName: r.full_name as string,
    birthName: s('birth_name'),
    alias: s('alias'),
    sex: r.sex as 'male' | 'female',
    birthDate: r.birth_date as string,
    birthPlace: s('birth_place'),
    homeTown: s('home_town'),
    permanentAddress: s('permanent_address'),
    currentAddress: s('current_address'),
    ethnicity: s('ethnicity'),
    religion: s('religion'),
    citizenId: s('citizen_id'),
    occupation: s('occupation'),
    workplace: s('workplace'),
    position: s('position'),
    generalEducation: s('general_education'),
    professionalLevel: r.professional_level as string,
    professionalField: s('professional_field'),
    academicTitle: s('academic_title'),
    politicalTheory: r.political_theory as string,
    foreignLanguage: s('foreign_language'),
    itLevel: s('it_level'),
    minorityLanguage: s('minority_language'),
    referee1: s('referee1'),
    referee2: s('referee2'),
    cardNumber: s('card_number'),
    recordNumber: s('record_number'),
    youthUnionJoinedOn: s('youth_union_joined_on'),
    admittedOn: s('admitted_on'),
    admittedAt: s('admitted_at'),
    admissionDecision: s('admission_decision'),
    recognisedOn: s('recognised_on'),
    recognisedAt: s('recognised_at'),
    awards: s('awards'),
    health: s('health'),
    workHistory: (r.work_history as MemberRecord['workHistory'] | null) ?? [],
    sensitive: can(actor, 'member.readSensitive')
      ? {
          disciplineHistory: s('discipline_history'),
          familyPoliticalHistory: s('family_political_history'),
          family: (r.family as NonNullable<MemberRecord['sensitive']>['family'] | null) ?? [],
        }
      : null,
    units,
  };
};

const asciiName = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();

export { asciiName };

export const memberRecordForm = async ({
  db,
  actor,
  id,
  form,
  format,
  photo,
}: {
  db: Db;
  actor: Actor;
  id: number;
  form: 'ly-lich' | 'phieu';
  format: FormFormat;
  /** The member's photo (JPEG), or null for the empty 3×4 frame. */
  photo: Buffer | null;
}) => {
  const m = await loadMemberRecord(db, actor, id);
  const fmt = await documentFormatOf(db);
  const docx =
    form === 'phieu'
      ? await renderMemberCardDocx(m, photo, fmt)
      : await renderMemberHistoryDocx(m, photo, fmt);
  const code = form === 'phieu' ? 'phieu-dang-vien' : 'ly-lich-dang-vien';
  return deliverForm({
    db,
    actor,
    docx,
    format,
    baseName: `${code}-${asciiName(m.fullName)}`,
    audit: {
      form: code,
      entityType: 'member',
      entityId: id,
      orgUnitId: m.orgUnitId,
      meta: { sensitive: m.sensitive !== null, photo: photo !== null },
    },
  });
};
