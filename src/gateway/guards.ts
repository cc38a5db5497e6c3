/**
 * Guards of the gateway. Per frame: anti-replay and rate limits, pure bookkeeping over the Cache
 * port so they work the same embedded (one node) and on Redis (many nodes). Per socket: the
 * admission caps (per address, per user, upgrades in progress), in this node's memory.
 */
import { KefuError } from '../protocol/errors.ts';
import { CLOCK_SKEW_MS } from '../protocol/frames.ts';
import type { Cache } from '../storage/ports.ts';
import { keys } from '../storage/keys.ts';

/**
 * The shared checks of every frame, in one Cache call (one Redis script, one round trip):
 *
 * Anti-replay: a frame is accepted only when its `ts` is within 5 minutes of the server clock and
 * its nonce was never accepted before for this user. The nonce is kept until its `ts` could no
 * longer be accepted (ts + 5 min), so a replay is refused for as long as it would otherwise pass.
 *
 * Per-user rate, across all devices and nodes: a fixed one-second window counter.
 *
 * When the shared cache is unreachable the replay check falls back to this node's own memory
 * instead of refusing every frame (at once while the Redis adapter's circuit breaker is open, so
 * a frozen Redis does not cost every frame the command timeout): a replay to the same node is
 * still refused, and one replayed to another node during the outage can only repeat an
 * idempotent frame (a send carries its clientMsgId, which the database deduplicates; sync, read
 * and ping change nothing twice). The user limit then fails open; the per-connection bucket
 * still applies.
 */
export async function checkFrame(cache: Cache, fallback: Cache, f: { userId: string; ts: number; nonce: string; perSecond: number }, now = Date.now()): Promise<void> {
  if (Math.abs(now - f.ts) > CLOCK_SKEW_MS) throw new KefuError('CLOCK_SKEW', 'frame ts is more than 5 minutes from the server clock');
  const nonce = { key: keys.nonce(f.userId, f.nonce), ttlMs: Math.max(1000, f.ts + CLOCK_SKEW_MS - now + 1000) };
  let r: { fresh: boolean; count: number };
  try {
    r = await cache.admitFrame(nonce, { key: keys.userRate(f.userId, Math.floor(now / 1000)), ttlMs: 2000 });
  } catch {
    r = { fresh: await fallback.setNX(nonce.key, '1', nonce.ttlMs), count: 0 };
  }
  if (!r.fresh) throw new KefuError('REPLAY', 'nonce already used');
  if (r.count > f.perSecond) throw new KefuError('RATE_LIMITED', `more than ${f.perSecond} frames per second for this user`);
}

/** Token bucket for one connection: `rate` per second, bursts up to twice that. In memory. */
export class TokenBucket {
  readonly #rate: number;
  readonly #burst: number;
  #tokens: number;
  #at: number;
  constructor(rate: number, now = Date.now()) {
    this.#rate = rate;
    this.#burst = rate * 2;
    this.#tokens = this.#burst;
    this.#at = now;
  }
  take(now = Date.now()): boolean {
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#at) / 1000) * this.#rate);
    this.#at = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

export type Admission = 'ok' | 'per-ip' | 'upgrading';

/**
 * Admission of sockets on this node, counted in memory: how many upgrades are still being
 * authenticated, and how many sockets (upgrading or open) each client address holds. Per node,
 * not across nodes: a count in Redis would need a decrement from a node that may die first, and
 * a stale count would lock an address out; with N nodes an address may hold N times the cap.
 */
export class ConnectionCaps {
  readonly #perIp = new Map<string, number>();
  readonly #maxPerIp: number;
  readonly #maxUpgrading: number;
  #upgrading = 0;
  constructor(limits: { maxPerIp: number; maxUpgrading: number }) {
    this.#maxPerIp = limits.maxPerIp;
    this.#maxUpgrading = limits.maxUpgrading;
  }

  /** Reserves an upgrading slot for `ip`, or names the cap that refuses it (nothing reserved then). */
  admit(ip: string): Admission {
    if (this.#upgrading >= this.#maxUpgrading) return 'upgrading';
    const n = this.#perIp.get(ip) ?? 0;
    if (n >= this.#maxPerIp) return 'per-ip';
    this.#perIp.set(ip, n + 1);
    this.#upgrading++;
    return 'ok';
  }

  /** The socket of an admitted upgrade opened: it keeps its address's slot. */
  opened(): void {
    this.#upgrading--;
  }

  /** An admitted socket closed, `upgrading` when it closed before it opened. */
  closed(ip: string, upgrading: boolean): void {
    if (upgrading) this.#upgrading--;
    const n = (this.#perIp.get(ip) ?? 1) - 1;
    if (n <= 0) this.#perIp.delete(ip);
    else this.#perIp.set(ip, n);
  }

  get upgrading(): number {
    return this.#upgrading;
  }

  held(ip: string): number {
    return this.#perIp.get(ip) ?? 0;
  }
}

/**
 * A user's sockets on this node in the order they opened. `add` returns the ones beyond the
 * cap, oldest first, for the caller to close: a user who opens one more device keeps the new one
 * (the device in their hand) and loses the one they opened longest ago.
 */
export class UserSockets<T> {
  readonly #byUser = new Map<string, Set<T>>();
  readonly #max: number;
  constructor(maxPerUser: number) {
    this.#max = maxPerUser;
  }

  add(userId: string, socket: T): T[] {
    let set = this.#byUser.get(userId);
    if (!set) this.#byUser.set(userId, (set = new Set()));
    set.add(socket);
    const over: T[] = [];
    for (const s of set) {
      if (set.size - over.length <= this.#max) break;
      over.push(s);
    }
    for (const s of over) set.delete(s);
    return over;
  }

  delete(userId: string, socket: T): void {
    const set = this.#byUser.get(userId);
    if (!set) return;
    set.delete(socket);
    if (set.size === 0) this.#byUser.delete(userId);
  }

  count(userId: string): number {
    return this.#byUser.get(userId)?.size ?? 0;
  }
}
