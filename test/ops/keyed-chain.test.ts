import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedChain } from '../../src/ops/keyed-chain.ts';

test('work per key runs in the order given, a failure does not stop the next, and idle waits for all', async () => {
  const chain = new KeyedChain();
  const seen: string[] = [];
  const step = (name: string, ms: number, fail = false) => () => new Promise<string>((resolve, reject) => setTimeout(() => (seen.push(name), fail ? reject(new Error(name)) : resolve(name)), ms));
  const a1 = chain.run('a', step('a1', 30));
  const a2 = chain.run('a', step('a2', 1, true));
  const a3 = chain.run('a', step('a3', 1));
  const b1 = chain.run('b', step('b1', 5));
  await assert.rejects(a2, /a2/);
  assert.equal(await a1, 'a1');
  assert.equal(await a3, 'a3');
  assert.equal(await b1, 'b1');
  await chain.idle();
  // b is another key: it did not wait for a's first step.
  assert.deepEqual(seen, ['b1', 'a1', 'a2', 'a3']);
});
