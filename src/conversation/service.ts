/**
 * Conversations: who may write where, durable storage with gap-free seq, and what follows a
 * commit, in this order: the frames go to an EventSink (the gateway's hub: every device of the
 * buyer, every console of the shop), the hot-history cache is updated (its failure never fails a
 * send), and a typed event is published on the ConversationEventBus (events.ts) for the modules
 * that react (the robot's responder; routing and commands). Each mutation is check, then do,
 * then notify: nothing is published for a change that did not commit.
 * Every message goes through the group-commit writer (writer.ts): alone when the node is quiet,
 * in a shared statement and commit when it is busy; either way its ack waits for its commit.
 */
import type { Logger } from 'pino';
import type { Principal } from '../auth/principal.ts';
import { KefuError } from '../protocol/errors.ts';
import type { Content, ConversationState, MessageFrame, SendFrame, ServerFrame } from '../protocol/frames.ts';
import { typedTextOf } from '../protocol/frames.ts';
import type { Cache, SqlStore } from '../storage/ports.ts';
import type { Metrics } from '../ops/metrics.ts';
import * as repo from './repository.ts';
import { awaitsRobotReply, HistoryWriter, readHistoryRaw, SyncFrameCache } from './history.ts';
import { MessageWriter } from './writer.ts';
import type { BatcherOptions } from '../ops/batcher.ts';
import type { ConversationEventBus } from './events.ts';
import { SYNC_DEFAULT_LIMIT, SYNC_MAX_LIMIT } from '../protocol/conversation.ts';

export interface Targets {
  userIds?: readonly string[];
  shopIds?: readonly string[];
}

/** Where committed events go: every device of the named users and every console of the shops. */
export interface EventSink {
  emit(targets: Targets, frame: ServerFrame, opts?: { exceptConnection?: string }): void;
}

/** Content policy applied before storage (sensitive words); may rewrite or refuse. */
export interface ContentPolicy {
  /** `buyerTexts`: for an agent's text, the buyer's latest texts in the conversation, read only when needed (their own contact said back). */
  inbound(shopId: string, role: 'customer' | 'agent', content: Content, buyerTexts?: () => Promise<string[]>): Content | Promise<Content>;
}

export interface SendResult {
  ack: Extract<ServerFrame, { type: 'ack' }>;
  message: MessageFrame;
  duplicate: boolean;
  state: ConversationState;
}

const isStaff = (p: Principal) => p.roles.has('agent') || p.roles.has('admin');
// One wording each, whichever path refuses: a client must not tell the cases apart.
const noConversation = () => new KefuError('NOT_FOUND', 'no such conversation');
const noOpenConversation = () => new KefuError('NOT_FOUND', 'no such open conversation');
const noShop = () => new KefuError('FORBIDDEN', 'token has no shop');
/** Thrown inside closeWithNotice's transaction to roll the notice back when the caller's expectation fails. */
const NOT_AS_EXPECTED = Symbol('not as expected');

export class ConversationService {
  readonly #sql: SqlStore;
  readonly #cache: Cache;
  readonly #sink: EventSink;
  readonly #metrics: Metrics;
  readonly #log: Logger;
  readonly #policy: ContentPolicy | undefined;
  readonly #events: ConversationEventBus;
  /** shopId|buyerId → open conversation id; a stale entry is detected by the append guard. */
  readonly #openIds = new Map<string, string>();
  readonly #writer: MessageWriter;
  readonly #frames = new SyncFrameCache();
  readonly #history: HistoryWriter;
  /** The robot answers buyers here: their messages wait for its reply to go to the hot history with it. */
  readonly #robotOn: boolean;
  readonly #replyTimeoutMs: number | undefined;

  constructor(deps: {
    sql: SqlStore;
    cache: Cache;
    sink: EventSink;
    events: ConversationEventBus;
    metrics: Metrics;
    log: Logger;
    policy?: ContentPolicy;
    writer?: BatcherOptions;
    historyHoldMs?: number;
    robotOn?: boolean;
    /** KEFU_AGENT_REPLY_TIMEOUT_S: what `replyBy` is counted from (routing acts on it). Absent: no `replyBy`. */
    replyTimeoutMs?: number;
  }) {
    this.#sql = deps.sql;
    this.#writer = new MessageWriter(deps.sql.db, deps.writer);
    this.#cache = deps.cache;
    this.#sink = deps.sink;
    this.#metrics = deps.metrics;
    this.#log = deps.log;
    this.#policy = deps.policy;
    this.#events = deps.events;
    this.#robotOn = deps.robotOn ?? false;
    this.#replyTimeoutMs = deps.replyTimeoutMs;
    this.#history = new HistoryWriter(deps.cache, (e, conversationId) => this.#log.warn({ err: (e as Error).message, conversationId }, 'hot history write failed; sync will read PostgreSQL'), deps.historyHoldMs);
  }

