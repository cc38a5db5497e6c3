/**
 * One desk for the tests: a migrated store, a real ConversationService (memory cache, recording
 * EventSink), the commerce read model over the same store, and the desk routes behind the real
 * `createAuthorize`, whose verifier reads the caller from an unsigned test token instead of a JWT.
 * Logs are kept as text, so a test can prove a value never reached them.
 */
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { createAuthorize, type Principal, type Role, type TokenVerifier } from '../../src/auth/index.ts';
import { CommerceRepository, applyPlatformEvent, parsePlatformEvent, type PlatformEventInput } from '../../src/commerce/index.ts';
import { ConversationEventBus, ConversationService, type EventSink, type Targets } from '../../src/conversation/index.ts';
import { registerDeskRoutes, type Rating } from '../../src/desk/index.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { KefuError, isKefuError } from '../../src/protocol/errors.ts';
import type { ServerFrame } from '../../src/protocol/frames.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import type { SqlFactory } from '../support/services.ts';
import { KEYRING } from '../commerce/fixtures.ts';

export interface Desk {
  readonly sql: SqlStore;
  readonly app: FastifyInstance;
  readonly conversations: ConversationService;
  readonly events: ConversationEventBus;
  /** Every frame the routes (and the conversation service) emitted, with its targets. */
  readonly frames: Array<{ targets: Targets; frame: ServerFrame }>;
  /** What onRated was told. */
  readonly rated: Rating[];
  /** Every log line of the desk, as JSON text. */
  readonly logs: string[];
  apply(e: PlatformEventInput): Promise<void>;
  close(): Promise<void>;
}

interface TestCaller {
  sub: string;
  roles: Role[];
  shop?: string;
  name?: string;
}

/** Stands in for the JWT verifier: the token is the caller, base64url-encoded (no signature). */
const testVerifier: TokenVerifier = {
  async verify(token) {
    let c: TestCaller;
    try {
      c = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as TestCaller;
    } catch {
      throw new KefuError('UNAUTHORIZED', 'bad test token');
    }
    const p: Principal = { userId: c.sub, roles: new Set(c.roles), shopId: c.shop, name: c.name, expiresAt: undefined };
    return p;
  },
};

const bearer = (c: TestCaller) => ({ authorization: `Bearer ${Buffer.from(JSON.stringify(c)).toString('base64url')}` });

/** Request headers for one caller. */
export const as = {
  buyer: (sub: string, name?: string) => bearer({ sub, roles: ['customer'], ...(name ? { name } : {}) }),
  agent: (sub: string, shop: string, name?: string) => bearer({ sub, roles: ['agent'], shop, ...(name ? { name } : {}) }),
  admin: (sub: string, shop: string) => bearer({ sub, roles: ['admin'], shop }),
  /** A token that is a buyer and an agent at once. */
  buyerAndAgent: (sub: string, shop: string) => bearer({ sub, roles: ['customer', 'agent'], shop }),
};

function buildApp(d: Parameters<typeof registerDeskRoutes>[1]): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, _req, reply) => {
    if (isKefuError(err)) return reply.code(err.status).send(err.toBody());
    const status = (err as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return reply.code(status).send({ error: { code: 'BAD_REQUEST', message: (err as Error).message } });
    return reply.code(500).send({ error: { code: 'INTERNAL', message: (err as Error).message } });
  });
  app.register(async (api) => registerDeskRoutes(api, d), { prefix: '/api/v1' });
  return app;
}

export async function createDesk(factory: SqlFactory): Promise<Desk> {
  const sql = await factory.create();
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => void (logs.push(String(chunk)), done()) }));
  const metrics = createMetrics();
  const frames: Desk['frames'] = [];
  const sink: EventSink = { emit: (targets, frame) => void frames.push({ targets, frame }) };
  const events = new ConversationEventBus({ log, errors: metrics.eventListenerErrors });
  const conversations = new ConversationService({ sql, cache: new MemoryCache(), sink, events, metrics, log });
  const rated: Rating[] = [];
  const commerce = new CommerceRepository(sql, KEYRING);
  const app = buildApp({ sql, conversations, commerce, sink, authorize: createAuthorize(testVerifier), log, onRated: (r) => void rated.push(r) });
  await app.ready();
  return {
    sql,
    app,
    conversations,
    events,
    frames,
    rated,
    logs,
    apply: async (e) => void (await applyPlatformEvent(sql, KEYRING, parsePlatformEvent(e))),
    close: async () => {
      await app.close();
      await sql.close();
    },
  };
}

let msg = 0;

/** The buyer's open conversation with the shop (created by the buyer's first message). */
export async function openConversation(desk: Desk, shopId: string, buyerId: string, buyerName?: string): Promise<string> {
  const buyer: Principal = { userId: buyerId, roles: new Set(['customer']), shopId: undefined, name: buyerName, expiresAt: undefined };
  const r = await desk.conversations.send(buyer, { id: `f${++msg}`, shopId, clientMsgId: `m${msg}`, content: { kind: 'text', text: '在吗' } });
  return r.ack.conversationId;
}

/** Hands the conversation to `agentId`, who answers in it (a person served it), and closes it, through the service's lifecycle. */
export async function closeConversation(desk: Desk, conversationId: string, agentId: string, answered = true): Promise<void> {
  await desk.conversations.setState(conversationId, { state: 'queued' });
  await desk.conversations.setState(conversationId, { state: 'assigned', agentId });
  if (answered) await desk.conversations.postAs(conversationId, { role: 'agent', id: agentId }, { kind: 'text', text: '您好，我来帮您看看' });
  await desk.conversations.setState(conversationId, { state: 'closed' });
}

/** The error body's code and field, for 4xx assertions. */
export const errorOf = (r: { json(): unknown }) => {
  const e = (r.json() as { error: { code: string; message: string; details?: { field?: string } } }).error;
  return { code: e.code, field: e.details?.field };
};
