/**
 * The hub delivers committed events to every device that should see them: on this node directly,
 * and on the other nodes through one broadcast channel of the Bus. Every node subscribes to that
 * channel once and delivers an event only to the sockets it holds for the named users and shops;
 * it skips echoes of its own events, which it already delivered locally.
 *
 * Why one channel rather than one per user: a message then costs one PUBLISH instead of one per
 * target, and connecting a device costs no SUBSCRIBE round trip. Every node reads every event's
 * small header, which is cheap for the handful of nodes a shop platform runs; past a few dozen
 * nodes, shard the channel by user id.
 *
 * A node alone publishes nothing: every PUBLISH would only come back to its own subscriber, a
 * write, a read and a wake-up per event for no one (docs/benchmarks.md, issue #16). Nodes say
 * `hello` on the channel when they start and every HELLO_EVERY_MS; a node publishes events while
 * it has heard another node within PEER_TTL_MS, and for HELLO_ANSWER_MS after its own start (it
 * cannot know yet who is there; the others answer its first hello at once). Until issue #16's
 * fourteenth session that grace was 1.5 hello intervals (15 s), and a benchmark's first 15 s paid
 * two PUBLISHes per answered message that a lone node in service never pays. A node that joins is
 * heard by the others before it accepts its first socket (its hub starts before it listens), so
 * no event for its devices is skipped. Older nodes ignore the two-part hello envelope.
 */
import type { Logger } from 'pino';
import type { Bus } from '../storage/ports.ts';
import { channels } from '../storage/keys.ts';
import type { EventSink, Targets } from '../conversation/service.ts';
import { frameJson, type ServerFrame } from '../protocol/frames.ts';

export interface LocalConnection {
  readonly id: string;
  readonly userId: string;
  /** Set for staff connections: they receive every event of their shop. */
  readonly staffShopId: string | undefined;
  /** The client kind it connected as (`app`, `pc`, …), for the metric of sockets by device. */
  readonly device?: string;
  sendRaw(json: string): void;
}

interface Header {
  /** user ids */
  u?: readonly string[];
  /** shop ids */
  s?: readonly string[];
  /** connection to skip (the sender's own device, which got an ack) */
  x?: string;
}

/** How often a node says hello on the channel, and how long a hello keeps it publishing for the sender. */
export const HELLO_EVERY_MS = 10_000;
export const PEER_TTL_MS = 3 * HELLO_EVERY_MS;
/**
 * How long a starting node waits for the answers to its first hello before it takes itself to be
 * alone: one PUBLISH each way and a turn of each peer's event loop, with room for a busy peer. A
 * peer heard later (or its next periodic hello) makes it publish again; events it skipped in
 * between reach that peer's devices by their next sync.
 */
export const HELLO_ANSWER_MS = 3_000;

export class Hub implements EventSink {
  readonly #bus: Bus;
  readonly #nodeId: string;
  readonly #log: Logger;
  readonly #helloEveryMs: number;
  readonly #peerTtlMs: number;
  readonly #answerWithinMs: number;
  /** Until when events are published: another node was heard (or this one just started). */
  #peersUntil = 0;
  #helloTimer: NodeJS.Timeout | undefined;
  readonly #byUser = new Map<string, Entry>();
  readonly #byShop = new Map<string, Entry>();
  readonly #byDevice = new Map<string, number>();
  #unsubscribe: (() => Promise<void>) | undefined;
  #offReconnect: (() => void) | undefined;

  constructor(deps: { bus: Bus; nodeId: string; log: Logger; helloEveryMs?: number; peerTtlMs?: number; answerWithinMs?: number }) {
    this.#bus = deps.bus;
    this.#nodeId = deps.nodeId;
    this.#log = deps.log;
    this.#helloEveryMs = deps.helloEveryMs ?? HELLO_EVERY_MS;
    this.#peerTtlMs = deps.peerTtlMs ?? PEER_TTL_MS;
    this.#answerWithinMs = deps.answerWithinMs ?? HELLO_ANSWER_MS;
  }

  /** Whether this node publishes its events now (another node was heard lately, or it just started). */
  get publishing(): boolean {
    return Date.now() < this.#peersUntil;
  }

  /**
   * Since when this node has been alone (it stopped publishing then), or undefined while it
   * publishes: a value this node wrote after that time cannot have been written since by another
   * node, so a node-local copy of it is current (the robot's dialogue state, issue #16).
   */
  get aloneSince(): number | undefined {
    const until = this.#peersUntil;
    return Date.now() >= until ? until : undefined;
  }

