// The demo bloc's register of resolutions and directives for 2024–2026 with their dissemination:
// the upper committee plans each for every grassroots organisation and cell; most units hold their
// session and issue their action programme on time, some late, a few not at all; members of the
// cells that held the four latest write their reflections. Deterministic (seeded PRNG), bulk inserts.
import type { IssuerLevel, ResolutionKind, SessionForm } from '../../contracts/resolutions';
import { copyRows } from '../db/bulk';
import { type Db, queryOne, queryRows, sql } from '../db/client';
import { loadCoverageUnits, loadPlanFacts } from '../modules/resolutions';
import { demoLifecycleEnd } from './demo-lifecycle';
import { addDays, createRandom, type Random, randomDate } from './random';

type Spec = {
  level: IssuerLevel;
  issuer: string;
  kind: ResolutionKind;
  number: string;
  issuedOn: string;
  title: string;
  studyDeadline: string;
  apDeadline?: string;
};

const tw = 'Bộ Chính trị';
const specs: Spec[] = [
  {
    level: 'central',
    issuer: 'Ban Chấp hành Trung ương',
    kind: 'resolution',
    number: '18-NQ/TW',
    issuedOn: '2017-10-25',
    title:
      'Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả (học tập phục vụ tổng kết)',
    studyDeadline: '2024-12-31',
    apDeadline: '2025-01-20',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'directive',
    number: '35-CT/TW',
    issuedOn: '2024-06-14',
    title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    studyDeadline: '2024-08-31',
    apDeadline: '2024-09-15',
  },
  {
    level: 'province',
    issuer: 'Ban Thường vụ Tỉnh ủy Lạng Sơn',
    kind: 'directive',
    number: '31-CT/TU',
    issuedOn: '2024-09-20',
    title: 'Về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống lãng phí',
    studyDeadline: '2024-11-30',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'resolution',
    number: '57-NQ/TW',
    issuedOn: '2024-12-22',
    title: 'Về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
    studyDeadline: '2025-03-15',
    apDeadline: '2025-03-31',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'resolution',
    number: '59-NQ/TW',
    issuedOn: '2025-01-24',
    title: 'Về hội nhập quốc tế trong tình hình mới',
    studyDeadline: '2025-04-30',
    apDeadline: '2025-05-31',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'directive',
    number: '45-CT/TW',
    issuedOn: '2025-04-14',
    title: 'Về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
    studyDeadline: '2025-05-31',
    apDeadline: '2025-06-15',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'resolution',
    number: '66-NQ/TW',
    issuedOn: '2025-04-30',
    title: 'Về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước',
    studyDeadline: '2025-07-31',
    apDeadline: '2025-08-31',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'resolution',
    number: '68-NQ/TW',
    issuedOn: '2025-05-04',
    title: 'Về phát triển kinh tế tư nhân',
    studyDeadline: '2025-07-31',
    apDeadline: '2025-08-31',
  },
  {
    level: 'central',
    issuer: tw,
    kind: 'resolution',
    number: '71-NQ/TW',
    issuedOn: '2025-08-22',
    title: 'Về đột phá phát triển giáo dục và đào tạo',
    studyDeadline: '2025-10-31',
    apDeadline: '2025-11-30',
  },
  {
    level: 'central',
    issuer: 'Ban Chấp hành Trung ương',
    kind: 'regulation',
    number: '366-QĐ/TW',
    issuedOn: '2025-08-30',
    title:
      'Về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
    studyDeadline: '2025-10-31',
  },
  {
    level: 'province',
    issuer: 'Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn',
    kind: 'resolution',
    number: '01-NQ/ĐHĐB',
    issuedOn: '2025-10-15',
    title: 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Lạng Sơn lần thứ XVIII, nhiệm kỳ 2025–2030',
    studyDeadline: '2025-12-31',
    apDeadline: '2026-01-31',
  },
  {
    level: 'central',
    issuer: 'Ban Bí thư',
    kind: 'regulation',
    number: '01-QĐ/TW',
    issuedOn: '2026-02-03',
    title: 'Về chế độ đảng phí',
    studyDeadline: '2026-03-30',
  },
  {
    level: 'own',
    issuer: 'Ban Chấp hành Đảng bộ các cơ quan Đảng tỉnh',
    kind: 'resolution',
    number: '15-NQ/ĐU',
    issuedOn: '2026-05-12',
    title: 'Về nâng cao chất lượng sinh hoạt chi bộ giai đoạn 2026–2030',
    studyDeadline: '2026-07-31',
    apDeadline: '2026-08-31',
  },
  {
    level: 'province',
    issuer: 'Ban Thường vụ Tỉnh ủy Lạng Sơn',
    kind: 'directive',
    number: '08-CT/TU',
    issuedOn: '2026-06-18',
    title:
      'Về tăng cường công tác phát triển đảng viên trong các cơ quan, đơn vị giai đoạn 2026–2030',
    studyDeadline: '2026-09-30',
    apDeadline: '2026-10-31',
  },
  {
    level: 'province',
    issuer: 'Ban Thường vụ Tỉnh ủy Lạng Sơn',
    kind: 'conclusion',
    number: '18-KL/TU',
    issuedOn: '2026-11-05',
    title: 'Về nhiệm vụ trọng tâm năm 2027 của các cơ quan Đảng tỉnh',
    studyDeadline: '2026-12-20',
  },
];

