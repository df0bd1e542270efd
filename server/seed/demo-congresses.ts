// The demo bloc's congresses (docs/domain/congresses.md): the 2020–2025 round under Chỉ thị 35-CT/TW
// (2019) on the tree before the 2025 reform, and the 2025–2030 round under Chỉ thị 45-CT/TW on the
// restructured tree, each recorded through the congresses and committees services as an office would:
// the round registers every unit, each congress has its plan approved by the bloc's office, is held
// (a few late), elects its committee (grassroots) or secretary (cells), and the office approves the
// results, which opens the committee. The 2025 grassroots congresses also elect delegates to the
// bloc's congress of delegates. One cell's congress is still in preparation. Mid-term changes in
// 2026: a secretary moved and replaced, a committee member resigned. Deterministic (seeded PRNG).
import type { ElectionBody } from '../../domain/enums/congresses';
import { type Db, queryOne, queryRows, sql } from '../db/client';
import { changeCommitteePosition, endCommitteePosition } from '../modules/committees';
import {
  addDocument,
  approveElection,
  changeStatus,
  createRound,
  markCredentials,
  recordElection,
  setAllocations,
  takeElectedDelegates,
  updatePersonnelPlan,
} from '../modules/congresses';
import { placedUnder } from '../modules/figures';
import type { Actor } from '../platform/access/actor';
import { createRandom } from './random';

type Congress = { id: number; org_unit_id: number; level: string; kind: string; name: string };

/** A date `days` after an ISO date. */
const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The full members in the unit's subtree on a day (candidates must be full members), oldest first. */
const membersOn = async (db: Db, unitId: number, day: string) =>
  queryRows<{ id: number }>(
    db,
    sql`select p.member_id as id from member_periods p join members m on m.id = p.member_id
        where p.valid_from <= ${day} and (p.valid_to is null or p.valid_to > ${day})
          and p.status = 'full'
          and ${placedUnder(unitId, sql`p.org_unit_id`, sql`${day}::date`)}
        order by m.admitted_on nulls last, m.id`,
  );

const version = async (db: Db, table: 'congresses' | 'congress_elections', id: number) =>
  (await queryOne<{ version: number }>(
    db,
    sql`select version from ${sql.raw(table)} where id = ${id}`,
  ))!.version;

type Round = {
  name: string;
  fromYear: number;
  toYear: number;
  directiveRef: string;
  planRef: string;
  registerOn: string;
  deadlines: { cell: string; grassroots: string; upper: string };
  /** Days from which each level's congresses are held, spread over `spread` days. */
  start: { cell: string; grassroots: string; upper: string };
  spread: { cell: number; grassroots: number };
};

const rounds: Round[] = [
  {
    name: 'Đại hội đảng bộ các cấp nhiệm kỳ 2020–2025',
    fromYear: 2020,
    toYear: 2025,
    directiveRef: 'Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị',
    planRef: 'Kế hoạch số 38-KH/ĐUK ngày 15/8/2019 của Ban Thường vụ Đảng ủy Khối',
    registerOn: '2019-12-01',
    deadlines: { cell: '2020-03-31', grassroots: '2020-05-31', upper: '2020-07-31' },
    start: { cell: '2020-02-10', grassroots: '2020-04-06', upper: '2020-07-15' },
    spread: { cell: 45, grassroots: 50 },
  },
  {
    name: 'Đại hội đảng bộ các cấp nhiệm kỳ 2025–2030',
    fromYear: 2025,
    toYear: 2030,
    directiveRef: 'Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị',
    planRef: 'Kế hoạch số 05-KH/ĐU ngày 20/4/2025 của Ban Thường vụ Đảng ủy',
    registerOn: '2025-04-20',
    deadlines: { cell: '2025-05-31', grassroots: '2025-06-30', upper: '2025-08-31' },
    start: { cell: '2025-05-05', grassroots: '2025-06-02', upper: '2025-08-19' },
    spread: { cell: 30, grassroots: 30 },
  },
];

