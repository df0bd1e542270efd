// Elections at a congress and at the new committee's first session (docs/domain/congresses.md,
// "Elections"): one row per round of voting for one body, its candidates and votes; who is elected
// follows from the statute's counting rule (`countElection`, domain/rules/congresses: more than half
// of the majority base, Quy chế bầu cử trong Đảng 244-QĐ/TW art. 32, 190-QĐ/TW), stored per
// candidate. A tie at the cut-off or too few elected leads to a further round (re-vote) among whom
// the rule says. The upper level approves (chuẩn y) a round's results, which opens the elected
// people's positions on the committee (elections.committees.ts; README.md "Approval").
import type {
  TElectionInput,
  TElectionList,
  TElectionUpdate,
} from '../../../contracts/congress-elections';
import {
  type ElectionBody,
  electionBodyLabels,
  positionOfElectionBody,
} from '../../../domain/enums/congresses';
import { countElection, type ElectionCount } from '../../../domain/rules/congresses';
import { type Db, type DbOrTx, queryRows, sql } from '../../db/client';
import { congressCandidates, congressElections } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { can } from '../../platform/access/permissions';
import { approvesAsUpperLevel } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, conflict, forbidden, invalidField } from '../../platform/errors';
import { openElectedPositions } from './elections.committees';
import {
  type CongressRow,
  candidatesOf,
  congressInScope,
  type ElectionRow,
  electionOf,
  electionsOf,
  electionView,
  withNames,
} from './elections.queries';

/** Bodies elected from among the new committee's elected members (or the commission's). */
const electedFrom: Partial<Record<ElectionBody, ElectionBody>> = {
  standing_committee: 'committee',
  secretary: 'committee',
  deputy_secretary: 'committee',
  inspection_chair: 'inspection_commission',
};

export const listElections = async ({
  db,
  actor,
  congressId,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
}): Promise<TElectionList> => {
  const c = await congressInScope(db, actor, congressId);
  const elections = await electionsOf(db, c.id);
  const candidates = await candidatesOf(
    db,
    elections.map((e) => e.id),
  );
  const lastRound = new Map<string, number>();
  for (const e of elections)
    lastRound.set(e.body, Math.max(lastRound.get(e.body) ?? 0, e.round_no));
  return {
    congress: {
      id: c.id,
      orgUnitId: c.org_unit_id,
      orgUnitName: c.org_unit_name,
      kind: c.kind,
      heldOn: c.held_on,
      plannedOn: c.planned_on,
      summonedCount: c.summoned_count,
      termFromYear: c.term_from_year,
      termToYear: c.term_to_year,
    },
    items: elections.map((e) =>
      electionView(
        e,
        candidates.filter((k) => k.election_id === e.id),
        (lastRound.get(e.body) ?? 0) > e.round_no,
      ),
    ),
    canWrite: can(actor, 'congress.write'),
    canApprove: can(actor, 'congress.approve') && approvesAsUpperLevel(actor, c.path),
  };
};

type Figures = Omit<TElectionUpdate, 'version'>;

const refused = (errors: readonly string[], path = 'candidates') =>
  new AppError('VALIDATION', {
    message: errors.join(' '),
    fields: errors.map((message) => ({ path, message })),
  });

/** Names of members within the actor's subtree, for messages (others are not disclosed). */
const namesOf = async (db: DbOrTx, actor: Actor, ids: readonly number[]) =>
  new Map(
    (ids.length === 0
      ? []
      : await queryRows<{ id: number; full_name: string }>(
          db,
          sql`select m.id, m.full_name from members m join org_units o on o.id = m.org_unit_id
              where ${inScope(actor, sql`o.path`)} and m.id in (${sql.join(
                ids.map((id) => sql`${id}`),
                sql`, `,
              )})`,
        )
    ).map((r) => [String(r.id), r.full_name]),
  );

