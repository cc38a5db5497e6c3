// The pure parts behind the hostile-input suite: admission caps, per-user eviction order, the
// Origin parser and policy, and the KEFU_TRUST_PROXY / KEFU_ALLOWED_ORIGINS parsers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionCaps, UserSockets } from '../../src/gateway/guards.ts';
import { canonicalOrigin, originAllowed, originPolicy, ownOrigins } from '../../src/gateway/origin.ts';
import { loadConfig } from '../../src/config/index.ts';

describe('ConnectionCaps', () => {
  test('refuses an address at its cap and any upgrade while the upgrading cap is reached; closing frees both', () => {
    const caps = new ConnectionCaps({ maxPerIp: 2, maxUpgrading: 3 });
    assert.equal(caps.admit('a'), 'ok');
    assert.equal(caps.admit('a'), 'ok');
    assert.equal(caps.admit('a'), 'per-ip');
    assert.equal(caps.admit('b'), 'ok');
    assert.equal(caps.admit('c'), 'upgrading', 'three upgrades in progress');
    caps.opened();
    assert.equal(caps.upgrading, 2);
    assert.equal(caps.admit('c'), 'ok', 'an opened socket leaves the upgrading count');
    caps.closed('a', false);
    assert.equal(caps.held('a'), 1);
    caps.closed('a', true);
    caps.closed('b', true);
    caps.closed('c', true);
    assert.equal(caps.upgrading, 0);
    assert.equal(caps.held('a') + caps.held('b') + caps.held('c'), 0);
  });
});

describe('UserSockets', () => {
  test('past the cap the oldest sockets are returned, in the order they opened', () => {
    const u = new UserSockets<string>(2);
    assert.deepEqual(u.add('u1', 's1'), []);
    assert.deepEqual(u.add('u1', 's2'), []);
    assert.deepEqual(u.add('u2', 'x1'), [], 'users are counted apart');
    assert.deepEqual(u.add('u1', 's3'), ['s1']);
    u.delete('u1', 's2');
    assert.deepEqual(u.add('u1', 's4'), []);
    assert.deepEqual(u.add('u1', 's5'), ['s3']);
    assert.equal(u.count('u1'), 2);
  });
});

describe('origins', () => {
  test('canonicalOrigin: scheme, host and port, default port dropped; anything else is not an origin', () => {
    assert.equal(canonicalOrigin('https://Shop.Example:443'), 'https://shop.example');
    assert.equal(canonicalOrigin('http://127.0.0.1:8080/'), 'http://127.0.0.1:8080');
    for (const bad of ['null', '', 'https://a.example/path', 'https://u:p@a.example', 'ftp://a.example', 'https://a.example?x', 'file:///etc/passwd', 'javascript:alert(1)']) assert.equal(canonicalOrigin(bad), undefined, bad);
  });

  test("the own origin is the listen address and port, with the loopback aliases for a loopback or wildcard address", () => {
    assert.deepEqual(ownOrigins('127.0.0.1', 8080), ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080']);
    assert.deepEqual(ownOrigins('0.0.0.0', 80), ['http://127.0.0.1', 'http://localhost', 'http://[::1]']);
    assert.deepEqual(ownOrigins('kefu.internal', 8080), ['http://kefu.internal:8080']);
  });

  test('demo mode adds the own origin to the list; otherwise a list is all there is', () => {
    const list = ['https://shop.example'];
    const demo = originPolicy({ allowed: list, demo: true, host: '127.0.0.1', port: 8080 });
    const prod = originPolicy({ allowed: list, demo: false, host: '127.0.0.1', port: 8080 });
    assert.equal(originAllowed('http://127.0.0.1:8080', demo), true);
    assert.equal(originAllowed('http://127.0.0.1:8080', prod), false);
    assert.equal(originAllowed('https://127.0.0.1:8080', demo), false, 'https is another origin');
    assert.equal(originAllowed('https://shop.example', prod), true);
    assert.equal(originAllowed(undefined, prod), true, 'no Origin: not a browser');
  });

  test('KEFU_ALLOWED_ORIGINS is parsed by the same function', () => {
    assert.deepEqual(loadConfig({ KEFU_ALLOWED_ORIGINS: 'https://Shop.Example:443/, http://a.example:8080' }).allowedOrigins, ['https://shop.example', 'http://a.example:8080']);
    assert.throws(() => loadConfig({ KEFU_ALLOWED_ORIGINS: 'https://shop.example/widget' }), /KEFU_ALLOWED_ORIGINS entry 1/);
  });
});

describe('KEFU_TRUST_PROXY', () => {
  test('addresses, CIDRs and named ranges; unset or false trusts nothing; a hop count or garbage is refused', () => {
    assert.deepEqual(loadConfig({ KEFU_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback' }).raw.KEFU_TRUST_PROXY, ['10.0.0.0/8', '127.0.0.1', '::1', 'fd00::/8', 'loopback']);
    assert.equal(loadConfig({}).raw.KEFU_TRUST_PROXY, false);
    assert.equal(loadConfig({ KEFU_TRUST_PROXY: 'false' }).raw.KEFU_TRUST_PROXY, false);
    for (const bad of ['1', 'true', '10.0.0.0/33', 'proxy.example', '10.0.0.1/8/2']) assert.throws(() => loadConfig({ KEFU_TRUST_PROXY: bad }), /KEFU_TRUST_PROXY entry 1/, bad);
  });
});
