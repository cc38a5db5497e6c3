/**
 * REST of the agent desk (docs/api.md: "Ratings", "Buyer panel", "Canned replies", notes under
 * "Agents and routing"), registered by the app under `/api/v1`:
 *
 *   POST   /conversations/:id/notes            agent, admin of the shop   201 note (+ `note` frame to the shop's consoles)
 *   GET    /conversations/:id/notes            agent, admin of the shop   200 { notes }, oldest first
 *   POST   /conversations/:id/rating           the conversation's buyer   201 { conversationId, score, comment?, createdAt }
 *   GET    /conversations/:id/rating           the conversation's buyer   200 { conversationId, rated, score?, comment?, createdAt? }
 *   GET    /conversations/:id/buyer            agent, admin of the shop   200 buyer panel (receiver masked)
 *   POST   /conversations/:id/buyer/reveal     agent, admin of the shop   200 { orderId, field, value } (audited first)
 *   GET    /conversations/:id/canned-replies   agent, admin of the shop   200 { items: reply + { rendered, missing } } (extension)
 *   GET    /shops/:shopId/canned-replies       agent, admin               200 { items }
 *   POST   /shops/:shopId/canned-replies       admin                      201 reply
 *   PUT    /shops/:shopId/canned-replies/:id   admin                      200 reply
 *   DELETE /shops/:shopId/canned-replies/:id   admin                      204
 *   GET    /shops/:shopId/stats?from=&to=      agent, admin               200 figures (stats.ts)
 *
 * Access: a conversation reached by its id that is not of the caller's shop (or, for a rating,
 * not the caller's own) is NOT_FOUND, as everywhere. Notes do not exist for buyers: a buyer asking
 * for them gets NOT_FOUND, not FORBIDDEN. Routes under /shops/{shopId} answer 403 for another shop.
 * Errors are thrown as KefuError and rendered by the app's error handler. Nothing here logs a
 * revealed value or a note's text.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { hasRole, type Authorize, type Principal, type Role } from '../auth/index.ts';
import { everServed, type ConversationRow, type ConversationService, type EventSink } from '../conversation/index.ts';
import { KefuError } from '../protocol/errors.ts';
import type { NoteFrame } from '../protocol/frames.ts';
import { parseInput, NO_QUERY, parseQuery } from '../protocol/validation.ts';
import type { SqlStore } from '../storage/ports.ts';
import { cannedVars, renderCannedReply } from './canned.ts';
import { buyerPanel, latestOrder, revealableOrder, revealValue, type DeskCommerce } from './panel.ts';
import * as repo from './repository.ts';
import { shopStats } from './stats.ts';
import { CannedInput, LIMITS, NoteInput, RatingInput, RevealInput, StatsQuery } from './validation.ts';

export interface DeskDeps {
  readonly sql: SqlStore;
  /** Who may see a conversation (NOT_FOUND for another shop's or buyer's). */
  readonly conversations: Pick<ConversationService, 'visible'>;
  /** The buyer's orders, parcels and after-sales, receivers decrypted (masked here). */
  readonly commerce: DeskCommerce;
  /** Where `note` frames go: `{ shopIds }` reaches every console of the shop on every node. */
  readonly sink: EventSink;
  readonly authorize: Authorize;
  readonly log: Pick<Logger, 'info' | 'warn'>;
  /**
   * Called after a rating has committed (for example to count it in metrics). A failure here is
   * logged, not returned: the rating is stored and a retry would be refused as a second one.
   */
  readonly onRated?: (rating: repo.Rating) => void;
}

type ConvParams = { Params: { id: string } };
type ShopParams = { Params: { shopId: string } };
type ReplyParams = { Params: { shopId: string; id: string } };