/**
 * Everything an election's figures must satisfy before it is stored; answers the count. Candidates
 * are full members of the congress's organisation on the day of the vote (Điều lệ Đảng art. 5: a
 * probationary member has no right to stand); bodies of the first session are elected from the new
 * committee (or commission); a re-vote follows the previous round's further round.
 */
const checkElection = async (
  tx: DbOrTx,
  actor: Actor,
  congress: CongressRow,
  body: ElectionBody,
  input: Figures,
  previous: ElectionRow | null,
): Promise<ElectionCount> => {
  if (input.heldOn > todayIso())
    throw invalidField('heldOn', 'Ngày bầu cử không được sau ngày hôm nay.');
  const ids = input.candidates.map((k) => k.memberId);
  const names = await namesOf(tx, actor, ids);
  const seen = new Set<number>();
  for (const [i, id] of ids.entries()) {
    if (seen.has(id))
      throw invalidField(
        `candidates.${i}.memberId`,
        `Đồng chí ${names.get(String(id)) ?? id} có tên hai lần trong danh sách bầu cử.`,
      );
    seen.add(id);
  }
  const eligible = new Set(
    (
      await queryRows<{ member_id: number }>(
        tx,
        // The tree as it stood on the day (org_unit_history): a congress held before a
        // restructuring counts the members of its subtree then, not of today's.
        sql`select distinct p.member_id from member_periods p
            join org_unit_history h on h.org_unit_id = p.org_unit_id and h.valid_from <= ${input.heldOn}
              and (h.valid_to is null or h.valid_to > ${input.heldOn})
            join org_unit_history hc on hc.org_unit_id = ${congress.org_unit_id}
              and hc.valid_from <= ${input.heldOn}
              and (hc.valid_to is null or hc.valid_to > ${input.heldOn})
            where p.member_id in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})
              and p.valid_from <= ${input.heldOn}
              and (p.valid_to is null or p.valid_to > ${input.heldOn})
              and p.status = 'full' and h.path <@ hc.path`,
      )
    ).map((r) => r.member_id),
  );
  for (const [i, id] of ids.entries())
    if (!eligible.has(id))
      throw invalidField(
        `candidates.${i}.memberId`,
        names.has(String(id))
          ? `Đồng chí ${names.get(String(id))} không phải đảng viên chính thức của ${congress.org_unit_name} vào ngày bầu, nên không thể có tên trong danh sách bầu cử.`
          : 'Không tìm thấy đảng viên trong danh sách bầu cử.',
      );

  const from = electedFrom[body];
  if (from) {
    const pool = await queryRows<{ member_id: number }>(
      tx,
      sql`select distinct k.member_id from congress_candidates k
          join congress_elections e on e.id = k.election_id
          where e.congress_id = ${congress.id} and e.body = ${from} and k.outcome = 'elected'`,
    );
    const poolSet = new Set(pool.map((r) => r.member_id));
    // A cell too small for a committee elects its secretary directly: no pool, no check.
    if (poolSet.size > 0)
      for (const [i, id] of ids.entries())
        if (!poolSet.has(id))
          throw invalidField(
            `candidates.${i}.memberId`,
            `${electionBodyLabels[body]} được bầu trong số ${electionBodyLabels[from].toLowerCase()} vừa trúng cử: đồng chí ${names.get(String(id)) ?? id} không trúng cử ${electionBodyLabels[from].toLowerCase()}.`,
          );
  }

  if (previous) {
    const prevCandidates = await candidatesOf(tx, [previous.id]);
    const prevView = electionView(previous, prevCandidates, false);
    const further = prevView.furtherRound;
    if (!further)
      throw invalidField(
        'revoteOf',
        `Lần bầu thứ ${previous.round_no} đã đủ số lượng cần bầu: không có gì để bầu lại.`,
      );
    if (input.seats > further.seats)
      throw invalidField(
        'seats',
        `Lần bầu thứ ${previous.round_no + 1} chỉ còn ${further.seats} chỗ cần bầu (đang ghi ${input.seats}).`,
      );
    if (further.reason === 'tie') {
      const among = new Set(further.among);
      for (const [i, id] of ids.entries())
        if (!among.has(id))
          throw invalidField(
            `candidates.${i}.memberId`,
            `Bầu lại khi có người bằng phiếu chỉ bầu trong số những người bằng phiếu: đồng chí ${names.get(String(id)) ?? id} không thuộc số này.`,
          );
    } else {
      const elected = await queryRows<{ member_id: number }>(
        tx,
        sql`select k.member_id from congress_candidates k join congress_elections e on e.id = k.election_id
            where e.congress_id = ${congress.id} and e.body = ${body} and k.outcome = 'elected'
              and e.round_no < ${previous.round_no + 1}`,
      );
      const done = new Set(elected.map((r) => r.member_id));
      for (const [i, id] of ids.entries())
        if (done.has(id))
          throw invalidField(
            `candidates.${i}.memberId`,
            `Đồng chí ${names.get(String(id)) ?? id} đã trúng cử ở lần bầu trước.`,
          );
    }
    if (input.heldOn < previous.held_on)
      throw invalidField('heldOn', 'Lần bầu sau không thể trước lần bầu trước.');
  }

  const counted = countElection({
    heldOn: input.heldOn,
    seats: input.seats,
    majorityBase: input.majorityBase,
    ballotsIssued: input.ballotsIssued,
    ballotsReturned: input.ballotsReturned,
    ballotsValid: input.ballotsValid,
    ballotsInvalid: input.ballotsInvalid,
    candidates: ids.map(String),
    votes: Object.fromEntries(input.candidates.map((k) => [String(k.memberId), k.votes])),
  });
  if (!counted.ok) throw refused(withNames(counted.errors, names));
  return counted;
};

