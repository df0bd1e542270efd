// The demo bloc's political education (docs/domain/education.md): the upper committee's programme under
// Chỉ thị 05-CT/TW for 2021–2025 with its interim review after four years ("sơ kết 4 năm") and its final
// review, the 2026 topic; every cell's study activities each year (the thematic meetings already recorded
// are linked, not repeated), most members' yearly commitments with their outcome, models registered by
// cells and recognised by their committee, and a register of opinion notes. Deterministic (seeded PRNG),
// bulk inserts; the review figures are not stored (computed from these records).
import { copyRows } from '../db/bulk';
import { type Db, queryOne, queryRows, sql } from '../db/client';
import { demoLifecycleEnd } from './demo-lifecycle';
import { createRandom } from './random';

const topics: Record<number, string> = {
  2021: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc',
  2022: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa, con người Việt Nam',
  2023: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng Đảng trong sạch, vững mạnh',
  2024: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phòng, chống tham nhũng, lãng phí, tiêu cực',
  2025: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần đoàn kết, phát huy sức mạnh đại đoàn kết toàn dân tộc',
  2026: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về đổi mới phương thức lãnh đạo, nâng cao năng lực cầm quyền của Đảng',
};
const commitments = [
  'Tận tụy phục vụ người bệnh, giữ gìn y đức; không gây phiền hà, sách nhiễu.',
  'Hoàn thành tốt nhiệm vụ chuyên môn; tích cực học tập nâng cao trình độ, ứng dụng công nghệ thông tin.',
  'Thực hành tiết kiệm, chống lãng phí trong cơ quan; gương mẫu chấp hành kỷ luật phát ngôn.',
  'Giữ gìn đoàn kết nội bộ; thẳng thắn tự phê bình và phê bình; nêu gương nơi cư trú.',
] as const;
const models = [
  ['Khoa phòng không khói thuốc', 'culture_society'],
  ['Mỗi tuần một sáng kiến cải tiến quy trình khám bệnh', 'economy'],
  ['Chi bộ số hóa hồ sơ đảng viên', 'party_building'],
  ['Dân vận khéo: đưa bác sĩ trẻ về trạm y tế xã', 'mass_mobilisation'],
  ['Ngày thứ Bảy tình nguyện khám bệnh cho người cao tuổi', 'mass_mobilisation'],
  ['Tổ tự quản "Xanh – sạch – đẹp" nơi làm việc', 'culture_society'],
  ['Tiết kiệm điện, nước và văn phòng phẩm', 'economy'],
] as const;
const opinions = [
  [
    'Sắp xếp tổ chức bộ máy, tinh giản biên chế',
    'Một số viên chức băn khoăn về vị trí việc làm sau sắp xếp.',
    'Sinh hoạt chi bộ',
  ],
  [
    'Giá dịch vụ khám, chữa bệnh điều chỉnh',
    'Người bệnh và người nhà thắc mắc về mức giá mới.',
    'Phản ánh của người bệnh',
  ],
  [
    'Thông tin sai lệch trên mạng xã hội về một ca bệnh',
    'Bài đăng lan truyền thông tin chưa được kiểm chứng về cơ sở y tế.',
    'Mạng xã hội',
  ],
  [
    'Chính sách tiền lương mới',
    'Đảng viên, viên chức quan tâm lộ trình cải cách tiền lương.',
    'Hội nghị cán bộ, viên chức',
  ],
  [
    'Tình hình dịch bệnh theo mùa',
    'Nhân dân lo ngại về dịch sốt xuất huyết mùa mưa.',
    'Báo chí địa phương',
  ],
] as const;

