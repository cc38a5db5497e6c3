/**
 * The daily backup (src/ops/backup-schedule.ts): the next run as a pure function of the local
 * clock, and runs through the day's lock: of two nodes at the same hour one writes the backup and
 * prunes old ones, the other skips; the gauge of the last success moves only on success.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { localDay, nextRun, parseDailyTime, runScheduledBackup, type BackupScheduleDeps } from '../../src/ops/backup-schedule.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import { SQL_FACTORIES } from '../support/services.ts';
import { keys } from '../../src/storage/keys.ts';
import type { Cache } from '../../src/storage/ports.ts';

const local = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s);

describe('nextRun', () => {
  test('later today when the time has not come yet, else tomorrow; never now itself', () => {
    assert.deepEqual(nextRun(local(2026, 3, 10, 1, 0), '03:30'), local(2026, 3, 10, 3, 30));
    assert.deepEqual(nextRun(local(2026, 3, 10, 3, 29, 59), '03:30'), local(2026, 3, 10, 3, 30));
    assert.deepEqual(nextRun(local(2026, 3, 10, 3, 30), '03:30'), local(2026, 3, 11, 3, 30), 'exactly at the time: the next day');
    assert.deepEqual(nextRun(local(2026, 3, 10, 23, 59), '00:00'), local(2026, 3, 11, 0, 0));
  });

  test('crosses month and year ends', () => {
    assert.deepEqual(nextRun(local(2026, 1, 31, 12, 0), '02:00'), local(2026, 2, 1, 2, 0));
    assert.deepEqual(nextRun(local(2026, 12, 31, 23, 0), '22:15'), local(2027, 1, 1, 22, 15));
    assert.deepEqual(nextRun(local(2028, 2, 28, 23, 0), '01:00'), local(2028, 2, 29, 1, 0), 'a leap day');
  });

  test('is always in the future and within a day (plus an hour for a clock change)', () => {
    for (let i = 0; i < 500; i++) {
      const now = new Date(Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 366 * 86_400_000));
      const hhmm = `${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`;
      const at = nextRun(now, hhmm);
      const ahead = at.getTime() - now.getTime();
      assert.ok(ahead > 0 && ahead <= 25 * 3600_000, `${hhmm} after ${now.toISOString()}: ${ahead} ms`);
    }
  });

  test('refuses what is not a time of day', () => {
    for (const bad of ['24:00', '3:30', '03:60', '0330', '', 'noon']) {
      assert.equal(parseDailyTime(bad), undefined, bad);
      assert.throws(() => nextRun(new Date(), bad));
    }
    assert.deepEqual(parseDailyTime('23:59'), { h: 23, m: 59 });
  });
});

describe('runScheduledBackup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-backup-schedule-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('one of two nodes writes the day\'s backup through the lock and prunes old ones; the other skips', async () => {
    // The embedded store from the migrated template (a fresh initdb costs ~9 s of CPU).
    const sql = await SQL_FACTORIES.find((f) => f.name === 'pglite')!.create();
    after(() => sql.close());
    const out = join(dir, 'backups');
    const cache = new MemoryCache();
    const old = join(out, 'kefu-2000-01-01T00-00-00-000Z.jsonl.gz');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(old, 'x');
    utimesSync(old, new Date(Date.now() - 40 * 86_400_000), new Date(Date.now() - 40 * 86_400_000));
    const node = (nodeId: string, c: Cache = cache) => {
      const metrics = createMetrics();
      const d: BackupScheduleDeps = { schedule: '03:00', retentionDays: 30, dir: out, nodeId, sql, cache: c, log: pino({ level: 'silent' }), metrics };
      return { d, metrics };
    };
    const a = node('node-a');
    const b = node('node-b');
    const at = local(2026, 6, 1, 3, 0);
    const before = Date.now() / 1000;
    const [ra, rb] = await Promise.all([runScheduledBackup(a.d, at), runScheduledBackup(b.d, at)]);
    assert.deepEqual([ra, rb].sort(), ['ok', 'skipped']);
    const files = readdirSync(out).filter((f) => f.endsWith('.jsonl.gz'));
    assert.equal(files.length, 1, `one backup, the old one pruned: ${files.join(', ')}`);
    assert.notEqual(files[0], 'kefu-2000-01-01T00-00-00-000Z.jsonl.gz');
    assert.equal(await cache.get(keys.backupLock(localDay(at))), ra === 'ok' ? 'node-a' : 'node-b');
    const winner = ra === 'ok' ? a : b;
    const loser = ra === 'ok' ? b : a;
    const ts = (await winner.metrics.backupLastSuccess.get()).values[0]!.value;
    assert.ok(ts >= before && ts <= Date.now() / 1000 + 1, `last success ${ts}`);
    assert.equal((await loser.metrics.backupLastSuccess.get()).values[0]?.value ?? 0, 0);
    const runs = await loser.metrics.registry.getSingleMetricAsString('kefu_backup_runs_total');
    assert.match(runs, /outcome="skipped"} 1/);
    // The next day the lock is another one: the run happens again.
    assert.equal(await runScheduledBackup(b.d, local(2026, 6, 2, 3, 0)), 'ok');
    // With the cache down, it backs up anyway (a second backup beats a missing one).
    const down = { ...cache, setNX: () => Promise.reject(new Error('ECONNREFUSED')) } as unknown as Cache;
    assert.equal(await runScheduledBackup(node('node-c', down).d, local(2026, 6, 3, 3, 0)), 'ok');
  });

  test('a failing backup is counted and logged, never thrown, and the gauge does not move', async () => {
    const metrics = createMetrics();
    const broken = { transaction: () => Promise.reject(new Error('database down')) } as never;
    const r = await runScheduledBackup({ schedule: '03:00', retentionDays: 30, dir: join(dir, 'b2'), nodeId: 'n', sql: broken, cache: new MemoryCache(), log: pino({ level: 'silent' }), metrics }, new Date());
    assert.equal(r, 'failed');
    assert.match(await metrics.registry.getSingleMetricAsString('kefu_backup_runs_total'), /outcome="failed"} 1/);
    assert.equal((await metrics.backupLastSuccess.get()).values[0]?.value ?? 0, 0);
  });
});
