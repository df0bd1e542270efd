// Property-based tests of the import API as an office user: arbitrary bytes, random CSV and XLSX
// files (legacy-font bytes, NFD, quotes, separators, huge cells, formulas, empty files, a header
// only), random mappings, random excluded rows and duplicate decisions. Every answer is a 2xx or a
// 4xx with a Vietnamese message – never a 500, never an "internal" error line in the NDJSON stream –
// and a commit that is refused writes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importKinds } from '../../../contracts/imports';
import { encodeTcvn3, encodeVni } from '../../../domain/text/legacy-encodings';
import { queryOne, queryRows, sql } from '../../db/client';
import { readStream, type StreamAnswer, xlsxOf } from '../../test/import-api';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { guessMapping, importFields } from './imports.fields';

let t: Awaited<ReturnType<typeof openTestApp>>;
let office: Session;
let cellLabels: string[] = [];

const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

beforeAll(async () => {
  t = await openTestApp('demo');
  office = await loginAs(t.app, 'vanphong');
  const rows = await queryRows<{ label: string }>(
    t.db,
    sql`select o.name || ' – ' || p.name as label from org_units o join org_units p on p.id = o.parent_id
        where o.kind = 'cell' and o.dissolved_on is null order by o.id limit 8`,
  );
  cellLabels = rows.map((r) => r.label);
});
afterAll(async () => t.close());

/** Rows in the tables an import writes. */
const counts = async () =>
  (await queryOne<Record<string, number>>(
    t.db,
    sql`select (select count(*)::int from members) as members,
               (select count(*)::int from member_events) as events,
               (select count(*)::int from applicants) as applicants,
               (select count(*)::int from import_row_keys) as keys,
               (select count(*)::int from member_periods) as periods`,
  ))!;

/** A 2xx, or a 4xx with a Vietnamese message; a stream ends with a result or a non-internal error. */
const expectClean = (answer: StreamAnswer, what: string) => {
  if (answer.statusCode !== 200) {
    expect(answer.statusCode, what).toBeGreaterThanOrEqual(400);
    expect(answer.statusCode, what).toBeLessThan(500);
    expect(answer.error?.message, what).toMatch(vietnamese);
    return;
  }
  const last = answer.lines[answer.lines.length - 1];
  expect(['result', 'error'], what).toContain(last?.type);
  if (answer.error) {
    expect(answer.error.code, `${what}: ${answer.error.message}`).not.toBe('INTERNAL');
    expect(answer.error.message, what).toMatch(vietnamese);
  }
};

/** POST any JSON value (or none) with the session's cookie and CSRF header. */
const post = async (url: string, body: unknown, what: string) => {
  const json = JSON.stringify(body);
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers: {
      cookie: office.cookie,
      'x-csrf-token': office.csrf,
      ...(json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    payload: json,
  });
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).not.toBe(500);
  const answer = readStream(res);
  expectClean(answer, what);
  return answer;
};

// ---------------------------------------------------------------- arbitraries

const knownHeaders = [
  ...new Set(Object.values(importFields).flatMap((fields) => fields.flatMap((f) => f.headers))),
];
const date = fc
  .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 13 }), fc.nat(2030))
  .map(([d, m, y]) => `${d}/${m}/${y}`);
const validDate = (from: number, to: number) =>
  fc
    .tuple(
      fc.integer({ min: 1, max: 28 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: from, max: to }),
    )
    .map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);
const names = [
  'Nguyễn Văn Hùng',
  'Trần Thị Thu Hằng',
  'Lê Minh Đức',
  'Phạm Ngọc Lan',
  'Đỗ Quang Tuấn',
];

/** What offices put in cells, and what breaks readers. */
const cellText = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...names).map(encodeTcvn3),
  fc.constantFrom(...names).map(encodeVni),
  fc.constantFrom(...names).map((n) => n.normalize('NFD')),
  fc.constantFrom('Nam', 'Nữ', 'nam', 'x', 'Kinh', 'Tày', 'Đại học', '12/12', 'Sơ cấp'),
  date,
  fc.constantFrom(
    '=1+1',
    '=HYPERLINK("http://x")',
    '+1',
    '-1',
    '@SUM(A1)',
    '"',
    '""',
    '";"',
    ';',
    ',',
    '\t',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 0, max: 99_999 }).map(String),
  fc.constantFrom('', ' ', 'Tổng số: 7 đảng viên', '(1)'),
  fc.integer({ min: 300, max: 70_000 }).map((n) => 'Đ'.repeat(n)),
);
const cellOrLabel = () =>
  fc.oneof(
    cellText,
    fc.nat(7).map((i) => cellLabels[i % Math.max(1, cellLabels.length)] ?? ''),
  );

