/**
 * The attacker of the hostile-input suite, in a worker thread: its sockets, parsing and timers
 * run on their own event loop, so the healthy client's figures measure kefu, not the test's own
 * attack traffic sharing kefu's loop. Driven by support.ts (`Attacker`), one request at a time:
 * `{ id, op, ...args }` → `{ id, ok, value | error }`.
 */
import { parentPort } from 'node:worker_threads';
import { connect as netConnect } from 'node:net';
import WebSocket from 'ws';

const held = new Map<number, WebSocket>();
let nextHandle = 1;

interface UpgradeArgs {
  url: string;
  query?: string;
  headers?: Record<string, string>;
}
export interface UpgradeOutcome {
  status: number;
  body: string;
  /** 101 only: the socket, kept open in the worker until `close`. */
  handle?: number;
  /** No HTTP answer: the server dropped the connection after this many ms. */
  droppedAfterMs?: number;
}

function upgradeOne(a: UpgradeArgs): Promise<UpgradeOutcome> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const ws = new WebSocket(`${a.url.replace(/^http/, 'ws')}/im${a.query ?? ''}`, { headers: a.headers ?? {} });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += String(d)));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        ws.terminate();
      });
    });
    ws.on('open', () => {
      const handle = nextHandle++;
      held.set(handle, ws);
      ws.on('close', () => held.delete(handle));
      resolve({ status: 101, body: '', handle });
    });
    ws.on('error', () => resolve({ status: 0, body: '', droppedAfterMs: performance.now() - t0 }));
  });
}

/** `count` upgrades, `wave` at a time. */
async function upgrades(a: UpgradeArgs & { count: number; wave?: number }): Promise<UpgradeOutcome[]> {
  const out: UpgradeOutcome[] = [];
  const wave = a.wave ?? a.count;
  for (let i = 0; i < a.count; i += wave) out.push(...(await Promise.all(Array.from({ length: Math.min(wave, a.count - i) }, () => upgradeOne(a)))));
  return out;
}

async function close(a: { handles: number[] }): Promise<void> {
  await Promise.all(
    a.handles.map((h) => {
      const ws = held.get(h);
      if (!ws) return undefined;
      return new Promise((r) => {
        ws.once('close', r);
        ws.close();
      });
    }),
  );
}

/** `count` raw TCP connections that each write `data` and wait to be closed. */
function raw(a: { url: string; data: string; count: number }): Promise<Array<{ closedAfterMs: number; answer: string }>> {
  const { hostname, port } = new URL(a.url);
  const one = () =>
    new Promise<{ closedAfterMs: number; answer: string }>((resolve) => {
      const t0 = performance.now();
      let answer = '';
      const s = netConnect(Number(port), hostname, () => s.write(a.data));
      s.on('data', (d) => (answer += String(d)));
      s.on('error', () => {});
      s.on('close', () => resolve({ closedAfterMs: performance.now() - t0, answer }));
    });
  return Promise.all(Array.from({ length: a.count }, one));
}

/**
 * A device that stops reading (its TCP stream paused) and keeps asking for history: every
 * `sync` answer lands in the server's send buffer. Stops once kefu's cut-off counter moved (a
 * paused socket does not see its own close), or after `max` frames.
 */
async function neverReads(a: { url: string; token: string; conversationId: string; limit: number; max: number; everyMs: number }): Promise<{ frames: number; cut: boolean }> {
  const cutoffs = async () => Number((await (await fetch(`${a.url}/metrics`)).text()).match(/kefu_ws_slow_consumer_cutoffs_total (\d+)/)?.[1] ?? 0);
  const before = await cutoffs();
  const ws = new WebSocket(`${a.url.replace(/^http/, 'ws')}/im?token=${a.token}&device=pc`);
  await new Promise((r) => ws.once('open', r));
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  ws.on('error', () => {});
  let n = 0;
  let cut = false;
  for (; n < a.max && !cut; n++) {
    ws.send(JSON.stringify({ type: 'sync', id: `s${n}`, ts: Date.now(), nonce: `never-reads-${n}-${Math.random().toString(36).slice(2)}`, conversationId: a.conversationId, afterSeq: 0, limit: a.limit }));
    await new Promise((r) => setTimeout(r, a.everyMs));
    if (n % 5 === 4) cut = (await cutoffs()) > before;
  }
  ws.terminate();
  return { frames: n, cut };
}

/** Plain HTTP requests, one after another; a request the server cuts off answers status 0. */
async function requests(a: { list: Array<{ url: string; method?: string; headers?: Record<string, string>; body?: string }> }): Promise<Array<{ status: number; body: string }>> {
  const out = [];
  for (const r of a.list) {
    try {
      const res = await fetch(r.url, { method: r.method ?? 'GET', headers: r.headers ?? {}, ...(r.body !== undefined ? { body: r.body } : {}) });
      out.push({ status: res.status, body: await res.text() });
    } catch (e) {
      out.push({ status: 0, body: String(e) });
    }
  }
  return out;
}

const OPS: Record<string, (a: never) => Promise<unknown>> = { upgrades, close, raw, neverReads, requests };

parentPort!.on('message', (m: { id: number; op: string; args: unknown }) => {
  OPS[m.op]!(m.args as never).then(
    (value) => parentPort!.postMessage({ id: m.id, ok: true, value }),
    (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, error: String(e) }),
  );
});
