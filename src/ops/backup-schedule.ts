/**
 * The daily backup of KEFU_BACKUP_SCHEDULE (`HH:MM`, local time): every node arms the same
 * timer, and at the hour each asks for the day's lock in the cache (`keys.backupLock()` of
 * src/storage/keys.ts, SET NX with a lifetime of 20 hours). The one that gets it writes the
 * backup (src/ops/backup.ts) into its backup directory and prunes files older than
 * KEFU_BACKUP_RETENTION_DAYS; the others skip the day. Why a lock per day rather than a lock
 * held during the backup: a node whose clock or timer is a few seconds late would otherwise find
 * the lock free again and write a second backup.
 *
 * When the cache cannot be asked (Redis down), the node backs up anyway: two backups of one day
 * cost disk, a missed one costs the day's data. Nothing here throws: a failure is logged and
 * counted, and `kefu_backup_last_success_timestamp_seconds` stops moving, which is what the
 * `KefuBackupMissing` alert watches.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Cache, SqlStore } from '../storage/ports.ts';
import { keys } from '../storage/keys.ts';
import { pruneBackups, writeBackup } from './backup.ts';
import type { Metrics } from './metrics.ts';

/** The lock outlives the run and any clock skew, and has expired by the next day's run. */
const LOCK_TTL_MS = 20 * 3600 * 1000;

/** `HH:MM` to hours and minutes; undefined when it is not a valid time of day. */
export function parseDailyTime(hhmm: string): { h: number; m: number } | undefined {
  const x = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return x ? { h: Number(x[1]), m: Number(x[2]) } : undefined;
}

/**
 * The first moment strictly after `now` whose local time is `hhmm`. Built with the local-time
 * setters, so across a daylight-saving change the run stays at the wall-clock time (a day is then
 * 23 or 25 hours); a time skipped by the change runs when the clock jumps past it.
 */
export function nextRun(now: Date, hhmm: string): Date {
  const t = parseDailyTime(hhmm);
  if (!t) throw new Error(`not a time of day: ${hhmm}`);
  const at = new Date(now.getTime());
  at.setHours(t.h, t.m, 0, 0);
  if (at.getTime() <= now.getTime()) {
    at.setDate(at.getDate() + 1);
    at.setHours(t.h, t.m, 0, 0);
  }
  return at;
}

/** The local calendar day of `d`, `YYYY-MM-DD`: the lock's name. */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The newest backup file's time in `dir` (epoch ms), so the gauge survives a restart. */
export function newestBackupAt(dir: string): number | undefined {
  let best: number | undefined;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const n of names) {
    if (!/^kefu-.*\.jsonl\.gz$/.test(n)) continue;
    const t = statSync(join(dir, n)).mtimeMs;
    if (best === undefined || t > best) best = t;
  }
  return best;
}

export interface BackupScheduleDeps {
  readonly schedule: string;
  readonly retentionDays: number;
  readonly dir: string;
  readonly nodeId: string;
  readonly sql: SqlStore;
  readonly cache: Cache;
  readonly log: Logger;
  readonly metrics: Pick<Metrics, 'backupLastSuccess' | 'backupRuns'>;
}

export type BackupOutcome = 'ok' | 'failed' | 'skipped';

/** One scheduled run at `now`: through the day's lock, then backup and prune. Never throws. */
export async function runScheduledBackup(d: BackupScheduleDeps, now: Date): Promise<BackupOutcome> {
  const lock = keys.backupLock(localDay(now));
  const mine = await d.cache.setNX(lock, d.nodeId, LOCK_TTL_MS).catch((e: unknown) => {
    d.log.warn({ err: (e as Error).message }, 'backup lock unavailable (cache down); backing up anyway');
    return true;
  });
  if (!mine) {
    d.metrics.backupRuns.inc({ outcome: 'skipped' });
    d.log.info({ lock }, 'scheduled backup skipped: another node runs it today');
    return 'skipped';
  }
  try {
    const r = await writeBackup(d.sql, d.dir, now);
    const pruned = pruneBackups(d.dir, d.retentionDays, Date.now());
    d.metrics.backupLastSuccess.set(Date.now() / 1000);
    d.metrics.backupRuns.inc({ outcome: 'ok' });
    d.log.info({ file: r.file, rows: r.rows, bytes: r.bytes, pruned }, 'scheduled backup written');
    return 'ok';
  } catch (e) {
    d.metrics.backupRuns.inc({ outcome: 'failed' });
    d.log.error({ err: (e as Error).message }, 'scheduled backup failed');
    return 'failed';
  }
}

/** Arms the daily timer; returns the stop, which waits for a run in progress. */
export function startBackupSchedule(d: BackupScheduleDeps, clock: () => Date = () => new Date()): () => Promise<void> {
  const last = newestBackupAt(d.dir);
  if (last !== undefined) d.metrics.backupLastSuccess.set(last / 1000);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const arm = () => {
    const now = clock();
    const at = nextRun(now, d.schedule);
    timer = setTimeout(() => {
      running = runScheduledBackup(d, at).finally(() => {
        if (!stopped) arm();
      });
    }, at.getTime() - now.getTime());
    timer.unref();
  };
  arm();
  d.log.info({ schedule: d.schedule, retentionDays: d.retentionDays, dir: d.dir }, 'daily backup scheduled');
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
