import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createLocalJWKSet, SignJWT, UnsecuredJWT } from 'jose';
import { createTokenVerifier } from '../../src/auth/index.ts';
import type { TokenVerifier } from '../../src/auth/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { AUD, ISS, newKey, sign, startJwksServer, type JwksServer, type TestKey } from './support.ts';

const agentClaims = { sub: 'agent-7', scope: 'cs:agent', shop_id: 'shop-1', name: 'Lin' };

/** Rejects with this code, a reason matching `reason`, and a message that does not echo the token. */
async function refused(token: string, verifier: TokenVerifier, reason: RegExp, code = 'UNAUTHORIZED'): Promise<void> {
  await assert.rejects(verifier.verify(token), (e: unknown) => {
    assert.ok(e instanceof KefuError, `expected KefuError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.match(e.message, reason);
    if (token.length >= 8) assert.ok(!e.message.includes(token.slice(0, 8)), 'the reason must not echo the token');
    return true;
  });
}

describe('createTokenVerifier against a JWKS URL', () => {
  let es: TestKey;
  let rs: TestKey;
  let ed: TestKey;
  let jwks: JwksServer;
  let verifier: TokenVerifier;

  before(async () => {
    [es, rs, ed] = await Promise.all([newKey('ES256', 'es-1'), newKey('RS256', 'rs-1'), newKey('EdDSA', 'ed-1')]);
    jwks = await startJwksServer([es.publicJwk, rs.publicJwk, ed.publicJwk]);
    // cacheMax 0: every case below must be decided by verification itself.
    verifier = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['RS256', 'ES256', 'EdDSA'], cacheMax: 0 });
  });
  after(() => jwks.close());

  test('accepts RS256, ES256 and EdDSA tokens and maps claims to a Principal', async () => {
    for (const key of [es, rs, ed]) {
      const p = await verifier.verify(await sign(key, agentClaims, { expIn: 600 }));
      assert.equal(p.userId, 'agent-7');
      assert.deepEqual([...p.roles], ['agent']);
      assert.equal(p.shopId, 'shop-1');
      assert.equal(p.name, 'Lin');
      assert.ok(p.expiresAt !== undefined && Math.abs(p.expiresAt - (Date.now() / 1000 + 600)) < 5);
    }
  });

  test('scope may be a string or an array; unknown scopes are ignored', async () => {
    const a = await verifier.verify(await sign(es, { sub: 'u1', scope: 'openid  cs:customer cs:admin profile', shop_id: 's9' }));
    assert.deepEqual([...a.roles].sort(), ['admin', 'customer']);
    assert.equal(a.shopId, 's9');
    const b = await verifier.verify(await sign(es, { sub: 'u2', scope: ['cs:commands', 'other'], shop_id: 's9' }));
    assert.deepEqual([...b.roles], ['commands']);
  });

  test('a buyer token needs no shop_id and carries none', async () => {
    const p = await verifier.verify(await sign(es, { sub: 'buyer-1', scope: 'cs:customer', shop_id: 'ignored' }));
    assert.deepEqual([...p.roles], ['customer']);
    assert.equal(p.shopId, undefined);
    assert.equal(p.name, undefined);
  });

  test('refuses alg none', async () => {
    const token = new UnsecuredJWT({ ...agentClaims }).setIssuer(ISS).setAudience(AUD).setExpirationTime('5m').encode();
    await refused(token, verifier, /algorithm not accepted/);
  });

  test('refuses HS256 signed with the public key as the secret', async () => {
    // The classic algorithm-confusion attack: an HMAC "signed" with bytes anyone can download.
    for (const secret of [JSON.stringify(rs.publicJwk), rs.publicJwk.n as string]) {
      const token = await new SignJWT({ ...agentClaims })
        .setProtectedHeader({ alg: 'HS256', kid: rs.kid })
        .setIssuer(ISS)
        .setAudience(AUD)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      await refused(token, verifier, /algorithm not accepted/);
    }
  });

  test('refuses a token whose signature was tampered with', async () => {
    const token = await sign(es, agentClaims);
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...agentClaims, shop_id: 'shop-2', iss: ISS, aud: AUD, exp: 9e9 })).toString('base64url')}.${s}`;
    await refused(forged, verifier, /signature invalid/);
  });

  test('refuses an ES256 token re-labelled RS256 (key of the wrong type)', async () => {
    const token = await sign(es, agentClaims);
    const [, p, s] = token.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: es.kid })).toString('base64url');
    await refused(`${header}.${p}.${s}`, verifier, /signing key not found|signature invalid/);
  });

  test('exp and nbf are checked with 60 s leeway', async () => {
    await verifier.verify(await sign(es, agentClaims, { expIn: -30 }));
    await verifier.verify(await sign(es, agentClaims, { nbfIn: 30 }));
    await refused(await sign(es, agentClaims, { expIn: -90 }), verifier, /expired/);
    await refused(await sign(es, agentClaims, { nbfIn: 90 }), verifier, /not yet valid/);
  });

  test('refuses a token without exp', async () => {
    await refused(await sign(es, agentClaims, { expIn: null }), verifier, /exp/);
  });

  test('refuses wrong aud and wrong iss', async () => {
    await refused(await sign(es, agentClaims, { aud: 'someone-else' }), verifier, /audience/);
    await refused(await sign(es, agentClaims, { iss: 'https://evil.example' }), verifier, /issuer/);
  });

  test('refuses an unknown kid', async () => {
    const stranger = await newKey('ES256', 'not-published');
    await refused(await sign(stranger, agentClaims), verifier, /signing key not found/);
  });

  test('refuses a token signed by an unpublished key that claims a published kid', async () => {
    const stranger = await newKey('ES256', es.kid);
    await refused(await sign(stranger, agentClaims), verifier, /signature invalid/);
  });

  test('refuses missing or non-string sub', async () => {
    const { sub: _sub, ...noSub } = agentClaims;
    await refused(await sign(es, noSub), verifier, /sub/);
    await refused(await sign(es, { ...agentClaims, sub: 42 as unknown as string }), verifier, /sub/);
    await refused(await sign(es, { ...agentClaims, sub: '' }), verifier, /sub/);
  });

  test('refuses a staff token without a string shop_id', async () => {
    for (const scope of ['cs:agent', 'cs:admin', 'cs:commands', 'cs:customer cs:agent']) {
      await refused(await sign(es, { sub: 'x', scope }), verifier, /shop_id/);
      await refused(await sign(es, { sub: 'x', scope, shop_id: 12 }), verifier, /shop_id/);
    }
  });

  test('refuses a token with no kefu scope, including prototype names', async () => {
    await refused(await sign(es, { sub: 'x', scope: 'openid profile' }), verifier, /no kefu scope/);
    await refused(await sign(es, { sub: 'x' }), verifier, /no kefu scope/);
    await refused(await sign(es, { sub: 'x', scope: 'constructor __proto__ toString', shop_id: 's' }), verifier, /no kefu scope/);
  });

  test('refuses garbage, empty and oversized tokens', async () => {
    await refused('not-a-jwt', verifier, /malformed/);
    await refused('a.b.c', verifier, /malformed/);
    await refused('', verifier, /missing/);
    await refused('x'.repeat(20_000), verifier, /too long/);
  });

  test('only algorithms in both the option and the supported set are accepted', async () => {
    const esOnly = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['ES256', 'HS256'] });
    await esOnly.verify(await sign(es, agentClaims));
    await refused(await sign(rs, agentClaims), esOnly, /algorithm not accepted/);
    assert.throws(() => createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['HS256', 'none'] }), /algorithms/);
  });

  test('needs exactly one of jwksUrl and keySet', () => {
    assert.throws(() => createTokenVerifier({ issuer: ISS, audience: AUD, algorithms: ['ES256'] }), /exactly one/);
    assert.throws(
      () => createTokenVerifier({ jwksUrl: jwks.url, keySet: createLocalJWKSet({ keys: [] }), issuer: ISS, audience: AUD, algorithms: ['ES256'] }),
      /exactly one/,
    );
  });
});

