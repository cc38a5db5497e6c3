/**
 * The demo shop: fixed buyers and orders for the README walkthrough, the demo start and tests;
 * and the demo platform that applies commands in demo mode (platform.ts, platform-routes.ts).
 */
export { DEMO_BUYERS, DEMO_EVENTS, DEMO_SHOP, DEMO_SHOP_ID, type DemoBuyerId } from './data.ts';
export { createDemoConnector, demoDataset, seedDemo } from './seed.ts';
export { DEMO_TOKEN_CLAIMS, demoBanner, seedDemoData } from './start.ts';
export { DemoPlatform, DemoCommandPlatform, FaultInput, SkuInput, type DemoFault, type PlatformAnswer } from './platform.ts';
export { registerDemoPlatformRoutes, DEMO_PLATFORM_PATH } from './platform-routes.ts';
