/**
 * REST for FAQ suggestions learnt from agents' replies (docs/api.md), under `/api/v1`. Only the
 * shop's admins, who edit its FAQ, see and decide them:
 *
 *   GET  /shops/:shopId/faq/suggestions               admin  200 { items: FaqSuggestion[] }
 *   POST /shops/:shopId/faq/suggestions/:id/accept    admin  200 { suggestion, entry }
 *   POST /shops/:shopId/faq/suggestions/:id/dismiss   admin  200 FaqSuggestion
 *
 * Accepting changes the FAQ, so every node's FAQ index is invalidated through `onChanged`.
 */
import { noBody, NO_QUERY, parseQuery } from '../protocol/validation.ts';
import type { FastifyInstance } from 'fastify';
import type { KnowledgeRouteDeps } from './routes.ts';
import type { FaqSuggestionService } from './suggestions.ts';

export interface SuggestionRouteDeps {
  readonly suggestions: FaqSuggestionService;
  readonly authorize: KnowledgeRouteDeps['authorize'];
  readonly onChanged?: (shopId: string) => void;
}

type Params = { Params: { shopId: string; id: string } };

export function registerSuggestionRoutes(app: FastifyInstance, deps: SuggestionRouteDeps): void {
  const { suggestions, authorize } = deps;

  app.get<{ Params: { shopId: string } }>('/shops/:shopId/faq/suggestions', async (req) => {

    parseQuery(NO_QUERY, req.query);
    const { shopId } = req.params;
    await authorize(req, { roles: ['admin'], shopId });
    return { items: await suggestions.list(shopId) };
  });

  app.post<Params>('/shops/:shopId/faq/suggestions/:id/accept', async (req) => {
    const { shopId, id } = req.params;
    const who = await authorize(req, { roles: ['admin'], shopId });
    noBody(req.body);
    const result = await suggestions.accept(shopId, id, who.userId);
    try {
      deps.onChanged?.(shopId);
    } catch (err) {
      req.log.error({ err, shopId }, 'knowledge change listener failed');
    }
    return result;
  });

  app.post<Params>('/shops/:shopId/faq/suggestions/:id/dismiss', async (req) => {
    const { shopId, id } = req.params;
    const who = await authorize(req, { roles: ['admin'], shopId });
    noBody(req.body);
    return suggestions.dismiss(shopId, id, who.userId);
  });
}
