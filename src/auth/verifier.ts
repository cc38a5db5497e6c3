/**
 * Bearer-token verification: kefu as an OAuth2 resource server (docs/api.md, "Identity").
 *
 * A token is accepted only when it is a JWS signed with an asymmetric algorithm from the allowed
 * set by a key of the issuer's key set, carries the configured `iss` and `aud`, a `sub`, an `exp`
 * (and `nbf` if present) valid within the clock leeway, and at least one kefu scope. Anything
 * else is KefuError('UNAUTHORIZED') with a short reason that never echoes the token. A key set
 * that cannot be fetched is KefuError('UNAVAILABLE'): the caller's token may be fine, so clients
 * should retry rather than drop their credentials.
 *
 * Key rotation: jose's remote key set refetches the JWKS when a token names an unknown `kid`, at
 * most once per cooldown, so a new key published by the issuer is picked up without a restart
 * while a flood of made-up kids cannot hammer the issuer.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { KefuError } from '../protocol/errors.ts';
import { MAX_PRINCIPAL_ID_CHARS } from '../protocol/conversation.ts';
import { SCOPE_TO_ROLE, type Principal, type Role, type TokenVerifier } from './principal.ts';
import { VerifyCache } from './verify-cache.ts';
import { rowSecurity } from '../storage/keys.ts';

/** Only asymmetric algorithms: an HMAC "key" would be the public key, which anyone can read. */
export const SUPPORTED_ALGORITHMS: readonly string[] = Object.freeze(['RS256', 'ES256', 'EdDSA']);

const STAFF_ROLES: readonly Role[] = ['agent', 'admin', 'commands'];
// Real access tokens are a few hundred bytes to a few KiB; refusing giants early bounds the work
// an unauthenticated caller can make us do.
const MAX_TOKEN_CHARS = 16 * 1024;

export interface TokenVerifierOptions {
  /** The issuer's JWKS (KEFU_OAUTH_JWKS_URL). Give exactly one of jwksUrl and keySet. */
  readonly jwksUrl?: string;
  /** An in-process key resolver, e.g. the demo issuer's `keySet`. */
  readonly keySet?: JWTVerifyGetKey;
  readonly issuer: string;
  readonly audience: string;
  /** Intersected with SUPPORTED_ALGORITHMS; an empty intersection is a configuration error. */
  readonly algorithms: readonly string[];
  /** Leeway for exp and nbf, in seconds. Default 60. */
  readonly clockToleranceSec?: number;
  /** JWKS HTTP timeout. Default 5 000 ms. */
  readonly jwksTimeoutMs?: number;
  /** Minimum time between two JWKS fetches caused by unknown kids. Default 30 000 ms (jose's). */
  readonly jwksCooldownMs?: number;
  /** The JWKS is refetched after this long even without an unknown kid. Default 600 000 ms. */
  readonly jwksCacheMaxAgeMs?: number;
  /** Verified tokens remembered. Default 10 000; 0 disables the cache. */
  readonly cacheMax?: number;
  /** How long a verified token is remembered, capped by its exp. Default 60 000 ms. */
  readonly cacheTtlMs?: number;
  /** Clock in epoch ms, for tests. Default Date.now. */
  readonly now?: () => number;
  /** Told why the key set could not be fetched (for the log); the caller gets UNAVAILABLE. */
  readonly onKeySetError?: (error: unknown) => void;
}

/** Marks a failure to obtain the key set, as opposed to a token the key set does not accept. */
class KeySetUnavailable extends Error {
  constructor(cause: unknown) {
    super('key set unavailable', { cause });
    this.name = 'KeySetUnavailable';
  }
}

