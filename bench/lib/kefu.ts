/**
 * Running kefu for the benchmark: its own OAuth issuer (an ES256 key and a JWKS server, as the
 * tests do), nodes as child processes (`node src/main.ts start`, optionally under --cpu-prof),
 * buyers' orders pushed through the signed platform webhook, and cleanup of every PostgreSQL
 * schema, Redis key and temp directory the run created.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createClient } from 'redis';
import { AUD, ISS, newKey, sign, startJwksServer, type JwksServer, type TestKey } from '../../test/auth/support.ts';
import { signBody } from '../../src/commerce/index.ts';
import type { PlatformEventInput } from '../../src/commerce/index.ts';
import { startServer, type Server } from './children.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const SHOP = 'shop_bench';
export const PG_URL = process.env.KEFU_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.KEFU_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface Isolation {
  schema: string;
  prefix: string;
}

export interface KefuHarness {
  readonly key: TestKey;
  readonly jwks: JwksServer;
  readonly webhookSecret: string;
  readonly piiKeys: string;
  token(user: string): Promise<string>;
  /** A bearer token for an agent of `shopId`. */
  staffToken(user: string, shopId: string): Promise<string>;
  newIsolation(): Isolation;
  /** `workers` > 1: `kefu start --workers N`, resolved once every worker answers /healthz. */
  start(kind: 'kefu' | 'kefu-embedded', opts: { isolation?: Isolation; nodeId: string; profileDir?: string; dataDir?: string; execArgv?: string[]; env?: Record<string, string>; workers?: number }): Promise<Server>;
  /** Pushes one shipped order with in-transit logistics per buyer through the webhook. */
  seedOrders(url: string, buyers: readonly string[]): Promise<{ failed: number }>;
  cleanup(): Promise<void>;
}

