import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';
import type { SqlStore, Tx } from '../ports.ts';
import { runMigrations } from './migrate.ts';

export interface PgStoreOptions {
  url: string;
  schema: string;
  poolMax: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
}

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

/** SqlStore on a real PostgreSQL through node-postgres. */
export async function createPgStore(opts: PgStoreOptions): Promise<SqlStore> {
  // The schema must exist before pooled connections put it on their search_path.
  const bootstrap = new pg.Client({ connectionString: opts.url, connectionTimeoutMillis: opts.connectTimeoutMs });
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
    query_timeout: opts.statementTimeoutMs + 1000,
    options: `-c search_path="${opts.schema}"`,
    types,
  });
  // An idle client that loses its server emits 'error' on the pool; without a listener that
  // would crash the process. The next checkout gets a fresh connection.
  pool.on('error', () => {});

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed: Promise<void> | undefined;
  return {
    kind: 'postgres',
    db,
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.transaction().execute(fn),
    migrate: () => runMigrations(db),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => (closed ??= db.destroy()),
  };
}
