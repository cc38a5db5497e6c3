import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { BEARER_TOKEN } from '../auth/authorize.ts';
import { WORKER_ENV } from '../ops/cluster.ts';
import { CONFIG_KEYS, CONFIG_SCHEMA, DEMO_ISSUER, type ConfigKey, type PiiKey, type RawConfig, type RawValue } from './schema.ts';

/** A configuration problem: its message is one line that starts with the variable's name. */
export class ConfigError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(`${variable} ${message}`);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export type DatabaseConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly ownerUrl: string | undefined; readonly schema: string; readonly poolMax: number; readonly connectTimeoutMs: number; readonly statementTimeoutMs: number }
  | { readonly kind: 'pglite'; readonly dataDir: string; readonly schema: string; readonly statementTimeoutMs: number };

/** Where a variable's value came from, as `kefu config check` says it. */
export type ConfigSource = 'environment' | 'config file' | 'default';

export type CacheConfig = { readonly kind: 'redis'; readonly url: string; readonly prefix: string } | { readonly kind: 'memory'; readonly prefix: string };

export interface Config {
  readonly production: boolean;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  readonly cache: CacheConfig;
  readonly oauth: {
    /** undefined: the built-in demo issuer signs and verifies tokens. */
    readonly jwksUrl: string | undefined;
    /** KEFU_OAUTH_ISSUER, or the demo issuer's fixed DEMO_ISSUER when jwksUrl is undefined. */
    readonly issuer: string;
    readonly audience: string;
    readonly algorithms: readonly string[];
  };
  /** undefined: a demo secret is generated in dataDir and printed at start. */
  readonly webhookSecret: string | undefined;
  /** undefined: a demo key is generated in dataDir. */
  readonly piiKeys: readonly PiiKey[] | undefined;
  /** undefined: only the server's own origin. */
  readonly allowedOrigins: readonly string[] | undefined;
  /** Hosts (and their subdomains) whose links an agent may send; every other link is an off-platform contact. */
  readonly allowedLinkHosts: readonly string[];
  /** The shop's own phone numbers (digits only) an agent may send; every other phone number is an off-platform contact. */
  readonly allowedPhones: readonly string[];
  /** Hosts (and their subdomains) an agent's image may be at, besides the link hosts and the shop's own. */
  readonly allowedImageHosts: readonly string[];
  readonly demo: boolean;
  readonly robot: boolean;
  readonly llm: { readonly url: string; readonly model: string; readonly apiKey: string | undefined; readonly timeoutMs: number } | undefined;
  /** Semantic re-ranking of FAQ candidates; undefined when KEFU_EMBEDDINGS_URL is unset. */
  readonly embeddings: { readonly url: string; readonly model: string; readonly apiKey: string | undefined; readonly timeoutMs: number } | undefined;
  readonly opsToken: string | undefined;
  readonly platformApi: { readonly url: string; readonly token: string | undefined; readonly timeoutMs: number } | undefined;
  readonly robotLookupBudgetMs: number;
  readonly robotNluThread: RawConfig['KEFU_ROBOT_NLU_THREAD'];
  /** IANA name; the robot takes its offset at start. */
  readonly timeZone: string;
  /** Delivery of commands to the platform: retries, attempts, lease, and the bound of one attempt. */
  readonly commands: { readonly backoffMs: number; readonly maxAttempts: number; readonly leaseMs: number; readonly attemptTimeoutMs: number };
  readonly nodeId: string;
  readonly logLevel: RawConfig['KEFU_LOG_LEVEL'];
  readonly shutdownGraceMs: number;
  readonly agents: { readonly offlineGraceMs: number; readonly replyTimeoutMs: number };
  /** The idle close of the robot's conversations (src/conversation/idle-close.ts); 0: never. */
  readonly botIdleCloseMs: number;
  readonly work: { readonly concurrency: number; readonly queueMax: number; readonly robotMaxWaitMs: number; readonly shopBacklogShed: number };
  readonly backup: { readonly schedule: string | undefined; readonly retentionDays: number };
  readonly ws: { readonly maxBufferedBytes: number; readonly ratePerConnection: number; readonly ratePerUser: number; readonly maxBadFrames: number };
  /** Every variable as parsed, for `kefu config check`. */
  readonly raw: RawConfig;
  /** Where each variable came from (an empty value counts as unset: the default). */
  readonly sources: { readonly [K in ConfigKey]: ConfigSource };
}

const ALLOWED_ALGS = new Set(['RS256', 'ES256', 'EdDSA']);

