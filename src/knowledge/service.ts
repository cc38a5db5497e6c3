/**
 * Shop knowledge: FAQ entries and sensitive-word lists, per shop, plus the global word list. The
 * policy lives here (validation, the FAQ cap, NOT_FOUND, the default global list, sorting, which
 * statements share a transaction); the SQL is in repository.ts.
 *
 * Invariants:
 * - Every change bumps the scope's row in knowledge_versions inside the same transaction, so a
 *   reader that sees the new version also sees the change. Bumping first also takes the row lock
 *   that serialises concurrent writers of one shop (the FAQ cap and the word-list replace rely on
 *   it).
 * - A rejected change (validation, unknown id, cap reached) writes nothing: validation runs
 *   before the transaction, and a failure inside it rolls back the bump as well.
 * - Every FAQ statement is keyed by shop_id (repository.ts): an id of another shop behaves exactly
 *   like an id that does not exist (NOT_FOUND).
 */
import { KefuError } from '../protocol/errors.ts';
import type { SqlStore } from '../storage/ports.ts';
import { rowSecurity } from '../storage/keys.ts';
import { DEFAULT_GLOBAL_WORDS } from './defaults.ts';
import {
  bumpVersion,
  countFaqEntries,
  deleteFaqEntry,
  findFaqEntry,
  hasVersion,
  insertFaqEntry,
  listFaqEntries,
  listScopedWords,
  listVersions,
  listWords,
  replaceWords,
  selectShopSettings,
  updateFaqEntry,
  upsertShopContacts,
  upsertShopTimeZone,
  type FaqEntry,
  type ShopSettingsRow,
} from './repository.ts';
import { assertShopId, parseContactsInput, parseFaqInput, parseFaqUpdate, parseTimeZoneInput, parseWordList, parseWordsInput } from './validation.ts';
import { NO_SHOP_CONTACTS, phoneDigits, type ShopContacts } from './sensitive.ts';
import { askedAlready, entryAsking, questionKey } from './suggestions.ts';

/** Scope of the global word list in sensitive_words and knowledge_versions. */
// The word list every shop reads; row-level security (migration 011) admits it to every scope.
export const GLOBAL_SCOPE = rowSecurity.system;

/** What a sensitive-word filter for one shop is built from, with the version it reflects. */
export interface FilterWords {
  readonly version: number;
  /** The global list (the built-in default while none has been set). */
  readonly global: readonly string[];
  readonly shop: readonly string[];
  /** The shop's own allowances for its agents' messages (its contacts setting). */
  readonly contacts: ShopContacts;
}

/** What a shop allows its agents to send besides the operator's lists: links, images and phone numbers of its own. */
export interface ShopContactsSetting {
  readonly shopId: string;
  readonly linkHosts: readonly string[];
  readonly imageHosts: readonly string[];
  /** As the admin typed them. */
  readonly phones: readonly string[];
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

/** A shop's time zone setting; `timeZone` null: the process's default (`KEFU_TIME_ZONE`). */
export interface ShopTimeZone {
  readonly shopId: string;
  readonly timeZone: string | null;
  readonly updatedBy: string | null;
  readonly updatedAt: string | null;
}

export interface KnowledgeServiceOptions {
  /** Most FAQ entries one shop may hold (default 5000): the robot indexes them all in memory. */
  readonly maxFaqPerShop?: number;
  /** The global list used until one is set (default: DEFAULT_GLOBAL_WORDS). */
  readonly defaultGlobalWords?: readonly string[];
}

const notFound = () => new KefuError('NOT_FOUND', 'no such FAQ entry');
// Ids are UUIDs; anything far longer cannot exist and is not worth a query.
const plausibleId = (id: string) => id.length > 0 && id.length <= 64;
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sumOf = (versions: ReadonlyArray<{ version: number }>) => versions.reduce((sum, r) => sum + r.version, 0);

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
    return listFaqEntries(this.#sql.db, shopId);
  }

