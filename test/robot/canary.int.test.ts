// The robot canary switched and rolled back at run time, across two nodes, with the v2 strategy
// consulting an OpenAI-compatible LLM (a local fake) for questions the engine cannot place.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { needsPg, needsRedis, PG_URL } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';

const OPS = 'ops-token-0123456789abcdefghij';

describe('robot canary at run time (two nodes, real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let issuer: Issuer;
  let a: Node;
  let b: Node;
  let llm: Server;
  let llmCalls = 0;
  const iso = newIsolation();

  before(async () => {
    llm = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        llmCalls++;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: '{"intent":"human"}' } }] }));
      });
    });
    await new Promise<void>((r) => llm.listen(0, '127.0.0.1', r));
    const llmUrl = `http://127.0.0.1:${(llm.address() as { port: number }).port}/v1`;
    issuer = await startIssuer();
    const env = { ...realEnv(issuer, iso), KEFU_OPS_TOKEN: OPS, KEFU_LLM_URL: llmUrl, KEFU_LLM_MODEL: 'fake-1', KEFU_LLM_TIMEOUT_MS: '500' };
    a = await startNode(env);
    b = await startNode(env);
  });
  after(async () => {
    await a?.close();
    await b?.close();
    await issuer?.close();
    llm?.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop schema if exists "${iso.schema}" cascade`);
    await c.end();
  });

  const ops = (node: Node, method: string, path: string, body?: unknown, token = OPS) =>
    fetch(`${node.url}/api/v1/ops/robot${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

  async function askOnB(sub: string, text: string) {
    const c = await connect(b.url, await issuer.token({ sub, scope: 'cs:customer' }));
    const reply = c.waitFor((f) => f.type === 'message' && f.sender.role === 'bot', 5000);
    await c.sendText({ shopId: 'shop_c' }, text);
    await reply;
    await b.rt.bot.idle();
    await c.close();
  }

  test('everyone starts on v1; a split set on node A applies on node B at once; rollback sends everyone back', async () => {
    assert.equal((await ops(a, 'GET', '/canary', undefined, 'wrong-token-wrong-token-wrong')).status, 401);
    const first = (await (await ops(b, 'GET', '/canary')).json()) as Record<string, unknown>;
    assert.deepEqual({ newVersion: first.newVersion, oldVersion: first.oldVersion, newDigits: first.newDigits }, { newVersion: 'v2', oldVersion: 'v1', newDigits: [] });
    // These nodes have an LLM: the answer says what each version is, and v2 is not v1.
    assert.match((first.versions as Record<string, string>).v2!, /LLM/);
    assert.notEqual((first.versions as Record<string, string>).v1, (first.versions as Record<string, string>).v2);
    assert.equal(first.note, undefined);

    await askOnB('buyer-c5', 'qwxz blorp zzzt');
    assert.equal(llmCalls, 0, 'v1 never asks the LLM');

    // Each ask uses a new buyer: a hand-over would silence the robot in that conversation.
    const put = await ops(a, 'PUT', '/canary', { newVersion: 'v2', oldVersion: 'v1', newDigits: [5] });
    assert.equal(put.status, 200);
    await eventually(async () => ((await (await ops(b, 'GET', '/canary')).json()) as { newDigits: number[] }).newDigits.includes(5), 3000, 'node B to apply the split');

    await askOnB('buyer-e5', 'qwxz blorp zzzt');
    assert.ok(llmCalls >= 1, 'a user ending in 5 is on v2, which asks the LLM for an open question');
    const before = llmCalls;
    await askOnB('buyer-c4', 'qwxz blorp zzzt');
    assert.equal(llmCalls, before, 'a user ending in 4 stays on v1');
    const m = await (await fetch(`${b.url}/metrics`)).text();
    assert.match(m, /kefu_bot_answers_total\{version="v2",intent="[a-z_]+"\} [1-9]/);
    assert.match(m, /kefu_bot_answers_total\{version="v1",intent="[a-z_]+"\} [1-9]/);

    assert.equal((await ops(a, 'POST', '/canary/rollback')).status, 200);
    await eventually(async () => ((await (await ops(b, 'GET', '/canary')).json()) as { newDigits: number[] }).newDigits.length === 0, 3000, 'rollback on node B');
    const atRollback = llmCalls;
    await askOnB('buyer-f5', 'qwxz blorp zzzt');
    assert.equal(llmCalls, atRollback, 'after rollback the user is back on v1');

    const bad = await ops(a, 'PUT', '/canary', { newVersion: 'v9', oldVersion: 'v1', newDigits: [1] });
    assert.equal(bad.status, 400);
  });
});
