/** The buyer's latest closed conversation with the shop, when a person served it and it closed within the last `minutes`. */
import { sql } from 'kysely';
import { servedSql } from '../conversation/index.ts';
import type { Db } from '../storage/ports.ts';

export interface OfBuyer {
  readonly shopId: string;
  readonly buyerId: string;
  /** The conversation the buyer writes in now: never its own last one. */
  readonly conversationId: string;
}

export async function lastServedClosed(db: Db, m: OfBuyer, minutes: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('conversations')
    .select(['id', servedSql(sql.ref('conversations.id')).as('served')])
    .where('shop_id', '=', m.shopId)
    .where('buyer_id', '=', m.buyerId)
    .where('state', '=', 'closed')
    .where('id', '!=', m.conversationId)
    .where('closed_at', '>', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .orderBy('closed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.served ? row.id : undefined;
}
