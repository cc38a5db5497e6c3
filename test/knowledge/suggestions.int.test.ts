/**
 * Learning from agents end to end, on real PostgreSQL and Redis: the robot cannot answer a
 * buyer's question, the buyer asks for a person, an agent answers; the shop admin finds the
 * suggestion, accepts it, and the robot answers the same question itself in the buyer's next
 * conversation.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import type { ConversationFrame, MessageFrame } from '../../src/protocol/frames.ts';

const skip = needsPg || needsRedis;

async function api(node: Node, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${node.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, body: r.status === 204 ? {} : ((await r.json()) as Record<string, unknown>) };
}

describe('FAQ suggestions from an agent reply, end to end (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode(realEnv(issuer, newIsolation()));
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });

  test('unanswered question → agent reply → suggestion → accepted → the robot answers it', async () => {
    const shop = 'shop_learn';
    const admin = await issuer.token({ sub: 'adm', scope: 'cs:admin', shop_id: shop });
    const agent = await issuer.token({ sub: 'ag_l', scope: 'cs:agent', shop_id: shop, name: '客服' });
    assert.equal((await api(node, admin, 'POST', `/shops/${shop}/faq`, { question: '可以开发票吗？', answer: '可以开电子普通发票。' })).status, 201);
    const buyer = await connect(node.url, await issuer.token({ sub: 'bl1', scope: 'cs:customer' }), 'app');
    const question = '你们的仓库在哪个城市';
    const ack = await buyer.sendText({ shopId: shop }, question);
    await node.rt.bot.idle();
    const queued = buyer.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'queued');
    await buyer.sendText({ shopId: shop }, '转人工');
    await node.rt.bot.idle();
    await queued;
    const console_ = await connect(node.url, agent, 'pc');
    const assigned = buyer.waitFor((f): f is ConversationFrame => f.type === 'conversation' && f.state === 'assigned');
    assert.equal((await api(node, agent, 'PUT', '/agents/me/status', { status: 'online', capacity: 3 })).status, 200);
    await assigned;
    await console_.sendText({ conversationId: ack.conversationId }, '我们的仓库在浙江杭州，订单都从杭州发出。');

    type Item = { id: string; question: string; answer: string; kind: string };
    const items = (await eventually(async () => {
      const r = await api(node, admin, 'GET', `/shops/${shop}/faq/suggestions`);
      const list = r.body.items as Item[];
      return list.length ? list : undefined;
    }, 5000, 'a suggestion'))!;
    assert.equal(items.length, 1, 'the hand-over request is not a question');
    assert.deepEqual([items[0]!.question, items[0]!.answer, items[0]!.kind], [question, '我们的仓库在浙江杭州，订单都从杭州发出。', 'entry']);
    assert.equal((await api(node, agent, 'GET', `/shops/${shop}/faq/suggestions`)).status, 403, 'agents do not edit the FAQ');
    const accepted = await api(node, admin, 'POST', `/shops/${shop}/faq/suggestions/${items[0]!.id}/accept`);
    assert.equal(accepted.status, 200);
    const faq = (await api(node, admin, 'GET', `/shops/${shop}/faq`)).body.items as { question: string }[];
    assert.ok(faq.some((e) => e.question === question));

    // The next conversation: the robot answers the question from the new entry.
    assert.equal((await api(node, agent, 'POST', `/conversations/${ack.conversationId}/close`)).status, 200);
    const reply = buyer.waitFor((f): f is MessageFrame => f.type === 'message' && f.sender.role === 'bot' && /杭州/.test((f.content as { text?: string }).text ?? ''));
    await buyer.sendText({ shopId: shop }, question);
    await node.rt.bot.idle();
    assert.match(((await reply).content as { text: string }).text, /浙江杭州/);
    await Promise.all([buyer.close(), console_.close()]);
  });
});
