/**
 * (e) History: `sync` of 500 messages, closed loop at concurrency 1 and 50 (devices of one buyer
 * catching up on the same conversation). Target: p99 <= 10 ms at concurrency 50.
 *
 * Setup writes 500 messages through the socket (20 in flight), then syncs the newest 500, which
 * the contract says are served from the hot cache. An answer with fewer than 500 messages is an
 * error. The ceilings answer `sync` with a fixed history of the same shape.
 */
import { closeAll, connect, connectMany, isKefu, type Conn, type Reply, type Target } from '../lib/gen.ts';
import { buyerText, HISTORY_SIZE } from '../lib/history-fixture.ts';
import { sleep } from '../lib/load.ts';
import { startCpuMeter } from '../lib/proc.ts';
import { makeRow, type Row } from '../lib/report.ts';
import { Latency } from '../lib/stats.ts';
import { clientMsgId, closedLoop, type Ctx } from './common.ts';

export const E_CONCURRENCY = [1, 50] as const;
const USER = 'be_0';

/** Writes n messages with `window` in flight; returns the conversation and the highest acked seq. */
function fill(target: Target, c: Conn, n: number, window: number): Promise<{ conversationId: string; lastSeq: number; errors: number }> {
  return new Promise((resolve) => {
    let sent = 0;
    let done = 0;
    let errors = 0;
    let conversationId = 'c_bench';
    let lastSeq = 0;
    const timer = setTimeout(() => resolve({ conversationId, lastSeq, errors: errors + (n - done) }), 60_000);
    const more = () => {
      while (sent < n && sent - done < window) {
        sent++;
        c.send(target.shopId, buyerText(), clientMsgId());
      }
    };
    c.handlers = {
      reply(r) {
        done++;
        if (r.type === 'error') errors++;
        if (r.conversationId) conversationId = r.conversationId;
        if (r.seq !== undefined) lastSeq = Math.max(lastSeq, r.seq);
        if (done >= n) {
          clearTimeout(timer);
          resolve({ conversationId, lastSeq, errors });
        } else more();
      },
      push() {},
      closed() {
        clearTimeout(timer);
        resolve({ conversationId, lastSeq, errors: errors + (n - done) });
      },
    };
    more();
  });
}

/** One sync on one connection, answered or not within 5 s. */
function syncOnce(c: Conn, conversationId: string, afterSeq: number): Promise<Reply | undefined> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(undefined), 5000);
    let id = '';
    c.handlers = {
      reply(r) {
        if (r.id !== id) return;
        clearTimeout(t);
        resolve(r);
      },
      push() {},
      closed() {
        clearTimeout(t);
        resolve(undefined);
      },
    };
    id = c.sync(conversationId, afterSeq, HISTORY_SIZE);
  });
}

export async function runE(ctx: Ctx, target: Target, durationMs: number): Promise<Row[]> {
  const writer = await connect(target, { user: USER, device: 'pc' });
  const rows: Row[] = [];
  try {
    const f = await fill(target, writer, HISTORY_SIZE, 20);
    let lastSeq = isKefu(target.system) ? f.lastSeq : HISTORY_SIZE;
    if (isKefu(target.system)) {
      // Robot replies (when wired) land after the acks: find the true end before choosing the range.
      await sleep(1000);
      for (let i = 0; i < 20; i++) {
        const h = await syncOnce(writer, f.conversationId, lastSeq);
        if (h?.lastSeq !== undefined) lastSeq = h.lastSeq;
        if (!h?.hasMore) break;
      }
    }
    const afterSeq = Math.max(0, lastSeq - HISTORY_SIZE);
    const expected = Math.min(HISTORY_SIZE, lastSeq);
    const probe = await syncOnce(writer, f.conversationId, afterSeq);
    const size = probe?.bytes !== undefined ? `${(probe.bytes / 1024).toFixed(0)} KB` : 'size not seen by socket.io-client';
    ctx.log(`  e ${target.system}: conversation of ${lastSeq} messages, sync of ${expected} is ${size}`);

    for (const conc of E_CONCURRENCY) {
      const readers = await connectMany(target, Array.from({ length: conc }, () => ({ user: USER, device: 'web' })));
      try {
        const sync = (c: Conn) => c.sync(f.conversationId, afterSeq, HISTORY_SIZE);
        const check = (r: Reply) => r.type === 'history' && r.count === expected && (target.system === 'ws-echo' || target.system === 'socketio' || r.lastSeq === lastSeq);
        await closedLoop(readers, { durationMs: 300, timeoutMs: 5000, request: sync, check, record: () => {} });
        const lat = new Latency();
        const cpu = startCpuMeter(target.pids);
        const r = await closedLoop(readers, { durationMs, timeoutMs: 5000, request: sync, check, record: (ms) => lat.record(ms) });
        const report = cpu.stop();
        const s = lat.summary();
        ctx.log(`  e ${target.system} concurrency ${conc}: p50 ${s.p50_ms} p99 ${s.p99_ms} max ${s.max_ms} ms, ${Math.round((r.completed / r.elapsedMs) * 1000)} syncs/s, ${r.errors} errors`);
        rows.push(
          makeRow(
            {
              scenario: `e-c${conc}`,
              system: target.system,
              msgs_per_s: Math.round((r.completed / r.elapsedMs) * 1000),
              errors: r.errors + f.errors,
              measure: 'sync',
              connections: conc,
              note: `sync of ${expected} messages (${size}), concurrency ${conc}, closed loop; msgs/s = syncs/s`,
            },
            s,
            report,
          ),
        );
      } finally {
        closeAll(readers);
      }
    }
    return rows;
  } finally {
    writer.close();
  }
}
