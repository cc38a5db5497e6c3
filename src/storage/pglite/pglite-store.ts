import { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../schema.ts';
import type { SqlStore, Tx } from '../ports.ts';
import { grantToAppRole, runMigrations } from '../migrations/runner.ts';
import { lockDataDir } from '../datadir-lock.ts';
import { installedVersion, readLocalCache, writeLocalCache } from '../local-cache.ts';
import { markDependency } from '../../protocol/errors.ts';
import { rowSecurity } from '../keys.ts';
import { scopeSetting } from '../scope.ts';

const SET_SCOPE = `select set_config('${rowSecurity.setting}', $1, false)`;

export interface PgliteStoreOptions {
  /** Folder of the embedded database; undefined keeps it in memory (tests). */
  dataDir: string | undefined;
  schema: string;
  statementTimeoutMs: number;
  /** A dump made by `dumpDataDir` to start from instead of running initdb (fast test setup). */
  loadDataDir?: Blob;
}

/**
 * PGlite has a single session. Kysely transactions are BEGIN ... COMMIT on a connection, so
 * the driver hands out that one session under a mutex: a statement outside the transaction
 * waits until it commits instead of slipping into it.
 */
class PgliteDriver implements Driver {
  readonly #pg: PGlite;
  #tail: Promise<void> = Promise.resolve();
  #scope: string | undefined;
  constructor(pg: PGlite) {
    this.#pg = pg;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const want = scopeSetting();
    let release!: () => void;
    const prev = this.#tail;
    this.#tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      await this.#bindScope(want);
    } catch (e) {
      release();
      throw e;
    }
    return new PgliteConnection(this.#pg, release);
  }
  /** As the PostgreSQL adapter: the session's kefu.shop_id follows the caller's scope (storage/scope.ts). */
  async #bindScope(want: string): Promise<void> {
    if (this.#scope === want) return;
    await this.#pg.query(SET_SCOPE, [want]);
    this.#scope = want;
  }
  async beginTransaction(conn: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as PgliteConnection).release();
  }
  async destroy(): Promise<void> {
    await this.#tail;
  }
}

class PgliteConnection implements DatabaseConnection {
  readonly #pg: PGlite;
  readonly release: () => void;
  constructor(pg: PGlite, release: () => void) {
    this.#pg = pg;
    this.release = release;
  }
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    let res: Awaited<ReturnType<PGlite['query']>>;
    try {
      res = await this.#pg.query<R>(q.sql, q.parameters as unknown[]);
    } catch (e) {
      // PGlite emits no events: its failures reach us only here. A closed (or aborted) instance
      // will never answer again: UNAVAILABLE, not INTERNAL (protocol/errors.ts).
      if (this.#pg.closed && e instanceof Error) markDependency(e, 'pglite');
      throw e;
    }
    return {
      rows: res.rows as R[],
      ...(res.affectedRows !== undefined ? { numAffectedRows: BigInt(res.affectedRows) } : {}),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by the embedded store');
  }
}

/**
 * Migrations run as PGlite's superuser; afterwards the one session switches to a role that is
 * neither owner nor superuser, so the row-level security policies bind the embedded store exactly
 * as they bind the app role on PostgreSQL.
 */
async function migrateAsOwner(db: Kysely<Database>, schema: string): Promise<{ applied: string[] }> {
  await sql`reset role`.execute(db);
  const result = await runMigrations(db);
  await sql.raw(`do $$ begin if not exists (select 1 from pg_roles where rolname = '${rowSecurity.appRole}') then create role ${rowSecurity.appRole} nologin; end if; end $$`).execute(db);
  await grantToAppRole(db, schema, rowSecurity.appRole);
  await sql`set role ${sql.id(rowSecurity.appRole)}`.execute(db);
  return result;
}

/**
 * PostgreSQL's default 128 MB of shared buffers lives inside kefu's own memory here (PGlite's
 * WebAssembly heap), and starting the database writes all of it. An embedded shop's data is a few
 * megabytes, which the operating system's cache holds anyway; 16 MB measured 1.2 s to 0.85 s of
 * CPU for each later fresh database in one process (every embedded test store pays it) and about
 * 60 MB less resident memory.
 */
const SHARED_BUFFERS = '16MB';

const INT8 = 20;
const NUMERIC = 1700;

/**
 * initdb inside PGlite costs 3–6 s of CPU, on every first start of a data dir and for every
 * in-memory database (each test file, each embedded test node). A freshly initialised database is
 * the same every time for one PGlite version, so the first one is dumped to the local cache
 * (../local-cache.ts) and later fresh databases load that dump (about 1.2 s). An existing data dir
 * is opened as it is; without the cache initdb runs as before.
 */
function initdbTemplateName(): string | undefined {
  const version = installedVersion('@electric-sql/pglite');
  return version ? `pglite-initdb-${version.replace(/[^\w.-]/g, '_')}.tgz` : undefined;
}

function readInitdbTemplate(): Blob | undefined {
  const name = initdbTemplateName();
  const bytes = name ? readLocalCache(name) : undefined;
  return bytes ? new Blob([bytes]) : undefined;
}

async function keepInitdbTemplate(pg: PGlite): Promise<void> {
  const name = initdbTemplateName();
  if (!name) return;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
  } catch {
    return; // The database itself is fine; only the next fresh one pays initdb.
  }
  writeLocalCache(name, bytes, { supersedes: /^pglite-initdb-.*\.tgz$/ });
}

