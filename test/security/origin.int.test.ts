/**
 * Origin and client address on real PostgreSQL + Redis (docs/security.md): an Origin is scheme,
 * host and port, compared with KEFU_ALLOWED_ORIGINS and the server's own origin from its
 * configuration, never with the request's Host; X-Forwarded-For counts only from the proxies
 * KEFU_TRUST_PROXY lists. A healthy client is served within budget throughout; nothing is stored.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { codeOf, startSetup, storesNothing, type Setup } from './support.ts';

const skip = needsPg || needsRedis;
const SHOP = 'https://shop.example';

/** Upgrades with each Origin (and Host) and returns `status code` per case. */
async function outcomes(s: Setup, token: string, cases: Array<{ origin?: string; host?: string }>): Promise<string[]> {
  const out: string[] = [];
  for (const c of cases) {
    const headers: Record<string, string> = { ...(c.origin !== undefined ? { origin: c.origin } : {}), ...(c.host ? { host: c.host } : {}) };
    const r = await s.attacker.upgrade(s.node.url, { query: `?token=${token}`, headers });
    out.push(r.status === 101 ? '101' : `${r.status} ${codeOf(r.body)}`);
    await s.attacker.close([r]);
  }
  return out;
}

describe('Origin with KEFU_ALLOWED_ORIGINS (real PostgreSQL + Redis)', { skip }, () => {
  let s: Setup;
  before(async () => {
    s = await startSetup({ KEFU_ALLOWED_ORIGINS: SHOP });
  });
  after(async () => s?.close());

  test('only the listed origin, exactly: scheme, host and port; a spoofed Host changes nothing', async () => {
    const t = await s.issuer.token({ sub: 'origin_buyer', scope: 'cs:customer' });
    const own = s.node.url;
    const ownHost = new URL(own).host;
    const got = await s.probe.during('foreign origins (list)', () =>
      storesNothing(s.node, 'foreign origins', () =>
        outcomes(s, t, [
          { origin: SHOP },
          { origin: `${SHOP}/` },
          {},
          { origin: 'https://evil.example' },
          { origin: 'http://shop.example' },
          { origin: 'https://shop.example:8443' },
          { origin: 'https://shop.example.evil.example' },
          { origin: 'https://evil.example', host: 'evil.example' },
          { origin: 'https://evil.example', host: 'shop.example' },
          { origin: own },
          { origin: own.replace('http:', 'https:'), host: ownHost },
          { origin: 'null' },
          { origin: 'javascript:alert(1)' },
          { origin: '' },
        ]),
      ),
    );
    const F = '403 FORBIDDEN';
    assert.deepEqual(got, ['101', '101', '101', F, F, F, F, F, F, F, F, F, F, F]);
  });
});

describe('Origin without a list: the server own origin only (real PostgreSQL + Redis)', { skip }, () => {
  let s: Setup;
  before(async () => {
    s = await startSetup({});
  });
  after(async () => s?.close());

  test('http://127.0.0.1:<port> and its loopback aliases pass; https on the same host, another port, or a foreign Origin with a matching Host do not', async () => {
    const t = await s.issuer.token({ sub: 'origin_buyer2', scope: 'cs:customer' });
    const { port } = new URL(s.node.url);
    const got = await s.probe.during('foreign origins (own)', () =>
      storesNothing(s.node, 'foreign origins (own)', () =>
        outcomes(s, t, [
          { origin: `http://127.0.0.1:${port}` },
          { origin: `http://localhost:${port}` },
          { origin: `https://127.0.0.1:${port}` },
          { origin: `http://127.0.0.1:${Number(port) + 1}` },
          { origin: 'http://evil.example', host: 'evil.example' },
          { origin: `http://evil.example:${port}`, host: `evil.example:${port}` },
        ]),
      ),
    );
    assert.deepEqual(got, ['101', '101', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN', '403 FORBIDDEN']);
  });
});

describe('X-Forwarded-For and KEFU_WS_MAX_PER_IP (real PostgreSQL + Redis)', { skip }, () => {
  let direct: Setup;
  let proxied: Setup;
  before(async () => {
    direct = await startSetup({ KEFU_WS_MAX_PER_IP: '4' });
    proxied = await startSetup({ KEFU_WS_MAX_PER_IP: '3', KEFU_TRUST_PROXY: '127.0.0.1' });
  });
  after(async () => {
    await direct?.close();
    await proxied?.close();
  });

  test('without KEFU_TRUST_PROXY a forged X-Forwarded-For does not buy more sockets', async () => {
    const t = await direct.issuer.token({ sub: 'xff_forger', scope: 'cs:customer' });
    await direct.probe.during('forged X-Forwarded-For', () =>
      storesNothing(direct.node, 'forged X-Forwarded-For', async () => {
        // The healthy client holds one of 127.0.0.1's four slots.
        const rs = [];
        for (let i = 1; i <= 6; i++) rs.push(await direct.attacker.upgrade(direct.node.url, { query: `?token=${t}`, headers: { 'x-forwarded-for': `198.51.100.${i}` } }));
        assert.deepEqual(rs.map((r) => r.status), [101, 101, 101, 429, 429, 429]);
        await direct.attacker.close(rs);
      }),
    );
  });

  test('behind a trusted proxy each client address has its own cap', async () => {
    const t = await proxied.issuer.token({ sub: 'xff_clients', scope: 'cs:customer' });
    await proxied.probe.during('clients behind a proxy', () =>
      storesNothing(proxied.node, 'clients behind a proxy', async () => {
        const via = (ip: string) => proxied.attacker.upgrade(proxied.node.url, { query: `?token=${t}`, headers: { 'x-forwarded-for': ip } });
        const a = [await via('203.0.113.7'), await via('203.0.113.7'), await via('203.0.113.7'), await via('203.0.113.7')];
        assert.deepEqual(a.map((r) => r.status), [101, 101, 101, 429], 'one client address: three sockets');
        // A forged hop in front of the real client changes nothing: the nearest untrusted address counts.
        const forged = await via('10.9.9.9, 203.0.113.7');
        assert.equal(forged.status, 429);
        const b = await via('203.0.113.8');
        assert.equal(b.status, 101, 'another client behind the same proxy is not affected');
        await proxied.attacker.close([...a, forged, b]);
      }),
    );
  });
});
