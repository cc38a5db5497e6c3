export const name = 'agents';

// The human side. agents: one row per staff member of a shop who has set a status or opened a
// console; last_seen_at is refreshed by the nodes holding their console sockets, so "online"
// (status online and a socket open) survives a node that died without cleaning up.
// conversations gain the queue (queued_at, priority: 0 normal, 1 complaint, 2 returned to the
// head), the hand-over and first-response times the figures are computed from, and the reply
// timer (awaiting_reply_since, skip_agent_id: the agent who let it lapse is not picked again
// at once). None of the new columns is indexed except through partial indexes on state, so the
// message path's updates of last_seq stay HOT (migration 004).
// Notes, ratings, canned replies and the audit of revealed personal data are per shop.
export const up = /* sql */ `
create table agents (
  shop_id text not null,
  agent_id text not null,
  name text,
  status text not null default 'offline' check (status in ('online', 'away', 'offline')),
  capacity integer not null default 5 check (capacity between 0 and 100),
  last_seen_at timestamptz,
  idle_since timestamptz not null default now(),
  missed_in_row integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (shop_id, agent_id)
);

alter table conversations add column agent_name text;
alter table conversations add column priority smallint not null default 0;
alter table conversations add column queued_at timestamptz;
alter table conversations add column handed_over_at timestamptz;
alter table conversations add column assigned_at timestamptz;
alter table conversations add column awaiting_reply_since timestamptz;
alter table conversations add column first_response_at timestamptz;
alter table conversations add column skip_agent_id text;
create index conversations_queue on conversations (shop_id, priority desc, queued_at, id) where state = 'queued';
create index conversations_held on conversations (shop_id, agent_id) where state = 'assigned';
create index conversations_closed_by_buyer on conversations (shop_id, buyer_id, closed_at desc) where state = 'closed';

create table conversation_notes (
  id text primary key,
  shop_id text not null,
  conversation_id text not null references conversations (id),
  author_id text not null,
  author_name text,
  text text not null,
  created_at timestamptz not null default now()
);
create index conversation_notes_by_conversation on conversation_notes (conversation_id, created_at);

create table conversation_ratings (
  conversation_id text primary key references conversations (id),
  shop_id text not null,
  buyer_id text not null,
  agent_id text,
  score smallint not null check (score between 1 and 5),
  comment text,
  created_at timestamptz not null default now()
);
create index conversation_ratings_by_shop on conversation_ratings (shop_id, created_at);

create table canned_replies (
  id text primary key,
  shop_id text not null,
  title text not null,
  text text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index canned_replies_by_shop on canned_replies (shop_id, title, id);

create table pii_reveals (
  id text primary key,
  shop_id text not null,
  conversation_id text not null,
  actor_id text not null,
  order_id text not null,
  field text not null check (field in ('phone', 'address')),
  revealed_at timestamptz not null default now()
);
create index pii_reveals_by_shop on pii_reveals (shop_id, revealed_at);
`;
