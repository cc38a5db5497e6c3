/**
 * Experiment: kefu saturated by buyers who each ask again as soon as the robot has answered
 * (varied phrasings, as (b)), to compare settings of kefu's own at its capacity rather than at a
 * fixed rate: answered messages a second, send → robot reply latency, kefu's CPU per message.
 *
 *   node bench/experiments/saturate.ts [buyers=300] [seconds=10] [KEFU_NAME=value ...]
 *   SATURATE_PROFILE_DIR=dir node bench/experiments/saturate.ts …; node bench/profile.ts dir
 *
 * e.g. `node bench/experiments/saturate.ts 300 10 KEFU_ROBOT_NLU_THREAD=off`, then `=auto`,
 * alternately on a quiet machine.
 */
import { createKefuHarness, SHOP } from '../lib/kefu.ts';
import { closeAll, connectMany, type Conn } from '../lib/gen.ts';
import { cpuTimes, parseStat } from '../lib/proc.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Latency } from '../lib/stats.ts';
import { variedText } from '../lib/phrasings.ts';
import { buyers, clientMsgId } from '../scenarios/common.ts';
import { openConversations } from '../scenarios/b-rate.ts';

const n = Number(process.argv[2] ?? 300);
const seconds = Number(process.argv[3] ?? 10);
const env = Object.fromEntries(process.argv.slice(4).map((a) => a.split(/=(.*)/s).slice(0, 2) as [string, string]));
/** CPU seconds of a process's main thread alone (its event loop; the NLU thread and V8's helpers apart). */
const mainThread = (pid: number) => parseStat(readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8'))!.cpuTicks / 100;
const h = await createKefuHarness();
try {
  const prof = process.env.SATURATE_PROFILE_DIR;
  if (prof) mkdirSync(prof, { recursive: true });
  const s = await h.start('kefu', { nodeId: 'sat', isolation: h.newIsolation(), env, ...(prof ? { profileDir: prof } : {}) });
  const target = { system: 'kefu' as const, urls: [s.url], pids: [s.pid], shopId: SHOP, token: (u: string) => h.token(u) };
  const users = buyers('bb', n);
  await h.seedOrders(s.url, users);
  const conns = await connectMany(target as never, users.map((user) => ({ user })));
  const index = new Map(conns.map((c, i) => [c, i]));
  const turn = new Map<Conn, number>();
  const textFor = (c: Conn) => {
    const k = turn.get(c) ?? 0;
    turn.set(c, k + 1);
    return variedText(index.get(c)!, k);
  };
  const { botOwned } = await openConversations(conns, 32, (c) => c.send(SHOP, textFor(c), clientMsgId()));
  await new Promise((r) => setTimeout(r, 1000));
  const lat = new Latency();
  let answered = 0;
  let stop = false;
  const from = Number(process.hrtime.bigint() / 1000n);
  const a = cpuTimes(s.pid)!;
  const ma = mainThread(s.pid);
  const t0 = performance.now();
  for (const c of botOwned) {
    let sentAt = 0;
    const next = () => {
      if (stop) return;
      sentAt = performance.now();
      c.send(SHOP, textFor(c), clientMsgId());
    };
    c.handlers = {
      reply() {},
      push(m) {
        if (m.role !== 'bot' && m.role !== 'system') return;
        lat.record(performance.now() - sentAt);
        answered++;
        next();
      },
      closed() {},
    };
    next();
  }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  stop = true;
  if (prof) writeFileSync(`${prof}/windows.json`, JSON.stringify([{ from, to: Number(process.hrtime.bigint() / 1000n) }]));
  const elapsed = (performance.now() - t0) / 1000;
  const b = cpuTimes(s.pid)!;
  const mb = mainThread(s.pid);
  await new Promise((r) => setTimeout(r, 1500));
  const metrics = await (await fetch(`${s.url.replace(/^ws/, 'http').replace(/\/ws.*$/, '')}/metrics`)).text().catch(() => '');
  const thread = metrics.split('\n').filter((l) => l.startsWith('kefu_robot_nlu_thread_total')).join(', ') || 'no NLU thread counts';
  const q = lat.summary();
  console.log(
    `${JSON.stringify(env)} ${botOwned.length} buyers: ${(answered / elapsed).toFixed(0)} answered/s, p50 ${q.p50_ms} p99 ${q.p99_ms} ms, kefu ${(((b.total - a.total) / elapsed) * 100).toFixed(0)} % of a core (main thread ${(((mb - ma) / elapsed) * 100).toFixed(0)} %), ${(((b.total - a.total) * 1000) / answered).toFixed(2)} ms per message; ${thread}`,
  );
  closeAll(conns);
  await s.stop();
} finally {
  await h.cleanup();
}
