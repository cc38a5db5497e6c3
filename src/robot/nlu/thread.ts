/**
 * The NLU on a thread of its own, for when the event loop is busy (issue #16).
 *
 * kefu's main thread is one event loop: under a sale's load it runs the sockets, the frame checks,
 * the message writer and the robot, and it is the first thing on this machine to run out (about 88 %
 * of a core at 2,500 answered messages a second, with a second core half idle). Understanding a
 * text the NLU has not seen before is the largest single piece of a robot turn (about a fifth of
 * the main thread's CPU at that rate, when half the texts are new), it is pure CPU, and it needs
 * nothing from the conversation: so under load it runs here, on another core, while the main
 * thread goes on with the sockets.
 *
 * Modes (KEFU_ROBOT_NLU_THREAD):
 * - `auto` (default): texts go to the thread only while the main thread's event loop is busy (its
 *   utilisation over the last half second at or above BUSY_ABOVE, until it falls below
 *   CALM_BELOW). A quiet node never starts the thread: each hop costs two wake-ups, which is most of
 *   what a message costs at a low rate, and the thread's NLU its memory (about the main one's).
 * - `always`: texts the main thread has not remembered go to the thread whenever it is up, busy or
 *   not, in turns of at least MIN_BATCH as in `auto` (tests, benchmarks).
 * - `off`: never; everything is understood on the main thread, as before.
 *
 * Never a hang and never a wrong answer: a batch not answered within DEADLINE_MS, a thread that
 * fails or exits, or one not ready yet gives `undefined`, and the robot understands the text on the
 * main thread as it always did. A thread that missed a deadline or died is left alone for
 * COOL_DOWN_MS (a dead one is started again after it). Texts of one event-loop turn go in one
 * message each way, so the hop's cost is shared the way the message writer shares a commit; a
 * thread the calm loop has not used for IDLE_STOP_MS is stopped, giving its memory back.
 */
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { Understanding } from '../types.ts';
import { DEFAULT_TZ_OFFSET_MINUTES } from './understand.ts';

export const NLU_THREAD_MODES = ['auto', 'always', 'off'] as const;
export type NluThreadMode = (typeof NLU_THREAD_MODES)[number];

/** One text for the thread, with the time it is understood at. */
interface ThreadItem {
  readonly id: number;
  readonly text: string;
  readonly now: number;
  /** The shop's calendar when it is not the thread's (minutes east of UTC). */
  readonly tz?: number;
}
/** What the main thread sends: the texts of one event-loop turn. */
export interface ThreadRequest {
  readonly items: readonly ThreadItem[];
}
/** What the thread sends: `ready` once, then one reply per request (`u` absent: understand it on the main thread). */
export interface ThreadReply {
  readonly ready?: true;
  readonly results?: { readonly id: number; readonly u?: Understanding }[];
}

export type ThreadOutcome = 'answered' | 'timeout' | 'failed';

export interface NluThreadOptions {
  readonly mode: NluThreadMode;
  readonly tzOffsetMinutes?: number;
  /** Counts each text sent to the thread by how it ended. */
  readonly onOutcome?: (outcome: ThreadOutcome) => void;
  /** For tests: the worker's entry (default thread-worker.ts beside this file). */
  readonly entry?: URL;
  readonly deadlineMs?: number;
  /** Default MIN_BATCH. */
  readonly minBatch?: number;
  /** Default IDLE_STOP_MS. */
  readonly idleStopMs?: number;
}

export interface NluThread {
  /**
   * The thread's understanding of `text`, or undefined (now, or when the promise settles): then
   * the caller understands it itself. Never rejects.
   */
  understand(text: string, now: Date, tzOffsetMinutes?: number): Promise<Understanding | undefined> | undefined;
  /** The calendar its NLU reads relative dates on (minutes east of UTC) when a text names none. */
  readonly tzOffsetMinutes: number;
  readonly started: boolean;
  close(): Promise<void>;
}

