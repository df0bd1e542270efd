// "Nơi nhận" of a report (Hướng dẫn 36-HD/VPTW, docs/domain/document-format.md): the bodies reported to
// first, "(b/c)", then those informed, then the archive.
import { describe, expect, it } from 'vitest';
import { recipientsOf } from './report-header';

describe('Nơi nhận of an annual report (36-HD/VPTW)', () => {
  it('an upper committee reports to the provincial standing committee and its Party-building departments, named', () => {
    expect(recipientsOf({ kind: 'upper_committee' }, 'Đảng bộ tỉnh Lạng Sơn')).toEqual([
      '- Ban Thường vụ Tỉnh ủy Lạng Sơn (b/c),',
      '- Các ban xây dựng Đảng Tỉnh ủy Lạng Sơn,',
      '- Các tổ chức đảng trực thuộc,',
      '- Lưu Văn phòng Đảng ủy.',
    ]);
  });

  it('keeps reporting upwards when the superior is not recorded (an installation set up before the setting)', () => {
    expect(recipientsOf({ kind: 'upper_committee' }, null).slice(0, 2)).toEqual([
      '- Ban Thường vụ Tỉnh ủy (b/c),',
      '- Các ban xây dựng Đảng Tỉnh ủy,',
    ]);
  });

  it('a cell reports to its grassroots committee and informs its members', () => {
    expect(recipientsOf({ kind: 'cell' }, 'Đảng bộ Sở Y tế')).toEqual([
      '- Đảng ủy Sở Y tế (b/c),',
      '- Các đảng viên trong chi bộ,',
      '- Lưu Chi bộ.',
    ]);
  });
});
