import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTokenVerifier } from '../../src/auth/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';
import { AUD, ISS, newKey, sign, startJwksServer } from './support.ts';

const claims = { sub: 'agent-1', scope: 'cs:agent', shop_id: 'shop-1' };
const COOLDOWN_MS = 300;

test('a key published later is picked up on its first token, without a restart', async () => {
  const [oldKey, newKeyB] = await Promise.all([newKey('ES256', 'key-2024'), newKey('RS256', 'key-2025')]);
  const jwks = await startJwksServer([oldKey.publicJwk]);
  try {
    const v = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['ES256', 'RS256'], jwksCooldownMs: COOLDOWN_MS });

    assert.equal((await v.verify(await sign(oldKey, claims))).userId, 'agent-1');
    assert.equal(jwks.fetches, 1);

    // Signed before the issuer publishes the key: refused, and within the cooldown the unknown
    // kid does not make us fetch again (a flood of made-up kids cannot hammer the issuer).
    const early = await sign(newKeyB, claims);
    await assert.rejects(v.verify(early), (e: unknown) => e instanceof KefuError && e.code === 'UNAUTHORIZED' && /signing key not found/.test(e.message));
    assert.equal(jwks.fetches, 1);

    jwks.keys = [oldKey.publicJwk, newKeyB.publicJwk];
    await sleep(COOLDOWN_MS + 50);

    const p = await v.verify(await sign(newKeyB, { ...claims, sub: 'agent-2' }));
    assert.equal(p.userId, 'agent-2');
    assert.equal(jwks.fetches, 2, 'the unknown kid caused exactly one refetch');

    // Both keys now verify from the refreshed set with no further fetches.
    await v.verify(await sign(oldKey, { ...claims, sub: 'agent-3' }));
    await v.verify(await sign(newKeyB, { ...claims, sub: 'agent-4' }));
    assert.equal(jwks.fetches, 2);

    // The old key retired: once the set is refetched, its new tokens are refused.
    jwks.keys = [newKeyB.publicJwk];
    await sleep(COOLDOWN_MS + 50);
    const stranger = await newKey('ES256', 'made-up');
    await assert.rejects(v.verify(await sign(stranger, claims)), /signing key not found/);
    assert.equal(jwks.fetches, 3);
    await assert.rejects(v.verify(await sign(oldKey, { ...claims, sub: 'agent-5' })), /signing key not found/);
  } finally {
    await jwks.close();
  }
});

test('concurrent tokens with a new kid share one refetch', async () => {
  const [a, b] = await Promise.all([newKey('ES256', 'a'), newKey('ES256', 'b')]);
  const jwks = await startJwksServer([a.publicJwk]);
  try {
    const v = createTokenVerifier({ jwksUrl: jwks.url, issuer: ISS, audience: AUD, algorithms: ['ES256'], jwksCooldownMs: COOLDOWN_MS });
    await v.verify(await sign(a, claims));
    jwks.keys = [a.publicJwk, b.publicJwk];
    await sleep(COOLDOWN_MS + 50);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(b, { ...claims, sub: `u${i}` })));
    const principals = await Promise.all(tokens.map((t) => v.verify(t)));
    assert.deepEqual(
      principals.map((p) => p.userId),
      tokens.map((_, i) => `u${i}`),
    );
    assert.equal(jwks.fetches, 2);
  } finally {
    await jwks.close();
  }
});
