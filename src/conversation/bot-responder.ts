/**
 * Connects the robot to conversations: a buyer's message in a conversation the robot owns is
 * answered through the bounded work queue. Robot work is the first to be shed under load (the
 * queue refuses it when half full), so human messages keep flowing during a peak.
 *
 * Answers for one conversation run one at a time, in message order, because each turn reads the
 * dialogue state the previous turn wrote. The state lives in the Cache for a day after it last
 * changed; losing it only makes the robot forget which order was being discussed.
 */
import type { Logger } from 'pino';
import type { Cache } from '../storage/ports.ts';
import type { Card, MessageFrame } from '../protocol/frames.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { WorkQueue } from '../ops/work-queue.ts';
import type { BotHook, ConversationService } from './service.ts';

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

export class BotResponder implements BotHook {
  readonly #robot: RobotLike;
  readonly #conversations: ConversationService;
  readonly #cache: Cache;
  readonly #work: WorkQueue;
  readonly #log: Logger;
  readonly #tails = new Map<string, Promise<void>>();

  constructor(deps: { robot: RobotLike; conversations: ConversationService; cache: Cache; work: WorkQueue; metrics: Metrics; log: Logger }) {
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

  onCustomerMessage(conv: { id: string; shopId: string; buyerId: string }, m: MessageFrame): void {
    if (m.content.kind !== 'text') return;
    const text = m.content.text;
    const prev = this.#tails.get(conv.id) ?? Promise.resolve();
    const next = prev.then(() => this.#answer(conv, text)).catch((e: unknown) => {
      this.#log.warn({ err: (e as Error).message, conversationId: conv.id }, 'robot answer failed');
    });
    this.#tails.set(conv.id, next);
    void next.finally(() => {
      if (this.#tails.get(conv.id) === next) this.#tails.delete(conv.id);
    });
  }

  async #answer(conv: { id: string; shopId: string; buyerId: string }, text: string): Promise<void> {
    try {
      await this.#work.run('robot', async () => {
        const key = `botstate:${conv.id}`;
        const raw = await this.#cache.get(key).catch(() => null);
        const a = await this.#robot.answer({ shopId: conv.shopId, userId: conv.buyerId, conversationId: conv.id, text, ...(raw ? { state: JSON.parse(raw) as unknown } : {}) });
        // Saved while the replies are stored; the next turn on this node waits behind this one
        // (the per-conversation chain), so it reads the state only after it is written. An
        // unchanged state is not written again (most turns of a chat about one order).
        const next = JSON.stringify(a.state);
        const saved = next === raw ? undefined : this.#cache.set(key, next, STATE_TTL_MS).catch(() => {});
        for (const r of a.replies) {
          await this.#conversations.postAs(conv.id, BOT_SENDER, { kind: 'text', text: r.text, ...(r.card ? { card: r.card as Card } : {}) });
        }
        if (a.handover) await this.#conversations.setState(conv.id, { state: 'queued' });
        await saved;
      });
    } catch (e) {
      // Shed under load: the buyer's message is stored; a human (or the next turn) answers it.
      if ((e as { code?: string }).code === 'UNAVAILABLE') return;
      throw e;
    }
  }
}
