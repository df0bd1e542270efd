// Reading header rows (issue 17): a header that is valid Unicode is never converted, and a legacy
// header that is valid Vietnamese both ways is still recognised by its known name.
import { describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../../../domain/text/legacy-encodings';
import { guessMapping, guessSkippedColumns, isKnownHeader } from './imports.fields';
import { parseSpreadsheet } from './imports.parse';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(';')).join('\r\n'), 'latin1');

describe('header row of an old member list', () => {
  it('keeps the Unicode header "Quê quán" in a file typed in TCVN3 and maps its column', async () => {
    // Every other text is TCVN3 bytes (a latin1 CSV); "Quê quán" is Unicode, whose letters are latin1 too.
    const sheet = await parseSpreadsheet(
      csv([
        ['STT', encodeTcvn3('Họ và tên'), 'Quê quán', encodeTcvn3('Ngày sinh')],
        ['1', encodeTcvn3('Nguyễn Văn Hùng'), encodeTcvn3('Hà Nội'), '01/02/1980'],
        ['2', encodeTcvn3('Trần Thị Thu Hằng'), encodeTcvn3('Thái Bình'), '03/04/1985'],
      ]),
      'cu.csv',
      isKnownHeader('members'),
    );
    expect(sheet.headers).toEqual(['STT', 'Họ và tên', 'Quê quán', 'Ngày sinh']);
    expect(sheet.rows.map((r) => r.cells[2])).toEqual(['Hà Nội', 'Thái Bình']);
    const mapping = guessMapping('members', sheet.headers);
    expect(mapping).toMatchObject({ fullName: 1, homeTown: 2, birthDate: 3 });
    expect(guessSkippedColumns(sheet.headers, mapping)).toEqual([0]);
  });

  it('reads the TCVN3 header "Chi bé" as "Chi bộ", a known header, and says it converted it', async () => {
    const sheet = await parseSpreadsheet(
      csv([
        [encodeTcvn3('Họ và tên'), encodeTcvn3('Chi bộ'), encodeTcvn3('Ngày sinh')],
        [encodeTcvn3('Lê Văn Một'), 'Kho', '01/02/1980'],
      ]),
      'cu.csv',
      isKnownHeader('members'),
    );
    expect(encodeTcvn3('Chi bộ')).toBe('Chi bé');
    expect(sheet.headers).toEqual(['Họ và tên', 'Chi bộ', 'Ngày sinh']);
    expect(sheet.headerConversions).toContainEqual(
      expect.objectContaining({ column: 1, original: 'Chi bé', converted: 'Chi bộ' }),
    );
  });
});
