/**
 * The one place that chooses adapters (embedded or real) and assembles the services. Domain
 * folders never import adapters; they receive ports from here.
 */
import { retryLater } from './ops/retry-later.ts';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Bus, Cache, Db, SqlStore, Storage } from './storage/ports.ts';
import { createPgStore } from './storage/postgres/pg-store.ts';
import { createPgliteStore } from './storage/pglite/pglite-store.ts';
import { MemoryBus, MemoryCache } from './storage/memory/memory-cache.ts';
import { RedisBus, RedisCache } from './storage/redis/redis-cache.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { WorkQueue } from './ops/work-queue.ts';
import { ShopShedPolicy } from './ops/shop-shed.ts';
import { startBackupSchedule } from './ops/backup-schedule.ts';
import { registerRuntimeMetrics } from './ops/runtime-metrics.ts';
import { createTokenVerifier, createDemoIssuer, type DemoIssuer, type TokenVerifier } from './auth/index.ts';
import { ConversationService, startIdleClose } from './conversation/index.ts';
import { Hub } from './gateway/hub.ts';
import { loadKeyring, type Keyring } from './privacy/index.ts';
import { BatchedReadModel, CommerceRepository, HttpPlatformConnector, OrdersMemo, changeOfEvent, createBuyerDataSource, decodeChange, encodeChange, type BuyerDataSource, type BuyerLookup, type CommerceChange, type PlatformEvent } from './commerce/index.ts';
import { createDemoConnector, DemoCommandPlatform, DemoPlatform } from './demo/index.ts';
import { createCommands, HttpCommandPlatform, type CommandPlatform, type CommandsModule } from './commands/index.ts';
import { KnowledgeService, FilterCache, GLOBAL_SCOPE, maskBuyerMessage, checkAgentMessage, checkAgentImage, withShopContacts, FaqSuggestionService, type ContactOptions } from './knowledge/index.ts';
import { KefuError } from './protocol/errors.ts';
import { ConversationEventBus, type ContentPolicy } from './conversation/index.ts';
import { BotResponder, couldNotAnswer, warmDangerModel, createCanary, createCanaryControl, createEmbeddingReranker, createOpenAiCompatibleClient, createNluThread, createRobot, FaqIndexProvider, serviceHours, warmUpFaq, zoneOffsetMinutes, type Canary, type CanaryControl, type NluThread, type QueuedAnswering, type Taken, type TakenMessage } from './robot/index.ts';
import { channels } from './storage/keys.ts';
import { RoutingService, type RoutingDeps } from './routing/index.ts';
import { chatRating, closedQuestionAnswered, noteClosingQuestions } from './desk/index.ts';
import { startRights, type RightsService } from './rights/index.ts';

/** Marks a start error with the service it came from, so `kefu start` can name it. */
function fromService<T>(service: string, p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (e instanceof Error) Object.assign(e, { service });
    throw e;
  });
}

export async function createSqlStore(config: Config, log?: Logger): Promise<SqlStore> {
  const d = config.database;
  if (d.kind === 'postgres') {
    // A connection lost under a query (a PostgreSQL restart) is logged, never a crash; the pool opens a new one.
    const onConnectionError = (e: Error) => log?.warn({ err: e.message }, 'PostgreSQL connection lost; the pool opens a new one');
    return fromService('PostgreSQL', createPgStore({ url: d.url, ownerUrl: d.ownerUrl, schema: d.schema, poolMax: d.poolMax, connectTimeoutMs: d.connectTimeoutMs, statementTimeoutMs: d.statementTimeoutMs, onConnectionError }));
  }
  return fromService('embedded database', createPgliteStore({ dataDir: d.dataDir, schema: d.schema, statementTimeoutMs: d.statementTimeoutMs }));
}

