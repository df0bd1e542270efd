// `npm run build`: the production build into dist/ (plain JavaScript, so that it runs without tsx).
// - dist/server/: the server and the command-line tools, bundled by esbuild from our TypeScript; every
//   package of node_modules stays an import (PGlite loads its wasm and data files from its own package),
//   so only `dependencies` are needed to run it. The migrations are copied next to the bundle, where
//   server/db/client.ts looks for them (a `migrations` folder beside the running file).
// - dist/web/: the web app, by Vite.
// Each part ends by writing its stamp (dist/server/.stamp, dist/web/.stamp); scripts/start.mjs rebuilds
// a part whose stamp is missing or older than any of its sources.
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverDist = path.join(root, 'dist/server');
export const webDist = path.join(root, 'dist/web');

/** The bundles of dist/server: the server and the command-line tools (`npm run backup` …). */
export const serverEntries = {
  main: 'server/main.ts',
  backup: 'scripts/backup.ts',
  restore: 'scripts/restore.ts',
  report: 'scripts/report.ts',
  'audit-verify': 'scripts/audit-verify.ts',
};

/** What each part is built from: folders (tests excluded) and single files. */
const sources = {
  server: ['server', 'domain', 'contracts', ...Object.values(serverEntries), 'package.json'],
  web: ['web', 'domain', 'contracts', 'package.json', 'package-lock.json'],
};
const ignored = (name) =>
  name === 'node_modules' ||
  name === 'test' ||
  name.startsWith('.') ||
  /\.test\.tsx?$/.test(name) ||
  /\.e2e\.ts$/.test(name);

/** The newest modification time (ms) under a file or folder; each walked once per process. */
const newestUnder = new Map();
const newestOf = (file) => {
  if (newestUnder.has(file)) return newestUnder.get(file);
  const stat = statSync(file, { throwIfNoEntry: false });
  let newest = stat?.mtimeMs ?? 0;
  if (stat?.isDirectory())
    for (const entry of readdirSync(file))
      if (!ignored(entry)) newest = Math.max(newest, newestOf(path.join(file, entry)));
  newestUnder.set(file, newest);
  return newest;
};
/** The newest modification time (ms) among a part's sources (a folder's own time counts: a deletion). */
const newestSource = (part) => Math.max(...sources[part].map((s) => newestOf(path.join(root, s))));

const stampOf = (part) => path.join(part === 'server' ? serverDist : webDist, '.stamp');

/** Whether a part of dist/ is missing or older than its sources (a checkout, an edit, an update). */
export const isStale = (part) => {
  const stamp = statSync(stampOf(part), { throwIfNoEntry: false });
  return !stamp || stamp.mtimeMs < newestSource(part);
};

const writeStamp = (part) => writeFileSync(stampOf(part), `${new Date().toISOString()}\n`);

export const buildServer = async () => {
  const { build } = await import('esbuild');
  rmSync(serverDist, { recursive: true, force: true });
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(serverEntries).map(([name, file]) => [name, path.join(root, file)]),
    ),
    outdir: serverDist,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  // What the bundles import must be installed in production (`npm ci --omit=dev`).
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const runtime = new Set(Object.keys(manifest.dependencies ?? {}));
  const missing = new Set();
  for (const output of Object.values(result.metafile.outputs))
    for (const { path: spec, external } of output.imports ?? []) {
      if (!external || spec.startsWith('node:')) continue;
      const name = spec.startsWith('@')
        ? spec.split('/').slice(0, 2).join('/')
        : spec.split('/')[0];
      if (!runtime.has(name)) missing.add(name);
    }
  if (missing.size > 0)
    throw new Error(
      `Mã máy chủ dùng gói không có trong "dependencies" của package.json: ${[...missing].join(', ')}`,
    );
  cpSync(path.join(root, 'server/db/migrations'), path.join(serverDist, 'migrations'), {
    recursive: true,
  });
  writeStamp('server');
};

export const buildWeb = async () => {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  writeStamp('web');
};

const parts = { server: buildServer, web: buildWeb };

/** Builds the given parts, one after the other, saying what it does. */
export const buildParts = async (names) => {
  for (const name of names) {
    const started = performance.now();
    process.stdout.write(
      name === 'server'
        ? 'Đang dựng máy chủ (esbuild → dist/server)…\n'
        : 'Đang dựng giao diện web (vite → dist/web)…\n',
    );
    await parts[name]();
    process.stdout.write(`  xong sau ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
};

// `node scripts/build.mjs [server] [web]`: the parts named (both by default); `--if-stale`: only
// the parts whose sources changed since their last build.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const named = args.filter((a) => a in parts);
  let names = named.length > 0 ? named : Object.keys(parts);
  if (args.includes('--if-stale')) names = names.filter(isStale);
  for (const unknown of args.filter((a) => !(a in parts) && a !== '--if-stale'))
    throw new Error(`Không hiểu tham số: ${unknown}`);
  if (!existsSync(path.join(root, 'node_modules')))
    throw new Error('Chưa cài các gói: chạy npm ci trước.');
  await buildParts(names);
}
