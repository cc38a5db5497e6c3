/**
 * Applying one validated platform event to the read model.
 *
 * Invariants, all inside ONE transaction:
 * - the event id is recorded in webhook_events first; an id already there means a redelivery,
 *   and nothing else is touched;
 * - the record is replaced only when the event's `data.updatedAt` is newer than the stored one,
 *   or the same with a status later in its lifecycle (protocol/commerce.ts `replacesRecord`),
 *   decided by the database (`on conflict ... where`), so two deliveries racing on two nodes
 *   cannot let the older one win;
 * - a parcel is the record of one tracking number of an order (an order may have several): the
 *   rule holds per parcel. `logistics.removed` leaves a tombstone row (`removed`) carrying its
 *   `updatedAt`, which wins a tie and is replaced only by a newer parcel (`replacesParcel`), so
 *   an older event delivered late cannot bring a withdrawn parcel back;
 * - receiver name, phone and address are written only as PII tokens bound to the shop.
 * A failure anywhere rolls back the event id too, so the platform's retry is processed afresh.
 */
import { encryptPii, type Keyring } from '../privacy/pii.ts';
import type { SqlStore, Tx } from '../storage/ports.ts';
import { sortEvents, type PlatformEvent } from './events.ts';
import { sql, type Insertable } from 'kysely';
import type { ShopLogisticsTable } from '../storage/tables/commerce.ts';
import { locks } from '../storage/keys.ts';
import { AFTERSALE_STATUSES, LOGISTICS_STATUSES, ORDER_STATUSES, replacesParcel } from '../protocol/commerce.ts';

/** `replacesRecord` in SQL, for an upsert's conflict: the statuses are constants of ours, inlined. */
function replaces(table: 'shop_orders' | 'shop_logistics' | 'shop_aftersales', statuses: readonly string[]) {
  const rank = (col: string) => sql.raw(`array_position(array[${statuses.map((s) => `'${s}'`).join(',')}]::text[], ${col}::text)`);
  // A tombstone (a removed parcel) wins a tie: only a newer parcel replaces it.
  const live = table === 'shop_logistics' ? sql`not shop_logistics.removed and ` : sql``;
  return sql<boolean>`${sql.ref(`${table}.updated_at`)} < excluded.updated_at or (${sql.ref(`${table}.updated_at`)} = excluded.updated_at and ${live}${rank('excluded.status')} > ${rank(`${table}.status`)})`;
}

/** `replacesParcel` for a removal: newer than the stored parcel, or as new and not removed already. */
const removes = sql<boolean>`shop_logistics.updated_at < excluded.updated_at or (shop_logistics.updated_at = excluded.updated_at and not shop_logistics.removed)`;

export interface ApplyResult {
  /** The stored record now reflects this event. */
  readonly applied: boolean;
  /** The event id had been processed before; nothing changed. */
  readonly duplicate: boolean;
}

type EventOf<K extends PlatformEvent['type']> = Extract<PlatformEvent, { type: K }>;

/** Writes the event's record unless the stored one is as new or newer; true when it wrote. */
function upsert(tx: Tx, keyring: Keyring, e: PlatformEvent): Promise<boolean> {
  if (e.type === 'order.upserted') return upsertOrder(tx, keyring, e);
  if (e.type === 'logistics.upserted') return upsertLogistics(tx, e);
  if (e.type === 'logistics.removed') return removeLogistics(tx, e);
  return upsertAftersale(tx, e);
}

async function upsertOrder(tx: Tx, keyring: Keyring, e: EventOf<'order.upserted'>): Promise<boolean> {
  const shopId = e.shopId;
  const d = e.data;
  const row = await tx
    .insertInto('shop_orders')
    .values({
      shop_id: shopId,
      order_id: d.orderId,
      user_id: d.userId,
      status: d.status,
      items: JSON.stringify(d.items.map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantity, price: i.price }))),
      total_amount: d.totalAmount,
      currency: d.currency,
      receiver_name_enc: encryptPii(keyring, shopId, d.receiver.name),
      receiver_phone_enc: encryptPii(keyring, shopId, d.receiver.phone),
      receiver_address_enc: encryptPii(keyring, shopId, d.receiver.address),
      created_at: d.createdAt,
      updated_at: d.updatedAt,
      // Absent in the event: NULL, since the newer record replaces the stored one whole.
      ship_by: d.shipBy ?? null,
      pay_by: d.payBy ?? null,
      cancel_reason: d.cancelReason ?? null,
      last_event_id: e.id,
    })
    .onConflict((oc) =>
      oc
        .columns(['shop_id', 'order_id'])
        .doUpdateSet((eb) => ({
          user_id: eb.ref('excluded.user_id'),
          status: eb.ref('excluded.status'),
          items: eb.ref('excluded.items'),
          total_amount: eb.ref('excluded.total_amount'),
          currency: eb.ref('excluded.currency'),
          receiver_name_enc: eb.ref('excluded.receiver_name_enc'),
          receiver_phone_enc: eb.ref('excluded.receiver_phone_enc'),
          receiver_address_enc: eb.ref('excluded.receiver_address_enc'),
          created_at: eb.ref('excluded.created_at'),
          updated_at: eb.ref('excluded.updated_at'),
          ship_by: eb.ref('excluded.ship_by'),
          pay_by: eb.ref('excluded.pay_by'),
          cancel_reason: eb.ref('excluded.cancel_reason'),
          last_event_id: eb.ref('excluded.last_event_id'),
          stored_at: eb.ref('excluded.stored_at'),
        }))
        .where(replaces('shop_orders', ORDER_STATUSES)),
    )
    .returning('order_id')
    .executeTakeFirst();
  return row !== undefined;
}

