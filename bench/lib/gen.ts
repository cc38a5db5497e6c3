/**
 * The load generator's side of a connection, one implementation per system under test, so every
 * scenario drives kefu and the ceilings with the same code and the same frames:
 *
 * - kefu / kefu-embedded: a raw `ws` client speaking docs/protocol.md (not KefuClient: that
 *   client arms a timer and allocates a promise per request, which at thousands of frames per
 *   second would make the generator, not the server, the thing being measured);
 * - ws-echo: the same frame bytes to the bare `ws` ceiling, which returns them to the sender
 *   (the "ack") and relays them to the user's other sockets (the "message");
 * - socketio: the same frame as an object through socket.io-client with an ack callback.
 *
 * Callbacks, not promises: a scenario installs `handlers` and matches answers by frame id.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { io, type Socket } from 'socket.io-client';

export type System = 'kefu' | 'kefu-embedded' | 'ws-echo' | 'socketio';
export const SYSTEMS: readonly System[] = ['kefu', 'kefu-embedded', 'ws-echo', 'socketio'];
export const isKefu = (s: System) => s === 'kefu' || s === 'kefu-embedded';

/** A pushed chat message as the generator needs it (kefu's `message` frame, or the ceilings' relay). */
export interface Pushed {
  conversationId?: string;
  seq?: number;
  clientMsgId?: string;
  role: string;
}

/** An answer to one of our frames: kefu's ack/history/error/pong, or the ceiling's echo. */
export interface Reply {
  type: string;
  id: string;
  seq?: number;
  conversationId?: string;
  code?: string;
  message?: string;
  /** history: how many messages it carried, the seq of the last one, and whether more follow. */
  count?: number;
  lastSeq?: number;
  hasMore?: boolean;
  /** Size of the frame on the wire (WebSocket systems only). */
  bytes?: number;
}

export interface Handlers {
  reply(r: Reply, at: number): void;
  push(m: Pushed, at: number): void;
  closed(code: number): void;
}

const noop: Handlers = { reply() {}, push() {}, closed() {} };

export interface Conn {
  readonly user: string;
  handlers: Handlers;
  readonly open: boolean;
  /** Sends a text message; returns the frame id. */
  send(shopId: string, text: string, clientMsgId: string): string;
  /** Asks for history; returns the frame id. */
  sync(conversationId: string, afterSeq: number, limit: number): string;
  close(): void;
}

export interface ConnectSpec {
  user: string;
  device?: string;
  /** Index into target.urls (several kefu nodes). */
  node?: number;
  localAddress?: string;
}

export interface Target {
  readonly system: System;
  readonly urls: readonly string[];
  readonly shopId: string;
  /** Server process ids, for the CPU meter. */
  readonly pids: readonly number[];
  /** A bearer token for a buyer (kefu only). */
  token?(user: string): Promise<string>;
}

// Frame ids and nonces: unique per generator run, cheap to make, and nonces 20 characters long
// (the protocol wants 16-64).
const RUN = randomBytes(4).toString('hex');
let counter = 0;
export const nextId = () => `f${(++counter).toString(36)}`;
const nonce = () => `${RUN}${(++counter).toString(36).padStart(12, '0')}`;

const jsonText = new Map<string, string>();
const quoted = (s: string) => {
  let q = jsonText.get(s);
  if (q === undefined) {
    q = JSON.stringify(s);
    if (jsonText.size < 10_000) jsonText.set(s, q);
  }
  return q;
};

/** The `send` frame as text: built by hand because it is the generator's hottest path. */
export function sendFrameJson(id: string, shopId: string, clientMsgId: string, text: string, ts = Date.now()): string {
  return `{"type":"send","id":"${id}","ts":${ts},"nonce":"${nonce()}","shopId":${quoted(shopId)},"clientMsgId":${quoted(clientMsgId)},"content":{"kind":"text","text":${quoted(text)}}}`;
}
export function syncFrameJson(id: string, conversationId: string, afterSeq: number, limit: number): string {
  return `{"type":"sync","id":"${id}","ts":${Date.now()},"nonce":"${nonce()}","conversationId":${quoted(conversationId)},"afterSeq":${afterSeq},"limit":${limit}}`;
}

