export const name = 'core';

// seq is allocated by bumping conversations.last_seq in the same statement that inserts the
// message, so a failed insert (for example a duplicate clientMsgId) leaves no gap.
export const up = /* sql */ `
create table conversations (
  id text primary key,
  shop_id text not null,
  buyer_id text not null,
  buyer_name text,
  state text not null check (state in ('bot', 'queued', 'assigned', 'closed')),
  agent_id text,
  last_seq bigint not null default 0,
  failed_bot_turns integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz
);
create unique index conversations_one_open on conversations (shop_id, buyer_id) where state <> 'closed';
create index conversations_by_shop on conversations (shop_id, state, updated_at desc);
create index conversations_by_buyer on conversations (buyer_id, updated_at desc);

create table messages (
  conversation_id text not null references conversations (id),
  seq bigint not null,
  shop_id text not null,
  sender_role text not null check (sender_role in ('customer', 'bot', 'agent', 'system')),
  sender_id text not null,
  sender_name text,
  client_msg_id text,
  content jsonb not null,
  created_at timestamptz not null default now(),
  primary key (conversation_id, seq)
);
create unique index messages_client_msg_id on messages (sender_id, client_msg_id) where client_msg_id is not null;

create table conversation_reads (
  conversation_id text not null references conversations (id),
  user_id text not null,
  seq bigint not null,
  updated_at timestamptz not null default now(),
  primary key (conversation_id, user_id)
);
`;
