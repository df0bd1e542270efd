// The demo bloc's annual plans (docs/domain/annual-plan.md): the terms 2020–2025 and 2025–2030 of the upper committee
// with their congress targets; for 2024, 2025 and 2026 the yearly targets (admissions, the evaluation
// shares, key tasks done) — the admissions target cascaded to every grassroots organisation in
// proportion to its members — and six key tasks a year (rated at year end for past years); and two tasks
// a year handed down to each grassroots organisation, with deadlines, results and ratings. Everything is
// written through the plans services, so every rule applies. Thresholds derive from the bloc's own
// recorded admissions (a realistic target, neither trivial nor out of reach); the PRNG is seeded. Next
// year's targets (seedDemoNextYearTargets, after the resolutions) are titled as offices write them.

import { type Db, queryOne, queryRows, sql } from '../db/client';
import {
  cascadeTarget,
  createKeyTask,
  createTarget,
  createTerm,
  recordTaskResult,
} from '../modules/plans';
import type { Actor } from '../platform/access/actor';
import { addDays, createRandom } from './random';

const upperTasks: Record<number, { title: string; products: string; deadline: string }[]> = {
  2024: [
    {
      title: 'Tổ chức đại hội chi bộ, đảng bộ cơ sở nhiệm kỳ 2025–2027 (chuẩn bị)',
      products: 'Kế hoạch, hướng dẫn đại hội',
      deadline: '2024-12-15',
    },
    {
      title: 'Nâng cao chất lượng sinh hoạt chi bộ theo Chỉ thị 50-CT/TW',
      products: 'Báo cáo sơ kết',
      deadline: '2024-06-30',
    },
    {
      title: 'Phát triển đảng viên trong đoàn viên thanh niên',
      products: 'Danh sách quần chúng ưu tú',
      deadline: '2024-11-30',
    },
    {
      title: 'Thực hiện chương trình kiểm tra, giám sát năm 2024',
      products: 'Thông báo kết luận',
      deadline: '2024-12-10',
    },
    {
      title: 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
      products: 'Chuyên đề năm 2024',
      deadline: '2024-09-30',
    },
    {
      title: 'Rà soát, bổ sung quy hoạch cấp ủy các cấp',
      products: 'Nghị quyết phê duyệt quy hoạch',
      deadline: '2024-08-31',
    },
  ],
  2025: [
    {
      title: 'Tổ chức thành công Đại hội Đảng bộ Khối nhiệm kỳ 2025–2030',
      products: 'Nghị quyết Đại hội',
      deadline: '2025-07-31',
    },
    {
      title: 'Sắp xếp tổ chức bộ máy, kiện toàn tổ chức cơ sở đảng sau hợp nhất',
      products: 'Quyết định thành lập, kiện toàn',
      deadline: '2025-04-30',
    },
    {
      title: 'Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh',
      products: 'Chương trình hành động',
      deadline: '2025-11-30',
    },
    {
      title: 'Phát triển đảng viên đạt chỉ tiêu năm 2025',
      products: 'Quyết định kết nạp',
      deadline: '2025-12-15',
    },
    {
      title: 'Thực hiện chương trình kiểm tra, giám sát năm 2025',
      products: 'Thông báo kết luận',
      deadline: '2025-12-10',
    },
    {
      title: 'Chuyển đổi số trong công tác quản lý đảng viên',
      products: 'Cơ sở dữ liệu đảng viên',
      deadline: '2025-10-31',
    },
  ],
  2026: [
    {
      title: 'Cụ thể hóa Nghị quyết Đại hội Đảng bộ Khối năm thứ hai',
      products: 'Kế hoạch thực hiện',
      deadline: '2026-03-31',
    },
    {
      title: 'Nâng cao chất lượng sinh hoạt chi bộ, sinh hoạt chuyên đề',
      products: 'Báo cáo chuyên đề',
      deadline: '2026-06-30',
    },
    {
      title: 'Phát triển đảng viên đạt chỉ tiêu năm 2026',
      products: 'Quyết định kết nạp',
      deadline: '2026-12-15',
    },
    {
      title: 'Thực hiện chương trình kiểm tra, giám sát năm 2026',
      products: 'Thông báo kết luận',
      deadline: '2026-12-10',
    },
    {
      title: 'Tổng kết 5 năm thực hiện Chỉ thị 05-CT/TW',
      products: 'Báo cáo tổng kết',
      deadline: '2026-05-31',
    },
    {
      title: 'Đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm 2026',
      products: 'Báo cáo kết quả xếp loại',
      deadline: '2026-12-31',
    },
  ],
};

