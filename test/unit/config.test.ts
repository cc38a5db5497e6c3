import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CONFIG_KEYS, ConfigError, describeConfig, loadConfig } from '../../src/config/index.ts';

const key32 = Buffer.alloc(32, 7).toString('base64');

describe('configuration', () => {
  test('no configuration at all: embedded defaults on 127.0.0.1:8080', () => {
    const c = loadConfig({});
    assert.equal(c.host, '127.0.0.1');
    assert.equal(c.port, 8080);
    assert.equal(c.database.kind, 'pglite');
    assert.equal(c.cache.kind, 'memory');
    assert.equal(c.oauth.jwksUrl, undefined);
    assert.equal(c.demo, true);
    assert.ok(Object.isFrozen(c) && Object.isFrozen(c.database) && Object.isFrozen(c.ws), 'frozen');
  });

  test('real services are chosen by their URLs', () => {
    const c = loadConfig({ KEFU_DATABASE_URL: 'postgres://u:secret@db:5432/kefu', KEFU_REDIS_URL: 'redis://cache:6379', KEFU_DATABASE_SCHEMA: 'shop_cs' });
    assert.equal(c.database.kind, 'postgres');
    assert.equal(c.database.schema, 'shop_cs');
    assert.equal(c.cache.kind, 'redis');
  });

  const bad: Array<[Record<string, string>, string, RegExp]> = [
    [{ KEFU_PORT: 'eighty' }, 'KEFU_PORT', /integer/],
    [{ KEFU_PORT: '70000' }, 'KEFU_PORT', /0 to 65535/],
    [{ KEFU_DATABASE_URL: 'mysql://x' }, 'KEFU_DATABASE_URL', /postgres/],
    [{ KEFU_REDIS_URL: 'not a url' }, 'KEFU_REDIS_URL', /URL/],
    [{ KEFU_PII_KEYS: 'k1:short' }, 'KEFU_PII_KEYS', /32 bytes/],
    [{ KEFU_PII_KEYS: `k1:${key32},k1:${key32}` }, 'KEFU_PII_KEYS', /twice/],
    [{ KEFU_ALLOWED_ORIGINS: 'https://ok.example,ftp//bad' }, 'KEFU_ALLOWED_ORIGINS', /entry 2/],
    [{ KEFU_OAUTH_ALGORITHMS: 'RS256,HS256' }, 'KEFU_OAUTH_ALGORITHMS', /HS256/],
    [{ KEFU_OAUTH_JWKS_URL: 'https://idp.example/jwks' }, 'KEFU_OAUTH_ISSUER', /required/],
    [{ KEFU_LOG_LEVEL: 'loud' }, 'KEFU_LOG_LEVEL', /one of/],
    [{ KEFU_DEMO: 'maybe' }, 'KEFU_DEMO', /true or false/],
    [{ KEFU_DATABASE_SCHEMA: 'Robert"); drop' }, 'KEFU_DATABASE_SCHEMA', /identifier/],
    [{ NODE_ENV: 'production' }, 'KEFU_OAUTH_JWKS_URL', /production/],
    [{ NODE_ENV: 'production', KEFU_OAUTH_JWKS_URL: 'https://idp/jwks', KEFU_OAUTH_ISSUER: 'https://idp' }, 'KEFU_PLATFORM_WEBHOOK_SECRET', /production/],
  ];
  for (const [env, variable, msg] of bad) {
    test(`${JSON.stringify(env)} stops with one line naming ${variable}`, () => {
      assert.throws(
        () => loadConfig(env),
        (e: unknown) => e instanceof ConfigError && e.variable === variable && e.message.startsWith(variable) && msg.test(e.message) && !e.message.includes('\n'),
      );
    });
  }

  test('a config file mirrors the variables; the environment wins; unknown keys are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-cfg-'));
    const f = join(dir, 'kefu.json');
    writeFileSync(f, JSON.stringify({ KEFU_PORT: 9000, KEFU_HOST: '0.0.0.0', KEFU_DEMO: false }));
    const c = loadConfig({ KEFU_CONFIG_FILE: f, KEFU_PORT: '9100' });
    assert.equal(c.port, 9100);
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.demo, false);
    writeFileSync(f, JSON.stringify({ KEFU_PROT: 1 }));
    assert.throws(() => loadConfig({ KEFU_CONFIG_FILE: f }), (e: unknown) => e instanceof ConfigError && e.variable === 'KEFU_PROT');
    writeFileSync(f, '{oops');
    assert.throws(() => loadConfig({ KEFU_CONFIG_FILE: f }), (e: unknown) => e instanceof ConfigError && e.variable === 'KEFU_CONFIG_FILE');
  });

  test('config check masks secrets', () => {
    const c = loadConfig({ KEFU_DATABASE_URL: 'postgres://kefu:hunter2@db/kefu', KEFU_PLATFORM_WEBHOOK_SECRET: 'super-secret-webhook-key', KEFU_PII_KEYS: `k9:${key32}` });
    const out = describeConfig(c).join('\n');
    assert.doesNotMatch(out, /hunter2|super-secret-webhook-key|BwcHBw/);
    assert.match(out, /KEFU_DATABASE_URL=postgres:\/\/kefu:\*\*\*\*@db\/kefu/);
    assert.match(out, /KEFU_PII_KEYS=k9:\*\*\*\*/);
    assert.equal(describeConfig(c).length, CONFIG_KEYS.length);
  });

  test('docs/configuration.md lists every variable', () => {
    const doc = readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    for (const k of CONFIG_KEYS) assert.match(doc, new RegExp(`\\b${k}\\b`), `${k} documented`);
  });

  test('`kefu` exits 1 with one line for a bad value, and `config check` prints the configuration', () => {
    const root = new URL('../..', import.meta.url).pathname;
    const r = spawnSync(process.execPath, ['src/main.ts', 'start'], { cwd: root, env: { PATH: process.env.PATH, KEFU_PORT: 'abc' }, encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /^kefu: invalid configuration: KEFU_PORT /);
    const chk = spawnSync(process.execPath, ['src/main.ts', 'config', 'check'], { cwd: root, env: { PATH: process.env.PATH, KEFU_REDIS_URL: 'redis://:pw@localhost:6379' }, encoding: 'utf8' });
    assert.equal(chk.status, 0);
    assert.match(chk.stdout, /KEFU_PORT=8080/);
    assert.doesNotMatch(chk.stdout, /:pw@/);
  });
});
