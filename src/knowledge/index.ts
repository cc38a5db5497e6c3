/**
 * Shop knowledge: FAQ entries, sensitive-word lists and the shop's settings the robot reads (its time
 * zone) (storage, REST), the sensitive-word filter and off-platform-contact detector for the message path, and the per-shop filter cache.
 */
export { KnowledgeService, GLOBAL_SCOPE, type ShopTimeZone } from './service.ts';
export type { FilterWords, KnowledgeServiceOptions } from './service.ts';
export type { FaqEntry } from './repository.ts';
export { registerKnowledgeRoutes } from './routes.ts';
export { FaqSuggestionService, type FaqSuggestion, type FaqLookupPort, type SuggestionKind, type SuggestionStatus } from './suggestions.ts';
export { registerSuggestionRoutes, type SuggestionRouteDeps } from './suggestions-routes.ts';
export type { KnowledgeRouteDeps } from './routes.ts';
export { FilterCache } from './filters.ts';
export type { FilterCacheOptions, FilterSource } from './filters.ts';
export { compileFilter, detectOffPlatformContact, checkAgentMessage, maskBuyerMessage, normalizeForMatch } from './sensitive.ts';
export type { SensitiveFilter, SensitiveHit, ContactMatch, ContactKind, ContactOptions, AgentMessageCheck } from './sensitive.ts';
export { DEFAULT_GLOBAL_WORDS } from './defaults.ts';
