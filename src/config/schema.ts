/**
 * Every configuration variable kefu reads, in one table: its parser, default, whether it is a
 * secret (masked by `kefu config check` and never logged) and what it means. docs/configuration.md
 * lists the same table; a unit test fails when the two drift apart.
 *
 * Parsers receive the raw string (from the environment or the config file) and either return the
 * typed value or throw an Error whose message completes the sentence "KEFU_X <message>".
 */

import { isIP } from 'node:net';
import { canonicalOrigin } from '../gateway/origin.ts';
import { NLU_THREAD_MODES } from '../robot/nlu/thread.ts';
import { canonicalTimeZone } from '../robot/time-zone.ts';
import { hostName, phoneDigits } from '../knowledge/index.ts';

export type RawValue = string | undefined;

interface VarSpec<T> {
  readonly secret?: boolean;
  readonly doc: string;
  /** Human description of the default, for docs and `config check`. */
  readonly defaultDoc: string;
  parse(raw: RawValue, env: Readonly<Record<string, RawValue>>): T;
}

const str = (doc: string, def: string, opts: { secret?: boolean } = {}): VarSpec<string> => ({
  doc,
  defaultDoc: def === '' ? '(empty)' : def,
  secret: opts.secret,
  parse: (raw) => (raw === undefined || raw === '' ? def : raw),
});

const optStr = (doc: string, defaultDoc: string, opts: { secret?: boolean; pattern?: RegExp; patternDoc?: string } = {}): VarSpec<string | undefined> => ({
  doc,
  defaultDoc,
  secret: opts.secret,
  parse: (raw) => {
    if (raw === undefined || raw === '') return undefined;
    if (opts.pattern && !opts.pattern.test(raw)) throw new Error(`must be ${opts.patternDoc}`);
    return raw;
  },
});

const int = (doc: string, def: number, min: number, max: number): VarSpec<number> => ({
  doc,
  defaultDoc: String(def),
  parse: (raw) => {
    if (raw === undefined || raw === '') return def;
    if (!/^-?\d+$/.test(raw.trim())) throw new Error(`must be an integer from ${min} to ${max} (got "${raw}")`);
    const n = Number(raw.trim());
    if (n < min || n > max) throw new Error(`must be an integer from ${min} to ${max} (got ${n})`);
    return n;
  },
});

const bool = (doc: string, defaultDoc: string, def: (env: Readonly<Record<string, RawValue>>) => boolean): VarSpec<boolean> => ({
  doc,
  defaultDoc,
  parse: (raw, env) => {
    if (raw === undefined || raw === '') return def(env);
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    throw new Error(`must be true or false (got "${raw}")`);
  },
});

const oneOf = <T extends string>(doc: string, values: readonly T[], def: T): VarSpec<T> => ({
  doc,
  defaultDoc: def,
  parse: (raw) => {
    if (raw === undefined || raw === '') return def;
    if (!(values as readonly string[]).includes(raw)) throw new Error(`must be one of ${values.join(', ')} (got "${raw}")`);
    return raw as T;
  },
});

const url = (doc: string, defaultDoc: string, protocols: string[], opts: { secret?: boolean } = {}): VarSpec<string | undefined> => ({
  doc,
  defaultDoc,
  secret: opts.secret,
  parse: (raw) => {
    if (raw === undefined || raw === '') return undefined;
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new Error(`must be a URL (${protocols.join(' or ')})`);
    }
    if (!protocols.includes(u.protocol)) throw new Error(`must be a URL starting with ${protocols.join(' or ')} (got ${u.protocol})`);
    return raw;
  },
});

const zone = (doc: string, def: string): VarSpec<string> => ({
  doc,
  defaultDoc: def,
  parse: (raw) => {
    const v = raw === undefined || raw.trim() === '' ? def : raw.trim();
    // Its canonical name: the robot reads the offset at each answer, from a formatter kept by that name.
    const canonical = canonicalTimeZone(v);
    if (!canonical) throw new Error(`must be an IANA time zone name such as "Asia/Shanghai" or "America/Los_Angeles" (got "${raw}")`);
    return canonical;
  },
});

