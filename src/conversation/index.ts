export { ConversationService, SYNC_DEFAULT_LIMIT, SYNC_MAX_LIMIT, type EventSink, type Targets, type ContentPolicy, type BotHook, type SendResult } from './service.ts';
export type { ConversationRow, Sender } from './repository.ts';
export { HOT_HISTORY_MAX, HOT_HISTORY_TTL_MS } from './history.ts';
