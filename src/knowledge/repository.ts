/**
 * All SQL of shop knowledge: FAQ entries, sensitive-word lists and their version counters. Every
 * function takes the Db (or a Tx) so KnowledgeService can compose them inside one transaction.
 *
 * Invariants:
 * - Every FAQ statement is keyed by shop_id as well as by id: an id of another shop matches no
 *   row, exactly like an id that does not exist.
 * - Nothing here bumps a version on its own: the caller runs bumpVersion in the same transaction
 *   as the change (see service.ts for why it comes first).
 * - Lists come back in storage order unless a function says otherwise; sorting for display is the
 *   caller's.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../storage/ports.ts';
import type { FaqInput } from './validation.ts';

export interface FaqEntry {
  readonly id: string;
  readonly shopId: string;
  readonly question: string;
  readonly answer: string;
  readonly alternates: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** 1 on creation, +1 per update. */
  readonly version: number;
}

interface FaqRow {
  id: string;
  shop_id: string;
  question: string;
  answer: string;
  alternates: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
}

const toEntry = (r: FaqRow): FaqEntry => ({
  id: r.id,
  shopId: r.shop_id,
  question: r.question,
  answer: r.answer,
  alternates: r.alternates,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

// --- FAQ -------------------------------------------------------------------------------------

/** The shop's entries, oldest first. */
export async function listFaqEntries(db: Db | Tx, shopId: string): Promise<FaqEntry[]> {
  const rows = await db.selectFrom('faq_entries').selectAll().where('shop_id', '=', shopId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toEntry);
}

export async function findFaqEntry(db: Db | Tx, shopId: string, id: string): Promise<FaqEntry | undefined> {
  const row = await db.selectFrom('faq_entries').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

export async function countFaqEntries(db: Db | Tx, shopId: string): Promise<number> {
  const { n } = await db.selectFrom('faq_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).executeTakeFirstOrThrow();
  return Number(n);
}

export async function insertFaqEntry(db: Db | Tx, shopId: string, v: FaqInput): Promise<FaqEntry> {
  const row = await db
    .insertInto('faq_entries')
    .values({ id: randomUUID(), shop_id: shopId, question: v.question, answer: v.answer, alternates: JSON.stringify(v.alternates) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toEntry(row);
}

/** Replaces question, answer and alternates and counts the entry's version up; undefined when the shop has no such entry. */
export async function updateFaqEntry(db: Db | Tx, shopId: string, id: string, v: FaqInput): Promise<FaqEntry | undefined> {
  const row = await db
    .updateTable('faq_entries')
    .set({
      question: v.question,
      answer: v.answer,
      alternates: JSON.stringify(v.alternates),
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toEntry(row) : undefined;
}

/** False when the shop has no such entry. */
export async function deleteFaqEntry(db: Db | Tx, shopId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('faq_entries').where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows !== 0n;
}

// --- Sensitive words -------------------------------------------------------------------------

/** The words of one scope (a shop id, or the global scope). */
export async function listWords(db: Db | Tx, scope: string): Promise<string[]> {
  const rows = await db.selectFrom('sensitive_words').select('word').where('scope', '=', scope).execute();
  return rows.map((r) => r.word);
}

/** The words of several scopes at once, each with its scope. */
export function listScopedWords(db: Db | Tx, scopes: readonly string[]): Promise<Array<{ scope: string; word: string }>> {
  return db.selectFrom('sensitive_words').select(['scope', 'word']).where('scope', 'in', scopes).execute();
}

/** Makes the scope's list exactly `words`. Unchanged words keep their row (and created_at); only the difference is written. */
export async function replaceWords(db: Db | Tx, scope: string, words: readonly string[]): Promise<void> {
  let del = db.deleteFrom('sensitive_words').where('scope', '=', scope);
  if (words.length > 0) del = del.where('word', 'not in', words);
  await del.execute();
  if (words.length === 0) return;
  await db
    .insertInto('sensitive_words')
    .values(words.map((word) => ({ scope, word })))
    .onConflict((oc) => oc.columns(['scope', 'word']).doNothing())
    .execute();
}

// --- Versions --------------------------------------------------------------------------------

/** The version counters of those scopes that have one (a scope never changed has no row). */
export async function listVersions(db: Db | Tx, scopes: readonly string[]): Promise<Array<{ scope: string; version: number }>> {
  const rows = await db.selectFrom('knowledge_versions').select(['scope', 'version']).where('scope', 'in', scopes).execute();
  return rows.map((r) => ({ scope: r.scope, version: Number(r.version) }));
}

/** Whether the scope was ever changed (has a version row). */
export async function hasVersion(db: Db | Tx, scope: string): Promise<boolean> {
  const row = await db.selectFrom('knowledge_versions').select('version').where('scope', '=', scope).executeTakeFirst();
  return row !== undefined;
}

/** Counts the scope's version up (creating it at 1) and returns the new value; in a transaction it also locks the scope's row until commit. */
export async function bumpVersion(db: Db | Tx, scope: string): Promise<number> {
  const row = await db
    .insertInto('knowledge_versions')
    .values({ scope, version: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ version: sql`knowledge_versions.version + 1`, updated_at: sql`now()` }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

// --- Shop settings ---------------------------------------------------------------------------

/** `contacts` as stored by upsertShopContacts; NULL: the shop allows nothing of its own. */
export interface StoredContacts {
  linkHosts: string[];
  imageHosts: string[];
  phones: string[];
}

export interface ShopSettingsRow {
  time_zone: string | null;
  contacts: StoredContacts | null;
  updated_by: string;
  updated_at: Date;
}

export async function selectShopSettings(db: Db | Tx, shopId: string): Promise<ShopSettingsRow | undefined> {
  return (await sql<ShopSettingsRow>`select time_zone, contacts, updated_by, updated_at from shop_settings where shop_id = ${shopId}`.execute(db)).rows[0];
}

export async function upsertShopContacts(tx: Tx, shopId: string, contacts: StoredContacts, actorId: string): Promise<ShopSettingsRow> {
  const json = JSON.stringify(contacts);
  const r = await sql<ShopSettingsRow>`insert into shop_settings (shop_id, contacts, updated_by) values (${shopId}, ${json}::jsonb, ${actorId})
    on conflict (shop_id) do update set contacts = excluded.contacts, updated_by = excluded.updated_by, updated_at = now()
    returning time_zone, contacts, updated_by, updated_at`.execute(tx);
  return r.rows[0]!;
}

export async function upsertShopTimeZone(tx: Tx, shopId: string, timeZone: string | null, actorId: string): Promise<ShopSettingsRow> {
  const r = await sql<ShopSettingsRow>`insert into shop_settings (shop_id, time_zone, updated_by) values (${shopId}, ${timeZone}, ${actorId})
    on conflict (shop_id) do update set time_zone = excluded.time_zone, updated_by = excluded.updated_by, updated_at = now()
    returning time_zone, contacts, updated_by, updated_at`.execute(tx);
  return r.rows[0]!;
}
