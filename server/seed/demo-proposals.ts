// The demo bloc's proposals and recommendations (docs/domain/proposals.md) and the residence cells'
// yearly comments on members (Quy định 213-QĐ/TW), 2024 to the demo's end: each committee receives a few
// proposals a year from its cells, members and conference delegates, most answered within the month,
// some late, a few still open (overdue ones show in "Việc cần làm"); most members have their residence
// cell's comment for 2024 and 2025, part of them for 2026 (gathered at year end). Deterministic (seeded
// PRNG), bulk inserts.
import { addDays } from '../../domain/calendar/date-math';
import { copyRows } from '../db/bulk';
import { type Db, queryRows, sql } from '../db/client';
import { demoLifecycleEnd } from './demo-lifecycle';
import { createRandom } from './random';

const contents: [field: string, text: string][] = [
  [
    'facilities',
    'Đề nghị cấp ủy cấp trên hỗ trợ kinh phí mua tủ đựng hồ sơ đảng viên và máy tính cho chi bộ.',
  ],
  [
    'organisation',
    'Đề nghị hướng dẫn thủ tục chuyển sinh hoạt đảng tạm thời cho đảng viên đi học tập trung dài hạn.',
  ],
  [
    'organisation',
    'Đề nghị mở lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú trong quý tới.',
  ],
  ['policy', 'Kiến nghị xem xét chế độ phụ cấp cho bí thư chi bộ kiêm nhiệm.'],
  ['inspection', 'Đề nghị Ủy ban Kiểm tra hướng dẫn quy trình giám sát chuyên đề đối với chi ủy.'],
  [
    'ideology',
    'Đề nghị cung cấp tài liệu học tập chuyên đề năm về tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
  ],
  ['facilities', 'Đề nghị bố trí phòng họp riêng cho sinh hoạt chi bộ định kỳ.'],
  ['organisation', 'Kiến nghị rút ngắn thời gian thẩm định hồ sơ kết nạp đảng viên.'],
  [
    'other',
    'Đề nghị cập nhật phần mềm quản lý đảng viên và tập huấn sử dụng cho văn phòng các chi bộ.',
  ],
];
const answers = [
  'Ban Thường vụ đã xem xét, bố trí trong dự toán kinh phí năm sau.',
  'Văn phòng đã có văn bản hướng dẫn gửi các chi bộ.',
  'Đã tổ chức thực hiện trong quý; giao văn phòng theo dõi.',
  'Kiến nghị thuộc thẩm quyền cấp trên; đã tổng hợp, báo cáo cấp trên xem xét.',
  'Đã giải thích, trả lời trực tiếp tại hội nghị.',
];
const residenceCells = [
  'Chi bộ khối 1, phường Đông Kinh',
  'Chi bộ khối 3, phường Vĩnh Trại',
  'Chi bộ khối 5, phường Hoàng Văn Thụ',
  'Chi bộ khối 2, phường Chi Lăng',
  'Chi bộ khối 7, phường Tam Thanh',
  'Chi bộ thôn Phai Luông, xã Mai Pha',
  'Chi bộ thôn Nà Chuông, xã Hoàng Đồng',
];
const goodComments = [
  'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương; tham gia đầy đủ sinh hoạt nơi cư trú.',
  'Giữ mối liên hệ thường xuyên với chi ủy, chi bộ nơi cư trú; gia đình gương mẫu, tích cực tham gia các phong trào của khu dân cư.',
  'Có lối sống giản dị, gần gũi nhân dân; tham gia đóng góp ý kiến xây dựng tổ chức đảng và chính quyền cơ sở.',
];
const weakComment =
  'Chưa thường xuyên giữ mối liên hệ với chi bộ nơi cư trú; ít tham gia sinh hoạt và các hoạt động của khu dân cư.';

const yearEnd = (year: number) =>
  `${year}-12-31` < demoLifecycleEnd ? `${year}-12-31` : demoLifecycleEnd;

