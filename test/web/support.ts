/**
 * What the web tests need besides a kefu node: Debian's Chromium driven by playwright-core (no
 * browser download), a build of web/ that is not older than its sources, and axe-core's verdict
 * on a page or frame.
 */
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { buildWeb, WEB_DIST } from '../../scripts/build-web.ts';

export const CHROMIUM = process.env.KEFU_TEST_CHROMIUM ?? '/usr/bin/chromium';

const MISSING = `Chromium not installed at ${CHROMIUM} (apt-get install -y chromium fonts-noto-cjk; .ci/run does it)`;
const ci = process.env.CI === 'true' || process.env.CI === '1';

/**
 * `skip` option for node:test: a reason when there is no Chromium to drive. Under CI=true a
 * missing Chromium fails the suite instead (launch() throws), as a missing database does.
 */
export const needsChromium: string | false = existsSync(CHROMIUM) || ci ? false : MISSING;

export async function launch(): Promise<Browser> {
  // Rejects rather than throws: a caller that starts a node beside it in Promise.all must get the
  // chance to close that node, or the file never exits and the run ends at the watchdog.
  if (!existsSync(CHROMIUM)) throw new Error(`CI=true but ${MISSING}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

const ROOT = new URL('../../', import.meta.url);
const SOURCES = ['web/src/**/*', 'web/*.html', 'web/tsconfig.json', 'scripts/build-web.ts', 'src/client/index.ts', 'src/protocol/*.ts'];

/** Builds web/ when web/dist is missing or older than any of its sources. */
export async function ensureBuilt(): Promise<'fresh' | 'rebuilt'> {
  const stamp = `${WEB_DIST}build.json`;
  const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newest = Math.max(...SOURCES.flatMap((p) => globSync(p, { cwd: ROOT }).map((f) => statSync(new URL(f, ROOT)).mtimeMs)));
  if (builtAt > newest) return 'fresh';
  await buildWeb();
  return 'rebuilt';
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's serious and critical violations in one document (a page or a frame; frames are
 * checked on their own). The source is evaluated through the DevTools protocol, which the pages'
 * Content-Security-Policy does not apply to.
 */
export async function axeViolations(target: Page | Frame): Promise<Violation[]> {
  await target.evaluate(axeSource);
  const found = await target.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run((globalThis as unknown as { document: unknown }).document, { iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
