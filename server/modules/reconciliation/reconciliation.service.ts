// Reconciliation with the national member database (docs/domain/reconciliation.md): read an export
// with the import wizard's reader, match it with the members of the actor's subtree (the pure
// `reconcile`), store the run and its items, and take a user's decision on each item. Nothing of a
// member changes without a decision; "sửa theo CSDL" goes through the members service (its checks,
// its audit record), in the same transaction as the decision and its audit record.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { ZMemberFields, ZMemberUpdate } from '../../../contracts/members';
import {
  type ReconColumn,
  type ReconDecision,
  reconColumnLabels,
  reconColumns,
  reconFieldLabels,
  reconMaxBytes,
  reconTooBigMessage,
  type TReconDecisionInput,
  type TReconFile,
  type TReconLayout,
  type TReconMapping,
} from '../../../contracts/reconciliation';
import { memberStatusLabels } from '../../../domain/enums/members';
import { memberHoldingKinds } from '../../../domain/enums/org-units';
import {
  idKey,
  type NationalRow,
  nameKey,
  type OurMember,
  type RawCell,
  type ReconField,
  reconcile,
  type ScopeCell,
} from '../../../domain/reconciliation/reconcile';
import { isoToShownDate } from '../../../domain/text/dates';
import { type Db, queryOne, queryRows } from '../../db/client';
import { members, reconciliationItems, reconciliationRuns } from '../../db/schema/index';
import type { ReconRunCounts } from '../../db/schema/reconciliation';
import type { Actor } from '../../platform/access/actor';
import { requireAccess } from '../../platform/access/records';
import { inScope } from '../../platform/access/scope';
import { writeAudit } from '../../platform/audit/audit';
import { todayIso } from '../../platform/clock';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { type ParsedSheet, parseSpreadsheet } from '../imports';
import { updateMember } from '../members';
import { guessReconMapping, isReconHeader } from './reconciliation.fields';

/** Fields of the member record itself: "sửa theo CSDL" writes them through the members service. */
export const appliableFields: readonly ReconField[] = [
  'fullName',
  'birthDate',
  'citizenId',
  'cardNumber',
];

const decode = (file: TReconFile): Buffer => {
  const buffer = Buffer.from(file.contentBase64, 'base64');
  if (buffer.length > reconMaxBytes) throw invalidField('contentBase64', reconTooBigMessage);
  if (buffer.length === 0) throw invalidField('contentBase64', 'Tệp rỗng.');
  return buffer;
};

const read = (file: TReconFile): Promise<ParsedSheet> =>
  parseSpreadsheet(decode(file), file.fileName, isReconHeader);

const shown = (value: RawCell): string | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoToShownDate(value.toISOString());
  const text = String(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
};

/** Step 1: the file's header row, the proposed mapping and a few rows to check it by. */
export const readReconLayout = async (file: TReconFile): Promise<TReconLayout> => {
  const sheet = await read(file);
  return {
    headers: sheet.headers,
    headerRow: sheet.headerRow,
    rowCount: sheet.rows.length,
    mapping: guessReconMapping(sheet.headers),
    sample: sheet.rows.slice(0, 5).map((r) => r.cells.map(shown)),
  };
};

const checkMapping = (mapping: TReconMapping, width: number) => {
  const used = new Map<number, ReconColumn>();
  for (const c of reconColumns) {
    const i = mapping[c];
    if (i === null) continue;
    if (i >= width)
      throw invalidField(
        `mapping.${c}`,
        `Tệp không có cột thứ ${i + 1} cho "${reconColumnLabels[c]}".`,
      );
    const other = used.get(i);
    if (other) throw invalidField(`mapping.${c}`, 'Một cột của tệp chỉ ghép được với một trường.');
    used.set(i, c);
  }
  if (mapping.fullName === null)
    throw invalidField('mapping.fullName', 'Hãy chọn cột "Họ và tên".');
  if (mapping.citizenId === null && mapping.cardNumber === null && mapping.birthDate === null)
    throw invalidField(
      'mapping.citizenId',
      'Để ghép đảng viên cần ít nhất một trong các cột: Số CCCD, Số thẻ đảng, Ngày sinh.',
    );
};

