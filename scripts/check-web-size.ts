/**
 * `npm run check` step: the built pages stay within their budgets, gzipped (level 9, as kefu
 * serves them):
 *
 *   loader   web/dist/widget.js, what every shop page loads                     < 10 KB
 *   widget   the widget frame's scripts and styles (its entry, every chunk it     < 60 KB
 *            imports, their CSS), what a buyer loads on opening the chat
 *
 * The console and the admin are printed, without a budget. Without web/dist (not built) it says
 * so and passes: the build is checked where it exists (`npm ci` builds it; CI runs both).
 *
 *   node scripts/check-web-size.ts [--dist web/dist]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGETS = { loader: 10 * 1024, widget: 60 * 1024 } as const;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Every file an entry loads: its script, the chunks it imports (transitively), their CSS. */
export function filesOf(manifest: Manifest, entry: string): string[] {
  const out = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || out.has(c.file)) return;
    out.add(c.file);
    for (const css of c.css ?? []) out.add(css);
    for (const i of c.imports ?? []) visit(i);
  };
  visit(entry);
  return [...out];
}

export function measure(dist: string): Record<'loader' | 'widget' | 'console' | 'admin', number> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const sum = (entry: string) => filesOf(manifest, entry).reduce((n, f) => n + gz(join(dist, f)), 0) + gz(join(dist, entry));
  return { loader: gz(join(dist, 'widget.js')), widget: sum('frame.html'), console: sum('console.html'), admin: sum('admin.html') };
}

if (import.meta.main) {
  const at = process.argv.indexOf('--dist');
  const dist = at >= 0 ? process.argv[at + 1]! : fileURLToPath(new URL('../web/dist/', import.meta.url));
  if (!existsSync(join(dist, 'build.json'))) {
    console.log(`web size check SKIPPED: no build in ${dist} (run npm run build:web to check the budgets)`);
  } else {
    const sizes = measure(dist);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    let over = 0;
    for (const [name, size] of Object.entries(sizes)) {
      const budget = (BUDGETS as Record<string, number>)[name];
      const verdict = budget === undefined ? '(no budget)' : size <= budget ? `within ${kb(budget)}` : `OVER ${kb(budget)}`;
      if (budget !== undefined && size > budget) over++;
      console.log(`${name.padEnd(8)} ${kb(size).padStart(9)} gzipped  ${verdict}`);
    }
    if (over) process.exitCode = 1;
  }
}
