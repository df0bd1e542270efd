// The report model, its DOCX (read back from word/document.xml), the PDF LibreOffice makes of it (text
// extraction, embedded fonts, rendered pages) and the XLSX annex writer.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type AnnualReportData,
  blockText,
  buildReportModel,
  type FigureValue,
} from '../../../domain/reports/annual-report';
import { renderAnnexXlsx } from './report-annex';
import { defaultDocumentFormat, renderReportDocx } from './report-docx';
import { inspectionFigures, sampleReportData } from './report-fixture.test-data';
import { convertDocxToPdf, findSoffice } from './report-pdf';

const allText = (model: ReturnType<typeof buildReportModel>) =>
  model.blocks.map(blockText).join('\n');

// Rules and sources: docs/domain/annual-report-figures.md (the outline).
describe('the report model (docs/domain/annual-report-figures.md)', () => {
  const model = buildReportModel(sampleReportData());
  const text = allText(model);

  it('states recruitment against the target and against the year before', () => {
    expect(text).toContain(
      'kết nạp được 139 đảng viên (vượt 15,8% chỉ tiêu đề ra), tăng 12 đảng viên so với năm 2024',
    );
    expect(text).toContain('có 4.832 đảng viên, tăng 12 đảng viên so với năm 2024');
  });
  it('states key tasks, member management, inspection and next year targets', () => {
    expect(text).toContain(
      'hoàn thành 6/6 nhiệm vụ trọng tâm; trong đó, 2 nhiệm vụ hoàn thành xuất sắc và 4 nhiệm vụ hoàn thành tốt',
    );
    expect(text).toContain('thu đảng phí 1.234.567.000 đồng');
    expect(text).toContain(
      'Ban Thường vụ Đảng ủy và cấp ủy cơ sở kiểm tra, giám sát chuyên đề và thường xuyên được 45 tổ chức đảng, đảng viên (kiểm tra 6 tổ chức đảng, 17 đảng viên; giám sát 6 tổ chức đảng, 16 đảng viên), tăng 5 so với năm 2024; Ủy ban Kiểm tra Đảng ủy và ủy ban kiểm tra cơ sở kiểm tra, giám sát được 12 tổ chức đảng, đảng viên',
    );
    expect(text).toContain('Thi hành kỷ luật 4 đảng viên (3 khiển trách, 1 cảnh cáo).');
    expect(text).toContain('1. Kết nạp 125 đảng viên.');
  });
  it('follows the outline: three parts, assessment with its four headings', () => {
    const headings = model.blocks.filter((b) => b.kind === 'heading').map(blockText);
    expect(headings.filter((h) => h.startsWith('Phần thứ'))).toHaveLength(3);
    for (const h of [
      '1. Ưu điểm',
      '2. Hạn chế, khuyết điểm',
      '3. Nguyên nhân',
      '4. Bài học kinh nghiệm',
    ])
      expect(headings).toContain(h);
    expect(model.summary).toEqual([
      'tổng kết công tác xây dựng Đảng năm 2025,',
      'phương hướng, nhiệm vụ năm 2026',
    ]);
  });
  it('marks a figure that is not available instead of printing a number', () => {
    const evaluation = model.blocks.find(
      (b) => b.kind === 'paragraph' && blockText(b).startsWith('Kết quả đánh giá'),
    );
    expect(evaluation && blockText(evaluation)).toContain(
      '[Số liệu chưa có: đảng viên hoàn thành tốt',
    );
    expect(evaluation && blockText(evaluation)).not.toMatch(/\d+%/);
  });
  it('never invents narrative: placeholders until the office writes them, then its text', () => {
    expect(text).toContain('[Nội dung do Văn phòng bổ sung: ưu điểm]');
    const filled = allText(
      buildReportModel(sampleReportData(), { strengths: 'Đoàn kết, thống nhất.\nChủ động.' }),
    );
    expect(filled).not.toContain('[Nội dung do Văn phòng bổ sung: ưu điểm]');
    expect(filled).toContain('Đoàn kết, thống nhất.\nChủ động.');
  });
  it('zero admissions read as such, with the target', () => {
    const data = sampleReportData();
    data.figures['recruitment.admitted'] = {
      ...data.figures['recruitment.admitted']!,
      current: { status: 'ok', value: 0 },
      previous: null,
    };
    expect(allText(buildReportModel(data))).toContain(
      'chưa kết nạp được đảng viên nào (chỉ tiêu đề ra là 120 đảng viên)',
    );
  });
});

