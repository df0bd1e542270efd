// Writing an import's accepted rows inside the commit's transaction. Members and applicants go in
// by COPY with ids reserved from their sequences; member status, dates and periods come from the
// member timeline (the same pure rules applyMemberTimeline uses) and the maintained figures are
// moved once, set-based, for all new members. Events go through the per-member timeline.
import { eq } from 'drizzle-orm';
import type { MemberEventKind } from '../../../domain/enums/members';
import { deriveMemberTimeline } from '../../../domain/rules/members/member-timeline';
import { copyRows } from '../../db/bulk';
import { type DbOrTx, queryRows, sql } from '../../db/client';
import { memberEvents, members } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import {
  applyFigureChangesNow,
  type FiguresTx,
  markMemberFactsChanged,
  markMembersAdded,
} from '../figures';
import { applyMemberTimeline, lockMember } from '../members';
import type { RowResult } from './imports.validate';

type Progress = (phase: string, done: number, total: number) => void | Promise<void>;

const reserveIds = async (tx: DbOrTx, table: string, n: number): Promise<number[]> => {
  if (n === 0) return [];
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence(${table}, 'id'))::int as id from generate_series(1, ${n})`,
  );
  return rows.map((r) => r.id);
};

const writeRowKeys = async (
  tx: DbOrTx,
  kind: string,
  jobId: number,
  rows: RowResult[],
  ids: number[],
) =>
  copyRows(
    tx,
    'import_row_keys',
    ['kind', 'row_key', 'job_id', 'entity_id'],
    rows.map((r, i) => [kind, r.rowKey, jobId, ids[i]]),
  );

const memberColumns = [
  'fullName',
  'sex',
  'birthDate',
  'ethnicity',
  'religion',
  'citizenId',
  'birthPlace',
  'homeTown',
  'position',
  'occupation',
  'workplace',
  'phone',
  'professionalLevel',
  'politicalTheory',
  'cardNumber',
] as const;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const writeMembers = async (
  tx: FiguresTx,
  actor: Actor,
  jobId: number,
  rows: RowResult[],
  progress: Progress,
): Promise<number[]> => {
  const ids = await reserveIds(tx, 'members', rows.length);
  const memberRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const periodRows: unknown[][] = [];
  rows.forEach((r, i) => {
    const d = r.data;
    const orgUnitId = d.orgUnitId as number;
    const events = [
      { kind: 'admitted' as MemberEventKind, eventDate: d.admittedOn as string, orgUnitId },
      ...(d.recognisedOn
        ? [
            {
              kind: 'recognised' as MemberEventKind,
              eventDate: d.recognisedOn as string,
              orgUnitId,
            },
          ]
        : []),
    ];
    const t = deriveMemberTimeline(events);
    if (t.problems.length || !t.current) throw new Error(`row ${r.rowNumber}: timeline refused`);
    const c = t.current;
    memberRows.push([
      ids[i],
      ...memberColumns.map((k) =>
        k === 'ethnicity' ? (d[k] ?? 'Kinh') : k === 'religion' ? (d[k] ?? 'Không') : d[k],
      ),
      c.orgUnitId,
      c.status,
      c.standing,
      c.admittedOn,
      c.recognisedOn,
      c.partyAgeFrom,
      c.temporarilyAway,
    ]);
    for (const e of events)
      eventRows.push([
        ids[i],
        e.kind,
        e.eventDate,
        // As POST /api/members/:id/events records them: recognition names no cell.
        e.kind === 'admitted' ? orgUnitId : null,
        e.kind === 'admitted' ? (d.decisionNumber ?? null) : null,
        actor.userId,
      ]);
    for (const p of t.periods)
      periodRows.push([ids[i], p.validFrom, p.validTo, p.orgUnitId, p.status, p.standing]);
  });
  await progress('writing', 0, rows.length);
  await copyRows(
    tx,
    'members',
    [
      'id',
      ...memberColumns.map(snake),
      'org_unit_id',
      'status',
      'standing',
      'admitted_on',
      'recognised_on',
      'party_age_from',
      'temporarily_away',
    ],
    memberRows as never,
  );
  await progress('writing', Math.round(rows.length / 2), rows.length);
  await copyRows(
    tx,
    'member_events',
    ['member_id', 'kind', 'event_date', 'org_unit_id', 'decision_number', 'recorded_by'],
    eventRows as never,
  );
  await copyRows(
    tx,
    'member_periods',
    ['member_id', 'valid_from', 'valid_to', 'org_unit_id', 'status', 'standing'],
    periodRows as never,
  );
  await writeRowKeys(tx, 'members', jobId, rows, ids);
  await progress('totals', 0, 1);
  // The new members' contributions and facts, set-based for the whole job (applied before the commit).
  const created = sql`(select entity_id from import_row_keys where job_id = ${jobId} and kind = 'members')`;
  markMembersAdded(tx, created);
  markMemberFactsChanged(tx, created);
  await applyFigureChangesNow(tx);
  await progress('totals', 1, 1);
  return ids;
};

const applicantColumns = [
  'fullName',
  'sex',
  'birthDate',
  'citizenId',
  'ethnicity',
  'religion',
  'generalEducation',
  'workplace',
  'position',
  'phone',
  'source',
  'mentorName',
  'orgUnitId',
] as const;

export const writeApplicants = async (
  tx: DbOrTx,
  actor: Actor,
  jobId: number,
  rows: RowResult[],
  progress: Progress,
): Promise<number[]> => {
  const ids = await reserveIds(tx, 'applicants', rows.length);
  await progress('writing', 0, rows.length);
  await copyRows(
    tx,
    'applicants',
    ['id', ...applicantColumns.map(snake), 'created_by'],
    rows.map((r, i) => [
      ids[i],
      ...applicantColumns.map((k) =>
        k === 'ethnicity'
          ? (r.data[k] ?? 'Kinh')
          : k === 'religion'
            ? (r.data[k] ?? 'Không')
            : r.data[k],
      ),
      actor.userId,
    ]) as never,
  );
  await writeRowKeys(tx, 'applicants', jobId, rows, ids);
  await progress('writing', rows.length, rows.length);
  return ids;
};

/** Events, as POST /api/members/:id/events records them: insert, then re-derive each member. */
export const writeEvents = async (
  tx: FiguresTx,
  actor: Actor,
  jobId: number,
  rows: RowResult[],
  progress: Progress,
): Promise<number[]> => {
  const byMember = new Map<number, RowResult[]>();
  for (const r of rows) {
    const id = r.data.memberId as number;
    byMember.set(id, [...(byMember.get(id) ?? []), r]);
  }
  const eventIds: number[] = new Array(rows.length);
  const index = new Map(rows.map((r, i) => [r, i]));
  let done = 0;
  for (const [memberId, list] of byMember) {
    const before = await lockMember(tx, memberId);
    for (const r of list) {
      const d = r.data;
      const text = (key: string) => (d[key] as string | null | undefined) ?? null;
      if (d.completesEventId !== undefined) {
        // The same event recorded already: fill in the details it lacks; an imported admission
        // (placeholder) takes the file's cell.
        await tx.execute(sql`
          update member_events set
            decision_number = coalesce(decision_number, ${text('decisionNumber')}),
            note = coalesce(note, ${text('note')}),
            external_org = coalesce(external_org, ${text('externalOrg')}),
            letter_number = coalesce(letter_number, ${text('letterNumber')}),
            letter_date = coalesce(letter_date, ${text('letterDate')}::date),
            org_unit_id = case when ${d.placeholder === 1} then coalesce(${(d.orgUnitId as number | null) ?? null}::int, org_unit_id)
                          else org_unit_id end
          where id = ${d.completesEventId as number} and member_id = ${memberId}`);
        eventIds[index.get(r)!] = d.completesEventId as number;
        continue;
      }
      if (d.replacesEventIds)
        await tx.execute(sql`
          delete from member_events
          where member_id = ${memberId} and id = any(${`{${d.replacesEventIds}}`}::int[])`);
      const [created] = await tx
        .insert(memberEvents)
        .values({
          memberId,
          kind: d.kind as string,
          eventDate: d.eventDate as string,
          orgUnitId: (d.orgUnitId as number | null) ?? null,
          externalOrg: text('externalOrg'),
          standing: text('standing'),
          originalAdmittedOn: text('originalAdmittedOn'),
          originalRecognisedOn: text('originalRecognisedOn'),
          decisionNumber: text('decisionNumber'),
          letterNumber: text('letterNumber'),
          letterDate: text('letterDate'),
          note: text('note'),
          recordedBy: actor.userId,
        })
        .returning({ id: memberEvents.id });
      eventIds[index.get(r)!] = created.id;
    }
    await applyMemberTimeline(tx, memberId, before);
    await tx
      .update(members)
      .set({ version: before.version + 1, updatedAt: new Date() })
      .where(eq(members.id, memberId));
    done += list.length;
    if (done % 200 < list.length) await progress('writing', done, rows.length);
  }
  await writeRowKeys(tx, 'events', jobId, rows, eventIds);
  return eventIds;
};