/** A member row that could be valid: the commit sometimes writes. */
const plausibleMember = () =>
  fc
    .tuple(
      fc.constantFrom(...names),
      fc.constantFrom('Nam', 'Nữ'),
      validDate(1960, 1995),
      fc.nat(7),
      validDate(2015, 2020),
      fc.option(fc.stringMatching(/^0\d{11}$/), { nil: '' }),
    )
    .map(([name, sex, birth, cell, admitted, cccd]) => [
      '1',
      name,
      sex,
      birth,
      'Kinh',
      cccd,
      cellLabels[cell % Math.max(1, cellLabels.length)] ?? '',
      admitted,
      '',
    ]);
const memberHeader = [
  'STT',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Dân tộc',
  'Số CCCD',
  'Chi bộ',
  'Ngày vào Đảng',
  'Ngày chính thức',
];

const header = fc.oneof(
  { weight: 4, arbitrary: fc.constant(memberHeader) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...knownHeaders), cellText), { maxLength: 12 }),
  },
  { weight: 2, arbitrary: fc.shuffledSubarray(knownHeaders, { minLength: 1, maxLength: 14 }) },
);
const row = fc.oneof(
  plausibleMember(),
  fc.array(cellOrLabel(), { maxLength: 14 }),
  plausibleMember().chain((r) =>
    fc.tuple(fc.nat(r.length - 1), cellText).map(([i, v]) => r.map((c, j) => (j === i ? v : c))),
  ),
);
const table = fc.record({
  header: fc.option(header, { nil: null, freq: 8 }),
  rows: fc.oneof(
    fc.array(row, { maxLength: 12 }),
    // Lists that can be written as they are, so that commits also succeed.
    fc.array(plausibleMember(), { minLength: 1, maxLength: 6 }),
  ),
  blankLinesAbove: fc.nat(3),
});

const quote = (cell: string, sep: string) =>
  /["\r\n]/.test(cell) || cell.includes(sep) ? `"${cell.replace(/"/g, '""')}"` : cell;

const csvOf = (
  rows: string[][],
  sep: string,
  eol: string,
  encoding: 'utf8' | 'bom' | 'latin1',
  quoteAll: boolean,
) => {
  const text = rows
    .map((r) => r.map((c) => (quoteAll ? `"${c.replace(/"/g, '""')}"` : quote(c, sep))).join(sep))
    .join(eol);
  if (encoding === 'latin1') return Buffer.from(text, 'latin1');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
};

