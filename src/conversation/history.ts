/**
 * Hot history: the newest 500 messages of each conversation in the Cache for 7 days (trimmed
 * and TTL refreshed on every write), so that devices resuming a conversation rarely touch
 * PostgreSQL. The cache is an accelerator, never the truth: a read is served from it only when
 * it holds exactly the requested seq range without gaps; anything else reads PostgreSQL.
 */
import type { Cache } from '../storage/ports.ts';
import { keys } from '../storage/keys.ts';
import { frameJson, type ConversationState, type MessageFrame } from '../protocol/frames.ts';

export const HOT_HISTORY_MAX = 500;
export const HOT_HISTORY_TTL_MS = 7 * 24 * 3600 * 1000;
/**
 * How long an erased conversation's hot history stays a tombstone (a string under the list's
 * key): a push still in flight when the erasure ran (its message stored just before) fails on
 * it instead of putting the message's words back where a sync would find them.
 */
export const ERASED_HISTORY_HOLD_MS = 10 * 60 * 1000;

/** The list's key holds a tombstone: its history was erased or swept (see dropHistory). */
const tombstoned = (e: unknown) => /WRONGTYPE/.test((e as Error | undefined)?.message ?? '');

/** Appends messages of one conversation, oldest first, in one command. */
export async function pushHistory(cache: Cache, m: MessageFrame | readonly MessageFrame[]): Promise<void> {
  const frames = Array.isArray(m) ? (m as readonly MessageFrame[]) : [m as MessageFrame];
  if (frames.length === 0) return;
  try {
    await cache.listPush(keys.hotHistory(frames[0]!.conversationId), frames.map(frameJson), { maxLen: HOT_HISTORY_MAX, ttlMs: HOT_HISTORY_TTL_MS });
  } catch (e) {
    if (!tombstoned(e)) throw e;
  }
}

/** How long a buyer's message in a robot conversation waits for the reply before it is written alone. */
export const HISTORY_HOLD_MS = 50;

interface Held {
  readonly frames: MessageFrame[];
  readonly at: number;
}

/**
 * Writes committed messages to the hot history. A buyer's message that the robot is about to
 * answer is held until the reply (then both go in one command: a Redis command less per answered
 * message) or for HISTORY_HOLD_MS at most; everything else is written at once, with whatever its
 * conversation had held. A sync meanwhile misses the newest seq and reads PostgreSQL; a held
 * message lost with the process leaves a gap, which a sync detects the same way.
 */
export class HistoryWriter {
  readonly #cache: Cache;
  readonly #onError: (e: unknown, conversationId: string) => void;
  readonly #holdMs: number;
  /** By conversation, in the order they were held (oldest first). */
  readonly #held = new Map<string, Held>();
  #timer: NodeJS.Timeout | undefined;

  constructor(cache: Cache, onError: (e: unknown, conversationId: string) => void, holdMs = HISTORY_HOLD_MS) {
    this.#cache = cache;
    this.#onError = onError;
    this.#holdMs = holdMs;
  }

  /** `hold`: a reply for this conversation is expected soon (the buyer wrote to the robot). */
  add(m: MessageFrame, hold: boolean): void {
    const id = m.conversationId;
    const held = this.#held.get(id);
    if (held) {
      held.frames.push(m);
      if (hold) return;
      this.#held.delete(id);
      void this.#write(id, held.frames);
      return;
    }
    if (!hold) {
      void this.#write(id, [m]);
      return;
    }
    this.#held.set(id, { frames: [m], at: Date.now() });
    this.#arm();
  }

  /** Messages held now (tests, metrics). */
  get held(): number {
    return this.#held.size;
  }

  /** Writes everything held at once (shutdown); settles when those writes have. */
  async flush(): Promise<void> {
    const writes = [...this.#held].map(([id, h]) => this.#write(id, h.frames));
    this.#held.clear();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await Promise.all(writes);
  }

  #arm(): void {
    if (this.#timer || this.#held.size === 0) return;
    const oldest = this.#held.values().next().value!;
    this.#timer = setTimeout(() => this.#sweep(), Math.max(1, oldest.at + this.#holdMs - Date.now()));
    this.#timer.unref();
  }

  #sweep(): void {
    this.#timer = undefined;
    const due = Date.now() - this.#holdMs;
    for (const [id, h] of this.#held) {
      if (h.at > due) break;
      this.#held.delete(id);
      void this.#write(id, h.frames);
    }
    this.#arm();
  }

  #write(id: string, frames: MessageFrame[]): Promise<void> {
    return pushHistory(this.#cache, frames).catch((e: unknown) => this.#onError(e, id));
  }
}

/**
 * Drops a conversation's hot history after its messages were redacted or deleted: the list is
 * replaced by a tombstone for `holdMs` (ERASED_HISTORY_HOLD_MS after an erasure), so syncs read
 * PostgreSQL and late pushes fail meanwhile.
 */
export async function dropHistory(cache: Cache, conversationId: string, holdMs = ERASED_HISTORY_HOLD_MS): Promise<void> {
  await cache.set(keys.hotHistory(conversationId), 'erased', holdMs);
}

