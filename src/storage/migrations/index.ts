/**
 * Versioned migrations, applied in order by SqlStore.migrate(). A migration that has been
 * released is never edited: add a new file with the next number instead.
 */
import * as m001 from './001_core.ts';
import * as m002 from './002_commerce.ts';
import * as m003 from './003_knowledge.ts';
import * as m004 from './004_conversation_hot_updates.ts';
import * as m005 from './005_append_messages.ts';
import * as m006 from './006_drop_failed_bot_turns.ts';
import * as m007 from './007_agents.ts';
import * as m008 from './008_commands.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008].map((m, i) => ({ version: i + 1, name: m.name, up: m.up }));