const handedDown = [
  {
    title: 'Tổ chức học tập, quán triệt nghị quyết mới của Trung ương, của Tỉnh ủy',
    products: 'Báo cáo kết quả quán triệt',
    month: '05-31',
  },
  {
    title: 'Xây dựng và thực hiện chương trình kiểm tra, giám sát của cấp ủy cơ sở',
    products: 'Chương trình, báo cáo kết quả',
    month: '11-30',
  },
];

/** Past years: completed; the current year: done when the deadline has passed (mostly). */
const outcome = (
  rng: ReturnType<typeof createRandom>,
  deadline: string,
  today: string,
  year: number,
): {
  status: 'completed' | 'in_progress' | 'not_completed';
  completedOn?: string;
  exceeded?: number;
} => {
  const past = year < Number(today.slice(0, 4));
  if (!past && deadline > today) return { status: 'in_progress' };
  if (rng.chance(0.06)) return { status: past ? 'not_completed' : 'in_progress' };
  const shift = rng.weighted([
    [-rng.int(3, 25), 5],
    [0, 3],
    [rng.int(2, 20), 2],
  ] as const);
  const done = addDays(deadline, shift);
  return {
    status: 'completed',
    completedOn: done > today ? today : done,
    exceeded: rng.chance(0.45) ? rng.int(5, 30) : 0,
  };
};

type Grassroots = { id: number; name: string; members: number };

/** Grassroots organisations under the bloc today, with their members (to split the admissions). */
const grassrootsOf = (db: Db, upperId: number) =>
  queryRows<Grassroots>(
    db,
    sql`select o.id, o.name, coalesce((select sum(c.count) from org_member_counts c
          where c.org_unit_id = o.id and c.dimension = 'status'), 0)::int as members
        from org_units o where o.parent_id = ${upperId} and o.dissolved_on is null
          and o.kind in ('grassroots_committee', 'grassroots_cell') order by o.id`,
  );

/** Split a target among the grassroots organisations by members, largest remainders first. */
const cascadeByMembers = async (
  db: Db,
  office: Actor,
  id: number,
  threshold: number,
  grassroots: Grassroots[],
) => {
  const totalMembers = grassroots.reduce((s, g) => s + g.members, 0) || 1;
  const raw = grassroots.map((g) => (threshold * g.members) / totalMembers);
  const shares = raw.map(Math.floor);
  const order = raw.map((r, k) => [r - Math.floor(r), k] as const).sort((a, b) => b[0] - a[0]);
  const missing = threshold - shares.reduce((sum, v) => sum + v, 0);
  for (let k = 0; k < missing; k++) shares[order[k % order.length][1]]++;
  await cascadeTarget({
    db,
    actor: office,
    id,
    input: { shares: grassroots.map((g, k) => ({ orgUnitId: g.id, threshold: shares[k] })) },
  });
};

/**
 * Next year's targets of the bloc (adopted in December, read in Part 2 of this year's report), entered
 * as offices write them: titles without their figure ("Kết nạp đảng viên mới", ≥ N), and one target
 * binding two metrics — dissemination and action programmes of the bloc's latest resolution with a
 * dissemination plan ("100% chi bộ, đảng bộ cơ sở tổ chức quán triệt, xây dựng và triển khai chương
 * trình hành động…"). Runs after the resolutions are seeded.
 */
