/**
 * Commerce read model: platform webhooks in (signed, validated, idempotent, ordered by
 * updatedAt), buyer lookups out (shop- and buyer-scoped, PII decrypted), and an optional
 * platform connector for what the webhooks have not delivered, within a time budget.
 */
export type * from './types.ts';
export { datasetFromEvents, parsePlatformEvent, type PlatformDataset, type PlatformEvent, type PlatformEventInput } from './events.ts';
export { applyPlatformEvent, type ApplyResult } from './apply.ts';
export { registerWebhookRoutes, signBody, verifySignature, type WebhookDeps, type WebhookResponse } from './webhook.ts';
export { reencryptCommercePii, type RotationResult } from './rotate.ts';
export { BUYER_LIST_LIMIT } from './repository.ts';
export { BatchedReadModel, CommerceRepository, type CommerceReadModel } from './read-model.ts';
export { OrdersMemo, changeOfEvent, decodeChange, encodeChange, type CommerceChange } from './orders-memo.ts';
export {
  DemoPlatformConnector,
  HttpPlatformConnector,
  type BuyerSource,
  type DemoConnectorOptions,
  type HttpConnectorOptions,
  type PlatformConnector,
} from './connector.ts';
export { createBuyerDataSource, type BuyerDataSourceOptions, type BuyerLookup } from './buyer-data.ts';