describe('the congress year (docs/domain/congresses.md, figures and report)', () => {
  const fig = (key: string, value: number | null, unit: 'count' | 'percent' = 'count') => ({
    key,
    metricCode: key,
    label: key,
    unit,
    current: { status: 'ok' as const, value },
    previous: null,
    recordCount: 0,
  });
  it('states the congresses held, the schedule and the elected committees with their shares', () => {
    const data = sampleReportData();
    for (const f of [
      fig('congresses.held_grassroots', 12),
      fig('congresses.held_cells', 30),
      fig('congresses.on_schedule', 95.24, 'percent'),
      fig('committees.elected', 84),
      fig('committees.reelected_share', 60, 'percent'),
      fig('committees.women_share', 30.95, 'percent'),
      fig('committees.young_share', 11.9, 'percent'),
    ])
      data.figures[f.key] = f;
    expect(allText(buildReportModel(data))).toContain(
      'Công tác đại hội: lãnh đạo tổ chức thành công đại hội 12 tổ chức cơ sở đảng và 30 chi bộ trực thuộc, đảng bộ bộ phận; 95,2% đại hội đúng tiến độ; bầu 84 cấp ủy viên (tái cử 60%, nữ 31%, trẻ 11,9%).',
    );
  });
  it('a year without congresses says nothing about them (not a congress year, not a gap)', () => {
    const data = sampleReportData();
    data.figures['congresses.held_grassroots'] = fig('congresses.held_grassroots', 0);
    data.figures['congresses.held_cells'] = fig('congresses.held_cells', 0);
    const text = allText(buildReportModel(data));
    expect(text).not.toContain('đại hội');
    expect(text).not.toContain('congresses');
  });
});

