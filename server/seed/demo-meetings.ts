// The demo bloc's meetings: every cell's monthly meeting from January 2025 (a thematic one each
// quarter) with attendance member by member (about 90–97%) and a few months missed, the standing
// committee's quarterly conferences and the year-end extended conferences of the committees.
// Deterministic (seeded PRNG), bulk inserts.
import { copyRows } from '../db/bulk';
import { type Db, queryRows, sql } from '../db/client';
import { demoLifecycleEnd } from './demo-lifecycle';
import { createRandom } from './random';

const reasons = [
  'Đi công tác',
  'Ốm, điều trị tại bệnh viện',
  'Đi học tập trung',
  'Việc gia đình, có báo cáo chi ủy',
  'Nghỉ chế độ thai sản',
] as const;
const thematic = [
  'Sinh hoạt chuyên đề: học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Sinh hoạt chuyên đề: nâng cao tinh thần trách nhiệm, chống lãng phí trong cơ quan',
  'Sinh hoạt chuyên đề: chuyển đổi số trong hoạt động của cơ quan',
  'Sinh hoạt chuyên đề: nêu gương của cán bộ, đảng viên',
] as const;

const months = (from: string, to: string): string[] => {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
};

/** A working day between the 3rd and the 12th of the month. */
const meetingDay = (month: string, day: number): string => {
  let d = day;
  for (;;) {
    const date = `${month}-${String(d).padStart(2, '0')}`;
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (wd !== 0 && wd !== 6) return date;
    d += 1;
  }
};

type Period = {
  member_id: number;
  org_unit_id: number;
  valid_from: string;
  valid_to: string | null;
};