const STAFF: readonly Role[] = ['agent', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
const ANYONE: readonly Role[] = ['customer', 'agent', 'admin'];
const MS_PER_HOUR = 3_600_000;

const noConversation = () => new KefuError('NOT_FOUND', 'no such conversation');
const noReply = () => new KefuError('NOT_FOUND', 'no such canned reply');

/** The conversation, for staff of its shop; NOT_FOUND for everyone else (buyers included). */
async function staffConversation(d: DeskDeps, p: Principal, conversationId: string): Promise<ConversationRow> {
  if (!hasRole(p, STAFF)) throw noConversation();
  const c = await d.conversations.visible(p, conversationId);
  // A token that is also a buyer sees its own conversations through `visible`; not as staff.
  if (c.shopId !== p.shopId) throw noConversation();
  return c;
}

export function registerDeskRoutes(api: FastifyInstance, deps: DeskDeps): void {
  registerNoteRoutes(api, deps);
  registerRatingRoute(api, deps);
  registerBuyerRoutes(api, deps);
  registerCannedRoutes(api, deps);
  registerStatsRoute(api, deps);
}

const noteBody = (n: repo.Note) => ({ noteId: n.noteId, conversationId: n.conversationId, authorId: n.author.id, author: n.author, text: n.text, createdAt: n.createdAt.toISOString() });

function registerNoteRoutes(api: FastifyInstance, d: DeskDeps): void {
  api.post<ConvParams>('/conversations/:id/notes', async (req, reply) => {
    const p = await d.authorize(req, { roles: ANYONE });
    const c = await staffConversation(d, p, req.params.id);
    const { text } = parseInput(NoteInput, req.body);
    const note = await repo.insertNote(d.sql.db, { shopId: c.shopId, conversationId: c.id, authorId: p.userId, authorName: p.name, text });
    const frame: NoteFrame = { type: 'note', noteId: note.noteId, conversationId: c.id, author: note.author, text: note.text, ts: note.createdAt.getTime() };
    try {
      d.sink.emit({ shopIds: [c.shopId] }, frame);
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: c.id }, 'note frame not sent; consoles see the note on their next GET');
    }
    return reply.code(201).send(noteBody(note));
  });

  api.get<ConvParams>('/conversations/:id/notes', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const p = await d.authorize(req, { roles: ANYONE });
    const c = await staffConversation(d, p, req.params.id);
    return { notes: (await repo.listNotes(d.sql.db, c.id)).map(noteBody) };
  });
}

const RATING_REFUSED = {
  already_rated: 'conversation already rated',
  not_closed: 'conversation not closed yet',
  not_served: 'no person served this conversation: there is nothing to rate',
} as const;

function registerRatingRoute(api: FastifyInstance, d: DeskDeps): void {
  api.post<ConvParams>('/conversations/:id/rating', async (req, reply) => {
    const p = await d.authorize(req, { roles: ['customer'] });
    const c = await d.conversations.visible(p, req.params.id);
    if (c.buyerId !== p.userId) throw noConversation();
    const input = parseInput(RatingInput, req.body);
    const r = await repo.insertRating(d.sql.db, { conversationId: c.id, buyerId: p.userId, score: input.score, comment: input.comment || undefined });
    if (!r.ok) throw new KefuError('CONFLICT', RATING_REFUSED[r.reason]);
    try {
      d.onRated?.(r.rating);
    } catch (err) {
      d.log.warn({ err: (err as Error).message, conversationId: c.id }, 'rating listener failed');
    }
    return reply.code(201).send(ratingBody(r.rating));
  });
  // Whether the buyer rated it already, from any device: the widget asks before offering the form.
  api.get<ConvParams>('/conversations/:id/rating', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const p = await d.authorize(req, { roles: ['customer'] });
    const c = await d.conversations.visible(p, req.params.id);
    if (c.buyerId !== p.userId) throw noConversation();
    const rating = await repo.getRating(d.sql.db, c.id);
    // Not rated is an answer, not an error: every device asks this of every closed conversation.
    // `ratable: false` when no person served it (no member of staff wrote in it): the widget then offers no form.
    return rating ? { rated: true, ...ratingBody(rating) } : { conversationId: c.id, rated: false, ratable: await everServed(d.sql.db, c.id) };
  });
}

const ratingBody = ({ conversationId, score, comment, createdAt }: repo.Rating) => ({ conversationId, score, ...(comment ? { comment } : {}), createdAt: createdAt.toISOString() });

