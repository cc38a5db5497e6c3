/**
 * REST of commands (docs/api.md, "Commands"), under `/api/v1`, all for a `cs:commands` token of
 * the shop in the path (403 for another shop or another role; nothing is read or stored then):
 *
 *   POST /shops/:shopId/commands              Idempotency-Key   { type, payload, conversationId? } → 202 command
 *   GET  /shops/:shopId/commands?status=&limit=                  200 { commands }, newest first
 *   GET  /shops/:shopId/commands/:id                             200 command
 *   POST /shops/:shopId/commands/:id/retry                       202 command (dead only, else 409)
 *   POST /shops/:shopId/commands/:id/resolve  { note }           200 command (dead only, else 409)
 *
 * Order of checks on POST: token and role, the shop, the Idempotency-Key header, the body; only
 * then anything is read or written. A replay carries `Idempotent-Replayed: true` and the first
 * answer's exact body; a request whose key is still in flight gets 409 with `Retry-After: 1`.
 * A command id the shop does not have (another shop's included) is NOT_FOUND.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Authorize, Role } from '../auth/index.ts';
import { traceIdFrom } from '../ops/logger.ts';
import { KefuError } from '../protocol/errors.ts';
import { noBody, parseInput, parseQuery } from '../protocol/validation.ts';
import { commandBody, type CommandService } from './service.ts';
import { fingerprint, idempotencyKey, LIMITS, ListQuery, NoQuery, parseCommandInput, ResolveInput } from './validation.ts';

const COMMANDS: readonly Role[] = ['commands'];

type ShopParams = { Params: { shopId: string } };
type CommandParams = { Params: { shopId: string; id: string } };

export interface CommandRoutesDeps {
  readonly commands: CommandService;
  readonly authorize: Authorize;
}

/** The request's trace id (the app derives req.id from `traceparent`), which every attempt continues. */
const traceOf = (id: string, traceparent: string | string[] | undefined) => (/^[0-9a-f]{32}$/.test(id) ? id : traceIdFrom(traceparent));

const location = (shopId: string, id: string) => `/api/v1/shops/${encodeURIComponent(shopId)}/commands/${encodeURIComponent(id)}`;

function sendStored(reply: FastifyReply, r: { status: number; body: string }, headers: Record<string, string>): FastifyReply {
  return reply.code(r.status).headers(headers).type('application/json; charset=utf-8').send(r.body);
}

export function registerCommandRoutes(api: FastifyInstance, d: CommandRoutesDeps): void {
  api.post<ShopParams>('/shops/:shopId/commands', async (req, reply) => {
    const { shopId } = req.params;
    const p = await d.authorize(req, { roles: COMMANDS, shopId });
    // headersDistinct keeps a repeated header's values apart (absent on injected test requests).
    const key = idempotencyKey((req.raw.headersDistinct as NodeJS.Dict<string[]> | undefined)?.['idempotency-key'] ?? req.headers['idempotency-key']);
    parseQuery(NoQuery, req.query);
    const input = parseCommandInput(req.body);
    const r = await d.commands.create({ shopId, key, fingerprint: fingerprint('POST', `/api/v1/shops/${shopId}/commands`, req.body), input, by: p.userId, traceId: traceOf(req.id, req.headers.traceparent) });
    if (r.kind === 'in_flight') {
      reply.header('retry-after', '1');
      throw new KefuError('CONFLICT', 'a request with this Idempotency-Key is still in flight; retry after it finished');
    }
    const headers: Record<string, string> = { location: location(shopId, r.commandId) };
    if (r.kind === 'replayed') headers['idempotent-replayed'] = 'true';
    return sendStored(reply, r, headers);
  });

  api.get<ShopParams>('/shops/:shopId/commands', async (req) => {
    const { shopId } = req.params;
    await d.authorize(req, { roles: COMMANDS, shopId });
    const q = parseQuery(ListQuery, req.query);
    const list = await d.commands.list(shopId, { status: q.status, limit: q.limit ?? LIMITS.listDefault, before: q.before });
    return { commands: list.map(commandBody) };
  });

  api.get<CommandParams>('/shops/:shopId/commands/:id', async (req) => {
    const { shopId, id } = req.params;
    await d.authorize(req, { roles: COMMANDS, shopId });
    return commandBody(await d.commands.get(shopId, id));
  });

  api.post<CommandParams>('/shops/:shopId/commands/:id/retry', async (req, reply) => {
    const { shopId, id } = req.params;
    const p = await d.authorize(req, { roles: COMMANDS, shopId });
    parseQuery(NoQuery, req.query);
    noBody(req.body);
    return reply.code(202).send(commandBody(await d.commands.retry(shopId, id, p.userId)));
  });

  api.post<CommandParams>('/shops/:shopId/commands/:id/resolve', async (req) => {
    const { shopId, id } = req.params;
    const p = await d.authorize(req, { roles: COMMANDS, shopId });
    parseQuery(NoQuery, req.query);
    const { note } = parseInput(ResolveInput, req.body);
    return commandBody(await d.commands.resolve(shopId, id, p.userId, note));
  });
}
