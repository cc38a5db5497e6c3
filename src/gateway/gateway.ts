/**
 * The WebSocket gateway `/im` (docs/protocol.md). Authentication and the Origin check run
 * in preValidation, before the upgrade, so a refused client gets a plain HTTP 401/403 and no
 * socket. Socket listeners are attached synchronously in the handler (a frame sent right after
 * the upgrade is never lost). Frames of one socket are handled in order, one at a time, so a
 * device's messages get seqs in the order it sent them.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import type {} from '@fastify/websocket';
import type { Logger } from 'pino';
import type { Principal, TokenVerifier } from '../auth/principal.ts';
import { KefuError, errorKind, toKefuError, type ErrorKind } from '../protocol/errors.ts';
import { DEVICES, parseClientFrame, type ClientFrame, type Device, type ServerFrame } from '../protocol/frames.ts';
import type { ConversationService } from '../conversation/service.ts';
import type { Cache } from '../storage/ports.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { WorkQueue } from '../ops/work-queue.ts';
import type { Hub} from './hub.ts';
import { type LocalConnection } from './hub.ts';
import { ConnectionCaps, TokenBucket, UserSockets, checkFrame } from './guards.ts';
import { originAllowed, originPolicy, type OriginPolicy } from './origin.ts';
import { markOffline, markOnline } from './presence.ts';
import { keys } from '../storage/keys.ts';
import { inFrameTrace } from '../ops/trace.ts';
import { inScope } from '../storage/scope.ts';
import { CLOSE_TOO_MANY_DEVICES } from '../protocol/frames.ts';
import { corkForTurn, currentTurn, flushIfLarge, type Corkable } from './cork.ts';

export interface GatewayDeps {
  verifier: TokenVerifier;
  conversations: ConversationService;
  hub: Hub;
  cache: Cache;
  /** This node's own nonce memory, used while the shared cache is unreachable. */
  localNonces: Cache;
  metrics: Metrics;
  work: WorkQueue;
  log: Logger;
  nodeId: string;
  /** KEFU_ALLOWED_ORIGINS, and what the server's own origin is made of (gateway/origin.ts). */
  origins: { allowed: readonly string[] | undefined; demo: boolean; host: string };
  limits: {
    maxBufferedBytes: number;
    ratePerConnection: number;
    ratePerUser: number;
    maxBadFrames: number;
    maxPerIp: number;
    maxPerUser: number;
    maxUpgrading: number;
    upgradeTimeoutMs: number;
    /**
     * Every frame is answered within this (KEFU_WS_ANSWER_DEADLINE_MS): past it, UNAVAILABLE, and
     * the handler's own answer is dropped. A send may still be stored: its resend with the same
     * clientMsgId gets the stored message's ack, never a second message.
     */
    answerDeadlineMs: number;
  };
  /** A staff socket (agent console) opened or closed on this node: routing counts consoles. */
  onConsole?: (p: Principal, open: boolean) => void;
}

declare module 'fastify' {
  interface FastifyRequest {
    imPrincipal?: Principal;
    imDevice?: Device;
    imSlot?: UpgradeSlot;
  }
}

const HEARTBEAT_MS = 30_000;
/**
 * One frame's answer: given once, by its handler or by the answer deadline, whichever comes
 * first. A frame whose deadline passed before its turn is not run (its client was told to resend).
 */
interface FrameSlot {
  late: boolean;
  timer: NodeJS.Timeout | undefined;
}
/**
 * How often one connection may log a failed frame, by kind: the first input error (a bad
 * frame, a refused send) only, a dependency failure once per 10 s, an unexpected error (with its
 * stack) once per minute; what was held back is counted in the next line.
 */
const LOG_EVERY_MS: Record<ErrorKind, number> = { input: Infinity, dependency: 10_000, internal: 60_000 };
const TYPING_INTERVAL_MS = 2000;
const PRESENCE_REFRESH_MS = 60_000;

