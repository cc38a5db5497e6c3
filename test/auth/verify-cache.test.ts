import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLocalJWKSet, SignJWT, type JWTVerifyGetKey } from 'jose';
import { createTokenVerifier, type Principal, type TokenVerifier } from '../../src/auth/index.ts';
import { VerifyCache } from '../../src/auth/verify-cache.ts';
import { AUD, ISS, newKey, type TestKey } from './support.ts';

const T0 = Date.UTC(2030, 0, 1) / 1000; // epoch seconds, far from the real clock on purpose

let key: TestKey;
before(async () => {
  key = await newKey('ES256', 'k');
});

/** A token whose times are absolute, so the verifier's injected clock alone decides validity. */
function token(sub: string, exp: number, nbf?: number): Promise<string> {
  const jwt = new SignJWT({ scope: 'cs:customer' }).setProtectedHeader({ alg: 'ES256', kid: key.kid }).setIssuer(ISS).setAudience(AUD).setSubject(sub).setIssuedAt(T0 - 10).setExpirationTime(exp);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  return jwt.sign(key.privateKey);
}

function setup(opts: { cacheMax?: number; clockToleranceSec?: number } = {}) {
  const clock = { ms: T0 * 1000 };
  let keyLookups = 0;
  const local = createLocalJWKSet({ keys: [key.publicJwk] });
  // Counting key lookups tells a full verification (one lookup) from a cache hit (none).
  const keySet: JWTVerifyGetKey = (h, t) => {
    keyLookups++;
    return local(h, t);
  };
  const verifier = createTokenVerifier({ keySet, issuer: ISS, audience: AUD, algorithms: ['ES256'], now: () => clock.ms, ...opts });
  return { verifier, clock, lookups: () => keyLookups };
}

async function outcome(v: TokenVerifier, t: string): Promise<string> {
  try {
    const p: Principal = await v.verify(t);
    return `ok:${p.userId}`;
  } catch (e) {
    return `err:${(e as Error).message}`;
  }
}

describe('verify cache', () => {
  test('a repeat token is served from the cache for at most 60 s', async () => {
    const { verifier, clock, lookups } = setup();
    const t = await token('u', T0 + 600);
    await verifier.verify(t);
    assert.equal(lookups(), 1);
    clock.ms += 59_000;
    await verifier.verify(t);
    assert.equal(lookups(), 1, 'within 60 s: cache hit');
    clock.ms += 2_000;
    await verifier.verify(t);
    assert.equal(lookups(), 2, 'after 60 s: verified again');
  });

  test('a cached token is never accepted once expired, even with zero leeway', async () => {
    const { verifier, clock, lookups } = setup({ clockToleranceSec: 0 });
    const t = await token('u', T0 + 5);
    await verifier.verify(t);
    clock.ms = (T0 + 5) * 1000;
    await assert.rejects(verifier.verify(t), /token expired/);
    assert.equal(lookups(), 2, 'the cache was skipped: full verification ran and refused');
  });

  test('past exp the default leeway is judged by full verification, never by the cache', async () => {
    const { verifier, clock, lookups } = setup();
    const t = await token('u', T0 + 30);
    await verifier.verify(t);
    clock.ms = (T0 + 31) * 1000;
    await verifier.verify(t); // within the 60 s leeway
    await verifier.verify(t);
    assert.equal(lookups(), 3, 'inside the leeway each call is verified afresh, none cached');
    clock.ms = (T0 + 91) * 1000;
    await assert.rejects(verifier.verify(t), /token expired/);
  });

  test('LRU: the least recently used entry is evicted first', async () => {
    const { verifier, lookups } = setup({ cacheMax: 2 });
    const [a, b, c] = await Promise.all([token('a', T0 + 600), token('b', T0 + 600), token('c', T0 + 600)]);
    await verifier.verify(a);
    await verifier.verify(b);
    await verifier.verify(a); // a is now most recent
    await verifier.verify(c); // evicts b
    assert.equal(lookups(), 3);
    await verifier.verify(a);
    await verifier.verify(c);
    assert.equal(lookups(), 3);
    await verifier.verify(b);
    assert.equal(lookups(), 4);
  });

  test('cached and uncached verifiers agree on every call under a wandering clock', async () => {
    // A randomised differential check: the cache may only change speed, never answers.
    const cached = setup();
    const plain = setup({ cacheMax: 0 });
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const tokens = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const exp = T0 + Math.floor(rand() * 660) - 60;
        return token(`u${i}`, exp, rand() < 0.3 ? T0 + Math.floor(rand() * 200) : undefined);
      }),
    );
    let accepted = 0;
    let refusedCount = 0;
    for (let step = 0; step < 400; step++) {
      const advance = Math.floor(rand() * 3_000);
      cached.clock.ms += advance;
      plain.clock.ms += advance;
      const t = tokens[Math.floor(rand() * tokens.length)] as string;
      const [a, b] = await Promise.all([outcome(cached.verifier, t), outcome(plain.verifier, t)]);
      assert.equal(a, b, `step ${step} at +${(cached.clock.ms / 1000 - T0).toFixed(1)} s`);
      if (a.startsWith('ok')) accepted++;
      else refusedCount++;
    }
    // The walk must exercise both sides and actually hit the cache, or it proves nothing.
    assert.ok(accepted > 50 && refusedCount > 50, `accepted ${accepted}, refused ${refusedCount}`);
    const hits = plain.lookups() - cached.lookups();
    assert.ok(hits > 50, `only ${hits} cache hits`);
  });
});

describe('VerifyCache', () => {
  test('entries expire at expiresAtMs exactly', () => {
    const c = new VerifyCache<string>(10);
    c.set('k', 'v', 1000, 0);
    assert.equal(c.get('k', 999), 'v');
    assert.equal(c.get('k', 1000), undefined);
    assert.equal(c.size, 0, 'an expired entry is dropped when seen');
  });

  test('an entry already expired, or a zero-size cache, stores nothing', () => {
    const c = new VerifyCache<string>(10);
    c.set('k', 'v', 500, 500);
    assert.equal(c.size, 0);
    const off = new VerifyCache<string>(0);
    off.set('k', 'v', 1000, 0);
    assert.equal(off.get('k', 1), undefined);
  });

  test('keys are digests, not tokens', () => {
    const k = VerifyCache.keyOf('header.payload.signature');
    assert.match(k, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(k, VerifyCache.keyOf('header.payload.signaturf'));
  });
});
