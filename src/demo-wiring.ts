/**
 * What `kefu start` adds in demo mode: the seeded demo shop and the banner telling a new user
 * what to open. Kept apart from main.ts so tests can seed the same data.
 */
import type { Runtime } from './wiring.ts';
import { DEMO_BUYERS, DEMO_SHOP, seedDemo } from './demo/index.ts';

/** Seeds the demo shop through the webhook path; re-running changes nothing. */
export async function seedDemoData(rt: Runtime): Promise<void> {
  const r = await seedDemo(rt.storage.sql, rt.keyring);
  if (r.created) rt.log.info({ shop: DEMO_SHOP.id }, 'demo data seeded');
}

export function demoBanner(rt: Runtime, base: string): string {
  const lines = [
    '',
    `kefu is listening on ${base}`,
    `  health:     ${base}/healthz   readiness: ${base}/readyz   metrics: ${base}/metrics`,
    `  websocket:  ${base.replace(/^http/, 'ws')}/im?token=<jwt>&device=web`,
    `  storage:    ${rt.storage.sql.kind === 'pglite' ? `embedded PGlite in ${rt.config.dataDir}` : 'PostgreSQL'}, cache/bus ${rt.storage.cache.kind === 'memory' ? 'in-process (single node)' : 'Redis'}`,
  ];
  if (rt.demoIssuer) {
    lines.push(
      '  DEMO identity (not for production): get a token with',
      `    curl -s -X POST ${base}/demo/oauth/token -H 'content-type: application/json' -d '{"sub":"buyer_1","scope":"cs:customer"}'`,
    );
  }
  if (rt.config.demo) {
    lines.push(`  DEMO shop ${DEMO_SHOP.id} (${DEMO_SHOP.localName}); buyers:`);
    for (const b of Object.values(DEMO_BUYERS)) lines.push(`    ${b.id.padEnd(8)} ${b.scenario}`);
  }
  if (rt.webhookSecretIsDemo) lines.push(`  DEMO webhook secret (KEFU_PLATFORM_WEBHOOK_SECRET): ${rt.webhookSecret}`);
  lines.push('');
  return lines.join('\n') + '\n';
}
