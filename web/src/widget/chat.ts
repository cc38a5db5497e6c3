/**
 * The buyer's side of one shop's chat, without any DOM: which conversation is shown, its
 * messages by `seq` (each once, in order, whatever arrives twice), what is still being sent, the
 * queue, typing, read marks and the rating. The UI (main.tsx) renders `store.state` and calls the
 * actions.
 *
 * Holding messages: `lastSeq` is the highest seq up to which every message is held. A pushed
 * message beyond `lastSeq + 1` (a gap) and every (re)connection sync from `lastSeq`, so a cut
 * connection loses nothing. Sends are queued and go one at a time with their `clientMsgId`; one
 * cut by a disconnect is sent again after reconnecting, and the server stores it once.
 */
import { api, ApiError, freshId } from '../shared/api.ts';
import { claimsOf } from '../shared/jwt.ts';
import { Live, type LiveStatus } from '../shared/live.ts';
import { Store } from '../shared/store.ts';
import { KefuRequestError, type ConversationRow, type ConversationState, type KefuClient, type MessageFrame, type PushedFrame, type WireContent } from '../shared/types.ts';

export interface Msg {
  key: string;
  seq?: number;
  clientMsgId?: string;
  sender: { role: string; id: string; name?: string };
  content: WireContent;
  ts: number;
  /** Not stored yet: `sending` (queued or in flight) or `failed` (refused: `error` says why). */
  pending?: 'sending' | 'failed';
  error?: string;
}

export interface Conv {
  id: string;
  state: ConversationState;
  queuePosition?: number;
  estimatedWaitSeconds?: number;
  /** 0: no agent is online yet. */
  agentsOnline?: number;
  agentName?: string;
}

interface QueueRow {
  state: ConversationState;
  queuePosition?: number;
  agentsOnline?: number;
  estimatedWaitSeconds?: number;
}

export interface ChatState {
  status: LiveStatus;
  everOnline: boolean;
  /** The token arrived and the first load finished. */
  ready: boolean;
  needToken: boolean;
  conv?: Conv;
  msgs: Msg[];
  /** Messages of the previous (closed) conversation, shown above a divider. */
  prior: Msg[];
  firstSeq: number;
  lastSeq: number;
  hasOlder: boolean;
  loadingOlder: boolean;
  agentTyping?: string;
  /** The other side's read mark in the shown conversation. */
  peerReadSeq: number;
  /** `checking`: asking the server whether another device rated it; `already`: a second try was refused. */
  rating: 'none' | 'checking' | 'ask' | 'sending' | 'done' | 'already';
  visible: boolean;
  unread: number;
}

const PAGE = 30;
const RATED_KEY = 'kefu.rated.';

const sortMsgs = (ms: Msg[]) =>
  ms.sort((a, b) => (a.seq === undefined ? (b.seq === undefined ? a.ts - b.ts : 1) : b.seq === undefined ? -1 : a.seq - b.seq));

export class Chat {
  readonly store = new Store<ChatState>({
    status: 'connecting', everOnline: false, ready: false, needToken: false, msgs: [], prior: [], firstSeq: 1, lastSeq: 0,
    hasOlder: false, loadingOlder: false, peerReadSeq: 0, rating: 'none', visible: false, unread: 0,
  });
  readonly shop: string;
  #token: string | undefined;
  #tokenWaiters: Array<(t: string) => void> = [];
  #me = '';
  #live: Live | undefined;
  #sending = false;
  #typingAt = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #syncing: Promise<void> | undefined;
  #readSent = 0;
  readonly #askToken: () => void;
  readonly #onUnread: (n: number) => void;

  constructor(shop: string, hooks: { askToken(): void; onUnread(n: number): void }) {
    this.shop = shop;
    this.#askToken = hooks.askToken;
    this.#onUnread = hooks.onUnread;
  }

  get me(): string {
    return this.#me;
  }