/** An admitted upgrade: its address's slot is held until the socket closes. */
interface UpgradeSlot {
  readonly ip: string;
  upgrading: boolean;
  timer: NodeJS.Timeout | undefined;
}

/** The gateway's open sockets: all of them (heartbeat, shutdown) and per user (KEFU_WS_MAX_PER_USER). */
class Registry {
  readonly all = new Set<Connection>();
  readonly byUser: UserSockets<Connection>;
  constructor(maxPerUser: number) {
    this.byUser = new UserSockets(maxPerUser);
  }
  add(c: Connection): Connection[] {
    this.all.add(c);
    return this.byUser.add(c.userId, c);
  }
  delete(c: Connection): void {
    this.all.delete(c);
    this.byUser.delete(c.userId, c);
  }
}

/**
 * Runs first on an upgrade to /im, before anything costly (the token check): refuses an address
 * over KEFU_WS_MAX_PER_IP (429) or any upgrade while KEFU_WS_MAX_UPGRADING are in progress (503),
 * and otherwise arms the deadline by which the socket must be open. A plain GET is left alone.
 */
function admitUpgrade(req: FastifyRequest, reply: FastifyReply, caps: ConnectionCaps, deps: GatewayDeps): FastifyReply | undefined {
  if (!req.ws) return undefined;
  const ip = req.ip;
  const verdict = caps.admit(ip);
  if (verdict === 'upgrading') return reply.code(503).header('retry-after', '1').send(new KefuError('UNAVAILABLE', 'too many connections are being opened; retry').toBody());
  if (verdict === 'per-ip') return reply.code(429).send(new KefuError('RATE_LIMITED', `more than ${deps.limits.maxPerIp} connections from this address`).toBody());
  const socket = req.raw.socket;
  const slot: UpgradeSlot = { ip, upgrading: true, timer: undefined };
  const release = () => {
    clearTimeout(slot.timer);
    caps.closed(ip, slot.upgrading);
    slot.upgrading = false;
  };
  if (socket.destroyed) {
    release();
    return undefined;
  }
  // A client that stalls after its headers (or a token check that hangs) would hold the socket.
  slot.timer = setTimeout(() => socket.destroy(), deps.limits.upgradeTimeoutMs);
  slot.timer.unref();
  socket.once('close', release);
  req.imSlot = slot;
  return undefined;
}

/** The admitted upgrade's socket is open: its deadline is off and it leaves the upgrading count. */
function upgradeDone(slot: UpgradeSlot | undefined, caps: ConnectionCaps): void {
  if (!slot) return;
  clearTimeout(slot.timer);
  slot.upgrading = false;
  caps.opened();
}

/** The Origin policy by the local port a request came in on: the own origin needs the port kefu listens on (KEFU_PORT=0 picks one). */
function originPolicies(o: GatewayDeps['origins']): (port: number) => OriginPolicy {
  const policies = new Map<number, OriginPolicy>();
  return (port) => policies.get(port) ?? policies.set(port, originPolicy({ ...o, port })).get(port)!;
}

/**
 * How long a shutdown waits for clients to answer the 1012 close frame before cutting the rest:
 * a phone gone off the network never answers, and ws would hold its socket for 30 s, past the
 * shutdown grace (the node then exited 1 on every such restart: found from outside).
 */
export const CLOSE_ANSWER_WAIT_MS = 1000;

