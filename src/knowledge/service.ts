/**
 * Shop knowledge: FAQ entries and sensitive-word lists, per shop, plus the global word list.
 *
 * Invariants:
 * - Every change bumps the scope's row in knowledge_versions inside the same transaction, so a
 *   reader that sees the new version also sees the change. Bumping first also takes the row lock
 *   that serialises concurrent writers of one shop (the FAQ cap and the word-list replace rely on
 *   it).
 * - A rejected change (validation, unknown id, cap reached) writes nothing: validation runs
 *   before the transaction, and a failure inside it rolls back the bump as well.
 * - Every FAQ statement is keyed by shop_id: an id of another shop behaves exactly like an id
 *   that does not exist (NOT_FOUND).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { KefuError } from '../protocol/errors.ts';
import type { SqlStore, Tx } from '../storage/ports.ts';
import { DEFAULT_GLOBAL_WORDS } from './defaults.ts';
import { assertShopId, parseFaqInput, parseWordList, parseWordsInput } from './validation.ts';

/** Scope of the global word list in sensitive_words and knowledge_versions. */
export const GLOBAL_SCOPE = '*';

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

/** What a sensitive-word filter for one shop is built from, with the version it reflects. */
export interface FilterWords {
  readonly version: number;
  /** The global list (the built-in default while none has been set). */
  readonly global: readonly string[];
  readonly shop: readonly string[];
}