export const seedDemoNextYearTargets = async (db: Db, office: Actor, today: string) => {
  const upperId = office.scopeOrgUnitId;
  const thisYear = Number(today.slice(0, 4));
  const year = thisYear + 1;
  const admitted = Number(
    (
      await queryOne<{ n: number }>(
        db,
        sql`select count(*)::int as n from member_events where kind = 'admitted'
            and event_date between ${`${thisYear}-01-01`} and ${today}`,
      )
    )?.n ?? 0,
  );
  // This year's pace over the whole year, 10% more, to the nearest 5.
  const elapsed = (Date.parse(today) - Date.parse(`${thisYear}-01-01`)) / 86_400_000 + 1;
  const threshold = Math.max(10, Math.round((((admitted * 365) / elapsed) * 1.1) / 5) * 5);
  const targets: {
    title: string;
    metricCode: string;
    threshold: number;
    additionalMetricCodes?: string[];
    resolutionId?: number;
  }[] = [
    { title: 'Kết nạp đảng viên mới', metricCode: 'recruitment.admitted', threshold },
    {
      title: 'Đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên',
      metricCode: 'evaluation.members_good_or_better',
      threshold: 90,
    },
    {
      title: 'Tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ',
      metricCode: 'evaluation.grassroots_good_or_better',
      threshold: 90,
    },
    {
      title: 'Hoàn thành nhiệm vụ trọng tâm',
      metricCode: 'plans.key_tasks.completed_share',
      threshold: 100,
    },
  ];
  const resolution = await queryOne<{ id: number; kind: string; number: string }>(
    db,
    sql`select r.id, r.kind, r.number from resolutions r join org_units o on o.id = r.owner_unit_id
        where o.id = ${upperId} and exists (select 1 from resolution_plans p where p.resolution_id = r.id)
        order by r.issued_on desc, r.id desc limit 1`,
  );
  if (resolution)
    targets.push({
      title: `Chi bộ, đảng bộ cơ sở tổ chức học tập, quán triệt, xây dựng và triển khai chương trình hành động thực hiện văn bản số ${resolution.number}`,
      metricCode: 'resolutions.cells_disseminated',
      additionalMetricCodes: ['resolutions.action_programmes'],
      resolutionId: resolution.id,
      threshold: 100,
    });
  for (const [i, t] of targets.entries()) {
    const created = await createTarget({
      db,
      actor: office,
      input: { orgUnitId: upperId, year, comparator: 'gte', ...t },
    });
    if (i === 0)
      await cascadeByMembers(db, office, created.id, threshold, await grassrootsOf(db, upperId));
  }
};

