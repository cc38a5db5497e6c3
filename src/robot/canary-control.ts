/**
 * Run-time control of the robot canary across nodes: the split is kept in the Cache (so a node
 * that starts later applies it) and broadcast on the Bus (so running nodes apply it at once).
 * Changing or rolling back the split needs no restart.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Bus, Cache } from '../storage/ports.ts';
import { channels, keys } from '../storage/keys.ts';
import type { Canary, CanaryConfig } from './canary.ts';
import { KefuError } from '../protocol/errors.ts';
import { storableString } from '../protocol/validation.ts';


export const canaryConfigSchema = z.strictObject({
  newVersion: storableString().min(1).max(32),
  oldVersion: storableString().min(1).max(32),
  newDigits: z.array(z.number().int().min(0).max(9)).max(10),
});

/** The split, with what each version is, so an operator never splits traffic blind. */
export type CanaryView = CanaryConfig & {
  versions: Record<string, string>;
  /** Set when the versions run the same engine: a split then measures nothing. */
  note?: string;
};

export interface CanaryControl {
  current(): CanaryView;
  set(cfg: CanaryConfig): Promise<CanaryView>;
  rollback(): Promise<CanaryView>;
}

export async function createCanaryControl(deps: { canary: Canary; cache: Cache; bus: Bus; log: Logger; versions: Record<string, string> }): Promise<CanaryControl> {
  const { canary, cache, bus, log } = deps;
  const engines = new Set(Object.values(deps.versions));
  const view = (): CanaryView => ({
    ...canary.config(),
    versions: { ...deps.versions },
    ...(engines.size < Object.keys(deps.versions).length ? { note: 'the versions run the same engine, so a split changes nothing: set KEFU_LLM_URL to give v2 its LLM fallback' } : {}),
  });
  const apply = (raw: string) => {
    try {
      canary.setCanary(canaryConfigSchema.parse(JSON.parse(raw)));
    } catch (e) {
      log.warn({ err: (e as Error).message }, 'ignored an invalid robot canary config');
    }
  };
  await bus.subscribe(channels.robotCanary, apply);
  const stored = await cache.get(keys.robotCanary).catch(() => null);
  if (stored) apply(stored);

  const publish = async (cfg: CanaryConfig) => {
    // Validates against the known versions before anything is shared.
    canary.setCanary(cfg);
    const raw = JSON.stringify(cfg);
    try {
      await cache.set(keys.robotCanary, raw);
      await bus.publish(channels.robotCanary, raw);
    } catch {
      throw new KefuError('UNAVAILABLE', 'the split applies on this node only until the cache is back; retry');
    }
    return view();
  };
  return {
    current: view,
    set: (cfg) => publish(cfg),
    rollback: () => publish({ ...canary.config(), newDigits: [] }),
  };
}