const writeCandidates = async (
  tx: DbOrTx,
  electionId: number,
  input: Figures,
  count: ElectionCount,
) => {
  await tx.execute(sql`delete from congress_candidates where election_id = ${electionId}`);
  const status = new Map(count.candidates.map((c) => [c.id, c.status]));
  await tx.insert(congressCandidates).values(
    input.candidates.map((k) => ({
      electionId,
      memberId: k.memberId,
      votes: k.votes,
      outcome: status.get(String(k.memberId)) ?? 'not_elected',
      nominatedAtCongress: k.nominatedAtCongress ?? false,
    })),
  );
};

const figuresOf = (input: Figures) => ({
  heldOn: input.heldOn,
  seats: input.seats,
  majorityBase: input.majorityBase,
  ballotsIssued: input.ballotsIssued,
  ballotsReturned: input.ballotsReturned,
  ballotsValid: input.ballotsValid,
  ballotsInvalid: input.ballotsInvalid,
});

/**
 * Record a round of voting: the first for a body, or with `revoteOf` the next round after the one
 * named (among the tied, or for the seats left), which takes its body and first-session flag.
 */
export const recordElection = async ({
  db,
  actor,
  congressId,
  input,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  input: TElectionInput;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const congress = await congressInScope(tx, actor, congressId, true);
    let previous: ElectionRow | null = null;
    let body = input.body;
    if (input.revoteOf) {
      previous = await electionOf(tx, congress.id, input.revoteOf, true);
      body = previous.body;
    }
    const rounds = await queryRows<{ round_no: number }>(
      tx,
      sql`select round_no from congress_elections where congress_id = ${congress.id}
          and body = ${body} order by round_no desc`,
    );
    const last = rounds[0]?.round_no ?? 0;
    if (!previous && last > 0)
      throw invalidField(
        'body',
        `Đã ghi kết quả bầu ${electionBodyLabels[body].toLowerCase()} của đại hội này; để bầu lại, dùng "Bầu lại" ở lần bầu thứ ${last}.`,
      );
    if (previous && previous.round_no !== last)
      throw invalidField(
        'revoteOf',
        `Chỉ bầu lại sau lần bầu cuối cùng (lần thứ ${last}) của ${electionBodyLabels[body].toLowerCase()}.`,
      );
    if (body === 'delegates' && input.atFirstSession)
      throw invalidField('atFirstSession', 'Đại biểu dự đại hội cấp trên do đại hội bầu.');
    const count = await checkElection(tx, actor, congress, body, input, previous);
    const [row] = await tx
      .insert(congressElections)
      .values({
        congressId: congress.id,
        body,
        roundNo: last + 1,
        atFirstSession: previous ? previous.at_first_session : (input.atFirstSession ?? false),
        ...figuresOf(input),
        createdBy: actor.userId,
      })
      .returning({ id: congressElections.id, version: congressElections.version });
    await writeCandidates(tx, row.id, input, count);
    await writeAudit(tx, {
      actor,
      action: 'congress.election.record',
      entityType: 'congress_election',
      entityId: row.id,
      orgUnitId: congress.org_unit_id,
      after: { ...input, body, roundNo: last + 1, elected: count.elected.map(Number) },
    });
    return row;
  });

