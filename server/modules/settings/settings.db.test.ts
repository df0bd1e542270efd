// An empty installation (DANGVU_SEED=none) set up by its administrator: the placeholder top committee
// refuses a unit established in 2015 (before 01/02/2025) until the set-up records the committee's
// real establishment and earlier name; then a 2020 report is headed with the 2020 name, the superior
// line and the place. The place setting; the set-up only once.
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { type Db, queryOne, queryRows, sql } from '../../db/client';
import { users } from '../../db/schema/index';
import { hashPassword } from '../../platform/auth/password';
import { firstStartFromEnv } from '../../seed/first-start';
import { seedEmpty } from '../../seed/load-demo';
import { TEST_PASSWORD, TEST_TOTP_SECRET } from '../../test/constants';
import { loginAs, openTestDatabase, type Session, TEST_COOKIE_SECRET } from '../../test/test-db';

let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;
let close: () => Promise<void>;
let admin: Session;
let rootId: number;

beforeAll(async () => {
  const database = await openTestDatabase('empty');
  await seedEmpty(database.db);
  await database.db
    .update(users)
    .set({
      passwordHash: await hashPassword(TEST_PASSWORD),
      mustChangePassword: false,
      totpSecret: TEST_TOTP_SECRET,
      totpEnabled: true,
    })
    .where(eq(users.username, 'admin'));
  db = database.db;
  app = await buildApp({ database, cookieSecret: TEST_COOKIE_SECRET, serveWeb: false });
  close = async () => {
    await app.close();
    await database.close();
  };
  admin = await loginAs(app, 'admin');
  rootId = (await queryOne<{ id: number }>(
    db,
    sql`select id from org_units where parent_id is null`,
  ))!.id;
});
afterAll(async () => close());

const establish = (name: string, effectiveDate: string) =>
  admin.post('/api/org-units/operations', {
    kind: 'establish',
    parentId: rootId,
    unitKind: 'grassroots_committee',
    name,
    effectiveDate,
    decisionNumber: '12-QĐ/ĐU',
  });

