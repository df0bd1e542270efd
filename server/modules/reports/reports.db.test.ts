// The annual report through the API on the demo bloc: generation as a job, figures equal to the
// metric catalogue's, free text kept across regeneration, DOCX / XLSX read back, the evidence appendix,
// issuing with the register's next number (also under concurrency), and scope per role.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatPercentValue } from '../../../domain/reports/phrasing';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { evaluationLevelCounts } from '../evaluations';
import { computeMetric } from '../plans';
import { yearScope } from './report-data';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};
const YEAR = 2025;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'btv', 'coso', 'bithu']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const generate = async (session: Session, orgUnitId: number, year = YEAR) => {
  const start = await session.post('/api/reports/annual/generate', { orgUnitId, year });
  expect(start.statusCode, start.body).toBe(200);
  const { jobId } = start.json();
  for (let i = 0; i < 600; i++) {
    const job = (await session.get(`/api/reports/jobs/${jobId}`)).json();
    if (job.status !== 'running') {
      expect(job.status, job.error).toBe('done');
      expect(job.steps.every((st: { status: string }) => st.status === 'done')).toBe(true);
      return job.draftId as number;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('generation did not finish');
};

const paragraphs = (draft: {
  model: { blocks: { kind: string; inlines?: { text: string }[]; text?: string }[] };
}) =>
  draft.model.blocks.map((b) =>
    b.kind === 'heading' ? b.text! : b.inlines!.map((i) => i.text).join(''),
  );

const metric = (code: string, unitId: number, year = YEAR) =>
  computeMetric({ db: t.db, code, scope: yearScope(unitId, year) });

describe('the annual report of the bloc', () => {
  let draftId: number;

  it('generates as a job and states the catalogue figures', async () => {
    draftId = await generate(s.vanphong, f.upperId);
    const { draft } = (
      await s.vanphong.get(`/api/reports/annual?orgUnitId=${f.upperId}&year=${YEAR}`)
    ).json();
    expect(draft.id).toBe(draftId);
    const text = paragraphs(draft).join('\n');
    const admitted = await metric('recruitment.admitted', f.upperId);
    const total = await metric('members.total', f.upperId);
    expect(admitted.status).toBe('ok');
    if (admitted.status !== 'ok' || total.status !== 'ok') return;
    expect(admitted.value).toBeGreaterThan(0);
    expect(text).toContain(`kết nạp được ${formatCount(admitted.value!)} đảng viên`);
    expect(text).toContain(`có ${formatCount(total.value!)} đảng viên`);
    expect(draft.model.header.issuerName).toBe('ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH LẠNG SƠN');
    expect(draft.model.header.superiorName).toBe('ĐẢNG BỘ TỈNH LẠNG SƠN');
    expect(draft.model.header.placeDate).toMatch(/^Lạng Sơn, ngày \d{2} tháng \d{1,2} năm \d{4}$/);
    // The year's decided evaluation results, as the catalogue states them.
    const evaluation = paragraphs(draft).find((p: string) => p.startsWith('Kết quả đánh giá'));
    const members = await metric('evaluation.members_good_or_better', f.upperId);
    expect(members.status).toBe('ok');
    if (members.status === 'ok')
      expect(evaluation).toContain(
        `${formatPercentValue(members.value!)} đảng viên hoàn thành tốt nhiệm vụ trở lên`,
      );
    const fig = draft.figures.find((x: { key: string }) => x.key === 'recruitment.admitted');
    expect(fig.recordCount).toBe(admitted.records.length);
  });

  it('keeps the office text when figures are regenerated', async () => {
    const { draft } = (
      await s.vanphong.get(`/api/reports/annual?orgUnitId=${f.upperId}&year=${YEAR}`)
    ).json();
    const saved = await s.vanphong.put(`/api/reports/annual/${draftId}/texts`, {
      version: draft.version,
      texts: { strengths: 'Cấp ủy các cấp đoàn kết, chủ động.', signerName: 'Hoàng Văn Minh' },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await s.vanphong.put(`/api/reports/annual/${draftId}/texts`, {
      version: draft.version,
      texts: {},
    });
    expect(stale.statusCode).toBe(409);
    await generate(s.vanphong, f.upperId);
    const after = (await s.vanphong.get(`/api/reports/annual/${draftId}`)).json();
    const text = paragraphs(after).join('\n');
    expect(text).toContain('Cấp ủy các cấp đoàn kết, chủ động.');
    expect(text).not.toContain('[Nội dung do Văn phòng bổ sung: ưu điểm]');
    expect(text).toContain('[Nội dung do Văn phòng bổ sung: hạn chế, khuyết điểm]');
    expect(after.model.signer.name).toBe('Hoàng Văn Minh');
    const bad = await s.vanphong.put(`/api/reports/annual/${draftId}/texts`, {
      version: after.version,
      texts: { inventedSection: 'x' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('downloads the DOCX with the figures, logged', async () => {
    const res = await s.vanphong.get(`/api/reports/annual/${draftId}/export?format=docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('bao-cao-tong-ket-2025.docx');
    const xml = await (await JSZip.loadAsync(res.rawPayload))
      .file('word/document.xml')!
      .async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    const admitted = await metric('recruitment.admitted', f.upperId);
    if (admitted.status !== 'ok') throw new Error('metric');
    expect(plain).toContain(`kết nạp được ${formatCount(admitted.value!)} đảng viên`);
    expect(plain).toContain('Số      -BC/ĐUK');
    expect(plain).toContain('Hoàng Văn Minh');
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'report.export' and entity_id = ${String(draftId)}`,
    );
    expect(audit!.n).toBeGreaterThan(0);
  });

  it('downloads the XLSX annex: form 1 agrees with the catalogue, 6F with the decided evaluations', async () => {
    const res = await s.vanphong.get(`/api/reports/annual/${draftId}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '1-BTCTW',
      '2-BTCTW',
      '3-BTCTW',
      '5-BTCTW',
      '6F-BTCTW',
      '7-BTCTW',
      'KTGS',
    ]);
    const form1 = wb.getWorksheet('1-BTCTW')!;
    const rows: Record<string, unknown[]> = {};
    form1.eachRow((row) => {
      rows[String(row.getCell(1).value)] = [row.getCell(2).value, row.getCell(3).value];
    });
    const admitted = await metric('recruitment.admitted', f.upperId);
    const previous = await metric('recruitment.admitted', f.upperId, YEAR - 1);
    if (admitted.status !== 'ok' || previous.status !== 'ok') throw new Error('metric');
    expect(rows['B. Tăng trong kỳ: kết nạp']).toEqual([admitted.value, previous.value]);
    // 6F: the members' row holds the year's decided levels, as the evaluation module counts them.
    const members = await evaluationLevelCounts({
      db: t.db,
      unitId: f.upperId,
      year: YEAR,
      subjectKind: 'member',
    });
    expect(members.rated).toBeGreaterThan(0);
    let memberRow: unknown[] = [];
    wb.getWorksheet('6F-BTCTW')!.eachRow((row) => {
      if (row.getCell(1).value === 'Đảng viên')
        memberRow = [2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value);
    });
    expect(memberRow).toEqual([
      members.total,
      members.counts.HTXSNV,
      members.counts.HTTNV,
      members.counts.HTNV,
      members.counts.KHTNV,
      members.counts.not_rated,
    ]);
  });

  it('lists the evidence behind each figure: metric, scope and record ids', async () => {
    const res = await s.vanphong.get(`/api/reports/annual/${draftId}/evidence`);
    expect(res.statusCode).toBe(200);
    const evidence = res.json();
    const admitted = evidence.figures.find(
      (e: { key: string }) => e.key === 'recruitment.admitted',
    );
    const direct = await metric('recruitment.admitted', f.upperId);
    if (direct.status !== 'ok') throw new Error('metric');
    expect(admitted.scope).toMatchObject({
      unitId: f.upperId,
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(admitted.records.map((r: { id: number }) => r.id).sort()).toEqual(
      direct.records.map((r) => r.id).sort(),
    );
  });

  it('issues the report with the next number of the register, once', async () => {
    const res = await s.vanphong.post(`/api/reports/annual/${draftId}/issue`, {
      issuedOn: '2025-12-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().numberText).toMatch(/^Số \d{2,}-BC\/ĐUK$/);
    const again = await s.vanphong.post(`/api/reports/annual/${draftId}/issue`, {});
    expect(again.statusCode).toBe(409);
    const draft = (await s.vanphong.get(`/api/reports/annual/${draftId}`)).json();
    expect(draft.model.header.numberText).toBe(res.json().numberText);
    expect(draft.model.header.placeDate).toBe('Lạng Sơn, ngày 10 tháng 12 năm 2025');
    const list = (await s.vanphong.get('/api/documents')).json();
    expect(
      list.items.some((d: { numberText: string }) => d.numberText === res.json().numberText),
    ).toBe(true);
  });
});

describe('the document register', () => {
  it('numbers run per type within the term: concurrent issues never share a number', async () => {
    // The demo register already holds documents of the 2025–2030 term (from 1/7/2025).
    const lastOf = async (code: string) =>
      (await queryOne<{ n: number }>(
        t.db,
        sql`select coalesce(max(number), 0)::int as n from issued_documents
              where issuer_org_unit_id = ${f.upperId} and type_code = ${code} and term_start = '2025-07-01'`,
      ))!.n;
    const before = await lastOf('KH');
    const issue = () =>
      s.vanphong.post('/api/documents', {
        issuerOrgUnitId: f.upperId,
        type: 'plan',
        title: 'Kế hoạch kiểm tra, giám sát năm 2026',
        issuedOn: '2026-01-05',
      });
    const results = await Promise.all(Array.from({ length: 8 }, issue));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const numbers = results.map((r) => r.json().numberText as string);
    expect(new Set(numbers).size).toBe(8);
    const rows = await queryRows<{ number: number }>(
      t.db,
      sql`select number from issued_documents where issuer_org_unit_id = ${f.upperId}
          and type_code = 'KH' and term_start = '2025-07-01' and number > ${before} order by number`,
    );
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((i) => before + i));
    expect(numbers).toContain(`Số ${String(before + 1).padStart(2, '0')}-KH/ĐUK`);
    // A type never used in the term starts from 01; the previous term's numbers do not count.
    const earlier = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from issued_documents where issuer_org_unit_id = ${f.upperId}
          and term_start = '2020-07-01'`,
    );
    expect(earlier!.n).toBeGreaterThan(0);
    const minutes = await s.vanphong.post('/api/documents', {
      type: 'minutes',
      title: 'Biên bản hội nghị Ban Chấp hành',
      issuedOn: '2026-01-06',
    });
    expect(minutes.json().numberText).toBe('Số 01-BB/ĐUK');
  });

  it('refuses a type the issuer may not issue (a grassroots committee and a chỉ thị)', async () => {
    const res = await s.coso.post('/api/documents', {
      issuerOrgUnitId: f.committeeId,
      type: 'directive',
      title: 'Chỉ thị về công tác',
      issuedOn: '2026-01-05',
    });
    expect(res.statusCode).toBe(400);
    const types = (await s.coso.get(`/api/documents/types?orgUnitId=${f.committeeId}`)).json();
    expect(types.issuerCode).toBe('ĐU');
    expect(types.items.map((i: { type: string }) => i.type)).not.toContain('directive');
    expect(types.items.map((i: { type: string }) => i.type)).toContain('report');
  });
});

describe('scope and roles', () => {
  it('a grassroots office reports on its own committee, not on the bloc', async () => {
    const own = await generate(s.coso, f.committeeId);
    expect(own).toBeGreaterThan(0);
    const bloc = await s.coso.get(`/api/reports/annual?orgUnitId=${f.upperId}&year=${YEAR}`);
    expect(bloc.statusCode).toBe(404);
    const blocDraft = await queryOne<{ id: number }>(
      t.db,
      sql`select id from report_drafts where org_unit_id = ${f.upperId} and year = ${YEAR}`,
    );
    expect(
      (await s.coso.get(`/api/reports/annual/${blocDraft!.id}/export?format=docx`)).statusCode,
    ).toBe(404);
    const own2 = (await s.coso.get(`/api/reports/annual/${own}`)).json();
    expect(own2.model.header.issuerName).toBe('ĐẢNG ỦY SỞ Y TẾ');
    expect(own2.model.signer.authority).toBe('T/M ĐẢNG ỦY');
  });

  it('a cell is not a reporting organisation; the standing committee reads but does not write', async () => {
    const cell = await s.vanphong.post('/api/reports/annual/generate', {
      orgUnitId: f.cellId,
      year: YEAR,
    });
    expect(cell.statusCode).toBe(400);
    expect(
      (await s.btv.get(`/api/reports/annual?orgUnitId=${f.upperId}&year=${YEAR}`)).statusCode,
    ).toBe(200);
    expect(
      (await s.btv.post('/api/reports/annual/generate', { orgUnitId: f.upperId, year: YEAR }))
        .statusCode,
    ).toBe(403);
    expect((await s.bithu.get(`/api/reports/annual?year=${YEAR}`)).statusCode).toBe(403);
  });

  it('a job is seen only by whoever started it', async () => {
    const start = await s.vanphong.post('/api/reports/annual/generate', {
      orgUnitId: f.upperId,
      year: YEAR,
    });
    const { jobId } = start.json();
    expect((await s.coso.get(`/api/reports/jobs/${jobId}`)).statusCode).toBe(404);
    for (let i = 0; i < 600; i++) {
      const job = (await s.vanphong.get(`/api/reports/jobs/${jobId}`)).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});

describe("a past year's report is dated and titled as of that year (report-header.ts)", () => {
  it("the bloc's 2020 report is headed with its 2020 name (renamed 01/02/2025) and dated 31/12/2020", async () => {
    const id = await generate(s.vanphong, f.upperId, 2020);
    const draft = (await s.vanphong.get(`/api/reports/annual/${id}`)).json();
    expect(draft.model.header).toMatchObject({
      superiorName: 'ĐẢNG BỘ TỈNH LẠNG SƠN',
      issuerName: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN',
      placeDate: 'Lạng Sơn, ngày 31 tháng 12 năm 2020',
    });
  });

  it('the 2024 report dated on the day the user chooses, 05/03/2025 (after the renaming), carries the new name', async () => {
    const start = await s.vanphong.post('/api/reports/annual/generate', {
      orgUnitId: f.upperId,
      year: 2024,
      documentDate: '2025-03-05',
    });
    expect(start.statusCode, start.body).toBe(200);
    let draftId = 0;
    for (let i = 0; i < 600 && !draftId; i++) {
      const job = (await s.vanphong.get(`/api/reports/jobs/${start.json().jobId}`)).json();
      if (job.status !== 'running') draftId = job.draftId;
      else await new Promise((r) => setTimeout(r, 50));
    }
    const draft = (await s.vanphong.get(`/api/reports/annual/${draftId}`)).json();
    expect(draft.model.header.placeDate).toBe('Lạng Sơn, ngày 05 tháng 3 năm 2025');
    expect(draft.model.header.issuerName).toBe('ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH LẠNG SƠN');
  });

  it('only administrators read and change the place and the superior printed on documents', async () => {
    expect((await s.vanphong.get('/api/settings')).statusCode).toBe(403);
    expect(
      (await s.vanphong.put('/api/settings/document', { place: 'X', superiorName: '' })).statusCode,
    ).toBe(403);
  });
});
