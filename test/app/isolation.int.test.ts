/**
 * Tenant isolation, walked route by route: with tokens of shop B (agent, admin, commands), every
 * REST route and every WebSocket frame aimed at shop A's resources finds nothing: 403 where the
 * route names the shop, 404 where it names a resource, and no body ever carries shop A's data.
 * The table of routes is checked against the server's own routing table, so a new route that is
 * not walked here fails this test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';

const skip = needsPg || needsRedis;
const SECRET_TEXT = 'secret-of-shop-a';

/** `/api/v1/...` routes and methods from Fastify's printed tree. */
function routesOf(tree: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) if (path.startsWith('/api/v1/')) out.push(`${method} ${path}`);
  }
  return out.sort();
}

describe('tenant isolation (real PostgreSQL + Redis)', { skip }, () => {
  let issuer: Issuer;
  let node: Node;
  const ids = { conversation: '', faq: '', canned: '' };
  before(async () => {
    issuer = await startIssuer();
    node = await startNode(realEnv(issuer, newIsolation()));
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
  });
  const tok = (sub: string, scope: string, shop?: string) => issuer.token({ sub, scope, ...(shop ? { shop_id: shop } : {}) });
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const r = await fetch(`${node.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'idempotency-key': 'iso-1', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: r.status, text: await r.text() };
  };

  test('shop A has data: a held conversation with a note, a FAQ entry, a canned reply', async () => {
    const adminA = await tok('admin_a', 'cs:admin', 'shop_a');
    const agentA = await tok('agent_a', 'cs:agent', 'shop_a');
    const buyer = await connect(node.url, await tok('buyer_a', 'cs:customer'));
    const ack = await buyer.sendText({ shopId: 'shop_a' }, `转人工 ${SECRET_TEXT}`);
    ids.conversation = ack.conversationId;
    await eventually(async () => (await call(agentA, 'POST', `/conversations/${ids.conversation}/accept`)).status === 200, 5000, 'accept');
    assert.equal((await call(agentA, 'POST', `/conversations/${ids.conversation}/notes`, { text: SECRET_TEXT })).status, 201);
    ids.faq = (JSON.parse((await call(adminA, 'POST', '/shops/shop_a/faq', { question: `${SECRET_TEXT}?`, answer: SECRET_TEXT })).text) as { id: string }).id;
    ids.canned = (JSON.parse((await call(adminA, 'POST', '/shops/shop_a/canned-replies', { title: SECRET_TEXT, text: SECRET_TEXT })).text) as { id: string }).id;
    assert.ok(ids.faq && ids.canned);
    assert.equal((await call(adminA, 'PUT', '/shops/shop_a/settings/time-zone', { timeZone: 'Pacific/Auckland' })).status, 200);
    assert.equal((await call(adminA, 'PUT', '/shops/shop_a/settings/contacts', { linkHosts: ['shop-a.example'] })).status, 200);
    await buyer.close();
  });

  test('every REST route with shop-B tokens finds nothing of shop A', async () => {
    const c = () => ids.conversation;
    // expect: 403 (the route names shop A), 404 (a resource of shop A), or 'own' (acts on the caller's own data).
    const table: Record<string, { path: () => string; body?: unknown; expect: 403 | 404 | 'own' }> = {
      'GET /api/v1/conversations': { path: () => '/conversations?state=assigned', expect: 'own' },
      'GET /api/v1/conversations/:id/messages': { path: () => `/conversations/${c()}/messages`, expect: 404 },
      'POST /api/v1/conversations/:id/messages': { path: () => `/conversations/${c()}/messages`, body: { clientMsgId: 'iso-1', content: { kind: 'text', text: 'x' } }, expect: 404 },
      'POST /api/v1/conversations/:id/accept': { path: () => `/conversations/${c()}/accept`, expect: 404 },
      'POST /api/v1/conversations/:id/transfer': { path: () => `/conversations/${c()}/transfer`, body: { agentId: 'agent_b' }, expect: 404 },
      'POST /api/v1/conversations/:id/close': { path: () => `/conversations/${c()}/close`, expect: 404 },
      'GET /api/v1/conversations/:id/queue': { path: () => `/conversations/${c()}/queue`, expect: 404 },
      'GET /api/v1/conversations/:id/canned-replies': { path: () => `/conversations/${c()}/canned-replies`, expect: 404 },
      'GET /api/v1/conversations/:id/notes': { path: () => `/conversations/${c()}/notes`, expect: 404 },
      'POST /api/v1/conversations/:id/notes': { path: () => `/conversations/${c()}/notes`, body: { text: 'x' }, expect: 404 },
      'POST /api/v1/conversations/:id/rating': { path: () => `/conversations/${c()}/rating`, body: { score: 1 }, expect: 404 },
      'GET /api/v1/conversations/:id/rating': { path: () => `/conversations/${c()}/rating`, expect: 404 },
      'GET /api/v1/conversations/:id/buyer': { path: () => `/conversations/${c()}/buyer`, expect: 404 },
      'POST /api/v1/conversations/:id/buyer/reveal': { path: () => `/conversations/${c()}/buyer/reveal`, body: { orderId: 'o1', field: 'phone' }, expect: 404 },
      'GET /api/v1/presence/:userId': { path: () => '/presence/buyer_a', expect: 404 },
      'PUT /api/v1/agents/me/status': { path: () => '/agents/me/status', body: { status: 'online' }, expect: 'own' },
      'GET /api/v1/shops/:shopId/agents': { path: () => '/shops/shop_a/agents', expect: 403 },
      'GET /api/v1/shops/:shopId/stats': { path: () => '/shops/shop_a/stats', expect: 403 },
      'GET /api/v1/shops/:shopId/faq': { path: () => '/shops/shop_a/faq', expect: 403 },
      'POST /api/v1/shops/:shopId/faq': { path: () => '/shops/shop_a/faq', body: { question: 'q?', answer: 'a' }, expect: 403 },
      'PUT /api/v1/shops/:shopId/faq/:id': { path: () => `/shops/shop_a/faq/${ids.faq}`, body: { question: 'q?', answer: 'a' }, expect: 403 },
      'DELETE /api/v1/shops/:shopId/faq/:id': { path: () => `/shops/shop_a/faq/${ids.faq}`, expect: 403 },
      'GET /api/v1/shops/:shopId/faq/suggestions': { path: () => '/shops/shop_a/faq/suggestions', expect: 403 },
      'POST /api/v1/shops/:shopId/faq/suggestions/:id/accept': { path: () => '/shops/shop_a/faq/suggestions/s1/accept', expect: 403 },
      'POST /api/v1/shops/:shopId/faq/suggestions/:id/dismiss': { path: () => '/shops/shop_a/faq/suggestions/s1/dismiss', expect: 403 },
      'GET /api/v1/shops/:shopId/sensitive-words': { path: () => '/shops/shop_a/sensitive-words', expect: 403 },
      'PUT /api/v1/shops/:shopId/sensitive-words': { path: () => '/shops/shop_a/sensitive-words', body: { words: ['x'] }, expect: 403 },
      'GET /api/v1/shops/:shopId/canned-replies': { path: () => '/shops/shop_a/canned-replies', expect: 403 },
      'POST /api/v1/shops/:shopId/canned-replies': { path: () => '/shops/shop_a/canned-replies', body: { title: 't', text: 't' }, expect: 403 },
      'PUT /api/v1/shops/:shopId/canned-replies/:id': { path: () => `/shops/shop_a/canned-replies/${ids.canned}`, body: { title: 't', text: 't' }, expect: 403 },
      'DELETE /api/v1/shops/:shopId/canned-replies/:id': { path: () => `/shops/shop_a/canned-replies/${ids.canned}`, expect: 403 },
      'GET /api/v1/shops/:shopId/commands': { path: () => '/shops/shop_a/commands?status=dead', expect: 403 },
      'POST /api/v1/shops/:shopId/commands': { path: () => '/shops/shop_a/commands', body: { type: 'coupon.issue', payload: { userId: 'buyer_a', amount: '1.00' } }, expect: 403 },
      'GET /api/v1/shops/:shopId/commands/:id': { path: () => '/shops/shop_a/commands/cmd_a', expect: 403 },
      'POST /api/v1/shops/:shopId/commands/:id/retry': { path: () => '/shops/shop_a/commands/cmd_a/retry', expect: 403 },
      'POST /api/v1/shops/:shopId/commands/:id/resolve': { path: () => '/shops/shop_a/commands/cmd_a/resolve', body: { note: 'x' }, expect: 403 },
      'GET /api/v1/me/export': { path: () => '/me/export', expect: 'own' },
      'DELETE /api/v1/shops/:shopId/buyers/:buyerId': { path: () => '/shops/shop_a/buyers/buyer_a', expect: 403 },
      'POST /api/v1/shops/:shopId/buyers/:buyerId/erase': { path: () => '/shops/shop_a/buyers/buyer_a/erase', expect: 403 },
      'GET /api/v1/shops/:shopId/erasures': { path: () => '/shops/shop_a/erasures', expect: 403 },
      'GET /api/v1/shops/:shopId/settings/retention': { path: () => '/shops/shop_a/settings/retention', expect: 403 },
      'PUT /api/v1/shops/:shopId/settings/retention': { path: () => '/shops/shop_a/settings/retention', body: { messageDays: 1 }, expect: 403 },
      'GET /api/v1/shops/:shopId/settings/time-zone': { path: () => '/shops/shop_a/settings/time-zone', expect: 403 },
      'PUT /api/v1/shops/:shopId/settings/time-zone': { path: () => '/shops/shop_a/settings/time-zone', body: { timeZone: 'UTC' }, expect: 403 },
      'GET /api/v1/shops/:shopId/settings/contacts': { path: () => '/shops/shop_a/settings/contacts', expect: 403 },
      'PUT /api/v1/shops/:shopId/settings/contacts': { path: () => '/shops/shop_a/settings/contacts', body: { linkHosts: ['evil.example'] }, expect: 403 },
    };
    const served = routesOf(node.app.printRoutes({ commonPrefix: false })).filter((r) => r !== 'POST /api/v1/webhooks/platform' && !r.includes('/ops/'));
    assert.deepEqual(served.filter((r) => !(r in table)), [], 'every route is walked here (webhooks: HMAC, not tokens; ops: operator token)');
    const tokens = [await tok('agent_b', 'cs:agent', 'shop_b'), await tok('admin_b', 'cs:admin', 'shop_b'), await tok('cmd_b', 'cs:commands cs:agent', 'shop_b'), await tok('buyer_b', 'cs:customer')];
    for (const [route, t] of Object.entries(table)) {
      const method = route.split(' ')[0]!;
      for (const token of tokens) {
        const r = await call(token, method, t.path(), t.body);
        assert.ok(!r.text.includes(SECRET_TEXT) && !r.text.includes(ids.conversation), `${route}: nothing of shop A in the answer (${r.status} ${r.text.slice(0, 120)})`);
        if (t.expect === 'own') assert.ok(r.status < 500, `${route}: ${r.status}`);
        else assert.ok(r.status === t.expect || (r.status === 403 && t.expect === 404), `${route}: expected ${t.expect}, got ${r.status} ${r.text.slice(0, 120)}`);
        if (t.expect === 404 && r.status === 403) assert.ok(!/another shop|exists/i.test(r.text), `${route}: a 403 must not reveal that the resource exists`);
      }
    }
    // Shop B's tokens wrote nothing of shop A's: its time zone is the one it set, not the 'UTC' they sent.
    const a = JSON.parse((await call(await tok('admin_a', 'cs:admin', 'shop_a'), 'GET', '/shops/shop_a/settings/time-zone')).text) as { timeZone: string };
    assert.equal(a.timeZone, 'Pacific/Auckland');
    const contacts = JSON.parse((await call(await tok('admin_a', 'cs:admin', 'shop_a'), 'GET', '/shops/shop_a/settings/contacts')).text) as { linkHosts: string[] };
    assert.deepEqual(contacts.linkHosts, ['shop-a.example']);
  });

  test('every WebSocket frame of a shop-B agent on a shop-A conversation answers NOT_FOUND', async () => {
    const ws = await connect(node.url, await tok('agent_b', 'cs:agent', 'shop_b'), 'pc');
    await assert.rejects(ws.sendText({ conversationId: ids.conversation }, 'hi'), (e: { code: string }) => e.code === 'NOT_FOUND');
    await assert.rejects(ws.sync(ids.conversation, 0), (e: { code: string }) => e.code === 'NOT_FOUND');
    ws.read(ids.conversation, 1);
    await eventually(() => ws.lastError?.code === 'NOT_FOUND', 3000, 'read refused');
    ws.lastError = undefined;
    ws.typing(ids.conversation);
    await eventually(() => ws.lastError?.code === 'NOT_FOUND', 3000, 'typing refused');
    await ws.close();
  });
});
