import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessViolationsIn, scanModuleAccess } from './source-rules';

describe('access source rules (issue 18)', () => {
  it('flags raw scope SQL and role literals, and nothing else', () => {
    const flagged = (line: string) => accessViolationsIn('x.ts', line).length;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    expect(flagged('sql`o.path <@ ${actor.scopePath}::ltree`')).toBe(1);
    expect(flagged("if (actor.role === 'member') return;")).toBe(1);
    expect(flagged("if (actor.role !== 'cell_secretary') return;")).toBe(1);
    expect(flagged("if ('inspection' === actor.role) return;")).toBe(1);
    expect(flagged('if (officeRoles.includes(actor.role)) return;')).toBe(1);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text under test
    expect(flagged('sql`${inScope(actor, sql`o.path`)}`')).toBe(0);
    expect(flagged('if (input.role !== before.role) return;')).toBe(0);
    expect(flagged("if (unit.kind === 'cell') return;")).toBe(0);
    expect(flagged("recount(tx, 'member', ids)")).toBe(0);
  });

  it('holds server/modules to the access layer outside the allow-list, which only shrinks', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const { violations, staleAllowances } = scanModuleAccess(root);
    expect(violations).toEqual([]);
    expect(staleAllowances).toEqual([]);
  });
});
