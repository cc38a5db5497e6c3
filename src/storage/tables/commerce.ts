// Tables of the commerce read model (orders, logistics, after-sales, webhook events).
// Owned by src/commerce/; filled in by its migration (002_commerce.ts).
export interface CommerceTables {}