export async function createCacheAndBus(config: Config): Promise<{ cache: Cache; bus: Bus }> {
  const c = config.cache;
  if (c.kind === 'redis') {
    const opts = { url: c.url, prefix: c.prefix, clientName: `kefu:${config.nodeId}` };
    const [cache, bus] = await Promise.allSettled([RedisCache.connect(opts), RedisBus.connect(opts)]);
    if (cache.status === 'fulfilled' && bus.status === 'fulfilled') return { cache: cache.value, bus: bus.value };
    // One may have connected: close it rather than leave a client reconnecting forever.
    await Promise.allSettled([cache.status === 'fulfilled' && cache.value.close(), bus.status === 'fulfilled' && bus.value.close()]);
    return fromService('Redis', Promise.reject((cache.status === 'rejected' ? cache.reason : (bus as PromiseRejectedResult).reason) as unknown));
  }
  return { cache: new MemoryCache(), bus: new MemoryBus() };
}

export async function createStorage(config: Config, log?: Logger): Promise<Storage> {
  const sql = await createSqlStore(config, log);
  try {
    const { cache, bus } = await createCacheAndBus(config);
    return { sql, cache, bus };
  } catch (e) {
    await sql.close();
    throw e;
  }
}

/** A demo secret kept in the data dir so it survives restarts (never used in production). */
export function demoSecret(dataDir: string, file: string, make: () => string): string {
  const path = join(dataDir, file);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const v = make();
    writeFileSync(path, v + '\n', { mode: 0o600 });
    return v;
  }
}

export interface Runtime {
  readonly config: Config;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly storage: Storage;
  readonly verifier: TokenVerifier;
  readonly demoIssuer: DemoIssuer | undefined;
  readonly webhookSecret: string;
  readonly webhookSecretIsDemo: boolean;
  readonly work: WorkQueue;
  /** This node's own nonce memory, for replay checks while the shared cache is unreachable. */
  readonly localNonces: Cache;
  readonly hub: Hub;
  readonly conversations: ConversationService;
  /** What happened to conversations, after commit: routing, commands and the robot subscribe. */
  readonly events: ConversationEventBus;
  readonly keyring: Keyring;
  readonly commerce: CommerceRepository;
  /** What the robot reads: the read model, and the platform connector for what it lacks. */
  readonly buyerData: BuyerLookup;
  readonly knowledge: KnowledgeService;
  readonly filters: FilterCache;
  /** The robot strategies (one version until a second is configured) and their split. */
  readonly canary: Canary;
  /** Changes the canary split on every node (kept in the cache, broadcast on the bus). */
  readonly canaryControl: CanaryControl;
  readonly bot: BotResponder;
  /** Each shop's FAQ index, as the robot searches it (reloaded when the shop's FAQ changes). */
  readonly faq: FaqIndexProvider;
  /** Questions agents answered that the robot could not, offered to the shop's admin as FAQ entries. */
  readonly faqSuggestions: FaqSuggestionService;
  /** Queues, agents and assignment; subscribes to the conversation events. */
  readonly routing: RoutingService;
  /** Commands to the platform: the REST service and this process's delivery worker. */
  readonly commands: CommandsModule;
  /** The demo platform commands go to in demo mode without KEFU_PLATFORM_API_URL. */
  readonly demoPlatform: DemoPlatform | undefined;
  /** Buyers' data rights: export, erasure, retention (its daily sweep runs on every node, one at a time). */
  readonly rights: RightsService;
  /** Tells every node that a shop's FAQ or word list changed (they drop their caches). */
  knowledgeChanged(shopId: string): void;
  /** Tells every node that the commerce read model changed after a commit (they drop their copies of it). */
  commerceChanged(change: CommerceChange): void;
  /** The same for a platform event that changed the read model (the webhook's and the demo seed's). */
  platformEventApplied(event: PlatformEvent): void;
  close(): Promise<void>;
}

function createRouting(config: Config, d: { storage: Storage; conversations: ConversationService; hub: Hub; log: Logger; metrics: Metrics; shopHours: RoutingDeps['shopHours']; shopZone: RoutingDeps['shopZone'] }): RoutingService {
  return new RoutingService(
    {
      sql: d.storage.sql,
      conversations: d.conversations,
      sink: d.hub,
      log: d.log,
      onAssigned: (n) => d.metrics.assignments.inc(n),
      onFirstResponse: (s) => d.metrics.firstResponse.observe(s),
      onClosed: (by) => d.metrics.conversationsClosed.inc({ handled_by: by }),
      shopHours: d.shopHours,
      shopZone: d.shopZone,
    },
    { ...config.agents, tellNobodyOnline: config.robot },
  );
}

