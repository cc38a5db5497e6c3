/**
 * Buyers' data rights (PIPL, GDPR): access (a buyer's export of everything kefu holds about
 * them), erasure (an admin erases one buyer in the admin's shop, audited) and retention (a shop
 * keeps messages N days; a daily sweep deletes older ones in bounded batches).
 *
 * - The export decrypts the receiver fields of the buyer's own orders for the buyer; a field
 *   whose key is gone from the keyring is exported as null, not as an error for the whole export.
 * - An erasure runs in one transaction (all or nothing) with its audit row; the cached copies of
 *   the conversations (hot history, the robot's dialogue state) are dropped after the commit. A
 *   cache that cannot be cleared then is UNAVAILABLE: the database part is done, and a second
 *   erasure (harmless: it finds nothing left and counts zeros) clears the cache.
 * - The sweep: every node ticks; the node that gets the sweep lock claims the shops not swept in
 *   the last day and deletes each one's old messages in batches, one transaction per batch, with
 *   a pause between batches so the sweep never holds the database for long.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { decryptPii, type Keyring } from '../privacy/pii.ts';
import { KefuError } from '../protocol/errors.ts';
import { dropHistory } from '../conversation/index.ts';
import { keys } from '../storage/keys.ts';
import type { Cache, SqlStore } from '../storage/ports.ts';
import * as repo from './repository.ts';

/** Each shop is swept once a day; every node looks for due shops once an hour. */
export const SWEEP_EVERY_MS = 24 * 3600 * 1000;
export const SWEEP_TICK_MS = 3600 * 1000;
export const SWEEP_BATCH = 1000;
/** Shops claimed per tick; the rest wait for the next tick. */
const SWEEP_SHOPS_PER_TICK = 100;
const SWEEP_PAUSE_MS = 20;

export interface RightsDeps {
  sql: SqlStore;
  cache: Cache;
  keyring: Keyring;
  /** After an erasure committed: copies of the buyer's commerce records kept elsewhere are dropped. */
  onErased?: (shopId: string, buyerId: string) => void;
}

export interface Retention {
  shopId: string;
  messageDays: number | null;
  updatedBy: string | null;
  updatedAt: string | null;
  lastSweptAt: string | null;
}

export interface Erasure {
  id: string;
  shopId: string;
  buyerId: string;
  actorId: string;
  erasedAt: string;
  counts: repo.ErasureCounts;
}

export interface SweepResult {
  shops: number;
  deleted: number;
  /** True when another node held the sweep lock (this tick did nothing). */
  skipped: boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toErasure(r: repo.AuditRow): Erasure {
  return { id: r.id, shopId: r.shop_id, buyerId: r.buyer_id, actorId: r.actor_id, erasedAt: r.erased_at.toISOString(), counts: r.counts };
}

export class RightsService {
  readonly #d: RightsDeps;

  constructor(d: RightsDeps) {
    this.#d = d;
  }

