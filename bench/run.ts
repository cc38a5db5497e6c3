/**
 * `npm run bench`: kefu against the limit of the platform, in the same run, on the same machine.
 *
 *   npm run bench                       full run (about 31 minutes, 20 of them the article's paced test)
 *   npm run bench -- --quick            about a minute and a half: shorter steps and pacing, fewer connections, kefu and ws-echo only
 *   npm run bench -- --only a,c         scenarios a..h (see below)
 *   npm run bench -- --systems kefu,ws-echo
 *   npm run bench -- --profile          kefu nodes run under --cpu-prof; profiles summarised at the end
 *   npm run bench -- --no-wait          start even if the machine is busy (normally waits up to 60 s)
 *   npm run bench -- --workers 2        kefu (PostgreSQL + Redis) runs as `kefu start --workers 2` in a, b, d, e;
 *                                       f always adds one process of 2 workers against its one node
 *   npm run bench -- --fixed-phrasings  (b)'s buyers repeat ten fixed sentences instead of varied phrasings
 *   npm run bench -- --kefu-node-arg=--import=./bench/experiments/detach-upgrade.ts
 *   npm run bench -- --kefu-env=KEFU_ROBOT_NLU_THREAD=off   a setting of kefu's own for every kefu node of the run
 *                                       extra node flags for the kefu processes (experiments; repeatable)
 *
 * Scenarios: (a) 200 conns x 20 msgs closed loop; (b) highest sustained message rate at p99 < 50 ms;
 * (c) memory per idle connection at 10k and 50k; (d) fan-out to 1/5/20 devices; (e) sync of 500
 * messages at concurrency 1 and 50; (f) two kefu nodes, and one process of two workers, against one node; (g) hand-overs routed to
 * agents and an agent's reply to every device of the buyer (kefu only); (h) commands accepted per
 * second and their completion (POST → succeeded frame) against the demo platform (kefu only).
 * Systems: kefu (PostgreSQL + Redis), kefu-embedded (PGlite + in-process cache), and the two
 * ceilings, ws-echo (bare `ws`) and socketio (Socket.IO with acks), driven by the same generator.
 *
 * Results: bench/results/<ISO timestamp>.json (rows) and a printed table, ratios and verdicts.
 * Every child process is killed and every schema / Redis key removed on exit, Ctrl-C included.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK } from 'jose';
import { AUD, ISS, sign } from '../test/auth/support.ts';
import { installExitHooks, startServer, type Server } from './lib/children.ts';
import { SYSTEMS, isKefu, type System, type Target } from './lib/gen.ts';
import { createKefuHarness, PG_URL, probeServices, REDIS_URL, ROOT, SHOP, type Isolation, type KefuHarness } from './lib/kefu.ts';
import { describeMachine, machineBusy } from './lib/machine.ts';
import { errorRow, ratios, table, verdicts, writeResults, type Row } from './lib/report.ts';
import { measuredWindows, openFilesLimit, withChildren } from './lib/proc.ts';
import { A_FULL, A_QUICK, aBuyers, runA } from './scenarios/a-article.ts';
import { B_FULL, B_QUICK, bBuyers, runB } from './scenarios/b-rate.ts';
import { runC } from './scenarios/c-idle.ts';
import { runD } from './scenarios/d-fanout.ts';
import { runE } from './scenarios/e-history.ts';
import { runThroughput } from './scenarios/f-scaling.ts';
import { runG } from './scenarios/g-routing.ts';
import { H_FULL, H_QUICK, runH } from './scenarios/h-commands.ts';
import type { Ctx } from './scenarios/common.ts';
import { profilesIn, summarize } from './profile.ts';

const SCENARIOS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;
type Letter = (typeof SCENARIOS)[number];

function usage(msg?: string): never {
  if (msg) process.stderr.write(`bench: ${msg}\n\n`);
  process.stderr.write(
    'usage: npm run bench -- [--quick] [--only a,b,c,d,e,f,g,h] [--systems kefu,kefu-embedded,ws-echo,socketio] [--profile] [--no-wait] [--fixed-phrasings] [--soak [MINUTES]] [--soak-rate N] [--kefu-node-arg=FLAG] [--kefu-env=KEFU_NAME=value] [--out DIR]\n' +
      '  --soak: (b) on kefu only, then half its sustained rate for MINUTES (default 20): resident memory growth and errors;\n' +
      '    --soak-rate N holds N/s instead (a machine busy during the ladder finds too low a rate)\n',
  );
  process.exit(msg ? 2 : 0);
}

function parseArgs(argv: string[]) {
  const o = { soakMinutes: 0, soakRate: 0, workers: 1, quick: false, noWait: false, fixedPhrasings: false, nodeArgs: [] as string[], env: {} as Record<string, string>, only: [...SCENARIOS] as Letter[], systems: undefined as System[] | undefined, profile: false, out: join(ROOT, 'bench/results') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (!v || v.startsWith('--')) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--no-wait') o.noWait = true;
    else if (a === '--fixed-phrasings') o.fixedPhrasings = true;
    else if (a === '--soak') {
      const n = /^\d+$/.test(argv[i + 1] ?? '') ? Number(argv[++i]) : 20;
      if (n < 1 || n > 24 * 60) usage('--soak takes minutes from 1 to 1440');
      o.soakMinutes = n;
    } else if (a === '--soak-rate') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) usage('--soak-rate takes a whole number of messages per second');
      o.soakRate = n;
      o.only = ['b'];
      o.systems = ['kefu'];
    }
    else if (a === '--help' || a === '-h') usage();
    else if (a === '--only') {
      const list = value().split(',').map((s) => s.trim().toLowerCase());
      const bad = list.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
      if (bad.length || list.length === 0) usage(`--only takes letters from ${SCENARIOS.join(',')} (got ${bad.join(',') || 'nothing'})`);
      o.only = list as Letter[];
    } else if (a === '--systems') {
      const list = value().split(',').map((s) => s.trim());
      const bad = list.filter((s) => !(SYSTEMS as readonly string[]).includes(s));
      if (bad.length || list.length === 0) usage(`--systems takes ${SYSTEMS.join(',')} (got ${bad.join(',') || 'nothing'})`);
      o.systems = list as System[];
    } else if (a === '--out') o.out = value();
    else if (a === '--workers') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 64) usage('--workers takes a whole number from 1 to 64');
      o.workers = n;
    }
    else if (a.startsWith('--kefu-node-arg=')) o.nodeArgs.push(a.slice('--kefu-node-arg='.length));
    else if (a.startsWith('--kefu-env=')) {
      const m = /^--kefu-env=(KEFU_[A-Z0-9_]+)=(.*)$/.exec(a);
      if (!m) usage('--kefu-env takes KEFU_NAME=value');
      o.env[m[1]!] = m[2]!;
    }
    else usage(`unknown argument ${a}`);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const startedAt = new Date();
const log = (line: string) => process.stdout.write(line + '\n');
const elapsed = () => `[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(3)} s]`;
const ctx: Ctx = { quick: opts.quick, log: (line) => log(`${elapsed()} ${line}`) };
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const profileDir = opts.profile ? join(opts.out, 'profiles', stamp) : undefined;

const P = opts.quick
  ? { a: A_QUICK, b: B_QUICK, dMs: 1000, eMs: 1000, cCounts: [2000], fMs: 2000, g: { buyers: 40, ratePerS: 10 }, h: H_QUICK }
  : { a: A_FULL, b: B_FULL, dMs: 5000, eMs: 3000, cCounts: [10_000, 50_000], fMs: 5000, g: { buyers: 400, ratePerS: 20 }, h: H_FULL };

let harness: KefuHarness | undefined;
const cleanup = async () => {
  await harness?.cleanup();
};
installExitHooks(cleanup);

const machine = await describeMachine(PG_URL, REDIS_URL);
log(`kefu benchmark ${opts.quick ? '(quick) ' : ''}${startedAt.toISOString()}`);
log(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGiB} GiB, Linux ${machine.kernel}; node ${machine.node}; PostgreSQL ${machine.postgres}; Redis ${machine.redis}`);
log(`open-files limit of this shell: ${openFilesLimit('self')}`);
let busy = await machineBusy(1000);
// Other work on a 2-core machine moves every number: give it up to a minute (quick: 15 s) to finish.
for (let waited = 0; busy > 25 && !opts.noWait && waited < (opts.quick ? 15 : 60); waited += 5) {
  log(`machine busy ${busy}% of all cores before the run; waiting for it to settle (--no-wait skips this)`);
  busy = await machineBusy(5000);
}
log(`machine busy before the run: ${busy}% of all cores${busy > 25 ? '  WARNING: other load is running; numbers will be lower and noisier (see other_cpu_pct per row)' : ''}`);

let systems: System[] = opts.systems ?? (opts.quick ? ['kefu', 'ws-echo'] : [...SYSTEMS]);
const rows: Row[] = [];
const services = await probeServices();
if ((services.pg || services.redis) && systems.includes('kefu')) {
  log(`kefu on PostgreSQL/Redis skipped: ${[services.pg && `PostgreSQL ${services.pg}`, services.redis && `Redis ${services.redis}`].filter(Boolean).join('; ')}`);
  rows.push({ scenario: '-', system: 'kefu', p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 0, valid: false, note: 'skipped: real PostgreSQL/Redis unreachable' });
  systems = systems.filter((s) => s !== 'kefu');
}
if (systems.some(isKefu)) harness = await createKefuHarness();
if (profileDir) {
  mkdirSync(profileDir, { recursive: true });
  log(`profiling kefu nodes into ${profileDir}`);
}

const want = (l: Letter) => opts.only.includes(l);

/** Before each section: give other work on the machine up to 45 s (quick: 9 s) to finish, unless --no-wait. */
async function waitForQuiet(): Promise<void> {
  if (opts.noWait) return;
  const limit = opts.quick ? 9 : 45;
  for (let waited = 0; waited < limit; waited += 3) {
    const b = await machineBusy(waited === 0 ? 1000 : 3000);
    if (b <= 25) return;
    if (waited === 0) log(`${elapsed()} machine ${b}% busy with other work; waiting up to ${limit} s for it to settle`);
  }
  log(`${elapsed()} machine still busy; measuring anyway (see other_cpu_pct per row)`);
}

