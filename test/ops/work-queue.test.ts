import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from '../../src/ops/work-queue.ts';

const gate = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
};

test('runs at most `concurrency` tasks, queues up to `queueMax`, then refuses with UNAVAILABLE', async () => {
  const rejected: string[] = [];
  const q = new WorkQueue({ concurrency: 2, queueMax: 4, onReject: (k) => rejected.push(k) });
  const g = gate();
  let running = 0;
  let peak = 0;
  const task = () =>
    q.run('message', async () => {
      running++;
      peak = Math.max(peak, running);
      await g.p;
      running--;
    });
  const accepted = Array.from({ length: 6 }, task);
  await assert.rejects(task(), { code: 'UNAVAILABLE' });
  assert.equal(q.running, 2);
  assert.equal(q.waiting, 4);
  g.open();
  await Promise.all(accepted);
  assert.equal(peak, 2);
  assert.deepEqual(rejected, ['message']);
  assert.equal(q.running, 0);
});

test('robot work is shed first: refused once the queue is half full while messages still get in', async () => {
  const q = new WorkQueue({ concurrency: 1, queueMax: 4 });
  const g = gate();
  const held = [q.run('message', () => g.p), q.run('message', () => g.p), q.run('message', () => g.p)];
  assert.equal(q.waiting, 2);
  assert.equal(q.shedding, true);
  await assert.rejects(q.run('robot', async () => {}), { code: 'UNAVAILABLE' });
  const msg = q.run('message', async () => 'stored');
  g.open();
  await Promise.all(held);
  assert.equal(await msg, 'stored');
});

test('a failing task frees its slot', async () => {
  const q = new WorkQueue({ concurrency: 1, queueMax: 1 });
  await assert.rejects(q.run('other', async () => {
    throw new Error('boom');
  }), /boom/);
  assert.equal(await q.run('other', async () => 42), 42);
});

test('robot work is also shed once the oldest waiting task is older than robotMaxWaitMs', async () => {
  let now = 0;
  const q = new WorkQueue({ concurrency: 1, queueMax: 100, robotMaxWaitMs: 1000, now: () => now });
  const g = gate();
  const held = [q.run('message', () => g.p), q.run('message', () => g.p)];
  assert.equal(q.shedding, false, 'one waiter, just queued');
  now = 1500;
  assert.equal(q.shedding, true);
  await assert.rejects(q.run('robot', async () => {}), { code: 'UNAVAILABLE' });
  const msg = q.run('message', async () => 'still queued');
  g.open();
  await Promise.all(held);
  assert.equal(await msg, 'still queued');
  assert.equal(q.shedding, false, 'nothing waits any more');
  assert.equal(await q.run('robot', async () => 'answered'), 'answered');
});