/**
 * Whether a stored message waits in the HistoryWriter for the robot's reply: a buyer's text in a
 * conversation the robot holds, when the robot runs (it answers text only; a handed-over
 * conversation is no longer `bot`).
 */
export function awaitsRobotReply(m: MessageFrame, state: ConversationState, robotOn: boolean): boolean {
  return robotOn && state === 'bot' && m.sender.role === 'customer' && m.content.kind === 'text';
}

// Cached entries are MessageFrame JSON written by pushHistory, whose first `"seq":` is the
// message's own (type, conversationId and shopId come first and ids cannot contain quotes).
const SEQ = /"seq":(\d+)/;

/**
 * Messages with seq in (afterSeq, toSeq] from the cache, as the JSON strings they were cached
 * as, or undefined when the cache cannot prove it has all of them (evicted, never written while
 * the cache was down, out of order). `lastSeq` is the conversation's newest seq: the list's tail
 * normally holds it, which lets us read only the slice we need instead of the whole list.
 * Strings rather than objects: a sync answer is spliced from them without parsing 500 messages
 * and serialising them again.
 */
export async function readHistoryRaw(cache: Cache, conversationId: string, afterSeq: number, toSeq: number, lastSeq: number): Promise<string[] | undefined> {
  const want = toSeq - afterSeq;
  if (want <= 0) return [];
  if (lastSeq - afterSeq > HOT_HISTORY_MAX) return undefined;
  // Read a few extra on each side: writes from several nodes can land slightly out of order.
  const slack = 8;
  const start = -(lastSeq - afterSeq) - slack;
  const stop = Math.min(-1, start + want + 2 * slack);
  let raw: string[];
  try {
    raw = await cache.listRange(keys.hotHistory(conversationId), Math.max(start, -HOT_HISTORY_MAX), stop);
  } catch (e) {
    if (tombstoned(e)) return undefined;
    throw e;
  }
  const bySeq = new Map<number, string>();
  for (const s of raw) {
    const m = SEQ.exec(s);
    if (!m) return undefined;
    const seq = Number(m[1]);
    if (seq > afterSeq && seq <= toSeq) bySeq.set(seq, s);
  }
  if (bySeq.size !== want) return undefined;
  const out: string[] = [];
  for (let seq = afterSeq + 1; seq <= toSeq; seq++) {
    const m = bySeq.get(seq);
    if (m === undefined) return undefined;
    out.push(m);
  }
  return out;
}

/**
 * How long a sync answer built on this node is reused for the same range of an unchanged
 * conversation. Short on purpose: an erasure or a retention sweep rewrites history without a new
 * seq and drops the shared hot history, not this node's copy; they reach every node's syncs
 * within this long.
 */
export const SYNC_FRAME_TTL_MS = 1000;
const SYNC_FRAME_MAX_CHARS = 16 * 1024 * 1024;

interface FrameEntry {
  readonly at: number;
  readonly lastSeq: number;
  readonly json: string[];
  readonly chars: number;
  /** The messages joined with commas, built on the first sync that sends them. */
  joined?: string;
}

/**
 * Node-local copies of recent sync answers (the messages' JSON), keyed by conversation and seq
 * range and valid only while the conversation's newest seq is the one they were read at: many
 * devices syncing the same conversation (a reconnect wave, an agent's console reopening) cost
 * one read of the hot history, and the messages are joined into one string once. Bounded by
 * characters held (oldest dropped first).
 */
export class SyncFrameCache {
  readonly #m = new Map<string, FrameEntry>();
  #chars = 0;
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get(conversationId: string, afterSeq: number, toSeq: number, lastSeq: number): FrameEntry | undefined {
    const key = `${conversationId}|${afterSeq}|${toSeq}`;
    const e = this.#m.get(key);
    if (!e) return undefined;
    if (e.lastSeq === lastSeq && this.#now() - e.at <= SYNC_FRAME_TTL_MS) return e;
    this.#drop(key, e);
    return undefined;
  }

  set(conversationId: string, afterSeq: number, toSeq: number, lastSeq: number, json: string[]): void {
    const key = `${conversationId}|${afterSeq}|${toSeq}`;
    const old = this.#m.get(key);
    if (old) this.#drop(key, old);
    let chars = 0;
    for (const s of json) chars += s.length;
    if (chars > SYNC_FRAME_MAX_CHARS / 4) return;
    this.#m.set(key, { at: this.#now(), lastSeq, json, chars });
    this.#chars += chars;
    for (const [k, e] of this.#m) {
      if (this.#chars <= SYNC_FRAME_MAX_CHARS && this.#now() - e.at <= SYNC_FRAME_TTL_MS) break;
      this.#drop(k, e);
    }
  }

  /** Characters held (tests). */
  get chars(): number {
    return this.#chars;
  }

  #drop(key: string, e: FrameEntry): void {
    this.#m.delete(key);
    this.#chars -= e.chars;
  }
}
