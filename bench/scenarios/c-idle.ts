/**
 * (c) Idle connections: server memory per connection at 10k and 50k connections, as the growth
 * of the server's resident memory divided by the connections added. Each connection is its own
 * buyer (kefu verifies its token, subscribes it on the bus and records presence).
 *
 * Connections are held by forked helpers (bench/lib/idle-clients.ts, at most 9,000 each) spread
 * over several loopback source addresses, so neither the generator's open-files limit nor the
 * ephemeral port range caps the count. The SERVER's open-files limit does: it is read from
 * /proc/<pid>/limits, and a count above it is measured at the largest count that fits, with a
 * note saying what to raise.
 */
import type { ChildProcess } from 'node:child_process';
import type { JWK } from 'jose';
import { forkHelper, type Server } from '../lib/children.ts';
import { closeAll, connectMany, isKefu, type Target } from '../lib/gen.ts';
import { sleep } from '../lib/load.ts';
import { openFilesLimit, rssBytes } from '../lib/proc.ts';
import type { Row } from '../lib/report.ts';
import { round1 } from '../lib/stats.ts';
import { buyers, type Ctx } from './common.ts';

const PER_HELPER = 9000;
const LOCAL_ADDRESSES = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4'];
/** Descriptors the server needs besides client sockets (database pool, Redis, listener, files). */
const FD_MARGIN = 500;

export interface COptions {
  counts: readonly number[];
  key?: { privateJwk: JWK; kid: string };
  iss?: string;
  aud?: string;
}

async function rssMedian(pid: number): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < 3; i++) {
    xs.push(rssBytes(pid) ?? Number.NaN);
    await sleep(300);
  }
  return xs.sort((a, b) => a - b)[1]!;
}

function ask<T>(h: ChildProcess, msg: object, reply: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => {
      h.off('message', on);
      reject(new Error(`idle helper did not answer ${reply} within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (m: { type: string }) => {
      if (m.type !== reply) return;
      clearTimeout(t);
      h.off('message', on);
      resolve(m as T);
    };
    h.on('message', on);
    h.send(msg);
  });
}

async function serverConnections(url: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`${url}/metrics`)).text();
    const m = /^kefu_ws_connections(?:\{[^}]*\})?\s+(\d+)/m.exec(text);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export async function runC(ctx: Ctx, start: () => Promise<{ target: Target; server: Server }>, o: COptions): Promise<Row[]> {
  const { target, server } = await start();
  const helpers: ChildProcess[] = [];
  const rows: Row[] = [];
  try {
    const limit = openFilesLimit(server.pid) ?? Number.POSITIVE_INFINITY;
    // Warm the code paths (TLS-free upgrade, token verification, bus) so they are not billed to connections.
    closeAll(await connectMany(target, buyers('bcw', 100).map((user) => ({ user }))));
    await sleep(ctx.quick ? 800 : 1500);
    const base = await rssMedian(server.pid);
    let opened = 0;
    for (const count of o.counts) {
      const n = Math.min(count, Math.floor((limit - FD_MARGIN) / 1000) * 1000);
      const limited = n < count ? `${count} requested, but the server's open-files limit is ${limit} (ulimit -n); raise it (ulimit -n ${count + 2000}, which needs root/CAP_SYS_RESOURCE) to measure ${count}` : '';
      if (n <= opened) {
        rows.push({ scenario: `c-${count}`, system: target.system, p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 0, valid: false, note: `not measured: ${limited}` });
        continue;
      }
      const t0 = performance.now();
      let failed = 0;
      let firstError: string | undefined;
      const jobs: Promise<void>[] = [];
      for (let from = opened; from < n; from += PER_HELPER) {
        const users = buyers('bc', Math.min(PER_HELPER, n - from), from);
        const h = forkHelper(new URL('../lib/idle-clients.ts', import.meta.url).pathname);
        helpers.push(h);
        jobs.push(
          ask<{ ok: number; failed: number; firstError?: string }>(
            h,
            { type: 'open', system: target.system, url: target.urls[0], users, localAddresses: LOCAL_ADDRESSES, concurrency: 100, ...(isKefu(target.system) ? { key: o.key, iss: o.iss, aud: o.aud } : {}) },
            'opened',
            180_000,
          ).then((r) => {
            failed += r.failed;
            firstError ??= r.firstError;
          }),
        );
      }
      await Promise.all(jobs);
      opened = n;
      const openSecs = (performance.now() - t0) / 1000;
      if (isKefu(target.system)) {
        const until = performance.now() + 20_000;
        while (((await serverConnections(target.urls[0]!)) ?? 0) < n - failed && performance.now() < until) await sleep(250);
      }
      await sleep(ctx.quick ? 1500 : 3000);
      const rss = await rssMedian(server.pid);
      let stillOpen = 0;
      for (const h of helpers) stillOpen += (await ask<{ open: number }>(h, { type: 'status' }, 'status', 10_000)).open;
      const serverSide = isKefu(target.system) ? await serverConnections(target.urls[0]!) : undefined;
      const kb = round1((rss - base) / n / 1024);
      ctx.log(`  c ${target.system} ${n} idle: RSS ${(base / 2 ** 20).toFixed(0)} → ${(rss / 2 ** 20).toFixed(0)} MB, ${kb} KB/conn, ${stillOpen} open, ${failed} failed (opened in ${openSecs.toFixed(1)} s)`);
      const notes = [
        `RSS ${(base / 2 ** 20).toFixed(0)} → ${(rss / 2 ** 20).toFixed(0)} MB for ${n} idle connections, opened in ${openSecs.toFixed(1)} s (${Math.round(n / openSecs)}/s)`,
        ...(serverSide !== undefined ? [`server counts ${serverSide}`] : []),
        ...(failed ? [`${failed} failed to open (${firstError})`] : []),
        ...(limited ? [limited] : []),
      ];
      rows.push({
        scenario: `c-${n}`,
        system: target.system,
        p50_ms: null,
        p99_ms: null,
        max_ms: null,
        msgs_per_s: null,
        errors: failed + (n - failed - stillOpen),
        kb_per_conn: kb,
        connections: n,
        note: notes.join('; '),
      });
      if (limited) rows.push({ scenario: `c-${count}`, system: target.system, p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 0, valid: false, note: `not measured: ${limited}; see c-${n}` });
    }
    return rows;
  } finally {
    for (const h of helpers) if (h.connected) h.send({ type: 'close' });
    await sleep(500);
    for (const h of helpers) if (h.exitCode === null) h.kill('SIGKILL');
    await server.stop(5000);
  }
}
