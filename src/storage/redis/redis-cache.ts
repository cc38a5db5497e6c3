import { createHash } from 'node:crypto';
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

  /** EVALSHA, loading the script with EVAL when this server has not seen it (new or restarted). */
  async #script<T>(name: Script, key: string, args: readonly string[]): Promise<T> {
    try {
      return await this.#c.sendCommand<T>(['EVALSHA', SHA[name], '1', this.#k(key), ...args]);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith('NOSCRIPT')) throw e;
      return await this.#c.sendCommand<T>(['EVAL', SCRIPTS[name], '1', this.#k(key), ...args]);
    }
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
    return Number(await this.#script<number>('incr', key, [String(ttlMs)]));
  }
  async ttl(key: string): Promise<number> {
    return Number(await this.#c.pTTL(this.#k(key)));
  }
  async expire(key: string, ttlMs: number): Promise<boolean> {
    return Number(await this.#c.pExpire(this.#k(key), ttlMs)) === 1;
  }
  async hashSet(key: string, field: string, value: string, ttlMs: number): Promise<void> {
    await this.#script('hashSet', key, [field, value, String(ttlMs)]);
  }
  async hashDel(key: string, field: string): Promise<void> {
    await this.#c.hDel(this.#k(key), field);
  }
  async hashGetAll(key: string): Promise<Record<string, string>> {
    return { ...((await this.#c.hGetAll(this.#k(key))) as Record<string, string>) };
  }
  async listPush(key: string, values: readonly string[], opts: { maxLen: number; ttlMs: number }): Promise<number> {
    if (values.length === 0) return this.listLength(key);
    const n = await this.#script<number>('listPush', key, [String(opts.maxLen), String(opts.ttlMs), ...values]);
    return Math.min(Number(n), opts.maxLen);
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
