/**
 * The demo platform: what stands in for the e-commerce platform's command endpoint in demo mode
 * (KEFU_DEMO on, no KEFU_PLATFORM_API_URL). It really issues coupons, changes prices and locks
 * and releases stock, in tables of migration 008, so every kefu process sharing the database
 * sees one platform.
 *
 * Contract (the same as docs/api.md asks of a real platform):
 * - `Idempotency-Key` is required; a key applies its command once: a repeated key with the same
 *   body answers the first answer again (also while the first is still being applied: the second
 *   waits for it), with another body 422. A refused command (unknown SKU, not enough stock)
 *   stores nothing, so the same key may succeed later.
 * - Answers: 200 `{ result }`; 400 for a body it cannot read; 422 `{ error: { message } }` for a
 *   command it refuses (`insufficient stock for …`, `unknown sku …`).
 * - Faults for demos and tests (per shop, for the next `times` calls, shared by every process):
 *   `fail` answers `status` (default 503) without applying; `reject` answers `status` (default
 *   422); `hang` answers nothing for `hangMs` (default 10 min, so until the caller gives up),
 *   then applies, or with `applyFirst` applies first and then hangs (the answer is lost).
 */
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { z } from 'zod';
import { classify, PAYLOAD_SCHEMAS, type Attempt, type CommandPlatform, type Delivery } from '../commands/index.ts';
import type { SqlStore, Tx } from '../storage/ports.ts';
import { DEMO_EVENTS, DEMO_SHOP_ID } from './data.ts';

export interface PlatformAnswer {
  readonly status: number;
  readonly body: unknown;
}

export const FaultInput = z.strictObject({
  mode: z.enum(['fail', 'reject', 'hang']),
  times: z.number().int().min(1).max(10_000),
  status: z.number().int().min(400).max(599).optional(),
  hangMs: z.number().int().min(1).max(3_600_000).optional(),
  applyFirst: z.boolean().optional(),
});
export type DemoFault = z.infer<typeof FaultInput>;

export const SkuInput = z.strictObject({
  price: z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'must be a decimal string like "129.00"').optional(),
  available: z.number().int().min(0).max(1_000_000_000),
});

const DEFAULT_HANG_MS = 600_000;
const DEMO_STOCK = 100;

const RequestBody = z.object({ commandId: z.string().min(1).max(128), type: z.enum(['coupon.issue', 'price.change', 'inventory.lock', 'inventory.release']), payload: z.unknown() });
type RequestBody = z.infer<typeof RequestBody>;

/** A command the platform refuses: nothing of it is kept. */
class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const answer = (status: number, message: string): PlatformAnswer => ({ status, body: { error: { message } } });

export class DemoPlatform {
  readonly #sql: SqlStore;

  constructor(sqlStore: SqlStore) {
    this.#sql = sqlStore;
  }

  /** The demo shop's SKUs at their order prices, 100 in stock each (kept if already there). */
  async seed(): Promise<void> {
    const skus = new Map<string, string>();
    for (const e of DEMO_EVENTS) {
      if (e.type !== 'order.upserted') continue;
      for (const i of (e.data as { items: Array<{ sku: string; price: string }> }).items) skus.set(i.sku, i.price);
    }
    const rows = [...skus].map(([sku, price]) => ({ shop_id: DEMO_SHOP_ID, sku, price, available: DEMO_STOCK }));
    if (rows.length) await this.#sql.db.insertInto('demo_platform_skus').values(rows).onConflict((oc) => oc.columns(['shop_id', 'sku']).doNothing()).execute();
  }

