// Deterministic generator of a realistic agencies' party committee (a Lạng Sơn-like "Đảng bộ các
// cơ quan"): the tree, agencies and mass organisations, members with dated histories back to 2010.
// Pure: returns data; `load-demo.ts` writes it. Tests and benchmarks use it with other sizes.
import type { MemberEventKind } from '../../domain/enums/members';
import type { OrgUnitKind } from '../../domain/enums/org-units';
import {
  type AgencySpec,
  agencySpecs,
  ethnicityWeights,
  externalOrganisations,
  makeAddress,
  makeName,
  makePlace,
  positions,
  schoolTowns,
} from './names';
import { addDays, addMonths, createRandom, type Random, randomDate } from './random';

export type SeedUnit = {
  key: string;
  kind: OrgUnitKind;
  name: string;
  shortName: string | null;
  parentKey: string | null;
  establishedOn: string;
  agency?: {
    name: string;
    kind: AgencySpec['kind'];
    staffCount: number;
    massOrganisations: { kind: string; name: string; memberCount: number }[];
  };
};

export type SeedEvent = {
  kind: MemberEventKind;
  eventDate: string;
  unitKey: string | null;
  externalOrg?: string;
  standing?: 'probationary' | 'full';
  originalAdmittedOn?: string;
  originalRecognisedOn?: string;
  decisionNumber?: string;
  note?: string;
};

export type SeedMember = {
  fullName: string;
  sex: 'male' | 'female';
  birthDate: string;
  birthPlace: string;
  homeTown: string;
  permanentAddress: string;
  currentAddress: string;
  ethnicity: string;
  religion: string;
  citizenId: string;
  phone: string;
  occupation: string;
  workplace: string;
  position: string;
  generalEducation: string;
  professionalLevel: string;
  professionalField: string | null;
  politicalTheory: string;
  foreignLanguage: string | null;
  itLevel: string | null;
  cardNumber: string | null;
  cardIssuedOn: string | null;
  recordNumber: string;
  referee1: string;
  referee2: string;
  youthUnionJoinedOn: string | null;
  awards: string | null;
  disciplineHistory: string | null;
  familyPoliticalHistory: string;
  family: { relation: string; fullName: string; birthYear: number | null; note: string }[];
  events: SeedEvent[];
};

export type DemoBloc = { units: SeedUnit[]; members: SeedMember[] };

export type DemoOptions = {
  seed?: number;
  /** Number of grassroots organisations (đảng bộ cơ sở + chi bộ cơ sở). */
  grassroots?: number;
  /** Roughly how many members are in the party at the end date. */
  members?: number;
  /** No event is dated after this day. */
  endDate?: string;
  /** Units whose members have no event from this date on (restructured in the demo). */
  frozenUnits?: Record<string, string>;
  /**
   * The congress rounds (demo-congresses.ts); default on. The database tests' template leaves them
   * out: the congress and committee tests build their own rounds on the bloc.
   */
  congresses?: boolean;
};

const professionalFields = [
  'Kinh tế',
  'Luật',
  'Quản lý nhà nước',
  'Xây dựng Đảng',
  'Y đa khoa',
  'Sư phạm Toán',
  'Sư phạm Ngữ văn',
  'Kế toán',
  'Công nghệ thông tin',
  'Nông học',
  'Lâm nghiệp',
  'Báo chí',
  'Quản lý đất đai',
  'Tài chính – Ngân hàng',
  'Điều dưỡng',
  'Xây dựng dân dụng',
];

const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '_');

