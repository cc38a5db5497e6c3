/**
 * The hub delivers committed events to every device that should see them, on this node directly
 * and on other nodes through the Bus. Each node subscribes to `u:<userId>` for the users it has
 * sockets for and `s:<shopId>` for the shops whose consoles it serves; a node skips bus echoes of
 * its own events because it already delivered them locally (lower latency, no double delivery).
 */
import type { Logger } from 'pino';
import type { Bus } from '../storage/ports.ts';
import type { EventSink, Targets } from '../conversation/service.ts';
import type { ServerFrame } from '../protocol/frames.ts';

export interface LocalConnection {
  readonly id: string;
  readonly userId: string;
  /** Set for staff connections: they receive every event of their shop. */
  readonly staffShopId: string | undefined;
  sendRaw(json: string): void;
}

type Channel = `u:${string}` | `s:${string}`;

export class Hub implements EventSink {
  readonly #bus: Bus;
  readonly #nodeId: string;
  readonly #log: Logger;
  readonly #byChannel = new Map<Channel, Set<LocalConnection>>();
  readonly #unsubscribe = new Map<Channel, Promise<() => Promise<void>>>();

  constructor(deps: { bus: Bus; nodeId: string; log: Logger }) {
    this.#bus = deps.bus;
    this.#nodeId = deps.nodeId;
    this.#log = deps.log;
  }

  get connections(): number {
    let n = 0;
    for (const [ch, set] of this.#byChannel) if (ch.startsWith('u:')) n += set.size;
    return n;
  }

  #channelsOf(c: LocalConnection): Channel[] {
    return c.staffShopId ? [`u:${c.userId}`, `s:${c.staffShopId}`] : [`u:${c.userId}`];
  }

  /** Registers a connection; resolves once its bus subscriptions are active. */
  async add(c: LocalConnection): Promise<void> {
    const waits: Promise<unknown>[] = [];
    for (const ch of this.#channelsOf(c)) {
      let set = this.#byChannel.get(ch);
      if (!set) this.#byChannel.set(ch, (set = new Set()));
      set.add(c);
      let sub = this.#unsubscribe.get(ch);
      if (!sub) {
        sub = this.#bus.subscribe(ch, (env) => this.#fromBus(ch, env));
        this.#unsubscribe.set(ch, sub);
        // A failed subscription must be retried by the next connection, not remembered.
        sub.catch(() => this.#unsubscribe.delete(ch));
      }
      waits.push(sub);
    }
    await Promise.all(waits);
  }

  remove(c: LocalConnection): void {
    for (const ch of this.#channelsOf(c)) {
      const set = this.#byChannel.get(ch);
      if (!set) continue;
      set.delete(c);
      if (set.size > 0) continue;
      this.#byChannel.delete(ch);
      const sub = this.#unsubscribe.get(ch);
      this.#unsubscribe.delete(ch);
      sub?.then((un) => un()).catch((e: unknown) => this.#log.debug({ err: (e as Error).message, ch }, 'unsubscribe failed'));
    }
  }

  emit(targets: Targets, frame: ServerFrame, opts?: { exceptConnection?: string }): void {
    const json = JSON.stringify(frame);
    const except = opts?.exceptConnection ?? '';
    const channels: Channel[] = [...(targets.userIds ?? []).map((u) => `u:${u}` as const), ...(targets.shopIds ?? []).map((s) => `s:${s}` as const)];
    this.#deliver(new Set(channels), json, except);
    // One envelope per channel: `<origin node>\n<connection to skip>\n<frame json>`.
    const env = `${this.#nodeId}\n${except}\n${json}`;
    for (const ch of new Set(channels)) {
      this.#bus.publish(ch, env).catch((e: unknown) => this.#log.warn({ err: (e as Error).message, ch }, 'bus publish failed; remote devices will catch up by sync'));
    }
  }

  #fromBus(ch: Channel, env: string): void {
    const a = env.indexOf('\n');
    const b = env.indexOf('\n', a + 1);
    if (a < 0 || b < 0) return;
    if (env.slice(0, a) === this.#nodeId) return;
    this.#deliver(new Set([ch]), env.slice(b + 1), env.slice(a + 1, b));
  }

  #deliver(channels: Set<Channel>, json: string, except: string): void {
    // A staff member can be reached through both its user channel and its shop channel.
    const done = channels.size > 1 ? new Set<LocalConnection>() : undefined;
    for (const ch of channels) {
      const set = this.#byChannel.get(ch);
      if (!set) continue;
      for (const c of set) {
        if (c.id === except || done?.has(c)) continue;
        done?.add(c);
        c.sendRaw(json);
      }
    }
  }
}
