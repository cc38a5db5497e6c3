/**
 * Per-frame guards of the gateway: anti-replay and rate limits. Pure bookkeeping over the Cache
 * port so they work the same embedded (one node) and on Redis (many nodes).
 */
import { KefuError } from '../protocol/errors.ts';
import { CLOCK_SKEW_MS } from '../protocol/frames.ts';
import type { Cache } from '../storage/ports.ts';
import { keys } from '../storage/keys.ts';

/**
 * A frame is accepted only when its `ts` is within 5 minutes of the server clock and its nonce
 * was never accepted before for this user. The nonce is kept until its `ts` could no longer be
 * accepted (ts + 5 min), so a replay is refused for as long as it would otherwise pass.
 *
 * When the shared cache is unreachable the check falls back to this node's own memory instead of
 * refusing every frame (at once while the Redis adapter's circuit breaker is open, so a frozen
 * Redis does not cost every frame the command timeout): a replay to the same node is still refused, and one replayed to another
 * node during the outage can only repeat an idempotent frame (a send carries its clientMsgId,
 * which the database deduplicates; sync, read and ping change nothing twice).
 */
export async function checkReplay(cache: Cache, fallback: Cache, userId: string, ts: number, nonce: string, now = Date.now()): Promise<void> {
  if (Math.abs(now - ts) > CLOCK_SKEW_MS) throw new KefuError('CLOCK_SKEW', 'frame ts is more than 5 minutes from the server clock');
  const key = keys.nonce(userId, nonce);
  const ttl = Math.max(1000, ts + CLOCK_SKEW_MS - now + 1000);
  let fresh: boolean;
  try {
    fresh = await cache.setNX(key, '1', ttl);
  } catch {
    fresh = await fallback.setNX(key, '1', ttl);
  }
  if (!fresh) throw new KefuError('REPLAY', 'nonce already used');
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

/**
 * Per-user limit across all devices and nodes: a fixed one-second window counter in the Cache.
 * When the cache is down the per-connection bucket still applies, so the user limit fails open
 * (at once while the Redis circuit breaker is open).
 */
export async function checkUserRate(cache: Cache, userId: string, perSecond: number, now = Date.now()): Promise<void> {
  let n: number;
  try {
    n = await cache.incr(keys.userRate(userId, Math.floor(now / 1000)), 2000);
  } catch {
    return;
  }
  if (n > perSecond) throw new KefuError('RATE_LIMITED', `more than ${perSecond} frames per second for this user`);
}
