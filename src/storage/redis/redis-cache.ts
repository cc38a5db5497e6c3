import { createHash } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { Bus, Cache } from '../ports.ts';
import { markDependency } from '../../protocol/errors.ts';
import { CircuitBreaker, type BreakerHealth, type BreakerOptions } from '../breaker.ts';

export interface RedisOptions {
  url: string;
  prefix: string;
  /** Upper bound of one command, including waiting for a reconnect; keeps callers from hanging. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** The circuit breaker in front of every command (CircuitBreaker below). */
  breaker?: BreakerOptions;
  /**
   * Names the connections (CLIENT SETNAME): `<name>:cache`, `<name>:bus-pub`, `<name>:bus-sub`,
   * so that CLIENT LIST tells which node holds which connection. Characters Redis refuses in a
   * name (spaces, newlines) become `_`. Best effort: a Redis or proxy that refuses CLIENT
   * commands leaves the connections unnamed (node-redis's own `name` option would fail the
   * connection instead). Named again after every reconnect.
   */
  clientName?: string;
}

function makeClient(opts: RedisOptions, role: string): RedisClientType {
  const client = createClient({
    url: opts.url,
    // Fail fast while disconnected: the cache is disposable and callers fall back to SQL, so a
    // queued command waiting for a reconnect would only add latency.
    disableOfflineQueue: true,
    // 0: no per-command timer in node-redis (it would arm an AbortSignal.timeout, 5 s by default,
    // for every command); Deadlines below bounds the wait instead.
    commandOptions: { timeout: 0 },
    socket: {
      connectTimeout: opts.connectTimeoutMs ?? 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  }) as RedisClientType;
  // Without a listener, a connection error would be thrown as an unhandled 'error' event.
  client.on('error', () => {});
  if (opts.clientName) {
    const name = `${opts.clientName.replace(/[^\x21-\x7e]/g, '_')}:${role}`;
    client.on('ready', () => void client.sendCommand(['CLIENT', 'SETNAME', name]).catch(() => {}));
  }
  return client;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 1000;
/** A start waits this long for Redis: a few reconnect attempts past one connect timeout. */
const firstConnectMs = (opts: RedisOptions) => (opts.connectTimeoutMs ?? 2000) + 3000;

/**
 * Bounds how long a caller waits for a command (opts.commandTimeoutMs, default 1000): a hung
 * server must not hang the message path. node-redis can do this itself, but it arms an
 * AbortSignal.timeout per command, whose timer fires and builds a DOMException a second after
 * every command (measured: several percent of a busy node's CPU). Here one sweep, while any
 * command is outstanding, rejects the late ones; the command itself is not cancelled.
 */
class Deadlines {
  readonly #ms: number;
  readonly #pending = new Set<{ at: number; reject(e: Error): void }>();
  #timer: NodeJS.Timeout | undefined;

  constructor(ms: number) {
    this.#ms = ms;
  }

  run<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry = { at: Date.now() + this.#ms, reject };
      this.#pending.add(entry);
      this.#timer ??= setInterval(() => this.#sweep(), Math.max(10, Math.min(250, this.#ms / 4))).unref();
      p.then(
        (v) => {
          this.#pending.delete(entry);
          resolve(v);
        },
        (e: unknown) => {
          this.#pending.delete(entry);
          reject(e as Error);
        },
      );
    });
  }

  #sweep(): void {
    const now = Date.now();
    // Insertion order is deadline order: stop at the first that is not late.
    for (const e of this.#pending) {
      if (e.at > now) break;
      this.#pending.delete(e);
      e.reject(markDependency(new Error(`Redis command timed out after ${this.#ms} ms`), 'redis'));
    }
    if (this.#pending.size === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}

export { CircuitBreaker, type BreakerHealth, type BreakerOptions, type BreakerState } from '../breaker.ts';

/**
 * The first connection, bounded: node-redis retries a refused or unresolvable server for ever,
 * which would leave `kefu start` hanging silently. Past the deadline the clients are destroyed
 * and the last connection error is reported.
 */
async function connectWithin(clients: readonly RedisClientType[], ms: number): Promise<void> {
  let last: Error | undefined;
  const seen = (e: Error) => (last = e);
  for (const c of clients) c.on('error', seen);
  let timer: NodeJS.Timeout | undefined;
  try {
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(last ? last.message : `no answer within ${ms} ms`)), ms);
    });
    await Promise.race([Promise.all(clients.map((c) => c.connect())), deadline]);
  } catch (e) {
    for (const c of clients) if (c.isOpen) c.destroy();
    throw e;
  } finally {
    clearTimeout(timer);
    for (const c of clients) c.off('error', seen);
  }
}

