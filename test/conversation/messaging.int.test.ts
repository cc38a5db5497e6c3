// Real-time messaging across two kefu processes sharing real PostgreSQL and Redis (issue: real-time messaging).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { needsPg, needsRedis, PG_URL } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startProcess, type Issuer, type Proc } from '../support/kefu.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';

const skip = needsPg || needsRedis;

describe('messaging across two nodes (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let a: Proc;
  let b: Proc;
  const iso = newIsolation();
  let db: pg.Client;

  before(async () => {
    issuer = await startIssuer();
    // Transport only: the robot's replies would interleave with the seqs under test.
    const env = { ...realEnv(issuer, iso), KEFU_ROBOT: 'false' };
    a = await startProcess({ ...env, KEFU_NODE_ID: 'node-a' });
    b = await startProcess({ ...env, KEFU_NODE_ID: 'node-b' });
    db = new pg.Client({ connectionString: PG_URL });
    await db.connect();
  });
  after(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.query(`drop schema if exists "${iso.schema}" cascade`);
    await db?.end();
    await issuer?.close();
  });

  const buyer = (sub: string) => issuer.token({ sub, scope: 'cs:customer', name: `Buyer ${sub}` });
  const agent = (sub: string, shop: string) => issuer.token({ sub, scope: 'cs:agent', shop_id: shop });

  test('a message from the phone on node A reaches the PC on node B and the shop console; the phone gets ack with seq', async () => {
    const t = await buyer('u1');
    const phone = await connect(a.url, t, 'app');
    const pc = await connect(b.url, t, 'pc');
    const console_ = await connect(b.url, await agent('ag1', 'shop1'), 'web');
    const onPc = pc.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'customer');
    const onConsole = console_.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'customer');
    const ack = await phone.sendText({ shopId: 'shop1' }, '你好，我的快递到哪了？', 'cm-1');
    assert.equal(ack.seq, 1);
    assert.equal(ack.clientMsgId, 'cm-1');
    const [m1, m2] = await Promise.all([onPc, onConsole]);
    for (const m of [m1, m2]) {
      assert.equal(m.conversationId, ack.conversationId);
      assert.equal(m.seq, 1);
      assert.equal(m.sender.id, 'u1');
      assert.deepEqual(m.content, { kind: 'text', text: '你好，我的快递到哪了？' });
    }
    // With the robot off the conversation is queued at once; the agent takes it, then answers
    // from node B, and the buyer's phone on node A gets it.
    const agentToken = await agent('ag1', 'shop1');
    await eventually(async () => (await fetch(`${b.url}/api/v1/conversations/${ack.conversationId}/accept`, { method: 'POST', headers: { authorization: `Bearer ${agentToken}` } })).status === 200, 5000, 'the agent to accept');
    const onPhone = phone.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'agent');
    const agentAck = await console_.sendText({ conversationId: ack.conversationId }, '您好，马上为您查询', 'ag-1');
    assert.equal(agentAck.seq, 2);
    const reply = await onPhone;
    assert.equal(reply.seq, 2);
    // Read receipts reach the user's other device.
    const onRead = pc.waitFor((f) => f.type === 'read');
    phone.read(ack.conversationId, 2);
    const r = await onRead;
    assert.deepEqual(r, { type: 'read', conversationId: ack.conversationId, seq: 2, userId: 'u1' });
    await Promise.all([phone.close(), pc.close(), console_.close()]);
  });

  test('a device offline for 20 messages reconnects to the other node and sync returns exactly those 20, in order', async () => {
    const t = await buyer('u2');
    const phone = await connect(a.url, t, 'app');
    let pc = await connect(a.url, t, 'pc');
    const seen = pc.waitFor((f) => f.type === 'message' && f.seq === 1);
    const first = await phone.sendText({ shopId: 'shop2' }, 'first');
    await seen;
    const lastSeen = first.seq;
    await pc.close();
    const acks = [];
    for (let i = 0; i < 20; i++) acks.push(await phone.sendText({ shopId: 'shop2' }, `offline ${i}`));
    pc = await connect(b.url, t, 'pc');
    const got = await pc.syncAll(first.conversationId, lastSeen);
    assert.equal(got.length, 20);
    assert.deepEqual(got.map((m) => m.seq), acks.map((x) => x.seq));
    assert.deepEqual(got.map((m) => (m.content as { text: string }).text), Array.from({ length: 20 }, (_, i) => `offline ${i}`));
    // Nothing more and nothing twice.
    const again = await pc.sync(first.conversationId, got.at(-1)!.seq);
    assert.deepEqual(again, { messages: [], hasMore: false });
    await Promise.all([phone.close(), pc.close()]);
  });

  test('the same clientMsgId sent twice is stored once and acked twice with the same seq', async () => {
    const phone = await connect(a.url, await buyer('u3'));
    const a1 = await phone.sendText({ shopId: 'shop3' }, 'pay?', 'dup-1');
    const a2 = await phone.sendText({ shopId: 'shop3' }, 'pay?', 'dup-1');
    assert.equal(a2.seq, a1.seq);
    assert.equal(a2.conversationId, a1.conversationId);
    const n = await db.query(`select count(*)::int as n from "${iso.schema}".messages where client_msg_id = 'dup-1'`);
    assert.equal(n.rows[0].n, 1);
    const next = await phone.sendText({ shopId: 'shop3' }, 'next', 'dup-2');
    assert.equal(next.seq, a1.seq + 1, 'no gap after a duplicate');
    await phone.close();
  });

  test('replayed nonce and a 6-minute-old ts are refused and store nothing', async () => {
    const phone = await connect(b.url, await buyer('u4'));
    const ok = await phone.send({ shopId: 'shop4', clientMsgId: 'r-1', content: { kind: 'text', text: 'one' }, nonce: 'nonce-0123456789abcdef' });
    await assert.rejects(phone.send({ shopId: 'shop4', clientMsgId: 'r-2', content: { kind: 'text', text: 'two' }, nonce: 'nonce-0123456789abcdef' }), { code: 'REPLAY' });
    await assert.rejects(phone.send({ shopId: 'shop4', clientMsgId: 'r-3', content: { kind: 'text', text: 'old' }, ts: Date.now() - 6 * 60 * 1000 }), { code: 'CLOCK_SKEW' });
    await assert.rejects(phone.send({ shopId: 'shop4', clientMsgId: 'r-4', content: { kind: 'text', text: 'future' }, ts: Date.now() + 6 * 60 * 1000 }), { code: 'CLOCK_SKEW' });
    // The same nonce through the other node is a replay too.
    const other = await connect(a.url, await buyer('u4'));
    await assert.rejects(other.send({ shopId: 'shop4', clientMsgId: 'r-5', content: { kind: 'text', text: 'x' }, nonce: 'nonce-0123456789abcdef' }), { code: 'REPLAY' });
    const n = await db.query(`select client_msg_id from "${iso.schema}".messages where sender_id = 'u4' order by seq`);
    assert.deepEqual(n.rows.map((r) => r.client_msg_id), ['r-1']);
    assert.equal(ok.seq, 1);
    await Promise.all([phone.close(), other.close()]);
  });

  test('an agent cannot write into another shop\'s conversation, and a buyer cannot read another buyer\'s', async () => {
    const phone = await connect(a.url, await buyer('u5'));
    const ack = await phone.sendText({ shopId: 'shop5' }, 'hi');
    const foreignAgent = await connect(b.url, await agent('ag9', 'shop-other'));
    await assert.rejects(foreignAgent.sendText({ conversationId: ack.conversationId }, 'spam'), { code: 'NOT_FOUND' });
    await assert.rejects(foreignAgent.sync(ack.conversationId, 0), { code: 'NOT_FOUND' });
    const otherBuyer = await connect(b.url, await buyer('u6'));
    await assert.rejects(otherBuyer.sync(ack.conversationId, 0), { code: 'NOT_FOUND' });
    await assert.rejects(otherBuyer.sendText({ conversationId: ack.conversationId }, 'x'), { code: 'NOT_FOUND' });
    await Promise.all([phone.close(), foreignAgent.close(), otherBuyer.close()]);
  });

  test('concurrent first messages from two devices on two nodes open one conversation with gap-free seqs', async () => {
    const t = await buyer('u8');
    const phone = await connect(a.url, t, 'app');
    const pc = await connect(b.url, t, 'pc');
    const acks = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? phone : pc).sendText({ shopId: 'shop8' }, `race ${i}`)));
    assert.equal(new Set(acks.map((x) => x.conversationId)).size, 1, 'one open conversation per buyer and shop');
    assert.deepEqual(acks.map((x) => x.seq).sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
    const open = await db.query(`select count(*)::int as n from "${iso.schema}".conversations where buyer_id = 'u8' and state <> 'closed'`);
    assert.equal(open.rows[0].n, 1);
    // Every stored message went through the group-commit writer, which reports its batches.
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    const written = /kefu_batch_size_sum\{kind="messages"\} (\d+)/.exec(metrics);
    assert.ok(written && Number(written[1]) >= 10, `messages written through the writer on node B: ${written?.[1]}`);
    await Promise.all([phone.close(), pc.close()]);
  });

  test('REST lists conversations per role and pages messages the same as sync; other shops get 404', async () => {
    const t = await buyer('u9');
    const phone = await connect(a.url, t, 'app');
    const acks = [];
    for (let i = 0; i < 5; i++) acks.push(await phone.sendText({ shopId: 'shop9' }, `rest ${i}`));
    const conv = acks[0]!.conversationId;
    const get = async (url: string, token: string) => {
      const r = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    const page = await get(`${b.url}/api/v1/conversations/${conv}/messages?afterSeq=1&limit=3`, t);
    assert.equal(page.status, 200);
    const msgs = page.body.messages as { seq: number; content: { text: string } }[];
    assert.deepEqual(msgs.map((m) => m.seq), [2, 3, 4]);
    assert.equal(page.body.hasMore, true);
    assert.deepEqual(msgs, (await phone.sync(conv, 1, 3)).messages, 'REST and sync answer alike');
    const staff = await agent('ag9', 'shop9');
    const listed = await get(`${a.url}/api/v1/conversations`, staff);
    assert.deepEqual((listed.body.conversations as { conversationId: string }[]).map((c) => c.conversationId), [conv]);
    const mine = await get(`${a.url}/api/v1/conversations`, t);
    assert.deepEqual((mine.body.conversations as { conversationId: string; lastSeq: number }[]).map((c) => [c.conversationId, c.lastSeq]), [[conv, 5]]);
    assert.equal((await get(`${a.url}/api/v1/conversations/${conv}/messages`, await agent('ag0', 'shop-other'))).status, 404);
    const bad = await get(`${a.url}/api/v1/conversations/${conv}/messages?limit=9999`, t);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { error: { code: 'BAD_REQUEST', message: (bad.body.error as { message: string }).message, details: { field: 'limit' } } });
    await phone.close();
  });

  test('presence lists the user\'s online devices across nodes', async () => {
    const t = await buyer('u7');
    const phone = await connect(a.url, t, 'app');
    const pc = await connect(b.url, t, 'pc');
    await phone.ping();
    await pc.ping();
    // Staff see the devices of their own shop's buyers only.
    await phone.sendText({ shopId: 'shop1' }, 'hi');
    const r = await fetch(`${a.url}/api/v1/presence/u7`, { headers: { authorization: `Bearer ${await agent('ag1', 'shop1')}` } });
    assert.equal(r.status, 200);
    const body = (await r.json()) as { devices: { device: string }[] };
    assert.deepEqual(body.devices.map((d) => d.device).sort(), ['app', 'pc']);
    await pc.close();
    await eventually(async () => {
      const r2 = await fetch(`${a.url}/api/v1/presence/u7`, { headers: { authorization: `Bearer ${await agent('ag1', 'shop1')}` } });
      const b2 = (await r2.json()) as { devices: { device: string }[] };
      return b2.devices.length === 1 && b2.devices[0]!.device === 'app';
    }, 5000, 'pc to go offline');
    await phone.close();
  });
});
