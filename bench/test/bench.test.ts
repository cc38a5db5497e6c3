/**
 * The benchmark's own parts: the pieces whose mistakes would silently produce wrong numbers
 * (pacing, percentile bookkeeping, /proc parsing, history counting, profile windows, verdicts),
 * and the ws-echo ceiling end to end. Run: node --test bench/test/bench.test.ts
 */
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readHistoryFrame, connect, sendFrameJson, type Conn, type Handlers, type Reply, type Target } from '../lib/gen.ts';
import { Inflight, openLoop } from '../lib/load.ts';
import { parseStat, cpuSeconds, rssBytes, openFilesLimit, withChildren } from '../lib/proc.ts';
import { spawn } from 'node:child_process';
import { Latency } from '../lib/stats.ts';
import { makeRow, ratios, table, verdicts, type Row } from '../lib/report.ts';
import { closedLoop } from '../scenarios/common.ts';
import { BOT_WAIT_MS, openConversations } from '../scenarios/b-rate.ts';
import { benchOrderId, MemoModel, Phrasings, variedText } from '../lib/phrasings.ts';
import { createNlu } from '../../src/robot/index.ts';
import { analyse, areaOf, callersOf } from '../profile.ts';
import { plotRateLatency } from '../plot.ts';
import { startServer, type Server } from '../lib/children.ts';
import { fixtureMessages, HISTORY_SIZE } from '../lib/history-fixture.ts';
import { aggregate } from '../heap-diff.ts';

describe('proc', () => {
  test('withChildren lists a process and its children (the workers under kefu --workers)', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => child.once('spawn', r));
      const pids = withChildren(process.pid);
      assert.equal(pids[0], process.pid);
      assert.ok(pids.includes(child.pid!), `${pids.join(',')} includes ${child.pid}`);
      assert.deepEqual(withChildren(2 ** 22 + 1), [2 ** 22 + 1], 'a gone process: itself only');
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('parseStat reads utime+stime after a command name with spaces and parentheses', () => {
    // Fields after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const line = '4242 (node (bench) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 11 0';
    assert.deepEqual(parseStat(line), { comm: 'node (bench) x', cpuTicks: 325, sysTicks: 75 });
    assert.equal(parseStat('garbage'), undefined);
  });

  test('this process has CPU time, memory and an open-files limit; a gone process has none', () => {
    assert.ok((cpuSeconds(process.pid) ?? -1) >= 0);
    assert.ok((rssBytes(process.pid) ?? 0) > 1024 * 1024);
    assert.ok((openFilesLimit('self') ?? 0) > 0);
    assert.equal(cpuSeconds(2 ** 22 + 17), undefined);
  });
});

describe('stats', () => {
  test('percentiles and max in milliseconds, nulls when empty', () => {
    const l = new Latency();
    assert.deepEqual(l.summary(), { count: 0, p50_ms: null, p99_ms: null, max_ms: null });
    for (let i = 1; i <= 1000; i++) l.record(i / 10);
    const s = l.summary();
    assert.equal(s.count, 1000);
    assert.ok(Math.abs(s.p50_ms! - 50) < 0.1, `p50 ${s.p50_ms}`);
    assert.ok(Math.abs(s.p99_ms! - 99) < 0.1, `p99 ${s.p99_ms}`);
    assert.ok(Math.abs(s.max_ms! - 100) < 0.1, `max ${s.max_ms}`);
  });
});

describe('load', () => {
  test('openLoop fires every request at its intended time, whatever the callback costs', async () => {
    const intended: number[] = [];
    const r = await openLoop(2000, 100, (k, t) => {
      intended[k] = t;
      const until = performance.now() + (k === 10 ? 20 : 0);
      while (performance.now() < until);
    });
    assert.equal(r.sent, 200);
    for (let k = 1; k < intended.length; k++) assert.ok(Math.abs(intended[k]! - intended[k - 1]! - 0.5) < 1e-6);
    // The 20 ms stall is visible as lag instead of silently stretching the schedule.
    assert.ok(r.maxLagMs >= 15, `maxLag ${r.maxLagMs}`);
  });

  test('Inflight times out the old entries only, oldest first', async () => {
    const expired: string[] = [];
    const f = new Inflight<{ started: number }>(50, (k) => expired.push(k));
    const now = performance.now();
    f.add('old', { started: now - 100 });
    f.add('new', { started: now });
    f.sweep(performance.now());
    assert.deepEqual(expired, ['old']);
    assert.ok(f.take('new'));
    await f.drain(10);
    assert.equal(f.size, 0);
    f.stop();
  });
});