/** The tree: province (context) → the upper committee → grassroots organisations → cells. */
const buildUnits = (rng: Random, grassroots: number): SeedUnit[] => {
  const units: SeedUnit[] = [
    {
      key: 'P',
      kind: 'province_committee',
      name: 'Đảng bộ tỉnh Lạng Sơn',
      shortName: 'ĐBT',
      parentKey: null,
      establishedOn: '1945-10-01',
    },
    {
      key: 'U',
      kind: 'upper_committee',
      name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
      shortName: 'ĐUK',
      parentKey: 'P',
      establishedOn: '1954-09-27',
    },
  ];
  const specs: AgencySpec[] = [...agencySpecs];
  for (let i = 0; specs.length < grassroots; i++) {
    const town = schoolTowns[i % schoolTowns.length];
    const round = Math.floor(i / schoolTowns.length);
    specs.push({
      agency: `Trường THPT ${town}${round ? ` ${round + 1}` : ''}`,
      kind: 'public_service',
      size: 'small',
    });
  }
  for (const spec of specs.slice(0, grassroots)) {
    const key = slug(spec.agency);
    const isCommittee = spec.size !== 'small';
    const staff =
      spec.size === 'large'
        ? rng.int(180, 450)
        : spec.size === 'medium'
          ? rng.int(60, 160)
          : rng.int(15, 60);
    const mass = [{ kind: 'trade_union', name: `Công đoàn ${spec.agency}`, memberCount: staff }];
    if (spec.size !== 'small' || rng.chance(0.4))
      mass.push({
        kind: 'youth_union',
        name: `Chi đoàn ${spec.agency}`,
        memberCount: Math.round(staff * 0.3),
      });
    if (spec.size === 'large')
      mass.push({
        kind: 'veterans',
        name: `Chi hội Cựu chiến binh ${spec.agency}`,
        memberCount: rng.int(8, 30),
      });
    if (rng.chance(0.6))
      mass.push({
        kind: 'women',
        name: `Ban Nữ công ${spec.agency}`,
        memberCount: Math.round(staff * 0.45),
      });
    units.push({
      key,
      kind: isCommittee ? 'grassroots_committee' : 'grassroots_cell',
      name: `${isCommittee ? 'Đảng bộ' : 'Chi bộ'} ${spec.agency}`,
      shortName: null,
      parentKey: 'U',
      establishedOn: randomDate(rng, '1976-01-01', '2008-12-31'),
      agency: { name: spec.agency, kind: spec.kind, staffCount: staff, massOrganisations: mass },
    });
    if (isCommittee) {
      const target = spec.size === 'large' ? rng.int(7, 10) : rng.int(4, 6);
      const names = [...(spec.cells ?? [])];
      for (let n = 1; names.length < target; n++) names.push(`Chi bộ Phòng Nghiệp vụ ${n}`);
      names.slice(0, Math.max(target, spec.cells?.length ?? 0)).forEach((name, i) => {
        units.push({
          key: `${key}.${i + 1}`,
          kind: 'cell',
          name,
          shortName: null,
          parentKey: key,
          establishedOn: randomDate(rng, '1990-01-01', '2009-06-30'),
        });
      });
    }
  }
  return units;
};

const theoryFor = (rng: Random, position: string, age: number) => {
  if (/Giám đốc|Trưởng phòng/.test(position))
    return rng.weighted([
      ['advanced', 6],
      ['intermediate', 3],
      ['bachelor', 1],
    ] as const);
  if (age < 30)
    return rng.weighted([
      ['elementary', 7],
      ['none', 3],
    ] as const);
  return rng.weighted([
    ['elementary', 45],
    ['intermediate', 38],
    ['advanced', 8],
    ['none', 7],
    ['bachelor', 2],
  ] as const);
};

