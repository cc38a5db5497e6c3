/**
 * The demo platform over HTTP (docs/api.md, "The demo platform"), registered at the root only in
 * demo mode without KEFU_PLATFORM_API_URL. No token: it is a stand-in for someone else's system,
 * like the demo issuer, and never exists in a deployment that talks to a real platform.
 *
 *   POST   /demo/platform/shops/:shopId/commands     the platform's command endpoint (Idempotency-Key)
 *   GET    /demo/platform/shops/:shopId              what it holds: SKUs, coupons, locks, applied keys, the fault
 *   PUT    /demo/platform/shops/:shopId/skus/:sku    { price?, available } → 200 the shop's state
 *   PUT    /demo/platform/shops/:shopId/faults       { mode: fail|reject|hang, times, status?, hangMs?, applyFirst? } → 200 state
 *   DELETE /demo/platform/shops/:shopId/faults       → 204
 *
 * kefu's own worker calls the same DemoPlatform in-process, not through this route.
 */
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../protocol/validation.ts';
import { FaultInput, SkuInput, type DemoPlatform } from './platform.ts';

export const DEMO_PLATFORM_PATH = '/demo/platform';

type ShopParams = { Params: { shopId: string } };

export function registerDemoPlatformRoutes(app: FastifyInstance, demo: DemoPlatform): void {
  app.post<ShopParams>(`${DEMO_PLATFORM_PATH}/shops/:shopId/commands`, async (req, reply) => {
    const key = req.headers['idempotency-key'];
    // A caller that gives up (its timeout) ends a hang.
    const gone = new AbortController();
    reply.raw.on('close', () => gone.abort());
    try {
      const a = await demo.handle(req.params.shopId, typeof key === 'string' ? key : undefined, req.body, gone.signal);
      return await reply.code(a.status).send(a.body);
    } catch (e) {
      // The caller left while the platform was told to hang: nobody to answer.
      if (gone.signal.aborted) return reply.code(499).send();
      throw e;
    }
  });

  app.get<ShopParams>(`${DEMO_PLATFORM_PATH}/shops/:shopId`, async (req) => demo.state(req.params.shopId));

  app.put<{ Params: { shopId: string; sku: string } }>(`${DEMO_PLATFORM_PATH}/shops/:shopId/skus/:sku`, async (req) => {
    await demo.setSku(req.params.shopId, req.params.sku, parseInput(SkuInput, req.body));
    return demo.state(req.params.shopId);
  });

  app.put<ShopParams>(`${DEMO_PLATFORM_PATH}/shops/:shopId/faults`, async (req) => {
    await demo.setFault(req.params.shopId, parseInput(FaultInput, req.body));
    return demo.state(req.params.shopId);
  });

  app.delete<ShopParams>(`${DEMO_PLATFORM_PATH}/shops/:shopId/faults`, async (req, reply) => {
    await demo.clearFault(req.params.shopId);
    return reply.code(204).send();
  });
}
