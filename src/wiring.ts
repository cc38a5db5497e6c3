/**
 * The one place that chooses adapters (embedded or real) and assembles the services. Domain
 * folders never import adapters; they receive ports from here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Bus, Cache, SqlStore, Storage } from './storage/ports.ts';
import { createPgStore } from './storage/postgres/pg-store.ts';
import { createPgliteStore } from './storage/pglite/pglite-store.ts';
import { MemoryBus, MemoryCache } from './storage/memory/memory-cache.ts';
import { RedisBus, RedisCache } from './storage/redis/redis-cache.ts';
import { createMetrics, type Metrics } from './ops/metrics.ts';
import { WorkQueue } from './ops/work-queue.ts';
import { createTokenVerifier, createDemoIssuer, defaultDemoIssuerUrl, type DemoIssuer, type TokenVerifier } from './auth/index.ts';
import { ConversationService } from './conversation/index.ts';
import { Hub } from './gateway/hub.ts';
import { loadKeyring, type Keyring } from './privacy/index.ts';
import { BatchedReadModel, CommerceRepository, HttpPlatformConnector, createBuyerDataSource, type BuyerLookup } from './commerce/index.ts';
import { createDemoConnector } from './demo/index.ts';
import { KnowledgeService, FilterCache, GLOBAL_SCOPE, maskBuyerMessage, checkAgentMessage } from './knowledge/index.ts';
import { KefuError } from './protocol/errors.ts';
import type { ContentPolicy } from './conversation/index.ts';
import { BotResponder } from './conversation/bot-responder.ts';
import { createCanary, createOpenAiCompatibleClient, createRobot, FaqIndexProvider, type Canary } from './robot/index.ts';
import { createCanaryControl, type CanaryControl } from './robot-ops.ts';

export async function createSqlStore(config: Config): Promise<SqlStore> {
  const d = config.database;
  if (d.kind === 'postgres') {
    return createPgStore({ url: d.url, schema: d.schema, poolMax: d.poolMax, connectTimeoutMs: d.connectTimeoutMs, statementTimeoutMs: d.statementTimeoutMs });
  }
  return createPgliteStore({ dataDir: d.dataDir, schema: d.schema, statementTimeoutMs: d.statementTimeoutMs });
}

export async function createCacheAndBus(config: Config): Promise<{ cache: Cache; bus: Bus }> {
  const c = config.cache;
  if (c.kind === 'redis') {
    const [cache, bus] = await Promise.all([RedisCache.connect({ url: c.url, prefix: c.prefix }), RedisBus.connect({ url: c.url, prefix: c.prefix })]);
    return { cache, bus };
  }
  return { cache: new MemoryCache(), bus: new MemoryBus() };
}

export async function createStorage(config: Config): Promise<Storage> {
  const sql = await createSqlStore(config);
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
  /** Tells every node that a shop's FAQ or word list changed (they drop their caches). */
  knowledgeChanged(shopId: string): void;
  close(): Promise<void>;
}

