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
 */
import { Batcher, type BatcherOptions } from '../ops/batcher.ts';
import type { Db } from '../storage/ports.ts';
import * as repo from './repository.ts';

type Settled = { ok: true; result: repo.AppendResult } | { ok: false; error: unknown };

export class MessageWriter {
  readonly #db: Db;
  readonly #batcher: Batcher<repo.AppendRequest, Settled>;

  constructor(db: Db, opts: BatcherOptions = {}) {
    this.#db = db;
    this.#batcher = new Batcher((reqs) => this.#write(reqs), opts);
  }

  async append(req: repo.AppendRequest): Promise<repo.AppendResult> {
    const s = await this.#batcher.add(req);
    if (!s.ok) throw s.error;
    return s.result;
  }

  async #write(reqs: repo.AppendRequest[]): Promise<Settled[]> {
    let results: Awaited<ReturnType<typeof repo.appendMessages>> | undefined;
    if (reqs.length > 1) {
      try {
        results = await repo.appendMessages(this.#db, reqs);
      } catch (error) {
        // An error the database answered with (a SQLSTATE: a concurrent twin's unique violation,
        // a bad value) means the statement stored nothing: each request is tried alone below.
        // Anything else (a lost connection) may have struck after the commit; retrying would
        // store robot replies twice, so every request of the batch fails as one alone would.
        if (!hasSqlState(error)) return reqs.map(() => ({ ok: false, error }));
      }
    }
    const out: Settled[] = [];
    for (let i = 0; i < reqs.length; i++) {
      const r = results?.[i];
      if (r) {
        out.push({ ok: true, result: r });
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
