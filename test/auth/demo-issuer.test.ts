import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeProtectedHeader } from 'jose';
import {
  createDemoIssuer,
  createTokenVerifier,
  DEMO_JWKS_PATH,
  DEMO_KEY_FILE,
  DEMO_TOKEN_PATH,
  registerDemoIssuerRoutes,
  type DemoIssuer,
} from '../../src/auth/index.ts';
import { ConfigError, DEMO_ISSUER, loadConfig } from '../../src/config/index.ts';
import { DEMO_TOKEN_CLAIMS } from '../../src/demo/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';

const ISSUER = DEMO_ISSUER;
const AUDIENCE = 'kefu';

const verifierFor = (d: DemoIssuer) => createTokenVerifier({ keySet: d.keySet, issuer: d.issuer, audience: d.audience, algorithms: [d.algorithm] });

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kefu-demo-oauth-'));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('createDemoIssuer', () => {
  test('refuses production', async () => {
    await assert.rejects(createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: true }), (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      assert.equal(e.variable, 'KEFU_OAUTH_JWKS_URL');
      return true;
    });
  });

  test('keys persist in dataDir (0600) and survive re-creation', async () => {
    const d = join(dir, 'persist');
    const first = await createDemoIssuer({ dataDir: d, issuer: ISSUER, audience: AUDIENCE, production: false });
    const token = await first.sign({ sub: 'agent-1', scope: 'cs:agent', shop_id: 'shop-1' });
    const file = join(d, DEMO_KEY_FILE);
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await readdir(d), [DEMO_KEY_FILE], 'no temp files left behind');

    const second = await createDemoIssuer({ dataDir: d, issuer: ISSUER, audience: AUDIENCE, production: false });
    assert.equal(second.kid, first.kid);
    const p = await verifierFor(second).verify(token);
    assert.equal(p.userId, 'agent-1');
    assert.equal(p.shopId, 'shop-1');
  });

  test('without dataDir the key lives in memory only', async () => {
    const a = await createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: false });
    const b = await createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: false });
    assert.notEqual(a.kid, b.kid);
    await assert.rejects(verifierFor(b).verify(await a.sign({ sub: 'x', scope: 'cs:customer' })), /signing key not found/);
  });

  test('processes starting together on one data dir end up with one key', async () => {
    const d = join(dir, 'race');
    const issuers = await Promise.all(Array.from({ length: 6 }, () => createDemoIssuer({ dataDir: d, issuer: ISSUER, audience: AUDIENCE, production: false })));
    assert.equal(new Set(issuers.map((i) => i.kid)).size, 1);
    assert.deepEqual(await readdir(d), [DEMO_KEY_FILE]);
  });

  test('a corrupt key file is reported, not silently replaced', async () => {
    const d = join(dir, 'corrupt');
    await createDemoIssuer({ dataDir: d, issuer: ISSUER, audience: AUDIENCE, production: false });
    await writeFile(join(d, DEMO_KEY_FILE), '{"privateJwk":{"kty":"EC"}}');
    await assert.rejects(createDemoIssuer({ dataDir: d, issuer: ISSUER, audience: AUDIENCE, production: false }), /demo-oauth-key\.json does not hold a valid ES256 demo key/);
    assert.equal(await readFile(join(d, DEMO_KEY_FILE), 'utf8'), '{"privateJwk":{"kty":"EC"}}');
  });

  test('sign + verify round trip carries every claim', async () => {
    const d = await createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: false });
    const before = Math.floor(Date.now() / 1000);
    const token = await d.sign({ sub: 'admin-1', scope: 'cs:admin cs:commands', shop_id: 'shop-9', name: '小李' }, 120);
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'ES256', kid: d.kid, typ: 'at+jwt' });
    const p = await verifierFor(d).verify(token);
    assert.equal(p.userId, 'admin-1');
    assert.deepEqual([...p.roles].sort(), ['admin', 'commands']);
    assert.equal(p.shopId, 'shop-9');
    assert.equal(p.name, '小李');
    assert.ok(p.expiresAt !== undefined && p.expiresAt >= before + 120 && p.expiresAt <= before + 122);
    // Another audience or issuer does not accept it.
    const other = createTokenVerifier({ keySet: d.keySet, issuer: ISSUER, audience: 'other', algorithms: ['ES256'] });
    await assert.rejects(other.verify(token), /audience/);
  });

  test('sign refuses claims the verifier would refuse', async () => {
    const d = await createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: false });
    const cases: [Parameters<DemoIssuer['sign']>, RegExp][] = [
      [[{ sub: '', scope: 'cs:customer' }], /sub/],
      [[{ sub: 'x', scope: 'openid' }], /scope/],
      [[{ sub: 'x', scope: 'cs:agent' }], /shop_id/],
      [[{ sub: 'x', scope: 'cs:customer' }, 5], /ttlSec/],
    ];
    for (const [args, field] of cases) {
      await assert.rejects(d.sign(...args), (e: unknown) => e instanceof KefuError && e.code === 'BAD_REQUEST' && field.test(e.message));
    }
  });

  test('nodes on other ports sharing a data dir accept each other\'s tokens; KEFU_OAUTH_ISSUER overrides the issuer', async () => {
    const d = join(dir, 'two-nodes');
    // What wiring.ts does for each node: the issuer comes from the configuration.
    const node = async (env: Record<string, string>) => {
      const cfg = loadConfig({ KEFU_DATA_DIR: d, ...env });
      return createDemoIssuer({ dataDir: cfg.dataDir, issuer: cfg.oauth.issuer, audience: cfg.oauth.audience, production: false });
    };
    const a = await node({ KEFU_PORT: '8080' });
    const b = await node({ KEFU_HOST: '0.0.0.0', KEFU_PORT: '8081' });
    assert.equal(a.issuer, 'kefu-demo');
    assert.equal(b.issuer, a.issuer);
    for (const claims of Object.values(DEMO_TOKEN_CLAIMS)) {
      assert.equal((await verifierFor(b).verify(await a.sign(claims))).userId, claims.sub, `${claims.scope} token of one node accepted by the other`);
    }

    const custom = await node({ KEFU_PORT: '8082', KEFU_OAUTH_ISSUER: 'https://kefu.example/demo' });
    assert.equal(custom.issuer, 'https://kefu.example/demo');
    await verifierFor(custom).verify(await custom.sign({ sub: 'x', scope: 'cs:customer' }));
    await assert.rejects(verifierFor(a).verify(await custom.sign({ sub: 'x', scope: 'cs:customer' })), /iss/);
  });

  test('jwks() is public only', async () => {
    const d = await createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: false });
    const set = d.jwks();
    assert.equal(set.keys.length, 1);
    assert.equal(set.keys[0]?.kid, d.kid);
    assert.equal(set.keys[0]?.d, undefined);
  });
});