export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  if ((opts.jwksUrl === undefined) === (opts.keySet === undefined)) {
    throw new TypeError('createTokenVerifier needs exactly one of jwksUrl and keySet');
  }
  if (!opts.issuer) throw new TypeError('createTokenVerifier needs an issuer');
  if (!opts.audience) throw new TypeError('createTokenVerifier needs an audience');
  const algorithms = opts.algorithms.filter((a) => SUPPORTED_ALGORITHMS.includes(a));
  if (algorithms.length === 0) {
    throw new TypeError(`createTokenVerifier algorithms must include one of ${SUPPORTED_ALGORITHMS.join(', ')}`);
  }
  const clockTolerance = opts.clockToleranceSec ?? 60;
  const now = opts.now ?? Date.now;
  const cacheTtlMs = opts.cacheTtlMs ?? 60_000;
  const cache = new VerifyCache<Principal>(opts.cacheMax ?? 10_000);
  const keys = opts.keySet ?? remoteKeys(opts.jwksUrl as string, opts);

  return {
    async verify(token: string): Promise<Principal> {
      if (typeof token !== 'string' || token.length === 0) throw unauthorized('token missing');
      if (token.length > MAX_TOKEN_CHARS) throw unauthorized('token too long');
      const nowMs = now();
      const cacheKey = VerifyCache.keyOf(token);
      const hit = cache.get(cacheKey, nowMs);
      if (hit) return hit;

      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: opts.issuer,
          audience: opts.audience,
          algorithms,
          clockTolerance,
          requiredClaims: ['sub', 'exp'],
          currentDate: new Date(nowMs),
        }));
      } catch (e) {
        if (e instanceof KeySetUnavailable) {
          opts.onKeySetError?.(e.cause);
          throw new KefuError('UNAVAILABLE', 'token issuer key set unreachable');
        }
        throw unauthorized(reasonFor(e));
      }

      const principal = toPrincipal(payload);
      // Never past exp: beyond it the leeway is judged by jwtVerify again, not by the cache.
      cache.set(cacheKey, principal, Math.min((payload.exp as number) * 1000, nowMs + cacheTtlMs), nowMs);
      return principal;
    },
  };
}

function remoteKeys(jwksUrl: string, opts: TokenVerifierOptions): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    timeoutDuration: opts.jwksTimeoutMs ?? 5_000,
    cooldownDuration: opts.jwksCooldownMs ?? 30_000,
    cacheMaxAge: opts.jwksCacheMaxAgeMs ?? 600_000,
  });
  return async (header, input) => {
    try {
      return await remote(header, input);
    } catch (e) {
      // These describe the token against a key set we do have; anything else (network, non-200,
      // malformed JSON or key set, timeout) means we could not get the key set at all.
      if (
        e instanceof errors.JWKSNoMatchingKey ||
        e instanceof errors.JWKSMultipleMatchingKeys ||
        e instanceof errors.JOSENotSupported
      ) {
        throw e;
      }
      throw new KeySetUnavailable(e);
    }
  };
}

function reasonFor(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'token expired';
  if (e instanceof errors.JWTClaimValidationFailed) {
    switch (e.claim) {
      case 'nbf':
        return 'token not yet valid';
      case 'iss':
        return 'token issuer not accepted';
      case 'aud':
        return 'token audience not accepted';
      case 'sub':
        return 'token has no sub';
      case 'exp':
        return 'token has no valid exp';
      default:
        return 'token claims invalid';
    }
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not accepted';
  if (e instanceof errors.JWKSNoMatchingKey) return 'token signing key not found';
  if (e instanceof errors.JWKSMultipleMatchingKeys) return 'token signing key not found';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'token signature invalid';
  return 'token malformed';
}

function unauthorized(reason: string): KefuError {
  return new KefuError('UNAUTHORIZED', reason);
}

function boundedString(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_PRINCIPAL_ID_CHARS ? v : undefined;
}

function scopesOf(scope: unknown): string[] {
  if (typeof scope === 'string') return scope.split(/\s+/).filter(Boolean);
  if (Array.isArray(scope)) return scope.filter((s): s is string => typeof s === 'string');
  return [];
}

// Every socket keeps its principal for its lifetime; the few possible role sets are shared
// rather than allocated per connection.
const ROLE_SETS = new Map<string, ReadonlySet<Role>>();
function shared(roles: Set<Role>): ReadonlySet<Role> {
  const key = [...roles].sort().join(',');
  let s = ROLE_SETS.get(key);
  if (!s) ROLE_SETS.set(key, (s = roles));
  return s;
}

function toPrincipal(payload: JWTPayload): Principal {
  const userId = boundedString(payload.sub);
  if (!userId) throw unauthorized('token has no valid sub');

  const roles = new Set<Role>();
  for (const s of scopesOf(payload.scope)) {
    // hasOwn: a scope named "constructor" or "__proto__" must not resolve through the prototype.
    if (Object.hasOwn(SCOPE_TO_ROLE, s)) roles.add(SCOPE_TO_ROLE[s] as Role);
  }
  if (roles.size === 0) throw unauthorized('token grants no kefu scope');

  let shopId: string | undefined;
  if (STAFF_ROLES.some((r) => roles.has(r))) {
    shopId = boundedString(payload.shop_id);
    if (!shopId) throw unauthorized('token has no shop_id for its staff scope');
    // `*` is the storage's system scope (row-level security admits every shop's rows to it).
    if (shopId === rowSecurity.system) throw unauthorized('token shop_id is reserved');
  }

  return Object.freeze({
    userId,
    roles: shared(roles),
    shopId,
    name: boundedString(payload.name),
    expiresAt: payload.exp,
  });
}
