/**
 * REST for conversations (docs/api.md, "Conversations"), registered by the app under `/api/v1`:
 *
 *   GET /conversations?state=&limit=&before=&mine=   buyer (their own), agent and admin (their shop's; `mine=true`: held by the caller)
 *   GET /conversations/:id/messages?afterSeq=&limit=
 *   POST /conversations/:id/messages { clientMsgId, content }   the agent holding it (extension): an agent's reply without a socket
 *
 * A conversation of another shop or buyer answers NOT_FOUND, never revealing that it exists.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Authorize, Role } from '../auth/index.ts';
import { CONVERSATION_STATES, MAX_PRINCIPAL_ID_CHARS, QUEUE_PRIORITY, SYNC_DEFAULT_LIMIT, type QueuePriority, SYNC_MAX_LIMIT } from '../protocol/conversation.ts';
import { content, sendFrame } from '../protocol/frames.ts';
import { isoTime, lineString, parseInput, parseQuery, queryInt } from '../protocol/validation.ts';
import type { ConversationRow, ListedConversation } from './repository.ts';
import type { ConversationService } from './service.ts';

export interface ConversationRouteDeps {
  readonly conversations: ConversationService;
  readonly authorize: Authorize;
}

const PARTICIPANTS: readonly Role[] = ['customer', 'agent', 'admin'];

const listQuery = z.strictObject({
  state: z.enum(CONVERSATION_STATES).optional(),
  limit: queryInt(1, 200).default(50),
  before: isoTime('must be an ISO time with a zone').optional(),
  /** Staff: only the conversations held by the caller. */
  mine: z.enum(['true', 'false']).optional(),
  /** Staff: only this buyer's conversations in the shop (extension; found from outside: closing one buyer's took a script). */
  buyerId: lineString(MAX_PRINCIPAL_ID_CHARS).optional(),
});
/**
 * An agent's reply over REST (extension): what a console's `send` frame carries, without the frame's id, time and nonce,
 * which guard a socket against replay; the clientMsgId still makes a retry store nothing twice. Every outside tester who
 * answered as an agent from their own tools had to write a WebSocket client (thirty-seventh session, eight shops).
 */
const sendBody = z.strictObject({ clientMsgId: sendFrame.shape.clientMsgId, content });
const STAFF: readonly Role[] = ['agent', 'admin'];
const messagesQuery = z.strictObject({
  afterSeq: queryInt(0).default(0),
  limit: queryInt(1, SYNC_MAX_LIMIT).default(SYNC_DEFAULT_LIMIT),
});

export function toConversationBody(c: ConversationRow, replyBy?: string) {
  return {
    conversationId: c.id,
    shopId: c.shopId,
    buyerId: c.buyerId,
    ...(c.buyerName ? { buyerName: c.buyerName } : {}),
    state: c.state,
    ...(c.agentId ? { agentId: c.agentId } : {}),
    // The holder's name, as the conversation frame gives it: a widget reloaded after a transfer named the last agent who wrote (found from outside).
    ...(c.agentName && c.state === 'assigned' ? { agentName: c.agentName } : {}),
    ...(replyBy ? { replyBy } : {}),
    lastSeq: c.lastSeq,
    stateVersion: c.stateVersion,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

const PRIORITY_NAMES = new Map<number, QueuePriority>(Object.entries(QUEUE_PRIORITY).map(([name, n]) => [n, name as QueuePriority]));
/**
 * For staff, a queued conversation's standing (extension): why it is ahead (`complaint`: a complaint, a danger, a reaction,
 * a double charge; `returned`: its agent left or did not answer) and since when it waits. Agents could not tell a gas leak from
 * a plain hand-over in the list (two shops, thirty-eighth session).
 */
function queueOf(c: ListedConversation): { queue?: { priority: QueuePriority; since?: string } } {
  if (c.state !== 'queued') return {};
  return { queue: { priority: PRIORITY_NAMES.get(c.priority) ?? 'normal', ...(c.queuedAt ? { since: c.queuedAt.toISOString() } : {}) } };
}

export function registerConversationRoutes(api: FastifyInstance, deps: ConversationRouteDeps): void {
  const { conversations, authorize } = deps;
  api.get('/conversations', async (req) => {
    const p = await authorize(req, { roles: PARTICIPANTS });
    const q = parseQuery(listQuery, req.query);
    const rows = await conversations.list(p, { ...(q.state ? { state: q.state } : {}), limit: q.limit, ...(q.before ? { before: new Date(q.before) } : {}), mine: q.mine === 'true', ...(q.buyerId ? { buyerId: q.buyerId } : {}) });
    // The reply deadline is the shop's business, not the buyer's (found in review).
    const staff = p.roles.has('agent') || p.roles.has('admin');
    return { conversations: rows.map((c) => ({ ...toConversationBody(c, staff ? conversations.replyBy(c) : undefined), ...(staff ? queueOf(c) : {}) })) };
  });
  api.get<{ Params: { id: string } }>('/conversations/:id/messages', async (req) => {
    const p = await authorize(req, { roles: PARTICIPANTS });
    const q = parseQuery(messagesQuery, req.query);
    const r = await conversations.sync(p, req.params.id, q.afterSeq, q.limit);
    return { conversationId: req.params.id, messages: r.messages, hasMore: r.hasMore };
  });
  // The same rules as the socket's send: only the holder speaks (FORBIDDEN), another shop's is NOT_FOUND; 201 when stored,
  // 200 for a retry of the same clientMsgId, with the stored text when the shop's word list masked some of it.
  api.post<{ Params: { id: string } }>('/conversations/:id/messages', async (req, reply) => {
    const p = await authorize(req, { roles: STAFF });
    const b = parseInput(sendBody, req.body);
    const r = await conversations.send(p, { id: b.clientMsgId, conversationId: req.params.id, clientMsgId: b.clientMsgId, content: b.content });
    return reply.code(r.duplicate ? 200 : 201).send({ message: r.message });
  });
}