/** A connection answering every send after `delayMs`, or with an error frame for ids in `fail`. */
function fakeConn(delayMs: number, fail = new Set<number>()): Conn & { sent: number } {
  let n = 0;
  const c = {
    user: 'u',
    sent: 0,
    open: true,
    handlers: { reply() {}, push() {}, closed() {} } as Handlers,
    send() {
      const id = `i${n++}`;
      c.sent++;
      const k = n - 1;
      setTimeout(() => c.handlers.reply({ type: fail.has(k) ? 'error' : 'ack', id, seq: k + 1 }, performance.now()), delayMs);
      return id;
    },
    sync() {
      return '';
    },
    close() {
      c.open = false;
      c.handlers.closed(1000);
    },
  };
  return c;
}

describe('closedLoop', () => {
  test('sends perConn requests one after another per connection and counts error answers', async () => {
    const a = fakeConn(2, new Set([1]));
    const b = fakeConn(2);
    const lat = new Latency();
    const r = await closedLoop([a, b], { perConn: 5, timeoutMs: 1000, request: (c) => c.send('s', 't', 'm'), record: (ms) => lat.record(ms) });
    assert.equal(a.sent, 5);
    assert.equal(b.sent, 5);
    assert.equal(r.errors, 1);
    assert.equal(r.completed, 9);
    assert.equal(lat.count, 9);
    assert.ok(lat.summary().p50_ms! >= 1.5);
  });

  test('with think time, a connection waits between an answer and its next request; latency excludes the wait', async () => {
    const a = fakeConn(2);
    const lat = new Latency();
    const r = await closedLoop([a], { perConn: 4, timeoutMs: 1000, thinkMs: 40, request: (c) => c.send('s', 't', 'm'), record: (ms) => lat.record(ms) });
    assert.equal(a.sent, 4);
    assert.equal(r.completed, 4);
    // A random start within one think time, then three waits of 0.5x to 1.5x of it.
    assert.ok(r.elapsedMs >= 3 * 20, `elapsed ${r.elapsedMs} ms`);
    assert.ok(lat.summary().max_ms! < 20, 'the think time is not latency');
  });

  test('an unanswered request is an error after the timeout; a closed socket ends its loop', async () => {
    const silent: Conn = { ...fakeConn(0), send: () => 'never' };
    const r = await closedLoop([silent], { perConn: 2, timeoutMs: 20, request: (c) => c.send('s', 't', 'm'), record: () => {} });
    assert.equal(r.errors, 2);
    const closing = fakeConn(5);
    setTimeout(() => closing.close(), 12);
    const r2 = await closedLoop([closing], { durationMs: 5000, timeoutMs: 1000, request: (c) => c.send('s', 't', 'm'), record: () => {} });
    assert.equal(r2.closed, 1);
    assert.ok(r2.elapsedMs < 1000);
  });
});

