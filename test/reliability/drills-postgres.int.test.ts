// Fault drills on a PRIVATE PostgreSQL (and Redis) this file starts, under a live node with
// buyers sending all along: PostgreSQL stopped for 15 s, frozen (SIGSTOP) for 15 s, and restarted
// 20 times in a row. During each, every frame is answered within 2 s (ack or UNAVAILABLE);
// afterwards every acked message is stored once, seqs have no gap, and the same node acks again
// without a restart. The figures are printed (drill-kit.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { startPrivatePostgres, startPrivateRedis } from './private-services.ts';
import { Drill, nodeEnv, sleep } from './drill-kit.ts';

const [pgStarted, redisStarted] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
const reason = [pgStarted, redisStarted].find((x): x is string => typeof x === 'string');
const skip = reason ? `a private PostgreSQL and Redis could not be started here: ${reason}` : false;
const pg = typeof pgStarted === 'string' ? undefined : pgStarted;
const redis = typeof redisStarted === 'string' ? undefined : redisStarted;
if (skip) console.log(`# SKIP PostgreSQL drills: ${skip}`);
after(async () => {
  await pg?.stop();
  await redis?.stop();
});

describe('PostgreSQL drills under load', { skip, concurrency: 1 }, () => {
  let issuer: Issuer;
  let node: Node;
  before(async () => {
    issuer = await startIssuer();
    node = await startNode(nodeEnv(issuer, pg!.url, redis!.url, 'drill_pg'));
  });
  after(async () => {
    pg?.thaw();
    await pg?.up().catch(() => {});
    await node?.close();
    await issuer?.close();
  });
  const drill = (name: string, shopId: string) => new Drill({ name, issuer, urls: [node.url], shopId });
  const noErrorLines = () => assert.deepEqual(node.logs.filter((l) => /"level":50/.test(l)), [], 'no error-level log line: a database that is away is not a bug');

  test('PostgreSQL stopped for 15 s', { timeout: 60_000 }, async () => {
    const d = drill('postgres stopped 15 s', 'shop_pgstop');
    await d.start();
    try {
      await sleep(1000);
      await d.fault(async () => {
        await pg!.down();
        await sleep(15_000);
        await pg!.up();
      });
      const fig = await d.finish({ historyUrl: node.url });
      assert.ok(fig.duringFaultUnavailable > 0, 'the stop was felt');
    } finally {
      await d.abort();
    }
    noErrorLines();
  });

  // Frozen with the default timeouts (the other drills use tight ones): PostgreSQL would hold a
  // send for its statement timeout (5 s + 1 s; measured before the answer deadline: 6 of 114
  // frames unanswered within 6 s). KEFU_WS_ANSWER_DEADLINE_MS (1.5 s) answers each frame in time.
  test('PostgreSQL frozen for 15 s with the default timeouts', { timeout: 60_000 }, async () => {
    const defaults = await startNode({ ...nodeEnv(issuer, pg!.url, redis!.url, 'drill_pg'), KEFU_DATABASE_STATEMENT_TIMEOUT_MS: '5000', KEFU_DATABASE_CONNECT_TIMEOUT_MS: '2000' });
    const d = new Drill({ name: 'postgres frozen 15 s, default timeouts', issuer, urls: [defaults.url], shopId: 'shop_pgdefaults' });
    try {
      await d.start();
      await sleep(1000);
      await d.fault(async () => {
        pg!.freeze();
        await sleep(15_000);
        pg!.thaw();
      });
      const fig = await d.finish({ historyUrl: defaults.url });
      assert.ok(fig.duringFaultUnavailable > 0, 'the freeze was felt');
    } finally {
      pg!.thaw();
      await d.abort();
      await defaults.close();
    }
    assert.deepEqual(defaults.logs.filter((l) => /"level":50/.test(l)), [], 'no error-level log line: a database that is away is not a bug');
  });

  test('PostgreSQL restarted 20 times under load; kefu is still up', { timeout: 60_000 }, async () => {
    const d = drill('postgres restarted 20 times', 'shop_pgrestart');
    await d.start();
    try {
      await sleep(500);
      await d.fault(async () => {
        for (let i = 0; i < 20; i++) {
          await pg!.down();
          await pg!.up();
          await sleep(300);
        }
      });
      await d.finish({ historyUrl: node.url });
      assert.equal((await fetch(`${node.url}/healthz`)).status, 200);
      assert.equal((await fetch(`${node.url}/readyz`)).status, 200, 'ready again');
    } finally {
      await d.abort();
    }
    noErrorLines();
  });
});
