/**
 * What `kefu start` adds in demo mode: the seeded demo shop and the banner telling a new user
 * what to open. Kept apart from main.ts so tests can seed the same data. Only a type comes from
 * wiring.ts (which imports this folder), so there is no import cycle at run time.
 */
import { readFileSync } from 'node:fs';
import type { Runtime } from '../wiring.ts';
import { DEMO_TOKEN_PATH, type DemoClaims } from '../auth/index.ts';
import { DEMO_BUYERS, DEMO_SHOP } from './data.ts';
import { seedDemo } from './seed.ts';
import { NOT_BUILT, pagesBuilt } from '../pages/index.ts';

/** Seeds the demo shop through the webhook path; re-running changes nothing. */
export async function seedDemoData(rt: Runtime): Promise<void> {
  const r = await seedDemo(rt.storage.sql, rt.keyring, (e) => rt.platformEventApplied(e));
  if (!r.created) return;
  await seedDemoFaq(rt);
  rt.log.info({ shop: DEMO_SHOP.id }, 'demo data seeded');
}

/**
 * The demo shop's FAQ, in Chinese and English (shipping, returns, invoices, payment, sizes …), the
 * set the robot's evaluation scores the demo shop on: without it, a new user's first pre-sale
 * question ("下单后多久发货") was answered "no orders found" (found from outside). Only into a shop
 * with no entries, so an edited FAQ is never added to.
 */
async function seedDemoFaq(rt: Runtime): Promise<void> {
  if ((await rt.knowledge.listFaq(DEMO_SHOP.id)).length > 0) return;
  type Entries = { entries: Array<{ question: string; answer: string; alternates?: string[] }> };
  const read = (file: URL) => (JSON.parse(readFileSync(file, 'utf8')) as Entries).entries;
  // The evaluation's set, and what a shop has beside it (faq-extra.json: how to return, coupons).
  const entries = [...read(new URL('../robot/eval/faq.demo.json', import.meta.url)), ...read(new URL('./faq-extra.json', import.meta.url))];
  for (const e of entries) await rt.knowledge.createFaq(DEMO_SHOP.id, { question: e.question, answer: e.answer, alternates: e.alternates ?? [] });
  rt.knowledgeChanged(DEMO_SHOP.id);
}

/** One token request per role a new user tries: a buyer, an agent and an admin of the demo shop. */
export const DEMO_TOKEN_CLAIMS: Readonly<Record<'buyer' | 'agent' | 'admin', DemoClaims>> = Object.freeze({
  buyer: { sub: 'buyer_1', scope: 'cs:customer' },
  agent: { sub: 'agent_1', scope: 'cs:agent', shop_id: DEMO_SHOP.id },
  admin: { sub: 'admin_1', scope: 'cs:admin', shop_id: DEMO_SHOP.id },
});

export function demoBanner(rt: Runtime, base: string): string {
  const lines = [
    '',
    `kefu is listening on ${base}`,
    `  health:     ${base}/healthz   readiness: ${base}/readyz   metrics: ${base}/metrics`,
    `  websocket:  ${base.replace(/^http/, 'ws')}/im?token=<jwt>&device=web`,
    `  storage:    ${rt.storage.sql.kind === 'pglite' ? `embedded PGlite in ${rt.config.dataDir}` : 'PostgreSQL'}, cache/bus ${rt.storage.cache.kind === 'memory' ? 'in-process (single node)' : 'Redis'}`,
  ];
  if (rt.demoIssuer) {
    lines.push(`  DEMO identity (not for production; tokens carry iss "${rt.demoIssuer.issuer}"): get a token for`);
    for (const [who, claims] of Object.entries(DEMO_TOKEN_CLAIMS)) {
      lines.push(`    ${`${who}:`.padEnd(7)} curl -s -X POST ${base}${DEMO_TOKEN_PATH} -H 'content-type: application/json' -d '${JSON.stringify(claims)}'`);
    }
  }
  if (rt.config.demo) {
    lines.push(`  DEMO shop ${DEMO_SHOP.id} (${DEMO_SHOP.localName}); buyers:`);
    for (const b of Object.values(DEMO_BUYERS)) lines.push(`    ${b.id.padEnd(8)} ${b.scenario}`);
  }
  if (rt.config.demo && rt.demoIssuer) {
    lines.push(pagesBuilt() ? '  DEMO pages, signed in (open in a browser):' : `  DEMO pages (${NOT_BUILT}):`);
    lines.push(`    buyer:  ${base}/demo/shop?buyer=buyer_1`, `    agent:  ${base}/console?demo=agent_1`, `    admin:  ${base}/admin?demo=admin_1`);
  }
  if (rt.webhookSecretIsDemo) lines.push(`  DEMO webhook secret (KEFU_PLATFORM_WEBHOOK_SECRET): ${rt.webhookSecret}`);
  lines.push('');
  return lines.join('\n') + '\n';
}
