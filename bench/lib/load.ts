/**
 * Pacing and bookkeeping shared by the scenarios.
 *
 * Open loop: request k is due at t0 + k/rate whatever happened to earlier ones, and its latency
 * is measured from that intended time, not from when the generator got round to sending it. A
 * server (or generator) stall therefore shows up in the percentiles instead of silently lowering
 * the offered rate (coordinated omission). The 1 ms timer granularity adds at most ~1 ms to a
 * sample; that error is the generator's and is the same for kefu and the ceilings.
 */

export interface OpenLoopResult {
  sent: number;
  /** Wall milliseconds from the first intended send to the last actual send. */
  elapsedMs: number;
  /** Largest lag of an actual send behind its intended time, ms (generator health). */
  maxLagMs: number;
}

/**
 * Calls fire(k, intended) for k = 0..total-1 at `rate` per second; bounded by count and by
 * durationMs + 2 s of wall time (a generator that cannot keep up stops instead of running on).
 */
export function openLoop(rate: number, durationMs: number, fire: (k: number, intended: number) => void): Promise<OpenLoopResult> {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const t0 = performance.now() + 2;
  const interval = 1000 / rate;
  const hardStop = t0 + durationMs + 2000;
  let k = 0;
  let maxLag = 0;
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor((now - t0) / interval) + 1);
      while (k < due) {
        const intended = t0 + k * interval;
        maxLag = Math.max(maxLag, now - intended);
        fire(k, intended);
        k++;
      }
      if (k >= total || now > hardStop) resolve({ sent: k, elapsedMs: performance.now() - t0, maxLagMs: maxLag });
      else setTimeout(tick, Math.max(0, Math.min(1, t0 + k * interval - performance.now())));
    };
    setTimeout(tick, 2);
  });
}

/**
 * Requests waiting for their answer, keyed by frame id (or clientMsgId). `sweep` expires the ones
 * older than the timeout: each is an error. Bounded: a sweep runs every 100 ms while in use.
 */
export class Inflight<T extends { started: number }> {
  readonly #m = new Map<string, T>();
  readonly #timeoutMs: number;
  readonly #onTimeout: (key: string, v: T) => void;
  #timer: NodeJS.Timeout | undefined;

  constructor(timeoutMs: number, onTimeout: (key: string, v: T) => void) {
    this.#timeoutMs = timeoutMs;
    this.#onTimeout = onTimeout;
  }

  add(key: string, v: T): void {
    this.#m.set(key, v);
    this.#timer ??= setInterval(() => this.sweep(performance.now()), 100);
  }

  take(key: string): T | undefined {
    const v = this.#m.get(key);
    if (v !== undefined) this.#m.delete(key);
    return v;
  }

  get(key: string): T | undefined {
    return this.#m.get(key);
  }

  get size(): number {
    return this.#m.size;
  }

  sweep(now: number): void {
    // Insertion order is send order, so the oldest are first.
    for (const [k, v] of this.#m) {
      if (now - v.started < this.#timeoutMs) break;
      this.#m.delete(k);
      this.#onTimeout(k, v);
    }
  }

  /** Resolves when nothing is in flight (timeouts included), or after maxMs. */
  async drain(maxMs: number): Promise<void> {
    const until = performance.now() + maxMs;
    while (this.#m.size > 0 && performance.now() < until) await sleep(10);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A plain-text line for the console; scenarios report progress through it. */
export type Log = (line: string) => void;
