import { describe, expect, it } from 'vitest';
import {
  excelSerialToIso,
  isoToShownDate,
  parseDateCell,
  partyDocumentDate,
  typedDateToIso,
} from './dates';

const today = '2026-06-15';
const birth = (v: unknown) => parseDateCell(v, { kind: 'birth', today });
const admission = (v: unknown) => parseDateCell(v, { kind: 'admission', today });

describe('dates typed in office spreadsheets', () => {
  it('reads day-first dates with /, - or . and full or two-digit years', () => {
    for (const v of ['05/12/1990', '5/12/1990', '5-12-1990', '5.12.1990', '05 / 12 / 1990']) {
      expect(birth(v), v).toEqual({ ok: true, iso: '1990-12-05' });
    }
    expect(birth('5-12-90')).toEqual({ ok: true, iso: '1990-12-05' });
    expect(birth('ngày 5 tháng 12 năm 1990')).toEqual({ ok: true, iso: '1990-12-05' });
    expect(birth('1990-12-05')).toEqual({ ok: true, iso: '1990-12-05' });
    expect(birth('05/12/1990 00:00:00')).toEqual({ ok: true, iso: '1990-12-05' });
  });

  it('reads Excel serial numbers and Excel date cells', () => {
    expect(excelSerialToIso(33212)).toBe('1990-12-05');
    expect(birth(33212)).toEqual({ ok: true, iso: '1990-12-05' });
    expect(birth('33212')).toEqual({ ok: true, iso: '1990-12-05' });
    expect(birth(new Date(Date.UTC(1990, 11, 5)))).toEqual({ ok: true, iso: '1990-12-05' });
    // A date cell a little before midnight after floating-point rounding is still that day.
    expect(birth(new Date(Date.UTC(1990, 11, 5) - 1))).toEqual({ ok: true, iso: '1990-12-05' });
  });

  it('stores a month-only date as the first of the month, with a warning', () => {
    for (const v of ['tháng 12/1990', '12/1990', 'Tháng 12 năm 1990', 'T12/1990']) {
      const r = admission(v);
      expect(r, v).toMatchObject({ ok: true, iso: '1990-12-01' });
      expect(r?.ok && r.warning, v).toContain('01/12/1990');
    }
  });

  it('refuses impossible dates instead of guessing', () => {
    expect(birth('13/13/1990')).toMatchObject({ ok: false });
    expect(birth('31/02/1990')).toMatchObject({ ok: false });
    expect(birth('0/5/1990')).toMatchObject({ ok: false });
    expect(birth('hôm qua')).toMatchObject({ ok: false });
    expect(admission('13/2026')).toMatchObject({ ok: false });
  });

  it('refuses month-first (American) dates', () => {
    const r = birth('12/25/1990');
    expect(r).toMatchObject({ ok: false });
    expect(r?.ok === false && r.error).toContain('tháng trước ngày');
  });

  it('refuses two-digit years that could be either century', () => {
    // Admitted on 5/12/15: 1915 is before the Party existed, so 2015.
    expect(admission('5/12/15')).toEqual({ ok: true, iso: '2015-12-05' });
    // 5/12/95 as an admission: 2095 is in the future, so 1995.
    expect(admission('5/12/95')).toEqual({ ok: true, iso: '1995-12-05' });
    // Born 5/12/05: 2005 makes a 20-year-old, 1905 a 120-year-old: both possible, so an error.
    const r = birth('5/12/05');
    expect(r).toMatchObject({ ok: false });
    expect(r?.ok === false && r.error).toContain('19');
    // Born 5/12/15: 2015 would make a child of ten, so 1915.
    expect(birth('5/12/15')).toEqual({ ok: true, iso: '1915-12-05' });
  });

  it('refuses dates in the future and admissions before the Party was founded', () => {
    expect(admission('01/01/2027')).toMatchObject({ ok: false });
    expect(admission('01/01/1925')).toMatchObject({ ok: false });
  });

  it('treats an empty cell as no date', () => {
    expect(birth('')).toBeNull();
    expect(birth('   ')).toBeNull();
    expect(birth(null)).toBeNull();
  });
});

describe('the date of a Party document (Hướng dẫn 36-HD/VPTW of 03/4/2018)', () => {
  it('pads a day below 10 but not April: 36-HD is itself dated "ngày 03 tháng 4 năm 2018"', () => {
    expect(partyDocumentDate('2018-04-03')).toBe('ngày 03 tháng 4 năm 2018');
  });
  it('pads January and February only: "ngày 20 tháng 02 năm 2018", "ngày 05 tháng 01 năm 2026"', () => {
    expect(partyDocumentDate('2018-02-20')).toBe('ngày 20 tháng 02 năm 2018');
    expect(partyDocumentDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
  });
  it('writes March to December as they are: "ngày 31 tháng 12 năm 2020", "ngày 10 tháng 3 năm 2025"', () => {
    expect(partyDocumentDate('2020-12-31')).toBe('ngày 31 tháng 12 năm 2020');
    expect(partyDocumentDate('2025-03-10')).toBe('ngày 10 tháng 3 năm 2025');
    expect(partyDocumentDate('2025-09-09')).toBe('ngày 09 tháng 9 năm 2025');
  });
});

describe('date fields: typed and shown day first, whatever the browser language', () => {
  it('reads what a user types, day first', () => {
    for (const v of [
      '31/12/2026',
      '31-12-2026',
      '31.12.2026',
      '31122026',
      ' 31 / 12 / 2026 ',
      '2026-12-31',
    ])
      expect(typedDateToIso(v), v).toBe('2026-12-31');
    expect(typedDateToIso('1/2/2026')).toBe('2026-02-01');
    expect(typedDateToIso('05/12/1990')).toBe('1990-12-05');
  });

  it('refuses impossible dates and month-first guesses', () => {
    for (const v of ['12/31/2026', '31/02/2026', '29/02/2026', '', 'abc', '31/12/26', '2026-13-01'])
      expect(typedDateToIso(v), v).toBeNull();
    expect(typedDateToIso('29/02/2028')).toBe('2028-02-29');
  });

  it('shows ISO dates and timestamps as dd/mm/yyyy', () => {
    expect(isoToShownDate('2026-12-31')).toBe('31/12/2026');
    expect(isoToShownDate('2026-02-01T10:00:00Z')).toBe('01/02/2026');
    expect(isoToShownDate(null)).toBe('');
    expect(isoToShownDate('')).toBe('');
    expect(isoToShownDate('not a date')).toBe('');
  });
});
