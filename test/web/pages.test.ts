/**
 * src/pages/ without a browser: what kefu answers with and without a build (a clear 503 naming
 * `npm run build:web`, picked up without a restart once built), gzip and ETags, the security
 * headers, the demo routes only in demo mode, the demo token endpoint's claims; and the pure
 * helpers of the build (size budget walk, reconnect backoff).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { createDemoIssuer } from '../../src/auth/index.ts';
import { registerPages, demoClaims } from '../../src/pages/index.ts';
import type { Runtime } from '../../src/wiring.ts';
import { filesOf } from '../../scripts/check-web-size.ts';
import { backoffMs, BACKOFF_MAX_MS } from '../../web/src/shared/backoff.ts';
import { readableError } from '../../web/src/shared/errors.ts';
import { cardLang } from '../../web/src/shared/lang.ts';
import { textBesideCard } from '../../web/src/shared/choice.ts';
import { inQueueOrder, standingOf } from '../../web/src/console/queue.ts';
import type { QueuePriority } from '../../src/protocol/conversation.ts';
import { everySecond, noteServerDate, onLocalClock, serverNow } from '../../web/src/shared/clock.ts';

function fakeDist(dir: string): void {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'widget.js'), '/* loader */ console.log("kefu");\n');
  for (const d of ['frame', 'console', 'admin']) writeFileSync(join(dir, `${d}.html`), `<!doctype html><title>${d}</title><script type="module" src="/assets/${d}-abc.js"></script>\n`);
  writeFileSync(join(dir, 'assets', 'console-abc.js'), 'export const x = 1;\n'.repeat(50));
  writeFileSync(join(dir, 'build.json'), JSON.stringify({ id: 'test', builtAt: new Date().toISOString() }));
}

async function app(dist: string, config: { demo: boolean; allowedOrigins?: string[]; timeZone?: string }): Promise<FastifyInstance> {
  const demoIssuer = config.demo ? await createDemoIssuer({ dataDir: undefined, issuer: 'kefu-demo', audience: 'kefu', production: false }) : undefined;
  const rt = { config: { demo: config.demo, allowedOrigins: config.allowedOrigins, timeZone: config.timeZone }, demoIssuer } as unknown as Runtime;
  const a = Fastify();
  await registerPages(a, rt, { distDir: dist });
  return a;
}

