/**
 * A small typed client for kefu's WebSocket protocol, used by the tests, the benchmark and the
 * web pages. It stamps every frame with `ts` and a fresh `nonce`, matches answers to requests by
 * frame id (`ack` for `send`, `history` for `sync`, `pong` for `ping`, `error` for any), and
 * hands pushed frames (`message`, `read`, `conversation`, `command`) to listeners.
 *
 * Works with the browser's WebSocket and with the `ws` package (pass its constructor).
 */
import type { Content, MessageFrame, ServerFrame } from '../protocol/frames.ts';

export interface WebSocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

export class KefuRequestError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = 'KefuRequestError';
    this.code = code;
  }
}

/** A frame the server pushes unasked: a message, a read receipt, a conversation state, a command. */
export type PushedFrame = Extract<ServerFrame, { type: 'message' | 'read' | 'conversation' | 'command' | 'typing' | 'note' | 'resync' }>;
type Listener = (f: PushedFrame) => void;

interface Pending {
  resolve(f: ServerFrame): void;
  reject(e: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

const hex = (n: number) => {
  const b = new Uint8Array(n);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
};

export interface ConnectOptions {
  /** http(s) or ws(s) base URL of a kefu server. */
  url: string;
  token: string;
  device?: 'app' | 'miniapp' | 'pc' | 'douyin' | 'web';
  WebSocket?: WebSocketCtor;
  /** How long a request waits for its answer. Default 10 s. */
  timeoutMs?: number;
}

export class KefuClient {
  readonly #ws: WebSocketLike;
  readonly #pending = new Map<string, Pending>();
  readonly #listeners = new Set<Listener>();
  /** The newest `stateVersion` seen per conversation: older `conversation` frames are not passed on. */
  readonly #stateVersions = new Map<string, number>();
  readonly #timeoutMs: number;
  #seq = 0;
  /** Close code and reason once the socket closed. */
  closed: { code: number; reason: string } | undefined;
  readonly #closedWaiters: Array<(c: { code: number; reason: string }) => void> = [];

  private constructor(ws: WebSocketLike, timeoutMs: number) {
    this.#ws = ws;
    this.#timeoutMs = timeoutMs;
    ws.onmessage = (ev) => this.#onFrame(String(ev.data));
    ws.onclose = (ev) => {
      this.closed = { code: ev.code, reason: ev.reason };
      for (const p of this.#pending.values()) {
        clearTimeout(p.timer);
        p.reject(new KefuRequestError('CLOSED', `socket closed (${ev.code})`));
      }
      this.#pending.clear();
      for (const w of this.#closedWaiters.splice(0)) w(this.closed);
    };
  }

  static connect(opts: ConnectOptions): Promise<KefuClient> {
    const Ctor = opts.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketCtor);
    const base = opts.url.replace(/^http/, 'ws').replace(/\/$/, '');
    const ws = new Ctor(`${base}/im?token=${encodeURIComponent(opts.token)}&device=${opts.device ?? 'web'}`);
    const client = new KefuClient(ws, opts.timeoutMs ?? 10_000);
    return new Promise((resolve, reject) => {
      ws.onopen = () => resolve(client);
      ws.onerror = (e) => reject(e instanceof Error ? e : new Error(String((e as { message?: string })?.message ?? 'websocket error')));
      const prevClose = ws.onclose;
      ws.onclose = (ev) => {
        prevClose?.(ev);
        reject(new KefuRequestError('CLOSED', `socket closed before open (${ev.code})`));
      };
    });
  }

  /** Pushed frames (messages, read receipts, conversation state, commands). Returns an unsubscribe. */
  on(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Resolves with the next pushed frame that matches, or rejects after the timeout. */
  waitFor<T extends PushedFrame>(pred: (f: PushedFrame) => f is T, timeoutMs?: number): Promise<T>;
  waitFor(pred: (f: PushedFrame) => boolean, timeoutMs?: number): Promise<PushedFrame>;
  waitFor(pred: (f: PushedFrame) => boolean, timeoutMs = this.#timeoutMs): Promise<PushedFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new KefuRequestError('TIMEOUT', 'no matching frame'));
      }, timeoutMs);
      const off = this.on((f) => {
        if (!pred(f)) return;
        clearTimeout(timer);
        off();
        resolve(f);
      });
    });
  }

  #onFrame(raw: string): void {
    let f: ServerFrame;
    try {
      f = JSON.parse(raw) as ServerFrame;
    } catch {
      return;
    }
    const id = (f as { id?: string }).id;
    if ((f.type === 'ack' || f.type === 'history' || f.type === 'pong' || f.type === 'error') && id !== undefined) {
      const p = this.#pending.get(id);
      if (p) {
        this.#pending.delete(id);
        clearTimeout(p.timer);
        if (f.type === 'error') p.reject(new KefuRequestError(f.code, f.message));
        else p.resolve(f);
        return;
      }
    }
    if (f.type === 'conversation' && this.#olderState(f)) return;
    if (f.type === 'message' || f.type === 'read' || f.type === 'conversation' || f.type === 'command' || f.type === 'typing' || f.type === 'note' || f.type === 'resync') for (const l of this.#listeners) l(f);
    else if (f.type === 'error') this.lastError = f;
  }

  /**
   * Frames about one conversation from two nodes can cross (a queue position told after its
   * commit can land after another node's accept): one older than a frame already passed on is
   * stale news and dropped, so a buyer never sees "#1 in line" while an agent holds the chat.
   */
  #olderState(f: Extract<ServerFrame, { type: 'conversation' }>): boolean {
    if (f.stateVersion === undefined) return false;
    const seen = this.#stateVersions.get(f.conversationId);
    if (seen !== undefined && f.stateVersion < seen) return true;
    this.#stateVersions.delete(f.conversationId);
    this.#stateVersions.set(f.conversationId, f.stateVersion);
    if (this.#stateVersions.size > 1000) this.#stateVersions.delete(this.#stateVersions.keys().next().value!);
    return false;
  }

  /** The last error frame that answered no request (e.g. BAD_FRAME for raw input). */
  lastError: Extract<ServerFrame, { type: 'error' }> | undefined;

  #request<T extends ServerFrame>(frame: Record<string, unknown>): Promise<T> {
    const id = (frame.id as string | undefined) ?? `f${++this.#seq}-${hex(4)}`;
    const full = { ...frame, id, ts: frame.ts ?? Date.now(), nonce: frame.nonce ?? hex(16) };
    return new Promise<T>((resolve, reject) => {
      // Closed already (between two requests): nothing will answer, and the close that rejects
      // pending requests has passed. Say so now rather than after the timeout.
      if (this.closed) return reject(new KefuRequestError('CLOSED', `socket closed (${this.closed.code})`));
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new KefuRequestError('TIMEOUT', `no answer to ${String(frame.type)} ${id}`));
      }, this.#timeoutMs);
      this.#pending.set(id, { resolve: resolve as (f: ServerFrame) => void, reject, timer });
      this.#ws.send(JSON.stringify(full));
    });
  }

  send(args: { shopId?: string; conversationId?: string; clientMsgId?: string; content: Content; ts?: number; nonce?: string; id?: string }): Promise<Extract<ServerFrame, { type: 'ack' }>> {
    return this.#request({ type: 'send', clientMsgId: args.clientMsgId ?? `m-${hex(8)}`, ...args });
  }

  sendText(shopOrConversation: { shopId: string } | { conversationId: string }, text: string, clientMsgId?: string) {
    return this.send({ ...shopOrConversation, content: { kind: 'text', text }, ...(clientMsgId ? { clientMsgId } : {}) });
  }

  async sync(conversationId: string, afterSeq: number, limit?: number): Promise<{ messages: MessageFrame[]; hasMore: boolean }> {
    const h = await this.#request<Extract<ServerFrame, { type: 'history' }>>({ type: 'sync', conversationId, afterSeq, ...(limit ? { limit } : {}) });
    return { messages: h.messages, hasMore: h.hasMore };
  }

  /** Every message after `afterSeq`, following `hasMore` pages. */
  async syncAll(conversationId: string, afterSeq: number): Promise<MessageFrame[]> {
    const out: MessageFrame[] = [];
    let after = afterSeq;
    for (;;) {
      const r = await this.sync(conversationId, after, 500);
      out.push(...r.messages);
      if (!r.hasMore || r.messages.length === 0) return out;
      after = r.messages[r.messages.length - 1]!.seq;
    }
  }

  /** `read` has no answer frame; an error frame with its id rejects within the timeout. */
  read(conversationId: string, seq: number): void {
    const id = `f${++this.#seq}-${hex(4)}`;
    this.#ws.send(JSON.stringify({ type: 'read', id, ts: Date.now(), nonce: hex(16), conversationId, seq }));
  }

  /** "I am typing": no answer frame; the server relays at most one every 2 s to the other side. */
  typing(conversationId: string): void {
    const id = `f${++this.#seq}-${hex(4)}`;
    this.#ws.send(JSON.stringify({ type: 'typing', id, ts: Date.now(), nonce: hex(16), conversationId }));
  }

  ping(): Promise<Extract<ServerFrame, { type: 'pong' }>> {
    return this.#request({ type: 'ping' });
  }

  /** Sends a raw string as is (tests of invalid input). */
  sendRaw(data: string): void {
    this.#ws.send(data);
  }

  close(code = 1000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    const p = this.waitClosed();
    this.#ws.close(code);
    return p;
  }

  waitClosed(): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((r) => this.#closedWaiters.push(r));
  }
}