  /** Writes the hot-history entries still held (shutdown). */
  flushHistory(): Promise<void> {
    return this.#history.flush();
  }

  /** A buyer or staff message from a client frame. */
  async send(p: Principal, f: Pick<SendFrame, 'id' | 'shopId' | 'conversationId' | 'clientMsgId' | 'content'>, connectionId?: string): Promise<SendResult> {
    if (p.roles.has('customer') && !isStaff(p)) return this.#sendAsBuyer(p, f, connectionId);
    if (isStaff(p)) return this.#sendAsStaff(p, f, connectionId);
    throw new KefuError('FORBIDDEN', 'only buyers and agents send messages');
  }

  async #sendAsBuyer(p: Principal, f: Pick<SendFrame, 'id' | 'shopId' | 'conversationId' | 'clientMsgId' | 'content'>, connectionId?: string): Promise<SendResult> {
    const sender: repo.Sender = { role: 'customer', id: p.userId, name: p.name };
    if (f.conversationId && !f.shopId) {
      // The shop's word list applies, so find the shop first (NOT_FOUND for someone else's).
      const c = await this.visible(p, f.conversationId);
      const content = this.#policy ? await this.#policy.inbound(c.shopId, 'customer', f.content) : f.content;
      const r = await this.#writer.append({ conversationId: f.conversationId, sender, clientMsgId: f.clientMsgId, content, guard: { buyerId: p.userId } });
      if (!r.ok) throw noOpenConversation();
      return this.#afterStore(f, content, r, connectionId);
    }
    if (!f.shopId) throw new KefuError('BAD_REQUEST', 'shopId: a buyer names the shop');
    const content = this.#policy ? await this.#policy.inbound(f.shopId, 'customer', f.content) : f.content;
    const cacheKey = `${f.shopId}|${p.userId}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      const known = this.#openIds.get(cacheKey);
      // Not known on this node: the statement that stores the message finds or opens the conversation.
      const r = await this.#writer.append(
        known
          ? { conversationId: known, sender, clientMsgId: f.clientMsgId, content, guard: { buyerId: p.userId, shopId: f.shopId } }
          : { open: { shopId: f.shopId, buyerId: p.userId, buyerName: p.name }, sender, clientMsgId: f.clientMsgId, content },
      );
      if (!r.ok) {
        // Closed since we cached it (for example by an agent on another node): open a new one.
        this.#openIds.delete(cacheKey);
        continue;
      }
      const convId = r.message.conversationId;
      // A resend may name a conversation closed since: only a stored message makes it the buyer's open one.
      if (!known && !r.duplicate) this.#remember(cacheKey, convId);
      if (r.created) {
        this.#sink.emit({ userIds: [p.userId], shopIds: [f.shopId] }, { type: 'conversation', conversationId: convId, shopId: f.shopId, state: 'bot', stateVersion: 0 });
        this.#events.publish('conversationOpened', { shopId: f.shopId, conversationId: convId, buyerId: p.userId });
      }
      return this.#afterStore(f, content, r, connectionId);
    }
    throw new KefuError('UNAVAILABLE', 'could not open a conversation, retry');
  }

  #remember(cacheKey: string, conversationId: string): void {
    this.#openIds.set(cacheKey, conversationId);
    if (this.#openIds.size > 100_000) this.#openIds.delete(this.#openIds.keys().next().value!);
  }

  async #sendAsStaff(p: Principal, f: Pick<SendFrame, 'id' | 'shopId' | 'conversationId' | 'clientMsgId' | 'content'>, connectionId?: string): Promise<SendResult> {
    if (!f.conversationId) throw new KefuError('BAD_REQUEST', 'conversationId: an agent names the conversation');
    if (!p.shopId) throw noShop();
    // Only the holder speaks for the shop: another shop's conversation does not exist for this
    // agent, and one of their own shop that they do not hold must be accepted first.
    const c = await repo.getConversation(this.#sql.db, f.conversationId);
    if (!c || c.shopId !== p.shopId) throw noConversation();
    if (c.state !== 'assigned' || c.agentId !== p.userId) throw new KefuError('FORBIDDEN', 'you do not hold this conversation: accept it first');
    const content = this.#policy ? await this.#policy.inbound(p.shopId, 'agent', f.content, () => repo.lastCustomerTexts(this.#sql.db, c.id)) : f.content;
    const sender: repo.Sender = { role: 'agent', id: p.userId, name: p.name };
    const r = await this.#writer.append({ conversationId: f.conversationId, sender, clientMsgId: f.clientMsgId, content, guard: { shopId: p.shopId } });
    if (!r.ok) throw noOpenConversation();
    return this.#afterStore(f, content, r, connectionId, p.shopId);
  }

  /** `staffShop`: the shop a staff sender speaks for; a buyer's clientMsgId is theirs in every shop. */
  #afterStore(f: SentFields, content: Content, r: Extract<repo.AppendResult, { ok: true }>, connectionId?: string, staffShop?: string): SendResult {
    const m = r.message;
    // A clientMsgId names one message of its sender: used again for another one (another shop or
    // conversation, other words), acking the stored one would tell the sender a message was
    // stored that never was (found from outside: a client numbering per conversation lost them).
    if (r.duplicate && !sameMessage(f, content, m)) {
      // Staff ids are the shop's: the same id in another shop may be someone else, whose conversation is not named (found from outside).
      const where = staffShop === undefined || m.shopId === staffShop ? ` (in ${m.conversationId})` : '';
      throw new KefuError('BAD_FRAME', `clientMsgId: ${JSON.stringify(f.clientMsgId)} already names another message of yours${where}; send this one with a new clientMsgId`);
    }
    // The sending device shows what it typed; when the stored text differs (sensitive words
    // masked), the ack carries it, so that device shows what everyone else sees.
    const masked = m.content.kind === 'text' && f.content.kind === 'text' && m.content.text !== f.content.text;
    // Line breaks of other kinds stored as "\n" are a change too: the device still shows its own (found from outside).
    const changed = masked || (m.content.kind === 'text' && typedTextOf(f) !== undefined);
    const ack = { type: 'ack' as const, id: f.id, clientMsgId: f.clientMsgId, conversationId: m.conversationId, seq: m.seq, ts: m.ts, ...(changed ? { content: m.content } : {}) };
    if (!r.duplicate) this.#stored(r, connectionId, masked && f.content.kind === 'text' ? f.content.text : undefined);
    return { ack, message: m, duplicate: r.duplicate, state: r.state };
  }

  /** After a new message committed: fan-out, hot history, the event; none can undo or fail it. */
  #stored(r: Extract<repo.AppendResult, { ok: true }>, exceptConnection?: string, typedText?: string): void {
    const m = r.message;
    this.#metrics.messages.inc({ role: m.sender.role });
    this.#sink.emit({ userIds: [r.buyerId], shopIds: [m.shopId] }, m, exceptConnection ? { exceptConnection } : undefined);
    this.#history.add(m, awaitsRobotReply(m, r.state, this.#robotOn));
    this.#events.publish('messageStored', { shopId: m.shopId, conversationId: m.conversationId, buyerId: r.buyerId, message: m, senderRole: m.sender.role, state: r.state, ...(typedText !== undefined ? { typedText } : {}) });
  }

  /**
   * Stores a message from the robot or the system (no clientMsgId) and fans it out. Undefined
   * when it was not stored: the conversation is closed, or not in `guard.state`.
   */
  async postAs(conversationId: string, sender: repo.Sender, content: Content, guard?: { state: ConversationState }): Promise<MessageFrame | undefined> {
    const r = await this.#writer.append({ conversationId, sender, clientMsgId: undefined, content, ...(guard ? { guard } : {}) });
    if (!r.ok) return undefined;
    this.#stored(r);
    return r.message;
  }

  /** The conversation if this principal may see it; NOT_FOUND otherwise (never revealing it exists). */
  async visible(p: Principal, conversationId: string): Promise<repo.ConversationRow> {
    const c = await repo.getConversation(this.#sql.db, conversationId);
    if (!c) throw noConversation();
    if (c.buyerId === p.userId && p.roles.has('customer')) return c;
    if (isStaff(p) && p.shopId === c.shopId) return c;
    throw noConversation();
  }

  /** The messages after `afterSeq`, oldest first (REST). */
  async sync(p: Principal, conversationId: string, afterSeq: number, limit = SYNC_DEFAULT_LIMIT): Promise<{ messages: MessageFrame[]; hasMore: boolean }> {
    const r = await this.#range(p, conversationId, afterSeq, limit);
    return { messages: r.rows ?? (r.cached ?? []).map((s) => JSON.parse(s) as MessageFrame), hasMore: r.hasMore };
  }

  /**
   * The same as MessageFrame JSON strings: the gateway splices them into its `history` frame as
   * they are, so cached messages are never parsed and serialised again.
   */
  async syncRaw(p: Principal, conversationId: string, afterSeq: number, limit = SYNC_DEFAULT_LIMIT): Promise<{ json: string[]; hasMore: boolean }> {
    const r = await this.#range(p, conversationId, afterSeq, limit);
    // One chunk: the caller joins the chunks with commas, and this one is joined already.
    if (r.frame) return { json: [(r.frame.joined ??= r.frame.json.join(','))], hasMore: r.hasMore };
    return { json: r.rows?.map((m) => JSON.stringify(m)) ?? r.cached ?? [], hasMore: r.hasMore };
  }

  /** From the hot history when it holds the whole range (as cached strings), else PostgreSQL (rows). */
  async #range(p: Principal, conversationId: string, afterSeq: number, limit: number): Promise<{ hasMore: boolean; cached?: string[]; rows?: MessageFrame[]; frame?: { json: string[]; joined?: string } }> {
    const c = await this.visible(p, conversationId);
    const n = Math.min(Math.max(1, limit), SYNC_MAX_LIMIT);
    const to = Math.min(c.lastSeq, afterSeq + n);
    if (to <= afterSeq) return { cached: [], hasMore: false };
    const hasMore = to < c.lastSeq;
    const frame = this.#frames.get(conversationId, afterSeq, to, c.lastSeq);
    if (frame) return { cached: frame.json, frame, hasMore };
    let cached: string[] | undefined;
    try {
      cached = await readHistoryRaw(this.#cache, conversationId, afterSeq, to, c.lastSeq);
    } catch (e) {
      this.#log.warn({ err: (e as Error).message }, 'hot history read failed; reading PostgreSQL');
    }
    if (cached) {
      this.#frames.set(conversationId, afterSeq, to, c.lastSeq, cached);
      return { cached, hasMore };
    }
    this.#metrics.cacheFallbacks.inc({ op: 'sync' });
    return { rows: await repo.listMessages(this.#sql.db, conversationId, afterSeq, to - afterSeq), hasMore };
  }

  async read(p: Principal, conversationId: string, seq: number, exceptConnection?: string): Promise<number> {
    const c = await this.visible(p, conversationId);
    const mark = await repo.markRead(this.#sql.db, conversationId, p.userId, Math.min(seq, c.lastSeq));
    // Staff devices are reached through the shop channel already. The buyer sees only the serving
    // agent's read mark: a colleague or an admin browsing the conversation read nothing for them (found from outside).
    const holder = c.state === 'assigned' && c.agentId === p.userId;
    const userIds = isStaff(p) ? (holder ? [c.buyerId] : []) : [c.buyerId, p.userId];
    this.#sink.emit({ userIds, shopIds: [c.shopId] }, { type: 'read', conversationId, seq: mark, userId: p.userId }, exceptConnection ? { exceptConnection } : undefined);
    return mark;
  }

  /**
   * Moves the conversation to another state (and holder) when the lifecycle allows it
   * (`NEXT_STATES`, narrowed by `expect`); undefined when it does not exist or the move is not
   * allowed (it was closed, or is no longer where `expect` says).
   */
  async setState(conversationId: string, patch: repo.StatePatch, expect?: repo.MoveExpectation): Promise<repo.StateChange | undefined> {
    // Joining the queue happens under the shop's queue lock, so its order is the commit order.
    const c = patch.state === 'queued'
      ? await this.#sql.transaction(async (tx) => {
          await repo.lockQueueOf(tx, conversationId);
          return repo.setState(tx, conversationId, patch, expect);
        })
      : await repo.setState(this.#sql.db, conversationId, patch, expect);
    if (c) this.announce([c]);
    return c;
  }

  /** Raises a queued conversation's priority (never lowers it); false when it is not queued. */
  async raiseQueuePriority(conversationId: string, priority: number): Promise<boolean> {
    // Under the shop's queue lock, like every move of the queue: a routing pass sees it before or after, whole.
    return this.#sql.transaction(async (tx) => {
      await repo.lockQueueOf(tx, conversationId);
      return repo.raiseQueuePriority(tx, conversationId, priority);
    });
  }

  /**
   * Stores a last message (the rating request) and closes the conversation in ONE transaction:
   * no buyer message can land between the two (it waits for the row, then finds the
   * conversation closed and goes to a new one), and a conversation closed already gets no
   * notice. Undefined when it was closed already (or does not exist), or when `expect` refused
   * the move (then no notice either).
   */
  async closeWithNotice(conversationId: string, sender: repo.Sender, notice: Content, expect?: repo.MoveExpectation): Promise<repo.StateChange | undefined> {
    const done = await this.#sql.transaction(async (tx) => {
      const stored = await repo.appendMessage(tx, conversationId, sender, undefined, notice);
      if (!stored.ok) return undefined;
      // The append holds the row and saw it open, so only the caller's expectation can refuse the move;
      // then the notice goes too (nothing half-written).
      const closed = await repo.setState(tx, conversationId, { state: 'closed' }, expect);
      if (!closed && expect) throw NOT_AS_EXPECTED;
      if (!closed) throw new KefuError('CONFLICT', 'the conversation is closed already');
      return { stored, closed };
    }).catch((e: unknown) => {
      if (e === NOT_AS_EXPECTED) return undefined;
      throw e;
    });
    if (!done) return undefined;
    this.#stored(done.stored);
    this.announce([done.closed]);
    return done.closed;
  }

  /**
   * What follows committed state changes: the `conversation` frame to the buyer's devices and
   * the shop's consoles, then the events. Another module that moved conversations inside its own
   * transaction (routing assigns several at once) calls this after its commit.
   */
  announce(changes: readonly repo.StateChange[]): void {
    for (const c of changes) {
      if (c.state === 'closed') this.#openIds.delete(`${c.shopId}|${c.buyerId}`);
      const holder = c.state === 'assigned' && c.agentId ? { agentId: c.agentId, ...(c.agentName ? { agentName: c.agentName } : {}) } : {};
      const frame = { type: 'conversation' as const, conversationId: c.id, shopId: c.shopId, state: c.state, stateVersion: c.stateVersion, ...holder };
      const replyBy = this.replyBy(c);
      // The reply deadline goes to the shop's consoles only: the buyer's devices get the frame without it (found in review).
      if (!replyBy) this.#sink.emit({ userIds: [c.buyerId], shopIds: [c.shopId] }, frame);
      else {
        this.#sink.emit({ userIds: [c.buyerId] }, frame);
        this.#sink.emit({ shopIds: [c.shopId] }, { ...frame, replyBy });
      }
      const base = { shopId: c.shopId, conversationId: c.id, buyerId: c.buyerId };
      this.#events.publish('stateChanged', { ...base, from: c.previous, to: c.state, agentId: c.agentId, previousAgentId: c.previousAgentId });
      if (c.state === 'closed') this.#events.publish('conversationClosed', { ...base, agentId: c.previousAgentId });
    }
  }

  /**
   * While the holder has not answered since the conversation was assigned to them: the time by
   * which they must, or routing gives it to another agent (ISO 8601, by this node's clock, as the
   * timer's start; routing acts on it at its next tick).
   */
  replyBy(c: Pick<repo.ConversationRow, 'state' | 'awaitingReplySince'>): string | undefined {
    if (c.state !== 'assigned' || !c.awaitingReplySince || this.#replyTimeoutMs === undefined) return undefined;
    return new Date(c.awaitingReplySince.getTime() + this.#replyTimeoutMs).toISOString();
  }

  /** Whether the user is a buyer of the shop (has had a conversation with it). */
  hasBuyer(shopId: string, userId: string): Promise<boolean> {
    return repo.hasBuyer(this.#sql.db, shopId, userId);
  }

  /** Conversations waiting for a human, per shop. */
  backlogByShop(): Promise<Map<string, number>> {
    return repo.queuedByShop(this.#sql.db);
  }

  /** `buyerId`: staff only (a buyer's list is always their own). */
  async list(p: Principal, opts: { state?: ConversationState; limit: number; before?: Date; mine?: boolean; buyerId?: string }): Promise<repo.ListedConversation[]> {
    const { mine, buyerId, ...filter } = opts;
    if (isStaff(p)) {
      if (!p.shopId) throw noShop();
      return repo.listConversations(this.#sql.db, { shopId: p.shopId, ...filter, queueOrder: true, ...(mine ? { agentId: p.userId } : {}), ...(buyerId ? { buyerId } : {}) });
    }
    if (p.roles.has('customer')) return repo.listConversations(this.#sql.db, { buyerId: p.userId, ...filter });
    throw new KefuError('FORBIDDEN', 'no role that can list conversations');
  }
}

type SentFields = Pick<SendFrame, 'id' | 'clientMsgId' | 'content' | 'shopId' | 'conversationId'>;

/** Whether a resend is the message stored under its clientMsgId: same place, same content. */
function sameMessage(f: SentFields, content: Content, stored: MessageFrame): boolean {
  // A buyer naming the shop resends to whichever conversation took it (it may be closed by now).
  const place = f.shopId ? stored.shopId === f.shopId : stored.conversationId === f.conversationId;
  const c = stored.content;
  return place && c.kind === content.kind && (c.kind === 'text' ? c.text === (content as { text: string }).text : c.url === (content as { url: string }).url);
}
