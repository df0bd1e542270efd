// The reconciliation with the national member database (issue 21): a property test. Our members are
// generated, an export of the national database is derived from them, deliberate differences are
// injected (a changed field, a value missing on one side, a member missing from the export, rows
// only in the export, rows of another organisation), and the same values are written the ways
// exports write them (NFD, upper case, extra spaces, the old place of the tone mark, dd/mm/yyyy,
// Excel serials and date cells, a citizen ID turned into a number, a cell without diacritics). The
// reconciliation must find every injected difference and nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberStatus } from '../enums/members';
import { memberStatusLabels } from '../enums/members';
import {
  idKey,
  type NationalRow,
  nameKey,
  type OurMember,
  type RawCell,
  type ReconColumn,
  type ReconField,
  reconcile,
  type ScopeCell,
  statusOf,
} from './reconcile';

const TODAY = '2026-06-15';
const cells: ScopeCell[] = [
  { id: 1, name: 'Chi bộ Phòng Tổ chức', parentName: 'Đảng bộ Sở Y tế' },
  { id: 2, name: 'Chi bộ Khoa Nội', parentName: 'Đảng bộ Sở Y tế' },
  { id: 3, name: 'Chi bộ Khoa Ngoại', parentName: 'Đảng bộ Sở Y tế' },
  { id: 4, name: 'Chi bộ Hành chính – Quản trị', parentName: 'Đảng bộ Sở Y tế' },
];
const outside = ['Chi bộ Trường Tiểu học Hòa Bình', 'Chi bộ Thôn Đông'];
const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đặng', 'Vũ'];
const middles = ['Văn', 'Thị', 'Đức', 'Ngọc', 'Minh'];
// Given names whose comparison keys all differ: a different tone or vowel mark is another name.
const givens = ['Hòa', 'Thúy', 'Thủy', 'Hưng', 'Hùng', 'Hung', 'Khỏe', 'Quý', 'Lan', 'Tuấn'];
const oldTone: Record<string, string> = { Hòa: 'Hoà', Thúy: 'Thuý', Thủy: 'Thuỷ', Khỏe: 'Khoẻ' };
const statuses: MemberStatus[] = ['full', 'probationary', 'exempted', 'transferred_out', 'died'];
const activeOnes: MemberStatus[] = ['full', 'probationary', 'exempted'];

