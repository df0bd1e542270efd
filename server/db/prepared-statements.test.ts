import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import {
  preparedStatementsWanted,
  statementName,
  usePreparedStatements,
} from './prepared-statements';

/** A pool whose one client records what reaches the driver. */
const fakePool = () => {
  const pool = new EventEmitter();
  const sent: unknown[] = [];
  const client = { query: (...args: unknown[]) => sent.push(args[0]) };
  return {
    pool: pool as unknown as pg.Pool,
    connect: () => pool.emit('connect', client),
    query: (...args: unknown[]) => client.query(...args),
    names: () => sent.map((s) => (s && typeof s === 'object' ? (s as { name?: string }).name : s)),
  };
};

describe('prepared statements (issue 24: parse and plan once per connection)', () => {
  it('names a statement from its second run on, by its text, and leaves the values alone', () => {
    const f = fakePool();
    usePreparedStatements(f.pool);
    f.connect();
    const text = 'select * from members where id = $1';
    f.query({ text }, [1]);
    f.query({ text }, [2]);
    f.query({ text }, [3]);
    expect(f.names()).toEqual([undefined, statementName(text), statementName(text)]);
  });

  it('never names transaction control, COPY streams, plain strings or a name given by the caller', () => {
    const f = fakePool();
    usePreparedStatements(f.pool);
    f.connect();
    for (let i = 0; i < 2; i++) {
      f.query({ text: 'begin' });
      f.query({ text: 'COPY members FROM STDIN', submit: () => {} });
      f.query('select 1');
      f.query({ text: 'select 2', name: 'mine' });
    }
    const once = [undefined, undefined, 'select 1', 'mine'];
    expect(f.names()).toEqual([...once, ...once]);
  });

  it('keeps at most perConnection statements on a connection; further texts run unnamed', () => {
    const f = fakePool();
    usePreparedStatements(f.pool, { perConnection: 2 });
    f.connect();
    const texts = ['select $1::int', 'select $1::text', 'select $1::date'];
    for (const text of texts) f.query({ text });
    for (const text of texts) f.query({ text });
    expect(f.names().slice(3)).toEqual([
      statementName(texts[0]),
      statementName(texts[1]),
      undefined,
    ]);
  });

  it('is on unless DATABASE_PREPARED_STATEMENTS says off', () => {
    expect(preparedStatementsWanted(undefined)).toBe(true);
    expect(preparedStatementsWanted('on')).toBe(true);
    for (const off of ['off', '0', 'false', 'NO', ' off '])
      expect(preparedStatementsWanted(off)).toBe(false);
  });
});
