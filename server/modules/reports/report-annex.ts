// The statistical annex (docs/domain/annual-report-figures.md, HD 11-HD/BTCTW 2021): forms 1, 2, 3, 5, 6F and 7-BTCTW as
// far as the recorded data allows, with the columns "Kỳ này | Cùng kỳ năm trước | %" (% = col 2 × 100 /
// col 3). A form whose data is not recorded by dangvu yet says so in a cell; it never prints zeros: a
// row whose register holds nothing for that year (domain/reports/recorded.ts) prints "—" and no %.
// Counts are over the subtree of the organisation as it stands today (paths of today's tree); the
// inspection sheet (885-QĐ/UBKTTW statistics) comes from the inspection figures service.
import ExcelJS from 'exceljs';
import { politicalTheoryLabels } from '../../../domain/enums/members';
import { agencyKindLabels, agencyKinds } from '../../../domain/enums/org-units';
import type { Recorded, RecordingArea } from '../../../domain/reports/recorded';
import { reportGroupLabels, reportGroups } from '../../../domain/rules/inspection/inspection';
import { type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { evaluationLevelCounts } from '../evaluations';
import { activeStatusList, recordedAreas } from '../figures';
import { figuresOfUnit } from '../inspection';

export type AnnexRow = { label: string; current: number | null; previous: number | null };
export type AnnexSheet =
  | { form: string; title: string; kind: 'compare'; rows: AnnexRow[] }
  | {
      form: string;
      title: string;
      kind: 'table';
      columns: string[];
      rows: { label: string; values: number[] }[];
    }
  | { form: string; title: string; kind: 'unavailable'; reason: string };

export type AnnexData = { orgName: string; year: number; sheets: AnnexSheet[] };

type Scope = { path: string; year: number };

/** Members in the party in the subtree on a date (member periods valid that day). */
const membersOn = (path: string, day: string) => sql`
  select m.* from member_periods p join members m on m.id = p.member_id
  join org_units o on o.id = p.org_unit_id
  where p.valid_from <= ${day} and (p.valid_to is null or p.valid_to > ${day})
    and p.status in (${activeStatusList}) and o.path <@ ${path}::ltree`;

const eventCount = async (db: DbOrTx, s: Scope, year: number, kinds: string[]) => {
  const row = await queryOne<{ n: number }>(
    db,
    sql`select count(*)::int as n from member_events e join org_units o on o.id = e.org_unit_id
        where e.kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )}) and e.event_date between ${`${year}-01-01`} and ${`${year}-12-31`}
          and o.path <@ ${s.path}::ltree`,
  );
  return row?.n ?? 0;
};

/** The areas recorded in year N and N−1, set once per annex. */
type RecordedYears = { current: Recorded; previous: Recorded };

/** A row of both years; a year whose `area` is not recorded is null ("—"), not 0. */
const bothYears = async (
  s: Scope & { recorded: RecordedYears },
  f: (year: number) => Promise<number>,
  area: RecordingArea = 'members',
) => ({
  current: s.recorded.current.has(area) ? await f(s.year) : null,
  previous: s.recorded.previous.has(area) ? await f(s.year - 1) : null,
});

const ageBands: [string, number, number][] = [
  ['Từ 18 đến 30 tuổi', 18, 30],
  ['Từ 31 đến 35 tuổi', 31, 35],
  ['Từ 36 đến 40 tuổi', 36, 40],
  ['Từ 41 đến 45 tuổi', 41, 45],
  ['Từ 46 đến 50 tuổi', 46, 50],
  ['Từ 51 đến 55 tuổi', 51, 55],
  ['Từ 56 đến 60 tuổi', 56, 60],
  ['Trên 60 tuổi', 61, 200],
];

type PersonRow = {
  sex: string;
  ethnicity: string;
  religion: string;
  birth_year: number;
  status: string;
  political_theory: string;
  youth: boolean;
};

const personRows = (db: DbOrTx, from: ReturnType<typeof sql>) =>
  queryRows<PersonRow>(
    db,
    sql`select x.sex, x.ethnicity, x.religion, extract(year from x.birth_date)::int as birth_year,
          x.status, x.political_theory, (x.youth_union_joined_on is not null) as youth
        from (${from}) x`,
  );

const profileRows = (people: PersonRow[], year: number, withStatus: boolean) => {
  const count = (p: (r: PersonRow) => boolean) => people.filter(p).length;
  const rows: [string, number][] = [
    ['Tổng số', people.length],
    ['Đảng viên nữ', count((r) => r.sex === 'female')],
    ...(withStatus
      ? ([['Đảng viên dự bị', count((r) => r.status === 'probationary')]] as [string, number][])
      : []),
    ['Người dân tộc thiểu số', count((r) => r.ethnicity !== 'Kinh')],
    ['Người có đạo', count((r) => r.religion !== 'Không')],
    ['Đoàn viên Đoàn TNCS Hồ Chí Minh', count((r) => r.youth)],
    ...ageBands.map(
      ([label, min, max]) =>
        [label, count((r) => year - r.birth_year >= min && year - r.birth_year <= max)] as [
          string,
          number,
        ],
    ),
  ];
  return rows;
};

const merge = (
  current: [string, number][] | null,
  previous: [string, number][] | null,
  labels: [string, number][],
): AnnexRow[] =>
  labels.map(([label], i) => ({
    label,
    current: current ? current[i]![1] : null,
    previous: previous ? previous[i]![1] : null,
  }));

export const gatherAnnex = async ({
  db,
  unitId,
  year,
}: {
  db: DbOrTx;
  unitId: number;
  year: number;
}): Promise<AnnexData> => {
  const unit = (await queryOne<{ name: string; path: string }>(
    db,
    sql`select name, path::text as path from org_units where id = ${unitId}`,
  ))!;
  const recorded: RecordedYears = {
    current: await recordedAreas(db, unitId, `${year}-01-01`, `${year}-12-31`),
    previous: await recordedAreas(db, unitId, `${year - 1}-01-01`, `${year - 1}-12-31`),
  };
  const s = { path: unit.path, year, recorded };
  const known = (y: number) => (y === year ? recorded.current : recorded.previous).has('members');
  const countOn = async (day: string) =>
    (
      await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from (${membersOn(s.path, day)}) x`,
      )
    )?.n ?? 0;

  // 1-BTCTW: increase and decrease in members.
  const form1: AnnexRow[] = [];
  const push = async (label: string, f: (y: number) => Promise<number>) =>
    form1.push({ label, ...(await bothYears(s, f)) });
  await push('A. Đảng viên đầu kỳ', (y) => countOn(`${y - 1}-12-31`));
  await push('B. Tăng trong kỳ: kết nạp', (y) => eventCount(db, s, y, ['admitted']));
  await push('    Kết nạp lại', (y) => eventCount(db, s, y, ['readmitted']));
  await push('    Chuyển đến', (y) => eventCount(db, s, y, ['transferred_in']));
  await push('C. Giảm trong kỳ: từ trần', (y) => eventCount(db, s, y, ['died']));
  await push('    Khai trừ', (y) => eventCount(db, s, y, ['expelled']));
  await push('    Xóa tên', (y) => eventCount(db, s, y, ['removed']));
  await push('    Xin ra khỏi Đảng', (y) => eventCount(db, s, y, ['withdrew']));
  await push('    Chuyển đi', (y) => eventCount(db, s, y, ['transferred_out']));
  await push('D. Đảng viên cuối kỳ', (y) => countOn(`${y}-12-31`));

  // 2-BTCTW: members admitted in the period.
  const admittedIn = (y: number) => sql`
    select m.* from member_events e join members m on m.id = e.member_id
    join org_units o on o.id = e.org_unit_id
    where e.kind = 'admitted' and e.event_date between ${`${y}-01-01`} and ${`${y}-12-31`}
      and o.path <@ ${s.path}::ltree`;
  const admittedProfile = async (y: number) =>
    known(y) ? profileRows(await personRows(db, admittedIn(y)), y, false) : null;
  const form2 = merge(
    await admittedProfile(year),
    await admittedProfile(year - 1),
    profileRows([], year, false),
  );

  // 3-BTCTW: all members at the end of the period, with political theory levels.
  const allAt = async (y: number) => {
    const people = await personRows(db, membersOn(s.path, `${y}-12-31`));
    return [
      ...profileRows(people, y, true),
      ...(['elementary', 'intermediate', 'advanced', 'bachelor'] as const).map(
        (level) =>
          [
            `Lý luận chính trị: ${politicalTheoryLabels[level].toLocaleLowerCase('vi-VN')}`,
            people.filter((p) => p.political_theory === level).length,
          ] as [string, number],
      ),
    ];
  };
  const all3 = await allAt(year);
  const form3 = merge(
    known(year) ? all3 : null,
    known(year - 1) ? await allAt(year - 1) : null,
    all3,
  );

  // 5-BTCTW: grassroots organisations by the kind of agency they sit in (today's tree).
  const memberRows = await queryRows<{ agency_kind: string; n: number }>(
    db,
    sql`select coalesce(a.kind, 'other') as agency_kind, count(*)::int as n
        from org_units g left join agencies a on a.org_unit_id = g.id
        join (${membersOn(s.path, `${year}-12-31`)}) m on true
        join org_units c on c.id = m.org_unit_id and c.path <@ g.path
        where g.path <@ ${s.path}::ltree and g.kind in ('grassroots_committee', 'grassroots_cell')
        group by 1`,
  );
  const subUnits = await queryRows<{ agency_kind: string; kind: string; n: number }>(
    db,
    sql`select coalesce(a.kind, 'other') as agency_kind, d.kind, count(*)::int as n
        from org_units g left join agencies a on a.org_unit_id = g.id
        join org_units d on d.path <@ g.path and d.id <> g.id and d.dissolved_on is null
        where g.path <@ ${s.path}::ltree and g.dissolved_on is null
          and g.kind in ('grassroots_committee', 'grassroots_cell')
        group by 1, 2`,
  );
  const kinds = [...agencyKinds, 'other'] as const;
  const grassroots = await queryRows<{ agency_kind: string; kind: string; n: number }>(
    db,
    sql`select coalesce(a.kind, 'other') as agency_kind, g.kind, count(*)::int as n
        from org_units g left join agencies a on a.org_unit_id = g.id
        where g.path <@ ${s.path}::ltree and g.dissolved_on is null
          and g.kind in ('grassroots_committee', 'grassroots_cell')
        group by 1, 2`,
  );
  const pick = (rows: { agency_kind: string; kind: string; n: number }[], ak: string, k: string) =>
    rows.find((r) => r.agency_kind === ak && r.kind === k)?.n ?? 0;
  const form5 = kinds
    .map((ak) => ({
      label: ak === 'other' ? 'Loại hình khác' : agencyKindLabels[ak],
      values: [
        pick(grassroots, ak, 'grassroots_committee'),
        pick(grassroots, ak, 'grassroots_cell'),
        pick(subUnits, ak, 'sub_committee'),
        pick(subUnits, ak, 'cell'),
        memberRows.find((r) => r.agency_kind === ak)?.n ?? 0,
      ],
    }))
    .filter((r) => r.values.some((v) => v > 0));
  form5.push({
    label: 'Tổng cộng',
    values: [0, 1, 2, 3, 4].map((i) => form5.reduce((sum, r) => sum + r.values[i]!, 0)),
  });

  // 7-BTCTW: badges, cards and transfers.
  const badgeCount = (y: number, milestone: number) =>
    queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from badge_awards b join members m on m.id = b.member_id
          join org_units o on o.id = m.org_unit_id
          where b.milestone = ${milestone} and b.award_date between ${`${y}-01-01`} and ${`${y}-12-31`}
            and o.path <@ ${s.path}::ltree`,
    ).then((r) => r?.n ?? 0);
  const cardCount = (y: number, action: string) =>
    queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from party_card_events c join members m on m.id = c.member_id
          join org_units o on o.id = m.org_unit_id
          where c.action = ${action} and c.action_date between ${`${y}-01-01`} and ${`${y}-12-31`}
            and o.path <@ ${s.path}::ltree`,
    ).then((r) => r?.n ?? 0);
  const form7: AnnexRow[] = [];
  for (const milestone of [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])
    form7.push({
      label: `Huy hiệu ${milestone} năm tuổi Đảng`,
      ...(await bothYears(s, (y) => badgeCount(y, milestone), 'badges')),
    });
  for (const [action, label] of [
    ['issued', 'Thẻ đảng viên: phát mới'],
    ['reissued', 'Thẻ đảng viên: cấp lại do mất'],
    ['exchanged', 'Thẻ đảng viên: đổi do hỏng'],
  ] as const)
    form7.push({ label, ...(await bothYears(s, (y) => cardCount(y, action), 'cards')) });
  for (const [kind, label] of [
    ['transferred_in', 'Chuyển sinh hoạt đảng chính thức đến'],
    ['transferred_out', 'Chuyển sinh hoạt đảng chính thức đi'],
    ['temporary_out', 'Chuyển sinh hoạt đảng tạm thời đi'],
    ['moved', 'Chuyển sinh hoạt trong Đảng bộ'],
  ] as const)
    form7.push({ label, ...(await bothYears(s, (y) => eventCount(db, s, y, [kind]))) });

  return {
    orgName: unit.name,
    year,
    sheets: [
      { form: '1-BTCTW', title: 'Tăng, giảm đảng viên', kind: 'compare', rows: form1 },
      { form: '2-BTCTW', title: 'Đảng viên mới kết nạp', kind: 'compare', rows: form2 },
      { form: '3-BTCTW', title: 'Đội ngũ đảng viên', kind: 'compare', rows: form3 },
      {
        form: '5-BTCTW',
        title: 'Tổ chức cơ sở đảng theo loại hình',
        kind: 'table',
        columns: [
          'Đảng bộ cơ sở',
          'Chi bộ cơ sở',
          'Đảng bộ bộ phận',
          'Chi bộ trực thuộc',
          'Đảng viên',
        ],
        rows: form5,
      },
      await form6F(db, unitId, year),
      { form: '7-BTCTW', title: 'Nghiệp vụ công tác đảng viên', kind: 'compare', rows: form7 },
      await inspectionSheet(db, { id: unitId, name: unit.name, path: unit.path }, year),
    ],
  };
};

/**
 * Form 6F-BTCTW: the year's decided levels per kind of subject, from the evaluation module's records
 * (yearly campaigns of the subtree). "Chưa quyết định" are subjects still in the flow.
 */
const form6F = async (db: DbOrTx, unitId: number, year: number): Promise<AnnexSheet> => {
  const groups = [
    ['Tổ chức cơ sở đảng', 'grassroots_organisation'],
    ['Chi bộ trực thuộc', 'cell'],
    ['Đảng viên', 'member'],
    ['Đoàn thể chính trị – xã hội', 'mass_organisation'],
    ['Cơ quan, đơn vị', 'agency'],
  ] as const;
  const rows: { label: string; values: number[] }[] = [];
  for (const [label, kind] of groups) {
    const r = await evaluationLevelCounts({ db, unitId, year, subjectKind: kind });
    rows.push({
      label,
      values: [
        r.total,
        r.counts.HTXSNV,
        r.counts.HTTNV,
        r.counts.HTNV,
        r.counts.KHTNV,
        r.counts.not_rated,
        r.pending,
      ],
    });
  }
  if (rows.every((r) => r.values[0] === 0))
    return {
      form: '6F-BTCTW',
      title: 'Kết quả kiểm điểm, đánh giá',
      kind: 'unavailable',
      reason: `Chưa có số liệu: chưa có đợt đánh giá, xếp loại chất lượng năm ${year} trong phạm vi này.`,
    };
  return {
    form: '6F-BTCTW',
    title: 'Kết quả kiểm điểm, đánh giá',
    kind: 'table',
    columns: [
      'Tổng số',
      'Hoàn thành xuất sắc nhiệm vụ',
      'Hoàn thành tốt nhiệm vụ',
      'Hoàn thành nhiệm vụ',
      'Không hoàn thành nhiệm vụ',
      'Không xếp loại',
      'Chưa quyết định',
    ],
    rows,
  };
};

/**
 * Inspection, supervision and discipline (the subjects of 885-QĐ/UBKTTW's statistics): per group of
 * conducting bodies the distinct party organisations and members inspected or supervised (each
 * counted once per group), split inspection / supervision; then discipline by form. Read from the
 * inspection figures service, as the report's sentences; a year with no case and no discipline
 * decision prints "—".
 */
const inspectionSheet = async (
  db: DbOrTx,
  unit: { id: number; name: string; path: string },
  year: number,
): Promise<AnnexSheet> => {
  const yearRows = async (y: number) => {
    const f = await figuresOfUnit({ db, unit, year: y });
    if (f.subjects.length === 0 && f.disciplines.length === 0) return null;
    const rows: [string, number][] = [];
    for (const g of reportGroups) {
      const all = f.figures.subjectsByGroup.find((x) => x.group === g)!;
      const ins = f.byActivity.inspected.byGroup[g];
      const sup = f.byActivity.supervised.byGroup[g];
      rows.push(
        [`${reportGroupLabels[g]}: tổ chức đảng, đảng viên được kiểm tra, giám sát`, all.total],
        ['    Tổ chức đảng được kiểm tra', ins.organisations],
        ['    Đảng viên được kiểm tra', ins.members],
        ['    Tổ chức đảng được giám sát', sup.organisations],
        ['    Đảng viên được giám sát', sup.members],
      );
    }
    rows.push(['Đảng viên bị thi hành kỷ luật', f.figures.disciplinedMembers]);
    for (const d of f.figures.disciplineByForm.filter((x) => x.subjectKind === 'member'))
      rows.push([`    ${d.label}`, d.count]);
    rows.push(['Tổ chức đảng bị thi hành kỷ luật', f.figures.disciplinedOrganisations]);
    for (const d of f.figures.disciplineByForm.filter((x) => x.subjectKind === 'organisation'))
      rows.push([`    ${d.label}`, d.count]);
    return rows;
  };
  const current = await yearRows(year);
  const previous = await yearRows(year - 1);
  const labels = current ?? previous;
  if (!labels)
    return {
      form: 'KTGS',
      title: 'Kiểm tra, giám sát và thi hành kỷ luật đảng',
      kind: 'unavailable',
      reason: `Chưa có số liệu: chưa ghi nhận cuộc kiểm tra, giám sát hay quyết định kỷ luật nào trong năm ${year} và năm ${year - 1}.`,
    };
  return {
    form: 'KTGS',
    title: 'Kiểm tra, giám sát và thi hành kỷ luật đảng',
    kind: 'compare',
    rows: merge(current, previous, labels),
  };
};

const border = { style: 'thin' as const };
const boxed = { top: border, left: border, bottom: border, right: border };

export const renderAnnexXlsx = async (annex: AnnexData): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangvu';
  for (const sheet of annex.sheets) {
    const ws = wb.addWorksheet(sheet.form);
    ws.getColumn(1).width = 48;
    ws.getCell('A1').value = annex.orgName;
    ws.getCell('A2').value = `Biểu ${sheet.form}: ${sheet.title} — năm ${annex.year}`;
    ws.getCell('A2').font = { bold: true, size: 13 };
    if (sheet.kind === 'unavailable') {
      ws.getCell('A4').value = sheet.reason;
      ws.getCell('A4').font = { italic: true };
      continue;
    }
    const columns = sheet.kind === 'compare' ? ['Kỳ này', 'Cùng kỳ năm trước', '%'] : sheet.columns;
    const header = ws.getRow(4);
    header.values = ['Chỉ tiêu', ...columns];
    header.font = { bold: true };
    header.eachCell((c) => {
      c.border = boxed;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    const numbers = ws.getRow(5);
    numbers.values = ['A', ...columns.map((_, i) => String(i + 1))];
    numbers.eachCell((c) => {
      c.border = boxed;
      c.alignment = { horizontal: 'center' };
    });
    for (let i = 0; i < columns.length; i++) ws.getColumn(i + 2).width = 16;
    let r = 6;
    if (sheet.kind === 'compare') {
      for (const row of sheet.rows) {
        const excelRow = ws.getRow(r);
        const pct =
          row.current !== null && row.previous
            ? Math.round((row.current * 1000) / row.previous) / 10
            : null;
        excelRow.values = [
          row.label,
          row.current ?? '—',
          row.previous ?? '—',
          {
            formula: `IF(AND(ISNUMBER(B${r}),ISNUMBER(C${r}),C${r}<>0),ROUND(B${r}*100/C${r},1),"")`,
            result: pct ?? '',
          },
        ];
        excelRow.eachCell({ includeEmpty: true }, (c) => {
          c.border = boxed;
        });
        r++;
      }
    } else {
      for (const row of sheet.rows) {
        const excelRow = ws.getRow(r);
        excelRow.values = [row.label, ...row.values];
        excelRow.eachCell((c) => {
          c.border = boxed;
        });
        r++;
      }
    }
    ws.getCell(`A${r + 2}`).value = 'Người lập biểu';
    ws.getCell(`C${r + 2}`).value = 'T/M BAN THƯỜNG VỤ';
    ws.getCell(`C${r + 2}`).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};