async function upsertLogistics(tx: Tx, e: EventOf<'logistics.upserted'>): Promise<boolean> {
  const d = e.data;
  const events = sortEvents(d.events).map((x) => ({ time: x.time, ...(x.location !== undefined ? { location: x.location } : {}), description: x.description }));
  // The order's only parcel (no `split`): stale when another live parcel of the order is newer.
  if (!d.split) await sql`select pg_advisory_xact_lock(hashtext(${locks.orderParcels(e.shopId, d.orderId)}))`.execute(tx);
  if (!d.split && (await newerParcel(tx, e.shopId, d.orderId, d.trackingNo, d.updatedAt, d.status))) return false;
  const wrote = await writeParcel(tx, { shop_id: e.shopId, order_id: d.orderId, carrier: d.carrier, tracking_no: d.trackingNo, status: d.status, events: JSON.stringify(events), updated_at: d.updatedAt, last_event_id: e.id, removed: false });
  // Written, it replaces the order's other parcels (a corrected tracking number), which become tombstones.
  if (wrote && !d.split) {
    await tx.updateTable('shop_logistics').set({ removed: true }).where('shop_id', '=', e.shopId).where('order_id', '=', d.orderId).where('tracking_no', '<>', d.trackingNo).where('removed', '=', false).execute();
  }
  return wrote;
}

/** Another live parcel of the order, newer than this one (or as new with a later status). */
async function newerParcel(tx: Tx, shopId: string, orderId: string, trackingNo: string, updatedAt: string, status: string): Promise<boolean> {
  const others = await tx.selectFrom('shop_logistics').select(['updated_at', 'status']).where('shop_id', '=', shopId).where('order_id', '=', orderId).where('tracking_no', '<>', trackingNo).where('removed', '=', false).execute();
  // The rule datasetFromEvents applies too: this parcel would not replace that one.
  return others.some((o) => !replacesParcel({ updatedAt: o.updated_at.toISOString(), status: o.status, removed: false }, { updatedAt, status }));
}

/**
 * Withdraws the parcel: a tombstone in its row (no carrier, no events), written even when no
 * parcel was stored yet, since its event may still be on its way and must find the tombstone.
 */
function removeLogistics(tx: Tx, e: EventOf<'logistics.removed'>): Promise<boolean> {
  const d = e.data;
  return writeParcel(tx, { shop_id: e.shopId, order_id: d.orderId, carrier: '', tracking_no: d.trackingNo, status: 'pending', events: '[]', updated_at: d.updatedAt, last_event_id: e.id, removed: true });
}

/** One tracking number's row, replaced by the rule of its kind (a parcel or a removal); first_stored_at is kept. */
async function writeParcel(tx: Tx, values: Insertable<ShopLogisticsTable> & { removed: boolean }): Promise<boolean> {
  const row = await tx
    .insertInto('shop_logistics')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['shop_id', 'order_id', 'tracking_no'])
        .doUpdateSet((eb) => ({
          carrier: eb.ref('excluded.carrier'),
          status: eb.ref('excluded.status'),
          events: eb.ref('excluded.events'),
          updated_at: eb.ref('excluded.updated_at'),
          last_event_id: eb.ref('excluded.last_event_id'),
          stored_at: eb.ref('excluded.stored_at'),
          removed: eb.ref('excluded.removed'),
        }))
        .where(values.removed ? removes : replaces('shop_logistics', LOGISTICS_STATUSES)),
    )
    .returning('order_id')
    .executeTakeFirst();
  return row !== undefined;
}

async function upsertAftersale(tx: Tx, e: EventOf<'aftersale.upserted'>): Promise<boolean> {
  const shopId = e.shopId;
  const d = e.data;
  const row = await tx
    .insertInto('shop_aftersales')
    .values({
      shop_id: shopId,
      aftersale_id: d.aftersaleId,
      order_id: d.orderId,
      user_id: d.userId,
      type: d.type,
      status: d.status,
      amount: d.amount ?? null,
      reason: d.reason ?? null,
      updated_at: d.updatedAt,
      last_event_id: e.id,
    })
    .onConflict((oc) =>
      oc
        .columns(['shop_id', 'aftersale_id'])
        .doUpdateSet((eb) => ({
          order_id: eb.ref('excluded.order_id'),
          user_id: eb.ref('excluded.user_id'),
          type: eb.ref('excluded.type'),
          status: eb.ref('excluded.status'),
          amount: eb.ref('excluded.amount'),
          reason: eb.ref('excluded.reason'),
          updated_at: eb.ref('excluded.updated_at'),
          last_event_id: eb.ref('excluded.last_event_id'),
          stored_at: eb.ref('excluded.stored_at'),
        }))
        .where(replaces('shop_aftersales', AFTERSALE_STATUSES)),
    )
    .returning('aftersale_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function applyPlatformEvent(sql: SqlStore, keyring: Keyring, event: PlatformEvent): Promise<ApplyResult> {
  return sql.transaction(async (tx) => {
    // `do nothing` instead of catching a unique violation: a failed statement would abort the
    // whole PostgreSQL transaction.
    const fresh = await tx
      .insertInto('webhook_events')
      .values({ shop_id: event.shopId, event_id: event.id, type: event.type })
      .onConflict((oc) => oc.columns(['shop_id', 'event_id']).doNothing())
      .returning('event_id')
      .executeTakeFirst();
    if (!fresh) return { applied: false, duplicate: true };
    return { applied: await upsert(tx, keyring, event), duplicate: false };
  });
}
