/**
 * (f) Scaling: the same closed-loop load against one kefu node, then against two nodes sharing
 * PostgreSQL and Redis with the clients split between them. The ratio of the two throughputs is
 * the scaling ratio (2.0 would be perfect; on a 2-core machine that also runs PostgreSQL, Redis
 * and the generator, it cannot be).
 */
import { closeAll, connectMany, type Target } from '../lib/gen.ts';
import { buyerText } from '../lib/history-fixture.ts';
import { startCpuMeter } from '../lib/proc.ts';
import { makeRow, type Row } from '../lib/report.ts';
import { Latency } from '../lib/stats.ts';
import { buyers, clientMsgId, closedLoop, type Ctx } from './common.ts';

export const F_CONNECTIONS = 256;

export async function runThroughput(ctx: Ctx, target: Target, scenario: string, durationMs: number): Promise<Row> {
  const conns = await connectMany(
    target,
    buyers('bf', F_CONNECTIONS).map((user, i) => ({ user, node: i % target.urls.length })),
  );
  try {
    const request = (c: (typeof conns)[number]) => c.send(target.shopId, buyerText(), clientMsgId());
    // Warm-up: opens every conversation and lets the JIT settle.
    await closedLoop(conns, { durationMs: Math.min(1000, durationMs / 2), timeoutMs: 10_000, request, record: () => {} });
    const lat = new Latency();
    const cpu = startCpuMeter(target.pids);
    const r = await closedLoop(conns, { durationMs, timeoutMs: 10_000, request, record: (ms) => lat.record(ms) });
    const report = cpu.stop();
    const s = lat.summary();
    const rate = Math.round((r.completed / r.elapsedMs) * 1000);
    ctx.log(`  f ${target.urls.length} node(s): ${rate} msgs/s, p99 ${s.p99_ms} ms, ${r.errors} errors, server ${report.server_cpu_pct}% machine ${report.machine_cpu_pct}%`);
    return makeRow(
      {
        scenario,
        system: target.system,
        msgs_per_s: rate,
        errors: r.errors,
        measure: 'ack',
        connections: F_CONNECTIONS,
        note: `${F_CONNECTIONS} conns closed loop (1 in flight each) over ${target.urls.length} node(s)`,
      },
      s,
      report,
    );
  } finally {
    closeAll(conns);
  }
}
