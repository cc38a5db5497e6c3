/**
 * Per-shop shedding under load (KEFU_SHOP_BACKLOG_SHED, src/ops/shop-shed.ts): one shop's burst
 * of buyers pushes its robot backlog on the node past a small threshold. Its robot answers are
 * shed (each of those buyers is told a person will answer, and the conversation is queued), while
 * every one of its buyers' messages is still stored and acked, a later message of a shed buyer
 * still gets in, another shop's buyer gets the robot's answer, and once the burst has drained
 * the shop's robot answers again by itself. A send past the answer deadline (a loaded machine) is
 * resent with its clientMsgId, as a client would. The metrics show it:
 * `kefu_robot_shed_total{scope="shop"}`, no node-wide shedding, and `kefu_robot_shop_backlog`
 * seen above the threshold during the burst. Prints one summary line.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, newIsolation, realEnv, sendStored, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import type { KefuClient } from '../../src/client/index.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';

const THRESHOLD = 4;
const BURST = 40;

function metric(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('per-shop shedding of robot answers', { skip: needsPg || needsRedis }, () => {
  let issuer: Issuer;
  let node: Node;
  const clients: KefuClient[] = [];

  before(async () => {
    issuer = await startIssuer();
    node = await startNode({
      ...realEnv(issuer, newIsolation()),
      KEFU_SHOP_BACKLOG_SHED: String(THRESHOLD),
      // Keep the node-wide rule out of the way: only the shop's own backlog may shed here.
      KEFU_WORK_QUEUE_MAX: '100000',
      KEFU_WORK_ROBOT_MAX_WAIT_MS: '600000',
      KEFU_WS_RATE_PER_USER: '1000',
    });
  });
  after(async () => {
    await Promise.allSettled(clients.map((c) => c.close()));
    await node?.close();
    await issuer?.close();
  });

  test('the flooded shop sheds its robot, its buyers still get in, another shop still gets robot answers', async () => {
    const buyers = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const c = await connect(node.url, await issuer.token({ sub: `flood_${i}`, scope: 'cs:customer' }));
        clients.push(c);
        return c;
      }),
    );
    const other = await connect(node.url, await issuer.token({ sub: 'calm_1', scope: 'cs:customer' }));
    clients.push(other);

    // Watch the backlog gauge while the burst runs.
    let maxBacklog = 0;
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const m = await (await fetch(`${node.url}/metrics`)).text();
        maxBacklog = Math.max(maxBacklog, metric(m, 'kefu_robot_shop_backlog', 'shop="shop_flood"'));
        await new Promise((r) => setTimeout(r, 5));
      }
    })();

    const t0 = performance.now();
    const acks = await Promise.all(buyers.map((c, i) => sendStored(c, { shopId: 'shop_flood' }, `where is my parcel ${i}`)));
    const ackMs = performance.now() - t0;
    // While the flood's turns are in flight, another shop's buyer asks the robot.
    const calm = await sendStored(other, { shopId: 'shop_calm' }, 'where is my package');
    await node.rt.bot.idle();
    watching = false;
    await watcher;

    assert.equal(acks.length, BURST, 'every message of the flooded shop was stored and acked');
    const histories = await Promise.all(acks.map((a, i) => buyers[i]!.syncAll(a.conversationId, 0)));
    const told = histories.filter((h) => h.some((m) => m.sender.role === 'system' && /a person will answer/.test(textOf(m))));
    const answered = histories.filter((h) => h.some((m) => m.sender.role === 'bot'));
    assert.ok(told.length > 0, 'some buyers of the flooded shop were told a person will answer');
    assert.equal(told.length + answered.length, BURST, 'every buyer got either the robot or the notice, never silence');

    const calmHistory = await other.syncAll(calm.conversationId, 0);
    assert.ok(calmHistory.some((m) => m.sender.role === 'bot'), 'the other shop got a robot answer');
    assert.ok(!calmHistory.some((m) => m.sender.role === 'system'), 'the other shop was not shed');

    // A shed buyer's next message still gets in (a human message is never shed).
    const shedIdx = histories.indexOf(told[0]!);
    const again = await sendStored(buyers[shedIdx]!, { shopId: 'shop_flood' }, 'hello? anyone');
    assert.equal(again.conversationId, acks[shedIdx]!.conversationId);
    assert.ok(again.seq > acks[shedIdx]!.seq);

    // Recovered by itself: once the burst drained, a new buyer of that shop gets the robot again.
    const late = await connect(node.url, await issuer.token({ sub: 'flood_late', scope: 'cs:customer' }));
    clients.push(late);
    const lateAck = await sendStored(late, { shopId: 'shop_flood' }, 'where is my parcel');
    await node.rt.bot.idle();
    assert.ok((await late.syncAll(lateAck.conversationId, 0)).some((x) => x.sender.role === 'bot'), 'the shop recovered: robot answers again');

    const m = await (await fetch(`${node.url}/metrics`)).text();
    const shopShed = metric(m, 'kefu_robot_shed_total', 'scope="shop"');
    assert.equal(shopShed, told.length, 'each notice counted once under scope="shop"');
    assert.equal(metric(m, 'kefu_robot_shed_total', 'scope="node"'), 0);
    assert.ok(maxBacklog > THRESHOLD, `the backlog gauge showed the pile-up (max ${maxBacklog})`);
    assert.equal(metric(m, 'kefu_robot_shop_backlog', 'shop="shop_flood"'), 0, 'drained: the shop recovered');
    assert.equal(metric(m, 'kefu_robot_shedding_shops', ''), 0);
    console.log(
      `shop shedding: ${BURST} buyers of shop_flood (threshold ${THRESHOLD}) acked in ${ackMs.toFixed(0)} ms; ` +
        `${told.length} shed (told a person will answer), ${answered.length} answered by the robot; backlog gauge max ${maxBacklog}; ` +
        `shop_calm answered by the robot, shop_flood recovered; kefu_robot_shed_total{scope="shop"} ${shopShed}, {scope="node"} 0`,
    );
  });
});

const textOf = (m: MessageFrame) => (m.content as { text?: string }).text ?? '';