export interface KnowledgeServiceOptions {
  /** Most FAQ entries one shop may hold (default 5000): the robot indexes them all in memory. */
  readonly maxFaqPerShop?: number;
  /** The global list used until one is set (default: DEFAULT_GLOBAL_WORDS). */
  readonly defaultGlobalWords?: readonly string[];
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

const notFound = () => new KefuError('NOT_FOUND', 'no such FAQ entry');
// Ids are UUIDs; anything far longer cannot exist and is not worth a query.
const plausibleId = (id: string) => id.length > 0 && id.length <= 64;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class KnowledgeService {
  readonly #sql: SqlStore;
  readonly #maxFaq: number;
  readonly #defaultGlobal: readonly string[];

  constructor(store: SqlStore, opts: KnowledgeServiceOptions = {}) {
    this.#sql = store;
    this.#maxFaq = opts.maxFaqPerShop ?? 5000;
    this.#defaultGlobal = Object.freeze([...(opts.defaultGlobalWords ?? DEFAULT_GLOBAL_WORDS)]);
  }

  // --- FAQ -----------------------------------------------------------------------------------

  /** Oldest first. */
  async listFaq(shopId: string): Promise<FaqEntry[]> {
    assertShopId(shopId);
    const rows = await this.#sql.db.selectFrom('faq_entries').selectAll().where('shop_id', '=', shopId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toEntry);
  }

  async getFaq(shopId: string, id: string): Promise<FaqEntry> {
    assertShopId(shopId);
    if (!plausibleId(id)) throw notFound();
    const row = await this.#sql.db.selectFrom('faq_entries').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    return toEntry(row);
  }

  /** `input`: `{ question, answer, alternates? }` as received. */
  async createFaq(shopId: string, input: unknown): Promise<FaqEntry> {
    assertShopId(shopId);
    const v = parseFaqInput(input);
    return this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      const { n } = await tx.selectFrom('faq_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).executeTakeFirstOrThrow();
      if (Number(n) >= this.#maxFaq) throw new KefuError('CONFLICT', `the shop already has ${this.#maxFaq} FAQ entries`);
      const row = await tx
        .insertInto('faq_entries')
        .values({ id: randomUUID(), shop_id: shopId, question: v.question, answer: v.answer, alternates: JSON.stringify(v.alternates) })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toEntry(row);
    });
  }

  /** Replaces question, answer and alternates (an omitted `alternates` clears them). */
  async updateFaq(shopId: string, id: string, input: unknown): Promise<FaqEntry> {
    assertShopId(shopId);
    const v = parseFaqInput(input);
    if (!plausibleId(id)) throw notFound();
    return this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      const row = await tx
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
      if (!row) throw notFound();
      return toEntry(row);
    });
  }

  async deleteFaq(shopId: string, id: string): Promise<void> {
    assertShopId(shopId);
    if (!plausibleId(id)) throw notFound();
    await this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      const r = await tx.deleteFrom('faq_entries').where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
      if (r.numDeletedRows === 0n) throw notFound();
    });
  }

  // --- Sensitive words -----------------------------------------------------------------------

  /** The shop's own list (without the global one), sorted. */
  async getSensitiveWords(shopId: string): Promise<string[]> {
    assertShopId(shopId);
    return this.#words(shopId);
  }

  /** `input`: `{ words: [...] }` as received. Returns the stored list, sorted. */
  async replaceSensitiveWords(shopId: string, input: unknown): Promise<string[]> {
    assertShopId(shopId);
    const words = parseWordsInput(input);
    await this.#sql.transaction((tx) => replaceWords(tx, shopId, words));
    return [...words].sort(byCodeUnit);
  }

  /** The global list in force: the one set last, or the built-in default if none was ever set. */
  async getGlobalWords(): Promise<string[]> {
    const set = await this.#sql.db.selectFrom('knowledge_versions').select('version').where('scope', '=', GLOBAL_SCOPE).executeTakeFirst();
    return set ? this.#words(GLOBAL_SCOPE) : [...this.#defaultGlobal].sort(byCodeUnit);
  }

  /**
   * Replaces the global list, for every shop. Deliberately not reachable over REST (see
   * defaults.ts): code, seed scripts and operator tooling call it. Same rules as a shop list.
   */
  async setGlobalWords(words: readonly string[]): Promise<string[]> {
    const list = parseWordList(words);
    await this.#sql.transaction((tx) => replaceWords(tx, GLOBAL_SCOPE, list));
    return [...list].sort(byCodeUnit);
  }

  // --- Versions ------------------------------------------------------------------------------

  /**
   * A number that grows with every change to the shop's FAQ or words and to the global list
   * (the sum of the two counters, each only ever incremented). One indexed query.
   */
  async version(shopId: string): Promise<number> {
    assertShopId(shopId);
    const rows = await this.#sql.db.selectFrom('knowledge_versions').select(['scope', 'version']).where('scope', 'in', [shopId, GLOBAL_SCOPE]).execute();
    return rows.reduce((sum, r) => sum + Number(r.version), 0);
  }

  /** Global and shop words with the version they belong to. */
  async filterWords(shopId: string): Promise<FilterWords> {
    assertShopId(shopId);
    // Version first, words second: a change committing in between makes the words newer than
    // the version, which only costs one more reload later; the other order could pin old words
    // under a new version.
    const rows = await this.#sql.db.selectFrom('knowledge_versions').select(['scope', 'version']).where('scope', 'in', [shopId, GLOBAL_SCOPE]).execute();
    const globalSet = rows.some((r) => r.scope === GLOBAL_SCOPE);
    const words = await this.#sql.db.selectFrom('sensitive_words').select(['scope', 'word']).where('scope', 'in', [shopId, GLOBAL_SCOPE]).execute();
    const shop: string[] = [];
    const global: string[] = [];
    for (const w of words) (w.scope === GLOBAL_SCOPE ? global : shop).push(w.word);
    return {
      version: rows.reduce((sum, r) => sum + Number(r.version), 0),
      global: (globalSet ? global : [...this.#defaultGlobal]).sort(byCodeUnit),
      shop: shop.sort(byCodeUnit),
    };
  }

  async #words(scope: string): Promise<string[]> {
    const rows = await this.#sql.db.selectFrom('sensitive_words').select('word').where('scope', '=', scope).execute();
    return rows.map((r) => r.word).sort(byCodeUnit);
  }
}

async function bumpVersion(tx: Tx, scope: string): Promise<number> {
  const row = await tx
    .insertInto('knowledge_versions')
    .values({ scope, version: 1 })
    .onConflict((oc) => oc.column('scope').doUpdateSet({ version: sql`knowledge_versions.version + 1`, updated_at: sql`now()` }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

// Unchanged words keep their row (and created_at); only the difference is written.
async function replaceWords(tx: Tx, scope: string, words: readonly string[]): Promise<void> {
  await bumpVersion(tx, scope);
  let del = tx.deleteFrom('sensitive_words').where('scope', '=', scope);
  if (words.length > 0) del = del.where('word', 'not in', words);
  await del.execute();
  if (words.length === 0) return;
  await tx
    .insertInto('sensitive_words')
    .values(words.map((word) => ({ scope, word })))
    .onConflict((oc) => oc.columns(['scope', 'word']).doNothing())
    .execute();
}
