/**
 * Demo mode only (KEFU_DEMO with the built-in demo issuer): a demo shop page that embeds the widget
 * as any shop would, and the same-origin token endpoint the demo pages sign in with.
 *
 *   GET /demo/shop?buyer=buyer_1      a product page of shop_demo with the widget, signed in as that buyer
 *   GET /demo/token?as=<demo user>    { token, expires_in }: buyer_1…buyer_5 (cs:customer), agent_1 and
 *                                     agent_2 (cs:agent cs:commands), admin_1 (cs:admin cs:commands) of shop_demo
 *
 * Like the demo issuer itself, it hands a token to whoever asks: never for real users.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { DemoClaims, DemoIssuer } from '../auth/index.ts';
import { DEMO_BUYERS, DEMO_SHOP } from '../demo/data.ts';
import { KefuError } from '../protocol/errors.ts';

/** The demo shop's staff the console and the admin sign in as. */
export const DEMO_STAFF = {
  agent_1: { name: '小王', scope: 'cs:agent cs:commands' },
  agent_2: { name: '小李', scope: 'cs:agent cs:commands' },
  admin_1: { name: '王店长', scope: 'cs:admin cs:commands' },
} as const;

export const DEMO_TOKEN_TTL_S = 3600;

export function demoClaims(as: string): DemoClaims | undefined {
  if (Object.hasOwn(DEMO_BUYERS, as)) {
    const b = DEMO_BUYERS[as as keyof typeof DEMO_BUYERS];
    return { sub: b.id, scope: 'cs:customer', name: b.name };
  }
  if (Object.hasOwn(DEMO_STAFF, as)) {
    const s = DEMO_STAFF[as as keyof typeof DEMO_STAFF];
    return { sub: as, scope: s.scope, shop_id: DEMO_SHOP.id, name: s.name };
  }
  return undefined;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The demo shop's product page, with the widget embedded the documented way. */
export function demoShopPage(buyer: keyof typeof DEMO_BUYERS): string {
  const b = DEMO_BUYERS[buyer];
  const others = Object.values(DEMO_BUYERS)
    .map((x) => (x.id === buyer ? `<strong>${esc(x.name)} (${x.id})</strong>` : `<a href="/demo/shop?buyer=${x.id}">${esc(x.name)} (${x.id})</a>`))
    .join(' · ');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(DEMO_SHOP.localName)} · ${esc(DEMO_SHOP.name)} (demo)</title>
<style>
body{margin:0;font:15px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fafafa}
header{padding:14px 20px;background:#b3261e;color:#fff}header h1{margin:0;font-size:20px}
main{max-width:960px;margin:0 auto;padding:20px}
.demo{padding:8px 12px;margin-bottom:16px;border:1px dashed #9a6700;border-radius:6px;background:#fff8c5;font-size:13px}
.product{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.3fr);gap:24px;padding:20px;background:#fff;border-radius:10px}
.pic{aspect-ratio:1;border-radius:10px;background:linear-gradient(135deg,#f6f8fa,#d0d7de);display:flex;align-items:center;justify-content:center;font-size:64px;color:#57606a}
.price{font-size:26px;color:#b3261e;font-weight:700}
.buy{display:inline-block;margin-top:10px;padding:10px 28px;border-radius:22px;background:#b3261e;color:#fff;font-weight:600}
@media (max-width:640px){.product{grid-template-columns:1fr}}
</style>
</head>
<body>
<header><h1>${esc(DEMO_SHOP.localName)}</h1></header>
<main>
<p class="demo">演示页面 / Demo page: signed in as ${others}. 客服工作台 / console: <a href="/console?demo=agent_1">agent_1</a> · <a href="/console?demo=agent_2">agent_2</a> · 店铺管理 / admin: <a href="/admin?demo=admin_1">admin_1</a></p>
<section class="product" aria-label="商品 Product">
<div class="pic" aria-hidden="true"><svg viewBox="0 0 24 24" width="96" height="96" fill="currentColor"><path d="M12 3a9 9 0 0 0-9 9v6a3 3 0 0 0 3 3h2v-8H5v-1a7 7 0 0 1 14 0v1h-3v8h2a3 3 0 0 0 3-3v-6a9 9 0 0 0-9-9z"/></svg></div>
<div>
<h2>华为 FreeBuds 5i 真无线降噪蓝牙耳机 陶瓷白</h2>
<p class="price">¥499.00</p>
<p>主动降噪，28 小时续航，顺丰包邮。Active noise cancelling, 28 h battery, free shipping.</p>
<p>您好，${esc(b.name)}！有问题请点右下角的「客服」。Questions? Press “Chat” at the bottom right.</p>
<span class="buy" role="presentation">立即购买</span>
</div>
</section>
</main>
<script src="/widget.js" data-shop="${esc(DEMO_SHOP.id)}" data-token-url="/demo/token?as=${esc(b.id)}" async></script>
</body>
</html>
`;
}

export interface DemoPagesDeps {
  readonly issuer: DemoIssuer;
  /** Whether web/dist holds a build (the shop page needs /widget.js). */
  built(): Promise<boolean>;
  html(reply: FastifyReply, body: string, kind: 'shop'): FastifyReply;
  notBuilt(reply: FastifyReply): FastifyReply;
}

export function registerDemoPages(app: FastifyInstance, d: DemoPagesDeps): void {
  app.get<{ Querystring: { buyer?: string } }>('/demo/shop', async (req, reply) => {
    const buyer = req.query.buyer ?? 'buyer_1';
    if (!Object.hasOwn(DEMO_BUYERS, buyer)) throw new KefuError('BAD_REQUEST', `buyer must be one of ${Object.keys(DEMO_BUYERS).join(', ')}`, { field: 'buyer' });
    if (!(await d.built())) return d.notBuilt(reply);
    return d.html(reply, demoShopPage(buyer as keyof typeof DEMO_BUYERS), 'shop');
  });

  app.get<{ Querystring: { as?: string } }>('/demo/token', async (req, reply) => {
    reply.header('X-Kefu-Demo', 'true').header('Cache-Control', 'no-store');
    const claims = demoClaims(req.query.as ?? '');
    if (!claims) throw new KefuError('BAD_REQUEST', `as must be one of ${[...Object.keys(DEMO_BUYERS), ...Object.keys(DEMO_STAFF)].join(', ')}`, { field: 'as' });
    return { token: await d.issuer.sign(claims, DEMO_TOKEN_TTL_S), expires_in: DEMO_TOKEN_TTL_S };
  });
}
