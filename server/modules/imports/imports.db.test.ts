// What an office sees when it imports its old spreadsheets: messy files are read, legacy text is
// converted and shown, bad rows block the commit, nothing is half-written, and a second commit of
// the same file writes nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../../../domain/text/legacy-encodings';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { commit, preview, upload, xlsxOf } from '../../test/import-api';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { readOrgMemberCounts, scanOrgMemberCounts } from '../figures';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let coso: Session;
let cellLabel: string;
let otherCellLabel: string;

const labelOf = async (id: number) => {
  const row = await queryOne<{ name: string; parent: string }>(
    t.db,
    sql`select o.name, p.name as parent from org_units o join org_units p on p.id = o.parent_id where o.id = ${id}`,
  );
  return `${row!.name} – ${row!.parent}`;
};
const memberCount = async () =>
  (await queryOne<{ n: number }>(t.db, sql`select count(*)::int as n from members`))!.n;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  coso = await loginAs(t.app, 'coso');
  cellLabel = await labelOf(f.cellId);
  const other = await queryOne<{ id: number }>(
    t.db,
    sql`select id from org_units where parent_id = ${f.otherCommitteeId} and kind = 'cell' order by id limit 1`,
  );
  otherCellLabel = await labelOf(other!.id);
});
afterAll(async () => t.close());

const existing = async () =>
  (await queryOne<{ full_name: string; citizen_id: string; birth_date: string }>(
    t.db,
    sql`select full_name, citizen_id, birth_date from members where citizen_id is not null order by id limit 1`,
  ))!;

/** A list typed over the years: a title, a merged two-row header, blank rows, old fonts. */
const messyMembers = async () => {
  const dup = await existing();
  const rows: unknown[][] = [
    [
      'STT',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Dân tộc',
      'Số CCCD',
      'Chi bộ',
      'vào Đảng',
      'chính thức',
    ],
    [
      1,
      encodeTcvn3('Nguyễn Văn Hùng'),
      'Nam',
      '05/12/1990',
      'Kinh',
      '001090000101',
      cellLabel,
      new Date(Date.UTC(2015, 4, 19)),
      '19/05/2016',
    ],
    [],
    [
      2,
      encodeVni('Trần Thị Thu Hằng'),
      'Nữ',
      33212,
      'Tày',
      '001190000102',
      cellLabel,
      'tháng 3/2020',
      '',
    ],
    [
      3,
      'Hoàng Minh Đức'.normalize('NFD'),
      'nam',
      '5-12-88',
      'Kinh',
      '',
      cellLabel,
      '3.2.2019',
      '3.2.2020',
    ],
    [4, 'Lò Văn Sai Ngày', 'Nam', '13/13/1990', 'Thái', '', cellLabel, '01/01/2015', ''],
    [
      5,
      dup.full_name,
      'Nam',
      '01/01/1980',
      'Kinh',
      dup.citizen_id,
      cellLabel,
      '01/01/2010',
      '01/01/2011',
    ],
    [6, 'Nguyễn Văn Hùng', 'Nam', '05/12/1990', 'Kinh', '', cellLabel, '01/06/2015', ''],
    [7, 'Phạm Ngoài Phạm Vi', 'Nam', '01/01/1985', 'Kinh', '', otherCellLabel, '01/01/2012', ''],
    [],
    ['', 'Tổng số: 7 đảng viên'],
  ];
  return xlsxOf(rows, {
    title: true,
    twoRowHeader: {
      top: [
        'STT',
        'Họ và tên',
        'Giới tính',
        'Ngày sinh',
        'Dân tộc',
        'Số CCCD',
        'Chi bộ',
        'Ngày',
        '',
      ],
      merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5', 'E4:E5', 'F4:F5', 'G4:G5', 'H4:I4'],
    },
  });
};