function readFileValues(path: string): Record<string, RawValue> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError('KEFU_CONFIG_FILE', `cannot be read: ${(e as NodeJS.ErrnoException).code ?? String(e)} (${path})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError('KEFU_CONFIG_FILE', `is not valid JSON (${path})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ConfigError('KEFU_CONFIG_FILE', `must hold a JSON object (${path})`);
  const out: Record<string, RawValue> = {};
  for (const [k, v] of Object.entries(data)) {
    if (!(CONFIG_KEYS as string[]).includes(k)) throw new ConfigError(k, `in KEFU_CONFIG_FILE is not a kefu variable`);
    if (v === null || v === undefined) continue;
    if (typeof v === 'object') throw new ConfigError(k, 'in KEFU_CONFIG_FILE must be a string, number or boolean');
    out[k] = String(v);
  }
  return out;
}

/**
 * Reads, validates and freezes the configuration. Throws ConfigError naming the first bad
 * variable; nothing else in kefu reads process.env.
 */
export function loadConfig(env: Readonly<Record<string, RawValue>> = process.env): Config {
  const filePath = env.KEFU_CONFIG_FILE;
  const merged: Record<string, RawValue> = { ...(filePath ? readFileValues(filePath) : {}) };
  for (const k of CONFIG_KEYS) if (env[k] !== undefined) merged[k] = env[k];
  merged.NODE_ENV = env.NODE_ENV;
  const sources = {} as Record<ConfigKey, ConfigSource>;
  for (const k of CONFIG_KEYS) sources[k] = merged[k] === undefined || merged[k] === '' ? 'default' : env[k] !== undefined ? 'environment' : 'config file';

  const raw = {} as Record<ConfigKey, unknown>;
  for (const k of CONFIG_KEYS) {
    try {
      raw[k] = CONFIG_SCHEMA[k].parse(merged[k], merged);
    } catch (e) {
      throw new ConfigError(k, (e as Error).message);
    }
  }
  const r = raw as RawConfig;
  const production = env.NODE_ENV === 'production';
  const algorithms = checkCombinations(r, production);
  return deepFreeze(assemble(r, { production, algorithms, sources }));
}

/** Rules that span variables; returns the parsed algorithm list. */
function checkCombinations(r: RawConfig, production: boolean): string[] {
  const algorithms = r.KEFU_OAUTH_ALGORITHMS.split(',').map((a) => a.trim()).filter(Boolean);
  if (algorithms.length === 0) throw new ConfigError('KEFU_OAUTH_ALGORITHMS', 'must name at least one algorithm');
  for (const a of algorithms) if (!ALLOWED_ALGS.has(a)) throw new ConfigError('KEFU_OAUTH_ALGORITHMS', `may only contain RS256, ES256, EdDSA (got "${a}")`);

  if (production) {
    if (!r.KEFU_OAUTH_JWKS_URL) throw new ConfigError('KEFU_OAUTH_JWKS_URL', 'is required when NODE_ENV=production (the demo issuer is refused)');
    if (!r.KEFU_OAUTH_ISSUER) throw new ConfigError('KEFU_OAUTH_ISSUER', 'is required when NODE_ENV=production');
    if (!r.KEFU_PLATFORM_WEBHOOK_SECRET) throw new ConfigError('KEFU_PLATFORM_WEBHOOK_SECRET', 'is required when NODE_ENV=production (no generated demo secret)');
    if (!r.KEFU_PII_KEYS) throw new ConfigError('KEFU_PII_KEYS', 'is required when NODE_ENV=production (no generated demo key)');
  }
  if (r.KEFU_OAUTH_JWKS_URL && !r.KEFU_OAUTH_ISSUER) throw new ConfigError('KEFU_OAUTH_ISSUER', 'is required when KEFU_OAUTH_JWKS_URL is set');
  if (r.KEFU_PLATFORM_WEBHOOK_SECRET !== undefined && r.KEFU_PLATFORM_WEBHOOK_SECRET.length < 16) {
    throw new ConfigError('KEFU_PLATFORM_WEBHOOK_SECRET', 'must be at least 16 characters');
  }
  if (r.KEFU_LLM_URL && !r.KEFU_LLM_MODEL) throw new ConfigError('KEFU_LLM_MODEL', 'is required when KEFU_LLM_URL is set');
  if (r.KEFU_EMBEDDINGS_URL && !r.KEFU_EMBEDDINGS_MODEL) throw new ConfigError('KEFU_EMBEDDINGS_MODEL', 'is required when KEFU_EMBEDDINGS_URL is set');
  if (r.KEFU_OPS_TOKEN !== undefined && r.KEFU_OPS_TOKEN.length < 24) throw new ConfigError('KEFU_OPS_TOKEN', 'must be at least 24 characters');
  // It travels as `Authorization: Bearer <token>`: a character a bearer token cannot carry would
  // make every operator request a 401 that no one could explain.
  if (r.KEFU_OPS_TOKEN !== undefined && !BEARER_TOKEN.test(r.KEFU_OPS_TOKEN)) {
    throw new ConfigError('KEFU_OPS_TOKEN', 'may hold only letters, digits and - . _ ~ + / (then = at the end), as a bearer token can; for example: openssl rand -hex 24');
  }
  if (r.KEFU_COMMAND_LEASE_S * 1000 <= 2 * r.KEFU_PLATFORM_API_TIMEOUT_MS) {
    throw new ConfigError('KEFU_COMMAND_LEASE_S', `must exceed twice KEFU_PLATFORM_API_TIMEOUT_MS (${r.KEFU_PLATFORM_API_TIMEOUT_MS} ms), or a slow attempt would be taken over while it runs`);
  }
  return algorithms;
}

