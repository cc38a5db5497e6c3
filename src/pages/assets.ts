/**
 * The built pages (web/dist, from `npm run build:web`) held in memory with their gzip, so each
 * request is a map lookup: no path from a request ever reaches the file system. The copy is
 * reloaded when web/dist/build.json changes (a rebuild while kefu runs), checked at most once a
 * second. When web/dist is missing or incomplete, `current()` answers undefined and the routes say
 * "pages not built".
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';

const gzip = promisify(gzipCb);

/** web/dist beside src/ (the repository layout; kefu runs from its checkout). */
export const DEFAULT_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** The documents kefu serves by name; every other file is under assets/. */
export const DOCUMENTS = ['widget.js', 'frame.html', 'console.html', 'admin.html'] as const;
export type DocumentName = (typeof DOCUMENTS)[number];

export interface Asset {
  readonly body: Buffer;
  readonly gz: Buffer;
  readonly type: string;
  readonly etag: string;
}

export interface Built {
  readonly id: string;
  readonly documents: ReadonlyMap<DocumentName, Asset>;
  /** By file name under assets/ (hashed names: cached for a year). */
  readonly assets: ReadonlyMap<string, Asset>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const typeOf = (name: string) => TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';

/** Names and values of `<meta>` tags added to every served HTML document (the shops' time zone: the cards show times in it). */
export type PageMeta = Readonly<Record<string, string>>;

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML with the meta tags right after `<head>`, or after the doctype when the head is implied. */
export function withMeta(html: Buffer, meta: PageMeta): Buffer {
  const tags = Object.entries(meta).map(([k, v]) => `<meta name="${escapeAttr(k)}" content="${escapeAttr(v)}">`).join('');
  if (!tags) return html;
  const text = html.toString('utf8');
  const m = /<head[^>]*>/i.exec(text) ?? /^\s*<!doctype[^>]*>/i.exec(text);
  const end = m ? m.index + m[0].length : 0;
  return Buffer.from(text.slice(0, end) + tags + text.slice(end), 'utf8');
}

async function asset(path: string, name: string, meta: PageMeta = {}): Promise<Asset> {
  const raw = await readFile(path);
  const body = name.endsWith('.html') ? withMeta(raw, meta) : raw;
  return { body, gz: await gzip(body, { level: 9 }), type: typeOf(name), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** Reads a complete build, or answers undefined when any document is missing. */
export async function readBuild(dir: string, pageMeta: PageMeta = {}): Promise<Built | undefined> {
  try {
    const meta = JSON.parse(await readFile(join(dir, 'build.json'), 'utf8')) as { id?: string };
    const documents = new Map<DocumentName, Asset>();
    for (const d of DOCUMENTS) documents.set(d, await asset(join(dir, d), d, pageMeta));
    const assets = new Map<string, Asset>();
    for (const f of await readdir(join(dir, 'assets'))) assets.set(f, await asset(join(dir, 'assets', f), f));
    return { id: String(meta.id ?? ''), documents, assets };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export class PageAssets {
  readonly dir: string;
  #built: Built | undefined;
  #mtime = -1;
  #checkedAt = 0;
  #loading: Promise<Built | undefined> | undefined;

  readonly #meta: PageMeta;

  constructor(dir: string = DEFAULT_DIST, meta: PageMeta = {}) {
    this.dir = dir;
    this.#meta = meta;
  }

  /** The build to serve: reloaded when build.json changed since the last look (once a second at most). */
  current(): Promise<Built | undefined> {
    if (Date.now() - this.#checkedAt < 1000 && this.#built) return Promise.resolve(this.#built);
    this.#loading ??= this.#refresh().finally(() => (this.#loading = undefined));
    return this.#loading;
  }

  async #refresh(): Promise<Built | undefined> {
    this.#checkedAt = Date.now();
    const mtime = await stat(join(this.dir, 'build.json')).then(
      (s) => s.mtimeMs,
      () => -1,
    );
    if (mtime === this.#mtime && this.#built) return this.#built;
    this.#built = mtime < 0 ? undefined : await readBuild(this.dir, this.#meta);
    this.#mtime = this.#built ? mtime : -1;
    return this.#built;
  }
}
