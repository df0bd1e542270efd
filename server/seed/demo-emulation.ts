// The demo bloc's emulation and commendations (docs/domain/emulation.md): the upper committee's
// "Dân vận khéo" movement for 2021–2025 and the 2026 one, plus the 2025 movement greeting the
// congresses; grassroots organisations, many cells and part of the members registered; the models
// ("mô hình Dân vận khéo") registered each year and recognised at the year's review; and commendations
// proposed → reviewed → granted or refused for organisations and members for 2024 and 2025 (decided in
// the next year's first quarter, once the ratings are published), the movement's achievement awards at
// its final review (December 2025) and the 2026 proposals still under way.
//
// The "tiêu biểu" forms follow Hướng dẫn 21-HD/BTCTW (chosen among those rated HTXSNV,
// domain/rules/commendations): only subjects whose decided rating of the year is HTXSNV are granted, and
// the eligibility stored with each record is computed by `checkEligibility` from the ratings the
// evaluation module recorded (`decidedYearRatings`), as the service does — never typed. One member rated
// only HTTNV is proposed and refused, as the rule says. Who grants follows committees' practice (not a
// central text): the upper committee's standing committee gives certificates to grassroots organisations
// and members, a grassroots committee to its cells, the provincial standing committee its certificates of
// merit (e.g. baovinhlong.com.vn 12/01/2018: "Ban Thường vụ Tỉnh ủy … tặng bằng khen cho 1 đảng bộ, 10
// chi bộ …"). Deterministic (seeded PRNG), bulk inserts.
import {
  type CommendationForm,
  type CommendationSubjectKind,
  checkEligibility,
  commendationTitle,
} from '../../domain/rules/commendations/commendations';
import { copyRows } from '../db/bulk';
import { type Db, queryOne, queryRows, sql } from '../db/client';
import { decidedYearRatings } from '../modules/evaluations';
import { demoLifecycleEnd } from './demo-lifecycle';
import { createRandom, type Random } from './random';

const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const dvkCriteria = [
  'Cấp ủy xây dựng kế hoạch, đăng ký ít nhất 01 mô hình "Dân vận khéo" mỗi năm',
  'Đảng viên đăng ký việc làm cụ thể phục vụ nhân dân, gắn với nhiệm vụ chuyên môn',
  'Cải cách hành chính, nâng cao chất lượng phục vụ người dân, doanh nghiệp',
  'Tham gia xây dựng nông thôn mới, giúp đỡ xã, thôn kết nghĩa',
  'Mô hình được cấp có thẩm quyền công nhận và nhân rộng',
].join('\n');
const congressCriteria = [
  'Hoàn thành xuất sắc nhiệm vụ chính trị, chuyên môn năm 2025',
  'Chuẩn bị và tổ chức đại hội chi bộ, đảng bộ đúng tiến độ, bảo đảm chất lượng',
  'Có công trình, phần việc chào mừng đại hội',
].join('\n');
const unitUndertakings = [
  'Xây dựng ít nhất 01 mô hình "Dân vận khéo" trong năm; 100% đảng viên đăng ký việc làm cụ thể.',
  'Duy trì mô hình "Dân vận khéo" đã được công nhận; giúp đỡ 01 thôn đặc biệt khó khăn.',
  'Rút ngắn thời gian giải quyết thủ tục hành chính; không có phản ánh, kiến nghị quá hạn.',
  'Tổ chức 02 đợt tình nguyện vì cộng đồng; vận động ủng hộ quỹ "Vì người nghèo".',
];
const memberUndertakings = [
  'Hướng dẫn người dân thực hiện dịch vụ công trực tuyến tại nơi làm việc và nơi cư trú.',
  'Tham gia khám bệnh, cấp thuốc miễn phí cho người cao tuổi ở xã kết nghĩa.',
  'Vận động gia đình và khu dân cư hiến đất, góp công làm đường giao thông nông thôn.',
  'Giúp đỡ 01 hộ nghèo nơi cư trú phát triển kinh tế.',
  'Tiếp nhận, trả lời phản ánh của người dân đúng hạn, thái độ tận tình.',
];
const modelTitles = [
  'Dân vận khéo trong cải cách thủ tục hành chính',
  'Hỗ trợ người dân thực hiện dịch vụ công trực tuyến',
  'Tiếp công dân thân thiện, lắng nghe và trả lời đúng hạn',
  'Đảng viên giúp đỡ hộ nghèo ở thôn kết nghĩa',
  'Thầy thuốc trẻ tình nguyện khám bệnh vùng cao',
  'Chung tay xây dựng nông thôn mới ở xã kết nghĩa',
  'Thầy cô đồng hành cùng học sinh dân tộc thiểu số',
  'Phòng làm việc không giấy tờ, phục vụ người dân tận tình',
];
const memberModelTitles = [
  'Người đảng viên gương mẫu vận động nhân dân hiến đất làm đường',
  'Bác sĩ tận tụy với người bệnh vùng cao',
  'Cán bộ một cửa tận tình hướng dẫn người dân',
];

