/**
 * REST of buyers' data rights (docs/api.md, "Data rights"), registered by the app under `/api/v1`:
 *
 *   GET    /me/export                                  buyer            200 everything kefu holds about the caller, every shop
 *   DELETE /shops/:shopId/buyers/:buyerId              admin of shop    200 the erasure's audit record (repeatable)
 *   POST   /shops/:shopId/buyers/:buyerId/erase        admin of shop    200 the same (for clients that cannot send DELETE)
 *   GET    /shops/:shopId/erasures?limit=              admin of shop    200 { items }: the shop's erasures, newest first
 *   GET    /shops/:shopId/settings/retention           admin of shop    200 the retention setting
 *   PUT    /shops/:shopId/settings/retention           admin of shop    200 { messageDays: N | null } set (null: keep for ever)
 *
 * The export names no shop and only ever reads the caller's own records (the token's `sub`).
 * Erasure and retention are an admin's, of the admin's shop (403 for another shop). Nothing here
 * logs a buyer's data.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Authorize, Role } from '../auth/index.ts';
import { lineString, noBody, parseInput, storableString, NO_QUERY, parseQuery, queryInt } from '../protocol/validation.ts';
import { MAX_PRINCIPAL_ID_CHARS } from '../protocol/conversation.ts';
import type { RightsService } from './service.ts';

export interface RightsRoutesDeps {
  readonly rights: RightsService;
  readonly authorize: Authorize;
}

type ShopParams = { Params: { shopId: string } };
type BuyerParams = { Params: { shopId: string; buyerId: string } };

const ADMIN: readonly Role[] = ['admin'];
export const MAX_RETENTION_DAYS = 36500;

const RetentionInput = z.strictObject(
  { messageDays: z.number({ error: 'must be a whole number of days from 1 to 36500, or null' }).int().min(1).max(MAX_RETENTION_DAYS).nullable() },
  { error: 'must be a JSON object' },
);
const BuyerId = z.strictObject({ buyerId: storableString().min(1).max(MAX_PRINCIPAL_ID_CHARS) });
const ErasuresQuery = z.strictObject({ limit: queryInt(1, 500).optional(), before: lineString(128).optional() });

export function registerRightsRoutes(api: FastifyInstance, d: RightsRoutesDeps): void {
  api.get('/me/export', async (req, reply) => {
    parseQuery(NO_QUERY, req.query);
    const p = await d.authorize(req, { roles: ['customer'] });
    const doc = await d.rights.export(p.userId);
    return reply.header('content-disposition', 'attachment; filename="kefu-export.json"').header('cache-control', 'no-store').send(doc);
  });

  const erase = async (req: { params: { shopId: string; buyerId: string } } & Parameters<Authorize>[0]) => {
    const { shopId } = req.params;
    const p = await d.authorize(req, { roles: ADMIN, shopId });
    const { buyerId } = parseInput(BuyerId, { buyerId: req.params.buyerId });
    noBody(req.body);
    return d.rights.erase(shopId, buyerId, p.userId);
  };
  api.delete<BuyerParams>('/shops/:shopId/buyers/:buyerId', async (req) => erase(req));
  api.post<BuyerParams>('/shops/:shopId/buyers/:buyerId/erase', async (req) => erase(req));

  api.get<ShopParams>('/shops/:shopId/erasures', async (req) => {
    const { shopId } = req.params;
    await d.authorize(req, { roles: ADMIN, shopId });
    const q = parseQuery(ErasuresQuery, req.query);
    return { items: await d.rights.erasures(shopId, q.limit ?? 100, q.before) };
  });

  api.get<ShopParams>('/shops/:shopId/settings/retention', async (req) => {

    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await d.authorize(req, { roles: ADMIN, shopId });
    return d.rights.retention(shopId);
  });

  api.put<ShopParams>('/shops/:shopId/settings/retention', async (req) => {
    const { shopId } = req.params;
    const p = await d.authorize(req, { roles: ADMIN, shopId });
    const { messageDays } = parseInput(RetentionInput, req.body);
    return d.rights.setRetention(shopId, messageDays, p.userId);
  });
}
