/**
 * Experiment: kefu's CPU per answered message at a low, steady rate (where nothing batches),
 * optionally with a CPU profile cut to the measured window.
 *
 *   node bench/experiments/low-rate.ts [rate=50] [profile dir|-] [burst=1] [KEFU_NAME=value ...]
 *   node bench/profile.ts <profile dir>        # the summary of that window
 *
 * `burst` > 1 sends the same rate as groups of that many messages at once (every burst/rate
 * seconds): the same messages and the same work, with fewer wake-ups of the server. Seen on
 * 2026-12-01 (docs/benchmarks.md, "Per-message cost at a low rate"): 5.1–5.9 ms per message at
 * 50/s one by one, 1.6–2.0 ms in bursts of 10; a bare `ws` echo server 0.5 ms and 0.10–0.15 ms.
 */
import { createKefuHarness, SHOP } from '../lib/kefu.ts';
import { connectMany, closeAll } from '../lib/gen.ts';
import { cpuTimes } from '../lib/proc.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
/** Times the main thread went to sleep and was woken (each one a wake-up of the event loop). */
const wakeups = (pid: number) => Number(/voluntary_ctxt_switches:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8'))?.[1] ?? 0);
const rate = Number(process.argv[2] ?? 50);
const prof = process.argv[3] && process.argv[3] !== '-' ? process.argv[3] : undefined;
const burst = Math.max(1, Number(process.argv[4] ?? 1));
const env = Object.fromEntries(process.argv.slice(5).map((a) => a.split(/=(.*)/s).slice(0, 2) as [string, string]));
const h = await createKefuHarness();
try {
  if (prof) mkdirSync(prof, { recursive: true });
  const s = await h.start('kefu', { nodeId: 'low', isolation: h.newIsolation(), env, ...(prof ? { profileDir: prof } : {}) });
  const target = { system: 'kefu' as const, urls: [s.url], pids: [s.pid], shopId: SHOP, token: (u: string) => h.token(u) };
  const users = Array.from({ length: 200 }, (_, i) => `bb_${i}`);
  await h.seedOrders(s.url, users);
  const conns = await connectMany(target as never, users.map((user) => ({ user })));
  let bots = 0;
  for (const c of conns) {
    c.handlers = {
      reply() {},
      push(m) {
        if (m.role === 'bot') bots++;
      },
      closed() {},
    };
  }
  // Warm up: every buyer's first message opens its conversation.
  for (let k = 0; k < 200; k++) {
    conns[k % 200]!.send(SHOP, '我的快递到哪了', `w${k}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, 2000));
  const a = cpuTimes(s.pid)!;
  const w0 = wakeups(s.pid);
  const from = Number(process.hrtime.bigint() / 1000n);
  const t0 = Date.now();
  let k = 0;
  while (Date.now() - t0 < 10_000) {
    for (let j = 0; j < burst; j++) {
      conns[k % 200]!.send(SHOP, '我的快递到哪了', `m${k}`);
      k++;
    }
    await new Promise((r) => setTimeout(r, (1000 * burst) / rate));
  }
  await new Promise((r) => setTimeout(r, 500));
  const b = cpuTimes(s.pid)!;
  const woken = wakeups(s.pid) - w0;
  if (prof) writeFileSync(`${prof}/windows.json`, JSON.stringify([{ from, to: Number(process.hrtime.bigint() / 1000n) }]));
  console.log(`sent ${k} at ~${rate}/s${burst > 1 ? ` in bursts of ${burst}` : ''}, bot replies ${bots - 200}; kefu CPU ${(((b.total - a.total) / 10.5) * 100).toFixed(1)} % (sys ${(((b.sys - a.sys) / 10.5) * 100).toFixed(1)} %), ${(((b.total - a.total) * 1000) / k).toFixed(2)} ms per message, ${(woken / k).toFixed(1)} wake-ups of its main thread per message`);
  closeAll(conns);
  await s.stop();
} finally {
  await h.cleanup();
}
