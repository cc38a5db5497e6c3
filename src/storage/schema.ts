/** The whole database as kysely sees it: one interface per domain, merged here. */
import type { ConversationTables } from './tables/conversation.ts';
import type { CommerceTables } from './tables/commerce.ts';
import type { KnowledgeTables } from './tables/knowledge.ts';
import type { AgentTables } from './tables/agents.ts';
import type { CommandTables } from './tables/commands.ts';

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: Date;
}

export interface Database extends ConversationTables, CommerceTables, KnowledgeTables, AgentTables, CommandTables {
  kefu_migrations: MigrationsTable;
}