export async function createRuntime(config: Config, log: Logger): Promise<Runtime> {
  const metrics = createMetrics();
  const storage = await createStorage(config, log);
  const closeStorage = async () => {
    await Promise.allSettled([storage.bus.close(), storage.cache.close()]);
    await storage.sql.close();
  };
  try {
    await fromService(storage.sql.kind === 'pglite' ? 'embedded database' : 'PostgreSQL', storage.sql.migrate());
    const identity = await createIdentity(config, log);
    const webhookSecretIsDemo = config.webhookSecret === undefined;
    const webhookSecret = config.webhookSecret ?? demoSecret(config.dataDir, 'demo-webhook-secret', () => randomBytes(24).toString('base64url'));
    const commerce = await createCommerce(config, storage, metrics, log);
    const work = new WorkQueue({ concurrency: config.work.concurrency, queueMax: config.work.queueMax, robotMaxWaitMs: config.work.robotMaxWaitMs, onReject: (kind) => metrics.workRejected.inc({ kind }) });
    const localNonces = storage.cache.kind === 'memory' ? storage.cache : new MemoryCache();
    const hub = new Hub({ bus: storage.bus, nodeId: config.nodeId, log });
    await hub.start();
    const knowledge = await createKnowledge(storage, log);
    const events = new ConversationEventBus({ log, errors: metrics.eventListenerErrors });
    const conversations = new ConversationService({ sql: storage.sql, cache: storage.cache, sink: hub, events, metrics, log, robotOn: config.robot, replyTimeoutMs: config.agents.replyTimeoutMs, policy: contentPolicy(knowledge.filters, { allowedHosts: config.allowedLinkHosts, allowedPhones: config.allowedPhones, allowedImageHosts: config.allowedImageHosts }), writer: { onBatch: (n) => metrics.batchSize.observe({ kind: 'messages' }, n), timeoutMs: config.database.statementTimeoutMs + 2000 } });
    // Built before the robot, which asks it whether a buyer waiting in the queue may hear the FAQ; started after it.
    // The shop's hours come from the robot's FAQ index, built after routing: read through this once it is.
    const hours: { of?: ReturnType<typeof serviceHours>; zone?: RoutingDeps['shopZone'] } = {};
    const routing = createRouting(config, { storage, conversations, hub, log, metrics, shopHours: async (shopId, lang) => hours.of?.(shopId, lang), shopZone: (shopId) => hours.zone?.(shopId) });
    const robot = await createRobotSide(config, { storage, metrics, log, work, conversations, buyerData: commerce.buyerData, knowledge, aloneSince: () => hub.aloneSince, mayAnswerQueued: (shopId, text) => routing.robotMayAnswerQueued(shopId, text), queueMoved: (shopId) => void routing.route(shopId), takenElsewhere: deskTakes({ db: storage.sql.db, cache: storage.cache, log }, conversations, events, metrics, config.robot) });
    hours.of = serviceHours(robot.faq);
    hours.zone = (shopId) => robot.faq.timeZoneNow(shopId);
    const faqSuggestions = new FaqSuggestionService({ sql: storage.sql, faq: robot.faq, log, events, couldNotAnswer });
    if (config.robot) robot.bot.subscribe(events);
    else handOverWithoutRobot(events, conversations, log);
    const stopRouting = routing.start(events);
    const stopOps = startOpsSide(config, { storage, hub, events, conversations, metrics, log });
    const rights = startRights({ sql: storage.sql, cache: storage.cache, keyring: commerce.keyring, onErased: afterErasure(commerce, robot.bot) }, log);
    const commandSide = await createCommandSide(config, { storage, hub, metrics, log });
    const stopIdleClose = startIdleClose({ db: storage.sql.db, conversations, log }, config.botIdleCloseMs);

    let closed: Promise<void> | undefined;
    const close = () =>
      (closed ??= (async () => {
        rights.stop();
        stopIdleClose();
        stopRouting();
        await commandSide.commands.stop();
        await Promise.all([robot.bot.idle(), routing.idle()]);
        await Promise.all([conversations.flushHistory(), robot.nluThread.close()]);
        await stopOps();
        await hub.stop().catch(() => {});
        await localNonces.close();
        await closeStorage();
      })());
    return { config, log, metrics, storage, ...identity, webhookSecret, webhookSecretIsDemo, work, localNonces, hub, conversations, events, routing, rights, faqSuggestions, ...commandSide, ...commerce, ...knowledge, ...robot, close };
  } catch (e) {
    await closeStorage();
    throw e;
  }
}

