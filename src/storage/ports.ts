/**
 * Storage ports: what the domain may ask of storage, and nothing more. Two adapters implement
 * each port (embedded and real); `src/wiring.ts` is the only place that chooses. Each port has
 * one contract suite in test/contract/ that every adapter must pass.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';
import type { BreakerHealth } from './breaker.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/**
 * SqlStore: the source of truth.
 *
 * Contract:
 * - `db` runs statements in the configured schema; every statement is bounded by the statement
 *   timeout, and acquiring a connection is bounded by the connect timeout (never waits forever).
 * - `transaction(fn)` commits when fn resolves and rolls back every write of fn when it throws;
 *   events about those writes may only be published after it resolves.
 * - Unique-constraint violations surface as errors for which `isUniqueViolation` is true, on
 *   every adapter (callers rely on them for idempotency instead of check-then-insert).
 * - Migrations (`migrate()`) are versioned, applied in order, each in its own transaction, once,
 *   even when several processes start together.
 * - `close()` waits for running statements and releases the data dir or pool; calling it twice is
 *   harmless.
 */
export interface SqlStore {
  readonly kind: 'postgres' | 'pglite';
  readonly db: Db;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  migrate(): Promise<{ applied: string[] }>;
  ping(): Promise<void>;
  /**
   * The circuit breaker's state, where the adapter has one (PostgreSQL: after consecutive
   * timeouts or lost connections every call fails at once, UNAVAILABLE, until a probe answers).
   */
  health?(): BreakerHealth;
  close(): Promise<void>;
}

/**
 * Cache: fast, shared, disposable state (presence, hot history, nonces, rate counters).
 * Losing it loses nothing durable: callers treat a failure as a miss and fall back to SqlStore.
 *
 * Contract:
 * - Keys are namespaced by the adapter's prefix; callers pass bare keys.
 * - TTLs are in milliseconds and are honoured to within a few milliseconds; an expired key reads
 *   as missing.
 * - `setNX` is atomic across every process sharing the cache: of concurrent callers with the same
 *   key exactly one gets true.
 * - `listPush` appends, keeps only the newest `maxLen` elements and sets the TTL, as one atomic
 *   step; `listRange` uses Redis index semantics (negative counts from the end, stop inclusive).
 * - `incr` increments atomically and sets the TTL only when it creates the key (a fixed window).
 * - Every call fails fast (rejects) when the backing server is unreachable; nothing is queued
 *   for later.
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  setNX(key: string, value: string, ttlMs: number): Promise<boolean>;
  incr(key: string, ttlMs: number): Promise<number>;
  /**
   * Remaining lifetime in ms: -1 without expiry, -2 when missing. kefu itself never asks; it is
   * in the port so the contract suite can check lifetimes too long to wait for (7 days, 5 min).
   */
  ttl(key: string): Promise<number>;
  /**
   * `setNX(nonce.key, '1', nonce.ttlMs)` and `incr(rate.key, rate.ttlMs)` in one call, each with
   * its own method's semantics (not one transaction): the gateway's anti-replay and per-user rate
   * checks of a frame in one round trip. On Redis one script, so both keys must live on one
   * server (kefu does not use Redis Cluster).
   */
  admitFrame(nonce: { key: string; ttlMs: number }, rate: { key: string; ttlMs: number }): Promise<{ fresh: boolean; count: number }>;
  hashSet(key: string, field: string, value: string, ttlMs: number): Promise<void>;
  hashDel(key: string, field: string): Promise<void>;
  hashGetAll(key: string): Promise<Record<string, string>>;
  listPush(key: string, values: readonly string[], opts: { maxLen: number; ttlMs: number }): Promise<number>;
  listRange(key: string, start: number, stop: number): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bus: fire-and-forget publish/subscribe between kefu processes.
 *
 * Contract:
 * - A message published on a channel reaches every subscriber of that channel in every process
 *   sharing the bus, including the publisher's own process, at most once, in publish order per
 *   publisher. Delivery is asynchronous: never inside the publish call.
 * - Messages published while a subscriber is disconnected are lost (durable state lives in
 *   SqlStore; clients resume by seq).
 * - `subscribe` resolves once the subscription is active; its returned function unsubscribes.
 * - `onReconnect(handler)` calls the handler each time the subscribing connection was lost and
 *   is back with its subscriptions active again (not at the first connection). What was
 *   published in between is lost, so the handler makes the caller catch up (the hub tells its
 *   sockets to `sync`). An adapter that cannot lose its subscriptions (in-process) leaves it
 *   out: it would never call the handler.
 */
export interface Bus {
  readonly kind: 'redis' | 'memory';
  publish(channel: string, message: string): Promise<void>;
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  /** Returns the unregistration. */
  onReconnect?(handler: () => void): () => void;
  close(): Promise<void>;
}

export interface Storage {
  readonly sql: SqlStore;
  readonly cache: Cache;
  readonly bus: Bus;
}

/** True for a unique-constraint violation (SQLSTATE 23505) from any SqlStore adapter. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
