// Gateway hardening: auth before upgrade, Origin, frame size and validation, limits, slow consumers.
// Runs on the embedded adapters (PGlite + in-process) and on real PostgreSQL + Redis.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { SignJWT, base64url } from 'jose';
import pg from 'pg';
import { needsPg, needsRedis, PG_URL } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { AUD, ISS, newKey, sign } from '../auth/support.ts';

/** Opens a raw socket and reports the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { headers });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (e) => reject(e));
  });
}

const iso = newIsolation();
const variants = [
  { name: 'embedded', skip: false as const, env: (_i: Issuer) => ({}) },
  { name: 'real PostgreSQL + Redis', skip: needsPg || needsRedis, env: (i: Issuer) => realEnv(i, iso) },
];

after(async () => {
  if (!PG_URL) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`drop schema if exists "${iso.schema}" cascade`);
  await c.end();
});

for (const v of variants) {
  describe(`gateway (${v.name})`, { skip: v.skip }, () => {
    let issuer: Issuer;
    let node: Node;
    before(async () => {
      issuer = await startIssuer();
      node = await startNode({
        KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
        KEFU_OAUTH_ISSUER: ISS,
        KEFU_OAUTH_AUDIENCE: AUD,
        KEFU_WS_MAX_BAD_FRAMES: '6',
        KEFU_WS_RATE_PER_CONNECTION: '500',
        KEFU_WS_RATE_PER_USER: '1000',
        KEFU_WS_MAX_BUFFERED_BYTES: '262144',
        ...v.env(issuer),
      });
    });
    after(async () => {
      await node?.close();
      await issuer?.close();
    });
    const buyerToken = (sub = 'gb1') => issuer.token({ sub, scope: 'cs:customer' });

    test('a bad or missing token gets HTTP 401 and no socket', async () => {
      const good = await buyerToken();
      assert.equal(await upgradeStatus(`${node.url}/im?token=${good}&device=app`), 101);
      assert.equal(await upgradeStatus(`${node.url}/im?device=app`), 401);
      assert.equal(await upgradeStatus(`${node.url}/im?token=garbage&device=app`), 401);
      // alg none
      const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify({ sub: 'x', scope: 'cs:customer', iss: ISS, aud: AUD, exp: Math.floor(Date.now() / 1000) + 300 }))}.`;
      assert.equal(await upgradeStatus(`${node.url}/im?token=${none}`), 401);
      // HS256 signed with the public key as the secret
      const hs = await new SignJWT({ sub: 'x', scope: 'cs:customer' })
        .setProtectedHeader({ alg: 'HS256', kid: issuer.key.kid })
        .setIssuer(ISS)
        .setAudience(AUD)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(JSON.stringify(issuer.key.publicJwk)));
      assert.equal(await upgradeStatus(`${node.url}/im?token=${hs}`), 401);
      const expired = await sign(issuer.key, { sub: 'x', scope: 'cs:customer' }, { expIn: -120 });
      assert.equal(await upgradeStatus(`${node.url}/im?token=${expired}`), 401);
      const wrongAud = await sign(issuer.key, { sub: 'x', scope: 'cs:customer' }, { aud: 'someone-else' });
      assert.equal(await upgradeStatus(`${node.url}/im?token=${wrongAud}`), 401);
      const wrongIss = await sign(issuer.key, { sub: 'x', scope: 'cs:customer' }, { iss: 'https://evil.example' });
      assert.equal(await upgradeStatus(`${node.url}/im?token=${wrongIss}`), 401);
      const stranger = await newKey('ES256', 'unknown-kid');
      assert.equal(await upgradeStatus(`${node.url}/im?token=${await sign(stranger, { sub: 'x', scope: 'cs:customer' })}`), 401);
      assert.equal(await upgradeStatus(`${node.url}/im?token=${good}&device=toaster`), 400);
    });

    test('a foreign Origin gets 403; same origin and no Origin are allowed', async () => {
      const t = await buyerToken();
      assert.equal(await upgradeStatus(`${node.url}/im?token=${t}`, { origin: 'https://evil.example' }), 403);
      assert.equal(await upgradeStatus(`${node.url}/im?token=${t}`, { origin: node.url }), 101);
      assert.equal(await upgradeStatus(`${node.url}/im?token=${t}`), 101);
    });

    test('a 65 KiB frame closes the socket with 1009', async () => {
      const c = await connect(node.url, await buyerToken());
      c.sendRaw(JSON.stringify({ type: 'ping', id: 'big', ts: Date.now(), nonce: 'n'.repeat(20), pad: 'x'.repeat(65 * 1024) }));
      const closed = await c.waitClosed();
      assert.equal(closed.code, 1009);
    });

    test('malformed JSON, wrong types and __proto__ keys get BAD_FRAME and the socket stays up', async () => {
      const c = await connect(node.url, await buyerToken('gb2'));
      const errors: string[] = [];
      const badFrames = [
        '{not json',
        JSON.stringify({ type: 'send', id: 'w1', ts: 'yesterday', nonce: 'x'.repeat(16), shopId: 's', clientMsgId: 'c', content: { kind: 'text', text: 'hi' } }),
        '{"type":"ping","id":"p1","ts":1,"nonce":"aaaaaaaaaaaaaaaa","__proto__":{"admin":true}}',
        JSON.stringify({ type: 'launch-missiles', id: 'w2', ts: Date.now(), nonce: 'y'.repeat(16) }),
      ];
      for (const f of badFrames) {
        c.sendRaw(f);
        await eventually(() => c.lastError, 5000, `an error frame for ${f.slice(0, 30)}`);
        errors.push(c.lastError!.code);
        c.lastError = undefined;
      }
      // Frames with an id get their error as the answer to that id.
      await assert.rejects(c.send({ shopId: 'shop-g', content: { kind: 'text', text: '' } }), { code: 'BAD_FRAME' });
      assert.deepEqual(errors, ['BAD_FRAME', 'BAD_FRAME', 'BAD_FRAME', 'BAD_FRAME']);
      assert.equal(c.closed, undefined);
      const pong = await c.ping();
      assert.equal(pong.type, 'pong');
      await c.close();
      assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype pollution');
    });

    test('too many bad frames close the socket (1008)', async () => {
      const c = await connect(node.url, await buyerToken('gb3'));
      for (let i = 0; i < 7; i++) c.sendRaw('nope');
      const closed = await c.waitClosed();
      assert.equal(closed.code, 1008);
    });

    test('a connection over its frame rate gets RATE_LIMITED', async () => {
      const c = await connect(node.url, await buyerToken('gb4'));
      const results = await Promise.allSettled(Array.from({ length: 3000 }, () => c.ping()));
      const codes = new Map<string, number>();
      for (const r of results) {
        const code = r.status === 'fulfilled' ? 'pong' : String((r.reason as { code?: string }).code);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      const seen = JSON.stringify(Object.fromEntries(codes));
      const limited = codes.get('RATE_LIMITED') ?? 0;
      assert.ok(limited > 0, `some frames are refused: ${seen}`);
      // The burst (twice the per-connection rate, 1000 here) is admitted. On a loaded machine some
      // admitted pings may wait past the answer deadline and get UNAVAILABLE; that is the deadline
      // doing its job, not the limiter refusing them, so they count as admitted.
      assert.ok(results.length - limited >= 1000, `the burst allowance is admitted: ${seen}`);
      assert.ok((codes.get('pong') ?? 0) > 0, `admitted pings are answered: ${seen}`);
      assert.deepEqual([...codes.keys()].filter((k) => !['pong', 'RATE_LIMITED', 'UNAVAILABLE'].includes(k)), [], `only pongs, RATE_LIMITED and the deadline's UNAVAILABLE: ${seen}`);
      assert.equal(c.closed, undefined, 'rate limiting does not close the socket');
      await c.close();
    });

    test('an image travels as an https link; other schemes are refused', async () => {
      const c = await connect(node.url, await buyerToken('gb5'));
      const ack = await c.send({ shopId: 'shop-img', content: { kind: 'image', url: 'https://cdn.example.com/a.png' } });
      assert.equal(ack.seq, 1);
      await assert.rejects(c.send({ shopId: 'shop-img', content: { kind: 'image', url: 'javascript:alert(1)' } }), { code: 'BAD_FRAME' });
      await assert.rejects(c.send({ shopId: 'shop-img', content: { kind: 'image', url: 'http://cdn.example.com/a.png' } }), { code: 'BAD_FRAME' });
      await c.close();
    });

    test('a client that stops reading is cut off before the server buffers without bound', async () => {
      const t = await buyerToken('gb6');
      // A raw socket that never reads: pause the underlying TCP stream.
      const slow = new WebSocket(`${node.url.replace(/^http/, 'ws')}/im?token=${t}&device=pc`);
      await new Promise((r) => slow.once('open', r));
      (slow as unknown as { _socket: { pause(): void } })._socket.pause();
      const sender = await connect(node.url, t, 'app');
      const big = 'x'.repeat(3500);
      const before = Number((await (await fetch(`${node.url}/metrics`)).text()).match(/kefu_ws_slow_consumer_cutoffs_total (\d+)/)?.[1] ?? 0);
      let cut = false;
      for (let i = 0; i < 1500 && !cut; i++) {
        await sender.sendText({ shopId: 'shop-slow' }, `${i} ${big}`).catch(() => {});
        if (i % 20 === 19) {
          const m = await (await fetch(`${node.url}/metrics`)).text();
          cut = Number(m.match(/kefu_ws_slow_consumer_cutoffs_total (\d+)/)?.[1] ?? 0) > before;
        }
      }
      assert.ok(cut, 'the slow socket was cut off');
      assert.equal(sender.closed, undefined, 'the reading device stays connected');
      slow.terminate();
      await sender.close();
    });
  });
}

describe('bounded work queue (embedded)', () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode({ KEFU_OAUTH_JWKS_URL: issuer.jwks.url, KEFU_OAUTH_ISSUER: ISS, KEFU_OAUTH_AUDIENCE: AUD, KEFU_WORK_CONCURRENCY: '1', KEFU_WORK_QUEUE_MAX: '2', KEFU_ROBOT: 'false' });
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });

  test('work beyond the queue is refused with UNAVAILABLE and counted; nothing refused is stored', async () => {
    const clients = await Promise.all(Array.from({ length: 60 }, async (_, i) => connect(node.url, await issuer.token({ sub: `wq${i}`, scope: 'cs:customer' }))));
    // Hold the embedded database (one session) so that storage work piles up in the queue.
    let release!: () => void;
    const held = node.rt.storage.sql.transaction(() => new Promise<void>((r) => (release = r)));
    const settled = Promise.allSettled(clients.map((c, i) => c.sendText({ shopId: 'shop-wq' }, `m${i}`)));
    await eventually(async () => Number((await (await fetch(`${node.url}/metrics`)).text()).match(/kefu_work_rejected_total\{kind="message"\} (\d+)/)?.[1] ?? 0) >= 57, 10_000, 'the queue to refuse the overflow');
    release();
    await held;
    const results = await settled;
    const refused = results.filter((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'UNAVAILABLE').length;
    const acked = results.filter((r) => r.status === 'fulfilled').length;
    assert.ok(refused > 0, 'some sends are refused');
    assert.equal(refused + acked, 60, 'every send is either acked or refused with UNAVAILABLE');
    const m = await (await fetch(`${node.url}/metrics`)).text();
    assert.equal(Number(m.match(/kefu_work_rejected_total\{kind="message"\} (\d+)/)?.[1]), refused);
    const rows = await node.rt.storage.sql.db.selectFrom('messages').select('sender_id').where('shop_id', '=', 'shop-wq').execute();
    assert.equal(rows.length, acked, 'exactly the acked messages are stored');
    await Promise.all(clients.map((c) => c.close()));
  });

  test('an explicit Origin allow-list admits only its origins', async () => {
    // Scheme, host and port against configuration only; test/security/origin.int.test.ts has the rest.
    const { originAllowed, originPolicy } = await import('../../src/gateway/origin.ts');
    const listed = originPolicy({ allowed: ['https://shop.example.com'], demo: false, host: 'kefu.internal', port: 8080 });
    assert.equal(originAllowed('https://shop.example.com', listed), true);
    assert.equal(originAllowed('https://evil.example.com', listed), false);
    assert.equal(originAllowed('http://kefu.internal:8080', listed), false, 'with a list, same-origin is not implied');
    const own = originPolicy({ allowed: undefined, demo: false, host: 'kefu.internal', port: 8080 });
    assert.equal(originAllowed('http://kefu.internal:8080', own), true);
    assert.equal(originAllowed('null', own), false);
    assert.equal(originAllowed(undefined, listed), true, 'native apps send no Origin');
    assert.equal(originAllowed('https://any.example', originPolicy({ allowed: ['*'], demo: false, host: 'h', port: 1 })), true);
  });
});
