/**
 * The pages in a real Chromium against an in-process kefu in demo mode (real PostgreSQL and
 * Redis when they answer, else embedded): the buyer widget on the demo shop page, the agent
 * console and the shop admin, end to end. Also writes the README's screenshots
 * (docs/screenshots/*.png, a desktop and a phone viewport each) and checks the three pages with
 * axe-core (no serious or critical violation).
 *
 * Skipped, with the reason, only when Chromium is not installed; .ci/run installs it.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { startNode, type Node } from '../support/kefu.ts';
import { PG_URL, REDIS_URL, testRedisPrefix, testSchema } from '../support/services.ts';
import { seedDemoData } from '../../src/demo/index.ts';
import { axeViolations, ensureBuilt, launch, needsChromium } from './support.ts';

const SHOTS = new URL('../../docs/screenshots/', import.meta.url);
const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 390, height: 844 } };
const WAIT = { timeout: 15_000 };
const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });

describe('web pages in Chromium', { skip: needsChromium, timeout: 120_000 }, () => {
  let node: Node;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  before(async () => {
    const [, n, b] = await Promise.all([
      ensureBuilt(),
      startNode({
        KEFU_DEMO: 'true',
        ...(PG_URL && REDIS_URL
          ? { KEFU_DATABASE_URL: PG_URL, KEFU_DATABASE_SCHEMA: testSchema('web'), KEFU_REDIS_URL: REDIS_URL, KEFU_REDIS_KEY_PREFIX: testRedisPrefix('kefuweb') }
          : {}),
      }),
      launch(),
    ]);
    [node, browser] = [n, b];
    await seedDemoData(node.rt);
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
    await node?.close();
  });

  /** A browser profile in Chinese; page errors and CSP refusals are collected and must stay empty. */
  async function open(path: string, opts: Parameters<Browser['newContext']>[0] = DESKTOP, ctx?: BrowserContext): Promise<Page> {
    const c = ctx ?? (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts }));
    if (!ctx) contexts.push(c);
    const page = await c.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/ERR_INTERNET_DISCONNECTED|net::ERR_|WebSocket connection/.test(m.text())) errors.push(`${path}: ${m.text()}`);
    });
    await page.goto(`${node.url}${path}`);
    return page;
  }

  /** The demo shop page with the widget opened. */
  async function openWidget(buyer: string, opts?: Parameters<Browser['newContext']>[0]): Promise<{ page: Page; w: FrameLocator }> {
    const page = await open(`/demo/shop?buyer=${buyer}`, opts);
    await page.getByRole('button', { name: '客服' }).click();
    const w = page.frameLocator('iframe[title="客服"]');
    await w.getByRole('textbox', { name: '消息' }).waitFor(WAIT);
    return { page, w };
  }

  const say = async (w: FrameLocator, text: string) => {
    await w.getByRole('textbox', { name: '消息' }).fill(text);
    await w.getByRole('textbox', { name: '消息' }).press('Enter');
  };

  let buyerA: { page: Page; w: FrameLocator };
  let consoleA: Page;

  test('a buyer asks 我的快递到哪了 and sees the logistics card of the shipped order', async () => {
    buyerA = await openWidget('buyer_1');
    await say(buyerA.w, '我的快递到哪了');
    const card = buyerA.w.getByRole('article', { name: /顺丰速运 SF1428573920166/ });
    await card.waitFor(WAIT);
    assert.match(await card.innerText(), /北京顺义集散中心/);
    assert.match(await card.innerText(), /运输中/);
    await shot(buyerA.page, 'widget-desktop');
  });

  test('two devices, 转人工 queued, the agent goes online and replies to both, closes, the buyer rates', async () => {
    const buyerB = await openWidget('buyer_1');
    const log = (w: FrameLocator) => w.getByRole('log');
    await log(buyerB.w).getByText('我的快递到哪了').waitFor(WAIT);

    await buyerA.w.getByRole('button', { name: '转人工' }).click();
    for (const b of [buyerA, buyerB]) await b.w.getByRole('status').filter({ hasText: /排队中：第 1 位/ }).waitFor(WAIT);

    consoleA = await open('/console?demo=agent_1');
    const queue = consoleA.getByRole('navigation', { name: '会话列表' });
    await queue.getByRole('button', { name: '张伟' }).waitFor(WAIT);
    await consoleA.getByRole('combobox', { name: '状态' }).selectOption('online');
    await consoleA.getByRole('region', { name: '我的会话' }).getByRole('button', { name: /张伟/ }).waitFor(WAIT);
    for (const b of [buyerA, buyerB]) await b.w.getByText('客服 小王 为您服务').waitFor(WAIT);

    // A second console of the same agent follows along.
    const consoleB = await open('/console?demo=agent_1', DESKTOP, consoleA.context());
    await consoleB.getByRole('region', { name: '我的会话' }).getByRole('button', { name: /张伟/ }).click();

    const box = consoleA.getByRole('textbox', { name: '消息' });
    await box.fill('您好，我来帮您查一下');
    await box.press('Enter');
    for (const b of [buyerA, buyerB]) await log(b.w).getByText('您好，我来帮您查一下').waitFor(WAIT);
    await consoleB.getByRole('log').getByText('您好，我来帮您查一下').waitFor(WAIT);

    await consoleA.getByRole('button', { name: '结束会话' }).click();
    for (const b of [buyerA, buyerB]) await b.w.getByRole('group', { name: '请为本次服务打分' }).waitFor(WAIT);
    await buyerA.w.getByRole('button', { name: '5', exact: true }).click();
    await buyerA.w.getByText('感谢您的评价！').waitFor(WAIT);
    await buyerB.page.context().close();
  });

  let buyerC: { page: Page; w: FrameLocator };
  test('offline for 5 s while the agent sends 3 messages: the banner shows, then all 3 once, in order', async () => {
    const buyer = (buyerC = await openWidget('buyer_3'));
    await buyer.w.getByRole('button', { name: '转人工' }).click();
    const mine = consoleA.getByRole('region', { name: '我的会话' }).getByRole('button', { name: /王芳/ });
    await mine.waitFor(WAIT);
    await mine.click();
    await buyer.w.getByText('客服 小王 为您服务').waitFor(WAIT);

    const cutAt = Date.now();
    await buyer.page.context().setOffline(true);
    await buyer.w.getByRole('status').filter({ hasText: '网络已断开' }).waitFor(WAIT);
    const box = consoleA.getByRole('textbox', { name: '消息' });
    for (const text of ['第一条：已为您登记', '第二条：仓库正在核对', '第三条：稍后回复您']) {
      await box.fill(text);
      await box.press('Enter');
      await consoleA.getByRole('log').getByText(text).waitFor(WAIT);
    }
    await shot(consoleA, 'console-desktop');
    await new Promise((r) => setTimeout(r, Math.max(0, 5000 - (Date.now() - cutAt))));
    await buyer.page.context().setOffline(false);
    await buyer.w.getByRole('log').getByText('第三条：稍后回复您').waitFor(WAIT);
    await buyer.w.getByRole('status').filter({ hasText: '网络已断开' }).waitFor({ state: 'detached', ...WAIT });
    const texts = await buyer.w.getByRole('log').locator('.msg.agent .bubble').allInnerTexts();
    assert.deepEqual(
      texts.filter((x) => x.startsWith('第')),
      ['第一条：已为您登记', '第二条：仓库正在核对', '第三条：稍后回复您'],
    );
  });

  test('a coupon from the console: Idempotency-Key, status live from command frames on both consoles', async (t) => {
    const token = ((await (await fetch(`${node.url}/demo/token?as=agent_1`)).json()) as { token: string }).token;
    const probe = await fetch(`${node.url}/api/v1/shops/shop_demo/commands?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    if (probe.status === 404) return t.skip('the commands API is not in this kefu (GET /shops/{shopId}/commands answers 404)');
    await consoleA.getByRole('button', { name: '发优惠券' }).click();
    await consoleA.getByRole('textbox', { name: '金额' }).fill('20.00');
    await consoleA.getByRole('button', { name: '提交' }).click();
    const consoleB = consoleA.context().pages().find((p) => p !== consoleA && p.url().includes('/console'))!;
    for (const c of [consoleA, consoleB]) await c.locator('.commands li', { hasText: 'coupon.issue' }).filter({ hasText: 'succeeded' }).waitFor(WAIT);
  });

  let admin: Page;
  test('axe-core: no serious or critical violations on the widget, the console and the admin', async () => {
    admin = await open('/admin?demo=admin_1');
    await admin.getByText('最近 7 天会话').waitFor(WAIT);
    const frame = buyerA.page.frames().find((f) => f.url().includes('/widget/frame'))!;
    const found = {
      shop: await axeViolations(buyerA.page),
      widget: await axeViolations(frame),
      console: await axeViolations(consoleA),
      admin: await axeViolations(admin),
    };
    assert.deepEqual(found, { shop: [], widget: [], console: [], admin: [] });
  });

  test('screenshots of the three pages, desktop and phone (docs/screenshots/)', async () => {
    // The widget and the console were taken on a desktop above, in the middle of their flows.
    await shot(admin, 'admin-desktop');
    for (const [page, name] of [[buyerC.page, 'widget-phone'], [consoleA, 'console-phone'], [admin, 'admin-phone']] as const) {
      await page.setViewportSize(PHONE.viewport);
      await page.waitForTimeout(200);
      await shot(page, name);
    }
  });

  test('no page error nor CSP refusal in any page', () => {
    assert.deepEqual(errors, []);
  });
});
