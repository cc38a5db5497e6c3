export * from './errors.ts';
export * from './frames.ts';
export * from './validation.ts';
export { CONVERSATION_STATES, NEXT_STATES, SENDER_ROLES, SYNC_DEFAULT_LIMIT, SYNC_MAX_LIMIT } from './conversation.ts';
