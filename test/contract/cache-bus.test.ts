// Contract suites of the Cache and Bus ports (src/storage/ports.ts), run against every adapter.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CACHE_FACTORIES } from '../support/services.ts';
import type { Bus, Cache } from '../../src/storage/ports.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const f of CACHE_FACTORIES) {
  describe(`Cache contract: ${f.name}`, { skip: f.skip }, () => {
    let c: Cache;
    let bus: Bus;
    before(async () => {
      ({ cache: c, bus } = await f.create());
    });
    after(async () => {
      await c?.close();
      await bus?.close();
    });

    test('get/set and TTL expiry', async () => {
      assert.equal(await c.get('k1'), null);
      await c.set('k1', 'v1');
      assert.equal(await c.get('k1'), 'v1');
      assert.equal(await c.ttl('k1'), -1);
      await c.set('k2', 'v2', 80);
      const ttl = await c.ttl('k2');
      assert.ok(ttl > 0 && ttl <= 80, `ttl ${ttl}`);
      await sleep(120);
      assert.equal(await c.get('k2'), null);
      assert.equal(await c.ttl('k2'), -2);
      await c.set('k1', 'v1b', 60_000);
      assert.equal(await c.get('k1'), 'v1b', 'set overwrites');
      assert.ok((await c.ttl('k1')) > 50_000, 'and takes the new TTL');
    });

    test('setNX: exactly one of many concurrent callers wins, and the key expires', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => c.setNX('nx', String(i), 100)));
      assert.equal(results.filter(Boolean).length, 1);
      await sleep(150);
      assert.equal(await c.setNX('nx', 'again', 100), true);
    });

    test('incr counts atomically and keeps the TTL of the first increment', async () => {
      const ns = await Promise.all(Array.from({ length: 10 }, () => c.incr('ctr', 200)));
      assert.deepEqual([...ns].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      const t1 = await c.ttl('ctr');
      await sleep(30);
      await c.incr('ctr', 200);
      const t2 = await c.ttl('ctr');
      assert.ok(t2 < t1, 'a later incr does not extend the window');
      await sleep(220);
      assert.equal(await c.incr('ctr', 200), 1);
    });

    test('admitFrame: setNX and incr in one call, each with its own semantics', async () => {
      const nonce = { key: 'af:nonce', ttlMs: 100 };
      const rate = (k: string) => ({ key: `af:rate:${k}`, ttlMs: 150 });
      const rs = await Promise.all(Array.from({ length: 10 }, () => c.admitFrame(nonce, rate('1'))));
      assert.equal(rs.filter((r) => r.fresh).length, 1, 'one caller wins the nonce');
      assert.deepEqual(rs.map((r) => r.count).sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      assert.equal(await c.get('af:nonce'), '1');
      const t = await c.ttl('af:rate:1');
      assert.ok(t > 0 && t <= 150, `the counter expires with its window (${t} ms left)`);
      assert.deepEqual(await c.admitFrame({ key: 'af:other', ttlMs: 100 }, rate('2')), { fresh: true, count: 1 });
      await sleep(180);
      assert.deepEqual(await c.admitFrame(nonce, rate('1')), { fresh: true, count: 1 }, 'both expired');
    });

    test('listPush trims to the newest maxLen and refreshes the TTL', async () => {
      for (let i = 1; i <= 7; i++) await c.listPush('l', [`m${i}`], { maxLen: 5, ttlMs: 10_000 });
      assert.deepEqual(await c.listRange('l', 0, -1), ['m3', 'm4', 'm5', 'm6', 'm7']);
      assert.equal(await c.listPush('l', [], { maxLen: 5, ttlMs: 10_000 }), 5, 'an empty push answers the length');
      assert.deepEqual(await c.listRange('l', -2, -1), ['m6', 'm7']);
      assert.deepEqual(await c.listRange('l', 10, 20), []);
      const n = await c.listPush('l', ['m8', 'm9'], { maxLen: 5, ttlMs: 60_000 });
      assert.equal(n, 5);
      assert.ok((await c.ttl('l')) > 10_000, 'TTL refreshed on write');
      assert.deepEqual(await c.listRange('l', 0, 0), ['m5']);
    });

    test('hash fields with TTL on the key', async () => {
      await c.hashSet('h', 'phone', '1', 10_000);
      await c.hashSet('h', 'pc', '2', 10_000);
      assert.deepEqual(await c.hashGetAll('h'), { phone: '1', pc: '2' });
      await c.hashDel('h', 'phone');
      assert.deepEqual(await c.hashGetAll('h'), { pc: '2' });
      assert.ok((await c.ttl('h')) > 0);
      await c.hashSet('h', 'app', '3', 50);
      assert.deepEqual(await c.hashGetAll('h'), { pc: '2', app: '3' });
      await sleep(100);
      assert.deepEqual(await c.hashGetAll('h'), {}, 'each write sets the TTL of the whole hash');
    });

    test('a key of one type used as another fails clearly', async () => {
      await c.set('typed', 'x');
      await assert.rejects(c.listPush('typed', ['y'], { maxLen: 3, ttlMs: 1000 }), /WRONGTYPE/);
      // The hot history's erasure tombstone (conversation/history.ts, dropHistory) relies on both.
      await assert.rejects(c.listRange('typed', 0, -1), /WRONGTYPE/);
    });

    test('a Redis that forgot its scripts (restart, SCRIPT FLUSH) is served all the same', { skip: f.name !== 'redis' && 'Redis only' }, async () => {
      const { createClient } = await import('redis');
      const admin = createClient({ url: process.env.KEFU_TEST_REDIS_URL! });
      await admin.connect();
      try {
        await c.incr('flushed', 1000);
        await admin.scriptFlush();
        assert.equal(await c.incr('flushed', 1000), 2);
        await admin.scriptFlush();
        assert.equal(await c.listPush('flushed-list', ['a', 'b'], { maxLen: 5, ttlMs: 1000 }), 2);
        await admin.scriptFlush();
        await c.hashSet('flushed-hash', 'f', 'v', 1000);
        assert.deepEqual(await c.hashGetAll('flushed-hash'), { f: 'v' });
      } finally {
        await admin.close();
      }
    });

    test('ping', async () => {
      await c.ping();
    });
  });

  describe(`Bus contract: ${f.name}`, { skip: f.skip }, () => {
    test('every subscriber gets each message once, in order, never inside publish', async () => {
      const a = await f.create();
      // A second connection to the same keyspace stands for another process.
      const b = await f.create(a);
      const got1: string[] = [];
      const got2: string[] = [];
      const un1 = await a.bus.subscribe('ch', (m) => got1.push(m));
      const un2 = await b.bus.subscribe('ch', (m) => got2.push(m));
      for (let i = 0; i < 50; i++) await b.bus.publish('ch', `m${i}`);
      for (let i = 0; i < 100 && (got1.length < 50 || got2.length < 50); i++) await sleep(10);
      const want = Array.from({ length: 50 }, (_, i) => `m${i}`);
      assert.deepEqual(got1, want);
      assert.deepEqual(got2, want);
      await un1();
      await a.bus.publish('ch', 'after');
      await a.bus.publish('other', 'x');
      for (let i = 0; i < 100 && got2.length < 51; i++) await sleep(10);
      assert.equal(got1.length, 50, 'unsubscribed handler gets nothing more');
      assert.deepEqual(got2.slice(-1), ['after']);
      assert.equal(got2.length, 51, 'no message of another channel');
      await un2();
      for (const x of new Set([a, b])) {
        await x.cache.close();
        await x.bus.close();
      }
    });

    test('delivery is asynchronous (never inside publish)', async () => {
      const a = await f.create();
      let inside = false;
      let delivered = false;
      await a.bus.subscribe('async', () => {
        delivered = true;
        assert.equal(inside, false);
      });
      inside = true;
      const p = a.bus.publish('async', 'x');
      inside = false;
      await p;
      for (let i = 0; i < 100 && !delivered; i++) await sleep(5);
      assert.equal(delivered, true);
      await a.cache.close();
      await a.bus.close();
    });
  });
}