describe('pages served by kefu', () => {
  const dist = mkdtempSync(join(tmpdir(), 'kefu-dist-'));
  let demo: FastifyInstance;
  before(async () => {
    demo = await app(dist, { demo: true });
  });
  after(async () => {
    await demo.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('without a build: 503 naming npm run build:web on every page; kefu picks a build up without a restart', async () => {
    for (const url of ['/console', '/admin', '/widget/frame', '/demo/shop?buyer=buyer_1']) {
      const r = await demo.inject(url);
      assert.equal(r.statusCode, 503, url);
      assert.match(r.body, /pages not built: run npm run build:web/, url);
    }
    const loader = await demo.inject('/widget.js');
    assert.equal(loader.statusCode, 503);
    assert.match(loader.body, /npm run build:web/);
    fakeDist(dist);
    assert.equal((await demo.inject('/console')).statusCode, 200);
  });

  test('documents and assets: gzip when asked, ETag revalidation, caching, no path reaches the disk', async () => {
    fakeDist(dist);
    const plain = await demo.inject('/assets/console-abc.js');
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    const zipped = await demo.inject({ url: '/assets/console-abc.js', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body);
    const again = await demo.inject({ url: '/assets/console-abc.js', headers: { 'if-none-match': String(plain.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal((await demo.inject('/widget.js')).headers['cache-control'], 'public, max-age=300');
    for (const bad of ['/assets/..%2Fbuild.json', '/assets/%2E%2E%2F%2E%2E%2Fpackage.json', '/assets/nope.js']) assert.equal((await demo.inject(bad)).statusCode, 404, bad);
  });

  test('every page is told the shops\' time zone (KEFU_TIME_ZONE), so cards show times as the robot\'s text does', async () => {
    fakeDist(dist);
    const la = await app(dist, { demo: false, timeZone: 'America/Los_Angeles' });
    try {
      for (const url of ['/console', '/admin', '/widget/frame']) assert.match((await la.inject(url)).body, /^<!doctype html><meta name="kefu-time-zone" content="America\/Los_Angeles"><title>/, url);
      assert.doesNotMatch((await la.inject('/assets/console-abc.js')).body, /kefu-time-zone/);
    } finally {
      await la.close();
    }
  });

  test('security headers: console and admin may not be framed; the widget frame may, by KEFU_ALLOWED_ORIGINS when set', async () => {
    fakeDist(dist);
    const c = await demo.inject('/console');
    assert.match(String(c.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.match(String(c.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(c.headers['x-content-type-options'], 'nosniff');
    assert.match(String((await demo.inject('/widget/frame')).headers['content-security-policy']), /frame-ancestors \*/);
    const restricted = await app(dist, { demo: false, allowedOrigins: ['https://shop.example'] });
    try {
      assert.match(String((await restricted.inject('/widget/frame')).headers['content-security-policy']), /frame-ancestors 'self' https:\/\/shop\.example/);
    } finally {
      await restricted.close();
    }
  });

  test('demo mode only: the shop page embeds the widget for a demo buyer; the token endpoint signs demo users only', async () => {
    fakeDist(dist);
    const shop = await demo.inject('/demo/shop?buyer=buyer_2');
    assert.equal(shop.statusCode, 200);
    assert.match(shop.body, /<script src="\/widget\.js" data-shop="shop_demo" data-token-url="\/demo\/token\?as=buyer_2" async><\/script>/);
    assert.equal((await demo.inject('/demo/shop?buyer=mallory')).statusCode, 400);
    const tok = await demo.inject('/demo/token?as=agent_2');
    assert.equal(tok.statusCode, 200);
    assert.equal(tok.headers['cache-control'], 'no-store');
    const claims = decodeJwt((tok.json() as { token: string }).token);
    assert.deepEqual({ sub: claims.sub, scope: claims.scope, shop_id: claims.shop_id, name: claims.name }, { sub: 'agent_2', scope: 'cs:agent cs:commands', shop_id: 'shop_demo', name: '小李' });
    assert.equal((await demo.inject('/demo/token?as=root')).statusCode, 400);
    assert.deepEqual(demoClaims('buyer_1'), { sub: 'buyer_1', scope: 'cs:customer', name: '张伟' });

    const prod = await app(dist, { demo: false });
    try {
      assert.equal((await prod.inject('/demo/shop?buyer=buyer_1')).statusCode, 404);
      assert.equal((await prod.inject('/demo/token?as=buyer_1')).statusCode, 404);
      assert.equal((await prod.inject('/console')).statusCode, 200);
    } finally {
      await prod.close();
    }
  });
});

describe('build helpers', () => {
  // Found in review: replyBy (the server's time) was counted down on the browser's clock, one timer per countdown.
  test("a countdown runs on the server's clock from the Date header, past its rounding only", () => {
    const now = Date.now();
    noteServerDate(new Date(now + 5 * 60_000).toUTCString(), now - 20, now + 20);
    assert.ok(Math.abs(serverNow() - Date.now() - 5 * 60_000) < 1600, 'five minutes ahead');
    assert.ok(Math.abs(onLocalClock(serverNow()) - Date.now()) < 50);
    noteServerDate(new Date(now).toUTCString(), now, now);
    assert.ok(Math.abs(serverNow() - Date.now()) < 50, 'within the header rounding: no offset');
    noteServerDate('not a date', now, now);
    assert.ok(Math.abs(serverNow() - Date.now()) < 50);
  });

  // Found from outside: the console sorted the queue by last update, so a gas leak waited behind plain hand-overs.
  test('the console lists the queue as routing serves it: urgent, handed back, then complaints, each oldest first', () => {
    const row = (conversationId: string, updatedAt: string, priority?: QueuePriority, since?: string) => ({
      conversationId,
      updatedAt,
      ...(priority ? { queue: { priority, ...(since ? { since } : {}) } } : {}),
    });
    const rows = [
      row('plain-old', '2026-12-06T10:09:00Z', 'normal', '2026-12-06T10:00:00Z'),
      row('gas', '2026-12-06T10:01:00Z', 'complaint', '2026-12-06T10:05:00Z'),
      row('back', '2026-12-06T10:08:00Z', 'returned', '2026-12-06T10:07:00Z'),
      row('plain-new', '2026-12-06T10:02:00Z', 'normal', '2026-12-06T10:06:00Z'),
      row('complaint-old', '2026-12-06T10:09:30Z', 'complaint', '2026-12-06T10:04:00Z'),
      row('unread-standing', '2026-12-06T10:03:00Z'),
      row('scam', '2026-12-06T10:09:40Z', 'urgent', '2026-12-06T10:08:30Z'),
    ];
    // Queue time decides within a priority, not the last update (plain-old was written in last, queued first).
    assert.deepEqual(inQueueOrder(rows).map((r) => r.conversationId), ['scam', 'back', 'complaint-old', 'gas', 'plain-old', 'unread-standing', 'plain-new']);
    assert.deepEqual(rows.map(standingOf), [undefined, 'complaint', 'returned', undefined, 'complaint', undefined, 'urgent']);
  });

  test("beside a choice card only the question's line of the text is shown; other texts whole", () => {
    assert.equal(textBesideCard('哪一个？\n1. A 耳机\n2. B 牙刷', { kind: 'choice' }), '哪一个？');
    assert.equal(textBesideCard('第一行\n第二行', { kind: 'logistics' }), '第一行\n第二行');
    assert.equal(textBesideCard('只有一行', undefined), '只有一行');
  });

  test('every countdown on a page shares one timer, stopped with the last', (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const ticks: string[] = [];
    const a = everySecond(() => ticks.push('a'));
    const b = everySecond(() => ticks.push('b'));
    t.mock.timers.tick(1000);
    assert.deepEqual(ticks, ['a', 'b']);
    a();
    t.mock.timers.tick(1000);
    assert.deepEqual(ticks, ['a', 'b', 'b']);
    b();
    t.mock.timers.tick(5000);
    assert.deepEqual(ticks, ['a', 'b', 'b']);
  });

  test('the widget budget counts its entry, every chunk it imports (once) and their CSS', () => {
    const manifest = {
      'frame.html': { file: 'assets/frame.js', imports: ['_a.js', '_b.js'], css: ['assets/frame.css'] },
      '_a.js': { file: 'assets/a.js', imports: ['_b.js'] },
      '_b.js': { file: 'assets/b.js', css: ['assets/b.css'] },
      'console.html': { file: 'assets/console.js' },
    };
    assert.deepEqual(filesOf(manifest, 'frame.html').sort(), ['assets/a.js', 'assets/b.css', 'assets/b.js', 'assets/frame.css', 'assets/frame.js']);
  });

  test("kefu's English errors read in Chinese on a Chinese page: field and rule translated, an unknown rule kept", () => {
    const zh = (code: string, message: string) => readableError(code, message, 'zh');
    assert.equal(zh('BAD_REQUEST', 'question must not be empty'), '问题不能为空');
    assert.equal(zh('BAD_REQUEST', 'alternates[2] must be at most 500 characters'), '相似问法第 3 项最多 500 个字符');
    assert.equal(zh('BAD_REQUEST', 'words[3] must be at most 50 characters'), '敏感词第 4 项最多 50 个字符');
    assert.equal(zh('BAD_REQUEST', 'title: must not be empty'), '标题不能为空');
    assert.equal(zh('BAD_REQUEST', 'payload.amount: must be a decimal string with at most 16 digits before and 2 after the point, like "20.00"'), '金额应为如 20.00 的数字（最多两位小数）');
    assert.equal(zh('BAD_REQUEST', 'colour: must be red'), 'colour：must be red', 'an unknown field and rule stay as written');
    assert.equal(zh('FORBIDDEN', 'message refused: it contains a prohibited word'), '消息含有违禁词，未发送，请修改后再发');
    assert.equal(zh('UNAVAILABLE', 'database unavailable'), '服务暂时不可用，请稍后重试');
    // The shop's settings (admin, Settings): each line named, the reason in words.
    assert.equal(zh('BAD_REQUEST', 'linkHosts[1]: must be a host name like shop.example.com, without scheme, path or port'), '链接域名第 2 项应为域名（如 shop.example.com），不带 http://、路径或端口');
    assert.equal(zh('BAD_REQUEST', 'imageHosts[0]: is a public suffix: name the shop\'s own domain under it ("co.uk")'), '图片域名第 1 项是公共后缀：请填写本店自己的域名');
    assert.equal(zh('BAD_REQUEST', 'phones[0]: must be a phone number of 7 to 15 digits (spaces, dashes, dots, brackets and a leading + are fine)'), '电话号码第 1 项应为 7–15 位的电话号码');
    assert.equal(zh('BAD_REQUEST', 'messageDays: must be a whole number of days from 1 to 36500, or null'), '保存天数应为 1 到 36500 的整数天数，或留空');
    assert.equal(readableError('BAD_REQUEST', 'question must not be empty', 'en'), 'question must not be empty', 'English pages show the server message');
  });

  // Found from outside: an English sentence quoting Chinese titles got a Chinese card.
  test("a card's language is its sentence's, by the sentence's first letter", () => {
    assert.equal(cardLang('Your order SO1 (米家声波电动牙刷) is with 中通快递, currently in transit.', 'zh'), 'en');
    assert.equal(cardLang('您的订单 SO1（Apple AirPods Pro）由 SF Express 承运', 'en'), 'zh');
    assert.equal(cardLang('123 · 456', 'en'), 'en');
  });

  test('reconnect backoff: doubles from 0.5 s, jittered to [half, all], capped at 30 s', () => {
    assert.equal(backoffMs(0, 0.999999), 500);
    assert.equal(backoffMs(0, 0), 250);
    assert.equal(backoffMs(3, 0.999999), 4000);
    assert.equal(backoffMs(50, 0.999999), BACKOFF_MAX_MS);
    for (let n = 0; n < 20; n++) {
      const d = backoffMs(n);
      assert.ok(d >= Math.min(BACKOFF_MAX_MS, 500 * 2 ** n) / 2 && d <= BACKOFF_MAX_MS, `attempt ${n}: ${d}`);
    }
  });
});