/** Starts one server; a kefu node on PostgreSQL gets a fresh schema and key prefix unless given one to share. */
async function startSystem(system: System, nodeId: string, isolation?: Isolation, workers = system === 'kefu' ? opts.workers : 1): Promise<Server> {
  if (system === 'ws-echo') return startServer('ws-echo', ['bench/ceilings/ws-echo.ts'], { env: {}, cwd: ROOT, timeoutMs: 20_000 });
  if (system === 'socketio') return startServer('socketio', ['bench/ceilings/socketio.ts'], { env: {}, cwd: ROOT, timeoutMs: 20_000 });
  return harness!.start(system, {
    nodeId,
    execArgv: opts.nodeArgs,
    env: opts.env,
    workers,
    ...(system === 'kefu' ? { isolation: isolation ?? harness!.newIsolation() } : {}),
    ...(profileDir ? { profileDir } : {}),
  });
}

const targetOf = (system: System, servers: readonly Server[]): Target => ({
  system,
  urls: servers.map((s) => s.url),
  // With --workers the primary only hands out connections: the workers do the work.
  pids: servers.flatMap((s) => withChildren(s.pid)),
  shopId: SHOP,
  ...(harness ? { token: (u: string) => harness!.token(u) } : {}),
});

/** A server that died during a scenario is a finding: report its exit and last output. */
async function checkAlive(s: Server, scenario: string, system: System): Promise<void> {
  const code = await Promise.race([s.exited, new Promise<'alive'>((r) => setTimeout(() => r('alive'), 10))]);
  if (code === 'alive') return;
  log(`  !! ${system} exited with ${code} during ${scenario}:\n${s.output().slice(-1500)}`);
  rows.push({ scenario, system, p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 1, valid: false, note: `server exited with ${code}` });
}