describe('(b) load', () => {
  test('varied phrasings: over 500 distinct texts, each read by the NLU as a question the robot answers from the order', () => {
    const p = new Phrasings();
    const texts = new Set<string>();
    for (let round = 0; round < 3; round++) for (let b = 0; b < 200; b++) texts.add(p.next(b));
    assert.ok(texts.size >= 500, `${texts.size} distinct`);
    assert.ok([...texts].some((t) => t.includes(benchOrderId(7))), "buyers name their own order numbers");
    const nlu = createNlu();
    const wrong = [...texts].map((t) => [t, nlu.understand(t).intent] as const).filter(([, i]) => !['track_parcel', 'order_status', 'delivery_estimate'].includes(i));
    assert.deepEqual(wrong, [], 'none is a hand-over, a complaint or not understood');
    assert.notEqual(variedText(3, 0), variedText(3, 1), "a buyer's next question differs from its last");
    assert.equal(variedText(3, 1), variedText(3, 1), 'deterministic');
  });

  test("the NLU memory model follows the memo's rule: repeats hit, long texts are never kept, the oldest leave first", () => {
    const m = new MemoModel();
    for (const t of ['a', 'b', 'a', 'x'.repeat(MemoModel.MAX_TEXT + 1), 'x'.repeat(MemoModel.MAX_TEXT + 1)]) m.see(t);
    assert.deepEqual(m.window(), { hits: 1, total: 5, rate: 0.2 });
    assert.deepEqual(m.window(), { hits: 0, total: 0, rate: null }, 'a window starts from zero');
    for (let i = 0; i <= MemoModel.MAX_ENTRIES; i++) m.see(`t${i}`);
    m.window();
    m.see('t0');
    m.see(`t${MemoModel.MAX_ENTRIES}`);
    assert.deepEqual(m.window(), { hits: 1, total: 2, rate: 0.5 }, 't0 was dropped for the newest');
  });

  test('conversations are opened a few at a time; one answered by a system notice or not at all is left out of the load', async () => {
    let inFlight = 0;
    let most = 0;
    const conns = Array.from({ length: 12 }, (_, i) => {
      const c = fakeConn(1);
      c.send = () => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Connection 3 is handed to a person, 5 never hears back (until BOT_WAIT_MS), the rest get the robot.
        if (i !== 5) setTimeout(() => {
          inFlight--;
          c.handlers.push({ conversationId: 'c', seq: 2, role: i === 3 ? 'system' : 'bot' }, performance.now());
        }, 5);
        return `i${i}`;
      };
      return c;
    });
    const t0 = performance.now();
    const r = await openConversations(conns, 4, (c) => c.send('s', 't', 'm'));
    assert.equal(most, 4, 'never more than the concurrency in flight');
    assert.equal(r.handedOver, 1);
    assert.deepEqual(r.botOwned, conns.filter((_, i) => i !== 3 && i !== 5));
    assert.ok(performance.now() - t0 >= BOT_WAIT_MS - 50, 'a silent one waits its BOT_WAIT_MS, and no longer');
  });
});

describe('history frames', () => {
  const frame = (n: number, hasMore: boolean) =>
    Buffer.from(JSON.stringify({ type: 'history', id: 'f1z', conversationId: 'c_1', messages: fixtureMessages('c_1', n).map((m, i) => ({ ...m, seq: 100 + i })), hasMore }));

  test('counted without decoding: id, conversation, count, last seq, hasMore', () => {
    assert.deepEqual(readHistoryFrame(frame(HISTORY_SIZE, false)), { type: 'history', id: 'f1z', count: HISTORY_SIZE, hasMore: false, bytes: frame(HISTORY_SIZE, false).length, conversationId: 'c_1', lastSeq: 100 + HISTORY_SIZE - 1 });
    const more = readHistoryFrame(frame(3, true))!;
    assert.equal(more.count, 3);
    assert.equal(more.hasMore, true);
    assert.equal(readHistoryFrame(frame(0, false))!.lastSeq, undefined);
  });

  test('the hand-built send frame is valid JSON with the protocol fields', () => {
    const f = JSON.parse(sendFrameJson('f9', 'shop_"x"', 'm1', '你好 "quoted"\n')) as Record<string, unknown>;
    assert.equal(f.type, 'send');
    assert.equal(f.shopId, 'shop_"x"');
    assert.deepEqual(f.content, { kind: 'text', text: '你好 "quoted"\n' });
    assert.ok(typeof f.nonce === 'string' && f.nonce.length >= 16 && f.nonce.length <= 64);
  });
});

