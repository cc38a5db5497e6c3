export const name = 'data_rights';

// Buyers' data rights (src/rights/). shop_retention: how long a shop keeps messages (NULL or no
// row: for ever) and when its sweep last ran, which makes the daily sweep resumable on any node.
// erasure_audit: one row per erasure of a buyer by an admin (who, when, what counts); the row
// itself keeps only ids and counts, no erased content. Both carry shop_id so the row-level
// security of migration 011 covers them. The indexes serve the sweep (a shop's oldest messages)
// and the export (a buyer's records across every shop, by user id alone).
export const up = /* sql */ `
create table shop_retention (
  shop_id text primary key,
  message_days integer check (message_days between 1 and 36500),
  updated_by text not null,
  updated_at timestamptz not null default now(),
  last_swept_at timestamptz
);

create table erasure_audit (
  id text primary key,
  shop_id text not null,
  buyer_id text not null,
  actor_id text not null,
  erased_at timestamptz not null default now(),
  counts jsonb not null
);
create index erasure_audit_by_shop on erasure_audit (shop_id, erased_at desc);

create index messages_by_shop_age on messages (shop_id, created_at);
create index shop_orders_by_user on shop_orders (user_id);
create index shop_aftersales_by_user on shop_aftersales (user_id);
`;
