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
import * as m009 from './009_faq_suggestions.ts';
import * as m010 from './010_data_rights.ts';
import * as m011 from './011_row_level_security.ts';
import * as m012 from './012_open_and_append.ts';
import * as m013 from './013_append_in_lock_order.ts';
import * as m014 from './014_append_state_guard.ts';
import * as m015 from './015_parcels_by_tracking_no.ts';
import * as m016 from './016_shop_settings.ts';
import * as m017 from './017_order_terms.ts';
import * as m018 from './018_state_version.ts';
import * as m019 from './019_bot_idle.ts';
import * as m020 from './020_shop_contacts.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: string;
}

// The version is the file's number. Row-level security (011) must stay last among the migrations
// that create shop tables it covers; a later table with shop_id adds its own policy (012 adds none, 016 one).
const FILES: ReadonlyArray<readonly [number, { name: string; up: string }]> = [[1, m001], [2, m002], [3, m003], [4, m004], [5, m005], [6, m006], [7, m007], [8, m008], [9, m009], [10, m010], [11, m011], [12, m012], [13, m013], [14, m014], [15, m015], [16, m016], [17, m017], [18, m018], [19, m019], [20, m020]];

export const MIGRATIONS: readonly Migration[] = FILES.map(([version, m]) => ({ version, name: m.name, up: m.up }));