/** Our side: every member whose cell lies in the actor's subtree (whatever the status), and its cells. */
const loadOurs = async (db: Db, actor: Actor) => {
  const ours = await queryRows<{
    id: number;
    full_name: string;
    birth_date: string;
    citizen_id: string | null;
    card_number: string | null;
    admitted_on: string | null;
    recognised_on: string | null;
    org_unit_id: number;
    status: OurMember['status'];
  }>(
    db,
    sql`select m.id, m.full_name, m.birth_date::text, m.citizen_id, m.card_number,
          m.admitted_on::text, m.recognised_on::text, m.org_unit_id, m.status
        from members m join org_units o on o.id = m.org_unit_id
        where ${inScope(actor, sql`o.path`)}`,
  );
  const cells = await queryRows<{ id: number; name: string; parent_name: string | null }>(
    db,
    sql`select o.id, o.name, p.name as parent_name
        from org_units o left join org_units p on p.id = o.parent_id
        where ${inScope(actor, sql`o.path`)} and o.dissolved_on is null
          and o.kind in (${sql.join(
            memberHoldingKinds.map((k) => sql`${k}`),
            sql`, `,
          )})`,
  );
  return {
    ours: ours.map(
      (m): OurMember => ({
        id: m.id,
        fullName: m.full_name,
        birthDate: m.birth_date,
        citizenId: m.citizen_id,
        cardNumber: m.card_number,
        admittedOn: m.admitted_on,
        recognisedOn: m.recognised_on,
        orgUnitId: m.org_unit_id,
        status: m.status,
      }),
    ),
    cells: cells.map((c): ScopeCell => ({ id: c.id, name: c.name, parentName: c.parent_name })),
  };
};

type ItemInsert = typeof reconciliationItems.$inferInsert;

