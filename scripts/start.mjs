// `npm start`: runs the built server (dist/server/main.js) with plain node, after building the parts
// of dist/ that are missing or older than their sources (a fresh clone after `npm ci`, a `git pull`).
// `node scripts/start.mjs backup --out f` runs another bundle of dist/server the same way (the
// command-line tools need the server part only). Written in plain JavaScript: it runs before any build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isStale, root, serverDist, serverEntries } from './build.mjs';

const entry = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv[2] : 'main';
if (!(entry in serverEntries)) {
  process.stderr.write(
    `Không có chương trình "${entry}" (có: ${Object.keys(serverEntries).join(', ')}).\n`,
  );
  process.exit(2);
}
if (entry === process.argv[2]) process.argv.splice(2, 1); // the tool parses the rest as its own

const stale = (entry === 'main' ? ['server', 'web'] : ['server']).filter(isStale);
if (stale.length > 0) {
  // Built by esbuild and Vite, development dependencies: present after `npm ci`, not after
  // `npm ci --omit=dev`, where dist/ must be built beforehand (README, Production).
  if (
    !existsSync(path.join(root, 'node_modules/esbuild')) ||
    !existsSync(path.join(root, 'node_modules/vite'))
  ) {
    process.stderr.write(
      `dist/ thiếu hoặc cũ hơn mã nguồn (${stale.join(', ')}) nhưng không có công cụ dựng (esbuild, vite): ` +
        'chạy `npm ci && npm run build` trước, hoặc cài đủ các gói phát triển.\n',
    );
    process.exit(1);
  }
  // In a child process: the build's memory (Vite, esbuild) is not kept by the server.
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), ...stale], {
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    process.stderr.write('Không dựng được dangvu (npm run build): xem thông báo ở trên.\n');
    process.exit(build.status ?? 1);
  }
}

await import(pathToFileURL(path.join(serverDist, `${entry}.js`)).href);
