export const name = 'order_terms';

// An order's terms, which shops asked the robot to answer with (docs/api.md, "Order terms"): the
// latest time the shop promised to send it out (a pre-sale, made to order), when an unpaid one is
// cancelled, and why a cancelled one was. Optional in the webhook, so NULL when the platform sent
// none; an event without them clears them, as it replaces every other column of the order. Columns
// without a default change only the catalogue: adding them rewrites no row.
export const up = /* sql */ `
alter table shop_orders add column ship_by timestamptz;
alter table shop_orders add column pay_by timestamptz;
alter table shop_orders add column cancel_reason text;
`;
