import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../../db/client';
import { demoFixtures } from '../../test/fixtures';
import { loginAs, openTestApp, type Session } from '../../test/test-db';
import { readMemberPhoto } from './index';
import { makeTestImage, readJpegInfo } from './member-photo.image';

let t: Awaited<ReturnType<typeof openTestApp>>;
let f: Awaited<ReturnType<typeof demoFixtures>>;
let office: Session;

beforeAll(async () => {
  t = await openTestApp('demo');
  f = await demoFixtures(t.db);
  office = await loginAs(t.app, 'vanphong');
});
afterAll(async () => t.close());

/** A 900 × 1000 portrait: a dark face-coloured block in the middle of a light background. */
const portrait = (type: 'image/jpeg' | 'image/png') =>
  makeTestImage(type, 900, 1000, (x, y) =>
    x > 300 && x < 600 && y > 250 && y < 650 ? [170, 120, 90, 255] : [235, 235, 240, 255],
  );
const upload = (bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  contentBase64: bytes.toString('base64'),
  fileName: 'ảnh chân dung.jpg',
  ...extra,
});
const photoUrl = (id: number) => `/api/members/${id}/photo`;
const auditOf = (memberId: number) =>
  queryRows<{ action: string; before: unknown; after: { sha256: string } | null }>(
    t.db,
    sql`select action, before, after from audit_log
        where entity_type = 'member' and entity_id = ${String(memberId)} and action like 'member.photo%'
        order by id`,
  );

