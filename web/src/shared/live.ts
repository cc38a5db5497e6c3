/**
 * One live socket that keeps itself up, over the typed client (src/client/index.ts):
 *
 * - reconnects with jittered exponential backoff (0.5 s doubling to 30 s, each delay drawn
 *   between half and all of it), at once when the browser says it is back online;
 * - treats the browser's `offline` event, a `ping` unanswered within 5 s (every 15 s, and when the
 *   page becomes visible) and a closed socket as "offline", so the page can show its banner;
 * - gets a new token before connecting when the one it holds expires within 30 s, or after the
 *   server closed the socket with 4401 (token expired);
 * - calls `onOpen` after every (re)connection: that is where a page syncs from the last `seq`
 *   it holds, so nothing pushed while it was away is lost;
 * - passes the server's `resync` frame (extension: its bus reconnected) on as `onResync`.
 *
 * Frames of an abandoned socket are dropped (each connection has a generation number).
 */
import { KefuClient, type PushedFrame, type WebSocketCtor } from './types.ts';
import { expiresSoon } from './jwt.ts';
import { backoffMs } from './backoff.ts';

export type LiveStatus = 'connecting' | 'online' | 'offline';

export interface LiveOptions {
  /** http(s) origin of kefu. */
  url: string;
  /** The token to connect with; `fresh` asks for a new one (the last one expired). */
  getToken(fresh: boolean): Promise<string>;
  device: 'web' | 'pc';
  onStatus(s: LiveStatus): void;
  onFrame(f: PushedFrame, client: KefuClient): void;
  /** After each connection; `again` is false the first time. Errors are swallowed (the next open retries). */
  onOpen(client: KefuClient, again: boolean): Promise<void> | void;
  onResync?(client: KefuClient): void;
}

const PING_EVERY_MS = 15_000;
const PING_TIMEOUT_MS = 5_000;
export class Live {
  readonly #o: LiveOptions;
  #client: KefuClient | undefined;
  #gen = 0;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #everOpen = false;
  #fresh = false;
  #stopped = false;
  status: LiveStatus = 'connecting';

  constructor(o: LiveOptions) {
    this.#o = o;
    window.addEventListener('offline', () => this.#drop());
    window.addEventListener('online', () => {
      this.#attempt = 0;
      if (this.status !== 'online') void this.#connect();
    });
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.#heartbeat();
    });
    setInterval(() => void this.#heartbeat(), PING_EVERY_MS);
  }

  /** The client while online, else undefined. */
  get client(): KefuClient | undefined {
    return this.status === 'online' ? this.#client : undefined;
  }

  start(): void {
    void this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#gen++;
    clearTimeout(this.#timer);
    void this.#client?.close();
  }

  #set(s: LiveStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.#o.onStatus(s);
  }

  async #connect(): Promise<void> {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    const gen = ++this.#gen;
    if (!navigator.onLine) {
      // Nothing to try until the browser says it is back (the `online` event reconnects at once).
      this.#set('offline');
      this.#timer = setTimeout(() => void this.#connect(), backoffMs(16));
      return;
    }
    if (!this.#everOpen) this.#set('connecting');
    try {
      let token = await this.#o.getToken(this.#fresh);
      if (expiresSoon(token)) token = await this.#o.getToken(true);
      this.#fresh = false;
      const client = await KefuClient.connect({ url: this.#o.url, token, device: this.#o.device, WebSocket: this.#tapped(gen), timeoutMs: 8000 });
      if (gen !== this.#gen) {
        void client.close();
        return;
      }
      this.#client = client;
      client.on((f) => {
        // `resync` comes through the tap (#tapped), whether or not this client passes it on.
        if (gen === this.#gen && (f as { type: string }).type !== 'resync') this.#o.onFrame(f, client);
      });
      void client.waitClosed().then((c) => {
        if (gen !== this.#gen) return;
        if (c.code === 4401) this.#fresh = true;
        this.#lost();
      });
      const again = this.#everOpen;
      this.#everOpen = true;
      this.#attempt = 0;
      this.#set('online');
      try {
        await this.#o.onOpen(client, again);
      } catch {
        // A failed resync is retried by the next open; the socket itself is fine.
      }
    } catch {
      if (gen === this.#gen) this.#lost();
    }
  }

  /** The connection is gone: say so, and try again after the backoff. */
  #lost(): void {
    this.#client = undefined;
    this.#set('offline');
    clearTimeout(this.#timer);
    // Every few failed attempts while the network is up, the token may be why (an upgrade
    // refused with 401 looks like any other failure to the browser).
    if (navigator.onLine && this.#attempt > 0 && this.#attempt % 4 === 0) this.#fresh = true;
    this.#timer = setTimeout(() => void this.#connect(), backoffMs(this.#attempt++));
  }

  /** Abandons the current socket at once (the browser went offline, a ping went unanswered). */
  #drop(): void {
    const c = this.#client;
    this.#gen++;
    if (c) void c.close().catch(() => {});
    this.#lost();
  }

  async #heartbeat(): Promise<void> {
    const c = this.client;
    if (!c) return;
    const gen = this.#gen;
    const ok = await Promise.race([c.ping().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), PING_TIMEOUT_MS))]);
    if (!ok && gen === this.#gen) this.#drop();
  }

  /** The browser's WebSocket, tapped for the `resync` frame the typed client does not pass on. */
  #tapped(gen: number): WebSocketCtor {
    const onResync = () => {
      const client = this.#client;
      if (gen === this.#gen && client) this.#o.onResync?.(client);
    };
    class Tapped extends WebSocket {
      constructor(url: string) {
        super(url);
        this.addEventListener('message', (e: MessageEvent) => {
          if (typeof e.data === 'string' && e.data.length < 64 && e.data.includes('"resync"')) onResync();
        });
      }
    }
    return Tapped as unknown as WebSocketCtor;
  }
}
