/**
 * A circuit breaker for one dependency (Redis, PostgreSQL): the storage adapters wrap their calls
 * in it, so a dependency that hangs costs callers one timeout N times, then nothing while it is
 * away.
 */
import { dependencyFailure, markDependency, type Dependency } from '../protocol/errors.ts';

const SERVICE_NAMES: Record<Dependency, string> = { redis: 'Redis', postgres: 'PostgreSQL', pglite: 'embedded database' };

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Which dependency, for the fail-fast error (UNAVAILABLE) and its message. Default redis. */
  service?: Dependency;
  /** Consecutive failures (timeouts, lost connection) that open the circuit. Default 3. */
  failures?: number;
  /** How long an open circuit fails fast before a probe (PING, `select 1`) is tried. Default 2000 ms. */
  cooldownMs?: number;
  /** Told of every change of state (a metric, a log line). */
  onChange?: (state: BreakerState, health: BreakerHealth) => void;
}

export interface BreakerHealth {
  readonly state: BreakerState;
  readonly consecutiveFailures: number;
  /** How many times the circuit opened since the start. */
  readonly trips: number;
  /** Since when (epoch ms) the circuit is not closed; absent while closed. */
  readonly since?: number;
  /** The failure that opened it, without key or value. */
  readonly lastError?: string;
}

/**
 * A frozen or lost Redis or PostgreSQL must not cost every caller the timeout: after `failures`
 * consecutive dependency failures (protocol/errors.ts decides which: a timeout, a closed or
 * offline client; a reply error such as WRONGTYPE is an answer and counts as success) the
 * circuit opens and every call fails at once, without a command being sent, so callers take
 * their fallback (the gateway's replay check uses the node's memory, the rate check fails open,
 * history reads PostgreSQL; a frame that needs PostgreSQL is answered UNAVAILABLE at once).
 * After `cooldownMs` the breaker itself sends one probe (PING, `select 1`; half-open;
 * calls still fail fast meanwhile, so no caller pays for the probe): an answer closes the
 * circuit, a failure opens it for another cooldown.
 */
export class CircuitBreaker {
  readonly #failures: number;
  readonly #cooldownMs: number;
  readonly #onChange: BreakerOptions['onChange'];
  readonly #probe: () => Promise<unknown>;
  readonly #service: Dependency;
  #state: BreakerState = 'closed';
  #consecutive = 0;
  #trips = 0;
  #since: number | undefined;
  #lastError: string | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(probe: () => Promise<unknown>, opts: BreakerOptions = {}) {
    this.#probe = probe;
    this.#failures = Math.max(1, opts.failures ?? 3);
    this.#cooldownMs = Math.max(10, opts.cooldownMs ?? 2000);
    this.#onChange = opts.onChange;
    this.#service = opts.service ?? 'redis';
  }

  health(): BreakerHealth {
    return {
      state: this.#state,
      consecutiveFailures: this.#consecutive,
      trips: this.#trips,
      ...(this.#since !== undefined ? { since: this.#since } : {}),
      ...(this.#lastError !== undefined ? { lastError: this.#lastError } : {}),
    };
  }

  /** Runs `call` unless the circuit is open (then rejects at once, marked as its dependency's failure). */
  run<T>(call: () => Promise<T>): Promise<T> {
    if (this.#state !== 'closed') {
      return Promise.reject(markDependency(new Error(`${SERVICE_NAMES[this.#service]} circuit ${this.#state}: failing fast after ${this.#failures} consecutive failures (${this.#lastError ?? 'unknown'})`), this.#service));
    }
    return call().then(
      (v) => {
        this.#consecutive = 0;
        return v;
      },
      (e: unknown) => {
        this.#failed(e);
        throw e;
      },
    );
  }

  /** Stops the probe timer (the client is closing). */
  stop(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  #failed(e: unknown): void {
    if (!dependencyFailure(e)) {
      this.#consecutive = 0;
      return;
    }
    this.#consecutive++;
    if (this.#state === 'closed' && this.#consecutive >= this.#failures) {
      this.#lastError = e instanceof Error ? e.message.slice(0, 200) : String(e);
      this.#trips++;
      this.#open();
    }
  }

  #open(): void {
    this.#since ??= Date.now();
    this.#set('open');
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tryProbe(), this.#cooldownMs).unref();
  }

  async #tryProbe(): Promise<void> {
    if (this.#closed) return;
    this.#set('half-open');
    try {
      await this.#probe();
    } catch (e) {
      this.#lastError = e instanceof Error ? e.message.slice(0, 200) : String(e);
      this.#open();
      return;
    }
    this.#consecutive = 0;
    this.#since = undefined;
    this.#set('closed');
  }

  #set(state: BreakerState): void {
    if (this.#state === state) return;
    this.#state = state;
    try {
      this.#onChange?.(state, this.health());
    } catch {
      /* a listener must not break the breaker */
    }
  }
}