const HISTORY_HEAD = Buffer.from('{"type":"history"');
const MESSAGE_MARK = Buffer.from('{"type":"message"');
const SEQ_MARK = Buffer.from('"seq":');
const HAS_MORE = Buffer.from('"hasMore":true');

/**
 * A history frame (100+ KB for 500 messages) read without decoding it into objects: the head
 * gives id and conversation, and the body is only counted. A full JSON.parse per answer made the
 * generator, not the server, the bottleneck of scenario (e). Relies on the key order that both
 * kefu and the ceilings produce (`type` first, then `id`; every message starts with its `type`).
 */
export function readHistoryFrame(buf: Buffer): Reply | undefined {
  const head = buf.toString('utf8', 0, Math.min(buf.length, 400));
  const id = /"id":"([^"]*)"/.exec(head)?.[1];
  if (id === undefined) return undefined;
  const conversationId = /"conversationId":"([^"]*)"/.exec(head)?.[1];
  let count = 0;
  for (let at = buf.indexOf(MESSAGE_MARK); at >= 0; at = buf.indexOf(MESSAGE_MARK, at + MESSAGE_MARK.length)) count++;
  let lastSeq: number | undefined;
  const s = buf.lastIndexOf(SEQ_MARK);
  if (s >= 0) lastSeq = parseInt(buf.toString('latin1', s + SEQ_MARK.length, s + SEQ_MARK.length + 16), 10);
  const hasMore = buf.indexOf(HAS_MORE, Math.max(0, buf.length - 64)) >= 0;
  return { type: 'history', id, count, hasMore, bytes: buf.length, ...(conversationId ? { conversationId } : {}), ...(lastSeq !== undefined && count > 0 ? { lastSeq } : {}) };
}

const WS_OPTS = { perMessageDeflate: false, handshakeTimeout: 15_000, maxPayload: 64 * 1024 * 1024 } as const;

