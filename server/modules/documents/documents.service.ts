// The register of issued documents. Numbers run from 01 per type code per committee term (docs/domain/
// document-format.md); the next number comes from one atomic upsert on the counter row, inside the caller's
// transaction, so two documents issued at the same moment never share a number (the unique index on
// (issuer, term, type code, number) guards it as well).
import type { TDocumentTypes, TIssuedDocument } from '../../../contracts/documents';
import type { OrgUnitKind } from '../../../domain/enums/org-units';
import {
  allowedDocumentTypes,
  committeeTermOf,
  type DocumentType,
  defaultIssuerCodes,
  defaultTermStarts,
  documentTypeInfo,
  formatDocumentNumber,
  mayIssue,
} from '../../../domain/reports/document-types';
import { type Db, type DbOrTx, queryOne, queryRows, sql } from '../../db/client';
import { readSetting } from '../../db/settings';
import type { Actor } from '../../platform/access/actor';
import { inScope } from '../../platform/access/scope';
import { getUnitInScope } from '../../platform/access/units';
import { writeAudit } from '../../platform/audit/audit';
import { invalidField } from '../../platform/errors';

/**
 * The issuer code printed after the slash ("ĐUK"): the setting `documents.issuerCodes` (org unit id →
 * code; new bodies set their own, docs/domain/document-format.md ❓) or the default for the kind of organisation.
 */
export const issuerCodeOf = async (db: DbOrTx, unit: { id: number; kind: string }) => {
  const codes = await readSetting<Record<string, string>>(db, 'documents.issuerCodes');
  return codes?.[String(unit.id)] ?? defaultIssuerCodes[unit.kind as OrgUnitKind] ?? 'ĐU';
};

const termStartsOf = async (db: DbOrTx) =>
  (await readSetting<string[]>(db, 'documents.termStarts')) ?? defaultTermStarts;

/** Takes the next number and records the document; call inside a transaction. */
export const registerDocument = async (
  tx: DbOrTx,
  args: {
    actor: Actor;
    issuer: { id: number; kind: string };
    type: DocumentType;
    title: string;
    issuedOn: string;
    signer?: string | null;
    reportDraftId?: number | null;
  },
) => {
  const { issuer, type } = args;
  if (!mayIssue(issuer.kind as OrgUnitKind, type))
    throw invalidField(
      'type',
      `${documentTypeInfo[type].label} không thuộc thẩm quyền ban hành của tổ chức này (Quy định 399-QĐ/TW).`,
    );
  const code = documentTypeInfo[type].code;
  const issuerCode = await issuerCodeOf(tx, issuer);
  const term = committeeTermOf(args.issuedOn, await termStartsOf(tx));
  const counter = await queryOne<{ last_number: number }>(
    tx,
    sql`insert into document_number_counters (issuer_org_unit_id, term_start, type_code, last_number)
        values (${issuer.id}, ${term.start}, ${code}, 1)
        on conflict (issuer_org_unit_id, term_start, type_code)
        do update set last_number = document_number_counters.last_number + 1
        returning last_number`,
  );
  const number = counter!.last_number;
  const numberText = formatDocumentNumber(number, type, issuerCode);
  const row = await queryOne<{ id: number }>(
    tx,
    sql`insert into issued_documents (issuer_org_unit_id, type, type_code, issuer_code, term_start,
          term_label, number, number_text, title, issued_on, signer, report_draft_id, created_by)
        values (${issuer.id}, ${type}, ${code}, ${issuerCode}, ${term.start}, ${term.label}, ${number},
          ${numberText}, ${args.title}, ${args.issuedOn}, ${args.signer ?? null},
          ${args.reportDraftId ?? null}, ${args.actor.userId})
        returning id`,
  );
  await writeAudit(tx, {
    actor: args.actor,
    action: 'document.issue',
    entityType: 'issued_document',
    entityId: row!.id,
    orgUnitId: issuer.id,
    after: { numberText, type, title: args.title, issuedOn: args.issuedOn, term: term.label },
  });
  return { id: row!.id, numberText };
};

export const createDocument = async ({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: {
    issuerOrgUnitId?: number;
    type: DocumentType;
    title: string;
    issuedOn: string;
    signer?: string;
  };
}) =>
  db.transaction(async (tx) => {
    const issuer = await getUnitInScope(tx, actor, input.issuerOrgUnitId ?? actor.scopeOrgUnitId);
    return registerDocument(tx, {
      actor,
      issuer,
      type: input.type,
      title: input.title.normalize('NFC'),
      issuedOn: input.issuedOn,
      signer: input.signer?.normalize('NFC') || null,
    });
  });

export const listDocuments = async ({
  db,
  actor,
  orgUnitId,
  type,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
  type?: DocumentType;
}): Promise<{ items: TIssuedDocument[] }> => {
  const unit = orgUnitId ? await getUnitInScope(db, actor, orgUnitId) : null;
  const rows = await queryRows<{
    id: number;
    issuer_org_unit_id: number;
    issuer_name: string;
    type: DocumentType;
    number_text: string;
    number: number;
    term_label: string;
    title: string;
    issued_on: string;
    signer: string | null;
    report_draft_id: number | null;
  }>(
    db,
    sql`select d.id, d.issuer_org_unit_id, o.name as issuer_name, d.type, d.number_text, d.number,
          d.term_label, d.title, d.issued_on, d.signer, d.report_draft_id
        from issued_documents d join org_units o on o.id = d.issuer_org_unit_id
        where ${inScope(actor, sql`o.path`)} ${unit ? sql`and o.id = ${unit.id}` : sql``}
          ${type ? sql`and d.type = ${type}` : sql``}
        order by d.issued_on desc, d.id desc limit 500`,
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      issuerOrgUnitId: r.issuer_org_unit_id,
      issuerName: r.issuer_name,
      type: r.type,
      typeLabel: documentTypeInfo[r.type]?.label ?? r.type,
      numberText: r.number_text,
      number: r.number,
      termLabel: r.term_label,
      title: r.title,
      issuedOn: r.issued_on,
      signer: r.signer,
      reportDraftId: r.report_draft_id,
    })),
  };
};

export const listDocumentTypes = async ({
  db,
  actor,
  orgUnitId,
}: {
  db: Db;
  actor: Actor;
  orgUnitId?: number;
}): Promise<TDocumentTypes> => {
  const unit = await getUnitInScope(db, actor, orgUnitId ?? actor.scopeOrgUnitId);
  return {
    issuerCode: await issuerCodeOf(db, unit),
    items: (allowedDocumentTypes[unit.kind as OrgUnitKind] ?? []).map((type) => ({
      type,
      code: documentTypeInfo[type].code,
      label: documentTypeInfo[type].label,
    })),
  };
};
