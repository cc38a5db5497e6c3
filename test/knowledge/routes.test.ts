import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { KnowledgeService, registerKnowledgeRoutes } from '../../src/knowledge/index.ts';
import type { Principal, Role } from '../../src/auth/principal.ts';
import { KefuError, isKefuError } from '../../src/protocol/errors.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import { dropTestSchemas, SQL_FACTORIES } from '../support/services.ts';

after(dropTestSchemas);

/**
 * Stands in for the real authorize: the caller is described by test headers instead of a JWT,
 * and the checks are the contract's (401 without identity, 403 for the wrong role or shop).
 */
async function fakeAuthorize(req: FastifyRequest, opts: { roles: Role[]; shopId?: string }): Promise<Principal> {
  const role = req.headers['x-test-role'];
  if (typeof role !== 'string') throw new KefuError('UNAUTHORIZED', 'missing token');
  const shopId = req.headers['x-test-shop'] as string | undefined;
  const p: Principal = { userId: 'u1', roles: new Set([role as Role]), shopId, name: undefined, expiresAt: undefined };
  if (!opts.roles.some((r) => p.roles.has(r))) throw new KefuError('FORBIDDEN', `requires role ${opts.roles.join(' or ')}`);
  if (opts.shopId !== undefined && p.shopId !== opts.shopId) throw new KefuError('FORBIDDEN', 'token may not act for this shop');
  return p;
}

function buildApp(knowledge: KnowledgeService, changed: string[], opts: { throwingListener?: boolean } = {}): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, _req, reply) => {
    if (isKefuError(err)) return reply.code(err.status).send(err.toBody());
    const status = (err as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST', message: (err as Error).message } });
    }
    return reply.code(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
  });
  app.register(
    async (api) =>
      registerKnowledgeRoutes(api, {
        knowledge,
        authorize: fakeAuthorize,
        onChanged: (shopId) => {
          changed.push(shopId);
          if (opts.throwingListener) throw new Error('bus down');
        },
      }),
    { prefix: '/api/v1' },
  );
  return app;
}

const admin = (shop: string) => ({ 'x-test-role': 'admin', 'x-test-shop': shop });
const agent = (shop: string) => ({ 'x-test-role': 'agent', 'x-test-shop': shop });

/** One suite's store and app (set by its `before`), and the shops its change listener was told about. */
interface Suite {
  store: SqlStore;
  app: FastifyInstance;
  changed: string[];
}

for (const factory of SQL_FACTORIES) {
  describe(`knowledge REST on ${factory.name}`, { skip: factory.skip }, () => {
    const st = { changed: [] as string[] } as Suite;

    before(async () => {
      st.store = await factory.create();
      st.app = buildApp(new KnowledgeService(st.store), st.changed);
      await st.app.ready();
    });
    after(async () => {
      await st.app?.close();
      await st.store?.close();
    });

    faqAccessTests(st);
    faqChangeTests(st);
    wordRouteTests(st);
  });
}

function faqAccessTests(st: Suite): void {
  test('admin creates, agent reads, other shops get 403 on the shop and 404 on the id', async () => {
    st.changed.length = 0;
    const created = await st.app.inject({
      method: 'POST',
      url: '/api/v1/shops/A/faq',
      headers: admin('A'),
      payload: { question: '多久发货？', answer: '48 小时内', alternates: ['几天发货'] },
    });
    assert.equal(created.statusCode, 201);
    const entry = created.json();
    assert.equal(entry.question, '多久发货？');
    assert.deepEqual(entry.alternates, ['几天发货']);
    assert.deepEqual(st.changed, ['A']);

    const list = await st.app.inject({ method: 'GET', url: '/api/v1/shops/A/faq', headers: agent('A') });
    assert.equal(list.statusCode, 200);
    assert.deepEqual(list.json(), { items: [entry] });

    const agentWrite = await st.app.inject({ method: 'POST', url: '/api/v1/shops/A/faq', headers: agent('A'), payload: { question: 'q', answer: 'a' } });
    assert.equal(agentWrite.statusCode, 403);
    assert.equal(agentWrite.json().error.code, 'FORBIDDEN');

    const otherShopList = await st.app.inject({ method: 'GET', url: '/api/v1/shops/A/faq', headers: admin('B') });
    assert.equal(otherShopList.statusCode, 403);

    for (const method of ['PUT', 'DELETE'] as const) {
      const r = await st.app.inject({ method, url: `/api/v1/shops/B/faq/${entry.id}`, headers: admin('B'), payload: method === 'PUT' ? { question: 'x', answer: 'y' } : undefined });
      assert.equal(r.statusCode, 404, method);
      assert.deepEqual(r.json(), { error: { code: 'NOT_FOUND', message: 'no such FAQ entry' } });
    }
    const still = await st.app.inject({ method: 'GET', url: '/api/v1/shops/A/faq', headers: admin('A') });
    assert.deepEqual(still.json().items, [entry]);
    assert.deepEqual(st.changed, ['A'], 'refused writes notify nobody');

    const anonymous = await st.app.inject({ method: 'GET', url: '/api/v1/shops/A/faq' });
    assert.equal(anonymous.statusCode, 401);
  });
}