/**
 * A connected client quits politely; one that is reconnecting (server down) is destroyed, since
 * a polite close would wait for a server that may never come back.
 */
async function closeClient(c: RedisClientType): Promise<void> {
  if (!c.isOpen) return;
  if (c.isReady) await c.close();
  else c.destroy();
}

/**
 * Multi-step operations as Lua scripts: one command (one request, one reply to parse) instead of
 * a MULTI of three to five, and just as atomic. The hot path runs several of them per message.
 */
const SCRIPTS = {
  // KEYS[1]; ARGV: ttlMs. Increments and sets the TTL only when the key is new.
  incr: `local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n`,
  // KEYS: nonce, rate; ARGV: nonce ttlMs, rate ttlMs. Returns {1 when the nonce was new, the count}.
  admitFrame: `local f = redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') local n = redis.call('INCR', KEYS[2]) if n == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end return {f and 1 or 0, n}`,
  // KEYS[1]; ARGV: maxLen, ttlMs, values...
  listPush: `local n = redis.call('RPUSH', KEYS[1], unpack(ARGV, 3)) redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1) redis.call('PEXPIRE', KEYS[1], ARGV[2]) return n`,
  // KEYS[1]; ARGV: field, value, ttlMs
  hashSet: `redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) redis.call('PEXPIRE', KEYS[1], ARGV[3]) return 1`,
} as const;
type Script = keyof typeof SCRIPTS;
const SHA = Object.fromEntries(Object.entries(SCRIPTS).map(([k, v]) => [k, createHash('sha1').update(v).digest('hex')])) as Record<Script, string>;