function registerBuyerRoutes(api: FastifyInstance, d: DeskDeps): void {
  api.get<ConvParams>('/conversations/:id/buyer', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const p = await d.authorize(req, { roles: STAFF });
    const c = await staffConversation(d, p, req.params.id);
    return buyerPanel(d.commerce, c);
  });

  api.post<ConvParams>('/conversations/:id/buyer/reveal', async (req) => {
    const p = await d.authorize(req, { roles: STAFF });
    const c = await staffConversation(d, p, req.params.id);
    const { orderId, field } = parseInput(RevealInput, req.body);
    const order = await revealableOrder(d.commerce, c, orderId);
    // The audit row commits before the value leaves: a failed write reveals nothing.
    await repo.insertReveal(d.sql.db, { shopId: c.shopId, conversationId: c.id, actorId: p.userId, orderId, field });
    d.log.info({ shopId: c.shopId, conversationId: c.id, orderId, field, actorId: p.userId }, 'personal data revealed');
    return { orderId, field, value: revealValue(order, field) };
  });

  api.get<ConvParams>('/conversations/:id/canned-replies', async (req) => {

    parseQuery(NO_QUERY, req.query);
    const p = await d.authorize(req, { roles: STAFF });
    const c = await staffConversation(d, p, req.params.id);
    const [replies, latest] = await Promise.all([repo.listCannedReplies(d.sql.db, c.shopId), latestOrder(d.commerce, c)]);
    const vars = cannedVars(c, latest.order, latest.parcel);
    return { items: replies.map((r) => ({ ...r, ...renderCannedReply(r.text, vars) })) };
  });
}

function registerCannedRoutes(api: FastifyInstance, d: DeskDeps): void {
  api.get<ShopParams>('/shops/:shopId/canned-replies', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await d.authorize(req, { roles: STAFF, shopId });
    return { items: await repo.listCannedReplies(d.sql.db, shopId) };
  });

  api.post<ShopParams>('/shops/:shopId/canned-replies', async (req, reply) => {
    const { shopId } = req.params;
    await d.authorize(req, { roles: ADMIN, shopId });
    const created = await repo.insertCannedReply(d.sql.db, shopId, parseInput(CannedInput, req.body));
    return reply.code(201).send(created);
  });

  api.put<ReplyParams>('/shops/:shopId/canned-replies/:id', async (req) => {
    const { shopId, id } = req.params;
    await d.authorize(req, { roles: ADMIN, shopId });
    const updated = await repo.updateCannedReply(d.sql.db, shopId, id, parseInput(CannedInput, req.body));
    if (!updated) throw noReply();
    return updated;
  });

  api.delete<ReplyParams>('/shops/:shopId/canned-replies/:id', async (req, reply) => {
    const { shopId, id } = req.params;
    await d.authorize(req, { roles: ADMIN, shopId });
    if (!(await repo.deleteCannedReply(d.sql.db, shopId, id))) throw noReply();
    return reply.code(204).send();
  });
}

/**
 * The window of a stats query, [from, to): both given; only `from` (to = now); only `to` (the 24 h
 * before it); neither (the last 24 h). `from` must be before `to`, at most 92 days apart.
 */
export function statsWindow(q: { from?: string | undefined; to?: string | undefined }, now: Date = new Date()): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : now;
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - LIMITS.statsDefaultHours * MS_PER_HOUR);
  if (from.getTime() >= to.getTime()) throw new KefuError('BAD_REQUEST', 'from: must be before to', { field: 'from' });
  if (to.getTime() - from.getTime() > LIMITS.statsMaxDays * 24 * MS_PER_HOUR) {
    throw new KefuError('BAD_REQUEST', `from: must be at most ${LIMITS.statsMaxDays} days before to`, { field: 'from' });
  }
  return { from, to };
}

function registerStatsRoute(api: FastifyInstance, d: DeskDeps): void {
  api.get<ShopParams>('/shops/:shopId/stats', async (req) => {
    const { shopId } = req.params;
    await d.authorize(req, { roles: STAFF, shopId });
    const { from, to } = statsWindow(parseQuery(StatsQuery, req.query));
    return shopStats(d.sql.db, shopId, from, to);
  });
}
