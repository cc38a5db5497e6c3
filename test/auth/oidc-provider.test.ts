/**
 * kefu's verifier against a real OAuth2 authorization server it did not write: oidc-provider,
 * issuing JWT access tokens through the client-credentials grant with resource indicators.
 * Nothing here is signed by the test; tokens come from the provider's token endpoint and keys
 * from its jwks_uri, found through discovery.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';
import { createTokenVerifier, type TokenVerifier } from '../../src/auth/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';

const KEFU_RESOURCE = 'urn:kefu:api';
const OTHER_RESOURCE = 'urn:other:api';
const KEFU_SCOPES = 'cs:customer cs:agent cs:admin cs:commands';

// The platform decides which shop a client acts for; here, by client id.
const SHOP_OF_CLIENT: Record<string, { shop_id: string; name: string } | undefined> = {
  'shop-42-console': { shop_id: 'shop-42', name: 'Shop 42 console' },
};

const CLIENTS = ['shop-42-console', 'buyer-app', 'shopless-agent'].map((id) => ({
  client_id: id,
  client_secret: `${id}-secret-0123456789abcdef`,
  grant_types: ['client_credentials'],
  redirect_uris: [],
  response_types: [],
}));

let server: Server;
let issuer: string;
let discovery: { token_endpoint: string; jwks_uri: string };
let verifier: TokenVerifier;

async function requestToken(clientId: string, scope: string, resource = KEFU_RESOURCE): Promise<string> {
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${clientId}:${clientId}-secret-0123456789abcdef`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope, resource }),
  });
  const body = (await res.json()) as { access_token?: string; token_type?: string; error?: string; error_description?: string };
  assert.equal(res.status, 200, `token endpoint: ${body.error} ${body.error_description}`);
  assert.equal(body.token_type, 'Bearer');
  assert.ok(body.access_token);
  return body.access_token;
}

before(async () => {
  const [rsa, ec] = await Promise.all([generateKeyPair('RS256', { extractable: true }), generateKeyPair('ES256', { extractable: true })]);
  const keys = [
    { ...(await exportJWK(rsa.privateKey)), kid: 'op-rs256', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.privateKey)), kid: 'op-es256', alg: 'ES256', use: 'sig' },
  ];

  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: CLIENTS,
    ttl: { ClientCredentials: 300 },
    jwks: { keys },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => KEFU_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => {
          if (resource === KEFU_RESOURCE) {
            return { scope: KEFU_SCOPES, audience: 'kefu-api', accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } };
          }
          if (resource === OTHER_RESOURCE) {
            return { scope: KEFU_SCOPES, audience: 'other-api', accessTokenFormat: 'jwt', accessTokenTTL: 300, jwt: { sign: { alg: 'ES256' } } };
          }
          throw new errors.InvalidTarget();
        },
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) => SHOP_OF_CLIENT[token.clientId ?? ''],
  });
  server.on('request', provider.callback());

  const res = await fetch(`${issuer}/.well-known/openid-configuration`);
  discovery = (await res.json()) as typeof discovery;
  verifier = createTokenVerifier({ jwksUrl: discovery.jwks_uri, issuer, audience: 'kefu-api', algorithms: ['RS256', 'ES256', 'EdDSA'] });
});

after(
  () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
);

describe('tokens from oidc-provider', () => {
  test('an agent token of a shop client maps to an agent of that shop', async () => {
    const token = await requestToken('shop-42-console', 'cs:agent cs:commands');
    const header = decodeProtectedHeader(token);
    assert.equal(header.alg, 'RS256');
    assert.equal(header.kid, 'op-rs256');
    assert.equal(header.typ, 'at+jwt');

    const p = await verifier.verify(token);
    assert.equal(p.userId, 'shop-42-console');
    assert.deepEqual([...p.roles].sort(), ['agent', 'commands']);
    assert.equal(p.shopId, 'shop-42');
    assert.equal(p.name, 'Shop 42 console');
    assert.ok(p.expiresAt !== undefined && Math.abs(p.expiresAt - (Date.now() / 1000 + 300)) < 10);
  });

  test('a buyer token maps to a customer with no shop', async () => {
    const p = await verifier.verify(await requestToken('buyer-app', 'cs:customer'));
    assert.deepEqual([...p.roles], ['customer']);
    assert.equal(p.shopId, undefined);
  });

  test('scopes the resource server does not grant never become roles', async () => {
    const p = await verifier.verify(await requestToken('buyer-app', 'cs:customer cs:superuser'));
    assert.deepEqual([...p.roles], ['customer']);
  });

  test('a staff scope without a shop_id from the platform is refused', async () => {
    const token = await requestToken('shopless-agent', 'cs:agent');
    await assert.rejects(verifier.verify(token), (e: unknown) => e instanceof KefuError && e.code === 'UNAUTHORIZED' && /shop_id/.test(e.message));
  });

  test('a token minted for another resource server is refused by audience', async () => {
    const token = await requestToken('shop-42-console', 'cs:agent', OTHER_RESOURCE);
    assert.equal(decodeProtectedHeader(token).alg, 'ES256');
    await assert.rejects(verifier.verify(token), (e: unknown) => e instanceof KefuError && e.code === 'UNAUTHORIZED' && /audience/.test(e.message));
  });

  test('a verifier expecting another issuer refuses the token', async () => {
    const strict = createTokenVerifier({ jwksUrl: discovery.jwks_uri, issuer: 'https://platform.example', audience: 'kefu-api', algorithms: ['RS256'] });
    await assert.rejects(strict.verify(await requestToken('buyer-app', 'cs:customer')), /issuer/);
  });
});
