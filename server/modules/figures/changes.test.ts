// The read-model layer's contract without a database: marks need a withFigures transaction, are
// applied once (deduplicated) after the writer's function, and not at all when it throws.

import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client';
import {
  type FiguresTx,
  markMemberFactsChanged,
  markMemberRowChanged,
  markUnitCounted,
  withFigures,
} from './changes';
import type { RollupSource } from './member-rollup';

const dialect = new PgDialect();

/** A database whose transaction records the statements run in it. */
const fakeDb = () => {
  const statements: { text: string; params: unknown[] }[] = [];
  const tx = {
    execute: async (q: SQL) => {
      const { sql: text, params } = dialect.sqlToQuery(q);
      statements.push({ text, params });
      return { rows: [] };
    },
  };
  const db = { transaction: async <T>(fn: (t: unknown) => Promise<T>) => fn(tx) } as unknown as Db;
  return { db, tx, statements };
};

const member = (over: Partial<RollupSource> = {}): RollupSource => ({
  orgUnitId: 5,
  status: 'full',
  sex: 'male',
  birthDate: '1980-01-01',
  ethnicity: 'Kinh',
  religion: 'Không',
  professionalLevel: 'university',
  politicalTheory: 'elementary',
  partyAgeFrom: '2005-03-02',
  ...over,
});

describe('withFigures', () => {
  it('refuses a mark in a transaction it did not open, and after it applied', async () => {
    const { db, tx } = fakeDb();
    expect(() => markMemberFactsChanged(tx as unknown as FiguresTx, [1])).toThrow(/withFigures/);
    let kept: FiguresTx | null = null;
    await withFigures(db, async (t) => {
      kept = t;
    });
    expect(() => markMemberFactsChanged(kept!, [1])).toThrow(/withFigures/);
  });

  it('applies the marks once, deduplicated, after the writer', async () => {
    const { db, statements } = fakeDb();
    await withFigures(db, async (tx) => {
      markMemberFactsChanged(tx, [1, 2]);
      markMemberFactsChanged(tx, [2, 3]);
      expect(statements).toHaveLength(0);
    });
    const recounts = statements.filter((s) => s.text.includes('delete from placed_facts'));
    expect(recounts).toHaveLength(1);
    expect(recounts[0].params).toEqual(expect.arrayContaining([1, 2, 3]));
  });

  it('moves a member changed twice by the difference from its first row to its last', async () => {
    const { db, statements } = fakeDb();
    await withFigures(db, async (tx) => {
      markMemberRowChanged(tx, 7, member(), member({ orgUnitId: 6 }));
      markMemberRowChanged(tx, 7, member({ orgUnitId: 6 }), member());
      // A unit established and dissolved again: counted as before.
      markUnitCounted(tx, 9, 'cell', 1);
      markUnitCounted(tx, 9, 'cell', -1);
    });
    expect(statements).toHaveLength(0);
  });

  it('applies nothing when the writer throws', async () => {
    const { db, statements } = fakeDb();
    await expect(
      withFigures(db, async (tx) => {
        markMemberFactsChanged(tx, [1]);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(statements).toHaveLength(0);
  });
});
