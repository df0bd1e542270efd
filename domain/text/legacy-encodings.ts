// Legacy Vietnamese encodings found in old office spreadsheets (docs/domain/vietnamese-text.md, import.md): TCVN3/ABC (.VnTime
// fonts), VNI (VNI-Times fonts) and Windows-1258, read as Unicode code points U+0000–U+00FF (how
// Excel keeps text typed in those fonts, and how a CSV of such bytes reads as latin1). Pure: no I/O.
//
// Each cell is judged on its own: every plausible reading (as Unicode, TCVN3, VNI, Windows-1258) is
// scored by how many of its words are real Vietnamese syllables; a legacy reading replaces the text
// only when it scores strictly better, so ordinary Unicode text ("Lê", "Hoà", "José") is never touched.
// Unicode (TCVN 6909:2001) is the one code for Party and State data exchange from 1 January 2003
// (Decision 72/2002/QĐ-TTg, 10 June 2002); docs/domain/import.md.

export type TextEncoding = 'unicode' | 'nfd' | 'tcvn3' | 'vni' | 'cp1258';

/** Vowels in a fixed order and the five tone marks (huyền, sắc, hỏi, ngã, nặng) as combining marks. */
const vowels = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const toneMarks = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const withTone = (vowel: string, tone: number): string =>
  tone === 0 ? vowel : (vowel + toneMarks[tone - 1]).normalize('NFC');

/** The 134 Vietnamese letters with diacritics: 67 lower case (66 toned or modified vowels + đ), 67 upper. */
export const vietnameseLetters: readonly string[] = (() => {
  const lower: string[] = [];
  for (const v of vowels)
    for (let t = 0; t < 6; t++) {
      if (t === 0 && 'aeiouy'.includes(v)) continue;
      lower.push(withTone(v, t));
    }
  lower.push('đ');
  return [...lower, ...lower.map((c) => c.toUpperCase())];
})();

// ---------------------------------------------------------------- TCVN3 (TCVN 5712:1993 VN3, ABC)

/** Byte codes per vowel, in the order: no tone, huyền, sắc, hỏi, ngã, nặng (null: plain ASCII). */
const tcvn3Codes: Record<(typeof vowels)[number], (number | null)[]> = {
  a: [null, 0xb5, 0xb8, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbb, 0xbe, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xc7, 0xca, 0xc8, 0xc9, 0xcb],
  e: [null, 0xcc, 0xd0, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd2, 0xd5, 0xd3, 0xd4, 0xd6],
  i: [null, 0xd7, 0xdd, 0xd8, 0xdc, 0xde],
  o: [null, 0xdf, 0xe3, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe5, 0xe8, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xea, 0xed, 0xeb, 0xec, 0xee],
  u: [null, 0xef, 0xf3, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf5, 0xf8, 0xf6, 0xf7, 0xf9],
  y: [null, 0xfa, 0xfd, 0xfb, 0xfc, 0xfe],
};
/** The only upper-case letters VN3 has; other capitals use the same codes in a .VnTimeH font. */
const tcvn3Upper: Record<string, number> = {
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};

const tcvn3Decode = new Map<string, string>();
const tcvn3Encode = new Map<string, string>();
for (const v of vowels)
  tcvn3Codes[v].forEach((code, tone) => {
    if (code === null) return;
    const letter = withTone(v, tone);
    tcvn3Decode.set(String.fromCharCode(code), letter);
    tcvn3Encode.set(letter, String.fromCharCode(code));
  });
tcvn3Decode.set('\u00ae', 'đ');
tcvn3Encode.set('đ', '\u00ae');
for (const [letter, code] of Object.entries(tcvn3Upper)) {
  tcvn3Decode.set(String.fromCharCode(code), letter);
  tcvn3Encode.set(letter, String.fromCharCode(code));
}

/**
 * Unicode → TCVN3 (as latin1 code points). Capitals without a VN3 code take the lower-case code, as
 * text typed in the .VnTimeH (upper-case) font does; decoding restores them in all-capital words.
 */
export const encodeTcvn3 = (text: string): string =>
  [...text.normalize('NFC')]
    .map((c) => tcvn3Encode.get(c) ?? tcvn3Encode.get(c.toLowerCase()) ?? c)
    .join('');

const isAsciiUpper = (c: string) => c >= 'A' && c <= 'Z';
const isAsciiLower = (c: string) => c >= 'a' && c <= 'z';

/**
 * TCVN3 → Unicode. In a word whose plain letters are all capitals (at least two of them), decoded
 * letters are capitals too.
 */