export const seedDemoPlans = async (
  db: Db,
  office: Actor,
  today: string,
  seed = 6,
): Promise<void> => {
  const rng = createRandom(seed * 7919);
  const upperId = office.scopeOrgUnitId;
  const admitted = async (year: number) =>
    Number(
      (
        await queryOne<{ n: number }>(
          db,
          sql`select count(*)::int as n from member_events where kind = 'admitted'
              and event_date between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        )
      )?.n ?? 0,
    );
  const previousTerm = await createTerm({
    db,
    actor: office,
    input: {
      orgUnitId: upperId,
      name: 'Nhiệm kỳ 2020–2025',
      fromYear: 2020,
      toYear: 2025,
      congressResolution:
        'Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIV, nhiệm kỳ 2020–2025',
      congressDate: '2020-07-16',
    },
  });
  const term = await createTerm({
    db,
    actor: office,
    input: {
      orgUnitId: upperId,
      name: 'Nhiệm kỳ 2025–2030',
      fromYear: 2025,
      toYear: 2030,
      congressResolution: 'Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XV, nhiệm kỳ 2025–2030',
      congressDate: '2025-07-10',
    },
  });
  const perYear = Math.max(
    10,
    Math.round(((await admitted(2024)) + (await admitted(2025))) / 2 / 10) * 10,
  );
  const termTargets = [
    {
      termId: previousTerm.id,
      title: `Kết nạp ${perYear * 5} đảng viên mới trong nhiệm kỳ`,
      metricCode: 'recruitment.admitted',
      threshold: perYear * 5,
    },
    {
      termId: term.id,
      title: `Kết nạp ${perYear * 5} đảng viên mới trong nhiệm kỳ`,
      metricCode: 'recruitment.admitted',
      threshold: perYear * 5,
    },
    {
      termId: term.id,
      title: 'Hằng năm 90% trở lên tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
      metricCode: 'evaluation.grassroots_good_or_better',
      threshold: 90,
    },
  ];
  for (const t of termTargets)
    await createTarget({
      db,
      actor: office,
      input: { orgUnitId: upperId, year: null, comparator: 'gte', ...t },
    });

  const grassroots = await grassrootsOf(db, upperId);

  for (const year of [2024, 2025, 2026]) {
    const actual = await admitted(year === 2026 ? 2025 : year);
    // 2024 reached, 2025 a little short, 2026 a stretch goal: as the bloc's reports read.
    const threshold = Math.max(
      10,
      Math.round((year === 2024 ? actual * 0.85 : actual * (year === 2025 ? 1.05 : 1.1)) / 5) * 5,
    );
    const yearly = [
      {
        title: `Kết nạp ${threshold} đảng viên mới`,
        metricCode: 'recruitment.admitted',
        threshold,
        baseline: year > 2024 ? await admitted(year - 1) : null,
      },
      {
        title: '90% trở lên tổ chức cơ sở đảng và đảng viên hoàn thành tốt nhiệm vụ trở lên',
        metricCode: 'evaluation.members_good_or_better',
        threshold: 90,
        baseline: null,
      },
      {
        title: '85% trở lên đoàn thể cơ sở được xếp loại hoàn thành tốt nhiệm vụ trở lên',
        metricCode: 'evaluation.mass_organisations_good_or_better',
        threshold: 85,
        baseline: null,
      },
      {
        title: 'Hoàn thành 100% nhiệm vụ trọng tâm',
        metricCode: 'plans.key_tasks.completed_share',
        threshold: 100,
        baseline: null,
      },
    ];
    for (const [i, t] of yearly.entries()) {
      const created = await createTarget({
        db,
        actor: office,
        input: { orgUnitId: upperId, year, comparator: 'gte', ...t },
      });
      if (i !== 0 || grassroots.length === 0) continue;
      await cascadeByMembers(db, office, created.id, threshold, grassroots);
    }

    // Six key tasks of the bloc's own plan; two of them led by a person.
    const leaders = await queryRows<{ id: number }>(
      db,
      sql`select m.id from members m join org_units o on o.id = m.org_unit_id
          where o.path <@ ${office.scopePath}::ltree and m.status = 'full' and m.position is not null
          order by m.id limit 2`,
    );
    const ratings: ('excellent' | 'good' | 'completed')[] =
      year === 2024
        ? ['excellent', 'good', 'good', 'excellent', 'good', 'good']
        : ['excellent', 'good', 'good', 'good', 'completed', 'good'];
    for (const [i, task] of upperTasks[year].entries()) {
      const byPerson = i >= 4 && leaders[i - 4];
      const { id } = await createKeyTask({
        db,
        actor: office,
        input: {
          orgUnitId: upperId,
          year,
          title: task.title,
          products: task.products,
          origin: 'own',
          ownerKind: byPerson ? 'member' : 'unit',
          ownerMemberId: byPerson ? leaders[i - 4].id : null,
          deadline: task.deadline,
        },
      });
      const past = year < Number(today.slice(0, 4));
      const done = past || task.deadline < today;
      if (!done) {
        await recordTaskResult({
          db,
          actor: office,
          id,
          input: { status: 'in_progress', version: 1 },
        });
        continue;
      }
      const early = rng.int(0, 20);
      await recordTaskResult({
        db,
        actor: office,
        id,
        input: {
          status: 'completed',
          completedOn: addDays(task.deadline, -early),
          exceededPercent: ratings[i] === 'excellent' ? rng.int(10, 30) : 0,
          resultNote: 'Hoàn thành theo kế hoạch',
          rating: past ? ratings[i] : null,
          ratedOn: past ? `${year}-12-20` : null,
          version: 1,
        },
      });
    }

    // Tasks handed down to each grassroots organisation (2025 and 2026).
    if (year === 2024) continue;
    for (const g of grassroots) {
      for (const h of handedDown) {
        const deadline = `${year}-${h.month}`;
        const { id } = await createKeyTask({
          db,
          actor: office,
          input: {
            orgUnitId: g.id,
            year,
            title: h.title,
            products: h.products,
            origin: 'assigned',
            ownerKind: 'unit',
            deadline,
          },
        });
        const r = outcome(rng, deadline, today, year);
        const past = year < Number(today.slice(0, 4));
        await recordTaskResult({
          db,
          actor: office,
          id,
          input: {
            status: r.status,
            completedOn: r.completedOn ?? null,
            exceededPercent: r.exceeded ?? null,
            rating: past
              ? r.status === 'completed'
                ? rng.weighted([
                    ['excellent', 2],
                    ['good', 6],
                    ['completed', 2],
                  ] as const)
                : 'not_completed'
              : null,
            ratedOn: past ? `${year}-12-20` : null,
            version: 1,
          },
        });
      }
    }
  }
};