describe('missing data is never a zero; provisional ratings (docs/domain/annual-report-figures.md)', () => {
  const unavailable = (reason: string): FigureValue => ({ status: 'unavailable', reason });
  const withFigure = (
    data: AnnualReportData,
    key: string,
    current: FigureValue,
    previous: FigureValue | null = null,
  ) => {
    data.figures[key] = { ...data.figures[key]!, current, previous };
    return data;
  };

  it('a year without dues records does not say "0 đồng": the figure is marked as missing', () => {
    const data = withFigure(
      sampleReportData(),
      'lifecycle.dues_collected',
      unavailable('chưa ghi nhận khoản đảng phí nào nộp trong năm 2025'),
    );
    const text = allText(buildReportModel(data));
    expect(text).toContain(
      '[Số liệu chưa có: đảng phí — chưa ghi nhận khoản đảng phí nào nộp trong năm 2025]',
    );
    expect(text).not.toMatch(/thu đảng phí 0 đồng/);
  });

  it('real zeros read "không có … nào" / "chưa … nào", never "0 đồng chí"', () => {
    const data = sampleReportData();
    for (const key of [
      'lifecycle.cards_issued',
      'members.transferred_in',
      'recruitment.recognised',
    ])
      withFigure(data, key, { status: 'ok', value: 0 });
    data.inspection = inspectionFigures({ committees: [3, 4], commissions: [0, 0], year: 2025 });
    if (data.inspection.status === 'ok')
      data.inspection.discipline = { members: 0, organisations: 0, byForm: [] };
    const text = allText(buildReportModel(data));
    expect(text).toContain('chưa phát thẻ đảng viên cho đồng chí nào');
    expect(text).toContain('không tiếp nhận sinh hoạt đảng chính thức đảng viên nào');
    expect(text).toContain('chưa công nhận đảng viên chính thức cho đồng chí nào');
    expect(text).toContain(
      'Ủy ban Kiểm tra Đảng ủy và ủy ban kiểm tra cơ sở chưa kiểm tra, giám sát tổ chức đảng, đảng viên nào',
    );
    expect(text).toContain('Không có tổ chức đảng, đảng viên nào bị thi hành kỷ luật.');
    expect(text).not.toMatch(/ 0 (đồng chí|đảng viên|tổ chức)/);
  });

  it('no comparison with a year that has no records ("tăng 7 cuộc so với năm 2024" is not printed)', () => {
    const data = withFigure(
      sampleReportData(),
      'members.total',
      { status: 'ok', value: 4832 },
      unavailable('chưa có dữ liệu đảng viên trong năm 2024'),
    );
    data.previousInspection = {
      status: 'unavailable',
      reason: 'chưa ghi nhận cuộc kiểm tra, giám sát hay quyết định kỷ luật nào trong năm 2024',
    };
    const text = allText(buildReportModel(data));
    expect(text).toContain('Đảng bộ có 4.832 đảng viên.');
    const inspection = text.split('\n').find((p) => p.startsWith('Ban Thường vụ'))!;
    expect(inspection).toContain('được 45 tổ chức đảng, đảng viên');
    expect(inspection).not.toContain('so với năm 2024');
  });

  it('a year without any case or discipline decision marks the inspection figures as missing', () => {
    const data = sampleReportData({
      inspection: {
        status: 'unavailable',
        reason: 'chưa ghi nhận cuộc kiểm tra, giám sát hay quyết định kỷ luật nào trong năm 2025',
      },
    });
    const text = allText(buildReportModel(data));
    expect(text).toContain(
      '[Số liệu chưa có: kiểm tra, giám sát và thi hành kỷ luật đảng — chưa ghi nhận cuộc kiểm tra, giám sát hay quyết định kỷ luật nào trong năm 2025]',
    );
    expect(text).not.toContain('kiểm tra, giám sát được 0');
  });

  it('ratings drafted before the decision say "dự kiến" and on how many proposals they stand', () => {
    const data = withFigure(
      sampleReportData({
        keyTasks: {
          status: 'ok',
          total: 6,
          completed: 6,
          excellent: 2,
          good: 4,
          provisional: true,
        },
      }),
      'evaluation.members_good_or_better',
      { status: 'ok', value: 87.5, numerator: 350, denominator: 400, provisional: true },
    );
    const text = allText(buildReportModel(data));
    expect(text).toContain(
      'hoàn thành 6/6 nhiệm vụ trọng tâm; trong đó, dự kiến 2 nhiệm vụ hoàn thành xuất sắc và 4 nhiệm vụ hoàn thành tốt',
    );
    expect(text).toContain(
      'dự kiến 87,5% đảng viên hoàn thành tốt nhiệm vụ trở lên (theo mức tự đánh giá, đề xuất của 400 đảng viên, chưa có quyết định)',
    );
    // After the decision: the decided figures, without "dự kiến".
    const decided = allText(buildReportModel(sampleReportData()));
    expect(decided).toContain('trong đó, 2 nhiệm vụ hoàn thành xuất sắc');
    expect(decided).not.toContain('dự kiến');
  });

  it('a draft stored before these figures existed asks to regenerate instead of printing zeros', () => {
    const { inspection: _i, previousInspection: _p, ...old } = sampleReportData();
    expect(allText(buildReportModel(old as AnnualReportData))).toContain(
      '[Số liệu chưa có: kiểm tra, giám sát và thi hành kỷ luật đảng — bản nháp lập trước khi có số liệu này',
    );
  });
});

const documentXml = async (docx: Buffer) => {
  const zip = await JSZip.loadAsync(docx);
  return zip.file('word/document.xml')!.async('string');
};

