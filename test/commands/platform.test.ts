/**
 * Delivery over HTTP and the rules around it: what kefu sends the platform on every attempt
 * (key, traceparent, token, body), how each answer is classified, the backoff, a timeout, a
 * lease taken over from a process that stopped answering, the configuration check, and the
 * names migration 008 spells in its CHECK constraints.
 */
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { backoffDelay, canonicalJson, classify, COMMAND_TYPES, decide, fingerprint, HttpCommandPlatform, retryAfterMs } from '../../src/commands/index.ts';
import * as repo from '../../src/commands/repository.ts';
import { loadConfig } from '../../src/config/index.ts';
import { COMMAND_STATUSES } from '../../src/protocol/frames.ts';
import { up as m008 } from '../../src/storage/migrations/008_commands.ts';
import { SQL_FACTORIES } from '../support/services.ts';
import { startStubPlatform, type StubAnswer, type StubPlatform } from './stub-platform.ts';
import { coupon, createHarness, SHOP, WORKER, type Harness } from './support.ts';

const delivery = { shopId: 'shop x', commandId: 'cmd_TEST', type: 'coupon.issue', payload: { userId: 'b', amount: '1.00' } };
const attempt = (ms = 2000) => ({ signal: AbortSignal.timeout(ms), traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` });

describe('HttpCommandPlatform', () => {
  let stub: StubPlatform;
  before(async () => {
    stub = await startStubPlatform();
  });
  after(async () => {
    await stub.close();
  });

  test('POST {base}/shops/{shopId}/commands with the key, the trace, the token and the body', async () => {
    const p = new HttpCommandPlatform({ baseUrl: `${stub.url}/api/`, token: 'platform-secret' });
    stub.answer = () => ({ status: 201, body: { result: { couponId: 'CP1' } } });
    assert.deepEqual(await p.deliver(delivery, attempt()), { ok: true, result: { couponId: 'CP1' } });
    const call = stub.calls.at(-1)!;
    assert.equal(call.path, '/api/shops/shop%20x/commands');
    assert.equal(call.key, 'cmd_TEST');
    assert.equal(call.traceparent, attempt().traceparent);
    assert.equal(call.authorization, 'Bearer platform-secret');
    assert.deepEqual(call.body, { commandId: 'cmd_TEST', type: 'coupon.issue', payload: delivery.payload });
    const noToken = new HttpCommandPlatform({ baseUrl: stub.url });
    stub.answer = () => ({ status: 204 });
    assert.deepEqual(await noToken.deliver(delivery, attempt()), { ok: true });
    assert.equal(stub.calls.at(-1)!.authorization, undefined);
  });

  test('answers: 5xx, 408/409/425/429 retry (Retry-After honoured); other 4xx and 3xx do not; no answer retries', async () => {
    const p = new HttpCommandPlatform({ baseUrl: stub.url });
    const cases: Array<[number, boolean]> = [[500, true], [503, true], [408, true], [409, true], [425, true], [429, true], [400, false], [404, false], [422, false], [301, false]];
    for (const [status, retryable] of cases) {
      const headers: Record<string, string> = status === 429 ? { 'retry-after': '7' } : status === 301 ? { location: 'http://example.invalid/' } : {};
      stub.answer = () => ({ status, body: { error: { message: 'nope' } }, headers });
      const a = await p.deliver(delivery, attempt());
      assert.equal(a.ok, false);
      assert.equal(!a.ok && a.retryable, retryable, String(status));
      assert.deepEqual(!a.ok && a.error, { message: `platform answered ${status}: nope`, httpStatus: status });
      if (status === 429) assert.equal(!a.ok && a.retryAfterMs, 7000);
    }
    const free = createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', () => r()));
    const port = (free.address() as AddressInfo).port;
    await new Promise((r) => free.close(r));
    const closed = new HttpCommandPlatform({ baseUrl: `http://127.0.0.1:${port}` });
    const refused = await closed.deliver(delivery, attempt());
    assert.deepEqual(refused, { ok: false, retryable: true, error: { message: 'platform unreachable: ECONNREFUSED' } });
  });

  // Found from outside: a 2xx with an HTML page, an array or a huge body succeeded with no trace.
  test('a 2xx whose answer cannot be read succeeds, saying so', async () => {
    const p = new HttpCommandPlatform({ baseUrl: stub.url, maxResponseBytes: 1000 });
    const cases: Array<[StubAnswer, RegExp]> = [
      [{ status: 200, raw: '<html>ok</html>' }, /not JSON/],
      [{ status: 200, body: [1, 2, 3] }, /not a JSON object/],
      [{ status: 200, body: { result: 'x'.repeat(2000) } }, /larger than 1000 bytes/],
    ];
    for (const [answer, why] of cases) {
      stub.answer = () => answer;
      const a = await p.deliver(delivery, attempt());
      assert.equal(a.ok, true);
      assert.match((a.ok && a.note) || '', why);
    }
    stub.answer = () => ({ status: 200, body: { result: { couponId: 'C' } } });
    assert.deepEqual(await p.deliver(delivery, attempt()), { ok: true, result: { couponId: 'C' } });
  });

  test('classify and Retry-After without a server', () => {
    assert.deepEqual(classify(200, 'not json'), { ok: true, note: 'the platform answered 200 but its answer could not be read (not a JSON object); the result is unknown' });
    assert.deepEqual(classify(200, undefined), { ok: true }, 'no body: nothing to read');
    assert.deepEqual(classify(422, { message: 'x'.repeat(400) }), { ok: false, retryable: false, error: { message: `platform answered 422: ${'x'.repeat(300)}`, httpStatus: 422 } });
    assert.equal(retryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000), 6000);
    assert.equal(retryAfterMs('soon'), undefined);
    assert.equal(retryAfterMs('999999'), 3600_000);
  });
});

