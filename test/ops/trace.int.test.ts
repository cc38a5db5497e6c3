/**
 * Traces (src/ops/trace.ts): a buyer's `send` frame starts a trace; the robot turn it causes looks
 * the buyer up on the platform's API, and that request carries a W3C `traceparent` with the
 * frame's trace id, which the frame's own log line (`frame handled`, once, at its end) names too.
 * Neither the platform's bearer token nor the receiver's phone or address reaches the logs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startNode, type Issuer, type Node } from '../support/kefu.ts';
import { orderEvent } from '../commerce/fixtures.ts';

const TOKEN = 'platform-secret-token-0123456789';

describe('a frame\'s trace reaches the platform', { skip: needsPg || needsRedis }, () => {
  let issuer: Issuer;
  let node: Node;
  let platform: Server;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];

  before(async () => {
    platform = createServer((req, res) => {
      seen.push({ url: req.url ?? '', headers: req.headers });
      res.setHeader('content-type', 'application/json');
      if (req.url?.endsWith('/orders')) res.end(JSON.stringify({ orders: [orderEvent({ shopId: 'shop_tr', userId: 'tr_buyer', orderId: 'OTR1' }).data] }));
      else if (req.url?.endsWith('/aftersales')) res.end(JSON.stringify({ aftersales: [] }));
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    issuer = await startIssuer();
    node = await startNode({
      ...realEnv(issuer, newIsolation()),
      KEFU_PLATFORM_API_URL: `http://127.0.0.1:${(platform.address() as AddressInfo).port}`,
      KEFU_PLATFORM_API_TOKEN: TOKEN,
      KEFU_LOG_LEVEL: 'debug',
      // A busy test machine must neither shed the robot turn under test nor cut its lookups short.
      KEFU_WORK_ROBOT_MAX_WAIT_MS: '600000',
      KEFU_ROBOT_LOOKUP_BUDGET_MS: '5000',
    });
  });
  after(async () => {
    await node?.close();
    await issuer?.close();
    await new Promise((r) => platform?.close(r));
  });

  // Found from outside: the robots' warm-up looked up a made-up buyer of shop "warmup" on the
  // platform at every start.
  test('starting makes no call to the platform', async () => {
    assert.deepEqual(seen.map((s) => s.url), [], 'nothing before the first buyer');
    // The warm-up searched a FAQ of its own (a cold first index took 150 ms) and left none behind.
    assert.equal(await node.rt.faq.search('(warm-up)', '新疆能发吗'), null);
  });

  test('the platform call carries the send frame\'s trace id; the logs name it and hold no secret', async () => {
    const c = await connect(node.url, await issuer.token({ sub: 'tr_buyer', scope: 'cs:customer' }));
    const ack = await c.sendText({ shopId: 'shop_tr' }, 'where is my package');
    await node.rt.bot.idle();
    const call = await eventually(() => seen.find((s) => s.url.includes('/users/tr_buyer/orders')), 5000, 'the platform to be asked for orders');
    const tp = String(call!.headers.traceparent ?? '');
    const m = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(tp);
    assert.ok(m, `a W3C traceparent: ${tp}`);
    assert.equal(call!.headers.authorization, `Bearer ${TOKEN}`);

    const lines = node.logs.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const frameLines = lines.filter((l) => l.msg === 'frame handled' && l.frame === 'send' && l.id === ack.id);
    assert.equal(frameLines.length, 1, 'the send frame is logged once');
    assert.equal(frameLines[0]!.frameTraceId, m[1], "the platform's trace is the frame's");
    assert.equal(typeof frameLines[0]!.ms, 'number');
    // The robot turn the frame caused is in the same trace.
    assert.ok(lines.some((l) => l.msg === 'robot turn answered' && l.frameTraceId === m[1]), 'the robot turn names the frame trace');
    // Another frame gets another trace.
    const ack2 = await c.sendText({ shopId: 'shop_tr' }, 'thanks');
    await node.rt.bot.idle();
    const second = node.logs.flatMap((l) => l.split('\n')).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'frame handled' && l.id === ack2.id);
    assert.ok(second && second.frameTraceId !== m[1]);

    const all = node.logs.join('');
    for (const secret of [TOKEN, '13812345678', '文三路100号']) assert.ok(!all.includes(secret), `logs hold no ${secret}`);
    await c.close();
  });
});