export function registerGateway(app: FastifyInstance, deps: GatewayDeps): { close(): Promise<void> } {
  const sockets = new Registry(deps.limits.maxPerUser);
  const caps = new ConnectionCaps(deps.limits);
  const policyFor = originPolicies(deps.origins);

  app.get<{ Querystring: { token?: string; device?: string } }>(
    '/im',
    {
      websocket: true,
      onRequest: async (req, reply) => admitUpgrade(req, reply, caps, deps),
      preValidation: async (req, reply) => {
        if (!originAllowed(req.headers.origin, policyFor(req.raw.socket.localPort ?? 0))) {
          return reply.code(403).send(new KefuError('FORBIDDEN', 'origin not allowed').toBody());
        }
        const q = req.query ?? {};
        const auth = req.headers.authorization;
        const token = q.token ?? (auth?.startsWith('Bearer ') ? auth.slice(7) : undefined);
        if (!token) return reply.code(401).send(new KefuError('UNAUTHORIZED', 'token required').toBody());
        try {
          req.imPrincipal = await deps.verifier.verify(token);
        } catch (e) {
          const k = toKefuError(e);
          return reply.code(k.status === 500 ? 503 : k.status).send(k.toBody());
        }
        const device = q.device ?? 'web';
        if (!(DEVICES as readonly string[]).includes(device)) {
          return reply.code(400).send(new KefuError('BAD_REQUEST', `device must be one of ${DEVICES.join(', ')}`).toBody());
        }
        req.imDevice = device as Device;
      },
    },
    (socket, req) => {
      // Let the upgrade request go: @fastify/websocket leaves its ServerResponse on the TCP
      // socket and an 'error' listener closing over Fastify's request and reply, which kept
      // about 4 KB per idle connection alive (docs/benchmarks.md). Connection handles errors.
      const raw = req.raw.socket as (typeof req.raw.socket & { _httpMessage?: ServerResponse | null }) | null;
      raw?._httpMessage?.detachSocket(raw);
      socket.removeAllListeners('error');
      upgradeDone(req.imSlot, caps);
      const c = new Connection(socket, req.imPrincipal!, req.imDevice!, deps, req.id, sockets);
      for (const old of sockets.add(c)) old.tooManyDevices(deps.limits.maxPerUser);
    },
  );

  // One timer for all sockets: ping, cut off the dead, close on token expiry.
  const timer = setInterval(() => {
    const now = Date.now();
    for (const c of sockets.all) c.heartbeat(now);
  }, HEARTBEAT_MS);
  timer.unref();
  return {
    async close() {
      clearInterval(timer);
      await closeAll(sockets);
    },
  };
}

/** 1012 "service restart" to every socket (clients reconnect elsewhere and resume by seq); after a second, cut the rest. */
async function closeAll(sockets: Registry): Promise<void> {
  for (const c of sockets.all) c.close(1012, 'service restart');
  const deadline = Date.now() + CLOSE_ANSWER_WAIT_MS;
  while (sockets.all.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const c of sockets.all) c.terminate();
}

const CONN = Symbol('kefu.connection');
type Tagged = WebSocket & { [CONN]?: Connection };