/**
 * Commands and where they are delivered: the platform's API when KEFU_PLATFORM_API_URL is set,
 * else in demo mode the built-in demo platform (seeded with the demo shop's SKUs), else nowhere
 * (new commands are refused). The worker starts here, in every process.
 */
async function createCommandSide(config: Config, d: { storage: Storage; hub: Hub; metrics: Metrics; log: Logger }): Promise<{ commands: CommandsModule; demoPlatform: DemoPlatform | undefined }> {
  // Never in production: its routes take no token, and a real shop's coupon would "succeed" on a
  // pretend platform (found from outside with NODE_ENV=production KEFU_DEMO=true). There, commands
  // without KEFU_PLATFORM_API_URL are refused with 503.
  const demoPlatform = !config.platformApi && config.demo && !config.production ? new DemoPlatform(d.storage.sql) : undefined;
  await demoPlatform?.seed();
  const platform: CommandPlatform | undefined = config.platformApi
    ? new HttpCommandPlatform({ baseUrl: config.platformApi.url, token: config.platformApi.token })
    : demoPlatform && new DemoCommandPlatform(demoPlatform);
  const worker = { nodeId: config.nodeId, ...config.commands };
  const onAttempt = (outcome: string, seconds: number) => {
    d.metrics.commandAttempts.inc({ outcome });
    d.metrics.commandAttemptSeconds.observe(seconds);
  };
  const commands = createCommands({ sql: d.storage.sql, sink: d.hub, log: d.log, gauge: d.metrics.commands, platform, worker, onAttempt, aloneSince: () => d.hub.aloneSince });
  commands.start();
  return { commands, demoPlatform };
}

/** The token verifier: the platform's JWKS in production, the built-in demo issuer otherwise. */
async function createIdentity(config: Config, log: Logger): Promise<{ verifier: TokenVerifier; demoIssuer: DemoIssuer | undefined }> {
  if (config.oauth.jwksUrl) {
    const verifier = createTokenVerifier({
      jwksUrl: config.oauth.jwksUrl,
      issuer: config.oauth.issuer,
      audience: config.oauth.audience,
      algorithms: config.oauth.algorithms,
      onKeySetError: (e) => log.warn({ err: (e as Error).message }, 'JWKS fetch failed'),
    });
    return { verifier, demoIssuer: undefined };
  }
  const demoIssuer = await createDemoIssuer({
    dataDir: config.dataDir,
    issuer: config.oauth.issuer,
    audience: config.oauth.audience,
    production: config.production,
  });
  const verifier = createTokenVerifier({ keySet: demoIssuer.keySet, issuer: demoIssuer.issuer, audience: demoIssuer.audience, algorithms: [demoIssuer.algorithm] });
  return { verifier, demoIssuer };
}

/** The commerce read model, and what the robot reads through it (plus the platform's API). */
interface CommerceSide {
  keyring: Keyring;
  commerce: CommerceRepository;
  buyerData: BuyerLookup;
  commerceChanged(change: CommerceChange): void;
  platformEventApplied(event: PlatformEvent): void;
}

/**
 * The commerce read model, and what the robot reads through it (plus the platform's API). The
 * robot's reads keep buyers' orders on the node (orders-memo.ts); every committed change is
 * announced to every node, which drop what they kept of it, and a node whose bus reconnected
 * drops everything (what was announced meanwhile is lost).
 */