describe('report', () => {
  const base = { scenario: 'a', system: 'ws-echo' as const, msgs_per_s: 100, errors: 0 };
  const cpu = { server_cpu_pct: 50, server_sys_pct: 10, gen_cpu_pct: 95, pg_cpu_pct: 0, redis_cpu_pct: 0, machine_cpu_pct: 70, other_cpu_pct: 0 };

  test('a saturated generator makes the row invalid and says why', () => {
    const r = makeRow(base, { count: 1, p50_ms: 1, p99_ms: 2, max_ms: 3 }, cpu);
    assert.equal(r.valid, false);
    assert.match(r.note!, /generator used 95%/);
    assert.equal(makeRow(base, { count: 1, p50_ms: 1, p99_ms: 2, max_ms: 3 }, { ...cpu, gen_cpu_pct: 40 }).valid, undefined);
  });

  test('verdicts judge the kefu rows against the targets; ratios compare with the ceilings', () => {
    const rows: Row[] = [
      { scenario: 'a', system: 'kefu', p50_ms: 5, p99_ms: 14, max_ms: 20, msgs_per_s: 1000, errors: 0 },
      { scenario: 'a', system: 'ws-echo', p50_ms: 1, p99_ms: 7, max_ms: 9, msgs_per_s: 2000, errors: 0 },
      { scenario: 'b', system: 'kefu', p50_ms: 5, p99_ms: 40, max_ms: 45, msgs_per_s: 3000, errors: 0 },
      { scenario: 'b', system: 'ws-echo', p50_ms: 1, p99_ms: 9, max_ms: 12, msgs_per_s: 20000, errors: 0 },
      { scenario: 'c-10000', system: 'kefu', p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 0, kb_per_conn: 20 },
      { scenario: 'c-10000', system: 'ws-echo', p50_ms: null, p99_ms: null, max_ms: null, msgs_per_s: null, errors: 0, kb_per_conn: 10 },
      { scenario: 'b-step', system: 'kefu', p50_ms: 5, p99_ms: 40, max_ms: 45, msgs_per_s: 50, errors: 0, offered_per_s: 50, cpu_ms_per_msg: 0.5 },
      { scenario: 'b-step', system: 'kefu', p50_ms: 5, p99_ms: 40, max_ms: 45, msgs_per_s: 500, errors: 0, offered_per_s: 500, cpu_ms_per_msg: 1.2 },
      { scenario: 'soak', system: 'kefu', p50_ms: null, p99_ms: 30, max_ms: null, msgs_per_s: 250, errors: 0, offered_per_s: 250, rss_growth_pct: 12.5 },
    ];
    const v = verdicts(rows).join('\n');
    assert.match(v, /MET\s+b\s+>= 2500 msgs\/s/);
    assert.match(v, /MET\s+b\s+CPU per answered message <= 0.6 ms at 50\/s: 0.5 ms/);
    assert.match(v, /MISS\s+b\s+CPU per answered message <= 0.4 ms at 500\/s: 1.2 ms/);
    assert.match(v, /MISS\s+soak: resident memory growth < 10 %, no error: 12.5 %/);
    assert.match(v, /MET\s+a\s+p99 <= 15 ms/);
    assert.match(v, /MISS\s+b\s+>= 5000/);
    assert.match(v, /MISS\s+b\s+>= 0.3 x ws-echo rate: 0.15/);
    assert.match(v, /MISS\s+c-10000 memory/);
    assert.match(v, /n\/a\s+e/);
    const r = ratios(rows).join('\n');
    assert.match(r, /a +kefu +\/ ws-echo +p99 2.0x, rate 0.50/);
    assert.match(r, /c-10000 +kefu +\/ ws-echo +memory 2.00x/);
    assert.match(table(rows), /c-10000 +kefu/);
  });
});

