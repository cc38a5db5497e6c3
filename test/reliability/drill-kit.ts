/**
 * What every fault drill shares: buyers sending under load while a dependency is broken, each
 * frame timed and its answer kept; afterwards the stored history checked against the acks, and
 * the figures printed.
 *
 * The rule a drill checks: during the fault every frame is answered within ANSWER_BOUND_MS, by an
 * ack or UNAVAILABLE (in the node-kill drill also CLOSED, the socket of the killed node going
 * away at once); afterwards every acked message is stored once, seqs have no gap, and the node
 * acks again without a restart.
 */
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { KefuClient, type WebSocketCtor } from '../../src/client/index.ts';
import { AUD, ISS } from '../auth/support.ts';
import type { Issuer } from '../support/kefu.ts';
import { percentile } from './private-services.ts';

export const ANSWER_BOUND_MS = 2000;
/** What the typed client waits before calling a frame unanswered (a hang shows as TIMEOUT). */
const CLIENT_TIMEOUT_MS = 6000;
/**
 * Tight dependency timeouts, so a frozen server is given up on well inside the 2 s bound:
 * a statement the server does not answer is dropped after statement timeout + 1 s on the
 * client side (src/storage/postgres/pg-store.ts), a Redis command after its command timeout.
 */
export const DRILL_DB_ENV = { KEFU_DATABASE_STATEMENT_TIMEOUT_MS: '300', KEFU_DATABASE_CONNECT_TIMEOUT_MS: '300' };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function nodeEnv(issuer: Issuer, pgUrl: string, redisUrl: string | undefined, schema: string): Record<string, string> {
  return {
    KEFU_DATABASE_URL: pgUrl,
    KEFU_DATABASE_SCHEMA: schema,
    ...DRILL_DB_ENV,
    ...(redisUrl ? { KEFU_REDIS_URL: redisUrl, KEFU_REDIS_KEY_PREFIX: `${schema}:` } : {}),
    KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
    KEFU_OAUTH_ISSUER: ISS,
    KEFU_OAUTH_AUDIENCE: AUD,
    KEFU_ROBOT: 'false',
  };
}

/** What a drill prints and returns. */
export interface Figures {
  framesSent: number;
  framesAnswered: number;
  answers: Record<string, number>;
  duringFault: number;
  duringFaultUnavailable: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  acked: number;
  stored: number;
  storedOfAcked: number;
  recoveredMsAfterFault: number;
}

interface Sample {
  at: number;
  waitMs: number;
  answer: string;
  faulty: boolean;
}

interface Buyer {
  readonly sub: string;
  client: KefuClient;
  conversationId: string;
  readonly acked: Set<string>;
}

export interface DrillOptions {
  name: string;
  issuer: Issuer;
  /** Node URLs; buyer i starts on urls[i % urls.length]. */
  urls: readonly string[];
  buyers?: number;
  shopId: string;
  /** Pause between one buyer's frames. */
  intervalMs?: number;
  /** Where a buyer whose socket closed reconnects (the node-kill drill); none: the drill fails. */
  reconnectUrl?: () => string;
}

/**
 * Buyers that keep sending, one frame at a time each, until stop(). fault(fn) marks the frames
 * sent while fn runs as sent during the fault. A send whose socket closed under it is sent again
 * with the same clientMsgId on a new socket: an ack then means stored, once.
 */
export class Drill {
  readonly #o: DrillOptions;
  readonly #buyers: Buyer[] = [];
  readonly #samples: Sample[] = [];
  #faulty = false;
  #stop = false;
  #loops: Array<Promise<void>> = [];
  #t0 = 0;
  #faultEndedAt = 0;

  constructor(o: DrillOptions) {
    this.#o = o;
  }

