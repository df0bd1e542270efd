// Issue 18: record scope is decided in server/platform/access only. A module never writes the
// actor's scope into SQL by hand (`${actor.scopePath}::ltree`) nor compares a role with a literal
// (`actor.role === 'member'`); it calls `inScope`/`requireAccess` and the named rules of
// role-rules.ts. This scan enforces that on server/modules (run by `npm run check` and a unit test).
// The allow-list holds what is still to migrate; an entry that no longer needs it is an error too,
// so the list only shrinks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Folders (or files) of server/modules still allowed the old forms: none since issue 18. */
export const accessAllowList: readonly string[] = [];

const roleLiteral = `'(?:admin|org_office|inspection|standing|grassroots_office|cell_secretary|member)'`;
const checks: { name: string; pattern: RegExp }[] = [
  // The raw scope: any use of the actor's scope path (SQL or string comparison) belongs to access/.
  {
    name: 'raw scope path (use inScope / containsScope / requireAccess)',
    pattern: /\bscopePath\b/,
  },
  {
    name: 'role literal comparison (use a named rule of platform/access/role-rules.ts)',
    pattern: new RegExp(
      `\\brole\\s*[!=]==?\\s*${roleLiteral}|${roleLiteral}\\s*[!=]==?\\s*[\\w.]*\\brole\\b|\\.includes\\(\\s*[\\w.]*\\brole\\s*\\)`,
    ),
  },
];

export type AccessViolation = { file: string; line: number; rule: string; text: string };

/** The violations in one source file (path relative to the repository root, with `/`). */
export const accessViolationsIn = (file: string, text: string): AccessViolation[] => {
  const out: AccessViolation[] = [];
  text.split('\n').forEach((line, i) => {
    for (const c of checks)
      if (c.pattern.test(line)) out.push({ file, line: i + 1, rule: c.name, text: line.trim() });
  });
  return out;
};

const sourceFiles = (root: string, dir: string): string[] =>
  readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(root, rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });

/** Violations outside the allow-list, and allow-list entries that no longer cover any. */
export const scanModuleAccess = (root: string, allowList = accessAllowList) => {
  const all = sourceFiles(root, 'server/modules').flatMap((f) =>
    accessViolationsIn(f, readFileSync(path.join(root, f), 'utf8')),
  );
  const allowed = (v: AccessViolation) => allowList.some((a) => v.file.startsWith(a));
  return {
    violations: all.filter((v) => !allowed(v)),
    allowed: all.filter(allowed),
    staleAllowances: allowList.filter((a) => !all.some((v) => v.file.startsWith(a))),
  };
};
