/**
 * CommandWorker: runs in every kefu process and delivers due commands to the platform.
 *
 * Contract:
 * - Claims due commands (pending or retrying whose time has come, and running ones whose lease
 *   expired because their process died) with FOR UPDATE SKIP LOCKED and a lease of `leaseMs`,
 *   so any number of processes share the work and none attempts a command another holds.
 * - One attempt = one `deliver` bounded by `attemptTimeoutMs` (less than half the lease, checked
 *   at configuration), with `Idempotency-Key: <commandId>` and a `traceparent` continuing the
 *   trace of the request that created the command.
 * - Outcome: 2xx → succeeded; worth retrying and attempts left in this round → retrying after
 *   `backoffMs · 2^(n-1)` (±20 % jitter, at most 10 min, at least the platform's Retry-After);
 *   otherwise → dead. Recorded only if this process still holds the lease (see repository.ts).
 * - A lock that succeeds with `ttlSeconds` gets its release scheduled in the transaction that
 *   records the success; the release is a command like any other (own id, own key).
 * - Wakes at once on `wake()` (a command was accepted or retried on this process), when a
 *   retry's delay has passed, and otherwise polls every `pollMs`.
 * - `stop()` claims nothing more and waits for the attempts in flight (each bounded by its timeout).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { SqlStore } from '../storage/ports.ts';
import { newCommandId } from './ids.ts';
import { noteInTransaction, type CommandNotifier } from './notify.ts';
import type { Attempt, CommandPlatform } from './platform.ts';
import * as repo from './repository.ts';
import type { Command, Outcome, SystemNote } from './repository.ts';

export interface WorkerOptions {
  readonly nodeId: string;
  readonly leaseMs: number;
  readonly backoffMs: number;
  readonly maxAttempts: number;
  readonly attemptTimeoutMs: number;
  /** How often to look for due commands without being woken. */
  readonly pollMs?: number;
  /** Attempts in flight at once in this process. */
  readonly concurrency?: number;
  /** How often a node alone looks for due commands without being woken (LONE_POLL_MS). */
  readonly lonePollMs?: number;
}

export interface WorkerDeps {
  readonly sql: SqlStore;
  readonly platform: CommandPlatform;
  readonly notifier: CommandNotifier;
  readonly log: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** After each attempt: its outcome (`dropped` when another process had taken over) and the call's duration. */
  readonly onAttempt?: (outcome: Outcome['status'] | 'dropped', seconds: number) => void;
  /** The hub's: since when this node has been alone (it then polls every LONE_POLL_MS), or undefined while it has peers. */
  readonly aloneSince?: () => number | undefined;
}

const MAX_BACKOFF_MS = 10 * 60_000;
/** Delays longer than this are left to polling instead of a timer. */
const MAX_TIMER_MS = 60_000;
const PURGE_EVERY_MS = 60_000;
/**
 * A node alone is woken for what it accepts and for its own retries: polling finds only the leases of a process that died
 * before it, and a retry further off than MAX_TIMER_MS. It polls that much less often (an idle demo node queried PGlite
 * twice a second for nothing: docs/benchmarks.md, fifteenth pass).
 */
export const LONE_POLL_MS = 5_000;

/** The delay before attempt n+1 after n failed attempts of a round. */
export function backoffDelay(baseMs: number, failedAttempts: number, random = Math.random): number {
  const exp = Math.min(baseMs * 2 ** Math.max(0, failedAttempts - 1), MAX_BACKOFF_MS);
  return Math.round(exp * (0.8 + 0.4 * random()));
}

