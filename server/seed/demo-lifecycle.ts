// The demo bloc's member-lifecycle records (the admission targets are the plan's: demo-plans.ts): applicants at every
// step of the pipeline (recorded through the real recruitment service, so every rule and deadline
// applies), badge awards in past years, dues profiles and the 2026 collections.

import { addYears } from '../../domain/calendar/date-math';
import { addWorkingDays } from '../../domain/calendar/working-days';
import { awardDatesBetween, badgeMilestones } from '../../domain/rules/badges/badges';
import type { DuesBasis } from '../../domain/rules/dues/dues';
import { duesDefaults, monthlyDues } from '../../domain/rules/dues/dues';
import {
  applicableSteps,
  type RecruitmentStep,
  recruitmentStepInfo,
} from '../../domain/rules/recruitment/recruitment';
import { copyRows } from '../db/bulk';
import { type Db, queryRows, sql } from '../db/client';
import { activeStatusList } from '../modules/figures';
import { createApplicant, recordStep } from '../modules/recruitment';
import type { Actor } from '../platform/access/actor';
import { makeName } from './names';
import { addDays, createRandom, type Random } from './random';

/** Demo data stops here: the last recorded day of the demo year. */
export const demoLifecycleEnd = '2026-11-20';

/** Typical gaps between steps, in working days (the cell's real rhythm, within the deadlines). */
const gapAfter: Partial<Record<RecruitmentStep, [number, number]>> = {
  candidate: [20, 60],
  awareness_course: [5, 20],
  application: [10, 30],
  background: [5, 15],
  referees: [5, 10],
  opinions: [3, 10],
  cell_vote: [5, 15],
  subcommittee_review: [3, 10],
  committee_vote: [15, 50],
  admission_decision: [5, 25],
  ceremony: [255, 262],
  self_review: [2, 5],
  mentor_review: [2, 5],
  probation_opinions: [3, 10],
  recognition_cell_vote: [10, 25],
  recognition_committee_vote: [5, 20],
  recognition_decision: [5, 30],
};

/** Numbers as the documents carry them: certificates, cell and committee resolutions, decisions. */
const documentNumberOf = (step: RecruitmentStep, rng: Random): string | null => {
  const n = rng.int(1, 300);
  switch (step) {
    case 'awareness_course':
      return `${n}/GCN-TTCT`;
    case 'cell_vote':
    case 'recognition_cell_vote':
      return `${n}-NQ/CB`;
    case 'committee_vote':
    case 'recognition_committee_vote':
      return `${n}-NQ/ĐU`;
    case 'admission_decision':
    case 'recognition_decision':
      return `${n}-QĐ/ĐU`;
    case 'card_issued':
      return String(rng.int(10_000_000, 99_999_999));
    default:
      return null;
  }
};

