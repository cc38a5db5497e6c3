import { Kysely, PostgresDialect, sql } from 'kysely';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../schema.ts';
import type { SqlStore, Tx } from '../ports.ts';
import { grantToAppRole, runMigrations } from '../migrations/runner.ts';
import { rowSecurity } from '../keys.ts';
import { scopeSetting } from '../scope.ts';
import { CircuitBreaker, type BreakerHealth, type BreakerOptions } from '../breaker.ts';

export interface PgStoreOptions {
  url: string;
  schema: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  /**
   * Told of every connection-level error (a server that restarts, a network cut) on an idle or
   * a checked-out connection. Such an error never ends the process: the connection is dropped
   * and the pool opens a new one; the query that was using it fails (UNAVAILABLE).
   */
  onConnectionError?: (e: Error) => void;
  /** After this many consecutive failures (timeouts, lost connections) calls fail fast (storage/breaker.ts). */
  breaker?: Omit<BreakerOptions, 'service'>;
  /**
   * The schema owner's URL, when `url` is the app role (row-level security binds it only if it
   * is neither owner nor superuser): the schema is created and migrations run through it, and it
   * grants the app role its rights. Unset: `url` does both.
   */
  ownerUrl?: string | undefined;
}

/**
 * How long the client waits for a statement's answer beyond the server's statement_timeout:
 * past it the server is not answering at all (frozen, or the network is cut).
 */
export const QUERY_TIMEOUT_MARGIN_MS = 1000;

const INT8 = 20;
const NUMERIC = 1700;

// seq and counters fit in 2^53; amounts stay decimal strings (never floats).
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === NUMERIC) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Statements with parameters are prepared by name (once per connection), so PostgreSQL parses
 * and plans each of kefu's statements once instead of on every call: measured here, a third of
 * the server's CPU for a one-message insert. Texts come from code, never from input (values are
 * parameters), so there are few of them; a cap keeps a runaway generator of texts (long IN
 * lists) from filling every connection's memory: past it, statements run unnamed as before.
 */
