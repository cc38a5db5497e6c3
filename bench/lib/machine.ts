/**
 * The machine a run measured: printed at the start of every run (and copied into
 * docs/benchmarks.md), plus a one-second check of how busy the machine already is, since other
 * load on a 2-core machine moves every number.
 */
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import pg from 'pg';
import { createClient } from 'redis';
import { sleep } from './load.ts';
import { machineTicks } from './proc.ts';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  redis: string;
  kernel: string;
}

export async function describeMachine(pgUrl: string, redisUrl: string): Promise<Machine> {
  let postgres = 'unavailable';
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    postgres = String((await c.query('show server_version')).rows[0]?.server_version ?? '?');
  } catch {
    /* reported as unavailable */
  } finally {
    await c.end().catch(() => {});
  }
  let redis = 'unavailable';
  const r = createClient({ url: redisUrl, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  r.on('error', () => {});
  try {
    await r.connect();
    redis = /redis_version:(\S+)/.exec(await r.info('server'))?.[1] ?? '?';
  } catch {
    /* reported as unavailable */
  } finally {
    if (r.isOpen) await r.quit().catch(() => {});
  }
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    redis,
    kernel: release(),
  };
}

/** Percent of all cores busy over the next `ms` milliseconds. */
export async function machineBusy(ms = 1000): Promise<number> {
  const a = machineTicks();
  await sleep(ms);
  const b = machineTicks();
  return b.total > a.total ? Math.round(((b.busy - a.busy) / (b.total - a.total)) * 1000) / 10 : 0;
}
