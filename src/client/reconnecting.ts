/**
 * A client that stays connected: when its socket closes without being asked to (a node's
 * rolling restart closes with 1012, a network cut, a dead node), it reconnects after a jittered
 * backoff, to the next of its server URLs, and resumes every conversation it has seen by `seq`:
 * it asks for the messages after the last seq it holds, so nothing is missed and, since it drops
 * any message whose seq it already delivered, nothing arrives twice. A `resync` frame from the
 * server (sent after the server's bus reconnected, when live events may have been lost) triggers
 * the same catch-up without reconnecting.
 *
 * Backoff: "full jitter" (a random wait between 0 and min(maxMs, minMs · 2^attempt)), so the
 * clients of a restarted node do not all come back in the same instant.
 */
import { CLOSE_TOO_MANY_DEVICES, type MessageFrame } from '../protocol/frames.ts';
import { KefuClient, KefuRequestError, type ConnectOptions, type PushedFrame } from './index.ts';

export interface ReconnectingOptions extends Omit<ConnectOptions, 'url' | 'token'> {
  /** One or more kefu servers; each reconnect tries the next. */
  urls: readonly string[];
  /** A token, or a function that gets a fresh one for each connection. */
  token: string | (() => Promise<string>);
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told when the connection drops and comes back (an offline banner listens here). */
  onState?: (state: 'online' | 'offline') => void;
}

type Listener = (f: PushedFrame) => void;

export class ReconnectingKefuClient {
  readonly #o: ReconnectingOptions;
  readonly #listeners = new Set<Listener>();
  /** Highest seq delivered per conversation (every seq up to it was delivered). */
  readonly #lastSeq = new Map<string, number>();
  /** Messages that arrived past a gap, waiting for it to be filled. */
  readonly #held = new Map<string, Map<number, MessageFrame>>();
  #client: KefuClient | undefined;
  #urlIndex = 0;
  #attempt = 0;
  #stopped = false;
  #catchingUp: Promise<void> = Promise.resolve();

  private constructor(o: ReconnectingOptions) {
    this.#o = o;
  }

  static async connect(o: ReconnectingOptions): Promise<ReconnectingKefuClient> {
    const c = new ReconnectingKefuClient(o);
    await c.#open();
    return c;
  }

  /** The server the client is connected to now. */
  get url(): string {
    return this.#o.urls[this.#urlIndex % this.#o.urls.length]!;
  }

  get connected(): boolean {
    return this.#client !== undefined && this.#client.closed === undefined;
  }

  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tracks a conversation from `afterSeq` on (for example one loaded by REST). */
  follow(conversationId: string, afterSeq = 0): void {
    if (!this.#lastSeq.has(conversationId)) this.#lastSeq.set(conversationId, afterSeq);
  }

  async sendText(target: { shopId: string } | { conversationId: string }, text: string, clientMsgId?: string) {
    const ack = await this.#current().sendText(target, text, clientMsgId);
    this.follow(ack.conversationId, ack.seq - 1);
    return ack;
  }

  async close(): Promise<void> {
    this.#stopped = true;
    await this.#client?.close();
  }

  #current(): KefuClient {
    if (!this.connected) throw new KefuRequestError('UNAVAILABLE', 'not connected; reconnecting');
    return this.#client!;
  }

  async #open(): Promise<void> {
    const token = typeof this.#o.token === 'string' ? this.#o.token : await this.#o.token();
    const client = await KefuClient.connect({ ...this.#o, url: this.url, token });
    this.#client = client;
    this.#attempt = 0;
    client.on((f) => this.#onFrame(f));
    void client.waitClosed().then((c) => {
      // Closed for having too many devices: reconnecting would only close the next-oldest one.
      if (c.code === CLOSE_TOO_MANY_DEVICES) this.#stopped = true;
      this.#lost();
    });
    this.#o.onState?.('online');
    await this.#catchUp();
  }

  #onFrame(f: PushedFrame | { type: 'resync' }): void {
    if (f.type === 'resync') {
      void this.#catchUp();
      return;
    }
    if (f.type === 'message') return this.#deliver(f);
    for (const l of this.#listeners) l(f);
  }

  /**
   * Delivers each message once, in seq order per conversation: a message past a gap waits until
   * the gap is filled (a catch-up `sync` is started for it), and one already delivered is dropped.
   * A conversation first seen through a live message starts at that message.
   */
  #deliver(m: MessageFrame): void {
    const id = m.conversationId;
    const last = this.#lastSeq.get(id) ?? m.seq - 1;
    if (m.seq <= last) return;
    const held = this.#held.get(id) ?? new Map<number, MessageFrame>();
    held.set(m.seq, m);
    let next = last;
    for (let x = held.get(next + 1); x; x = held.get(next + 1)) {
      held.delete(++next);
      for (const l of this.#listeners) l(x);
    }
    this.#lastSeq.set(id, next);
    if (held.size) {
      this.#held.set(id, held);
      void this.#catchUp();
    } else this.#held.delete(id);
  }

  #catchUp(): Promise<void> {
    this.#catchingUp = this.#catchingUp.then(async () => {
      const client = this.#client;
      if (!client) return;
      for (const [id, after] of this.#lastSeq) {
        const missed = await client.syncAll(id, after).catch(() => [] as MessageFrame[]);
        for (const m of missed) this.#deliver(m);
      }
    });
    return this.#catchingUp;
  }

  #lost(): void {
    this.#client = undefined;
    if (this.#stopped) return;
    this.#o.onState?.('offline');
    void this.#retry();
  }

  async #retry(): Promise<void> {
    while (!this.#stopped) {
      const min = this.#o.minBackoffMs ?? 200;
      const cap = Math.min(this.#o.maxBackoffMs ?? 10_000, min * 2 ** this.#attempt++);
      await new Promise((r) => setTimeout(r, Math.random() * cap));
      this.#urlIndex++;
      try {
        await this.#open();
        return;
      } catch {
        /* the next server, after a longer wait */
      }
    }
  }
}