/** Event-loop utilisation at which `auto` starts sending texts to the thread, and below which it stops. */
export const BUSY_ABOVE = 0.6;
export const CALM_BELOW = 0.35;
const SAMPLE_MS = 500;
const DEADLINE_MS = 250;
const COOL_DOWN_MS = 10_000;
/** A thread unused this long while the loop is calm is stopped: its NLU holds about 140 MB. */
const IDLE_STOP_MS = 60_000;
/**
 * Fewer texts than this in one event-loop turn are understood on the main thread: a hop wakes
 * the thread and then the main thread, each wake-up costing about 0.4 ms of CPU on this machine
 * (docs/benchmarks.md), more than the NLU spends on a few texts. Measured at 200–300 answered
 * messages a second, where turns carried one or two texts: 0.5–0.8 ms more CPU per message.
 */
export const MIN_BATCH = 4;

interface Pending {
  readonly resolve: (u: Understanding | undefined) => void;
  readonly batch: Batch;
}
interface Batch {
  readonly items: ThreadItem[];
  timer?: ReturnType<typeof setTimeout>;
}
const idsOf = (b: Batch) => b.items.map((i) => i.id);

export function createNluThread(opts: NluThreadOptions): NluThread {
  return opts.mode === 'off' ? OFF : new ThreadClient(opts);
}

const OFF: NluThread = { understand: () => undefined, tzOffsetMinutes: DEFAULT_TZ_OFFSET_MINUTES, started: false, close: () => Promise.resolve() };

class ThreadClient implements NluThread {
  readonly #opts: NluThreadOptions;
  readonly #deadlineMs: number;
  #worker: Worker | undefined;
  #ready = false;
  #busy: boolean;
  #quietUntil = 0;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** The batch of this event-loop turn, sent in the check phase. */
  #batch: Batch | undefined;
  #sampler: ReturnType<typeof setInterval> | undefined;
  #elu = performance.eventLoopUtilization();
  #closed = false;
  #lastUsed = 0;
  /** Batches sent and not answered yet, for their deadlines. */
  readonly #inFlight = new Set<Batch>();

  constructor(opts: NluThreadOptions) {
    this.#opts = opts;
    this.#deadlineMs = opts.deadlineMs ?? DEADLINE_MS;
    this.#busy = opts.mode === 'always';
    if (opts.mode === 'always') this.#start();
    else {
      this.#sampler = setInterval(() => this.#sample(), SAMPLE_MS);
      this.#sampler.unref();
    }
  }

  get tzOffsetMinutes(): number {
    return this.#opts.tzOffsetMinutes ?? DEFAULT_TZ_OFFSET_MINUTES;
  }

  get started(): boolean {
    return this.#worker !== undefined;
  }

