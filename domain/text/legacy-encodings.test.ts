import { describe, expect, it } from 'vitest';
import {
  convertLegacyText,
  decodeCp1258,
  decodeTcvn3,
  decodeVni,
  encodeTcvn3,
  encodeVni,
  isValidVietnameseText,
  isVietnameseSyllable,
  legacyReadings,
  vietnameseLetters,
} from './legacy-encodings';

describe('TCVN3 (ABC, .VnTime)', () => {
  it('reads names typed in .VnTime fonts', () => {
    expect(decodeTcvn3('NguyÔn V¨n Hïng')).toBe('Nguyễn Văn Hùng');
    expect(decodeTcvn3('TrÇn ThÞ Thu H»ng')).toBe('Trần Thị Thu Hằng');
    expect(decodeTcvn3('§¶ng bé x· Tam §¶o')).toBe('Đảng bộ xã Tam Đảo');
    expect(decodeTcvn3('Phßng Tæ chøc')).toBe('Phòng Tổ chức');
  });

  it('restores capitals in words typed in the .VnTimeH (upper-case) font', () => {
    expect(decodeTcvn3('NGUYÔN V¡N HïNG')).toBe('NGUYỄN VĂN HÙNG');
  });

  it('round-trips all 134 Vietnamese letters, lower case and in capital words', () => {
    expect(vietnameseLetters).toHaveLength(134);
    expect(new Set(vietnameseLetters).size).toBe(134);
    for (const letter of vietnameseLetters) {
      const word = letter === letter.toLowerCase() ? `h${letter}ng` : `H${letter}NG`;
      const encoded = encodeTcvn3(word);
      expect(encoded, letter).toMatch(/^[ -\u00ff]+$/);
      expect(decodeTcvn3(encoded), letter).toBe(word);
    }
  });
});

describe('VNI (VNI-Times)', () => {
  it('reads names typed in VNI fonts', () => {
    expect(decodeVni('Nguyeãn Vaên Huøng')).toBe('Nguyễn Văn Hùng');
    expect(decodeVni('Ñaûng boä Vieät Nam')).toBe('Đảng bộ Việt Nam');
    expect(decodeVni('Hoaøng Thò Thuûy')).toBe('Hoàng Thị Thủy');
    expect(decodeVni('Nguyeãn Phöôùc')).toBe('Nguyễn Phước');
  });

  it('reads capitals with capital or small modifiers', () => {
    expect(decodeVni('NGUYEÃN VAÊN HUØNG')).toBe('NGUYỄN VĂN HÙNG');
    expect(decodeVni('Aân')).toBe('Ân');
  });

  it('round-trips all 134 Vietnamese letters', () => {
    for (const letter of vietnameseLetters) {
      const word = `${letter === letter.toLowerCase() ? 'h' : 'H'}${letter}`;
      const encoded = encodeVni(word);
      expect(encoded, letter).toMatch(/^[ -\u00ff]+$/);
      expect(decodeVni(encoded), letter).toBe(word);
    }
  });
});

describe('Windows-1258', () => {
  it('composes its separate tone marks', () => {
    // "Nguyễn Phước" in cp1258 bytes: ê + tilde (0xDE), ư (0xFD) ơ (0xF5) + acute (0xEC).
    expect(decodeCp1258('Nguy\u00eaTn Ph\u00fd\u00f5\u00ecc'.replace('T', '\u00de'))).toBe(
      'Nguyễn Phước',
    );
  });
});

describe('detecting the encoding of a cell', () => {
  it('converts TCVN3 and VNI cells and says which it was', () => {
    expect(convertLegacyText('NguyÔn V¨n Hïng')).toEqual({
      text: 'Nguyễn Văn Hùng',
      encoding: 'tcvn3',
      changed: true,
    });
    expect(convertLegacyText('Nguyeãn Vaên Huøng')).toEqual({
      text: 'Nguyễn Văn Hùng',
      encoding: 'vni',
      changed: true,
    });
    expect(convertLegacyText(encodeTcvn3('Chi bộ Phòng Nghiệp vụ 1')).text).toBe(
      'Chi bộ Phòng Nghiệp vụ 1',
    );
    expect(convertLegacyText(encodeVni('Đảng bộ Sở Y tế')).text).toBe('Đảng bộ Sở Y tế');
  });

  it('turns decomposed Unicode (NFD) into NFC', () => {
    const nfd = 'Hoàng Thị Thủy'.normalize('NFD');
    expect(convertLegacyText(nfd)).toEqual({
      text: 'Hoàng Thị Thủy',
      encoding: 'nfd',
      changed: true,
    });
  });

  it('never changes ordinary Unicode text, even words that are also valid legacy bytes', () => {
    for (const text of [
      'Lê',
      'Hoà',
      'Lê Hoà',
      'Nguyễn Văn Hùng',
      'Tày',
      'Mông',
      'Hà Nội',
      'José Martí',
      'Café',
      'Không',
      '12/05/1990',
      'Phó Bí thư',
      'Ê Đê',
    ]) {
      expect(convertLegacyText(text), text).toEqual({ text, encoding: 'unicode', changed: false });
    }
  });

  // Issue 17: in a file whose other cells are TCVN3, the Unicode header "Quê quán" was read as
  // TCVN3 ("Quờ quỏn"), matched no field, and its column was dropped.
  it('never converts text that is valid Vietnamese as it stands, whatever the rest of the column uses', () => {
    for (const text of ['Quê quán', 'Chi bé', 'Hoà', 'Lê Hà', 'Tôn giáo']) {
      for (const prefer of ['tcvn3', 'vni', 'cp1258', null] as const)
        expect(convertLegacyText(text, { prefer, latin1Bytes: true }).text, text).toBe(text);
      expect(isValidVietnameseText(text), text).toBe(true);
    }
    expect(isValidVietnameseText('Qu\u00aa qu\u00b8n'), 'TCVN3 bytes of "Quê quán"').toBe(false);
    expect(convertLegacyText('Qu\u00aa qu\u00b8n').text).toBe('Quê quán');
  });

  it('offers the legacy readings of ambiguous text, for a lookup among real names', () => {
    expect(legacyReadings('Chi bé')).toContainEqual({ encoding: 'tcvn3', text: 'Chi bộ' });
    expect(legacyReadings('Nguyễn Văn A')).toEqual([]);
    expect(legacyReadings('Chi bo')).toEqual([]);
  });

  it('reads Windows-1258 only from bytes that were read as latin1', () => {
    const bytes = 'Ph\u00fd\u00f5\u00ecc';
    expect(convertLegacyText(bytes, { latin1Bytes: true }).text).toBe('Phước');
  });

  it('knows Vietnamese syllables from other words', () => {
    for (const w of ['Nguyễn', 'Hùng', 'quyết', 'gì', 'Phước', 'khuya', 'ngoèo']) {
      expect(isVietnameseSyllable(w), w).toBe(true);
    }
    for (const w of ['Hïng', 'Nguyeón', 'José', 'Æn']) {
      expect(isVietnameseSyllable(w), w).toBe(false);
    }
  });
});
