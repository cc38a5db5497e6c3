import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(
      `the data dir ${dir} is in use by another kefu process (${holder}). ` +
        'Embedded PGlite loses writes when two processes open one data dir: stop the other process, ' +
        'or give this one its own KEFU_DATA_DIR, or use KEFU_DATABASE_URL for several processes.',
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock of an embedded data dir: a lock file created with O_EXCL holding the
 * owner's pid. A lock left behind by a dead process (crash, SIGKILL) is taken over; a live owner
 * makes this throw DataDirLockedError before anything in the dir is touched.
 * Returns the release function (idempotent).
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'kefu.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const cur = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number };
          if (cur.pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; startedAt?: string } = {};
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as typeof holder;
      } catch {
        // Half-written by an owner that is starting right now: treat as held, retry shortly.
      }
      if (typeof holder.pid === 'number' && holder.pid !== process.pid && !alive(holder.pid)) {
        try {
          unlinkSync(file);
        } catch {
          /* someone else took it over first */
        }
        continue;
      }
      throw new DataDirLockedError(dir, typeof holder.pid === 'number' ? `pid ${holder.pid}, since ${holder.startedAt ?? '?'}` : 'lock file kefu.lock');
    }
  }
  throw new DataDirLockedError(dir, 'lock file kefu.lock keeps changing');
}
