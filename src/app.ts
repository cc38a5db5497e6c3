/**
 * buildApp(runtime): the HTTP and WebSocket surface, used by `kefu start` and by the tests. Each
 * domain registers its own routes (its `routes.ts`); this file sets what they share: the error
 * body, trace ids, body limits and authorization. Every error leaves as
 * `{ error: { code, message } }` with the status of its catalogue code (docs/errors.md).
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import { KefuError, errorKind, isKefuError, toKefuError } from './protocol/errors.ts';
import { MAX_FRAME_BYTES } from './protocol/frames.ts';
import { MAX_PRINCIPAL_ID_CHARS } from './protocol/conversation.ts';
import { traceIdFrom } from './ops/logger.ts';
import { registerOpsRoutes } from './ops/routes.ts';
import { circuitDetails } from './ops/runtime-metrics.ts';
import { createAuthorize, registerDemoIssuerRoutes, type Authorize } from './auth/index.ts';
import { registerGateway } from './gateway/gateway.ts';
import { registerGatewayRoutes } from './gateway/routes.ts';
import { registerConversationRoutes } from './conversation/routes.ts';
import { registerWebhookRoutes } from './commerce/index.ts';
import { registerKnowledgeRoutes, registerSuggestionRoutes } from './knowledge/index.ts';
import { registerRobotOpsRoutes } from './robot/routes.ts';
import { registerRoutingRoutes } from './routing/index.ts';
import { registerDeskRoutes } from './desk/index.ts';
import { registerCommandRoutes } from './commands/index.ts';
import { registerDemoPlatformRoutes } from './demo/index.ts';
import { registerRightsRoutes } from './rights/index.ts';
import type { Runtime } from './wiring.ts';
import { inScope } from './storage/scope.ts';

const BODY_LIMIT = 1024 * 1024;
/** The limit a route was given, as its error names it: `1 MiB`, `2 MiB`, `0.5 MiB`. */
const mib = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MiB`;

export async function buildApp(rt: Runtime): Promise<FastifyInstance> {
  const { KEFU_HTTP_HEADERS_TIMEOUT_MS: headersMs, KEFU_HTTP_REQUEST_TIMEOUT_MS: requestMs } = rt.config.raw;
  const app: FastifyInstance = Fastify({
    loggerInstance: rt.log as FastifyBaseLogger,
    genReqId: (req) => traceIdFrom(req.headers.traceparent),
    logController: new LogController({ requestIdLogLabel: 'traceId' }),
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT,
    // A path parameter may be a user id as long as a token's sub, percent-encoded: 12 characters
    // for a 4-byte character (Fastify's default of 100 refused a 101-character buyer id with 414).
    routerOptions: { maxParamLength: MAX_PRINCIPAL_ID_CHARS * 12 },
    // A path that is not valid percent-encoding, or a parameter past the length above, is refused
    // before routing: in the same error body as any other refusal.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      reply.header('x-trace-id', req.id);
      const what = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? `a path parameter is longer than ${MAX_PRINCIPAL_ID_CHARS * 12} characters` : 'the path is not valid percent-encoding';
      reply.code(400).send(new KefuError('BAD_REQUEST', what).toBody());
    },
    // X-Forwarded-For names the client only behind the proxies KEFU_TRUST_PROXY lists.
    trustProxy: rt.config.raw.KEFU_TRUST_PROXY,
    // A client that trickles its headers (slowloris, an upgrade included) or its body is cut off
    // with 408; node checks these every connectionsCheckingInterval (30 s unless told).
    requestTimeout: Math.max(requestMs, headersMs),
    http: { headersTimeout: headersMs, requestTimeout: Math.max(requestMs, headersMs), connectionsCheckingInterval: Math.min(1000, headersMs) },
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-trace-id', req.id);
  });
  app.setErrorHandler(renderError);
  acceptEmptyJson(app);
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(new KefuError('NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`).toBody());
  });

  registerOpsRoutes(app, { nodeId: rt.config.nodeId, registry: rt.metrics.registry, checks: { database: () => rt.storage.sql.ping(), cache: () => rt.storage.cache.ping() }, details: () => ({ circuits: circuitDetails(rt.storage.cache, rt.storage.bus, rt.storage.sql) }) });
  await registerSockets(app, rt);
  if (rt.demoIssuer) registerDemoIssuerRoutes(app, rt.demoIssuer);
  if (rt.demoPlatform) registerDemoPlatformRoutes(app, rt.demoPlatform);
  await (await import('./pages/index.ts')).registerPages(app, rt); // the web pages (src/pages/, docs/api.md "Pages")
  const authorize = createAuthorize(rt.verifier);
  await app.register(async (api) => registerApi(api, rt, authorize), { prefix: '/api/v1' });
  return app;
}

/**
 * A JSON body of nothing is no body: common clients send `content-type: application/json` with an
 * empty body to the routes that take none (found from outside: 400 "Body cannot be empty"). A body
 * that is not JSON is a 400 naming `body`, as any other bad field is named.
 */