async function createCommerce(config: Config, storage: Storage, metrics: Metrics, log: Logger): Promise<CommerceSide> {
  const keyring = loadKeyring({ piiKeys: config.piiKeys, dataDir: config.dataDir, production: config.production });
  const commerce = new CommerceRepository(storage.sql, keyring);
  // The platform's API is asked for what the webhook copy lacks; in demo mode without one,
  // the embedded demo platform stands in for it.
  const connector = config.platformApi
    ? new HttpPlatformConnector({ baseUrl: config.platformApi.url, timeoutMs: config.platformApi.timeoutMs, ...(config.platformApi.token ? { token: config.platformApi.token } : {}) })
    : config.demo
      ? createDemoConnector()
      : undefined;
  // Batched: a busy node asks for many buyers' orders in one query instead of one per turn.
  const readModel = new BatchedReadModel(new CommerceRepository(storage.sql, keyring, { lazyReceiver: true }), { onBatch: (kind, n) => metrics.batchSize.observe({ kind }, n), memo: new OrdersMemo(), onMemo: (result) => metrics.ordersMemo.inc({ result }) });
  await storage.bus.subscribe(channels.commerceChanged, (m) => {
    const c = decodeChange(m);
    if (c) readModel.changed(c);
  });
  storage.bus.onReconnect?.(() => readModel.forgetAll());
  const commerceChanged = (c: CommerceChange) => {
    readModel.changed(c);
    storage.bus.publish(channels.commerceChanged, encodeChange(c)).catch((e: unknown) => {
      log.warn({ err: (e as Error).message }, 'commerce change not broadcast; other nodes see it when their copy expires (30 s) or their bus reconnects');
    });
  };
  const buyerData = createBuyerDataSource({
    readModel,
    ...(connector ? { connector } : {}),
    budgetMs: config.robotLookupBudgetMs,
    onSourceError: (source, e) => log.warn({ source, err: (e as Error).message }, 'buyer data lookup failed'),
  });
  const platformEventApplied = (e: PlatformEvent) => {
    const c = changeOfEvent(e);
    if (c) commerceChanged(c);
  };
  return { keyring, commerce, buyerData, commerceChanged, platformEventApplied };
}

interface KnowledgeSide {
  knowledge: KnowledgeService;
  filters: FilterCache;
  knowledgeChanged(shopId: string): void;
  /** Local listeners of a change on any node (the robot's FAQ index adds itself). */
  onKnowledgeChanged: Set<(shopId: string) => void>;
}

/** FAQ and word lists, with their caches dropped on every node when a shop changes them. */
async function createKnowledge(storage: Storage, log: Logger): Promise<KnowledgeSide> {
  const knowledge = new KnowledgeService(storage.sql);
  const filters = new FilterCache(knowledge);
  const onKnowledgeChanged = new Set<(shopId: string) => void>([(shopId) => filters.invalidate(shopId === GLOBAL_SCOPE ? undefined : shopId)]);
  await storage.bus.subscribe(channels.knowledgeChanged, (shopId) => {
    for (const h of onKnowledgeChanged) h(shopId);
  });
  const knowledgeChanged = (shopId: string) => {
    for (const h of onKnowledgeChanged) h(shopId);
    storage.bus.publish(channels.knowledgeChanged, shopId).catch((e: unknown) => log.warn({ err: (e as Error).message }, 'knowledge change not broadcast; other nodes refresh within 5 s'));
  };
  return { knowledge, filters, knowledgeChanged, onKnowledgeChanged };
}

/** What an erasure drops on this node besides the cache: the buyer's orders memo, and the robot's kept dialogue states (they may hold the buyer's order ids). */
function afterErasure(commerce: { commerceChanged(c: { shopId: string; userId: string }): void }, bot: BotResponder): (shopId: string, userId: string) => void {
  return (shopId, userId) => {
    commerce.commerceChanged({ shopId, userId });
    bot.forgetStates();
  };
}