/** Step 2: reconcile the file with the mapping chosen, store the run and its items (one transaction). */
export const createReconRun = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TReconFile & { mapping: TReconMapping };
}): Promise<{ id: number }> => {
  const buffer = decode(input);
  const sheet = await parseSpreadsheet(buffer, input.fileName, isReconHeader);
  checkMapping(input.mapping, sheet.headers.length);
  const rows: NationalRow[] = sheet.rows.map((r) => ({
    rowNumber: r.rowNumber,
    values: Object.fromEntries(
      reconColumns
        .filter((c) => input.mapping[c] !== null)
        .map((c) => [c, r.cells[input.mapping[c] as number]]),
    ) as NationalRow['values'],
  }));
  const rowByNumber = new Map(rows.map((r) => [r.rowNumber, r]));
  const rowFacts = (rowNumber: number) => {
    const v = rowByNumber.get(rowNumber)?.values ?? {};
    return {
      fullName: shown(v.fullName),
      birthDate: shown(v.birthDate),
      citizenId: shown(v.citizenId),
      cardNumber: shown(v.cardNumber),
      cell: [shown(v.cell), shown(v.parentUnit)].filter(Boolean).join(' – ') || null,
      status: shown(v.status),
    };
  };

  return db.transaction(async (tx) => {
    const { ours, cells } = await loadOurs(tx as unknown as Db, actor);
    const outcomes = reconcile({ ours, rows, cells, today: todayIso() });
    const memberOf = new Map(ours.map((m) => [m.id, m]));
    const cellName = new Map(cells.map((c) => [c.id, c.name]));
    const counts: ReconRunCounts = {
      rows: rows.length,
      matched: 0,
      membersWithDifferences: 0,
      differences: 0,
      onlyHere: 0,
      onlyThere: 0,
      outOfScope: 0,
    };
    const items: Omit<ItemInsert, 'runId'>[] = [];
    for (const o of outcomes) {
      if (o.kind === 'matched') {
        const m = memberOf.get(o.memberId)!;
        counts.matched++;
        if (o.differences.length) counts.membersWithDifferences++;
        items.push({
          kind: 'matched',
          memberId: o.memberId,
          rowNumber: o.rowNumber,
          orgUnitId: m.orgUnitId,
          matchedBy: o.matchedBy,
          row: rowFacts(o.rowNumber),
        });
        for (const d of o.differences) {
          counts.differences++;
          const isCell = d.field === 'cell';
          items.push({
            kind: 'difference',
            memberId: o.memberId,
            rowNumber: o.rowNumber,
            orgUnitId: m.orgUnitId,
            field: d.field,
            ours: isCell ? (cellName.get(m.orgUnitId) ?? d.ours) : d.ours,
            theirs:
              isCell && d.theirs && /^\d+$/.test(d.theirs)
                ? (cellName.get(Number(d.theirs)) ?? d.theirs)
                : d.theirs,
            theirsText: d.theirsText,
            matchedBy: o.matchedBy,
          });
        }
      } else if (o.kind === 'onlyHere') {
        counts.onlyHere++;
        items.push({
          kind: 'onlyHere',
          memberId: o.memberId,
          orgUnitId: memberOf.get(o.memberId)!.orgUnitId,
        });
      } else if (o.kind === 'onlyThere') {
        counts.onlyThere++;
        items.push({
          kind: 'onlyThere',
          rowNumber: o.rowNumber,
          orgUnitId: o.cellId,
          row: rowFacts(o.rowNumber),
          note: o.note,
        });
      } else {
        counts.outOfScope++;
        items.push({ kind: 'outOfScope', rowNumber: o.rowNumber, row: rowFacts(o.rowNumber) });
      }
    }
    const sha256 = createHash('sha256').update(buffer).digest('hex');
    const [run] = await tx
      .insert(reconciliationRuns)
      .values({
        orgUnitId: actor.scopeOrgUnitId,
        fileName: input.fileName,
        sha256,
        headers: sheet.headers,
        mapping: input.mapping,
        counts,
        createdBy: actor.userId,
        createdByName: actor.displayName || actor.username,
      })
      .returning({ id: reconciliationRuns.id });
    for (let i = 0; i < items.length; i += 1000)
      await tx
        .insert(reconciliationItems)
        .values(items.slice(i, i + 1000).map((item) => ({ ...item, runId: run.id })));
    await writeAudit(tx, {
      actor,
      action: 'reconciliation.run',
      entityType: 'reconciliation_run',
      entityId: run.id,
      orgUnitId: actor.scopeOrgUnitId,
      after: { fileName: input.fileName, sha256, counts },
    });
    return { id: run.id };
  });
};

type ItemRow = {
  id: number;
  run_id: number;
  kind: string;
  member_id: number | null;
  row_number: number | null;
  org_unit_id: number | null;
  field: ReconField | null;
  ours: string | null;
  theirs: string | null;
  decision: string | null;
};

/** The decisions an item may take. */
export const decisionsFor = (item: Pick<ItemRow, 'kind' | 'field' | 'theirs'>): ReconDecision[] => {
  if (item.kind === 'difference') {
    const apply =
      item.field !== null &&
      appliableFields.includes(item.field) &&
      item.theirs !== null &&
      (item.field !== 'birthDate' || /^\d{4}-\d{2}-\d{2}$/.test(item.theirs));
    return apply ? ['apply', 'keep', 'note'] : ['keep', 'note'];
  }
  if (item.kind === 'onlyHere' || item.kind === 'onlyThere') return ['keep', 'note'];
  return [];
};

const titleCase = (name: string) =>
  name === name.toUpperCase()
    ? name
        .toLowerCase()
        .split(' ')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ')
    : name;

/** Whether the member's value is still the one the run compared (nobody changed it since). */
const stillOurs = (field: ReconField, current: string | null, compared: string | null) => {
  if (field === 'fullName') return nameKey(current ?? '') === nameKey(compared ?? '');
  if (field === 'citizenId' || field === 'cardNumber')
    return idKey(current, field) === idKey(compared, field);
  return (current ?? null) === (compared ?? null);
};

