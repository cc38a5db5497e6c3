// The robot keeps a buyer's orders on the node it answers from; a webhook or an erasure committed
// on another node must still be seen by the buyer's next question (real PostgreSQL and Redis).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { needsPg, needsRedis } from '../support/services.ts';
import { signBody } from '../../src/commerce/index.ts';
import { logisticsEvent, orderEvent } from '../commerce/fixtures.ts';
import type { KefuClient } from '../../src/client/index.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';
import type { PlatformEventInput } from '../../src/commerce/index.ts';
import { createClient } from 'redis';
import { REDIS_URL } from '../support/services.ts';

const SECRET = 'orders-memo-secret-0123456789';
const SHOP = 'shop_memo';

describe('the robot’s copy of buyers’ orders, across two nodes', { skip: needsPg || needsRedis }, () => {
  let issuer: Issuer;
  let a: Node;
  let b: Node;
  before(async () => {
    issuer = await startIssuer();
    const env = { ...realEnv(issuer, newIsolation()), KEFU_PLATFORM_WEBHOOK_SECRET: SECRET };
    a = await startNode(env);
    b = await startNode(env);
  });
  after(async () => {
    await b?.close();
    await a?.close();
    await issuer?.close();
  });

  const post = async (node: Node, e: PlatformEventInput) => {
    const body = JSON.stringify(e);
    const r = await fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(SECRET, body) }, body });
    assert.equal(r.status, 200, await r.text());
  };

  async function ask(c: KefuClient, text: string): Promise<string> {
    const replies: MessageFrame[] = [];
    const off = c.on((f) => {
      if (f.type === 'message' && f.sender.role === 'bot') replies.push(f);
    });
    const ack = await c.sendText({ shopId: SHOP }, text);
    await eventually(() => replies.some((r) => r.seq > ack.seq), 5000, 'a robot reply');
    await b.rt.bot.idle();
    off();
    return replies.map((m) => (m.content as { text: string }).text).join('\n');
  }

  test('a parcel update and an erasure posted to one node change the next answer on the other', async () => {
    await post(a, orderEvent({ shopId: SHOP, orderId: 'MO1', userId: 'mb1', updatedAt: '2026-11-20T10:00:00Z' }));
    await post(a, logisticsEvent({ shopId: SHOP, orderId: 'MO1', updatedAt: '2026-11-21T10:00:00Z' }));
    const c = await connect(b.url, await issuer.token({ sub: 'mb1', scope: 'cs:customer' }), 'app');
    const first = await ask(c, '我的快递到哪了');
    assert.match(first, /SF100/, first);
    assert.match(first, /杭州转运中心/, first);
    assert.doesNotMatch(first, /前台代收/);
    // Asked again with nothing changed: the same answer, from the node's copy.
    assert.match(await ask(c, '快递到哪了'), /杭州转运中心/);
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    assert.match(metrics, /kefu_orders_memo_total\{result="hit"\} [1-9]/);

    const delivered = logisticsEvent({ shopId: SHOP, orderId: 'MO1', status: 'delivered', updatedAt: '2026-11-22T10:00:00Z' });
    (delivered.data as { events: unknown[] }).events = [{ time: '2026-11-22T09:00:00+08:00', location: '杭州市', description: '已签收，前台代收' }];
    await post(a, delivered);
    // The copy lives 30 s; the change must be seen well within that, by the announcement.
    const t0 = Date.now();
    await eventually(async () => /前台代收/.test(await ask(c, '快递到哪了')), 3000, 'the delivered parcel on node b');
    assert.ok(Date.now() - t0 < 3000);

    const admin = await issuer.token({ sub: 'admin_memo', scope: 'cs:admin', shop_id: SHOP });
    const erased = await fetch(`${a.url}/api/v1/shops/${SHOP}/buyers/mb1`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } });
    assert.equal(erased.status, 200, await erased.text());
    const c2 = await connect(b.url, await issuer.token({ sub: 'mb1', scope: 'cs:customer' }), 'pc');
    await eventually(async () => !/SF100/.test(await ask(c2, '我的快递到哪了')), 3000, 'no parcel after the erasure');
    await c.close();
    await c2.close();
  });

  const memoCount = async (node: Node, result: 'hit' | 'miss'): Promise<number> => {
    const text = await (await fetch(`${node.url}/metrics`)).text();
    return Number(new RegExp(`kefu_orders_memo_total\\{result="${result}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
  };

  test('a node whose bus connection to Redis was lost drops its whole copy (announcements may have been missed)', async () => {
    await post(a, orderEvent({ shopId: SHOP, orderId: 'MO2', userId: 'mb2', updatedAt: '2026-11-20T10:00:00Z' }));
    await post(a, logisticsEvent({ shopId: SHOP, orderId: 'MO2', updatedAt: '2026-11-21T10:00:00Z' }));
    const c = await connect(b.url, await issuer.token({ sub: 'mb2', scope: 'cs:customer' }), 'app');
    await ask(c, '我的快递到哪了');
    const hits = await memoCount(b, 'hit');
    await ask(c, '快递到哪了');
    assert.equal(await memoCount(b, 'hit'), hits + 1, 'asked again: from the copy');
    // Only node b's subscribing connection is cut (named after its node id): the other node and other suites keep theirs.
    const admin = createClient({ url: REDIS_URL! });
    await admin.connect();
    try {
      const list = String(await admin.sendCommand(['CLIENT', 'LIST', 'TYPE', 'pubsub']));
      const ids = [...list.matchAll(/id=(\d+) [^\n]*name=kefu:(\S+):bus-sub/g)].filter((m) => m[2] === b.rt.config.nodeId).map((m) => m[1]!);
      assert.equal(ids.length, 1, `node b's subscriber in CLIENT LIST: ${list}`);
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', ids[0]!]);
    } finally {
      await admin.quit();
    }
    // The copy would live 30 s; after the reconnect the next question reads the database again.
    const misses = await memoCount(b, 'miss');
    await eventually(async () => {
      await ask(c, '快递到哪了');
      return (await memoCount(b, 'miss')) > misses;
    }, 5000, 'a read from the database after the reconnect');
    await c.close();
  });
});
