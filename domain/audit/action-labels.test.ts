// Every action the system writes to the audit log has a Vietnamese label (issue 22: the log showed
// raw codes such as "read_case_file"). The codes are collected by reading server/ as it is now, so an
// audited action added without a label fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orgOperationKinds } from '../enums/org-units';
import {
  auditActionLabels,
  auditAreaLabels,
  auditRecordKindLabels,
  auditRecordLink,
} from './action-labels';

const root = path.resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** The text of each `writeAudit(…)` call: its balanced parentheses. */
const auditCalls = (text: string): string[] => {
  const calls: string[] = [];
  for (let i = text.indexOf('writeAudit('); i >= 0; i = text.indexOf('writeAudit(', i + 1)) {
    let depth = 0;
    let j = i + 'writeAudit'.length;
    for (; j < text.length; j++) {
      if (text[j] === '(') depth++;
      else if (text[j] === ')' && --depth === 0) break;
    }
    calls.push(text.slice(i, j + 1));
  }
  return calls.filter((c) => !c.startsWith('writeAudit(tx: DbOrTx')); // its own definition
};
const literals = (expr: string) => [...expr.matchAll(/'([^']+)'/g)].map((m) => m[1]);

/**
 * Actions built at run time, and where their values come from. A new dynamic form fails the test
 * until it is listed here with its values.
 */
const dynamic: Record<string, (file: string) => string[]> = {
  '`org.${input.kind}`': () => orgOperationKinds.map((k) => `org.${k}`),
  // steps.service.ts `audit(tx, actor, r, 'self_assess', …)`, called across the evaluations module.
  '`evaluation.${action}`': () =>
    sources('server/modules/evaluations').flatMap((f) =>
      [...read(f).matchAll(/\baudit\(tx, actor, \w+, '([^']+)'/g)].map((m) => `evaluation.${m[1]}`),
    ),
  // key-tasks.service.ts: insertKeyTask(tx, actor, input, { action: 'plans.task.create' }).
  'audit.action': (file) => [...read(file).matchAll(/\{ action: '([^']+)'/g)].map((m) => m[1]),
};

const used = () => {
  const actions = new Map<string, string>();
  const kinds = new Map<string, string>();
  for (const file of sources('server')) {
    for (const call of auditCalls(read(file))) {
      // The rest of the line after `action:`, without what follows on a one-line call.
      const line = call.match(/\baction:\s*([^\n]*)/)?.[1];
      expect(line, `${file}: writeAudit without an action`).toBeTruthy();
      const expr = (line ?? '')
        .replace(/,\s*entityType:.*$/, '')
        .replace(/,\s*$/, '')
        .trim();
      const codes = dynamic[expr]
        ? dynamic[expr](file)
        : /^[^`]*$/.test(expr) && literals(expr).length > 0
          ? literals(expr)
          : [];
      expect(codes.length, `${file}: cannot read the action codes of ${expr}`).toBeGreaterThan(0);
      for (const code of codes) actions.set(code, file);
      const kind = call.match(/\bentityType:\s*'([^']+)'/)?.[1];
      if (kind) kinds.set(kind, file);
    }
  }
  return { actions, kinds };
};

describe('audit log labels', () => {
  const { actions, kinds } = used();

  it('finds the audited actions of the whole server (login, a case file read, an org change…)', () => {
    for (const code of [
      'login',
      'totp_enabled',
      'read_case_file',
      'org.merge',
      'plans.task.create',
    ])
      expect(actions.has(code), code).toBe(true);
    expect(actions.size).toBeGreaterThan(100);
  });

  it('has a Vietnamese label for every action code used in the code base', () => {
    const missing = [...actions].filter(([code]) => !auditActionLabels[code]);
    expect(missing.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('names every kind of record the log is about', () => {
    const missing = [...kinds].filter(([kind]) => !auditRecordKindLabels[kind]);
    expect(missing.map(([kind, file]) => `${kind} (${file})`)).toEqual([]);
  });

  it('puts each label in a named area, in Vietnamese, without two actions reading alike', () => {
    const labels = Object.values(auditActionLabels);
    for (const l of labels) {
      expect(auditAreaLabels[l.area]).toBeTruthy();
      expect(l.label).not.toMatch(/[._]/);
    }
    expect(new Set(labels.map((l) => l.label)).size).toBe(labels.length);
  });

  it('links a member to their record and a case to its page, a list when there is no own page', () => {
    expect(auditRecordLink('member', '42')).toBe('/dang-vien/42');
    expect(auditRecordLink('inspection_case', '7')).toBe('/kiem-tra-giam-sat/7');
    expect(auditRecordLink('member', null)).toBe('/dang-vien');
    expect(auditRecordLink('key_task', '3')).toBe('/ke-hoach');
    expect(auditRecordLink('document', '5')).toBeNull();
  });
});