/** Decide one item; "apply" changes the member through the members service. One transaction. */
export const decideReconItem = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TReconDecisionInput;
}): Promise<{ ok: true; memberVersion: number | null }> =>
  db.transaction(async (tx) => {
    const item = await queryOne<ItemRow>(
      tx,
      sql`select id, run_id, kind, member_id, row_number, org_unit_id, field, ours, theirs, decision
          from reconciliation_items where id = ${id} for update`,
    );
    if (!item) throw notFound('mục đối chiếu');
    await requireAccess(tx, actor, 'reconciliationRun.write', item.run_id).catch(() => {
      throw notFound('mục đối chiếu');
    });
    if (item.member_id !== null)
      await requireAccess(tx, actor, 'member.read', item.member_id).catch(() => {
        throw notFound('mục đối chiếu');
      });
    if (item.decision !== null)
      throw new AppError('CONFLICT', {
        message: 'Mục này đã được quyết định. Tải lại trang để xem quyết định đã ghi.',
      });
    const allowed = decisionsFor(item);
    if (!allowed.includes(input.decision))
      throw invalidField(
        'decision',
        allowed.length === 0
          ? 'Mục này không cần quyết định.'
          : item.field && !appliableFields.includes(item.field)
            ? `${reconFieldLabels[item.field]} được tính từ các sự kiện của đảng viên: hãy ghi sự kiện trên hồ sơ đảng viên, rồi chọn "Đã xử lý ngoài hệ thống".`
            : 'CSDL không ghi giá trị đọc được cho trường này: không sửa hồ sơ theo đó.',
      );
    let memberVersion: number | null = null;
    if (input.decision === 'apply') {
      const field = item.field as (typeof appliableFields)[number] &
        keyof typeof members.$inferSelect;
      const [row] = await tx.select().from(members).where(eq(members.id, item.member_id!));
      if (!row) throw notFound('đảng viên');
      if (!stillOurs(field, row[field] as string | null, item.ours))
        throw new AppError('CONFLICT', {
          message: `Hồ sơ của đảng viên đã đổi ${reconFieldLabels[field].toLowerCase()} từ khi đối chiếu. Hãy đối chiếu lại.`,
        });
      const fields = Object.fromEntries(
        Object.keys(ZMemberFields.shape).map((k) => [
          k,
          (row as Record<string, unknown>)[k] ?? undefined,
        ]),
      );
      const value = field === 'fullName' ? titleCase(item.theirs!) : item.theirs;
      const parsed = ZMemberUpdate.safeParse({ ...fields, [field]: value, version: row.version });
      if (!parsed.success)
        throw new AppError('VALIDATION', {
          message: `Không sửa được theo CSDL: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        });
      // The members service checks and audits the change itself (a savepoint inside this transaction).
      const saved = await updateMember({
        db: tx as unknown as Db,
        actor,
        id: row.id,
        input: parsed.data,
      });
      memberVersion = saved.version;
    }
    const note = input.note?.trim() || null;
    await tx
      .update(reconciliationItems)
      .set({
        decision: input.decision,
        decisionNote: note,
        decidedBy: actor.userId,
        decidedByName: actor.displayName || actor.username,
        decidedAt: new Date(),
      })
      .where(eq(reconciliationItems.id, id));
    await writeAudit(tx, {
      actor,
      action: 'reconciliation.decide',
      entityType: 'reconciliation_run',
      entityId: item.run_id,
      orgUnitId: item.org_unit_id,
      before: item.field ? { [item.field]: item.ours } : null,
      after: {
        decision: input.decision,
        ...(item.field ? { theirs: item.theirs } : {}),
        ...(note ? { note } : {}),
      },
      meta: {
        itemId: id,
        kind: item.kind,
        field: item.field,
        memberId: item.member_id,
        rowNumber: item.row_number,
      },
    });
    return { ok: true as const, memberVersion };
  });

/** Status codes shown in Vietnamese in lists and the XLSX. */
export const shownValue = (field: string | null, value: string | null): string | null => {
  if (value === null) return null;
  if (field === 'status')
    return memberStatusLabels[value as keyof typeof memberStatusLabels] ?? value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToShownDate(value);
  return value;
};
