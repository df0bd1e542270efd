// The printed forms generated from the demo bloc and read back (docs/domain/forms.md): the DOCX's
// text and layout (word/document.xml: page size and orientation, table cells, the header "ĐẢNG CỘNG
// SẢN VIỆT NAM", the member's fields), the scope (out of scope is "not found"), the audit record, and
// the PDF LibreOffice makes of it when it is installed.
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from '../../../domain/text/vietnamese';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures, editableFields } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { findSoffice } from '../reports';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;
let cellOffice: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
  cellOffice = await loginAs(t.app, 'coso');
});
afterAll(async () => t.close());

/** word/document.xml of a DOCX, and its text with the tags taken out. */
export const readDocx = async (file: Buffer) => {
  const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((m) =>
    m[0].replace(/<[^>]+>/g, ''),
  );
  /** The text of each table row's cells, for every table. */
  const rows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map((r) =>
    [...r[0].matchAll(/<w:tc>.*?<\/w:tc>/gs)].map((c) => c[0].replace(/<[^>]+>/g, '')),
  );
  return { xml, text: paragraphs.join('\n'), rows };
};

const download = async (session: Session, url: string) => {
  const res = await session.get(url);
  return { status: res.statusCode, body: res.rawPayload, headers: res.headers, json: res };
};

const lastAudit = () =>
  queryOne<{
    action: string;
    entity_type: string;
    entity_id: string | null;
    meta: { form: string };
  }>(
    t.db,
    sql`select action, entity_type, entity_id, meta from audit_log order by id desc limit 1`,
  );

const pdfText = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
const hasPdfTools = (() => {
  try {
    execFileSync('which', ['pdftotext']);
    return Boolean(findSoffice());
  } catch {
    return false;
  }
})();

describe('danh sách trích ngang (the filtered member list as a landscape table)', () => {
  it('prints exactly the filtered list, landscape, with the Party header and one row per member', async () => {
    const res = await download(
      office,
      `/api/forms/members/trich-ngang?orgUnitId=${f.cellId}&purpose=${encodeURIComponent('Rà soát đảng viên')}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(/danh-sach-trich-ngang-.*\.docx/);
    const doc = await readDocx(res.body);
    // Landscape A4: the page is wider than tall.
    expect(doc.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(doc.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(doc.text).toContain('DANH SÁCH TRÍCH NGANG ĐẢNG VIÊN');
    const header = doc.rows.find((r) => r[0] === 'STT');
    expect(header).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Quê quán',
      'Ngày vào Đảng',
      'Ngày chính thức',
      'Chức vụ',
      'Chi bộ',
      'Lý luận chính trị',
      'Ghi chú',
    ]);
    const listed = (await office.get(`/api/members?orgUnitId=${f.cellId}&pageSize=100`)).json();
    const body = doc.rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body.length).toBe(listed.total);
    // Same members, same order as the page (name order), with their dates as the list shows them.
    const first = listed.items[0];
    expect(body[0]!.slice(0, 4)).toEqual([
      '1',
      first.fullName,
      formatDate(first.birthDate),
      first.sex === 'male' ? 'Nam' : 'Nữ',
    ]);
    expect(body[0]![5]).toBe(formatDate(first.admittedOn));
    expect(doc.text).toContain(`Tổng số: ${listed.total} đảng viên.`);
    expect(await lastAudit()).toMatchObject({
      action: 'member.export',
      entity_type: 'member',
      meta: { form: 'trich-ngang' },
    });
  });

  it('follows the filters (women only) and refuses a unit outside the subtree as not found', async () => {
    const res = await download(
      office,
      `/api/forms/members/trich-ngang?orgUnitId=${f.committeeId}&sex=female&purpose=${encodeURIComponent('Danh sách nữ')}`,
    );
    const doc = await readDocx(res.body);
    const body = doc.rows.filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((r) => r[3] === 'Nữ')).toBe(true);
    expect(doc.text).toContain('(Nữ)');
    const outside = await cellOffice.get(
      `/api/forms/members/trich-ngang?orgUnitId=${f.otherCommitteeId}&purpose=${encodeURIComponent('thử phạm vi')}`,
    );
    expect(outside.statusCode).toBe(404);
  });

  it.skipIf(!hasPdfTools)(
    'renders to a PDF that holds the header and the names (LibreOffice)',
    async () => {
      const res = await download(
        office,
        `/api/forms/members/trich-ngang?orgUnitId=${f.cellId}&format=pdf&purpose=${encodeURIComponent('In danh sách')}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(res.body);
      expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(text).toContain('DANH SÁCH TRÍCH NGANG ĐẢNG VIÊN');
      const total = (await office.get(`/api/members?orgUnitId=${f.cellId}&pageSize=1`)).json()
        .total;
      expect(text.replace(/\s+/g, ' ')).toContain(`Tổng số: ${total} đảng viên.`);
    },
  );
});

describe('phiếu đảng viên (2-HSĐV) and lý lịch đảng viên (1-HSĐV) from the member record', () => {
  const memberRow = () =>
    queryOne<{ full_name: string; birth_date: string; home_town: string | null }>(
      t.db,
      sql`select full_name, birth_date, home_town from members where id = ${f.memberInCell.id}`,
    );

  it('prints the phiếu with the member fields, the numbers in boxes and an empty 3×4 photo frame', async () => {
    const m = (await memberRow())!;
    const res = await download(office, `/api/forms/members/${f.memberInCell.id}/phieu`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/phieu-dang-vien-.*\.docx/);
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('Mẫu 2-HSĐV');
    expect(doc.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(doc.text).toContain('PHIẾU ĐẢNG VIÊN');
    expect(doc.text).toContain(
      `01. Họ và tên đang dùng: ${m.full_name.toLocaleUpperCase('vi-VN')}`,
    );
    expect(doc.text).toContain(`05. Sinh ngày: ${formatDate(m.birth_date)}`);
    if (m.home_town) expect(doc.text).toContain(`07. Quê quán: ${m.home_town}`);
    // The photo frame: one cell, 3 × 4 cm (1701 × 2268 twips), "Ảnh 3x4" when there is no photo.
    expect(doc.rows.some((r) => r.length === 1 && r[0] === 'Ảnh 3x4')).toBe(true);
    expect(doc.xml).toMatch(/<w:trHeight w:val="2268" w:hRule="exact"\/>/);
    expect(doc.text).toMatch(/Số thẻ đảng viên: (\[.{1,2}\]){8}/);
    // The office has need-to-know: ethnicity is printed.
    expect(doc.text).not.toContain('Không in: thông tin hạn chế');
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      entity_type: 'member',
      entity_id: String(f.memberInCell.id),
      meta: { form: 'phieu-dang-vien' },
    });
  });

  it('prints the lý lịch (cover, items 01–22, work history table, family) and hides sensitive items from a secretary', async () => {
    const res = await download(office, `/api/forms/members/${f.memberInCell.id}/ly-lich`);
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('Mẫu 1-HSĐV');
    expect(doc.text).toContain('LÝ LỊCH ĐẢNG VIÊN');
    expect(doc.text).toContain('14. Ngày và nơi kết nạp vào Đảng');
    expect(doc.text).toContain('CHỨNG NHẬN CỦA CẤP ỦY CƠ SỞ');
    expect(doc.rows.some((r) => r[0] === 'Từ tháng, năm đến tháng, năm')).toBe(true);
    expect(doc.rows.some((r) => r[0] === 'Quan hệ')).toBe(true);
    const secretary = await loginAs(t.app, 'bithu');
    const hidden = await readDocx(
      (await download(secretary, `/api/forms/members/${f.memberInCell.id}/ly-lich`)).body,
    );
    expect(hidden.text).toContain('09. Dân tộc: Không in: thông tin hạn chế');
    expect(hidden.rows.some((r) => r[0] === 'Quan hệ')).toBe(false);
  });

  it('answers "not found" for a member outside the subtree', async () => {
    const res = await cellOffice.get(`/api/forms/members/${f.memberElsewhere.id}/phieu`);
    expect(res.statusCode).toBe(404);
  });

  it.skipIf(!hasPdfTools)('renders the phiếu to a one-page PDF with the member name', async () => {
    const m = (await memberRow())!;
    const res = await download(office, `/api/forms/members/${f.memberInCell.id}/phieu?format=pdf`);
    const text = pdfText(res.body);
    expect(text).toContain('PHIẾU ĐẢNG VIÊN');
    expect(text).toContain(m.full_name.toLocaleUpperCase('vi-VN'));
    expect(text).toContain('Ảnh 3x4');
    // One page, signatures included (pdftotext ends each page with a form feed).
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('T/M ĐẢNG ỦY');
  });
});

