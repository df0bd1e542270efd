// `npm run check` step: the import rules of .dependency-cruiser.cjs, plus the one rule it cannot state:
// no cycle between modules. Every module reaches another only through its face (index.ts), so a cycle
// of modules would not always show as a cycle of files; it is found here on the graph of modules.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { scanModuleAccess } from '../server/platform/access/source-rules';

type Cruised = {
  modules: { source: string; dependencies: { resolved: string; dependencyTypes: string[] }[] }[];
  summary: {
    violations: { from: string; to: string; rule: { name: string }; cycle?: { name: string }[] }[];
  };
};

const root = path.resolve(import.meta.dirname, '..');
const bin = path.join(root, 'node_modules/.bin/depcruise');
const scanned = ['domain', 'contracts', 'server', 'scripts', 'ops', 'bench', 'e2e', 'web/src'];
const json = execFileSync(
  bin,
  [...scanned, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
  { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
);
const result = JSON.parse(json) as Cruised;

const moduleOf = (file: string) => /^server\/modules\/([^/]+)\//.exec(file)?.[1];

/** Edges between modules from non-test files, with one file pair per edge as the witness. */
export const moduleGraph = (cruised: Cruised) => {
  const edges = new Map<string, Map<string, string>>();
  for (const m of cruised.modules) {
    const from = moduleOf(m.source);
    if (!from || /\.test\.ts$/.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (!to || to === from || d.dependencyTypes.includes('type-only')) continue;
      const out = edges.get(from) ?? new Map<string, string>();
      if (!out.has(to)) out.set(to, `${m.source} → ${d.resolved}`);
      edges.set(from, out);
    }
  }
  return edges;
};

/** Strongly connected groups of more than one module (Tarjan). */
export const moduleCycles = (edges: Map<string, Map<string, string>>): string[][] => {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups;
};

let failed = 0;
for (const v of result.summary.violations) {
  failed++;
  const cycle = v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name).join(' → ')})` : '';
  console.error(`✗ ${v.rule.name}: ${v.from} → ${v.to}${cycle}`);
}
const edges = moduleGraph(result);
for (const group of moduleCycles(edges)) {
  failed++;
  console.error(`✗ module cycle: ${group.join(', ')}`);
  for (const from of group)
    for (const [to, witness] of edges.get(from) ?? [])
      if (group.includes(to)) console.error(`    ${from} → ${to}: ${witness}`);
}
// Issue 18: scope and role rules live in server/platform/access; modules call it (source-rules.ts).
const access = scanModuleAccess(root);
for (const v of access.violations) {
  failed++;
  console.error(`✗ ${v.rule}: ${v.file}:${v.line}  ${v.text}`);
}
for (const a of access.staleAllowances) {
  failed++;
  console.error(`✗ ${a} needs no access allowance any more: remove it from accessAllowList`);
}
if (failed > 0) {
  console.error(
    `${failed} import rule violation(s); see .dependency-cruiser.cjs and docs/ARCHITECTURE.md`,
  );
  process.exit(1);
}
console.log(
  `✔ import rules hold: ${result.modules.length} files, ${edges.size} modules with outgoing edges, no module cycle; access rules hold`,
);
