// Property-based tests of the text readers the importers rely on: whatever a spreadsheet cell holds,
// the legacy-encoding decoders and the date parser answer (never throw), ordinary Unicode Vietnamese
// is never changed, and a date is either a real ISO date in the field's range or a Vietnamese error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DateKind, parseDateCell } from './dates';
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
} from './legacy-encodings';

const RUNS = 500;
const TODAY = '2026-06-15';

const initials = [
  '',
  'b',
  'c',
  'ch',
  'd',
  'đ',
  'g',
  'gi',
  'h',
  'kh',
  'l',
  'm',
  'n',
  'ng',
  'nh',
  'ph',
  'qu',
  's',
  't',
  'th',
  'tr',
  'v',
  'x',
];
const nuclei = [
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
  'oa',
  'uy',
  'ươ',
  'iê',
  'ua',
  'ưa',
  'ai',
  'ao',
  'ay',
  'oi',
  'ôi',
  'ơi',
  'ui',
];
const finals = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

/** A real Vietnamese syllable in NFC (possibly capitalised), as typed in Unicode. */
const syllable = fc
  .record({
    i: fc.constantFrom(...initials),
    n: fc.constantFrom(...nuclei),
    f: fc.constantFrom(...finals),
    t: fc.constantFrom(...tones),
    cap: fc.constantFrom('lower', 'title', 'upper'),
  })
  .map(({ i, n, f, t, cap }) => {
    // The tone goes on the first vowel letter of the nucleus (good enough for validity tests).
    const word = `${i}${n[0]}${t}${n.slice(1)}${f}`.normalize('NFC');
    if (cap === 'upper') return word.toUpperCase();
    if (cap === 'title') return word[0].toUpperCase() + word.slice(1);
    return word;
  })
  .filter((w) => isVietnameseSyllable(w));

/** Text of real syllables with the separators cells have. */
const vietnameseText = fc
  .array(fc.tuple(syllable, fc.constantFrom(' ', ' ', ', ', ' – ', '-', ' (', ') ')), {
    minLength: 1,
    maxLength: 8,
  })
  .map((parts) =>
    parts
      .map(([w, sep], i) => (i === parts.length - 1 ? w : w + sep))
      .join('')
      .trim(),
  );

/** What a cell can hold after reading: any Unicode, latin1 bytes (legacy fonts), mixtures. */
const latin1Char = fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c));
const anyCellText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(latin1Char, { maxLength: 60 }).map((cs) => cs.join('')),
  vietnameseText.map((t) => encodeTcvn3(t)),
  vietnameseText.map((t) => encodeVni(t)),
  vietnameseText.map((t) => t.normalize('NFD')),
);

