// The response cache keeps an answer while none of the tables it read has changed: the tables a
// statement names must never be missed (too many only costs a recomputation).
import { describe, expect, it } from 'vitest';
import {
  endsTransaction,
  isControl,
  TRACKED_TABLES,
  tablesIn,
  tablesWrittenBy,
  UNTRACKED_TABLES,
} from './statement-tables';

describe('the tables a statement names', () => {
  it('finds quoted and unquoted names, joins and comma joins, each once', () => {
    expect(
      [...tablesIn('select "members"."id" from "members" left join "org_units" on 1=1')].sort(),
    ).toEqual(['members', 'org_units']);
    expect([...tablesIn('SELECT * FROM members m, org_units o WHERE m.x = o.y')].sort()).toEqual([
      'members',
      'org_units',
    ]);
    expect(tablesIn('select 1')).toEqual([]);
  });
  it('does not take a longer name or a column for a table', () => {
    expect(tablesIn('select * from member_name_keys')).toEqual(['member_name_keys']);
    expect(tablesIn('select members_count from x')).toEqual([]);
  });
  it('leaves out the tables without the change trigger', () => {
    expect(tablesIn('update sessions set last_seen_at = now()')).toEqual([]);
    for (const t of UNTRACKED_TABLES) expect(TRACKED_TABLES).not.toContain(t);
    expect(TRACKED_TABLES).toContain('members');
  });
  it('a write to members also changes the name keys its trigger writes (migration 0014)', () => {
    expect([...tablesWrittenBy('update "members" set "full_name" = $1')].sort()).toEqual([
      'member_name_keys',
      'members',
    ]);
  });
  it('knows transaction control, and that a rollback to a savepoint does not end it', () => {
    expect(isControl('BEGIN')).toBe(true);
    expect(isControl('savepoint sp1')).toBe(true);
    expect(isControl('insert into members values (1)')).toBe(false);
    expect(endsTransaction('commit')).toBe(true);
    expect(endsTransaction('ROLLBACK')).toBe(true);
    expect(endsTransaction('rollback to savepoint sp1')).toBe(false);
    expect(endsTransaction('begin')).toBe(false);
  });
});