/** The validated variables as the shape the rest of kefu reads. */
function assemble(r: RawConfig, o: { production: boolean; algorithms: string[]; sources: Config['sources'] }): Config {
  const dataDir = resolve(r.KEFU_DATA_DIR);
  const schema = r.KEFU_DATABASE_SCHEMA ?? 'public';
  const database: DatabaseConfig = r.KEFU_DATABASE_URL
    ? { kind: 'postgres', url: r.KEFU_DATABASE_URL, ownerUrl: r.KEFU_DATABASE_OWNER_URL, schema, poolMax: r.KEFU_DATABASE_POOL_MAX, connectTimeoutMs: r.KEFU_DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: r.KEFU_DATABASE_STATEMENT_TIMEOUT_MS }
    : { kind: 'pglite', dataDir, schema, statementTimeoutMs: r.KEFU_DATABASE_STATEMENT_TIMEOUT_MS };
  return {
    production: o.production,
    host: r.KEFU_HOST,
    port: r.KEFU_PORT,
    dataDir,
    database,
    cache: r.KEFU_REDIS_URL ? { kind: 'redis', url: r.KEFU_REDIS_URL, prefix: r.KEFU_REDIS_KEY_PREFIX } : { kind: 'memory', prefix: r.KEFU_REDIS_KEY_PREFIX },
    // checkCombinations makes KEFU_OAUTH_ISSUER set whenever the demo issuer is not in use.
    oauth: { jwksUrl: r.KEFU_OAUTH_JWKS_URL, issuer: r.KEFU_OAUTH_ISSUER ?? DEMO_ISSUER, audience: r.KEFU_OAUTH_AUDIENCE ?? 'kefu', algorithms: o.algorithms },
    webhookSecret: r.KEFU_PLATFORM_WEBHOOK_SECRET,
    piiKeys: r.KEFU_PII_KEYS,
    allowedOrigins: r.KEFU_ALLOWED_ORIGINS,
    allowedLinkHosts: r.KEFU_ALLOWED_LINK_HOSTS,
    allowedPhones: r.KEFU_ALLOWED_PHONES,
    allowedImageHosts: r.KEFU_ALLOWED_IMAGE_HOSTS,
    demo: r.KEFU_DEMO,
    robot: r.KEFU_ROBOT,
    llm: r.KEFU_LLM_URL ? { url: r.KEFU_LLM_URL, model: r.KEFU_LLM_MODEL!, apiKey: r.KEFU_LLM_API_KEY, timeoutMs: r.KEFU_LLM_TIMEOUT_MS } : undefined,
    embeddings: r.KEFU_EMBEDDINGS_URL
      ? { url: r.KEFU_EMBEDDINGS_URL, model: r.KEFU_EMBEDDINGS_MODEL!, apiKey: r.KEFU_EMBEDDINGS_API_KEY, timeoutMs: r.KEFU_EMBEDDINGS_TIMEOUT_MS }
      : undefined,
    opsToken: r.KEFU_OPS_TOKEN,
    platformApi: r.KEFU_PLATFORM_API_URL ? { url: r.KEFU_PLATFORM_API_URL, token: r.KEFU_PLATFORM_API_TOKEN, timeoutMs: r.KEFU_PLATFORM_API_TIMEOUT_MS } : undefined,
    robotLookupBudgetMs: r.KEFU_ROBOT_LOOKUP_BUDGET_MS,
    robotNluThread: r.KEFU_ROBOT_NLU_THREAD,
    timeZone: r.KEFU_TIME_ZONE,
    commands: { backoffMs: r.KEFU_COMMAND_BACKOFF_MS, maxAttempts: r.KEFU_COMMAND_MAX_ATTEMPTS, leaseMs: r.KEFU_COMMAND_LEASE_S * 1000, attemptTimeoutMs: r.KEFU_PLATFORM_API_TIMEOUT_MS },
    // Under --workers each worker is a node of its own on the bus: a shared KEFU_NODE_ID made every
    // worker drop the others' events as its own echo (found in review).
    nodeId: withWorker(r.KEFU_NODE_ID ?? `${hostname()}-${process.pid}`),
    logLevel: r.KEFU_LOG_LEVEL,
    shutdownGraceMs: r.KEFU_SHUTDOWN_GRACE_MS,
    agents: { offlineGraceMs: r.KEFU_AGENT_OFFLINE_GRACE_S * 1000, replyTimeoutMs: r.KEFU_AGENT_REPLY_TIMEOUT_S * 1000 },
    botIdleCloseMs: r.KEFU_BOT_IDLE_CLOSE_MIN * 60_000,
    work: { concurrency: r.KEFU_WORK_CONCURRENCY, queueMax: r.KEFU_WORK_QUEUE_MAX, robotMaxWaitMs: r.KEFU_WORK_ROBOT_MAX_WAIT_MS, shopBacklogShed: r.KEFU_SHOP_BACKLOG_SHED },
    backup: { schedule: r.KEFU_BACKUP_SCHEDULE, retentionDays: r.KEFU_BACKUP_RETENTION_DAYS },
    ws: { maxBufferedBytes: r.KEFU_WS_MAX_BUFFERED_BYTES, ratePerConnection: r.KEFU_WS_RATE_PER_CONNECTION, ratePerUser: r.KEFU_WS_RATE_PER_USER, maxBadFrames: r.KEFU_WS_MAX_BAD_FRAMES },
    raw: r,
    sources: o.sources,
  };
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Buffer.isBuffer(o) && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/**
 * The effective configuration as lines `NAME=value  # source`, secrets masked, for `kefu config
 * check`: the value kefu runs with (derived defaults such as KEFU_NODE_ID resolved; an unset
 * variable is empty) and whether it came from the environment, the config file or the default,
 * followed by what the default means when the value alone does not say it.
 */
export function describeConfig(config: Config): string[] {
  const rows = CONFIG_KEYS.map((k) => {
    const spec = CONFIG_SCHEMA[k];
    const v = derivedValue(config, k) ?? config.raw[k];
    let shown: string;
    if (v === undefined) shown = '';
    else if ('secret' in spec && spec.secret) shown = maskSecret(k, v);
    else shown = Array.isArray(v) ? v.join(',') : String(v);
    const source = config.sources[k];
    const note = source === 'default' && config.raw[k] === undefined && spec.defaultDoc !== shown ? `: ${spec.defaultDoc}` : '';
    return [`${k}=${shown}`, `${source === 'config file' ? `config file ${config.raw.KEFU_CONFIG_FILE}` : source}${note}`] as const;
  });
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `${a.padEnd(width)}  # ${b}`);
}