describe('member photos', () => {
  it('stores a JPEG cropped to the chosen 3:4 rectangle as a 450 × 600 JPEG, shown on the record', async () => {
    const id = f.memberInCell.id;
    const crop = { x: 300, y: 250, width: 300, height: 400 };
    const res = await office.put(photoUrl(id), upload(portrait('image/jpeg'), { crop }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ memberId: id, width: 450, height: 600 });
    const got = await office.get(photoUrl(id));
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(readJpegInfo(got.rawPayload)).toMatchObject({ width: 450, height: 600 });
    // The crop kept the face block only: the middle of the stored photo is face-coloured.
    expect(got.rawPayload.length).toBe(res.json().size);
    // The forms read the same bytes.
    const forForms = await readMemberPhoto(t.db, id);
    expect(forForms?.mime).toBe('image/jpeg');
    expect(forForms?.bytes.equals(got.rawPayload)).toBe(true);
  });

  it('replaces it with a PNG and keeps both hashes in the audit log', async () => {
    const id = f.memberInCell.id;
    const res = await office.put(photoUrl(id), upload(portrait('image/png'), { crop: null }));
    expect(res.statusCode, res.body).toBe(200);
    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['member.photo_upload', 'member.photo_replace']);
    expect(audit[1].before).toEqual({ sha256: audit[0].after?.sha256, size: expect.any(Number) });
    expect(audit[1].after?.sha256).toBe(res.json().sha256);
  });

  it('refuses another type, even named .jpg, with a Vietnamese message', async () => {
    const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(200)]);
    const res = await office.put(photoUrl(f.memberInCell.id), upload(gif));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(
      'Chỉ nhận ảnh JPEG hoặc PNG: nội dung tệp không phải ảnh JPEG/PNG (tệp có thể bị đổi đuôi).',
    );
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n');
    expect((await office.put(photoUrl(f.memberInCell.id), upload(pdf))).statusCode).toBe(400);
  });

  it('refuses a file over 5 MB and a crop of another shape', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const res = await office.put(photoUrl(f.memberInCell.id), upload(big));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/chỉ nhận ảnh không quá 5 MB/);
    const square = await office.put(
      photoUrl(f.memberInCell.id),
      upload(portrait('image/jpeg'), { crop: { x: 0, y: 0, width: 500, height: 500 } }),
    );
    expect(square.statusCode).toBe(400);
    expect(square.json().fields[0]).toMatchObject({ path: 'crop' });
  });

  it('answers "not found" outside the subtree, and a member sees but cannot change their own', async () => {
    const coso = await loginAs(t.app, 'coso');
    const outside = await coso.put(photoUrl(f.memberElsewhere.id), upload(portrait('image/jpeg')));
    expect(outside.statusCode).toBe(404);
    expect((await coso.get(photoUrl(f.memberElsewhere.id))).statusCode).toBe(404);
    expect((await coso.delete(photoUrl(f.memberElsewhere.id))).statusCode).toBe(404);
    expect(await readMemberPhoto(t.db, f.memberElsewhere.id)).toBeNull();
    const self = await loginAs(t.app, 'dangvien');
    // The demo member's own record is the member photographed above (200) or another one (204).
    expect((await self.get(photoUrl(f.selfMemberId))).statusCode).toBe(
      f.selfMemberId === f.memberInCell.id ? 200 : 204,
    );
    expect(
      (await self.put(photoUrl(f.selfMemberId), upload(portrait('image/jpeg')))).statusCode,
    ).toBe(403);
    expect((await self.get(photoUrl(f.memberInSibling.id))).statusCode).toBe(404);
  });

  it('lists a round with photo present or missing and exports the 2 × 3 photos named by code', async () => {
    const list = await office.get(`/api/members/card-photos?orgUnitId=${f.cellId}&kind=all`);
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    const row = body.items.find((i: { memberId: number }) => i.memberId === f.memberInCell.id);
    expect(row).toMatchObject({ hasPhoto: true });
    expect(body.withPhoto).toBe(1);
    expect(body.missing).toBe(body.total - 1);
    const fresh = await office.get(`/api/members/card-photos?orgUnitId=${f.cellId}&kind=new_card`);
    for (const i of fresh.json().items) expect(i.cardNumber ?? '').toBe('');
    const exchange = await office.get(
      `/api/members/card-photos?orgUnitId=${f.cellId}&kind=exchange`,
    );
    for (const i of exchange.json().items) {
      expect(i.cardNumber).toBeTruthy();
      expect(i.status).not.toBe('probationary');
    }
    const missing = await office.get(
      `/api/members/card-photos?orgUnitId=${f.cellId}&kind=all&missingOnly=true`,
    );
    expect(missing.json().total).toBe(body.missing);

    const zip = await office.get(
      `/api/members/card-photos/export.zip?orgUnitId=${f.cellId}&kind=all`,
    );
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const photo = files[`anh-the/${row.code}.jpg`];
    expect(photo).toBeDefined();
    expect(readJpegInfo(photo)).toMatchObject({ width: 400, height: 600 });
    expect(Object.keys(files).filter((n) => n.startsWith('anh-the/'))).toHaveLength(1);
    const docx = unzipSync(files['danh-sach-anh-the.docx']);
    const xml = new TextDecoder().decode(docx['word/document.xml']);
    expect(xml).toContain('DANH SÁCH ẢNH THẺ ĐẢNG VIÊN');
    expect(xml).toContain(f.memberInCell.full_name);
    expect(Object.keys(docx).some((n) => n.startsWith('word/media/'))).toBe(true);
    expect(new TextDecoder().decode(files['thieu-anh.txt'])).toContain(
      `Đảng viên chưa có ảnh (${body.missing})`,
    );
    const coso = await loginAs(t.app, 'coso');
    expect(
      (await coso.get(`/api/members/card-photos?orgUnitId=${f.otherCommitteeId}`)).statusCode,
    ).toBe(404);
  });

  it('removes the photo (audited); the record then has none', async () => {
    const id = f.memberInCell.id;
    expect((await office.delete(photoUrl(id))).statusCode).toBe(200);
    expect((await office.get(photoUrl(id))).statusCode).toBe(204);
    expect((await office.delete(photoUrl(id))).statusCode).toBe(400);
    expect((await auditOf(id)).at(-1)?.action).toBe('member.photo_remove');
  });
});