/** An IPv4 or IPv6 address, optionally with a /prefix length. */
function isAddressOrCidr(v: string): boolean {
  const [addr = '', bits, ...rest] = v.split('/');
  const family = isIP(addr);
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** Named ranges proxy-addr (behind fastify's `trustProxy`) knows. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * fastify's `trustProxy` as a list of the proxies' addresses. No hop count: fastify refuses to
 * trust one (it cannot tell a proxy from a client that sent X-Forwarded-For itself).
 */
const trustProxy: VarSpec<false | string[]> = {
  doc: "The proxies in front of kefu, whose `X-Forwarded-For` names the client: a comma list of their addresses and CIDRs (`10.0.0.0/8,127.0.0.1`), or `loopback`, `linklocal`, `uniquelocal`. The client is the nearest address in `X-Forwarded-For` that is not such a proxy. Unset: `X-Forwarded-For` is ignored and the socket's address is the client (for KEFU_WS_MAX_PER_IP and logs).",
  defaultDoc: 'unset: X-Forwarded-For ignored',
  parse: (raw) => {
    const t = raw?.trim() ?? '';
    if (t === '' || t.toLowerCase() === 'false') return false;
    return t.split(',').map((e, i) => {
      const v = e.trim();
      if (!isAddressOrCidr(v) && !PROXY_RANGES.includes(v)) throw new Error(`entry ${i + 1} ("${v}") must be an IP address, a CIDR such as 10.0.0.0/8, or one of ${PROXY_RANGES.join(', ')}`);
      return v;
    });
  },
};

export interface PiiKey {
  readonly kid: string;
  readonly key: Buffer;
}

const piiKeys: VarSpec<PiiKey[] | undefined> = {
  doc: 'Keyring for PII encryption: `kid1:base64key,kid2:base64key` (32-byte keys). The first key encrypts; all decrypt.',
  defaultDoc: 'demo: a generated key in KEFU_DATA_DIR (refused in production)',
  secret: true,
  parse: (raw) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    const seen = new Set<string>();
    return raw.split(',').map((part, i) => {
      const at = part.indexOf(':');
      if (at <= 0) throw new Error(`entry ${i + 1} must be kid:base64key`);
      const kid = part.slice(0, at).trim();
      if (!/^[A-Za-z0-9_.-]{1,32}$/.test(kid)) throw new Error(`entry ${i + 1} has an invalid key id (letters, digits, _ . - ; at most 32)`);
      if (seen.has(kid)) throw new Error(`has the key id "${kid}" twice`);
      seen.add(kid);
      const key = Buffer.from(part.slice(at + 1).trim(), 'base64');
      if (key.length !== 32) throw new Error(`key "${kid}" must decode to 32 bytes (got ${key.length})`);
      return { kid, key };
    });
  },
};

const origins: VarSpec<string[] | undefined> = {
  doc: 'Comma list of allowed `Origin` values for WebSocket upgrades and CORS (`*` allows any; a request without Origin, such as a native app, is allowed).',
  defaultDoc: "the server's own origin (http://KEFU_HOST:KEFU_PORT)",
  parse: (raw) => {
    if (raw === undefined || raw.trim() === '') return undefined;
    return raw.split(',').map((entry, i) => {
      const t = entry.trim();
      if (t === '*') return t;
      const o = canonicalOrigin(t);
      if (o === undefined) throw new Error(`entry ${i + 1} ("${t}") must be an origin like https://shop.example.com`);
      return o;
    });
  },
};

/** A comma list, each entry read by `entry` (which throws, naming what it must be); unset or blank: none. */
const commaList = (entry: (raw: string) => string | undefined, must: string) => (raw: string | undefined): string[] =>
  raw === undefined || raw.trim() === ''
    ? []
    : raw.split(',').map((e, i) => {
        const v = entry(e);
        if (v === undefined) throw new Error(`entry ${i + 1} ("${e.trim()}") must be ${must}`);
        return v;
      });

const linkHosts: VarSpec<string[]> = {
  doc: "Comma list of host names whose links and e-mail addresses agents may send (the platform's or the shop's own site: `shop.example.com,example.tw`; their subdomains too). Any other link or address in an agent's message is refused as an off-platform contact. Each shop adds its own over `PUT /shops/{shopId}/settings/contacts`.",
  defaultDoc: "unset: every link refused but the shop's own",
  parse: commaList(hostName, 'a host name like shop.example.com, without scheme or path'),
};

const imageHosts: VarSpec<string[]> = {
  doc: "Comma list of host names (and their subdomains) where agents' images may be: the platform's or the shops' picture storage (`img.alicdn.com,cdn.example.com`). An agent's image elsewhere is refused as an off-platform contact (a picture can carry a QR code); a host of KEFU_ALLOWED_LINK_HOSTS serves for images too, and each shop adds its own over `PUT /shops/{shopId}/settings/contacts`. Buyers' images are not checked.",
  defaultDoc: "unset: agents' images only at the link hosts and the shop's own",
  parse: commaList(hostName, 'a host name like cdn.example.com, without scheme or path'),
};

const contactPhones: VarSpec<string[]> = {
  doc: "Comma list of the shop's own phone numbers (a service line, a WhatsApp business number: `+65 6123 4567,400-820-8820`) that agents may send; one typed without its country code counts too. Any other phone number in an agent's message is refused as an off-platform contact. Each shop adds its own over `PUT /shops/{shopId}/settings/contacts`.",
  defaultDoc: "unset: every phone number refused but the shop's own",
  parse: commaList(phoneDigits, 'a phone number of 5 to 15 digits, with spaces, dashes, dots, brackets or a leading + if you like'),
};

/**
 * The `iss` of demo tokens when KEFU_OAUTH_ISSUER is unset. Fixed, not derived from the host or
 * port: nodes sharing a data dir (and so the demo key) must accept each other's tokens.
 */
export const DEMO_ISSUER = 'kefu-demo';

const isProduction = (env: Readonly<Record<string, RawValue>>) => env.NODE_ENV === 'production';

export const CONFIG_SCHEMA = {
  KEFU_HOST: str('Listen address.', '127.0.0.1'),
  KEFU_PORT: int('Listen port (0 picks a free port).', 8080, 0, 65535),
  KEFU_DATABASE_URL: url('`postgres://…` of a real PostgreSQL. Unset: embedded PGlite in KEFU_DATA_DIR.', 'unset: embedded PGlite', ['postgres:', 'postgresql:'], { secret: true }),
  KEFU_DATABASE_OWNER_URL: url('`postgres://…` of the role that owns the schema. Set it when KEFU_DATABASE_URL is the app role (neither owner nor BYPASSRLS, so row-level security binds it): migrations run as the owner, which then grants the app role its table rights. Unset: migrations run as KEFU_DATABASE_URL.', 'unset: migrate as KEFU_DATABASE_URL', ['postgres:', 'postgresql:'], { secret: true }),
  KEFU_DATABASE_SCHEMA: optStr('PostgreSQL schema for all kefu tables (created if missing). Lets several kefu installations or test runs share one database.', 'public', { pattern: /^[a-z_][a-z0-9_]{0,62}$/, patternDoc: 'a lower-case SQL identifier' }),
  KEFU_DATABASE_POOL_MAX: int('Maximum connections in the PostgreSQL pool.', 10, 1, 1000),
  KEFU_DATABASE_CONNECT_TIMEOUT_MS: int('How long to wait for a PostgreSQL connection before failing (node-postgres waits forever by default).', 2000, 100, 120000),
  KEFU_DATABASE_STATEMENT_TIMEOUT_MS: int('Server-side statement timeout for every kefu query.', 5000, 100, 600000),
  KEFU_REDIS_URL: url('`redis://…` of a real Redis. Unset: in-process presence, history cache, nonce cache and bus (single node only).', 'unset: in-process', ['redis:', 'rediss:'], { secret: true }),
  KEFU_REDIS_KEY_PREFIX: str('Prefix of every Redis key and channel kefu uses.', 'kefu:'),
  KEFU_DATA_DIR: str('Embedded database, generated demo secrets and backups.', './data'),
  KEFU_OAUTH_JWKS_URL: url("JWKS of the platform's OAuth2 server. Unset: the built-in demo issuer (refused when NODE_ENV=production).", 'unset: built-in demo issuer', ['https:', 'http:']),
  KEFU_OAUTH_ISSUER: optStr('Required `iss` of access tokens. With the demo issuer, overrides the `iss` its tokens carry.', `demo issuer: ${DEMO_ISSUER}, the same on every node (required with KEFU_OAUTH_JWKS_URL)`),
  KEFU_OAUTH_AUDIENCE: optStr('Required `aud` of access tokens.', 'kefu'),
  KEFU_OAUTH_ALGORITHMS: str('Comma list of accepted JWS algorithms; only RS256, ES256 and EdDSA may appear.', 'RS256,ES256,EdDSA'),
  KEFU_PLATFORM_WEBHOOK_SECRET: optStr('HMAC-SHA256 secret of platform webhooks.', 'demo: generated in KEFU_DATA_DIR and printed at start (refused in production)', { secret: true }),
  KEFU_PII_KEYS: piiKeys,
  KEFU_ALLOWED_ORIGINS: origins,
  KEFU_ALLOWED_LINK_HOSTS: linkHosts,
  KEFU_ALLOWED_PHONES: contactPhones,
  KEFU_ALLOWED_IMAGE_HOSTS: imageHosts,
  KEFU_DEMO: bool('Seed the demo shop, buyers, orders, logistics and after-sales on start (idempotent).', 'true unless NODE_ENV=production', (env) => !isProduction(env)),
  KEFU_ROBOT: bool('Whether the robot answers buyers first. false: buyer messages wait for a human agent.', 'true', () => true),
  KEFU_PLATFORM_API_URL: url("Base URL of the platform's API, asked live for orders, parcels and after-sales the webhook copy lacks (see docs/api.md). Unset: the webhook copy only (plus the demo platform in demo mode).", 'unset', ['https:', 'http:']),
  KEFU_PLATFORM_API_TOKEN: optStr('Bearer token for KEFU_PLATFORM_API_URL.', 'unset', { secret: true }),
  KEFU_PLATFORM_API_TIMEOUT_MS: int('Timeout of one platform API call.', 1500, 50, 60000),
  KEFU_COMMAND_BACKOFF_MS: int('First delay before a command is attempted again; each next delay is about twice the last (with jitter, at most 10 minutes).', 1000, 1, 3600000),
  KEFU_COMMAND_MAX_ATTEMPTS: int('Attempts of a command (the first included) before it is dead; a retry by hand starts a new round of as many.', 8, 1, 100),
  KEFU_COMMAND_LEASE_S: int("How long a process holds a running command; a command whose process died is attempted again by a live one after this. Must exceed twice KEFU_PLATFORM_API_TIMEOUT_MS.", 30, 1, 3600),
  KEFU_ROBOT_LOOKUP_BUDGET_MS: int("Time the robot waits for each of a buyer's data sources before answering with what it has.", 300, 20, 10000),
  KEFU_TIME_ZONE: zone("The shops' time zone (IANA name): the robot shows order, parcel and refund times in it and reads the buyer's \"yesterday\", \"周二\", \"last friday\" in it. The zone's offset is taken at each answer (a daylight-saving change needs no restart). A shop that set its own zone (PUT /api/v1/shops/{shopId}/settings/time-zone) is answered in that one.", 'Asia/Shanghai'),
  KEFU_ROBOT_NLU_THREAD: oneOf("Where the robot understands a text it has not seen before. auto: on a thread of its own while the main event loop is busy (utilisation over 60 %), on the main thread otherwise; always: on that thread whenever it is up (in both modes only when at least four such texts wait in one event-loop turn); off: on the main thread. A thread that is late (250 ms) or fails hands its texts back to the main thread.", NLU_THREAD_MODES, 'auto'),
  KEFU_LLM_URL: url('Base URL of an OpenAI-compatible chat-completions API (`/chat/completions` is appended). Used by robot version v2, only for questions the engine cannot place. Unset: no LLM.', 'unset: no LLM', ['https:', 'http:']),
  KEFU_LLM_MODEL: optStr('Model name sent to the LLM API.', 'unset (required with KEFU_LLM_URL)'),
  KEFU_LLM_API_KEY: optStr('Bearer key for the LLM API.', 'unset', { secret: true }),
  KEFU_LLM_TIMEOUT_MS: int('Strict timeout of one LLM call; on timeout the engine answers alone.', 800, 50, 60000),
  KEFU_EMBEDDINGS_URL: url('Base URL of an OpenAI-compatible embeddings API (`/embeddings` is appended). When set, the robot re-ranks its best FAQ candidates by semantic similarity; on timeout or failure it keeps the lexical order (`kefu_faq_embeddings_fallback_total`). Unset: lexical FAQ search only.', 'unset: lexical only', ['https:', 'http:']),
  KEFU_EMBEDDINGS_MODEL: optStr('Model name sent to the embeddings API.', 'unset (required with KEFU_EMBEDDINGS_URL)'),
  KEFU_EMBEDDINGS_API_KEY: optStr('Bearer key for the embeddings API.', 'unset', { secret: true }),
  KEFU_EMBEDDINGS_TIMEOUT_MS: int('Strict timeout of one embeddings call; on timeout the FAQ answer uses the lexical order alone.', 300, 20, 10000),
  KEFU_OPS_TOKEN: optStr('Bearer secret (at least 24 characters) for the operator endpoints under /api/v1/ops (robot canary). Unset: those endpoints answer 404.', 'unset: no operator endpoints', { secret: true }),
  KEFU_NODE_ID: optStr('Name of this process in logs, metrics and the bus; under --workers each worker adds "-w<N>".', 'hostname-pid'),
  KEFU_LOG_LEVEL: oneOf('pino log level.', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  KEFU_AGENT_OFFLINE_GRACE_S: int('An online agent with no console socket open for longer than this becomes offline, and their conversations go back to the head of the queue.', 60, 1, 86400),
  KEFU_AGENT_REPLY_TIMEOUT_S: int('A conversation assigned to an agent who has not answered it within this time goes to another agent; three misses in a row set the agent away.', 120, 1, 86400),
  KEFU_BOT_IDLE_CLOSE_MIN: int("A conversation the robot alone served (never handed over) that nobody has written in for this many minutes is closed, without a notice and with no rating asked; the shop's figures count it as contained by the robot, and the buyer's next message opens a new conversation. 0: never closed.", 30, 0, 10080),
  KEFU_SHUTDOWN_GRACE_MS: int('On SIGTERM, how long open sockets and requests get to finish before the process exits.', 10000, 0, 600000),
  KEFU_WORK_CONCURRENCY: int('Slow work (storage, robot) running at once per process. Messages being stored at once share one statement and commit, so this also bounds how many a burst stores together.', 256, 1, 10000),
  KEFU_WORK_QUEUE_MAX: int('Slow work waiting per process before new work is refused with UNAVAILABLE.', 5000, 1, 1000000),
  KEFU_WORK_ROBOT_MAX_WAIT_MS: int('Robot answers are shed (skipped) while the oldest queued work has waited longer than this, so human messages keep flowing under a peak.', 1000, 10, 600000),
  KEFU_SHOP_BACKLOG_SHED: int("A shop's robot answers are shed (the buyer is told a person will answer) while more than this many of its robot turns wait on this node; they resume below half of it. Its human messages and other shops are not affected.", 10000, 1, 10000000),
  KEFU_BACKUP_SCHEDULE: optStr('Daily backup time, HH:MM in local time; one node runs it (a Redis lock), into KEFU_DATA_DIR/backups.', 'unset: no scheduled backup', { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, patternDoc: 'HH:MM (00:00 to 23:59)' }),
  KEFU_BACKUP_RETENTION_DAYS: int('Scheduled backups older than this many days are deleted after each scheduled backup.', 30, 1, 3650),
  KEFU_WS_MAX_BUFFERED_BYTES: int('A socket whose unsent data stays over this from one event-loop turn to a later one, or goes over four times this at once, is cut off (the client stopped reading).', 4 * 1024 * 1024, 65536, 1024 * 1024 * 1024),
  KEFU_WS_RATE_PER_CONNECTION: int('Frames per second allowed per connection (burst of twice that).', 50, 1, 100000),
  KEFU_WS_RATE_PER_USER: int('Frames per second allowed per user across all devices and nodes.', 100, 1, 1000000),
  KEFU_WS_MAX_PER_IP: int('WebSocket connections (open or still upgrading) per client address on one node; one more is refused with HTTP 429 RATE_LIMITED. The address is the socket\'s, or X-Forwarded-For\'s under KEFU_TRUST_PROXY.', 200, 1, 1000000),
  KEFU_WS_MAX_PER_USER: int("WebSocket connections per user on one node; opening one more closes that user's oldest (an `error` RATE_LIMITED, then close 4429).", 20, 1, 10000),
  KEFU_WS_MAX_UPGRADING: int('WebSocket upgrades being authenticated at once on one node; beyond it a new upgrade is refused with HTTP 503 UNAVAILABLE.', 1000, 1, 1000000),
  KEFU_WS_UPGRADE_TIMEOUT_MS: int('Deadline from a complete upgrade request to an open socket, the token check included; a socket still upgrading then is dropped.', 5000, 100, 120000),
  KEFU_HTTP_HEADERS_TIMEOUT_MS: int('How long a client may take to send the headers of a request (a WebSocket upgrade too); then HTTP 408 and the connection is closed.', 5000, 100, 120000),
  KEFU_HTTP_REQUEST_TIMEOUT_MS: int('How long a client may take to send a whole request, body included; then HTTP 408.', 30000, 1000, 600000),
  KEFU_TRUST_PROXY: trustProxy,
  KEFU_WS_ANSWER_DEADLINE_MS: int('Every frame is answered within this: past it `UNAVAILABLE` (resend a `send` with the same clientMsgId: it is stored once), and the late answer is dropped. Keeps a hung PostgreSQL or Redis from holding clients for a statement timeout; below 2 s so that clients see an answer within 2 s with time to spare.', 1500, 100, 60000),
  KEFU_WS_MAX_BAD_FRAMES: int('Invalid frames on one connection: the last of them is answered with its error, then the connection is closed (1008).', 10, 1, 10000),
  KEFU_CONFIG_FILE: optStr('A JSON file whose keys are these variable names; the environment wins over it.', 'unset'),
} as const;

export type ConfigKey = keyof typeof CONFIG_SCHEMA;
export const CONFIG_KEYS = Object.keys(CONFIG_SCHEMA) as ConfigKey[];

type Parsed<K extends ConfigKey> = ReturnType<(typeof CONFIG_SCHEMA)[K]['parse']>;
export type RawConfig = { readonly [K in ConfigKey]: Parsed<K> };
