/**
 * pages: kefu serves its own web pages (docs/api.md, "Pages"; docs/decisions/0007-web-pages.md),
 * built from web/ by `npm run build:web` into web/dist:
 *
 *   GET /widget.js        the loader a shop page embeds (classic script, cached 5 minutes)
 *   GET /widget/frame     the buyer widget, in an iframe of kefu's origin (?shop=<shopId>)
 *   GET /console          the agent console
 *   GET /admin            the shop admin
 *   GET /assets/<file>    their hashed scripts and styles (cached for a year)
 *   demo mode only:       GET /demo/shop?buyer=…, GET /demo/token?as=… (demo.ts)
 *
 * Without a build every page answers 503 "pages not built: run npm run build:web", and kefu
 * itself runs as usual. Pages carry a Content-Security-Policy: scripts and styles only from kefu,
 * connections only to kefu; the console and the admin may not be framed, the widget frame may be
 * by the origins of KEFU_ALLOWED_ORIGINS (any origin when it is unset: shops embed it).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Runtime } from '../wiring.ts';
import { DEFAULT_DIST, PageAssets, type Asset, type DocumentName } from './assets.ts';
import { registerDemoPages } from './demo.ts';
import { TIME_ZONE_META } from '../protocol/cards.ts';

export { PageAssets, readBuild, DEFAULT_DIST } from './assets.ts';
export { demoClaims, demoShopPage, DEMO_STAFF } from './demo.ts';

export const NOT_BUILT = 'pages not built: run npm run build:web';

/** Whether web/dist holds a build (for the start banner). */
export function pagesBuilt(dir: string = DEFAULT_DIST): boolean {
  return existsSync(join(dir, 'build.json'));
}

type Kind = 'app' | 'frame' | 'shop';

function csp(kind: Kind, frameAncestors: string): string {
  const common = "default-src 'self'; script-src 'self'; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'";
  if (kind === 'shop') return `${common}; style-src 'self' 'unsafe-inline'; frame-src 'self'`;
  return `${common}; style-src 'self'; frame-ancestors ${kind === 'frame' ? frameAncestors : "'none'"}`;
}

/** `allowed` is KEFU_ALLOWED_ORIGINS as canonicalOrigin() (src/gateway/origin.ts) parsed it, the parser the socket's Origin check uses. */
function frameAncestorsOf(allowed: readonly string[] | undefined): string {
  if (!allowed || allowed.includes('*')) return '*';
  return ["'self'", ...allowed].join(' ');
}

const notBuiltHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>kefu: pages not built</title></head>
<body style="font:16px/1.6 system-ui,sans-serif;max-width:640px;margin:40px auto;padding:0 16px"><h1>${NOT_BUILT}</h1>
<p>kefu is running, but its web pages were not built (the build runs with <code>npm ci</code>; it was skipped or failed). Run <code>npm run build:web</code>; kefu picks the pages up without a restart.</p>
<p lang="zh-CN">页面尚未构建：请运行 <code>npm run build:web</code>，无需重启 kefu。</p></body></html>\n`;

function sendAsset(req: FastifyRequest, reply: FastifyReply, a: Asset, cacheControl: string): FastifyReply {
  reply.header('content-type', a.type).header('cache-control', cacheControl).header('etag', a.etag).header('vary', 'accept-encoding').header('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(a.gz);
  return reply.send(a.body);
}

export interface PagesOptions {
  /** Where the build is (default web/dist of this checkout). */
  readonly distDir?: string;
}

export async function registerPages(app: FastifyInstance, rt: Runtime, opts: PagesOptions = {}): Promise<void> {
  const pages = new PageAssets(opts.distDir ?? DEFAULT_DIST, rt.config.timeZone ? { [TIME_ZONE_META]: rt.config.timeZone } : {});
  const ancestors = frameAncestorsOf(rt.config.allowedOrigins);
  const secure = (reply: FastifyReply, kind: Kind) =>
    reply.header('content-security-policy', csp(kind, ancestors)).header('referrer-policy', 'same-origin').header('x-content-type-options', 'nosniff');
  const notBuilt = (reply: FastifyReply) => reply.code(503).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(notBuiltHtml);

  const serveDocument = (path: string, name: DocumentName, kind: Kind | 'script') =>
    app.get(path, async (req, reply) => {
      const built = await pages.current();
      if (!built) return name === 'widget.js' ? reply.code(503).type('text/javascript; charset=utf-8').send(`/* ${NOT_BUILT} */\n`) : notBuilt(reply);
      if (kind !== 'script') secure(reply, kind);
      return sendAsset(req, reply, built.documents.get(name)!, kind === 'script' ? 'public, max-age=300' : 'no-cache');
    });
  serveDocument('/widget.js', 'widget.js', 'script');
  serveDocument('/widget/frame', 'frame.html', 'frame');
  serveDocument('/console', 'console.html', 'app');
  serveDocument('/admin', 'admin.html', 'app');

  app.get<{ Params: { file: string } }>('/assets/:file', async (req, reply) => {
    const a = (await pages.current())?.assets.get(req.params.file);
    if (!a) return reply.code(404).type('text/plain; charset=utf-8').send('not found\n');
    return sendAsset(req, reply, a, 'public, max-age=31536000, immutable');
  });

  if (rt.config.demo && rt.demoIssuer) {
    registerDemoPages(app, {
      issuer: rt.demoIssuer,
      built: async () => (await pages.current()) !== undefined,
      html: (reply, body, kind) => secure(reply, kind).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body),
      notBuilt,
    });
  }
}
