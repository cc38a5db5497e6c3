import type { ColumnType } from 'kysely';
import type { Timestamp } from './conversation.ts';
import type { AgentStatus } from '../../protocol/conversation.ts';

export interface AgentsTable {
  shop_id: string;
  agent_id: string;
  name: string | null;
  status: ColumnType<AgentStatus, AgentStatus | undefined, AgentStatus>;
  capacity: ColumnType<number, number | undefined, number>;
  last_seen_at: Date | null;
  idle_since: ColumnType<Date, Date | string | undefined, Date | string>;
  missed_in_row: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface ConversationNotesTable {
  id: string;
  shop_id: string;
  conversation_id: string;
  author_id: string;
  author_name: string | null;
  text: string;
  created_at: Timestamp;
}

export interface ConversationRatingsTable {
  conversation_id: string;
  shop_id: string;
  buyer_id: string;
  agent_id: string | null;
  score: number;
  comment: string | null;
  created_at: Timestamp;
}

export interface CannedRepliesTable {
  id: string;
  shop_id: string;
  title: string;
  text: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PiiRevealsTable {
  id: string;
  shop_id: string;
  conversation_id: string;
  actor_id: string;
  order_id: string;
  field: 'phone' | 'address';
  revealed_at: Timestamp;
}

export interface AgentTables {
  agents: AgentsTable;
  conversation_notes: ConversationNotesTable;
  conversation_ratings: ConversationRatingsTable;
  canned_replies: CannedRepliesTable;
  pii_reveals: PiiRevealsTable;
}
