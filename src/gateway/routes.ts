/**
 * REST of the gateway (extension), registered by the app under `/api/v1`:
 *
 *   GET /presence/:userId   which devices a user has online (the console shows it beside a buyer)
 *
 * Anyone sees their own devices. Staff see a user only when that user has a conversation
 * with the staff's shop, so no shop learns who else is online; anything else is NOT_FOUND.
 */
import { NO_QUERY, parseQuery } from '../protocol/validation.ts';
import type { FastifyInstance } from 'fastify';
import type { Authorize } from '../auth/index.ts';
import { KefuError } from '../protocol/errors.ts';
import type { Cache } from '../storage/ports.ts';
import type { ConversationService } from '../conversation/index.ts';
import { onlineDevices } from './presence.ts';

export interface GatewayRouteDeps {
  readonly cache: Cache;
  readonly conversations: ConversationService;
  readonly authorize: Authorize;
}

export function registerGatewayRoutes(api: FastifyInstance, deps: GatewayRouteDeps): void {
  api.get<{ Params: { userId: string } }>('/presence/:userId', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const p = await deps.authorize(req, { roles: ['customer', 'agent', 'admin'] });
    const { userId } = req.params;
    const isStaff = p.roles.has('agent') || p.roles.has('admin');
    const maySee = p.userId === userId || (isStaff && p.shopId !== undefined && (await deps.conversations.hasBuyer(p.shopId, userId)));
    if (!maySee) throw new KefuError('NOT_FOUND', 'no such user');
    const devices = await onlineDevices(deps.cache, userId);
    return { userId, devices: devices.map((d) => ({ device: d.device, lastSeen: new Date(d.lastSeen).toISOString() })) };
  });
}
