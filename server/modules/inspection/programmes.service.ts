// Inspection and supervision programmes and their items, and the checks on a conducting body that
// cases share. The module's overview, sources and confidentiality rule: case-access.ts.

import type {
  TProgramme,
  TProgrammeInput,
  TProgrammeItemInput,
} from '../../../contracts/inspection';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import {
  type CaseKind,
  type ConductingBody,
  conductingBodyLabels,
  conductingLevel,
} from '../../../domain/rules/inspection/inspection';
import { normalizeText } from '../../../domain/text/vietnamese';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { inspectionProgrammeItems, inspectionProgrammes } from '../../db/schema/index';
import type { Actor } from '../../platform/access/actor';
import { isInspectionBody } from '../../platform/access/role-rules';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope, type UnitRow } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { forbidden, invalidField, notFound } from '../../platform/errors';

const levelKinds: Record<'upper' | 'grassroots' | 'cell', OrgUnitKind[]> = {
  upper: ['upper_committee'],
  grassroots: ['grassroots_committee', 'grassroots_cell'],
  cell: ['cell', 'grassroots_cell'],
};

/** The body must belong to a unit of its level (the bloc committee, a grassroots committee, a cell). */
export const assertBodyUnit = (unit: UnitRow, body: ConductingBody, path = 'body'): void => {
  if (!levelKinds[conductingLevel[body]].includes(unit.kind))
    throw invalidField(
      path,
      `${conductingBodyLabels[body]} không thuộc ${unit.name}; hãy chọn đúng chủ thể của tổ chức này.`,
    );
};

export const text = (v: string | null | undefined) => (v ? normalizeText(v) : null);

const assertProgrammeOwner = (actor: Actor, body: ConductingBody) => {
  // The UBKT keeps the inspection commissions' programmes; offices those of their committees.
  const inspectionBody = body === 'upper_inspection' || body === 'grassroots_inspection';
  if (isInspectionBody(actor) ? !inspectionBody && body !== 'cell' : inspectionBody)
    throw forbidden(
      inspectionBody
        ? 'Chương trình của Ủy ban Kiểm tra do Ủy ban Kiểm tra lập.'
        : 'Chương trình của cấp ủy, ban thường vụ do văn phòng cấp ủy lập.',
    );
};

const checkItemSubject = async (
  db: DbOrTx,
  actor: Actor,
  owner: UnitRow,
  item: TProgrammeItemInput,
) => {
  if (!item.subjectOrgUnitId) return;
  const unit = await getUnitInScope(db, actor, item.subjectOrgUnitId);
  if (!unit.path.startsWith(`${owner.path}.`) && unit.id !== owner.id)
    throw invalidField('items', `${unit.name} không thuộc ${owner.name}.`);
};

export const createProgramme = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: TProgrammeInput;
}): Promise<{ id: number }> => {
  assertProgrammeOwner(actor, input.body);
  if (input.period === 'term' && (!input.toYear || input.toYear <= input.year))
    throw invalidField(
      'toYear',
      'Chương trình toàn khóa cần năm kết thúc nhiệm kỳ (sau năm bắt đầu).',
    );
  return db.transaction(async (tx) => {
    const owner = await getUnitInScope(tx, actor, input.orgUnitId);
    assertBodyUnit(owner, input.body);
    for (const item of input.items) await checkItemSubject(tx, actor, owner, item);
    const [created] = await tx
      .insert(inspectionProgrammes)
      .values({
        orgUnitId: owner.id,
        body: input.body,
        period: input.period,
        year: input.year,
        toYear: input.period === 'term' ? (input.toYear ?? null) : null,
        title: normalizeText(input.title),
        decisionNumber: input.decisionNumber ?? null,
        approvedOn: input.approvedOn ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: inspectionProgrammes.id });
    if (input.items.length)
      await tx.insert(inspectionProgrammeItems).values(
        input.items.map((i) => ({
          programmeId: created.id,
          kind: i.kind,
          subjectOrgUnitId: i.subjectOrgUnitId ?? null,
          subjectText: normalizeText(i.subjectText),
          theme: normalizeText(i.theme),
          quarter: i.quarter ?? null,
          lead: text(i.lead),
        })),
      );
    await writeAudit(tx, {
      actor,
      action: 'inspection.programme.create',
      entityType: 'inspection_programme',
      entityId: created.id,
      orgUnitId: owner.id,
      after: input,
    });
    return created;
  });
};

