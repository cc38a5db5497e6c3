/**
 * `kefu start --workers 2` behind one port: whichever worker answers /metrics, the scrape covers
 * both (the primary gathers the workers' registries over IPC, src/ops/cluster.ts). Sockets
 * spread over the workers; every scrape reports all of them.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis, PG_URL, REDIS_URL, testRedisPrefix, testSchema } from '../support/services.ts';
import { connect, eventually, startIssuer, startProcess } from '../support/kefu.ts';
import { AUD, ISS } from '../auth/support.ts';

const sample = (text: string, name: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('metrics of --workers', { skip: needsPg || needsRedis }, () => {
  test('every scrape answers for both workers', async () => {
    const issuer = await startIssuer();
    const env = {
      KEFU_DATABASE_URL: PG_URL!,
      KEFU_DATABASE_SCHEMA: testSchema('cm'),
      KEFU_REDIS_URL: REDIS_URL!,
      KEFU_REDIS_KEY_PREFIX: testRedisPrefix('kefucm'),
      KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
      KEFU_OAUTH_ISSUER: ISS,
      KEFU_OAUTH_AUDIENCE: AUD,
    };
    const p = await startProcess(env, { args: ['--workers', '2'] });
    const clients = [];
    try {
      const workers = new Set<number>();
      await eventually(async () => {
        const h = (await (await fetch(`${p.url}/healthz`, { headers: { connection: 'close' } })).json()) as { worker: number };
        workers.add(h.worker);
        return workers.size === 2;
      }, 20_000, 'both workers to answer');
      const token = await issuer.token({ sub: 'cm_buyer', scope: 'cs:customer' });
      for (let i = 0; i < 6; i++) clients.push(await connect(p.url, token, i % 2 ? 'pc' : 'app'));
      const seen = [];
      for (let i = 0; i < 6; i++) {
        const r = await fetch(`${p.url}/metrics`, { headers: { connection: 'close' } });
        assert.equal(r.status, 200);
        const text = await r.text();
        seen.push(sample(text, 'kefu_ws_connections'));
        assert.match(text, /^kefu_ws_connections_by_device\{device="pc"\} 3$/m);
        assert.match(text, /^# TYPE kefu_messages_total counter$/m);
      }
      assert.deepEqual(seen, [6, 6, 6, 6, 6, 6], 'each scrape counts the sockets of both workers');
    } finally {
      await Promise.allSettled(clients.map((c) => c.close()));
      await p.stop('SIGTERM');
      await issuer.close();
    }
  });
});