  /** `POST /shops/{shopId}/commands` of the platform. Rejects only when `signal` fires while hanging. */
  async handle(shopId: string, key: string | undefined, body: unknown, signal: AbortSignal): Promise<PlatformAnswer> {
    if (!key) return answer(400, 'Idempotency-Key header is required');
    const parsed = RequestBody.safeParse(body);
    if (!parsed.success) return answer(400, `body: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const fault = await this.#takeFault(shopId);
    if (fault?.mode === 'fail') return answer(fault.status ?? 503, 'demo platform: told to fail');
    if (fault?.mode === 'reject') return answer(fault.status ?? 422, 'demo platform: told to refuse');
    const hang = fault?.mode === 'hang' ? () => sleep(fault.hangMs ?? DEFAULT_HANG_MS, undefined, { signal }) : undefined;
    if (hang && !fault?.applyFirst) await hang();
    const out = await this.#applyOnce(shopId, key, parsed.data);
    if (hang && fault?.applyFirst) await hang();
    return out;
  }

  async #takeFault(shopId: string): Promise<DemoFault | undefined> {
    const r = await sql<{ mode: DemoFault['mode']; status: number | null; hang_ms: number; apply_first: boolean }>`
      update demo_platform_faults set remaining = remaining - 1 where shop_id = ${shopId} and remaining > 0
      returning mode, status, hang_ms, apply_first`.execute(this.#sql.db);
    const f = r.rows[0];
    return f && { mode: f.mode, times: 1, ...(f.status ? { status: f.status } : {}), ...(f.hang_ms ? { hangMs: f.hang_ms } : {}), applyFirst: f.apply_first };
  }

  async #applyOnce(shopId: string, key: string, req: RequestBody): Promise<PlatformAnswer> {
    const fp = createHash('sha256').update(JSON.stringify(req)).digest('hex');
    try {
      return await this.#sql.transaction(async (tx) => {
        const fresh = await tx
          .insertInto('demo_platform_requests')
          .values({ shop_id: shopId, key, fingerprint: fp })
          .onConflict((oc) => oc.columns(['shop_id', 'key']).doNothing())
          .returning('key')
          .executeTakeFirst();
        if (!fresh) return this.#replay(tx, shopId, key, fp);
        const result = await this.#apply(tx, shopId, req);
        const out = { status: 200, body: { result } };
        await tx.updateTable('demo_platform_requests').set({ response_status: out.status, response_body: JSON.stringify(out.body) }).where('shop_id', '=', shopId).where('key', '=', key).execute();
        return out;
      });
    } catch (e) {
      if (e instanceof Refusal) return answer(e.status, e.message);
      throw e;
    }
  }

  async #replay(tx: Tx, shopId: string, key: string, fp: string): Promise<PlatformAnswer> {
    const prev = await tx.selectFrom('demo_platform_requests').selectAll().where('shop_id', '=', shopId).where('key', '=', key).executeTakeFirstOrThrow();
    if (prev.fingerprint !== fp) return answer(422, 'Idempotency-Key was already used with another body');
    return { status: prev.response_status ?? 200, body: JSON.parse(prev.response_body ?? '{}') as unknown };
  }

  async #apply(tx: Tx, shopId: string, req: RequestBody): Promise<unknown> {
    const schema = PAYLOAD_SCHEMAS[req.type];
    const p = schema.safeParse(req.payload);
    if (!p.success) throw new Refusal(400, `payload: ${p.error.issues[0]?.message ?? 'invalid'}`);
    switch (req.type) {
      case 'coupon.issue':
        return issueCoupon(tx, shopId, req.commandId, p.data as z.infer<(typeof PAYLOAD_SCHEMAS)['coupon.issue']>);
      case 'price.change':
        return changePrice(tx, shopId, p.data as z.infer<(typeof PAYLOAD_SCHEMAS)['price.change']>);
      case 'inventory.lock':
        return lockStock(tx, shopId, req.commandId, p.data as z.infer<(typeof PAYLOAD_SCHEMAS)['inventory.lock']>);
      case 'inventory.release':
        return releaseStock(tx, shopId, p.data as z.infer<(typeof PAYLOAD_SCHEMAS)['inventory.release']>);
    }
  }

  async setFault(shopId: string, f: DemoFault): Promise<void> {
    const row = { shop_id: shopId, mode: f.mode, status: f.status ?? null, remaining: f.times, hang_ms: f.hangMs ?? 0, apply_first: f.applyFirst ?? false };
    await this.#sql.db
      .insertInto('demo_platform_faults')
      .values(row)
      .onConflict((oc) => oc.column('shop_id').doUpdateSet({ mode: row.mode, status: row.status, remaining: row.remaining, hang_ms: row.hang_ms, apply_first: row.apply_first }))
      .execute();
  }

  async clearFault(shopId: string): Promise<void> {
    await this.#sql.db.deleteFrom('demo_platform_faults').where('shop_id', '=', shopId).execute();
  }

  async setSku(shopId: string, sku: string, v: z.infer<typeof SkuInput>): Promise<void> {
    const price = v.price ?? null;
    await this.#sql.db
      .insertInto('demo_platform_skus')
      .values({ shop_id: shopId, sku, price, available: v.available })
      .onConflict((oc) => oc.columns(['shop_id', 'sku']).doUpdateSet({ available: v.available, ...(v.price ? { price } : {}), updated_at: sql<Date>`now()` }))
      .execute();
  }

  /** What the platform holds for the shop: SKUs, the newest 100 coupons and locks, applied keys, the fault. */
  async state(shopId: string): Promise<Record<string, unknown>> {
    const db = this.#sql.db;
    const [skus, coupons, locks, applied, fault] = await Promise.all([
      db.selectFrom('demo_platform_skus').select(['sku', 'price', 'available', 'locked']).where('shop_id', '=', shopId).orderBy('sku').execute(),
      db.selectFrom('demo_platform_coupons').select(['id', 'user_id as userId', 'template_id as couponTemplateId', 'amount', 'command_id as commandId']).where('shop_id', '=', shopId).orderBy('created_at', 'desc').limit(100).execute(),
      db.selectFrom('demo_platform_locks').select(['id', 'sku', 'quantity', 'order_id as orderId', 'released_at as releasedAt']).where('shop_id', '=', shopId).orderBy('created_at', 'desc').limit(100).execute(),
      db.selectFrom('demo_platform_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('shop_id', '=', shopId).where('response_status', 'is not', null).executeTakeFirst(),
      db.selectFrom('demo_platform_faults').select(['mode', 'status', 'remaining', 'hang_ms as hangMs', 'apply_first as applyFirst']).where('shop_id', '=', shopId).where('remaining', '>', 0).executeTakeFirst(),
    ]);
    return { shopId, skus, coupons, locks, appliedKeys: Number(applied?.n ?? 0), fault: fault ?? null };
  }
}

async function issueCoupon(tx: Tx, shopId: string, commandId: string, p: { userId: string; couponTemplateId?: string | undefined; amount?: string | undefined }): Promise<unknown> {
  const couponId = `CP${randomBytes(6).toString('hex').toUpperCase()}`;
  await tx.insertInto('demo_platform_coupons').values({ id: couponId, shop_id: shopId, user_id: p.userId, template_id: p.couponTemplateId ?? null, amount: p.amount ?? null, command_id: commandId }).execute();
  return { couponId, userId: p.userId, ...(p.amount ? { amount: p.amount } : { couponTemplateId: p.couponTemplateId }) };
}

async function changePrice(tx: Tx, shopId: string, p: { sku: string; price: string }): Promise<unknown> {
  const before = await tx.selectFrom('demo_platform_skus').select('price').where('shop_id', '=', shopId).where('sku', '=', p.sku).forUpdate().executeTakeFirst();
  if (!before) throw new Refusal(422, `unknown sku ${p.sku}`);
  await tx.updateTable('demo_platform_skus').set({ price: p.price, updated_at: sql<Date>`now()` }).where('shop_id', '=', shopId).where('sku', '=', p.sku).execute();
  return { sku: p.sku, price: p.price, previousPrice: before.price };
}

async function lockStock(tx: Tx, shopId: string, commandId: string, p: { sku: string; quantity: number; orderId?: string | undefined }): Promise<unknown> {
  const left = await tx
    .updateTable('demo_platform_skus')
    .set((eb) => ({ available: eb('available', '-', p.quantity), locked: eb('locked', '+', p.quantity), updated_at: sql<Date>`now()` }))
    .where('shop_id', '=', shopId)
    .where('sku', '=', p.sku)
    .where('available', '>=', p.quantity)
    .returning('available')
    .executeTakeFirst();
  if (!left) {
    const sku = await tx.selectFrom('demo_platform_skus').select('available').where('shop_id', '=', shopId).where('sku', '=', p.sku).executeTakeFirst();
    throw new Refusal(422, sku ? `insufficient stock for ${p.sku}: ${sku.available} available, ${p.quantity} asked` : `unknown sku ${p.sku}`);
  }
  await tx.insertInto('demo_platform_locks').values({ id: commandId, shop_id: shopId, sku: p.sku, quantity: p.quantity, order_id: p.orderId ?? null }).execute();
  return { lockId: commandId, sku: p.sku, quantity: p.quantity, available: left.available };
}

async function releaseStock(tx: Tx, shopId: string, p: { lockCommandId: string; lockId?: string | undefined }): Promise<unknown> {
  const lock = await tx
    .updateTable('demo_platform_locks')
    .set({ released_at: sql<Date>`now()` })
    .where('shop_id', '=', shopId)
    .where('id', '=', p.lockId ?? p.lockCommandId)
    .where('released_at', 'is', null)
    .returning(['sku', 'quantity'])
    .executeTakeFirst();
  if (!lock) return { released: false };
  const left = await tx
    .updateTable('demo_platform_skus')
    .set((eb) => ({ available: eb('available', '+', lock.quantity), locked: eb('locked', '-', lock.quantity), updated_at: sql<Date>`now()` }))
    .where('shop_id', '=', shopId)
    .where('sku', '=', lock.sku)
    .returning('available')
    .executeTakeFirstOrThrow();
  return { released: true, sku: lock.sku, quantity: lock.quantity, available: left.available };
}

/** The demo platform as kefu's CommandPlatform: called in-process, answering like the HTTP one. */
export class DemoCommandPlatform implements CommandPlatform {
  readonly #demo: DemoPlatform;

  constructor(demo: DemoPlatform) {
    this.#demo = demo;
  }

  async deliver(d: Delivery, o: { signal: AbortSignal }): Promise<Attempt> {
    const a = await this.#demo.handle(d.shopId, d.commandId, { commandId: d.commandId, type: d.type, payload: d.payload }, o.signal);
    return classify(a.status, a.body);
  }
}
