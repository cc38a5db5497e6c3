/**
 * The per-shop shedding rule (src/ops/shop-shed.ts): a shop past the threshold sheds, others do
 * not; it stops at half the threshold (hysteresis, no flapping at the edge); the metric's label
 * set is bounded to the top shops.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ShopShedPolicy } from '../../src/ops/shop-shed.ts';

const times = (n: number, f: () => void) => {
  for (let i = 0; i < n; i++) f();
};

describe('ShopShedPolicy', () => {
  test('sheds only the shop past the threshold, and only once it is past it', () => {
    const p = new ShopShedPolicy({ threshold: 10 });
    times(10, () => p.queued('big'));
    times(9, () => p.queued('small'));
    assert.equal(p.shedding('big'), false, 'at the threshold: not yet');
    p.queued('big');
    assert.equal(p.shedding('big'), true);
    assert.equal(p.shedding('small'), false);
    assert.equal(p.shedding('unknown'), false);
    assert.equal(p.sheddingShops, 1);
    assert.equal(p.backlog('big'), 11);
  });

  test('recovers by itself at half the threshold, not one below it', () => {
    const p = new ShopShedPolicy({ threshold: 10 });
    times(20, () => p.queued('s'));
    times(9, () => p.finished('s'));
    assert.equal(p.backlog('s'), 11);
    assert.equal(p.shedding('s'), true);
    times(5, () => p.finished('s'));
    assert.equal(p.backlog('s'), 6);
    assert.equal(p.shedding('s'), true, 'between low and high: still shedding');
    p.finished('s');
    assert.equal(p.shedding('s'), false, 'at half: recovered');
    // Climbing again from 5: no shedding until past the threshold again.
    times(5, () => p.queued('s'));
    assert.equal(p.shedding('s'), false);
    p.queued('s');
    assert.equal(p.shedding('s'), true);
  });

  test('a shop with nothing in flight is forgotten (the map does not grow with every shop ever seen)', () => {
    const p = new ShopShedPolicy({ threshold: 3 });
    for (let i = 0; i < 1000; i++) {
      p.queued(`s${i}`);
      p.finished(`s${i}`);
    }
    assert.deepEqual(p.top(10), []);
    p.finished('never-queued');
    assert.equal(p.backlog('never-queued'), 0);
  });

  test('top(n) gives the n largest backlogs, largest first', () => {
    const p = new ShopShedPolicy({ threshold: 100 });
    const sizes = [5, 1, 9, 3, 7, 2, 8, 4, 6, 10, 0];
    sizes.forEach((n, i) => times(n, () => p.queued(`shop${i}`)));
    assert.deepEqual(p.top(3), [
      ['shop9', 10],
      ['shop2', 9],
      ['shop6', 8],
    ]);
    assert.equal(p.top(50).length, 10, 'shops with an empty backlog are not listed');
  });
});
