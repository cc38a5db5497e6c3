export const name = 'parcels_by_tracking_no';

// An order may ship as several parcels (a split shipment), each with its own tracking number:
// shop_logistics was keyed by (shop_id, order_id), so a second parcel replaced the first (found
// from outside). The key becomes (shop_id, order_id, tracking_no); every existing row keeps its
// place, since each was the one parcel of its order. The key still starts with the order, so an
// order's parcels are one index range.
// first_stored_at: when kefu first stored the parcel, never changed by a later event; an order's
// parcels are listed in that order, then by tracking number (a row stored before this migration
// gets the migration's time). removed: the platform withdrew the parcel (`logistics.removed`, a
// wrong tracking number); the row stays as a tombstone with the removal's updatedAt, so that a
// late delivery of an older event cannot bring the parcel back. No read returns a removed parcel.
// Both defaults are evaluated once, so adding the columns does not rewrite the table.
export const up = /* sql */ `
alter table shop_logistics drop constraint shop_logistics_pkey;
alter table shop_logistics add primary key (shop_id, order_id, tracking_no);
alter table shop_logistics add column first_stored_at timestamptz not null default now();
alter table shop_logistics add column removed boolean not null default false;
`;