/** SqlStore on embedded PGlite in `<dataDir>/pglite`, holding the data dir's exclusive lock. */
export async function createPgliteStore(opts: PgliteStoreOptions): Promise<SqlStore & { dump(): Promise<Blob> }> {
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  let pg: PGlite;
  try {
    pg = await openPglite(opts);
  } catch (e) {
    release();
    throw e;
  }
  return pgliteStoreOn(pg, opts, async () => {
    try {
      await pg.close();
    } finally {
      release();
    }
  });
}

/** The embedded database itself: from the data dir, the dump given, the initdb template, or initdb. */
export async function openPglite(opts: Pick<PgliteStoreOptions, 'dataDir' | 'loadDataDir'>): Promise<PGlite> {
  const fresh = !opts.loadDataDir && !(opts.dataDir && existsSync(join(opts.dataDir, 'pglite', 'PG_VERSION')));
  const template = fresh ? readInitdbTemplate() : undefined;
  const start = opts.loadDataDir ?? template;
  const pg = await PGlite.create({
    ...(opts.dataDir ? { dataDir: join(opts.dataDir, 'pglite') } : {}),
    ...(start ? { loadDataDir: start } : {}),
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    // Same value types as the PostgreSQL adapter: int8 as number, numeric as decimal string.
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => v },
  });
  // Pristine (before any schema): the next fresh database starts from it.
  if (fresh && !template) await keepInitdbTemplate(pg);
  return pg;
}

/**
 * A SqlStore over an open PGlite, its one session set to the schema. Closing the store ends its
 * connections, then calls `onClose` (which closes the database, or, in the tests, keeps it for the
 * next store: test/support/services.ts).
 */
export async function pgliteStoreOn(pg: PGlite, opts: Pick<PgliteStoreOptions, 'schema' | 'statementTimeoutMs'>, onClose: () => Promise<void>): Promise<SqlStore & { dump(): Promise<Blob> }> {
  try {
    await pg.exec(`create schema if not exists "${opts.schema}"; set search_path to "${opts.schema}"; set statement_timeout = ${opts.statementTimeoutMs};`);
  } catch (e) {
    await onClose().catch(() => {});
    throw e;
  }
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(pg),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  const db = new Kysely<Database>({ dialect });
  let closed: Promise<void> | undefined;
  return {
    kind: 'pglite',
    db,
    dump: async () => {
      // Through the driver's mutex: a dump must not run in the middle of a transaction.
      const conn = await db.getExecutor().provideConnection(async () => pg.dumpDataDir('gzip'));
      return conn as Blob;
    },
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.transaction().execute(fn),
    migrate: () => migrateAsOwner(db, opts.schema),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () =>
      (closed ??= (async () => {
        await db.destroy();
        await onClose();
      })()),
  };
}