  /** Everything kefu holds about `buyerId`, in every shop, as one JSON document. */
  async export(buyerId: string): Promise<Record<string, unknown>> {
    const r = await this.#d.sql.transaction((tx) => repo.selectBuyerRecords(tx, buyerId));
    const byConversation = new Map<string, repo.MessageRow[]>();
    for (const m of r.messages) {
      const list = byConversation.get(m.conversation_id) ?? byConversation.set(m.conversation_id, []).get(m.conversation_id)!;
      list.push(m);
    }
    const ratings = new Map(r.ratings.map((x) => [x.conversation_id, x]));
    const conversations = r.conversations.map((c) => {
      const rating = ratings.get(c.id);
      return {
        conversationId: c.id,
        shopId: c.shop_id,
        state: c.state,
        agentName: c.agent_name,
        createdAt: c.created_at.toISOString(),
        closedAt: iso(c.closed_at),
        messages: (byConversation.get(c.id) ?? []).map((m) => ({ seq: m.seq, senderRole: m.sender_role, senderName: m.sender_name, content: m.content, createdAt: m.created_at.toISOString() })),
        rating: rating ? { score: rating.score, comment: rating.comment, createdAt: rating.created_at.toISOString() } : null,
      };
    });
    return { buyerId, exportedAt: new Date().toISOString(), conversations, shops: this.#shopData(r) };
  }

  /** Orders (receiver decrypted), their parcels and the after-sales, grouped by shop. */
  #shopData(r: repo.BuyerRecords): Array<Record<string, unknown>> {
    const shops = new Map<string, { shopId: string; orders: unknown[]; parcels: unknown[]; aftersales: unknown[] }>();
    const shop = (id: string) => shops.get(id) ?? shops.set(id, { shopId: id, orders: [], parcels: [], aftersales: [] }).get(id)!;
    const plain = (shopId: string, enc: string) => {
      try {
        return decryptPii(this.#d.keyring, shopId, enc);
      } catch {
        return null;
      }
    };
    for (const o of r.orders) {
      shop(o.shop_id).orders.push({
        orderId: o.order_id,
        status: o.status,
        items: o.items,
        totalAmount: o.total_amount,
        currency: o.currency,
        receiver: { name: plain(o.shop_id, o.receiver_name_enc), phone: plain(o.shop_id, o.receiver_phone_enc), address: plain(o.shop_id, o.receiver_address_enc) },
        createdAt: o.created_at.toISOString(),
        updatedAt: o.updated_at.toISOString(),
        shipBy: iso(o.ship_by),
        payBy: iso(o.pay_by),
        cancelReason: o.cancel_reason,
      });
    }
    for (const l of r.logistics) shop(l.shop_id).parcels.push({ orderId: l.order_id, carrier: l.carrier, trackingNo: l.tracking_no, status: l.status, events: l.events, updatedAt: l.updated_at.toISOString() });
    for (const a of r.aftersales) {
      shop(a.shop_id).aftersales.push({ aftersaleId: a.aftersale_id, orderId: a.order_id, type: a.type, status: a.status, amount: a.amount, reason: a.reason, updatedAt: a.updated_at.toISOString() });
    }
    return [...shops.values()];
  }

  /** Erases `buyerId` in `shopId` for the admin `actorId`; audited, all or nothing, repeatable. */
  async erase(shopId: string, buyerId: string, actorId: string): Promise<Erasure> {
    const { audit, conversationIds } = await this.#d.sql.transaction(async (tx) => {
      const { counts, conversationIds } = await repo.eraseBuyer(tx, shopId, buyerId);
      const audit = await repo.insertAudit(tx, { id: `er_${randomUUID()}`, shop_id: shopId, buyer_id: buyerId, actor_id: actorId, counts });
      return { audit, conversationIds };
    });
    this.#d.onErased?.(shopId, buyerId);
    try {
      await this.#dropCached(conversationIds);
      // The robot's open question kept for the buyer's next conversation (its orders' ids, the goods in focus).
      await this.#d.cache.set(keys.botCarry(shopId, buyerId), '', 1);
    } catch {
      throw new KefuError('UNAVAILABLE', 'the buyer was erased in the database but cached copies could not be dropped: repeat the erasure (it is harmless) when the cache is back');
    }
    return toErasure(audit);
  }

