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
  readonly #batcher: Batcher<repo.WriteRequest, Settled>;

  constructor(db: Db, opts: BatcherOptions = {}) {
    this.#db = db;
    this.#batcher = new Batcher((reqs, signal) => this.#write(reqs, signal), { ...opts, timeoutMs: opts.timeoutMs ?? DEFAULT_APPEND_TIMEOUT_MS, timeoutError: opts.timeoutError ?? appendTimeoutError });
  }

  /**
   * Stores a message; for an OpenAppendRequest, in the buyer's open conversation with the shop,
   * opened by the same statement when there is none (`created`).
   */
  async append(req: repo.WriteRequest): Promise<repo.AppendResult> {
    const s = await this.#batcher.add(req);
    if (!s.ok) throw s.error;
    return s.result;
  }

  async #write(reqs: repo.WriteRequest[], signal: AbortSignal): Promise<Settled[]> {
    let results: Awaited<ReturnType<typeof repo.appendMessages>> | undefined;
    // An opening goes to the batch function even alone: one round trip and one commit instead of
    // three statements (find, insert, append) on a quiet node.
    if (reqs.length > 1 || reqs.some(repo.opens)) {
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
      try {
        out.push({ ok: true, result: await this.#alone(reqs[i]!) });
      } catch (error) {
        out.push({ ok: false, error });
      }
    }
    return out;
  }

  /** One request with the single statements, which tell a resend from a closed conversation. */
  async #alone(q: repo.WriteRequest): Promise<repo.AppendResult> {
    if (!repo.opens(q)) return repo.appendMessage(this.#db, q.conversationId, q.sender, q.clientMsgId, q.content, q.guard);
    // A resend is the stored message, wherever it went (its conversation may be closed by now):
    // nothing is opened for it, so no empty conversation is opened and announced.
    const prior = q.clientMsgId ? await repo.resent(this.#db, q.sender.id, q.clientMsgId) : undefined;
    if (prior) return prior;
    const o = await repo.openConversation(this.#db, q.open.shopId, q.open.buyerId, q.open.buyerName);
    const r = await repo.appendMessage(this.#db, o.conversation.id, q.sender, q.clientMsgId, q.content, { buyerId: q.open.buyerId, shopId: q.open.shopId });
    // Told only when the message is in the conversation this request opened (a twin on another
    // node may have stored it there first: still ours to announce; a resend elsewhere is not).
    return r.ok ? { ...r, created: o.created && r.message.conversationId === o.conversation.id } : r;
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
