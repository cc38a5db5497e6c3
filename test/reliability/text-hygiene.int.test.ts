// Text hygiene at the edge: a NUL (U+0000) or an unpaired UTF-16 surrogate in any text that
// enters kefu is refused before storage, naming the field: BAD_FRAME on the socket, 400 over
// REST and on the platform webhook (never a 5xx the platform would retry for ever). Nothing is
// stored, and the refusal is logged once, without the text. Runs on the real PostgreSQL when
// there is one (it is what refuses such text), else on the embedded database.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { PG_URL, testSchema } from '../support/services.ts';
import { AUD, ISS } from '../auth/support.ts';
import { signBody } from '../../src/commerce/index.ts';
import { parseClientFrame } from '../../src/protocol/frames.ts';
import type { KefuClient } from '../../src/client/index.ts';

const SECRET = 'test-webhook-secret-0123456789';
const UNSTORABLE = 'contains a NUL character or an unpaired surrogate';
const BAD_TEXTS = { nul: 'a\u0000b', loneHigh: 'x\ud800y', loneLow: '\udc00', reversedPair: '\udc00\ud800' } as const;

describe('text hygiene at the edge', () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode({
      KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
      KEFU_OAUTH_ISSUER: ISS,
      KEFU_OAUTH_AUDIENCE: AUD,
      KEFU_PLATFORM_WEBHOOK_SECRET: SECRET,
      KEFU_ROBOT: 'false',
      KEFU_LOG_LEVEL: 'info',
      ...(PG_URL ? { KEFU_DATABASE_URL: PG_URL, KEFU_DATABASE_SCHEMA: testSchema('hyg') } : {}),
    });
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });

  const countRows = async (table: 'messages' | 'shop_orders' | 'webhook_events' | 'faq_entries') =>
    Number((await node.rt.storage.sql.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  test('the frame parser names the field for every unstorable text, and accepts real pairs', () => {
    const frame = (content: unknown, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ type: 'send', id: 'f1', ts: Date.now(), nonce: 'n'.repeat(16), shopId: 's', clientMsgId: 'c1', content, ...extra });
    for (const text of Object.values(BAD_TEXTS)) {
      const r = parseClientFrame(frame({ kind: 'text', text }));
      assert.deepEqual(r, { ok: false, id: 'f1', reason: `content.text: ${UNSTORABLE}` }, JSON.stringify(text));
    }
    assert.deepEqual(parseClientFrame(frame({ kind: 'text', text: 'ok' }, { clientMsgId: 'c\u0000' })), { ok: false, id: 'f1', reason: `clientMsgId: ${UNSTORABLE}` });
    assert.deepEqual(parseClientFrame(frame({ kind: 'image', url: 'https://img.example/a\u0000.png' })), { ok: false, id: 'f1', reason: `content.url: ${UNSTORABLE}` });
    // A well-formed pair (an emoji) and ordinary CJK text are fine.
    assert.equal(parseClientFrame(frame({ kind: 'text', text: '好的 👍 \ud83d\ude00' })).ok, true);
  });

  test('a send frame with a NUL or a lone surrogate is BAD_FRAME naming content.text; nothing is stored; logged once without the text', async () => {
    const t = await issuer.token({ sub: 'hyg_buyer', scope: 'cs:customer' });
    const c: KefuClient = await connect(node.url, t, 'app');
    try {
      const first = await c.sendText({ shopId: 'shop_h' }, 'hello');
      const before = await countRows('messages');
      for (const [name, text] of Object.entries(BAD_TEXTS)) {
        await assert.rejects(c.sendText({ shopId: 'shop_h' }, text), (e: { code?: string; message?: string }) => {
          assert.equal(e.code, 'BAD_FRAME', name);
          assert.ok(e.message?.includes(`content.text: ${UNSTORABLE}`), `${name}: ${e.message}`);
          return true;
        });
        await assert.rejects(c.sendText({ conversationId: first.conversationId }, text), { code: 'BAD_FRAME' });
      }
      assert.equal(await countRows('messages'), before, 'nothing was stored');
      // The socket is still usable (8 refusals stay under the bad-frame limit of 10) and the seq has no gap.
      const next = await c.sendText({ shopId: 'shop_h' }, 'still here');
      assert.equal(next.seq, first.seq + 1);
      assert.deepEqual((await c.syncAll(first.conversationId, 0)).map((m) => (m.content as { text: string }).text), ['hello', 'still here']);
    } finally {
      await c.close();
    }
    const refusals = node.logs.filter((l) => l.includes('frame refused'));
    assert.equal(refusals.length, 1, 'input errors are logged once per connection');
    assert.match(refusals[0]!, /"level":40/);
    assert.ok(!node.logs.some((l) => /\\u0000|\\ud800|\\udc00/.test(l) || l.includes(BAD_TEXTS.nul)), 'the refused text is not logged');
    assert.ok(!node.logs.some((l) => /"level":50/.test(l)), 'no error-level line (no INTERNAL, no stack)');
  });

  test('an unexpected error answers INTERNAL on every frame but logs its stack once per connection', async () => {
    const conversations = node.rt.conversations as unknown as { send: unknown };
    const c: KefuClient = await connect(node.url, await issuer.token({ sub: 'hyg_bug', scope: 'cs:customer' }), 'app');
    conversations.send = () => Promise.reject(new TypeError('boom: a bug'));
    try {
      for (let i = 0; i < 5; i++) await assert.rejects(c.sendText({ shopId: 'shop_h' }, `x${i}`), { code: 'INTERNAL' });
    } finally {
      delete conversations.send;
      await c.close();
    }
    const lines = node.logs.filter((l) => l.includes('boom: a bug'));
    assert.equal(lines.length, 1, 'one line for five failures');
    assert.match(lines[0]!, /"level":50/);
    assert.match(lines[0]!, /"stack":"TypeError: boom/);
  });

  test('a webhook with such a text is 400 naming the field (no retry), stores nothing, and the event id stays unused', async () => {
    const event = (id: string, o: { name?: string; title?: string } = {}) => ({
      id,
      type: 'order.upserted',
      shopId: 'shop_hw',
      occurredAt: '2026-11-27T08:00:00Z',
      data: {
        orderId: 'SO-H-1',
        userId: 'buyer_hw',
        status: 'paid',
        items: [{ sku: 'SKU-1', title: o.title ?? '保温杯', quantity: 1, price: '59.00' }],
        totalAmount: '59.00',
        currency: 'CNY',
        receiver: { name: o.name ?? '张三', phone: '13812345678', address: '杭州市' },
        createdAt: '2026-11-27T07:00:00Z',
        updatedAt: '2026-11-27T07:30:00Z',
      },
    });
    const post = (b: object) => {
      const raw = JSON.stringify(b);
      return fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(SECRET, raw) }, body: raw });
    };
    const before = { orders: await countRows('shop_orders'), events: await countRows('webhook_events') };
    const cases: Array<[object, string]> = [
      [event('evt-h-1', { name: BAD_TEXTS.nul }), 'data.receiver.name'],
      [event('evt-h-1', { title: BAD_TEXTS.loneHigh }), 'data.items[0].title'],
      [event('evt-h-1', { title: BAD_TEXTS.reversedPair }), 'data.items[0].title'],
      [event('evt-h\u0000-1'), 'id'],
    ];
    for (const [body, field] of cases) {
      const r = await post(body);
      assert.equal(r.status, 400, field);
      const e = ((await r.json()) as { error: { code: string; message: string; details?: { field?: string } } }).error;
      assert.equal(e.code, 'BAD_REQUEST');
      assert.equal(e.details?.field, field);
      assert.equal(e.message, `${field} ${UNSTORABLE}`);
    }
    assert.deepEqual({ orders: await countRows('shop_orders'), events: await countRows('webhook_events') }, before, 'nothing stored');
    // The refused event id was not consumed: the corrected event is applied.
    const ok = await post(event('evt-h-1'));
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { ok: true, duplicate: false, applied: true });
  });

  test('REST: a FAQ entry with a NUL or a lone surrogate is 400 naming the field and stores nothing', async () => {
    const h = { authorization: `Bearer ${await issuer.token({ sub: 'hyg_admin', scope: 'cs:admin', shop_id: 'shop_hf' })}`, 'content-type': 'application/json' };
    const url = `${node.url}/api/v1/shops/shop_hf/faq`;
    const cases: Array<[object, string]> = [
      [{ question: `退货${BAD_TEXTS.nul}`, answer: 'a' }, 'question'],
      [{ question: 'q', answer: BAD_TEXTS.loneLow }, 'answer'],
      [{ question: 'q', answer: 'a', alternates: ['ok', BAD_TEXTS.loneHigh] }, 'alternates[1]'],
    ];
    for (const [body, field] of cases) {
      const r = await fetch(url, { method: 'POST', headers: h, body: JSON.stringify(body) });
      assert.equal(r.status, 400, field);
      const e = ((await r.json()) as { error: { code: string; message: string; details?: { field?: string } } }).error;
      assert.equal(e.code, 'BAD_REQUEST');
      assert.equal(e.details?.field, field);
      assert.equal(e.message, `${field} ${UNSTORABLE}`);
    }
    const words = await fetch(`${node.url}/api/v1/shops/shop_hf/sensitive-words`, { method: 'PUT', headers: h, body: JSON.stringify({ words: ['ok', `bad${BAD_TEXTS.nul}`] }) });
    assert.equal(words.status, 400);
    assert.equal(((await words.json()) as { error: { details?: { field?: string } } }).error.details?.field, 'words[1]');
    const list = await fetch(url, { headers: h });
    assert.equal(list.status, 200);
    assert.deepEqual(((await list.json()) as { items: unknown[] }).items, []);
  });
});
