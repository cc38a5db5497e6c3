/**
 * The agent console's buyer panel shows every parcel of an order shipped in several (found from
 * outside: the second parcel's webhook replaced the first, and the console showed one per order),
 * and none the platform withdrew; and the order terms the platform sent (pay by, ship by, why
 * cancelled), which the robot tells buyers and the page had left to the panel's JSON. In a real
 * Chromium against an in-process kefu in demo mode.
 *
 * Skipped, with the reason, only when Chromium is not installed; .ci/run installs it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator } from 'playwright-core';
import { startNode, type Node } from '../support/kefu.ts';
import { signBody } from '../../src/commerce/index.ts';
import { DEMO_BUYERS, DEMO_EVENTS, DEMO_SHOP_ID, seedDemoData } from '../../src/demo/index.ts';
import { ensureBuilt, launch, needsChromium } from './support.ts';

const WAIT = { timeout: 15_000 };
// buyer_1's one order; the demo's parcel of it is SF1428573920166.
const ORDER = DEMO_BUYERS.buyer_1.orderIds[0];

describe('console buyer panel: split shipments and order terms', { skip: needsChromium, timeout: 120_000 }, () => {
  let node: Node;
  let browser: Browser;

  before(async () => {
    const [built, n, b] = await Promise.allSettled([ensureBuilt(), startNode({ KEFU_DEMO: 'true' }), launch()]);
    if (n.status === 'fulfilled') node = n.value;
    if (b.status === 'fulfilled') browser = b.value;
    for (const r of [built, n, b]) if (r.status === 'rejected') throw r.reason;
    await seedDemoData(node.rt);
  });
  after(async () => {
    await browser?.close();
    await node?.close();
  });

  let eventNo = 0;
  const webhook = async (type: string, data: Record<string, unknown>) => {
    const raw = JSON.stringify({ id: `evt-split-${++eventNo}`, type, shopId: DEMO_SHOP_ID, occurredAt: '2026-11-27T08:00:00Z', data });
    const r = await fetch(`${node.url}/api/v1/webhooks/platform`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kefu-signature': signBody(node.rt.webhookSecret, raw) }, body: raw });
    assert.deepEqual([r.status, await r.json()], [200, { ok: true, duplicate: false, applied: true }], type);
  };

  /** The buyer asks for a person in the demo shop's widget; agent_1 opens that conversation in the console. */
  const panelOf = async (buyer: keyof typeof DEMO_BUYERS, check: (panel: Locator) => Promise<void>) => {
    const ctx = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 } });
    try {
      const shop = await ctx.newPage();
      await shop.goto(`${node.url}/demo/shop?buyer=${buyer}`);
      await shop.getByRole('button', { name: '客服' }).click();
      const w = shop.frameLocator('iframe[title="客服"]');
      await w.getByRole('button', { name: '转人工' }).click();
      await w.getByRole('status').filter({ hasText: /排队中/ }).waitFor(WAIT);

      const desk = await ctx.newPage();
      await desk.goto(`${node.url}/console?demo=agent_1`);
      await desk.getByRole('navigation', { name: '会话列表' }).getByRole('button', { name: DEMO_BUYERS[buyer].name }).click();
      await check(desk.getByRole('region', { name: /买家信息/ }));
    } finally {
      await ctx.close();
    }
  };

  /** An order's field as the demo seeded it. */
  const termOf = (orderId: string, field: 'payBy' | 'shipBy' | 'cancelReason'): string => {
    const data = DEMO_EVENTS.map((e) => e.data as Record<string, unknown>).find((d) => d.orderId === orderId && d[field] !== undefined);
    assert.ok(data, `${orderId} has ${field} in the demo data`);
    return String(data[field]);
  };
  const shanghai = (iso: string) => new Date(iso).toLocaleString('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });

  test("each order shows the terms its status makes current: pay by while unpaid, ship by, why cancelled", async () => {
    const [unpaid, paid, cancelled] = DEMO_BUYERS.buyer_5.orderIds;
    await panelOf('buyer_5', async (panel) => {
      const order = (id: string) => panel.locator('li.order').filter({ hasText: id });
      await order(unpaid).waitFor(WAIT);
      assert.match(await order(unpaid).innerText(), new RegExp(`付款截止 ${shanghai(termOf(unpaid, 'payBy'))}`));
      assert.match(await order(paid).innerText(), new RegExp(`承诺 ${shanghai(termOf(paid, 'shipBy'))} 前发货`));
      const gone = await order(cancelled).innerText();
      assert.match(gone, new RegExp(`取消原因：${termOf(cancelled, 'cancelReason')}`));
      assert.doesNotMatch(`${await order(paid).innerText()}${gone}`, /付款截止/, 'a deadline to pay only on the unpaid order');
      assert.doesNotMatch(await order(unpaid).innerText(), /取消原因/, 'a reason only on the cancelled order');
    });
  });

  test('every parcel of the order is listed under it; a withdrawn one is not', async () => {
    const parcel = (trackingNo: string, description: string) => ({ orderId: ORDER, carrier: '顺丰速运', trackingNo, status: 'in_transit', events: [{ time: '2026-11-27T07:00:00Z', description }], updatedAt: '2026-11-27T07:00:00Z', split: true });
    await webhook('logistics.upserted', parcel('SF2000000000002', '第二个包裹已揽收'));
    await webhook('logistics.upserted', parcel('SF9999999999999', '错发的单号'));
    await webhook('logistics.removed', { orderId: ORDER, trackingNo: 'SF9999999999999', updatedAt: '2026-11-27T07:30:00Z' });

    await panelOf('buyer_1', async (panel) => {
      const order = panel.locator('li.order').filter({ hasText: ORDER });
      await order.getByText(/SF2000000000002/).waitFor(WAIT);
      const text = await order.innerText();
      assert.match(text, /SF1428573920166/, 'the first parcel');
      assert.match(text, /SF2000000000002 · 运输中 · 第二个包裹已揽收/, 'the second, with its status and latest event');
      assert.ok(text.indexOf('SF1428573920166') < text.indexOf('SF2000000000002'), 'first stored first');
      assert.doesNotMatch(await panel.innerText(), /SF9999999999999|错发/, 'the withdrawn parcel nowhere');
    });
  });
});