/** What an attempt's answer means for the command (see the header). */
export function decide(c: Pick<Command, 'roundAttempts'>, a: Attempt, o: Pick<WorkerOptions, 'backoffMs' | 'maxAttempts'>): Outcome {
  if (a.ok) return { status: 'succeeded', result: a.result, ...(a.note ? { note: a.note } : {}) };
  if (a.retryable && c.roundAttempts < o.maxAttempts) {
    const delayMs = Math.min(Math.max(backoffDelay(o.backoffMs, c.roundAttempts), a.retryAfterMs ?? 0), MAX_BACKOFF_MS);
    return { status: 'retrying', error: a.error, delayMs };
  }
  return { status: 'dead', error: a.error };
}

export class CommandWorker {
  readonly #d: WorkerDeps;
  readonly #o: Required<WorkerOptions>;
  readonly #inflight = new Set<Promise<void>>();
  readonly #timers = new Set<NodeJS.Timeout>();
  #poll: NodeJS.Timeout | undefined;
  #ticking = false;
  #tickDone: Promise<void> = Promise.resolve();
  #again = false;
  #lastWoken = 0;
  #backlog = false;
  #stopped = true;
  #lastPurge = 0;
  #lastClaimWarn = 0;

  constructor(deps: WorkerDeps, opts: WorkerOptions) {
    this.#d = deps;
    this.#o = { pollMs: 500, concurrency: 16, lonePollMs: LONE_POLL_MS, ...opts };
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#poll = setInterval(() => this.#onPoll(), this.#o.pollMs);
    this.#poll.unref();
    this.wake();
  }

