import type { ColumnType } from 'kysely';
import type { ConversationState, SenderRole } from '../../protocol/conversation.ts';

/** Timestamps come back as Date from both adapters; writes may pass a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint columns are read as numbers by both adapters (seq and counters stay below 2^53). */
export type BigIntCol = ColumnType<number, number | string, number | string>;

export interface ConversationsTable {
  id: string;
  shop_id: string;
  buyer_id: string;
  buyer_name: string | null;
  state: ConversationState;
  agent_id: string | null;
  last_seq: BigIntCol;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: Date | null;
  agent_name: string | null;
  priority: ColumnType<number, number | undefined, number>;
  queued_at: Date | null;
  handed_over_at: Date | null;
  assigned_at: Date | null;
  awaiting_reply_since: Date | null;
  first_response_at: Date | null;
  skip_agent_id: string | null;
  /** State changes so far; `stateVersion` on the wire. */
  state_version: ColumnType<number, number | undefined, number>;
}

export interface MessagesTable {
  conversation_id: string;
  seq: BigIntCol;
  shop_id: string;
  sender_role: SenderRole;
  sender_id: string;
  sender_name: string | null;
  client_msg_id: string | null;
  content: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface ConversationReadsTable {
  conversation_id: string;
  user_id: string;
  seq: BigIntCol;
  updated_at: Timestamp;
}

export interface ConversationTables {
  conversations: ConversationsTable;
  messages: MessagesTable;
  conversation_reads: ConversationReadsTable;
}
