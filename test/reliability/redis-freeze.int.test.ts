// A frozen Redis (SIGSTOP of a PRIVATE redis-server this file starts on a free port; the shared
// one is never touched): the Redis adapter's circuit breaker opens after a few timeouts and then
// fails at once, so the gateway's guards take their fallback (replay: the node's own memory;
// rate: fails open) instead of every frame waiting the command timeout. Prints the figures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { eventually, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { PG_URL, testSchema } from '../support/services.ts';
import { AUD, ISS } from '../auth/support.ts';
import { KefuClient, type WebSocketCtor } from '../../src/client/index.ts';
import { RedisBus, RedisCache, type BreakerState } from '../../src/storage/redis/redis-cache.ts';
import { toKefuError } from '../../src/protocol/errors.ts';
import { percentile, startPrivatePostgres, startPrivateRedis, type PrivateServer } from './private-services.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const redisStarted = await startPrivateRedis();
const skip = typeof redisStarted === 'string' ? `a private redis-server could not be started here: ${redisStarted}` : false;
const redis = typeof redisStarted === 'string' ? undefined : redisStarted;
if (skip) console.log(`# SKIP redis freeze drills: ${skip}`);
after(async () => redis?.stop());

describe('Redis circuit breaker', { skip }, () => {
  test('opens after consecutive timeouts, then fails at once (probing by itself), and closes when Redis answers', async () => {
    const r = redis as PrivateServer;
    const changes: BreakerState[] = [];
    const opts = { url: r.url, prefix: 'cb:', commandTimeoutMs: 1000, breaker: { failures: 3, cooldownMs: 400, onChange: (s: BreakerState) => changes.push(s) } };
    const cache = await RedisCache.connect(opts);
    const bus = await RedisBus.connect({ ...opts, breaker: { failures: 2, cooldownMs: 400 } });
    try {
      await cache.set('k', 'v');
      assert.equal(cache.health().state, 'closed');
      r.freeze();
      // Three callers at once all wait the command timeout: that opens the circuit.
      const first = await Promise.allSettled([cache.get('k'), cache.setNX('n', '1', 1000), cache.incr('c', 1000)]);
      assert.ok(first.every((x) => x.status === 'rejected' && /timed out after 1000 ms/.test((x.reason as Error).message)));
      assert.equal(cache.health().state, 'open');
      assert.equal(cache.health().trips, 1);
      // Now every call fails at once, as UNAVAILABLE-class, for as long as Redis is frozen,
      // including while the breaker's own probe is waiting (half-open).
      const waits: number[] = [];
      const until = Date.now() + 1500;
      while (Date.now() < until) {
        const t0 = performance.now();
        const e = await cache.get('k').then(
          () => undefined,
          (err: unknown) => err,
        );
        waits.push(performance.now() - t0);
        assert.ok(e, 'fails while frozen');
        assert.equal(toKefuError(e).code, 'UNAVAILABLE');
        await sleep(20);
      }
      assert.ok(Math.max(...waits) < 300, `every call failed fast, not after the 1000 ms timeout (max ${Math.round(Math.max(...waits))} ms over ${waits.length} calls)`);
      assert.ok(changes.includes('half-open'), 'it probed while frozen');
      assert.notEqual(cache.health().state, 'closed', 'a failed probe keeps it open');
      await assert.rejects(cache.ping(), /circuit/, '/readyz (ping) reports it');
      // The bus has its own breaker on publishes.
      await Promise.allSettled([bus.publish('c', 'm'), bus.publish('c', 'm')]);
      const tb = performance.now();
      await assert.rejects(bus.publish('c', 'm'), /circuit/);
      assert.ok(performance.now() - tb < 300);
      assert.equal(bus.health().state === 'closed', false);

      r.thaw();
      await eventually(() => cache.health().state === 'closed', 3000, 'the probe to close the circuit');
      assert.equal(await cache.get('k'), 'v');
      await eventually(() => bus.health().state === 'closed', 3000, 'the bus circuit to close');
      await bus.publish('c', 'm');
      assert.deepEqual(changes.slice(0, 2), ['open', 'half-open']);
      assert.equal(changes.at(-1), 'closed');
    } finally {
      r.thaw();
      await Promise.allSettled([cache.close(), bus.close()]);
    }
  });

  test('a reply error (the server answered) does not count as a failure', async () => {
    const r = redis as PrivateServer;
    const cache = await RedisCache.connect({ url: r.url, prefix: 'cb2:', breaker: { failures: 2 } });
    try {
      await cache.set('str', 'x');
      // HGETALL on a string: WRONGTYPE, an answer, not a dependency failure.
      for (let i = 0; i < 5; i++) await assert.rejects(cache.hashGetAll('str'), /WRONGTYPE/);
      assert.equal(cache.health().state, 'closed');
      assert.equal(cache.health().consecutiveFailures, 0);
    } finally {
      await cache.close();
    }
  });
});

