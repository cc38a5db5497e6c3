import { createClient, type RedisClientType } from 'redis';
import type { Bus, Cache } from '../ports.ts';

export interface RedisOptions {
  url: string;
  prefix: string;
  /** Upper bound of one command, including waiting for a reconnect; keeps callers from hanging. */
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
}

function makeClient(opts: RedisOptions): RedisClientType {
  const client = createClient({
    url: opts.url,
    // Fail fast while disconnected: the cache is disposable and callers fall back to SQL, so a
    // queued command waiting for a reconnect would only add latency.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: opts.connectTimeoutMs ?? 2000,
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
    commandOptions: { timeout: opts.commandTimeoutMs ?? 1000 },
  }) as RedisClientType;
  // Without a listener, a connection error would be thrown as an unhandled 'error' event.
  client.on('error', () => {});
  return client;
}

// node-redis reports a failed MULTI as "N commands failed"; surface the first reply error
// itself (for example WRONGTYPE) so both adapters fail with the same message.
async function execMulti<T>(exec: () => Promise<unknown>): Promise<T> {
  try {
    return (await exec()) as T;
  } catch (e) {
    const replies = (e as { replies?: unknown[] }).replies;
    const first = replies?.find((r) => r instanceof Error);
    throw first ?? e;
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

/** Cache on a real Redis through node-redis. */
export class RedisCache implements Cache {
  readonly kind = 'redis' as const;
  readonly #c: RedisClientType;
  readonly #p: string;

  private constructor(client: RedisClientType, prefix: string) {
    this.#c = client;
    this.#p = prefix;
  }

  static async connect(opts: RedisOptions): Promise<RedisCache> {
    const c = makeClient(opts);
    await c.connect();
    return new RedisCache(c, opts.prefix);
  }

  #k(key: string): string {
    return this.#p + key;
  }

  async get(key: string): Promise<string | null> {
    return (await this.#c.get(this.#k(key))) as string | null;
  }
  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    if (ttlMs === undefined) await this.#c.set(this.#k(key), value);
    else await this.#c.set(this.#k(key), value, { expiration: { type: 'PX', value: ttlMs } });
  }
  async setNX(key: string, value: string, ttlMs: number): Promise<boolean> {
    const r = await this.#c.set(this.#k(key), value, { expiration: { type: 'PX', value: ttlMs }, condition: 'NX' });
    return r === 'OK';
  }
  async del(...keys: string[]): Promise<void> {
    if (keys.length) await this.#c.del(keys.map((k) => this.#k(k)));
  }
  async incr(key: string, ttlMs: number): Promise<number> {
    const k = this.#k(key);
    const [n] = await execMulti<[number, number]>(() => this.#c.multi().incr(k).pExpire(k, ttlMs, 'NX').exec());
    return Number(n);
  }
  async ttl(key: string): Promise<number> {
    return Number(await this.#c.pTTL(this.#k(key)));
  }
  async expire(key: string, ttlMs: number): Promise<boolean> {
    return Number(await this.#c.pExpire(this.#k(key), ttlMs)) === 1;
  }
  async hashSet(key: string, field: string, value: string, ttlMs: number): Promise<void> {
    const k = this.#k(key);
    await execMulti(() => this.#c.multi().hSet(k, field, value).pExpire(k, ttlMs).exec());
  }
  async hashDel(key: string, field: string): Promise<void> {
    await this.#c.hDel(this.#k(key), field);
  }
  async hashGetAll(key: string): Promise<Record<string, string>> {
    return { ...((await this.#c.hGetAll(this.#k(key))) as Record<string, string>) };
  }
  async listPush(key: string, values: readonly string[], opts: { maxLen: number; ttlMs: number }): Promise<number> {
    if (values.length === 0) return this.listLength(key);
    const k = this.#k(key);
    const res = await execMulti<[number, string, number]>(() =>
      this.#c
        .multi()
        .rPush(k, [...values])
        .lTrim(k, -opts.maxLen, -1)
        .pExpire(k, opts.ttlMs)
        .exec(),
    );
    return Math.min(Number(res[0]), opts.maxLen);
  }
  async listRange(key: string, start: number, stop: number): Promise<string[]> {
    return (await this.#c.lRange(this.#k(key), start, stop)) as string[];
  }
  async listLength(key: string): Promise<number> {
    return Number(await this.#c.lLen(this.#k(key)));
  }
  async ping(): Promise<void> {
    await this.#c.ping();
  }
  async close(): Promise<void> {
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
  readonly #reconnectHandlers: Array<() => void> = [];

  private constructor(pub: RedisClientType, sub: RedisClientType, prefix: string) {
    this.#pub = pub;
    this.#sub = sub;
    this.#p = prefix;
    let lost = false;
    sub.on('end', () => (lost = true));
    sub.on('error', () => (lost = true));
    sub.on('ready', () => {
      // node-redis resubscribes by itself; tell callers that messages may have been missed.
      if (!lost) return;
      lost = false;
      for (const h of this.#reconnectHandlers) h();
    });
  }

  static async connect(opts: RedisOptions): Promise<RedisBus> {
    const pub = makeClient(opts);
    const sub = makeClient({ ...opts, commandTimeoutMs: undefined });
    await Promise.all([pub.connect(), sub.connect()]);
    return new RedisBus(pub, sub, opts.prefix);
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.#pub.publish(this.#p + channel, message);
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
  onReconnect(handler: () => void): void {
    this.#reconnectHandlers.push(handler);
  }
  async close(): Promise<void> {
    await Promise.all([closeClient(this.#pub), closeClient(this.#sub)]);
  }
}
