import { readdirSync, readFileSync } from 'node:fs';
import { createKefuHarness } from './lib/kefu.ts';
import { connectMany, closeAll } from './lib/gen.ts';
import { buyers } from './scenarios/common.ts';
import { startServer } from './lib/children.ts';
const dir = '/tmp/heapsnap'; 
const h = await createKefuHarness();
const mode = process.argv[2] ?? 'kefu';
try {
  const s = mode === 'kefu'
    ? await h.start('kefu', { isolation: h.newIsolation(), nodeId: 'heap', execArgv: ['--heapsnapshot-signal=SIGUSR2', '--diagnostic-dir=/tmp/heapsnap'] })
    : await startServer('ws-echo', ['bench/ceilings/ws-echo.ts'], { env: {}, cwd: process.cwd(), execArgv: ['--heapsnapshot-signal=SIGUSR2', '--diagnostic-dir=/tmp/heapsnap'] });
  void s;
  const target = { system: mode as any, urls: [s.url], pids: [s.pid], shopId: 'shop_bench', token: (u: string) => h.token(u) };
  closeAll(await connectMany(target, buyers('w', 50).map(user => ({ user }))));
  await new Promise(r => setTimeout(r, 1000));
  process.kill(s.pid, 'SIGUSR2');
  await new Promise(r => setTimeout(r, 4000));
  const conns = await connectMany(target, buyers('c', 2000).map(user => ({ user })));
  await new Promise(r => setTimeout(r, 2000));
  process.kill(s.pid, 'SIGUSR2');
  await new Promise(r => setTimeout(r, 6000));
  closeAll(conns);
} finally { await h.cleanup(); }
