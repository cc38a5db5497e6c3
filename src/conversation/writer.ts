/**
 * Group commit for messages. Every append still waits for its own commit (an ack means
 * "stored"), but appends that arrive while earlier ones are being written share one statement
 * and one commit (src/ops/batcher.ts) instead of a round trip, a pool connection and an fsync
 * each.
 *
 * Requests the batch statement skips (guard failed, conversation closed, clientMsgId already
 * stored) and every request of a batch the database refused are settled one by one, in order,
 * with the single-message statement, which tells those cases apart; one bad request never fails
 * the others.
 *
 * Every append settles within `timeoutMs` (the statement timeout plus a margin): a database that
 * stops answering gives UNAVAILABLE at the deadline instead of holding the batch slots, and so
 * every later append, until it answers again.
 */
import { Batcher, type BatcherOptions } from '../ops/batcher.ts';
import { KefuError, dependencyFailure } from '../protocol/errors.ts';
import type { Db } from '../storage/ports.ts';
import * as repo from './repository.ts';

type Settled = { ok: true; result: repo.AppendResult } | { ok: false; error: unknown };

/** The deadline when the wiring gives none: the default statement timeout (5 s) plus 2 s. */
export const DEFAULT_APPEND_TIMEOUT_MS = 7000;

/** UNAVAILABLE for an append past its deadline; `started`: its statement may still commit. */
export function appendTimeoutError(started: boolean): KefuError {
  return new KefuError(
    'UNAVAILABLE',
    started ? 'the database did not answer in time; the message may have been stored: resend it with the same clientMsgId' : 'the database did not answer in time; the message was not stored, retry',
  );
}

export class MessageWriter {
  readonly #db: Db;
  readonly #batcher: Batcher<repo.AppendRequest, Settled>;

  constructor(db: Db, opts: BatcherOptions = {}) {
    this.#db = db;
    this.#batcher = new Batcher((reqs, signal) => this.#write(reqs, signal), { ...opts, timeoutMs: opts.timeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS, timeoutError: opts.timeoutError ?? appendTimeoutError });
  }

  async append(req: repo.AppendRequest): Promise<repo.AppendResult> {
    const s = await this.#batcher.add(req);
    if (!s.ok) throw s.error;
    return s.result;
  }

  async #write(reqs: repo.AppendRequest[], signal: AbortSignal): Promise<Settled[]> {
    let results: Awaited<ReturnType<typeof repo.appendMessages>> | undefined;
    if (reqs.length > 1) {
      try {
        results = await repo.appendMessages(this.#db, reqs);
      } catch (error) {
        // An error the database answered with (a SQLSTATE: a concurrent twin's unique violation,
        // a bad value) means the statement stored nothing: each request is tried alone below.
        // Anything else (a lost connection) may have struck after the commit; retrying would
        // store robot replies twice, so every request of the batch fails as one alone would. A
        // server that is going away or timed out (57014, 57P01, 08xxx, ...) fails them too:
        // trying each alone would cost one more timeout per request.
        if (!hasSqlState(error) || serverUnavailable(error)) return reqs.map(() => ({ ok: false, error }));
      }
    }
    const out: Settled[] = [];
    for (let i = 0; i < reqs.length; i++) {
      const r = results?.[i];
      if (r) {
        out.push({ ok: true, result: r });
        continue;
      }
      // Past the deadline every caller has had its UNAVAILABLE: do not go on writing for them.
      if (signal.aborted) {
        out.push({ ok: false, error: appendTimeoutError(false) });
        continue;
      }
      const q = reqs[i]!;
      try {
        out.push({ ok: true, result: await repo.appendMessage(this.#db, q.conversationId, q.sender, q.clientMsgId, q.content, q.guard) });
      } catch (error) {
        out.push({ ok: false, error });
      }
    }
    return out;
  }
}

function hasSqlState(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** A dependency failure other than a serialization failure or deadlock (those are worth a retry). */
function serverUnavailable(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return dependencyFailure(e) !== undefined && code !== '40001' && code !== '40P01';
}

/** UNAVAILABLE for an opening past its deadline (nothing the caller can act on but a retry). */
const openTimeoutError = () => new KefuError('UNAVAILABLE', 'the database did not answer in time; the conversation was not opened, retry');

/**
 * Group opening of conversations, as MessageWriter groups messages: the first messages of many
 * buyers arriving together (a node just started, a sale began) open their conversations in one
 * statement instead of a select and an insert each. A quiet node opens each alone, with the
 * single-conversation statements.
 */
export class ConversationOpener {
  readonly #db: Db;
  readonly #batcher: Batcher<repo.OpenRequest, repo.Opened>;

  constructor(db: Db, opts: BatcherOptions = {}) {
    this.#db = db;
    this.#batcher = new Batcher((reqs) => this.#open(reqs), { ...opts, timeoutMs: opts.timeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS, timeoutError: openTimeoutError });
  }

  open(req: repo.OpenRequest): Promise<repo.Opened> {
    return this.#batcher.add(req);
  }

  async #open(reqs: repo.OpenRequest[]): Promise<repo.Opened[]> {
    // The same buyer from two devices at once: one opening, the other told it already existed.
    const firstOf = new Map<string, number>();
    const distinct: repo.OpenRequest[] = [];
    const index = reqs.map((r) => {
      const key = `${r.shopId}\u0000${r.buyerId}`;
      let k = firstOf.get(key);
      if (k === undefined) {
        k = distinct.push(r) - 1;
        firstOf.set(key, k);
      }
      return k;
    });
    const opened = distinct.length > 1 ? await repo.openConversations(this.#db, distinct) : [];
    const results: repo.Opened[] = [];
    for (let k = 0; k < distinct.length; k++) {
      const q = distinct[k]!;
      results.push(opened[k] ?? (await repo.openConversation(this.#db, q.shopId, q.buyerId, q.buyerName)));
    }
    const told = new Set<number>();
    return index.map((k) => {
      const r = results[k]!;
      if (told.has(k)) return { conversation: r.conversation, created: false };
      told.add(k);
      return r;
    });
  }
}
