/**
 * The wire types the pages use, taken from the server's own definitions (types only: nothing of
 * the server is bundled but src/client/index.ts).
 */
export type { Card, ConversationFrame, ConversationState, MessageFrame, NoteFrame, SenderRole, ServerFrame, CommandStatus } from '../../../src/protocol/frames.ts';
import type { Card } from '../../../src/protocol/cards.ts';
import type { QueuePriority } from '../../../src/protocol/conversation.ts';
export type { AftersaleCard, ChoiceCard, LogisticsCard, OrderCard } from '../../../src/protocol/cards.ts';
export { KefuClient, KefuRequestError, type PushedFrame, type WebSocketCtor } from '../../../src/client/index.ts';

/** A conversation as `GET /api/v1/conversations` lists it. */
export interface ConversationRow {
  conversationId: string;
  shopId: string;
  buyerId: string;
  buyerName?: string;
  state: 'bot' | 'queued' | 'assigned' | 'closed';
  agentId?: string;
  /** The holder's display name, while assigned. */
  agentName?: string;
  /** While assigned and not yet answered by the holder: when it goes to another agent unless they do. */
  replyBy?: string;
  lastSeq: number;
  /** State changes so far: a `conversation` frame with a lower one is older news. */
  stateVersion?: number;
  createdAt: string;
  updatedAt: string;
  /** Staff's queued list only: why it stands where it does in the queue, and since when it waits. */
  queue?: { priority: QueuePriority; since?: string };
}

/** Message content as it travels: text (a bot's may carry a card) or an https image link. */
/** `lang` (sent by the widget): the language the buyer's device shows, for the robot to answer a message that tells none. */
export type WireContent = { kind: 'text'; text: string; card?: Card; lang?: 'zh' | 'en' } | { kind: 'image'; url: string };
