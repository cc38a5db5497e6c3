/**
 * Helpers of the hostile-input suite (test/security/*.int.test.ts, docs/security.md): a kefu node
 * on real PostgreSQL and Redis, a healthy client that keeps pinging while an attack runs (its
 * round trips must stay under 50 ms at p99), the row counts that prove nothing was stored, and
 * the attacker in a worker thread.
 */
import assert from 'node:assert/strict';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { KefuClient } from '../../src/client/index.ts';
import type { UpgradeOutcome } from './attacker.ts';
import { connect, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';

export interface Setup {
  issuer: Issuer;
  node: Node;
  probe: Probe;
  attacker: Attacker;
  close(): Promise<void>;
}

/**
 * The probe pings every 10 ms, about 90 frames a second: over the default 50 per connection, so
 * the nodes under attack allow 200 (no attack here relies on the frame rate; the gateway's suite
 * tests it).
 */
const PROBE_RATE = { KEFU_WS_RATE_PER_CONNECTION: '200', KEFU_WS_RATE_PER_USER: '200' };
const PROBE_INTERVAL_MS = 10;

/** A node on the real services (its own schema and key prefix), with a healthy client connected. */
export async function startSetup(env: Record<string, string> = {}): Promise<Setup> {
  const issuer = await startIssuer();
  const node = await startNode({ ...realEnv(issuer, newIsolation()), ...PROBE_RATE, ...env });
  const probe = await Probe.start(node, await issuer.token({ sub: 'healthy_buyer', scope: 'cs:customer' }));
  const attacker = new Attacker();
  return {
    issuer,
    node,
    probe,
    attacker,
    async close() {
      await attacker.stop();
      await probe.close();
      await node.close();
      await issuer.close();
    },
  };
}

export interface ProbeStats {
  readonly n: number;
  readonly failures: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/** The healthy client's budget: 50 ms at p99 while an attack runs. */
const P99_BUDGET_MS = 50;
/**
 * Above this p99 in the quiet second before an attack, or with a one-minute load average over
 * three times the cores (this suite alone, one file at a time with its PostgreSQL and Redis,
 * keeps it under the core count), the machine itself is the noise: a tail figure then measures
 * the scheduler, not kefu.
 */
const QUIET_P99_MS = 25;
/**
 * Round trips a judged p99 needs. With fewer, the nearest-rank p99 is the maximum: a ten-ping
 * attack failed its budget on one scheduling pause of a two-core CI machine (69 ms; 7 ms in the
 * quiet second before). A short attack's window runs on until this many (about 1.2 s at one ping
 * per 10 ms), so one slow round trip in a hundred passes and two fail.
 */
const P99_MIN_SAMPLES = 100;
const machineBusy = (): boolean => loadavg()[0]! > 3 * availableParallelism();

/**
 * A healthy device of another user that pings every 10 ms (under the rate PROBE_RATE allows) and
 * records each round trip. `during()` measures a quiet second, runs an attack (its window at
 * least P99_MIN_SAMPLES round trips long), then asserts the device was served throughout: no
 * error and no disconnect, always; p99 under 50 ms when the machine is idle (load average at
 * most three times its cores, quiet second's p99 at most 25 ms). On a loaded machine the figures are printed with "latency not judged" rather than turned into a coin toss.
 */
export class Probe {
  readonly #client: KefuClient;
  #samples: number[] = [];
  #failures = 0;
  #running = true;
  readonly #loop: Promise<void>;

  private constructor(client: KefuClient) {
    this.#client = client;
    this.#loop = this.#run();
  }

  static async start(node: Node, token: string): Promise<Probe> {
    return new Probe(await connect(node.url, token, 'pc'));
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const t0 = performance.now();
      try {
        await this.#client.ping();
        this.#samples.push(performance.now() - t0);
      } catch {
        this.#failures++;
      }
      await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
    }
  }

  /** Runs `attack` with the probe's figures reset, then checks and prints them (`latency: false`: prints the figures but judges only errors and disconnects). */
  async during<T>(label: string, attack: () => Promise<T>, o: { latency?: boolean } = {}): Promise<T> {
    this.#samples = [];
    await new Promise((r) => setTimeout(r, 1000));
    const quiet = this.stats();
    this.#samples = [];
    this.#failures = 0;
    const out = await attack();
    while (this.#samples.length + this.#failures < P99_MIN_SAMPLES) await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS));
    const s = this.stats();
    const load = loadavg()[0]!;
    const judged = o.latency !== false && quiet.p99 <= QUIET_P99_MS && !machineBusy();
    const verdict = judged ? `budget ${P99_BUDGET_MS} ms` : o.latency === false ? 'latency judged in its own case' : `latency not judged: the machine is loaded (load average ${load.toFixed(1)} on ${availableParallelism()} cores, quiet p99 ${quiet.p99.toFixed(1)} ms)`;
    console.log(`[security] ${label}: healthy client n=${s.n} failures=${s.failures} p50=${s.p50.toFixed(1)} ms p99=${s.p99.toFixed(1)} ms max=${s.max.toFixed(1)} ms; quiet second before: p50=${quiet.p50.toFixed(1)} ms p99=${quiet.p99.toFixed(1)} ms; ${verdict}`);
    assert.equal(s.failures, 0, `${label}: the healthy client got errors`);
    assert.equal(this.#client.closed, undefined, `${label}: the healthy client was disconnected`);
    if (judged) assert.ok(s.p99 < P99_BUDGET_MS, `${label}: healthy client p99 ${s.p99.toFixed(1)} ms is not under ${P99_BUDGET_MS} ms`);
    return out;
  }

  stats(): ProbeStats {
    const a = [...this.#samples].sort((x, y) => x - y);
    const at = (q: number) => a[Math.min(a.length - 1, Math.ceil(q * a.length) - 1)] ?? 0;
    return { n: a.length, failures: this.#failures, p50: at(0.5), p99: at(0.99), max: a[a.length - 1] ?? 0 };
  }

  async close(): Promise<void> {
    this.#running = false;
    await this.#loop;
    await this.#client.close();
  }
}

const TABLES = ['conversations', 'messages', 'conversation_reads', 'webhook_events', 'shop_orders', 'shop_logistics', 'shop_aftersales', 'faq_entries', 'sensitive_words', 'agents', 'conversation_notes', 'conversation_ratings', 'canned_replies', 'commands', 'command_idempotency_keys'] as const;

/** Rows per table of the node's schema: equal before and after a refused attack means nothing was stored. */
export async function rowCounts(node: Node): Promise<Record<string, number>> {
  const select = TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ');
  const r = await sql<Record<string, number>>`${sql.raw(`select ${select}`)}`.execute(node.rt.storage.sql.db);
  return r.rows[0]!;
}

/** Asserts that `attack` left every table as it was. */
export async function storesNothing<T>(node: Node, label: string, attack: () => Promise<T>): Promise<T> {
  const before = await rowCounts(node);
  const out = await attack();
  assert.deepEqual(await rowCounts(node), before, `${label}: something was stored`);
  return out;
}

/** The attack side, in a worker thread (attacker.ts): its traffic does not share kefu's event loop. */
export class Attacker {
  readonly #worker = new Worker(new URL('./attacker.ts', import.meta.url));
  readonly #pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  #next = 1;
  constructor() {
    this.#worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: string }) => {
      const p = this.#pending.get(m.id)!;
      this.#pending.delete(m.id);
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
  }
  #call<T>(op: string, args: unknown): Promise<T> {
    const id = this.#next++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.#worker.postMessage({ id, op, args });
    });
  }
  /** `count` upgrades to /im, `wave` at a time; open sockets stay open in the worker until `close`. */
  upgrades(url: string, o: { query?: string; headers?: Record<string, string>; count?: number; wave?: number } = {}): Promise<UpgradeOutcome[]> {
    return this.#call('upgrades', { url, count: 1, ...o });
  }
  async upgrade(url: string, o: { query?: string; headers?: Record<string, string> } = {}): Promise<UpgradeOutcome> {
    return (await this.upgrades(url, o))[0]!;
  }
  close(outcomes: readonly UpgradeOutcome[]): Promise<void> {
    return this.#call('close', { handles: outcomes.flatMap((o) => (o.handle ? [o.handle] : [])) });
  }
  /** `count` raw TCP connections that write `data` and wait for the server to close them. */
  raw(url: string, data: string, count = 1): Promise<Array<{ closedAfterMs: number; answer: string }>> {
    return this.#call('raw', { url, data, count });
  }
  neverReads(a: { url: string; token: string; conversationId: string; limit: number; max: number; everyMs: number }): Promise<{ frames: number; cut: boolean }> {
    return this.#call('neverReads', a);
  }
  /** HTTP requests, one after another, from the worker. */
  requests(list: Array<{ url: string; method?: string; headers?: Record<string, string>; body?: string }>): Promise<Array<{ status: number; body: string }>> {
    return this.#call('requests', { list });
  }
  async stop(): Promise<void> {
    await this.#worker.terminate();
  }
}

/** The error code of a refusal body (`{ error: { code } }`). */
export const codeOf = (body: string): string | undefined => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
};

export type { UpgradeOutcome };
export { connect };
