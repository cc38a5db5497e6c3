// PostgreSQL failures, on a PRIVATE PostgreSQL this file starts (initdb into a temp dir, a free
// port, the postgres OS user) and freezes, kills and restarts: the machine's shared server is
// never touched.
//
// - No connection error ends the process: the pool and every connection, idle or checked out
//   (in a transaction) when its backend goes away, have an 'error' listener.
// - A frozen PostgreSQL (SIGSTOP of the postmaster and every backend): every send is answered,
//   ack or UNAVAILABLE, within a bound, never INTERNAL, and the node recovers when it thaws.
//   Prints the figures (frames answered, p99 wait).
// - An unreachable PostgreSQL is UNAVAILABLE (503) over REST and on the socket.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import WebSocket from 'ws';
import { sql } from 'kysely';
import { eventually, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { AUD, ISS } from '../auth/support.ts';
import { KefuClient, type WebSocketCtor } from '../../src/client/index.ts';
import { createPgStore } from '../../src/storage/postgres/pg-store.ts';
import { toKefuError } from '../../src/protocol/errors.ts';
import { signBody } from '../../src/commerce/index.ts';
import { percentile, startPrivatePostgres, type PrivateServer } from './private-services.ts';

const started = await startPrivatePostgres();
const skip = typeof started === 'string' ? `a private PostgreSQL could not be started here: ${started}` : false;
const server = typeof started === 'string' ? undefined : started;
if (skip) console.log(`# SKIP postgres failure drills: ${skip}`);
after(async () => server?.stop());

const STATEMENT_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function terminateBackend(url: string, pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  admin.on('error', () => {});
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

describe('PostgreSQL connection errors never end the process', { skip }, () => {
  test('the pool and every connection (idle or checked out in a transaction) have an error listener; the store goes on', async () => {
    const s = server as PrivateServer;
    const errors: string[] = [];
    const store = await createPgStore({ url: s.url, schema: 'listeners', poolMax: 3, connectTimeoutMs: CONNECT_TIMEOUT_MS, statementTimeoutMs: STATEMENT_TIMEOUT_MS, onConnectionError: (e) => errors.push(e.message) });
    try {
      assert.ok(store.pool.listenerCount('error') > 0, 'the pool has an error listener');
      const c = await store.pool.connect();
      assert.ok(c.listenerCount('error') > 0, 'a checked-out connection has an error listener');
      c.release();

      // A connection checked out by a transaction loses its backend (as in a restart: 57P01)
      // between two statements: it emits 'error' on itself, which must not crash the process.
      const failed = await store
        .transaction(async (tx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
          await terminateBackend(s.url, rows[0]!.pid);
          await eventually(() => errors.length > 0, 3000, 'the checked-out connection to report its error');
          await sql`select 1`.execute(tx);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      assert.ok(failed, 'the transaction failed');
      assert.equal(toKefuError(failed).code, 'UNAVAILABLE', `a lost connection is UNAVAILABLE (${(failed as Error).message})`);
      assert.match(errors[0]!, /terminat/i);

      // An idle pooled connection loses its backend: the pool's own listener takes it.
      const idle = await store.pool.connect();
      const pid = (await idle.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      idle.release();
      const n = errors.length;
      await terminateBackend(s.url, pid);
      await eventually(() => errors.length > n, 3000, 'the idle connection to report its error');

      // And the store still works: the pool opened fresh connections.
      const r = await sql<{ one: number }>`select 1 as one`.execute(store.db);
      assert.equal(r.rows[0]!.one, 1);
    } finally {
      await store.close();
    }
  });
});

interface Sample {
  at: number;
  waitMs: number;
  answer: string;
  frozen: boolean;
}

describe('PostgreSQL circuit breaker', { skip }, () => {
  test('after 3 consecutive timeouts calls fail at once (UNAVAILABLE) until a probe answers again', async () => {
    const s = server as PrivateServer;
    const store = await createPgStore({ url: s.url, schema: 'breaker', poolMax: 3, connectTimeoutMs: CONNECT_TIMEOUT_MS, statementTimeoutMs: STATEMENT_TIMEOUT_MS, breaker: { failures: 3, cooldownMs: 300 } });
    try {
      await sql`select 1`.execute(store.db);
      assert.equal(store.health().state, 'closed');
      s.freeze();
      try {
        const first = await Promise.allSettled([1, 2, 3].map(() => sql`select 1`.execute(store.db)));
        assert.deepEqual(first.map((r) => r.status), ['rejected', 'rejected', 'rejected']);
        assert.equal(store.health().state === 'closed', false, 'open after three failures');
        const t0 = performance.now();
        const fast = await sql`select 1`.execute(store.db).then(() => undefined, (e: unknown) => e);
        const ms = performance.now() - t0;
        assert.equal(toKefuError(fast).code, 'UNAVAILABLE');
        assert.match((fast as Error).message, /PostgreSQL circuit (open|half-open)/);
        assert.ok(ms < 50, `failed fast (${ms.toFixed(1)} ms)`);
        console.log(`# postgres breaker: opened after 3 timeouts; next call failed in ${ms.toFixed(1)} ms; trips ${store.health().trips}`);
      } finally {
        s.thaw();
      }
      await eventually(() => store.health().state === 'closed', 10_000, 'a probe to close the circuit');
      await sql`select 1`.execute(store.db);
    } finally {
      s.thaw();
      await store.close();
    }
  });
});

describe('PostgreSQL frozen, then unreachable, under a live node', { skip }, () => {
  let issuer: Issuer;
  let node: Node;
  const clients: KefuClient[] = [];
  before(async () => {
    issuer = await startIssuer();
    node = await startNode({
      KEFU_DATABASE_URL: server!.url,
      KEFU_DATABASE_SCHEMA: 'drill',
      KEFU_DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      KEFU_DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
      KEFU_OAUTH_ISSUER: ISS,
      KEFU_OAUTH_AUDIENCE: AUD,
      KEFU_ROBOT: 'false',
    });
  });
  after(async () => {
    server?.thaw();
    await Promise.allSettled(clients.map((c) => c.close()));
    await node?.close();
    await issuer?.close();
  });

  const open = async (sub: string) => {
    const c = await KefuClient.connect({ url: node.url, token: await issuer.token({ sub, scope: 'cs:customer' }), device: 'app', WebSocket: WebSocket as unknown as WebSocketCtor, timeoutMs: 30_000 });
    clients.push(c);
    return c;
  };

  test('frozen: every send is answered (ack or UNAVAILABLE) within the bound, never INTERNAL; the node recovers', async () => {
    const s = server as PrivateServer;
    const BUYERS = 4;
    const FREEZE_MS = 8000;
    // One send may meet a few statements in a row (conversation, word list, the append), each
    // bounded by statement timeout + 1 s (the client-side query timeout) or the connect timeout.
    const BOUND_MS = 3 * (STATEMENT_TIMEOUT_MS + 1000) + 1000;
    const buyers = await Promise.all(Array.from({ length: BUYERS }, (_, i) => open(`pgd_${i}`)));
    const conv = await Promise.all(buyers.map((c) => c.sendText({ shopId: 'shop_pgd' }, 'hello')));
    const acked: Array<Set<string>> = buyers.map(() => new Set(['hello']));
    const samples: Sample[] = [];
    let frozen = false;
    let stop = false;
    const t0 = performance.now();
    const loops = buyers.map(async (c, i) => {
      for (let n = 0; !stop; n++) {
        const text = `m${i}-${n}`;
        const sentFrozen = frozen;
        const s0 = performance.now();
        let answer = 'ack';
        try {
          await c.sendText({ conversationId: conv[i]!.conversationId }, text);
          acked[i]!.add(text);
        } catch (e) {
          answer = (e as { code?: string }).code ?? String(e);
        }
        samples.push({ at: s0 - t0, waitMs: performance.now() - s0, answer, frozen: sentFrozen || frozen });
        await sleep(100);
      }
    });
    await sleep(1000);
    s.freeze();
    frozen = true;
    await sleep(FREEZE_MS);
    s.thaw();
    frozen = false;
    const thawedAt = performance.now() - t0;
    await sleep(4500);
    stop = true;
    await Promise.all(loops);

    const during = samples.filter((x) => x.frozen);
    // The circuit breaker lets statements through again once its probe answers: within its
    // cool-down (1 s) and one probe of the thawed server.
    const afterThaw = samples.filter((x) => x.at > thawedAt + 2500);
    const answers = Object.fromEntries([...new Set(samples.map((x) => x.answer))].map((a) => [a, samples.filter((x) => x.answer === a).length]));
    const fig = {
      framesSent: samples.length,
      framesAnswered: samples.filter((x) => x.answer === 'ack' || x.answer === 'UNAVAILABLE').length,
      answers,
      frozenSends: during.length,
      frozenP50Ms: Math.round(percentile(during.map((x) => x.waitMs), 50)),
      frozenP99Ms: Math.round(percentile(during.map((x) => x.waitMs), 99)),
      frozenMaxMs: Math.round(Math.max(...during.map((x) => x.waitMs))),
      afterThawP99Ms: Math.round(percentile(afterThaw.map((x) => x.waitMs), 99)),
      boundMs: BOUND_MS,
    };
    console.log(`# frozen PostgreSQL drill (statement timeout ${STATEMENT_TIMEOUT_MS} ms, ${BUYERS} buyers, ${FREEZE_MS} ms frozen): ${JSON.stringify(fig)}`);

    assert.equal(fig.framesAnswered, fig.framesSent, `every frame answered with ack or UNAVAILABLE: ${JSON.stringify(answers)}`);
    assert.ok(during.some((x) => x.answer === 'UNAVAILABLE'), 'the freeze was felt');
    assert.ok(fig.frozenMaxMs <= BOUND_MS, `no send waited past ${BOUND_MS} ms while frozen (max ${fig.frozenMaxMs} ms)`);
    // Sends kept being answered through the freeze instead of queueing until it ended.
    assert.ok(during.length >= BUYERS * 2, `sends kept being answered while frozen (${during.length})`);
    assert.ok(afterThaw.length > 0 && afterThaw.every((x) => x.answer === 'ack'), 'after the thaw every send is acked');
    assert.ok(fig.afterThawP99Ms < 2000, `recovered: p99 ${fig.afterThawP99Ms} ms after the thaw`);

    // No acked message is lost; whatever an UNAVAILABLE answer may have stored is there at most once.
    for (let i = 0; i < BUYERS; i++) {
      const history = await buyers[i]!.syncAll(conv[i]!.conversationId, 0);
      const texts = history.map((m) => (m.content as { text: string }).text);
      for (const t of acked[i]!) assert.ok(texts.includes(t), `acked ${t} is stored`);
      assert.equal(new Set(texts).size, texts.length, 'nothing stored twice');
      assert.deepEqual(history.map((m) => m.seq), history.map((_, k) => k + 1), 'seqs without a gap');
    }
    // Dependency failures are warnings without a stack, rate-limited per connection; no INTERNAL.
    assert.ok(!node.logs.some((l) => /"level":50/.test(l)), 'no error-level line');
    const warned = node.logs.filter((l) => l.includes('a dependency is unavailable')).length;
    assert.ok(warned <= BUYERS * 2, `at most one warning per connection per 10 s (${warned})`);
  });

  test('unreachable: REST answers 503 UNAVAILABLE, the socket UNAVAILABLE, /readyz 503; the process lives on', async () => {
    const s = server as PrivateServer;
    const buyer = await open('pgd_down');
    const { conversationId } = await buyer.sendText({ shopId: 'shop_pgd' }, 'before');
    await s.stop();
    const auth = { authorization: `Bearer ${await issuer.token({ sub: 'pgd_down', scope: 'cs:customer' })}` };
    const r = await fetch(`${node.url}/api/v1/conversations/${conversationId}/messages`, { headers: auth });
    assert.equal(r.status, 503);
    assert.equal(r.headers.get('retry-after'), '1');
    const body = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'UNAVAILABLE');
    assert.doesNotMatch(body.error.message, /ECONNREFUSED|127\.0\.0\.1|password/);
    // A platform event that cannot be stored now is 503: the platform retries it later (a 400
    // would drop it for good).
    const raw = JSON.stringify({ id: 'evt-pgd-1', type: 'aftersale.upserted', shopId: 'shop_pgd', occurredAt: '2026-11-27T08:00:00Z', data: { aftersaleId: 'A1', orderId: 'O1', userId: 'pgd_down', type: 'refund', status: 'requested', updatedAt: '2026-11-27T08:00:00Z' } });
    const hook = await fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(node.rt.webhookSecret, raw) }, body: raw });
    assert.equal(hook.status, 503);
    assert.equal(((await hook.json()) as { error: { code: string } }).error.code, 'UNAVAILABLE');
    await assert.rejects(buyer.sendText({ conversationId }, 'during'), { code: 'UNAVAILABLE' });
    await assert.rejects(buyer.sync(conversationId, 0), { code: 'UNAVAILABLE' });
    const ready = await fetch(`${node.url}/readyz`);
    assert.equal(ready.status, 503);
    assert.match(((await ready.json()) as { checks: { database: string } }).checks.database, /^down/);
    assert.equal((await fetch(`${node.url}/healthz`)).status, 200, 'the process is alive');
    assert.ok(!node.logs.some((l) => /"level":50/.test(l)), 'no error-level line: a down database is not a bug');
  });
});

