import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_GLOBAL_WORDS, KnowledgeService } from '../../src/knowledge/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { dropTestSchemas, SQL_FACTORIES } from '../support/services.ts';

after(dropTestSchemas);

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Asserts a KefuError with this code whose message starts with `field`. */
async function rejects(p: Promise<unknown>, code: string, field?: string): Promise<KefuError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof KefuError, `expected KefuError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (field !== undefined) {
      assert.ok(e.message.startsWith(`${field} `), `message "${e.message}" should name ${field}`);
      assert.equal(e.details?.field, field);
    }
    return e;
  }
  assert.fail(`expected ${code}`);
}

for (const factory of SQL_FACTORIES) {
  describe(`KnowledgeService on ${factory.name}`, { skip: factory.skip }, () => {
    let store: SqlStore;
    let k: KnowledgeService;
    let n = 0;
    // Each test uses its own shops, so the suite shares one store.
    const shop = (name: string) => `${name}-${++n}`;

    before(async () => {
      store = await factory.create();
      k = new KnowledgeService(store);
    });
    after(() => store?.close());

    test('create trims, deduplicates alternates, assigns a random id and version 1', async () => {
      const a = shop('a');
      const e = await k.createFaq(a, { question: '  多久发货？ ', answer: ' 48 小时内 ', alternates: ['几天发货', ' 几天发货 ', '什么时候发'] });
      assert.match(e.id, UUID_V4);
      assert.equal(e.shopId, a);
      assert.equal(e.question, '多久发货？');
      assert.equal(e.answer, '48 小时内');
      assert.deepEqual(e.alternates, ['几天发货', '什么时候发']);
      assert.equal(e.version, 1);
      assert.ok(!Number.isNaN(Date.parse(e.createdAt)));
      const e2 = await k.createFaq(a, { question: 'q2', answer: 'a2' });
      assert.notEqual(e2.id, e.id);
      assert.deepEqual(e2.alternates, []);
      assert.deepEqual(
        (await k.listFaq(a)).map((x) => x.id),
        [e.id, e2.id],
      );
      assert.deepEqual(await k.getFaq(a, e.id), e);
    });

    test('shop isolation: another shop can neither list, read, update nor delete an entry', async () => {
      const a = shop('a');
      const b = shop('b');
      const e = await k.createFaq(a, { question: 'q', answer: 'secret answer' });
      await k.createFaq(b, { question: 'bq', answer: 'ba' });
      assert.deepEqual(
        (await k.listFaq(b)).map((x) => x.question),
        ['bq'],
      );
      const vB = await k.version(b);
      await rejects(k.getFaq(b, e.id), 'NOT_FOUND');
      await rejects(k.updateFaq(b, e.id, { question: 'hijack', answer: 'x' }), 'NOT_FOUND');
      await rejects(k.deleteFaq(b, e.id), 'NOT_FOUND');
      assert.deepEqual(await k.getFaq(a, e.id), e);
      assert.equal(await k.version(b), vB, 'failed writes do not bump the version');
    });

    test('update replaces the fields and bumps the entry version; delete removes it', async () => {
      const a = shop('a');
      const e = await k.createFaq(a, { question: 'q', answer: 'a', alternates: ['x'] });
      const u = await k.updateFaq(a, e.id, { question: 'q2', answer: 'a2' });
      assert.equal(u.id, e.id);
      assert.equal(u.version, 2);
      assert.equal(u.question, 'q2');
      assert.deepEqual(u.alternates, []);
      assert.equal(u.createdAt, e.createdAt);
      assert.ok(Date.parse(u.updatedAt) >= Date.parse(e.updatedAt));
      await k.deleteFaq(a, e.id);
      await rejects(k.getFaq(a, e.id), 'NOT_FOUND');
      await rejects(k.deleteFaq(a, e.id), 'NOT_FOUND');
      await rejects(k.updateFaq(a, e.id, { question: 'q', answer: 'a' }), 'NOT_FOUND');
      await rejects(k.getFaq(a, 'x'.repeat(500)), 'NOT_FOUND');
    });

    test('invalid FAQ input names the field and stores nothing', async () => {
      const a = shop('a');
      const cases: [unknown, string, string][] = [
        [{ answer: 'a' }, 'question', 'question is required'],
        [{ question: '   ', answer: 'a' }, 'question', 'question must not be empty'],
        [{ question: 'q'.repeat(501), answer: 'a' }, 'question', 'question must be at most 500 characters'],
        [{ question: 7, answer: 'a' }, 'question', 'question must be a string'],
        [{ question: 'q', answer: 'a'.repeat(4001) }, 'answer', 'answer must be at most 4000 characters'],
        [{ question: 'q', answer: 'a\u0000b' }, 'answer', 'answer must not contain NUL characters'],
        [{ question: 'q', answer: 'a', alternates: 'x' }, 'alternates', 'alternates must be an array of strings'],
        [{ question: 'q', answer: 'a', alternates: Array.from({ length: 51 }, (_, i) => `alt ${i}`) }, 'alternates', 'alternates must have at most 50 entries'],
        [{ question: 'q', answer: 'a', alternates: ['ok', 'ok2', 'x'.repeat(501)] }, 'alternates[2]', 'alternates[2] must be at most 500 characters'],
        [null, 'body', 'body must be a JSON object'],
        ['text', 'body', 'body must be a JSON object'],
      ];
      const v0 = await k.version(a);
      for (const [input, field, message] of cases) {
        const e = await rejects(k.createFaq(a, input), 'BAD_REQUEST', field);
        assert.equal(e.message, message);
      }
      assert.deepEqual(await k.listFaq(a), []);
      assert.equal(await k.version(a), v0);
      const ok = await k.createFaq(a, { question: 'q', answer: 'a' });
      await rejects(k.updateFaq(a, ok.id, { question: '', answer: 'a' }), 'BAD_REQUEST', 'question');
      assert.deepEqual(await k.getFaq(a, ok.id), ok);
      await rejects(k.listFaq('*'), 'BAD_REQUEST', 'shopId');
      await rejects(k.listFaq(''), 'BAD_REQUEST', 'shopId');
    });

    test('every change bumps the shop version once, other shops are untouched', async () => {
      const a = shop('a');
      const b = shop('b');
      const vb = await k.version(b);
      const v0 = await k.version(a);
      const e = await k.createFaq(a, { question: 'q', answer: 'a' });
      assert.equal(await k.version(a), v0 + 1);
      await k.updateFaq(a, e.id, { question: 'q', answer: 'b' });
      assert.equal(await k.version(a), v0 + 2);
      await k.deleteFaq(a, e.id);
      assert.equal(await k.version(a), v0 + 3);
      await k.replaceSensitiveWords(a, { words: ['甲乙'] });
      assert.equal(await k.version(a), v0 + 4);
      assert.equal(await k.version(b), vb);
    });

    test('the FAQ cap holds under concurrent creates and a refused create writes nothing', async () => {
      const capped = new KnowledgeService(store, { maxFaqPerShop: 3 });
      const a = shop('a');
      const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => capped.createFaq(a, { question: `q${i}`, answer: 'a' })));
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
      for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as KefuError).code, 'CONFLICT');
      assert.equal((await capped.listFaq(a)).length, 3);
      assert.equal(await capped.version(a), 3, 'refused creates roll back their version bump');
    });

    test('sensitive words: replace trims, dedupes by matching form, sorts; replace again drops the rest', async () => {
      const a = shop('a');
      assert.deepEqual(await k.getSensitiveWords(a), []);
      const stored = await k.replaceSensitiveWords(a, { words: [' 刷单 ', 'VX', 'v x', 'ｖｘ', '代开发票'] });
      assert.deepEqual(stored, ['VX', '代开发票', '刷单']);
      assert.deepEqual(await k.getSensitiveWords(a), stored);
      assert.deepEqual(await k.replaceSensitiveWords(a, { words: ['刷单', '新词'] }), ['刷单', '新词']);
      assert.deepEqual(await k.getSensitiveWords(a), ['刷单', '新词']);
      assert.deepEqual(await k.replaceSensitiveWords(a, { words: [] }), []);
      assert.deepEqual(await k.getSensitiveWords(a), []);
    });

    test('invalid word lists name the field and store nothing', async () => {
      const a = shop('a');
      await k.replaceSensitiveWords(a, { words: ['保留'] });
      const v = await k.version(a);
      await rejects(k.replaceSensitiveWords(a, { words: ['ok', 'x'.repeat(51)] }), 'BAD_REQUEST', 'words[1]');
      await rejects(k.replaceSensitiveWords(a, { words: Array.from({ length: 5001 }, (_, i) => `w${i}`) }), 'BAD_REQUEST', 'words');
      await rejects(k.replaceSensitiveWords(a, { words: ['ok', '***'] }), 'BAD_REQUEST', 'words[1]');
      await rejects(k.replaceSensitiveWords(a, { words: 'x' }), 'BAD_REQUEST', 'words');
      await rejects(k.replaceSensitiveWords(a, {}), 'BAD_REQUEST', 'words');
      assert.deepEqual(await k.getSensitiveWords(a), ['保留']);
      assert.equal(await k.version(a), v);
    });

    test('5000 words are stored in one replace', async () => {
      const a = shop('a');
      const words = Array.from({ length: 5000 }, (_, i) => `词${i}`);
      const stored = await k.replaceSensitiveWords(a, { words });
      assert.equal(stored.length, 5000);
      assert.equal((await k.filterWords(a)).shop.length, 5000);
    });

    // The global list is shared by every shop of the store: only this test, the last one, sets it.
    test('global list: built-in default until set, then the set one (even empty) for every shop', async () => {
      assert.deepEqual(await k.getGlobalWords(), [...DEFAULT_GLOBAL_WORDS].sort());
      const a = shop('a');
      const other = shop('other');
      await k.replaceSensitiveWords(a, { words: ['店铺词'] });
      const before = await k.filterWords(a);
      assert.deepEqual(before.shop, ['店铺词']);
      assert.deepEqual(before.global, [...DEFAULT_GLOBAL_WORDS].sort());
      const va = await k.version(a);
      const vOther = await k.version(other);
      assert.deepEqual(await k.setGlobalWords(['全局词', 'Global Word']), ['Global Word', '全局词']);
      assert.equal(await k.version(a), va + 1);
      assert.equal(await k.version(other), vOther + 1);
      assert.deepEqual(await k.filterWords(a), { version: va + 1, global: ['Global Word', '全局词'], shop: ['店铺词'] });
      assert.deepEqual(await k.getSensitiveWords(a), ['店铺词'], 'the shop list does not include the global one');
      await k.setGlobalWords([]);
      assert.deepEqual(await k.getGlobalWords(), []);
      assert.deepEqual((await k.filterWords(a)).global, []);
      await rejects(k.setGlobalWords(['x'.repeat(51)]), 'BAD_REQUEST', 'words[0]');
    });
  });
}