export const decodeTcvn3 = (text: string): string =>
  text.replace(/[^\s,;:()/\-–.]+/g, (word) => {
    const chars = [...word];
    const capitals =
      chars.filter(isAsciiUpper).length >= 2 &&
      !chars.some(isAsciiLower) &&
      chars.some((c) => tcvn3Decode.has(c));
    return chars
      .map((c) => {
        const letter = tcvn3Decode.get(c);
        if (!letter) return c;
        return capitals ? letter.toUpperCase() : letter;
      })
      .join('');
  });

// ---------------------------------------------------------------- VNI (VNI-Windows, VNI-Times fonts)

/** Modifier characters typed after the base vowel: tones, then circumflex (+tone), breve (+tone). */
const vniTone = ['', 'ø', 'ù', 'û', 'õ', 'ï'];
const vniCircumflex = ['â', 'à', 'á', 'å', 'ã', 'ä'];
const vniBreve = ['ê', 'è', 'é', 'ú', 'ü', 'ë'];
/** Letters VNI writes as one character: ơ, ư, đ, the toned i, and ỵ. */
const vniSingle: Record<string, string> = {
  ơ: 'ô',
  ư: 'ö',
  đ: 'ñ',
  ì: 'ì',
  í: 'í',
  ỉ: 'æ',
  ĩ: 'ó',
  ị: 'ò',
  ỵ: 'î',
};

const vniEncode = new Map<string, string>();
for (const v of vowels)
  for (let t = 0; t < 6; t++) {
    const letter = withTone(v, t);
    if (vniSingle[letter]) continue;
    let code: string;
    if (v === 'â' || v === 'ê' || v === 'ô')
      code = (v === 'â' ? 'a' : v === 'ê' ? 'e' : 'o') + vniCircumflex[t];
    else if (v === 'ă') code = `a${vniBreve[t]}`;
    else if (v === 'ơ' || v === 'ư') code = vniSingle[v] + vniTone[t];
    else code = v + vniTone[t];
    if (code.length > 1 || t > 0 || v !== code) vniEncode.set(letter, code);
  }
for (const [letter, code] of Object.entries(vniSingle)) vniEncode.set(letter, code);
// Capitals: capital base and capital modifier ("AØ" = À); many files also have "Aø".
const vniDecode = new Map<string, string>();
for (const [letter, code] of [...vniEncode]) {
  if (code === letter) continue;
  vniDecode.set(code, letter);
  const upper = letter.toUpperCase();
  vniEncode.set(upper, code.toUpperCase());
  vniDecode.set(code.toUpperCase(), upper);
  if (code.length === 2) vniDecode.set(code[0].toUpperCase() + code[1], upper);
}

/** Unicode → VNI (as latin1 code points). */
export const encodeVni = (text: string): string =>
  [...text.normalize('NFC')].map((c) => vniEncode.get(c) ?? c).join('');

/** VNI → Unicode: the longest known sequence at each position. */
export const decodeVni = (text: string): string => {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const two = vniDecode.get(text.slice(i, i + 2));
    if (two && i + 1 < text.length) {
      out += two;
      i += 2;
      continue;
    }
    out += vniDecode.get(text[i]) ?? text[i];
    i += 1;
  }
  return out;
};

// ---------------------------------------------------------------- Windows-1258

const cp1258: Record<string, string> = {
  '\u00c3': 'Ă',
  '\u00e3': 'ă',
  '\u00d0': 'Đ',
  '\u00f0': 'đ',
  '\u00d5': 'Ơ',
  '\u00f5': 'ơ',
  '\u00dd': 'Ư',
  '\u00fd': 'ư',
  '\u00cc': '\u0300',
  '\u00ec': '\u0301',
  '\u00d2': '\u0309',
  '\u00de': '\u0303',
  '\u00f2': '\u0323',
};

/** Windows-1258 bytes read as latin1 → Unicode NFC (its tones are combining marks). */
export const decodeCp1258 = (text: string): string =>
  [...text]
    .map((c) => cp1258[c] ?? c)
    .join('')
    .normalize('NFC');

// ---------------------------------------------------------------- detection

const initials = 'ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x';
const nuclei = [
  'iêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyê',
  'uyu',
  'ươi',
  'ươu',
  'yêu',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'oo',
  'ôi',
  'ơi',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
];
const syllable = new RegExp(`^(?:${initials})?(?:${nuclei.join('|')})(?:ch|nh|ng|c|m|n|p|t)?$`);

/** Whether a word is a well-formed Vietnamese syllable (at most one tone, a real vowel cluster). */
export const isVietnameseSyllable = (word: string): boolean => {
  const nfd = word.toLowerCase().normalize('NFD');
  let tones = 0;
  let base = '';
  for (const c of nfd) {
    if ((toneMarks as readonly string[]).includes(c)) tones += 1;
    else base += c;
  }
  return tones <= 1 && syllable.test(base.normalize('NFC'));
};

