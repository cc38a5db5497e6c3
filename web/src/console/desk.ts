/**
 * The agent console's state and actions, without DOM: the queue and the agent's conversations
 * (REST lists, kept current by `conversation` and `message` frames), the open conversation's
 * messages by `seq` and its notes, unread counts, typing, the agent's status, the buyer panel and
 * commands. Every console of one agent gets the same frames (and `read` frames of each other), so
 * several consoles stay in step without talking to each other.
 */
import { api, ApiError, freshId } from '../shared/api.ts';
import { Live, type LiveStatus } from '../shared/live.ts';
import { Store } from '../shared/store.ts';
import { t } from './i18n.ts';
import { inQueueOrder } from './queue.ts';
import type { Session } from '../shared/session.tsx';
import type { ConversationRow, KefuClient, MessageFrame, NoteFrame, PushedFrame } from '../shared/types.ts';

export interface Note {
  noteId: string;
  conversationId: string;
  author: { id: string; name?: string };
  text: string;
  ts: number;
}

export interface Agent {
  agentId: string;
  name?: string;
  status: 'online' | 'away' | 'offline';
  capacity: number;
  active: number;
  connected: boolean;
}

export interface Command {
  commandId: string;
  commandType: string;
  status: string;
  attempts: number;
  conversationId?: string;
  payload?: Record<string, unknown>;
  result?: unknown;
  error?: { message?: string } | unknown;
  createdAt?: string;
}

/** Commands: usable, no such route (404: not in this kefu), or the token lacks cs:commands (403). */
export type CommandsAvailability = 'unknown' | 'yes' | 'no-route' | 'forbidden';

export interface Thread {
  msgs: MessageFrame[];
  firstSeq: number;
  /** Every message up to here is held. */
  heldSeq: number;
  notes: Note[];
  loading: boolean;
}

export interface DeskState {
  live: LiveStatus;
  everOnline: boolean;
  convs: Record<string, ConversationRow>;
  readMarks: Record<string, number>;
  /** Seen on this console without being read for the shop (a queued conversation looked at): only the badge goes. */
  seenMarks: Record<string, number>;
  selected?: string;
  threads: Record<string, Thread>;
  typing: Record<string, number>;
  me?: Agent;
  agents: Agent[];
  commands: Command[];
  commandsAvailable: CommandsAvailability;
  notice?: { text: string; error: boolean };
}

const WINDOW = 100;
/** At most one read of the lists this often while queued buyers write. */
const QUEUE_REREAD_MS = 1000;

export class Desk {
  readonly store = new Store<DeskState>({ live: 'connecting', everOnline: false, convs: {}, readMarks: {}, seenMarks: {}, threads: {}, typing: {}, agents: [], commands: [], commandsAvailable: 'unknown' });
  readonly s: Session;
  readonly #live: Live;
  #listTimer: ReturnType<typeof setTimeout> | undefined;
  #typingAt = 0;