  /** Subscribes to the broadcast channel; events of other nodes are delivered from then on. */
  async start(): Promise<void> {
    const first = !this.#unsubscribe;
    this.#unsubscribe ??= await this.#bus.subscribe(channels.hubEvents, (env) => this.#fromBus(env));
    if (first) {
      // Every live node answers the first hello at once, and says hello within an interval anyway.
      this.#peersUntil = Date.now() + Math.min(this.#peerTtlMs, 1.5 * this.#helloEveryMs, this.#answerWithinMs);
      this.#hello(true);
      this.#helloTimer = setInterval(() => this.#hello(false), this.#helloEveryMs);
      this.#helloTimer.unref();
    }
    // Events other nodes published while the bus was away never arrive: every device here syncs.
    this.#offReconnect ??= this.#bus.onReconnect?.(() => {
      // A node that started while the bus was away was not heard: publish again, and ask who is there.
      this.#peersUntil = Date.now() + this.#peerTtlMs;
      this.#hello(true);
      const sockets = this.resyncLocal();
      this.#log.info({ sockets }, 'bus reconnected; sockets told to resync');
    });
  }

  async stop(): Promise<void> {
    clearInterval(this.#helloTimer);
    this.#helloTimer = undefined;
    this.#offReconnect?.();
    this.#offReconnect = undefined;
    this.#flush();
    const un = this.#unsubscribe;
    this.#unsubscribe = undefined;
    await un?.();
  }

  add(c: LocalConnection): void {
    addTo(this.#byUser, c.userId, c);
    if (c.staffShopId) addTo(this.#byShop, c.staffShopId, c);
    const d = c.device ?? 'unknown';
    this.#byDevice.set(d, (this.#byDevice.get(d) ?? 0) + 1);
  }

  remove(c: LocalConnection): void {
    const e = this.#byUser.get(c.userId);
    // Only what was added is counted down (a socket closed before it joined is not).
    if (!(e === c || (e instanceof Set && e.has(c)))) return;
    removeFrom(this.#byUser, c.userId, c);
    if (c.staffShopId) removeFrom(this.#byShop, c.staffShopId, c);
    const d = c.device ?? 'unknown';
    const n = (this.#byDevice.get(d) ?? 0) - 1;
    if (n > 0) this.#byDevice.set(d, n);
    else this.#byDevice.delete(d);
  }

  /** Sockets on this node by device kind (a handful of kinds: a bounded label). */
  connectionsByDevice(): ReadonlyMap<string, number> {
    return this.#byDevice;
  }

  emit(targets: Targets, frame: ServerFrame, opts?: { exceptConnection?: string }): void {
    const json = frameJson(frame);
    const h: Header = { ...(targets.userIds?.length ? { u: targets.userIds } : {}), ...(targets.shopIds?.length ? { s: targets.shopIds } : {}), ...(opts?.exceptConnection ? { x: opts.exceptConnection } : {}) };
    this.#deliver(h, json);
    if (!this.publishing) return;
    // Events of one turn of the event loop leave in one PUBLISH (a busy node emits many).
    if (this.#outbox.push(`${JSON.stringify(h)}\n${json}`) === 1) setImmediate(() => this.#flush());
  }

  #outbox: string[] = [];

  /**
   * Envelope: `<origin node>\n<header json>\n<frame json>[\n<header json>\n<frame json>...]`.
   * JSON.stringify never writes a raw newline, so newlines only separate parts. Order is kept.
   */
  #flush(): void {
    const events = this.#outbox;
    this.#outbox = [];
    if (events.length === 0) return;
    this.#bus.publish(channels.hubEvents, `${this.#nodeId}\n${events.join('\n')}`).catch((e: unknown) => this.#log.warn({ err: (e as Error).message, events: events.length }, 'bus publish failed; devices on other nodes will catch up by sync'));
  }

  /** `<node>\nhello` (at start: `<node>\nhello!`, which every other node answers at once). */
  #hello(first: boolean): void {
    this.#bus.publish(channels.hubEvents, `${this.#nodeId}\nhello${first ? '!' : ''}`).catch((e: unknown) => this.#log.debug({ err: (e as Error).message }, 'hub hello not published'));
  }

  #fromBus(env: string): void {
    const nl = env.indexOf('\n');
    if (nl < 0 || env.slice(0, nl) === this.#nodeId) return;
    this.#peersUntil = Date.now() + this.#peerTtlMs;
    if (env.slice(nl + 1) === 'hello!') this.#hello(false);
    const parts = env.split('\n');
    if (parts.length < 3 || parts.length % 2 === 0) return;
    for (let i = 1; i < parts.length; i += 2) {
      let h: Header;
      try {
        h = JSON.parse(parts[i]!) as Header;
      } catch {
        continue;
      }
      this.#deliver(h, parts[i + 1]!);
    }
  }

  /**
   * Tells every socket on this node to catch up by `sync` (a `resync` frame): called when the bus
   * reconnects, since events published while it was away never arrive. Returns how many.
   */
  resyncLocal(): number {
    const json = '{"type":"resync"}';
    let n = 0;
    for (const e of this.#byUser.values()) {
      for (const c of e instanceof Set ? e : [e]) {
        c.sendRaw(json);
        n++;
      }
    }
    return n;
  }

  #deliver(h: Header, json: string): void {
    // A staff member can be named as a user and through its shop: deliver once.
    let done: Set<LocalConnection> | undefined;
    const one = (c: LocalConnection) => {
      if (c.id === h.x || done?.has(c)) return;
      (done ??= new Set()).add(c);
      c.sendRaw(json);
    };
    const send = (e: Entry | undefined) => {
      if (e === undefined) return;
      if (e instanceof Set) for (const c of e) one(c);
      else one(e);
    };
    for (const u of h.u ?? []) send(this.#byUser.get(u));
    for (const s of h.s ?? []) send(this.#byShop.get(s));
  }
}

// Most users have one device on a node: the map holds that connection itself, and a Set only
// once a second one arrives (a Set per idle connection was a measurable share of its memory).
type Entry = LocalConnection | Set<LocalConnection>;

function addTo(m: Map<string, Entry>, k: string, c: LocalConnection): void {
  const e = m.get(k);
  if (e === undefined) m.set(k, c);
  else if (e instanceof Set) e.add(c);
  else if (e !== c) m.set(k, new Set([e, c]));
}

function removeFrom(m: Map<string, Entry>, k: string, c: LocalConnection): void {
  const e = m.get(k);
  if (e === c) m.delete(k);
  else if (e instanceof Set && e.delete(c)) {
    if (e.size === 1) m.set(k, e.values().next().value!);
    else if (e.size === 0) m.delete(k);
  }
}
