// The demo bloc's year-end evaluations: decided and published results for 2022 (132-QĐ/TW),
// 2024 (124-QĐ/TW) and 2025 (366-QĐ/TW) for members and collectives, with realistic
// distributions (about 15–18% HTXS within the 20% cap of each grassroots organisation, most HTTNV,
// a few HTNV and KHTNV, exempted and new members not rated, a member KHTNV two years running), and
// an open 2026 campaign in progress in each grassroots organisation except the two the tests use as
// fixtures (Sở Y tế, Bệnh viện Đa khoa tỉnh), which the tests open themselves. Records are built by
// the module's own `buildCampaignRecords` (same subjects, facts and not-rated cases as a real
// campaign) and the proposals by the year's rule set; rows go in by COPY.

import { htxsCapDefaults, maxHtxsAmong } from '../../../domain/rules/evaluation/cap';
import type { Framework366 } from '../../../domain/rules/evaluation/frameworks-366';
import { defaultFrameworkCode } from '../../../domain/rules/evaluation/frameworks-366';
import { criteriaSetOf, type GradedParams } from '../../../domain/rules/evaluation/graded';
import type {
  CriterionGrade,
  QualityLevel,
  SubjectFacts,
  SubjectKind,
} from '../../../domain/rules/evaluation/levels';
import { evaluate, paramsFor, ruleSetFor } from '../../../domain/rules/evaluation/rule-sets';
import { buildCampaignRecords } from '../../modules/evaluations/campaigns.service';
import type { Actor } from '../../platform/access/actor';
import { copyRows, snake } from '../bulk';
import { type Db, queryOne, queryRows, sql } from '../client';
import { evaluationCampaigns } from '../schema/index';
import { createRandom, type Random } from './random';

const fixtureCommittees = ['Đảng bộ Sở Y tế', 'Đảng bộ Bệnh viện Đa khoa tỉnh'];

type NewRecord = Awaited<ReturnType<typeof buildCampaignRecords>>[number];

const ratio: Record<QualityLevel, [number, number]> = {
  HTXSNV: [0.93, 1],
  HTTNV: [0.74, 0.88],
  HTNV: [0.54, 0.68],
  KHTNV: [0.3, 0.46],
};

const tasksFor = (rng: Random, level: QualityLevel) => {
  const total = rng.int(5, 12);
  if (level === 'HTXSNV')
    return { total, onTime: total, exceeded: Math.ceil(total * 0.6), late: 0 };
  if (level === 'HTTNV')
    return { total, onTime: total, exceeded: rng.int(0, Math.floor(total * 0.25)), late: 0 };
  if (level === 'HTNV') return { total, onTime: total - 1, exceeded: 0, late: 1 };
  return { total, onTime: Math.floor(total * 0.4), exceeded: 0, late: 1 };
};

/** Scores (366) or grades (124 / 132) that lead the rule set to `level`. */
const criteriaFor = (
  rng: Random,
  year: number,
  kind: SubjectKind,
  level: QualityLevel,
  params: Record<string, unknown>,
): Record<string, unknown> => {
  if (ruleSetFor(year).code === 'QD366') {
    const code = defaultFrameworkCode({ kind, period: { year, cycle: 'year' } } as SubjectFacts);
    const framework = (params.frameworks as Framework366[]).find((f) => f.code === code)!;
    const [lo, hi] = ratio[level];
    const scores: Record<string, number> = {};
    for (const g of framework.groups)
      for (const i of g.items)
        scores[i.code] = Math.round(i.maxPoints * (lo + rng.next() * (hi - lo)) * 2) / 2;
    return { scores };
  }
  const criteria = (params.criteria as GradedParams['criteria'])[criteriaSetOf(kind)];
  const grades: Record<string, CriterionGrade> = {};
  criteria.forEach((c, i) => {
    grades[c.code] =
      level === 'HTXSNV'
        ? c.task
          ? 'xuat_sac'
          : rng.chance(0.4)
            ? 'xuat_sac'
            : 'tot'
        : level === 'HTTNV'
          ? 'tot'
          : level === 'HTNV'
            ? i % 2 === 0
              ? 'trung_binh'
              : 'tot'
            : i === 0
              ? 'kem'
              : 'trung_binh';
  });
  return { grades };
};