const changeable: ReconField[] = [
  'fullName',
  'birthDate',
  'citizenId',
  'cardNumber',
  'admittedOn',
  'recognisedOn',
  'cell',
  'status',
];

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const addYears = (iso: string, years: number) =>
  `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

const memberSpec = fc.record({
  hasCitizenId: fc.boolean(),
  hasCard: fc.boolean(),
  family: fc.nat(families.length - 1),
  middle: fc.nat(middles.length - 1),
  given: fc.nat(givens.length - 1),
  oldToneHere: fc.boolean(),
  cell: fc.nat(cells.length - 1),
  status: fc.nat(statuses.length - 1),
  missingThere: fc.nat(3).map((n) => n === 0),
  changes: fc.subarray(changeable, { maxLength: 4 }),
  blanks: fc.boolean(),
  nameVariant: fc.nat(4),
  dateVariants: fc.array(fc.nat(5), { minLength: 3, maxLength: 3 }),
  idVariant: fc.nat(2),
  cellVariant: fc.nat(3),
  statusVariant: fc.nat(2),
  outsideCell: fc.boolean(),
});
type Spec = typeof memberSpec extends fc.Arbitrary<infer T> ? T : never;
type Extra = typeof extraSpec extends fc.Arbitrary<infer T> ? T : never;

const extraSpec = fc.record({
  given: fc.nat(givens.length - 1),
  cell: fc.nat(cells.length - 1),
  outside: fc.boolean(),
  withId: fc.boolean(),
});

/** The same name as an export may write it. */
const nameVariant = (name: string, variant: number) => {
  switch (variant) {
    case 1:
      return name.normalize('NFD');
    case 2:
      return name.toUpperCase();
    case 3:
      return `  ${name.split(' ').join('   ')} `;
    case 4:
      return name
        .split(' ')
        .map((w) => oldTone[w] ?? Object.entries(oldTone).find(([, o]) => o === w)?.[0] ?? w)
        .join(' ');
    default:
      return name;
  }
};

/** The same day as an export may write it. */
const dateVariant = (iso: string, variant: number): RawCell => {
  const [y, m, d] = iso.split('-');
  switch (variant) {
    case 1:
      return `${d}/${m}/${y}`;
    case 2:
      return `${Number(d)}/${Number(m)}/${y}`;
    case 3:
      return new Date(`${iso}T00:00:00Z`);
    case 4:
      return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
    case 5:
      return `ngày ${Number(d)} tháng ${Number(m)} năm ${y}`;
    default:
      return iso;
  }
};

const idVariant = (id: string, variant: number, citizen: boolean): RawCell => {
  if (variant === 1) return id.replace(/(\d{3})(?=\d)/g, '$1 ');
  if (variant === 2 && citizen) return Number(id);
  return id;
};

const cellVariant = (cell: ScopeCell, variant: number) => {
  switch (variant) {
    case 1:
      return cell.name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .toLowerCase();
    case 2:
      return `${cell.name.replace(/^Chi bộ /, '')} – ${cell.parentName}`;
    case 3:
      return cell.name.toUpperCase();
    default:
      return cell.name;
  }
};

type Built = {
  ours: OurMember[];
  rows: NationalRow[];
  expected: string[];
  /** The file's value of each injected difference, normalised. */
  injected: Map<string, string | null>;
};

const build = (specs: Spec[], extras: Extra[]): Built => {
  const ours: OurMember[] = [];
  const rows: NationalRow[] = [];
  const expected: string[] = [];
  const injected = new Map<string, string | null>();
  let rowNumber = 2;
  specs.forEach((s, i) => {
    const id = i + 1;
    const status = statuses[s.status];
    const given = givens[s.given];
    const fullName = `${families[s.family]} ${middles[s.middle]} ${s.oldToneHere ? (oldTone[given] ?? given) : given}`;
    const birthDate = addDays('1950-01-01', i * 37);
    const admittedOn = addYears(addDays(birthDate, 11), 25);
    const m: OurMember = {
      id,
      fullName,
      birthDate,
      citizenId: s.hasCitizenId ? `0010${String(80_000_000 + i).padStart(8, '0')}` : null,
      cardNumber: s.hasCard ? String(10_000_000 + i) : null,
      admittedOn,
      recognisedOn: status === 'probationary' ? null : addYears(admittedOn, 1),
      orgUnitId: cells[s.cell].id,
      status,
    };
    ours.push(m);
    if (s.missingThere) {
      if (activeOnes.includes(status)) expected.push(`onlyHere:${id}`);
      return;
    }
    // The changes, kept such that the member can still be found: by an identifier left intact, or
    // by name and birth date in a cell of ours.
    const changes = new Set<ReconField>(s.changes);
    const cellOutside = changes.has('cell') && s.outsideCell;
    const idIntact =
      (m.citizenId && !changes.has('citizenId')) || (m.cardNumber && !changes.has('cardNumber'));
    if (!idIntact) {
      changes.delete('fullName');
      changes.delete('birthDate');
    }
    const outsideOk = cellOutside && idIntact;

    const theirs = {
      fullName: m.fullName as string | null,
      birthDate: m.birthDate as string | null,
      citizenId: m.citizenId,
      cardNumber: m.cardNumber,
      admittedOn: m.admittedOn,
      recognisedOn: m.recognisedOn,
      cell: cellVariant(cells[s.cell], s.cellVariant),
      status: memberStatusLabels[m.status] as string | null,
    };
    const theirsNormalised: Record<ReconField, string | null> = {
      fullName: m.fullName,
      birthDate: m.birthDate,
      citizenId: m.citizenId,
      cardNumber: m.cardNumber,
      admittedOn: m.admittedOn,
      recognisedOn: m.recognisedOn,
      cell: String(m.orgUnitId),
      status: m.status,
    };
    for (const f of changes) {
      let value: string | null = null;
      switch (f) {
        case 'fullName': {
          const other = givens[(s.given + 1) % givens.length];
          value = `${families[s.family]} ${middles[s.middle]} ${other}`;
          break;
        }
        case 'birthDate':
          value = addDays('1940-01-01', i);
          break;
        case 'citizenId':
          value = m.citizenId && s.blanks ? null : `0020${String(70_000_000 + i).padStart(8, '0')}`;
          break;
        case 'cardNumber':
          value = m.cardNumber && s.blanks ? null : String(30_000_000 + i);
          break;
        case 'admittedOn':
          value = s.blanks ? null : addDays(m.admittedOn!, 3);
          break;
        case 'recognisedOn':
          value = m.recognisedOn && s.blanks ? null : addDays(addYears(m.admittedOn!, 1), 40);
          break;
        case 'cell':
          value = outsideOk ? outside[i % outside.length] : cells[(s.cell + 1) % cells.length].name;
          theirs.cell = value;
          theirsNormalised.cell = outsideOk ? value : String(cells[(s.cell + 1) % cells.length].id);
          expected.push(`diff:${id}:cell`);
          injected.set(`${id}:cell`, theirsNormalised.cell);
          continue;
        case 'status': {
          const other = statuses[(s.status + 1) % statuses.length];
          theirs.status = memberStatusLabels[other];
          theirsNormalised.status = other;
          expected.push(`diff:${id}:status`);
          injected.set(`${id}:status`, other);
          continue;
        }
      }
      (theirs as Record<string, string | null>)[f] = value;
      theirsNormalised[f] = value;
      expected.push(`diff:${id}:${f}`);
      injected.set(`${id}:${f}`, value);
    }
    const [dv1, dv2, dv3] = s.dateVariants;
    const values: Partial<Record<ReconColumn, RawCell>> = {
      fullName: theirs.fullName === null ? null : nameVariant(theirs.fullName, s.nameVariant),
      birthDate: theirs.birthDate === null ? null : dateVariant(theirs.birthDate, dv1),
      citizenId: theirs.citizenId === null ? null : idVariant(theirs.citizenId, s.idVariant, true),
      cardNumber:
        theirs.cardNumber === null ? null : idVariant(theirs.cardNumber, s.idVariant, false),
      admittedOn: theirs.admittedOn === null ? null : dateVariant(theirs.admittedOn, dv2),
      recognisedOn: theirs.recognisedOn === null ? null : dateVariant(theirs.recognisedOn, dv3),
      cell: theirs.cell,
      status:
        theirs.status === null
          ? null
          : s.statusVariant === 1
            ? theirs.status.toLowerCase()
            : s.statusVariant === 2
              ? ` ${theirs.status.toUpperCase()} `
              : theirs.status,
    };
    rows.push({ rowNumber, values });
    expected.push(`matched:${id}:${rowNumber}`);
    rowNumber++;
  });
  extras.forEach((e, j) => {
    const cell = e.outside ? outside[j % outside.length] : cells[e.cell].name;
    rows.push({
      rowNumber,
      values: {
        fullName: `Hoàng Văn ${givens[e.given]}`,
        birthDate: dateVariant(addDays('1995-01-01', j * 3), 1),
        citizenId: e.withId ? `0030${String(60_000_000 + j).padStart(8, '0')}` : null,
        cardNumber: null,
        admittedOn: '01/02/2020',
        recognisedOn: null,
        cell,
        status: 'Dự bị',
      },
    });
    expected.push(e.outside ? `outOfScope:${rowNumber}` : `onlyThere:${rowNumber}`);
    rowNumber++;
  });
  return { ours, rows, expected, injected };
};

const found = (
  outcomes: ReturnType<typeof reconcile>,
): { keys: string[]; theirs: Map<string, string | null> } => {
  const keys: string[] = [];
  const theirs = new Map<string, string | null>();
  for (const o of outcomes) {
    if (o.kind === 'matched') {
      keys.push(`matched:${o.memberId}:${o.rowNumber}`);
      for (const d of o.differences) {
        keys.push(`diff:${o.memberId}:${d.field}`);
        theirs.set(`${o.memberId}:${d.field}`, d.theirs);
      }
    } else if (o.kind === 'onlyHere') keys.push(`onlyHere:${o.memberId}`);
    else keys.push(`${o.kind}:${o.rowNumber}`);
  }
  return { keys: keys.sort(), theirs };
};

describe('reconciliation with the national member database', () => {
  it('finds every injected difference and no other (property)', () => {
    fc.assert(
      fc.property(
        fc.array(memberSpec, { minLength: 1, maxLength: 40 }),
        fc.array(extraSpec, { maxLength: 6 }),
        fc.boolean(),
        (specs, extras, shuffle) => {
          const built = build(specs, extras);
          const rows = shuffle ? [...built.rows].reverse() : built.rows;
          const result = found(reconcile({ ours: built.ours, rows, cells, today: TODAY }));
          expect(result.keys).toEqual([...built.expected].sort());
          for (const [key, value] of built.injected) {
            const theirs = result.theirs.get(key) ?? null;
            if (key.endsWith(':fullName')) expect(nameKey(theirs ?? '')).toBe(nameKey(value ?? ''));
            else expect(theirs).toBe(value);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sees no difference between the ways an export writes the same values', () => {
    const m: OurMember = {
      id: 7,
      fullName: 'Nguyễn Thị Thúy Hòa',
      birthDate: '1980-03-05',
      citizenId: '001180012345',
      cardNumber: '12345678',
      admittedOn: '2005-02-03',
      recognisedOn: '2006-02-03',
      orgUnitId: 4,
      status: 'full',
    };
    const outcomes = reconcile({
      ours: [m],
      cells,
      today: TODAY,
      rows: [
        {
          rowNumber: 5,
          values: {
            fullName: '  NGUYỄN THỊ THUÝ HOÀ '.normalize('NFD'),
            birthDate: '05/03/1980',
            citizenId: 1_180_012_345,
            cardNumber: '1234 5678',
            admittedOn: new Date('2005-02-03T00:00:00Z'),
            recognisedOn: 'ngày 3 tháng 2 năm 2006',
            cell: 'hanh chinh quan tri - dang bo so y te',
            status: 'Đảng viên chính thức',
          },
        },
      ],
    });
    expect(outcomes).toEqual([
      { kind: 'matched', memberId: 7, rowNumber: 5, matchedBy: 'citizenId', differences: [] },
    ]);
  });

  it('counts a different tone, vowel mark or letter as a different name', () => {
    expect(nameKey('Nguyễn Văn Hưng')).not.toBe(nameKey('Nguyễn Văn Hùng'));
    expect(nameKey('Nguyễn Văn Hưng')).not.toBe(nameKey('Nguyen Van Hung'));
    expect(nameKey('Lê Thị Hoà')).toBe(nameKey('lê thị hòa'));
    expect(idKey(1_180_012_345, 'citizenId')).toBe('001180012345');
    expect(statusOf('ĐẢNG VIÊN DỰ BỊ')).toBe('probationary');
  });

  it('does not match a row of another organisation by name and birth date', () => {
    const m: OurMember = {
      id: 1,
      fullName: 'Trần Văn Lan',
      birthDate: '1970-01-01',
      citizenId: null,
      cardNumber: null,
      admittedOn: '2000-01-01',
      recognisedOn: '2001-01-01',
      orgUnitId: 1,
      status: 'full',
    };
    const outcomes = reconcile({
      ours: [m],
      cells,
      today: TODAY,
      rows: [
        {
          rowNumber: 3,
          values: { fullName: 'Trần Văn Lan', birthDate: '01/01/1970', cell: 'Chi bộ Thôn Đông' },
        },
      ],
    });
    expect(outcomes).toEqual([
      { kind: 'onlyHere', memberId: 1 },
      { kind: 'outOfScope', rowNumber: 3 },
    ]);
  });
});
