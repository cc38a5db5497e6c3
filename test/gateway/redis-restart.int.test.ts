// Redis restarted in the middle of a conversation: no acked message is lost, history falls back to
// PostgreSQL, and the node recovers without a restart; when its bus is back every socket gets a
// `resync` frame and catches up by seq. Uses a private redis-server on its own port
// so the shared one (and the other suites) are not disturbed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { needsPg, PG_URL } from '../support/services.ts';
import { connect, eventually, newIsolation, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { AUD, ISS } from '../auth/support.ts';
import type { KefuClient } from '../../src/client/index.ts';

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  const p = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await eventually(
    () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      }),
    5000,
    'redis-server to listen',
  );
  return p;
}

async function sendUntilAcked(c: KefuClient, shopId: string, text: string) {
  return eventually(async () => {
    try {
      return await c.sendText({ shopId }, text);
    } catch (e) {
      if ((e as { code?: string }).code === 'UNAVAILABLE') return undefined;
      throw e;
    }
  }, 15_000, `ack for "${text}"`);
}

describe('Redis restart mid-conversation', { skip: needsPg || (!hasRedisServer && 'redis-server binary not found') }, () => {
  let issuer: Issuer;
  let node: Node;
  let nodeB: Node;
  let redis: ChildProcess;
  let port: number;
  const iso = newIsolation();

  before(async () => {
    port = await freePort();
    redis = await startRedis(port);
    issuer = await startIssuer();
    const env = {
      KEFU_DATABASE_URL: PG_URL!,
      KEFU_DATABASE_SCHEMA: iso.schema,
      KEFU_REDIS_URL: `redis://127.0.0.1:${port}`,
      KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
      KEFU_OAUTH_ISSUER: ISS,
      KEFU_OAUTH_AUDIENCE: AUD,
      // Transport only: the robot's replies would interleave with the seqs under test.
      KEFU_ROBOT: 'false',
    };
    node = await startNode(env);
    nodeB = await startNode(env);
  });
  after(async () => {
    await node?.close();
    await nodeB?.close();
    redis?.kill('SIGKILL');
    await issuer?.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists "${iso.schema}" cascade`);
    await c.end();
  });

  test('no acked message is lost, history falls back to PostgreSQL, and the node recovers', async () => {
    const t = await issuer.token({ sub: 'rb1', scope: 'cs:customer' });
    const phone = await connect(node.url, t, 'app');
    const pc = await connect(node.url, t, 'pc');
    // A device on another node: reached through the Redis bus only.
    const tablet = await connect(nodeB.url, t, 'miniapp');
    const acks = [];
    for (let i = 0; i < 5; i++) acks.push(await phone.sendText({ shopId: 'shop_r' }, `before ${i}`));
    const conv = acks[0]!.conversationId;

    redis.kill('SIGKILL');
    await new Promise((r) => redis.once('exit', r));
    await eventually(async () => (await fetch(`${node.url}/readyz`)).status === 503, 5000, 'readyz to report the cache down');
    // While Redis is down messages are still stored and acked (PostgreSQL is the truth) and
    // devices on this node still get them live.
    const livePc = pc.waitFor((f) => f.type === 'message' && (f as { content: { text?: string } }).content.text === 'during', 5000);
    const during = await phone.sendText({ shopId: 'shop_r' }, 'during');
    assert.equal(during.seq, 6);
    await livePc;
    // A replayed nonce is still refused by this node.
    await phone.send({ shopId: 'shop_r', content: { kind: 'text', text: 'r' }, nonce: 'outage-nonce-0123456789' });
    await assert.rejects(phone.send({ shopId: 'shop_r', content: { kind: 'text', text: 'r2' }, nonce: 'outage-nonce-0123456789' }), { code: 'REPLAY' });
    // History is served from PostgreSQL.
    const hist = await pc.syncAll(conv, 0);
    assert.deepEqual(hist.map((m) => m.seq), [1, 2, 3, 4, 5, 6, 7]);

    // Every socket is told to resync once its node's bus is back (the tablet missed 6 and 7 live).
    const resyncs = [tablet, phone].map((c) => c.waitFor((f) => f.type === 'resync', 20_000));
    redis = await startRedis(port);
    await Promise.all(resyncs);
    const caughtUp = await tablet.syncAll(conv, 5);
    assert.deepEqual(caughtUp.slice(0, 2).map((m) => [m.seq, (m.content as { text: string }).text]), [[6, 'during'], [7, 'r']], 'after resync the tablet catches up by seq');
    // The clients reconnect and resubscribe by themselves. Pub/sub keeps no backlog, so an event
    // published before a node's subscription is back is missed live (its devices sync); keep
    // sending until the device on the other node gets one live again.
    const after: string[] = [];
    let liveOnTablet = false;
    for (let i = 0; i < 40 && !liveOnTablet; i++) {
      const text = `after ${i}`;
      const seen = tablet.waitFor((f) => f.type === 'message' && (f as { content: { text?: string } }).content.text === text, 500).then(
        () => true,
        () => false,
      );
      const ack = await sendUntilAcked(phone, 'shop_r', text);
      assert.equal(ack!.seq, 8 + i, 'seq continues without a gap');
      after.push(text);
      liveOnTablet = await seen;
    }
    assert.ok(liveOnTablet, 'live delivery across nodes resumed');
    const all = await pc.syncAll(conv, 0);
    assert.deepEqual(all.map((m) => m.seq), Array.from({ length: 7 + after.length }, (_, i) => i + 1));
    assert.deepEqual(all.map((m) => (m.content as { text: string }).text), ['before 0', 'before 1', 'before 2', 'before 3', 'before 4', 'during', 'r', ...after]);
    await eventually(async () => (await fetch(`${node.url}/readyz`)).status === 200, 5000, 'readyz to recover');
    const m = await (await fetch(`${node.url}/metrics`)).text();
    assert.match(m, /kefu_cache_fallbacks_total\{op="sync"\} [1-9]/);
    // The device on the other node catches up on what it missed during the outage by sync.
    const fromB = await tablet.syncAll(conv, 5);
    assert.deepEqual(fromB.map((m) => m.seq), Array.from({ length: 2 + after.length }, (_, i) => i + 6));
    await Promise.all([phone.close(), pc.close(), tablet.close()]);
  });
});

describe('a Redis that stops answering', { skip: !hasRedisServer && 'redis-server binary not found' }, () => {
  test('commands fail after the command timeout instead of hanging, and work again when it answers', async () => {
    const { RedisBus, RedisCache } = await import('../../src/storage/redis/redis-cache.ts');
    const port = await freePort();
    const server = await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const cache = await RedisCache.connect({ url, prefix: 't:', commandTimeoutMs: 300 });
    const bus = await RedisBus.connect({ url, prefix: 't:', commandTimeoutMs: 300 });
    try {
      await cache.set('k', 'v');
      server.kill('SIGSTOP');
      const t0 = performance.now();
      await assert.rejects(cache.get('k'), /timed out after 300 ms/);
      await assert.rejects(cache.listPush('l', ['a'], { maxLen: 5, ttlMs: 1000 }), /timed out/);
      await assert.rejects(bus.publish('c', 'm'), /timed out/);
      const waited = performance.now() - t0;
      assert.ok(waited >= 250 && waited < 2000, `gave up after ${waited} ms`);
      server.kill('SIGCONT');
      await eventually(async () => (await cache.get('k').catch(() => null)) === 'v', 5000, 'Redis to answer again');
    } finally {
      server.kill('SIGCONT');
      await Promise.allSettled([cache.close(), bus.close()]);
      server.kill('SIGKILL');
    }
  });
});