const day = (year: number, month: number, d: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export const seedDemoEducation = async (db: Db, seed = 70): Promise<void> => {
  const rng = createRandom(seed);
  const end = demoLifecycleEnd;
  const lastYear = Number(end.slice(0, 4));
  const upper = (await queryOne<{ id: number; path: string }>(
    db,
    sql`select id, path::text as path from org_units where kind = 'upper_committee' order by id limit 1`,
  ))!;
  const programme = async (values: {
    kind: string;
    title: string;
    ref: string;
    from: string;
    to: string | null;
  }) =>
    (await queryOne<{ id: number }>(
      db,
      sql`insert into study_programmes (org_unit_id, kind, title, directive_ref, from_date, to_date)
          values (${upper.id}, ${values.kind}, ${values.title}, ${values.ref}, ${values.from}, ${values.to})
          returning id`,
    ))!.id;
  const directive = await programme({
    kind: 'directive',
    title:
      'Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021–2025',
    ref: 'Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị',
    from: '2021-01-01',
    to: '2025-12-31',
  });
  const topic2026 = await programme({
    kind: 'annual_topic',
    title: `Chuyên đề năm 2026: ${topics[2026]}`,
    ref: 'Kế hoạch thực hiện chuyên đề năm 2026 của Đảng ủy',
    from: '2026-01-01',
    to: '2026-12-31',
  });
  const programmeOf = (year: number) => (year <= 2025 ? directive : topic2026);

  const cells = await queryRows<{
    id: number;
    parent_id: number;
    established_on: string;
    dissolved_on: string | null;
  }>(
    db,
    sql`select id, parent_id, established_on::text as established_on,
          dissolved_on::text as dissolved_on from org_units
        where kind in ('cell', 'grassroots_cell') and path <@ ${upper.path}::ltree order by id`,
  );
  // The thematic meetings already recorded (from 2025): each becomes the cell's activity.
  const thematic = await queryRows<{
    id: number;
    org_unit_id: number;
    held_on: string;
    title: string;
    present_count: number;
  }>(
    db,
    sql`select id, org_unit_id, held_on::text as held_on, title, present_count from meetings
        where kind = 'cell_thematic' and org_unit_id in (
          select id from org_units where path <@ ${upper.path}::ltree) order by id`,
  );
  const activities: (string | number | null)[][] = [];
  for (const t of thematic) {
    if (!t.title.includes('Hồ Chí Minh')) continue;
    const year = Number(t.held_on.slice(0, 4));
    activities.push([
      programmeOf(year),
      t.org_unit_id,
      'thematic_meeting',
      t.title,
      t.held_on,
      t.id,
      t.present_count,
    ]);
  }
  for (const c of cells) {
    const lazy = rng.chance(0.12); // a few cells record nothing some years
    for (let year = 2021; year <= lastYear; year++) {
      const heldOn = day(year, rng.int(3, 6), rng.int(5, 25));
      if (heldOn > end || heldOn < c.established_on) continue;
      if (c.dissolved_on && heldOn >= c.dissolved_on) continue;
      if (lazy && rng.chance(0.6)) continue;
      activities.push([
        programmeOf(year),
        c.id,
        'study',
        `Học tập chuyên đề năm ${year}: ${topics[year]}`,
        heldOn,
        null,
        rng.int(8, 30),
      ]);
    }
  }
  await copyRows(
    db,
    'study_activities',
    ['programme_id', 'org_unit_id', 'kind', 'title', 'held_on', 'meeting_id', 'participants'],
    activities,
  );

  // Commitments: the members of each cell in February, most of them, with last year's outcome.
  const commitmentRows: (string | number | null)[][] = [];
  for (let year = 2021; year <= lastYear; year++) {
    const on = day(year, 2, 20);
    if (on > end) continue;
    const roster = await queryRows<{ member_id: number }>(
      db,
      sql`select distinct p.member_id from member_periods p join org_units o on o.id = p.org_unit_id
          where p.status in ('full', 'probationary') and p.valid_from <= ${on}
            and (p.valid_to is null or p.valid_to > ${on}) and o.path <@ ${upper.path}::ltree
          order by p.member_id`,
    );
    for (const r of roster) {
      if (rng.chance(0.07)) continue;
      const done = year < lastYear;
      const outcome = done
        ? rng.weighted([
            ['kept', 90],
            ['partly_kept', 9],
            ['not_kept', 1],
          ] as const)
        : null;
      commitmentRows.push([
        programmeOf(year),
        r.member_id,
        year,
        day(year, 2, rng.int(10, 28)),
        rng.pick(commitments),
        outcome,
      ]);
    }
  }
  await copyRows(
    db,
    'study_commitments',
    ['programme_id', 'member_id', 'year', 'signed_on', 'content', 'outcome'],
    commitmentRows,
  );

  // Models: a few cells each year register one; their committee recognises most by December.
  const committees = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id, name from org_units where kind in ('grassroots_committee', 'upper_committee')`,
  );
  const committeeName = new Map(committees.map((c) => [Number(c.id), c.name]));
  const modelRows: (string | number | null)[][] = [];
  let decision = 1;
  for (let year = 2021; year <= lastYear; year++) {
    for (const c of cells) {
      if (!rng.chance(0.12)) continue;
      const registeredOn = day(year, rng.int(3, 5), rng.int(2, 27));
      if (registeredOn > end || registeredOn < c.established_on) continue;
      if (c.dissolved_on && registeredOn >= c.dissolved_on) continue;
      const [title, field] = rng.pick(models);
      const reviewedOn = day(year, 11, rng.int(10, 28));
      const reviewed = reviewedOn <= end;
      const recognised = reviewed && rng.chance(0.75);
      const by = committeeName.has(Number(c.parent_id)) ? Number(c.parent_id) : upper.id;
      modelRows.push([
        c.id,
        programmeOf(year),
        `${title} (${year})`,
        field,
        'Cách làm, kết quả và khả năng nhân rộng do chi bộ báo cáo.',
        registeredOn,
        reviewed ? (recognised ? 'recognised' : 'not_recognised') : 'registered',
        reviewed ? reviewedOn : null,
        recognised
          ? `Quyết định số ${decision++}-QĐ/ĐU ngày ${reviewedOn.slice(8)}/11/${year}`
          : null,
        reviewed ? by : null,
      ]);
    }
  }
  await copyRows(
    db,
    'exemplary_models',
    [
      'org_unit_id',
      'programme_id',
      'title',
      'field',
      'description',
      'registered_on',
      'status',
      'reviewed_on',
      'decision_ref',
      'recognised_by_org_unit_id',
    ],
    modelRows,
  );

  // The reviews of the directive: after four years (sơ kết) and at its end (tổng kết).
  const reviews = [
    [
      'interim',
      'Sơ kết 4 năm thực hiện Chỉ thị 05-CT/TW (2021–2024)',
      '2021-01-01',
      '2024-12-31',
      '2024-12-18',
      'Báo cáo số 112-BC/ĐU',
    ],
    [
      'final',
      'Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW (2021–2025)',
      '2021-01-01',
      '2025-12-31',
      '2025-12-17',
      'Báo cáo số 145-BC/ĐU',
    ],
  ].filter((r) => r[4] <= end);
  await copyRows(
    db,
    'programme_reviews',
    [
      'programme_id',
      'org_unit_id',
      'kind',
      'title',
      'period_from',
      'period_to',
      'held_on',
      'report_ref',
    ],
    reviews.map((r) => [directive, upper.id, ...r]),
  );

  // Opinion notes: the committee and a few cells, about one a month.
  const noteUnits = [upper.id, ...cells.filter(() => rng.chance(0.1)).map((c) => c.id)];
  const notes: (string | number | null)[][] = [];
  for (let year = 2024; year <= lastYear; year++) {
    for (let month = 1; month <= 12; month++) {
      const notedOn = day(year, month, rng.int(5, 25));
      if (notedOn > end) continue;
      const [topic, content, source] = rng.pick(opinions);
      notes.push([
        rng.pick(noteUnits),
        notedOn,
        topic,
        content,
        source,
        'Cung cấp thông tin chính thống trong sinh hoạt chi bộ; báo cáo Ban Tuyên giáo Đảng ủy.',
      ]);
    }
  }
  await copyRows(
    db,
    'opinion_notes',
    ['org_unit_id', 'noted_on', 'topic', 'content', 'source', 'orientation'],
    notes,
  );
};