type Unit = {
  id: number;
  kind: string;
  name: string;
  parent_id: number | null;
  path: string;
  established_on: string;
  dissolved_on: string | null;
};
const existsOn = (u: Unit, on: string) =>
  u.established_on <= on && (!u.dissolved_on || u.dissolved_on > on);

export const seedDemoEmulation = async (db: Db, seed = 80): Promise<void> => {
  const rng = createRandom(seed);
  const end = demoLifecycleEnd;
  const lastYear = Number(end.slice(0, 4));
  const upper = (await queryOne<{ id: number; path: string; parent_id: number }>(
    db,
    sql`select id, path::text as path, parent_id from org_units where kind = 'upper_committee' order by id limit 1`,
  ))!;
  const units = await queryRows<Unit>(
    db,
    sql`select id, kind, name, parent_id, path::text as path, established_on::text as established_on,
          dissolved_on::text as dissolved_on
        from org_units where path <@ ${upper.path}::ltree and id <> ${upper.id} order by id`,
  );
  const unitById = new Map(units.map((u) => [Number(u.id), u]));
  const grassroots = units.filter(
    (u) => u.kind === 'grassroots_committee' || u.kind === 'grassroots_cell',
  );
  const cells = units.filter((u) => u.kind === 'cell');
  /** The grassroots organisation a unit lies in (the path's third id: province.upper.grassroots). */
  const grassrootsOf = (u: Unit) => Number(u.path.split('.')[upper.path.split('.').length]);

  const movement = async (values: {
    name: string;
    ref: string;
    criteria: string;
    from: string;
    to: string;
    note?: string;
  }) =>
    (await queryOne<{ id: number }>(
      db,
      sql`insert into emulation_movements (org_unit_id, name, launch_ref, criteria, from_date, to_date, note)
          values (${upper.id}, ${values.name}, ${values.ref}, ${values.criteria}, ${values.from},
            ${values.to}, ${values.note ?? null})
          returning id`,
    ))!.id;
  const dvk = await movement({
    name: 'Phong trào thi đua "Dân vận khéo" giai đoạn 2021–2025',
    ref: 'Kế hoạch số 32-KH/ĐUK ngày 15/3/2021 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh',
    criteria: dvkCriteria,
    from: '2021-03-15',
    to: '2025-12-31',
    note: 'Sơ kết hằng năm vào tháng 11; tổng kết giai đoạn tháng 12/2025.',
  });
  const congress = await movement({
    name: 'Thi đua lập thành tích chào mừng đại hội đảng bộ các cấp, nhiệm kỳ 2025–2030',
    ref: 'Kế hoạch số 05-KH/ĐU ngày 10/02/2025 của Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh',
    criteria: congressCriteria,
    from: '2025-02-10',
    to: '2025-10-31',
  });
  const dvk2026 = await movement({
    name: 'Phong trào thi đua "Dân vận khéo" năm 2026',
    ref: 'Kế hoạch số 12-KH/ĐU ngày 25/02/2026 của Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh',
    criteria: dvkCriteria,
    from: '2026-02-25',
    to: '2026-12-31',
    note: 'Sơ kết tháng 12/2026.',
  });

  // Unit registrations: nearly every grassroots organisation, most cells, within weeks of the launch
  // (or of their establishment, for units set up later).
  const regRows: (string | number | null)[][] = [];
  const registerUnits = (movementId: number, from: string, to: string, cellShare: number) => {
    for (const u of [...grassroots, ...cells]) {
      const share = u.kind === 'cell' ? cellShare : 0.97;
      if (!rng.chance(share)) continue;
      let on = day(Number(from.slice(0, 4)), Number(from.slice(5, 7)) + 1, rng.int(1, 20));
      if (u.established_on > on) on = u.established_on;
      if (on > to || on > end || !existsOn(u, on)) continue;
      regRows.push([movementId, u.id, null, on, rng.pick(unitUndertakings)]);
    }
  };
  registerUnits(dvk, '2021-03-15', '2025-12-31', 0.6);
  registerUnits(congress, '2025-02-10', '2025-10-31', 0.5);
  registerUnits(dvk2026, '2026-02-25', '2026-12-31', 0.65);

  // Member registrations under the member's cell of the day: part of the members at the launch, and
  // the members admitted later in the 2021–2025 period as they join.
  const roster = (on: string) =>
    queryRows<{ member_id: number; org_unit_id: number }>(
      db,
      sql`select distinct on (p.member_id) p.member_id, p.org_unit_id from member_periods p
          join org_units o on o.id = p.org_unit_id
          where p.status in ('full', 'probationary') and p.valid_from <= ${on}
            and (p.valid_to is null or p.valid_to > ${on}) and o.path <@ ${upper.path}::ltree
          order by p.member_id, p.valid_from desc`,
    );
  const registerMembers = async (movementId: number, on: string, share: number) => {
    const seen = new Set<number>();
    for (const r of await roster(on)) {
      seen.add(Number(r.member_id));
      if (rng.chance(share))
        regRows.push([movementId, r.org_unit_id, r.member_id, on, rng.pick(memberUndertakings)]);
    }
    return seen;
  };
  const atLaunch = await registerMembers(dvk, '2021-04-10', 0.22);
  for (let year = 2022; year <= 2025; year++) {
    const on = day(year, 4, 15);
    for (const r of await roster(on)) {
      if (atLaunch.has(Number(r.member_id))) continue;
      atLaunch.add(Number(r.member_id));
      if (rng.chance(0.3))
        regRows.push([dvk, r.org_unit_id, r.member_id, on, rng.pick(memberUndertakings)]);
    }
  }
  await registerMembers(congress, '2025-03-05', 0.3);
  await registerMembers(dvk2026, day(2026, 3, 16), 0.25);
  await copyRows(
    db,
    'movement_registrations',
    ['movement_id', 'org_unit_id', 'member_id', 'registered_on', 'undertaking'],
    regRows.filter((r) => String(r[3]) <= end),
  );

  // Models of the movement: grassroots organisations and some cells register one in spring; the
  // recognising level (the upper committee for a grassroots organisation, the cell's committee for a
  // cell) reviews them in November. A few members are put forward as individual examples.
  const modelRows: (string | number | null)[][] = [];
  let decisionNo = 40;
  const recogniser = (u: Unit) =>
    u.kind === 'cell' && unitById.get(Number(u.parent_id))?.kind === 'grassroots_committee'
      ? Number(u.parent_id)
      : upper.id;
  const addModels = async (movementId: number, year: number, final: boolean) => {
    const reviewedOn = final ? day(year, 12, rng.int(10, 16)) : day(year, 11, rng.int(12, 26));
    const reviewed = reviewedOn <= end;
    for (const u of [...grassroots, ...cells]) {
      if (!rng.chance(u.kind === 'cell' ? 0.04 : 0.16)) continue;
      const registeredOn = day(year, rng.int(3, 5), rng.int(2, 27));
      if (registeredOn > end || !existsOn(u, registeredOn)) continue;
      if (reviewed && !existsOn(u, reviewedOn)) continue;
      const recognised = reviewed && rng.chance(0.72);
      const by = recogniser(u);
      const byLabel = by === upper.id ? (year <= 2024 ? 'ĐUK' : 'ĐU') : 'ĐU';
      modelRows.push([
        u.id,
        null,
        movementId,
        `${rng.pick(modelTitles)} (${year})`,
        'mass_mobilisation',
        'Cách làm, kết quả đạt được, số người dân được phục vụ và khả năng nhân rộng do đơn vị báo cáo.',
        registeredOn,
        reviewed ? (recognised ? 'recognised' : 'not_recognised') : 'registered',
        reviewed ? reviewedOn : null,
        recognised
          ? `Quyết định số ${decisionNo++}-QĐ/${byLabel} ngày ${vnDate(reviewedOn)}`
          : null,
        reviewed ? by : null,
        reviewed && !recognised ? 'Kết quả chưa rõ nét, chưa có khả năng nhân rộng.' : null,
      ]);
    }
    // Individual examples (điển hình cá nhân): a few members of the registered ones.
    const people = regRows.filter((r) => r[0] === movementId && r[2] !== null);
    for (let i = 0; i < 4 && people.length > 0; i++) {
      const r = rng.pick(people);
      const registeredOn = day(year, 5, rng.int(5, 28));
      if (registeredOn > end) continue;
      const recognised = reviewed && rng.chance(0.8);
      modelRows.push([
        r[1],
        r[2],
        movementId,
        `${rng.pick(memberModelTitles)} (${year})`,
        'mass_mobilisation',
        'Việc làm cụ thể, kết quả được nhân dân ghi nhận.',
        registeredOn,
        reviewed ? (recognised ? 'recognised' : 'not_recognised') : 'registered',
        reviewed ? reviewedOn : null,
        recognised
          ? `Quyết định số ${decisionNo++}-QĐ/${year <= 2024 ? 'ĐUK' : 'ĐU'} ngày ${vnDate(reviewedOn)}`
          : null,
        reviewed ? upper.id : null,
        null,
      ]);
    }
  };
  for (let year = 2021; year <= 2025; year++) await addModels(dvk, year, year === 2025);
  if (lastYear >= 2026) await addModels(dvk2026, 2026, true);
  await copyRows(
    db,
    'exemplary_models',
    [
      'org_unit_id',
      'member_id',
      'movement_id',
      'title',
      'field',
      'description',
      'registered_on',
      'status',
      'reviewed_on',
      'decision_ref',
      'recognised_by_org_unit_id',
      'review_note',
    ],
    modelRows,
  );

  await seedCommendations(db, rng, {
    upper,
    unitById,
    grassrootsOf,
    dvk,
    dvk2026,
    end,
    recognisedModelUnits: modelRows
      .filter((m) => m[2] === dvk && m[7] === 'recognised' && m[1] === null)
      .map((m) => Number(m[0])),
    recognisedModelMembers: modelRows
      .filter((m) => m[2] === dvk && m[7] === 'recognised' && m[1] !== null)
      .map((m) => Number(m[1])),
  });
};

