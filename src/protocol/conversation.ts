/**
 * The names a conversation shares between the wire (frames, REST), the tables and the docs,
 * defined once: its states, the roles of message senders, and the sync page limits.
 *
 * Lifecycle: `bot` → (hand-over) `queued` → `assigned` → `closed`. A closed conversation is
 * never reopened: the buyer's next message opens a new one (state `bot`). `NEXT_STATES` is that
 * rule as data; the repository refuses any other move, so no caller can reopen a conversation.
 * Migration 001 spells the same lists in its CHECK constraints (a migration is never edited once
 * shipped); test/protocol/names.test.ts fails if the two drift.
 */
export const CONVERSATION_STATES = ['bot', 'queued', 'assigned', 'closed'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** Where a conversation may go from each state; `assigned` → `assigned` is a transfer to another agent. */
export const NEXT_STATES: Readonly<Record<ConversationState, readonly ConversationState[]>> = {
  // `assigned` straight from `bot`: an agent takes the conversation over from the robot (accept).
  bot: ['queued', 'assigned', 'closed'],
  // Back to `bot` when the waiting buyer takes the hand-over back ("算了不用了").
  queued: ['bot', 'assigned', 'closed'],
  // Back to `queued` when the holder goes offline past the grace period.
  assigned: ['queued', 'assigned', 'closed'],
  closed: [],
};

export const SENDER_ROLES = ['customer', 'bot', 'agent', 'system'] as const;

/**
 * The longest user or shop id (a token's `sub` and `shop_id`), in characters. Every place that
 * takes such an id (the token check, the robot, path parameters, the data-rights routes) takes
 * this many, so an id the issuer may sign works everywhere.
 */
export const MAX_PRINCIPAL_ID_CHARS = 256;
export type SenderRole = (typeof SENDER_ROLES)[number];

/** Messages one `sync` frame or `GET …/messages` returns when the client names no limit. */
export const SYNC_DEFAULT_LIMIT = 100;
/** The most one `sync` or `GET …/messages` returns; the client pages with `afterSeq`. */
export const SYNC_MAX_LIMIT = 500;

/** An agent's status (`PUT /agents/me/status`); migration 007 checks the same list. */
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

/**
 * Queue priority: complaints go ahead of the rest, conversations handed back ahead of those, and a danger or a scam
 * told (someone's body or money at risk now) first of all.
 */
export const QUEUE_PRIORITY = { normal: 0, complaint: 1, returned: 2, urgent: 3 } as const;
/** A priority's name, as staff's queued list tells it (`queue.priority`). */
export type QueuePriority = keyof typeof QUEUE_PRIORITY;
