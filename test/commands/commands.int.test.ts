/**
 * Commands with real kefu processes and nodes on real PostgreSQL and Redis:
 * - a process SIGKILLed while the platform holds its call open: after a restart the command
 *   completes once, and the platform saw one Idempotency-Key for it;
 * - two processes and locks with `ttlSeconds: 2`: each lock is released once;
 * - the whole wiring in demo mode: JWT scopes, the demo platform and its fault endpoint, the
 *   console's `command` frames, /metrics; and a node without any platform refusing commands.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, startProcess, type Issuer, type Proc } from '../support/kefu.ts';
import type { ServerFrame } from '../../src/protocol/frames.ts';
import { startStubPlatform, type StubPlatform } from './stub-platform.ts';

const skip = needsPg || needsRedis;
const SHOP = 'shop_k';

async function call(base: string, token: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function commandOf(base: string, token: string, id: string, status: string, shop = SHOP): Promise<Record<string, unknown>> {
  const done = await eventually(
    async () => {
      const r = await call(base, token, 'GET', `/api/v1/shops/${shop}/commands/${id}`);
      return r.body.status === status ? r.body : undefined;
    },
    20_000,
    `command ${id} ${status}`,
  );
  return done!;
}

describe('commands across real processes (PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let stub: StubPlatform;
  const procs: Proc[] = [];
  let token: string;
  before(async () => {
    issuer = await startIssuer();
    stub = await startStubPlatform();
    token = await issuer.token({ sub: 'ops_1', scope: 'cs:commands', shop_id: SHOP });
  });
  after(async () => {
    await Promise.allSettled(procs.map((p) => p.stop('SIGKILL')));
    await stub?.close();
    await issuer?.close();
  });
  const start = async (env: Record<string, string>) => {
    const p = await startProcess(env);
    procs.push(p);
    return p;
  };

  test('a process killed mid-call: after a restart the command completes once, with one key at the platform', async () => {
    const env = { ...realEnv(issuer, newIsolation()), KEFU_PLATFORM_API_URL: stub.url, KEFU_COMMAND_LEASE_S: '2', KEFU_PLATFORM_API_TIMEOUT_MS: '900', KEFU_COMMAND_BACKOFF_MS: '50' };
    stub.calls.length = 0;
    stub.answer = (_c, n) => (n === 1 ? 'hang' : { status: 200, body: { result: { couponId: 'CP-ONCE' } } });
    const a = await start(env);
    const firstCall = stub.nextCall();
    const posted = await call(a.url, token, 'POST', `/api/v1/shops/${SHOP}/commands`, { type: 'coupon.issue', payload: { userId: 'buyer_k', amount: '9.90' } }, 'kill-1');
    assert.equal(posted.status, 202, JSON.stringify(posted.body));
    const id = posted.body.commandId as string;
    assert.equal((await firstCall).key, id);
    assert.equal(await a.stop('SIGKILL'), null);

    const b = await start(env);
    const done = await commandOf(b.url, token, id, 'succeeded');
    assert.deepEqual(done.result, { couponId: 'CP-ONCE' });
    assert.equal(done.attempts, 2);
    const running = (done.history as Array<{ status: string; note?: string }>).filter((e) => e.status === 'running');
    assert.equal(running.length, 2);
    assert.match(String(running[1]!.note), /lease expired/);
    assert.equal(stub.calls.length, 2, 'the held call and one more');
    assert.deepEqual([...new Set(stub.calls.map((c) => c.key))], [id], 'one Idempotency-Key for the command');
    assert.deepEqual(stub.applied, [id]);
    await b.stop();
  });

  test('locks with ttlSeconds 2 and two processes: each lock is released exactly once', async () => {
    const env = { ...realEnv(issuer, newIsolation()), KEFU_PLATFORM_API_URL: stub.url, KEFU_COMMAND_BACKOFF_MS: '50' };
    stub.calls.length = 0;
    stub.answer = () => ({ status: 200 });
    const [a, b] = await Promise.all([start(env), start(env)]);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const via = i % 2 ? b : a;
      const r = await call(via.url, token, 'POST', `/api/v1/shops/${SHOP}/commands`, { type: 'inventory.lock', payload: { sku: 'SKU-T', quantity: 1, orderId: `O${i}`, ttlSeconds: 2 } }, `lock-${i}`);
      assert.equal(r.status, 202);
      ids.push(r.body.commandId as string);
    }
    const releases = await eventually(
      async () => {
        const r = await call(a.url, token, 'GET', `/api/v1/shops/${SHOP}/commands?status=succeeded&limit=200`);
        const list = (r.body.commands as Array<{ commandId: string; commandType: string; payload: { lockCommandId?: string } }>).filter((c) => c.commandType === 'inventory.release');
        return list.length === ids.length ? list : undefined;
      },
      20_000,
      'every release',
    );
    assert.deepEqual(releases!.map((r) => r.payload.lockCommandId).sort(), [...ids].sort());
    // Long enough for a second release, if there were one, to be attempted by either process.
    await new Promise((r) => setTimeout(r, 1500));
    const releaseCalls = stub.calls.filter((c) => c.body.type === 'inventory.release');
    assert.equal(releaseCalls.length, ids.length, 'one call per release');
    assert.equal(new Set(releaseCalls.map((c) => c.body.payload.lockCommandId)).size, ids.length);
    const lockedAt = new Map(stub.calls.filter((c) => c.body.type === 'inventory.lock').map((c) => [c.key, c.at]));
    for (const c of releaseCalls) {
      const after = c.at - lockedAt.get(c.body.payload.lockCommandId as string)!;
      assert.ok(after >= 1900 && after < 8000, `released ${after} ms after the lock`);
    }
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe('commands through the whole wiring in demo mode (PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  before(async () => {
    issuer = await startIssuer();
  });
  after(async () => {
    await issuer?.close();
  });

  test('scopes, the demo platform and its faults, console frames, metrics', async () => {
    const node = await startNode({ ...realEnv(issuer, newIsolation()), KEFU_DEMO: 'true', KEFU_COMMAND_BACKOFF_MS: '20' });
    try {
      const shop = 'shop_demo';
      const ops = await issuer.token({ sub: 'ops_d', scope: 'cs:commands', shop_id: shop });
      const agent = await issuer.token({ sub: 'agent_d', scope: 'cs:agent', shop_id: shop });
      const otherOps = await issuer.token({ sub: 'ops_x', scope: 'cs:commands', shop_id: 'shop_x' });
      const body = { type: 'price.change', payload: { sku: 'HW-FB5I-WHT', price: '459.00' } };
      const path = `/api/v1/shops/${shop}/commands`;
      assert.equal((await call(node.url, agent, 'POST', path, body, 'p1')).status, 403);
      assert.equal((await call(node.url, otherOps, 'POST', path, body, 'p1')).status, 403);
      const console_ = await connect(node.url, agent, 'pc');
      const frames: Array<Extract<ServerFrame, { type: 'command' }>> = [];
      console_.on((f) => void (f.type === 'command' && frames.push(f)));

      assert.equal((await call(node.url, 'x', 'PUT', `/demo/platform/shops/${shop}/faults`, { mode: 'fail', times: 2 })).status, 200);
      const r = await call(node.url, ops, 'POST', path, body, 'p1');
      assert.equal(r.status, 202, JSON.stringify(r.body));
      const id = r.body.commandId as string;
      const done = await commandOf(node.url, ops, id, 'succeeded', shop);
      assert.equal(done.attempts, 3);
      assert.deepEqual(done.result, { sku: 'HW-FB5I-WHT', price: '459.00', previousPrice: '499.00' });
      const state = (await call(node.url, 'x', 'GET', `/demo/platform/shops/${shop}`)).body as { skus: Array<{ sku: string; price: string }> };
      assert.equal(state.skus.find((s) => s.sku === 'HW-FB5I-WHT')?.price, '459.00');
      await eventually(() => frames.some((f) => f.commandId === id && f.status === 'succeeded'), 5000, 'the succeeded frame');
      assert.deepEqual(
        frames.filter((f) => f.commandId === id).map((f) => f.status),
        ['pending', 'running', 'retrying', 'running', 'retrying', 'running', 'succeeded'],
      );
      await node.rt.commands.notifier.refreshGauge();
      const metrics = await (await fetch(`${node.url}/metrics`)).text();
      assert.match(metrics, /kefu_commands\{status="succeeded"\} [1-9]/);
      assert.match(metrics, /kefu_command_attempts_total\{outcome="retrying"\} 2\n/);
      assert.match(metrics, /kefu_command_attempts_total\{outcome="succeeded"\} 1\n/);
      assert.match(metrics, /kefu_command_attempt_seconds_count 3\n/);
      await console_.close();
    } finally {
      await node.close();
    }
  });

  test('in production, demo data on does not bring the demo platform: its routes are 404 and commands 503', async () => {
    const node = await startNode({ ...realEnv(issuer, newIsolation()), NODE_ENV: 'production', KEFU_DEMO: 'true', KEFU_PLATFORM_WEBHOOK_SECRET: 'a-webhook-secret-of-24-chars', KEFU_PII_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` });
    try {
      const ops = await issuer.token({ sub: 'ops_p', scope: 'cs:commands', shop_id: SHOP });
      const r = await call(node.url, ops, 'POST', `/api/v1/shops/${SHOP}/commands`, { type: 'coupon.issue', payload: { userId: 'b', couponTemplateId: 'T1' } }, 'p1');
      assert.equal(r.status, 503);
      for (const [method, path] of [['GET', `/demo/platform/shops/${SHOP}`], ['PUT', `/demo/platform/shops/${SHOP}/faults`]] as const) {
        assert.equal((await fetch(`${node.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(method === 'PUT' ? { body: '{"mode":"fail","times":1}' } : {}) })).status, 404, `${method} ${path}`);
      }
    } finally {
      await node.close();
    }
  });

  test('a node with no platform (no URL, not in demo mode) refuses new commands with 503', async () => {
    const node = await startNode(realEnv(issuer, newIsolation()));
    try {
      const ops = await issuer.token({ sub: 'ops_n', scope: 'cs:commands', shop_id: SHOP });
      const r = await call(node.url, ops, 'POST', `/api/v1/shops/${SHOP}/commands`, { type: 'coupon.issue', payload: { userId: 'b', couponTemplateId: 'T1' } }, 'n1');
      assert.equal(r.status, 503);
      assert.match(String((r.body.error as { message: string }).message), /no platform is configured/);
      assert.equal((await fetch(`${node.url}/demo/platform/shops/${SHOP}`)).status, 404);
    } finally {
      await node.close();
    }
  });
});