export const generateDemoBloc = (options: DemoOptions = {}): DemoBloc => {
  const rng = createRandom(options.seed ?? 20261125);
  const endDate = options.endDate ?? '2026-10-31';
  const units = buildUnits(rng, options.grassroots ?? 120);
  const cells = units.filter((u) => u.kind === 'cell' || u.kind === 'grassroots_cell');
  const targetMembers = options.members ?? 6000;
  const perCell = targetMembers / cells.length;
  const siblingsOf = new Map<string, SeedUnit[]>();
  for (const c of cells)
    siblingsOf.set(c.parentKey ?? '', [...(siblingsOf.get(c.parentKey ?? '') ?? []), c]);
  const members: SeedMember[] = [];
  let serial = 0;

  for (const cell of cells) {
    const count = Math.max(3, Math.round(perCell * (0.55 + rng.next() * 0.9)));
    const leavers = Math.round(count * 0.08);
    const cellEnd = options.frozenUnits?.[cell.key]
      ? addDays(options.frozenUnits[cell.key], -1)
      : endDate;
    const agencyName =
      cell.kind === 'cell'
        ? (units.find((u) => u.key === cell.parentKey)?.agency?.name ?? '')
        : (cell.agency?.name ?? '');
    for (let i = 0; i < count + leavers; i++) {
      serial += 1;
      const sex = rng.chance(0.46) ? 'female' : 'male';
      const ethnicity = rng.weighted(ethnicityWeights);
      const age = rng.weighted([
        [rng.int(23, 30), 18],
        [rng.int(31, 40), 33],
        [rng.int(41, 50), 27],
        [rng.int(51, 60), 20],
        [rng.int(61, 70), 2],
      ] as const);
      const birthYear = Number(cellEnd.slice(0, 4)) - age;
      const birthDate = randomDate(rng, `${birthYear}-01-01`, `${birthYear}-12-28`);
      const admitAge = 19 + rng.next() * Math.max(0.5, Math.min(14, age - 19));
      let admittedOn = addDays(birthDate, Math.floor(admitAge * 365.25));
      if (admittedOn > cellEnd) admittedOn = addDays(cellEnd, -rng.int(10, 200));
      const position =
        age < 27
          ? rng.pick(['Chuyên viên', 'Nhân viên', 'Giáo viên', 'Kỹ thuật viên', 'Điều dưỡng'])
          : rng.weighted(positions);
      const events: SeedEvent[] = [];
      const recognisedOn = addMonths(admittedOn, 12);
      const sameCommittee = siblingsOf.get(cell.parentKey ?? '') ?? [cell];
      const decision = (n: number, y: string) =>
        `${n}-QĐ/ĐU ngày ${y.split('-').reverse().join('/')}`;

      const cameFromOutside = admittedOn < '2022-01-01' && rng.chance(0.12);
      if (cameFromOutside) {
        const earliest =
          addMonths(admittedOn, 14) > '2010-01-01' ? addMonths(admittedOn, 14) : '2010-01-01';
        const transferDate = randomDate(rng, earliest, earliest < cellEnd ? cellEnd : earliest);
        events.push({
          kind: 'transferred_in',
          eventDate: transferDate,
          unitKey: cell.key,
          externalOrg: rng.pick(externalOrganisations),
          standing: 'full',
          originalAdmittedOn: admittedOn,
          originalRecognisedOn: recognisedOn,
          decisionNumber: `${rng.int(100, 999)}-GGT/TCTU`,
          note: 'Chuyển sinh hoạt đảng chính thức đến',
        });
      } else {
        const moved = rng.chance(0.05) && sameCommittee.length > 1;
        const firstCell = moved ? rng.pick(sameCommittee.filter((c) => c.key !== cell.key)) : cell;
        events.push({
          kind: 'admitted',
          eventDate: admittedOn,
          unitKey: firstCell.key,
          decisionNumber: decision(rng.int(10, 980), admittedOn),
        });
        if (recognisedOn <= endDate) {
          events.push({
            kind: 'recognised',
            eventDate: recognisedOn,
            unitKey: null,
            decisionNumber: decision(rng.int(10, 980), addDays(recognisedOn, rng.int(0, 40))),
          });
        }
        if (moved) {
          const start = recognisedOn > '2010-01-01' ? recognisedOn : '2010-01-01';
          if (start < cellEnd)
            events.push({
              kind: 'moved',
              eventDate: randomDate(rng, start, cellEnd),
              unitKey: cell.key,
              note: 'Điều động công tác trong cơ quan',
            });
        }
      }
      const last = events.reduce((m, e) => (e.eventDate > m ? e.eventDate : m), '2010-01-01');
      const full = events.some((e) => e.kind === 'recognised' || e.standing === 'full');
      if (i >= count && last < cellEnd) {
        // Leavers: they are in the history and in past counts, not in today's.
        const when = randomDate(rng, addDays(last, 1), cellEnd);
        const kind = rng.weighted([
          ['transferred_out', 80],
          ['died', 8],
          ['removed', 6],
          ['withdrew', 2],
          ['expelled', 1],
        ] as const);
        events.push({
          kind,
          eventDate: when,
          unitKey: null,
          externalOrg: kind === 'transferred_out' ? rng.pick(externalOrganisations) : undefined,
          decisionNumber:
            kind === 'transferred_out'
              ? `${rng.int(100, 999)}-GGT/ĐU`
              : decision(rng.int(10, 980), when),
          note:
            kind === 'removed'
              ? 'Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng'
              : undefined,
        });
      } else if (full && age >= 56 && rng.chance(0.08) && last < cellEnd) {
        events.push({
          kind: 'exempted',
          eventDate: randomDate(rng, addDays(last, 1), cellEnd),
          unitKey: null,
          note: 'Sức khỏe yếu, được chi bộ xét miễn công tác và sinh hoạt đảng',
        });
      } else if (
        full &&
        age < 40 &&
        rng.chance(0.012) &&
        cellEnd > '2026-01-01' &&
        last < cellEnd
      ) {
        events.push({
          kind: 'temporary_out',
          eventDate: randomDate(
            rng,
            last > '2026-01-01' ? addDays(last, 1) : '2026-01-01',
            cellEnd,
          ),
          unitKey: null,
          externalOrg: 'Học viện Chính trị khu vực I',
          note: 'Đi học tập trung',
        });
      }

      const level =
        age < 25
          ? rng.weighted([
              ['bachelor', 8],
              ['college', 2],
            ] as const)
          : rng.weighted([
              ['bachelor', 62],
              ['master', 20],
              ['college', 5],
              ['intermediate', 8],
              ['doctor', 1],
              ['elementary', 2],
              ['none', 2],
            ] as const);
      const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
      const surname = makeName(rng, ethnicity, 'male').split(' ')[0];
      members.push({
        fullName: makeName(rng, ethnicity, sex),
        sex,
        birthDate,
        birthPlace: makePlace(rng),
        homeTown: makePlace(rng),
        permanentAddress: makeAddress(rng),
        currentAddress: makeAddress(rng),
        ethnicity,
        religion: rng.chance(0.03) ? rng.pick(['Phật giáo', 'Công giáo', 'Tin lành']) : 'Không',
        citizenId: `020${centuryDigit}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`,
        phone: `09${rng.int(10000000, 99999999)}`,
        occupation:
          position === 'Giáo viên'
            ? 'Viên chức giáo dục'
            : position === 'Bác sĩ' || position === 'Điều dưỡng'
              ? 'Viên chức y tế'
              : 'Công chức, viên chức',
        workplace: agencyName,
        position,
        generalEducation: '12/12',
        professionalLevel: level,
        professionalField: level === 'none' ? null : rng.pick(professionalFields),
        politicalTheory: theoryFor(rng, position, age),
        foreignLanguage: rng.chance(0.7)
          ? rng.pick(['Tiếng Anh B1', 'Tiếng Anh B2', 'Tiếng Trung B1', 'Tiếng Anh A2'])
          : null,
        itLevel: rng.chance(0.8) ? 'Chuẩn kỹ năng sử dụng CNTT cơ bản' : null,
        cardNumber: full ? String(rng.int(10000000, 99999999)) : null,
        cardIssuedOn: full
          ? recognisedOn < '2025-08-01'
            ? '2025-08-20'
            : addMonths(recognisedOn, 2)
          : null,
        recordNumber: `LS-${String(serial).padStart(6, '0')}`,
        referee1: makeName(
          rng,
          rng.weighted(ethnicityWeights),
          rng.chance(0.5) ? 'male' : 'female',
        ),
        referee2: makeName(
          rng,
          rng.weighted(ethnicityWeights),
          rng.chance(0.5) ? 'male' : 'female',
        ),
        youthUnionJoinedOn: addDays(birthDate, rng.int(16, 22) * 365),
        awards: rng.chance(0.25)
          ? rng.pick([
              'Giấy khen của Đảng ủy Khối năm 2023',
              'Bằng khen của UBND tỉnh năm 2022',
              'Đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền (2019–2023)',
              'Chiến sĩ thi đua cơ sở năm 2024',
            ])
          : null,
        disciplineHistory: rng.chance(0.01) ? 'Khiển trách năm 2019 (đã hết hiệu lực)' : null,
        familyPoliticalHistory:
          'Gia đình chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước.',
        family: [
          {
            relation: 'Bố',
            fullName: makeName(rng, ethnicity, 'male').replace(/^\S+/, surname),
            birthYear: birthYear - rng.int(22, 35),
            note: 'Làm ruộng',
          },
          {
            relation: 'Mẹ',
            fullName: makeName(rng, rng.weighted(ethnicityWeights), 'female'),
            birthYear: birthYear - rng.int(20, 32),
            note: 'Làm ruộng',
          },
        ],
        events,
      });
    }
  }
  return { units, members };
};