describe('legacy-encoding decoders (property-based)', () => {
  it('never throw on any text, with or without latin1 bytes and a preferred encoding', () => {
    fc.assert(
      fc.property(
        anyCellText,
        fc.boolean(),
        fc.constantFrom(null, 'tcvn3', 'vni', 'cp1258'),
        (text, latin1Bytes, prefer) => {
          for (const decode of [decodeTcvn3, decodeVni, decodeCp1258])
            expect(typeof decode(text)).toBe('string');
          const c = convertLegacyText(text, {
            latin1Bytes,
            prefer: prefer as 'tcvn3' | 'vni' | 'cp1258' | null,
          });
          expect(typeof c.text).toBe('string');
          expect(c.changed).toBe(c.text !== text);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('leave Unicode Vietnamese text unchanged, and read its NFD form back to exactly it', () => {
    fc.assert(
      fc.property(vietnameseText, fc.boolean(), (text, latin1Bytes) => {
        expect(convertLegacyText(text, { latin1Bytes })).toEqual({
          text,
          encoding: 'unicode',
          changed: false,
        });
        const nfd = text.normalize('NFD');
        expect(convertLegacyText(nfd, { latin1Bytes }).text).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('are idempotent: converting their own output again changes nothing', () => {
    fc.assert(
      fc.property(anyCellText, fc.boolean(), (text, latin1Bytes) => {
        const once = convertLegacyText(text, { latin1Bytes }).text;
        const twice = convertLegacyText(once, { latin1Bytes }).text;
        expect(twice).toBe(once);
      }),
      { numRuns: RUNS },
    );
  });

  // A cell alone can be ambiguous ("Chi bé" is Unicode, and TCVN3 for "Chi bộ"): text that is valid
  // Vietnamese as it stands is kept (issue 17), and its legacy reading is offered for a lookup among
  // real names; otherwise the encoding the rest of the column uses (`prefer`) settles a tie.
  it('read TCVN3 and VNI encodings of Unicode Vietnamese back to the text, or keep valid text', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const lower = text.toLowerCase();
        // TCVN3 has no codes for most capitals: case is restored only in all-capital words.
        expect(decodeTcvn3(encodeTcvn3(text)).toLowerCase()).toBe(lower);
        expect(decodeVni(encodeVni(text))).toBe(text);
        for (const [encoded, prefer] of [
          [encodeTcvn3(text), 'tcvn3'],
          [encodeVni(text), 'vni'],
        ] as const) {
          const read = convertLegacyText(encoded, { prefer }).text;
          if (encoded !== text && isValidVietnameseText(encoded)) {
            expect(read).toBe(encoded);
            // Where the legacy reading is the text itself ("Ý a" is "ý a" in TCVN3, whose ý is
            // Unicode's), legacyReadings offers nothing: the text stands for its reading.
            const back =
              legacyReadings(encoded).find((r) => r.encoding === prefer)?.text ?? encoded;
            expect(back.toLowerCase()).toBe(lower);
          } else expect(read.toLowerCase()).toBe(lower);
        }
        expect(convertLegacyText(text).text).toBe(text);
      }),
      { numRuns: RUNS, examples: [['Ý a'], ['Ý A'], ['ý a']] },
    );
  });

  it('leave plain ASCII text as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), (text) => {
        expect(convertLegacyText(text, { latin1Bytes: true }).text).toBe(text);
      }),
      { numRuns: RUNS },
    );
  });
});

const isRealIso = (iso: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
};

const dateLike = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: -5, max: 40 }),
      fc.integer({ min: -2, max: 14 }),
      fc.integer({ min: 0, max: 2100 }),
      fc.constantFrom('/', '-', '.', ' / ', ''),
    )
    .map(([d, m, y, s]) => `${d}${s}${m}${s}${y}`),
  fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.nat(3000))
    .map(([d, m, y]) => `ngày ${d} tháng ${m} năm ${y}`),
  fc.tuple(fc.integer({ min: 0, max: 14 }), fc.nat(3000)).map(([m, y]) => `tháng ${m}/${y}`),
  fc.date({ noInvalidDate: false }),
  fc.double(),
  fc.integer(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    null,
    undefined,
    '',
    '   ',
    '29/02/2023',
    '29/02/2024',
    '31/04/1990',
    '00/00/0000',
  ),
  fc.anything(),
);

describe('date parser (property-based)', () => {
  it('never throws; answers null, a real ISO date within the field range, or a Vietnamese error', () => {
    fc.assert(
      fc.property(
        dateLike,
        fc.constantFrom<DateKind>('birth', 'admission', 'event'),
        (value, kind) => {
          const r = parseDateCell(value, { kind, today: TODAY });
          if (r === null) return;
          if (r.ok) {
            expect(isRealIso(r.iso), String(value)).toBe(true);
            expect(r.iso <= TODAY).toBe(true);
            expect(r.iso >= '1900-01-01').toBe(true);
            if (kind !== 'birth') expect(r.iso >= '1930-02-03').toBe(true);
          } else {
            expect(r.error.length).toBeGreaterThan(5);
            expect(r.error).toMatch(/[ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđƠơƯưẠ-ỹ]/);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads every real day-first date of the range back to itself', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1930-02-03T00:00:00Z'),
          max: new Date(`${TODAY}T00:00:00Z`),
          noInvalidDate: true,
        }),
        fc.constantFrom('/', '-', '.'),
        (date, sep) => {
          const iso = date.toISOString().slice(0, 10);
          const text = [iso.slice(8, 10), iso.slice(5, 7), iso.slice(0, 4)].join(sep);
          expect(parseDateCell(text, { kind: 'event', today: TODAY })).toEqual({ ok: true, iso });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
