/**
 * The metrics read at scrape time (src/ops/runtime-metrics.ts) and /readyz's circuit details, on
 * a node with real PostgreSQL and a private Redis that the test freezes: sockets by device,
 * REST requests by route pattern and status (an unknown URL under one label), the pool, the
 * queue wait of an accepted conversation, Redis ping and memory, and the circuit breaker open
 * while Redis is frozen (`kefu_redis_circuit_open`, `/readyz` `circuits`), closed again after.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { needsPg, PG_URL } from '../support/services.ts';
import { connect, eventually, newIsolation, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { AUD, ISS } from '../auth/support.ts';

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(labels ? `${name}{${labels}} ` : `${name} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics read at scrape time, and /readyz circuits', { skip: needsPg || (!hasRedisServer && 'redis-server binary not found') }, () => {
  let issuer: Issuer;
  let node: Node;
  let redis: ChildProcess;
  const metrics = async () => (await fetch(`${node.url}/metrics`)).text();

  before(async () => {
    const port = await freePort();
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await eventually(
      () =>
        new Promise<boolean>((resolve) => {
          const s = net.connect(port, '127.0.0.1');
          s.once('connect', () => (s.destroy(), resolve(true)));
          s.once('error', () => resolve(false));
        }),
      5000,
      'redis-server to listen',
    );
    issuer = await startIssuer();
    node = await startNode({
      KEFU_DATABASE_URL: PG_URL!,
      KEFU_DATABASE_SCHEMA: newIsolation().schema,
      KEFU_REDIS_URL: `redis://127.0.0.1:${port}`,
      KEFU_OAUTH_JWKS_URL: issuer.jwks.url,
      KEFU_OAUTH_ISSUER: ISS,
      KEFU_OAUTH_AUDIENCE: AUD,
      KEFU_ROBOT: 'false',
    });
  });
  after(async () => {
    redis?.kill('SIGCONT');
    await node?.close();
    redis?.kill('SIGKILL');
    await issuer?.close();
  });

  test('sockets by device, REST by route, the pool, the queue wait, Redis ping and memory', async () => {
    const buyer = await issuer.token({ sub: 'rm_buyer', scope: 'cs:customer' });
    const phone = await connect(node.url, buyer, 'app');
    const pc = await connect(node.url, buyer, 'pc');
    let m = await metrics();
    assert.equal(sample(m, 'kefu_ws_connections_by_device', 'device="app"'), 1);
    assert.equal(sample(m, 'kefu_ws_connections_by_device', 'device="pc"'), 1);
    await pc.close();
    await eventually(async () => sample(await metrics(), 'kefu_ws_connections_by_device', 'device="pc"') === undefined, 3000, 'the pc socket to be counted out');

    // KEFU_ROBOT=false: the first message queues the conversation; an agent accepts it.
    const ack = await phone.sendText({ shopId: 'shop_rm' }, 'hello');
    const agent = await issuer.token({ sub: 'rm_agent', scope: 'cs:agent', shop_id: 'shop_rm', name: 'A' });
    await eventually(async () => {
      const r = await fetch(`${node.url}/api/v1/conversations/${ack.conversationId}/accept`, { method: 'POST', headers: { authorization: `Bearer ${agent}` } });
      return r.status === 200;
    }, 5000, 'the agent to accept');
    await fetch(`${node.url}/api/v1/no/such/route/${Math.random()}`);
    await fetch(`${node.url}/api/v1/no/such/route/${Math.random()}`);

    m = await metrics();
    assert.equal(sample(m, 'kefu_http_requests_total', `method="POST",route="/api/v1/conversations/:id/accept",status="200"`), 1);
    assert.equal(sample(m, 'kefu_http_requests_total', 'method="GET",route="unmatched",status="404"'), 2, 'unknown URLs share one label');
    assert.ok(!m.includes('no/such/route'), 'no raw URL becomes a label');
    // Observed after a primary-key read that follows the assignment's event.
    await eventually(async () => sample(await metrics(), 'kefu_routing_wait_seconds_count') === 1, 3000, 'one assignment out of the queue');
    assert.ok(sample(m, 'kefu_db_pool_connections', 'state="idle"')! >= 1);
    assert.equal(sample(m, 'kefu_db_pool_waiting'), 0);
    const ping = sample(m, 'kefu_redis_ping_seconds')!;
    assert.ok(ping > 0 && ping < 1, `ping ${ping}`);
    assert.ok(sample(m, 'kefu_redis_memory_bytes')! > 100_000);
    assert.equal(sample(m, 'kefu_redis_circuit_open', 'client="cache"'), 0);
    assert.equal(sample(m, 'kefu_redis_circuit_open', 'client="bus"'), 0);
    await phone.close();
  });

  test('a frozen Redis opens the circuit: the gauge, /readyz circuits, ping NaN; it closes when Redis answers', async () => {
    redis.kill('SIGSTOP');
    // The breaker opens after three failed calls; the scrapes' own pings count.
    const open = await eventually(async () => {
      const r = await fetch(`${node.url}/readyz`);
      const body = (await r.json()) as { status: string; circuits: Record<string, { state: string; trips: number; lastError?: string }> };
      return r.status === 503 && body.circuits.cache?.state !== 'closed' ? body : undefined;
    }, 15_000, 'the cache circuit to open');
    assert.ok(open!.circuits.cache!.trips >= 1);
    assert.match(open!.circuits.cache!.lastError ?? '', /timed out/);
    const m = await metrics();
    assert.equal(sample(m, 'kefu_redis_circuit_open', 'client="cache"'), 1);
    assert.equal(sample(m, 'kefu_redis_ping_seconds'), NaN);
    redis.kill('SIGCONT');
    await eventually(async () => sample(await metrics(), 'kefu_redis_circuit_open', 'client="cache"') === 0, 15_000, 'the circuit to close');
    const ready = (await (await fetch(`${node.url}/readyz`)).json()) as { circuits: Record<string, { state: string }> };
    assert.equal(ready.circuits.cache!.state, 'closed');
  });
});
