// Migrate and seed the demo bloc once per run: the real server starts on a fresh PGlite data
// directory, prints the one-time passwords, and is stopped cleanly; each browser test's server then
// starts on a copy of that directory (e2e/harness.ts startServer) instead of seeding its own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type E2eTemplate, launchServer } from './harness';

export default async function setup(project: TestProject) {
  // The servers run the build (dist/server, dist/web), as `npm start` does: whatever is missing or
  // older than its sources is built once here, before any server starts (two building at once would
  // replace each other's files).
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: path.resolve(import.meta.dirname, '..'),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build failed');
  // The server would not use a data directory on PostgreSQL, nor seed the demo bloc without 'demo':
  // then every file starts fresh, as the environment says.
  if (process.env.DATABASE_URL || (process.env.DANGVU_SEED ?? 'demo') !== 'demo') {
    project.provide('e2eTemplate', null);
    return;
  }
  const dir = path.join(os.tmpdir(), `dangvu-e2e-template-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  const dataDir = path.join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    // No test waits on it, so it may take longer than a test's own start on a busy machine.
    // The project's env (TZ) as the test files' servers get it: the seed is dated by the local day.
    const env = Object.fromEntries(
      Object.entries(project.config.env ?? {}).map(([key, value]) => [key, String(value)]),
    );
    const server = await launchServer(dataDir, env, 600_000);
    await server.stop();
    if (!server.passwords.admin) throw new Error('the template server printed no passwords');
    // Copies must open without recovery: a template left by a server that had to be killed (a
    // busy machine) is opened once more, which recovers it, and closed again; twice is an error.
    if (server.exitCode() !== 0) {
      const again = await launchServer(dataDir, env, 600_000);
      await again.stop();
      if (again.exitCode() !== 0) throw new Error('the template server did not stop cleanly');
    }
    // The server removes its lock when it exits; one left behind names a process that has gone,
    // which the lock code would take over, unless its number had been reused meanwhile.
    const lock = path.join(dataDir, 'dangvu.lock');
    if (existsSync(lock)) rmSync(lock);
    const passwordsFile = path.join(dir, 'passwords.json');
    writeFileSync(passwordsFile, JSON.stringify(server.passwords));
    project.provide('e2eTemplate', { dataDir, passwordsFile } satisfies E2eTemplate);
  } catch (error) {
    remove();
    throw error;
  }
  return remove;
}
