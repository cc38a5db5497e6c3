/**
 * Seeds the demo shop through applyPlatformEvent, the webhook's own path: the same validation,
 * the same transaction, the same duplicate and ordering rules. Idempotent: the event ids are
 * fixed, so a second run finds every one of them and changes nothing.
 */
import { applyPlatformEvent } from '../commerce/apply.ts';
import { DemoPlatformConnector, type BuyerSource } from '../commerce/connector.ts';
import { datasetFromEvents, parsePlatformEvent, type PlatformDataset, type PlatformEvent } from '../commerce/events.ts';
import type { Keyring } from '../privacy/pii.ts';
import type { SqlStore } from '../storage/ports.ts';
import { DEMO_EVENTS } from './data.ts';

/** `onApplied`: as the webhook's, after each event that changed the read model. */
export async function seedDemo(sql: SqlStore, keyring: Keyring, onApplied?: (e: PlatformEvent) => void): Promise<{ created: boolean }> {
  let created = false;
  // In order: later events of the same record must find the earlier ones stored.
  for (const raw of DEMO_EVENTS) {
    const event = parsePlatformEvent(raw);
    const r = await applyPlatformEvent(sql, keyring, event);
    if (!r.duplicate) created = true;
    if (r.applied) onApplied?.(event);
  }
  return { created };
}

let dataset: PlatformDataset | undefined;

/** The demo shop's records as the platform holds them (what the seed leaves in the read model). */
export function demoDataset(): PlatformDataset {
  return (dataset ??= datasetFromEvents(DEMO_EVENTS.map(parsePlatformEvent)));
}

/** The embedded platform connector over the demo data set; delay and failures are for tests. */
export function createDemoConnector(opts: { delayMs?: number; fail?: readonly BuyerSource[] } = {}): DemoPlatformConnector {
  return new DemoPlatformConnector({ dataset: demoDataset(), ...opts });
}
