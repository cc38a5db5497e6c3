/**
 * REST for shop knowledge (docs/api.md), registered by the app under `/api/v1`:
 *
 *   GET    /shops/:shopId/faq               agent, admin   200 { items: FaqEntry[] }
 *   POST   /shops/:shopId/faq               admin          201 FaqEntry
 *   PUT    /shops/:shopId/faq/:id           admin          200 FaqEntry
 *   DELETE /shops/:shopId/faq/:id           admin          204
 *   GET    /shops/:shopId/sensitive-words   agent, admin   200 { words: string[] }
 *   PUT    /shops/:shopId/sensitive-words   admin          200 { words: string[] }
 *   GET    /shops/:shopId/settings/time-zone  agent, admin 200 ShopTimeZone
 *   PUT    /shops/:shopId/settings/time-zone  admin        200 ShopTimeZone
 *   GET    /shops/:shopId/settings/contacts   agent, admin 200 ShopContactsSetting
 *   PUT    /shops/:shopId/settings/contacts   admin        200 ShopContactsSetting
 *
 * The global word list has no route: see defaults.ts. Errors are thrown as KefuError and
 * rendered by the app's error handler.
 */
import { NO_QUERY, parseQuery } from '../protocol/validation.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../auth/principal.ts';
import type { KnowledgeService } from './service.ts';

export interface KnowledgeRouteDeps {
  readonly knowledge: KnowledgeService;
  /** Throws the right KefuError (401/403/404) itself; resolves with the caller otherwise. */
  readonly authorize: (req: FastifyRequest, opts: { roles: Role[]; shopId?: string }) => Promise<Principal>;
  /**
   * Called after a change has committed, for example to publish a bus message that invalidates
   * every process's FilterCache and FAQ index. A failure here is logged, not returned: the
   * change is durable and a retry by the client would repeat it.
   */
  readonly onChanged?: (shopId: string) => void;
}

const READERS: Role[] = ['agent', 'admin'];
const WRITERS: Role[] = ['admin'];
// 5000 words of 50 characters, JSON-escaped at worst, exceed fastify's default 1 MiB.
const WORDS_BODY_LIMIT = 2 * 1024 * 1024;

type ShopParams = { Params: { shopId: string } };
type FaqParams = { Params: { shopId: string; id: string } };

export function registerKnowledgeRoutes(app: FastifyInstance, deps: KnowledgeRouteDeps): void {
  const { knowledge, authorize } = deps;
  const changed = (req: FastifyRequest, shopId: string) => {
    if (!deps.onChanged) return;
    try {
      deps.onChanged(shopId);
    } catch (err) {
      req.log.error({ err, shopId }, 'knowledge change listener failed');
    }
  };

  app.get<ShopParams>('/shops/:shopId/faq', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await authorize(req, { roles: READERS, shopId });
    return { items: await knowledge.listFaq(shopId) };
  });

  app.post<ShopParams>('/shops/:shopId/faq', async (req, reply) => {
    const { shopId } = req.params;
    await authorize(req, { roles: WRITERS, shopId });
    const entry = await knowledge.createFaq(shopId, req.body);
    changed(req, shopId);
    return reply.code(201).send(entry);
  });

  app.put<FaqParams>('/shops/:shopId/faq/:id', async (req) => {
    const { shopId, id } = req.params;
    await authorize(req, { roles: WRITERS, shopId });
    const entry = await knowledge.updateFaq(shopId, id, req.body);
    changed(req, shopId);
    return entry;
  });

  app.delete<FaqParams>('/shops/:shopId/faq/:id', async (req, reply) => {
    const { shopId, id } = req.params;
    await authorize(req, { roles: WRITERS, shopId });
    await knowledge.deleteFaq(shopId, id);
    changed(req, shopId);
    return reply.code(204).send();
  });

  app.get<ShopParams>('/shops/:shopId/sensitive-words', async (req) => {

    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await authorize(req, { roles: READERS, shopId });
    return { words: await knowledge.getSensitiveWords(shopId) };
  });

  app.put<ShopParams>('/shops/:shopId/sensitive-words', { bodyLimit: WORDS_BODY_LIMIT }, async (req) => {
    const { shopId } = req.params;
    await authorize(req, { roles: WRITERS, shopId });
    const words = await knowledge.replaceSensitiveWords(shopId, req.body);
    changed(req, shopId);
    return { words };
  });

  registerSettingsRoutes(app, deps, changed);
}

/** The shop's settings (its time zone, its agents' allowed contacts), kept and broadcast like its FAQ. */
function registerSettingsRoutes(app: FastifyInstance, { knowledge, authorize }: KnowledgeRouteDeps, changed: (req: FastifyRequest, shopId: string) => void): void {
  app.get<ShopParams>('/shops/:shopId/settings/time-zone', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await authorize(req, { roles: READERS, shopId });
    return knowledge.timeZone(shopId);
  });

  app.put<ShopParams>('/shops/:shopId/settings/time-zone', async (req) => {
    const { shopId } = req.params;
    const p = await authorize(req, { roles: WRITERS, shopId });
    const setting = await knowledge.setTimeZone(shopId, req.body, p.userId);
    changed(req, shopId);
    return setting;
  });

  app.get<ShopParams>('/shops/:shopId/settings/contacts', async (req) => {
    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await authorize(req, { roles: READERS, shopId });
    return knowledge.contacts(shopId);
  });

  app.put<ShopParams>('/shops/:shopId/settings/contacts', async (req) => {
    const { shopId } = req.params;
    const p = await authorize(req, { roles: WRITERS, shopId });
    const setting = await knowledge.setContacts(shopId, req.body, p.userId);
    changed(req, shopId);
    return setting;
  });
}
