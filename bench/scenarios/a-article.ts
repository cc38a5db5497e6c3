/**
 * (a) The article's test: 200 connections x 20 messages, closed loop, send → ack.
 * The article reports p99 180 ms, then 120 ms, on a 4-core gateway; kefu's target is 15 ms.
 *
 * Each connection is its own buyer. Before the timed part, every connection sends one message
 * that opens its conversation (first-message latency is reported in the note, not hidden).
 */
import { closeAll, connectMany, type Target } from '../lib/gen.ts';
import { buyerText } from '../lib/history-fixture.ts';
import { sleep } from '../lib/load.ts';
import { startCpuMeter } from '../lib/proc.ts';
import { makeRow, type Row } from '../lib/report.ts';
import { Latency } from '../lib/stats.ts';
import { buyers, clientMsgId, closedLoop, type Ctx } from './common.ts';

export const A_CONNECTIONS = 200;
export const A_MESSAGES = 20;

/** `messages` is 20 in the full run (the article's test); the quick run sends fewer. */
export async function runA(ctx: Ctx, target: Target, messages = A_MESSAGES): Promise<Row> {
  const conns = await connectMany(target, buyers('ba', A_CONNECTIONS).map((user) => ({ user })));
  try {
    const request = (c: (typeof conns)[number]) => c.send(target.shopId, buyerText(), clientMsgId());
    const first = new Latency();
    const w = await closedLoop(conns, { perConn: 1, timeoutMs: 10_000, request, record: (ms) => first.record(ms) });
    // Let the collector finish with the handshakes' garbage before the timed part.
    await sleep(300);
    const lat = new Latency();
    const cpu = startCpuMeter(target.pids);
    const r = await closedLoop(conns, { perConn: messages, timeoutMs: 10_000, request, record: (ms) => lat.record(ms) });
    const report = cpu.stop();
    const s = lat.summary();
    ctx.log(`  a ${target.system}: p50 ${s.p50_ms} ms, p99 ${s.p99_ms} ms, max ${s.max_ms} ms, ${r.errors} errors`);
    return makeRow(
      {
        scenario: 'a',
        system: target.system,
        msgs_per_s: Math.round((r.completed / r.elapsedMs) * 1000),
        errors: r.errors + w.errors,
        measure: 'ack',
        connections: A_CONNECTIONS,
        note: `${A_CONNECTIONS} conns x ${messages} msgs closed loop${messages !== A_MESSAGES ? ` (quick run; the article's test is x ${A_MESSAGES})` : ''}; first message per conn (opens the conversation): p99 ${first.at(99)} ms, max ${first.summary().max_ms} ms${r.closed ? `; ${r.closed} sockets closed by the server` : ''}`,
      },
      s,
      report,
    );
  } finally {
    closeAll(conns);
  }
}
