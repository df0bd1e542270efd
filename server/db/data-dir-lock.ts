// PGlite runs inside one process: two processes on the same data directory corrupt it. The server
// and the backup/restore commands claim DANGVU_DATA_DIR with a lock file naming their process (next
// to PGlite's own directory, not inside it).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'dangvu.lock';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claim `dataDir` for this process; throws with a Vietnamese message when a live process holds it.
 * A lock left by a process that no longer runs is taken over. Returns the release function.
 */
export const claimDataDir = (dataDir: string, purpose: string): (() => void) => {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const content = JSON.stringify({ pid: process.pid, purpose, since: new Date().toISOString() });
  try {
    writeFileSync(file, content, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let holder: { pid?: number; purpose?: string } = {};
    try {
      holder = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // unreadable: treated as stale
    }
    if (holder.pid && holder.pid !== process.pid && isAlive(holder.pid)) {
      throw new Error(
        `Cơ sở dữ liệu nhúng tại ${dataDir} đang được tiến trình ${holder.pid} (${holder.purpose ?? 'dangvu'}) sử dụng. Hãy dừng máy chủ dangvu (hoặc chờ lệnh kia xong) rồi chạy lại.`,
      );
    }
    writeFileSync(file, content);
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    try {
      const holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number };
      if (holder.pid === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  process.once('exit', release);
  return release;
};