  /** A token from the page (setToken or data-token-url); the first one starts the chat. */
  setToken(token: string): void {
    this.#token = token;
    this.#me = claimsOf(token)?.sub ?? '';
    this.store.set({ needToken: false });
    for (const w of this.#tokenWaiters.splice(0)) w(token);
    if (!this.#live) {
      this.#live = new Live({
        url: location.origin,
        device: 'web',
        getToken: (fresh) => this.#getToken(fresh),
        onStatus: (status) => this.store.set((s) => ({ status, everOnline: s.everOnline || status === 'online' })),
        onFrame: (f, c) => this.#onFrame(f, c),
        onOpen: (c) => this.#onOpen(c),
        onResync: (c) => void this.#sync(c),
      });
      this.#live.start();
    }
  }

  /**
   * The token to connect with. A fresh one is asked of the page; without an answer within 8 s
   * (the page's token URL is unreachable) the old one is tried again, or the attempt fails and
   * the connection's backoff retries, asking again.
   */
  #getToken(fresh: boolean): Promise<string> {
    if (this.#token && !fresh) return Promise.resolve(this.#token);
    this.store.set({ needToken: !this.#token });
    this.#askToken();
    return new Promise((resolve, reject) => {
      const waiter = (t: string) => (clearTimeout(timer), resolve(t));
      const timer = setTimeout(() => {
        this.#tokenWaiters = this.#tokenWaiters.filter((w) => w !== waiter);
        if (this.#token) resolve(this.#token);
        else reject(new Error('no token from the page'));
      }, 8000);
      this.#tokenWaiters.push(waiter);
    });
  }

  setVisible(visible: boolean): void {
    this.store.set({ visible, ...(visible ? { unread: 0 } : {}) });
    if (visible) {
      this.#onUnread(0);
      this.markRead();
    }
  }

  /** After every (re)connection: the current conversation from REST, then everything after lastSeq. */
  async #onOpen(client: KefuClient): Promise<void> {
    const token = await this.#getToken(false);
    const { conversations } = await api<{ conversations: ConversationRow[] }>(token, 'GET', '/conversations?limit=50');
    const mine = conversations.find((c) => c.shopId === this.shop);
    const s = this.store.state;
    if (mine && mine.conversationId !== s.conv?.id) this.#adopt(mine.conversationId, mine.state, mine.lastSeq);
    else if (mine && s.conv) this.#applyState({ ...s.conv, state: mine.state, ...(mine.state === s.conv.state ? {} : { queuePosition: undefined, estimatedWaitSeconds: undefined, agentsOnline: undefined }) });
    // Who holds it now, not who wrote last (found from outside: a reload after a transfer back named the other agent).
    if (mine && this.store.state.conv?.id === mine.conversationId) this.#applyState({ ...this.store.state.conv, agentName: mine.state === 'assigned' ? mine.agentName : undefined });
    void this.#readQueue(token);
    await this.#sync(client);
    this.store.set({ ready: true });
    void this.#flush();
  }

  /** Shows another conversation: the previous one's messages move above a divider. */
  #adopt(id: string, state: ConversationState, lastSeq?: number): void {
    const s = this.store.state;
    const start = lastSeq === undefined ? 0 : Math.max(0, lastSeq - PAGE);
    const pending = s.msgs.filter((m) => m.pending);
    this.#readSent = 0;
    this.store.set({
      conv: { id, state },
      prior: s.conv ? [...s.prior, ...s.msgs.filter((m) => !m.pending)].slice(-100) : s.prior,
      msgs: pending,
      firstSeq: start + 1,
      lastSeq: start,
      hasOlder: start > 0,
      peerReadSeq: 0,
      agentTyping: undefined,
      rating: this.#ratingFor(id, state),
    });
  }

  #ratingFor(id: string, state: ConversationState): ChatState['rating'] {
    if (state !== 'closed') return 'none';
    if (localStorage.getItem(RATED_KEY + id)) return 'done';
    void this.#checkRated(id);
    return 'checking';
  }

  /** This device does not know: the buyer may have rated on another one (GET …/rating). */
  async #checkRated(id: string): Promise<void> {
    const rated = await this.#ratedOnServer(id);
    if (this.store.state.conv?.id !== id || this.store.state.rating !== 'checking') return;
    if (rated > 0) localStorage.setItem(RATED_KEY + id, String(rated));
    // -1: no person served this conversation, so there is nothing to rate and no form.
    this.store.set({ rating: rated > 0 ? 'done' : rated < 0 ? 'none' : 'ask' });
  }

  /** The stored score; 0 when there is none, or when it cannot be told (the form is offered; a second rating is refused anyway); -1 when it cannot be rated. */
  async #ratedOnServer(id: string): Promise<number> {
    if (!this.#token) return 0;
    try {
      const r = await api<{ rated: boolean; score?: number; ratable?: boolean }>(this.#token, 'GET', `/conversations/${encodeURIComponent(id)}/rating`);
      return r.rated ? (r.score ?? 1) : r.ratable === false ? -1 : 0;
    } catch {
      return 0;
    }
  }

  /**
   * Queued: the position read on every (re)connection, since the frames sent while this device was
   * away or not yet open are not sent again (found from outside: a second device never learnt it;
   * in review: a reconnect kept the old one). Not awaited: history and unsent messages do not wait
   * for it. A `conversation` frame that arrives meanwhile wins. Best effort: the banner says "queued".
   */
  async #readQueue(token: string): Promise<void> {
    const conv = this.store.state.conv;
    if (conv?.state !== 'queued') return;
    const seen = this.#convFrames;
    try {
      const q = await api<QueueRow>(token, 'GET', `/conversations/${encodeURIComponent(conv.id)}/queue`);
      const now = this.store.state.conv;
      if (now?.id !== conv.id || now.state !== 'queued' || this.#convFrames !== seen || q.state !== 'queued') return;
      this.#applyState({ ...now, queuePosition: q.queuePosition, agentsOnline: q.agentsOnline, estimatedWaitSeconds: q.estimatedWaitSeconds });
    } catch {
      // The banner keeps what it had; the next change brings the position.
    }
  }

  /** `conversation` frames received, so a REST read started before one does not overwrite it. */
  #convFrames = 0;

  #applyState(conv: Conv): void {
    this.store.set({ conv, rating: this.#ratingFor(conv.id, conv.state), ...(conv.state === 'closed' ? { agentTyping: undefined } : {}) });
  }

  /** Fetches everything after lastSeq (one sync at a time; a second caller waits for it, then runs). */
  async #sync(client: KefuClient): Promise<void> {
    while (this.#syncing) await this.#syncing;
    const conv = this.store.state.conv;
    if (!conv) return;
    this.#syncing = (async () => {
      const messages = await client.syncAll(conv.id, this.store.state.lastSeq);
      if (this.store.state.conv?.id === conv.id) this.#insert(messages);
    })().finally(() => (this.#syncing = undefined));
    await this.#syncing;
  }

  #insert(frames: MessageFrame[]): void {
    if (frames.length === 0) return;
    const s = this.store.state;
    const bySeq = new Map<number, Msg>();
    for (const m of s.msgs) if (m.seq !== undefined) bySeq.set(m.seq, m);
    const pending = s.msgs.filter((m) => m.seq === undefined);
    let fresh = 0;
    for (const f of frames) {
      if (f.seq < s.firstSeq || bySeq.has(f.seq)) continue;
      const i = f.clientMsgId ? pending.findIndex((p) => p.clientMsgId === f.clientMsgId) : -1;
      if (i >= 0) pending.splice(i, 1);
      bySeq.set(f.seq, { key: `s${f.seq}`, seq: f.seq, ...(f.clientMsgId ? { clientMsgId: f.clientMsgId } : {}), sender: f.sender, content: f.content as WireContent, ts: f.ts });
      if (f.sender.id !== this.#me && f.sender.role !== 'customer') fresh++;
    }
    let last = s.lastSeq;
    while (bySeq.has(last + 1)) last++;
    const unread = s.visible ? 0 : s.unread + fresh;
    this.store.set({ msgs: sortMsgs([...bySeq.values(), ...pending]), lastSeq: last, unread });
    if (!s.visible && fresh) this.#onUnread(unread);
    if (s.visible) this.markRead();
  }

  #onFrame(f: PushedFrame, client: KefuClient): void {
    if (!('shopId' in f) && f.type !== 'typing' && f.type !== 'read') return;
    if ('shopId' in f && f.shopId !== this.shop) return;
    const conv = this.store.state.conv;
    if (f.type === 'conversation') {
      this.#convFrames++;
      if (f.conversationId !== conv?.id) {
        if (conv && conv.state !== 'closed' && f.state === 'closed') return;
        this.#adopt(f.conversationId, f.state);
        void this.#sync(client);
      }
      const { type: _t, shopId: _s, conversationId: id, ...rest } = f;
      this.#applyState({ id, ...rest, ...(f.state === 'assigned' ? {} : { agentName: undefined }) });
      return;
    }
    if (!conv || !('conversationId' in f) || f.conversationId !== conv.id) return;
    if (f.type === 'message') {
      if (f.sender.role === 'agent') this.store.set({ agentTyping: undefined });
      if (f.seq > this.store.state.lastSeq + 1) void this.#sync(client);
      else this.#insert([f]);
    } else if (f.type === 'typing' && f.role !== 'customer') {
      clearTimeout(this.#typingTimer);
      this.store.set({ agentTyping: conv.agentName ?? '' });
      this.#typingTimer = setTimeout(() => this.store.set({ agentTyping: undefined }), 4000);
    } else if (f.type === 'read' && f.userId !== this.#me) {
      this.store.set((s) => ({ peerReadSeq: Math.max(s.peerReadSeq, f.seq) }));
    }
  }

  /** Queues a message; it is sent now, or after reconnecting. */
  send(content: WireContent): void {
    if (content.kind === 'text' && !content.text.trim()) return;
    const clientMsgId = freshId('w');
    const msg: Msg = { key: clientMsgId, clientMsgId, sender: { role: 'customer', id: this.#me }, content, ts: Date.now(), pending: 'sending' };
    this.store.set((s) => ({ msgs: [...s.msgs, msg] }));
    void this.#flush();
  }

  retry(key: string): void {
    this.store.set((s) => ({ msgs: s.msgs.map((m) => (m.key === key ? { ...m, pending: 'sending' as const, error: undefined } : m)) }));
    void this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#sending) return;
    this.#sending = true;
    try {
      for (;;) {
        const client = this.#live?.client;
        const next = this.store.state.msgs.find((m) => m.pending === 'sending');
        if (!client || !next) return;
        if (!(await this.#sendOne(client, next))) return;
      }
    } finally {
      this.#sending = false;
    }
  }

  /** False when the connection dropped (the message stays queued for the next connection). */
  async #sendOne(client: KefuClient, m: Msg): Promise<boolean> {
    try {
      const ack = await client.send({ shopId: this.shop, clientMsgId: m.clientMsgId!, content: m.content as never });
      if (ack.conversationId !== this.store.state.conv?.id) this.#adopt(ack.conversationId, 'bot');
      // The stored text when it differs from the typed one (sensitive words masked).
      this.#insert([{ type: 'message', conversationId: ack.conversationId, shopId: this.shop, seq: ack.seq, clientMsgId: m.clientMsgId!, sender: m.sender as MessageFrame['sender'], content: (ack.content ?? m.content) as never, ts: ack.ts }]);
      if (this.store.state.lastSeq < ack.seq - 1) void this.#sync(client);
      return true;
    } catch (e) {
      if (e instanceof KefuRequestError && (e.code === 'CLOSED' || e.code === 'TIMEOUT' || e.code === 'UNAVAILABLE')) return false;
      const error = e instanceof Error ? e.message : String(e);
      this.store.set((s) => ({ msgs: s.msgs.map((x) => (x.key === m.key ? { ...x, pending: 'failed' as const, error } : x)) }));
      return true;
    }
  }

  /** "I am typing", at most every 2 s (the server passes on no more than that anyway). */
  typing(): void {
    const conv = this.store.state.conv;
    const client = this.#live?.client;
    if (!conv || conv.state === 'closed' || !client || Date.now() - this.#typingAt < 2000) return;
    this.#typingAt = Date.now();
    client.typing(conv.id);
  }

  markRead(): void {
    const s = this.store.state;
    const client = this.#live?.client;
    if (!s.conv || !client || !s.visible || s.lastSeq <= this.#readSent || document.visibilityState !== 'visible') return;
    this.#readSent = s.lastSeq;
    client.read(s.conv.id, s.lastSeq);
  }

  async loadOlder(): Promise<void> {
    const s = this.store.state;
    const client = this.#live?.client;
    if (!s.conv || !client || !s.hasOlder || s.loadingOlder) return;
    this.store.set({ loadingOlder: true });
    const from = Math.max(0, s.firstSeq - 1 - PAGE);
    try {
      const { messages } = await client.sync(s.conv.id, from, s.firstSeq - 1 - from);
      if (this.store.state.conv?.id !== s.conv.id) return;
      const older: Msg[] = messages.map((f) => ({ key: `s${f.seq}`, seq: f.seq, sender: f.sender, content: f.content as WireContent, ts: f.ts }));
      this.store.set((x) => ({ msgs: sortMsgs([...older, ...x.msgs]), firstSeq: from + 1, hasOlder: from > 0 }));
    } finally {
      this.store.set({ loadingOlder: false });
    }
  }

  async rate(score: number, comment = ''): Promise<void> {
    const conv = this.store.state.conv;
    if (!conv || !this.#token) return;
    this.store.set({ rating: 'sending' });
    const said = comment.trim();
    try {
      await api(this.#token, 'POST', `/conversations/${encodeURIComponent(conv.id)}/rating`, { body: { score, ...(said ? { comment: said } : {}) } });
    } catch (e) {
      // Refused as a second rating (given on another device): say so, never thank for a score that was not stored.
      const stored = e instanceof ApiError && e.status === 409 ? await this.#ratedOnServer(conv.id) : 0;
      if (stored > 0) localStorage.setItem(RATED_KEY + conv.id, String(stored));
      // -1: nobody served it, there is nothing to rate (the form goes).
      this.store.set({ rating: stored > 0 ? 'already' : stored < 0 ? 'none' : 'ask' });
      return;
    }
    localStorage.setItem(RATED_KEY + conv.id, String(score));
    this.store.set({ rating: 'done' });
  }
}
