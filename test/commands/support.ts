/**
 * One commands module for the tests, on a migrated store of either adapter: the real routes
 * behind the real `createAuthorize`, the real worker (small backoff, short lease), the demo
 * platform in-process (or any CommandPlatform a test gives), a recording EventSink and the
 * kefu_commands gauge on a registry of its own. The verifier reads the caller from a plain test
 * token `<roles joined by +>~<sub>~<shop>` instead of a JWT.
 */
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { createAuthorize, type Role, type TokenVerifier } from '../../src/auth/index.ts';
import { createCommands, registerCommandRoutes, type CommandPlatform, type CommandsModule, type WorkerOptions } from '../../src/commands/index.ts';
import type { EventSink, Targets } from '../../src/conversation/index.ts';
import { DemoCommandPlatform, DemoPlatform, registerDemoPlatformRoutes } from '../../src/demo/index.ts';
import { createMetrics } from '../../src/ops/metrics.ts';
import { isKefuError, KefuError } from '../../src/protocol/errors.ts';
import type { ServerFrame } from '../../src/protocol/frames.ts';
import type { SqlStore } from '../../src/storage/ports.ts';
import type { SqlFactory } from '../support/services.ts';

export const SHOP = 'shop_c';
export const OTHER_SHOP = 'shop_other';

const verifier: TokenVerifier = {
  async verify(token) {
    const [roles, sub, shop] = token.split('~');
    if (!roles || !sub) throw new KefuError('UNAUTHORIZED', 'bad test token');
    return { userId: sub, roles: new Set(roles.split('+') as Role[]), shopId: shop || undefined, name: undefined, expiresAt: undefined };
  },
};

/** Headers of a caller: `caller('commands', 'ops_1', SHOP)`. */
export const caller = (roles: string, sub: string, shop?: string) => ({ authorization: `Bearer ${roles.replace(/,/g, '+')}~${sub}~${shop ?? ''}` });
export const ops = (shop = SHOP, sub = 'ops_1') => caller('commands', sub, shop);

export interface Harness {
  readonly sql: SqlStore;
  readonly app: FastifyInstance;
  readonly module: CommandsModule;
  readonly demo: DemoPlatform;
  readonly frames: Array<{ targets: Targets; frame: ServerFrame }>;
  readonly gauge: () => Promise<Record<string, number>>;
  readonly logs: string[];
  post(body: unknown, o?: { key?: string; headers?: Record<string, string>; shop?: string }): Promise<{ status: number; headers: Record<string, unknown>; json: Record<string, unknown>; text: string }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }>;
  /** Polls GET until the command has `status` (throws after `timeoutMs`). */
  waitFor(id: string, status: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  count(table: 'commands' | 'command_idempotency_keys'): Promise<number>;
  close(): Promise<void>;
}

// Small delays so each test takes seconds; an attempt timeout that a loaded machine still meets.
export const WORKER: Omit<WorkerOptions, 'nodeId'> = { leaseMs: 5000, backoffMs: 20, maxAttempts: 4, attemptTimeoutMs: 1000, pollMs: 50 };

export async function createHarness(factory: SqlFactory, o: { platform?: (demo: DemoPlatform) => CommandPlatform; worker?: Partial<WorkerOptions>; aloneSince?: () => number | undefined } = {}): Promise<Harness> {
  const sql = await factory.create();
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => void (logs.push(String(chunk)), done()) }));
  const frames: Harness['frames'] = [];
  const sink: EventSink = { emit: (targets, frame) => void frames.push({ targets, frame }) };
  const metrics = createMetrics();
  const demo = new DemoPlatform(sql);
  const platform = o.platform ? o.platform(demo) : new DemoCommandPlatform(demo);
  const module = createCommands({ sql, sink, log, gauge: metrics.commands, platform, worker: { nodeId: 'test-node', ...WORKER, ...o.worker }, ...(o.aloneSince ? { aloneSince: o.aloneSince } : {}) });
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, _req, reply) => {
    const k = isKefuError(err) ? err : new KefuError((err as { statusCode?: number }).statusCode === 400 ? 'BAD_REQUEST' : 'INTERNAL', (err as Error).message);
    return reply.code(k.status).send(k.toBody());
  });
  registerDemoPlatformRoutes(app, demo);
  await app.register(async (api) => registerCommandRoutes(api, { commands: module.service, authorize: createAuthorize(verifier) }), { prefix: '/api/v1' });
  await app.ready();
  module.start();
  const h: Harness = {
    sql,
    app,
    module,
    demo,
    frames,
    logs,
    async gauge() {
      await module.notifier.refreshGauge();
      const m = (await metrics.commands.get()).values;
      return Object.fromEntries(m.map((v) => [String(v.labels.status), v.value]));
    },
    async post(body, p = {}) {
      const headers = { ...ops(p.shop ?? SHOP), ...(p.key !== undefined ? { 'idempotency-key': p.key } : {}), ...p.headers };
      const r = await app.inject({ method: 'POST', url: `/api/v1/shops/${p.shop ?? SHOP}/commands`, headers, payload: body as object });
      return { status: r.statusCode, headers: r.headers, json: r.body ? (r.json() as Record<string, unknown>) : {}, text: r.body };
    },
    async get(path, headers = ops()) {
      const r = await app.inject({ method: 'GET', url: `/api/v1/shops/${SHOP}/commands${path}`, headers });
      return { status: r.statusCode, json: r.json() as Record<string, unknown> };
    },
    async waitFor(id, status, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const r = await h.get(`/${id}`);
        if (r.json.status === status) return r.json;
        if (Date.now() > until) throw new Error(`command ${id} is ${String(r.json.status)}, not ${status}: ${JSON.stringify(r.json)}`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    async count(table) {
      const r = await sql.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
    async close() {
      await module.stop();
      await app.close();
      await sql.close();
    },
  };
  return h;
}

/** A conversation row of the shop, for commands that name one. */
export async function insertConversation(sql: SqlStore, id: string, shopId = SHOP): Promise<void> {
  await sql.db.insertInto('conversations').values({ id, shop_id: shopId, buyer_id: `buyer_${id}`, state: 'assigned', last_seq: 0 }).execute();
}

/** Command frames the sink saw for one command, in order. */
export const commandFrames = (h: Harness, id: string) =>
  h.frames.filter((f) => f.frame.type === 'command' && f.frame.commandId === id).map((f) => f.frame as Extract<ServerFrame, { type: 'command' }>);

export const coupon = (userId = 'buyer_1', amount = '20.00') => ({ type: 'coupon.issue', payload: { userId, amount } });
