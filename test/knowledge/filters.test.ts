import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FilterCache, KnowledgeService, NO_SHOP_CONTACTS, type FilterSource, type FilterWords } from '../../src/knowledge/index.ts';
import type { SensitiveFilter } from '../../src/knowledge/index.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { dropTestSchemas, SQL_FACTORIES } from '../support/services.ts';

after(dropTestSchemas);

/** An in-memory source whose calls are counted and can be made to fail or to wait. */
class FakeSource implements FilterSource {
  global: string[] = ['全局词'];
  shops = new Map<string, { version: number; words: string[] }>();
  globalVersion = 0;
  calls = { version: 0, filterWords: 0 };
  failing = false;
  gate: Promise<void> | undefined;

  set(shopId: string, words: string[]) {
    const cur = this.shops.get(shopId);
    this.shops.set(shopId, { version: (cur?.version ?? 0) + 1, words });
  }
  async version(shopId: string): Promise<number> {
    this.calls.version++;
    if (this.failing) throw new Error('database down');
    return (this.shops.get(shopId)?.version ?? 0) + this.globalVersion;
  }
  async filterWords(shopId: string): Promise<FilterWords> {
    this.calls.filterWords++;
    if (this.failing) throw new Error('database down');
    const version = await this.version(shopId);
    this.calls.version--;
    const words = [...(this.shops.get(shopId)?.words ?? [])];
    const global = [...this.global];
    await this.gate;
    return { version, global, shop: words, contacts: NO_SHOP_CONTACTS };
  }
}

const finds = async (cache: FilterCache, shopId: string, text: string) => (await cache.get(shopId)).find(text).map((h) => h.word);

describe('FilterCache', () => {
  refreshTests();
  concurrencyAndFailureTests();
});

for (const factory of SQL_FACTORIES) {
  describe(`FilterCache over KnowledgeService on ${factory.name}`, { skip: factory.skip }, () => {
    let store: SqlStore;
    before(async () => {
      store = await factory.create();
    });
    after(() => store?.close());

    test('default global words apply, and a committed change is picked up after invalidate', async () => {
      const k = new KnowledgeService(store);
      const cache = new FilterCache(k, { recheckMs: 60_000 });
      assert.deepEqual(await finds(cache, 's1', '这里有代*开*发*票'), ['代开发票']);
      assert.deepEqual(await finds(cache, 's1', '店铺专用词'), []);
      await k.replaceSensitiveWords('s1', { words: ['店铺专用词'] });
      assert.deepEqual(await finds(cache, 's1', '店铺专用词'), [], 'cached until invalidated');
      cache.invalidate('s1');
      await cache.settled('s1');
      assert.deepEqual(await finds(cache, 's1', '店铺专用词'), ['店铺专用词']);
      assert.deepEqual(await finds(cache, 's2', '店铺专用词'), [], 'another shop does not get it');
      await k.setGlobalWords(['平台禁词']);
      cache.invalidate();
      await cache.get('s2');
      await cache.settled('s2');
      assert.deepEqual(await finds(cache, 's2', '平台禁词 代开发票'), ['平台禁词']);
    });
  });
}

function refreshTests(): void {
  test('compiles once, serves without I/O until recheckMs, then checks the version', async () => {
    const src = new FakeSource();
    src.set('a', ['店铺词']);
    let now = 1000;
    const cache = new FilterCache(src, { recheckMs: 5000, now: () => now });
    assert.deepEqual(await finds(cache, 'a', '全局词和店铺词'), ['全局词', '店铺词']);
    for (let i = 0; i < 10; i++) await cache.get('a');
    assert.deepEqual(src.calls, { version: 0, filterWords: 1 });
    assert.equal(cache.stats.compiles, 1);

    now += 5000;
    await cache.get('a');
    assert.deepEqual(src.calls, { version: 1, filterWords: 1 }, 'unchanged version: no reload');
    assert.equal(cache.stats.compiles, 1);

    src.set('a', ['新词']);
    await cache.get('a');
    assert.equal(src.calls.version, 1, 'checked less than recheckMs ago');
    assert.deepEqual(await finds(cache, 'a', '新词'), [], 'not seen before the recheck');
    now += 5000;
    assert.deepEqual(await finds(cache, 'a', '新词 店铺词'), ['店铺词'], 'the get that starts the check is served the cached filter');
    await cache.settled('a');
    assert.deepEqual(await finds(cache, 'a', '新词 店铺词'), ['新词']);
    assert.equal(cache.stats.compiles, 2);
  });

  test('invalidate(shopId) starts the check at once; invalidate() forces it on the next get', async () => {
    const src = new FakeSource();
    src.set('a', ['甲词']);
    src.set('b', ['乙词']);
    const cache = new FilterCache(src, { recheckMs: 60_000 });
    await cache.get('a');
    await cache.get('b');
    src.set('a', ['丙词']);
    cache.invalidate('a');
    assert.equal(src.calls.version, 1, 'the check started without waiting for a get');
    await cache.settled('a');
    assert.deepEqual(await finds(cache, 'a', '丙词'), ['丙词']);
    assert.deepEqual(await finds(cache, 'b', '乙词'), ['乙词']);
    assert.equal(src.calls.version, 1, 'b was not checked');

    src.global = ['新全局'];
    src.globalVersion++;
    cache.invalidate();
    assert.equal(src.calls.version, 1, 'no burst of checks for every cached shop');
    assert.deepEqual(await finds(cache, 'a', '新全局'), [], 'stale while revalidating');
    await Promise.all([cache.get('b'), cache.settled('a'), cache.settled('b')]);
    assert.deepEqual(await finds(cache, 'a', '新全局'), ['新全局']);
    assert.deepEqual(await finds(cache, 'b', '新全局'), ['新全局']);
  });

  test('concurrent gets share one load; identical lists share one compiled filter', async () => {
    const src = new FakeSource();
    const cache = new FilterCache(src);
    const [f1, f2, f3] = await Promise.all([cache.get('x'), cache.get('x'), cache.get('y')]);
    assert.equal(f1, f2);
    assert.equal(f1, f3, 'x and y only use the global list');
    assert.equal(src.calls.filterWords, 2);
    assert.equal(cache.stats.compiles, 1);
  });
}

