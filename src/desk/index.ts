/**
 * The agent desk: what staff use beside a conversation and what buyers give back. Internal notes
 * (never shown to the buyer), the buyer's rating of a closed conversation, canned replies with
 * variables, the buyer panel (orders, parcels, after-sales; personal data masked, revealed one
 * field at a time with an audit row), and the shop's service figures.
 *
 * The app registers it with `registerDeskRoutes(api, deps)` under `/api/v1`; see routes.ts for
 * the routes and DeskDeps for what it needs (ports only: no adapter is imported here).
 */
export { chatRating, typedScore, RATING_BY_CHAT_HOURS, type TypedMessage } from './chat-rating.ts';
export { closedQuestionAnswered, noteClosingQuestions, FOLLOW_UP_MINUTES } from './follow-up.ts';
export { registerDeskRoutes, statsWindow, type DeskDeps } from './routes.ts';
export type { Note, Rating, CannedReply } from './repository.ts';
export { renderCannedReply, cannedVars, CANNED_VARIABLES, type CannedVariable, type CannedVars, type Rendered } from './canned.ts';
export { maskAddress, type DeskCommerce } from './panel.ts';
export { shopStats, type ShopStats } from './stats.ts';
export { LIMITS as DESK_LIMITS } from './validation.ts';