/** Levels for one cap group: HTXS within the cap, most HTTNV, a few HTNV / KHTNV. */
const assignLevels = (
  rng: Random,
  group: NewRecord[],
  capShare: number,
): Map<NewRecord, QualityLevel> => {
  const out = new Map<NewRecord, QualityLevel>();
  const facts = (r: NewRecord) => r.facts as Record<string, unknown>;
  const order = [...group].sort(() => rng.next() - 0.5);
  for (const r of order) {
    const disciplined = ((facts(r).disciplines as unknown[]) ?? []).length > 0;
    if (disciplined || (facts(r).previousLevel === 'KHTNV' && rng.chance(0.5))) out.set(r, 'KHTNV');
    else if (rng.chance(0.012)) out.set(r, 'KHTNV');
    else if (rng.chance(0.07)) out.set(r, 'HTNV');
  }
  const rest = order.filter((r) => !out.has(r));
  const good = rest.length;
  const htxs = Math.min(
    // 20% of those rated HTTNV (the HTXS are not in the base): cap.ts.
    maxHtxsAmong(good, { ...htxsCapDefaults, share: capShare }),
    Math.round(good * (0.14 + rng.next() * 0.04)),
  );
  let given = 0;
  for (const r of rest) {
    const blocked = facts(r).subordinateOrMemberDisciplined === true;
    if (given < htxs && !blocked) {
      out.set(r, 'HTXSNV');
      given += 1;
    } else out.set(r, 'HTTNV');
  }
  return out;
};

const recordColumns = [
  'campaignId',
  'subjectKind',
  'subjectKey',
  'orgUnitId',
  'memberId',
  'agencyId',
  'massOrganisationId',
  'grassrootsOrgId',
  'subjectName',
  'status',
  'notRatedReason',
  'facts',
  'proposal',
  'proposedLevel',
  'selfAssessment',
  'selfLevel',
  'reviewVotes',
  'reviewLevel',
  'appraisalLevel',
  'decidedLevel',
  'decisionNumber',
  'decidedOn',
  'publishedOn',
  'culturalStandard',
  'removalFlag',
] as const;

type Step = [
  step: string,
  date: string,
  level: string | null,
  document: string | null,
  onBehalf: boolean,
];

const insertRecords = async (
  db: Db,
  campaignIds: number[],
  rows: Record<string, unknown>[],
  steps: Map<string, Step[]>,
  actor: Actor,
) => {
  await copyRows(
    db,
    'evaluation_records',
    recordColumns.map(snake),
    rows.map((r) =>
      recordColumns.map((c) => (c === 'removalFlag' ? Boolean(r[c]) : (r[c] ?? null)) as never),
    ),
  );
  const ids = new Map(
    (
      await queryRows<{ id: number; subject_key: string }>(
        db,
        sql`select id, campaign_id || ':' || subject_key as subject_key from evaluation_records
            where campaign_id in (${sql.join(
              campaignIds.map((i) => sql`${i}`),
              sql`, `,
            )})`,
      )
    ).map((r) => [r.subject_key, r.id]),
  );
  const stepRows: unknown[][] = [];
  for (const [key, list] of steps)
    for (const [step, date, level, doc, onBehalf] of list)
      stepRows.push([
        ids.get(key),
        step,
        date,
        level,
        doc,
        onBehalf,
        actor.userId,
        actor.displayName,
      ]);
  if (stepRows.length)
    await copyRows(
      db,
      'evaluation_steps',
      [
        'record_id',
        'step',
        'step_date',
        'level',
        'document_number',
        'on_behalf',
        'recorded_by',
        'recorded_by_name',
      ],
      stepRows as never,
    );
};

const votes = (rng: Random, level: QualityLevel) => {
  const present = rng.int(7, 15);
  const against = rng.int(0, 2);
  return { present, HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0, [level]: present - against };
};