const seedApplicants = async (db: Db, actor: Actor, rng: Random) => {
  const cells = await queryRows<{ id: number; kind: string; parent_kind: string | null }>(
    db,
    sql`select o.id, o.kind, p.kind as parent_kind from org_units o left join org_units p on p.id = o.parent_id
        where o.kind in ('cell', 'grassroots_cell') and o.dissolved_on is null order by o.id`,
  );
  let created = 0;
  for (const cell of cells) {
    if (!rng.chance(0.3)) continue;
    const count = rng.int(1, 2);
    const steps = applicableSteps({
      cellIsGrassroots: cell.kind === 'grassroots_cell',
      hasSubcommittee: cell.parent_kind === 'sub_committee',
    });
    for (let i = 0; i < count; i++) {
      const sex = rng.chance(0.55) ? 'female' : 'male';
      const ethnicity = rng.weighted([
        ['Tày', 40],
        ['Nùng', 30],
        ['Kinh', 25],
        ['Dao', 5],
      ] as const);
      const { id, version } = await createApplicant({
        db,
        actor: { ...actor },
        input: {
          orgUnitId: cell.id,
          fullName: makeName(rng, ethnicity, sex),
          sex,
          birthDate: `${rng.int(1986, 2003)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          citizenId: `0200${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
          ethnicity,
          religion: 'Không',
          generalEducation: '12/12',
          educationArea: 'normal',
          workplace: null,
          position: rng.pick(['Chuyên viên', 'Viên chức', 'Kế toán', 'Bác sĩ', 'Giáo viên']),
          phone: null,
          source: rng.pick([
            'Chi đoàn giới thiệu',
            'Công đoàn cơ sở giới thiệu',
            'Chi bộ phát hiện, bồi dưỡng',
          ]),
          mentorName: null,
        },
      });
      created += 1;
      // How far this applicant has come, and when they started (earlier starts get further).
      const reach = rng.int(1, steps.length);
      let date = addDays(demoLifecycleEnd, -rng.int(40, 60) - reach * rng.int(25, 40));
      let v = version;
      for (const step of steps.slice(0, reach)) {
        if (date > demoLifecycleEnd) break;
        const info = recruitmentStepInfo[step];
        const total = info.vote === 'committee_members' ? rng.int(5, 9) : rng.int(6, 25);
        try {
          const result = await recordStep({
            db,
            actor,
            id,
            input: {
              step,
              stepDate: date,
              votesFor: info.vote ? total - rng.int(0, Math.floor(total / 4)) : null,
              votesTotal: info.vote ? total : null,
              documentNumber: documentNumberOf(step, rng),
              documentId: null,
              note: null,
              version: v,
            },
          });
          v = result.version;
        } catch {
          break;
        }
        const [lo, hi] = gapAfter[step] ?? [5, 10];
        date = addWorkingDays(date, rng.int(lo, hi));
      }
    }
  }
  return created;
};

const seedBadges = async (db: Db, rng: Random) => {
  const rows = await queryRows<{ id: number; party_age_from: string }>(
    db,
    sql`select id, party_age_from from members where status in (${activeStatusList})
        and party_age_from is not null and party_age_from <= ${addYears(demoLifecycleEnd, -badgeMilestones[0])}`,
  );
  const dates = awardDatesBetween('1990-01-01', demoLifecycleEnd);
  const awards: (string | number)[][] = [];
  for (const m of rows) {
    for (const milestone of badgeMilestones) {
      const reached = addYears(m.party_age_from, milestone);
      const awardDate = dates.find((d) => d >= reached);
      // A few members were missed and are due again at the next award date.
      if (!awardDate || !rng.chance(0.93)) continue;
      awards.push([m.id, milestone, awardDate, `${rng.int(100, 2000)}-QĐ/TU`]);
    }
  }
  await copyRows(
    db,
    'badge_awards',
    ['member_id', 'milestone', 'award_date', 'decision_number'],
    awards,
  );
  return awards.length;
};

const seedDues = async (db: Db, rng: Random) => {
  const rows = await queryRows<{
    id: number;
    birth_date: string;
    party_age_from: string | null;
    admitted_on: string | null;
    org_unit_id: number;
  }>(
    db,
    sql`select id, birth_date, party_age_from, admitted_on, org_unit_id from members
        where status in (${activeStatusList}) and not temporarily_away order by id`,
  );
  const profiles: (string | number | null)[][] = [];
  const payments: (string | number)[][] = [];
  const lastMonth = Number(demoLifecycleEnd.slice(5, 7)) - 1; // collections up to October
  for (const m of rows) {
    const age = 2026 - Number(m.birth_date.slice(0, 4));
    const basis: DuesBasis =
      age >= 61
        ? { category: 'pension', baseAmount: rng.int(60, 140) * 100_000 }
        : { category: 'insured_salary', baseAmount: rng.int(50, 180) * 100_000 };
    profiles.push([m.id, basis.category, basis.baseAmount ?? null]);
    const careless = rng.chance(0.01);
    for (let month = 1; month <= lastMonth; month++) {
      const key = `2026-${String(month).padStart(2, '0')}`;
      if (m.admitted_on && m.admitted_on.slice(0, 7) > key) continue;
      if (careless ? rng.chance(0.5) : rng.chance(0.01)) continue;
      const due = monthlyDues({
        month: key,
        basis,
        partyAgeFrom: m.party_age_from,
        params: duesDefaults,
      });
      if (due.exempt) continue;
      const paidOn = addDays(`${key}-01`, rng.int(3, 25));
      payments.push([m.id, key, due.amount, paidOn, rng.chance(0.2) ? 'portal' : 'cash']);
    }
  }
  await copyRows(db, 'dues_profiles', ['member_id', 'category', 'base_amount'], profiles);
  await copyRows(
    db,
    'dues_payments',
    ['member_id', 'month', 'amount', 'paid_on', 'method'],
    payments,
  );
  return payments.length;
};

export const seedDemoLifecycle = async (db: Db, actor: Actor, seed = 2026) => {
  const rng = createRandom(seed + 7);
  const applicants = await seedApplicants(db, actor, rng);
  const badges = await seedBadges(db, rng);
  const payments = await seedDues(db, rng);
  return { applicants, badges, payments };
};