const file = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({
        table,
        sep: fc.constantFrom(';', ',', '\t'),
        eol: fc.constantFrom('\r\n', '\n', '\r'),
        encoding: fc.constantFrom('utf8' as const, 'bom' as const, 'latin1' as const),
        quoteAll: fc.boolean(),
      })
      .map(({ table: tb, sep, eol, encoding, quoteAll }) => ({
        name: 'danh-sach.csv',
        build: async () =>
          csvOf(
            [
              ...Array.from({ length: tb.blankLinesAbove }, () => []),
              ...(tb.header ? [tb.header] : []),
              ...tb.rows,
            ],
            sep,
            eol,
            encoding,
            quoteAll,
          ),
      })),
  },
  {
    weight: 1,
    arbitrary: table.map((tb) => ({
      name: 'danh-sach.xlsx',
      build: () => xlsxOf([...(tb.header ? [tb.header] : []), ...tb.rows]),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '',
        '\ufeff',
        'STT;Họ và tên;Giới tính;Ngày sinh;Chi bộ;Ngày vào Đảng',
        '\r\n\r\n',
      )
      .map((text) => ({ name: 'rong.csv', build: async () => Buffer.from(text, 'utf8') })),
  },
);

/** A mapping: the proposed one, changed at random, or nonsense. */
const mappingFrom = (
  gen: fc.GeneratorValue,
  proposed: Record<string, number | null>,
  width: number,
) => {
  const keys = Object.keys(proposed);
  const mode = gen(() =>
    fc.constantFrom(
      'proposed',
      'proposed',
      'proposed',
      'proposed',
      'perturbed',
      'perturbed',
      'random',
      'empty',
    ),
  );
  if (mode === 'proposed') return proposed;
  if (mode === 'empty') return {};
  if (mode === 'random')
    return gen(() =>
      fc.dictionary(
        fc.oneof(
          fc.constantFrom(...keys, 'fullName', '__proto__', 'constructor'),
          fc.string({ maxLength: 50 }),
        ),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
        { maxKeys: 20 },
      ),
    );
  const changed = { ...proposed };
  for (const key of gen(() => fc.subarray(keys)))
    changed[key] = gen(() =>
      fc.option(fc.integer({ min: 0, max: Math.max(0, width + 2) }), { nil: null }),
    );
  return changed;
};

const commitBody = fc.record(
  {
    excludedRows: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 10 }),
    duplicateDecisions: fc.dictionary(
      fc.integer({ min: 1, max: 40 }).map(String),
      fc.constantFrom('skip', 'import'),
      { maxKeys: 5 },
    ),
    duplicateDefault: fc.option(fc.constantFrom('skip', 'import'), { nil: null }),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------- properties

describe('import API under random input (property-based)', () => {
  it('answers arbitrary bytes uploaded as CSV or XLSX with a result or a Vietnamese message', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(...importKinds),
        fc.constantFrom('tep.csv', 'tep.xlsx', 'tep.xls', 'tep', 'TEP.CSV', ' .xlsx'),
        fc.boolean(),
        async (bytes, kind, fileName, zipHeader) => {
          // Half of them start like a zip file, so the XLSX reader gets past its first check.
          const content = zipHeader
            ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(bytes)])
            : Buffer.from(bytes);
          await post(
            '/api/imports',
            { kind, fileName, contentBase64: content.toString('base64') },
            `upload ${fileName}`,
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers random files, mappings and commits cleanly; a refused commit writes nothing', async () => {
    let committed = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom(...importKinds, 'members', 'members', 'members'),
        commitBody,
        fc.gen(),
        async (f, kind, body, gen) => {
          const content = await f.build();
          const up = await post(
            '/api/imports',
            { kind, fileName: f.name, contentBase64: content.toString('base64') },
            'upload',
          );
          const job = up.result as {
            id: number;
            mapping: Record<string, number | null>;
            headers: string[];
          } | null;
          if (!job) return;
          const mapping = mappingFrom(gen, job.mapping, job.headers.length);
          await post(`/api/imports/${job.id}/preview`, { mapping }, 'preview');
          const before = await counts();
          const done = await post(`/api/imports/${job.id}/commit`, body, 'commit');
          if (done.result) committed += 1;
          else {
            refused += 1;
            expect(await counts(), `refused commit: ${done.error?.message}`).toEqual(before);
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(committed + refused).toBeGreaterThan(0);
  });

  // The mapping is sent, not taken from the upload: the upload proposes the mapping remembered for
  // this header layout, and the random previews above leave a random one (issue 25: "phone" on the
  // STT column made this row fail once, whatever the clock).
  it('reads a file with NUL bytes in its cells without a crash, and writes nothing half', async () => {
    const rows = [
      memberHeader,
      [
        '1',
        'Nguyễn\u0000Văn Nul',
        'Nam',
        '01/01/1980',
        'Kinh\u0000',
        '',
        cellLabels[0],
        '01/01/2010',
        '',
      ],
    ];
    for (const encoding of ['utf8', 'latin1'] as const) {
      const up = await post(
        '/api/imports',
        {
          kind: 'members',
          fileName: `nul-${encoding}.csv`,
          contentBase64: csvOf(rows, ';', '\r\n', encoding, false).toString('base64'),
        },
        'upload',
      );
      const job = up.result as { id: number };
      await post(
        `/api/imports/${job.id}/preview`,
        { mapping: guessMapping('members', memberHeader), skippedColumns: [0] },
        'preview',
      );
      const before = await counts();
      const done = await post(`/api/imports/${job.id}/commit`, {}, 'commit');
      if (!done.result) expect(await counts()).toEqual(before);
      if (encoding === 'utf8')
        expect(done.result, JSON.stringify(done)).toMatchObject({ created: 1 });
    }
  });

  it('answers malformed commit and preview bodies with 4xx, not a crash', async () => {
    const up = await post(
      '/api/imports',
      {
        kind: 'members',
        fileName: 'mot-dong.csv',
        contentBase64: Buffer.from(`${memberHeader.join(';')}\r\n`).toString('base64'),
      },
      'upload',
    );
    const id = (up.result as { id: number }).id;
    await fc.assert(
      fc.asyncProperty(
        fc.anything({ maxDepth: 2, maxKeys: 5 }),
        fc.anything({ maxDepth: 2, maxKeys: 5 }),
        async (a, b) => {
          const before = await counts();
          await post(`/api/imports/${id}/preview`, a, 'preview body');
          await post(`/api/imports/${id}/commit`, b, 'commit body');
          const after = await counts();
          if (after.members === before.members) expect(after).toEqual(before);
        },
      ),
      { numRuns: 30 },
    );
  });
});