function openWs(url: string, localAddress: string | undefined): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...WS_OPTS, ...(localAddress ? { localAddress } : {}) });
    const fail = (e: Error) => {
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
      reject(e);
    };
    ws.once('open', () => {
      ws.off('error', fail);
      resolve(ws);
    });
    ws.once('error', fail);
    ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode} on upgrade`)));
  });
}

class WsConn implements Conn {
  readonly user: string;
  handlers: Handlers = noop;
  readonly #ws: WebSocket;
  readonly #echo: boolean;
  /** ws-echo only: ids we sent and whose echo has not come back (anything else is a relay). */
  readonly #mine = new Set<string>();

  constructor(ws: WebSocket, user: string, echo: boolean) {
    this.#ws = ws;
    this.user = user;
    this.#echo = echo;
    ws.on('message', (data) => this.#onData(data as Buffer));
    ws.on('close', (code) => this.handlers.closed(code));
    ws.on('error', () => {});
  }

  get open() {
    return this.#ws.readyState === WebSocket.OPEN;
  }

  #onData(data: Buffer): void {
    const at = performance.now();
    if (data.length > 1024 && data.subarray(0, HISTORY_HEAD.length).equals(HISTORY_HEAD)) {
      const h = readHistoryFrame(data);
      if (h) this.handlers.reply(h, at);
      return;
    }
    let f: Record<string, unknown>;
    try {
      f = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
    } catch {
      return;
    }
    const type = f.type as string;
    if (this.#echo) {
      if (type === 'send' && this.#mine.delete(f.id as string)) this.handlers.reply({ type: 'ack', id: f.id as string }, at);
      else if (type === 'send') this.handlers.push({ clientMsgId: f.clientMsgId as string, role: 'customer' }, at);
      return;
    }
    if (type === 'message') {
      const sender = f.sender as { role: string };
      this.handlers.push({ conversationId: f.conversationId as string, seq: f.seq as number, clientMsgId: f.clientMsgId as string | undefined, role: sender.role }, at);
    } else if (type === 'history' && typeof f.id === 'string') {
      const messages = (f.messages ?? []) as Array<{ seq: number }>;
      this.handlers.reply({ type, id: f.id, count: messages.length, hasMore: f.hasMore === true, bytes: data.length, ...(messages.length ? { lastSeq: messages[messages.length - 1]!.seq } : {}) }, at);
    } else if ((type === 'ack' || type === 'error' || type === 'pong') && typeof f.id === 'string') {
      this.handlers.reply(f as unknown as Reply, at);
    }
  }

  send(shopId: string, text: string, clientMsgId: string): string {
    const id = nextId();
    if (this.#echo) this.#mine.add(id);
    this.#ws.send(sendFrameJson(id, shopId, clientMsgId, text));
    return id;
  }

  sync(conversationId: string, afterSeq: number, limit: number): string {
    const id = nextId();
    this.#ws.send(syncFrameJson(id, conversationId, afterSeq, limit));
    return id;
  }

  close(): void {
    this.#ws.terminate();
  }
}

class SioConn implements Conn {
  readonly user: string;
  handlers: Handlers = noop;
  readonly #s: Socket;

  constructor(s: Socket, user: string) {
    this.#s = s;
    this.user = user;
    s.on('message', (f: { clientMsgId?: string }) => this.handlers.push({ clientMsgId: f.clientMsgId, role: 'customer' }, performance.now()));
    s.on('disconnect', () => this.handlers.closed(1006));
  }

  get open() {
    return this.#s.connected;
  }

  send(shopId: string, text: string, clientMsgId: string): string {
    const id = nextId();
    const frame = { type: 'send', id, ts: Date.now(), nonce: nonce(), shopId, clientMsgId, content: { kind: 'text', text } };
    this.#s.emit('send', frame, (ack: Reply) => this.handlers.reply(ack, performance.now()));
    return id;
  }

  sync(conversationId: string, afterSeq: number, limit: number): string {
    const id = nextId();
    this.#s.emit('sync', { type: 'sync', id, ts: Date.now(), nonce: nonce(), conversationId, afterSeq, limit }, (h: { id: string; messages: Array<{ seq: number }>; hasMore: boolean }) => {
      const n = h.messages.length;
      this.handlers.reply({ type: 'history', id: h.id, count: n, hasMore: h.hasMore, ...(n ? { lastSeq: h.messages[n - 1]!.seq } : {}) }, performance.now());
    });
    return id;
  }

  close(): void {
    this.#s.disconnect();
  }
}

function openSio(url: string, user: string, localAddress: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 15_000,
      query: { user },
      ...(localAddress ? { localAddress } : {}),
    } as Parameters<typeof io>[1]);
    s.once('connect', () => resolve(s));
    s.once('connect_error', (e: Error) => {
      s.disconnect();
      reject(e);
    });
  });
}

export async function connect(target: Target, spec: ConnectSpec): Promise<Conn> {
  const base = target.urls[(spec.node ?? 0) % target.urls.length]!;
  if (target.system === 'socketio') return new SioConn(await openSio(base, spec.user, spec.localAddress), spec.user);
  if (target.system === 'ws-echo') {
    return new WsConn(await openWs(`${base.replace(/^http/, 'ws')}/?user=${encodeURIComponent(spec.user)}`, spec.localAddress), spec.user, true);
  }
  if (!target.token) throw new Error('a kefu target needs token()');
  const token = await target.token(spec.user);
  const url = `${base.replace(/^http/, 'ws')}/im?token=${encodeURIComponent(token)}&device=${spec.device ?? 'app'}`;
  return new WsConn(await openWs(url, spec.localAddress), spec.user, false);
}

/** Opens many connections, at most `concurrency` handshakes at a time; closes them all if one fails. */
export async function connectMany(target: Target, specs: readonly ConnectSpec[], concurrency = 64): Promise<Conn[]> {
  const out: Conn[] = new Array(specs.length);
  let next = 0;
  let failure: Error | undefined;
  const worker = async () => {
    while (failure === undefined && next < specs.length) {
      const i = next++;
      try {
        out[i] = await connect(target, specs[i]!);
      } catch (e) {
        failure ??= new Error(`connection ${i} (${specs[i]!.user}) failed: ${(e as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, specs.length) }, worker));
  if (failure) {
    for (const c of out) c?.close();
    throw failure;
  }
  return out;
}

export const closeAll = (conns: readonly Conn[]) => {
  for (const c of conns) c.close();
};
