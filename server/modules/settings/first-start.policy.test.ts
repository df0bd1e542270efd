import { describe, expect, it } from 'vitest';
import { rootNameIntervals } from './first-start.policy';

const today = '2026-12-06';

describe("the top committee's names over time (first-start set-up)", () => {
  it('a bloc committee established in 1954, renamed on 01/02/2025 (Kết luận 121-KL/TW), heads its 2020 documents with its old name', () => {
    const r = rootNameIntervals(
      {
        name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
        establishedOn: '1954-09-27',
        earlierNames: [{ name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', until: '2025-02-01' }],
      },
      today,
    );
    expect(r).toEqual({
      ok: true,
      intervals: [
        {
          name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
          validFrom: '1954-09-27',
          validTo: '2025-02-01',
        },
        { name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn', validFrom: '2025-02-01', validTo: null },
      ],
    });
  });

  it('orders several earlier names by the day each one ended', () => {
    const r = rootNameIntervals(
      {
        name: 'C',
        establishedOn: '2000-01-01',
        earlierNames: [
          { name: 'B', until: '2020-01-01' },
          { name: 'A', until: '2010-01-01' },
        ],
      },
      today,
    );
    expect(r.ok && r.intervals.map((i) => `${i.name} ${i.validFrom}–${i.validTo ?? ''}`)).toEqual([
      'A 2000-01-01–2010-01-01',
      'B 2010-01-01–2020-01-01',
      'C 2020-01-01–',
    ]);
  });

  it('refuses a name used until a day before the establishment, a rename in the future, a future establishment', () => {
    expect(
      rootNameIntervals(
        {
          name: 'B',
          establishedOn: '2010-01-01',
          earlierNames: [{ name: 'A', until: '2009-01-01' }],
        },
        today,
      ),
    ).toEqual({
      ok: false,
      field: 'earlierNames.0.until',
      message:
        'Tên "A" phải được dùng đến sau ngày 01/01/2010 (ngày thành lập hoặc lần đổi tên trước).',
    });
    expect(
      rootNameIntervals(
        {
          name: 'B',
          establishedOn: '2010-01-01',
          earlierNames: [{ name: 'A', until: '2027-01-01' }],
        },
        today,
      ),
    ).toMatchObject({ ok: false, message: 'Ngày đổi tên 01/01/2027 ở tương lai.' });
    expect(
      rootNameIntervals({ name: 'B', establishedOn: '2027-01-01', earlierNames: [] }, today),
    ).toMatchObject({ ok: false, field: 'establishedOn' });
  });
});
