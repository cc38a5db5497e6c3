/**
 * Gathers calls that arrive close together into one call of `run` (one SQL statement for many
 * messages, one query for many buyers), so a busy node pays one round trip per batch instead of
 * one per call.
 *
 * No timer and no added wait: a call made while fewer than `maxInFlight` batches are running
 * leaves at the end of the current turn of the event loop, with whatever else that turn
 * produced; otherwise it joins the next batch, which leaves as soon as a running one finishes.
 * A quiet node therefore runs each call alone, and a busy one runs bigger batches instead of
 * queueing for pool connections.
 *
 * `run` gets the items in call order and returns one result per item (same index). When it
 * throws, every call of that batch is rejected with the error.
 *
 * With `timeoutMs`, every call settles within that long of its add(), whatever `run` does: a
 * call still queued then is rejected without having run, one whose batch is still running is
 * rejected too (its batch may still complete). A batch whose calls have all been settled that
 * way gives its slot back at once, so a batch that never settles (a frozen database) cannot
 * hold the slots and stall every later call; its `run` is told through the signal.
 */
import { asSystem } from '../storage/scope.ts';
export interface BatcherOptions {
  /** Batches running at the same time (each typically holds one pool connection). */
  maxInFlight?: number;
  /** Largest batch; a longer queue leaves in several. */
  maxBatch?: number;
  /** Told the size of every batch that leaves (metrics). */
  onBatch?: (size: number) => void;
  /** Deadline of every call, from add() (see above). Default: none. */
  timeoutMs?: number;
  /** The error a call past its deadline is rejected with; `started`: its batch had begun. */
  timeoutError?: (started: boolean) => unknown;
}

interface Batch {
  /** Calls of the batch not settled yet; at 0 (all timed out) the slot is given back. */
  open: number;
  released: boolean;
  readonly abort: AbortController | undefined;
}

interface Pending<T, R> {
  item: T;
  resolve(r: R): void;
  reject(e: unknown): void;
  /** Epoch ms after which the call is rejected (timeoutMs). */
  deadline: number;
  settled: boolean;
  batch: Batch | undefined;
}

const NEVER = new AbortController().signal;

export class Batcher<T, R> {
  readonly #run: (items: T[], signal: AbortSignal) => Promise<R[]>;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;
  readonly #onBatch: ((size: number) => void) | undefined;
  readonly #timeoutMs: number | undefined;
  readonly #timeoutError: (started: boolean) => unknown;
  #queue: Array<Pending<T, R>> = [];
  #inFlight = 0;
  #scheduled = false;
  /** Calls with a deadline not settled yet, in add order (= deadline order). */
  readonly #watched = new Set<Pending<T, R>>();
  #sweeper: NodeJS.Timeout | undefined;

  constructor(run: (items: T[], signal: AbortSignal) => Promise<R[]>, opts: BatcherOptions = {}) {
    this.#run = run;
    this.#maxInFlight = Math.max(1, opts.maxInFlight ?? 2);
    this.#maxBatch = Math.max(1, opts.maxBatch ?? 256);
    this.#onBatch = opts.onBatch;
    this.#timeoutMs = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? opts.timeoutMs : undefined;
    this.#timeoutError = opts.timeoutError ?? ((started) => new Error(started ? 'batch did not settle in time' : 'call waited too long for a batch'));
  }

  /** Batches running now (timed-out ones excluded): for tests and metrics. */
  get inFlight(): number {
    return this.#inFlight;
  }

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      const p: Pending<T, R> = { item, resolve, reject, deadline: 0, settled: false, batch: undefined };
      if (this.#timeoutMs !== undefined) {
        p.deadline = Date.now() + this.#timeoutMs;
        this.#watch(p);
      }
      this.#queue.push(p);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#maxInFlight || this.#queue.length === 0) return;
    this.#scheduled = true;
    // setImmediate, not a microtask: calls caused by frames read in the same poll phase join.
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    // A call with less than a quarter of its time left would likely be cut off mid-statement
    // (an outcome its caller cannot know): it is refused now, cleanly, as never run.
    if (this.#timeoutMs !== undefined) this.#expire(Date.now() + this.#timeoutMs / 4);
    if (this.#inFlight >= this.#maxInFlight || this.#queue.length === 0) return;
    const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch);
    this.#queue = batch === this.#queue ? [] : this.#queue.slice(this.#maxBatch);
    this.#onBatch?.(batch.length);
    this.#inFlight++;
    const state: Batch = { open: batch.length, released: false, abort: this.#timeoutMs !== undefined ? new AbortController() : undefined };
    for (const p of batch) p.batch = state;
    // A batch mixes callers of any shop: it runs in the system scope, whichever caller's
    // context scheduled it (row-level security: storage/scope.ts).
    void asSystem(() => this.#runBatch(batch, state)).finally(() => this.#release(state));
    this.#schedule();
  }

  async #runBatch(batch: Array<Pending<T, R>>, state: Batch): Promise<void> {
    try {
      const results = await this.#run(
        batch.map((p) => p.item),
        state.abort?.signal ?? NEVER,
      );
      batch.forEach((p, i) => {
        if (this.#settle(p)) p.resolve(results[i]!);
      });
    } catch (e) {
      for (const p of batch) if (this.#settle(p)) p.reject(e);
    }
  }

  /** Marks `p` settled; false when it already was (its deadline passed first). */
  #settle(p: Pending<T, R>): boolean {
    if (p.settled) return false;
    p.settled = true;
    this.#watched.delete(p);
    return true;
  }

  #release(state: Batch): void {
    if (state.released) return;
    state.released = true;
    this.#inFlight--;
    this.#schedule();
  }

  #watch(p: Pending<T, R>): void {
    this.#watched.add(p);
    // One sweep for all calls while any is waiting: no timer per call on the hot path.
    this.#sweeper ??= setInterval(() => this.#sweep(), Math.max(10, Math.min(250, this.#timeoutMs! / 8))).unref();
  }

  #sweep(): void {
    this.#expire(Date.now());
    if (this.#watched.size === 0) {
      clearInterval(this.#sweeper);
      this.#sweeper = undefined;
    }
  }

  /** Rejects every call due before `limit` that is still queued, and every call whose deadline passed. */
  #expire(limit: number): void {
    const now = Date.now();
    let dropped = false;
    for (const p of this.#watched) {
      if (p.deadline > limit) break;
      if (p.batch && p.deadline > now) continue;
      this.#settle(p);
      p.reject(this.#timeoutError(p.batch !== undefined));
      if (!p.batch) dropped = true;
      else if (--p.batch.open === 0) {
        // Every call of the batch has been answered: its slot goes to the next batch now.
        p.batch.abort?.abort();
        this.#release(p.batch);
      }
    }
    if (dropped) this.#queue = this.#queue.filter((q) => !q.settled);
  }
}