describe('member import from a messy XLSX', () => {
  let jobId: number;

  it('finds the header under the title, joins the merged two-row header and guesses the mapping', async () => {
    const up = await upload(coso, 'members', 'danh sach cu.xlsx', await messyMembers());
    expect(up.error).toBeNull();
    const job = up.result as {
      id: number;
      headerRow: number;
      headers: string[];
      mapping: Record<string, number | null>;
      rowCount: number;
    };
    jobId = job.id;
    expect(job.headerRow).toBe(5);
    expect(job.headers).toContain('Ngày vào Đảng');
    expect(job.headers).toContain('Ngày chính thức');
    expect(job.mapping).toMatchObject({
      fullName: 1,
      sex: 2,
      birthDate: 3,
      ethnicity: 4,
      citizenId: 5,
      orgUnit: 6,
      admittedOn: 7,
      recognisedOn: 8,
    });
    expect(job.rowCount).toBe(7); // blank rows and the total line are not records
    expect(up.lines.some((l) => l.type === 'progress')).toBe(true);
  });

  it('previews conversions, errors, warnings and duplicates in Vietnamese', async () => {
    const job = (await coso.get(`/api/imports/${jobId}`)).json();
    const p = await preview(coso, jobId, job.mapping);
    expect(p.error).toBeNull();
    const summary = (p.result as { summary: Record<string, number> }).summary;
    expect(summary.total).toBe(7);
    expect(summary.converted).toBe(3);
    const rows = (await coso.get(`/api/imports/${jobId}/rows?pageSize=50`)).json().items as {
      rowNumber: number;
      status: string;
      values: Record<string, string>;
      errors: string[];
      warnings: string[];
      conversions: { field: string; original: string; converted: string; encoding: string }[];
      duplicate: { allowImport: boolean } | null;
    }[];
    const byName = (n: string) => rows.find((r) => r.values.fullName?.normalize('NFC') === n)!;
    const tcvn = rows.find((r) => r.conversions.some((c) => c.encoding === 'tcvn3'))!;
    expect(tcvn.conversions[0]).toMatchObject({
      field: 'fullName',
      original: 'NguyÔn V¨n Hïng',
      converted: 'Nguyễn Văn Hùng',
    });
    expect(tcvn.values.recognisedOn).toBe('19/05/2016');
    expect(tcvn.values.admittedOn).toBe('19/05/2015');
    const vni = byName('Trần Thị Thu Hằng');
    expect(vni.conversions[0].encoding).toBe('vni');
    expect(vni.values.birthDate).toBe('05/12/1990');
    expect(vni.warnings.join(' ')).toContain('01/03/2020');
    expect(byName('Hoàng Minh Đức').conversions[0].encoding).toBe('nfd');
    expect(byName('Hoàng Minh Đức').values.birthDate).toBe('05/12/1988');
    expect(byName('Lò Văn Sai Ngày').status).toBe('error');
    expect(byName('Lò Văn Sai Ngày').errors.join(' ')).toMatch(/Ngày sinh/);
    expect(byName('Phạm Ngoài Phạm Vi').errors.join(' ')).toContain(
      'trong phạm vi quản lý của bạn',
    );
    const dupCitizen = rows.find((r) => r.values.citizenId === (rows[4]?.values.citizenId ?? ''))!;
    expect(dupCitizen.status).toBe('duplicate');
    expect(dupCitizen.duplicate!.allowImport).toBe(false);
    const dupInFile = rows.filter(
      (r) => r.values.fullName === 'Nguyễn Văn Hùng' && r.status === 'duplicate',
    );
    expect(dupInFile).toHaveLength(1);
    expect(dupInFile[0].status).toBe('duplicate');
    expect(dupInFile[0].duplicate!.allowImport).toBe(true);
  });

  it('refuses the commit while rows have errors or undecided duplicates, writing nothing', async () => {
    const before = await memberCount();
    const refused = await commit(coso, jobId);
    expect(refused.error?.message).toMatch(/dòng có lỗi.*Chưa ghi gì/);
    const undecided = await commit(coso, jobId, { excludedRows: [10, 13] });
    expect(undecided.error?.message).toMatch(/trùng chưa quyết định/);
    expect(await memberCount()).toBe(before);
  });

  it('commits the rest in one go; status, periods and totals follow from the dates; audited', async () => {
    const before = await memberCount();
    const done = await commit(coso, jobId, {
      excludedRows: [10, 13],
      duplicateDecisions: { '12': 'import' },
      duplicateDefault: 'skip',
    });
    expect(done.error).toBeNull();
    expect(done.result).toMatchObject({ created: 4, skipped: 1, excluded: 2 });
    expect(await memberCount()).toBe(before + 4);
    const hung = await queryRows<{
      status: string;
      admitted_on: string;
      recognised_on: string | null;
    }>(
      t.db,
      sql`select status, admitted_on, recognised_on from members where full_name = 'Nguyễn Văn Hùng' and birth_date = '1990-12-05' order by id`,
    );
    expect(hung.map((h) => h.status).sort()).toEqual(['full', 'probationary']);
    const hang = await queryOne<{ id: number; status: string; admitted_on: string }>(
      t.db,
      sql`select id, status, admitted_on from members where full_name = 'Trần Thị Thu Hằng' and citizen_id = '001190000102'`,
    );
    expect(hang).toMatchObject({ status: 'probationary', admitted_on: '2020-03-01' });
    const periods = await queryRows(
      t.db,
      sql`select * from member_periods where member_id = ${hang!.id}`,
    );
    expect(periods).toHaveLength(1);
    for (const id of [f.cellId, f.committeeId, f.rootId])
      expect(await readOrgMemberCounts(t.db, id)).toEqual(await scanOrgMemberCounts(t.db, id));
    const audit = await queryOne<{ meta: Record<string, unknown> }>(
      t.db,
      sql`select meta from audit_log where action = 'import.commit' and entity_id = ${String(jobId)}`,
    );
    expect(audit!.meta).toMatchObject({
      kind: 'members',
      fileName: 'danh sach cu.xlsx',
      created: 4,
    });
    expect(String(audit!.meta.sha256)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes nothing when the same file is committed again, and says so', async () => {
    const before = await memberCount();
    const again = await upload(coso, 'members', 'danh sach cu (2).xlsx', await messyMembers());
    const job = again.result as {
      id: number;
      mapping: Record<string, number | null>;
      layoutRemembered: boolean;
    };
    expect(job.layoutRemembered).toBe(true);
    await preview(coso, job.id, job.mapping);
    const second = await commit(coso, job.id, { excludedRows: [10, 13], duplicateDefault: 'skip' });
    expect(second.result).toMatchObject({ created: 0 });
    expect(String((second.result as { message: string }).message)).toContain('không ghi thêm');
    const same = await commit(coso, jobId, { excludedRows: [10, 13], duplicateDefault: 'skip' });
    expect(same.result).toMatchObject({ created: 0 });
    expect(await memberCount()).toBe(before);
  });

  it('recognises rows imported before, even in a different file', async () => {
    const before = await memberCount();
    const file = await xlsxOf([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Chi bộ', 'Ngày vào Đảng', 'Ghi chú'],
      ['Hoàng Minh Đức', 'nam', '05/12/1988', '', cellLabel, '03/02/2019', 'khác'],
    ]);
    const up = await upload(coso, 'members', 'mot dong.xlsx', file);
    const job = up.result as { id: number; mapping: Record<string, number | null> };
    // A member list has no "Ghi chú": its data is left out only because the user says so.
    const p = await preview(coso, job.id, job.mapping, [6]);
    expect((p.result as { summary: { duplicates: number } }).summary.duplicates).toBe(1);
    const done = await commit(coso, job.id, { duplicateDefault: 'skip' });
    expect(done.result).toMatchObject({ created: 0, skipped: 1 });
    expect(await memberCount()).toBe(before);
  });

  it('checks the database again at commit: a member recorded since the preview is a duplicate', async () => {
    const before = await memberCount();
    const file = await xlsxOf([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Chi bộ', 'Ngày vào Đảng'],
      ['Đinh Thị Mới Ghi', 'Nữ', '14/02/1993', '001193000777', cellLabel, '03/02/2020'],
    ]);
    const up = await upload(office, 'members', 'ghi sau xem truoc.xlsx', file);
    const job = up.result as { id: number; mapping: Record<string, number | null> };
    const p = await preview(office, job.id, job.mapping);
    expect((p.result as { summary: { duplicates: number; valid: number } }).summary).toMatchObject({
      duplicates: 0,
      valid: 1,
    });
    const created = await office.post('/api/members', {
      fullName: 'Đinh Thị Mới Ghi',
      sex: 'female',
      birthDate: '1993-02-14',
      ethnicity: 'Kinh',
      religion: 'Không',
      citizenId: '001193000777',
      professionalLevel: 'bachelor',
      politicalTheory: 'elementary',
      entry: { kind: 'admitted', eventDate: '2020-02-03', orgUnitId: f.cellId },
    });
    expect(created.statusCode).toBe(200);
    const refused = await commit(office, job.id);
    expect(refused.error?.message).toContain('trùng chưa quyết định');
    const skipped = await commit(office, job.id, { duplicateDefault: 'skip' });
    expect(skipped.result).toMatchObject({ created: 0, skipped: 1 });
    expect(await memberCount()).toBe(before + 1);
  });

  it('checks the rows again at commit when a cell they name was renamed since the preview', async () => {
    // The preview's own checks of the rows are kept for the commit only while the cells are the same.
    const cell = await queryOne<{ id: number }>(
      t.db,
      sql`select id from org_units where parent_id = ${f.otherCommitteeId} and kind = 'cell'
          and dissolved_on is null order by id desc limit 1`,
    );
    const label = await labelOf(cell!.id);
    const before = await memberCount();
    const file = await xlsxOf([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Chi bộ', 'Ngày vào Đảng'],
      ['Lương Văn Đổi Tên', 'Nam', '21/06/1990', '001090000888', label, '05/05/2019'],
    ]);
    const up = await upload(office, 'members', 'doi ten chi bo.xlsx', file);
    const job = up.result as { id: number; mapping: Record<string, number | null> };
    const p = await preview(office, job.id, job.mapping);
    expect((p.result as { summary: { valid: number } }).summary.valid).toBe(1);
    const renamed = await office.post('/api/org-units/operations', {
      kind: 'rename',
      orgUnitId: cell!.id,
      name: 'Chi bộ Đã Đổi Tên Sau Khi Xem Trước',
      effectiveDate: new Date().toISOString().slice(0, 10),
      decisionNumber: '15-QĐ/ĐU',
    });
    expect(renamed.statusCode).toBe(200);
    const refused = await commit(office, job.id);
    expect(refused.error?.message).toContain('Không tìm thấy chi bộ');
    expect(await memberCount()).toBe(before);
  });
});

// Issue 17: the import must never lose a column. A header that is valid Unicode stays as it is,
// and a column with data that no field takes must be mapped or skipped before anything is written.
type Job = {
  id: number;
  headers: string[];
  mapping: Record<string, number | null>;
  skippedColumns: number[];
  unmappedColumns: { column: number; header: string; samples: string[] }[];
  layoutRemembered: boolean;
};

describe('columns the import could lose (issue 17)', () => {
  it('keeps the Unicode header "Quê quán" in a list typed in TCVN3, maps it and imports its data', async () => {
    const file = await xlsxOf([
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Quê quán', 'Chi bộ', 'Ngày vào Đảng'],
      ...[
        ['Vũ Thị Quê Một', 'Nữ', '02/03/1985', 'Hà Nội', '05/06/2012'],
        ['Lò Văn Quê Hai', 'Nam', '07/08/1983', 'Thái Bình', '09/10/2013'],
      ].map(([name, sex, birth, home, admitted], i) => [
        i + 1,
        encodeTcvn3(name),
        sex,
        birth,
        encodeTcvn3(home),
        cellLabel,
        admitted,
      ]),
    ]);
    const up = await upload(office, 'members', 'que quan tcvn3.xlsx', file);
    const job = up.result as Job;
    expect(job.headers[4]).toBe('Quê quán');
    expect(job.mapping.homeTown).toBe(4);
    expect(job.skippedColumns).toEqual([0]);
    expect(job.unmappedColumns).toEqual([]);
    await preview(office, job.id, job.mapping);
    const done = await commit(office, job.id);
    expect(done.error).toBeNull();
    expect(done.result).toMatchObject({ created: 2 });
    const homes = await queryRows<{ full_name: string; home_town: string }>(
      t.db,
      sql`select full_name, home_town from members where full_name like '% Quê %' order by full_name`,
    );
    expect(homes).toEqual([
      { full_name: 'Lò Văn Quê Hai', home_town: 'Thái Bình' },
      { full_name: 'Vũ Thị Quê Một', home_town: 'Hà Nội' },
    ]);
  });

  it('lists a column no field takes with its samples, refuses the commit until it is mapped or skipped, and remembers the skip', async () => {
    const rows = (names: string[]) => [
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Sở thích', 'Chi bộ', 'Ngày vào Đảng'],
      ...names.map((n, i) => [
        n,
        'Nam',
        `0${i + 1}/01/1979`,
        `Cầu lông ${i}`,
        cellLabel,
        '04/05/2011',
      ]),
    ];
    const up = await upload(
      office,
      'members',
      'so thich.xlsx',
      await xlsxOf(rows(['Phan Văn Bỏ Một', 'Phan Văn Bỏ Hai'])),
    );
    const job = up.result as Job;
    expect(job.unmappedColumns).toEqual([
      { column: 3, header: 'Sở thích', samples: ['Cầu lông 0', 'Cầu lông 1'] },
    ]);
    const p = await preview(office, job.id, job.mapping);
    expect((p.result as Job).unmappedColumns).toHaveLength(1);
    const before = await memberCount();
    const refused = await commit(office, job.id);
    expect(refused.result).toBeNull();
    expect(refused.error?.code).toBe('VALIDATION');
    expect(refused.error?.message).toContain('cột D "Sở thích"');
    expect(refused.error?.message).toContain('Chưa ghi gì');
    expect(await memberCount()).toBe(before);

    const skipped = await preview(office, job.id, job.mapping, [3]);
    expect(skipped.result).toMatchObject({ skippedColumns: [3], unmappedColumns: [] });
    const done = await commit(office, job.id);
    expect(done.result).toMatchObject({ created: 2 });

    // The same layout next time: the skip decision comes back with the mapping.
    const again = (
      await upload(office, 'members', 'so thich 2.xlsx', await xlsxOf(rows(['Phan Văn Bỏ Ba'])))
    ).result as Job;
    expect(again).toMatchObject({
      layoutRemembered: true,
      skippedColumns: [3],
      unmappedColumns: [],
    });
  });

  it('finds the cell "Chi bộ Kho" from its TCVN3 spelling "Chi bé Kho", which is also valid Unicode', async () => {
    const established = await office.post('/api/org-units/operations', {
      kind: 'establish',
      parentId: f.committeeId,
      unitKind: 'cell',
      name: 'Chi bộ Kho',
      effectiveDate: '2020-01-02',
      decisionNumber: '17-QĐ/ĐU',
      decisionDate: '2020-01-01',
    });
    expect(established.statusCode, established.body).toBe(200);
    expect(encodeTcvn3('Chi bộ Kho')).toBe('Chi bé Kho');
    const up = await upload(
      office,
      'members',
      'chi bo kho.xlsx',
      await xlsxOf([
        ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng'],
        [encodeTcvn3('Tạ Văn Kho'), 'Nam', '01/06/1980', 'Chi bé Kho', '02/03/2021'],
      ]),
    );
    const job = up.result as Job;
    const p = await preview(office, job.id, job.mapping);
    expect(p.result).toMatchObject({ summary: { valid: 1, errors: 0 } });
    const rows = (await office.get(`/api/imports/${job.id}/rows?filter=converted`)).json() as {
      items: { conversions: { original: string; converted: string }[] }[];
    };
    expect(rows.items[0].conversions).toContainEqual(
      expect.objectContaining({ original: 'Chi bé Kho', converted: 'Chi bộ Kho' }),
    );
    expect((await commit(office, job.id)).result).toMatchObject({ created: 1 });
    const cell = await queryOne<{ name: string }>(
      t.db,
      sql`select o.name from members m join org_units o on o.id = m.org_unit_id where m.full_name = 'Tạ Văn Kho'`,
    );
    expect(cell).toEqual({ name: 'Chi bộ Kho' });
  });

  it('refuses a column both mapped and skipped, in Vietnamese', async () => {
    const up = await upload(
      office,
      'members',
      'vua ghep vua bo.xlsx',
      await xlsxOf([
        ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng'],
        ['Đoàn Văn Hai Lần', 'Nam', '01/01/1975', cellLabel, '01/01/2005'],
      ]),
    );
    const job = up.result as Job;
    const answer = await preview(office, job.id, job.mapping, [0]);
    expect(answer.error?.message).toContain('Họ và tên');
    expect(answer.error?.message).toContain('không thể đồng thời bỏ qua');
  });
});

// Issue 25: the refusal said "Còn 1 dòng có lỗi (dòng 2)" without saying what was wrong.
describe('a refused commit says what is wrong', () => {
  it('names the row and the field of each blocking error', async () => {
    const up = await upload(
      office,
      'members',
      'sai so dien thoai.xlsx',
      await xlsxOf([
        ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Chi bộ', 'Ngày vào Đảng', 'Điện thoại'],
        ['Mai Văn Sai Số', 'Nam', '01/02/1981', cellLabel, '03/04/2010', 'không có'],
      ]),
    );
    const job = up.result as Job;
    expect(job.mapping.phone).toBe(5);
    await preview(office, job.id, job.mapping);
    const done = await commit(office, job.id);
    expect(done.result).toBeNull();
    expect(done.error?.message).toMatch(/dòng 2: Số điện thoại "không có" không hợp lệ/);
  });
});

describe('CSV files', () => {
  it('reads ; separated, quoted, latin1 (TCVN3) bytes and UTF-8 with BOM', async () => {
    const lines = [
      'Họ và tên;Giới tính;Ngày sinh;Chi bộ;Ngày vào Đảng;Ghi chú',
      `Đặng Thị Mai;Nữ;12/03/1992;"${cellLabel.replace('–', '-')}";15/06/2018;"có ""ngoặc"";"`,
    ];
    const latin1 = Buffer.from(encodeTcvn3(`${lines.join('\r\n')}\r\n`), 'latin1');
    const up = await upload(office, 'members', 'ds.csv', latin1);
    expect(up.error).toBeNull();
    const job = up.result as {
      id: number;
      mapping: Record<string, number | null>;
      headerConversions: number;
    };
    expect(job.headerConversions).toBeGreaterThan(0);
    await preview(office, job.id, job.mapping);
    const rows = (await office.get(`/api/imports/${job.id}/rows`)).json().items;
    expect(rows[0].values.fullName).toBe('Đặng Thị Mai');
    expect(rows[0].errors).toEqual([]);

    const utf8 = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        `Họ và tên,Giới tính,Ngày sinh,Chi bộ,Ngày vào Đảng\n"Vũ Thị Lan",Nữ,1/2/1991,"${cellLabel}",1/2/2019\n`,
      ),
    ]);
    const up2 = await upload(office, 'members', 'ds-utf8.csv', utf8);
    const job2 = up2.result as { id: number; mapping: Record<string, number | null> };
    await preview(office, job2.id, job2.mapping);
    const rows2 = (await office.get(`/api/imports/${job2.id}/rows`)).json().items;
    expect(rows2[0].values).toMatchObject({ fullName: 'Vũ Thị Lan', birthDate: '01/02/1991' });
    expect(rows2[0].conversions).toEqual([]);
  });

  it('refuses a file that is not a spreadsheet, and one over the size limit, in Vietnamese', async () => {
    const bad = await upload(office, 'members', 'anh.png', Buffer.from('not a sheet'));
    expect(bad.error?.message).toContain('Chỉ nhận tệp Excel');
    const big = await office.post('/api/imports', {
      kind: 'members',
      fileName: 'to.xlsx',
      contentBase64: 'A'.repeat(36 * 1024 * 1024),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().message).toContain('25 MB');
  });
});

