/**
 * All SQL of the agent desk except the figures (stats.ts): internal notes, ratings, canned
 * replies and the audit of revealed personal data (tables of migration 007). Every function
 * takes the Db (or a Tx) so a caller can compose them inside one transaction.
 *
 * Invariants:
 * - Canned-reply statements are keyed by shop_id as well as by id: an id of another shop matches
 *   no row, exactly like an id that does not exist.
 * - A rating is one row per conversation (its primary key), written by one INSERT … SELECT that
 *   also checks the conversation is closed and is the buyer's: no check-then-insert race can
 *   store two ratings or rate a conversation that is still open.
 * - Notes and reveals are only ever added; nothing here updates or deletes them.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../storage/ports.ts';
import { isUniqueViolation } from '../storage/ports.ts';
import { servedSql } from '../conversation/index.ts';
import type { CannedInput, PiiField } from './validation.ts';

// --- Notes -----------------------------------------------------------------------------------

export interface Note {
  readonly noteId: string;
  readonly conversationId: string;
  readonly author: { readonly id: string; readonly name?: string };
  readonly text: string;
  readonly createdAt: Date;
}

interface NoteRow {
  id: string;
  conversation_id: string;
  author_id: string;
  author_name: string | null;
  text: string;
  created_at: Date;
}

const toNote = (r: NoteRow): Note => ({
  noteId: r.id,
  conversationId: r.conversation_id,
  author: { id: r.author_id, ...(r.author_name ? { name: r.author_name } : {}) },
  text: r.text,
  createdAt: r.created_at,
});

const NOTE_COLS = ['id', 'conversation_id', 'author_id', 'author_name', 'text', 'created_at'] as const;

export async function insertNote(db: Db | Tx, n: { shopId: string; conversationId: string; authorId: string; authorName: string | undefined; text: string }): Promise<Note> {
  const row = await db
    .insertInto('conversation_notes')
    .values({ id: randomUUID(), shop_id: n.shopId, conversation_id: n.conversationId, author_id: n.authorId, author_name: n.authorName ?? null, text: n.text })
    .returning(NOTE_COLS)
    .executeTakeFirstOrThrow();
  return toNote(row);
}

/** The conversation's notes, oldest first. */
export async function listNotes(db: Db | Tx, conversationId: string): Promise<Note[]> {
  const rows = await db.selectFrom('conversation_notes').select(NOTE_COLS).where('conversation_id', '=', conversationId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toNote);
}

// --- Ratings ---------------------------------------------------------------------------------

export interface Rating {
  readonly conversationId: string;
  readonly shopId: string;
  readonly buyerId: string;
  /** Who held the conversation when it was rated (its last holder); null when no agent ever did. */
  readonly agentId: string | null;
  readonly score: number;
  readonly comment: string | null;
  readonly createdAt: Date;
}

export type RateResult = { ok: true; rating: Rating } | { ok: false; reason: 'already_rated' | 'not_closed' | 'not_served' };

/**
 * Stores the buyer's rating of a closed conversation, with the conversation's holder as agent_id.
 * `already_rated` comes from the primary key (also for a concurrent twin); `not_closed` when the
 * conversation is not closed or not this buyer's (the caller has checked the latter already).
 */
export async function insertRating(db: Db, r: { conversationId: string; buyerId: string; score: number; comment: string | undefined }): Promise<RateResult> {
  const source = db
    .selectFrom('conversations')
    .select((eb) => [
      'id',
      'shop_id',
      'buyer_id',
      'agent_id',
      sql<number>`${r.score}::smallint`.as('score'),
      sql<string | null>`${r.comment ?? null}::text`.as('comment'),
      eb.fn<Date>('now').as('created_at'),
    ])
    .where('id', '=', r.conversationId)
    .where('buyer_id', '=', r.buyerId)
    .where('state', '=', 'closed')
    // A rating is of a person's service: a conversation no member of staff wrote in has none.
    .where(servedSql(sql.ref('conversations.id')));
  try {
    const row = await db
      .insertInto('conversation_ratings')
      .columns(['conversation_id', 'shop_id', 'buyer_id', 'agent_id', 'score', 'comment', 'created_at'])
      .expression(source)
      .returningAll()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: await whyNotRated(db, r.conversationId) };
    return { ok: true, rating: toRating(row) };
  } catch (e) {
    if (isUniqueViolation(e)) return { ok: false, reason: 'already_rated' };
    throw e;
  }
}

async function whyNotRated(db: Db, conversationId: string): Promise<'not_closed' | 'not_served'> {
  const c = await db.selectFrom('conversations').select(['state', servedSql(sql.ref('conversations.id')).as('served')]).where('id', '=', conversationId).executeTakeFirst();
  return c?.state === 'closed' && !c.served ? 'not_served' : 'not_closed';
}

/** The conversation's rating, or undefined when it has none. */
export async function getRating(db: Db, conversationId: string): Promise<Rating | undefined> {
  const row = await db.selectFrom('conversation_ratings').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();
  return row && toRating(row);
}

type RatingRow = { conversation_id: string; shop_id: string; buyer_id: string; agent_id: string | null; score: number; comment: string | null; created_at: Date };
const toRating = (row: RatingRow): Rating => ({ conversationId: row.conversation_id, shopId: row.shop_id, buyerId: row.buyer_id, agentId: row.agent_id, score: row.score, comment: row.comment, createdAt: row.created_at });

// --- Canned replies --------------------------------------------------------------------------

export interface CannedReply {
  readonly id: string;
  readonly shopId: string;
  readonly title: string;
  readonly text: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface CannedRow {
  id: string;
  shop_id: string;
  title: string;
  text: string;
  created_at: Date;
  updated_at: Date;
}

const toReply = (r: CannedRow): CannedReply => ({
  id: r.id,
  shopId: r.shop_id,
  title: r.title,
  text: r.text,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The shop's replies by title (then id), as the console lists them. */
export async function listCannedReplies(db: Db | Tx, shopId: string): Promise<CannedReply[]> {
  const rows = await db.selectFrom('canned_replies').selectAll().where('shop_id', '=', shopId).orderBy('title').orderBy('id').execute();
  return rows.map(toReply);
}

export async function insertCannedReply(db: Db | Tx, shopId: string, v: CannedInput): Promise<CannedReply> {
  const row = await db.insertInto('canned_replies').values({ id: randomUUID(), shop_id: shopId, title: v.title, text: v.text }).returningAll().executeTakeFirstOrThrow();
  return toReply(row);
}

/** Undefined when the shop has no such reply. */
export async function updateCannedReply(db: Db | Tx, shopId: string, id: string, v: CannedInput): Promise<CannedReply | undefined> {
  const row = await db
    .updateTable('canned_replies')
    .set({ title: v.title, text: v.text, updated_at: sql<Date>`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toReply(row) : undefined;
}

/** False when the shop has no such reply. */
export async function deleteCannedReply(db: Db | Tx, shopId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('canned_replies').where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
  return r.numDeletedRows !== 0n;
}

// --- Reveals of personal data ----------------------------------------------------------------

/** The audit record of one reveal: who saw which field of which order, in which conversation. */
export async function insertReveal(db: Db | Tx, r: { shopId: string; conversationId: string; actorId: string; orderId: string; field: PiiField }): Promise<void> {
  await db
    .insertInto('pii_reveals')
    .values({ id: randomUUID(), shop_id: r.shopId, conversation_id: r.conversationId, actor_id: r.actorId, order_id: r.orderId, field: r.field })
    .execute();
}
