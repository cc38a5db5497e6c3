/**
 * Connects the robot to conversations: it subscribes to the conversation events, and a buyer's
 * message stored while the robot owns the conversation (state `bot`) is answered through the
 * bounded work queue. The conversation service never calls the robot. Robot work is the first to be shed under load (the
 * queue refuses it when half full), so human messages keep flowing during a peak.
 *
 * Answers for one conversation run one at a time, in message order, because each turn reads the
 * dialogue state the previous turn wrote. The state lives in the Cache for a day after it last
 * changed; losing it only makes the robot forget which order was being discussed.
 */
import type { Logger } from 'pino';
import type { Cache } from '../storage/ports.ts';
import { keys } from '../storage/keys.ts';
import type { Card } from '../protocol/frames.ts';
import type { WorkQueue } from '../ops/work-queue.ts';
import type { ConversationEventBus, ConversationEvents, ConversationService } from '../conversation/index.ts';

export interface RobotLike {
  answer(req: { shopId: string; userId: string; conversationId: string; text: string; state?: unknown }): Promise<{
    replies: ReadonlyArray<{ text: string; card?: unknown }>;
    state: unknown;
    handover?: { reason: string };
    timings: { totalMs: number };
  }>;
}

const STATE_TTL_MS = 24 * 3600 * 1000;
export const BOT_SENDER = { role: 'bot' as const, id: 'kefu-bot', name: '智能客服' };

type Stored = ConversationEvents['messageStored'];

export class BotResponder {
  readonly #robot: RobotLike;
  readonly #conversations: ConversationService;
  readonly #cache: Cache;
  readonly #work: WorkQueue;
  readonly #log: Logger;
  readonly #tails = new Map<string, Promise<void>>();

  constructor(deps: { robot: RobotLike; conversations: ConversationService; cache: Cache; work: WorkQueue; log: Logger }) {
    this.#robot = deps.robot;
    this.#conversations = deps.conversations;
    this.#cache = deps.cache;
    this.#work = deps.work;
    this.#log = deps.log;
  }

  /** Resolves when every answer queued so far has been posted (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#tails.size) await Promise.allSettled([...this.#tails.values()]);
  }

  /** Answers buyers' messages from now on; returns the unsubscription. */
  subscribe(events: ConversationEventBus): () => void {
    return events.on('messageStored', 'robot', (e) => {
      if (e.senderRole === 'customer' && e.state === 'bot') this.#enqueue(e);
    });
  }

  #enqueue(e: Stored): void {
    if (e.message.content.kind !== 'text') return;
    const text = e.message.content.text;
    const id = e.conversationId;
    const prev = this.#tails.get(id) ?? Promise.resolve();
    const next = prev.then(() => this.#answer(e, text)).catch((err: unknown) => {
      this.#log.warn({ err: (err as Error).message, conversationId: id }, 'robot answer failed');
    });
    this.#tails.set(id, next);
    void next.finally(() => {
      if (this.#tails.get(id) === next) this.#tails.delete(id);
    });
  }

  async #answer(conv: Stored, text: string): Promise<void> {
    const id = conv.conversationId;
    try {
      await this.#work.run('robot', async () => {
        const key = keys.botState(id);
        const raw = await this.#cache.get(key).catch(() => null);
        const a = await this.#robot.answer({ shopId: conv.shopId, userId: conv.buyerId, conversationId: id, text, ...(raw ? { state: JSON.parse(raw) as unknown } : {}) });
        // Saved while the replies are stored; the next turn on this node waits behind this one
        // (the per-conversation chain), so it reads the state only after it is written. An
        // unchanged state is not written again (most turns of a chat about one order).
        const next = JSON.stringify(a.state);
        const saved = next === raw ? undefined : this.#cache.set(key, next, STATE_TTL_MS).catch(() => {});
        for (const r of a.replies) {
          await this.#conversations.postAs(id, BOT_SENDER, { kind: 'text', text: r.text, ...(r.card ? { card: r.card as Card } : {}) });
        }
        if (a.handover) await this.#conversations.setState(id, { state: 'queued' });
        await saved;
      });
    } catch (e) {
      // Shed under load: the buyer's message is stored; a human (or the next turn) answers it.
      if ((e as { code?: string }).code === 'UNAVAILABLE') return;
      throw e;
    }
  }
}
