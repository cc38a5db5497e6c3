import { KefuError } from '../protocol/errors.ts';

/**
 * A bounded queue in front of slow work (storage writes, robot answers). At most `concurrency`
 * tasks run; at most `queueMax` wait. Beyond that new work is refused at once with UNAVAILABLE
 * instead of piling up in memory. Work kinds marked sheddable (robot answers) are refused
 * earlier, when the queue is half full, so that under a peak the human messages still get in.
 */
export type WorkKind = 'message' | 'robot' | 'sync' | 'other';

export class WorkQueue {
  readonly #concurrency: number;
  readonly #queueMax: number;
  readonly #onReject: (kind: WorkKind) => void;
  #running = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(opts: { concurrency: number; queueMax: number; onReject?: (kind: WorkKind) => void }) {
    this.#concurrency = opts.concurrency;
    this.#queueMax = opts.queueMax;
    this.#onReject = opts.onReject ?? (() => {});
  }

  get running(): number {
    return this.#running;
  }
  get waiting(): number {
    return this.#waiting.length;
  }

  /** True when sheddable work would be refused now (used to skip robot answers early). */
  get shedding(): boolean {
    return this.#waiting.length >= this.#queueMax / 2;
  }

  async run<T>(kind: WorkKind, fn: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) {
      const limit = kind === 'robot' ? this.#queueMax / 2 : this.#queueMax;
      if (this.#waiting.length >= limit) {
        this.#onReject(kind);
        throw new KefuError('UNAVAILABLE', 'server busy, retry shortly');
      }
      await new Promise<void>((r) => this.#waiting.push(r));
    } else {
      this.#running++;
    }
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      if (next) next();
      else this.#running--;
    }
  }
}
