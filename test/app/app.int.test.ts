// The assembled app over HTTP: operations endpoints, errors, trace ids, webhooks, shop knowledge
// and the content policy on the message path. Embedded adapters (the real ones are covered by the
// per-module suites and the messaging tests).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, eventually, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { AUD, ISS } from '../auth/support.ts';
import { signBody } from '../../src/commerce/index.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';

const SECRET = 'test-webhook-secret-0123456789';

describe('app over HTTP (embedded)', () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode({ KEFU_OAUTH_JWKS_URL: issuer.jwks.url, KEFU_OAUTH_ISSUER: ISS, KEFU_OAUTH_AUDIENCE: AUD, KEFU_PLATFORM_WEBHOOK_SECRET: SECRET, KEFU_LOG_LEVEL: 'info' });
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });
  const admin = (shop: string) => issuer.token({ sub: `admin-${shop}`, scope: 'cs:admin', shop_id: shop });
  const agent = (shop: string) => issuer.token({ sub: `agent-${shop}`, scope: 'cs:agent', shop_id: shop });

  test('healthz, readyz and metrics with the contract metrics', async () => {
    assert.equal((await fetch(`${node.url}/healthz`)).status, 200);
    const ready = await fetch(`${node.url}/readyz`);
    assert.equal(ready.status, 200);
    assert.deepEqual(((await ready.json()) as { checks: unknown }).checks, { database: 'ok', cache: 'ok' });
    const m = await (await fetch(`${node.url}/metrics`)).text();
    for (const name of ['kefu_ws_connections', 'kefu_messages_total', 'kefu_message_latency_seconds', 'kefu_bot_answer_seconds', 'kefu_shop_backlog', 'kefu_commands', 'kefu_work_rejected_total', 'process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds']) {
      assert.match(m, new RegExp(`^# TYPE ${name} `, 'm'), name);
    }
    // Probes run every few seconds: at level info they must not write a line each.
    assert.ok(!node.logs.some((l) => /"url":"\/(healthz|readyz|metrics)"/.test(l)), 'probe requests are not logged');
  });

  test('unknown routes and bad tokens answer the error body; the trace id follows traceparent', async () => {
    const r = await fetch(`${node.url}/api/v1/nope`, { headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' } });
    assert.equal(r.status, 404);
    assert.equal(r.headers.get('x-trace-id'), '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    const u = await fetch(`${node.url}/api/v1/conversations`, { headers: { authorization: 'Bearer not-a-token' } });
    assert.equal(u.status, 401);
    assert.equal(((await u.json()) as { error: { code: string } }).error.code, 'UNAUTHORIZED');
    assert.ok(node.logs.some((l) => l.includes('"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"')), 'log lines carry the trace id');
    assert.ok(!node.logs.some((l) => l.includes('not-a-token')), 'tokens never reach the logs');
  });

  test('a signed webhook is stored once; a bad signature is 401 and a bad body is 400 naming the field', async () => {
    const event = {
      id: 'evt-app-1',
      type: 'order.upserted',
      shopId: 'shop_w',
      occurredAt: '2026-11-27T08:00:00Z',
      data: {
        orderId: 'SO-W-1',
        userId: 'buyer_w',
        status: 'shipped',
        items: [{ sku: 'SKU-1', title: '保温杯', quantity: 1, price: '89.00' }],
        totalAmount: '89.00',
        currency: 'CNY',
        receiver: { name: '李雷', phone: '13812345678', address: '上海市浦东新区世纪大道100号' },
        createdAt: '2026-11-26T08:00:00Z',
        updatedAt: '2026-11-27T08:00:00Z',
      },
    };
    const body = JSON.stringify(event);
    const post = (b: string, sig: string) => fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': sig }, body: b });
    const ok = await post(body, signBody(SECRET, body));
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { applied: boolean }).applied, true);
    const again = await post(body, signBody(SECRET, body));
    assert.equal(((await again.json()) as { duplicate: boolean }).duplicate, true);
    assert.equal((await post(body, signBody('wrong-secret-000000000', body))).status, 401);
    const bad = JSON.stringify({ ...event, id: 'evt-app-2', data: { ...event.data, totalAmount: 'ninety' } });
    const r = await post(bad, signBody(SECRET, bad));
    assert.equal(r.status, 400);
    assert.match(((await r.json()) as { error: { message: string } }).error.message, /totalAmount/);
    const order = await node.rt.commerce.getOrder('shop_w', 'SO-W-1');
    assert.equal(order?.receiver.phone, '13812345678');
    assert.ok(!node.logs.some((l) => l.includes('13812345678')), 'phone numbers never reach the logs');
  });

  test('FAQ over REST is per shop: admins write, agents read, other shops are refused', async () => {
    const create = await fetch(`${node.url}/api/v1/shops/shop_k/faq`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await admin('shop_k')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: '多久发货？', answer: '付款后48小时内发货', alternates: ['什么时候发货'] }),
    });
    assert.equal(create.status, 201);
    const list = await fetch(`${node.url}/api/v1/shops/shop_k/faq`, { headers: { authorization: `Bearer ${await agent('shop_k')}` } });
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { items: unknown[] }).items.length, 1);
    const foreign = await fetch(`${node.url}/api/v1/shops/shop_k/faq`, { headers: { authorization: `Bearer ${await agent('shop_other')}` } });
    assert.equal(foreign.status, 403);
    const agentWrite = await fetch(`${node.url}/api/v1/shops/shop_k/faq`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await agent('shop_k')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'q', answer: 'a' }),
    });
    assert.equal(agentWrite.status, 403);
  });

  test("a buyer's abusive words are masked before storage; an agent leaking a WeChat id is refused", async () => {
    const put = await fetch(`${node.url}/api/v1/shops/shop_p/sensitive-words`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await admin('shop_p')}`, 'content-type': 'application/json' },
      body: JSON.stringify({ words: ['傻瓜客服'] }),
    });
    assert.equal(put.status, 200);
    const buyer = await connect(node.url, await issuer.token({ sub: 'buyer_p', scope: 'cs:customer' }));
    const agentWs = await connect(node.url, await agent('shop_p'));
    const seen = agentWs.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'customer');
    const ack = await buyer.sendText({ shopId: 'shop_p' }, '你这个傻*瓜*客服怎么还不发货');
    const m = await seen;
    assert.equal((m.content as { text: string }).text, '你这个******怎么还不发货');
    assert.deepEqual(ack.content, { kind: 'text', text: '你这个******怎么还不发货' }, 'the ack tells the sender what was stored');
    const plain = await buyer.sendText({ shopId: 'shop_p' }, '谢谢');
    assert.equal(plain.content, undefined, 'an unchanged text is not sent back');
    // Other line breaks are stored as "\n": a change the sender's device must hear of (twenty-first session, found from outside).
    const breaks = await buyer.sendText({ shopId: 'shop_p' }, 'a\u2028b\u000bc\u0085d');
    assert.deepEqual(breaks.content, { kind: 'text', text: 'a\nb\nc\nd' });
    const stored = await buyer.sync(ack.conversationId, 0);
    assert.equal((stored.messages[0]!.content as { text: string }).text, '你这个******怎么还不发货');
    // An agent speaks only in a conversation they hold: first refused, then accepted after the hand-over.
    await assert.rejects(agentWs.sendText({ conversationId: ack.conversationId }, '您好'), (e: { code: string; message: string }) => e.code === 'FORBIDDEN' && /accept it first/.test(e.message));
    await buyer.sendText({ shopId: 'shop_p' }, '转人工');
    const agentToken = await agent('shop_p');
    await eventually(async () => (await fetch(`${node.url}/api/v1/conversations/${ack.conversationId}/accept`, { method: 'POST', headers: { authorization: `Bearer ${agentToken}` } })).status === 200, 5000, 'the agent to accept');
    await assert.rejects(agentWs.sendText({ conversationId: ack.conversationId }, '加我微信 abc12345 私聊'), (e: { code: string; message: string }) => e.code === 'FORBIDDEN' && /off-platform/.test(e.message));
    const after = await buyer.sync(ack.conversationId, ack.seq);
    assert.equal(after.messages.filter((x) => x.sender.role === 'agent').length, 0, 'the refused message was not stored');
    await Promise.all([buyer.close(), agentWs.close()]);
  });

  test("presence: staff see only their own shop's buyers; another shop's staff and other buyers get 404", async () => {
    const buyer = await connect(node.url, await issuer.token({ sub: 'buyer_pr', scope: 'cs:customer' }), 'pc');
    await buyer.sendText({ shopId: 'shop_pa' }, '你好');
    const get = async (token: string, user = 'buyer_pr') => fetch(`${node.url}/api/v1/presence/${user}`, { headers: { authorization: `Bearer ${token}` } });
    const own = await get(await agent('shop_pa'));
    assert.equal(own.status, 200);
    assert.deepEqual(((await own.json()) as { devices: Array<{ device: string }> }).devices.map((d) => d.device), ['pc']);
    assert.equal((await get(await admin('shop_pa'))).status, 200);
    const foreign = await get(await agent('shop_pb'));
    assert.equal(foreign.status, 404, "another shop's agent cannot learn who is online");
    assert.equal(((await foreign.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    assert.equal((await get(await admin('shop_pb'))).status, 404);
    assert.equal((await get(await issuer.token({ sub: 'buyer_other', scope: 'cs:customer' }))).status, 404);
    assert.equal((await get(await issuer.token({ sub: 'buyer_pr', scope: 'cs:customer' }))).status, 200, 'a buyer sees their own devices');
    await buyer.close();
  });
  test("found from outside: a 256-character buyer id works everywhere; bad paths, times and queries are 400 in the error body", async () => {
    const code = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;
    // A buyer id as long as a token's sub may be: the robot answers them, and erasure takes the id in the path.
    const longId = `buyer_${'L'.repeat(250)}`;
    const buyer = await connect(node.url, await issuer.token({ sub: longId, scope: 'cs:customer' }));
    const ack = await buyer.sendText({ shopId: 'shop_long' }, 'hello');
    await node.rt.bot.idle();
    const history = await buyer.syncAll(ack.conversationId, 0);
    assert.ok(history.some((m) => m.sender.role === 'bot'), 'the robot answered a 256-character buyer id');
    assert.ok(!history.some((m) => m.sender.role === 'system'), 'not the apology of a failed turn');
    await buyer.close();
    const adminToken = await admin('shop_long');
    const auth = { authorization: `Bearer ${adminToken}` };
    const erase = await fetch(`${node.url}/api/v1/shops/shop_long/buyers/${longId}`, { method: 'DELETE', headers: auth });
    assert.equal(erase.status, 200, await erase.clone().text());
    // A path that is not percent-encoding: 400 in kefu's error body, not Fastify's.
    const bad = await fetch(`${node.url}/api/v1/conversations/%FF/messages`, { headers: auth });
    assert.equal(bad.status, 400);
    assert.equal((await code(bad)).code, 'BAD_REQUEST');
    // Year 0000 parses in JS and not in PostgreSQL: refused at the edge, never a 500.
    for (const q of ['/conversations?before=0000-01-01T00:00:00Z', '/shops/shop_long/stats?to=0000-01-01T00:00:00Z']) {
      const r = await fetch(`${node.url}/api/v1${q}`, { headers: auth });
      assert.equal(r.status, 400, q);
    }
    // Queries are strict everywhere: an empty value and an unknown parameter are named.
    const empty = await fetch(`${node.url}/api/v1/conversations/${ack.conversationId}/messages?afterSeq=`, { headers: auth });
    assert.equal(empty.status, 400);
    assert.match((await code(empty)).message, /^afterSeq: /);
    const unknown = await fetch(`${node.url}/api/v1/conversations?foo=1`, { headers: auth });
    assert.match((await code(unknown)).message, /^foo: /);
    for (const path of ['/shops/shop_long/agents?x=1', '/shops/shop_long/faq/suggestions?x=1', '/shops/shop_long/faq?x=1']) {
      const r = await fetch(`${node.url}/api/v1${path}`, { headers: auth });
      assert.equal(r.status, 400, path);
      assert.match((await code(r)).message, /^x: /, path);
    }
    assert.ok(!node.logs.some((l) => /"level":50/.test(l)), 'no error-level log line');
  });

  // Found from outside: closing one buyer's conversation took listing every conversation of the shop.
  test('GET /conversations?buyerId= lists one buyer\'s conversations in the shop, for staff only', async () => {
    const opened: Record<string, string> = {};
    for (const sub of ['buyer_f1', 'buyer_f2']) {
      const c = await connect(node.url, await issuer.token({ sub, scope: 'cs:customer' }));
      opened[sub] = (await c.sendText({ shopId: 'shop_filter' }, 'hello')).conversationId;
      await c.close();
    }
    const list = async (token: string, q: string) => (await (await fetch(`${node.url}/api/v1/conversations${q}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { conversations: Array<{ conversationId: string; buyerId: string }>; error?: { message: string } };
    const staff = await admin('shop_filter');
    assert.deepEqual((await list(staff, '?buyerId=buyer_f1')).conversations.map((c) => c.conversationId), [opened.buyer_f1]);
    assert.deepEqual((await list(await admin('shop_other_filter'), '?buyerId=buyer_f1')).conversations, [], 'another shop sees none of them');
    const buyer = await issuer.token({ sub: 'buyer_f2', scope: 'cs:customer' });
    assert.deepEqual((await list(buyer, '?buyerId=buyer_f1')).conversations.map((c) => c.buyerId), ['buyer_f2'], "a buyer's list stays their own");
    assert.match((await list(staff, `?buyerId=${'x'.repeat(300)}`)).error?.message ?? '', /^buyerId/);
  });

  // Found from outside, by an integrator: an empty JSON body on a "no body" route was refused, a
  // body on it ignored, misspelt fields dropped, blank or C1-control ids accepted, library wording.
  test('bodies: an empty JSON body is no body; extra fields, blank ids and control characters are refused, in kefu wording', async () => {
    const err = async (r: Response) => ((await r.json()) as { error: { code: string; message: string; details?: { field?: string } } }).error;
    const auth = { authorization: `Bearer ${await admin('shop_body')}` };
    const json = { ...auth, 'content-type': 'application/json' };
    const buyer = await connect(node.url, await issuer.token({ sub: 'buyer_body', scope: 'cs:customer' }));
    const ack = await buyer.sendText({ shopId: 'shop_body' }, 'hello');
    await node.rt.bot.idle();
    await buyer.close();
    const close = (body: string) => fetch(`${node.url}/api/v1/conversations/${ack.conversationId}/close`, { method: 'POST', headers: json, body });
    const withBody = await close('{"reason":"x"}');
    assert.equal(withBody.status, 400);
    assert.match((await err(withBody)).message, /^reason: is not a known field here/);
    assert.equal((await close('')).status, 200, 'an empty JSON body is no body');
    const notJson = await fetch(`${node.url}/api/v1/shops/shop_body/faq`, { method: 'POST', headers: json, body: '{"question":' });
    assert.deepEqual([notJson.status, (await err(notJson)).details?.field], [400, 'body']);
    const form = await fetch(`${node.url}/api/v1/shops/shop_body/faq`, { method: 'POST', headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'question=q' });
    assert.deepEqual([form.status, (await err(form)).details?.field], [400, 'body']);
    const misspelt = await fetch(`${node.url}/api/v1/shops/shop_body/faq`, { method: 'POST', headers: json, body: JSON.stringify({ question: 'q', answer: 'a', alternate: ['b'] }) });
    assert.equal(misspelt.status, 400);
    assert.match((await err(misspelt)).message, /^alternate: is not a known field here/);
    const canned = await fetch(`${node.url}/api/v1/shops/shop_body/canned-replies`, { method: 'POST', headers: json, body: JSON.stringify({ tilte: 't', text: 'x', title: 't' }) });
    assert.equal(canned.status, 400);
    const post = (body: unknown) => fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(SECRET, JSON.stringify(body)) }, body: JSON.stringify(body) });
    const event = (id: string, orderId: string) => ({
      id, type: 'order.upserted', shopId: 'shop_body', occurredAt: '2026-11-27T08:00:00Z',
      data: { orderId, userId: 'buyer_body', status: 'paid', items: [{ sku: 'S', title: '杯', quantity: 1, price: '1.00' }], totalAmount: '1.00', currency: 'CNY', receiver: { name: '李', phone: '13812345678', address: '上海' }, createdAt: '2026-11-26T08:00:00Z', updatedAt: '2026-11-27T08:00:00Z' },
    });
    for (const [orderId, rule] of [['   ', /data\.orderId.*must not be blank/], ['a\u0085b', /control characters/], ['a\u2028b', /control characters/]] as const) {
      const r = await post(event(`evt-body-${orderId.charCodeAt(1)}`, orderId));
      assert.equal(r.status, 400, JSON.stringify(orderId));
      assert.match((await err(r)).message, rule);
    }
    const tooLong = await post({ ...event('evt-body-long', 'x'.repeat(129)) });
    assert.match((await err(tooLong)).message, /must be at most 128 characters/, 'kefu wording, not the library\'s');
    const huge = await fetch(`${node.url}/api/v1/conversations?limit=99999999999999999999`, { headers: auth });
    assert.match((await err(huge)).message, /^limit: must be at most \d+/, 'out of range is said as such');
  });
});