  async #open(sub: string, url: string): Promise<KefuClient> {
    const token = await this.#o.issuer.token({ sub, scope: 'cs:customer' });
    return KefuClient.connect({ url, token, device: 'app', WebSocket: WebSocket as unknown as WebSocketCtor, timeoutMs: CLIENT_TIMEOUT_MS });
  }

  /** Opens the buyers' sockets and conversations (before any fault), then starts sending. */
  async start(): Promise<void> {
    const n = this.#o.buyers ?? 4;
    for (let i = 0; i < n; i++) {
      const sub = `${this.#o.shopId}_b${i}`;
      const client = await this.#open(sub, this.#o.urls[i % this.#o.urls.length]!);
      const { conversationId } = await client.sendText({ shopId: this.#o.shopId }, 'hello');
      this.#buyers.push({ sub, client, conversationId, acked: new Set(['hello']) });
    }
    this.#t0 = performance.now();
    this.#loops = this.#buyers.map((b, i) => this.#loop(b, i));
  }

  async #loop(b: Buyer, i: number): Promise<void> {
    for (let n = 0; !this.#stop; n++) {
      const text = `${i}-${n}`;
      const clientMsgId = `drill-${b.sub}-${n}`;
      for (;;) {
        const answer = await this.#sendOne(b, text, clientMsgId);
        if (answer !== 'CLOSED' || this.#stop) break;
        await this.#reopen(b);
      }
      await sleep(this.#o.intervalMs ?? 50);
    }
  }

  async #sendOne(b: Buyer, text: string, clientMsgId: string): Promise<string> {
    const faulty = this.#faulty;
    const s0 = performance.now();
    let answer = 'ack';
    try {
      await b.client.sendText({ conversationId: b.conversationId }, text, clientMsgId);
      b.acked.add(text);
    } catch (e) {
      answer = (e as { code?: string }).code ?? String(e);
    }
    this.#samples.push({ at: s0 - this.#t0, waitMs: performance.now() - s0, answer, faulty: faulty || this.#faulty });
    return answer;
  }

  async #reopen(b: Buyer): Promise<void> {
    if (!this.#o.reconnectUrl) throw new Error(`${b.sub}: socket closed and the drill has no node to reconnect to`);
    for (let tries = 0; ; tries++) {
      try {
        b.client = await this.#open(b.sub, this.#o.reconnectUrl());
        return;
      } catch (e) {
        if (tries >= 50) throw e;
        await sleep(100);
      }
    }
  }

  /** Runs the fault; frames sent meanwhile count as sent during it. */
  async fault(run: () => Promise<void>): Promise<void> {
    this.#faulty = true;
    try {
      await run();
    } finally {
      this.#faulty = false;
      this.#faultEndedAt = performance.now() - this.#t0;
    }
  }

  /**
   * Waits until every buyer's frames are acked again (recovery without a restart), keeps the
   * load on for `settleMs` more, stops it, then checks the stored histories and prints the figures.
   */
  async finish(opts: { allowed?: readonly string[]; settleMs?: number; recoverWithinMs?: number; historyUrl: string }): Promise<Figures> {
    const recoveredAt = await this.#recovered(opts.recoverWithinMs ?? 15_000);
    await sleep(opts.settleMs ?? 1000);
    this.#stop = true;
    await Promise.all(this.#loops);
    const stored = await this.#checkHistories(opts.historyUrl);
    const fig = this.#figures(recoveredAt, stored);
    console.log(`# drill ${this.#o.name}: ${JSON.stringify(fig)}`);
    const allowed = new Set(['ack', 'UNAVAILABLE', ...(opts.allowed ?? [])]);
    const bad = this.#samples.filter((s) => !allowed.has(s.answer));
    assert.equal(bad.length, 0, `every frame answered with ${[...allowed].join(' or ')}: ${JSON.stringify(fig.answers)}`);
    const slow = this.#samples.filter((s) => s.waitMs > ANSWER_BOUND_MS);
    assert.equal(slow.length, 0, `every frame answered within ${ANSWER_BOUND_MS} ms; slower: ${slow.map((s) => `${Math.round(s.waitMs)} ms ${s.answer}`).join(', ')}`);
    assert.equal(fig.storedOfAcked, fig.acked, 'every acked message is stored');
    return fig;
  }

  /** Time after the fault ended from which each buyer's sends are all acked. */
  async #recovered(withinMs: number): Promise<number> {
    const until = performance.now() + withinMs;
    for (;;) {
      const after = this.#samples.filter((s) => s.at > this.#faultEndedAt && !s.faulty);
      const lastBad = after.findLast((s) => s.answer !== 'ack');
      const since = after.filter((s) => s.at > (lastBad?.at ?? this.#faultEndedAt));
      if (since.length >= this.#buyers.length * 5) return Math.max(0, (lastBad ? lastBad.at + lastBad.waitMs : this.#faultEndedAt) - this.#faultEndedAt);
      if (performance.now() > until) {
        const answers = after.slice(-20).map((s) => s.answer);
        throw new Error(`${this.#o.name}: not recovered ${withinMs} ms after the fault ended (last answers: ${answers.join(',')})`);
      }
      await sleep(100);
    }
  }

  /** Every acked text stored exactly once, nothing stored twice, seqs 1..n. Returns the counts. */
  async #checkHistories(url: string): Promise<{ stored: number; storedOfAcked: number }> {
    let stored = 0;
    let storedOfAcked = 0;
    for (const b of this.#buyers) {
      await b.client.close().catch(() => {});
      const reader = await this.#open(b.sub, url);
      try {
        const history = await reader.syncAll(b.conversationId, 0);
        const texts = history.map((m) => (m.content as { text: string }).text);
        assert.equal(new Set(texts).size, texts.length, `${b.sub}: nothing stored twice`);
        assert.deepEqual(history.map((m) => m.seq), history.map((_, k) => k + 1), `${b.sub}: seqs without a gap`);
        const missing = [...b.acked].filter((t) => !texts.includes(t));
        assert.deepEqual(missing, [], `${b.sub}: every acked message is stored`);
        stored += texts.length;
        storedOfAcked += b.acked.size - missing.length;
      } finally {
        await reader.close();
      }
    }
    return { stored, storedOfAcked };
  }

  #figures(recoveredAt: number, counts: { stored: number; storedOfAcked: number }): Figures {
    const waits = this.#samples.map((s) => s.waitMs);
    const during = this.#samples.filter((s) => s.faulty);
    const answers: Record<string, number> = {};
    for (const s of this.#samples) answers[s.answer] = (answers[s.answer] ?? 0) + 1;
    return {
      framesSent: this.#samples.length,
      framesAnswered: this.#samples.filter((s) => s.answer !== 'TIMEOUT').length,
      answers,
      duringFault: during.length,
      duringFaultUnavailable: during.filter((s) => s.answer === 'UNAVAILABLE').length,
      p50Ms: Math.round(percentile(waits, 50)),
      p99Ms: Math.round(percentile(waits, 99)),
      maxMs: Math.round(Math.max(...waits)),
      acked: this.#buyers.reduce((n, b) => n + b.acked.size, 0),
      stored: counts.stored,
      storedOfAcked: counts.storedOfAcked,
      recoveredMsAfterFault: Math.round(recoveredAt),
    };
  }

  /** Stops the load without checks (a failed drill's cleanup). */
  async abort(): Promise<void> {
    this.#stop = true;
    await Promise.allSettled(this.#loops);
    await Promise.allSettled(this.#buyers.map((b) => b.client.close()));
  }
}
