/**
 * (g) The human side, kefu only (no ceiling routes conversations). Ten agents of one shop are
 * online with consoles open; buyers hand over ("转人工", the robot answers and queues them) at a
 * steady open-loop rate, and routing assigns each to an agent:
 * - g-handover: from the buyer's "转人工" to the `conversation` frame `assigned` on the buyer's
 *   device (robot turn + queue + assignment across the shop lock), p50/p99, hand-overs per second;
 * - g-reply: an agent's message to the last of the buyer's three devices, p50/p99 (compare with
 *   (d), the same fan-out for a buyer's own message).
 * Conversations are closed as they are measured, so seats free up and the queue keeps moving.
 */
import { KefuClient, type WebSocketCtor } from '../../src/client/index.ts';
import WebSocket from 'ws';
import type { ConversationFrame, MessageFrame } from '../../src/protocol/frames.ts';
import { startCpuMeter } from '../lib/proc.ts';
import { makeRow, type Row } from '../lib/report.ts';
import { Latency } from '../lib/stats.ts';
import type { Target } from '../lib/gen.ts';
import type { Ctx } from './common.ts';

export const ROUTING_SHOP = 'shop_bench_routing';
const AGENTS = 10;
const CAPACITY = 50;

export interface RoutingTarget extends Target {
  staffToken(agentId: string, shopId: string): Promise<string>;
}

const client = (url: string, token: string, device: string) => KefuClient.connect({ url, token, device: device as 'pc', WebSocket: WebSocket as unknown as WebSocketCtor, timeoutMs: 10_000 });

async function api(url: string, token: string, method: string, path: string, body?: unknown): Promise<number> {
  const r = await fetch(`${url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });
  await r.arrayBuffer();
  return r.status;
}

export async function runG(ctx: Ctx, target: RoutingTarget, opts: { buyers: number; ratePerS: number }): Promise<Row[]> {
  const url = target.urls[0]!;
  const agentIds = Array.from({ length: AGENTS }, (_, i) => `g_agent_${i}`);
  const tokens = await Promise.all(agentIds.map((a) => target.staffToken(a, ROUTING_SHOP)));
  const consoles = await Promise.all(tokens.map((t) => client(url, t, 'pc')));
  const byAgent = new Map(agentIds.map((a, i) => [a, consoles[i]!]));
  for (const t of tokens) await api(url, t, 'PUT', '/agents/me/status', { status: 'online', capacity: CAPACITY });
  const handover = new Latency();
  const reply = new Latency();
  let errors = 0;
  const cpu = startCpuMeter(target.pids);
  const started = performance.now();
  const one = async (i: number) => {
    const user = `g_buyer_${i}_${process.pid}`;
    const token = await target.token!(user);
    const devices = await Promise.all(['app', 'pc', 'miniapp'].map((d) => client(url, token, d)));
    try {
      const assigned = devices[0]!.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned', 10_000);
      const t0 = performance.now();
      const ack = await devices[0]!.sendText({ shopId: ROUTING_SHOP }, '转人工');
      const a = await assigned;
      handover.record(performance.now() - t0);
      const agentConsole = byAgent.get(a.agentId!)!;
      const arrivals = devices.map((d) => d.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'agent', 10_000));
      const t1 = performance.now();
      await agentConsole.sendText({ conversationId: ack.conversationId }, '您好，我来帮您');
      await Promise.all(arrivals);
      reply.record(performance.now() - t1);
      if ((await api(url, tokens[agentIds.indexOf(a.agentId!)]!, 'POST', `/conversations/${ack.conversationId}/close`)) !== 200) errors++;
    } catch {
      errors++;
    } finally {
      await Promise.all(devices.map((d) => d.close().catch(() => {})));
    }
  };
  const running: Promise<void>[] = [];
  for (let i = 0; i < opts.buyers; i++) {
    const due = started + (i * 1000) / opts.ratePerS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(one(i));
  }
  await Promise.all(running);
  const seconds = (performance.now() - started) / 1000;
  const report = cpu.stop();
  await Promise.all(consoles.map((c) => c.close().catch(() => {})));
  const h = handover.summary();
  const r = reply.summary();
  const rate = Math.round((h.count / seconds) * 10) / 10;
  ctx.log(`  g ${target.system} hand-over → assigned: p50 ${h.p50_ms} p99 ${h.p99_ms} max ${h.max_ms} ms, ${rate} hand-overs/s, ${errors} errors`);
  ctx.log(`  g ${target.system} agent reply → last of 3 devices: p50 ${r.p50_ms} p99 ${r.p99_ms} max ${r.max_ms} ms`);
  return [
    makeRow({ scenario: 'g-handover', system: target.system, msgs_per_s: rate, offered_per_s: opts.ratePerS, errors, measure: 'handover', connections: AGENTS + opts.buyers * 3, note: `"转人工" → assigned, ${AGENTS} agents x ${CAPACITY}` }, h, report),
    makeRow({ scenario: 'g-reply', system: target.system, msgs_per_s: rate, offered_per_s: opts.ratePerS, errors, measure: 'fanout', connections: 3, note: "agent's message → last of the buyer's 3 devices" }, r),
  ];
}
