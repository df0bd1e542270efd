// The report's figures as an office reads them, on the demo bloc (recorded through 2026; 2025 holds
// cases, discipline, badges and decided ratings but no dues and no card events; 2024 holds no case):
// inspection subjects as the inspection figures service counts them, missing data marked instead of
// "0", real zeros phrased "chưa … nào", no comparison with an unrecorded year, and ratings drafted
// before the decision said "dự kiến". docs/domain/annual-report-figures.md.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatPercentValue } from '../../../domain/reports/phrasing';
import { queryOne, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['vanphong', 'coso']) s[u] = await loginAs(t.app, u);
});
afterAll(async () => t.close());

const generate = async (session: Session, orgUnitId: number, year: number) => {
  const start = await session.post('/api/reports/annual/generate', { orgUnitId, year });
  expect(start.statusCode, start.body).toBe(200);
  const { jobId } = start.json();
  for (let i = 0; i < 1200; i++) {
    const job = (await session.get(`/api/reports/jobs/${jobId}`)).json();
    if (job.status !== 'running') {
      expect(job.status, job.error).toBe('done');
      return job.draftId as number;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('generation did not finish');
};

const reportText = async (session: Session, orgUnitId: number, year: number) => {
  const id = await generate(session, orgUnitId, year);
  const draft = (await session.get(`/api/reports/annual/${id}`)).json();
  const paragraphs: string[] = draft.model.blocks.map(
    (b: { kind: string; text?: string; inlines?: { text: string }[] }) =>
      b.kind === 'heading' ? b.text : b.inlines!.map((i) => i.text).join(''),
  );
  return { id, paragraphs, text: paragraphs.join('\n') };
};

type Group = { group: string; total: number; organisations: number; members: number };

describe('the 2025 report of the bloc: a year recorded in part', () => {
  let report: Awaited<ReturnType<typeof reportText>>;
  let figures: {
    subjectsByGroup: Group[];
    disciplinedMembers: number;
    disciplinedOrganisations: number;
  };
  beforeAll(async () => {
    report = await reportText(s.vanphong, f.upperId, 2025);
    figures = (
      await s.vanphong.get(`/api/inspection/figures?orgUnitId=${f.upperId}&year=2025`)
    ).json();
  });

  it('states the subjects inspected and supervised per body, as GET /api/inspection/figures counts them', () => {
    const group = (g: string) => figures.subjectsByGroup.find((x) => x.group === g)!;
    expect(group('committees').total + group('inspection_commissions').total).toBeGreaterThan(0);
    const paragraph = report.paragraphs.find((p) => p.startsWith('Ban Thường vụ Đảng ủy'))!;
    expect(paragraph).toContain(
      `Ban Thường vụ Đảng ủy và cấp ủy cơ sở kiểm tra, giám sát chuyên đề và thường xuyên được ${formatCount(group('committees').total)} tổ chức đảng, đảng viên`,
    );
    expect(paragraph).toContain(
      `Ủy ban Kiểm tra Đảng ủy và ủy ban kiểm tra cơ sở kiểm tra, giám sát được ${formatCount(group('inspection_commissions').total)} tổ chức đảng, đảng viên`,
    );
    expect(paragraph).toContain(`Thi hành kỷ luật ${figures.disciplinedMembers} đảng viên (`);
    // 2024 holds no case and no discipline decision: no "tăng 7 cuộc so với năm 2024".
    expect(paragraph).not.toContain('so với năm 2024');
    expect(report.text).not.toContain('cuộc kiểm tra, giám sát');
  });

  it('a year without dues records or card events does not say "0 đồng" or "0 đồng chí"', () => {
    expect(report.text).toContain(
      '[Số liệu chưa có: đảng phí đã thu — chưa ghi nhận khoản đảng phí nào nộp trong năm 2025]',
    );
    expect(report.text).toContain(
      '[Số liệu chưa có: đảng viên được phát thẻ đảng — chưa ghi nhận việc phát, cấp lại, đổi thẻ đảng viên nào trong năm 2025]',
    );
    expect(report.text).not.toMatch(/thu đảng phí 0 đồng|cho 0 đồng chí|[^\d.]0 đồng[.;]/);
  });

  it('the DOCX says the same', async () => {
    const res = await s.vanphong.get(`/api/reports/annual/${report.id}/export?format=docx`);
    const xml = await (await JSZip.loadAsync(res.rawPayload))
      .file('word/document.xml')!
      .async('string');
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('chưa ghi nhận khoản đảng phí nào nộp trong năm 2025');
    expect(plain).toContain('kiểm tra, giám sát chuyên đề và thường xuyên được');
    expect(plain).not.toContain('thu đảng phí 0 đồng');
  });

  it('the XLSX annex has the inspection sheet (subjects by body, inspection / supervision, discipline by form) and "—" for unrecorded years', async () => {
    const res = await s.vanphong.get(`/api/reports/annual/${report.id}/export?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (sheet: string) => {
      const out: Record<string, unknown[]> = {};
      wb.getWorksheet(sheet)!.eachRow((row) => {
        out[String(row.getCell(1).value).trim()] = [row.getCell(2).value, row.getCell(3).value];
      });
      return out;
    };
    const ktgs = rows('KTGS');
    const committees = figures.subjectsByGroup.find((x) => x.group === 'committees')!;
    expect(
      ktgs['Cấp ủy, Ban Thường vụ các cấp: tổ chức đảng, đảng viên được kiểm tra, giám sát'],
    ).toEqual([committees.total, '—']);
    expect(ktgs['Đảng viên bị thi hành kỷ luật']).toEqual([figures.disciplinedMembers, '—']);
    expect(Object.keys(ktgs)).toContain('Tổ chức đảng được giám sát');
    expect(Object.keys(ktgs)).toContain('Khiển trách đảng viên');
    // Form 7: no card event in 2025 or 2024 — "—", not 0; badges were awarded both years.
    const form7 = rows('7-BTCTW');
    expect(form7['Thẻ đảng viên: phát mới']).toEqual(['—', '—']);
    expect(typeof form7['Huy hiệu 30 năm tuổi Đảng']![0]).toBe('number');
  });

  it('the evidence lists the subjects behind each group', async () => {
    const evidence = (await s.vanphong.get(`/api/reports/annual/${report.id}/evidence`)).json();
    const committees = evidence.figures.find(
      (e: { key: string }) => e.key === 'inspection.subjects.committees',
    );
    const total = figures.subjectsByGroup.find((x) => x.group === 'committees')!.total;
    expect(committees.records).toHaveLength(total);
    expect(committees.display).toBe(formatCount(total));
  });

  it('a card event recorded in the year turns the gap into a real zero: "chưa phát thẻ … nào"', async () => {
    const m = await queryOne<{ id: number; version: number }>(
      t.db,
      sql`select m.id, m.version from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ (select path from org_units where id = ${f.committeeId})
            and m.status = 'full' and m.card_number is not null order by m.id limit 1`,
    );
    const res = await s.coso.post(`/api/lifecycle/members/${m!.id}/card-events`, {
      action: 'reissued',
      actionDate: '2025-03-02',
      cardNumber: '77009876',
      reason: 'Mất thẻ',
      version: m!.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await reportText(s.coso, f.committeeId, 2025);
    expect(after.text).toContain('chưa phát thẻ đảng viên cho đồng chí nào');
    expect(after.text).not.toContain('[Số liệu chưa có: đảng viên được phát thẻ đảng');
  });
});

describe('ratings drafted before the decision', () => {
  it('the 2026 evaluation (self-assessments and reviews, nothing decided) reads "dự kiến", on the proposed levels', async () => {
    const counts = await queryOne<{ good: number; rated: number }>(
      t.db,
      sql`select count(*) filter (where coalesce(r.review_level, r.self_level) in ('HTXSNV', 'HTTNV'))::int as good,
            count(*)::int as rated
          from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
          where c.year = 2026 and c.cycle = 'year' and r.subject_kind = 'member'
            and r.status in ('self_assessed', 'reviewed')`,
    );
    expect(counts!.rated).toBeGreaterThan(0);
    const { text } = await reportText(s.vanphong, f.upperId, 2026);
    expect(text).toContain(
      `dự kiến ${formatPercentValue((100 * counts!.good) / counts!.rated)} đảng viên hoàn thành tốt nhiệm vụ trở lên (theo mức tự đánh giá, đề xuất của ${formatCount(counts!.rated)} đảng viên, chưa có quyết định)`,
    );
  });

  it('key-task ratings are final once the unit’s evaluation is decided, "dự kiến" before', async () => {
    const decided = await reportText(s.coso, f.committeeId, 2025);
    const tasks = decided.paragraphs.find((p) => p.startsWith('Năm 2025, Đảng bộ hoàn thành'))!;
    expect(tasks).toMatch(/trong đó, \d+ nhiệm vụ hoàn thành (xuất sắc|tốt)/);
    expect(tasks).not.toContain('dự kiến');
    // The committee's own 2025 rating back before its decision (reviewed, not yet decided).
    await t.db.execute(
      sql`update evaluation_records set status = 'reviewed', decided_level = null, decided_on = null,
            published_on = null
          where subject_key = ${`unit:${f.committeeId}`} and campaign_id in
            (select id from evaluation_campaigns where year = 2025 and cycle = 'year')`,
    );
    const before = await reportText(s.coso, f.committeeId, 2025);
    const provisional = before.paragraphs.find((p) =>
      p.startsWith('Năm 2025, Đảng bộ hoàn thành'),
    )!;
    expect(provisional).toContain('trong đó, dự kiến ');
  });
});

describe('the dashboard', () => {
  it('shows no last-year figure for a register empty last year (no "0 đ (+6.452.310.000)")', async () => {
    const d = (await s.vanphong.get(`/api/dashboard?orgUnitId=${f.upperId}&year=2026`)).json();
    const dues = d.figures.find((x: { code: string }) => x.code === 'lifecycle.dues_collected');
    expect(dues.value).toBeGreaterThan(0);
    expect(dues.previous).toBeNull();
    const cases = d.figures.find((x: { code: string }) => x.code === 'inspection.cases');
    expect(cases.previous).toBeGreaterThan(0);
    const before = (await s.vanphong.get(`/api/dashboard?orgUnitId=${f.upperId}&year=2025`)).json();
    const duesBefore = before.figures.find(
      (x: { code: string }) => x.code === 'lifecycle.dues_collected',
    );
    expect(duesBefore).toMatchObject({ status: 'unavailable', value: null, previous: null });
    expect(duesBefore.reason).toContain('chưa ghi nhận khoản đảng phí nào nộp');
  });
});
