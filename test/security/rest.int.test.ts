/**
 * Hostile REST bodies and platform webhooks on real PostgreSQL + Redis (docs/security.md):
 * SQL-injection strings in every field of every body (and in path and query parameters), webhook
 * forgery (no, malformed, wrong or tampered signature), replay, and stale events. Refusals name
 * their code and store nothing; what is accepted is stored verbatim; no injected statement runs;
 * a healthy client is served within budget. Cross-shop access is walked route by route, for every
 * route and frame, by test/app/isolation.int.test.ts (not repeated here).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { needsPg, needsRedis } from '../support/services.ts';
import { eventually } from '../support/kefu.ts';
import { signBody } from '../../src/commerce/webhook.ts';
import { codeOf, connect, rowCounts, startSetup, storesNothing, type Setup } from './support.ts';

const SQLI = ["' OR '1'='1", "'; DROP TABLE faq_entries; --", "1'); select pg_sleep(5); --", '" OR 1=1 --', "x' UNION SELECT receiver_phone_enc FROM shop_orders --"];
const SHOP = 'shop_sqli';
const SECRET = 'webhook-secret-for-the-security-suite';

interface Req {
  method: string;
  path: string;
  token: string;
  body?: unknown;
  headers?: Record<string, string>;
}

describe('hostile REST bodies and webhooks (real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let s: Setup;
  let admin = '';
  let agent = '';
  let commands = '';
  let buyer = '';
  let conversationId = '';
  let platform: Server;
  before(async () => {
    // A platform that knows nothing: lookups find no order, commands are taken and fail.
    platform = createServer((_req, res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{}'));
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    const platformUrl = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
    s = await startSetup({ KEFU_ROBOT: 'false', KEFU_PLATFORM_WEBHOOK_SECRET: SECRET, KEFU_PLATFORM_API_URL: platformUrl, KEFU_COMMAND_BACKOFF_MS: '3600000' });
    admin = await s.issuer.token({ sub: 'sqli_admin', scope: 'cs:admin', shop_id: SHOP });
    agent = await s.issuer.token({ sub: 'sqli_agent', scope: 'cs:agent', shop_id: SHOP });
    commands = await s.issuer.token({ sub: 'sqli_ops', scope: 'cs:commands', shop_id: SHOP });
    buyer = await s.issuer.token({ sub: 'sqli_buyer', scope: 'cs:customer' });
    const device = await connect(s.node.url, buyer);
    conversationId = (await device.sendText({ shopId: SHOP }, 'I need a person')).conversationId;
    await device.close();
    let last = '';
    await eventually(async () => {
      const r = await call({ method: 'POST', path: `/conversations/${conversationId}/accept`, token: agent });
      last = r.body;
      return r.status === 200;
    }, 5000, 'accept').catch((e: Error) => {
      throw new Error(`${e.message}: ${last}`);
    });
  });
  after(async () => {
    await s?.close();
    platform?.closeAllConnections();
    await new Promise((r) => platform?.close(r));
  });

  async function calls(list: Req[]): Promise<Array<{ status: number; code: string | undefined; body: string }>> {
    const rs = await s.attacker.requests(
      list.map((r) => ({
        url: `${s.node.url}/api/v1${r.path}`,
        method: r.method,
        headers: { authorization: `Bearer ${r.token}`, ...(r.body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers },
        ...(r.body !== undefined ? { body: JSON.stringify(r.body) } : {}),
      })),
    );
    return rs.map((r) => ({ ...r, code: codeOf(r.body) }));
  }
  const call = async (r: Req) => (await calls([r]))[0]!;

  test('refused fields (enums, ids, numbers, path and query parameters) store nothing', async () => {
    const e = encodeURIComponent;
    const list = SQLI.flatMap((x): Array<Req & { expect: string }> => [
      { method: 'PUT', path: '/agents/me/status', token: agent, body: { status: x }, expect: '400 BAD_REQUEST' },
      { method: 'PUT', path: '/agents/me/status', token: agent, body: { status: 'online', capacity: x }, expect: '400 BAD_REQUEST' },
      { method: 'POST', path: `/conversations/${conversationId}/transfer`, token: agent, body: { agentId: x }, expect: '409 CONFLICT' },
      { method: 'POST', path: `/conversations/${conversationId}/buyer/reveal`, token: agent, body: { orderId: x, field: 'phone' }, expect: '404 NOT_FOUND' },
      { method: 'POST', path: `/conversations/${conversationId}/buyer/reveal`, token: agent, body: { orderId: 'o1', field: x }, expect: '400 BAD_REQUEST' },
      { method: 'POST', path: `/conversations/${conversationId}/rating`, token: buyer, body: { score: x }, expect: '400 BAD_REQUEST' },
      { method: 'POST', path: `/conversations/${conversationId}/rating`, token: buyer, body: { score: 5, comment: 7 }, expect: '400 BAD_REQUEST' },
      { method: 'POST', path: `/shops/${SHOP}/commands`, token: commands, body: { type: x, payload: {} }, headers: { 'idempotency-key': 'k-type' }, expect: '400 BAD_REQUEST' },
      { method: 'POST', path: `/shops/${SHOP}/commands`, token: commands, body: { type: 'price.change', payload: { sku: 's1', price: x } }, headers: { 'idempotency-key': 'k-price' }, expect: '400 BAD_REQUEST' },
      { method: 'GET', path: `/conversations/${e(x)}/messages`, token: agent, expect: '404 NOT_FOUND' },
      { method: 'POST', path: `/conversations/${e(x)}/notes`, token: agent, body: { text: 'n' }, expect: '404 NOT_FOUND' },
      { method: 'GET', path: `/shops/${e(x)}/faq`, token: admin, expect: '403 FORBIDDEN' },
      { method: 'DELETE', path: `/shops/${SHOP}/faq/${e(x)}`, token: admin, expect: '404 NOT_FOUND' },
      { method: 'GET', path: `/conversations/${conversationId}/messages?afterSeq=${e(x)}`, token: agent, expect: '400 BAD_REQUEST' },
      { method: 'GET', path: `/shops/${SHOP}/stats?from=${e(x)}`, token: admin, expect: '400 BAD_REQUEST' },
      { method: 'GET', path: `/shops/${SHOP}/commands?status=${e(x)}`, token: commands, expect: '400 BAD_REQUEST' },
    ]);
    // Text PostgreSQL cannot store is refused at the edge too (test/security/storable.test.ts has the rest).
    list.push({ method: 'POST', path: `/conversations/${conversationId}/transfer`, token: agent, body: { agentId: 'a\u0000b' }, expect: '400 BAD_REQUEST' });
    const got = await s.probe.during('SQL injection refused on REST', () =>
      storesNothing(s.node, 'SQL injection refused on REST', async () => {
        const t0 = performance.now();
        const rs = await calls(list);
        assert.ok(performance.now() - t0 < 5000 + list.length * 200, 'no pg_sleep ran');
        return rs.map((r, i) => `${list[i]!.method} ${list[i]!.path.slice(0, 40)}: ${r.status} ${r.code}`);
      }),
    );
    assert.deepEqual(got, list.map((r) => `${r.method} ${r.path.slice(0, 40)}: ${r.expect}`));
  });

  test('free-text fields store the injection strings verbatim and run none of them', async () => {
    await s.probe.during('SQL injection stored verbatim on REST', async () => {
      const before = await rowCounts(s.node);
      for (const [i, x] of SQLI.entries()) {
        assert.equal((await call({ method: 'POST', path: `/conversations/${conversationId}/notes`, token: agent, body: { text: x } })).status, 201);
        // Phrasings are distinct by their letters and digits (two entries may not share one), hence the suffix.
        assert.equal((await call({ method: 'POST', path: `/shops/${SHOP}/faq`, token: admin, body: { question: `${x} ${i}?`, answer: x, alternates: [`${x} a${i}`] } })).status, 201);
        assert.equal((await call({ method: 'POST', path: `/shops/${SHOP}/canned-replies`, token: admin, body: { title: `${x} ${i}`, text: x } })).status, 201);
        const cmd = await call({ method: 'POST', path: `/shops/${SHOP}/commands`, token: commands, body: { type: 'coupon.issue', payload: { userId: x, amount: '5' } }, headers: { 'idempotency-key': `${x} ${i}` } });
        assert.equal(cmd.status, 202, cmd.body);
      }
      const words = await call({ method: 'PUT', path: `/shops/${SHOP}/sensitive-words`, token: admin, body: { words: SQLI.map((x, i) => `${x.slice(0, 40)} w${i}`) } });
      assert.equal(words.status, 200, words.body);
      const after = await rowCounts(s.node);
      const n = SQLI.length;
      assert.deepEqual(
        { notes: after.conversation_notes! - before.conversation_notes!, faq: after.faq_entries! - before.faq_entries!, canned: after.canned_replies! - before.canned_replies!, commands: after.commands! - before.commands! },
        { notes: n, faq: n, canned: n, commands: n },
      );
      const notes = JSON.parse((await call({ method: 'GET', path: `/conversations/${conversationId}/notes`, token: agent })).body) as { notes: Array<{ text: string }> };
      const faq = (await call({ method: 'GET', path: `/shops/${SHOP}/faq`, token: admin })).body;
      const stored = JSON.parse((await call({ method: 'GET', path: `/shops/${SHOP}/sensitive-words`, token: admin })).body) as { words: string[] };
      for (const [i, x] of SQLI.entries()) {
        assert.ok(notes.notes.some((o) => o.text === x), `note "${x}" as sent`);
        assert.ok(faq.includes(JSON.stringify(x).slice(1, -1)), `FAQ "${x}" as sent`);
        // Words are distinct by their letters and digits only, hence the suffix.
        assert.ok(stored.words.includes(`${x.slice(0, 40)} w${i}`), `word "${x}" as sent`);
      }
    });
  });

  test('webhooks: a missing, malformed, wrong or tampered signature is 401 and stores nothing; a replay or a stale event changes nothing', async () => {
    const updatedAt = new Date(Date.now() - 60_000).toISOString();
    const order = (id: string, status: string, at: string) => ({
      id,
      type: 'order.upserted',
      shopId: SHOP,
      occurredAt: at,
      data: { orderId: SQLI[1], userId: SQLI[0], status, items: [{ sku: SQLI[2], title: SQLI[3], quantity: 1, price: '9.90' }], totalAmount: '9.90', currency: 'CNY', receiver: { name: SQLI[4], phone: '13800000000', address: SQLI[1] }, createdAt: at, updatedAt: at },
    });
    const post = (raw: string, signature?: string) => ({ raw, ...(signature !== undefined ? { signature } : {}) });
    const hook = async (list: Array<{ raw: string; signature?: string }>) => {
      const rs = await s.attacker.requests(list.map((r) => ({ url: `${s.node.url}/api/v1/webhooks/platform`, method: 'POST', headers: { 'content-type': 'application/json', ...(r.signature !== undefined ? { 'x-kefu-signature': r.signature } : {}) }, body: r.raw })));
      return rs.map((r) => `${r.status} ${codeOf(r.body) ?? r.body}`);
    };
    const first = JSON.stringify(order('evt-1', 'paid', updatedAt));
    await s.probe.during('webhook forgery and replay', async () => {
      const forged = await storesNothing(s.node, 'forged webhooks', () =>
        hook([
          post(first),
          post(first, 'sha256=' + '0'.repeat(64)),
          post(first, 'sha1=abc'),
          post(first, signBody('not-the-secret', first)),
          post(first.replace('9.90', '0.01'), signBody(SECRET, first)),
          post(first, `${signBody(SECRET, first)}, ${signBody(SECRET, first)}`),
        ]),
      );
      assert.deepEqual(forged, Array(6).fill('401 UNAUTHORIZED'));
      assert.deepEqual(await hook([post(first, signBody(SECRET, first))]), ['200 {"ok":true,"duplicate":false,"applied":true}']);
      const replayed = await storesNothing(s.node, 'replayed webhook', () => hook([post(first, signBody(SECRET, first))]));
      assert.deepEqual(replayed, ['200 {"ok":true,"duplicate":true,"applied":false}']);
      // A stale event (older updatedAt), properly signed with a new id: recorded as seen, the order untouched.
      const stale = JSON.stringify(order('evt-0', 'cancelled', new Date(Date.now() - 3_600_000).toISOString()));
      assert.deepEqual(await hook([post(stale, signBody(SECRET, stale))]), ['200 {"ok":true,"duplicate":false,"applied":false}']);
    });
    const rows = await sql<{ status: string; user_id: string; items: unknown }>`select status, user_id, items from shop_orders where shop_id = ${SHOP} and order_id = ${SQLI[1]}`.execute(s.node.rt.storage.sql.db);
    assert.equal(rows.rows.length, 1);
    assert.equal(rows.rows[0]!.status, 'paid', 'the stale event did not apply');
    assert.equal(rows.rows[0]!.user_id, SQLI[0]);
    assert.equal((rows.rows[0]!.items as Array<{ title: string }>)[0]!.title, SQLI[3], 'stored verbatim');
  });
});