/** Letters only Unicode Vietnamese text has (ă ơ ư đ and the precomposed toned letters). */
const unicodeOnly = /[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;
const combining = /[\u0300-\u036f]/;
const legacyRange = /[\u00a0-\u00ff]/;

const wordsOf = (text: string) => text.split(/[\s,;:()/\-–.'"]+/).filter(Boolean);

/** How Vietnamese a reading looks: valid syllables among the words the legacy bytes touched. */
const scoreOf = (original: string, reading: string): number => {
  const before = wordsOf(original);
  const after = wordsOf(reading);
  if (before.length !== after.length) return -1000;
  let score = 0;
  before.forEach((w, i) => {
    if (!legacyRange.test(w)) return;
    score += isVietnameseSyllable(after[i]) ? 1 : -1;
  });
  return score;
};

export type Conversion = { text: string; encoding: TextEncoding; changed: boolean };

/**
 * Text whose every word with a letter of the legacy range (à, ê, ô, ú…) is a well-formed Vietnamese
 * syllable as it stands: valid Unicode Vietnamese ("Quê quán", "Lê", "Hoà"), never converted, even
 * when a legacy reading is Vietnamese too ("Quê quán" reads "Quờ quỏn" in TCVN3).
 */
export const isValidVietnameseText = (text: string): boolean => {
  const touched = wordsOf(text).filter((w) => legacyRange.test(w));
  return touched.length > 0 && touched.every(isVietnameseSyllable);
};

/**
 * Every legacy reading of a text that differs from it (TCVN3, VNI, and Windows-1258 for latin1
 * bytes), for callers that can check a reading against a list of real names (column headers, cell
 * names) when the text as it stands is valid Vietnamese and so was not converted ("Chi bé" is
 * Unicode, and TCVN3 for "Chi bộ").
 */
export const legacyReadings = (
  text: string,
  options: { latin1Bytes?: boolean } = {},
): { encoding: LegacyEncoding; text: string }[] => {
  if (!legacyRange.test(text) || unicodeOnly.test(text) || combining.test(text)) return [];
  const readings: { encoding: LegacyEncoding; text: string }[] = [
    { encoding: 'tcvn3', text: decodeTcvn3(text) },
    { encoding: 'vni', text: decodeVni(text) },
  ];
  if (options.latin1Bytes) readings.push({ encoding: 'cp1258', text: decodeCp1258(text) });
  return readings.filter((r) => r.text !== text);
};

/** Text with letters only Unicode Vietnamese has: certainly not legacy bytes. */
export const isUnicodeVietnamese = (text: string): boolean => unicodeOnly.test(text);

export type LegacyEncoding = 'tcvn3' | 'vni' | 'cp1258';

/**
 * Read one cell: NFD becomes NFC; a legacy reading (TCVN3, VNI, and Windows-1258 when the bytes were
 * read as latin1) is used only when its words are better Vietnamese than the text as it stands.
 * Text that is valid Vietnamese as it stands is never converted (issue 17: the header "Quê quán"
 * became "Quờ quỏn" and its column was lost). `prefer`: the encoding other cells of the same column
 * were certainly in; it settles a tie between readings when the text itself is not valid Vietnamese.
 */
export const convertLegacyText = (
  text: string,
  options: { latin1Bytes?: boolean; prefer?: LegacyEncoding | null } = {},
): Conversion => {
  if (!legacyRange.test(text) || unicodeOnly.test(text) || combining.test(text)) {
    const nfc = text.normalize('NFC');
    return nfc === text
      ? { text, encoding: 'unicode', changed: false }
      : { text: nfc, encoding: 'nfd', changed: true };
  }
  let best: Conversion = { text, encoding: 'unicode', changed: false };
  if (isValidVietnameseText(text)) return best;
  const readings = legacyReadings(text, options);
  let bestScore = scoreOf(text, text);
  for (const r of readings) {
    const score = scoreOf(text, r.text);
    const preferred = r.encoding === options.prefer && score > 0 && score === bestScore;
    if (score > bestScore || preferred) {
      best = { text: r.text, encoding: r.encoding, changed: true };
      bestScore = score;
    }
  }
  return best;
};

export const encodingLabels: Record<TextEncoding, string> = {
  unicode: 'Unicode',
  nfd: 'Unicode tổ hợp (NFD)',
  tcvn3: 'TCVN3 (ABC, phông .VnTime)',
  vni: 'VNI (phông VNI-Times)',
  cp1258: 'Windows-1258',
};