  /** Look for due commands now (no-op while stopped; coalesced while a claim runs). */
  wake(): void {
    if (this.#stopped) return;
    this.#lastWoken = Date.now();
    if (this.#ticking) {
      this.#again = true;
      return;
    }
    this.#tickDone = this.#tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#poll);
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    // A claim in progress still starts what it leased (or those would wait for their lease).
    await this.#tickDone;
    await Promise.allSettled([...this.#inflight]);
  }

  #onPoll(): void {
    if (this.#d.aloneSince?.() === undefined || Date.now() - this.#lastWoken >= this.#o.lonePollMs) this.wake();
    if (Date.now() - this.#lastPurge < PURGE_EVERY_MS) return;
    this.#lastPurge = Date.now();
    repo.purgeExpiredKeys(this.#d.sql.db, 1000).catch((e: unknown) => this.#d.log.debug({ err: (e as Error).message }, 'expired idempotency keys not purged'));
  }

  #wakeIn(ms: number): void {
    if (ms > MAX_TIMER_MS || this.#stopped) return;
    const t = setTimeout(() => {
      this.#timers.delete(t);
      this.wake();
    }, ms + 5);
    t.unref();
    this.#timers.add(t);
  }

  async #tick(): Promise<void> {
    this.#ticking = true;
    try {
      do {
        this.#again = false;
        const room = this.#o.concurrency - this.#inflight.size;
        if (room <= 0) break;
        const batch = await repo.claimDue(this.#d.sql.db, { owner: this.#o.nodeId, token: randomUUID(), leaseMs: this.#o.leaseMs, limit: room });
        this.#backlog = batch.length === room;
        for (const c of batch) this.#track(c);
      } while ((this.#again || this.#backlog) && !this.#stopped && this.#inflight.size < this.#o.concurrency);
    } catch (e) {
      // At most one line per 30 s while the database is away: every poll would fail the same way.
      if (Date.now() - this.#lastClaimWarn > 30_000) {
        this.#lastClaimWarn = Date.now();
        this.#d.log.warn({ err: (e as Error).message }, 'claiming due commands failed; trying again at every poll');
      }
    } finally {
      this.#ticking = false;
    }
  }

  #track(c: Command): void {
    const p = this.#attempt(c)
      .catch((e: unknown) => this.#d.log.error({ err: e, commandId: c.id }, 'command attempt failed unexpectedly; its lease expires and it is attempted again'))
      .finally(() => {
        this.#inflight.delete(p);
        if (this.#backlog) this.wake();
      });
    this.#inflight.add(p);
  }

  async #attempt(c: Command): Promise<void> {
    this.#d.notifier.changed(c);
    const started = performance.now();
    const answer = await this.#call(c);
    const seconds = (performance.now() - started) / 1000;
    const outcome = decide(c, answer, this.#o);
    const done = await this.#record(c, outcome);
    this.#d.onAttempt?.(done ? outcome.status : 'dropped', seconds);
    const log = { commandId: c.id, shopId: c.shopId, traceId: c.traceId, attempt: c.attempts };
    if (!done) {
      this.#d.log.warn(log, 'attempt outcome dropped: another process took the command over (same Idempotency-Key at the platform)');
      return;
    }
    this.#d.notifier.changed(done.f, done.notes);
    if (done.release) {
      this.#d.notifier.changed(done.release);
      this.#wakeIn(done.release.nextAttemptAt.getTime() - Date.now());
    }
    if (outcome.status === 'retrying') this.#wakeIn(outcome.delayMs);
    if (outcome.status === 'succeeded') this.#d.log.debug(log, 'command succeeded');
    else if (outcome.status === 'retrying') this.#d.log.info({ ...log, error: outcome.error.message, delayMs: outcome.delayMs }, 'command attempt failed; retrying');
    else this.#d.log.warn({ ...log, error: outcome.error.message }, 'command is dead: waits for retry or resolve');
  }

  /**
   * The outcome, with what must commit with it: a lock's release, the conversation's note. A
   * command that needs neither is one statement, without a transaction around it.
   */
  async #record(c: Command, outcome: Outcome): Promise<{ f: Command; release?: Command | undefined; notes: SystemNote[] } | undefined> {
    const lease = { id: c.id, leaseToken: c.leaseToken! };
    if (!c.conversationId && c.type !== 'inventory.lock') {
      const f = await repo.finishAttempt(this.#d.sql.db, lease, outcome);
      return f && { f, notes: [] };
    }
    return this.#d.sql.transaction(async (tx) => {
      const f = await repo.finishAttempt(tx, lease, outcome);
      if (!f) return undefined;
      const release = f.status === 'succeeded' && f.type === 'inventory.lock' ? await scheduleRelease(tx, f) : undefined;
      return { f, release, notes: await noteInTransaction(tx, f) };
    });
  }

  /** One delivery, bounded by the attempt timeout whatever the platform adapter does. */
  async #call(c: Command): Promise<Attempt> {
    const signal = AbortSignal.timeout(this.#o.attemptTimeoutMs);
    const traceparent = `00-${c.traceId}-${randomBytes(8).toString('hex')}-01`;
    const timedOut = new Promise<Attempt>((resolve) =>
      signal.addEventListener('abort', () => resolve({ ok: false, retryable: true, error: { message: `platform did not answer within ${this.#o.attemptTimeoutMs} ms` } }), { once: true }),
    );
    const delivered = this.#d.platform
      .deliver({ shopId: c.shopId, commandId: c.id, type: c.type, payload: c.payload }, { signal, traceparent })
      .catch((e: unknown): Attempt => ({ ok: false, retryable: true, error: { message: `delivery failed: ${(e as Error).message}` } }));
    return Promise.race([delivered, timedOut]);
  }
}

/** The release of a lock that just succeeded, due ttlSeconds from now. */
function scheduleRelease(tx: Parameters<typeof repo.scheduleRelease>[0], lock: Command): Promise<Command | undefined> {
  const p = lock.payload as { sku: string; quantity: number; orderId?: string; ttlSeconds: number };
  const lockId = (lock.result as { lockId?: unknown } | null)?.lockId;
  const payload = { lockCommandId: lock.id, sku: p.sku, quantity: p.quantity, ...(p.orderId ? { orderId: p.orderId } : {}), ...(typeof lockId === 'string' ? { lockId } : {}) };
  return repo.scheduleRelease(tx, lock, { id: newCommandId(), ttlSeconds: p.ttlSeconds, payload });
}
