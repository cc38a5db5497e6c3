/**
 * FAQ search per shop, as the robot sees it: `search(shopId, text)`. `FaqIndexProvider` keeps one
 * FaqIndex per shop, built from entries that the knowledge module pushes (`setEntries`) or that it
 * loads lazily through `load`. Concurrent first searches share one load; a failed load is not
 * cached.
 *
 * With `versionOf` (the knowledge module's change counter for a shop) the provider also notices
 * edits made through another process: at most every `recheckMs` it compares the shop's version
 * with the one its index was built from and reloads when they differ. Between checks a search may
 * answer from an index that is up to `recheckMs` old.
 *
 * With a `reranker` (embeddings.ts, when KEFU_EMBEDDINGS_URL is set) the index's top candidates are
 * re-ordered by semantic similarity before the band is decided; when it fails the lexical order
 * stands.
 */
import type { EmbeddingReranker } from './embeddings.ts';
import { FaqIndex, type FaqEntry, type FaqHit, type FaqIndexOptions, type FaqLookup } from './faq-index.ts';

export interface FaqProvider {
  /** The entry to answer with, or null (band `clarify` and `none` both give null). */
  search(shopId: string, text: string): Promise<FaqHit | null>;
  /** The band with its candidates: answer, clarify with the top two or three, or not an FAQ question. */
  lookup?(shopId: string, text: string): Promise<FaqLookup>;
}

const NONE: FaqLookup = { band: 'none', hit: null, candidates: [] };
/** Candidates handed to the re-ranker. */
const RERANK_TOP_K = 5;

export interface FaqIndexProviderOptions extends FaqIndexOptions {
  /** Entries of a shop not set yet, or whose version changed. */
  readonly load?: (shopId: string) => Promise<readonly FaqEntry[]>;
  /** A number that changes whenever the shop's FAQ changes. */
  readonly versionOf?: (shopId: string) => Promise<number>;
  /** How often the version is compared, in milliseconds; default 5000. */
  readonly recheckMs?: number;
  /** Milliseconds clock, for tests. */
  readonly now?: () => number;
  /** Optional semantic re-ranking of the lexical top candidates. */
  readonly reranker?: EmbeddingReranker;
}

interface Cached {
  readonly index: FaqIndex;
  /** The version the index was built from; undefined when set directly or without versionOf. */
  readonly version: number | undefined;
  checkedAt: number;
}

export class FaqIndexProvider implements FaqProvider {
  readonly #opts: FaqIndexProviderOptions;
  readonly #cache = new Map<string, Cached>();
  readonly #loading = new Map<string, Promise<Cached>>();
  readonly #now: () => number;

  constructor(opts: FaqIndexProviderOptions = {}) {
    this.#opts = opts;
    this.#now = opts.now ?? Date.now;
  }

  /** Replaces a shop's FAQ; throws KefuError BAD_REQUEST on invalid entries and keeps the old index. */
  setEntries(shopId: string, entries: readonly FaqEntry[], version?: number): void {
    this.#cache.set(shopId, { index: new FaqIndex(entries, this.#opts), version, checkedAt: this.#now() });
  }

  /** Forgets a shop's index; the next search loads it again. */
  invalidate(shopId: string): void {
    this.#cache.delete(shopId);
  }

  async search(shopId: string, text: string): Promise<FaqHit | null> {
    return (await this.lookup(shopId, text)).hit;
  }

  async lookup(shopId: string, text: string): Promise<FaqLookup> {
    const index = await this.#index(shopId);
    if (!index) return NONE;
    const reranker = this.#opts.reranker;
    if (!reranker) return index.lookup(text);
    const ranked = index.rank(text, RERANK_TOP_K);
    // Nothing plausible lexically: not worth a network call.
    if (index.bandOf(ranked).band === 'none') return NONE;
    return index.bandOf(await reranker.rerank(text, ranked));
  }

  async #index(shopId: string): Promise<FaqIndex | undefined> {
    const cached = this.#cache.get(shopId);
    const { load, versionOf } = this.#opts;
    if (cached) {
      if (!load || !versionOf || this.#now() - cached.checkedAt < (this.#opts.recheckMs ?? 5000)) return cached.index;
      cached.checkedAt = this.#now();
      const version = await versionOf(shopId);
      if (version === cached.version) return cached.index;
      return (await this.#load(shopId, version)).index;
    }
    if (!load) return undefined;
    return (await this.#load(shopId, versionOf ? await versionOf(shopId) : undefined)).index;
  }

  #load(shopId: string, version: number | undefined): Promise<Cached> {
    const inFlight = this.#loading.get(shopId);
    if (inFlight) return inFlight;
    const p = this.#opts.load!(shopId)
      .then((entries) => {
        const c: Cached = { index: new FaqIndex(entries, this.#opts), version, checkedAt: this.#now() };
        this.#cache.set(shopId, c);
        return c;
      })
      .finally(() => this.#loading.delete(shopId));
    this.#loading.set(shopId, p);
    return p;
  }
}