interface RobotDeps {
  storage: Storage;
  metrics: Metrics;
  log: Logger;
  work: WorkQueue;
  conversations: ConversationService;
  buyerData: BuyerLookup;
  knowledge: KnowledgeSide;
  /** The hub's: since when this node has been alone (the robot keeps its dialogue states then). */
  aloneSince: () => number | undefined;
  mayAnswerQueued: (shopId: string, text: string) => Promise<QueuedAnswering>;
  queueMoved: (shopId: string) => void;
  /** The desk's: a score typed after the rating request is a rating, not the robot's. */
  takenElsewhere: (m: TakenMessage) => Promise<Taken>;
}

/**
 * Two strategy versions side by side: v1 is the engine alone; v2 adds the LLM fallback for open
 * questions when one is configured (without one, v2 is the same engine, and the canary's answer
 * says so). Everyone starts on v1; operators move a share of users (by the last digit of the user
 * id) with PUT /api/v1/ops/robot/canary.
 */
async function createRobotSide(config: Config, d: RobotDeps): Promise<{ canary: Canary; canaryControl: CanaryControl; bot: BotResponder; faq: FaqIndexProvider; nluThread: NluThread }> {
  const reranker = config.embeddings ? createEmbeddingReranker(config.embeddings, d.metrics.registry) : undefined;
  const k = d.knowledge.knowledge;
  const faq = new FaqIndexProvider({ load: (shopId) => k.listFaq(shopId), versionOf: (shopId) => k.version(shopId), loadTimeZone: async (shopId) => (await k.timeZone(shopId)).timeZone, ...(reranker ? { reranker } : {}) });
  d.knowledge.onKnowledgeChanged.add((shopId) => faq.invalidate(shopId));
  const llm = config.llm ? createOpenAiCompatibleClient({ url: config.llm.url, model: config.llm.model, timeoutMs: config.llm.timeoutMs, ...(config.llm.apiKey ? { apiKey: config.llm.apiKey } : {}) }) : undefined;
  const dataSource = quietForWarmUp(d.buyerData);
  const tzOffsetMinutes = zoneOffsetMinutes(config.timeZone, new Date());
  const nluThread = createNluThread({ mode: config.robotNluThread, tzOffsetMinutes, onOutcome: (outcome) => d.metrics.nluThread.inc({ outcome }) });
  const robotV1 = createRobot({ dataSource, faq, version: 'v1', budgetMs: config.robotLookupBudgetMs, nluThread, timeZone: config.timeZone });
  const robotV2 = createRobot({ dataSource, faq, version: 'v2', budgetMs: config.robotLookupBudgetMs, nluThread, timeZone: config.timeZone, ...(llm ? { llm } : {}) });
  // Warm both versions (each has its own NLU: tokenizer dictionary, classifier, lookup code
  // paths) before the first buyer waits: the first answers after a start were measured at over
  // half a second, and v2 was cold until the canary first sent it a buyer.
  // The traditional-character text loads the table its replies are converted with (robot/traditional.ts).
  // The warm-up shop gets a FAQ of its own for it, so that building and searching an index is warm too.
  // Lexical only: an embeddings service configured is not called before any buyer has written (found in review).
  faq.setEntries(WARM_UP_SHOP, warmUpFaq(), undefined, { lexicalOnly: true });
  for (const r of [robotV1, robotV2]) {
    for (const text of ['你好，我的快递到哪了？where is my parcel', '包裹現在到哪裡了？另外能開發票嗎', '新疆能发吗', 'do you ship abroad']) {
      await r.answer({ shopId: WARM_UP_SHOP, userId: WARM_UP_SHOP, conversationId: WARM_UP_SHOP, text }).catch(() => {});
    }
  }
  faq.invalidate(WARM_UP_SHOP);
  // The danger reading's learned model is trained (first start) or read from disk here, not in a buyer's turn (robot/learned-danger.ts).
  const unlearned = warmDangerModel();
  if (unlearned) d.log.warn({ err: unlearned.message }, 'the learned danger reading could not be trained: dangers are read by the rules alone');
  const canary = createCanary({
    robots: [robotV1, robotV2],
    newVersion: 'v2',
    oldVersion: 'v1',
    newDigits: [],
    registry: d.metrics.registry,
  });
  const versions = { v1: 'rules engine', v2: llm ? 'rules engine + LLM fallback for open questions' : 'rules engine' };
  const canaryControl = await createCanaryControl({ canary, cache: d.storage.cache, bus: d.storage.bus, log: d.log, versions });
  const shopShed = new ShopShedPolicy({ threshold: config.work.shopBacklogShed });
  d.metrics.sources.robotBacklogTop = () => shopShed.top(10);
  d.metrics.sources.sheddingShops = () => shopShed.sheddingShops;
  const bot = new BotResponder({ robot: canary, conversations: d.conversations, cache: d.storage.cache, work: d.work, log: d.log, failures: d.metrics.robotFailures, shopShed, shed: d.metrics.robotShed, aloneSince: d.aloneSince, mayAnswerQueued: d.mayAnswerQueued, takenElsewhere: d.takenElsewhere, queueMoved: d.queueMoved, shopZone: (shopId) => faq.timeZoneNow(shopId) });
  return { canary, canaryControl, bot, faq, nluThread };
}

