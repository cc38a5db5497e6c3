// Two nodes with the demo issuer, on other ports but one data dir (so one demo key): a token from
// either is good on both, for buyers, agents and admins alike.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { needsPg, PG_URL, testSchema } from '../support/services.ts';
import { connect, startNode, type Node } from '../support/kefu.ts';
import { DEMO_TOKEN_CLAIMS } from '../../src/demo/index.ts';

async function demoToken(node: Node, claims: object): Promise<string> {
  const r = await fetch(`${node.url}/demo/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
  assert.equal(r.status, 200);
  return ((await r.json()) as { access_token: string }).access_token;
}

describe('two demo nodes sharing a data dir', { skip: needsPg }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kefu-two-'));
  const schema = testSchema('two');
  let a: Node;
  let b: Node;
  before(async () => {
    // The configured ports differ, as for two nodes started by hand; the issuer must not.
    const env = { KEFU_DATABASE_URL: PG_URL!, KEFU_DATABASE_SCHEMA: schema, KEFU_DATA_DIR: dataDir };
    a = await startNode({ ...env, KEFU_PORT: '8080' });
    b = await startNode({ ...env, KEFU_PORT: '8081' });
  });
  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a token from one node is accepted by the other', async () => {
    assert.equal(a.rt.demoIssuer?.issuer, 'kefu-demo');
    assert.equal(b.rt.demoIssuer?.issuer, a.rt.demoIssuer?.issuer);
    const buyer = await connect(b.url, await demoToken(a, DEMO_TOKEN_CLAIMS.buyer));
    await buyer.ping();
    await buyer.close();
    for (const claims of [DEMO_TOKEN_CLAIMS.agent, DEMO_TOKEN_CLAIMS.admin]) {
      const r = await fetch(`${a.url}/api/v1/conversations`, { headers: { authorization: `Bearer ${await demoToken(b, claims)}` } });
      assert.equal(r.status, 200, `${claims.scope} token from b on a`);
    }
  });
});