describe('a frozen Redis under a live node', { skip }, () => {
  let issuer: Issuer;
  let node: Node;
  let pgServer: PrivateServer | undefined;
  let pgSkip: string | undefined;
  before(async () => {
    issuer = await startIssuer();
    let db: Record<string, string>;
    if (PG_URL) db = { KEFU_DATABASE_URL: PG_URL, KEFU_DATABASE_SCHEMA: testSchema('rfz') };
    else {
      const p = await startPrivatePostgres();
      if (typeof p === 'string') {
        pgSkip = p;
        return;
      }
      pgServer = p;
      db = { KEFU_DATABASE_URL: p.url, KEFU_DATABASE_SCHEMA: 'rfz' };
    }
    node = await startNode({ ...db, KEFU_REDIS_URL: redis!.url, KEFU_REDIS_KEY_PREFIX: 'rfz:', KEFU_OAUTH_JWKS_URL: issuer.jwks.url, KEFU_OAUTH_ISSUER: ISS, KEFU_OAUTH_AUDIENCE: AUD, KEFU_ROBOT: 'false' });
  });
  after(async () => {
    redis?.thaw();
    await node?.close();
    await issuer?.close();
    await pgServer?.stop();
  });

  test('frames keep flowing at full speed (replay from memory, rate fails open); the node recovers', async (t) => {
    if (pgSkip) return t.skip(`no PostgreSQL for the node: ${pgSkip}`);
    const r = redis as PrivateServer;
    const c = await KefuClient.connect({ url: node.url, token: await issuer.token({ sub: 'rfz_buyer', scope: 'cs:customer' }), device: 'app', WebSocket: WebSocket as unknown as WebSocketCtor, timeoutMs: 15_000 });
    try {
      const { conversationId } = await c.sendText({ shopId: 'shop_rfz' }, 'hello');
      const FREEZE_MS = 6000;
      r.freeze();
      const t0 = performance.now();
      const waits: number[] = [];
      const answers: Record<string, number> = {};
      let n = 0;
      while (performance.now() - t0 < FREEZE_MS) {
        const s0 = performance.now();
        let a = 'ack';
        try {
          await c.sendText({ conversationId }, `frozen ${n++}`);
        } catch (e) {
          a = (e as { code?: string }).code ?? String(e);
        }
        answers[a] = (answers[a] ?? 0) + 1;
        waits.push(performance.now() - s0);
        await sleep(30);
      }
      // Replay protection still holds on this node (its own memory) while Redis is frozen.
      const t1 = performance.now();
      await c.send({ conversationId, content: { kind: 'text', text: 'once' }, nonce: 'frozen-redis-nonce-0001' });
      await assert.rejects(c.send({ conversationId, content: { kind: 'text', text: 'twice' }, nonce: 'frozen-redis-nonce-0001' }), { code: 'REPLAY' });
      const replayMs = performance.now() - t1;
      const ready = await fetch(`${node.url}/readyz`);
      const readyBody = (await ready.json()) as { checks: { cache: string } };
      const breaker = (node.rt.storage.cache as RedisCache).health();
      const fig = {
        framesAnswered: waits.length,
        framesPerSecond: Math.round((waits.length / FREEZE_MS) * 1000),
        answers,
        p50Ms: Math.round(percentile(waits, 50)),
        p99Ms: Math.round(percentile(waits, 99)),
        slowFrames: waits.filter((w) => w > 500).length,
        maxMs: Math.round(Math.max(...waits)),
        breaker: breaker.state,
        readyz: `${ready.status} ${readyBody.checks.cache}`,
      };
      console.log(`# frozen Redis drill (1 socket, sequential sends, ${FREEZE_MS} ms frozen, command timeout 1000 ms): ${JSON.stringify(fig)}`);
      assert.deepEqual(Object.keys(answers), ['ack'], 'every frame acked: Redis is not needed to store a message');
      assert.ok(waits.length >= 25, `not one frame per second: ${waits.length} frames in ${FREEZE_MS} ms`);
      assert.ok(fig.slowFrames <= 5, `only the frames that opened the circuit waited the timeout (${fig.slowFrames})`);
      assert.ok(replayMs < 900, `the replay check answered at once from memory (${Math.round(replayMs)} ms)`);
      assert.notEqual(breaker.state, 'closed');
      assert.equal(ready.status, 503);
      assert.match(readyBody.checks.cache, /circuit/);

      r.thaw();
      await eventually(() => (node.rt.storage.cache as RedisCache).health().state === 'closed', 5000, 'the circuit to close after the thaw');
      await eventually(async () => (await fetch(`${node.url}/readyz`)).status === 200, 5000, 'readyz to recover');
      const history = await c.syncAll(conversationId, 0);
      assert.equal(history.length, 1 + waits.length + 1, 'every acked message is stored once');
      assert.deepEqual(history.map((m) => m.seq), history.map((_, i) => i + 1));
    } finally {
      r.thaw();
      await c.close();
    }
  });
});
