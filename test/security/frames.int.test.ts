/**
 * Hostile frames on real PostgreSQL + Redis (docs/security.md, docs/protocol.md "Every client
 * frame"): clock skew at ±299/±301 s, replayed nonces, every bad frame shape, and SQL-injection
 * strings in every field of a frame. Each refusal is the documented error code and stores
 * nothing; what is accepted is stored verbatim; a healthy client is served within budget.
 * (Frame size 1009 and the bad-frame close 1008 are in test/gateway/gateway.int.test.ts.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { eventually } from '../support/kefu.ts';
import type { KefuClient } from '../../src/client/index.ts';
import { connect, rowCounts, startSetup, storesNothing, type Setup } from './support.ts';

const SQLI = ["' OR '1'='1", "'; DROP TABLE messages; --", '" OR 1=1 --', "1'); select pg_sleep(5); --", "$1 $2 \\' \\x27 %' --", "') ON CONFLICT DO NOTHING; --"];
const nonce = () => `n-${Math.random().toString(36).slice(2)}-${Date.now()}`.padEnd(16, 'x');

/** Sends a raw string and returns the code of the error frame that answers it. */
async function refusal(c: KefuClient, raw: string | Buffer): Promise<string> {
  c.lastError = undefined;
  (c as unknown as { sendRaw(d: string | Buffer): void }).sendRaw(raw);
  const e = await eventually(() => c.lastError, 5000, `an answer to ${String(raw).slice(0, 40)}`);
  return e!.code;
}

