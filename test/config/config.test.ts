import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { CONFIG_KEYS, ConfigError, describeConfig, failedService, loadConfig, storageFailureLine } from '../../src/config/index.ts';
import { zoneOffsetMinutes } from '../../src/robot/time-zone.ts';

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

  test('KEFU_TIME_ZONE: an IANA zone, China time by default, a clear error for anything else; its offset follows the date', () => {
    assert.equal(loadConfig({}).timeZone, 'Asia/Shanghai');
    assert.equal(loadConfig({ KEFU_TIME_ZONE: 'America/Los_Angeles' }).timeZone, 'America/Los_Angeles');
    assert.throws(() => loadConfig({ KEFU_TIME_ZONE: 'Mars/Olympus' }), /KEFU_TIME_ZONE must be an IANA time zone name/);
    assert.equal(zoneOffsetMinutes('Asia/Shanghai', new Date('2026-12-04T09:00:00Z')), 480);
    assert.equal(zoneOffsetMinutes('America/Los_Angeles', new Date('2026-12-04T09:00:00Z')), -480);
    assert.equal(zoneOffsetMinutes('America/Los_Angeles', new Date('2026-07-04T09:00:00Z')), -420);
    assert.equal(zoneOffsetMinutes('Asia/Kolkata', new Date('2026-07-04T09:00:00Z')), 330);
  });

  // Found in review: with one KEFU_NODE_ID for every --workers process, each dropped the others' bus events as its own echo.
  test('under --workers each worker is its own node: the worker number is added to KEFU_NODE_ID', () => {
    assert.equal(loadConfig({ KEFU_NODE_ID: 'edge-1' }).nodeId, 'edge-1');
    process.env.KEFU_WORKER_ID = '2';
    try {
      assert.equal(loadConfig({ KEFU_NODE_ID: 'edge-1' }).nodeId, 'edge-1-w2');
    } finally {
      delete process.env.KEFU_WORKER_ID;
    }
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
    [{ KEFU_ALLOWED_LINK_HOSTS: 'shop.example,https://bad.example/x' }, 'KEFU_ALLOWED_LINK_HOSTS', /entry 2/],
    [{ KEFU_ALLOWED_PHONES: '+65 6123 4567,call us' }, 'KEFU_ALLOWED_PHONES', /entry 2/],
    [{ KEFU_OAUTH_ALGORITHMS: 'RS256,HS256' }, 'KEFU_OAUTH_ALGORITHMS', /HS256/],
    [{ KEFU_OAUTH_JWKS_URL: 'https://idp.example/jwks' }, 'KEFU_OAUTH_ISSUER', /required/],
    [{ KEFU_LOG_LEVEL: 'loud' }, 'KEFU_LOG_LEVEL', /one of/],
    [{ KEFU_DEMO: 'maybe' }, 'KEFU_DEMO', /true or false/],
    // A secret the Authorization header cannot carry made every operator request a 401 (found from outside).
    [{ KEFU_OPS_TOKEN: 'ops secret with spaces and #!' }, 'KEFU_OPS_TOKEN', /bearer token/],
    [{ KEFU_OPS_TOKEN: 'short' }, 'KEFU_OPS_TOKEN', /24 characters/],
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

  test('config check prints every effective value and where it came from', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kefu-cfg-'));
    const f = join(dir, 'kefu.json');
    writeFileSync(f, JSON.stringify({ KEFU_HOST: '0.0.0.0', KEFU_PORT: 9000 }));
    const c = loadConfig({ KEFU_CONFIG_FILE: f, KEFU_PORT: '9100', KEFU_DATA_DIR: dir, KEFU_LOG_LEVEL: '' });
    const lines = describeConfig(c);
    const line = (k: string) => {
      const l = lines.find((x) => x.startsWith(`${k}=`));
      assert.ok(l, k);
      return l.replace(/ {2,}/g, ' ');
    };
    assert.equal(line('KEFU_PORT'), 'KEFU_PORT=9100 # environment');
    assert.equal(line('KEFU_HOST'), `KEFU_HOST=0.0.0.0 # config file ${f}`);
    assert.equal(line('KEFU_LOG_LEVEL'), 'KEFU_LOG_LEVEL=info # default', 'an empty variable is unset');
    assert.equal(line('KEFU_DATA_DIR'), `KEFU_DATA_DIR=${dir} # environment`);
    // Derived defaults print the value kefu runs with, not their description.
    assert.equal(line('KEFU_NODE_ID'), `KEFU_NODE_ID=${hostname()}-${process.pid} # default: hostname-pid`);
    assert.match(line('KEFU_OAUTH_ISSUER'), /^KEFU_OAUTH_ISSUER=kefu-demo # default: /);
    assert.equal(line('KEFU_OAUTH_AUDIENCE'), 'KEFU_OAUTH_AUDIENCE=kefu # default');
    assert.equal(line('KEFU_DATABASE_SCHEMA'), 'KEFU_DATABASE_SCHEMA=public # default');
    assert.equal(line('KEFU_WS_RATE_PER_USER'), 'KEFU_WS_RATE_PER_USER=100 # default');
    // Unset optional variables are empty, with what that means.
    assert.equal(line('KEFU_DATABASE_URL'), 'KEFU_DATABASE_URL= # default: unset: embedded PGlite');
    assert.doesNotMatch(lines.join('\n'), /=\(/, 'no description in place of a value');
    // The comments line up.
    assert.equal(new Set(lines.map((l) => l.indexOf('  # '))).size, 1);
  });

  test('a storage failure names the service and where it is configured, password masked', () => {
    const c = loadConfig({ KEFU_DATABASE_URL: 'postgres://kefu:hunter2@db:5432/kefu', KEFU_REDIS_URL: 'redis://cache:6379' });
    const enotfound = Object.assign(new Error('getaddrinfo ENOTFOUND db'), { code: 'ENOTFOUND', hostname: 'db' });
    assert.equal(storageFailureLine(c, enotfound, 'cannot start'), 'cannot reach PostgreSQL (KEFU_DATABASE_URL=postgres://kefu:****@db:5432/kefu, password masked): getaddrinfo ENOTFOUND db');
    // Set by the storage layer: it wins, and a message that names the service is kept as it is.
    const tagged = Object.assign(new Error('connection reset'), { service: 'Redis' });
    assert.equal(storageFailureLine(c, tagged, 'cannot start'), 'cannot reach Redis (KEFU_REDIS_URL=redis://cache:6379): connection reset');
    const named = Object.assign(new Error('cannot reach Redis (KEFU_REDIS_URL=redis://cache:6379): timeout'), { service: 'Redis' });
    assert.equal(storageFailureLine(c, named, 'cannot start'), 'cannot start: cannot reach Redis (KEFU_REDIS_URL=redis://cache:6379): timeout');
    // Same host, told apart by port; a cause is followed; unknown stays unnamed.
    const local = loadConfig({ KEFU_DATABASE_URL: 'postgres://u@localhost/kefu', KEFU_REDIS_URL: 'redis://127.0.0.1:6380' });
    const refused = (port: number) => Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED', address: '127.0.0.1', port });
    assert.equal(failedService(local, refused(5432)), 'PostgreSQL');
    assert.equal(failedService(local, new Error('wrapped', { cause: refused(6380) })), 'Redis');
    assert.equal(failedService(local, refused(1)), undefined);
    assert.equal(storageFailureLine(local, new Error('disk full'), 'cannot start'), 'cannot start: disk full');
    assert.match(storageFailureLine(loadConfig({ KEFU_DATA_DIR: '/tmp/x' }), new Error('bad file'), 'cannot open the database', 'embedded database'), /^cannot open the embedded database \(KEFU_DATA_DIR=\/tmp\/x\): bad file$/);
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
    assert.match(chk.stdout, /KEFU_PORT=8080 +# default/);
    assert.match(chk.stdout, /KEFU_REDIS_URL=redis:\/\/:\*\*\*\*@localhost:6379 +# environment/);
    assert.match(chk.stdout, /KEFU_NODE_ID=\S+-\d+ +# default/);
    assert.doesNotMatch(chk.stdout, /:pw@/);
  });
});
