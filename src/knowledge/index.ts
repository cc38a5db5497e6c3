/**
 * Shop knowledge: FAQ entries, sensitive-word lists and the shop's settings (its time zone, which the robot reads; the
 * links, images and phone numbers its agents may send) (storage, REST), the sensitive-word filter and off-platform-contact detector for the message path, and the per-shop filter cache.
 */
export { KnowledgeService, GLOBAL_SCOPE, type ShopTimeZone, type ShopContactsSetting } from './service.ts';
export type { FilterWords, KnowledgeServiceOptions } from './service.ts';
export type { FaqEntry } from './repository.ts';
export { registerKnowledgeRoutes } from './routes.ts';
export { FaqSuggestionService, type FaqSuggestion, type FaqLookupPort, type SuggestionKind, type SuggestionStatus } from './suggestions.ts';
export { registerSuggestionRoutes, type SuggestionRouteDeps } from './suggestions-routes.ts';
export type { KnowledgeRouteDeps } from './routes.ts';
export { FilterCache } from './filters.ts';
export type { FilterCacheOptions, FilterSource, ShopPolicy } from './filters.ts';
export { compileFilter, detectOffPlatformContact, checkAgentMessage, checkAgentImage, maskBuyerMessage, normalizeForMatch, withShopContacts, hostName, phoneDigits, NO_SHOP_CONTACTS } from './sensitive.ts';
export type { SensitiveFilter, SensitiveHit, ContactMatch, ContactKind, ContactOptions, AgentMessageCheck, ShopContacts } from './sensitive.ts';
export { DEFAULT_GLOBAL_WORDS } from './defaults.ts';
