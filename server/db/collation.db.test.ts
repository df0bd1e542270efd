import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test/test-db';
import type { Database } from './client';
import { queryRows, sql } from './client';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase('empty');
});
afterAll(async () => database.close());

describe('Vietnamese collation `vi`', () => {
  it('orders letters and tones as Vietnamese does, on PGlite and PostgreSQL alike', async () => {
    const words = [
      'Ư',
      'U',
      'Ơn',
      'Ô',
      'Đặng',
      'Dương',
      'Ân',
      'Ăn',
      'An',
      'mạ',
      'mã',
      'má',
      'mả',
      'mà',
      'ma',
      'Bình',
    ];
    const rows = await queryRows<{ w: string }>(
      database.db,
      sql`select w from (values ${sql.join(
        words.map((w) => sql`(${w})`),
        sql`, `,
      )}) as v(w) order by w collate vi`,
    );
    expect(rows.map((r) => r.w)).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bình',
      'Dương',
      'Đặng',
      'ma',
      'mà',
      'mả',
      'mã',
      'má',
      'mạ',
      'Ô',
      'Ơn',
      'U',
      'Ư',
    ]);
  });

  it('folds diacritics and đ in the search key', async () => {
    const [row] = await queryRows<{ k: string }>(
      database.db,
      sql`select lower(immutable_unaccent('Đặng Thị Hưởng')) as k`,
    );
    expect(row.k).toBe('dang thi huong');
  });
});
