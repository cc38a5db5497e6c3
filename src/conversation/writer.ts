/**
 * Group commit for messages. Every append waits for its own commit (an ack still means "stored"),
 * but appends that arrive while earlier ones are being written share one statement and one
 * commit instead of taking a round trip, a pool connection and an fsync each.
 *
 * No timer and no added wait: an append issued when fewer than `maxInFlight` batches are being
 * written goes out at the end of the current turn of the event loop (gathering whatever else
 * that turn produced); otherwise it joins the next batch, which leaves as soon as one finishes.
 * So a quiet node writes each message alone, and a busy one writes bigger batches rather than
 * queueing for pool connections.
 *
 * Requests the batch statement skips (guard failed, conversation closed, clientMsgId already
 * stored) and every request of a batch whose statement failed are settled one by one with the
 * single-message statement, which tells those cases apart; one bad request never fails others.
 */
import type { Db } from '../storage/ports.ts';
import * as repo from './repository.ts';

interface Pending {
  req: repo.AppendRequest;
  resolve(r: repo.AppendResult): void;
  reject(e: unknown): void;
}

export interface MessageWriterOptions {
  /** Batches written at the same time (each holds one pool connection). */
  maxInFlight?: number;
  /** Largest batch; a longer queue leaves in several. */
  maxBatch?: number;
}

export class MessageWriter {
  readonly #db: Db;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;
  #queue: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;
  /** Batches written with more than one message, and the messages in them (for metrics and tests). */
  readonly stats = { batches: 0, batched: 0, largest: 0 };

  constructor(db: Db, opts: MessageWriterOptions = {}) {
    this.#db = db;
    this.#maxInFlight = Math.max(1, opts.maxInFlight ?? 2);
    this.#maxBatch = Math.max(1, opts.maxBatch ?? 256);
  }

  append(req: repo.AppendRequest): Promise<repo.AppendResult> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ req, resolve, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= this.#maxInFlight || this.#queue.length === 0) return;
    this.#scheduled = true;
    // setImmediate, not a microtask: frames that arrived in the same poll phase are gathered.
    setImmediate(() => {
      this.#scheduled = false;
      this.#flush();
    });
  }

  #flush(): void {
    if (this.#inFlight >= this.#maxInFlight || this.#queue.length === 0) return;
    const batch = this.#queue.length <= this.#maxBatch ? this.#queue : this.#queue.slice(0, this.#maxBatch);
    this.#queue = batch === this.#queue ? [] : this.#queue.slice(this.#maxBatch);
    this.#inFlight++;
    void this.#write(batch).finally(() => {
      this.#inFlight--;
      this.#schedule();
    });
    this.#schedule();
  }

  async #write(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.#one(batch[0]!);
    let results: Awaited<ReturnType<typeof repo.appendMessages>> | undefined;
    try {
      results = await repo.appendMessages(this.#db, batch.map((p) => p.req));
    } catch {
      // Nothing of the batch was stored; each request is tried alone below.
    }
    this.stats.batches++;
    this.stats.batched += batch.length;
    if (batch.length > this.stats.largest) this.stats.largest = batch.length;
    const rest: Pending[] = [];
    batch.forEach((p, i) => {
      const r = results?.[i];
      if (r) p.resolve(r);
      else rest.push(p);
    });
    // In order: requests of one conversation keep their relative order.
    for (const p of rest) await this.#one(p);
  }

  async #one(p: Pending): Promise<void> {
    try {
      const q = p.req;
      p.resolve(await repo.appendMessage(this.#db, q.conversationId, q.sender, q.clientMsgId, q.content, q.guard));
    } catch (e) {
      p.reject(e);
    }
  }
}
