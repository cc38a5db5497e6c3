// Tables of shop knowledge (FAQ, sensitive words), owned by src/knowledge/ and created by its
// migration (003_knowledge.ts).
import type { ColumnType, Generated } from 'kysely';
import type { BigIntCol, Timestamp } from './conversation.ts';

export interface FaqEntriesTable {
  /** Random (UUID v4): never sequential, so ids of other shops cannot be guessed. */
  id: string;
  shop_id: string;
  question: string;
  answer: string;
  /** jsonb array of strings: read back parsed, written as a JSON string. */
  alternates: ColumnType<string[], string, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Starts at 1, bumped by every update of the entry. */
  version: Generated<number>;
}

export interface SensitiveWordsTable {
  /** A shop id, or '*' for the global list. */
  scope: string;
  word: string;
  created_at: Timestamp;
}

export interface KnowledgeVersionsTable {
  /** A shop id, or '*' for the global word list. */
  scope: string;
  version: BigIntCol;
  updated_at: Timestamp;
}

export interface KnowledgeTables {
  faq_entries: FaqEntriesTable;
  sensitive_words: SensitiveWordsTable;
  knowledge_versions: KnowledgeVersionsTable;
}
