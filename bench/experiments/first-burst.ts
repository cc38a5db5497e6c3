/**
 * Experiment: the first message of 200 buyers sent at once (each opens a conversation), as
 * scenario (a) does, in three waves of new buyers on one kefu node: the first wave meets cold
 * code, the later ones show what the burst itself costs. Optionally profiles waves 2 and 3.
 *
 *   node bench/experiments/first-burst.ts [profile dir|-]
 *   node bench/profile.ts <profile dir>        # the summary of those waves
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createKefuHarness, SHOP } from '../lib/kefu.ts';
import { closeAll, connectMany } from '../lib/gen.ts';
import { Latency } from '../lib/stats.ts';
import { buyerText } from '../lib/history-fixture.ts';

const prof = process.argv[2] && process.argv[2] !== '-' ? process.argv[2] : undefined;
const N = 200;
const h = await createKefuHarness();
try {
  if (prof) mkdirSync(prof, { recursive: true });
  const s = await h.start('kefu', { nodeId: 'burst', isolation: h.newIsolation(), ...(prof ? { profileDir: prof } : {}) });
  const target = { system: 'kefu' as const, urls: [s.url], pids: [s.pid], shopId: SHOP, token: (u: string) => h.token(u) };
  const windows: Array<{ from: number; to: number }> = [];
  for (let wave = 1; wave <= 3; wave++) {
    const users = Array.from({ length: N }, (_, i) => `fb${wave}_${i}`);
    await h.seedOrders(s.url, users);
    const conns = await connectMany(target as never, users.map((user) => ({ user })));
    await new Promise((r) => setTimeout(r, 500));
    const ack = new Latency();
    const bot = new Latency();
    let acked = 0;
    const from = Number(process.hrtime.bigint() / 1000n);
    const done = new Promise<void>((resolve) => {
      for (const c of conns) {
        const sentAt = performance.now();
        let gotBot = false;
        c.handlers = {
          reply() {
            ack.record(performance.now() - sentAt);
            if (++acked === N) resolve();
          },
          push(m) {
            if (m.role === 'bot' && !gotBot) {
              gotBot = true;
              bot.record(performance.now() - sentAt);
            }
          },
          closed() {},
        };
        c.send(SHOP, buyerText(), `fb${wave}m${c.user}`);
      }
    });
    await done;
    await new Promise((r) => setTimeout(r, 1000));
    if (wave > 1) windows.push({ from, to: Number(process.hrtime.bigint() / 1000n) });
    console.log(`wave ${wave}: ack p50 ${ack.at(50)} ms, p99 ${ack.at(99)} ms; robot's first reply p50 ${bot.at(50)} ms, p99 ${bot.at(99)} ms (${bot.summary().count} of ${N})`);
    closeAll(conns);
  }
  if (prof) writeFileSync(`${prof}/windows.json`, JSON.stringify(windows));
  await s.stop();
} finally {
  await h.cleanup();
}
