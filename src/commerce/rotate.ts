/**
 * Key rotation for the read model's PII (`kefu rotate-keys`): rewrites every receiver token not
 * encrypted with the keyring's current key. Safe to run while webhooks arrive and to interrupt:
 * each row is rewritten only if its tokens are still the ones read (a concurrent webhook already
 * writes with the current key), and a re-run continues where the last one stopped.
 */
import { sql as rawSql } from 'kysely';
import { reencryptPii, type Keyring } from '../privacy/pii.ts';
import type { SqlStore } from '../storage/ports.ts';

export interface RotationResult {
  /** Rows that held at least one token of an older key. */
  readonly scanned: number;
  readonly rewritten: number;
  /** Rows that could not be decrypted with any key of the ring (left untouched). */
  readonly failed: { readonly shopId: string; readonly orderId: string; readonly reason: string }[];
}

export async function reencryptCommercePii(sql: SqlStore, keyring: Keyring, opts: { batchSize?: number } = {}): Promise<RotationResult> {
  const current = keyring[0];
  if (!current) throw new Error('reencryptCommercePii: the keyring is empty');
  const prefix = `v1.${current.kid}.`;
  const batchSize = opts.batchSize ?? 200;
  let scanned = 0;
  let rewritten = 0;
  const failed: { shopId: string; orderId: string; reason: string }[] = [];
  let after: { shopId: string; orderId: string } | undefined;

  for (;;) {
    const stale = (col: 'receiver_name_enc' | 'receiver_phone_enc' | 'receiver_address_enc') => rawSql<boolean>`left(${rawSql.ref(col)}, ${prefix.length}) <> ${prefix}`;
    let q = sql.db
      .selectFrom('shop_orders')
      .select(['shop_id', 'order_id', 'receiver_name_enc', 'receiver_phone_enc', 'receiver_address_enc'])
      .where((eb) => eb.or([stale('receiver_name_enc'), stale('receiver_phone_enc'), stale('receiver_address_enc')]));
    // Keyset pagination, so rows that fail to decrypt are passed over instead of re-read forever.
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb('shop_id', '>', a.shopId), eb.and([eb('shop_id', '=', a.shopId), eb('order_id', '>', a.orderId)])]));
    }
    const rows = await q.orderBy('shop_id').orderBy('order_id').limit(batchSize).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      scanned++;
      let next: { receiver_name_enc: string; receiver_phone_enc: string; receiver_address_enc: string };
      try {
        next = {
          receiver_name_enc: reencryptPii(keyring, r.shop_id, r.receiver_name_enc),
          receiver_phone_enc: reencryptPii(keyring, r.shop_id, r.receiver_phone_enc),
          receiver_address_enc: reencryptPii(keyring, r.shop_id, r.receiver_address_enc),
        };
      } catch (e) {
        failed.push({ shopId: r.shop_id, orderId: r.order_id, reason: (e as Error).message });
        continue;
      }
      const res = await sql.db
        .updateTable('shop_orders')
        .set(next)
        .where('shop_id', '=', r.shop_id)
        .where('order_id', '=', r.order_id)
        .where('receiver_name_enc', '=', r.receiver_name_enc)
        .where('receiver_phone_enc', '=', r.receiver_phone_enc)
        .where('receiver_address_enc', '=', r.receiver_address_enc)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) > 0) rewritten++;
    }
    const last = rows[rows.length - 1]!;
    after = { shopId: last.shop_id, orderId: last.order_id };
  }
  return { scanned, rewritten, failed };
}