  constructor(session: Session) {
    this.s = session;
    this.#live = new Live({
      url: location.origin,
      device: 'pc',
      getToken: async (fresh) => {
        if (fresh) {
          const t = await session.renew();
          if (t) session.token = t;
        }
        return session.token;
      },
      onStatus: (live) => this.store.set((s) => ({ live, everOnline: s.everOnline || live === 'online' })),
      onFrame: (f, c) => this.#onFrame(f, c),
      onOpen: (c) => this.#onOpen(c),
      onResync: (c) => void this.#onOpen(c),
    });
  }

  get me(): string {
    return this.s.claims.sub;
  }

  get client(): KefuClient | undefined {
    return this.#live.client;
  }

  start(): void {
    this.#live.start();
    void this.loadAgents();
    void this.#probeCommands();
  }

  call<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return api<T>(this.s.token, method, path, { ...(body !== undefined ? { body } : {}), ...(headers ? { headers } : {}) });
  }

  readonly #panels = new Map<string, Promise<unknown>>();
  /** The buyer panel of a conversation, asked once per console (the reveal is separate). */
  panel<T>(conv: string): Promise<T> {
    let p = this.#panels.get(conv);
    if (!p) {
      p = this.call<T>('GET', `/conversations/${encodeURIComponent(conv)}/buyer`);
      p.catch(() => this.#panels.delete(conv));
      this.#panels.set(conv, p);
    }
    return p as Promise<T>;
  }

  notify(text: string, error = false): void {
    this.store.set({ notice: { text, error } });
  }

  async #onOpen(client: KefuClient): Promise<void> {
    await this.refreshLists();
    const sel = this.store.state.selected;
    if (sel && this.store.state.threads[sel]) await this.#syncThread(client, sel);
  }

  /** The queue and the agent's own conversations, from REST. */
  async refreshLists(): Promise<void> {
    const [queued, mine] = await Promise.all([
      this.call<{ conversations: ConversationRow[] }>('GET', '/conversations?state=queued&limit=200'),
      this.call<{ conversations: ConversationRow[] }>('GET', '/conversations?state=assigned&mine=true&limit=200'),
    ]);
    const convs: Record<string, ConversationRow> = {};
    const sel = this.store.state.selected;
    if (sel && this.store.state.convs[sel]) convs[sel] = this.store.state.convs[sel];
    for (const c of [...queued.conversations, ...mine.conversations]) convs[c.conversationId] = c;
    const readMarks = { ...this.store.state.readMarks };
    for (const id of Object.keys(convs)) readMarks[id] ??= Number(localStorage.getItem(this.#readKey(id)) ?? 0);
    this.store.set({ convs, readMarks });
    // Back after a reconnect with the conversation open: what arrived meanwhile is read (found from outside: a badge on the open one).
    this.markRead();
    if (!this.store.state.selected) {
      const first = this.ordered()[0];
      if (first) void this.select(first.conversationId);
    }
  }

  /**
   * Reads the lists again shortly. `atMostEvery`: a read already due stays due, so a steady stream of
   * triggers (buyers writing in the queue) reads once per interval instead of putting it off forever.
   */
  #refreshSoon(atMostEvery?: number): void {
    if (atMostEvery !== undefined && this.#listTimer !== undefined) return;
    clearTimeout(this.#listTimer);
    this.#listTimer = setTimeout(() => {
      this.#listTimer = undefined;
      void this.refreshLists().catch(() => {});
    }, atMostEvery ?? 250);
  }

  #readKey(id: string): string {
    return `kefu.read.${this.me}.${id}`;
  }

  /** My conversations first (oldest first), then the queue in the order routing serves it. */
  ordered(): ConversationRow[] {
    const all = Object.values(this.store.state.convs);
    const mine = all.filter((c) => c.state === 'assigned' && c.agentId === this.me).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return [...mine, ...inQueueOrder(all.filter((c) => c.state === 'queued'))];
  }

  unread(id: string): number {
    const c = this.store.state.convs[id];
    if (!c) return 0;
    const s = this.store.state;
    return Math.max(0, c.lastSeq - Math.max(s.readMarks[id] ?? 0, s.seenMarks[id] ?? 0));
  }

  async select(id: string | undefined): Promise<void> {
    this.store.set({ selected: id });
    if (!id) return;
    const c = this.store.state.convs[id];
    if (!this.store.state.threads[id]) {
      const start = Math.max(0, (c?.lastSeq ?? 0) - WINDOW);
      this.#setThread(id, { msgs: [], firstSeq: start + 1, heldSeq: start, notes: [], loading: true });
      const notes = this.call<{ notes: Array<Omit<Note, 'ts'> & { createdAt: string }> }>('GET', `/conversations/${encodeURIComponent(id)}/notes`)
        .then((r) => r.notes.map((n) => ({ ...n, ts: Date.parse(n.createdAt) })))
        .catch(() => [] as Note[]);
      const client = this.client;
      if (client) await this.#syncThread(client, id).catch(() => {});
      this.#setThread(id, { notes: await notes, loading: false });
    }
    this.markRead(id);
  }

  #setThread(id: string, patch: Partial<Thread>): void {
    this.store.set((s) => ({ threads: { ...s.threads, [id]: { ...(s.threads[id] ?? { msgs: [], firstSeq: 1, heldSeq: 0, notes: [], loading: false }), ...patch } } }));
  }

  async #syncThread(client: KefuClient, id: string): Promise<void> {
    const th = this.store.state.threads[id];
    if (!th) return;
    this.#insert(id, await client.syncAll(id, th.heldSeq));
  }

  #insert(id: string, frames: MessageFrame[]): void {
    const th = this.store.state.threads[id];
    if (!th || frames.length === 0) return;
    const bySeq = new Map(th.msgs.map((m) => [m.seq, m]));
    for (const f of frames) if (f.seq >= th.firstSeq) bySeq.set(f.seq, f);
    let held = th.heldSeq;
    while (bySeq.has(held + 1)) held++;
    this.#setThread(id, { msgs: [...bySeq.values()].sort((a, b) => a.seq - b.seq), heldSeq: held });
    this.#bumpLastSeq(id, held);
  }

  #bumpLastSeq(id: string, seq: number): void {
    const c = this.store.state.convs[id];
    if (c && seq > c.lastSeq) this.store.set((s) => ({ convs: { ...s.convs, [id]: { ...c, lastSeq: seq } } }));
  }

  async loadOlder(id: string): Promise<void> {
    const th = this.store.state.threads[id];
    const client = this.client;
    if (!th || !client || th.firstSeq <= 1) return;
    const from = Math.max(0, th.firstSeq - 1 - WINDOW);
    const { messages } = await client.sync(id, from, th.firstSeq - 1 - from);
    const cur = this.store.state.threads[id]!;
    this.#setThread(id, { msgs: [...messages, ...cur.msgs], firstSeq: from + 1 });
  }

  /** The open conversation is read up to its newest message: here, and (by a `read` frame) on my other consoles. */
  markRead(id: string | undefined = this.store.state.selected): void {
    const c = id ? this.store.state.convs[id] : undefined;
    if (!id || !c || document.visibilityState !== 'visible') return;
    // Only the holder reads for the shop: a queued conversation looked at is not "read" to the
    // buyer before anyone accepted it (found from outside). Accepting it marks it then; until then
    // only this console's badge goes (found from outside: it stayed on the open conversation).
    if (c.state !== 'assigned' || c.agentId !== this.me) {
      if ((this.store.state.seenMarks[id] ?? 0) < c.lastSeq) this.store.set((s) => ({ seenMarks: { ...s.seenMarks, [id]: c.lastSeq } }));
      return;
    }
    const mark = this.store.state.readMarks[id] ?? 0;
    if (c.lastSeq <= mark) return;
    this.#setRead(id, c.lastSeq);
    this.client?.read(id, c.lastSeq);
  }

  #setRead(id: string, seq: number): void {
    localStorage.setItem(this.#readKey(id), String(seq));
    this.store.set((s) => ({ readMarks: { ...s.readMarks, [id]: Math.max(s.readMarks[id] ?? 0, seq) } }));
  }

  #onFrame(f: PushedFrame, client: KefuClient): void {
    if (f.type === 'conversation') return this.#onConversation(f);
    if (f.type === 'message') return this.#onMessage(f, client);
    if (f.type === 'note') return this.#onNote(f);
    if (f.type === 'read') {
      if (f.userId === this.me) this.#setRead(f.conversationId, f.seq);
      return;
    }
    if (f.type === 'typing') {
      if (f.role === 'customer') this.store.set((s) => ({ typing: { ...s.typing, [f.conversationId]: Date.now() + 4000 } }));
      return;
    }
    if (f.type === 'command') this.#onCommand(f);
  }

  #onConversation(f: Extract<PushedFrame, { type: 'conversation' }>): void {
    const c = this.store.state.convs[f.conversationId];
    if (!c) {
      if (f.state === 'queued' || (f.state === 'assigned' && f.agentId === this.me)) this.#refreshSoon();
      return;
    }
    const next: ConversationRow = { ...c, state: f.state };
    // Queued anew (handed back, or handed over again): its standing is read from the list, not kept from before.
    if (f.state !== 'queued' || c.state !== 'queued') delete next.queue;
    if (f.state === 'queued' && c.state !== 'queued') this.#refreshSoon();
    if (f.agentId) next.agentId = f.agentId;
    else delete next.agentId;
    // An accept's own answer carries no deadline and may come after the frame that does (found in review).
    if (f.replyBy) next.replyBy = f.replyBy;
    else if (!(f.state === 'assigned' && f.agentId === c.agentId)) delete next.replyBy;
    const convs = { ...this.store.state.convs, [c.conversationId]: next };
    const keep = next.state === 'queued' || (next.state === 'assigned' && next.agentId === this.me) || c.conversationId === this.store.state.selected;
    if (!keep) delete convs[c.conversationId];
    this.store.set({ convs });
    if (!this.store.state.selected && keep) void this.select(c.conversationId);
    else if (c.conversationId === this.store.state.selected) this.markRead(c.conversationId);
  }

  #onMessage(f: MessageFrame, client: KefuClient): void {
    const c = this.store.state.convs[f.conversationId];
    if (!c) return;
    if (f.sender.role === 'customer') this.store.set((s) => ({ typing: { ...s.typing, [f.conversationId]: 0 } }));
    // What a queued buyer writes can put them ahead (a danger, a double charge), and the robot's advice follows the raise: the
    // queue's order is read again after either (a raise sends no frame of its own).
    if ((f.sender.role === 'customer' || f.sender.role === 'bot') && c.state === 'queued') this.#refreshSoon(QUEUE_REREAD_MS);
    if (f.sender.role === 'agent' && f.sender.id === c.agentId) this.#answered(c.conversationId);
    const th = this.store.state.threads[f.conversationId];
    if (th && f.seq > th.heldSeq + 1) void this.#syncThread(client, f.conversationId);
    else if (th) this.#insert(f.conversationId, [f]);
    else this.#bumpLastSeq(f.conversationId, f.seq);
    if (f.sender.id === this.me) this.#setRead(f.conversationId, f.seq);
    if (f.conversationId === this.store.state.selected) this.markRead(f.conversationId);
  }

  #onNote(f: NoteFrame): void {
    const th = this.store.state.threads[f.conversationId];
    if (!th || th.notes.some((n) => n.noteId === f.noteId)) return;
    this.#setThread(f.conversationId, { notes: [...th.notes, { noteId: f.noteId, conversationId: f.conversationId, author: f.author, text: f.text, ts: f.ts }] });
  }

  #onCommand(f: Extract<PushedFrame, { type: 'command' }>): void {
    this.store.set((s) => {
      const known = s.commands.find((c) => c.commandId === f.commandId);
      const { type: _t, ...fields } = f;
      const commands = known ? s.commands.map((c) => (c.commandId === f.commandId ? { ...c, ...fields } : c)) : [{ ...fields }, ...s.commands].slice(0, 50);
      return { commands };
    });
  }

  // ---- actions ----

  /** The holder answered (on this console or another of theirs): the reply timer stopped. */
  #answered(id: string): void {
    const c = this.store.state.convs[id];
    if (!c?.replyBy) return;
    const { replyBy: _stopped, ...rest } = c;
    this.store.set((s) => ({ convs: { ...s.convs, [id]: rest } }));
  }

  async sendText(id: string, text: string): Promise<void> {
    const client = this.client;
    // Said in the page's language (found from outside: "失败：offline").
    if (!client) throw new Error(t('notConnected'));
    const ack = await client.send({ conversationId: id, content: { kind: 'text', text }, clientMsgId: freshId('c') });
    this.#insert(id, [{ type: 'message', conversationId: id, shopId: this.s.shopId, seq: ack.seq, clientMsgId: ack.clientMsgId, sender: { role: 'agent', id: this.me, ...(this.s.claims.name ? { name: this.s.claims.name } : {}) }, content: { kind: 'text', text }, ts: ack.ts }]);
    this.#setRead(id, ack.seq);
    if (this.store.state.convs[id]?.agentId === this.me) this.#answered(id);
  }

  typing(id: string): void {
    if (Date.now() - this.#typingAt < 2000) return;
    this.#typingAt = Date.now();
    this.client?.typing(id);
  }

  async addNote(id: string, text: string): Promise<void> {
    const n = await this.call<Omit<Note, 'ts'> & { createdAt: string }>('POST', `/conversations/${encodeURIComponent(id)}/notes`, { text });
    this.#onNote({ type: 'note', noteId: n.noteId, conversationId: id, author: n.author, text: n.text, ts: Date.parse(n.createdAt) });
  }

  async #change(id: string, action: 'accept' | 'close' | 'transfer', body?: unknown): Promise<void> {
    try {
      const r = await this.call<{ state: ConversationRow['state']; agentId?: string }>('POST', `/conversations/${encodeURIComponent(id)}/${action}`, body);
      this.#onConversation({ type: 'conversation', conversationId: id, shopId: this.s.shopId, state: r.state, ...(r.agentId ? { agentId: r.agentId } : {}) });
    } catch (e) {
      // Moved meanwhile by the routing or another agent: the server's lists replace what this page
      // thought (found from outside: a conversation given to another agent stayed in the queue here).
      const code = (e as { code?: string }).code;
      if (code === 'CONFLICT' || code === 'NOT_FOUND') void this.refreshLists().catch(() => {});
      throw e;
    } finally {
      // The loads beside the transfer list and the header change with every move (found from outside: they lagged).
      void this.loadAgents();
    }
  }

  accept = (id: string) => this.#change(id, 'accept');
  close = (id: string) => this.#change(id, 'close');
  transfer = (id: string, agentId: string) => this.#change(id, 'transfer', { agentId });

  async setStatus(status: Agent['status'], capacity?: number): Promise<void> {
    const me = await this.call<Agent>('PUT', '/agents/me/status', { status, ...(capacity !== undefined ? { capacity } : {}) });
    this.store.set({ me });
    void this.loadAgents();
  }

  async loadAgents(): Promise<void> {
    try {
      const { agents } = await this.call<{ agents: Agent[] }>('GET', `/shops/${encodeURIComponent(this.s.shopId)}/agents`);
      const me = agents.find((a) => a.agentId === this.me) ?? this.store.state.me;
      // Set away by the routing (replies missed in a row), not by this agent: say so (found from outside: it changed silently).
      if (this.store.state.me?.status === 'online' && me?.status === 'away') this.notify(t('autoAway'), true);
      this.store.set({ agents, me });
    } catch {
      // The list is a convenience (transfer targets, my status); the console works without it.
    }
  }

  async #probeCommands(): Promise<void> {
    try {
      const r = await this.call<{ commands: Command[] }>('GET', `/shops/${encodeURIComponent(this.s.shopId)}/commands?limit=20`);
      this.store.set({ commandsAvailable: 'yes', commands: r.commands });
    } catch (e) {
      const st = e instanceof ApiError ? e.status : 0;
      this.store.set({ commandsAvailable: st === 404 ? 'no-route' : st === 403 ? 'forbidden' : 'unknown' });
    }
  }

  /** POST /shops/{shop}/commands with a fresh Idempotency-Key (the same one if this very request is retried). */
  async command(type: string, payload: Record<string, unknown>, conversationId: string | undefined, key = freshId('k')): Promise<Command> {
    const body = { type, payload, ...(conversationId ? { conversationId } : {}) };
    let cmd: Command;
    try {
      cmd = await this.call<Command>('POST', `/shops/${encodeURIComponent(this.s.shopId)}/commands`, body, { 'idempotency-key': key });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NETWORK') cmd = await this.call<Command>('POST', `/shops/${encodeURIComponent(this.s.shopId)}/commands`, body, { 'idempotency-key': key });
      else throw e;
    }
    // A `command` frame may have overtaken this answer: its status is the newer one.
    this.store.set((s) => {
      const known = s.commands.find((c) => c.commandId === cmd.commandId);
      const merged = known ? { ...cmd, ...known } : cmd;
      return { commands: [merged, ...s.commands.filter((c) => c.commandId !== cmd.commandId)].slice(0, 50) };
    });
    return cmd;
  }
}