describe('createTokenVerifier when the key set cannot be fetched', () => {
  test('a 500 from the JWKS endpoint is UNAVAILABLE, not UNAUTHORIZED, and is reported', async () => {
    const key = await newKey('ES256', 'k1');
    const jwks = await startJwksServer([key.publicJwk]);
    try {
      jwks.mode = 'error';
      const seen: unknown[] = [];
      const v = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['ES256'], onKeySetError: (e) => seen.push(e) });
      await refused(await sign(key, agentClaims), v, /key set unreachable/, 'UNAVAILABLE');
      assert.equal(seen.length, 1);
      jwks.mode = 'ok';
      assert.equal((await v.verify(await sign(key, agentClaims))).userId, 'agent-7');
    } finally {
      await jwks.close();
    }
  });

  test('a JWKS endpoint that never answers times out as UNAVAILABLE', async () => {
    const key = await newKey('ES256', 'k1');
    const jwks = await startJwksServer([key.publicJwk]);
    try {
      jwks.mode = 'hang';
      const v = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['ES256'], jwksTimeoutMs: 200 });
      const t0 = Date.now();
      await refused(await sign(key, agentClaims), v, /key set unreachable/, 'UNAVAILABLE');
      assert.ok(Date.now() - t0 < 3000);
    } finally {
      await jwks.close();
    }
  });

  test('alg none and HS256 are refused without fetching the key set', async () => {
    const key = await newKey('ES256', 'k1');
    const jwks = await startJwksServer([key.publicJwk]);
    try {
      const v = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['ES256'] });
      const none = new UnsecuredJWT({ ...agentClaims }).setIssuer(ISS).setAudience(AUD).setExpirationTime('5m').encode();
      const h = Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'k1' })).toString('base64url');
      const p = Buffer.from(JSON.stringify({ ...agentClaims, iss: ISS, aud: AUD, exp: 9e9 })).toString('base64url');
      const hs = `${h}.${p}.${createHmac('sha256', 'x').update(`${h}.${p}`).digest('base64url')}`;
      await refused(none, v, /algorithm/);
      await refused(hs, v, /algorithm/);
      assert.equal(jwks.fetches, 0);
    } finally {
      await jwks.close();
    }
  });
});
