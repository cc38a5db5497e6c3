/**
 * Commerce read model: platform webhooks in (signed, validated, idempotent, ordered by
 * updatedAt), buyer lookups out (shop- and buyer-scoped, PII decrypted), and an optional
 * platform connector for what the webhooks have not delivered, within a time budget.
 */
export type * from './types.ts';
export {
  AFTERSALE_STATUSES,
  AFTERSALE_TYPES,
  EVENT_TYPES,
  LOGISTICS_STATUSES,
  ORDER_STATUSES,
  PlatformEventSchema,
  datasetFromEvents,
  parsePlatformEvent,
  type PlatformDataset,
  type PlatformEvent,
  type PlatformEventInput,
  type PlatformEventType,
} from './events.ts';
export { applyPlatformEvent, type ApplyResult } from './apply.ts';
export { SIGNATURE_HEADER, WEBHOOK_BODY_LIMIT, registerWebhookRoutes, signBody, verifySignature, type WebhookDeps, type WebhookResponse } from './webhook.ts';
export { reencryptCommercePii, type RotationResult } from './rotate.ts';
export { BUYER_LIST_LIMIT, BatchedReadModel, CommerceRepository, type BuyerKey, type CommerceReadModel } from './repository.ts';
export {
  DemoPlatformConnector,
  HttpPlatformConnector,
  type BuyerSource,
  type DemoConnectorOptions,
  type HttpConnectorOptions,
  type PlatformConnector,
} from './connector.ts';
export { MAX_CONNECTOR_LOGISTICS, createBuyerDataSource, type BuyerDataSourceOptions, type BuyerLookup, type BuyerSnapshot } from './buyer-data.ts';