export async function createRuntime(config: Config, log: Logger): Promise<Runtime> {
  const metrics = createMetrics();
  const storage = await createStorage(config);
  try {
    await storage.sql.migrate();

    let demoIssuer: DemoIssuer | undefined;
    let verifier: TokenVerifier;
    if (config.oauth.jwksUrl) {
      verifier = createTokenVerifier({
        jwksUrl: config.oauth.jwksUrl,
        issuer: config.oauth.issuer!,
        audience: config.oauth.audience,
        algorithms: config.oauth.algorithms,
        onKeySetError: (e) => log.warn({ err: (e as Error).message }, 'JWKS fetch failed'),
      });
    } else {
      demoIssuer = await createDemoIssuer({
        dataDir: config.dataDir,
        issuer: config.oauth.issuer ?? defaultDemoIssuerUrl(config.host, config.port),
        audience: config.oauth.audience,
        production: config.production,
      });
      verifier = createTokenVerifier({ keySet: demoIssuer.keySet, issuer: demoIssuer.issuer, audience: demoIssuer.audience, algorithms: [demoIssuer.algorithm] });
    }

    const webhookSecretIsDemo = config.webhookSecret === undefined;
    const webhookSecret = config.webhookSecret ?? demoSecret(config.dataDir, 'demo-webhook-secret', () => randomBytes(24).toString('base64url'));

    const keyring = loadKeyring({ piiKeys: config.piiKeys, dataDir: config.dataDir, production: config.production });
    const commerce = new CommerceRepository(storage.sql, keyring);
    // The platform's API is asked for what the webhook copy lacks; in demo mode without one,
    // the embedded demo platform stands in for it.
    const connector = config.platformApi
      ? new HttpPlatformConnector({ baseUrl: config.platformApi.url, timeoutMs: config.platformApi.timeoutMs, ...(config.platformApi.token ? { token: config.platformApi.token } : {}) })
      : config.demo
        ? createDemoConnector()
        : undefined;
    const buyerData = createBuyerDataSource({
      // Batched: a busy node asks for many buyers' orders in one query instead of one per turn.
      readModel: new BatchedReadModel(new CommerceRepository(storage.sql, keyring, { lazyReceiver: true }), { onBatch: (kind, n) => metrics.batchSize.observe({ kind }, n) }),
      ...(connector ? { connector } : {}),
      budgetMs: config.robotLookupBudgetMs,
      onSourceError: (source, e) => log.warn({ source, err: (e as Error).message }, 'buyer data lookup failed'),
    });

    const work = new WorkQueue({ concurrency: config.work.concurrency, queueMax: config.work.queueMax, robotMaxWaitMs: config.work.robotMaxWaitMs, onReject: (kind) => metrics.workRejected.inc({ kind }) });
    const localNonces = storage.cache.kind === 'memory' ? storage.cache : new MemoryCache();
    const hub = new Hub({ bus: storage.bus, nodeId: config.nodeId, log });
    await hub.start();
    const knowledge = new KnowledgeService(storage.sql);
    const filters = new FilterCache(knowledge);
    const KNOWLEDGE_CHANNEL = 'knowledge';
    const onKnowledgeChanged = new Set<(shopId: string) => void>([(shopId) => filters.invalidate(shopId === GLOBAL_SCOPE ? undefined : shopId)]);
    await storage.bus.subscribe(KNOWLEDGE_CHANNEL, (shopId) => {
      for (const h of onKnowledgeChanged) h(shopId);
    });
    const knowledgeChanged = (shopId: string) => {
      for (const h of onKnowledgeChanged) h(shopId);
      storage.bus.publish(KNOWLEDGE_CHANNEL, shopId).catch((e: unknown) => log.warn({ err: (e as Error).message }, 'knowledge change not broadcast; other nodes refresh within 5 s'));
    };
    const policy = contentPolicy(filters);
    const conversations = new ConversationService({ sql: storage.sql, cache: storage.cache, sink: hub, metrics, log, policy, writer: { onBatch: (n) => metrics.batchSize.observe({ kind: 'messages' }, n) } });

    const faq = new FaqIndexProvider({ load: (shopId) => knowledge.listFaq(shopId), versionOf: (shopId) => knowledge.version(shopId) });
    onKnowledgeChanged.add((shopId) => faq.invalidate(shopId));
    // Two strategy versions side by side: v1 is the engine alone; v2 adds the LLM fallback for
    // open questions when one is configured. Everyone starts on v1; operators move a share of
    // users (by the last digit of the user id) with PUT /api/v1/ops/robot/canary.
    const llm = config.llm ? createOpenAiCompatibleClient({ url: config.llm.url, model: config.llm.model, timeoutMs: config.llm.timeoutMs, ...(config.llm.apiKey ? { apiKey: config.llm.apiKey } : {}) }) : undefined;
    const robotV1 = createRobot({ dataSource: buyerData, faq, version: 'v1', budgetMs: config.robotLookupBudgetMs });
    // Warm the robot (tokenizer dictionary, classifier, lookup code paths) before the first buyer
    // waits for it: the first answers after a start were measured at over half a second.
    await robotV1.answer({ shopId: 'warmup', userId: 'warmup', conversationId: 'warmup', text: '你好，我的快递到哪了？where is my parcel' }).catch(() => {});
    const canary = createCanary({
      robots: [robotV1, createRobot({ dataSource: buyerData, faq, version: 'v2', budgetMs: config.robotLookupBudgetMs, ...(llm ? { llm } : {}) })],
      newVersion: 'v2',
      oldVersion: 'v1',
      newDigits: [],
      registry: metrics.registry,
    });
    const canaryControl = await createCanaryControl({ canary, cache: storage.cache, bus: storage.bus, log });
    const bot = new BotResponder({ robot: canary, conversations, cache: storage.cache, work, metrics, log });
    if (config.robot) conversations.setBot(bot);

    // kefu_shop_backlog: conversations waiting for a human, refreshed from the database so every
    // node reports the same truth whichever node queued them.
    const refreshBacklog = async () => {
      const rows = await storage.sql.db.selectFrom('conversations').select(['shop_id']).select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'queued').groupBy('shop_id').execute();
      metrics.shopBacklog.reset();
      for (const r of rows) metrics.shopBacklog.set({ shop: r.shop_id }, Number(r.n));
    };
    const backlogTimer = setInterval(() => refreshBacklog().catch((e: unknown) => log.debug({ err: (e as Error).message }, 'backlog refresh failed')), 10_000);
    backlogTimer.unref();

    let closed: Promise<void> | undefined;
    return {
      config,
      log,
      metrics,
      storage,
      verifier,
      demoIssuer,
      webhookSecret,
      webhookSecretIsDemo,
      work,
      localNonces,
      hub,
      conversations,
      keyring,
      commerce,
      buyerData,
      knowledge,
      filters,
      canary,
      canaryControl,
      bot,
      knowledgeChanged,
      close: () =>
        (closed ??= (async () => {
          clearInterval(backlogTimer);
          await bot.idle();
          await Promise.allSettled([storage.bus.close(), storage.cache.close(), localNonces.close()]);
          await storage.sql.close();
        })()),
    };
  } catch (e) {
    await Promise.allSettled([storage.bus.close(), storage.cache.close()]);
    await storage.sql.close();
    throw e;
  }
}

/**
 * Sensitive words on the message path: a buyer's abusive words are masked before storage (and so
 * before agents see them); an agent's message with prohibited words or off-platform contacts is
 * refused, so the agent can rephrase and the buyer never gets a silently altered text.
 */
function contentPolicy(filters: FilterCache): ContentPolicy {
  return {
    async inbound(shopId, role, content) {
      if (content.kind !== 'text') return content;
      const filter = await filters.get(shopId);
      if (role === 'customer') {
        const m = maskBuyerMessage(filter, content.text);
        return m.masked ? { ...content, text: m.text } : content;
      }
      const c = checkAgentMessage(filter, content.text);
      if (!c.ok) {
        throw new KefuError(
          'CONTENT_REFUSED',
          c.reason === 'prohibited_word' ? 'message refused: it contains a prohibited word' : 'message refused: it contains an off-platform contact (phone, WeChat, QQ, e-mail or link)',
          { reason: c.reason },
        );
      }
      return content;
    },
  };
}
