/**
 * `npm run build:web`: builds the pages kefu serves (web/, Vite + Preact) into web/dist:
 *
 *   web/dist/widget.js           the loader a shop page embeds (one classic script, IIFE)
 *   web/dist/frame.html          the widget itself, in an iframe of kefu's origin
 *   web/dist/console.html        the agent console
 *   web/dist/admin.html          the shop admin
 *   web/dist/assets/*            hashed scripts and styles of the three documents above
 *   web/dist/build.json          { id, builtAt }: src/pages/ reloads its copy when it changes
 *
 * `npm ci` runs it as `prepare` with --prepare: then it never fails the install. If the build
 * cannot run (no devDependencies, a broken source), it says so in one line and exits 0; kefu then
 * serves a page saying "pages not built: run npm run build:web" (docs/decisions/0007-web-pages.md).
 *
 *   node scripts/build-web.ts            build; exit 1 on any error
 *   node scripts/build-web.ts --prepare  build, or explain why not; always exit 0
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** What both builds share: JSX for Preact, modern browsers, no public dir. */
function common() {
  return {
    configFile: false as const,
    root: WEB_ROOT,
    publicDir: false as const,
    logLevel: 'warn' as const,
    oxc: { jsx: { runtime: 'automatic' as const, importSource: 'preact' } },
  };
}

/** Builds web/ into web/dist; throws on the first error. */
export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  rmSync(WEB_DIST, { recursive: true, force: true });
  mkdirSync(WEB_DIST, { recursive: true });
  await build({
    ...common(),
    base: '/',
    build: {
      outDir: WEB_DIST,
      emptyOutDir: false,
      target: 'es2022',
      manifest: true,
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      rollupOptions: {
        input: { console: `${WEB_ROOT}console.html`, admin: `${WEB_ROOT}admin.html`, frame: `${WEB_ROOT}frame.html` },
      },
    },
  });
  await build({
    ...common(),
    build: {
      outDir: WEB_DIST,
      emptyOutDir: false,
      target: 'es2020',
      reportCompressedSize: false,
      lib: { entry: `${WEB_ROOT}src/loader.ts`, formats: ['iife'], name: 'kefuLoader', fileName: () => 'widget.js' },
    },
  });
  writeFileSync(`${WEB_DIST}build.json`, JSON.stringify({ id: randomBytes(6).toString('hex'), builtAt: new Date().toISOString() }) + '\n');
}

if (import.meta.main) {
  const prepare = process.argv.includes('--prepare');
  const started = Date.now();
  try {
    await buildWeb();
    console.log(`kefu: web pages built into web/dist in ${Date.now() - started} ms`);
  } catch (e) {
    // Vite's message starts "Build failed with 1 error:" and names the file on the next line.
    const why = String((e as Error).message ?? e).split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' ').slice(0, 300);
    if (!prepare) {
      console.error(e);
      process.exit(1);
    }
    // Half a build (no build.json: it is written last) would be served as if whole: remove it,
    // so kefu says "not built". A whole one (shipped, or Vite not installed) stays.
    if (!existsSync(`${WEB_DIST}build.json`)) rmSync(WEB_DIST, { recursive: true, force: true });
    console.warn(`kefu: the web pages were not built (${why}); kefu still runs and says so on its pages: run npm run build:web`);
  }
}
