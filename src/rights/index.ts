/**
 * Buyers' data rights (PIPL, GDPR): a buyer's export, an admin's erasure of one buyer (audited),
 * and per-shop message retention enforced by a daily sweep. docs/api.md, "Data rights".
 */
export { RightsService, startRetentionSweep, startRights, SWEEP_BATCH, SWEEP_EVERY_MS, type Erasure, type Retention, type RightsDeps, type SweepResult } from './service.ts';
export { registerRightsRoutes, MAX_RETENTION_DAYS, type RightsRoutesDeps } from './routes.ts';
export { ERASED_TEXT, type ErasureCounts } from './repository.ts';
