/**
 * Forged and unusable tokens on real PostgreSQL + Redis (docs/security.md), against both doors:
 * the socket upgrade (/im) and REST (/api/v1). The verifier's unit tests
 * (test/auth/verifier.test.ts) cover each rule one by one, and test/gateway/gateway.int.test.ts
 * the upgrade on the embedded adapters; here every attack goes through the real server with a
 * healthy client alongside, and nothing may be stored.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SignJWT, base64url } from 'jose';
import { needsPg, needsRedis } from '../support/services.ts';
import { AUD, ISS, newKey, sign } from '../auth/support.ts';
import { codeOf, startSetup, storesNothing, type Setup } from './support.ts';

const claims = { sub: 'jwt_attacker', scope: 'cs:customer' };

/** Each attack's token, built against the node's real issuer key. */
async function attacks(s: Setup): Promise<Array<{ name: string; token: string; expect: string }>> {
  const now = Math.floor(Date.now() / 1000);
  const stranger = await newKey('ES256', 'foreign-kid');
  const impostor = await newKey('ES256', s.issuer.key.kid);
  const U = '401 UNAUTHORIZED';
  return [
    { name: 'alg none', token: `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64url.encode(JSON.stringify({ ...claims, iss: ISS, aud: AUD, exp: now + 300 }))}.`, expect: U },
    {
      name: 'HS256 signed with the public key',
      token: await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: s.issuer.key.kid }).setIssuer(ISS).setAudience(AUD).setExpirationTime('5m').sign(new TextEncoder().encode(JSON.stringify(s.issuer.key.publicJwk))),
      expect: U,
    },
    { name: 'foreign kid', token: await sign(stranger, claims), expect: U },
    { name: 'unpublished key claiming the published kid', token: await sign(impostor, claims), expect: U },
    { name: 'expired', token: await sign(s.issuer.key, claims, { expIn: -120 }), expect: U },
    { name: 'nbf in the future', token: await sign(s.issuer.key, claims, { nbfIn: 600 }), expect: U },
    { name: 'wrong iss', token: await sign(s.issuer.key, claims, { iss: 'https://evil.example' }), expect: U },
    { name: 'wrong aud', token: await sign(s.issuer.key, claims, { aud: 'someone-else' }), expect: U },
    { name: 'missing sub', token: await sign(s.issuer.key, { scope: 'cs:customer' }), expect: U },
    { name: 'no kefu scope', token: await sign(s.issuer.key, { sub: 'x', scope: 'openid' }), expect: U },
    { name: 'staff scope without shop_id', token: await sign(s.issuer.key, { sub: 'x', scope: 'cs:admin' }), expect: U },
    { name: '12 KB of garbage', token: 'x'.repeat(12 * 1024), expect: U },
    // Beyond node's 16 KiB header limit the HTTP parser answers itself, before any of kefu's code.
    { name: '100 KB token', token: `${(await sign(s.issuer.key, claims)).split('.').slice(0, 2).join('.')}.${'A'.repeat(100 * 1024)}`, expect: '431 undefined' },
  ];
}

describe('JWT attacks (real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let s: Setup;
  before(async () => {
    s = await startSetup({});
  });
  after(async () => s?.close());

  test('on the socket upgrade: refused before any socket opens', async () => {
    const list = await attacks(s);
    const got = await s.probe.during('JWT attacks on /im', () =>
      storesNothing(s.node, 'JWT attacks on /im', async () => {
        const out: string[] = [];
        for (const a of list) {
          const r = await s.attacker.upgrade(s.node.url, { query: `?token=${a.token}&device=app` });
          out.push(`${a.name}: ${r.status} ${codeOf(r.body)}`);
          await s.attacker.close([r]);
        }
        // The same token in the Authorization header.
        const h = await s.attacker.upgrade(s.node.url, { headers: { authorization: `Bearer ${list[0]!.token}` } });
        out.push(`header: ${h.status} ${codeOf(h.body)}`);
        return out;
      }),
    );
    assert.deepEqual(got, [...list.map((a) => `${a.name}: ${a.expect}`), 'header: 401 UNAUTHORIZED']);
  });

  test('on REST: the same tokens get the same refusal', async () => {
    const list = await attacks(s);
    const got = await s.probe.during('JWT attacks on REST', () =>
      storesNothing(s.node, 'JWT attacks on REST', async () => {
        const rs = await s.attacker.requests(list.map((a) => ({ url: `${s.node.url}/api/v1/conversations`, headers: { authorization: `Bearer ${a.token}` } })));
        return rs.map((r, i) => `${list[i]!.name}: ${r.status} ${codeOf(r.body)}`);
      }),
    );
    assert.deepEqual(got, list.map((a) => `${a.name}: ${a.expect}`));
  });

  test('a good token still works (the refusals above are not the node refusing everyone)', async () => {
    const good = await s.issuer.token(claims);
    const r = await s.attacker.upgrade(s.node.url, { query: `?token=${good}` });
    assert.equal(r.status, 101);
    await s.attacker.close([r]);
    assert.equal((await fetch(`${s.node.url}/api/v1/conversations`, { headers: { authorization: `Bearer ${good}` } })).status, 200);
  });
});
