/**
 * (h) Commands: how many `POST /shops/{shopId}/commands` one kefu node accepts per second, and
 * how long a command takes end to end against the built-in demo platform, from the moment its
 * POST was sent to the moment its `succeeded` frame reached an agent console of the shop.
 *
 * `concurrency` HTTP clients each post `perClient` coupon commands one after another (each with
 * its own Idempotency-Key); one console socket of the shop collects the `command` frames. A
 * command that is not accepted (non-202) or not seen succeeding within the deadline is an
 * error. Rows: `h-accept` (POST → 202 latency, accepted per second) and `h-complete` (POST sent →
 * succeeded frame; commands completed per second over the whole run).
 */
import WebSocket from 'ws';
import { startCpuMeter } from '../lib/proc.ts';
import { makeRow, type Row } from '../lib/report.ts';
import { Latency } from '../lib/stats.ts';
import type { Ctx } from './common.ts';

export interface HParams {
  readonly concurrency: number;
  readonly perClient: number;
  /** How long to wait for the last command to succeed after the last POST. */
  readonly drainMs: number;
}

export const H_QUICK: HParams = { concurrency: 16, perClient: 20, drainMs: 20_000 };
export const H_FULL: HParams = { concurrency: 50, perClient: 60, drainMs: 60_000 };

export interface HTarget {
  readonly url: string;
  readonly pid: number;
  readonly shopId: string;
  /** A `cs:commands` token of the shop, and a `cs:agent` one for the console. */
  readonly opsToken: string;
  readonly agentToken: string;
}

/** The console: resolves with a map commandId → time its `succeeded` frame arrived. */
async function openConsole(t: HTarget): Promise<{ succeeded: Map<string, number>; close(): void }> {
  const succeeded = new Map<string, number>();
  const ws = new WebSocket(`${t.url.replace(/^http/, 'ws')}/im?token=${encodeURIComponent(t.agentToken)}&device=pc`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.on('message', (data) => {
    const f = JSON.parse(String(data)) as { type?: string; status?: string; commandId?: string };
    if (f.type === 'command' && f.status === 'succeeded' && f.commandId && !succeeded.has(f.commandId)) succeeded.set(f.commandId, performance.now());
  });
  return { succeeded, close: () => ws.close() };
}

async function postAll(t: HTarget, p: HParams, run: string): Promise<{ sentAt: Map<string, number>; accept: Latency; errors: number; elapsedMs: number }> {
  const sentAt = new Map<string, number>();
  const accept = new Latency();
  let errors = 0;
  const t0 = performance.now();
  const client = async (c: number) => {
    for (let i = 0; i < p.perClient; i++) {
      const started = performance.now();
      try {
        const res = await fetch(`${t.url}/api/v1/shops/${t.shopId}/commands`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.opsToken}`, 'content-type': 'application/json', 'idempotency-key': `${run}-${c}-${i}` },
          body: JSON.stringify({ type: 'coupon.issue', payload: { userId: `bench_buyer_${c}`, amount: '5.00' } }),
        });
        const body = (await res.json()) as { commandId?: string };
        if (res.status !== 202 || !body.commandId) errors++;
        else {
          accept.record(performance.now() - started);
          sentAt.set(body.commandId, started);
        }
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: p.concurrency }, (_, c) => client(c)));
  return { sentAt, accept, errors, elapsedMs: performance.now() - t0 };
}

export async function runH(ctx: Ctx, t: HTarget, p: HParams): Promise<Row[]> {
  const total = p.concurrency * p.perClient;
  ctx.log(`  h: ${total} coupon commands from ${p.concurrency} clients, completed by the demo platform`);
  const console_ = await openConsole(t);
  const cpu = startCpuMeter([t.pid]);
  const t0 = performance.now();
  try {
    const posted = await postAll(t, p, `h${Date.now().toString(36)}`);
    const until = performance.now() + p.drainMs;
    while (performance.now() < until && [...posted.sentAt.keys()].some((id) => !console_.succeeded.has(id))) await new Promise((r) => setTimeout(r, 50));
    const wall = performance.now() - t0;
    const report = cpu.stop();
    const complete = new Latency();
    let late = 0;
    for (const [id, sent] of posted.sentAt) {
      const at = console_.succeeded.get(id);
      if (at === undefined) late++;
      else complete.record(at - sent);
    }
    const acceptedPerS = Math.round((posted.sentAt.size / posted.elapsedMs) * 1000);
    const completedPerS = Math.round((complete.count / wall) * 1000);
    ctx.log(`  h: accepted ${posted.sentAt.size}/${total} (${acceptedPerS}/s), completed ${complete.count} (${completedPerS}/s), p50 ${complete.at(50)} ms, p99 ${complete.at(99)} ms`);
    return [
      makeRow({ scenario: 'h-accept', system: 'kefu', msgs_per_s: acceptedPerS, errors: posted.errors, measure: 'POST → 202', connections: p.concurrency, note: `commands accepted per second: ${acceptedPerS}` }, posted.accept.summary(), report),
      makeRow(
        { scenario: 'h-complete', system: 'kefu', msgs_per_s: completedPerS, errors: posted.errors + late, measure: 'POST sent → succeeded frame (demo platform)', connections: p.concurrency, note: `end to end p50/p99 over ${complete.count} commands; ${late} not seen succeeding within ${p.drainMs / 1000} s` },
        complete.summary(),
        report,
      ),
    ];
  } finally {
    console_.close();
  }
}
