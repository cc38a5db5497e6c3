export const name = 'conversation_hot_updates';

// Every message bumps conversations.last_seq and updated_at. With updated_at in an index, none of
// those updates could be HOT (heap-only), so each message also rewrote two index entries; the
// benchmark measured n_tup_hot_upd = 0. Index the lookups without updated_at (lists sort the
// shop's or buyer's rows, which the filters keep small) and leave room in each page for HOT.
export const up = /* sql */ `
drop index if exists conversations_by_shop;
drop index if exists conversations_by_buyer;
create index conversations_by_shop_state on conversations (shop_id, state);
create index conversations_by_buyer_id on conversations (buyer_id);
alter table conversations set (fillfactor = 80);
`;