type Proposal = {
  proposing: number;
  kind: CommendationSubjectKind;
  subject: number;
  form: CommendationForm;
  year: number;
  movementId: number | null;
  achievements: string;
  proposedOn: string;
  reviewedOn: string | null;
  reviewNote: string | null;
  outcome: 'granted' | 'refused' | null;
  granting: number | null;
  authority: string | null;
  decidedOn: string | null;
  decisionRef: string | null;
};

const seedCommendations = async (
  db: Db,
  rng: Random,
  ctx: {
    upper: { id: number; path: string; parent_id: number };
    unitById: Map<number, Unit>;
    grassrootsOf: (u: Unit) => number;
    dvk: number;
    dvk2026: number;
    end: string;
    recognisedModelUnits: number[];
    recognisedModelMembers: number[];
  },
) => {
  const { upper, unitById, grassrootsOf, end } = ctx;
  const upperAuthority = (on: string) =>
    on < '2025-02-01'
      ? 'Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh'
      : 'Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh';
  const upperRef = (no: number, on: string) =>
    `Quyết định số ${no}-QĐ/${on < '2025-02-01' ? 'ĐUK' : 'ĐU'} ngày ${vnDate(on)}`;
  const proposals: Proposal[] = [];
  let decisionNo = 300;

  // The decided year-end ratings of 2024 and 2025 (published in January of the next year).
  const rated = await queryRows<{
    year: number;
    subject_kind: string;
    org_unit_id: number | null;
    member_id: number | null;
    level: string;
  }>(
    db,
    sql`select distinct on (c.year, r.subject_key) c.year, r.subject_kind, r.org_unit_id, r.member_id,
          r.decided_level as level
        from evaluation_records r join evaluation_campaigns c on c.id = r.campaign_id
        where c.cycle = 'year' and c.year in (2024, 2025)
          and r.subject_kind in ('cell', 'grassroots_organisation', 'member')
          and r.status in ('decided', 'published') and r.decided_level is not null
        order by c.year, r.subject_key, r.id desc`,
  );
  const members = new Map(
    (
      await queryRows<{ id: number; org_unit_id: number; status: string }>(
        db,
        sql`select m.id, m.org_unit_id, m.status from members m join org_units o on o.id = m.org_unit_id
            where o.path <@ ${upper.path}::ltree`,
      )
    ).map((m) => [Number(m.id), m]),
  );

  for (const year of [2024, 2025]) {
    const next = year + 1;
    const proposedOn = day(next, 1, rng.int(12, 20));
    const reviewedOn = day(next, 1, rng.int(22, 28));
    const decidedOn = day(next, 2, rng.int(3, 12));
    const upperNo = decisionNo++;
    const ofYear = rated.filter((r) => Number(r.year) === year && r.level === 'HTXSNV');
    // Grassroots organisations rated HTXSNV: the upper committee's office proposes about half.
    for (const r of ofYear.filter((x) => x.subject_kind === 'grassroots_organisation')) {
      const u = unitById.get(Number(r.org_unit_id));
      if (!u || !existsOn(u, decidedOn) || !rng.chance(0.55)) continue;
      proposals.push({
        proposing: upper.id,
        kind: 'organisation',
        subject: u.id,
        form: 'exemplary_certificate',
        year,
        movementId: null,
        achievements: `Năm ${year} được xếp loại Hoàn thành xuất sắc nhiệm vụ; lãnh đạo đơn vị hoàn thành vượt mức các chỉ tiêu chuyên môn; không có đảng viên vi phạm.`,
        proposedOn,
        reviewedOn,
        reviewNote: 'Đủ điều kiện theo kết quả xếp loại chất lượng đã quyết định.',
        outcome: 'granted',
        granting: upper.id,
        authority: upperAuthority(decidedOn),
        decidedOn,
        decisionRef: upperRef(upperNo, decidedOn),
      });
    }
    // Cells rated HTXSNV under a grassroots committee: the committee commends about a third.
    for (const r of ofYear.filter((x) => x.subject_kind === 'cell')) {
      const u = unitById.get(Number(r.org_unit_id));
      const committee = u && unitById.get(Number(u.parent_id));
      if (!u || !committee || committee.kind !== 'grassroots_committee') continue;
      if (!existsOn(u, decidedOn) || !existsOn(committee, decidedOn) || !rng.chance(0.35)) continue;
      const on = day(next, 1, rng.int(25, 31));
      proposals.push({
        proposing: committee.id,
        kind: 'organisation',
        subject: u.id,
        form: 'exemplary_certificate',
        year,
        movementId: null,
        achievements: `Chi bộ Hoàn thành xuất sắc nhiệm vụ năm ${year}; sinh hoạt chi bộ nền nếp, chất lượng.`,
        proposedOn: day(next, 1, rng.int(8, 12)),
        reviewedOn: day(next, 1, rng.int(15, 20)),
        reviewNote: null,
        outcome: 'granted',
        granting: committee.id,
        authority: `Ban Chấp hành ${committee.name}`,
        decidedOn: on,
        decisionRef: `Quyết định số ${rng.int(10, 60)}-QĐ/ĐU ngày ${vnDate(on)}`,
      });
    }
    // Members rated HTXSNV: their grassroots organisation proposes about one in six; a few are refused
    // for the quota of the year although eligible.
    for (const r of ofYear.filter((x) => x.subject_kind === 'member')) {
      const m = members.get(Number(r.member_id));
      if (!m || !['full', 'probationary'].includes(m.status) || !rng.chance(0.16)) continue;
      const proposing = grassrootsOf(unitById.get(Number(m.org_unit_id))!);
      if (!unitById.get(proposing) || !existsOn(unitById.get(proposing)!, proposedOn)) continue;
      const refused = rng.chance(0.03);
      proposals.push({
        proposing,
        kind: 'member',
        subject: m.id,
        form: 'exemplary_certificate',
        year,
        movementId: null,
        achievements: `Hoàn thành xuất sắc nhiệm vụ năm ${year}; gương mẫu, có sáng kiến trong công tác chuyên môn.`,
        proposedOn,
        reviewedOn,
        reviewNote: refused
          ? 'Đủ điều kiện nhưng vượt số lượng khen thưởng của đơn vị theo hướng dẫn của Ban Thường vụ.'
          : null,
        outcome: refused ? 'refused' : 'granted',
        granting: upper.id,
        authority: upperAuthority(decidedOn),
        decidedOn,
        decisionRef: refused ? null : upperRef(upperNo + 1, decidedOn),
      });
    }
    decisionNo++;
  }

  // One member rated only HTTNV in 2025, proposed for the exemplary certificate: reviewed, refused.
  const good = rated
    .filter((r) => Number(r.year) === 2025 && r.subject_kind === 'member' && r.level === 'HTTNV')
    .map((r) => members.get(Number(r.member_id)))
    .find((m) => m && ['full', 'probationary'].includes(m.status));
  if (good)
    proposals.push({
      proposing: grassrootsOf(unitById.get(Number(good.org_unit_id))!),
      kind: 'member',
      subject: good.id,
      form: 'exemplary_certificate',
      year: 2025,
      movementId: null,
      achievements:
        'Hoàn thành tốt nhiệm vụ năm 2025; tích cực tham gia phong trào "Dân vận khéo".',
      proposedOn: '2026-01-16',
      reviewedOn: '2026-01-26',
      reviewNote:
        'Đảng viên được xếp loại Hoàn thành tốt nhiệm vụ năm 2025, không thuộc diện xét khen thưởng tiêu biểu (21-HD/BTCTW).',
      outcome: 'refused',
      granting: upper.id,
      authority: upperAuthority('2026-02-06'),
      decidedOn: '2026-02-06',
      decisionRef: null,
    });

  // The 2021–2025 movement's final review: achievement awards to the units and members whose models
  // were recognised; two organisations put forward for the province's certificate of merit.
  const finalOn = '2025-12-16';
  const units = [...new Set(ctx.recognisedModelUnits)].filter(() => rng.chance(0.35));
  units.forEach((id, i) => {
    const merit = i < 2;
    proposals.push({
      proposing: upper.id,
      kind: 'organisation',
      subject: id,
      form: merit ? 'merit' : 'certificate',
      year: 2025,
      movementId: ctx.dvk,
      achievements:
        'Có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" giai đoạn 2021–2025; mô hình được công nhận và nhân rộng.',
      proposedOn: '2025-11-28',
      reviewedOn: '2025-12-05',
      reviewNote: null,
      outcome: 'granted',
      granting: merit ? Number(upper.parent_id) : upper.id,
      authority: merit ? 'Ban Thường vụ Tỉnh ủy Lạng Sơn' : upperAuthority(finalOn),
      decidedOn: merit ? '2025-12-22' : finalOn,
      decisionRef: merit
        ? 'Quyết định số 2150-QĐ/TU ngày 22/12/2025'
        : upperRef(decisionNo, finalOn),
    });
  });
  for (const id of [...new Set(ctx.recognisedModelMembers)]) {
    const m = members.get(id);
    if (!m || !['full', 'probationary'].includes(m.status)) continue;
    proposals.push({
      proposing: grassrootsOf(unitById.get(Number(m.org_unit_id))!),
      kind: 'member',
      subject: id,
      form: 'certificate',
      year: 2025,
      movementId: ctx.dvk,
      achievements:
        'Điển hình "Dân vận khéo" giai đoạn 2021–2025 được công nhận; được nhân dân nơi công tác và nơi cư trú ghi nhận.',
      proposedOn: '2025-11-28',
      reviewedOn: '2025-12-05',
      reviewNote: null,
      outcome: 'granted',
      granting: upper.id,
      authority: upperAuthority(finalOn),
      decidedOn: finalOn,
      decisionRef: upperRef(decisionNo, finalOn),
    });
  }
  decisionNo++;

  // 2026: the grassroots organisations' proposals for the movement's review, still under way.
  const recent = [...new Set(ctx.recognisedModelUnits)].slice(0, 6);
  recent.forEach((id, i) => {
    const u = unitById.get(id)!;
    if (!existsOn(u, end)) return;
    proposals.push({
      proposing: upper.id,
      kind: 'organisation',
      subject: id,
      form: 'certificate',
      year: 2026,
      movementId: ctx.dvk2026,
      achievements:
        'Tiếp tục duy trì, nhân rộng mô hình "Dân vận khéo"; hoàn thành các nội dung đăng ký thi đua năm 2026.',
      proposedOn: day(2026, 11, 10 + i),
      reviewedOn: i % 2 === 0 ? day(2026, 11, 18) : null,
      reviewNote: null,
      outcome: null,
      granting: null,
      authority: null,
      decidedOn: null,
      decisionRef: null,
    });
  });

  // The eligibility, computed from the recorded ratings as the service computes it.
  const rows: unknown[][] = [];
  for (const p of proposals) {
    if (p.proposedOn > end) continue;
    const run = 1;
    const ratings =
      p.form === 'exemplary_certificate' || p.form === 'exemplary_merit'
        ? await decidedYearRatings(
            db,
            p.kind === 'member' ? { memberId: p.subject } : { orgUnitId: p.subject },
            p.year - run + 1,
            p.year,
          )
        : [];
    const e = checkEligibility({ form: p.form, year: p.year, yearsRunning: run, ratings });
    const eligibility = { ...e, title: e.checked ? commendationTitle(p.kind, p.year, run) : null };
    // Only eligible subjects are granted a rated form (21-HD/BTCTW); anything else is a seed bug.
    if (p.outcome === 'granted' && e.checked && !e.eligible)
      throw new Error(`demo commendation not eligible: ${p.kind} ${p.subject} ${p.year}`);
    const decided = p.outcome !== null && p.decidedOn !== null && p.decidedOn <= end;
    const status = decided
      ? p.outcome
      : p.reviewedOn && p.reviewedOn <= end
        ? 'reviewed'
        : 'proposed';
    rows.push([
      p.proposing,
      p.kind,
      p.kind === 'organisation' ? p.subject : null,
      p.kind === 'member' ? p.subject : null,
      p.form,
      p.year,
      e.checked ? run : null,
      p.movementId,
      p.achievements,
      status,
      p.proposedOn,
      status === 'proposed' ? null : p.reviewedOn,
      p.reviewNote,
      eligibility,
      decided ? p.granting : null,
      decided ? p.authority : null,
      decided ? p.decidedOn : null,
      decided ? p.decisionRef : null,
    ]);
  }
  await copyRows(
    db,
    'commendations',
    [
      'proposing_org_unit_id',
      'subject_kind',
      'subject_org_unit_id',
      'subject_member_id',
      'form',
      'year',
      'years_running',
      'movement_id',
      'achievements',
      'status',
      'proposed_on',
      'reviewed_on',
      'review_note',
      'eligibility',
      'granting_org_unit_id',
      'granting_authority',
      'decided_on',
      'decision_ref',
    ],
    rows as (string | number | null | object)[][],
  );
};
