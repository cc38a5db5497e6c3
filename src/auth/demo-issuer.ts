/**
 * DEMO ONLY. A built-in OAuth token issuer so kefu can be tried without a platform OAuth server:
 * used when KEFU_OAUTH_JWKS_URL is unset, refused in production. Its token endpoint hands out a
 * token for any subject, any kefu scope and any shop to whoever asks; it exists so the widget,
 * the console and the tests have something to log in with, and must never face real users.
 * Every response it serves carries `X-Kefu-Demo: true`.
 *
 * Tokens are real ES256 JWTs checked by the same verifier as production tokens. The key pair is
 * generated once and kept in `<dataDir>/demo-oauth-key.json` (mode 0600) so tokens held by open
 * browsers survive a restart. Their `iss` is the fixed `kefu-demo` unless KEFU_OAUTH_ISSUER says
 * otherwise, so every node sharing the data dir accepts every other node's tokens.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, link, mkdir, open, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { ConfigError } from '../config/load.ts';
import { KefuError } from '../protocol/errors.ts';
import { MAX_PRINCIPAL_ID_CHARS } from '../protocol/conversation.ts';
import { SCOPE_TO_ROLE } from './principal.ts';
import { storableString } from '../protocol/validation.ts';

export const DEMO_KEY_FILE = 'demo-oauth-key.json';
export const DEMO_JWKS_PATH = '/demo/oauth/jwks.json';
export const DEMO_TOKEN_PATH = '/demo/oauth/token';
export const DEMO_DEFAULT_TTL_SEC = 3600;
const ALG = 'ES256';

export interface DemoClaims {
  readonly sub: string;
  /** Space-separated kefu scopes, e.g. `cs:agent`. */
  readonly scope: string;
  readonly shop_id?: string;
  readonly name?: string;
}

export interface DemoIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly kid: string;
  readonly algorithm: typeof ALG;
  /** For createTokenVerifier({ keySet, algorithms: ['ES256'], ... }). */
  readonly keySet: JWTVerifyGetKey;
  /** The public key set, as served at DEMO_JWKS_PATH. */
  jwks(): JSONWebKeySet;
  /** Rejects with KefuError('BAD_REQUEST') naming the field for invalid claims or ttl. */
  sign(claims: DemoClaims, ttlSec?: number): Promise<string>;
}

export interface DemoIssuerOptions {
  /** Where the key pair is kept; undefined keeps it in memory (tokens die with the process). */
  readonly dataDir: string | undefined;
  readonly issuer: string;
  readonly audience: string;
  readonly production: boolean;
}

const typed = (field: string, type: string) => ({
  error: (iss: { input: unknown }) => (iss.input === undefined ? `${field} is required` : `${field} must be a ${type}`),
});
const id = (field: string) => storableString(typed(field, 'string')).min(1, `${field} must not be empty`).max(MAX_PRINCIPAL_ID_CHARS, `${field} is too long`);

/** The token request body, shared by sign() and the token route so both refuse the same things. */
const tokenRequestSchema = z
  .strictObject({
    sub: id('sub'),
    scope: storableString(typed('scope', 'string')).max(200, 'scope is too long'),
    shop_id: id('shop_id').optional(),
    name: id('name').optional(),
    ttlSec: z
      .number(typed('ttlSec', 'number'))
      .int('ttlSec must be an integer')
      .min(60, 'ttlSec must be at least 60')
      .max(86_400, 'ttlSec must be at most 86400')
      .optional(),
  })
  .superRefine((body, ctx) => {
    const scopes = body.scope.split(' ').filter(Boolean);
    const known = Object.keys(SCOPE_TO_ROLE);
    if (scopes.length === 0 || scopes.some((s) => !Object.hasOwn(SCOPE_TO_ROLE, s))) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: `scope must be space-separated scopes among ${known.join(', ')}` });
      return;
    }
    if (scopes.some((s) => s !== 'cs:customer') && body.shop_id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['shop_id'], message: 'shop_id is required for cs:agent, cs:admin and cs:commands' });
    }
  });

type TokenRequest = z.infer<typeof tokenRequestSchema>;

function parseTokenRequest(body: unknown): TokenRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new KefuError('BAD_REQUEST', 'body must be a JSON object');
  const r = tokenRequestSchema.safeParse(body);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (!issue) throw new KefuError('BAD_REQUEST', 'body is invalid');
  if (issue.code === 'unrecognized_keys') {
    throw new KefuError('BAD_REQUEST', `unknown field ${issue.keys.join(', ')}`, { field: issue.keys[0] });
  }
  const field = issue.path.map(String).join('.') || 'body';
  // Our messages start with the field name; zod's own ("Invalid input...") do not.
  const message = issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
  throw new KefuError('BAD_REQUEST', message, { field });
}

