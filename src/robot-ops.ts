/**
 * Run-time control of the robot canary across nodes: the split is kept in the Cache (so a node
 * that starts later applies it) and broadcast on the Bus (so running nodes apply it at once).
 * Changing or rolling back the split needs no restart.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Bus, Cache } from './storage/ports.ts';
import type { Canary, CanaryConfig } from './robot/index.ts';
import { KefuError } from './protocol/errors.ts';

const KEY = 'robot:canary';
const CHANNEL = 'robot-canary';

export const canaryConfigSchema = z.strictObject({
  newVersion: z.string().min(1).max(32),
  oldVersion: z.string().min(1).max(32),
  newDigits: z.array(z.number().int().min(0).max(9)).max(10),
});

export interface CanaryControl {
  current(): CanaryConfig;
  set(cfg: CanaryConfig): Promise<CanaryConfig>;
  rollback(): Promise<CanaryConfig>;
}

export async function createCanaryControl(deps: { canary: Canary; cache: Cache; bus: Bus; log: Logger }): Promise<CanaryControl> {
  const { canary, cache, bus, log } = deps;
  const apply = (raw: string) => {
    try {
      canary.setCanary(canaryConfigSchema.parse(JSON.parse(raw)));
    } catch (e) {
      log.warn({ err: (e as Error).message }, 'ignored an invalid robot canary config');
    }
  };
  await bus.subscribe(CHANNEL, apply);
  const stored = await cache.get(KEY).catch(() => null);
  if (stored) apply(stored);

  const publish = async (cfg: CanaryConfig) => {
    // Validates against the known versions before anything is shared.
    canary.setCanary(cfg);
    const raw = JSON.stringify(cfg);
    try {
      await cache.set(KEY, raw);
      await bus.publish(CHANNEL, raw);
    } catch {
      throw new KefuError('UNAVAILABLE', 'the split applies on this node only until the cache is back; retry');
    }
    return canary.config();
  };
  return {
    current: () => canary.config(),
    set: (cfg) => publish(cfg),
    rollback: () => publish({ ...canary.config(), newDigits: [] }),
  };
}