  async getFaq(shopId: string, id: string): Promise<FaqEntry> {
    assertShopId(shopId);
    if (!plausibleId(id)) throw notFound();
    const entry = await findFaqEntry(this.#sql.db, shopId, id);
    if (!entry) throw notFound();
    return entry;
  }

  /** `input`: `{ question, answer, alternates? }` as received. */
  async createFaq(shopId: string, input: unknown): Promise<FaqEntry> {
    assertShopId(shopId);
    const v = parseFaqInput(input);
    return this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      if ((await countFaqEntries(tx, shopId)) >= this.#maxFaq) throw new KefuError('CONFLICT', `the shop already has ${this.#maxFaq} FAQ entries`);
      await refuseSameQuestion(tx, shopId, [v.question, ...v.alternates]);
      return insertFaqEntry(tx, shopId, v);
    });
  }

  /**
   * Replaces question, answer and alternates (an omitted `alternates` clears them). With `version`,
   * only if the entry is still at that version: two admins editing one entry at once lost the first
   * one's change without a word (found from outside).
   */
  async updateFaq(shopId: string, id: string, input: unknown): Promise<FaqEntry> {
    assertShopId(shopId);
    const { version, ...v } = parseFaqUpdate(input);
    if (!plausibleId(id)) throw notFound();
    return this.#sql.transaction(async (tx) => {
      // The shop's counter is locked from here to the commit: the version read below cannot change before the update.
      await bumpVersion(tx, shopId);
      const had = await findFaqEntry(tx, shopId, id);
      if (!had) throw notFound();
      if (version !== undefined && had.version !== version) {
        throw new KefuError('CONFLICT', `the entry was changed since version ${version} (it is at version ${had.version} now): reload it and edit again`, { faqEntryId: id, version: had.version });
      }
      // Only what this edit adds: an entry that already shared a phrasing (written before this check) can still be edited.
      const kept = new Set([had.question, ...had.alternates].map(questionKey));
      await refuseSameQuestion(tx, shopId, [v.question, ...v.alternates].filter((q) => !kept.has(questionKey(q))), id);
      const entry = await updateFaqEntry(tx, shopId, id, v);
      if (!entry) throw notFound();
      return entry;
    });
  }

  async deleteFaq(shopId: string, id: string): Promise<void> {
    assertShopId(shopId);
    if (!plausibleId(id)) throw notFound();
    await this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      if (!(await deleteFaqEntry(tx, shopId, id))) throw notFound();
    });
  }

  // --- Sensitive words -----------------------------------------------------------------------

  /** The shop's own list (without the global one), sorted. */
  async getSensitiveWords(shopId: string): Promise<string[]> {
    assertShopId(shopId);
    return (await listWords(this.#sql.db, shopId)).sort(byCodeUnit);
  }

  /** `input`: `{ words: [...] }` as received. Returns the stored list, sorted. */
  async replaceSensitiveWords(shopId: string, input: unknown): Promise<string[]> {
    assertShopId(shopId);
    const words = parseWordsInput(input);
    await this.#replaceList(shopId, words);
    return [...words].sort(byCodeUnit);
  }

  /** The global list in force: the one set last, or the built-in default if none was ever set. */
  async getGlobalWords(): Promise<string[]> {
    const set = await hasVersion(this.#sql.db, GLOBAL_SCOPE);
    return (set ? await listWords(this.#sql.db, GLOBAL_SCOPE) : [...this.#defaultGlobal]).sort(byCodeUnit);
  }

  /**
   * Replaces the global list, for every shop. Deliberately not reachable over REST (see
   * defaults.ts): code, seed scripts and operator tooling call it. Same rules as a shop list.
   */
  async setGlobalWords(words: readonly string[]): Promise<string[]> {
    const list = parseWordList(words);
    await this.#replaceList(GLOBAL_SCOPE, list);
    return [...list].sort(byCodeUnit);
  }

  #replaceList(scope: string, words: readonly string[]): Promise<void> {
    return this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, scope);
      await replaceWords(tx, scope, words);
    });
  }

  // --- Settings ------------------------------------------------------------------------------

  async timeZone(shopId: string): Promise<ShopTimeZone> {
    assertShopId(shopId);
    return shopTimeZone(shopId, await selectShopSettings(this.#sql.db, shopId));
  }

  /**
   * `input`: `{ timeZone }` as received. Bumps the shop's knowledge version with the change: the
   * robot keeps the zone with the shop's FAQ index, which every node reloads when the version moves.
   */
  async setTimeZone(shopId: string, input: unknown, actorId: string): Promise<ShopTimeZone> {
    assertShopId(shopId);
    const timeZone = parseTimeZoneInput(input);
    const r = await this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      return upsertShopTimeZone(tx, shopId, timeZone, actorId);
    });
    return shopTimeZone(shopId, r);
  }

  async contacts(shopId: string): Promise<ShopContactsSetting> {
    assertShopId(shopId);
    return shopContacts(shopId, await selectShopSettings(this.#sql.db, shopId));
  }

  /**
   * `input`: `{ linkHosts?, imageHosts?, phones? }`, replacing the shop's lists. Bumps the shop's knowledge version: the
   * content policy keeps them with the shop's word filter (FilterCache), which every node reloads when the version moves.
   */
  async setContacts(shopId: string, input: unknown, actorId: string): Promise<ShopContactsSetting> {
    assertShopId(shopId);
    const contacts = parseContactsInput(input);
    const r = await this.#sql.transaction(async (tx) => {
      await bumpVersion(tx, shopId);
      return upsertShopContacts(tx, shopId, contacts, actorId);
    });
    return shopContacts(shopId, r);
  }

  // --- Versions ------------------------------------------------------------------------------

  /**
   * A number that grows with every change to the shop's FAQ, words or settings and to the global list
   * (the sum of the two counters, each only ever incremented). One indexed query.
   */
  async version(shopId: string): Promise<number> {
    assertShopId(shopId);
    return sumOf(await listVersions(this.#sql.db, [shopId, GLOBAL_SCOPE]));
  }

  /** Global and shop words with the version they belong to. */
  async filterWords(shopId: string): Promise<FilterWords> {
    assertShopId(shopId);
    // Version first, words second: a change committing in between makes the words newer than
    // the version, which only costs one more reload later; the other order could pin old words
    // under a new version.
    const versions = await listVersions(this.#sql.db, [shopId, GLOBAL_SCOPE]);
    const globalSet = versions.some((r) => r.scope === GLOBAL_SCOPE);
    const words = await listScopedWords(this.#sql.db, [shopId, GLOBAL_SCOPE]);
    const stored = (await selectShopSettings(this.#sql.db, shopId))?.contacts;
    const shop: string[] = [];
    const global: string[] = [];
    for (const w of words) (w.scope === GLOBAL_SCOPE ? global : shop).push(w.word);
    return {
      version: sumOf(versions),
      global: (globalSet ? global : [...this.#defaultGlobal]).sort(byCodeUnit),
      shop: shop.sort(byCodeUnit),
      contacts: stored ? { linkHosts: stored.linkHosts, imageHosts: stored.imageHosts, phones: stored.phones.map((p) => phoneDigits(p)!) } : NO_SHOP_CONTACTS,
    };
  }
}

/** A shop's settings row as the API shows its zone; no row: nothing set. */
const shopTimeZone = (shopId: string, r: ShopSettingsRow | undefined): ShopTimeZone => ({ shopId, timeZone: r?.time_zone ?? null, updatedBy: r?.updated_by ?? null, updatedAt: r ? r.updated_at.toISOString() : null });

const shopContacts = (shopId: string, r: ShopSettingsRow | undefined): ShopContactsSetting => ({
  shopId,
  linkHosts: r?.contacts?.linkHosts ?? [],
  imageHosts: r?.contacts?.imageHosts ?? [],
  phones: r?.contacts?.phones ?? [],
  updatedBy: r?.contacts ? r.updated_by : null,
  updatedAt: r?.contacts ? r.updated_at.toISOString() : null,
});

/**
 * A question another entry already asks (as its question or an alternate) is refused: the robot
 * offered both as "did you mean …?" and a yes handed the buyer over (found from outside).
 */
async function refuseSameQuestion(tx: Parameters<typeof entryAsking>[0], shopId: string, phrasings: readonly string[], exceptId?: string): Promise<void> {
  const same = await entryAsking(tx, shopId, phrasings, exceptId);
  if (same) throw new KefuError('CONFLICT', `${askedAlready(same)}: edit that entry instead`, { faqEntryId: same.id });
}
