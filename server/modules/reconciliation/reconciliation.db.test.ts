// Reconciliation with the national member database over the demo bloc (docs/domain/reconciliation.md):
// an export of the grassroots organisation's members (Đảng bộ Sở Y tế) with a handful of deliberate
// differences is uploaded and reconciled; one item of each kind is decided; the audit log holds each
// decision and a member changes only where "sửa theo CSDL" was decided. Rows of another organisation
// are "ngoài phạm vi"; the run is kept for coming back to undecided items; a too large file is refused.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeStatuses, memberStatusLabels } from '../../../domain/enums/members';
import { isoToShownDate } from '../../../domain/text/dates';
import { queryOne, queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
const s: Record<string, Session> = {};

type Row = {
  id: number;
  full_name: string;
  birth_date: string;
  citizen_id: string | null;
  card_number: string | null;
  admitted_on: string | null;
  recognised_on: string | null;
  status: keyof typeof memberStatusLabels;
  cell: string;
  version: number;
};

const snapshot = (committeeId: number) =>
  queryRows<Row>(
    t.db,
    sql`select m.id, m.full_name, m.birth_date::text, m.citizen_id, m.card_number,
          m.admitted_on::text, m.recognised_on::text, m.status, o.name as cell, m.version
        from members m join org_units o on o.id = m.org_unit_id
        where o.path <@ (select path from org_units where id = ${committeeId})
        order by m.id`,
  );

const headers = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Số CCCD',
  'Số thẻ đảng',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Chi bộ',
  'Trạng thái',
];
const rowOf = (m: Row, i: number) => [
  i + 1,
  i % 3 === 0 ? m.full_name.toUpperCase() : m.full_name,
  isoToShownDate(m.birth_date),
  m.citizen_id,
  m.card_number,
  isoToShownDate(m.admitted_on),
  m.recognised_on ? isoToShownDate(m.recognised_on) : null,
  m.cell,
  memberStatusLabels[m.status],
];

const xlsxBase64 = async (rows: unknown[][]) => {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH ĐẢNG VIÊN (xuất từ CSDL đảng viên)']);
  sheet.addRow([]);
  sheet.addRow(headers);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
};

let before: Row[];
let active: Row[];
let picked: Record<'renamed' | 'reborn' | 'readmitted' | 'restatused' | 'missing', Row>;
let runId: number;
let elsewhere: Row;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  for (const u of ['coso', 'vanphong', 'bithu']) s[u] = await loginAs(t.app, u);
  before = await snapshot(f.committeeId);
  active = before.filter((m) => activeStatuses.includes(m.status));
  const full = active.filter((m) => m.status === 'full' && m.citizen_id);
  picked = {
    renamed: full[0],
    reborn: full[1],
    readmitted: full[2],
    restatused: full[3],
    missing: full[4],
  };
  [elsewhere] = (await snapshot(f.otherCommitteeId)).filter((m) => m.status === 'full');
});
afterAll(async () => t.close());

const exportRows = () => {
  const rows: unknown[][] = [];
  active.forEach((m, i) => {
    if (m.id === picked.missing.id) return;
    const r = rowOf(m, i);
    if (m.id === picked.renamed.id) r[1] = `${m.full_name} Anh`;
    if (m.id === picked.reborn.id) r[2] = '01/01/1961';
    if (m.id === picked.readmitted.id) r[5] = '02/02/2002';
    if (m.id === picked.restatused.id) r[8] = 'Từ trần';
    rows.push(r);
  });
  // Only in the national database: a member of one of our cells that we do not have.
  rows.push([
    0,
    'Hoàng Thị Mới',
    '03/04/1995',
    '001195099999',
    null,
    '05/06/2020',
    null,
    before[0].cell,
    'Dự bị',
  ]);
  // A member of another organisation: out of scope, never matched (we cannot see that member).
  rows.push([
    0,
    elsewhere.full_name,
    isoToShownDate(elsewhere.birth_date),
    elsewhere.citizen_id,
    elsewhere.card_number,
    isoToShownDate(elsewhere.admitted_on),
    null,
    elsewhere.cell,
    'Chính thức',
  ]);
  return rows;
};