/** Values loadConfig derives when the variable is unset (its raw value is then undefined). */
function derivedValue(config: Config, k: ConfigKey): string | undefined {
  switch (k) {
    case 'KEFU_DATA_DIR':
      return config.dataDir;
    case 'KEFU_DATABASE_SCHEMA':
      return config.database.schema;
    case 'KEFU_OAUTH_ISSUER':
      return config.oauth.issuer;
    case 'KEFU_OAUTH_AUDIENCE':
      return config.oauth.audience;
    case 'KEFU_NODE_ID':
      return config.nodeId;
    default:
      return undefined;
  }
}

/** A secret as `kefu config check` shows it: URLs keep all but their password. */
export function maskSecret(k: ConfigKey, v: unknown): string {
  if (k === 'KEFU_PII_KEYS') return (v as PiiKey[]).map((p) => `${p.kid}:****`).join(',');
  if (typeof v === 'string' && /^[a-z]+:\/\//.test(v)) {
    try {
      const u = new URL(v);
      if (u.password) u.password = '****';
      return u.toString();
    } catch {
      return '****';
    }
  }
  return '****';
}

/** A worker's node id: the configured one with the worker's number (`-w2`), unchanged outside --workers. */
function withWorker(nodeId: string): string {
  const worker = process.env[WORKER_ENV];
  return worker ? `${nodeId}-w${worker}` : nodeId;
}