function faqChangeTests(st: Suite): void {
  test('update and delete', async () => {
    const { id } = (await st.app.inject({ method: 'POST', url: '/api/v1/shops/C/faq', headers: admin('C'), payload: { question: 'q', answer: 'a' } })).json();
    st.changed.length = 0;
    const put = await st.app.inject({ method: 'PUT', url: `/api/v1/shops/C/faq/${id}`, headers: admin('C'), payload: { question: 'q2', answer: 'a2', alternates: ['alt'] } });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json().version, 2);
    assert.deepEqual(put.json().alternates, ['alt']);
    const del = await st.app.inject({ method: 'DELETE', url: `/api/v1/shops/C/faq/${id}`, headers: admin('C') });
    assert.equal(del.statusCode, 204);
    assert.equal(del.body, '');
    const again = await st.app.inject({ method: 'DELETE', url: `/api/v1/shops/C/faq/${id}`, headers: admin('C') });
    assert.equal(again.statusCode, 404);
    assert.deepEqual(st.changed, ['C', 'C']);
  });

  test('invalid bodies are 400 naming the field, and store nothing', async () => {
    st.changed.length = 0;
    const cases: [unknown, string][] = [
      [{ question: '', answer: 'a' }, 'question must not be empty'],
      [{ question: 'q', answer: 'a', alternates: [1] }, 'alternates[0] must be a string'],
      [{ question: 'q' }, 'answer is required'],
      [{ question: '包邮\u0007吗', answer: 'a' }, 'question must not contain control characters (tab and line breaks are fine)'],
    ];
    for (const [payload, message] of cases) {
      const r = await st.app.inject({ method: 'POST', url: '/api/v1/shops/D/faq', headers: admin('D'), payload: payload as object });
      assert.equal(r.statusCode, 400);
      assert.deepEqual(r.json(), { error: { code: 'BAD_REQUEST', message, details: { field: message.split(' ')[0] } } });
    }
    // A pasted soft break (\v) or NEL is a line break, not a refusal; at the ends it is trimmed.
    const pasted = await st.app.inject({ method: 'POST', url: '/api/v1/shops/E/faq', headers: admin('E'), payload: { question: '包邮吗\u000b', answer: '满99\u0085包邮' } });
    assert.equal(pasted.statusCode, 201);
    assert.deepEqual([pasted.json().question, pasted.json().answer], ['包邮吗', '满99\n包邮']);
    st.changed.length = 0;
    const noBody = await st.app.inject({ method: 'POST', url: '/api/v1/shops/D/faq', headers: admin('D') });
    assert.equal(noBody.statusCode, 400);
    assert.equal(noBody.json().error.message, 'body must be a JSON object');
    const list = await st.app.inject({ method: 'GET', url: '/api/v1/shops/D/faq', headers: admin('D') });
    assert.deepEqual(list.json(), { items: [] });
    assert.deepEqual(st.changed, []);
  });
}