describe('who may import where', () => {
  it('lets only the offices import, and a grassroots office only sees its own jobs', async () => {
    const bithu = await loginAs(t.app, 'bithu');
    const file = await xlsxOf([
      ['Họ và tên', 'Ngày sinh', 'Chi bộ'],
      ['A B', '1/1/1990', 'x'],
    ]);
    const res = await bithu.post('/api/imports', {
      kind: 'members',
      fileName: 'a.xlsx',
      contentBase64: file.toString('base64'),
    });
    expect(res.statusCode).toBe(403);
    const mine = await upload(office, 'members', 'a.xlsx', file);
    const id = (mine.result as { id: number }).id;
    expect((await coso.get(`/api/imports/${id}`)).statusCode).toBe(404);
    expect((await office.get(`/api/imports/${id}`)).statusCode).toBe(200);
  });
});

describe('applicants and events', () => {
  it('imports applicants into the cell and events through the member timeline', async () => {
    const applicants = await xlsxOf([
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Chi bộ', 'Giáo dục phổ thông', 'Nguồn'],
      ['Bùi Quang Vinh', 'Nam', '02/09/1998', '020198000777', cellLabel, '12/12', 'Đoàn viên'],
    ]);
    const up = await upload(office, 'applicants', 'qc.xlsx', applicants);
    const job = up.result as { id: number; mapping: Record<string, number | null> };
    await preview(office, job.id, job.mapping);
    const done = await commit(office, job.id);
    expect(done.result).toMatchObject({ created: 1 });
    const a = await queryOne<{ org_unit_id: number; status: string }>(
      t.db,
      sql`select org_unit_id, status from applicants where citizen_id = '020198000777'`,
    );
    expect(a).toEqual({ org_unit_id: f.cellId, status: 'in_progress' });

    const m = await queryOne<{
      id: number;
      full_name: string;
      birth_date: string;
      citizen_id: string | null;
    }>(
      t.db,
      sql`select id, full_name, birth_date, citizen_id from members where org_unit_id = ${f.cellId} and status = 'full' order by id limit 1`,
    );
    const d = m!.birth_date.split('-').reverse().join('/');
    const events = await xlsxOf([
      ['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Sự kiện', 'Ngày sự kiện', 'Chi bộ'],
      [m!.full_name, d, m!.citizen_id ?? '', 'Miễn công tác và sinh hoạt', '01/03/2026', ''],
      [m!.full_name, d, m!.citizen_id ?? '', 'Thôi miễn sinh hoạt', '01/02/2026', ''],
    ]);
    const upE = await upload(office, 'events', 'bien dong.xlsx', events);
    const jobE = upE.result as { id: number; mapping: Record<string, number | null> };
    await preview(office, jobE.id, jobE.mapping);
    const rows = (await office.get(`/api/imports/${jobE.id}/rows`)).json().items;
    expect(rows[1].errors.join(' ')).toContain('không đang được miễn sinh hoạt');
    expect((await commit(office, jobE.id)).error?.message).toContain('Chưa ghi gì');
    const ok = await commit(office, jobE.id, { excludedRows: [rows[1].rowNumber] });
    expect(ok.result).toMatchObject({ created: 1 });
    const after = await queryOne<{ status: string }>(
      t.db,
      sql`select status from members where id = ${m!.id}`,
    );
    expect(after!.status).toBe('exempted');
    expect(await readOrgMemberCounts(t.db, f.cellId)).toEqual(
      await scanOrgMemberCounts(t.db, f.cellId),
    );
  });
});

