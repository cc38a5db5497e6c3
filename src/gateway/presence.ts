/**
 * Presence: the devices a user has online, in a hash `online:<userId>` whose fields are the
 * user's connections and whose TTL (30 minutes) is refreshed by heartbeats, as in the article.
 * Each field also carries its own last-seen time, so a device whose node died without cleaning
 * up stops counting after 30 minutes even while the user's other devices keep the hash alive.
 */
import type { Cache } from '../storage/ports.ts';
import type { Device } from '../protocol/frames.ts';
import { keys } from '../storage/keys.ts';

export const PRESENCE_TTL_MS = 30 * 60 * 1000;

export interface OnlineDevice {
  connectionId: string;
  device: Device;
  node: string;
  lastSeen: number;
}

export async function markOnline(cache: Cache, userId: string, d: OnlineDevice): Promise<void> {
  await cache.hashSet(keys.presence(userId), d.connectionId, JSON.stringify({ device: d.device, node: d.node, lastSeen: d.lastSeen }), PRESENCE_TTL_MS);
}

export async function markOffline(cache: Cache, userId: string, connectionId: string): Promise<void> {
  await cache.hashDel(keys.presence(userId), connectionId);
}

export async function onlineDevices(cache: Cache, userId: string, now = Date.now()): Promise<OnlineDevice[]> {
  const all = await cache.hashGetAll(keys.presence(userId));
  const out: OnlineDevice[] = [];
  for (const [connectionId, v] of Object.entries(all)) {
    try {
      const o = JSON.parse(v) as Omit<OnlineDevice, 'connectionId'>;
      if (now - o.lastSeen <= PRESENCE_TTL_MS) out.push({ connectionId, ...o });
    } catch {
      /* a foreign or corrupt field is not a device */
    }
  }
  return out;
}