const order: System[] = (['ws-echo', 'socketio', 'kefu', 'kefu-embedded'] as const).filter((s) => systems.includes(s));

try {
  // a, b, d, e: one server per system, the scenarios in turn.
  const perServer = (['a', 'b', 'd', 'e'] as const).filter(want);
  for (const system of perServer.length ? order : []) {
    log(`\n${elapsed()} == ${system}: ${perServer.join(', ')}`);
    await waitForQuiet();
    const t0 = performance.now();
    const server = await startSystem(system, `bench-${system}`);
    log(`  started ${server.url} (pid ${server.pid}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const target = targetOf(system, [server]);
    try {
      if (isKefu(system) && (want('a') || want('b'))) {
        const who = [...(want('a') ? aBuyers() : []), ...(want('b') ? bBuyers(P.b.connections) : [])];
        const seeded = await harness!.seedOrders(server.url, who);
        log(`  seeded an order with logistics for ${who.length} buyers through the webhook${seeded.failed ? ` (${seeded.failed} FAILED)` : ''}`);
      }
      const steps: Array<[Letter, () => Promise<Row | Row[]>]> = [
        ['a', () => runA(ctx, target, P.a)],
        ['b', () => runB(ctx, target, { ...P.b, phrasings: opts.fixedPhrasings ? 'fixed' : 'varied', ...(opts.soakMinutes ? { soakMinutes: opts.soakMinutes, ...(opts.soakRate ? { soakRate: opts.soakRate } : {}) } : {}) })],
        ['d', () => runD(ctx, target, P.dMs)],
        ['e', () => runE(ctx, target, P.eMs)],
      ];
      for (const [letter, run] of steps) {
        if (!want(letter)) continue;
        try {
          const r = await run();
          rows.push(...(Array.isArray(r) ? r : [r]));
        } catch (e) {
          log(`  ${letter} ${system} FAILED: ${(e as Error).message}`);
          rows.push(errorRow(letter, system, e));
        }
        await checkAlive(server, letter, system);
      }
    } finally {
      const t1 = performance.now();
      const code = await server.stop();
      ctx.log(`  stopped in ${((performance.now() - t1) / 1000).toFixed(1)} s (exit code ${code})`);
      if (code !== 0 && code !== null) log(`  ${system} exited with ${code} on SIGTERM:\n${server.output().slice(-1000)}`);
    }
  }

  // c: a fresh server per system, so its memory baseline is clean.
  if (want('c')) {
    const key = harness ? { privateJwk: await exportJWK(harness.key.privateKey), kid: harness.key.kid } : undefined;
    for (const system of order.filter((s) => s !== 'socketio')) {
      log(`\n${elapsed()} == ${system}: c (idle connections ${P.cCounts.join(', ')})`);
      await waitForQuiet();
      try {
        rows.push(
          ...(await runC(
            ctx,
            async () => {
              const server = await startSystem(system, `bench-${system}-idle`);
              return { server, target: targetOf(system, [server]) };
            },
            { counts: P.cCounts, ...(key ? { key, iss: ISS, aud: AUD } : {}) },
          )),
        );
      } catch (e) {
        log(`  c ${system} FAILED: ${(e as Error).message}`);
        rows.push(errorRow('c', system, e));
      }
    }
  }

  // f: one node, then two nodes on the same schema and key prefix.
  if (want('f') && systems.includes('kefu')) {
    log(`\n${elapsed()} == kefu: f (scaling, 1 node vs 2 nodes)`);
    await waitForQuiet();
    const iso = harness!.newIsolation();
    const nodes: Server[] = [];
    try {
      nodes.push(await startSystem('kefu', 'bench-f-a', iso, 1));
      const one = await runThroughput(ctx, targetOf('kefu', nodes), 'f-1node', P.fMs);
      rows.push(one);
      nodes.push(await startSystem('kefu', 'bench-f-b', iso, 1));
      const two = await runThroughput(ctx, targetOf('kefu', nodes), 'f-2nodes', P.fMs);
      rows.push(two);
      const ratio = one.msgs_per_s && two.msgs_per_s ? Math.round((two.msgs_per_s / one.msgs_per_s) * 100) / 100 : null;
      rows.push({
        scenario: 'f',
        system: 'kefu',
        p50_ms: null,
        p99_ms: null,
        max_ms: null,
        msgs_per_s: two.msgs_per_s,
        errors: one.errors + two.errors,
        ...(one.valid === false || two.valid === false ? { valid: false } : {}),
        note: `scaling ratio 2 nodes / 1 node = ${ratio} (${one.msgs_per_s}/s → ${two.msgs_per_s}/s)`,
      });
      for (const n of nodes) await checkAlive(n, 'f', 'kefu');
      await Promise.all(nodes.splice(0).map((n) => n.stop()));
      rows.push(...(await runWorkersF(iso, one)));
    } catch (e) {
      log(`  f FAILED: ${(e as Error).message}`);
      rows.push(errorRow('f', 'kefu', e));
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
    }
  }

  // g: routing, kefu only: hand-overs assigned to agents, and an agent's reply to every device.
  if (want('g') && systems.includes('kefu')) {
    log(`\n${elapsed()} == kefu: g (hand-overs routed to agents)`);
    await waitForQuiet();
    const server = await startSystem('kefu', 'bench-g');
    try {
      rows.push(...(await runG(ctx, { ...targetOf('kefu', [server]), staffToken: (u, shop) => harness!.staffToken(u, shop) }, P.g)));
      await checkAlive(server, 'g', 'kefu');
    } catch (e) {
      log(`  g FAILED: ${(e as Error).message}`);
      rows.push(errorRow('g', 'kefu', e));
    } finally {
      await server.stop();
    }
  }

  // h: commands, kefu only, on a node of its own in demo mode (the demo platform applies them).
  if (want('h') && systems.includes('kefu')) await runCommandsScenario();
} finally {
  await cleanup();
}

/** f, workers: one process of `kefu start --workers 2` (one port) against the one node's figure. */
async function runWorkersF(iso: Isolation, one: Row): Promise<Row[]> {
  const server = await startSystem('kefu', 'bench-f-w', iso, 2);
  try {
    const w = await runThroughput(ctx, targetOf('kefu', [server]), 'f-workers2', P.fMs);
    const ratio = one.msgs_per_s && w.msgs_per_s ? Math.round((w.msgs_per_s / one.msgs_per_s) * 100) / 100 : null;
    log(`  f --workers 2 / 1 node = ${ratio} (${one.msgs_per_s}/s → ${w.msgs_per_s}/s)`);
    await checkAlive(server, 'f', 'kefu');
    const summary: Row = { scenario: 'f-workers', system: 'kefu', p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: w.msgs_per_s, errors: w.errors, note: `scaling ratio --workers 2 / 1 node = ${ratio} (${one.msgs_per_s}/s → ${w.msgs_per_s}/s)` };
    return [w, summary];
  } finally {
    await server.stop();
  }
}

async function runCommandsScenario(): Promise<void> {
  log(`\n${elapsed()} == kefu: h (commands accepted per second, completed by the demo platform)`);
  await waitForQuiet();
  let server: Server | undefined;
  try {
    server = await harness!.start('kefu', { nodeId: 'bench-h', isolation: harness!.newIsolation(), execArgv: opts.nodeArgs, env: { ...opts.env, KEFU_DEMO: 'true' }, ...(profileDir ? { profileDir } : {}) });
    const opsToken = await sign(harness!.key, { sub: 'bench_ops', scope: 'cs:commands', shop_id: SHOP }, { expIn: 3600 });
    rows.push(...(await runH(ctx, { url: server.url, pid: server.pid, shopId: SHOP, opsToken, agentToken: await harness!.staffToken('bench_agent', SHOP) }, P.h)));
    await checkAlive(server, 'h', 'kefu');
  } catch (e) {
    log(`  h FAILED: ${(e as Error).message}`);
    rows.push(errorRow('h', 'kefu', e));
  } finally {
    await server?.stop();
  }
}

log('\n' + table(rows));
const r = ratios(rows);
if (r.length) log('\nkefu / ceiling:\n' + r.map((x) => `  ${x}`).join('\n'));
log('\ntargets (kefu on PostgreSQL + Redis):\n' + verdicts(rows).map((x) => `  ${x}`).join('\n'));
const file = writeResults(opts.out, startedAt, rows);
log(`\nresults: ${file}`);
if (profileDir) {
  writeFileSync(join(profileDir, 'windows.json'), JSON.stringify(measuredWindows));
  const files = profilesIn(profileDir);
  const text = files.map((f) => summarize(f, 30)).join('\n\n');
  writeFileSync(join(profileDir, 'summary.txt'), text + '\n');
  log(`\nCPU profiles (${files.length}), summary in ${join(profileDir, 'summary.txt')}:\n${text}`);
}
log(`\ndone in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s`);
process.exit(0);