interface KeyMaterial {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  readonly kid: string;
}

export async function createDemoIssuer(opts: DemoIssuerOptions): Promise<DemoIssuer> {
  if (opts.production) {
    throw new ConfigError('KEFU_OAUTH_JWKS_URL', 'is required when NODE_ENV=production (the demo issuer is refused)');
  }
  if (!opts.issuer || !opts.audience) throw new TypeError('createDemoIssuer needs an issuer and an audience');

  const key = opts.dataDir === undefined ? await materialFromJwk(await generatePrivateJwk()) : await loadOrCreateKey(opts.dataDir);
  const publicSet: JSONWebKeySet = { keys: [key.publicJwk] };
  const keySet = createLocalJWKSet(publicSet);

  return Object.freeze({
    issuer: opts.issuer,
    audience: opts.audience,
    kid: key.kid,
    algorithm: ALG,
    keySet,
    jwks: () => structuredClone(publicSet),
    async sign(claims: DemoClaims, ttlSec?: number): Promise<string> {
      const req = parseTokenRequest({ ...claims, ...(ttlSec === undefined ? {} : { ttlSec }) });
      const iat = Math.floor(Date.now() / 1000);
      const extra: Record<string, string> = { scope: req.scope };
      if (req.shop_id !== undefined) extra.shop_id = req.shop_id;
      if (req.name !== undefined) extra.name = req.name;
      return new SignJWT(extra)
        .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'at+jwt' })
        .setIssuer(opts.issuer)
        .setAudience(opts.audience)
        .setSubject(req.sub)
        .setIssuedAt(iat)
        .setExpirationTime(iat + (req.ttlSec ?? DEMO_DEFAULT_TTL_SEC))
        .setJti(randomUUID())
        .sign(key.privateKey);
    },
  });
}

/** Adds the demo JWKS and token endpoints. Only call this when the demo issuer is in use. */
export function registerDemoIssuerRoutes(app: FastifyInstance, issuer: DemoIssuer): void {
  app.get(DEMO_JWKS_PATH, async (_req, reply) => {
    reply.header('X-Kefu-Demo', 'true').header('Cache-Control', 'public, max-age=300');
    return issuer.jwks();
  });

  app.post(DEMO_TOKEN_PATH, async (req, reply) => {
    reply.header('X-Kefu-Demo', 'true').header('Cache-Control', 'no-store');
    const body = parseTokenRequest(req.body);
    const expiresIn = body.ttlSec ?? DEMO_DEFAULT_TTL_SEC;
    const { ttlSec: _ttl, ...claims } = body;
    const accessToken = await issuer.sign(claims, expiresIn);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn };
  });
}

async function generatePrivateJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  return exportJWK(privateKey);
}

async function materialFromJwk(jwk: JWK): Promise<KeyMaterial> {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.d !== 'string' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') {
    throw new TypeError('not a P-256 private key');
  }
  const privateKey = await importJWK(jwk, ALG);
  if (privateKey instanceof Uint8Array || privateKey.type !== 'private') throw new TypeError('not a private key');
  const publicBase: JWK = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const kid = await calculateJwkThumbprint(publicBase);
  return { privateKey, kid, publicJwk: { ...publicBase, kid, alg: ALG, use: 'sig' } };
}

async function loadOrCreateKey(dataDir: string): Promise<KeyMaterial> {
  const path = join(dataDir, DEMO_KEY_FILE);
  const existing = await readKeyFile(path);
  if (existing) return existing;

  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const jwk = await generatePrivateJwk();
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx', 0o600);
  try {
    await fh.writeFile(JSON.stringify({ alg: ALG, createdAt: new Date().toISOString(), privateJwk: jwk }, null, 2) + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    // link() never replaces: when two processes start on one data dir, the first key wins and
    // the other reads it, so both sign with the same key.
    await link(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await unlink(tmp).catch(() => {});
  }
  const stored = await readKeyFile(path);
  if (!stored) throw new Error(`${path} vanished while it was being created`);
  return stored;
}

async function readKeyFile(path: string): Promise<KeyMaterial | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  // A private key readable by others is not private; tighten it rather than leave it so.
  const { mode } = await stat(path);
  if (mode & 0o077) await chmod(path, 0o600);
  try {
    const parsed = JSON.parse(text) as { privateJwk?: JWK };
    return await materialFromJwk(parsed.privateJwk ?? {});
  } catch {
    // Regenerating silently would invalidate every token in circulation; say so instead.
    throw new Error(`${path} does not hold a valid ES256 demo key; delete it to generate a new one`);
  }
}