/** Correct a recorded round (not approved, no later round). */
export const updateElection = async ({
  db,
  actor,
  congressId,
  electionId,
  input,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  electionId: number;
  input: TElectionUpdate;
}): Promise<{ id: number; version: number }> =>
  db.transaction(async (tx) => {
    const congress = await congressInScope(tx, actor, congressId, true);
    const before = await electionOf(tx, congress.id, electionId, true);
    if (before.version !== input.version) throw conflict();
    await refuseIfSettled(tx, congress.id, before, 'sửa');
    const previous =
      before.round_no > 1
        ? ((
            await queryRows<{ id: number }>(
              tx,
              sql`select id from congress_elections where congress_id = ${congress.id}
                  and body = ${before.body} and round_no = ${before.round_no - 1}`,
            )
          ).at(0) ?? null)
        : null;
    const previousRow = previous ? await electionOf(tx, congress.id, previous.id) : null;
    const count = await checkElection(tx, actor, congress, before.body, input, previousRow);
    const [row] = await tx
      .update(congressElections)
      .set({
        ...figuresOf(input),
        atFirstSession: before.round_no > 1 ? before.at_first_session : input.atFirstSession,
        version: before.version + 1,
      })
      .where(sql`id = ${before.id}`)
      .returning({ id: congressElections.id, version: congressElections.version });
    await writeCandidates(tx, before.id, input, count);
    await writeAudit(tx, {
      actor,
      action: 'congress.election.update',
      entityType: 'congress_election',
      entityId: before.id,
      orgUnitId: congress.org_unit_id,
      before,
      after: { ...input, elected: count.elected.map(Number) },
    });
    return row;
  });

const refuseIfSettled = async (tx: DbOrTx, congressId: number, e: ElectionRow, verb: string) => {
  if (e.status === 'approved')
    throw new AppError('BAD_REQUEST', {
      message: `Kết quả lần bầu này đã được chuẩn y, không thể ${verb}.`,
    });
  const later = await queryRows<{ id: number }>(
    tx,
    sql`select id from congress_elections where congress_id = ${congressId}
        and body = ${e.body} and round_no > ${e.round_no}`,
  );
  if (later.length > 0)
    throw new AppError('BAD_REQUEST', {
      message: `Đã có lần bầu sau lần thứ ${e.round_no}: hãy ${verb} từ lần bầu cuối cùng.`,
    });
  const delegates = await queryRows<{ id: number }>(
    tx,
    sql`select id from congress_delegates where election_id = ${e.id} limit 1`,
  );
  if (delegates.length > 0)
    throw new AppError('BAD_REQUEST', {
      message: `Người trúng cử lần bầu này đã được ghi là đại biểu dự đại hội cấp trên: không thể ${verb}.`,
    });
};