describe('the blank template of each import (issue 21)', () => {
  it('downloads from the import page; filled and uploaded back, every column maps by itself', async () => {
    for (const kind of ['members', 'applicants', 'events'] as const) {
      const res = await coso.get(`/api/imports/templates/${kind}`);
      expect(res.statusCode, kind).toBe(200);
      expect(res.headers['content-disposition']).toContain(`mau-nhap-${kind}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Mẫu nhập', 'Hướng dẫn']);
      const sheet = wb.getWorksheet('Mẫu nhập')!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(headers[0]).toBe('STT');
      // One member written on the template, as an office fills it.
      if (kind === 'members') {
        const value: Record<string, unknown> = {
          'Họ và tên': 'Đinh Thị Mẫu',
          'Giới tính': 'Nữ',
          'Ngày sinh': '12/08/1991',
          'Số CCCD': '020191000777',
          'Dân tộc': 'Tày',
          'Chi bộ': cellLabel,
          'Ngày vào Đảng': '19/05/2018',
          'Ngày chính thức': '19/05/2019',
        };
        sheet.addRow(headers.map((h, i) => (i === 0 ? 1 : (value[h] ?? null))));
      }
      const up = await upload(
        coso,
        kind,
        `mau-nhap-${kind}.xlsx`,
        Buffer.from(await wb.xlsx.writeBuffer()),
      );
      expect(up.error, kind).toBeNull();
      const job = up.result as {
        id: number;
        headerRow: number;
        mapping: Record<string, number | null>;
      };
      expect(job.headerRow, kind).toBe(1);
      const unmapped = Object.entries(job.mapping).filter(([, col]) => col === null);
      expect(unmapped, kind).toEqual([]);
      if (kind === 'members') {
        const p = await preview(coso, job.id, job.mapping);
        expect((p.result as { summary: Record<string, number> }).summary).toMatchObject({
          total: 1,
          valid: 1,
          errors: 0,
        });
      }
    }
    // Only those who import may download it.
    const member = await loginAs(t.app, 'dangvien');
    expect((await member.get('/api/imports/templates/members')).statusCode).toBe(403);
  });
});
