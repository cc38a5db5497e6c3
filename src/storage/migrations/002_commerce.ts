export const name = 'commerce';

// The commerce read model: the platform's orders, logistics and after-sales as its webhooks
// last described them. Every key starts with shop_id, so no lookup can cross shops. updated_at
// is the platform's own time for the record: an event only replaces a row when it is newer, which
// makes out-of-order delivery harmless. webhook_events holds one row per accepted event id, so a
// redelivered event finds its row and changes nothing. Receiver name, phone and address are
// stored only as PII tokens (src/privacy), encrypted with the shop id bound in.
export const up = /* sql */ `
create table shop_orders (
  shop_id text not null,
  order_id text not null,
  user_id text not null,
  status text not null check (status in ('pending_payment', 'paid', 'shipped', 'delivered', 'completed', 'cancelled')),
  items jsonb not null,
  total_amount numeric(18, 2) not null check (total_amount >= 0),
  currency text not null,
  receiver_name_enc text not null,
  receiver_phone_enc text not null,
  receiver_address_enc text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  last_event_id text not null,
  stored_at timestamptz not null default now(),
  primary key (shop_id, order_id)
);
create index shop_orders_by_buyer on shop_orders (shop_id, user_id, created_at desc);

create table shop_logistics (
  shop_id text not null,
  order_id text not null,
  carrier text not null,
  tracking_no text not null,
  status text not null check (status in ('pending', 'in_transit', 'out_for_delivery', 'delivered', 'exception')),
  events jsonb not null,
  updated_at timestamptz not null,
  last_event_id text not null,
  stored_at timestamptz not null default now(),
  primary key (shop_id, order_id)
);

create table shop_aftersales (
  shop_id text not null,
  aftersale_id text not null,
  order_id text not null,
  user_id text not null,
  type text not null check (type in ('refund', 'return', 'exchange')),
  status text not null check (status in ('requested', 'approved', 'rejected', 'returning', 'refunded', 'closed')),
  amount numeric(18, 2) check (amount >= 0),
  reason text,
  updated_at timestamptz not null,
  last_event_id text not null,
  stored_at timestamptz not null default now(),
  primary key (shop_id, aftersale_id)
);
create index shop_aftersales_by_buyer on shop_aftersales (shop_id, user_id, updated_at desc);
create index shop_aftersales_by_order on shop_aftersales (shop_id, order_id);

create table webhook_events (
  shop_id text not null,
  event_id text not null,
  type text not null,
  received_at timestamptz not null default now(),
  primary key (shop_id, event_id)
);
create index webhook_events_received on webhook_events (received_at);
`;