  /** `before`: the id of the erasure the previous page ended with. */
  async erasures(shopId: string, limit: number, before?: string): Promise<Erasure[]> {
    const rows = await repo.selectAudits(this.#d.sql.db, shopId, limit, before);
    if (!rows) throw new KefuError('BAD_REQUEST', 'before: no such erasure in this shop', { field: 'before' });
    return rows.map(toErasure);
  }

  /**
   * The Cache port has no delete: a string replaces the list or value under the key (whatever its
   * type). The robot's state expires at once; an erased conversation's hot history stays a
   * tombstone for a while (`dropHistory`), so the next syncs read PostgreSQL and a push still in
   * flight cannot bring back what was erased.
   */
  async #dropCached(conversationIds: readonly string[]): Promise<void> {
    for (const id of conversationIds) await dropHistory(this.#d.cache, id);
    for (const id of conversationIds) await this.#d.cache.set(keys.botState(id), '', 1);
  }

  /**
   * After a retention batch: the deleted messages are old, so no write in flight carries them, and
   * the conversations may be in use: their hot history is dropped at once (a 1 ms marker), not
   * held as a tombstone.
   */
  async #dropHotHistory(conversationIds: readonly string[]): Promise<void> {
    for (const id of conversationIds) await dropHistory(this.#d.cache, id, 1);
  }

  async retention(shopId: string): Promise<Retention> {
    const r = await repo.selectRetention(this.#d.sql.db, shopId);
    return { shopId, messageDays: r?.message_days ?? null, updatedBy: r?.updated_by ?? null, updatedAt: iso(r?.updated_at ?? null), lastSweptAt: iso(r?.last_swept_at ?? null) };
  }

  async setRetention(shopId: string, messageDays: number | null, actorId: string): Promise<Retention> {
    const r = await repo.upsertRetention(this.#d.sql.db, shopId, messageDays, actorId);
    return { shopId, messageDays: r.message_days, updatedBy: r.updated_by, updatedAt: iso(r.updated_at), lastSweptAt: iso(r.last_swept_at) };
  }

  /** One sweep round (what the daily timer runs; tests call it directly). */
  async sweep(opts: { everyMs?: number; batch?: number } = {}): Promise<SweepResult> {
    const due = await this.#d.sql.transaction((tx) => repo.claimDueShops(tx, opts.everyMs ?? SWEEP_EVERY_MS, SWEEP_SHOPS_PER_TICK));
    if (!due) return { shops: 0, deleted: 0, skipped: true };
    let deleted = 0;
    for (const s of due) deleted += await this.#sweepShop(s.shop_id, s.message_days, opts.batch ?? SWEEP_BATCH);
    return { shops: due.length, deleted, skipped: false };
  }

  async #sweepShop(shopId: string, days: number, batch: number): Promise<number> {
    let total = 0;
    for (;;) {
      const r = await this.#d.sql.transaction((tx) => repo.deleteOldMessages(tx, shopId, days, batch));
      total += r.deleted;
      // Best effort: a sync of a range the hot history still holds would be served the deleted
      // messages from it; when the cache is down now, they expire with it (7 days at most).
      await this.#dropHotHistory(r.conversationIds).catch(() => {});
      if (r.deleted < batch) return total;
      await new Promise((res) => setTimeout(res, SWEEP_PAUSE_MS));
    }
  }
}

/**
 * The daily retention sweep on this node: a first look a few minutes after the start (spread so
 * nodes started together do not all try at once), then every hour. Returns the stop.
 */
export function startRetentionSweep(service: RightsService, onResult: (r: SweepResult | Error) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    service
      .sweep()
      .then(onResult, (e: unknown) => onResult(e instanceof Error ? e : new Error(String(e))))
      .finally(() => (running = false));
  };
  const first = setTimeout(tick, 60_000 + Math.floor(Math.random() * 240_000));
  const every = setInterval(tick, SWEEP_TICK_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

/** The service with its sweep running on this node (what the wiring starts; stop() on close). */
export function startRights(d: RightsDeps, log: Pick<Logger, 'info' | 'warn'>): RightsService & { stop(): void } {
  const service = new RightsService(d);
  const stop = startRetentionSweep(service, (r) => {
    if (r instanceof Error) log.warn({ err: r.message }, 'retention sweep failed; tried again within the hour');
    else if (r.deleted > 0) log.info(r, 'retention sweep');
  });
  return Object.assign(service, { stop });
}
