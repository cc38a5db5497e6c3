export const name = 'commands';

// Commands to the platform and their outbox (docs/decisions/0005-commands-outbox.md).
// commands: the command is its own job. status, attempts and the lease live on the row; the
// worker of any process claims due rows with FOR UPDATE SKIP LOCKED (partial indexes commands_due
// and commands_leased keep that a probe of the few live rows). attempts counts every attempt,
// round_attempts those since the command was accepted or last retried by hand (the cap applies
// to it). history is the audit of every status change, appended by the same UPDATE that makes
// the change. parent_id links an inventory.release to its lock; the partial unique index makes
// a second release of one lock impossible, whichever process records the lock's success.
// command_idempotency_keys: the first answer to a POST, per shop and Idempotency-Key, with the
// fingerprint of the request; written in the transaction that creates the command.
// demo_platform_*: the built-in demo platform (src/demo/platform.ts), used only in demo mode
// without KEFU_PLATFORM_API_URL; empty otherwise. In tables so that every kefu process sharing
// the database sees one platform (a lock taken through one node is released through another).
export const up = /* sql */ `
create table commands (
  id text primary key,
  shop_id text not null,
  type text not null check (type in ('coupon.issue', 'price.change', 'inventory.lock', 'inventory.release')),
  payload jsonb not null,
  conversation_id text,
  parent_id text references commands (id),
  status text not null check (status in ('pending', 'running', 'succeeded', 'retrying', 'dead', 'resolved')),
  attempts integer not null default 0,
  round_attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_owner text,
  lease_token text,
  lease_until timestamptz,
  result jsonb,
  error jsonb,
  history jsonb not null,
  created_by text not null,
  trace_id text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index commands_due on commands (next_attempt_at) where status in ('pending', 'retrying');
create index commands_leased on commands (lease_until) where status = 'running';
create index commands_by_shop on commands (shop_id, created_at desc, id desc);
create index commands_by_shop_status on commands (shop_id, status, created_at desc, id desc);
create unique index commands_one_release on commands (parent_id) where type = 'inventory.release';

create table command_idempotency_keys (
  shop_id text not null,
  key text not null,
  fingerprint text not null,
  command_id text not null references commands (id),
  response_status integer not null,
  response_body text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (shop_id, key)
);
create index command_idempotency_keys_expiry on command_idempotency_keys (expires_at);

create table demo_platform_requests (
  shop_id text not null,
  key text not null,
  fingerprint text not null,
  response_status integer,
  response_body text,
  created_at timestamptz not null default now(),
  primary key (shop_id, key)
);

create table demo_platform_skus (
  shop_id text not null,
  sku text not null,
  price numeric(18,2),
  available integer not null default 0 check (available >= 0),
  locked integer not null default 0 check (locked >= 0),
  updated_at timestamptz not null default now(),
  primary key (shop_id, sku)
);

create table demo_platform_coupons (
  id text primary key,
  shop_id text not null,
  user_id text not null,
  template_id text,
  amount numeric(18,2),
  command_id text not null,
  created_at timestamptz not null default now()
);
create index demo_platform_coupons_by_shop on demo_platform_coupons (shop_id, created_at);

create table demo_platform_locks (
  id text primary key,
  shop_id text not null,
  sku text not null,
  quantity integer not null,
  order_id text,
  created_at timestamptz not null default now(),
  released_at timestamptz
);
create index demo_platform_locks_by_shop on demo_platform_locks (shop_id, created_at);

create table demo_platform_faults (
  shop_id text primary key,
  mode text not null check (mode in ('fail', 'reject', 'hang')),
  status integer,
  remaining integer not null,
  hang_ms integer not null default 0,
  apply_first boolean not null default false
);
`;
