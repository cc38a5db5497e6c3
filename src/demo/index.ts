/** The demo shop: fixed buyers and orders for the README walkthrough, the demo start and tests. */
export { DEMO_BUYERS, DEMO_EVENTS, DEMO_SHOP, DEMO_SHOP_ID, type DemoBuyerId } from './data.ts';
export { createDemoConnector, demoDataset, seedDemo } from './seed.ts';
export { DEMO_TOKEN_CLAIMS, demoBanner, seedDemoData } from './start.ts';
