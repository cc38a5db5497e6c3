export const name = 'faq_suggestions';

// Questions the robot could not answer that a human agent then answered, offered to the shop's
// admin as a new FAQ entry or as an alternate phrasing of an existing one (src/knowledge/
// suggestions.ts). One row per buyer question: the unique index makes a second agent reply to
// the same question (or the same event seen twice) a no-op. faq_entry_id is the entry the
// question is close to (kind 'alternate'); a deleted entry leaves it dangling, and accepting such
// a suggestion answers NOT_FOUND. Decided rows are kept for the audit (decided_by, decided_at).
export const up = /* sql */ `
create table faq_suggestions (
  id text primary key,
  shop_id text not null,
  conversation_id text not null,
  question_seq bigint not null,
  question text not null,
  answer text not null,
  kind text not null check (kind in ('entry', 'alternate')),
  faq_entry_id text,
  confidence real not null default 0,
  status text not null default 'open' check (status in ('open', 'accepted', 'dismissed')),
  decided_by text,
  decided_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index faq_suggestions_one_per_question on faq_suggestions (shop_id, conversation_id, question_seq);
create index faq_suggestions_open on faq_suggestions (shop_id, created_at desc, id) where status = 'open';
`;