export const seedDemoProposals = async (db: Db, seed = 213): Promise<void> => {
  const rng = createRandom(seed);
  const end = demoLifecycleEnd;
  const committees = await queryRows<{
    id: number;
    established_on: string;
    dissolved_on: string | null;
  }>(
    db,
    sql`select id, established_on, dissolved_on from org_units
        where kind in ('upper_committee', 'grassroots_committee', 'grassroots_cell') order by id`,
  );
  const cells = await queryRows<{ id: number; parent_id: number }>(
    db,
    sql`select id, parent_id from org_units where kind = 'cell' and dissolved_on is null order by id`,
  );
  const periods = await queryRows<{
    member_id: number;
    org_unit_id: number;
    valid_from: string;
    valid_to: string | null;
  }>(
    db,
    sql`select member_id, org_unit_id, valid_from::text as valid_from, valid_to::text as valid_to
        from member_periods
        where status in ('full', 'probationary') and (valid_to is null or valid_to > '2024-01-01')
        order by member_id, valid_from`,
  );
  // Delegates raise theirs at a conference of the committee (the meetings seed runs first): the
  // proposal names it and is received on its day.
  const conferences = await queryRows<{ id: number; org_unit_id: number; held_on: string }>(
    db,
    sql`select id, org_unit_id, held_on::text as held_on from meetings
        where kind in ('committee_conference', 'committee_year_end') order by held_on`,
  );
  const conferencesOf = new Map<number, { id: number; held_on: string }[]>();
  for (const m of conferences)
    conferencesOf.set(m.org_unit_id, [...(conferencesOf.get(m.org_unit_id) ?? []), m]);
  const cellsOf = new Map<number, number[]>();
  for (const c of cells) cellsOf.set(c.parent_id, [...(cellsOf.get(c.parent_id) ?? []), c.id]);
  const membersOf = new Map<number, number[]>();
  for (const p of periods)
    membersOf.set(p.org_unit_id, [...(membersOf.get(p.org_unit_id) ?? []), p.member_id]);

  const proposalRows: unknown[][] = [];
  for (const c of committees) {
    const own = cellsOf.get(c.id) ?? [];
    for (const year of [2024, 2025, 2026]) {
      const count = rng.int(2, 5);
      for (let i = 0; i < count; i++) {
        const drawn = `${year}-${String(rng.int(1, 11)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
        const [field, content] = rng.pick(contents);
        const kind = rng.weighted([
          ['unit', 4],
          ['member', 2],
          ['conference_delegate', 2],
        ] as const);
        // The committee's last conference before the drawn day, when the delegate's is one.
        const conference =
          kind === 'conference_delegate'
            ? (conferencesOf.get(c.id) ?? []).filter((m) => m.held_on <= drawn).at(-1)
            : undefined;
        const raisedOn = conference?.held_on ?? drawn;
        if (raisedOn > end || raisedOn < c.established_on) continue;
        if (c.dissolved_on && raisedOn >= c.dissolved_on) continue;
        const sourceUnit = kind === 'unit' && own.length ? rng.pick(own) : null;
        const pool = own.flatMap((id) => membersOf.get(id) ?? []);
        const sourceMember = kind === 'member' && pool.length ? rng.pick(pool) : null;
        const sourceKind =
          kind === 'unit' && !sourceUnit
            ? 'other'
            : kind === 'member' && !sourceMember
              ? 'other'
              : kind;
        const sourceText =
          sourceKind === 'conference_delegate'
            ? 'Đại biểu dự Hội nghị Ban Chấp hành mở rộng'
            : sourceKind === 'other'
              ? 'Ý kiến qua hộp thư góp ý của cơ quan'
              : null;
        const assignee = own.length && rng.chance(0.3) ? rng.pick(own) : c.id;
        const dueOn = addDays(raisedOn, 30);
        // Older ones are nearly all answered; the year's last months leave some open.
        const answered = rng.chance(raisedOn < '2026-09-01' ? 0.9 : 0.4);
        const answeredOn = answered ? addDays(raisedOn, rng.int(5, 45)) : null;
        const closed = answeredOn !== null && answeredOn <= end;
        proposalRows.push([
          c.id,
          sourceKind,
          sourceUnit,
          sourceMember,
          sourceText,
          conference?.id ?? null,
          raisedOn,
          field,
          content,
          assignee === c.id ? 'Ban Thường vụ Đảng ủy' : 'Chi ủy chi bộ',
          assignee,
          dueOn,
          closed ? 'answered' : 'open',
          closed ? answeredOn : null,
          closed ? rng.pick(answers) : null,
          closed && rng.chance(0.5) ? `${rng.int(10, 300)}-CV/ĐU` : null,
        ]);
      }
    }
  }
  await copyRows(
    db,
    'proposals',
    [
      'org_unit_id',
      'source_kind',
      'source_org_unit_id',
      'source_member_id',
      'source_text',
      'meeting_id',
      'raised_on',
      'field',
      'content',
      'addressee',
      'assignee_org_unit_id',
      'due_on',
      'status',
      'answered_on',
      'answer',
      'answer_ref',
    ],
    proposalRows as never,
  );

  // Residence comments: the members in the party at each year's end (the demo's end for 2026).
  const commentRows: unknown[][] = [];
  for (const [year, share] of [
    [2024, 0.93],
    [2025, 0.9],
    [2026, 0.45],
  ] as const) {
    const day = yearEnd(year);
    const seen = new Set<number>();
    for (const p of periods) {
      if (p.valid_from > day || (p.valid_to !== null && p.valid_to <= day)) continue;
      if (seen.has(p.member_id)) continue;
      seen.add(p.member_id);
      if (!rng.chance(share)) continue;
      const weak = rng.chance(0.03);
      const commentedOn =
        year === 2026
          ? `2026-11-${String(rng.int(2, 20)).padStart(2, '0')}`
          : `${year}-12-${String(rng.int(1, 20)).padStart(2, '0')}`;
      commentRows.push([
        p.member_id,
        year,
        rng.pick(residenceCells),
        commentedOn,
        weak ? weakComment : rng.pick(goodComments),
        weak ? 'not_fulfilled' : 'fulfilled',
        'transcribed',
      ]);
    }
  }
  await copyRows(
    db,
    'residence_comments',
    ['member_id', 'year', 'residence_cell', 'commented_on', 'comment', 'conclusion', 'recorded_as'],
    commentRows as never,
  );
};
