export { ConversationService, type EventSink, type Targets, type ContentPolicy, type SendResult } from './service.ts';
export { ConversationEventBus, type ConversationEvents, type ConversationEventName, type Listener } from './events.ts';
export { SYNC_DEFAULT_LIMIT, SYNC_MAX_LIMIT } from '../protocol/conversation.ts';
export { setState as moveState, inLockOrder, getConversation, everServed, servedSql, lastCustomerTexts, SYSTEM_SENDER, type ConversationRow, type Sender, type StatePatch, type StateChange } from './repository.ts';
export { HOT_HISTORY_MAX, HOT_HISTORY_TTL_MS, ERASED_HISTORY_HOLD_MS, dropHistory } from './history.ts';
export { closeIdleBotConversations, startIdleClose } from './idle-close.ts';