describe('reconciliation of a grassroots organisation with the national database', () => {
  it('reads the export, proposes the mapping, and reconciles', async () => {
    const contentBase64 = await xlsxBase64(exportRows());
    const layout = await s.coso.post('/api/reconciliation/read', {
      fileName: 'csdl-so-y-te.xlsx',
      contentBase64,
    });
    expect(layout.statusCode, layout.body).toBe(200);
    const { mapping, rowCount } = layout.json();
    expect(rowCount).toBe(active.length + 1);
    expect(mapping).toEqual({
      fullName: 1,
      birthDate: 2,
      citizenId: 3,
      cardNumber: 4,
      admittedOn: 5,
      recognisedOn: 6,
      cell: 7,
      parentUnit: null,
      status: 8,
    });
    const run = await s.coso.post('/api/reconciliation/runs', {
      fileName: 'csdl-so-y-te.xlsx',
      contentBase64,
      mapping,
    });
    expect(run.statusCode, run.body).toBe(200);
    runId = run.json().id;
    const detail = (await s.coso.get(`/api/reconciliation/runs/${runId}`)).json();
    expect(detail.counts).toEqual({
      rows: active.length + 1,
      matched: active.length - 1,
      membersWithDifferences: 4,
      differences: 4,
      onlyHere: 1,
      onlyThere: 1,
      outOfScope: 1,
      undecided: 6,
    });
    expect(detail.fileName).toBe('csdl-so-y-te.xlsx');
    const audit = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'reconciliation.run' and entity_id = ${String(runId)}`,
    );
    expect(audit?.n).toBe(1);
  });

  it('lists exactly the deliberate differences, and the members only on one side', async () => {
    const diffs = (
      await s.coso.get(`/api/reconciliation/runs/${runId}/items?group=differences`)
    ).json();
    const found = diffs.items.map(
      (i: { memberId: number; field: string }) => `${i.memberId}:${i.field}`,
    );
    expect(found.sort()).toEqual(
      [
        `${picked.renamed.id}:fullName`,
        `${picked.reborn.id}:birthDate`,
        `${picked.readmitted.id}:admittedOn`,
        `${picked.restatused.id}:status`,
      ].sort(),
    );
    const status = diffs.items.find((i: { field: string }) => i.field === 'status');
    expect(status).toMatchObject({
      ours: 'Chính thức',
      theirs: 'Từ trần',
      decisions: ['keep', 'note'],
    });
    const here = (
      await s.coso.get(`/api/reconciliation/runs/${runId}/items?group=onlyHere`)
    ).json();
    expect(here.items.map((i: { memberId: number }) => i.memberId)).toEqual([picked.missing.id]);
    const there = (
      await s.coso.get(`/api/reconciliation/runs/${runId}/items?group=onlyThere`)
    ).json();
    expect(there.items).toHaveLength(1);
    expect(there.items[0]).toMatchObject({ rowName: 'Hoàng Thị Mới', memberId: null });
    const out = (
      await s.coso.get(`/api/reconciliation/runs/${runId}/items?group=outOfScope`)
    ).json();
    expect(out.items).toHaveLength(1);
    // Never matched with the member of the other organisation, whose record coso cannot see.
    expect(out.items[0]).toMatchObject({ memberId: null, rowName: elsewhere.full_name });
    const matched = await queryOne<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from reconciliation_items where run_id = ${runId} and member_id = ${elsewhere.id}`,
    );
    expect(matched?.n).toBe(0);
  });

  it('resolves one item of each kind, audited, and changes the member only where decided', async () => {
    const item = async (group: string, memberId: number | null, field?: string) => {
      const list = (
        await s.coso.get(`/api/reconciliation/runs/${runId}/items?group=${group}`)
      ).json();
      return list.items.find(
        (i: { memberId: number | null; field: string | null }) =>
          i.memberId === memberId && (field === undefined || i.field === field),
      ) as { id: number; decisions: string[] };
    };
    const decide = (id: number, body: unknown) =>
      s.coso.post(`/api/reconciliation/items/${id}/decision`, body);

    const renamed = await item('differences', picked.renamed.id, 'fullName');
    expect(renamed.decisions).toEqual(['apply', 'keep', 'note']);
    const applied = await decide(renamed.id, { decision: 'apply' });
    expect(applied.statusCode, applied.body).toBe(200);
    // Decided once: a second decision is refused.
    expect((await decide(renamed.id, { decision: 'keep' })).statusCode).toBe(409);

    const reborn = await item('differences', picked.reborn.id, 'birthDate');
    expect((await decide(reborn.id, { decision: 'keep' })).statusCode).toBe(200);

    const readmitted = await item('differences', picked.readmitted.id, 'admittedOn');
    const refused = await decide(readmitted.id, { decision: 'apply' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('sự kiện');
    expect((await decide(readmitted.id, { decision: 'note' })).statusCode).toBe(400);
    const noted = await decide(readmitted.id, {
      decision: 'note',
      note: 'Đã báo Ban Tổ chức sửa ngày vào Đảng trong CSDL.',
    });
    expect(noted.statusCode, noted.body).toBe(200);

    const missing = await item('onlyHere', picked.missing.id);
    expect((await decide(missing.id, { decision: 'keep' })).statusCode).toBe(200);
    const onlyThere = await item('onlyThere', null);
    expect((await decide(onlyThere.id, { decision: 'apply' })).statusCode).toBe(400);
    expect(
      (await decide(onlyThere.id, { decision: 'note', note: 'Chuyển đến, chờ giấy giới thiệu.' }))
        .statusCode,
    ).toBe(200);

    const after = await snapshot(f.committeeId);
    const changed = after.filter((m, i) => JSON.stringify(m) !== JSON.stringify(before[i]));
    expect(changed.map((m) => m.id)).toEqual([picked.renamed.id]);
    expect(changed[0].full_name).toBe(`${picked.renamed.full_name} Anh`);
    expect(changed[0].version).toBe(picked.renamed.version + 1);

    const audit = await queryRows<{ action: string; entity_id: string; meta: { field?: string } }>(
      t.db,
      sql`select action, entity_id, meta from audit_log
          where action in ('reconciliation.decide', 'member.update') order by id`,
    );
    expect(audit.filter((a) => a.action === 'reconciliation.decide')).toHaveLength(5);
    expect(audit.filter((a) => a.action === 'member.update').map((a) => a.entity_id)).toEqual([
      String(picked.renamed.id),
    ]);

    const detail = (await s.coso.get(`/api/reconciliation/runs/${runId}`)).json();
    expect(detail.counts.undecided).toBe(1);
    const undecided = (
      await s.coso.get(`/api/reconciliation/runs/${runId}/items?group=differences&undecided=true`)
    ).json();
    expect(undecided.items.map((i: { memberId: number }) => i.memberId)).toEqual([
      picked.restatused.id,
    ]);
  });

  it('summarises the differences per unit, on screen and in XLSX', async () => {
    const detail = (await s.coso.get(`/api/reconciliation/runs/${runId}`)).json();
    const total = (k: 'differences' | 'onlyHere' | 'onlyThere') =>
      detail.units.reduce((a: number, u: Record<string, number>) => a + u[k], 0);
    expect([total('differences'), total('onlyHere'), total('onlyThere')]).toEqual([4, 1, 1]);
    const renamedUnit = detail.units.find(
      (u: { unitName: string }) => u.unitName === picked.renamed.cell,
    );
    expect(renamedUnit.byField.fullName).toBe(1);

    const res = await s.coso.get(`/api/reconciliation/runs/${runId}/summary.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Tổng hợp theo đơn vị')!;
    const values: unknown[][] = [];
    sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    const last = values[values.length - 1];
    expect(last[0]).toBe('Tổng số');
    expect(last[1]).toBe(4);
    const detailSheet = wb.getWorksheet('Chi tiết')!;
    expect(detailSheet.rowCount).toBe(1 + 4 + 1 + 1);
  });

  it('keeps the run within its scope and lists it for coming back', async () => {
    const list = (await s.coso.get('/api/reconciliation/runs')).json();
    expect(list.items.map((r: { id: number }) => r.id)).toContain(runId);
    // The bloc office's run over the whole bloc is not the grassroots office's to see.
    const contentBase64 = await xlsxBase64(exportRows().slice(0, 3));
    const bloc = await s.vanphong.post('/api/reconciliation/runs', {
      fileName: 'khoi.xlsx',
      contentBase64,
      mapping: {
        fullName: 1,
        birthDate: 2,
        citizenId: 3,
        cardNumber: 4,
        admittedOn: 5,
        recognisedOn: 6,
        cell: 7,
        parentUnit: null,
        status: 8,
      },
    });
    expect(bloc.statusCode, bloc.body).toBe(200);
    const blocId = bloc.json().id;
    expect((await s.coso.get(`/api/reconciliation/runs/${blocId}`)).statusCode).toBe(404);
    expect(
      (await s.coso.get('/api/reconciliation/runs')).json().items.map((r: { id: number }) => r.id),
    ).not.toContain(blocId);
    expect((await s.vanphong.get(`/api/reconciliation/runs/${runId}`)).statusCode).toBe(200);
    expect((await s.bithu.get('/api/reconciliation/runs')).statusCode).toBe(403);
  });

  it('refuses a file that is too large, in Vietnamese', async () => {
    const res = await s.coso.post('/api/reconciliation/read', {
      fileName: 'lon.xlsx',
      contentBase64: 'A'.repeat(Math.ceil((15 * 1024 * 1024) / 3) * 4 + 4),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('15 MB');
  });

  it('refuses a mapping without a name column', async () => {
    const res = await s.coso.post('/api/reconciliation/runs', {
      fileName: 'x.xlsx',
      contentBase64: await xlsxBase64(exportRows().slice(0, 2)),
      mapping: {
        fullName: null,
        birthDate: 2,
        citizenId: 3,
        cardNumber: null,
        admittedOn: null,
        recognisedOn: null,
        cell: null,
        parentUnit: null,
        status: null,
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('Họ và tên');
  });
});