/** A closed, fully decided and published year. */
const seedDecidedYear = async (
  db: Db,
  rng: Random,
  actor: Actor,
  upper: { id: number; name: string; path: string },
  year: number,
) => {
  const set = ruleSetFor(year);
  const { params } = paramsFor(year);
  const [campaign] = await db
    .insert(evaluationCampaigns)
    .values({
      orgUnitId: upper.id,
      title: `Kiểm điểm, đánh giá, xếp loại chất lượng năm ${year} – ${upper.name}`,
      year,
      cycle: 'year',
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      ruleSet: set.code,
      openedOn: `${year}-11-15`,
      selfAssessmentDue: `${year}-12-05`,
      reviewDue: `${year}-12-15`,
      appraisalDue: `${year}-12-20`,
      decisionDue: `${year}-12-28`,
      publicationDue: `${year + 1}-01-10`,
      status: 'closed',
      createdBy: actor.userId,
    })
    .returning({ id: evaluationCampaigns.id });
  const records = await buildCampaignRecords(db, {
    id: campaign.id,
    path: upper.path,
    year,
    cycle: 'year',
    quarter: null,
    period_from: `${year}-01-01`,
    period_to: `${year}-12-31`,
    params_override: {},
  });
  const groups = new Map<string, NewRecord[]>();
  for (const r of records) {
    if (r.status === 'not_rated') continue;
    const key = r.subjectKind === 'member' ? `m:${r.grassrootsOrgId}` : `c:${r.subjectKind}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const levels = new Map<NewRecord, QualityLevel>();
  for (const g of groups.values())
    for (const [r, l] of assignLevels(rng, g, params.htxsCap.share)) levels.set(r, l);
  const steps = new Map<string, Step[]>();
  const rows = records.map((r) => {
    const level = levels.get(r);
    if (!level) return r as Record<string, unknown>;
    const facts = {
      ...(r.facts as Record<string, unknown>),
      tasks: tasksFor(rng, level),
      ...criteriaFor(
        rng,
        year,
        r.subjectKind as SubjectKind,
        level,
        params as unknown as Record<string, unknown>,
      ),
    };
    const result = evaluate(year, { ...facts, period: { year, cycle: 'year' } } as SubjectFacts);
    const selfLevel: QualityLevel = level === 'HTTNV' && rng.chance(0.15) ? 'HTXSNV' : level;
    const decidedOn = `${year}-12-${rng.int(20, 28)}`;
    const publishedOn = `${year + 1}-01-0${rng.int(3, 9)}`;
    const grassrootsDecides = r.subjectKind === 'member' || r.subjectKind === 'cell';
    const decisionNumber = `${rng.int(20, 180)}-QĐ/${grassrootsDecides ? 'ĐU' : 'ĐUK'}`;
    const removal =
      r.subjectKind === 'member' &&
      level === 'KHTNV' &&
      (r.facts as Record<string, unknown>).previousLevel === 'KHTNV';
    const list: Step[] = [];
    if (r.subjectKind === 'member')
      list.push([
        'self_assessment',
        `${year}-12-0${rng.int(1, 5)}`,
        selfLevel,
        null,
        rng.chance(0.2),
      ]);
    list.push(['review', `${year}-12-${rng.int(10, 15)}`, level, null, false]);
    list.push(['decision', decidedOn, level, decisionNumber, false]);
    list.push(['publication', publishedOn, level, null, false]);
    steps.set(`${r.campaignId}:${r.subjectKey}`, list);
    return {
      ...r,
      facts,
      proposal: {
        level: result.level,
        reasons: result.reasons,
        score: result.score ?? null,
        missing: result.missing ?? null,
        removalFlag: result.removalFlag ?? null,
        notRatedReason: null,
      },
      proposedLevel: result.level,
      selfAssessment:
        r.subjectKind === 'member'
          ? { proposedLevel: selfLevel, assessedOn: `${year}-12-05` }
          : null,
      selfLevel: r.subjectKind === 'member' ? selfLevel : null,
      reviewVotes: votes(rng, level),
      reviewLevel: level,
      decidedLevel: level,
      decisionNumber,
      decidedOn,
      publishedOn,
      status: 'published',
      culturalStandard: r.subjectKind === 'agency' ? rng.chance(0.9) : null,
      removalFlag: removal,
    } as Record<string, unknown>;
  });
  await insertRecords(db, [campaign.id], rows, steps, actor);
};

/** The 2026 campaigns: one per grassroots organisation (fixtures excepted), part way through. */
const seedOpenYear = async (db: Db, rng: Random, actor: Actor, upperPath: string) => {
  const year = 2026;
  const { params } = paramsFor(year);
  const units = await queryRows<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path::text as path from org_units
        where kind in ('grassroots_committee', 'grassroots_cell') and dissolved_on is null
          and path <@ ${upperPath}::ltree and name not in (${sql.join(
            fixtureCommittees.map((n) => sql`${n}`),
            sql`, `,
          )})
        order by path`,
  );
  // One pass over the subtree, then the records split by grassroots organisation.
  const all = await buildCampaignRecords(db, {
    id: 0,
    path: upperPath,
    year,
    cycle: 'year',
    quarter: null,
    period_from: `${year}-01-01`,
    period_to: `${year}-12-31`,
    params_override: {},
  });
  const allRows: Record<string, unknown>[] = [];
  const steps = new Map<string, Step[]>();
  const campaignIds: number[] = [];
  for (const unit of units) {
    const [campaign] = await db
      .insert(evaluationCampaigns)
      .values({
        orgUnitId: unit.id,
        title: `Kiểm điểm, đánh giá, xếp loại chất lượng năm ${year} – ${unit.name}`,
        year,
        cycle: 'year',
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
        ruleSet: 'QD366',
        openedOn: '2026-11-16',
        selfAssessmentDue: '2026-12-05',
        reviewDue: '2026-12-15',
        appraisalDue: '2026-12-20',
        decisionDue: '2026-12-28',
        publicationDue: '2027-01-10',
        createdBy: actor.userId,
      })
      .returning({ id: evaluationCampaigns.id });
    const records = all
      .filter((r) => r.grassrootsOrgId === unit.id)
      .map((r) => ({ ...r, campaignId: campaign.id }));
    campaignIds.push(campaign.id);
    const progress = rng.next();
    const rows = records.map((r) => {
      if (r.status === 'not_rated' || r.subjectKind !== 'member' || !rng.chance(progress))
        return r as Record<string, unknown>;
      const level: QualityLevel = rng.weighted([
        ['HTXSNV', 12],
        ['HTTNV', 78],
        ['HTNV', 9],
        ['KHTNV', 1],
      ] as const);
      const facts = {
        ...(r.facts as Record<string, unknown>),
        tasks: tasksFor(rng, level),
        ...criteriaFor(rng, year, 'member', level, params as unknown as Record<string, unknown>),
      };
      const result = evaluate(year, { ...facts, period: { year, cycle: 'year' } } as SubjectFacts);
      const reviewed = rng.chance(0.4);
      const list: Step[] = [['self_assessment', `2026-11-${rng.int(18, 24)}`, level, null, false]];
      if (reviewed) list.push(['review', '2026-11-24', level, null, false]);
      steps.set(`${r.campaignId}:${r.subjectKey}`, list);
      return {
        ...r,
        facts,
        proposal: {
          level: result.level,
          reasons: result.reasons,
          score: result.score ?? null,
          missing: result.missing ?? null,
          removalFlag: result.removalFlag ?? null,
          notRatedReason: null,
        },
        proposedLevel: result.level,
        selfAssessment: {
          proposedLevel: level,
          assessedOn: '2026-11-20',
          scores: (facts as Record<string, unknown>).scores,
          tasks: facts.tasks,
        },
        selfLevel: level,
        ...(reviewed
          ? { reviewVotes: votes(rng, level), reviewLevel: level, status: 'reviewed' }
          : { status: 'self_assessed' }),
      } as Record<string, unknown>;
    });
    allRows.push(...rows);
  }
  await insertRecords(db, campaignIds, allRows, steps, actor);
};

export const seedDemoEvaluations = async (db: Db, actor: Actor, seed = 2026) => {
  const rng = createRandom(seed + 366);
  const upper = (await queryOne<{ id: number; name: string; path: string }>(
    db,
    sql`select id, name, path::text as path from org_units where kind = 'upper_committee' order by id limit 1`,
  ))!;
  for (const year of [2022, 2024, 2025]) await seedDecidedYear(db, rng, actor, upper, year);
  await seedOpenYear(db, rng, actor, upper.path);
};