/** The latest resolutions members write reflections on (the others were studied before). */
const reflected = new Set(['71-NQ/TW', '01-NQ/ĐHĐB', '15-NQ/ĐU', '08-CT/TU']);

const reflectionText = (number: string, rng: Random) =>
  rng.pick([
    `Qua học tập ${number}, bản thân nhận thức sâu sắc hơn quan điểm, mục tiêu của Đảng; sẽ cụ thể hóa vào kế hoạch công tác cá nhân năm, gương mẫu thực hiện và vận động gia đình, đồng nghiệp cùng thực hiện.`,
    `Học tập ${number} giúp tôi thấy rõ trách nhiệm của đảng viên trong cơ quan; tôi đăng ký cải tiến lề lối làm việc, đẩy mạnh chuyển đổi số trong xử lý công việc chuyên môn và hoàn thành đúng hạn nhiệm vụ được giao.`,
    `Bản thân đã nghiên cứu kỹ ${number}; nhận thấy những nội dung mới cần quán triệt trong chi bộ. Tôi cam kết nâng cao chất lượng tham mưu, giữ gìn phẩm chất đạo đức, thực hiện nghiêm nguyên tắc tổ chức, sinh hoạt đảng.`,
  ]);

const forms: readonly (readonly [SessionForm, number])[] = [
  ['in_person', 70],
  ['hybrid', 20],
  ['online', 10],
];

