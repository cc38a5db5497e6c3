/**
 * routing: per-shop queues, agents' status and capacity, assignment across nodes, the reply
 * timer, and the agent's accept / transfer / close. See service.ts for the invariants and
 * policy.ts for who gets the next conversation.
 */
export { RoutingService, type AgentView, type RoutingDeps, type RoutingOptions } from './service.ts';
export { registerRoutingRoutes } from './routes.ts';
export { CLOSED_UNSERVED_NOTICE, NOBODY_ONLINE_NOTICE, RATING_PROMPT, RETURNED_NOTICE, langOfTexts } from './notices.ts';
export { lastBuyerTexts } from './repository.ts';
export { plan, estimateWaitSeconds, type Assignment, type AvailableAgent, type QueuedConversation } from './policy.ts';
export { heldWaitAnswer, heldWaitAnswerAgain, type HeldBy } from './wait.ts';