class Connection implements LocalConnection {
  // Shared by every socket (the socket is `this`): four closures per idle connection add up.
  static readonly #listeners = {
    message(this: Tagged, data: unknown, isBinary: boolean) {
      this[CONN]!.#onMessage(data as Buffer, isBinary);
    },
    pong(this: Tagged) {
      this[CONN]!.#alive = true;
    },
    close(this: Tagged) {
      this[CONN]!.#onClose();
    },
    error(this: Tagged, e: Error) {
      this[CONN]!.#log.debug({ err: e.message }, 'socket error');
    },
  };

  readonly id: string;
  readonly userId: string;
  readonly staffShopId: string | undefined;
  get device(): Device { return this.#device; } // kefu_ws_connections_by_device (hub.ts)
  readonly #ws: WebSocket;
  readonly #p: Principal;
  readonly #device: Device;
  readonly #d: GatewayDeps;
  readonly #traceId: string;
  #logger: Logger | undefined;
  readonly #bucket: TokenBucket;
  #badFrames = 0;
  #alive = true;
  #closed = false;
  /** The turn in which its unsent data first went over the limit (#slowConsumer). */
  #overSince: number | undefined;
  #lastPresence = 0;
  /** Frames are handled one after another; this is the tail of that chain. */
  #chain: Promise<void> = Promise.resolve();
  #queued = 0;
  /** Per kind of failure: when this connection may log the next one, and how many were held back. Created on the first failure. */
  #logGate: Map<ErrorKind, { next: number; held: number }> | undefined;

  readonly #registry: Registry;

  /** Leaves `registry` (the gateway's open sockets, which the caller adds it to) when the socket closes. */
  constructor(ws: WebSocket, p: Principal, device: Device, d: GatewayDeps, traceId: string, registry: Registry) {
    this.#registry = registry;
    this.id = `${d.nodeId}.${randomBytes(6).toString('hex')}`;
    this.userId = p.userId;
    this.staffShopId = p.roles.has('agent') || p.roles.has('admin') ? p.shopId : undefined;
    this.#ws = ws;
    this.#p = p;
    this.#device = device;
    this.#d = d;
    this.#traceId = traceId;
    this.#bucket = new TokenBucket(d.limits.ratePerConnection);
    d.metrics.wsConnections.inc();

    (ws as Tagged)[CONN] = this;
    ws.on('message', Connection.#listeners.message);
    ws.on('pong', Connection.#listeners.pong);
    ws.on('close', Connection.#listeners.close);
    ws.on('error', Connection.#listeners.error);

    d.hub.add(this);
    this.#presence(Date.now());
    if (this.staffShopId) d.onConsole?.(p, true);
  }

  /** Created on first use: most sockets never log, and a child logger per idle socket costs memory. */
  get #log(): Logger {
    return (this.#logger ??= this.#d.log.child({ traceId: this.#traceId, conn: this.id, userId: this.userId, device: this.#device }));
  }

  #presence(now: number): void {
    this.#lastPresence = now;
    markOnline(this.#d.cache, this.userId, { connectionId: this.id, device: this.#device, node: this.#d.nodeId, lastSeen: now }).catch(() => {});
  }

  sendRaw(json: string): void {
    if (this.#closed) return;
    const socket = (this.#ws as WebSocket & { _socket?: Corkable })._socket;
    // What this turn corked is flushed once it is large: the cut-off below is for a client that
    // does not read, not for a burst still waiting in our own buffer.
    flushIfLarge(socket);
    if (this.#slowConsumer()) {
      this.#d.metrics.wsSlowConsumerCutoffs.inc();
      this.#log.warn({ buffered: this.#ws.bufferedAmount }, 'slow consumer cut off');
      this.#closed = true;
      this.#ws.terminate();
      return;
    }
    corkForTurn(socket);
    this.#ws.send(json);
  }

  /**
   * A client that stops reading would make the server buffer without bound: it is cut off once
   * its unsent data has stayed over KEFU_WS_MAX_BUFFERED_BYTES from one turn of the event loop to
   * a later one, or at once past four times that. One turn's burst (a console's batch of events,
   * thousands of refusals answered in one go) may go over while the kernel takes it: that is not
   * a slow client, and the next turn shows which it was.
   */
  #slowConsumer(): boolean {
    const buffered = this.#ws.bufferedAmount;
    const max = this.#d.limits.maxBufferedBytes;
    if (buffered <= max) {
      this.#overSince = undefined;
      return false;
    }
    this.#overSince ??= currentTurn();
    return this.#overSince !== currentTurn() || buffered > 4 * max;
  }

  #send(frame: ServerFrame): void {
    this.sendRaw(JSON.stringify(frame));
  }

  /** Answers a refused or failed frame; `cause` (what was thrown, default the error itself) decides the log line. */
  #error(code: KefuError, id?: string, frameType?: string, cause: unknown = code): void {
    this.#d.metrics.wsFramesRejected.inc({ code: code.wsCode });
    this.#logFailure(code, cause, frameType);
    this.#send({ type: 'error', ...(id ? { id } : {}), code: code.wsCode, message: code.message });
  }

  /**
   * Logs a failed frame without its payload, rate-limited per connection (LOG_EVERY_MS): input
   * errors at warn, once; dependency failures at warn without a stack; only unexpected errors
   * with their stack, at error.
   */
  #logFailure(k: KefuError, cause: unknown, frameType: string | undefined): void {
    const kind = errorKind(k);
    const gates = (this.#logGate ??= new Map());
    let gate = gates.get(kind);
    if (!gate) gates.set(kind, (gate = { next: 0, held: 0 }));
    const now = Date.now();
    if (now < gate.next) {
      gate.held++;
      return;
    }
    gate.next = now + LOG_EVERY_MS[kind];
    const line = { code: k.code, frame: frameType, ...(gate.held ? { heldBack: gate.held } : {}) };
    gate.held = 0;
    if (kind === 'input') this.#log.warn({ ...line, reason: k.message }, 'frame refused (further refusals on this connection are not logged)');
    else if (kind === 'dependency') this.#log.warn({ ...line, err: cause instanceof Error ? cause.message : String(cause) }, 'frame failed: a dependency is unavailable');
    else this.#log.error({ ...line, err: cause instanceof Error ? cause.message : String(cause), stack: cause instanceof Error ? cause.stack : undefined }, 'frame failed');
  }

  heartbeat(now: number): void {
    if (this.#p.expiresAt !== undefined && now > this.#p.expiresAt * 1000) {
      this.close(4401, 'token expired');
      return;
    }
    if (!this.#alive) {
      this.#closed = true;
      this.#ws.terminate();
      return;
    }
    this.#alive = false;
    this.#ws.ping();
  }

  /** This is the user's oldest socket on this node and one too many opened (KEFU_WS_MAX_PER_USER): say why, then close. */
  tooManyDevices(max: number): void {
    this.#send({ type: 'error', code: 'RATE_LIMITED', message: `too many devices: this user has more than ${max} connections on this server, and this one is the oldest` });
    this.close(CLOSE_TOO_MANY_DEVICES, 'too many devices');
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#ws.close(code, reason);
  }

  /** Cuts the socket without waiting for the client's answer to a close frame. */
  terminate(): void {
    this.#closed = true;
    this.#ws.terminate();
  }

  #onClose(): void {
    this.#closed = true;
    this.#registry.delete(this);
    this.#d.metrics.wsConnections.dec();
    this.#d.hub.remove(this);
    if (this.staffShopId) this.#d.onConsole?.(this.#p, false);
    markOffline(this.#d.cache, this.userId, this.id).catch(() => {});
  }

  #onMessage(data: Buffer, isBinary: boolean): void {
    if (this.#closed) return;
    if (isBinary) {
      this.#bad(new KefuError('BAD_FRAME', 'frames are JSON text'));
      return;
    }
    // Parse before the rate check so a refused frame is answered with its id (parsing is
    // bounded by the 64 KiB frame limit).
    const parsed = parseClientFrame(data.toString('utf8'));
    if (!parsed.ok) {
      this.#bad(new KefuError('BAD_FRAME', parsed.reason), parsed.id);
      return;
    }
    const frame = parsed.frame;
    if (!this.#bucket.take()) {
      this.#error(new KefuError('RATE_LIMITED', 'too many frames on this connection'), frame.id, frame.type);
      return;
    }
    // Bound what one socket can queue: it may not hold more than a second's worth of frames.
    if (this.#queued >= this.#d.limits.ratePerConnection * 2) {
      this.#error(new KefuError('RATE_LIMITED', 'too many frames waiting on this connection'), frame.id, frame.type);
      return;
    }
    this.#queued++;
    const started = performance.now();
    const slot = this.#deadline(frame);
    this.#chain = this.#chain.then(async () => {
      try {
        if (slot.late) return;
        // A console's frames read and write as its shop only (row-level security: storage/scope.ts).
        await inScope(() => inFrameTrace(this.#log, frame, () => this.#handle(frame, started, slot)), this.staffShopId);
      } catch (e) {
        // A dependency that is down or slow is UNAVAILABLE (retryable), never INTERNAL.
        if (!slot.late) this.#error(toKefuError(e), frame.id, frame.type, e);
      } finally {
        clearTimeout(slot.timer);
        this.#queued--;
      }
    });
  }

  /** Arms the frame's answer deadline: a database or cache that hangs never holds a client past it. */
  #deadline(frame: ClientFrame): FrameSlot {
    const slot: FrameSlot = { late: false, timer: undefined };
    slot.timer = setTimeout(() => {
      slot.late = true;
      const what = frame.type === 'send' ? '; resend it with the same clientMsgId (it is stored at most once)' : '; retry';
      this.#error(new KefuError('UNAVAILABLE', `not answered within ${this.#d.limits.answerDeadlineMs} ms${what}`), frame.id, frame.type);
    }, this.#d.limits.answerDeadlineMs);
    slot.timer.unref();
    return slot;
  }

  /** Sends a frame's answer unless its deadline already answered it. */
  #answer(slot: FrameSlot, payload: ServerFrame | string): void {
    if (slot.late) return;
    clearTimeout(slot.timer);
    if (typeof payload === 'string') this.sendRaw(payload);
    else this.#send(payload);
  }

  #bad(e: KefuError, id?: string): void {
    this.#badFrames++;
    this.#error(e, id);
    if (this.#badFrames >= this.#d.limits.maxBadFrames) this.close(1008, 'too many invalid frames');
  }

  async #handle(f: ClientFrame, started: number, slot: FrameSlot): Promise<void> {
    await checkFrame(this.#d.cache, this.#d.localNonces, { userId: this.userId, ts: f.ts, nonce: f.nonce, perSecond: this.#d.limits.ratePerUser });
    const now = Date.now();
    if (now - this.#lastPresence > PRESENCE_REFRESH_MS) this.#presence(now);
    switch (f.type) {
      case 'ping':
        this.#answer(slot, { type: 'pong', id: f.id, ts: now });
        return;
      case 'send': {
        const r = await this.#d.work.run('message', () => this.#d.conversations.send(this.#p, f, this.id));
        this.#answer(slot, r.ack);
        this.#d.metrics.messageLatency.observe((performance.now() - started) / 1000);
        return;
      }
      case 'sync': {
        const r = await this.#d.work.run('sync', () => this.#d.conversations.syncRaw(this.#p, f.conversationId, f.afterSeq, f.limit));
        // Spliced from the messages' JSON: a 500-message answer is not parsed and re-serialised.
        this.#answer(slot, `{"type":"history","id":${JSON.stringify(f.id)},"conversationId":${JSON.stringify(f.conversationId)},"messages":[${r.json.join(',')}],"hasMore":${r.hasMore}}`);
        return;
      }
      case 'read':
        await this.#d.work.run('other', () => this.#d.conversations.read(this.#p, f.conversationId, f.seq, this.id));
        return;
      case 'typing':
        await this.#typing(f.conversationId);
        return;
    }
  }

  /** Relayed to the other side only (a buyer's to the shop's consoles, staff's to the buyer), at most once per 2 s per user. */
  async #typing(conversationId: string): Promise<void> {
    const c = await this.#d.conversations.visible(this.#p, conversationId);
    const staff = this.staffShopId !== undefined;
    // Only the agent serving the buyer types to them: "an agent is typing" while the robot or the queue has the conversation, or from a colleague browsing it, misleads (found from outside).
    if (staff && (c.state !== 'assigned' || c.agentId !== this.userId)) throw new KefuError('FORBIDDEN', 'you do not hold this conversation: only its agent types to the buyer');
    const first = await this.#d.cache.setNX(keys.typing(this.userId, conversationId), '1', TYPING_INTERVAL_MS).catch(() => this.#d.localNonces.setNX(keys.typing(this.userId, conversationId), '1', TYPING_INTERVAL_MS));
    if (!first) return;
    this.#d.hub.emit(staff ? { userIds: [c.buyerId] } : { shopIds: [c.shopId] }, { type: 'typing', conversationId, userId: this.userId, role: staff ? 'agent' : 'customer' });
  }
}
