/**
 * The order the console lists the queue in: the order routing serves it, so the agent who takes
 * the top one takes what the next free agent would have got. Staff's queued list over REST carries
 * each conversation's standing (`queue: { priority, since }`): a danger or a scam told first, then
 * conversations handed back, then complaints (a double charge too), then the rest, each by its time
 * in the queue. A row not yet refreshed with its standing (a `conversation` frame arrived first) counts as
 * normal since its last update, until the list is read again.
 */
import { QUEUE_PRIORITY, type QueuePriority } from '../../../src/protocol/conversation.ts';

export interface QueuedRow {
  readonly conversationId: string;
  readonly updatedAt: string;
  readonly queue?: { readonly priority: QueuePriority; readonly since?: string };
}

const rank = (c: QueuedRow): number => QUEUE_PRIORITY[c.queue?.priority ?? 'normal'] ?? 0;
const since = (c: QueuedRow): string => c.queue?.since ?? c.updatedAt;

/** Sorts queued conversations as routing serves them (a new array). */
export function inQueueOrder<T extends QueuedRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => rank(b) - rank(a) || since(a).localeCompare(since(b)) || a.conversationId.localeCompare(b.conversationId));
}

/** The label a queued conversation shows beside the buyer's name: none for a plain hand-over. */
export function standingOf(c: QueuedRow): Exclude<QueuePriority, 'normal'> | undefined {
  const p = c.queue?.priority;
  return p === 'normal' ? undefined : p;
}