export const seedDemoCongresses = async (
  db: Db,
  actors: { office: Actor; province: Actor },
  seed = 19,
): Promise<void> => {
  const rng = createRandom(seed);
  const { office, province } = actors;
  const upperId = office.scopeOrgUnitId;
  for (const round of rounds) {
    const created = await createRound({
      db,
      actor: office,
      input: {
        orgUnitId: upperId,
        name: round.name,
        fromYear: round.fromYear,
        toYear: round.toYear,
        directiveRef: round.directiveRef,
        planRef: round.planRef,
        cellDeadline: round.deadlines.cell,
        grassrootsDeadline: round.deadlines.grassroots,
        upperDeadline: round.deadlines.upper,
        registerUnits: true,
        registerOn: round.registerOn,
      },
    });
    const congresses = await queryRows<Congress>(
      db,
      sql`select c.id, c.org_unit_id, c.level, c.kind, o.name from congresses c
          join org_units o on o.id = c.org_unit_id
          where c.round_id = ${created.id} order by c.level desc, o.path`,
    );
    const isNewTerm = round.fromYear === 2025;
    // The newest cell of the bloc (set up in the 2025 reform) holds its congress later: in preparation.
    const inPreparation = isNewTerm
      ? congresses.find((c) => c.level === 'cell' && c.name.includes('Chuyển đổi số'))
      : undefined;
    const upperCongress = congresses.find((c) => c.level === 'upper');
    let delegatesAllocated = 150;
    if (isNewTerm && upperCongress && upperCongress.kind === 'delegates') {
      // Delegates to the bloc's congress: one per 30 members of each grassroots organisation.
      const grassroots = congresses.filter((c) => c.level === 'grassroots');
      const seats = await Promise.all(
        grassroots.map(async (c) => ({
          fromOrgUnitId: c.org_unit_id,
          seats: Math.max(
            1,
            Math.ceil((await membersOn(db, c.org_unit_id, '2025-06-01')).length / 30),
          ),
          alternates: 0,
        })),
      );
      await setAllocations({
        db,
        actor: office,
        congressId: upperCongress.id,
        allocations: seats,
      });
      delegatesAllocated = seats.reduce((n, a) => n + a.seats, 0);
    }
    for (const c of congresses) {
      if (c === inPreparation) {
        await changeStatus({
          db,
          actor: office,
          id: c.id,
          input: {
            to: 'approved',
            version: await version(db, 'congresses', c.id),
            planApprovedOn: '2026-11-25',
            planApprovalRef: 'Công văn số 312-CV/ĐU ngày 25/11/2026',
          },
        });
        continue;
      }
      const level = c.level as 'cell' | 'grassroots' | 'upper';
      // About one congress in twelve is late.
      const late = level !== 'upper' && rng.next() < 0.08;
      const heldOn =
        level === 'upper'
          ? round.start.upper
          : late
            ? addDays(round.deadlines[level], 3 + rng.int(0, 20))
            : addDays(round.start[level], rng.int(0, round.spread[level]));
      const members = await membersOn(db, c.org_unit_id, heldOn);
      if (members.length < 3) continue;
      // The bloc's own congress is approved by the province's standing committee (recorded by the
      // administrator, whose scope is the province); every other one by the bloc's office.
      const approver = level === 'upper' ? province : office;
      await changeStatus({
        db,
        actor: approver,
        id: c.id,
        input: {
          to: 'approved',
          version: await version(db, 'congresses', c.id),
          planApprovedOn: addDays(heldOn, -21),
          planApprovalRef: `Công văn số ${100 + c.id}-CV/ĐU ngày ${addDays(heldOn, -21).split('-').reverse().join('/')}`,
        },
      });
      const summoned = c.kind === 'delegates' ? delegatesAllocated : members.length;
      const present = summoned - rng.int(0, Math.min(3, Math.floor(summoned / 10)));
      if (level === 'grassroots') {
        const size = members.length >= 60 ? 9 : members.length >= 25 ? 7 : 5;
        await updatePersonnelPlan({
          db,
          actor: office,
          id: c.id,
          input: {
            plannedCommitteeSize: size,
            plannedStandingSize: size >= 9 ? 3 : null,
            plannedDeputyCount: 1,
            plannedYoungPct: 10,
            plannedWomenPct: 25,
            plannedReelectedPct: 60,
            version: await version(db, 'congresses', c.id),
          },
        });
      }
      await changeStatus({
        db,
        actor: office,
        id: c.id,
        input: {
          to: 'held',
          version: await version(db, 'congresses', c.id),
          heldOn,
          endedOn: heldOn,
          summonedCount: summoned,
          presentCount: present,
        },
      });
      if (level !== 'cell')
        for (const [kind, title] of [
          [
            'political_report',
            `Báo cáo chính trị trình Đại hội nhiệm kỳ ${round.fromYear}–${round.toYear}`,
          ],
          [
            'self_review',
            `Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của cấp ủy nhiệm kỳ ${round.fromYear - 5}–${round.fromYear}`,
          ],
          ['resolution', `Nghị quyết Đại hội nhiệm kỳ ${round.fromYear}–${round.toYear}`],
        ] as const)
          await addDocument({
            db,
            actor: office,
            id: c.id,
            input: { kind, title, ref: null, adoptedOn: heldOn },
          });
      // Grassroots: the committee at the congress, the secretary and a deputy at its first session.
      // Cells: the secretary at the congress.
      const ballots = { issued: present, invalid: rng.int(0, 1) };
      const elect = async (body: ElectionBody, pool: number[], seats: number, base: number) => {
        const candidates = pool.slice(0, seats + (seats >= 5 ? 1 : 0));
        const valid = Math.min(ballots.issued, base) - ballots.invalid;
        // Most valid ballots for the proposed candidates; the surplus candidate gets the votes they
        // left (a valid ballot votes for at most `seats` people), never more than a third.
        const votes = candidates
          .slice(0, seats)
          .map(() => valid - rng.int(0, Math.floor(valid / 6)));
        const left = seats * valid - votes.reduce((a, b) => a + b, 0);
        if (candidates.length > seats) votes.push(Math.min(left, Math.floor(valid / 3)));
        const election = await recordElection({
          db,
          actor: office,
          congressId: c.id,
          input: {
            body,
            atFirstSession:
              body === 'secretary' || body === 'deputy_secretary' ? level === 'grassroots' : false,
            heldOn,
            seats,
            majorityBase: base,
            ballotsIssued: Math.min(ballots.issued, base),
            ballotsReturned: Math.min(ballots.issued, base),
            ballotsValid: valid,
            ballotsInvalid: ballots.invalid,
            candidates: candidates.map((memberId, i) => ({
              memberId,
              votes: votes[i],
              nominatedAtCongress: false,
            })),
          },
        });
        // Delegates are not approved: the upper congress checks their credentials.
        if (body !== 'delegates')
          await approveElection({
            db,
            actor: approver,
            congressId: c.id,
            electionId: election.id,
            input: {
              approvedOn: addDays(heldOn, 10),
              approvalRef: `Quyết định số ${200 + c.id}-QĐ/ĐU ngày ${addDays(heldOn, 10).split('-').reverse().join('/')}`,
              version: await version(db, 'congress_elections', election.id),
            },
          });
        return candidates.slice(0, seats);
      };
      const pool = members.map((m) => m.id);
      if (level !== 'cell') {
        const size =
          level === 'upper' ? 15 : members.length >= 60 ? 9 : members.length >= 25 ? 7 : 5;
        const committee = await elect('committee', pool, size, present);
        await elect('secretary', committee, 1, size);
        await elect('deputy_secretary', committee.slice(1), level === 'upper' ? 2 : 1, size);
        if (level === 'grassroots' && isNewTerm && upperCongress?.kind === 'delegates') {
          const allocation = Math.max(1, Math.ceil(members.length / 30));
          await elect('delegates', pool.slice(size > 5 ? 2 : 1), allocation, present);
        }
      } else {
        await elect('secretary', pool, 1, present);
      }
      await changeStatus({
        db,
        actor: approver,
        id: c.id,
        input: {
          to: 'results_approved',
          version: await version(db, 'congresses', c.id),
          resultsApprovedOn: addDays(heldOn, 10),
          resultsApprovalRef: `Quyết định số ${200 + c.id}-QĐ/ĐU`,
        },
      });
    }
    if (isNewTerm && upperCongress?.kind === 'delegates') {
      for (const c of congresses.filter((x) => x.level === 'grassroots'))
        await takeElectedDelegates({
          db,
          actor: office,
          congressId: upperCongress.id,
          fromOrgUnitId: c.org_unit_id,
        });
      const delegates = await queryRows<{ id: number; version: number }>(
        db,
        sql`select id, version from congress_delegates where congress_id = ${upperCongress.id} order by id`,
      );
      for (const d of delegates)
        await markCredentials({
          db,
          actor: office,
          congressId: upperCongress.id,
          delegateId: d.id,
          input: { status: 'accepted', version: d.version },
        });
    }
  }
  await midTermChanges(db, office);
};