const documentXml = async (docx: Buffer) =>
  (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');

describe('the first start of an empty installation', () => {
  it('asks for the set-up: the top committee is a placeholder established 01/02/2025', async () => {
    const res = await admin.get('/api/settings');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      setupPending: true,
      document: { place: '', superiorName: '' },
      root: { name: 'Đảng bộ các cơ quan Đảng tỉnh', establishedOn: '2025-02-01' },
    });
  });

  it('refuses a grassroots committee established in 2015 under a committee established in 2025', async () => {
    const res = await establish('Đảng bộ Sở Y tế', '2015-06-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'Đảng bộ các cơ quan Đảng tỉnh thành lập ngày 01/02/2025: tổ chức trực thuộc không thể có hiệu lực từ ngày 01/06/2015, trước khi tổ chức cấp trên được thành lập.',
    );
  });

  it('records the committee established 27/09/1954 as "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn" until 01/02/2025', async () => {
    const res = await admin.post('/api/settings/first-start', {
      name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
      kind: 'upper_committee',
      establishedOn: '1954-09-27',
      superiorName: 'Đảng bộ tỉnh Lạng Sơn',
      place: '',
      earlierNames: [{ name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', until: '2025-02-01' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await admin.get('/api/settings')).json();
    expect(view.setupPending).toBe(false);
    expect(view.derivedPlace).toBe('Lạng Sơn');
    expect(view.root.history).toEqual([
      {
        name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
        validFrom: '1954-09-27',
        validTo: '2025-02-01',
      },
      { name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn', validFrom: '2025-02-01', validTo: null },
    ]);
    expect((await establish('Đảng bộ Sở Y tế', '2015-06-01')).statusCode).toBe(200);
    const audit = await queryOne<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'settings.first_start'`,
    );
    expect(audit?.n).toBe(1);
  });

  it('heads a 2020 report "ĐẢNG BỘ TỈNH LẠNG SƠN / ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN", dated at Lạng Sơn on the chosen day', async () => {
    const start = await admin.post('/api/reports/annual/generate', {
      year: 2020,
      documentDate: '2020-04-03',
    });
    expect(start.statusCode, start.body).toBe(200);
    let draftId = 0;
    for (let i = 0; i < 600 && !draftId; i++) {
      const job = (await admin.get(`/api/reports/jobs/${start.json().jobId}`)).json();
      if (job.status === 'failed') throw new Error(job.error);
      if (job.status === 'done') draftId = job.draftId;
      else await new Promise((r) => setTimeout(r, 50));
    }
    const draft = (await admin.get(`/api/reports/annual/${draftId}`)).json();
    expect(draft.model.header).toMatchObject({
      superiorName: 'ĐẢNG BỘ TỈNH LẠNG SƠN',
      issuerName: 'ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN',
      placeDate: 'Lạng Sơn, ngày 03 tháng 4 năm 2020',
    });
    expect(draft.model.recipients).toEqual([
      '- Ban Thường vụ Tỉnh ủy Lạng Sơn (b/c),',
      '- Các ban xây dựng Đảng Tỉnh ủy Lạng Sơn,',
      '- Các tổ chức đảng trực thuộc,',
      '- Lưu Văn phòng Đảng ủy.',
    ]);
    const docx = await admin.get(`/api/reports/annual/${draftId}/export?format=docx`);
    const xml = await documentXml(docx.rawPayload);
    const plain = xml.replace(/<[^>]+>/g, '');
    expect(plain).toContain('ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH LẠNG SƠN');
    expect(plain).toContain('Lạng Sơn, ngày 03 tháng 4 năm 2020');
    // "Nơi nhận" in the Party format (36-HD/VPTW): underlined, upright, 14 pt; recipients 12 pt.
    const words = xml.match(/<w:r>(?:(?!<\/w:r>).)*>Nơi nhận<\/w:t><\/w:r>/)?.[0] ?? '';
    expect(words).toContain('<w:u ');
    expect(words).not.toContain('<w:i/>');
    expect(words).toContain('<w:sz w:val="28"/>');
    const archive = xml.match(/<w:r>(?:(?!<\/w:r>).)*- Lưu Văn phòng Đảng ủy\.<\/w:t><\/w:r>/)?.[0];
    expect(archive).toContain('<w:sz w:val="24"/>');
  });

  it('refuses to move a cell, on 01/03/2021, under a committee established on 01/01/2022', async () => {
    const op = async (body: object) => {
      const res = await admin.post('/api/org-units/operations', {
        decisionNumber: '20-QĐ/ĐU',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().affectedUnitIds[0] as number;
    };
    const older = await op({
      kind: 'establish',
      parentId: rootId,
      unitKind: 'grassroots_committee',
      name: 'Đảng bộ Sở Tài chính',
      effectiveDate: '2015-01-01',
    });
    const newer = await op({
      kind: 'establish',
      parentId: rootId,
      unitKind: 'grassroots_committee',
      name: 'Đảng bộ Sở Xây dựng',
      effectiveDate: '2022-01-01',
    });
    const cell = await op({
      kind: 'establish',
      parentId: older,
      unitKind: 'cell',
      name: 'Chi bộ Phòng Ngân sách',
      effectiveDate: '2016-01-01',
    });
    const move = await admin.post('/api/org-units/operations', {
      kind: 'move',
      orgUnitId: cell,
      newParentId: newer,
      effectiveDate: '2021-03-01',
      decisionNumber: '21-QĐ/ĐU',
    });
    expect(move.statusCode).toBe(400);
    expect(move.json().fields).toEqual([
      {
        path: 'effectiveDate',
        message:
          'Đảng bộ Sở Xây dựng thành lập ngày 01/01/2022: tổ chức trực thuộc không thể có hiệu lực từ ngày 01/03/2021, trước khi tổ chức cấp trên được thành lập.',
      },
    ]);
    await op({
      kind: 'move',
      orgUnitId: cell,
      newParentId: newer,
      effectiveDate: '2022-01-01',
    });
  });

  it('refuses a report of 2020 dated in 2019', async () => {
    const res = await admin.post('/api/reports/annual/generate', {
      year: 2020,
      documentDate: '2019-12-31',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('Báo cáo năm 2020 không thể ghi ngày trước ngày 01/01/2020.');
  });

  it('keeps the place an administrator sets, and the set-up only once', async () => {
    const put = await admin.put('/api/settings/document', {
      place: 'TP. Lạng Sơn',
      superiorName: 'Đảng bộ tỉnh Lạng Sơn',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await admin.get('/api/settings')).json().document.place).toBe('TP. Lạng Sơn');
    const again = await admin.post('/api/settings/first-start', {
      name: 'X',
      kind: 'upper_committee',
      establishedOn: '2000-01-01',
      superiorName: '',
      place: '',
    });
    expect(again.statusCode).toBe(409);
  });
});

describe('the first-start set-up from the environment', () => {
  it('reads DANGVU_ROOT_NAME, DANGVU_ROOT_ESTABLISHED, DANGVU_ROOT_EARLIER and DANGVU_SUPERIOR', () => {
    expect(
      firstStartFromEnv({
        DANGVU_ROOT_NAME: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
        DANGVU_ROOT_ESTABLISHED: '1954-09-27',
        DANGVU_ROOT_EARLIER: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn|2025-02-01',
        DANGVU_SUPERIOR: 'Đảng bộ tỉnh Lạng Sơn',
      }),
    ).toEqual({
      name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
      kind: 'upper_committee',
      establishedOn: '1954-09-27',
      superiorName: 'Đảng bộ tỉnh Lạng Sơn',
      place: '',
      earlierNames: [{ name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn', until: '2025-02-01' }],
    });
    expect(firstStartFromEnv({})).toBeNull();
    expect(() =>
      firstStartFromEnv({ DANGVU_ROOT_NAME: 'X', DANGVU_ROOT_ESTABLISHED: '27/09/1954' }),
    ).toThrow(/DANGVU_ROOT_ESTABLISHED/);
  });
});

describe('a first start with the set-up in the environment', () => {
  it('creates the committee with its establishment, earlier name and superior, nothing left pending', async () => {
    const database = await openTestDatabase('empty');
    try {
      const setup = firstStartFromEnv({
        DANGVU_ROOT_NAME: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
        DANGVU_ROOT_ESTABLISHED: '1954-09-27',
        DANGVU_ROOT_EARLIER: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn|2025-02-01',
        DANGVU_SUPERIOR: 'Đảng bộ tỉnh Lạng Sơn',
      });
      const [account] = await seedEmpty(database.db, setup);
      expect(account.scope).toBe('Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn');
      const names = await queryRows(
        database.db,
        sql`select h.name, h.valid_from, h.valid_to, o.established_on from org_unit_history h
            join org_units o on o.id = h.org_unit_id order by h.valid_from`,
      );
      expect(names).toEqual([
        {
          name: 'Đảng bộ Khối các cơ quan tỉnh Lạng Sơn',
          valid_from: '1954-09-27',
          valid_to: '2025-02-01',
          established_on: '1954-09-27',
        },
        {
          name: 'Đảng bộ các cơ quan Đảng tỉnh Lạng Sơn',
          valid_from: '2025-02-01',
          valid_to: null,
          established_on: '1954-09-27',
        },
      ]);
      const pending = await queryOne<{ value: boolean }>(
        database.db,
        sql`select value from settings where key = 'setup.pending'`,
      );
      expect(pending?.value).toBe(false);
    } finally {
      await database.close();
    }
  });
});
