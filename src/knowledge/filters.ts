/**
 * FilterCache: the compiled sensitive-word filter of each shop (global + shop words), with the links, images and phone
 * numbers the shop lets its agents send (they change with the same knowledge version), so the message path never compiles
 * or reads them per message.
 *
 * Lifecycle and staleness:
 * - The first get(shopId) loads the words and compiles them (that get waits: there is nothing to
 *   serve yet); later gets return the cached filter without any I/O for `recheckMs`. After that,
 *   a get starts a check of the shop's version (one small query; a reload and recompile only
 *   when it moved) in the background and returns the cached filter at once: stale while
 *   revalidating, so a message never waits for a reload (or for a slow database) once its shop
 *   has a filter. The refreshed filter serves the gets after the check completes.
 * - invalidate(shopId) starts that check at once; invalidate() marks every shop for a check on
 *   its next get (after a global-list change; not a burst of checks for every cached shop). Wire both to the bus message sent after a knowledge
 *   change, so every process picks it up within one check instead of after `recheckMs`.
 *   settled(shopId) waits for a running check, for callers that must see the change.
 * - Concurrent gets of one shop share one load or check. An invalidation that arrives during one
 *   forces another check on the next get.
 * - When the database fails during a refresh, the last filter keeps serving (the policy keeps
 *   working on the last known list) and the check is retried after `recheckMs`. A first load
 *   that fails rejects: there is nothing to serve.
 * - Identical word lists share one compiled filter (most shops only use the global list), and
 *   at most `maxShops` shops are cached, least recently used first out.
 */
import { createHash } from 'node:crypto';
import { compileFilter, type SensitiveFilter, type ShopContacts } from './sensitive.ts';
import type { FilterWords } from './service.ts';

/** What the cache reads: KnowledgeService fits. */
export interface FilterSource {
  version(shopId: string): Promise<number>;
  filterWords(shopId: string): Promise<FilterWords>;
}

export interface FilterCacheOptions {
  /** How long a filter is used without checking the version (default 5000 ms). */
  readonly recheckMs?: number;
  /** Shops kept compiled (default 1000). */
  readonly maxShops?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** A shop's content policy: its compiled word filter and what its agents may send besides the operator's lists. */
export interface ShopPolicy {
  readonly filter: SensitiveFilter;
  readonly contacts: ShopContacts;
}

interface Entry {
  version: number;
  policy: ShopPolicy;
  checkedAt: number;
  stale: boolean;
}

const SHARED_COMPILED_MAX = 32;

export class FilterCache {
  readonly #source: FilterSource;
  readonly #recheckMs: number;
  readonly #maxShops: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();
  readonly #inflight = new Map<string, Promise<ShopPolicy>>();
  readonly #compiled = new Map<string, SensitiveFilter>();
  /**
   * Bumped by every invalidate(): a load or refresh that ran across an invalidation may have read
   * the words from before the change, so its result is marked for another check.
   */
  #epoch = 0;
  /** Counters for metrics and tests. */
  readonly stats = { compiles: 0, loads: 0, versionChecks: 0, refreshErrors: 0 };

  constructor(source: FilterSource, opts: FilterCacheOptions = {}) {
    this.#source = source;
    this.#recheckMs = opts.recheckMs ?? 5000;
    this.#maxShops = opts.maxShops ?? 1000;
    this.#now = opts.now ?? Date.now;
  }

  /** The shop's word filter (see policy()). */
  async get(shopId: string): Promise<SensitiveFilter> {
    return (await this.policy(shopId)).filter;
  }

  /** The shop's filter and contact allowances, loaded and refreshed together (they share the shop's knowledge version). */
  policy(shopId: string): Promise<ShopPolicy> {
    const e = this.#entries.get(shopId);
    if (!e) return this.#start(shopId, () => this.#load(shopId));
    this.#entries.delete(shopId);
    this.#entries.set(shopId, e);
    if (e.stale || this.#now() - e.checkedAt >= this.#recheckMs) {
      // #refresh never rejects (a failure keeps the last filter), so nobody waits on it here.
      void this.#start(shopId, () => this.#refresh(shopId, e));
    }
    return Promise.resolve(e.policy);
  }

  /** Resolves when the load or check running for `shopId` (if any) has finished. */
  async settled(shopId: string): Promise<void> {
    await this.#inflight.get(shopId)?.catch(() => {});
  }

  #start(shopId: string, run: () => Promise<ShopPolicy>): Promise<ShopPolicy> {
    let p = this.#inflight.get(shopId);
    if (!p) {
      p = run().finally(() => this.#inflight.delete(shopId));
      this.#inflight.set(shopId, p);
    }
    return p;
  }

  /** Check the version of `shopId` now (or of every cached shop on its next get). */
  invalidate(shopId?: string): void {
    this.#epoch++;
    if (shopId === undefined) for (const e of this.#entries.values()) e.stale = true;
    else {
      const e = this.#entries.get(shopId);
      if (!e) return;
      e.stale = true;
      // Started now rather than on the next get: that get is served the old filter, so the
      // sooner the check runs, the fewer messages see the list from before the change.
      void this.#start(shopId, () => this.#refresh(shopId, e));
    }
  }

  async #load(shopId: string): Promise<ShopPolicy> {
    const epoch = this.#epoch;
    const words = await this.#source.filterWords(shopId);
    this.stats.loads++;
    const policy = { filter: this.#compile(words), contacts: words.contacts };
    this.#entries.set(shopId, { version: words.version, policy, checkedAt: this.#now(), stale: this.#epoch !== epoch });
    while (this.#entries.size > this.#maxShops) this.#entries.delete(this.#entries.keys().next().value!);
    return policy;
  }

  async #refresh(shopId: string, e: Entry): Promise<ShopPolicy> {
    const epoch = this.#epoch;
    try {
      this.stats.versionChecks++;
      const version = await this.#source.version(shopId);
      if (version !== e.version) {
        const words = await this.#source.filterWords(shopId);
        this.stats.loads++;
        e.policy = { filter: this.#compile(words), contacts: words.contacts };
        e.version = words.version;
      }
    } catch {
      this.stats.refreshErrors++;
      e.stale = false;
      e.checkedAt = this.#now();
      return e.policy;
    }
    e.checkedAt = this.#now();
    e.stale = this.#epoch !== epoch;
    return e.policy;
  }

  #compile(words: FilterWords): SensitiveFilter {
    const key = createHash('sha256').update(words.global.join('\n')).update('\u0000').update(words.shop.join('\n')).digest('base64');
    const hit = this.#compiled.get(key);
    if (hit) {
      this.#compiled.delete(key);
      this.#compiled.set(key, hit);
      return hit;
    }
    // Shop words first: when a shop word and a global word normalise alike, the shop's own
    // spelling is the one reported back to its agents.
    const filter = compileFilter([...words.shop, ...words.global]);
    this.stats.compiles++;
    this.#compiled.set(key, filter);
    while (this.#compiled.size > SHARED_COMPILED_MAX) this.#compiled.delete(this.#compiled.keys().next().value!);
    return filter;
  }
}