const MAX_NAMED_STATEMENTS = 500;
const statementNames = new Map<string, string>();
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_NAMED_STATEMENTS && PREPARABLE.test(text)) {
    name = `kefu_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

const isReadTimeout = (e: unknown) => e instanceof Error && e.message === 'Query read timeout';

/**
 * Makes a pooled client prepare its (text, values) queries by name; other call forms are
 * untouched. A query the server did not answer within query_timeout leaves the connection busy
 * with it (node-postgres only stops waiting), and the pool would hand that connection out again
 * for every later query to queue behind: the connection is ended instead (end() destroys the
 * socket of a hung query), so the pool drops it and the next checkout opens a fresh one.
 */
function prepareByName(client: pg.PoolClient, breaker: CircuitBreaker): void {
  const query = client.query.bind(client) as (...a: unknown[]) => unknown;
  const run = (...args: unknown[]) => {
    const [text, values, cb] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (name) return query({ name, text, values }, cb);
    }
    return query(...args);
  };
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const want = pendingScope.get(client);
    if (want !== undefined) pendingScope.delete(client);
    if (typeof args[2] === 'function') return run(...args);
    const r = breaker.run(() => (want === undefined ? (run(...args) as Promise<unknown>) : firstInScope(client, run, want, args)));
    return r.catch((e: unknown) => {
      if (isReadTimeout(e)) client.end().catch(() => {});
      throw e;
    });
  };
}

const SET_SCOPE = `select set_config('${rowSecurity.setting}', $1, false)`;
/** The session-level kefu.shop_id a connection carries, once confirmed by the server. */
const scopeOf = new WeakMap<pg.PoolClient, string>();
/** The scope of the caller that checked the connection out, until its first statement. */
const pendingScope = new WeakMap<pg.PoolClient, string>();

/**
 * The pool kysely sees: each checkout binds the connection to the caller's shop scope
 * (storage/scope.ts) for row-level security, before its first statement, never inheriting the
 * connection's last user's. A transaction sets it with SET LOCAL in the same simple query as its
 * BEGIN (no extra round trip; gone at COMMIT or ROLLBACK). A lone statement runs on the
 * session-level value, set first only when the connection carries another one (a process that
 * serves one shop, or the system's batches, pays nothing).
 */
function scopedPool(pool: pg.Pool, breaker: CircuitBreaker): pg.Pool {
  const connect = async () => {
    const want = scopeSetting();
    // While the circuit is open no caller waits for a connection (the connect timeout).
    const client = await breaker.run(() => pool.connect());
    pendingScope.set(client, want);
    return client;
  };
  return { connect, end: () => pool.end() } as unknown as pg.Pool;
}

type RawQuery = (...a: unknown[]) => unknown;

/** The first statement of a checkout, in the caller's scope. */
async function firstInScope(client: pg.PoolClient, run: RawQuery, want: string, args: unknown[]): Promise<unknown> {
  const [text, values] = args;
  if (text === 'begin' && (values === undefined || (Array.isArray(values) && values.length === 0))) {
    // SET, not a SELECT: no snapshot is taken, so SET TRANSACTION may still follow.
    const both = (await run(`begin; set local ${rowSecurity.setting} = ${client.escapeLiteral(want)}`)) as pg.QueryResult[];
    return both[0];
  }
  if (scopeOf.get(client) !== want) {
    scopeOf.delete(client); // unknown until the server confirms
    await run(SET_SCOPE, [want]);
    scopeOf.set(client, want);
  }
  return run(...args);
}

/** Every connection gets an 'error' listener (a checked-out client emits on itself, not on the pool). */
function onConnect(opts: PgStoreOptions, breaker: CircuitBreaker): (client: pg.PoolClient) => void {
  return (client) => {
    client.on('error', (e: Error) => opts.onConnectionError?.(e));
    prepareByName(client, breaker);
  };
}

/** The breaker's probe: a connection of its own, so it never queues behind the pool. */
function probeWith(opts: PgStoreOptions): () => Promise<void> {
  return async () => {
    const c = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: opts.connectTimeoutMs, query_timeout: opts.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS });
    c.on('error', () => {});
    try {
      await c.connect();
      await c.query('select 1');
    } finally {
      await c.end().catch(() => {});
    }
  };
}

/** Migrations through a short-lived connection of the owner, then the app role's grants. */
async function migrateAsOwner(opts: PgStoreOptions, ownerUrl: string, app: Kysely<Database>): Promise<{ applied: string[] }> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(app);
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1, connectionTimeoutMillis: opts.connectTimeoutMs, options: `-c search_path="${opts.schema}"`, types });
  pool.on('error', (e: Error) => opts.onConnectionError?.(e));
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const result = await runMigrations(owner);
    await grantToAppRole(owner, opts.schema, rows[0]!.role);
    return result;
  } finally {
    await owner.destroy();
  }
}

/** SqlStore on a real PostgreSQL through node-postgres; `pool` is there for the tests. */
export async function createPgStore(opts: PgStoreOptions): Promise<SqlStore & { readonly pool: pg.Pool; health(): BreakerHealth }> {
  // The schema must exist before pooled connections put it on their search_path.
  const bootstrap = new pg.Client({ connectionString: opts.ownerUrl ?? opts.url, connectionTimeoutMillis: opts.connectTimeoutMs, query_timeout: opts.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS });
  bootstrap.on('error', (e: Error) => opts.onConnectionError?.(e));
  await bootstrap.connect();
  try {
    await bootstrap.query(`create schema if not exists "${opts.schema}"`);
  } catch (e) {
    // Concurrent `create schema if not exists` may race on the catalog; the schema exists then.
    if ((e as { code?: string }).code !== '23505') throw e;
  } finally {
    await bootstrap.end();
  }

  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax,
    connectionTimeoutMillis: opts.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: opts.statementTimeoutMs,
    query_timeout: opts.statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
    options: `-c search_path="${opts.schema}"`,
    types,
  });
  // An idle client that loses its server emits 'error' on the pool, a checked-out one on itself
  // (onConnect); without a listener either would crash the process. The pool drops the client
  // and the next checkout gets a fresh connection.
  pool.on('error', (e: Error) => opts.onConnectionError?.(e));
  const breaker = new CircuitBreaker(probeWith(opts), { failures: 3, cooldownMs: 1000, ...opts.breaker, service: 'postgres' });
  pool.on('connect', onConnect(opts, breaker));

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: scopedPool(pool, breaker) }) });
  let closed: Promise<void> | undefined;
  return {
    kind: 'postgres',
    pool,
    db,
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.transaction().execute(fn),
    migrate: () => (opts.ownerUrl ? migrateAsOwner(opts, opts.ownerUrl, db) : runMigrations(db)),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    health: (): BreakerHealth => breaker.health(),
    close: () =>
      (closed ??= (async () => {
        breaker.stop();
        await db.destroy();
      })()),
  };
}
