/**
 * The human side across two kefu nodes on real PostgreSQL and Redis: a hand-over is queued with
 * a position and assigned to an online agent; the agent's reply reaches every device of the
 * buyer on both nodes while the robot stays quiet; close, then one rating. Routing under a burst
 * (30 hand-overs over two nodes to 3 agents of capacity 5, repeated), the queue drained in order,
 * and an agent gone past the grace period.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import type { ConversationFrame, MessageFrame } from '../../src/protocol/frames.ts';
import type { Principal } from '../../src/auth/index.ts';
import { moveState } from '../../src/conversation/index.ts';
import { QUEUE_PRIORITY } from '../../src/protocol/conversation.ts';
import { CLOSED_UNSERVED_NOTICE, heldWaitAnswer, NOBODY_ONLINE_NOTICE, RATING_PROMPT, RETURNED_NOTICE } from '../../src/routing/index.ts';
import { toTraditional } from '../../src/robot/index.ts';

const skip = needsPg || needsRedis;

async function api(node: Node, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${node.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, body: r.status === 204 ? {} : ((await r.json()) as Record<string, unknown>) };
}

const buyerP = (id: string): Principal => ({ userId: id, roles: new Set(['customer']), shopId: undefined, name: undefined, expiresAt: undefined });

describe('routing across two nodes (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let a: Node;
  let b: Node;
  before(async () => {
    issuer = await startIssuer();
    // The bursts below (30 hand-overs on two nodes, 20 rounds) are about queue order, not the pool's
    // bounded wait: on a loaded 2-core CI run a close once waited past the default 2 s for a pool
    // connection and was UNAVAILABLE (503), as designed. The wait is longer here; test/reliability/ covers the bound.
    const env = { ...realEnv(issuer, newIsolation()), KEFU_AGENT_OFFLINE_GRACE_S: '1', KEFU_DATABASE_CONNECT_TIMEOUT_MS: '10000', KEFU_ALLOWED_LINK_HOSTS: 'mybookshop.tw', KEFU_ALLOWED_PHONES: '+65 6123 4567' };
    [a, b] = await Promise.all([startNode(env), startNode(env)]);
  });
  after(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await issuer?.close();
  });
  const agentToken = (id: string, shop: string) => issuer.token({ sub: id, scope: 'cs:agent', shop_id: shop, name: `客服${id}` });
  const buyerToken = (id: string) => issuer.token({ sub: id, scope: 'cs:customer' });
  const idle = async () => {
    for (let i = 0; i < 3; i++) await Promise.all([a.rt.routing.idle(), b.rt.routing.idle(), a.rt.bot.idle(), b.rt.bot.idle()]);
  };

  test('转人工: queued with a position, assigned, the reply reaches both devices, the robot is quiet; close, one rating', async () => {
    const shop = 'shop_flow';
    const phone = await connect(a.url, await buyerToken('bf1'), 'app');
    const pc = await connect(b.url, await buyerToken('bf1'), 'pc');
    const queued = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'queued' && f.queuePosition === 1);
    const ack = await phone.sendText({ shopId: shop }, '转人工');
    const q = await queued;
    assert.equal(q.conversationId, ack.conversationId);
    // Nobody online yet: the buyer is told so, and promised no wait.
    assert.deepEqual([q.agentsOnline, q.estimatedWaitSeconds], [0, undefined]);
    // An agent opens a console on node B and goes online: routing assigns at once.
    const console_ = await connect(b.url, await agentToken('ag_f', shop), 'pc');
    const assignedOnPc = pc.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned');
    const st = await api(b, await agentToken('ag_f', shop), 'PUT', '/agents/me/status', { status: 'online', capacity: 3 });
    assert.equal(st.status, 200);
    assert.deepEqual({ status: st.body.status, capacity: st.body.capacity }, { status: 'online', capacity: 3 });
    const assigned = await assignedOnPc;
    assert.deepEqual({ agentId: assigned.agentId, agentName: assigned.agentName }, { agentId: 'ag_f', agentName: '客服ag_f' });
    // The buyer writes again: nobody but the agent answers.
    await phone.sendText({ shopId: shop }, '在吗？我的快递到哪了');
    const replies = [phone, pc].map((d) => d.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'agent'));
    await console_.sendText({ conversationId: ack.conversationId }, '您好，我来帮您查');
    for (const r of await Promise.all(replies)) assert.equal((r.content as { text: string }).text, '您好，我来帮您查');
    await idle();
    const all = await phone.syncAll(ack.conversationId, 0);
    const afterAssign = all.slice(all.findIndex((m) => (m.content as { text?: string }).text === '在吗？我的快递到哪了'));
    assert.ok(!afterAssign.some((m) => m.sender.role === 'bot'), 'the robot stays quiet while a person holds the conversation');
    // Close: the buyer is asked for a rating, then rates once.
    const prompt = pc.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'system');
    const closedFrame = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'closed');
    assert.equal((await api(a, await agentToken('ag_f', shop), 'POST', `/conversations/${ack.conversationId}/close`)).status, 200);
    assert.match(((await prompt).content as { text: string }).text, /1–5|1 to 5/);
    await closedFrame;
    // The figures a manager watches: the first response (on the node where the agent answered) and a closed-by-human.
    await eventually(async () => (await b.rt.metrics.firstResponse.get()).values.some((v) => v.metricName === 'kefu_first_response_seconds_count' && v.value === 1), 3000, 'first response observed');
    assert.ok((await a.rt.metrics.conversationsClosed.get()).values.some((v) => v.labels.handled_by === 'human' && v.value === 1));
    const first = await api(b, await buyerToken('bf1'), 'POST', `/conversations/${ack.conversationId}/rating`, { score: 5, comment: '很快' });
    assert.equal(first.status, 201);
    assert.equal((await api(a, await buyerToken('bf1'), 'POST', `/conversations/${ack.conversationId}/rating`, { score: 1 })).status, 409);
    await Promise.all([phone.close(), pc.close(), console_.close()]);
  });

  // Extension (thirty-seventh session): every outside tester who answered as an agent from their own tools wrote a WebSocket client.
  test('an agent replies over REST: stored once per clientMsgId, reaches the buyer; only the holder may, and never a buyer', async () => {
    const shop = 'shop_rest_reply';
    const phone = await connect(a.url, await buyerToken('brr'), 'app');
    const ack = await phone.sendText({ shopId: shop }, '转人工');
    const console_ = await connect(b.url, await agentToken('ag_rr', shop), 'pc');
    const assigned = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned');
    assert.equal((await api(b, await agentToken('ag_rr', shop), 'PUT', '/agents/me/status', { status: 'online', capacity: 2 })).status, 200);
    await assigned;
    const heard = phone.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'agent');
    const body = { clientMsgId: 'rest-1', content: { kind: 'text', text: '您好，我是客服，马上帮您查' } };
    const first = await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, body);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(((await heard).content as { text: string }).text, '您好，我是客服，马上帮您查');
    const again = await api(b, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, body);
    assert.equal(again.status, 200, 'a retry stores nothing twice');
    assert.equal((again.body.message as { seq: number }).seq, (first.body.message as { seq: number }).seq);
    assert.equal((await api(a, await agentToken('ag_other', shop), 'POST', `/conversations/${ack.conversationId}/messages`, { ...body, clientMsgId: 'rest-2' })).status, 403, 'not the holder');
    assert.equal((await api(a, await agentToken('ag_rr', 'shop_elsewhere'), 'POST', `/conversations/${ack.conversationId}/messages`, { ...body, clientMsgId: 'rest-3' })).status, 404, "another shop's");
    assert.equal((await api(a, await buyerToken('brr'), 'POST', `/conversations/${ack.conversationId}/messages`, body)).status, 403, 'buyers send over the socket');
    assert.equal((await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, { clientMsgId: 'rest-4', content: { kind: 'text', text: '   ' } })).status, 400);
    // A link to a host of KEFU_ALLOWED_LINK_HOSTS (or its subdomain) goes; any other is refused (a
    // Taipei tester's agent could not link the shop's own site).
    const link = (id: string, url: string) => ({ clientMsgId: id, content: { kind: 'text', text: `這本書在這裡：${url} 有現貨` } });
    assert.equal((await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, link('rest-5', 'https://www.mybookshop.tw/books/9789573317241'))).status, 201);
    const refused = await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, link('rest-6', 'https://mybookshop.tw.evil.example/books'));
    assert.deepEqual([refused.status, (refused.body.error as { code: string }).code], [422, 'CONTENT_REFUSED']);
    // The buyer's own e-mail said back is no way off the platform; another one still is (a Nanjing tester's invoice e-mail).
    await phone.sendText({ conversationId: ack.conversationId }, '发票发到 finance@hengyuan-tech.cn 谢谢');
    const echo = (id: string, mail: string) => ({ clientMsgId: id, content: { kind: 'text', text: `收到，专票3个工作日内开好发到${mail}` } });
    assert.equal((await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, echo('rest-7', 'finance@hengyuan-tech.cn'))).status, 201);
    assert.equal((await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, echo('rest-8', 'sales@elsewhere.cn'))).status, 422);
    // The shop's own line in KEFU_ALLOWED_PHONES goes, with or without its country code; another number is refused (a
    // Singapore tester's agent could not give the shop's WhatsApp line).
    const line = (id: string, number: string) => ({ clientMsgId: id, content: { kind: 'text', text: `or WhatsApp our service line ${number} anytime` } });
    assert.equal((await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, line('rest-9', '+65 6123 4567'))).status, 201);
    assert.equal((await api(a, await agentToken('ag_rr', shop), 'POST', `/conversations/${ack.conversationId}/messages`, line('rest-10', '+65 9123 4567'))).status, 422);
    // An agent's image is a way off the platform too (a QR code): only at a host the operator or the shop allows (forty-second
    // session: images passed from any host). The buyer's own images are not checked.
    const image = (id: string, url: string) => ({ clientMsgId: id, content: { kind: 'image', url } });
    const post = (node: Node, id: string, url: string) => api(node, agentTokenNow, 'POST', `/conversations/${ack.conversationId}/messages`, image(id, url));
    const agentTokenNow = await agentToken('ag_rr', shop);
    const qr = await post(a, 'img-1', 'https://img.alicdn.com/imgextra/qr.png');
    assert.deepEqual([qr.status, (qr.body.error as { code: string }).code], [422, 'CONTENT_REFUSED']);
    assert.match((qr.body.error as { message: string }).message, /settings\/contacts/);
    assert.equal((await post(a, 'img-2', 'https://img.mybookshop.tw/cover.jpg')).status, 201, 'a link host serves for images');
    await phone.send({ conversationId: ack.conversationId, content: { kind: 'image', url: 'https://img.alicdn.com/buyer-photo.jpg' } });
    // The shop's own setting, saved on one node, holds on the other within its check.
    const admin = await issuer.token({ sub: 'adm_rr', scope: 'cs:admin', shop_id: shop });
    const saved = await api(b, admin, 'PUT', `/shops/${shop}/settings/contacts`, { imageHosts: ['img.alicdn.com'], linkHosts: ['rr-books.example'], phones: ['+65 8123 0000'] });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal((await api(a, agentTokenNow, 'GET', `/shops/${shop}/settings/contacts`)).body.phones?.toString(), '+65 8123 0000');
    assert.equal((await api(a, agentTokenNow, 'PUT', `/shops/${shop}/settings/contacts`, { imageHosts: [] })).status, 403, 'agents read it, admins set it');
    await eventually(async () => (await post(a, `img-3-${Date.now()}`, 'https://img.alicdn.com/imgextra/cover.png')).status === 201, 8000, "the shop's image host");
    assert.equal((await api(a, agentTokenNow, 'POST', `/conversations/${ack.conversationId}/messages`, link('rest-11', 'https://rr-books.example/b/1'))).status, 201);
    assert.equal((await api(a, agentTokenNow, 'POST', `/conversations/${ack.conversationId}/messages`, line('rest-12', '+65 8123 0000'))).status, 201);
    assert.equal((await api(a, agentTokenNow, 'POST', `/conversations/${ack.conversationId}/messages`, line('rest-13', '+65 8123 0001'))).status, 422);
    const other = await api(a, await agentToken('ag_x', 'shop_other_rr'), 'GET', `/shops/${shop}/settings/contacts`);
    assert.equal(other.status, 403, "another shop's agent");
    const texts = (await phone.syncAll(ack.conversationId, 0)).filter((m) => m.sender.role === 'agent');
    assert.equal(texts.length, 8);
    await Promise.all([phone.close(), console_.close()]);
  });

  // Found from outside (thirty-ninth session, three shops): agents working over REST never counted as online, so queued
  // buyers were told nobody was there while they were being answered.
  test('an agent acting over REST (not reading) is seen at work; setting online again is a sign of presence too', async () => {
    const shop = 'shop_rest_seen';
    const token = await agentToken('ag_rs', shop);
    const seenAt = async () => (await a.rt.storage.sql.db.selectFrom('agents').select('last_seen_at').where('shop_id', '=', shop).where('agent_id', '=', 'ag_rs').executeTakeFirstOrThrow()).last_seen_at;
    const makeOld = () => a.rt.storage.sql.db.updateTable('agents').set({ last_seen_at: new Date('2000-01-01T00:00:00Z') }).where('shop_id', '=', shop).where('agent_id', '=', 'ag_rs').execute();
    const fresh = async () => Date.now() - ((await seenAt())?.getTime() ?? 0) < 60_000;
    // Written directly: a REST call would note the agent on that node, and the steps below count those notes.
    await a.rt.storage.sql.db.insertInto('agents').values({ shop_id: shop, agent_id: 'ag_rs', name: null, status: 'away', last_seen_at: new Date('2000-01-01T00:00:00Z') }).execute();
    // Reading is no sign of work: the admin page polls the queue.
    assert.equal((await api(b, token, 'GET', '/conversations?state=queued')).status, 200);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await fresh(), false, 'a read leaves it');
    const sent = await a.rt.conversations.send(buyerP('b_rs'), { id: 'q-b_rs', shopId: shop, clientMsgId: 'q-b_rs', content: { kind: 'text', text: '转人工' } });
    const id = sent.ack.conversationId;
    await a.rt.conversations.setState(id, { state: 'queued' }, { from: ['bot'] });
    assert.equal((await api(b, token, 'POST', `/conversations/${id}/accept`)).status, 200);
    await eventually(fresh, 5000, 'an accept over REST is work');
    // Within WORK_SEEN_EVERY_MS a node writes it once: a burst of replies is one write.
    await makeOld();
    assert.equal((await api(b, token, 'POST', `/conversations/${id}/messages`, { clientMsgId: 'rs-1', content: { kind: 'text', text: '您好' } })).status, 201);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await fresh(), false, 'noted once per interval per node');
    assert.equal((await api(a, token, 'POST', `/conversations/${id}/messages`, { clientMsgId: 'rs-2', content: { kind: 'text', text: '马上帮您查' } })).status, 201);
    await eventually(fresh, 5000, 'a reply over REST on another node is work');
    await makeOld();
    assert.equal((await api(a, token, 'PUT', '/agents/me/status', { status: 'online', capacity: 3 })).status, 200);
    assert.equal(await fresh(), true, 'setting online again is a sign of presence');
  });

  test('30 hand-overs at once over two nodes to 3 agents of capacity 5: 15 assigned, 15 queued in order, drained in order (20 times)', async () => {
    for (let round = 0; round < 20; round++) {
      const shop = `shop_burst_${round}`;
      const agents = ['x1', 'x2', 'x3'];
      const consoles = await Promise.all(agents.map(async (id, i) => connect((i % 2 ? b : a).url, await agentToken(id, shop), 'pc')));
      for (const [i, id] of agents.entries()) assert.equal((await api(i % 2 ? a : b, await agentToken(id, shop), 'PUT', '/agents/me/status', { status: 'online', capacity: 5 })).status, 200);
      // Hand-overs straight into the conversation module of either node, as the robot's would.
      const convs = await Promise.all(
        Array.from({ length: 30 }, async (_, k) => {
          const node = k % 2 ? b : a;
          const r = await node.rt.conversations.send(buyerP(`bb${round}_${k}`), { id: `f${k}`, shopId: shop, clientMsgId: `m${k}`, content: { kind: 'text', text: '转人工' } });
          await node.rt.conversations.setState(r.ack.conversationId, { state: 'queued' }, { from: ['bot'] });
          return r.ack.conversationId;
        }),
      );
      await idle();
      const rows = async () => (await a.rt.storage.sql.db.selectFrom('conversations').select(['id', 'state', 'agent_id', 'queued_at']).where('shop_id', '=', shop).orderBy('queued_at').orderBy('id').execute());
      const now = (await eventually(async () => {
        const r = await rows();
        return r.filter((x) => x.state === 'assigned').length === 15 ? r : undefined;
      }, 5000, `round ${round}: 15 assigned`))!;
      assert.equal(now.length, 30);
      const perAgent = new Map<string, number>();
      for (const x of now) if (x.state === 'assigned') perAgent.set(x.agent_id!, (perAgent.get(x.agent_id!) ?? 0) + 1);
      assert.deepEqual([...perAgent.values()].sort(), [5, 5, 5], `round ${round}: nobody over capacity`);
      assert.deepEqual(now.map((x) => x.state), [...Array(15).fill('assigned'), ...Array(15).fill('queued')], `round ${round}: the first 15 in queue order were served`);
      assert.equal(new Set(convs).size, 30);
      // Closing drains the queue in order: each close gives the head of the queue a seat.
      const queue = now.filter((x) => x.state === 'queued').map((x) => x.id);
      const held = now.filter((x) => x.state === 'assigned');
      for (let i = 0; i < 3; i++) {
        const h = held[i]!;
        assert.equal((await api(i % 2 ? a : b, await agentToken(h.agent_id!, shop), 'POST', `/conversations/${h.id}/close`)).status, 200);
        await eventually(async () => (await rows()).find((x) => x.id === queue[i])?.state === 'assigned', 5000, `round ${round}: queue head ${i} assigned`);
        const r = await rows();
        assert.ok(queue.slice(i + 1).every((id) => r.find((x) => x.id === id)?.state === 'queued'), `round ${round}: only the head moved`);
      }
      await Promise.all(consoles.map((c) => c.close()));
      for (const [i, id] of agents.entries()) await api(i % 2 ? a : b, await agentToken(id, shop), 'PUT', '/agents/me/status', { status: 'away' });
    }
  });

  test("an agent's consoles gone past the grace period: offline, and their conversations go back to the head of the queue in their old order", async () => {
    const shop = 'shop_grace';
    const t = await agentToken('ag_g', shop);
    const console_ = await connect(a.url, t, 'pc');
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 2 })).status, 200);
    const ids: string[] = [];
    for (const k of [1, 2, 3]) {
      const r = await a.rt.conversations.send(buyerP(`bg${k}`), { id: `g${k}`, shopId: shop, clientMsgId: `g${k}`, content: { kind: 'text', text: '转人工' } });
      await a.rt.conversations.setState(r.ack.conversationId, { state: 'queued' }, { from: ['bot'] });
      ids.push(r.ack.conversationId);
      await idle();
    }
    const state = async () => Object.fromEntries((await a.rt.storage.sql.db.selectFrom('conversations').select(['id', 'state']).where('shop_id', '=', shop).execute()).map((r) => [r.id, r.state]));
    assert.deepEqual(await state(), { [ids[0]!]: 'assigned', [ids[1]!]: 'assigned', [ids[2]!]: 'queued' });
    await console_.close();
    await eventually(async () => (await a.rt.routing.agent(shop, 'ag_g')).status === 'offline', 8000, 'the agent to go offline');
    await eventually(async () => Object.values(await state()).every((s) => s === 'queued'), 5000, 'conversations returned');
    const order = await a.rt.storage.sql.db.selectFrom('conversations').select('id').where('shop_id', '=', shop).where('state', '=', 'queued').orderBy('priority', 'desc').orderBy('queued_at').orderBy('id').execute();
    assert.deepEqual(order.map((r) => r.id), ids, 'returned ones first, in their old order, then the one that was waiting');
  });
});

describe('queue positions (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let a: Node;
  before(async () => {
    issuer = await startIssuer();
    a = await startNode({ ...realEnv(issuer, newIsolation()) });
  });
  after(async () => {
    await a?.close();
    await issuer?.close();
  });
  const handOver = async (shop: string, buyer: string) => {
    const r = await a.rt.conversations.send(buyerP(buyer), { id: `q-${buyer}`, shopId: shop, clientMsgId: `q-${buyer}`, content: { kind: 'text', text: '转人工' } });
    await a.rt.conversations.setState(r.ack.conversationId, { state: 'queued' }, { from: ['bot'] });
    await a.rt.routing.idle();
    return r.ack.conversationId;
  };
  const systemTexts = async (id: string) =>
    (await a.rt.storage.sql.db.selectFrom('messages').select('content').where('conversation_id', '=', id).where('sender_role', '=', 'system').orderBy('seq').execute()).map((m) => (m.content as { text: string }).text);
  const positionFrame = (id: string, position: number) => (f: { type: string }): f is ConversationFrame => f.type === 'conversation' && (f as ConversationFrame).conversationId === id && (f as ConversationFrame).state === 'queued' && (f as ConversationFrame).queuePosition === position;

  // Found from outside: a conversation whose hand-over could not be stored stayed with the robot,
  // and no agent could accept it (only queued ones could be). A person may take one over.
  test('an agent takes a conversation over from the robot; the robot is quiet after', async () => {
    const shop = 'shop_take_over';
    const r = await a.rt.conversations.send(buyerP('to1'), { id: 'to-1', shopId: shop, clientMsgId: 'to-1', content: { kind: 'text', text: '我的快递到哪了' } });
    await a.rt.bot.idle();
    const t = await issuer.token({ sub: 'ag_to', scope: 'cs:agent', shop_id: shop });
    const took = await api(a, t, 'POST', `/conversations/${r.ack.conversationId}/accept`);
    assert.equal(took.status, 200, JSON.stringify(took.body));
    assert.deepEqual({ state: took.body.state, agentId: took.body.agentId }, { state: 'assigned', agentId: 'ag_to' });
    await a.rt.conversations.send(buyerP('to1'), { id: 'to-2', shopId: shop, clientMsgId: 'to-2', content: { kind: 'text', text: '还在吗' } });
    await a.rt.bot.idle();
    const roles = (await a.rt.storage.sql.db.selectFrom('messages').select('sender_role').where('conversation_id', '=', r.ack.conversationId).orderBy('seq').execute()).map((m) => m.sender_role);
    assert.deepEqual(roles.slice(-1), ['customer'], 'no robot reply after the take-over');
    assert.equal((await api(a, t, 'POST', `/conversations/${r.ack.conversationId}/accept`)).status, 409, 'held already');
    const row = await a.rt.storage.sql.db.selectFrom('conversations').select(['handed_over_at', 'assigned_at']).where('id', '=', r.ack.conversationId).executeTakeFirstOrThrow();
    assert.ok(row.handed_over_at && row.assigned_at, "a take-over counts as a hand-over in the shop's figures");
  });

  // Found from outside: back at the head of the queue, at the position it had before it was
  // assigned, the buyer heard only `queued` and no position.
  test('a conversation back in the queue hears its position again, the same one as before', async () => {
    const shop = 'shop_pos_back';
    const phone = await connect(a.url, await issuer.token({ sub: 'pb1', scope: 'cs:customer' }), 'app');
    const first = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'queued' && f.queuePosition === 1);
    const id = await handOver(shop, 'pb1');
    const told = await first;
    assert.equal(told.conversationId, id);
    // Found from outside: with nobody online the buyer was promised a wait "as if one agent were".
    assert.deepEqual([told.agentsOnline, told.estimatedWaitSeconds], [0, undefined], 'nobody online: no wait is promised');
    // Found: handed over at night, the buyer's last word was the robot's "connecting you".
    await eventually(async () => (await systemTexts(id)).includes(NOBODY_ONLINE_NOTICE.zh), 3000, 'told that nobody is online');
    const t = await issuer.token({ sub: 'ag_pb', scope: 'cs:agent', shop_id: shop });
    const assigned = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned');
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 1 })).status, 200);
    await assigned;
    const again = phone.waitFor(positionFrame(id, 1), 5000);
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'offline' })).status, 200);
    assert.equal((await again).agentsOnline, 0, 'back in the queue, with its agent gone offline');
    // Someone online again: the buyer is assigned, or told a wait.
    const other = await issuer.token({ sub: 'ag_pb2', scope: 'cs:agent', shop_id: shop });
    const estimated = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.conversationId === id && (f.estimatedWaitSeconds !== undefined || f.state === 'assigned'), 5000);
    assert.equal((await api(a, other, 'PUT', '/agents/me/status', { status: 'online', capacity: 1 })).status, 200);
    const next = await estimated;
    assert.ok(next.state === 'assigned' || (next.agentsOnline! > 0 && next.estimatedWaitSeconds! > 0), JSON.stringify(next));
    await phone.close();
  });

  // Found from outside (twenty-fourth session, three shops): "no agent is online" never said when one
  // would be, though each shop had an entry on its hours; "喂 有冇人呀" got nothing.
  test('with nobody online, the notice and the answer about the wait carry the shop\'s own entry on its hours', async () => {
    const shop = 'shop_hours_told';
    await a.rt.knowledge.createFaq(shop, { question: '客服几点上班？', answer: '人工客服每天 9:00-21:00 在线。', alternates: [] });
    a.rt.knowledgeChanged(shop);
    const id = await handOver(shop, 'ht1');
    await eventually(async () => (await systemTexts(id)).includes(`${NOBODY_ONLINE_NOTICE.zh}客服时间：人工客服每天 9:00-21:00 在线。`), 3000, 'the notice says when people are there');
    await a.rt.conversations.send(buyerP('ht1'), { id: 'ht1-2', shopId: shop, clientMsgId: 'ht1-2', content: { kind: 'text', text: '喂 有冇人呀' } });
    // Cantonese in simplified characters after "转人工": a Guangzhou buyer, answered in simplified ones (found from outside).
    await eventually(async () => (await systemTexts(id)).some((t) => t.startsWith('您在排队第 1 位') && t.endsWith('客服时间：人工客服每天 9:00-21:00 在线。')), 3000, 'the Cantonese question about the wait is answered with the hours, in the buyer\'s script');
    // "？？" tells no language: the conversation's Chinese answers it (found from outside: the place told in English).
    const marks = await handOver(shop, 'ht3');
    await a.rt.conversations.send(buyerP('ht3'), { id: 'ht3-2', shopId: shop, clientMsgId: 'ht3-2', content: { kind: 'text', text: '？？' } });
    await eventually(async () => (await systemTexts(marks)).some((t) => t.startsWith('您在排队第')), 3000, 'the place told in Chinese');
    // A shop with no such entry: the notice alone.
    const bare = await handOver('shop_hours_none', 'ht2');
    await eventually(async () => (await systemTexts(bare)).includes(NOBODY_ONLINE_NOTICE.zh), 3000, 'the notice alone');
  });

  // Found from outside (thirty-second session): a Taiwanese shop's robot speaks Taiwan's words, its queue did not ("您的消息都已留下").
  test("a shop in Taiwan's time zone: the queue's notices to a buyer writing traditional characters are in Taiwan's words", async () => {
    const shop = 'shop_tw_queue';
    await a.rt.knowledge.setTimeZone(shop, { timeZone: 'Asia/Taipei' }, 'admin');
    a.rt.knowledgeChanged(shop);
    await a.rt.faq.timeZone(shop);
    const r = await a.rt.conversations.send(buyerP('tw1'), { id: 'tw1-1', shopId: shop, clientMsgId: 'tw1-1', content: { kind: 'text', text: '請問耳機寄出了嗎' } });
    await a.rt.bot.idle();
    await a.rt.conversations.setState(r.ack.conversationId, { state: 'queued' }, { from: ['bot'] });
    await a.rt.routing.idle();
    const id = r.ack.conversationId;
    await eventually(async () => (await systemTexts(id)).includes('現在沒有客服在線。您的訊息都已留下，客服上線後會按排隊順序回覆您。'), 3000, 'the notice in Taiwan\'s words');
    await a.rt.conversations.send(buyerP('tw1'), { id: 'tw1-2', shopId: shop, clientMsgId: 'tw1-2', content: { kind: 'text', text: '還要等多久' } });
    await eventually(async () => (await systemTexts(id)).some((t) => t.startsWith('您在排隊第 1 位') && t.includes('您的訊息都已留下')), 3000, 'the answer about the wait too');
  });

  // Found from outside: with nobody online, questions the shop's FAQ answers waited for no one.
  test('the robot may answer a queued buyer only while none of the shop\'s agents can serve, and never a question about the wait', async () => {
    const shop = 'shop_may_answer';
    assert.equal(await a.rt.routing.robotMayAnswerQueued(shop, '包安装吗'), 'nobody', 'nobody online');
    assert.equal(await a.rt.routing.robotMayAnswerQueued(shop, '还要等多久'), false, 'routing answers the wait itself');
    const t = await issuer.token({ sub: 'ag_may', scope: 'cs:agent', shop_id: shop });
    const console_ = await connect(a.url, t, 'pc');
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 1 })).status, 200);
    assert.equal(await a.rt.routing.robotMayAnswerQueued(shop, '包安装吗'), false, 'someone can serve');
    assert.equal(await a.rt.routing.robotMayAnswerQueued('shop_other_empty', '包安装吗'), 'nobody', "another shop's agent serves nobody here");
    // Found from outside (forty-second session): behind the one agent, full, a Chengdu buyer's FAQ question heard nothing.
    const held = await handOver(shop, 'may_b1');
    await eventually(async () => (await a.rt.storage.sql.db.selectFrom('conversations').select('state').where('id', '=', held).executeTakeFirstOrThrow()).state === 'assigned', 5000, 'the seat taken');
    assert.equal(await a.rt.routing.robotMayAnswerQueued(shop, '包安装吗'), 'busy', 'every agent online is full');
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'away' })).status, 200);
    assert.equal(await a.rt.routing.robotMayAnswerQueued(shop, '包安装吗'), 'nobody', 'away serves no one');
    await console_.close();
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'offline' })).status, 200);
  });

  test('with an agent online but busy, a queued buyer is told how many are online and a wait', async () => {
    const shop = 'shop_pos_busy';
    const t = await issuer.token({ sub: 'ag_busy', scope: 'cs:agent', shop_id: shop });
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 1 })).status, 200);
    await handOver(shop, 'busy1');
    const phone = await connect(a.url, await issuer.token({ sub: 'busy2', scope: 'cs:customer' }), 'app');
    const told = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'queued' && f.queuePosition === 1, 5000);
    await handOver(shop, 'busy2');
    const q = await told;
    assert.equal(q.agentsOnline, 1);
    assert.ok(typeof q.estimatedWaitSeconds === 'number' && q.estimatedWaitSeconds > 0, JSON.stringify(q));
    await a.rt.routing.idle();
    assert.deepEqual(await systemTexts(q.conversationId), [], 'someone online: no "nobody online" notice');
    await phone.close();
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'offline' })).status, 200);
  });

  // Found from outside: routing's notices were one Chinese and one English sentence, to every buyer.
  test("routing's notices are in the language the buyer writes in", async () => {
    const shop = 'shop_notice_en';
    const r = await a.rt.conversations.send(buyerP('en1'), { id: 'en-1', shopId: shop, clientMsgId: 'en-1', content: { kind: 'text', text: 'can I talk to a real person please' } });
    const id = r.ack.conversationId;
    await a.rt.conversations.setState(id, { state: 'queued' }, { from: ['bot'] });
    await a.rt.routing.idle();
    await eventually(async () => (await systemTexts(id)).includes(NOBODY_ONLINE_NOTICE.en), 3000, 'told in English that nobody is online');
    const t = await issuer.token({ sub: 'ag_en', scope: 'cs:agent', shop_id: shop });
    assert.equal((await api(a, t, 'POST', `/conversations/${id}/accept`)).status, 200);
    assert.equal((await api(a, t, 'POST', `/conversations/${id}/messages`, { clientMsgId: 'en-reply', content: { kind: 'text', text: 'Hi, how can I help?' } })).status, 201);
    assert.equal((await api(a, t, 'POST', `/conversations/${id}/close`)).status, 200);
    assert.deepEqual(await systemTexts(id), [NOBODY_ONLINE_NOTICE.en, RATING_PROMPT.en]);
  });

  // Found from outside: an agent online with capacity 0 was counted, and a wait promised on them.
  test('an agent online with no capacity is not counted as online, and no wait is promised on them', async () => {
    const shop = 'shop_cap0';
    const t = await issuer.token({ sub: 'ag_cap0', scope: 'cs:agent', shop_id: shop });
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 0 })).status, 200);
    const id = await handOver(shop, 'cap0');
    const q = await api(a, await issuer.token({ sub: 'cap0', scope: 'cs:customer' }), 'GET', `/conversations/${id}/queue`);
    assert.deepEqual([q.body.queuePosition, q.body.agentsOnline, q.body.estimatedWaitSeconds], [1, 0, undefined]);
    await eventually(async () => (await systemTexts(id)).includes(NOBODY_ONLINE_NOTICE.zh), 3000, 'told that nobody can answer');
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'offline' })).status, 200);
  });

  // Found from outside: a queued buyer's "还要等多久" got no reply, and a device opened after the
  // hand-over never learnt the position (frames only follow changes).
  test('a queued buyer asking about the wait is answered with the position, the same answer not twice in a row; a late device reads it over REST', async () => {
    const shop = 'shop_pos_ask';
    const t = await issuer.token({ sub: 'ag_ask', scope: 'cs:agent', shop_id: shop });
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 1 })).status, 200);
    await handOver(shop, 'ask0');
    const id = await handOver(shop, 'ask1');
    const buyerT = await issuer.token({ sub: 'ask1', scope: 'cs:customer' });
    const late = await api(a, buyerT, 'GET', `/conversations/${id}/queue`);
    assert.equal(late.status, 200);
    assert.equal(late.body.queuePosition, 1);
    assert.equal(late.body.agentsOnline, 1);
    assert.ok((late.body.estimatedWaitSeconds as number) > 0, JSON.stringify(late.body));
    // Another buyer may not read it; the agent of the shop may.
    assert.equal((await api(a, await issuer.token({ sub: 'ask_other', scope: 'cs:customer' }), 'GET', `/conversations/${id}/queue`)).status, 404);
    assert.equal((await api(a, t, 'GET', `/conversations/${id}/queue`)).body.queuePosition, 1);
    const phone = await connect(a.url, buyerT, 'app');
    const retold = phone.waitFor(positionFrame(id, 1), 5000);
    const say = (k: string, text: string) => a.rt.conversations.send(buyerP('ask1'), { id: `ask-${k}`, conversationId: id, clientMsgId: `ask-${k}`, content: { kind: 'text', text } });
    await say('1', '你好，还要等多久啊');
    await retold;
    await a.rt.routing.idle();
    await say('2', '有人吗');
    await say('3', '在吗');
    await a.rt.routing.idle();
    // Asked again within the burst, or after it with nothing changed: the place in short, once (found from outside,
    // twice: silence, the second time two seconds after the first answer), then nothing.
    const texts = await systemTexts(id);
    assert.equal(texts.length, 2, JSON.stringify(texts));
    assert.match(texts[0]!, /^下一位就是您，预计约 \d+ 分钟/);
    assert.equal(texts[1], '您仍在排队第 1 位，客服接入后会马上回复您。');
    await new Promise((r) => setTimeout(r, 3100));
    await say('4', '还要等多久');
    await a.rt.routing.idle();
    await say('5', '人呢');
    await a.rt.routing.idle();
    assert.equal((await systemTexts(id)).length, 2, 'nothing more within 15 s');
    // In English for an English question; a conversation not queued has no position.
    const en = await handOver(shop, 'ask2');
    await a.rt.conversations.send(buyerP('ask2'), { id: 'ask-en', conversationId: en, clientMsgId: 'ask-en', content: { kind: 'text', text: 'how long do I have to wait?' } });
    await a.rt.routing.idle();
    assert.match((await systemTexts(en))[0] ?? '', /^There is 1 person ahead of you\. The wait is about \d+ min\./);
    const taken = await api(a, t, 'POST', '/conversations/' + id + '/accept');
    assert.equal(taken.status, 409, 'at capacity');
    assert.deepEqual((await api(a, await issuer.token({ sub: 'ask0', scope: 'cs:customer' }), 'GET', `/conversations/${(await a.rt.storage.sql.db.selectFrom('conversations').select('id').where('buyer_id', '=', 'ask0').executeTakeFirstOrThrow()).id}/queue`)).body.state, 'assigned');
    await phone.close();
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'offline' })).status, 200);
  });

  // Found from outside: the buyers behind a queued conversation that an admin closed kept their
  // old positions until some later routing event.
  test('closing a queued conversation moves the buyers behind it up at once', async () => {
    const shop = 'shop_pos_close';
    const ids: string[] = [];
    const devices = [];
    for (const k of [1, 2, 3]) {
      devices.push(await connect(a.url, await issuer.token({ sub: `pc${k}`, scope: 'cs:customer' }), 'app'));
      ids.push(await handOver(shop, `pc${k}`));
    }
    const moved = [devices[1]!.waitFor(positionFrame(ids[1]!, 1), 5000), devices[2]!.waitFor(positionFrame(ids[2]!, 2), 5000)];
    const admin = await issuer.token({ sub: 'ad_pc', scope: 'cs:admin', shop_id: shop });
    assert.equal((await api(a, admin, 'POST', `/conversations/${ids[0]}/close`)).status, 200);
    await Promise.all(moved);
    // No person served it: nothing to rate, so no rating request; but the buyer is told it ended
    // (a queued buyer closed without a word kept waiting: a Taipei tester).
    assert.deepEqual(await systemTexts(ids[0]!), [NOBODY_ONLINE_NOTICE.zh, CLOSED_UNSERVED_NOTICE.zh], 'the notice that nobody is online, then that the shop closed it');
    assert.equal((await api(a, await issuer.token({ sub: 'pc1', scope: 'cs:customer' }), 'GET', `/conversations/${ids[0]}/rating`)).body.ratable, false);
    for (const d of devices) await d.close();
  });

  // Found from outside (thirty-eighth session, two shops): the queued list was by last change and said nothing of why one was ahead.
  test('the queued list for staff is in the order routing serves it, each with its priority and time in the queue', async () => {
    const shop = 'shop_q_list';
    const plain = [await handOver(shop, 'ql1'), await handOver(shop, 'ql2')];
    const urgent = await handOver(shop, 'ql3');
    assert.ok(await a.rt.conversations.raiseQueuePriority(urgent, QUEUE_PRIORITY.complaint));
    const admin = await issuer.token({ sub: 'ad_ql', scope: 'cs:admin', shop_id: shop });
    const r = await api(a, admin, 'GET', '/conversations?state=queued');
    const listed = r.body.conversations as { conversationId: string; queue?: { priority: string; since?: string } }[];
    assert.deepEqual(listed.map((c) => [c.conversationId, c.queue?.priority]), [[urgent, 'complaint'], [plain[0], 'normal'], [plain[1], 'normal']]);
    assert.ok(listed.every((c) => typeof c.queue?.since === 'string'));
    // The buyer's own list says nothing of the queue's order.
    const own = await api(a, await issuer.token({ sub: 'ql1', scope: 'cs:customer' }), 'GET', '/conversations');
    assert.equal((own.body.conversations as { queue?: unknown }[])[0]?.queue, undefined);
  });

  // Found in review: the close read "never held by a person" before closing; a conversation
  // assigned and returned to the queue in between closed with no rating request. Since the forty-third session a person
  // served it when they wrote in it: one held and answered in between is asked.
  test('a queued conversation a person answered meanwhile is still asked for a rating when closed', async () => {
    const shop = 'shop_close_race';
    const id = await handOver(shop, 'cr1');
    const closeWithNotice = a.rt.conversations.closeWithNotice.bind(a.rt.conversations);
    a.rt.conversations.closeWithNotice = (async (...args: Parameters<typeof closeWithNotice>) => {
      if (args[3]?.unserved) {
        // Between the close's read and its move: an agent takes it, answers and gives it back.
        assert.ok(await moveState(a.rt.storage.sql.db, id, { state: 'assigned', agentId: 'ag_cr' }, { from: ['queued'] }));
        assert.ok(await a.rt.conversations.postAs(id, { role: 'agent', id: 'ag_cr' }, { kind: 'text', text: '您好，马上帮您看' }));
        assert.ok(await moveState(a.rt.storage.sql.db, id, { state: 'queued', returned: {} }, { from: ['assigned'] }));
      }
      return closeWithNotice(...args);
    }) as typeof closeWithNotice;
    try {
      const admin = await issuer.token({ sub: 'ad_cr', scope: 'cs:admin', shop_id: shop });
      assert.equal((await api(a, admin, 'POST', `/conversations/${id}/close`)).status, 200);
    } finally {
      a.rt.conversations.closeWithNotice = closeWithNotice;
    }
    await a.rt.routing.idle();
    // The unserved close's notice rolled back with its refused move: only the rating request.
    assert.deepEqual((await systemTexts(id)).filter((t) => t !== NOBODY_ONLINE_NOTICE.zh && t !== RETURNED_NOTICE.zh), [RATING_PROMPT.zh]);
    assert.equal((await api(a, await issuer.token({ sub: 'cr1', scope: 'cs:customer' }), 'GET', `/conversations/${id}/rating`)).body.ratable, true);
  });

  // Found from outside (forty-third session, a Shanghai shop): routing gave a queued buyer a seat for a moment, an admin closed
  // it, and the buyer, whom nobody had answered, was asked to rate the service ("1分 根本没人理我").
  test('a conversation held but never answered closes with the unserved notice and is not ratable', async () => {
    const shop = 'shop_close_held';
    const id = await handOver(shop, 'ch1');
    assert.ok(await moveState(a.rt.storage.sql.db, id, { state: 'assigned', agentId: 'ag_ch' }, { from: ['queued'] }));
    const admin = await issuer.token({ sub: 'ad_ch', scope: 'cs:admin', shop_id: shop });
    assert.equal((await api(a, admin, 'POST', `/conversations/${id}/close`)).status, 200);
    const said = (await systemTexts(id)).filter((t) => t !== NOBODY_ONLINE_NOTICE.zh);
    assert.deepEqual(said, [CLOSED_UNSERVED_NOTICE.zh]);
    const buyer = await issuer.token({ sub: 'ch1', scope: 'cs:customer' });
    assert.equal((await api(a, buyer, 'GET', `/conversations/${id}/rating`)).body.ratable, false);
    assert.equal((await api(a, buyer, 'POST', `/conversations/${id}/rating`, { score: 1 })).status, 409);
  });
});

describe('reply timer and typing (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let a: Node;
  let b: Node;
  before(async () => {
    issuer = await startIssuer();
    const env = { ...realEnv(issuer, newIsolation()), KEFU_AGENT_OFFLINE_GRACE_S: '2', KEFU_AGENT_REPLY_TIMEOUT_S: '1' };
    [a, b] = await Promise.all([startNode(env), startNode(env)]);
  });
  after(async () => {
    await Promise.allSettled([a?.close(), b?.close()]);
    await issuer?.close();
  });
  const agentToken = (id: string, shop: string) => issuer.token({ sub: id, scope: 'cs:agent', shop_id: shop });
  const handOver = async (node: Node, shop: string, buyer: string, text = '转人工') => {
    const r = await node.rt.conversations.send(buyerP(buyer), { id: `h-${buyer}`, shopId: shop, clientMsgId: `h-${buyer}`, content: { kind: 'text', text } });
    await node.rt.conversations.setState(r.ack.conversationId, { state: 'queued' }, { from: ['bot'] });
    return r.ack.conversationId;
  };
  const holder = async (id: string) => (await a.rt.storage.sql.db.selectFrom('conversations').select(['state', 'agent_id']).where('id', '=', id).executeTakeFirstOrThrow());

  test('an unanswered conversation goes to another agent; one who answers keeps it', async () => {
    const shop = 'shop_timer';
    const consoles = await Promise.all(['t1', 't2'].map(async (id) => connect(a.url, await agentToken(id, shop), 'pc')));
    for (const id of ['t1', 't2']) assert.equal((await api(a, await agentToken(id, shop), 'PUT', '/agents/me/status', { status: 'online', capacity: 5 })).status, 200);
    const id = await handOver(a, shop, 'bt1');
    const first = (await eventually(async () => (await holder(id)).agent_id, 5000, 'assigned'))!;
    const other = first === 't1' ? 't2' : 't1';
    await eventually(async () => (await holder(id)).agent_id === other, 6000, 'the other agent to get it');
    // The new holder answers at once: the timer stops and they keep it.
    const ws = consoles[other === 't1' ? 0 : 1]!;
    await ws.sendText({ conversationId: id }, '您好');
    await new Promise((r) => setTimeout(r, 2500));
    assert.deepEqual(await holder(id), { state: 'assigned', agent_id: other });
    const row = await a.rt.storage.sql.db.selectFrom('conversations').select(['first_response_at', 'handed_over_at']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.first_response_at && row.handed_over_at && row.first_response_at >= row.handed_over_at);
    await Promise.all(consoles.map((c) => c.close()));
  });

  // In traditional characters too: compared only with the simplified text, it was said at every lapse (found in review).
  for (const [said, notice, n] of [['转人工', RETURNED_NOTICE.zh, ''], ['我要轉人工', toTraditional(RETURNED_NOTICE.zh), '_hant']] as const)
  test(`three misses in a row set the agent away; the conversation waits in the queue (buyer wrote "${said}")`, async () => {
    const shop = `shop_miss${n}`;
    const t = await agentToken(`m1${n}`, shop);
    const ws = await connect(b.url, t, 'pc');
    assert.equal((await api(b, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 })).status, 200);
    const id = await handOver(b, shop, `bm1${n}`, said);
    await eventually(async () => (await a.rt.routing.agent(shop, `m1${n}`)).status === 'away', 10_000, 'away after three misses');
    await eventually(async () => (await holder(id)).state === 'queued', 3000, 'back in the queue');
    // Found from outside: the buyer was sent back to the queue without a word.
    const noticesOf = () => a.rt.storage.sql.db.selectFrom('messages').select('content').where('conversation_id', '=', id).where('sender_role', '=', 'system').execute();
    // The notice is stored after the move back to the queue commits: waited for, not read at once (a run under load read none).
    await eventually(async () => (await noticesOf()).length > 0, 3000, 'the notice');
    await new Promise((r) => setTimeout(r, 500));
    // Other notices may follow (nobody is online once the agent is away): only this one's count is judged.
    const returned = (await noticesOf()).map((m) => (m.content as { text: string }).text).filter((x) => x === RETURNED_NOTICE.zh || x === toTraditional(RETURNED_NOTICE.zh) || x === RETURNED_NOTICE.en);
    // Told once, not at each lapse of the same agent (found in review: three notices).
    assert.equal(returned.length, 1, 'the buyer is told why they wait again, once');
    assert.equal(returned[0], notice, 'in the language and script the buyer wrote in');
    // Never "first in line": an agent going offline returns all its conversations at once (a Toronto shop, forty-fourth session).
    assert.doesNotMatch(returned[0]!, /最前面|first in line/);
    await ws.close();
  });

  // Found from outside (forty-third session, a Shenzhen and a Shanghai shop): an agent working over REST went offline after its
  // grace, and the buyer it had just answered was told "刚才的客服暂时无法回复" right under the answer.
  test('an answered conversation returned when its agent goes offline tells the buyer nothing; an unanswered one is told', async () => {
    const shop = 'shop_rest_gone';
    const t = await agentToken('rg1', shop);
    assert.equal((await api(b, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 })).status, 200);
    const answered = await handOver(b, shop, 'brg1');
    const waiting = await handOver(b, shop, 'brg2');
    await eventually(async () => (await holder(answered)).agent_id === 'rg1' && (await holder(waiting)).agent_id === 'rg1', 5000, 'both assigned');
    assert.equal((await api(b, t, 'POST', `/conversations/${answered}/messages`, { clientMsgId: 'rg-1', content: { kind: 'text', text: '已经帮您改好地址了' } })).status, 201);
    await eventually(async () => (await holder(answered)).state === 'queued' && (await holder(waiting)).state === 'queued', 15_000, 'both back in the queue after the grace');
    const told = async (id: string) =>
      (await a.rt.storage.sql.db.selectFrom('messages').select('content').where('conversation_id', '=', id).where('sender_role', '=', 'system').execute()).some((m) => (m.content as { text: string }).text === RETURNED_NOTICE.zh);
    await eventually(() => told(waiting), 3000, 'the one still waiting is told');
    assert.equal(await told(answered), false, 'the answered one is not told its agent could not answer');
  });

  test("typing reaches the other side's devices only, at most once per 2 s", async () => {
    const shop = 'shop_typing';
    const t = await agentToken('ty1', shop);
    const console_ = await connect(b.url, t, 'pc');
    const secondConsole = await connect(a.url, t, 'web');
    await api(b, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 });
    const buyerT = await issuer.token({ sub: 'bty', scope: 'cs:customer' });
    const phone = await connect(a.url, buyerT, 'app');
    const pc = await connect(b.url, buyerT, 'pc');
    const ack = await phone.sendText({ shopId: shop }, '转人工');
    await eventually(async () => (await holder(ack.conversationId)).agent_id === 'ty1', 8000, 'assigned');
    const seen = { console: 0, pcBuyer: 0, phone: 0, second: 0 };
    console_.on((f) => void (f.type === 'typing' && seen.console++));
    pc.on((f) => void (f.type === 'typing' && seen.pcBuyer++));
    phone.on((f) => void (f.type === 'typing' && seen.phone++));
    secondConsole.on((f) => void (f.type === 'typing' && seen.second++));
    phone.typing(ack.conversationId);
    phone.typing(ack.conversationId);
    await eventually(() => seen.console === 1 && seen.second === 1, 3000, 'the consoles to see the buyer typing');
    console_.typing(ack.conversationId);
    await eventually(() => seen.pcBuyer === 1 && seen.phone === 1, 3000, "the buyer's devices to see the agent typing");
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(seen, { console: 1, pcBuyer: 1, phone: 1, second: 1 }, 'one relay per 2 s; never echoed to the sender\'s side');
    await Promise.all([console_.close(), secondConsole.close(), phone.close(), pc.close()]);
  });

  // Found from outside (thirty-seventh session, two shops): while an agent held the conversation, "人呢？？" and
  // "hello?" got nothing, after the reply timer gave it back to the same agent and after their console closed.
  test('a buyer asking about the wait while an agent holds the conversation is told who has it, or that they stepped away', async () => {
    const shop = 'shop_held_wait';
    const t = await issuer.token({ sub: 'hw1', scope: 'cs:agent', shop_id: shop, name: '小周' });
    const console_ = await connect(a.url, t, 'pc');
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 })).status, 200);
    const phone = await connect(a.url, await issuer.token({ sub: 'bhw', scope: 'cs:customer' }), 'app');
    const ack = await phone.sendText({ shopId: shop }, '转人工');
    const id = ack.conversationId;
    await eventually(async () => (await holder(id)).agent_id === 'hw1', 8000, 'assigned');
    await console_.sendText({ conversationId: id }, '您好，我看一下');
    const said = async () => (await a.rt.storage.sql.db.selectFrom('messages').select('content').where('conversation_id', '=', id).where('sender_role', '=', 'system').orderBy('seq').execute()).map((m) => (m.content as { text: string }).text);
    const before = (await said()).length;
    await phone.sendText({ conversationId: id }, '人呢？？');
    const name = (await a.rt.storage.sql.db.selectFrom('conversations').select('agent_name').where('id', '=', id).executeTakeFirstOrThrow()).agent_name ?? undefined;
    const present = heldWaitAnswer('zh', { agentName: name, present: true, returns: false });
    await eventually(async () => (await said()).slice(before).includes(present), 3000, 'told who has it');
    // Away, with the console closed: the conversation stays theirs (they answered, so no reply timer runs).
    assert.equal((await api(a, t, 'PUT', '/agents/me/status', { status: 'away' })).status, 200);
    await console_.close();
    await new Promise((r) => setTimeout(r, 3100));
    await phone.sendText({ conversationId: id }, 'hello?? anyone there');
    const away = heldWaitAnswer('en', { agentName: name, present: false, returns: false });
    await eventually(async () => (await said()).includes(away), 3000, 'told they stepped away');
    assert.deepEqual(await holder(id), { state: 'assigned', agent_id: 'hw1' });
    await phone.close();
  });

  test('a transfer moves a held conversation to another agent: not to its holder (that would restart the reply timer), not a queued one (twenty-first session, found from outside)', async () => {
    const shop = 'shop_transfer_self';
    const t1 = await agentToken('ts1', shop);
    const t2 = await agentToken('ts2', shop);
    const c1 = await connect(b.url, t1, 'pc');
    await api(b, t1, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 });
    const buyerT = await issuer.token({ sub: 'bts', scope: 'cs:customer' });
    const phone = await connect(a.url, buyerT, 'app');
    const ack = await phone.sendText({ shopId: shop }, '转人工');
    await eventually(async () => (await holder(ack.conversationId)).agent_id === 'ts1', 8000, 'assigned');
    const self = await api(b, t1, 'POST', `/conversations/${ack.conversationId}/transfer`, { agentId: 'ts1' });
    assert.equal(self.status, 409);
    assert.match(JSON.stringify(self.body), /holds the conversation already/);
    const c2 = await connect(a.url, t2, 'pc');
    await api(a, t2, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 });
    assert.equal((await api(b, t1, 'POST', `/conversations/${ack.conversationId}/transfer`, { agentId: 'ts2' })).status, 200);
    // Another buyer queued while nobody has room: an admin's transfer of it is refused as such, not as "at capacity".
    await api(a, t2, 'PUT', '/agents/me/status', { status: 'online', capacity: 1 });
    await api(b, t1, 'PUT', '/agents/me/status', { status: 'away', capacity: 5 });
    const other = await connect(a.url, await issuer.token({ sub: 'bts2', scope: 'cs:customer' }), 'app');
    const queued = await other.sendText({ shopId: shop }, '转人工');
    await eventually(async () => (await holder(queued.conversationId)).state === 'queued', 8000, 'queued');
    const admin = await issuer.token({ sub: 'ts-admin', scope: 'cs:admin', shop_id: shop });
    const q = await api(a, admin, 'POST', `/conversations/${queued.conversationId}/transfer`, { agentId: 'ts2' });
    assert.equal(q.status, 409);
    assert.match(JSON.stringify(q.body), /accept it instead/);
    await Promise.all([c1.close(), c2.close(), phone.close(), other.close()]);
  });

  test('only the agent serving the buyer types and reads for them: a colleague is refused typing, and their read mark stays with the shop (twenty-first session, found from outside)', async () => {
    const shop = 'shop_typing_holder';
    const t1 = await agentToken('th1', shop);
    const t2 = await agentToken('th2', shop);
    const holderConsole = await connect(b.url, t1, 'pc');
    const colleague = await connect(a.url, t2, 'pc');
    await api(b, t1, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 });
    const buyerT = await issuer.token({ sub: 'bth', scope: 'cs:customer' });
    const phone = await connect(a.url, buyerT, 'app');
    const seen: string[] = [];
    phone.on((f) => void ((f.type === 'typing' || f.type === 'read') && seen.push(`${f.type}:${f.userId}`)));
    // While the robot holds it, nobody of the shop types to the buyer.
    const first = await phone.sendText({ shopId: shop }, '你好');
    colleague.typing(first.conversationId);
    await eventually(() => colleague.lastError?.code === 'FORBIDDEN', 3000, 'typing refused while the robot holds it');
    const ack = await phone.sendText({ shopId: shop }, '转人工');
    await eventually(async () => (await holder(ack.conversationId)).agent_id === 'th1', 8000, 'assigned');
    colleague.lastError = undefined;
    colleague.typing(ack.conversationId);
    await eventually(() => colleague.lastError?.code === 'FORBIDDEN', 3000, "a colleague's typing refused");
    colleague.read(ack.conversationId, ack.seq);
    holderConsole.typing(ack.conversationId);
    holderConsole.read(ack.conversationId, ack.seq);
    await eventually(() => seen.includes('typing:th1') && seen.includes('read:th1'), 3000, "the holder's typing and read reach the buyer");
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(seen.filter((x) => x.endsWith(':th2')), [], "nothing of the colleague's reached the buyer");
    await Promise.all([holderConsole.close(), colleague.close(), phone.close()]);
  });
});

describe('the reply deadline shown to the holder (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode({ ...realEnv(issuer, newIsolation()), KEFU_AGENT_REPLY_TIMEOUT_S: '30' });
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });

  test('the holder is told by when to answer (replyBy), in the frame and the list, until they answer', async () => {
    const shop = 'shop_replyby';
    const token = await issuer.token({ sub: 'r1', scope: 'cs:agent', shop_id: shop, name: '小R' });
    const ws = await connect(node.url, token, 'pc');
    assert.equal((await api(node, token, 'PUT', '/agents/me/status', { status: 'online', capacity: 5 })).status, 200);
    const assigned = ws.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned');
    const buyerToken = await issuer.token({ sub: 'br1', scope: 'cs:customer' });
    const phone = await connect(node.url, buyerToken, 'app');
    const buyerSaw = phone.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned');
    const before = Date.now();
    const r = await node.rt.conversations.send(buyerP('br1'), { id: 'h-br1', shopId: shop, clientMsgId: 'h-br1', content: { kind: 'text', text: '转人工' } });
    await node.rt.conversations.setState(r.ack.conversationId, { state: 'queued' }, { from: ['bot'] });
    const id = r.ack.conversationId;
    const frame = await assigned;
    assert.equal(frame.conversationId, id);
    const by = Date.parse(frame.replyBy ?? '');
    assert.ok(by >= before + 30_000 - 100 && by <= Date.now() + 30_000 + 100, `replyBy is KEFU_AGENT_REPLY_TIMEOUT_S after the assignment (${frame.replyBy})`);
    const listed = async () => ((await api(node, token, 'GET', '/conversations?state=assigned&mine=true')).body.conversations as Array<{ conversationId: string; replyBy?: string }>).find((c) => c.conversationId === id);
    assert.equal((await listed())?.replyBy, frame.replyBy);
    // The deadline is the shop's: the buyer's devices and list never carry it (found in review).
    assert.equal((await buyerSaw).replyBy, undefined);
    const buyerRow = ((await api(node, buyerToken, 'GET', '/conversations')).body.conversations as Array<{ conversationId: string; replyBy?: string; agentName?: string }>).find((c) => c.conversationId === id);
    assert.ok(buyerRow && buyerRow.replyBy === undefined);
    // Who holds it, by name, as the frame says (found from outside: a reloaded widget named the last agent who wrote).
    assert.equal(buyerRow.agentName, '小R');
    assert.equal((await buyerSaw).agentName, '小R');
    await phone.close();
    await ws.sendText({ conversationId: id }, '您好，我来处理');
    await eventually(async () => {
      const c = await listed();
      return c !== undefined && c.replyBy === undefined;
    }, 3000, 'no replyBy once answered');
    await ws.close();
  });
});
