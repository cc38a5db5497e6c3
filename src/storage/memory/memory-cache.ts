import type { Bus, Cache } from '../ports.ts';
import { asSystem } from '../scope.ts';

type Entry = { kind: 'str'; v: string } | { kind: 'list'; v: string[] } | { kind: 'hash'; v: Map<string, string> };

/**
 * In-process Cache with Redis semantics for a single node. Expiry is checked lazily on access
 * and swept periodically so that keys nobody reads again (nonces) do not pile up.
 */
export class MemoryCache implements Cache {
  readonly kind = 'memory' as const;
  readonly #data = new Map<string, Entry>();
  readonly #expires = new Map<string, number>();
  readonly #sweeper: NodeJS.Timeout;

  constructor(sweepEveryMs = 10_000) {
    this.#sweeper = setInterval(() => this.#sweep(), sweepEveryMs);
    this.#sweeper.unref();
  }

  #sweep(): void {
    const now = Date.now();
    for (const [k, at] of this.#expires) if (at <= now) this.#drop(k);
  }
  #drop(key: string): void {
    this.#data.delete(key);
    this.#expires.delete(key);
  }
  #live(key: string): Entry | undefined {
    const at = this.#expires.get(key);
    if (at !== undefined && at <= Date.now()) {
      this.#drop(key);
      return undefined;
    }
    return this.#data.get(key);
  }
  #setTtl(key: string, ttlMs: number | undefined): void {
    if (ttlMs === undefined) this.#expires.delete(key);
    else this.#expires.set(key, Date.now() + ttlMs);
  }
  #wrongType(): never {
    throw new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
  }

  async get(key: string): Promise<string | null> {
    const e = this.#live(key);
    if (!e) return null;
    if (e.kind !== 'str') this.#wrongType();
    return e.v;
  }
  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.#data.set(key, { kind: 'str', v: value });
    this.#setTtl(key, ttlMs);
  }
  async setNX(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.#live(key)) return false;
    this.#data.set(key, { kind: 'str', v: value });
    this.#setTtl(key, ttlMs);
    return true;
  }
  async incr(key: string, ttlMs: number): Promise<number> {
    const e = this.#live(key);
    if (e && e.kind !== 'str') this.#wrongType();
    const n = (e ? Number(e.v) : 0) + 1;
    this.#data.set(key, { kind: 'str', v: String(n) });
    if (!e) this.#setTtl(key, ttlMs);
    return n;
  }
  async admitFrame(nonce: { key: string; ttlMs: number }, rate: { key: string; ttlMs: number }): Promise<{ fresh: boolean; count: number }> {
    return { fresh: await this.setNX(nonce.key, '1', nonce.ttlMs), count: await this.incr(rate.key, rate.ttlMs) };
  }
  async ttl(key: string): Promise<number> {
    if (!this.#live(key)) return -2;
    const at = this.#expires.get(key);
    return at === undefined ? -1 : Math.max(0, at - Date.now());
  }
  async hashSet(key: string, field: string, value: string, ttlMs: number): Promise<void> {
    let e = this.#live(key);
    if (!e) {
      e = { kind: 'hash', v: new Map() };
      this.#data.set(key, e);
    }
    if (e.kind !== 'hash') this.#wrongType();
    e.v.set(field, value);
    this.#setTtl(key, ttlMs);
  }
  async hashDel(key: string, field: string): Promise<void> {
    const e = this.#live(key);
    if (!e) return;
    if (e.kind !== 'hash') this.#wrongType();
    e.v.delete(field);
    if (e.v.size === 0) this.#drop(key);
  }
  async hashGetAll(key: string): Promise<Record<string, string>> {
    const e = this.#live(key);
    if (!e) return {};
    if (e.kind !== 'hash') this.#wrongType();
    return Object.fromEntries(e.v);
  }
  async listPush(key: string, values: readonly string[], opts: { maxLen: number; ttlMs: number }): Promise<number> {
    let e = this.#live(key);
    if (!e) {
      e = { kind: 'list', v: [] };
      this.#data.set(key, e);
    }
    if (e.kind !== 'list') this.#wrongType();
    e.v.push(...values);
    if (e.v.length > opts.maxLen) e.v.splice(0, e.v.length - opts.maxLen);
    this.#setTtl(key, opts.ttlMs);
    return e.v.length;
  }
  async listRange(key: string, start: number, stop: number): Promise<string[]> {
    const e = this.#live(key);
    if (!e) return [];
    if (e.kind !== 'list') this.#wrongType();
    const len = e.v.length;
    let s = start < 0 ? Math.max(0, len + start) : start;
    let t = stop < 0 ? len + stop : Math.min(stop, len - 1);
    if (s > t || s >= len) return [];
    s = Math.max(0, s);
    t = Math.max(0, t);
    return e.v.slice(s, t + 1);
  }
  async ping(): Promise<void> {}
  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#data.clear();
    this.#expires.clear();
  }
}

/** In-process Bus: every subscriber in this process, delivered on a later tick like Redis. */
export class MemoryBus implements Bus {
  readonly kind = 'memory' as const;
  readonly #subs = new Map<string, Set<(m: string) => void>>();

  async publish(channel: string, message: string): Promise<void> {
    const set = this.#subs.get(channel);
    if (!set || set.size === 0) return;
    const handlers = [...set];
    // Delivered outside the publisher's scope, as from Redis (storage/scope.ts).
    setImmediate(() =>
      asSystem(() => {
        for (const h of handlers) {
          try {
            h(message);
          } catch {
            // A failing subscriber must not stop delivery to the others (Redis behaves the same).
          }
        }
      }),
    );
  }
  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    let set = this.#subs.get(channel);
    if (!set) this.#subs.set(channel, (set = new Set()));
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size === 0) this.#subs.delete(channel);
    };
  }
  async close(): Promise<void> {
    this.#subs.clear();
  }
}
