/**
 * REST of routing and the agent's workflow (docs/api.md, "Agents and routing"), under `/api/v1`:
 *
 *   PUT  /agents/me/status             agent, admin   { status, capacity? } → the agent
 *   GET  /shops/:shopId/agents         agent, admin   { agents: [...] }
 *   POST /conversations/:id/accept     agent, admin   take a queued conversation (409 when not queued or at capacity)
 *   POST /conversations/:id/transfer   holder, admin  { agentId } to an online agent of the shop with room
 *   POST /conversations/:id/close      holder, admin  asks the buyer for a rating, then closes
 *   GET  /conversations/:id/queue      its buyer, staff  { state, queuePosition?, agentsOnline?, estimatedWaitSeconds? }
 *
 * A conversation of another shop answers NOT_FOUND; a route naming another shop, FORBIDDEN.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Authorize, Role } from '../auth/index.ts';
import { AGENT_STATUSES } from '../protocol/conversation.ts';
import { noBody, parseInput, storableString, NO_QUERY, parseQuery } from '../protocol/validation.ts';
import type { StateChange } from '../conversation/index.ts';
import type { AgentView, RoutingService } from './service.ts';

const STAFF: readonly Role[] = ['agent', 'admin'];
const PARTICIPANTS: readonly Role[] = ['customer', 'agent', 'admin'];

const statusBody = z.strictObject({ status: z.enum(AGENT_STATUSES), capacity: z.number().int().min(0).max(100).optional() });
const transferBody = z.strictObject({ agentId: storableString().min(1).max(128) });

const agentBody = (a: AgentView) => ({ agentId: a.agentId, shopId: a.shopId, ...(a.name ? { name: a.name } : {}), status: a.status, capacity: a.capacity, active: a.active, connected: a.connected });
const changeBody = (c: StateChange) => ({ conversationId: c.id, shopId: c.shopId, state: c.state, ...(c.agentId && c.state === 'assigned' ? { agentId: c.agentId, ...(c.agentName ? { agentName: c.agentName } : {}) } : {}) });

export function registerRoutingRoutes(api: FastifyInstance, deps: { routing: RoutingService; authorize: Authorize }): void {
  const { routing, authorize } = deps;
  api.put('/agents/me/status', async (req) => {
    const p = await authorize(req, { roles: STAFF });
    return agentBody(await routing.setStatus(p, parseInput(statusBody, req.body)));
  });
  api.get<{ Params: { shopId: string } }>('/shops/:shopId/agents', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const p = await authorize(req, { roles: STAFF, shopId: req.params.shopId });
    return { agents: (await routing.list(p)).map(agentBody) };
  });
  api.post<{ Params: { id: string } }>('/conversations/:id/accept', async (req) => {
    const p = await authorize(req, { roles: STAFF });
    noBody(req.body);
    return changeBody(await routing.accept(p, req.params.id));
  });
  api.post<{ Params: { id: string } }>('/conversations/:id/transfer', async (req) => {
    const p = await authorize(req, { roles: STAFF });
    return changeBody(await routing.transfer(p, req.params.id, parseInput(transferBody, req.body).agentId));
  });
  api.get<{ Params: { id: string } }>('/conversations/:id/queue', async (req) => {
    parseQuery(NO_QUERY, req.query);
    return routing.queueOf(await authorize(req, { roles: PARTICIPANTS }), req.params.id);
  });
  api.post<{ Params: { id: string } }>('/conversations/:id/close', async (req) => {
    const p = await authorize(req, { roles: STAFF });
    noBody(req.body);
    return changeBody(await routing.close(p, req.params.id));
  });
}
