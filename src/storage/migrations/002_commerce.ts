export const name = 'commerce';
// Filled in by the commerce read model (orders, logistics, after-sales, webhook events).
export const up = /* sql */ `select 1;`;