function acceptEmptyJson(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if ((body as string).trim() === '') return done(null, undefined);
    json(req, body as string, (err, value) => (err ? done(new KefuError('BAD_REQUEST', 'body: is not valid JSON', { field: 'body' }), undefined) : done(null, value)));
  });
}

/**
 * Maps any error to the catalogue (protocol/errors.ts: a database or cache that is down,
 * unreachable or timing out is 503 UNAVAILABLE, never 500). Only what no input and no
 * dependency explains is logged as an error, with its stack; a dependency failure is a warning
 * without one; input errors are not logged here.
 */
function renderError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  let k: KefuError;
  if (isKefuError(err)) k = err;
  else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') k = new KefuError('TOO_LARGE', `body exceeds ${mib(req.routeOptions.bodyLimit ?? BODY_LIMIT)}`);
  else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') k = new KefuError('BAD_REQUEST', 'body: must be JSON, sent with content-type: application/json', { field: 'body' });
  else if (err.validation || err.code?.startsWith('FST_ERR_CTP') || err.statusCode === 400) k = new KefuError('BAD_REQUEST', err.message);
  else k = toKefuError(err);
  const kind = errorKind(k);
  if (kind === 'internal') req.log.error({ err }, 'request failed');
  else if (kind === 'dependency') {
    req.log.warn({ code: k.code, ...(k !== err ? { err: err.message } : {}) }, k.message);
    reply.header('retry-after', '1');
  }
  reply.code(k.status).send(k.toBody());
}

async function registerSockets(app: FastifyInstance, rt: Runtime): Promise<void> {
  // The plugin's own shutdown would close every socket first, without a code (1005): the gateway
  // closes them itself, with 1012, so clients know to reconnect elsewhere and resume.
  let closeSockets = async (): Promise<void> => {};
  await app.register(websocket, {
    options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false },
    preClose: async function (this: FastifyInstance) {
      await closeSockets();
      this.websocketServer.close();
    },
  });
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
    origins: { allowed: rt.config.allowedOrigins, demo: rt.config.demo, host: rt.config.host },
    limits: {
      ...rt.config.ws,
      maxPerIp: rt.config.raw.KEFU_WS_MAX_PER_IP,
      maxPerUser: rt.config.raw.KEFU_WS_MAX_PER_USER,
      maxUpgrading: rt.config.raw.KEFU_WS_MAX_UPGRADING,
      upgradeTimeoutMs: rt.config.raw.KEFU_WS_UPGRADE_TIMEOUT_MS,
      answerDeadlineMs: rt.config.raw.KEFU_WS_ANSWER_DEADLINE_MS,
    },
    onConsole: (p, open) => rt.routing.consoleSocket(p, open),
  });
  closeSockets = () => gateway.close();
}

function registerApi(api: FastifyInstance, rt: Runtime, authorize: Authorize): void {
  // Every API handler runs in a scope of its own, which authorize() narrows to a staff token's
  // shop (row-level security: storage/scope.ts). Registered before the routes it wraps.
  api.addHook('onRoute', (route) => {
    const handler = route.handler;
    route.handler = function scoped(this: FastifyInstance, req, reply) {
      return inScope(() => handler.call(this, req, reply));
    };
  });
  registerWebhookRoutes(api, {
    sql: rt.storage.sql,
    keyring: rt.keyring,
    secret: rt.webhookSecret,
    onApplied: (e) => rt.platformEventApplied(e),
  });
  registerKnowledgeRoutes(api, { knowledge: rt.knowledge, authorize: (req, o) => authorize(req, o), onChanged: (shopId) => rt.knowledgeChanged(shopId) });
  registerSuggestionRoutes(api, { suggestions: rt.faqSuggestions, authorize: (req, o) => authorize(req, o), onChanged: (shopId) => rt.knowledgeChanged(shopId) });
  // Staff acting over REST (not reading) are at work: routing counts them present (docs/api.md, "Available").
  const atWork: Authorize = async (req, o) => {
    const p = await authorize(req, o);
    if (req.method !== 'GET') rt.routing.workSeen(p);
    return p;
  };
  registerConversationRoutes(api, { conversations: rt.conversations, authorize: atWork });
  registerGatewayRoutes(api, { cache: rt.storage.cache, conversations: rt.conversations, authorize });
  registerRoutingRoutes(api, { routing: rt.routing, authorize: atWork });
  registerDeskRoutes(api, { sql: rt.storage.sql, conversations: rt.conversations, commerce: rt.commerce, sink: rt.hub, authorize, log: rt.log, onRated: (r) => rt.metrics.ratings.inc({ score: String(r.score) }) });
  registerCommandRoutes(api, { commands: rt.commands.service, authorize });
  registerRightsRoutes(api, { rights: rt.rights, authorize });
  if (rt.config.opsToken) registerRobotOpsRoutes(api, { canaryControl: rt.canaryControl, opsToken: rt.config.opsToken });
}
