// Deadlines on the message path, without any service: a batch that never settles (a frozen
// database) must not hold the group-commit slots. Every call settles by its deadline, a batch
// whose calls all timed out frees its slot, and the writer answers UNAVAILABLE.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type DatabaseConnection, type Driver } from 'kysely';
import { Batcher } from '../../src/ops/batcher.ts';
import { MessageWriter } from '../../src/conversation/writer.ts';
import { KefuError, toKefuError } from '../../src/protocol/errors.ts';
import type { Database } from '../../src/storage/schema.ts';

const never = <T>() => new Promise<T>(() => {});
const settleTime = async (p: Promise<unknown>, t0: number) => {
  try {
    await p;
    return { ok: true, ms: performance.now() - t0 };
  } catch (e) {
    return { ok: false, ms: performance.now() - t0, e };
  }
};

test('batcher: calls of hung batches and queued calls settle at their deadline; the slots come back', async () => {
  const TIMEOUT = 200;
  let hang = true;
  const signals: AbortSignal[] = [];
  const runs: number[][] = [];
  const b = new Batcher<number, number>(
    (items, signal) => {
      runs.push(items);
      signals.push(signal);
      return hang ? never<number[]>() : Promise.resolve(items.map((x) => x * 10));
    },
    { maxInFlight: 2, timeoutMs: TIMEOUT, timeoutError: (started) => new KefuError('UNAVAILABLE', started ? 'started' : 'queued') },
  );
  const t0 = performance.now();
  const first = b.add(1);
  await new Promise((r) => setImmediate(r));
  const second = b.add(2);
  await new Promise((r) => setImmediate(r));
  const queued = b.add(3); // both slots held by hung batches: waits in the queue
  const results = await Promise.all([first, second, queued].map((p) => settleTime(p, t0)));
  for (const r of results) {
    assert.equal(r.ok, false);
    assert.ok(r.ms >= TIMEOUT - 5 && r.ms < TIMEOUT + 800, `settled after ${Math.round(r.ms)} ms (deadline ${TIMEOUT})`);
  }
  assert.deepEqual(results.map((r) => (r.e as Error).message), ['started', 'started', 'queued']);
  assert.deepEqual(runs, [[1], [2]], 'the queued call never ran');
  assert.ok(signals.every((s) => s.aborted), 'the hung batches were told');
  assert.equal(b.inFlight, 0, 'the timed-out batches gave their slots back');

  // The database answers again: a new call runs at once instead of waiting for the hung batches.
  hang = false;
  const t1 = performance.now();
  assert.equal(await b.add(4), 40);
  assert.ok(performance.now() - t1 < 1000, 'a later call is not stalled by the batches that never settled');
});

test('batcher: a batch that answers in time is untouched by the deadline; without timeoutMs nothing changes', async () => {
  const b = new Batcher<number, number>(async (items) => {
    await new Promise((r) => setTimeout(r, 30));
    return items.map((x) => x + 1);
  }, { timeoutMs: 500 });
  assert.deepEqual(await Promise.all([b.add(1), b.add(2), b.add(3)]), [2, 3, 4]);
  const plain = new Batcher<number, number>(async (items) => items);
  assert.deepEqual(await Promise.all([plain.add(7), plain.add(8)]), [7, 8]);
});

/** A kysely whose database never answers (a frozen PostgreSQL whose client timeout was lost). */
function frozenDb(): Kysely<Database> {
  const conn: DatabaseConnection = {
    executeQuery: () => never(),
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('unsupported');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => conn,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return new Kysely<Database>({
    dialect: { createAdapter: () => new PostgresAdapter(), createDriver: () => driver, createIntrospector: (db) => new PostgresIntrospector(db), createQueryCompiler: () => new PostgresQueryCompiler() },
  });
}

test('writer: every append to a database that never answers is UNAVAILABLE by the deadline, batched or queued', async () => {
  const TIMEOUT = 250;
  const w = new MessageWriter(frozenDb(), { timeoutMs: TIMEOUT });
  const req = (k: number) => ({ conversationId: 'c1', sender: { role: 'customer' as const, id: 'b1' }, clientMsgId: `m${k}`, content: { kind: 'text' as const, text: `t${k}` } });
  const t0 = performance.now();
  // Several turns of sends: two batches hang, the rest queue behind them.
  const pending: Array<Promise<unknown>> = [];
  for (let turn = 0; turn < 4; turn++) {
    for (let k = 0; k < 3; k++) pending.push(w.append(req(turn * 3 + k)));
    await new Promise((r) => setImmediate(r));
  }
  const results = await Promise.all(pending.map((p) => settleTime(p, t0)));
  for (const r of results) {
    assert.equal(r.ok, false);
    assert.equal(toKefuError(r.e).code, 'UNAVAILABLE');
    assert.ok(r.ms < TIMEOUT + 1000, `settled after ${Math.round(r.ms)} ms`);
  }
  const messages = results.map((r) => (r.e as Error).message);
  assert.ok(messages.some((m) => m.includes('may have been stored')), 'appends whose statement was sent say it may have been stored');
  assert.ok(messages.some((m) => m.includes('was not stored')), 'appends that never left the queue say they were not stored');
});