export const seedDemoMeetings = async (db: Db, seed = 50): Promise<void> => {
  const rng = createRandom(seed);
  const end = demoLifecycleEnd;
  const cells = await queryRows<{
    id: number;
    name: string;
    established_on: string;
    dissolved_on: string | null;
  }>(
    db,
    sql`select id, name, established_on, dissolved_on from org_units
        where kind in ('cell', 'grassroots_cell') order by id`,
  );
  const periods = await queryRows<Period>(
    db,
    sql`select member_id, org_unit_id, valid_from, valid_to from member_periods
        where status in ('full', 'probationary') and (valid_to is null or valid_to > '2025-01-01')`,
  );
  const byCell = new Map<number, Period[]>();
  for (const p of periods) {
    const list = byCell.get(p.org_unit_id) ?? [];
    list.push(p);
    byCell.set(p.org_unit_id, list);
  }

  type Planned = {
    unit: number;
    kind: string;
    heldOn: string;
    title: string;
    agenda: string | null;
    attendance: [number, boolean, string | null][];
    invited: number;
    present: number;
  };
  const planned: Planned[] = [];
  for (const c of cells) {
    const absentRate = 0.03 + rng.next() * 0.07;
    for (const month of months('2025-01', end.slice(0, 7))) {
      const heldOn = meetingDay(month, rng.int(3, 12));
      if (heldOn > end || heldOn < c.established_on) continue;
      if (c.dissolved_on && heldOn >= c.dissolved_on) continue;
      if (rng.chance(0.015)) continue; // a missed month
      const roster = (byCell.get(c.id) ?? []).filter(
        (p) => p.valid_from <= heldOn && (p.valid_to === null || p.valid_to > heldOn),
      );
      if (roster.length === 0) continue;
      const attendance = roster.map((p): [number, boolean, string | null] => {
        const present = !rng.chance(absentRate);
        return [p.member_id, present, present ? null : rng.pick(reasons)];
      });
      const quarterEnd = Number(month.slice(5)) % 3 === 0;
      const [y, m] = [month.slice(0, 4), month.slice(5)];
      planned.push({
        unit: c.id,
        kind: quarterEnd ? 'cell_thematic' : 'cell_regular',
        heldOn,
        title: quarterEnd ? rng.pick(thematic) : `Sinh hoạt chi bộ định kỳ tháng ${m}/${y}`,
        agenda: quarterEnd
          ? null
          : 'Kiểm điểm việc thực hiện nghị quyết tháng trước; thông tin thời sự; phương hướng, nhiệm vụ tháng tới',
        attendance,
        invited: attendance.length,
        present: attendance.filter((a) => a[1]).length,
      });
    }
  }
  // Committee conferences: the standing committee each quarter, year-end extended conferences.
  const committees = await queryRows<{
    id: number;
    kind: string;
    established_on: string;
    dissolved_on: string | null;
  }>(
    db,
    sql`select id, kind, established_on, dissolved_on from org_units
        where kind in ('upper_committee', 'grassroots_committee') order by id`,
  );
  for (const c of committees) {
    for (const year of [2024, 2025]) {
      const heldOn = meetingDay(`${year}-12`, rng.int(15, 24));
      if (heldOn < c.established_on || (c.dissolved_on && heldOn >= c.dissolved_on)) continue;
      const invited = c.kind === 'upper_committee' ? rng.int(110, 140) : rng.int(25, 60);
      planned.push({
        unit: c.id,
        kind: 'committee_year_end',
        heldOn,
        title: `Hội nghị Ban Chấp hành mở rộng tổng kết công tác xây dựng Đảng năm ${year}, triển khai nhiệm vụ năm ${year + 1}`,
        agenda:
          'Báo cáo tổng kết năm; kiểm điểm tập thể Ban Chấp hành, Ban Thường vụ; nghị quyết về phương hướng, nhiệm vụ năm sau',
        attendance: [],
        invited,
        present: invited - rng.int(0, Math.ceil(invited * 0.06)),
      });
    }
    if (c.kind === 'upper_committee')
      for (const month of months('2025-01', end.slice(0, 7)).filter(
        (m) => Number(m.slice(5)) % 3 === 1,
      )) {
        const heldOn = meetingDay(month, rng.int(5, 14));
        if (heldOn > end) continue;
        const invited = rng.int(9, 11);
        planned.push({
          unit: c.id,
          kind: 'standing_committee',
          heldOn,
          title: `Hội nghị Ban Thường vụ quý ${Math.ceil(Number(month.slice(5)) / 3)}/${month.slice(0, 4)}`,
          agenda: 'Đánh giá kết quả quý trước; cho ý kiến về công tác cán bộ, kết nạp đảng viên',
          attendance: [],
          invited,
          present: invited - rng.int(0, 1),
        });
      }
  }
  const ids: number[] = [];
  for (let i = 0; i < planned.length; i += 1000) {
    const chunk = planned.slice(i, i + 1000);
    const rows = await queryRows<{ id: number }>(
      db,
      sql`insert into meetings (org_unit_id, kind, held_on, title, agenda, invited_count, present_count)
          values ${sql.join(
            chunk.map(
              (p) =>
                sql`(${p.unit}, ${p.kind}, ${p.heldOn}, ${p.title}, ${p.agenda}, ${p.invited}, ${p.present})`,
            ),
            sql`, `,
          )}
          returning id`,
    );
    ids.push(...rows.map((r) => r.id));
  }
  const attendance: (number | boolean | string | null)[][] = [];
  const decisions: (number | string | boolean | null)[][] = [];
  planned.forEach((p, i) => {
    for (const [memberId, present, reason] of p.attendance)
      attendance.push([ids[i], memberId, present, reason]);
    if (p.kind === 'committee_year_end' || (p.kind === 'cell_regular' && rng.chance(0.25))) {
      const deadline = `${p.heldOn.slice(0, 7)}-28`;
      decisions.push([
        ids[i],
        p.kind === 'committee_year_end'
          ? 'Ban hành nghị quyết về phương hướng, nhiệm vụ năm sau và phân công thực hiện các chỉ tiêu'
          : 'Đôn đốc đảng viên hoàn thành bài thu hoạch và nộp đảng phí đúng hạn',
        p.kind === 'committee_year_end' ? 'Văn phòng cấp ủy' : 'Chi ủy',
        deadline,
        deadline < end,
      ]);
    }
  });
  await copyRows(
    db,
    'meeting_attendance',
    ['meeting_id', 'member_id', 'present', 'absence_reason'],
    attendance,
  );
  await copyRows(
    db,
    'meeting_decisions',
    ['meeting_id', 'text', 'owner', 'deadline', 'done'],
    decisions,
  );
};