function wordRouteTests(st: Suite): void {
  test('sensitive words: admin replaces, agent reads, validation names the word', async () => {
    st.changed.length = 0;
    const put = await st.app.inject({ method: 'PUT', url: '/api/v1/shops/E/sensitive-words', headers: admin('E'), payload: { words: [' 刷单 ', 'VX', 'v x'] } });
    assert.equal(put.statusCode, 200);
    assert.deepEqual(put.json(), { words: ['VX', '刷单'] });
    const get = await st.app.inject({ method: 'GET', url: '/api/v1/shops/E/sensitive-words', headers: agent('E') });
    assert.deepEqual(get.json(), { words: ['VX', '刷单'] });
    const agentPut = await st.app.inject({ method: 'PUT', url: '/api/v1/shops/E/sensitive-words', headers: agent('E'), payload: { words: [] } });
    assert.equal(agentPut.statusCode, 403);
    const bad = await st.app.inject({ method: 'PUT', url: '/api/v1/shops/E/sensitive-words', headers: admin('E'), payload: { words: ['ok', '!!!'] } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.message, 'words[1] has no letter or digit to match');
    const other = await st.app.inject({ method: 'GET', url: '/api/v1/shops/E/sensitive-words', headers: admin('F') });
    assert.equal(other.statusCode, 403);
    assert.deepEqual(st.changed, ['E']);
  });

  test('time zone: admin sets and clears, agent reads, a zone that is not one is 400, another shop 403', async () => {
    st.changed.length = 0;
    const none = await st.app.inject({ method: 'GET', url: '/api/v1/shops/TZ/settings/time-zone', headers: agent('TZ') });
    assert.deepEqual(none.json(), { shopId: 'TZ', timeZone: null, updatedBy: null, updatedAt: null });
    const put = await st.app.inject({ method: 'PUT', url: '/api/v1/shops/TZ/settings/time-zone', headers: admin('TZ'), payload: { timeZone: 'America/Chicago' } });
    assert.equal(put.statusCode, 200);
    assert.equal(put.json().timeZone, 'America/Chicago');
    assert.deepEqual(st.changed, ['TZ'], 'every node reloads the shop');
    assert.equal((await st.app.inject({ method: 'GET', url: '/api/v1/shops/TZ/settings/time-zone', headers: agent('TZ') })).json().timeZone, 'America/Chicago');
    assert.equal((await st.app.inject({ method: 'PUT', url: '/api/v1/shops/TZ/settings/time-zone', headers: agent('TZ'), payload: { timeZone: null } })).statusCode, 403);
    const bad = await st.app.inject({ method: 'PUT', url: '/api/v1/shops/TZ/settings/time-zone', headers: admin('TZ'), payload: { timeZone: 'GMT+8' } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /^timeZone must be an IANA time zone name/);
    assert.equal((await st.app.inject({ method: 'GET', url: '/api/v1/shops/TZ/settings/time-zone', headers: admin('TZ2') })).statusCode, 403);
    const cleared = await st.app.inject({ method: 'PUT', url: '/api/v1/shops/TZ/settings/time-zone', headers: admin('TZ'), payload: { timeZone: null } });
    assert.equal(cleared.json().timeZone, null);
  });

  test('a full word list (5000 x 50 characters), \\u-escaped past 1 MiB, fits the body limit', async () => {
    const words = Array.from({ length: 5000 }, (_, i) => `${i}`.padStart(6, '0') + '词'.repeat(44));
    const escaped = JSON.stringify({ words }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    assert.ok(escaped.length > 1024 * 1024);
    const r = await st.app.inject({
      method: 'PUT',
      url: '/api/v1/shops/G/sensitive-words',
      headers: { ...admin('G'), 'content-type': 'application/json' },
      payload: escaped,
    });
    assert.equal(r.statusCode, 200, r.body.slice(0, 200));
    assert.equal(r.json().words.length, 5000);
  });

  test('a failing change listener does not fail the committed request', async () => {
    const seen: string[] = [];
    const app2 = buildApp(new KnowledgeService(st.store), seen, { throwingListener: true });
    try {
      const r = await app2.inject({ method: 'POST', url: '/api/v1/shops/H/faq', headers: admin('H'), payload: { question: 'q', answer: 'a' } });
      assert.equal(r.statusCode, 201);
      assert.deepEqual(seen, ['H']);
    } finally {
      await app2.close();
    }
  });
}
