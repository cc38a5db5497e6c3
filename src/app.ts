/**
 * buildApp(runtime): the HTTP and WebSocket surface, used by `kefu start` and by the tests.
 * Every error leaves as `{ error: { code, message } }` with the status of its catalogue code.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { z } from 'zod';
import { KefuError, isKefuError } from './protocol/errors.ts';
import { fieldOf } from './protocol/validation.ts';
import { MAX_FRAME_BYTES } from './protocol/frames.ts';
import { traceIdFrom } from './ops/logger.ts';
import { extractBearer, registerDemoIssuerRoutes, requireRole, requireShopOr403, type Principal, type Role } from './auth/index.ts';
import { registerGateway } from './gateway/gateway.ts';
import { onlineDevices } from './gateway/presence.ts';
import type { Runtime } from './wiring.ts';
import { registerWebhookRoutes } from './commerce/index.ts';
import { registerKnowledgeRoutes } from './knowledge/index.ts';
import { canaryConfigSchema } from './robot-ops.ts';
import { timingSafeEqual } from 'node:crypto';

export type Authorize = (req: FastifyRequest, opts: { roles: readonly Role[]; shopId?: string }) => Promise<Principal>;

const BODY_LIMIT = 1024 * 1024;

export async function buildApp(rt: Runtime): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: rt.log as FastifyBaseLogger,
    genReqId: (req) => traceIdFrom(req.headers.traceparent),
    logController: new LogController({ requestIdLogLabel: 'traceId' }),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    // Behind a proxy, set KEFU_TRUST_PROXY (not yet: kefu listens on loopback by default).
    trustProxy: false,
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-trace-id', req.id);
  });

  app.setErrorHandler((err, req, reply) => {
    let k: KefuError;
    if (isKefuError(err)) k = err;
    else if ((err as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') k = new KefuError('TOO_LARGE', 'body exceeds 1 MiB');
    else if ((err as { validation?: unknown }).validation || (err as { code?: string }).code?.startsWith('FST_ERR_CTP')) k = new KefuError('BAD_REQUEST', (err as Error).message);
    else if ((err as { statusCode?: number }).statusCode === 400) k = new KefuError('BAD_REQUEST', (err as Error).message);
    else {
      req.log.error({ err }, 'request failed');
      k = new KefuError('INTERNAL', 'internal error');
    }
    if (k.code === 'UNAVAILABLE') req.log.warn({ code: k.code }, k.message);
    reply.code(k.status).send(k.toBody());
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(new KefuError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`).toBody());
  });

  const authorize: Authorize = async (req, opts) => {
    const token = extractBearer(req.headers.authorization);
    if (!token) throw new KefuError('UNAUTHORIZED', 'bearer token required');
    const p = await rt.verifier.verify(token);
    requireRole(p, opts.roles);
    // A route under /shops/{shopId} is staff business unless buyers are explicitly allowed:
    // staff of another shop get 403 (CONTRACT.md section 2).
    const asBuyer = opts.roles.includes('customer') && p.roles.has('customer');
    if (opts.shopId !== undefined && !asBuyer) requireShopOr403(p, opts.shopId);
    return p;
  };

  // Operations.
  app.get('/healthz', async () => ({ status: 'ok', node: rt.config.nodeId }));
  app.get('/readyz', async (_req, reply) => {
    const check = async (fn: () => Promise<void>) => {
      try {
        await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 1000).unref())]);
        return 'ok';
      } catch (e) {
        return `down: ${(e as Error).message}`;
      }
    };
    const [database, cache] = await Promise.all([check(() => rt.storage.sql.ping()), check(() => rt.storage.cache.ping())]);
    const ok = database === 'ok' && cache === 'ok';
    reply.code(ok ? 200 : 503);
    return { status: ok ? 'ready' : 'unready', checks: { database, cache } };
  });
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', rt.metrics.registry.contentType);
    return rt.metrics.registry.metrics();
  });

  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false } });
  const gateway = registerGateway(app, {
    verifier: rt.verifier,
    conversations: rt.conversations,
    hub: rt.hub,
    cache: rt.storage.cache,
    localNonces: rt.localNonces,
    metrics: rt.metrics,
    work: rt.work,
    log: rt.log,
    nodeId: rt.config.nodeId,
    allowedOrigins: rt.config.allowedOrigins,
    limits: rt.config.ws,
  });
  app.addHook('preClose', async () => gateway.close());

  if (rt.demoIssuer) registerDemoIssuerRoutes(app, rt.demoIssuer);

  await app.register(
    async (api) => {
      registerWebhookRoutes(api, { sql: rt.storage.sql, keyring: rt.keyring, secret: rt.webhookSecret });
      registerKnowledgeRoutes(api, { knowledge: rt.knowledge, authorize: (req, o) => authorize(req, o), onChanged: (shopId) => rt.knowledgeChanged(shopId) });

      const listQuery = z.strictObject({
        state: z.enum(['bot', 'queued', 'assigned', 'closed']).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        before: z.iso.datetime({ offset: true }).optional(),
      });
      api.get('/conversations', async (req) => {
        const p = await authorize(req, { roles: ['customer', 'agent', 'admin'] });
        const q = parse(listQuery, req.query);
        const rows = await rt.conversations.list(p, { ...(q.state ? { state: q.state } : {}), limit: q.limit, ...(q.before ? { before: new Date(q.before) } : {}) });
        return {
          conversations: rows.map((c) => ({
            conversationId: c.id,
            shopId: c.shopId,
            buyerId: c.buyerId,
            ...(c.buyerName ? { buyerName: c.buyerName } : {}),
            state: c.state,
            ...(c.agentId ? { agentId: c.agentId } : {}),
            lastSeq: c.lastSeq,
            createdAt: c.createdAt.toISOString(),
            updatedAt: c.updatedAt.toISOString(),
          })),
        };
      });
      // Extension: which devices a user has online (the console shows it next to a buyer).
      api.get('/presence/:userId', async (req) => {
        const p = await authorize(req, { roles: ['customer', 'agent', 'admin'] });
        const { userId } = req.params as { userId: string };
        if (p.roles.has('customer') && !p.roles.has('agent') && !p.roles.has('admin') && p.userId !== userId) throw new KefuError('NOT_FOUND', 'no such user');
        const devices = await onlineDevices(rt.storage.cache, userId);
        return { userId, devices: devices.map((d) => ({ device: d.device, lastSeen: new Date(d.lastSeen).toISOString() })) };
      });

      // Operator endpoints (extension): enabled by KEFU_OPS_TOKEN, a static bearer secret held by
      // the platform's operators, since no role of the contract spans shops.
      if (rt.config.opsToken) {
        const want = Buffer.from(rt.config.opsToken);
        const ops = (req: FastifyRequest) => {
          const got = Buffer.from(extractBearer(req.headers.authorization) ?? '');
          if (got.length !== want.length || !timingSafeEqual(got, want)) throw new KefuError('UNAUTHORIZED', 'operator token required');
        };
        api.get('/ops/robot/canary', async (req) => {
          ops(req);
          return rt.canaryControl.current();
        });
        api.put('/ops/robot/canary', async (req) => {
          ops(req);
          return rt.canaryControl.set(parse(canaryConfigSchema, req.body));
        });
        api.post('/ops/robot/canary/rollback', async (req) => {
          ops(req);
          return rt.canaryControl.rollback();
        });
      }

      const msgQuery = z.strictObject({ afterSeq: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(500).default(100) });
      api.get('/conversations/:id/messages', async (req) => {
        const p = await authorize(req, { roles: ['customer', 'agent', 'admin'] });
        const q = parse(msgQuery, req.query);
        const { id } = req.params as { id: string };
        const r = await rt.conversations.sync(p, id, q.afterSeq, q.limit);
        return { conversationId: id, messages: r.messages, hasMore: r.hasMore };
      });
    },
    { prefix: '/api/v1' },
  );

  return app;
}

/** Validates with zod; the error names the first bad field. */
export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = issue ? fieldOf(issue.path) : 'body';
  throw new KefuError('BAD_REQUEST', `${field}: ${issue?.message ?? 'invalid'}`, { field });
}