/** Cache on a real Redis through node-redis. */
export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  readonly #c: RedisClientType;
  readonly #p: string;

  readonly #deadlines: Deadlines;
  readonly #breaker: CircuitBreaker;

  private constructor(client: RedisClientType, prefix: string, timeoutMs: number, breaker: BreakerOptions | undefined) {
    this.#c = client;
    this.#p = prefix;
    this.#deadlines = new Deadlines(timeoutMs);
    this.#breaker = new CircuitBreaker(() => this.#deadlines.run(this.#c.ping()), breaker);
  }

  static async connect(opts: RedisOptions): Promise<RedisCache> {
    const c = makeClient(opts, 'cache');
    await connectWithin([c], firstConnectMs(opts));
    return new RedisCache(c, opts.prefix, opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, opts.breaker);
  }

  /** The circuit breaker's state, for /readyz and a metric. */
  health(): BreakerHealth {
    return this.#breaker.health();
  }

  /** Every command: through the breaker, bounded by the command timeout. */
  readonly #d = {
    run: <T>(p: () => Promise<T>): Promise<T> => this.#breaker.run(() => this.#deadlines.run(p())),
  };

  #k(key: string): string {
    return this.#p + key;
  }

  /** EVALSHA, loading the script with EVAL when this server has not seen it (new or restarted). */
  async #script<T>(name: Script, key: string | readonly string[], args: readonly string[]): Promise<T> {
    const ks = (typeof key === 'string' ? [key] : key).map((k) => this.#k(k));
    try {
      return await this.#d.run(() => this.#c.sendCommand<T>(['EVALSHA', SHA[name], String(ks.length), ...ks, ...args]));
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
      return await this.#d.run(() => this.#c.sendCommand<T>(['EVAL', SCRIPTS[name], String(ks.length), ...ks, ...args]));
    }
  }

  async get(key: string): Promise<string | null> {
    return (await this.#d.run(() => this.#c.get(this.#k(key)))) as string | null;
  }
  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.#d.run(() => this.#c.set(this.#k(key), value));
    else await this.#d.run(() => this.#c.set(this.#k(key), value, { expiration: { type: 'PX', value: ttlMs } }));
  }
  async setNX(key: string, value: string, ttlMs: number): Promise<boolean> {
    const r = await this.#d.run(() => this.#c.set(this.#k(key), value, { expiration: { type: 'PX', value: ttlMs }, condition: 'NX' }));
    return r === 'OK';
  }
  async incr(key: string, ttlMs: number): Promise<number> {
    return Number(await this.#script<number>('incr', key, [String(ttlMs)]));
  }
  async admitFrame(nonce: { key: string; ttlMs: number }, rate: { key: string; ttlMs: number }): Promise<{ fresh: boolean; count: number }> {
    const [f, n] = await this.#script<[number, number]>('admitFrame', [nonce.key, rate.key], [String(nonce.ttlMs), String(rate.ttlMs)]);
    return { fresh: Number(f) === 1, count: Number(n) };
  }
  async ttl(key: string): Promise<number> {
    return Number(await this.#d.run(() => this.#c.pTTL(this.#k(key))));
  }
  async hashSet(key: string, field: string, value: string, ttlMs: number): Promise<void> {
    await this.#script('hashSet', key, [field, value, String(ttlMs)]);
  }
  async hashDel(key: string, field: string): Promise<void> {
    await this.#d.run(() => this.#c.hDel(this.#k(key), field));
  }
  async hashGetAll(key: string): Promise<Record<string, string>> {
    return { ...((await this.#d.run(() => this.#c.hGetAll(this.#k(key)))) as Record<string, string>) };
  }
  async listPush(key: string, values: readonly string[], opts: { maxLen: number; ttlMs: number }): Promise<number> {
    if (values.length === 0) return Number(await this.#d.run(() => this.#c.lLen(this.#k(key))));
    const n = await this.#script<number>('listPush', key, [String(opts.maxLen), String(opts.ttlMs), ...values]);
    return Math.min(Number(n), opts.maxLen);
  }
  async listRange(key: string, start: number, stop: number): Promise<string[]> {
    return (await this.#d.run(() => this.#c.lRange(this.#k(key), start, stop))) as string[];
  }
  async ping(): Promise<void> {
    await this.#d.run(() => this.#c.ping());
  }
  /** `used_memory` of INFO memory (for a gauge), through the breaker and deadline like any command. */
  async usedMemoryBytes(): Promise<number> {
    const info = await this.#d.run(() => this.#c.info('memory'));
    const m = /used_memory:(\d+)/.exec(String(info));
    if (!m) throw new Error('INFO memory has no used_memory');
    return Number(m[1]);
  }
  async close(): Promise<void> {
    this.#breaker.stop();
    await closeClient(this.#c);
  }
}

/** Bus on Redis pub/sub: one connection publishes, a dedicated one subscribes. */
export class RedisBus implements Bus {
  readonly kind = 'redis' as const;
  readonly #pub: RedisClientType;
  readonly #sub: RedisClientType;
  readonly #p: string;
  readonly #handlers = new Map<string, Set<(m: string) => void>>();
  readonly #reconnected = new Set<() => void>();
  readonly #d: Deadlines;
  readonly #breaker: CircuitBreaker;

  private constructor(pub: RedisClientType, sub: RedisClientType, prefix: string, timeoutMs: number, breaker: BreakerOptions | undefined) {
    this.#d = new Deadlines(timeoutMs);
    this.#pub = pub;
    this.#sub = sub;
    this.#p = prefix;
    this.#breaker = new CircuitBreaker(() => this.#d.run(this.#pub.ping()), breaker);
    // Attached after the first connection, so every 'ready' from here on is a reconnect.
    // node-redis emits it once the socket initiator has re-sent SUBSCRIBE for every channel and
    // had the replies, so handlers run with the subscriptions active again.
    sub.on('ready', () => {
      for (const h of this.#reconnected) {
        try {
          h();
        } catch {
          /* one failing handler must not starve the others */
        }
      }
    });
  }

  static async connect(opts: RedisOptions): Promise<RedisBus> {
    const pub = makeClient(opts, 'bus-pub');
    const sub = makeClient(opts, 'bus-sub');
    await connectWithin([pub, sub], firstConnectMs(opts));
    return new RedisBus(pub, sub, opts.prefix, opts.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, opts.breaker);
  }

  /** The publishing connection's circuit breaker (a frozen Redis fails publishes at once). */
  health(): BreakerHealth {
    return this.#breaker.health();
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.#breaker.run(() => this.#d.run(this.#pub.publish(this.#p + channel, message)));
  }
  async subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>> {
    let set = this.#handlers.get(channel);
    if (!set) {
      set = new Set();
      this.#handlers.set(channel, set);
      const s = set;
      await this.#sub.subscribe(this.#p + channel, (msg: string) => {
        for (const h of s) {
          try {
            h(msg);
          } catch {
            /* one failing handler must not starve the others */
          }
        }
      });
    }
    set.add(handler);
    const s = set;
    return async () => {
      s.delete(handler);
      if (s.size === 0 && this.#handlers.get(channel) === s) {
        this.#handlers.delete(channel);
        if (this.#sub.isReady) await this.#sub.unsubscribe(this.#p + channel);
      }
    };
  }
  onReconnect(handler: () => void): () => void {
    this.#reconnected.add(handler);
    return () => this.#reconnected.delete(handler);
  }
  async close(): Promise<void> {
    this.#reconnected.clear();
    this.#breaker.stop();
    await Promise.all([closeClient(this.#pub), closeClient(this.#sub)]);
  }
}