/** Remove the last recorded round of a body (a round entered by mistake). */
export const deleteElection = async ({
  db,
  actor,
  congressId,
  electionId,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  electionId: number;
}): Promise<{ ok: true }> =>
  db.transaction(async (tx) => {
    const congress = await congressInScope(tx, actor, congressId, true);
    const before = await electionOf(tx, congress.id, electionId, true);
    await refuseIfSettled(tx, congress.id, before, 'xóa');
    const candidates = await candidatesOf(tx, [before.id]);
    await tx.execute(sql`delete from congress_candidates where election_id = ${before.id}`);
    await tx.execute(sql`delete from congress_elections where id = ${before.id}`);
    await writeAudit(tx, {
      actor,
      action: 'congress.election.delete',
      entityType: 'congress_election',
      entityId: before.id,
      orgUnitId: congress.org_unit_id,
      before: { ...before, candidates },
    });
    return { ok: true as const };
  });

/**
 * Approval (chuẩn y) of a round's results by the upper level: the round is marked approved and each
 * elected person's position on the committee opens from the day of the vote (README.md "Approval").
 * Delegates to the upper congress are not approved: the upper congress checks their credentials.
 */
export const approveElection = async ({
  db,
  actor,
  congressId,
  electionId,
  input,
}: {
  db: Db;
  actor: Actor;
  congressId: number;
  electionId: number;
  input: { approvedOn: string; approvalRef: string; version: number };
}): Promise<{ id: number; version: number; openedPositions: number }> =>
  db.transaction(async (tx) => {
    const congress = await congressInScope(tx, actor, congressId, true);
    if (!approvesAsUpperLevel(actor, congress.path))
      throw forbidden(
        'Kết quả bầu cử do cấp ủy cấp trên chuẩn y: cấp ủy không tự chuẩn y kết quả đại hội của mình.',
      );
    const before = await electionOf(tx, congress.id, electionId, true);
    if (before.version !== input.version) throw conflict();
    if (before.status === 'approved')
      throw new AppError('BAD_REQUEST', { message: 'Kết quả lần bầu này đã được chuẩn y.' });
    const position = positionOfElectionBody[before.body];
    if (!position)
      throw new AppError('BAD_REQUEST', {
        message:
          'Kết quả bầu đại biểu dự đại hội cấp trên không chuẩn y: đại hội cấp trên thẩm tra tư cách đại biểu.',
      });
    if (input.approvedOn < before.held_on)
      throw invalidField('approvedOn', 'Ngày chuẩn y không thể trước ngày bầu.');
    if (input.approvedOn > todayIso())
      throw invalidField('approvedOn', 'Ngày chuẩn y không được sau ngày hôm nay.');
    const approvalRef = input.approvalRef.normalize('NFC');
    const [row] = await tx
      .update(congressElections)
      .set({
        status: 'approved',
        approvedOn: input.approvedOn,
        approvalRef,
        version: before.version + 1,
      })
      .where(sql`id = ${before.id}`)
      .returning({ id: congressElections.id, version: congressElections.version });
    const elected = (await candidatesOf(tx, [before.id]))
      .filter((k) => k.outcome === 'elected')
      .map((k) => k.member_id);
    const opened = await openElectedPositions(tx, actor, {
      orgUnitId: congress.org_unit_id,
      position,
      termFromYear: congress.term_from_year,
      termToYear: congress.term_to_year,
      fromDate: before.held_on,
      electionId: before.id,
      decisionRef: approvalRef,
      memberIds: elected,
    });
    await writeAudit(tx, {
      actor,
      action: 'congress.election.approve',
      entityType: 'congress_election',
      entityId: before.id,
      orgUnitId: congress.org_unit_id,
      before: { status: before.status, version: before.version },
      after: { status: 'approved', approvedOn: input.approvedOn, approvalRef },
      meta: { position, memberIds: elected, membershipIds: opened },
    });
    return { ...row, openedPositions: opened.length };
  });