describe('profile and plot', () => {
  // Root → a (src/gateway) → writev (native); samples 1 ms apart starting at t=1000 µs.
  const profile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4] },
      { id: 2, callFrame: { functionName: 'handle', url: 'file:///w/src/gateway/gateway.ts', lineNumber: 9 }, children: [3] },
      { id: 3, callFrame: { functionName: 'writev', url: '', lineNumber: -1 } },
      { id: 4, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    ],
    samples: [2, 3, 3, 4, 2],
    timeDeltas: [1000, 1000, 1000, 1000, 1000],
    startTime: 0,
    endTime: 5000,
  };

  test('self and total time by area and function; windows keep only the measured samples', () => {
    const all = analyse(profile);
    const gw = all.byArea.find((c) => c.key === 'src/gateway')!;
    assert.equal(gw.selfMs, 2);
    assert.equal(gw.totalMs, 4);
    const cut = analyse(profile, [{ from: 2500, to: 3500 }]);
    assert.equal(cut.sampledMs, 1);
    assert.deepEqual(callersOf(profile, 'writev'), [{ stack: 'handle src/gateway/gateway.ts:10', ms: 2 }]);
    assert.equal(areaOf('file:///x/node_modules/@redis/client/dist/a.js', 'f'), '@redis/client');
    assert.equal(areaOf('node:internal/streams', 'f'), 'node:internal');
  });

  test('the SVG has one line per system and refuses results without scenario (b)', () => {
    const step = (system: Row['system'], rate: number, p99: number): Row => ({ scenario: 'b-step', system, offered_per_s: rate, p50_ms: 1, p99_ms: p99, max_ms: p99, msgs_per_s: rate, errors: 0 });
    const svg = plotRateLatency([step('kefu', 500, 10), step('kefu', 1000, 80), step('ws-echo', 500, 2), step('ws-echo', 20000, 9)], 't');
    assert.equal(svg.match(/<polyline/g)?.length, 2);
    assert.match(svg, /p99 target 50 ms/);
    assert.throws(() => plotRateLatency([], 't'), /no scenario \(b\) steps/);
  });

  test('heap aggregation sums self sizes by kind', () => {
    const snap = {
      snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [['object', 'string'] as string[]] as [string[]], edge_fields: [], edge_types: [[]] as [string[]] } },
      nodes: [0, 0, 1, 100, 0, 0, 0, 2, 50, 0, 1, 1, 3, 7, 0],
      edges: [],
      strings: ['WebSocket', 'abc'],
    };
    const a = aggregate(snap);
    assert.equal(a.total, 157);
    assert.deepEqual(a.byKind.get('object:WebSocket'), { size: 150, count: 2 });
    assert.deepEqual(a.byKind.get('string'), { size: 7, count: 1 });
  });
});

describe('ws-echo ceiling', () => {
  let server: Server | undefined;
  after(async () => {
    await server?.stop(2000);
  });

  test('echoes to the sender, relays to the same user only, answers sync with 500 messages', async () => {
    server = await startServer('ws-echo', ['bench/ceilings/ws-echo.ts'], { env: {}, cwd: new URL('../..', import.meta.url).pathname, timeoutMs: 20_000 });
    const target: Target = { system: 'ws-echo', urls: [server.url], pids: [server.pid], shopId: 's' };
    const [a, b, other] = await Promise.all([connect(target, { user: 'u1' }), connect(target, { user: 'u1' }), connect(target, { user: 'u2' })]);
    const seen: string[] = [];
    const replies: Reply[] = [];
    a.handlers = { reply: (r) => replies.push(r), push: () => seen.push('a'), closed() {} };
    b.handlers = { reply: () => seen.push('b-reply'), push: (m) => seen.push(`b:${m.clientMsgId}`), closed() {} };
    other.handlers = { reply() {}, push: () => seen.push('other'), closed() {} };
    const id = a.send('s', 'hello', 'm-1');
    const syncId = a.sync('c', 0, 500);
    for (let i = 0; i < 100 && replies.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(
      replies.map((r) => [r.type, r.id]),
      [
        ['ack', id],
        ['history', syncId],
      ],
    );
    assert.equal(replies[1]!.count, HISTORY_SIZE);
    assert.deepEqual(seen, ['b:m-1']);
    for (const c of [a, b, other]) c.close();
  });
});
