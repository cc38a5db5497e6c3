import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Histogram, Registry } from 'prom-client';
import { createCanary, createRobot, FaqIndexProvider, routingDigit, type Robot } from '../../src/robot/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { fakeDataSource, NOW, SHOP } from './fixtures.ts';

const robots = (): Robot[] => {
  const faq = new FaqIndexProvider();
  return ['v2', 'v1'].map((version) => createRobot({ dataSource: fakeDataSource({}), faq, version, clock: () => NOW }));
};
const ask = (userId: string, text = '你好') => ({ shopId: SHOP, userId, conversationId: `c-${userId}`, text });

describe('canary', () => {
  test('routes by the last digit of the user id: 0-4 new, 5-9 old', async () => {
    const canary = createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1' });
    for (let d = 0; d <= 9; d++) {
      const r = await canary.answer(ask(`buyer-10${d}`));
      assert.equal(r.version, d <= 4 ? 'v2' : 'v1', `digit ${d}`);
    }
  });

  test('ids not ending in a digit are hashed, stably and roughly evenly', () => {
    assert.equal(routingDigit('alice'), routingDigit('alice'));
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 5000; i++) counts[routingDigit(`user-${i.toString(36)}x`)]++;
    for (const n of counts) assert.ok(n > 350 && n < 650, `bucket sizes ${counts}`);
    const canary = createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1' });
    assert.equal(canary.versionFor('alice'), routingDigit('alice') <= 4 ? 'v2' : 'v1');
  });

  splitControlTests();
  metricsTests();
});

function splitControlTests(): void {
  test('switched and rolled back at run time', async () => {
    const canary = createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1', newDigits: [0] });
    assert.equal((await canary.answer(ask('u-3'))).version, 'v1');
    canary.setCanary({ newVersion: 'v2', oldVersion: 'v1', newDigits: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });
    assert.equal((await canary.answer(ask('u-3'))).version, 'v2');
    assert.equal((await canary.answer(ask('u-8'))).version, 'v2');
    canary.rollback();
    assert.deepEqual(canary.config().newDigits, []);
    for (let d = 0; d <= 9; d++) assert.equal((await canary.answer(ask(`u-${d}`))).version, 'v1');
  });

  test('a bad split is refused and the current one stays', () => {
    const canary = createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1' });
    const before = canary.config();
    for (const bad of [
      { newVersion: 'v9', oldVersion: 'v1', newDigits: [1] },
      { newVersion: 'v2', oldVersion: 'v1', newDigits: [10] },
      { newVersion: 'v2', oldVersion: 'v1', newDigits: [1.5] },
      { newVersion: 'v2', oldVersion: 'v1', newDigits: 'all' },
    ]) {
      assert.throws(() => canary.setCanary(bad as never), (e: unknown) => e instanceof KefuError && e.code === 'BAD_REQUEST');
    }
    assert.deepEqual(canary.config(), before);
    assert.throws(() => createCanary({ robots: [...robots(), ...robots()] }), /share version/);
  });
}

function metricsTests(): void {
  test('per-version metrics in the given registry', async () => {
    const registry = new Registry();
    const canary = createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1', registry });
    await canary.answer(ask('u-1', '你好'));
    await canary.answer(ask('u-2', '谢谢'));
    await canary.answer(ask('u-7', '你好'));
    const text = await registry.metrics();
    assert.match(text, /kefu_bot_answers_total\{version="v2",intent="greeting"\} 1/);
    assert.match(text, /kefu_bot_answers_total\{version="v2",intent="bye"\} 1/);
    assert.match(text, /kefu_bot_answers_total\{version="v1",intent="greeting"\} 1/);
    assert.match(text, /kefu_bot_answer_seconds_count\{version="v2"\} 2/);
    assert.match(text, /kefu_bot_answer_seconds_count\{version="v1"\} 1/);
    // A second canary on the same registry reuses the metrics instead of failing to register.
    const again = createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1', registry });
    await again.answer(ask('u-9'));
    assert.match(await registry.metrics(), /kefu_bot_answer_seconds_count\{version="v1"\} 2/);
  });

  test('a registry holding the metric without the version label is refused up front, not at answer time', () => {
    const registry = new Registry();
    new Histogram({ name: 'kefu_bot_answer_seconds', help: 'unlabelled', registers: [registry] });
    assert.throws(
      () => createCanary({ robots: robots(), newVersion: 'v2', oldVersion: 'v1', registry }),
      (e: unknown) => e instanceof KefuError && /kefu_bot_answer_seconds without the labels version/.test(e.message),
    );
  });
}