export const getProgrammeInScope = async (db: DbOrTx, actor: Actor, id: number) => {
  const row = await queryOne<{
    id: number;
    org_unit_id: number;
    body: ConductingBody;
    path: string;
  }>(
    db,
    sql`select p.id, p.org_unit_id, p.body, o.path::text as path from inspection_programmes p
        join org_units o on o.id = p.org_unit_id
        where p.id = ${id} and ${inScope(actor, sql`o.path`)}`,
  );
  if (!row) throw notFound('chương trình kiểm tra, giám sát');
  return row;
};

export const addProgrammeItem = async ({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: TProgrammeItemInput;
}): Promise<{ id: number }> =>
  db.transaction(async (tx) => {
    const p = await getProgrammeInScope(tx, actor, id);
    assertProgrammeOwner(actor, p.body);
    const owner = await getUnitInScope(tx, actor, p.org_unit_id);
    await checkItemSubject(tx, actor, owner, input);
    const [created] = await tx
      .insert(inspectionProgrammeItems)
      .values({
        programmeId: id,
        kind: input.kind,
        subjectOrgUnitId: input.subjectOrgUnitId ?? null,
        subjectText: normalizeText(input.subjectText),
        theme: normalizeText(input.theme),
        quarter: input.quarter ?? null,
        lead: text(input.lead),
      })
      .returning({ id: inspectionProgrammeItems.id });
    await writeAudit(tx, {
      actor,
      action: 'inspection.programme.item',
      entityType: 'inspection_programme',
      entityId: id,
      orgUnitId: p.org_unit_id,
      after: input,
    });
    return created;
  });

/** Programmes of the units in the actor's subtree and of the committees above within it. */
export const listProgrammes = async ({
  db,
  actor,
  orgUnitId,
  year,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  year?: number;
}): Promise<{ items: TProgramme[] }> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  const rows = await queryRows<{
    id: number;
    org_unit_id: number;
    org_unit_name: string;
    body: ConductingBody;
    period: 'year' | 'term';
    year: number;
    to_year: number | null;
    title: string;
    decision_number: string | null;
    approved_on: string | null;
  }>(
    db,
    sql`select p.id, p.org_unit_id, o.name as org_unit_name, p.body, p.period, p.year, p.to_year,
          p.title, p.decision_number, p.approved_on
        from inspection_programmes p join org_units o on o.id = p.org_unit_id
        where o.path <@ ${unit.path}::ltree
          ${year ? sql`and (p.year = ${year} or (p.period = 'term' and p.year <= ${year} and p.to_year >= ${year}))` : sql``}
        order by p.year desc, nlevel(o.path), p.id`,
  );
  const items = rows.length
    ? await queryRows<{
        id: number;
        programme_id: number;
        kind: CaseKind;
        subject_org_unit_id: number | null;
        subject_text: string;
        theme: string;
        quarter: number | null;
        lead: string | null;
        case_id: number | null;
      }>(
        db,
        sql`select i.id, i.programme_id, i.kind, i.subject_org_unit_id, i.subject_text, i.theme,
              i.quarter, i.lead, (select min(c.id) from inspection_cases c where c.programme_item_id = i.id) as case_id
            from inspection_programme_items i
            where i.programme_id in (${sql.join(
              rows.map((r) => sql`${r.id}`),
              sql`, `,
            )})
            order by i.quarter nulls last, i.id`,
      )
    : [];
  return {
    items: rows.map((r) => ({
      id: r.id,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      body: r.body,
      period: r.period,
      year: r.year,
      toYear: r.to_year,
      title: r.title,
      decisionNumber: r.decision_number,
      approvedOn: r.approved_on,
      items: items
        .filter((i) => i.programme_id === r.id)
        .map((i) => ({
          id: i.id,
          kind: i.kind,
          subjectOrgUnitId: i.subject_org_unit_id,
          subjectText: i.subject_text,
          theme: i.theme,
          quarter: i.quarter,
          lead: i.lead,
          caseId: i.case_id,
        })),
    })),
  };
};