export const seedDemoResolutions = async (db: Db, seed = 57): Promise<void> => {
  const rng = createRandom(seed);
  const upper = (await queryOne<{ id: number }>(
    db,
    sql`select id from org_units where kind = 'upper_committee' order by id limit 1`,
  ))!.id;
  const office = await queryOne<{ id: number }>(
    db,
    sql`select id from users where username = 'vanphong'`,
  );
  const created = await queryRows<{ id: number; number: string }>(
    db,
    sql`insert into resolutions (owner_unit_id, issuer_level, issuer_name, kind, number, issued_on, title, created_by)
        values ${sql.join(
          specs.map(
            (s) =>
              sql`(${upper}, ${s.level}, ${s.issuer}, ${s.kind}, ${s.number}, ${s.issuedOn}, ${s.title}, ${office?.id ?? null})`,
          ),
          sql`, `,
        )}
        returning id, number`,
  );
  const idOf = new Map(created.map((r) => [r.number, r.id]));
  await db.execute(
    sql`insert into resolution_plans (resolution_id, target_unit_id, unit_kinds, study_deadline,
          action_programme_required, action_programme_deadline, note)
        values ${sql.join(
          specs.map(
            (s) =>
              sql`(${idOf.get(s.number)}, ${upper}, array['grassroots_committee','grassroots_cell','cell'],
                ${s.studyDeadline}, ${Boolean(s.apDeadline)}, ${s.apDeadline ?? null},
                ${'Các chi bộ, đảng bộ cơ sở tổ chức quán triệt cho 100% cán bộ, đảng viên.'})`,
          ),
          sql`, `,
        )}`,
  );

  const sessions: (string | number | null)[][] = [];
  const programmes: (string | number | null)[][] = [];
  const reflections: (string | number)[][] = [];
  const end = demoLifecycleEnd;
  for (const s of specs) {
    const id = idOf.get(s.number)!;
    const plan = (await loadPlanFacts(db, id, end))!;
    const units = await loadCoverageUnits(db, plan, upper, end);
    // Members (full, probationary) of each cell on the tree date: invited to its session.
    const rosters = await queryRows<{ org_unit_id: number; member_id: number }>(
      db,
      sql`select org_unit_id, member_id from member_periods
          where valid_from <= ${plan.tree_date} and (valid_to is null or valid_to > ${plan.tree_date})
            and status in ('full', 'probationary')`,
    );
    const byCell = new Map<number, number[]>();
    for (const r of rosters) {
      const list = byCell.get(r.org_unit_id) ?? [];
      list.push(r.member_id);
      byCell.set(r.org_unit_id, list);
    }
    const inProgress = s.studyDeadline > end;
    for (const u of units) {
      const roll = rng.next();
      const start = addDays(s.issuedOn, 7);
      let heldOn: string | null = null;
      if (inProgress) {
        if (roll < 0.35) heldOn = randomDate(rng, start, end);
      } else if (roll < 0.88) heldOn = randomDate(rng, start, s.studyDeadline);
      else if (roll < 0.96) {
        const late = addDays(s.studyDeadline, 40);
        heldOn = randomDate(rng, addDays(s.studyDeadline, 1), late < end ? late : end);
      }
      if (!heldOn || heldOn > end) continue;
      const members = byCell.get(u.id) ?? [];
      const isCell = u.kind === 'cell' || u.kind === 'grassroots_cell';
      // A grassroots committee's conference gathers its committee members and cell secretaries.
      const invited = isCell ? Math.max(members.length, 3) : rng.int(12, 28);
      const absent = Math.min(invited, Math.round(invited * rng.next() * 0.1));
      sessions.push([
        id,
        u.id,
        heldOn,
        rng.weighted(forms),
        invited,
        invited - absent,
        office?.id ?? null,
      ]);
      if (s.apDeadline) {
        const r = rng.next();
        const apStart = addDays(heldOn, 3);
        let apOn: string | null = null;
        if (r < 0.9 && apStart <= s.apDeadline) apOn = randomDate(rng, apStart, s.apDeadline);
        else if (r < 0.96) apOn = randomDate(rng, apStart, addDays(apStart, 30));
        if (apOn && apOn <= end) {
          const n = rng.int(1, 40);
          programmes.push([
            id,
            u.id,
            isCell
              ? `${String(n).padStart(2, '0')}-CTr/CB`
              : `${String(n).padStart(2, '0')}-CTr/ĐU`,
            apOn,
            `Chương trình hành động thực hiện ${s.number}`,
            office?.id ?? null,
          ]);
        }
      }
      if (isCell && reflected.has(s.number)) {
        for (const memberId of members) {
          if (!rng.chance(0.78)) continue;
          const on = randomDate(rng, heldOn, addDays(heldOn, 20));
          if (on > end) continue;
          reflections.push([id, memberId, u.id, on, reflectionText(s.number, rng)]);
        }
      }
    }
  }
  await copyRows(
    db,
    'dissemination_sessions',
    ['resolution_id', 'org_unit_id', 'held_on', 'form', 'invited', 'attended', 'recorded_by'],
    sessions,
  );
  await copyRows(
    db,
    'action_programmes',
    ['resolution_id', 'org_unit_id', 'number', 'issued_on', 'title', 'recorded_by'],
    programmes,
  );
  await copyRows(
    db,
    'resolution_reflections',
    ['resolution_id', 'member_id', 'org_unit_id', 'submitted_on', 'content'],
    reflections,
  );
};