const unique = (p: string) => `${p}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

/** Whether the real services answer; the reason when not. */
export async function probeServices(): Promise<{ pg?: string; redis?: string }> {
  const out: { pg?: string; redis?: string } = {};
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('select 1');
  } catch (e) {
    out.pg = (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
  const r = createClient({ url: REDIS_URL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    out.redis = (e as Error).message;
  } finally {
    if (r.isOpen) await r.quit().catch(() => {});
  }
  return out;
}

export async function createKefuHarness(): Promise<KefuHarness> {
  const key = await newKey('ES256', 'bench');
  const jwks = await startJwksServer([key.publicJwk]);
  const webhookSecret = randomBytes(24).toString('base64url');
  // One keyring for every node, as in production: a node must decrypt what another wrote.
  const piiKeys = `bench:${randomBytes(32).toString('base64')}`;
  const tokens = new Map<string, Promise<string>>();
  const schemas: string[] = [];
  const prefixes: string[] = [];
  const dirs: string[] = [];
  const servers: Server[] = [];

  return {
    key,
    jwks,
    webhookSecret,
    piiKeys,
    token(user) {
      let t = tokens.get(user);
      if (!t) {
        // An hour: the full run must never see its tokens expire (kefu closes such sockets with 4401).
        t = sign(key, { sub: user, scope: 'cs:customer', name: user }, { expIn: 3600 });
        tokens.set(user, t);
      }
      return t;
    },
    staffToken(user, shopId) {
      const k = `staff:${shopId}:${user}`;
      let t = tokens.get(k);
      if (!t) {
        t = sign(key, { sub: user, scope: 'cs:agent', shop_id: shopId, name: user }, { expIn: 3600 });
        tokens.set(k, t);
      }
      return t;
    },
    newIsolation() {
      const iso = { schema: unique('bench'), prefix: `${unique('kefubench')}:` };
      schemas.push(iso.schema);
      prefixes.push(iso.prefix);
      return iso;
    },
    async start(kind, opts) {
      const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kefu-bench-'));
      if (!opts.dataDir) dirs.push(dataDir);
      const env: Record<string, string> = {
        NODE_ENV: 'production',
        KEFU_HOST: '127.0.0.1',
        KEFU_PORT: '0',
        KEFU_DATA_DIR: dataDir,
        KEFU_DEMO: 'false',
        KEFU_LOG_LEVEL: 'warn',
        KEFU_NODE_ID: opts.nodeId,
        KEFU_OAUTH_JWKS_URL: jwks.url,
        KEFU_OAUTH_ISSUER: ISS,
        KEFU_OAUTH_AUDIENCE: AUD,
        KEFU_PLATFORM_WEBHOOK_SECRET: webhookSecret,
        KEFU_PII_KEYS: piiKeys,
        // Load runs send far more than a human: lift the per-connection and per-user limits.
        KEFU_WS_RATE_PER_CONNECTION: '100000',
        KEFU_WS_RATE_PER_USER: '1000000',
        // All the load comes from one address, and (c) opens 50k sockets: lift the connection caps.
        KEFU_WS_MAX_PER_IP: '1000000',
        // (d) puts 21 devices of one buyer on one node (20 receiving, one sending): above the
        // product's 20 per user per node, which would close the sender as the oldest.
        KEFU_WS_MAX_PER_USER: '1000',
        KEFU_WS_MAX_UPGRADING: '1000000',
        ...opts.env,
      };
      if (kind === 'kefu') {
        const iso = opts.isolation;
        if (!iso) throw new Error('kefu on PostgreSQL needs an isolation (schema and key prefix)');
        Object.assign(env, { KEFU_DATABASE_URL: PG_URL, KEFU_DATABASE_SCHEMA: iso.schema, KEFU_REDIS_URL: REDIS_URL, KEFU_REDIS_KEY_PREFIX: iso.prefix });
      }
      const execArgv = [...(opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`, `--cpu-prof-name=${opts.nodeId}.cpuprofile`] : []), ...(opts.execArgv ?? [])];
      const workers = opts.workers ?? 1;
      const s = await startServer(`${kind} ${opts.nodeId}`, ['src/main.ts', 'start', ...(workers > 1 ? ['--workers', String(workers)] : [])], { env, cwd: ROOT, execArgv, timeoutMs: 120_000 });
      servers.push(s);
      if (workers > 1) await allWorkersUp(s.url, workers);
      return s;
    },
    async seedOrders(url, buyers) {
      let failed = 0;
      let next = 0;
      const at = (min: number) => new Date(Date.now() - min * 60_000).toISOString();
      const post = async (event: PlatformEventInput) => {
        const body = JSON.stringify(event);
        const res = await fetch(`${url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(webhookSecret, body) }, body });
        if (!res.ok) failed++;
        await res.arrayBuffer();
      };
      const worker = async () => {
        while (next < buyers.length) {
          const i = next++;
          const userId = buyers[i]!;
          const orderId = `BO${i.toString().padStart(10, '0')}`;
          await post({
            id: `bench-order-${userId}`,
            type: 'order.upserted',
            shopId: SHOP,
            occurredAt: at(60),
            data: {
              orderId,
              userId,
              status: 'shipped',
              items: [{ sku: 'BENCH-EARBUDS', title: '无线蓝牙耳机 白色', quantity: 1, price: '199.00' }],
              totalAmount: '199.00',
              currency: 'CNY',
              receiver: { name: '测试买家', phone: '13800001234', address: '上海市浦东新区张江路100号' },
              createdAt: at(120),
              updatedAt: at(60),
            },
          });
          await post({
            id: `bench-logistics-${userId}`,
            type: 'logistics.upserted',
            shopId: SHOP,
            occurredAt: at(30),
            data: {
              orderId,
              carrier: '中通快递',
              trackingNo: `ZT${i.toString().padStart(12, '0')}`,
              status: 'in_transit',
              events: [
                { time: at(50), location: '上海', description: '快件已揽收' },
                { time: at(30), location: '杭州转运中心', description: '快件已到达转运中心' },
              ],
              updatedAt: at(30),
            },
          });
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
      return { failed };
    },
    async cleanup() {
      await Promise.allSettled(servers.map((s) => s.stop(5000)));
      await jwks.close().catch(() => {});
      if (schemas.length) {
        const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
        try {
          await c.connect();
          for (const s of schemas.splice(0)) await c.query(`drop schema if exists "${s}" cascade`);
        } catch (e) {
          process.stderr.write(`could not drop bench schemas: ${(e as Error).message}\n`);
        } finally {
          await c.end().catch(() => {});
        }
      }
      if (prefixes.length) {
        const r = createClient({ url: REDIS_URL, socket: { connectTimeout: 3000, reconnectStrategy: false } });
        r.on('error', () => {});
        try {
          await r.connect();
          for (const p of prefixes.splice(0)) {
            // Bounded: SCAN walks the keyspace once per prefix.
            for await (const keys of r.scanIterator({ MATCH: `${p}*`, COUNT: 1000 })) if (keys.length) await r.unlink(keys);
          }
        } catch (e) {
          process.stderr.write(`could not delete bench Redis keys: ${(e as Error).message}\n`);
        } finally {
          if (r.isOpen) await r.quit().catch(() => {});
        }
      }
      for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** The first worker prints "listening" before the others are up: wait until each has answered. */
async function allWorkersUp(url: string, n: number): Promise<void> {
  const seen = new Set<number>();
  const until = Date.now() + 120_000;
  while (seen.size < n) {
    if (Date.now() > until) throw new Error(`only ${seen.size} of ${n} workers answered /healthz within 120 s`);
    const h = (await (await fetch(`${url}/healthz`, { headers: { connection: 'close' } })).json()) as { worker?: number };
    if (h.worker !== undefined) seen.add(h.worker);
    else await new Promise((r) => setTimeout(r, 50));
  }
}
