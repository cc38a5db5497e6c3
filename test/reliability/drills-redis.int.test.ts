// Fault drills on a PRIVATE Redis (and PostgreSQL) this file starts, under two live nodes with
// buyers sending all along: Redis restarted (killed, and back empty on the same port 2 s later)
// and Redis frozen (SIGSTOP) for 10 s. During each, every frame is answered within 2 s (ack or
// UNAVAILABLE; Redis is not needed to store a message, so in practice ack); afterwards every
// acked message is stored once, seqs have no gap, and without a restart the nodes are ready
// again and deliver to each other over the bus. The figures are printed (drill-kit.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, eventually, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';
import { startPrivatePostgres, startPrivateRedis } from './private-services.ts';
import { Drill, nodeEnv, sleep } from './drill-kit.ts';

const [pgStarted, redisStarted] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
const reason = [pgStarted, redisStarted].find((x): x is string => typeof x === 'string');
const skip = reason ? `a private PostgreSQL and Redis could not be started here: ${reason}` : false;
const pg = typeof pgStarted === 'string' ? undefined : pgStarted;
const redis = typeof redisStarted === 'string' ? undefined : redisStarted;
if (skip) console.log(`# SKIP Redis drills: ${skip}`);
after(async () => {
  await redis?.stop();
  await pg?.stop();
});

describe('Redis drills under load (two nodes)', { skip, concurrency: 1 }, () => {
  let issuer: Issuer;
  let a: Node;
  let b: Node;
  before(async () => {
    issuer = await startIssuer();
    const env = nodeEnv(issuer, pg!.url, redis!.url, 'drill_redis');
    a = await startNode(env);
    b = await startNode(env);
  });
  after(async () => {
    redis?.thaw();
    await redis?.up().catch(() => {});
    await Promise.allSettled([a?.close(), b?.close()]);
    await issuer?.close();
  });

  /** Without a restart: both nodes ready, and a message sent on a reaches a device on b (the bus). */
  const recoveredAcrossNodes = async (shopId: string) => {
    await eventually(async () => (await fetch(`${a.url}/readyz`)).status === 200 && (await fetch(`${b.url}/readyz`)).status === 200, 10_000, 'both nodes ready again');
    const token = await issuer.token({ sub: `${shopId}_x`, scope: 'cs:customer' });
    const [phone, pc] = await Promise.all([connect(a.url, token, 'app'), connect(b.url, token, 'pc')]);
    try {
      const { conversationId } = await phone.sendText({ shopId }, 'before the check');
      // The bus may need a moment to resubscribe: send until one arrives on the other node.
      await eventually(async () => {
        const seen = pc.waitFor((f): f is MessageFrame => f.type === 'message' && f.conversationId === conversationId, 1000).catch(() => undefined);
        await phone.sendText({ conversationId }, 'across nodes');
        return seen;
      }, 10_000, 'live delivery from node a to node b over the bus');
    } finally {
      await Promise.all([phone.close(), pc.close()]);
    }
  };
  const noErrorLines = () => assert.deepEqual([...a.logs, ...b.logs].filter((l) => /"level":50/.test(l)), [], 'no error-level log line');

  test('Redis restarted (down 2 s, back empty)', { timeout: 60_000 }, async () => {
    const d = new Drill({ name: 'redis restarted', issuer, urls: [a.url, b.url], shopId: 'shop_rrestart' });
    await d.start();
    try {
      await sleep(1000);
      await d.fault(async () => {
        await redis!.down();
        await sleep(2000);
        await redis!.up();
      });
      await d.finish({ historyUrl: a.url });
    } finally {
      await d.abort();
    }
    await recoveredAcrossNodes('shop_rrestart');
    noErrorLines();
  });

  test('Redis frozen for 10 s', { timeout: 60_000 }, async () => {
    const d = new Drill({ name: 'redis frozen 10 s', issuer, urls: [a.url, b.url], shopId: 'shop_rfreeze' });
    await d.start();
    try {
      await sleep(1000);
      await d.fault(async () => {
        redis!.freeze();
        await sleep(10_000);
        redis!.thaw();
      });
      await d.finish({ historyUrl: b.url });
    } finally {
      redis!.thaw();
      await d.abort();
    }
    await recoveredAcrossNodes('shop_rfreeze');
    noErrorLines();
  });
});