  understand(text: string, now: Date, tzOffsetMinutes?: number): Promise<Understanding | undefined> | undefined {
    if (!this.#busy || this.#closed || performance.now() < this.#quietUntil) return undefined;
    if (!this.#worker) this.#start();
    if (!this.#ready) return undefined;
    const id = this.#nextId++;
    if (!this.#batch) {
      this.#batch = { items: [] };
      setImmediate(() => this.#send());
    }
    const batch = this.#batch;
    batch.items.push({ id, text, now: now.getTime(), ...(tzOffsetMinutes !== undefined ? { tz: tzOffsetMinutes } : {}) });
    return new Promise((resolve) => this.#pending.set(id, { resolve, batch }));
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#sampler) clearInterval(this.#sampler);
    this.#clearDeadlines();
    this.#settle([...this.#pending.keys()]);
    this.#batch = undefined;
    const w = this.#worker;
    this.#worker = undefined;
    if (w) await w.terminate();
  }

  /** Busy from BUSY_ABOVE, calm again below CALM_BELOW: the gap keeps it from flapping at one rate. */
  #sample(): void {
    const now = performance.eventLoopUtilization();
    const u = performance.eventLoopUtilization(now, this.#elu).utilization;
    this.#elu = now;
    this.#busy = this.#busy ? u >= CALM_BELOW : u >= BUSY_ABOVE;
    // Unused for a while (since it was started or last sent to) while the loop is calm: stopped.
    if (this.#worker && !this.#busy && this.#pending.size === 0 && performance.now() - this.#lastUsed > (this.#opts.idleStopMs ?? IDLE_STOP_MS)) this.#drop();
  }

  /** Stops the thread without waiting for it; the next one starts when needed. */
  #drop(): void {
    const w = this.#worker;
    this.#worker = undefined;
    this.#ready = false;
    void w?.terminate();
  }

  #send(): void {
    const batch = this.#batch;
    this.#batch = undefined;
    if (!batch) return;
    if (!this.#worker || batch.items.length < (this.#opts.minBatch ?? MIN_BATCH)) return this.#settle(idsOf(batch));
    // The decision waits one more turn: after a long turn of the main thread, the thread's reply
    // may be waiting to be read, and it is read before a check-phase callback (found in review).
    batch.timer = setTimeout(() => setImmediate(() => this.#missed(batch)), this.#deadlineMs);
    this.#inFlight.add(batch);
    this.#lastUsed = performance.now();
    this.#worker.postMessage({ items: batch.items } satisfies ThreadRequest);
  }

  #onReply(msg: ThreadReply): void {
    if (msg.ready) {
      this.#ready = true;
      return;
    }
    for (const r of msg.results ?? []) {
      const p = this.#pending.get(r.id);
      if (!p) continue;
      this.#pending.delete(r.id);
      if (p.batch.timer) clearTimeout(p.batch.timer);
      this.#inFlight.delete(p.batch);
      this.#opts.onOutcome?.(r.u ? 'answered' : 'failed');
      p.resolve(r.u);
    }
  }

  /**
   * A batch past its deadline: understood on the main thread, and the thread, hung or too slow,
   * replaced by a new one after the cool-down (what it still holds is understood here too).
   */
  #missed(batch: Batch): void {
    this.#inFlight.delete(batch);
    const late = idsOf(batch).filter((id) => this.#pending.has(id));
    if (late.length === 0 || this.#closed) return;
    for (const _ of late) this.#opts.onOutcome?.('timeout');
    this.#settle(late);
    this.#quietUntil = performance.now() + COOL_DOWN_MS;
    this.#lost(this.#worker, 'timeout');
  }

  #clearDeadlines(): void {
    for (const b of this.#inFlight) clearTimeout(b.timer);
    this.#inFlight.clear();
  }

  #start(): void {
    if (this.#closed || performance.now() < this.#quietUntil) return;
    const entry = this.#opts.entry ?? new URL('./thread-worker.ts', import.meta.url);
    const w = new Worker(entry, { workerData: { tzOffsetMinutes: this.tzOffsetMinutes } });
    w.unref();
    this.#worker = w;
    this.#ready = false;
    this.#lastUsed = performance.now();
    // Only the current thread is heard: a stopped one's late "ready" must not mark a new one ready.
    w.on('message', (m: ThreadReply) => this.#worker === w && this.#onReply(m));
    w.on('error', () => this.#lost(w, 'failed'));
    w.on('exit', () => this.#lost(w, 'failed'));
  }

  /** The thread failed, exited or missed a deadline: what it had is understood on the main thread; a new one after the cool-down. */
  #lost(w: Worker | undefined, outcome: ThreadOutcome): void {
    if (!w || this.#worker !== w) return;
    this.#drop();
    this.#clearDeadlines();
    const lost = [...this.#pending.keys()];
    for (const _ of lost) this.#opts.onOutcome?.(outcome);
    this.#settle(lost);
    if (!this.#closed) this.#quietUntil = performance.now() + COOL_DOWN_MS;
  }

  /** These texts are understood on the main thread after all. */
  #settle(ids: readonly number[]): void {
    for (const id of ids) {
      const p = this.#pending.get(id);
      if (!p) continue;
      this.#pending.delete(id);
      p.resolve(undefined);
    }
  }
}