/** 2026: two grassroots secretaries moved to other posts and were replaced; a member resigned. */
const midTermChanges = async (db: Db, office: Actor) => {
  const secretaries = await queryRows<{ id: number; version: number; org_unit_id: number }>(
    db,
    sql`select cm.id, cm.version, cm.org_unit_id from committee_memberships cm
        join org_units o on o.id = cm.org_unit_id
        where cm.position = 'secretary' and cm.to_date is null and cm.term_from_year = 2025
          and o.kind = 'grassroots_committee'
        order by o.path limit 2`,
  );
  for (const [i, s] of secretaries.entries()) {
    await endCommitteePosition({
      db,
      actor: office,
      id: s.id,
      input: {
        version: s.version,
        toDate: i === 0 ? '2026-03-14' : '2026-09-30',
        endReason: 'moved',
        decisionRef: `Quyết định số ${410 + i}-QĐ/ĐU`,
      },
    });
    // The deputy secretary moves up: the deputy's position ends the day before.
    const deputy = await queryOne<{ id: number; version: number }>(
      db,
      sql`select id, version from committee_memberships where org_unit_id = ${s.org_unit_id}
          and position = 'deputy_secretary' and to_date is null limit 1`,
    );
    if (deputy)
      await changeCommitteePosition({
        db,
        actor: office,
        id: deputy.id,
        input: {
          version: deputy.version,
          date: i === 0 ? '2026-03-15' : '2026-10-01',
          position: 'secretary',
          startReason: 'appointed',
          decisionRef: `Quyết định số ${420 + i}-QĐ/ĐU chỉ định Bí thư`,
        },
      });
  }
  const resigned = await queryOne<{ id: number; version: number }>(
    db,
    sql`select cm.id, cm.version from committee_memberships cm
        join org_units o on o.id = cm.org_unit_id
        where cm.position = 'member' and cm.to_date is null and cm.term_from_year = 2025
          and o.kind = 'grassroots_committee'
        order by o.path desc, cm.id desc limit 1`,
  );
  if (resigned)
    await endCommitteePosition({
      db,
      actor: office,
      id: resigned.id,
      input: {
        version: resigned.version,
        toDate: '2026-06-30',
        endReason: 'resigned',
        decisionRef: 'Quyết định số 455-QĐ/ĐU cho thôi tham gia cấp ủy',
      },
    });
};
