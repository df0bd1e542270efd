import { describe, expect, it } from 'vitest';
import { createDataChanges, isRead } from './data-changes';

describe('which statements count as writes for the change counter', () => {
  it('plain selects and read-only CTEs are reads', () => {
    expect(isRead('select 1')).toBe(true);
    expect(isRead('  SELECT * FROM members FOR UPDATE')).toBe(true);
    expect(isRead('with s as (select id from members) select count(*) from s')).toBe(true);
  });
  it('writes, CTEs that write, COPY and transaction control are writes', () => {
    expect(isRead('insert into members (id) values (1)')).toBe(false);
    expect(isRead('update "members" set "full_name" = $1')).toBe(false);
    expect(isRead('with d as (delete from sessions returning id) select count(*) from d')).toBe(
      false,
    );
    expect(isRead('with u as (update "members" set x = 1 returning id) select 1')).toBe(false);
    expect(isRead('copy members from stdin')).toBe(false);
    expect(isRead('commit')).toBe(false);
    expect(isRead('truncate table members')).toBe(false);
  });
});

describe('per-table change versions', () => {
  it('an answer stays valid while the tables it read are unchanged; an unattributed change ends all', () => {
    const changes = createDataChanges({ kind: 'pglite' });
    const start = changes.version;
    const read = new Set(['members', 'org_units']);
    changes.bump(['evaluations']);
    expect(changes.changedSince(start, read)).toBe(false);
    changes.bump(['org_units']);
    expect(changes.changedSince(start, read)).toBe(true);
    const later = changes.version;
    expect(changes.changedSince(later, read)).toBe(false);
    changes.bump([]);
    expect(changes.changedSince(later, read)).toBe(false);
    changes.bump();
    expect(changes.changedSince(later, new Set(['anything']))).toBe(true);
  });
});