describe('registerDemoIssuerRoutes', () => {
  let app: FastifyInstance;
  let issuer: DemoIssuer;

  before(async () => {
    issuer = await createDemoIssuer({ dataDir: undefined, issuer: ISSUER, audience: AUDIENCE, production: false });
    app = Fastify();
    // What the real app's error handler does with a thrown KefuError.
    app.setErrorHandler((err, _req, reply) => {
      if (err instanceof KefuError) return reply.status(err.status).send(err.toBody());
      return reply.status((err as { statusCode?: number }).statusCode ?? 500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
    });
    registerDemoIssuerRoutes(app, issuer);
    await app.ready();
  });
  after(() => app.close());

  test('GET jwks serves the public key, marked as demo', async () => {
    const res = await app.inject({ method: 'GET', url: DEMO_JWKS_PATH });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-kefu-demo'], 'true');
    const body = res.json() as { keys: { kid: string; d?: string }[] };
    assert.deepEqual(body, issuer.jwks());
    assert.equal(body.keys[0]?.d, undefined);
  });

  test('POST token issues a verifiable token', async () => {
    const res = await app.inject({ method: 'POST', url: DEMO_TOKEN_PATH, payload: { sub: 'agent-3', scope: 'cs:agent', shop_id: 'shop-3', name: 'Ann', ttlSec: 600 } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-kefu-demo'], 'true');
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json() as { access_token: string; token_type: string; expires_in: number };
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 600);
    const p = await verifierFor(issuer).verify(body.access_token);
    assert.equal(p.userId, 'agent-3');
    assert.equal(p.shopId, 'shop-3');
    assert.equal(p.name, 'Ann');

    const dflt = await app.inject({ method: 'POST', url: DEMO_TOKEN_PATH, payload: { sub: 'b', scope: 'cs:customer' } });
    assert.equal(dflt.statusCode, 200);
    assert.equal((dflt.json() as { expires_in: number }).expires_in, 3600);
  });

  test('POST token refuses bad bodies with BAD_REQUEST naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ scope: 'cs:customer' }, 'sub'],
      [{ sub: 42, scope: 'cs:customer' }, 'sub'],
      [{ sub: 'x' }, 'scope'],
      [{ sub: 'x', scope: 'cs:customer cs:superuser' }, 'scope'],
      [{ sub: 'x', scope: '' }, 'scope'],
      [{ sub: 'x', scope: 'cs:commands' }, 'shop_id'],
      [{ sub: 'x', scope: 'cs:agent', shop_id: '' }, 'shop_id'],
      [{ sub: 'x', scope: 'cs:customer', ttlSec: 1.5 }, 'ttlSec'],
      [{ sub: 'x', scope: 'cs:customer', ttlSec: 10_000_000 }, 'ttlSec'],
      [{ sub: 'x', scope: 'cs:customer', ttlSec: '600' }, 'ttlSec'],
      [{ sub: 'x', scope: 'cs:customer', shopId: 's' }, 'shopId'],
      [['sub', 'x'], 'body'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: DEMO_TOKEN_PATH, payload: payload as object });
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      const body = res.json() as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'BAD_REQUEST');
      assert.ok(body.error.message.includes(field), `${JSON.stringify(payload)} → ${body.error.message}`);
    }
  });

  test('POST token without a body is BAD_REQUEST', async () => {
    const res = await app.inject({ method: 'POST', url: DEMO_TOKEN_PATH });
    assert.equal(res.statusCode, 400);
    assert.equal((res.json() as { error: { code: string } }).error.code, 'BAD_REQUEST');
  });
});