describe('the DOCX in the Party format (docs/domain/document-format.md)', async () => {
  const data = sampleReportData({ documentNumber: 'Số 12-BC/ĐUK' });
  const docx = await renderReportDocx(buildReportModel(data));
  const xml = await documentXml(docx);
  const plain = xml.replace(/<[^>]+>/g, '');

  it('is A4 with the margins of the settings (default 20/20/30/15 mm)', async () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="1134"/);
    expect(xml).toMatch(/w:left="1701"/);
    expect(xml).toMatch(/w:right="850"/);
    const wide = await renderReportDocx(buildReportModel(data), {
      ...defaultDocumentFormat,
      margins: { top: 25, bottom: 25, left: 35, right: 15 },
    });
    expect(await documentXml(wide)).toMatch(/w:left="1984"/);
  });
  it('has the header blocks, the "*", the number, the type name and the signature', () => {
    for (const s of [
      'ĐẢNG BỘ TỈNH LẠNG SƠN',
      'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 12-BC/ĐUK',
      'BÁO CÁO',
      'tổng kết công tác xây dựng Đảng năm 2025,',
      'Nơi nhận:',
      '- Lưu Văn phòng Đảng ủy.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Hoàng Văn Minh',
    ])
      expect(plain).toContain(s);
    expect(xml).toMatch(/<w:t[^>]*>\*<\/w:t>/);
  });
  it('prints the place and date in italics', () => {
    const run = xml.match(
      /<w:r>(?:(?!<\/w:r>).)*Lạng Sơn, ngày 05 tháng 12 năm 2025(?:(?!<\/w:r>).)*<\/w:r>/,
    )?.[0];
    expect(run).toContain('<w:i/>');
  });
  it('carries the figures and the Times New Roman default font', async () => {
    expect(plain).toContain('kết nạp được 139 đảng viên (vượt 15,8% chỉ tiêu đề ra)');
    const styles = await (await JSZip.loadAsync(docx)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('Times New Roman');
  });
});

const tools = ['pdftotext', 'pdffonts', 'pdftoppm'].every((t) => {
  try {
    execFileSync('which', [t]);
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!findSoffice() || !tools)('the PDF (LibreOffice)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dangvu-report-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const docx = await renderReportDocx(buildReportModel(sampleReportData()));
  const pdf = await convertDocxToPdf(docx);
  const file = path.join(dir, 'bao-cao.pdf');
  writeFileSync(file, pdf);

  it('holds the Vietnamese text and the figures', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text.replace(/\s+/g, ' ')).toContain(
      'kết nạp được 139 đảng viên (vượt 15,8% chỉ tiêu đề ra)',
    );
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
  });
  it('embeds every font', () => {
    const lines = execFileSync('pdffonts', [file]).toString('utf8').trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/\byes\b/); // the "emb" column
  });
  it('renders A4 pages (a few pages at 50 dpi)', () => {
    execFileSync('pdftoppm', ['-r', '50', '-png', file, path.join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(8);
    const png = readFileSync(path.join(dir, pages[0]!));
    // PNG IHDR: width and height at bytes 16–23. A4 at 50 dpi is 413 × 585 pixels.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(412);
    expect(png.readUInt32BE(16)).toBeLessThanOrEqual(415);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(583);
    expect(png.readUInt32BE(20)).toBeLessThanOrEqual(586);
    expect(png.length).toBeGreaterThan(5000); // not a blank page
  });
});

describe('the XLSX annex writer', () => {
  it('writes compare forms with "Kỳ này | Cùng kỳ năm trước | %" and says when a form has no data', async () => {
    const buffer = await renderAnnexXlsx({
      orgName: 'Đảng bộ Khối',
      year: 2025,
      sheets: [
        {
          form: '1-BTCTW',
          title: 'Tăng, giảm đảng viên',
          kind: 'compare',
          rows: [
            { label: 'B. Tăng trong kỳ: kết nạp', current: 139, previous: 120 },
            { label: 'Thẻ đảng viên: phát mới', current: 12, previous: null },
          ],
        },
        { form: '6F-BTCTW', title: 'Kiểm điểm', kind: 'unavailable', reason: 'Chưa có số liệu: x' },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('1-BTCTW')!;
    expect([2, 3, 4].map((c) => ws.getRow(4).getCell(c).value)).toEqual([
      'Kỳ này',
      'Cùng kỳ năm trước',
      '%',
    ]);
    expect(ws.getRow(6).getCell(2).value).toBe(139);
    expect((ws.getRow(6).getCell(4).value as { result: number }).result).toBe(115.8);
    // A year with nothing recorded is "—", never 0, and gives no percentage.
    expect(ws.getRow(7).getCell(3).value).toBe('—');
    expect((ws.getRow(7).getCell(4).value as { result?: unknown }).result ?? '').toBe('');
    const empty = wb.getWorksheet('6F-BTCTW')!;
    expect(empty.getCell('A4').value).toBe('Chưa có số liệu: x');
    expect(empty.getRow(6).getCell(2).value).toBeNull();
  });
});
