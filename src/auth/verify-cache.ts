/**
 * A bounded LRU of recently verified tokens. Every REST call and WebSocket (re)connect verifies
 * a token, and most of them present one seen seconds ago, so the signature check is skipped for
 * those.
 *
 * Invariant: an entry is only returned while `now < expiresAtMs`, and callers set expiresAtMs no
 * later than the token's own `exp`. The verifier's clock leeway is deliberately not extended to
 * the cache: past `exp` every call goes back to full verification, so the cache can never accept
 * a token that verification would refuse.
 */
import { createHash } from 'node:crypto';

interface Entry<V> {
  readonly value: V;
  readonly expiresAtMs: number;
}

export class VerifyCache<V> {
  readonly #max: number;
  // Map keeps insertion order; re-inserting on a hit makes its first key the least recently used.
  readonly #entries = new Map<string, Entry<V>>();

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 0) throw new TypeError('VerifyCache max must be a non-negative integer');
    this.#max = max;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Tokens are keyed by their SHA-256 so the cache holds 43 characters per entry instead of a
   * kilobyte-sized bearer credential that a heap dump would expose.
   */
  static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }

  get(key: string, nowMs: number): V | undefined {
    const e = this.#entries.get(key);
    if (!e) return undefined;
    this.#entries.delete(key);
    if (nowMs >= e.expiresAtMs) return undefined;
    this.#entries.set(key, e);
    return e.value;
  }

  set(key: string, value: V, expiresAtMs: number, nowMs: number): void {
    if (this.#max === 0 || !(expiresAtMs > nowMs)) return;
    this.#entries.delete(key);
    this.#entries.set(key, { value, expiresAtMs });
    while (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value);
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}
