/**
 * Test helpers for the auth suites: signing keys in the three accepted algorithms and a tiny
 * JWKS HTTP server whose key list, failure mode and fetch count the test controls.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export type Alg = 'RS256' | 'ES256' | 'EdDSA';

export interface TestKey {
  readonly kid: string;
  readonly alg: Alg;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function newKey(alg: Alg, kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateKey, publicJwk };
}

export interface SignOpts {
  readonly iss?: string;
  readonly aud?: string;
  /** Seconds from now; default 300. null: no exp claim. */
  readonly expIn?: number | null;
  /** Seconds from now for nbf; undefined: no nbf. */
  readonly nbfIn?: number;
  /** undefined: the key's kid; null: no kid header. */
  readonly kid?: string | null;
}

export const ISS = 'https://platform.example/oauth';
export const AUD = 'kefu-api';

export async function sign(key: TestKey, claims: JWTPayload, o: SignOpts = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const kid = o.kid === undefined ? key.kid : o.kid;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, ...(kid === null ? {} : { kid }) })
    .setIssuer(o.iss ?? ISS)
    .setAudience(o.aud ?? AUD)
    .setIssuedAt(now);
  if (o.expIn !== null) jwt.setExpirationTime(now + (o.expIn ?? 300));
  if (o.nbfIn !== undefined) jwt.setNotBefore(now + o.nbfIn);
  return jwt.sign(key.privateKey);
}

export interface JwksServer {
  readonly url: string;
  /** The keys served; mutate to rotate. */
  keys: JWK[];
  /** 'ok' serves keys; 'error' answers 500; 'hang' never answers. */
  mode: 'ok' | 'error' | 'hang';
  readonly fetches: number;
  close(): Promise<void>;
}

export async function startJwksServer(keys: JWK[]): Promise<JwksServer> {
  let fetches = 0;
  const state = { keys, mode: 'ok' as JwksServer['mode'] };
  const server: Server = createServer((req, res) => {
    fetches++;
    if (state.mode === 'hang') return;
    if (state.mode === 'error') {
      res.writeHead(500).end('boom');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/jwks.json`,
    get keys() {
      return state.keys;
    },
    set keys(k: JWK[]) {
      state.keys = k;
    },
    get mode() {
      return state.mode;
    },
    set mode(m: JwksServer['mode']) {
      state.mode = m;
    },
    get fetches() {
      return fetches;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