describe('hostile frames (real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let s: Setup;
  let c: KefuClient;
  let conversationId = '';
  before(async () => {
    s = await startSetup({ KEFU_ROBOT: 'false', KEFU_WS_MAX_BAD_FRAMES: '10000' });
    c = await connect(s.node.url, await s.issuer.token({ sub: 'frame_attacker', scope: 'cs:customer' }), 'app');
    conversationId = (await c.sendText({ shopId: 'shop_frames' }, 'hello')).conversationId;
  });
  after(async () => {
    await c?.close();
    await s?.close();
  });

  test('ts within ±299 s is accepted; ±301 s is CLOCK_SKEW and stores nothing', async () => {
    const at = (offsetS: number) => c.send({ conversationId, content: { kind: 'text', text: `skew ${offsetS}` }, ts: Date.now() + offsetS * 1000 });
    await s.probe.during('clock skew', async () => {
      for (const off of [-301, 301]) await storesNothing(s.node, `ts ${off} s`, () => assert.rejects(at(off), { code: 'CLOCK_SKEW' }));
      const before = (await rowCounts(s.node)).messages!;
      for (const off of [-299, 299]) assert.equal((await at(off)).type, 'ack');
      assert.equal((await rowCounts(s.node)).messages, before + 2);
    });
  });

  test('a replayed nonce is REPLAY and stores nothing, whatever else changed and from whichever device', async () => {
    const n = nonce();
    const first = await c.send({ conversationId, content: { kind: 'text', text: 'once' }, nonce: n, clientMsgId: 'replay-1' });
    assert.equal(first.type, 'ack');
    const other = await connect(s.node.url, await s.issuer.token({ sub: 'frame_attacker', scope: 'cs:customer' }), 'pc');
    await s.probe.during('replay', () =>
      storesNothing(s.node, 'replay', async () => {
        await assert.rejects(c.send({ conversationId, content: { kind: 'text', text: 'once' }, nonce: n, clientMsgId: 'replay-1' }), { code: 'REPLAY' });
        await assert.rejects(c.send({ conversationId, content: { kind: 'text', text: 'twice?' }, nonce: n, clientMsgId: 'replay-2' }), { code: 'REPLAY' });
        await assert.rejects(other.send({ conversationId, content: { kind: 'text', text: 'elsewhere' }, nonce: n, clientMsgId: 'replay-3' }), { code: 'REPLAY' });
        // The exact bytes again.
        const raw = JSON.stringify({ type: 'ping', id: 'p-replay', ts: Date.now(), nonce: nonce() });
        c.sendRaw(raw);
        assert.equal(await refusal(c, raw), 'REPLAY');
      }),
    );
    await other.close();
  });

  test('every bad frame shape is BAD_FRAME, stores nothing, and the socket stays', async () => {
    const ts = Date.now();
    const ok = { id: 'b1', ts, nonce: 'a'.repeat(16) };
    const send = { ...ok, type: 'send', conversationId, clientMsgId: 'bad-1', content: { kind: 'text', text: 'hi' } };
    const shapes: Array<string | Buffer> = [
      '{not json', '[]', '"send"', '42', 'null', '{}', JSON.stringify({ ...ok }), JSON.stringify({ ...ok, type: 'launch' }),
      JSON.stringify({ type: 'ping', ts, nonce: ok.nonce }), JSON.stringify({ ...ok, type: 'ping', id: '' }), JSON.stringify({ ...ok, type: 'ping', id: 'i'.repeat(129) }),
      JSON.stringify({ ...ok, type: 'ping', ts: String(ts) }), JSON.stringify({ ...ok, type: 'ping', ts: -1 }), JSON.stringify({ ...ok, type: 'ping', ts: ts + 0.5 }), '{"type":"ping","id":"x","ts":1e309,"nonce":"aaaaaaaaaaaaaaaa"}',
      JSON.stringify({ type: 'ping', id: 'x', ts }), JSON.stringify({ ...ok, type: 'ping', nonce: 'short' }), JSON.stringify({ ...ok, type: 'ping', nonce: 'n'.repeat(65) }),
      JSON.stringify({ ...ok, type: 'ping', extra: 1 }), '{"type":"ping","id":"x","ts":1,"nonce":"aaaaaaaaaaaaaaaa","__proto__":{"admin":true}}', JSON.stringify({ ...ok, type: 'ping', constructor: { prototype: {} } }),
      JSON.stringify({ ...send, content: undefined }), JSON.stringify({ ...send, content: { kind: 'video', url: 'https://x' } }), JSON.stringify({ ...send, content: { kind: 'text', text: '' } }),
      JSON.stringify({ ...send, content: { kind: 'text', text: 'x'.repeat(4001) } }), JSON.stringify({ ...send, content: { kind: 'text', text: 'a\u0000b' } }), JSON.stringify({ ...send, content: { kind: 'text', text: 'a\ud800b' } }),
      JSON.stringify({ ...send, content: { kind: 'image', url: 'http://cdn.example/a.png' } }), JSON.stringify({ ...send, content: { kind: 'image', url: 'javascript:alert(1)' } }),
      JSON.stringify({ ...send, clientMsgId: 'c'.repeat(65) }), JSON.stringify({ ...send, clientMsgId: undefined }), JSON.stringify({ ...send, conversationId: 'has space' }), JSON.stringify({ ...send, conversationId: undefined, shopId: "shop'" }),
      JSON.stringify({ ...send, content: { kind: 'text', text: 'hi', card: { type: 'order' } } }),
      JSON.stringify({ ...ok, type: 'sync', conversationId, afterSeq: -1 }), JSON.stringify({ ...ok, type: 'sync', conversationId, afterSeq: 1.5 }), JSON.stringify({ ...ok, type: 'sync', conversationId, afterSeq: 0, limit: 0 }),
      JSON.stringify({ ...ok, type: 'sync', conversationId, afterSeq: 0, limit: 501 }), JSON.stringify({ ...ok, type: 'read', conversationId, seq: '1' }), JSON.stringify({ ...ok, type: 'typing' }),
      `${'['.repeat(5000)}${']'.repeat(5000)}`, Buffer.from([0xff, 0xfe, 0x00]),
    ];
    const codes = await s.probe.during('bad frame shapes', () =>
      storesNothing(s.node, 'bad frame shapes', async () => {
        const out: string[] = [];
        for (const f of shapes) out.push(await refusal(c, f));
        return out;
      }),
    );
    assert.deepEqual(codes, shapes.map(() => 'BAD_FRAME'));
    assert.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype pollution');
    assert.equal(c.closed, undefined);
    assert.equal((await c.ping()).type, 'pong');
  });

  test('SQL-injection strings: refused where the field has a pattern, stored verbatim where it is free text, never executed', async () => {
    await s.probe.during('SQL injection in frames', async () => {
      // Patterned fields (shopId, conversationId) refuse quotes outright.
      await storesNothing(s.node, 'SQL injection in ids', async () => {
        for (const x of SQLI) {
          await assert.rejects(c.send({ shopId: x, content: { kind: 'text', text: 'x' } }), { code: 'BAD_FRAME' });
          await assert.rejects(c.send({ conversationId: x, content: { kind: 'text', text: 'x' } }), { code: 'BAD_FRAME' });
          await assert.rejects(c.sync(x, 0), { code: 'BAD_FRAME' });
        }
      });
      // Free text (id, nonce, clientMsgId, text, image URL): stored as the string it is.
      const before = (await rowCounts(s.node)).messages!;
      const t0 = performance.now();
      for (const [i, x] of SQLI.entries()) {
        const ack = await c.send({ conversationId, id: `${x}-${i}`, nonce: `${x}-${nonce()}`.slice(0, 64), clientMsgId: `${x}-${i}`.slice(0, 64), content: { kind: 'text', text: x } });
        assert.equal(ack.clientMsgId, `${x}-${i}`.slice(0, 64));
        await c.send({ conversationId, content: { kind: 'image', url: `https://cdn.example/${encodeURIComponent(x)}.png` } });
      }
      assert.ok(performance.now() - t0 < 5000, 'pg_sleep(5) was not run');
      assert.equal((await rowCounts(s.node)).messages, before + SQLI.length * 2, 'every accepted frame stored exactly one message; no table was dropped');
      const texts = (await c.syncAll(conversationId, 0)).map((m) => (m.content.kind === 'text' ? m.content.text : undefined));
      for (const x of SQLI) assert.ok(texts.includes(x), `"${x}" comes back as it was sent`);
    });
  });
});