describe('retry rules', () => {
  test('the first delay is the configured backoff, then about twice the last, with jitter, at most 10 min', () => {
    assert.equal(backoffDelay(1000, 1, () => 0.5), 1000);
    assert.equal(backoffDelay(1000, 2, () => 0.5), 2000);
    assert.equal(backoffDelay(1000, 4, () => 0.5), 8000);
    assert.equal(backoffDelay(1000, 3, () => 0), 3200);
    assert.equal(backoffDelay(1000, 3, () => 1), 4800);
    assert.equal(backoffDelay(1000, 40, () => 1), 720_000);
  });

  test('decide: retrying while attempts are left in the round, dead after the last or at once for a refusal', () => {
    const o = { backoffMs: 100, maxAttempts: 3 };
    const fail = { ok: false, retryable: true, error: { message: 'x' } } as const;
    assert.equal(decide({ roundAttempts: 1 }, fail, o).status, 'retrying');
    assert.equal(decide({ roundAttempts: 3 }, fail, o).status, 'dead');
    assert.equal(decide({ roundAttempts: 1 }, { ...fail, retryable: false }, o).status, 'dead');
    const later = decide({ roundAttempts: 1 }, { ...fail, retryAfterMs: 5000 }, o);
    assert.equal(later.status === 'retrying' && later.delayMs, 5000);
    assert.deepEqual(decide({ roundAttempts: 1 }, { ok: true, result: 1 }, o), { status: 'succeeded', result: 1 });
  });

  test('the fingerprint ignores key order and spacing, and nothing else', () => {
    assert.equal(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' }), '{"a":"x","b":[1,{"c":2,"d":1}]}');
    const a = fingerprint('POST', '/p', { type: 't', payload: { a: '1', b: 2 } });
    assert.equal(fingerprint('post', '/p', { payload: { b: 2, a: '1' }, type: 't' }), a);
    assert.notEqual(fingerprint('POST', '/p', { type: 't', payload: { a: '1', b: 3 } }), a);
    assert.notEqual(fingerprint('POST', '/q', { type: 't', payload: { a: '1', b: 2 } }), a);
  });

  test('configuration: defaults, and a lease that must outlast two attempt timeouts', () => {
    const c = loadConfig({});
    assert.deepEqual(c.commands, { backoffMs: 1000, maxAttempts: 8, leaseMs: 30_000, attemptTimeoutMs: 1500 });
    assert.deepEqual(loadConfig({ KEFU_COMMAND_BACKOFF_MS: '20', KEFU_COMMAND_MAX_ATTEMPTS: '3', KEFU_COMMAND_LEASE_S: '2', KEFU_PLATFORM_API_TIMEOUT_MS: '500' }).commands, {
      backoffMs: 20,
      maxAttempts: 3,
      leaseMs: 2000,
      attemptTimeoutMs: 500,
    });
    assert.throws(() => loadConfig({ KEFU_COMMAND_LEASE_S: '2' }), /^ConfigError: KEFU_COMMAND_LEASE_S must exceed twice KEFU_PLATFORM_API_TIMEOUT_MS/);
    assert.throws(() => loadConfig({ KEFU_COMMAND_MAX_ATTEMPTS: '0' }), /KEFU_COMMAND_MAX_ATTEMPTS must be an integer from 1 to 100/);
  });

  test("migration 008's CHECK lists match the protocol's statuses and the command types", () => {
    const list = (column: string) => new RegExp(`${column} text not null check \\(${column} in \\(([^)]*)\\)\\)`).exec(m008)![1]!.split(',').map((s) => s.trim().replace(/'/g, ''));
    assert.deepEqual(list('status'), [...COMMAND_STATUSES]);
    assert.deepEqual(list('type'), [...COMMAND_TYPES]);
  });
});

for (const factory of SQL_FACTORIES) {
  describe(`delivery over HTTP on ${factory.name}`, { skip: factory.skip }, () => {
    let h: Harness;
    let stub: StubPlatform;
    before(async () => {
      stub = await startStubPlatform();
      h = await createHarness(factory, { platform: () => new HttpCommandPlatform({ baseUrl: stub.url, token: 't0k3n' }) });
    });
    after(async () => {
      await h?.close();
      await stub?.close();
    });

    test('a platform that does not answer in time: retried with the same key and trace, then succeeded once', async () => {
      stub.answer = (_c, n) => (n === 1 ? 'hang' : { status: 200 });
      const r = await h.post(coupon('buyer_hang', '2.00'), { key: 'hang', headers: { traceparent: `00-${'c'.repeat(32)}-${'d'.repeat(16)}-01` } });
      const done = await h.waitFor(r.json.commandId as string, 'succeeded');
      assert.equal(done.attempts, 2);
      const retrying = (done.history as Array<{ status: string; error?: { message: string } }>).find((e) => e.status === 'retrying');
      assert.equal(retrying?.error?.message, `platform did not answer within ${WORKER.attemptTimeoutMs} ms`);
      assert.equal(stub.calls.length, 2);
      assert.deepEqual(new Set(stub.calls.map((c) => c.key)), new Set([done.commandId]));
      assert.equal(stub.calls[0]!.traceparent!.slice(0, 36), `00-${'c'.repeat(32)}-`, 'the trace of the request');
      assert.equal(stub.calls[1]!.traceparent!.slice(0, 36), stub.calls[0]!.traceparent!.slice(0, 36), 'one trace');
      assert.notEqual(stub.calls[1]!.traceparent, stub.calls[0]!.traceparent, 'a span per attempt');
      assert.equal(stub.calls[0]!.authorization, 'Bearer t0k3n');
      assert.deepEqual(stub.applied, [done.commandId]);
    });

    test("a lease that expired is taken over, and the stale process's outcome is dropped", async () => {
      stub.answer = () => ({ status: 200 });
      await h.module.worker!.stop();
      try {
        const r = await h.post(coupon('buyer_lease', '3.00'), { key: 'lease' });
        const id = r.json.commandId as string;
        const [a] = await repo.claimDue(h.sql.db, { owner: 'dead-node', token: randomUUID(), leaseMs: 1, limit: 10 });
        assert.equal(a?.id, id);
        await new Promise((res) => setTimeout(res, 20));
        const [b] = await repo.claimDue(h.sql.db, { owner: 'live-node', token: randomUUID(), leaseMs: 60_000, limit: 10 });
        assert.equal(b?.id, id);
        assert.equal(b.attempts, 2);
        assert.match(String(b.history.at(-1)!.note), /lease expired/);
        const stale = await h.sql.transaction((tx) => repo.finishAttempt(tx, { id, leaseToken: a.leaseToken! }, { status: 'dead', error: { message: 'late' } }));
        assert.equal(stale, undefined);
        const live = await h.sql.transaction((tx) => repo.finishAttempt(tx, { id, leaseToken: b.leaseToken! }, { status: 'succeeded', result: { ok: 1 } }));
        assert.equal(live?.status, 'succeeded');
        assert.equal((await h.get(`/${id}`)).json.status, 'succeeded');
      } finally {
        h.module.worker!.start();
      }
    });

    test('kefu_commands is set for every status', async () => {
      const g = await h.gauge();
      assert.deepEqual(Object.keys(g).sort(), [...COMMAND_STATUSES].sort());
      assert.ok(SHOP);
    });
  });
}
