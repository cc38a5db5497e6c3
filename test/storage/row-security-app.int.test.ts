/**
 * Row-level security as kefu uses it: a node on real PostgreSQL, connected as the app role, with
 * a trigger (added by the owner, for this test only) that records the `kefu.shop_id` each write
 * was made under. Staff requests and frames write in their own shop's scope; a buyer's work and
 * the batched message path in the system scope; and the whole flow works under the policies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { needsPg, needsRedis, PG_URL, TEST_APP_ROLE } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { rowSecurity } from '../../src/storage/keys.ts';

const TRACED = ['faq_entries', 'conversation_notes', 'conversations', 'messages'];

async function traceScopes(schema: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: PG_URL, options: `-c search_path="${schema}"` });
  await c.connect();
  await c.query(`create table scope_log (at bigserial primary key, t text not null, scope text)`);
  await c.query(`grant insert, select on scope_log to ${TEST_APP_ROLE}; grant usage on sequence scope_log_at_seq to ${TEST_APP_ROLE}`);
  await c.query(`create function log_scope() returns trigger language plpgsql as $$ begin insert into scope_log (t, scope) values (tg_table_name, current_setting('${rowSecurity.setting}', true)); return new; end $$`);
  for (const t of TRACED) await c.query(`create trigger log_scope after insert on "${t}" for each row execute function log_scope()`);
  return c;
}

describe('row-level security in a running node (real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let issuer: Issuer;
  let node: Node;
  let owner: pg.Client;
  before(async () => {
    issuer = await startIssuer();
    const iso = newIsolation();
    node = await startNode(realEnv(issuer, iso));
    owner = await traceScopes(iso.schema);
  });
  after(async () => {
    await owner?.end();
    await node?.close();
    await issuer?.close();
  });

  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const r = await fetch(`${node.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    return { status: r.status, body: (await r.json().catch(() => undefined)) as Record<string, unknown> | undefined };
  };

  test("each write carries its writer's scope: staff their shop, buyers and batches the system", async () => {
    const admin = await issuer.token({ sub: 'admin_a', scope: 'cs:admin', shop_id: 'shop_a' });
    const agent = await issuer.token({ sub: 'agent_a', scope: 'cs:agent', shop_id: 'shop_a' });
    const buyer = await connect(node.url, await issuer.token({ sub: 'buyer_a', scope: 'cs:customer' }));
    try {
      const ack = await buyer.sendText({ shopId: 'shop_a' }, '转人工');
      await eventually(async () => (await call(agent, 'POST', `/conversations/${ack.conversationId}/accept`)).status === 200, 5000, 'accept');
      assert.equal((await call(agent, 'POST', `/conversations/${ack.conversationId}/notes`, { text: 'a note' })).status, 201);
      assert.equal((await call(admin, 'POST', '/shops/shop_a/faq', { question: 'Do you ship abroad?', answer: 'Yes.' })).status, 201);
      const faq = await call(admin, 'GET', '/shops/shop_a/faq');
      assert.equal((faq.body?.items as unknown[]).length, 1, 'the scoped read sees its own entry');
    } finally {
      buyer.close();
    }
    const { rows } = await owner.query<{ t: string; scope: string | null }>('select t, scope from scope_log order by at');
    const scopes = (t: string) => [...new Set(rows.filter((r) => r.t === t).map((r) => r.scope))];
    assert.deepEqual(scopes('faq_entries'), ['shop_a']);
    assert.deepEqual(scopes('conversation_notes'), ['shop_a']);
    assert.deepEqual(scopes('conversations'), [rowSecurity.system], "the buyer's message opened it");
    assert.deepEqual(scopes('messages'), [rowSecurity.system], 'group-commit batches mix shops');
    assert.equal(rows.some((r) => r.scope === null || r.scope === ''), false);
  });
});
