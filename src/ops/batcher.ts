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
 */
export interface BatcherOptions {
  /** Batches running at the same time (each typically holds one pool connection). */
  maxInFlight?: number;
  /** Largest batch; a longer queue leaves in several. */
  maxBatch?: number;
  /** Told the size of every batch that leaves (metrics). */
  onBatch?: (size: number) => void;
}

interface Pending<T, R> {
  item: T;
  resolve(r: R): void;
  reject(e: unknown): void;
}

export class Batcher<T, R> {
  readonly #run: (items: T[]) => Promise<R[]>;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;
  readonly #onBatch: ((size: number) => void) | undefined;
  #queue: Array<Pending<T, R>> = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(run: (items: T[]) => Promise<R[]>, opts: BatcherOptions = {}) {
    this.#run = run;
    this.#maxInFlight = Math.max(1, opts.maxInFlight ?? 2);
    this.#maxBatch = Math.max(1, opts.maxBatch ?? 256);
    this.#onBatch = opts.onBatch;
  }

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
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
    if (this.#inFlight >= this.#maxInFlight || this.#queue.length === 0) return;
    const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch);
    this.#queue = batch === this.#queue ? [] : this.#queue.slice(this.#maxBatch);
    this.#onBatch?.(batch.length);
    this.#inFlight++;
    void this.#runBatch(batch).finally(() => {
      this.#inFlight--;
      this.#schedule();
    });
    this.#schedule();
  }

  async #runBatch(batch: Array<Pending<T, R>>): Promise<void> {
    try {
      const results = await this.#run(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }
}
