/**
 * FAQ search per shop, as the robot sees it: `search(shopId, text)`. `FaqIndexProvider` keeps one
 * FaqIndex per shop, built from entries that the knowledge module pushes (`setEntries`, on every
 * change) or that it loads lazily through `load`. Concurrent first searches share one load.
 */
import { FaqIndex, type FaqEntry, type FaqHit, type FaqIndexOptions } from './faq-index.ts';

export interface FaqProvider {
  search(shopId: string, text: string): Promise<FaqHit | null>;
}

export interface FaqIndexProviderOptions extends FaqIndexOptions {
  /** Entries of a shop not set yet; called once per shop until `invalidate`. */
  readonly load?: (shopId: string) => Promise<readonly FaqEntry[]>;
}

export class FaqIndexProvider implements FaqProvider {
  readonly #opts: FaqIndexProviderOptions;
  readonly #indexes = new Map<string, FaqIndex | Promise<FaqIndex>>();

  constructor(opts: FaqIndexProviderOptions = {}) {
    this.#opts = opts;
  }

  /** Replaces a shop's FAQ; throws KefuError BAD_REQUEST on invalid entries and keeps the old index. */
  setEntries(shopId: string, entries: readonly FaqEntry[]): void {
    this.#indexes.set(shopId, new FaqIndex(entries, this.#opts));
  }

  /** Forgets a shop's index; the next search loads it again. */
  invalidate(shopId: string): void {
    this.#indexes.delete(shopId);
  }

  async search(shopId: string, text: string): Promise<FaqHit | null> {
    const index = await this.#index(shopId);
    return index ? index.search(text) : null;
  }

  async #index(shopId: string): Promise<FaqIndex | undefined> {
    const have = this.#indexes.get(shopId);
    if (have) return have;
    const load = this.#opts.load;
    if (!load) return undefined;
    const p = load(shopId).then((entries) => new FaqIndex(entries, this.#opts));
    this.#indexes.set(shopId, p);
    try {
      const index = await p;
      if (this.#indexes.get(shopId) === p) this.#indexes.set(shopId, index);
      return index;
    } catch (e) {
      // A failed load is not cached: the next search tries again.
      if (this.#indexes.get(shopId) === p) this.#indexes.delete(shopId);
      throw e;
    }
  }
}