function concurrencyAndFailureTests(): void {
  test('an invalidation during a load leaves the result marked for another check', async () => {
    const src = new FakeSource();
    src.set('a', ['旧词']);
    let open!: () => void;
    src.gate = new Promise((r) => (open = r));
    const cache = new FilterCache(src, { recheckMs: 60_000 });
    const loading = cache.get('a');
    await new Promise((r) => setImmediate(r));
    src.set('a', ['新词']);
    cache.invalidate('a');
    open();
    src.gate = undefined;
    assert.deepEqual((await loading).find('旧词').length, 1, 'the load read the old words');
    await cache.get('a');
    await cache.settled('a');
    assert.deepEqual(await finds(cache, 'a', '新词'), ['新词'], 'the next get rechecks');
  });

  test('database failure: a first load rejects, a refresh keeps serving the last filter', async () => {
    const src = new FakeSource();
    let now = 0;
    const cache = new FilterCache(src, { recheckMs: 1000, now: () => now });
    src.failing = true;
    await assert.rejects(cache.get('a'), /database down/);
    src.failing = false;
    assert.deepEqual(await finds(cache, 'a', '全局词'), ['全局词'], 'the next get retries');

    src.failing = true;
    cache.invalidate('a');
    await cache.settled('a');
    assert.deepEqual(await finds(cache, 'a', '全局词'), ['全局词']);
    const checks = src.calls.version;
    await cache.get('a');
    assert.equal(src.calls.version, checks, 'no retry storm: waits recheckMs');
    assert.equal(cache.stats.refreshErrors, 1);
    src.failing = false;
    src.set('a', ['恢复']);
    now += 1000;
    await cache.get('a');
    await cache.settled('a');
    assert.deepEqual(await finds(cache, 'a', '恢复'), ['恢复']);
  });

  test('stale while revalidating: gets during a slow check are served the cached filter at once', async () => {
    const src = new FakeSource();
    src.set('a', ['旧词']);
    let now = 0;
    const cache = new FilterCache(src, { recheckMs: 1000, now: () => now });
    await cache.get('a');
    src.set('a', ['新词']);
    let open!: () => void;
    src.gate = new Promise((r) => (open = r));
    now += 1000;
    // The check is under way (the word list is being read and waits at the gate): no get waits.
    const served = await Promise.race([Promise.all([cache.get('a'), cache.get('a'), cache.get('a')]), new Promise<'waited'>((r) => setTimeout(() => r('waited'), 200))]);
    assert.notEqual(served, 'waited', 'no get waited for the reload');
    assert.ok((served as SensitiveFilter[]).every((f) => f.find('旧词').length === 1 && f.find('新词').length === 0), 'the cached list, until the reload is done');
    assert.equal(src.calls.filterWords, 2, 'one reload, shared by every get');
    open();
    src.gate = undefined;
    await cache.settled('a');
    assert.deepEqual(await finds(cache, 'a', '旧词 新词'), ['新词'], 'the reloaded list serves the next gets');
    assert.equal(src.calls.version, 1);
  });

  test('a check that hangs (database frozen) never holds a get; the next check waits for it to end', async () => {
    const src = new FakeSource();
    let now = 0;
    const cache = new FilterCache(src, { recheckMs: 1000, now: () => now });
    await cache.get('a');
    let release!: () => void;
    const hung = new Promise<void>((r) => (release = r));
    const version = src.version.bind(src);
    src.version = async (shopId) => {
      await hung;
      return version(shopId);
    };
    now += 1000;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      assert.deepEqual((await cache.get('a')).find('全局词').map((h) => h.word), ['全局词']);
      assert.ok(performance.now() - t0 < 50);
      now += 1000;
    }
    assert.equal(src.calls.version, 0, 'one check in flight, not one per get');
    release();
    await cache.settled('a');
    assert.equal(src.calls.version, 1);
  });

  test('keeps at most maxShops shops, least recently used out first', async () => {
    const src = new FakeSource();
    const cache = new FilterCache(src, { maxShops: 2 });
    await cache.get('a');
    await cache.get('b');
    await cache.get('a');
    await cache.get('c');
    const loads = src.calls.filterWords;
    await cache.get('a');
    assert.equal(src.calls.filterWords, loads, 'a was used recently and stayed');
    await cache.get('b');
    assert.equal(src.calls.filterWords, loads + 1, 'b was evicted and is loaded again');
  });
}