describe("phiếu bổ sung hồ sơ đảng viên (3-HSĐV ❓): last year's record and the year's changes", () => {
  // Hướng dẫn 12-HD/BTCTW: each member adds the year's changes to the dossier on this sheet; the
  // office prints it prefilled from what the system recorded (docs/domain/forms.md).
  it('prints for a member who changed cell during a year: the cell on 31/12 of the year before and the transfer', async () => {
    const moved = (await queryOne<{
      member_id: number;
      full_name: string;
      year: number;
      prev_cell: string;
      new_cell: string;
    }>(
      t.db,
      sql`select e.member_id, m.full_name, extract(year from e.event_date)::int as year,
            coalesce((select h.name from org_unit_history h where h.org_unit_id = po.id
               and h.valid_from <= make_date(extract(year from e.event_date)::int - 1, 12, 31)
               order by h.valid_from desc, h.id desc limit 1), po.name) as prev_cell,
            coalesce((select h.name from org_unit_history h where h.org_unit_id = no.id
               and h.valid_from <= e.event_date order by h.valid_from desc, h.id desc limit 1),
               no.name) as new_cell
          from member_events e join members m on m.id = e.member_id
          join member_periods p on p.member_id = e.member_id
            and p.valid_from <= make_date(extract(year from e.event_date)::int - 1, 12, 31)
            and (p.valid_to is null or p.valid_to > make_date(extract(year from e.event_date)::int - 1, 12, 31))
          join org_units po on po.id = p.org_unit_id
          join org_units no on no.id = e.org_unit_id
          join org_units o on o.id = m.org_unit_id
          where e.kind = 'moved' and p.org_unit_id <> e.org_unit_id
            and extract(year from e.event_date) < extract(year from current_date)
            and o.path <@ (select path from org_units where id = ${f.upperId})
          order by e.id limit 1`,
    ))!;
    expect(moved).toBeTruthy();
    const res = await download(
      office,
      `/api/forms/members/${moved.member_id}/phieu-bo-sung?year=${moved.year}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`phieu-bo-sung-ho-so-${moved.year}-.*\\.docx`),
    );
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('Mẫu 3-HSĐV');
    expect(doc.text).toContain('PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN');
    expect(doc.text).toContain(`Năm ${moved.year}`);
    expect(doc.text).toContain(
      `Họ và tên đang dùng: ${moved.full_name.toLocaleUpperCase('vi-VN')}`,
    );
    // Last year's cell, as of 31/12 of the year before.
    expect(doc.text).toContain(`I. TÌNH HÌNH ĐẾN NGÀY 31/12/${moved.year - 1}`);
    expect(doc.text).toContain(`Sinh hoạt tại chi bộ: ${moved.prev_cell}`);
    // The transfer of the year, from the cell left to the cell joined.
    expect(doc.text).toContain(`II. NHỮNG THAY ĐỔI TRONG NĂM ${moved.year}`);
    expect(doc.text).toMatch(
      new RegExp(`Chuyển sinh hoạt trong Đảng bộ từ ${moved.prev_cell}.* đến ${moved.new_cell}`),
    );
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      entity_type: 'member',
      entity_id: String(moved.member_id),
      meta: { form: 'phieu-bo-sung-ho-so', year: moved.year },
    });
  });

  it('defaults to the last full year, and shows a position change recorded during it', async () => {
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
        .format(new Date())
        .slice(0, 4),
    );
    const res = await download(office, `/api/forms/members/${f.memberInCell.id}/phieu-bo-sung`);
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(doc.text).toContain(`Năm ${year - 1}`);
    // A new position recorded this year: this year's sheet shows the old one as of 31/12 of last
    // year and the change, dated the day it was recorded.
    const m = (await office.get(`/api/members/${f.memberInCell.id}`)).json();
    const oldPosition = m.position;
    const put = await office.put(`/api/members/${m.id}`, {
      ...editableFields(m),
      position: 'Phó Trưởng khoa Nội',
    });
    expect(put.statusCode).toBe(200);
    const now = await readDocx(
      (await download(office, `/api/forms/members/${m.id}/phieu-bo-sung?year=${year}`)).body,
    );
    const before = now.text.split('II. NHỮNG THAY ĐỔI')[0]!;
    expect(before).not.toContain('Phó Trưởng khoa Nội');
    if (oldPosition) expect(before).toContain(oldPosition);
    expect(now.text).toMatch(/- \d{2}\/\d{2}\/\d{4}: Chức vụ: .* → Phó Trưởng khoa Nội/);
    // A year not begun is refused.
    const future = await office.get(
      `/api/forms/members/${f.memberInCell.id}/phieu-bo-sung?year=${year + 1}`,
    );
    expect(future.statusCode).toBe(400);
  });

  it('hides discipline from a role without need-to-know', async () => {
    const secretary = await loginAs(t.app, 'bithu');
    const doc = await readDocx(
      (await download(secretary, `/api/forms/members/${f.memberInCell.id}/phieu-bo-sung`)).body,
    );
    expect(doc.text).toMatch(/7\. Kỷ luật:\nKhông in: thông tin hạn chế/);
  });

  it('answers "not found" for a member outside the subtree', async () => {
    const res = await cellOffice.get(`/api/forms/members/${f.memberElsewhere.id}/phieu-bo-sung`);
    expect(res.statusCode).toBe(404);
  });
});

describe('phiếu bổ sung hồ sơ of a whole cell: one sheet per member on 31/12, each on a new page', () => {
  const year =
    Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
        .format(new Date())
        .slice(0, 4),
    ) - 1;
  /** The cell's members on 31/12 of the year, read here on their own, in the member list's order. */
  const rollOf = (cellId: number) =>
    queryRows<{ id: number; full_name: string }>(
      t.db,
      sql`select m.id, m.full_name from members m
          where exists (select 1 from member_periods p where p.member_id = m.id
            and p.org_unit_id = ${cellId}
            and p.status in ('probationary', 'full', 'exempted', 'suspended')
            and p.valid_from <= ${`${year}-12-31`}
            and (p.valid_to is null or p.valid_to > ${`${year}-12-31`}))
          order by m.given_name collate "vi", m.full_name collate "vi", m.id`,
    );
  const count = (text: string, part: string) => text.split(part).length - 1;

  it("prints every member of the cell on 31/12 of the year, in the list's name order, each sheet its own page", async () => {
    const roll = await rollOf(f.cellId);
    expect(roll.length).toBeGreaterThan(1);
    const res = await download(office, `/api/forms/cells/${f.cellId}/phieu-bo-sung?year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`phieu-bo-sung-ho-so-${year}-.*\\.docx`),
    );
    const doc = await readDocx(res.body);
    // As many sheets as members, each with its own title, year and the member's name.
    expect(count(doc.text, 'PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN')).toBe(roll.length);
    expect(count(doc.text, 'Mẫu 3-HSĐV')).toBe(roll.length);
    expect(count(doc.text, `I. TÌNH HÌNH ĐẾN NGÀY 31/12/${year - 1}`)).toBe(roll.length);
    const at = roll.map((m) =>
      doc.text.indexOf(`Họ và tên đang dùng: ${m.full_name.toLocaleUpperCase('vi-VN')}`),
    );
    for (const i of at) expect(i).toBeGreaterThanOrEqual(0);
    // In the order of the member list (given name first).
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // One section per sheet: a section break (next page, the default: no "continuous" type)
    // after each sheet, so every sheet starts on a new page of A4 portrait.
    expect(count(doc.xml, '<w:sectPr')).toBe(roll.length);
    expect(doc.xml).not.toMatch(/<w:type w:val="(continuous|nextColumn)"/);
    expect(count(doc.xml, '<w:pgSz w:w="11906" w:h="16838"')).toBe(roll.length);
    // Each sheet's body sits between two section breaks: the sheet's title stands once in each.
    const sections = doc.xml.split(/<w:sectPr[ >].*?<\/w:sectPr>/s).slice(0, roll.length);
    for (const [i, part] of sections.entries()) {
      const text = part.replace(/<[^>]+>/g, '');
      expect(count(text, 'PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN')).toBe(1);
      expect(text).toContain(roll[i]!.full_name);
    }
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      action: 'form.export',
      entity_type: 'org_unit',
      entity_id: String(f.cellId),
      meta: {
        form: 'phieu-bo-sung-ho-so-chi-bo',
        year,
        asOf: `${year}-12-31`,
        members: roll.length,
        memberIds: roll.map((m) => m.id),
        sensitive: true,
      },
    });
  });

  it('hides discipline on every sheet from a cell secretary, who prints their own cell', async () => {
    const roll = await rollOf(f.cellId);
    const secretary = await loginAs(t.app, 'bithu');
    const res = await download(
      secretary,
      `/api/forms/cells/${f.cellId}/phieu-bo-sung?year=${year}`,
    );
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(count(doc.text, 'Không in: thông tin hạn chế')).toBe(roll.length);
    expect((await lastAudit())?.meta).toMatchObject({ sensitive: false });
  });

  it("answers 404 for another unit's cell, 400 for a year not begun and for a unit that is not a cell", async () => {
    const secretary = await loginAs(t.app, 'bithu');
    const sibling = await secretary.get(`/api/forms/cells/${f.siblingCellId}/phieu-bo-sung`);
    expect(sibling.statusCode).toBe(404);
    const elsewhere = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from org_units where kind = 'cell'
          and path <@ (select path from org_units where id = ${f.otherCommitteeId}) limit 1`,
    ))!;
    expect(
      (await cellOffice.get(`/api/forms/cells/${elsewhere.id}/phieu-bo-sung`)).statusCode,
    ).toBe(404);
    const future = await office.get(`/api/forms/cells/${f.cellId}/phieu-bo-sung?year=${year + 2}`);
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain(`Năm ${year + 2} chưa bắt đầu`);
    const committee = await office.get(`/api/forms/cells/${f.committeeId}/phieu-bo-sung`);
    expect(committee.statusCode).toBe(400);
    expect(committee.json().message).toContain('chọn một chi bộ');
  });

  it.skipIf(!hasPdfTools)(
    "renders the cell's sheets to one PDF, a page or more per member",
    async () => {
      const roll = await rollOf(f.cellId);
      const res = await download(
        office,
        `/api/forms/cells/${f.cellId}/phieu-bo-sung?year=${year}&format=pdf`,
      );
      expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(res.body);
      expect(text.split('PHIẾU BỔ SUNG HỒ SƠ ĐẢNG VIÊN').length - 1).toBe(roll.length);
      // pdftotext ends each page with a form feed: at least one page per sheet.
      expect(text.split('\f').length - 1).toBeGreaterThanOrEqual(roll.length);
    },
  );
});

describe('giấy giới thiệu sinh hoạt đảng from a recorded transfer (with its counterfoil)', () => {
  it('prints the letter and the cuống with the recorded letter number, the destination and the member', async () => {
    const e = (await queryOne<{
      id: number;
      member_id: number;
      number: string;
      external_org: string;
      full_name: string;
    }>(
      t.db,
      sql`select e.id, e.member_id, coalesce(e.letter_number, e.decision_number) as number,
            e.external_org, m.full_name
          from member_events e join members m on m.id = e.member_id
          join org_units o on o.id = m.org_unit_id
          where e.kind = 'transferred_out' and e.external_org is not null
            and o.path <@ (select path from org_units where id = ${f.committeeId})
          order by e.id limit 1`,
    ))!;
    const res = await download(
      cellOffice,
      `/api/forms/members/${e.member_id}/events/${e.id}/giay-gioi-thieu`,
    );
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('CUỐNG GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG');
    expect(doc.text).toContain('SINH HOẠT ĐẢNG CHÍNH THỨC');
    expect(doc.text).toContain('Mẫu 1-SHĐ');
    expect(doc.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    // The same recorded number on the counterfoil and on the letter.
    expect(doc.text.split(`Số ${e.number} GTSHĐ`).length - 1).toBe(2);
    expect(doc.text).toContain(`Kính gửi: ${e.external_org}`);
    expect(doc.text).toContain(`Đề nghị giới thiệu sinh hoạt đảng cho đồng chí: ${e.full_name}`);
    expect(doc.text).toContain('(cắt theo đường này)');
    expect(doc.text).toContain('ĐẢNG ỦY SỞ Y TẾ');
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      meta: { form: 'giay-gioi-thieu' },
    });
  });

  it('refuses an event that is not a transfer out, and a member outside the subtree as not found', async () => {
    const admitted = (await queryOne<{ id: number }>(
      t.db,
      sql`select id from member_events where member_id = ${f.memberInCell.id} and kind = 'admitted' limit 1`,
    ))!;
    const res = await office.get(
      `/api/forms/members/${f.memberInCell.id}/events/${admitted.id}/giay-gioi-thieu`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('chuyển sinh hoạt đảng đi');
    const outside = (await queryOne<{ id: number; member_id: number }>(
      t.db,
      sql`select e.id, e.member_id from member_events e join members m on m.id = e.member_id
          where m.id = ${f.memberElsewhere.id} limit 1`,
    ))!;
    const hidden = await cellOffice.get(
      `/api/forms/members/${outside.member_id}/events/${outside.id}/giay-gioi-thieu`,
    );
    expect(hidden.statusCode).toBe(404);
  });
});

describe('quyết định kết nạp (9-KNĐ) and công nhận chính thức (16-KNĐ) from the recorded steps', () => {
  const applicantWith = (step: string) =>
    queryOne<{ id: number; full_name: string; org_unit_id: number }>(
      t.db,
      sql`select a.id, a.full_name, a.org_unit_id from applicants a join org_units o on o.id = a.org_unit_id
          where o.path <@ (select path from org_units where id = ${f.upperId})
            and exists (select 1 from recruitment_steps s where s.applicant_id = a.id
                          and s.step = ${step} and s.outcome = 'passed')
          order by a.id limit 1`,
    );

  it('drafts the admission decision: header, grounds from the cell resolution, Điều 1 with the person', async () => {
    const a = (await applicantWith('cell_vote'))!;
    const vote = (await queryOne<{ step_date: string }>(
      t.db,
      sql`select step_date from recruitment_steps where applicant_id = ${a.id} and step = 'cell_vote'
          and outcome = 'passed' order by step_date desc limit 1`,
    ))!;
    const res = await download(office, `/api/forms/applicants/${a.id}/ket-nap`);
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(doc.text).toContain('Mẫu 9-KNĐ');
    expect(doc.text).toContain('kết nạp đảng viên');
    expect(doc.text).toContain(`Xét Nghị quyết ngày ${formatDate(vote.step_date)}`);
    expect(doc.text).toMatch(new RegExp(`Điều 1\\. Kết nạp (ông|bà) ${a.full_name}, sinh ngày`));
    // The bloc's standing committee decides (the bloc is today's "Đảng bộ các cơ quan Đảng tỉnh").
    expect(doc.text).toContain('BAN THƯỜNG VỤ ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH LẠNG SƠN');
    expect(doc.text).toContain('T/M BAN THƯỜNG VỤ');
    expect(doc.text).toContain('Nơi nhận:');
  });

  it('drafts the recognition decision with full membership 12 months after the ceremony', async () => {
    const a = (await applicantWith('recognition_cell_vote'))!;
    const ceremony = (await queryOne<{ step_date: string }>(
      t.db,
      sql`select step_date from recruitment_steps where applicant_id = ${a.id} and step = 'ceremony'
          and outcome = 'passed' order by step_date desc limit 1`,
    ))!;
    const doc = await readDocx(
      (await download(office, `/api/forms/applicants/${a.id}/cong-nhan`)).body,
    );
    expect(doc.text).toContain('Mẫu 16-KNĐ');
    const [y, m, d] = ceremony.step_date.split('-');
    expect(doc.text).toContain(
      `vào Đảng ngày ${d}/${m}/${y}, là đảng viên chính thức kể từ ngày ${d}/${m}/${Number(y) + 1}`,
    );
  });

  it('refuses a decision before the cell has voted, and an applicant outside the subtree', async () => {
    const fresh = (
      await office.post('/api/recruitment/applicants', {
        orgUnitId: f.cellId,
        fullName: 'Nông Văn Quyền',
        sex: 'male',
        birthDate: '1999-05-06',
      })
    ).json().id as number;
    const early = await office.get(`/api/forms/applicants/${fresh}/ket-nap`);
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toContain('6-KNĐ');
    const outside = await cellOffice.get(`/api/forms/applicants/${fresh}/ket-nap`);
    expect(outside.statusCode).toBe(400); // the cell is inside Sở Y tế: reached, refused by the rule
    const elsewhere = (await queryOne<{ id: number }>(
      t.db,
      sql`select a.id from applicants a join org_units o on o.id = a.org_unit_id
          where o.path <@ (select path from org_units where id = ${f.otherCommitteeId}) limit 1`,
    ))!;
    expect((await cellOffice.get(`/api/forms/applicants/${elsewhere.id}/ket-nap`)).statusCode).toBe(
      404,
    );
  });
});

describe('biên bản sinh hoạt chi bộ from a recorded meeting', () => {
  /** A cell meeting of the demo cell with an absentee and a decision recorded. */
  const cellMeeting = () =>
    queryOne<{ id: number; held_on: string; title: string; agenda: string | null }>(
      t.db,
      sql`select m.id, m.held_on, m.title, m.agenda from meetings m
          where m.org_unit_id = ${f.cellId} and m.kind = 'cell_regular'
            and exists (select 1 from meeting_attendance a where a.meeting_id = m.id and not a.present)
            and exists (select 1 from meeting_decisions d where d.meeting_id = m.id and d.owner is not null)
          order by m.held_on desc limit 1`,
    );

  it('prints the cell header, the title, the attendance with the absentees and reasons, the decisions and both signature blocks', async () => {
    const m = (await cellMeeting())!;
    const detail = (await cellOffice.get(`/api/meetings/${m.id}`)).json();
    const res = await download(cellOffice, `/api/forms/meetings/${m.id}/bien-ban`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`bien-ban-sinh-hoat-chi-bo-${m.held_on}\\.docx`),
    );
    const doc = await readDocx(res.body);
    expect(doc.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    // The issuer is the cell that met (upper case), its grassroots committee above it.
    expect(doc.text).toContain(detail.orgUnitName.toLocaleUpperCase('vi-VN'));
    expect(doc.text).toContain('BIÊN BẢN SINH HOẠT CHI BỘ');
    expect(doc.text).not.toContain('CHUYÊN ĐỀ');
    const [y, mo] = m.held_on.split('-');
    expect(doc.text).toContain(`Tháng ${mo} năm ${y}`);
    expect(doc.text).toContain(`ngày ${formatDate(m.held_on)}`);
    // Attendance as recorded: present and absent counts, each absentee with the reason.
    const present = detail.attendance.filter((a: { present: boolean }) => a.present);
    const absent = detail.attendance.filter((a: { present: boolean }) => !a.present);
    expect(doc.text).toContain(`Số đảng viên có mặt: ${present.length} đồng chí.`);
    expect(doc.text).toContain(`Số đảng viên vắng mặt: ${absent.length} đồng chí`);
    for (const a of absent)
      expect(doc.text).toContain(`Đồng chí ${a.fullName} (${a.absenceReason});`);
    expect(doc.text).toContain('Vắng mặt không có lý do: 0 đồng chí.');
    expect(doc.text).toContain('Chủ trì: đồng chí ……');
    expect(doc.text).toContain('Thư ký: đồng chí ……');
    // The decisions with owner and deadline.
    expect(doc.text).toContain('III. KẾT LUẬN, NGHỊ QUYẾT');
    for (const [i, d] of detail.decisions.entries()) {
      expect(doc.text).toContain(`${i + 1}. ${d.text}`);
      if (d.owner) expect(doc.text).toContain(`Người (bộ phận) thực hiện: ${d.owner}`);
      if (d.deadline) expect(doc.text).toContain(`thời hạn: ${formatDate(d.deadline)}`);
    }
    expect(doc.text).toContain('kết thúc hồi');
    // "THƯ KÝ" on the left, "CHỦ TRÌ" on the right of the last table.
    const signatures = doc.rows.at(-1)!;
    expect(signatures[0]).toBe('THƯ KÝ');
    expect(signatures[1]).toBe('CHỦ TRÌ');
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      entity_type: 'meeting',
      entity_id: String(m.id),
      meta: { form: 'bien-ban-sinh-hoat' },
    });
  });

  it('names an absence recorded "Không lý do" as without reason, titles a thematic meeting and a conference', async () => {
    const roster = (
      await office.get(`/api/meetings/roster?orgUnitId=${f.cellId}&date=2026-01-20`)
    ).json().members as { memberId: number; fullName: string }[];
    const created = await office.post('/api/meetings', {
      orgUnitId: f.cellId,
      kind: 'cell_thematic',
      heldOn: '2026-01-20',
      title: 'Sinh hoạt chuyên đề: nêu gương của cán bộ, đảng viên',
      agenda: '1. Quán triệt chuyên đề\n2. Liên hệ bản thân',
      attendance: roster.map((r, i) => ({
        memberId: r.memberId,
        present: i !== 0,
        absenceReason: i === 0 ? 'Không lý do' : null,
      })),
      decisions: [{ text: 'Mỗi đảng viên đăng ký một việc làm nêu gương', owner: 'Các đảng viên' }],
    });
    expect(created.statusCode).toBe(200);
    const doc = await readDocx(
      (await download(office, `/api/forms/meetings/${created.json().id}/bien-ban`)).body,
    );
    expect(doc.text).toContain('BIÊN BẢN SINH HOẠT CHI BỘ CHUYÊN ĐỀ');
    expect(doc.text).toContain('Vắng mặt không có lý do: 1 đồng chí:');
    expect(doc.text).toContain(`Đồng chí ${roster[0]!.fullName};`);
    expect(doc.text).toContain('1. Quán triệt chuyên đề');
    expect(doc.text).toContain('thời hạn: ……');
    const conference = (await queryOne<{
      id: number;
      invited_count: number;
      present_count: number;
    }>(
      t.db,
      sql`select id, invited_count, present_count from meetings
          where org_unit_id in (${f.committeeId}, ${f.upperId})
            and kind not in ('cell_regular', 'cell_thematic')
          order by held_on desc, id limit 1`,
    ))!;
    const conf = await readDocx(
      (await download(office, `/api/forms/meetings/${conference.id}/bien-ban`)).body,
    );
    expect(conf.text).toContain('BIÊN BẢN HỘI NGHỊ');
    expect(conf.text).toContain(
      `Số đại biểu được triệu tập: ${conference.invited_count} đồng chí.`,
    );
    expect(conf.text).toContain(`Số đại biểu có mặt: ${conference.present_count} đồng chí.`);
  });

  it('answers "not found" for a meeting outside the subtree', async () => {
    const elsewhere = (await queryOne<{ id: number }>(
      t.db,
      sql`select m.id from meetings m join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${f.otherCommitteeId}) limit 1`,
    ))!;
    expect((await cellOffice.get(`/api/forms/meetings/${elsewhere.id}/bien-ban`)).statusCode).toBe(
      404,
    );
  });

  it.skipIf(!hasPdfTools)('renders the minutes to a PDF with the title', async () => {
    const m = (await cellMeeting())!;
    const res = await download(office, `/api/forms/meetings/${m.id}/bien-ban?format=pdf`);
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(res.body)).toContain('BIÊN BẢN SINH HOẠT CHI BỘ');
  });
});

describe('sổ thu đảng phí of a cell and the summary of its grassroots organisation', () => {
  const year = 2026;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  /** The dues page's sheet of a cell for a month (/dang-phi): the figures the forms must repeat. */
  const sheet = async (orgUnitId: number, month: string) =>
    (await office.get(`/api/lifecycle/dues?orgUnitId=${orgUnitId}&month=${month}`)).json() as {
      rows: { memberId: number; fullName: string; paid: number | null }[];
      totalDue: number;
      totalPaid: number;
    };
  const money = (v: number) => formatNumber(v);

  it("prints the cell's book: landscape, one row per member and month, each month's totals as the dues page gives them", async () => {
    const res = await download(office, `/api/forms/dues/so-thu?orgUnitId=${f.cellId}&year=${year}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/so-thu-dang-phi-.*\.docx/);
    const doc = await readDocx(res.body);
    expect(doc.xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(doc.text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(doc.text).toContain('SỔ THU ĐẢNG PHÍ');
    expect(doc.text).toContain(`Năm ${year}`);
    expect(doc.rows.find((r) => r[0] === 'STT')).toEqual([
      'STT',
      'Họ và tên đảng viên',
      ...months.map((m) => `T${Number(m.slice(5))}`),
      'Cộng',
    ]);
    const sheets = await Promise.all(months.map((m) => sheet(f.cellId, m)));
    const paidRow = doc.rows.find((r) => r[1] === 'Cộng đã thu')!;
    const dueRow = doc.rows.find((r) => r[1] === 'Phải thu')!;
    expect(paidRow.slice(2, 14)).toEqual(sheets.map((s) => money(s.totalPaid)));
    expect(dueRow.slice(2, 14)).toEqual(sheets.map((s) => money(s.totalDue)));
    const paidTotal = sheets.reduce((s, x) => s + x.totalPaid, 0);
    expect(paidTotal).toBeGreaterThan(0);
    expect(paidRow[14]).toBe(money(paidTotal));
    // A member's payment of a month stands in that month's column of their row.
    const monthIndex = sheets.findIndex((s) => s.rows.some((r) => r.paid !== null));
    const payer = sheets[monthIndex]!.rows.find((r) => r.paid !== null)!;
    const row = doc.rows.find((r) => r[1] === payer.fullName)!;
    expect(row[2 + monthIndex]).toBe(money(payer.paid!));
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      entity_type: 'org_unit',
      entity_id: String(f.cellId),
      meta: { form: 'so-thu-dang-phi' },
    });
  });

  it('refuses a unit that is not a cell, months not yet come, and a cell outside the subtree', async () => {
    const committee = await office.get(
      `/api/forms/dues/so-thu?orgUnitId=${f.committeeId}&year=${year}`,
    );
    expect(committee.statusCode).toBe(400);
    expect(committee.json().message).toContain('chi bộ');
    const future = await office.get(`/api/forms/dues/so-thu?orgUnitId=${f.cellId}&year=2099`);
    expect(future.statusCode).toBe(400);
    const outside = await cellOffice.get(
      `/api/forms/dues/so-thu?orgUnitId=${f.otherCommitteeId}&year=${year}`,
    );
    expect(outside.statusCode).toBe(404);
  });

  it("sums the grassroots organisation's cells: its totals equal the dues page's figures for the same cells and year", async () => {
    const res = await download(
      office,
      `/api/forms/dues/tong-hop?orgUnitId=${f.committeeId}&year=${year}`,
    );
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(doc.xml).toMatch(/w:orient="landscape"/);
    expect(doc.text).toContain('TỔNG HỢP THU, NỘP ĐẢNG PHÍ');
    const header = doc.rows.find((r) => r[0] === 'STT')!;
    expect(header.slice(1, 5)).toEqual([
      'Chi bộ',
      'Số đảng viên',
      'Đảng phí phải thu',
      'Đảng phí đã thu',
    ]);
    const body = doc.rows.filter((r) => /^\d+$/.test(r[0] ?? '') && r.length === 7);
    const cells = await queryRows<{ id: number; name: string }>(
      t.db,
      sql`select o.id, o.name from org_units o
          where o.path <@ (select path from org_units where id = ${f.committeeId})
            and o.kind = 'cell'
            and (o.established_on is null or o.established_on <= '2026-12-31')
            and (o.dissolved_on is null or o.dissolved_on >= '2026-01-01')
          order by o.path`,
    );
    expect(body.map((r) => r[1])).toEqual(cells.map((c) => c.name));
    // The dues page, cell by cell and month by month.
    let due = 0;
    let paid = 0;
    for (const c of cells)
      for (const m of months) {
        const s = await sheet(c.id, m);
        due += s.totalDue;
        paid += s.totalPaid;
      }
    expect(paid).toBeGreaterThan(0);
    const total = doc.rows.find((r) => r[1] === 'Tổng cộng')!;
    expect(total[3]).toBe(money(due));
    expect(total[4]).toBe(money(paid));
    // The demo cell's own row is its book's total.
    const own = body.find((r) => r[1] === cells.find((c) => c.id === f.cellId)!.name)!;
    const cellPaid = (await Promise.all(months.map((m) => sheet(f.cellId, m)))).reduce(
      (s, x) => s + x.totalPaid,
      0,
    );
    expect(own[4]).toBe(money(cellPaid));
    // Without a share given, the kept and remitted columns are left to fill by hand.
    expect(own[5]).toBe('');
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      entity_id: String(f.committeeId),
      meta: { form: 'tong-hop-dang-phi' },
    });
  });

  it("splits what a cell keeps and remits by the share the office gives, and is reached from one of the organisation's cells", async () => {
    const doc = await readDocx(
      (
        await download(
          office,
          `/api/forms/dues/tong-hop?orgUnitId=${f.cellId}&year=${year}&fromMonth=1&toMonth=3&keptPercent=30`,
        )
      ).body,
    );
    expect(doc.text).toContain('Từ tháng 01 đến tháng 03 năm 2026');
    const header = doc.rows.find((r) => r[0] === 'STT')!;
    expect(header[5]).toBe('Chi bộ trích giữ lại (30%)');
    expect(header[6]).toBe('Nộp Đảng ủy cơ sở (70%)');
    const parse = (s: string) => Number(s.replace(/\./g, ''));
    for (const r of doc.rows.filter((x) => /^\d+$/.test(x[0] ?? '') && x.length === 7)) {
      expect(parse(r[5]!)).toBe(Math.round(parse(r[4]!) * 0.3));
      expect(parse(r[5]!) + parse(r[6]!)).toBe(parse(r[4]!));
    }
    // A cell secretary reaches their cell, not the organisation above it.
    const secretary = await loginAs(t.app, 'bithu');
    const hidden = await secretary.get(
      `/api/forms/dues/tong-hop?orgUnitId=${f.cellId}&year=${year}`,
    );
    expect(hidden.statusCode).toBe(404);
  });

  it('sums a committee above the grassroots level: one row per grassroots organisation, its totals the sum of their own summaries', async () => {
    // One month: the demo's upper committee holds a few hundred cells, each a monthly sheet.
    const q = `year=${year}&fromMonth=1&toMonth=1`;
    const res = await download(
      office,
      `/api/forms/dues/tong-hop?orgUnitId=${f.upperId}&${q}&keptPercent=30`,
    );
    expect(res.status).toBe(200);
    const doc = await readDocx(res.body);
    expect(doc.xml).toMatch(/w:orient="landscape"/);
    expect(doc.text).toContain('TỔNG HỢP THU, NỘP ĐẢNG PHÍ');
    expect(doc.rows.find((r) => r[0] === 'STT')).toEqual([
      'STT',
      'Tổ chức cơ sở đảng',
      'Số chi bộ',
      'Số đảng viên',
      'Đảng phí phải thu',
      'Đảng phí đã thu',
      'Cơ sở trích giữ lại (30%)',
      'Nộp cấp ủy cấp trên (70%)',
      // The demo records what the grassroots organisations remitted (server/seed/demo-remittances.ts).
      'Đã nộp',
      'Còn thiếu',
    ]);
    const body = doc.rows.filter((r) => /^\d+$/.test(r[0] ?? '') && r.length === 10);
    const orgs = await queryRows<{ id: number; name: string }>(
      t.db,
      sql`select o.id, o.name from org_units o
          where o.path <@ (select path from org_units where id = ${f.upperId})
            and o.kind in ('grassroots_committee', 'grassroots_cell')
            and (o.established_on is null or o.established_on <= '2026-01-31')
            and (o.dissolved_on is null or o.dissolved_on >= '2026-01-01')
          order by o.path`,
    );
    expect(orgs.length).toBeGreaterThan(1);
    expect(body.map((r) => r[1])).toEqual(orgs.map((o) => o.name));
    const parse = (v: string) => Number(v.replace(/\./g, ''));
    // Each grassroots organisation's own summary: its "Tổng cộng" is the committee's row for it.
    const sums = { cells: 0, members: 0, due: 0, paid: 0 };
    for (const [i, o] of orgs.entries()) {
      const own = await readDocx(
        (await download(office, `/api/forms/dues/tong-hop?orgUnitId=${o.id}&${q}`)).body,
      );
      const cells = own.rows.filter((r) => /^\d+$/.test(r[0] ?? '') && r.length === 7).length;
      const total = own.rows.find((r) => r[1] === 'Tổng cộng')!;
      expect(body[i]!.slice(2, 6)).toEqual([money(cells), total[2], total[3], total[4]]);
      sums.cells += cells;
      sums.members += parse(total[2]!);
      sums.due += parse(total[3]!);
      sums.paid += parse(total[4]!);
    }
    expect(sums.paid).toBeGreaterThan(0);
    const total = doc.rows.find((r) => r[1] === 'Tổng cộng')!;
    expect(total.slice(2, 6)).toEqual([
      money(sums.cells),
      money(sums.members),
      money(sums.due),
      money(sums.paid),
    ]);
    // The share: kept + remitted = paid, row by row and in total.
    for (const r of [...body, total]) expect(parse(r[6]!) + parse(r[7]!)).toBe(parse(r[5]!));
    // The audit record names the committee; a grassroots office does not reach it.
    await download(office, `/api/forms/dues/tong-hop?orgUnitId=${f.upperId}&${q}`);
    expect(await lastAudit()).toMatchObject({
      action: 'form.export',
      entity_type: 'org_unit',
      entity_id: String(f.upperId),
      meta: { form: 'tong-hop-dang-phi-cap-uy', grassroots: orgs.length, cells: sums.cells },
    });
    const hidden = await cellOffice.get(`/api/forms/dues/tong-hop?orgUnitId=${f.upperId}&${q}`);
    expect(hidden.statusCode).toBe(404);
  }, 300_000);

  it.skipIf(!hasPdfTools)('renders the cell book to a landscape PDF with its title', async () => {
    const res = await download(
      office,
      `/api/forms/dues/so-thu?orgUnitId=${f.cellId}&year=${year}&format=pdf`,
    );
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(res.body)).toContain('SỔ THU ĐẢNG PHÍ');
  });
});