/** The warm-up's shop: not a shop id any frame, token or webhook can name (parentheses), so no real shop's. */
const WARM_UP_SHOP = '(warm-up)';

/**
 * The buyer data the robots read, answering nothing for the warm-up's made-up buyer: its lookups
 * reached the platform's API at every start (found from outside: two GETs for shop "warmup").
 */
function quietForWarmUp(data: BuyerDataSource): BuyerDataSource {
  return {
    listOrders: (shopId, userId, signal) => (shopId === WARM_UP_SHOP ? Promise.resolve([]) : data.listOrders(shopId, userId, signal)),
    getLogistics: (shopId, orderIds, signal) => (shopId === WARM_UP_SHOP ? Promise.resolve([]) : data.getLogistics(shopId, orderIds, signal)),
    listAftersales: (shopId, userId, signal) => (shopId === WARM_UP_SHOP ? Promise.resolve([]) : data.listAftersales(shopId, userId, signal)),
  };
}

/** The desk's part in a buyer's message to the robot: a rating typed in the chat, else an answer to an agent's closing question. */
function deskTakes(d: { db: Db; cache: Cache; log: Logger }, conversations: ConversationService, events: ConversationEventBus, metrics: Metrics, robotOn: boolean): (m: TakenMessage) => Promise<Taken> {
  const rating = chatRating({ db: d.db, conversations, log: d.log, onRated: (r) => metrics.ratings.inc({ score: String(r.score) }) });
  // Only a robot's conversations are taken back: without it every first message is a person's already. The bus lives as long as the node.
  if (robotOn) noteClosingQuestions(d, events);
  const followUp = closedQuestionAnswered(d);
  return async (m) => {
    const taken = await rating(m);
    // A rating spends a closing question's note too: the answer after it is a conversation of its own.
    const follow = await followUp(m, taken === false);
    return taken === false ? follow : taken;
  };
}

/** With the robot off (KEFU_ROBOT=false), a buyer's first message goes straight to the queue. */
function handOverWithoutRobot(events: ConversationEventBus, conversations: ConversationService, log: Logger): void {
  events.on('messageStored', 'no-robot', async (e) => {
    if (e.senderRole !== 'customer' || e.state !== 'bot') return;
    const queue = async () => void (await conversations.setState(e.conversationId, { state: 'queued' }, { from: ['bot'] }));
    // A hand-over the database failed is retried, or the conversation would wait in `bot`, where
    // no robot answers and no agent can accept it.
    await queue().catch((err: unknown) => {
      log.warn({ err: (err as Error).message, conversationId: e.conversationId }, 'robot off: hand-over failed; retried in the background');
      retryLater(queue, { log, what: 'hand-over', context: { conversationId: e.conversationId } });
    });
  });
}

/**
 * What operators watch and the daily backup (docs/operations.md): the backlog gauge, the metrics
 * read at scrape time, KEFU_BACKUP_SCHEDULE. Returns the stop, which waits for a running backup.
 */
