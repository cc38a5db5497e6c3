/**
 * Key rotation for the read model's PII (`kefu rotate-keys`): rewrites every receiver token not
 * encrypted with the keyring's current key. Safe to run while webhooks arrive and to interrupt:
 * each row is rewritten only if its tokens are still the ones read (a concurrent webhook already
 * writes with the current key), and a re-run continues where the last one stopped.
 */
import { reencryptPii, type Keyring } from '../privacy/pii.ts';
import type { SqlStore } from '../storage/ports.ts';
import { replaceReceiverTokens, selectStaleReceivers, type OrderKey, type ReceiverTokens } from './repository.ts';

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
  let scanned = 0;
  let rewritten = 0;
  const failed: { shopId: string; orderId: string; reason: string }[] = [];
  let after: OrderKey | undefined;
  for (;;) {
    const rows = await selectStaleReceivers(sql.db, prefix, after, opts.batchSize ?? 200);
    if (rows.length === 0) break;
    for (const r of rows) {
      scanned++;
      let next: ReceiverTokens;
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
      if (await replaceReceiverTokens(sql.db, r, next)) rewritten++;
    }
    const last = rows[rows.length - 1]!;
    after = { shopId: last.shop_id, orderId: last.order_id };
  }
  return { scanned, rewritten, failed };
}
