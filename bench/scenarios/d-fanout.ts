/**
 * (d) Fan-out: one buyer with 1, 5 and 20 devices online, and one more device that sends.
 * Timed from the message's intended send time (open loop) to the moment the LAST of the
 * receiving devices got it. A message not on every device within 2 s is an error.
 */
import { closeAll, connect, connectMany, type Conn, type Target } from '../lib/gen.ts';
import { buyerText } from '../lib/history-fixture.ts';
import { Inflight, openLoop } from '../lib/load.ts';
import { startCpuMeter } from '../lib/proc.ts';
import { makeRow, type Row } from '../lib/report.ts';
import { Latency } from '../lib/stats.ts';
import { clientMsgId, type Ctx } from './common.ts';

export const FANOUT_DEVICES = [1, 5, 20] as const;
const RATE = 100;
const DELIVERY_TIMEOUT_MS = 2000;

export async function runD(ctx: Ctx, target: Target, stepMs: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (const k of FANOUT_DEVICES) {
    const user = `bd_${k}`;
    const sender = await connect(target, { user, device: 'pc' });
    let receivers: Conn[] = [];
    try {
      receivers = await connectMany(target, Array.from({ length: k }, () => ({ user, device: 'app' })));
      const run = async (ms: number, lat: Latency | undefined) => {
        let errors = 0;
        const pending = new Inflight<{ started: number; remaining: number }>(DELIVERY_TIMEOUT_MS, () => errors++);
        for (const r of receivers) {
          r.handlers = {
            reply() {},
            push(m, at) {
              if (m.role !== 'customer' || !m.clientMsgId) return;
              const p = pending.get(m.clientMsgId);
              if (!p || --p.remaining > 0) return;
              pending.take(m.clientMsgId);
              lat?.record(at - p.started);
            },
            closed() {
              errors++;
            },
          };
        }
        sender.handlers = {
          reply(r) {
            if (r.type === 'error') errors++;
          },
          push() {},
          closed() {
            errors++;
          },
        };
        await openLoop(RATE, ms, (_k, intended) => {
          const id = clientMsgId();
          pending.add(id, { started: intended, remaining: k });
          sender.send(target.shopId, buyerText(), id);
        });
        await pending.drain(DELIVERY_TIMEOUT_MS + 500);
        pending.stop();
        return errors;
      };
      await run(300, undefined);
      const lat = new Latency();
      const cpu = startCpuMeter(target.pids);
      const errors = await run(stepMs, lat);
      const report = cpu.stop();
      const s = lat.summary();
      ctx.log(`  d ${target.system} ${k} devices: p50 ${s.p50_ms} p99 ${s.p99_ms} max ${s.max_ms} ms, ${errors} errors`);
      rows.push(
        makeRow(
          { scenario: `d-${k}dev`, system: target.system, msgs_per_s: RATE, offered_per_s: RATE, errors, measure: 'fanout', connections: k + 1, note: `send → last of ${k} device(s), ${RATE} msgs/s open loop` },
          s,
          report,
        ),
      );
    } finally {
      sender.close();
      closeAll(receivers);
    }
  }
  return rows;
}