function startOpsSide(config: Config, d: { storage: Storage; hub: Hub; events: ConversationEventBus; conversations: ConversationService; metrics: Metrics; log: Logger }): () => Promise<void> {
  const { storage, metrics, log } = d;
  const stopBacklog = startBacklogGauge(d.conversations, metrics, log);
  registerRuntimeMetrics({ registry: metrics.registry, cache: storage.cache, bus: storage.bus, sql: storage.sql, hub: d.hub, events: d.events, log });
  const b = config.backup;
  const stopBackups = b.schedule ? startBackupSchedule({ schedule: b.schedule, retentionDays: b.retentionDays, dir: join(config.dataDir, 'backups'), nodeId: config.nodeId, sql: storage.sql, cache: storage.cache, log, metrics }) : async () => {};
  return async () => {
    stopBacklog();
    await stopBackups();
  };
}

/**
 * kefu_shop_backlog: conversations waiting for a human, refreshed from the database so every
 * node reports the same truth whichever node queued them. Returns the stop.
 */
function startBacklogGauge(conversations: ConversationService, metrics: Metrics, log: Logger): () => void {
  const refresh = async () => {
    const rows = await conversations.backlogByShop();
    metrics.shopBacklog.reset();
    for (const [shop, n] of rows) metrics.shopBacklog.set({ shop }, n);
  };
  const timer = setInterval(() => refresh().catch((e: unknown) => log.debug({ err: (e as Error).message }, 'backlog refresh failed')), 10_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Every contact of the agent's text is one the buyer typed in the conversation (compared without case, spaces and dashes). */
async function saidByBuyer(matches: readonly { text: string }[], buyerTexts: () => Promise<string[]>): Promise<boolean> {
  const fold = (t: string) => t.toLowerCase().replace(/[\s\-–—()（）]/g, '');
  const said = fold((await buyerTexts()).join('\n'));
  return matches.every((m) => fold(m.text).length >= 5 && said.includes(fold(m.text)));
}

/**
 * Sensitive words on the message path: a buyer's abusive words are masked before storage (and so
 * before agents see them); an agent's message with prohibited words or off-platform contacts is
 * refused, so the agent can rephrase and the buyer never gets a silently altered text. A contact
 * the buyer typed in the conversation, said back, is no way off the platform. An agent's image is
 * a contact too (a QR code): only at the operator's or the shop's own hosts.
 */
function contentPolicy(filters: FilterCache, allowed: ContactOptions): ContentPolicy {
  return {
    async inbound(shopId, role, content, buyerTexts) {
      if (content.kind !== 'text' && role === 'customer') return content;
      const { filter, contacts } = await filters.policy(shopId);
      if (content.kind !== 'text') {
        if (!checkAgentImage(content.url, withShopContacts(allowed, contacts)).ok) throw refusedImage(shopId);
        return content;
      }
      if (role === 'customer') {
        const m = maskBuyerMessage(filter, content.text);
        return m.masked ? { ...content, text: m.text } : content;
      }
      const c = checkAgentMessage(filter, content.text, withShopContacts(allowed, contacts));
      // The buyer's own contact said back ("专票开好发到finance@…" of the e-mail the buyer gave): no way off the platform (a Nanjing
      // shop, thirty-eighth session: the agent's confirmation was refused, and the company buyer told nothing).
      if (!c.ok && c.reason === 'off_platform_contact' && buyerTexts && (await saidByBuyer(c.matches, buyerTexts))) return content;
      if (!c.ok) {
        throw new KefuError(
          'CONTENT_REFUSED',
          c.reason === 'prohibited_word'
            ? 'message refused: it contains a prohibited word'
            : `message refused: it contains an off-platform contact (phone, WeChat, QQ, e-mail or link; the shop's own are allowed in PUT /shops/${shopId}/settings/contacts, or for every shop with KEFU_ALLOWED_PHONES and KEFU_ALLOWED_LINK_HOSTS)`,
          { reason: c.reason },
        );
      }
      return content;
    },
  };
}

const refusedImage = (shopId: string) =>
  new KefuError(
    'CONTENT_REFUSED',
    `message refused: the image is at a host the shop has not allowed (a picture can carry a QR code off the platform); allow the shop's image hosts in PUT /shops/${shopId}/settings/contacts (imageHosts), or for every shop with KEFU_ALLOWED_IMAGE_HOSTS`,
    { reason: 'off_platform_contact' },
  );
