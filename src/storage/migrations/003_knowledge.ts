export const name = 'knowledge';

// Shop knowledge read by the robot (FAQ) and by the content policy (sensitive words).
// knowledge_versions holds one counter per scope, bumped inside the transaction of every change
// to that scope: a process holding a compiled index compares one small row instead of reloading
// the data. The row for the global word list (scope '*') exists only once the list has been set
// through code or tooling: until then the built-in default list applies (src/knowledge/defaults.ts).
export const up = /* sql */ `
create table faq_entries (
  id text primary key,
  shop_id text not null,
  question text not null,
  answer text not null,
  alternates jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1
);
create index faq_entries_by_shop on faq_entries (shop_id, created_at, id);

create table sensitive_words (
  scope text not null,
  word text not null,
  created_at timestamptz not null default now(),
  primary key (scope, word)
);

create table knowledge_versions (
  scope text primary key,
  version bigint not null,
  updated_at timestamptz not null default now()
);
`;
