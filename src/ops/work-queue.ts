import { KefuError } from '../protocol/errors.ts';

/**
 * A bounded queue in front of slow work (storage writes, robot answers). At most `concurrency`
 * tasks run; at most `queueMax` wait. Beyond that new work is refused at once with UNAVAILABLE
 * instead of piling up in memory.
 *
 * Robot answers are sheddable and go first: they are refused once the queue is half full, or once
 * the oldest waiting task has waited longer than `robotMaxWaitMs` (a queue can hold seconds of
 * work long before it is half full, and a robot answer that late is worth less than the capacity
 * it takes from human messages).
 */
export type WorkKind = 'message' | 'robot' | 'sync' | 'other';

interface Waiter {
  readonly at: number;
  readonly go: () => void;
}

export class WorkQueue {
  readonly #concurrency: number;
  readonly #queueMax: number;
  readonly #robotMaxWaitMs: number;
  readonly #onReject: (kind: WorkKind) => void;
  readonly #now: () => number;
  #running = 0;
  readonly #waiting: Waiter[] = [];

  constructor(opts: { concurrency: number; queueMax: number; robotMaxWaitMs?: number; onReject?: (kind: WorkKind) => void; now?: () => number }) {
    this.#concurrency = opts.concurrency;
    this.#queueMax = opts.queueMax;
    this.#robotMaxWaitMs = opts.robotMaxWaitMs ?? 1000;
    this.#onReject = opts.onReject ?? (() => {});
    this.#now = opts.now ?? Date.now;
  }

  get running(): number {
    return this.#running;
  }
  get waiting(): number {
    return this.#waiting.length;
  }

  /** True when sheddable work (robot answers) is refused now. */
  get shedding(): boolean {
    const oldest = this.#waiting[0];
    return this.#waiting.length >= this.#queueMax / 2 || (oldest !== undefined && this.#now() - oldest.at > this.#robotMaxWaitMs);
  }

  async run<T>(kind: WorkKind, fn: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#concurrency) {
      if (this.#waiting.length >= this.#queueMax || (kind === 'robot' && this.shedding)) {
        this.#onReject(kind);
        throw new KefuError('UNAVAILABLE', 'server busy, retry shortly');
      }
      await new Promise<void>((go) => this.#waiting.push({ at: this.#now(), go }));
    } else {
      this.#running++;
    }
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      // Hand the slot straight to the next waiter, so `running` never dips and lets a newcomer jump the queue.
      if (next) next.go();
      else this.#running--;
    }
  }
}
