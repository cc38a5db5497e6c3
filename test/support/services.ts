/**
 * Real services for the tests. scripts/test.ts probes PostgreSQL and Redis once and passes what
 * answered in KEFU_TEST_PG_URL / KEFU_TEST_REDIS_URL; a suite that needs one and does not get it
 * is skipped with a reason (and under CI=true the runner fails before any suite starts).
 *
 * Tests leave nothing behind on the shared servers: every schema from testSchema() and every key
 * under a prefix from testRedisPrefix() is removed when the test file ends, by a hook this module
 * registers on the file's root (so it runs after every suite's own `after`, when the nodes that
 * wrote the keys are closed).
 */
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { createClient } from 'redis';
import type { PGlite } from '@electric-sql/pglite';
import { createPgliteStore, openPglite, pgliteStoreOn } from '../../src/storage/pglite/pglite-store.ts';
import { createPgStore } from '../../src/storage/postgres/pg-store.ts';
import { MemoryBus, MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import { RedisBus, RedisCache } from '../../src/storage/redis/redis-cache.ts';
import type { Bus, Cache, SqlStore } from '../../src/storage/ports.ts';
import pg from 'pg';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { ensureTestAppRole, TEST_APP_ROLE } from './app-role.ts';
export { TEST_APP_ROLE };
import type { Database } from '../../src/storage/schema.ts';
import { createHash } from 'node:crypto';
import { installedVersion, readLocalCache, writeLocalCache } from '../../src/storage/local-cache.ts';
import { MIGRATIONS } from '../../src/storage/migrations/index.ts';

export const PG_URL = process.env.KEFU_TEST_PG_URL;
export const REDIS_URL = process.env.KEFU_TEST_REDIS_URL;

/** `skip` option for node:test: a string reason when the service is missing. */
export const needsPg: string | false = PG_URL ? false : 'real PostgreSQL not available (set KEFU_TEST_PG_URL or run via npm test)';
export const needsRedis: string | false = REDIS_URL ? false : 'real Redis not available (set KEFU_TEST_REDIS_URL or run via npm test)';

export const uniqueName = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;

const dropSchemas: string[] = [];
const redisPrefixes: string[] = [];

/** A PostgreSQL schema name of its own, dropped (cascade) when this test file ends. */
export function testSchema(name: string): string {
  const schema = uniqueName(name);
  dropSchemas.push(schema);
  return schema;
}

/** A Redis key prefix of its own (`name_<time>_<random>:`); its keys are deleted when this test file ends. */
export function testRedisPrefix(name: string): string {
  const prefix = `${uniqueName(name)}:`;
  redisPrefixes.push(prefix);
  return prefix;
}

/**
 * Deletes every key under the prefixes with SCAN + UNLINK: never KEYS, which blocks a shared
 * server for the whole keyspace. Returns how many keys went.
 */
export async function deleteRedisKeys(url: string, prefixes: readonly string[]): Promise<number> {
  if (prefixes.length === 0) return 0;
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => {});
  let deleted = 0;
  await client.connect();
  try {
    for (const prefix of prefixes) {
      const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      for await (const keys of client.scanIterator({ MATCH: match, COUNT: 500 })) if (keys.length) deleted += await client.unlink(keys);
    }
  } finally {
    client.destroy();
  }
  return deleted;
}

export interface SqlFactory {
  readonly name: 'pglite' | 'postgres';
  readonly skip: string | false;
  /** A fresh, migrated store in its own schema (postgres) or its own in-memory database (pglite). */
  create(): Promise<SqlStore>;
}

// A migrated embedded database: the first file to need one makes it and dumps it to the local
// cache (src/storage/local-cache.ts), keyed by the migrations and the PGlite version, so a changed
// migration makes a new one; later files load it instead of running initdb and the migrations.
export async function pgliteTemplate(): Promise<Blob | undefined> {
  const hash = createHash('sha256').update(installedVersion('@electric-sql/pglite') ?? 'none').update(JSON.stringify(MIGRATIONS)).digest('hex').slice(0, 16);
  const name = `test-pglite-migrated-${hash}.tgz`;
  const cached = readLocalCache(name);
  if (cached) return new Blob([cached]);
  const s = await createPgliteStore({ dataDir: undefined, schema: 'kefu', statementTimeoutMs: 5000 });
  try {
    await s.migrate();
    const blob = await s.dump();
    writeLocalCache(name, new Uint8Array(await blob.arrayBuffer()), { supersedes: /^test-pglite-migrated-.*\.tgz$/ });
    return blob;
  } finally {
    await s.close();
  }
}

// Embedded test databases are kept for the next store of the same test process: loading one
// costs about a second of CPU, and the suites take a fresh store for almost every test. A closed
// store's database goes back emptied (every table but the migrations' truncated, the session
// discarded) only when its catalogue is still the migrated template's (relations, columns,
// indexes, views, grants, owners, policies and their roles, triggers, functions, roles and their
// memberships, default privileges, enums), so a test that changed one never hands it on.
const idlePglite: PGlite[] = [];
let pristine: Promise<{ shape: string; tables: string }> | undefined;

// The catalogue above, one line per object; the PostgreSQL one below is the same, for one schema.
const SHAPE = `select md5(string_agg(x, '|' order by x)) as shape from (
  select concat_ws(':', 'r', n.nspname, c.relname, c.relkind, c.relowner::regrole, c.relacl, c.relrowsecurity, c.relforcerowsecurity,
      case when c.relkind = 'i' then pg_get_indexdef(c.oid) when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end) as x
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_to%' and n.nspname not like 'pg_temp%'
  union all select concat_ws(':', 'a', a.attrelid::regclass, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attacl, pg_get_expr(d.adbin, d.adrelid))
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attnum > 0 and not a.attisdropped and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_to%'
  union all select concat_ws(':', 'c', conrelid::regclass, conname, pg_get_constraintdef(oid)) from pg_constraint where connamespace <> 'pg_catalog'::regnamespace
  union all select concat_ws(':', 't', tgrelid::regclass, tgname, tgenabled, pg_get_triggerdef(oid)) from pg_trigger where not tgisinternal
  union all select concat_ws(':', 'p', polrelid::regclass, polname, polcmd, polpermissive, polroles::regrole[]::text, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)) from pg_policy
  union all select concat_ws(':', 'f', p.oid::regprocedure, p.proowner::regrole, p.prosecdef, p.proconfig::text, p.proacl, md5(p.prosrc)) from pg_proc p where p.pronamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
  union all select concat_ws(':', 'o', rolname, rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin, rolinherit, rolconfig::text) from pg_roles
  union all select concat_ws(':', 'g', roleid::regrole, member::regrole) from pg_auth_members
  union all select concat_ws(':', 'd', defaclrole::regrole, defaclnamespace, defaclobjtype, defaclacl) from pg_default_acl
  union all select concat_ws(':', 'e', enumtypid::regtype, enumlabel) from pg_enum
  union all select concat_ws(':', 's', nspname, nspowner::regrole, nspacl) from pg_namespace
  union all select concat_ws(':', 'm', version) from kefu.kefu_migrations
) t`;
const TABLES = `select string_agg(format('%I.%I', n.nspname, c.relname), ', ') as tables from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname = 'kefu' and c.relname <> 'kefu_migrations'`;

async function shapeOf(db: PGlite): Promise<string> {
  return (await db.query<{ shape: string }>(SHAPE)).rows[0]!.shape;
}

async function giveBack(db: PGlite): Promise<void> {
  try {
    if (db.closed) return;
    await db.exec('rollback');
    await db.exec('discard all');
    const { shape, tables } = await pristine!;
    if ((await shapeOf(db)) !== shape) throw new Error('the schema changed');
    await db.exec(`truncate ${tables} restart identity`);
    idlePglite.push(db);
  } catch {
    await db.close().catch(() => {});
  }
}

// A kept database holds the process open: node:test's root `after` closes them when a test file
// ends. A plain script (no test) that takes a store from here does not exit by itself.
after(async () => {
  for (const db of idlePglite.splice(0)) await db.close();
});

async function leasePglite(): Promise<SqlStore> {
  let db = idlePglite.pop();
  if (!db) {
    const loadDataDir = await pgliteTemplate();
    db = await openPglite({ dataDir: undefined, ...(loadDataDir ? { loadDataDir } : {}) });
    const first = db;
    pristine ??= (async () => ({ shape: await shapeOf(first), tables: (await first.query<{ tables: string }>(TABLES)).rows[0]!.tables }))();
    try {
      await pristine;
    } catch (e) {
      await db.close(); // an open database would keep the test process from ever exiting
      throw e;
    }
  }
  const leased = db;
  return pgliteStoreOn(leased, { schema: 'kefu', statementTimeoutMs: 5000 }, () => giveBack(leased));
}

// The same for PostgreSQL: a migrated test schema is emptied and kept for the file's next store
// (migrating a new one took 0.7-1.2 s), when its catalogue is still that of a freshly migrated one.
const idleSchemas: string[] = [];
let pristineSchema: Promise<string> | undefined;
const SCHEMA_SHAPE = `select md5(string_agg(replace(x, $1, '@'), '|' order by x)) as shape from (
  select concat_ws(':', 's', nspacl) as x from pg_namespace where nspname = $1
  union all select concat_ws(':', 'r', c.relname, c.relkind, c.relowner::regrole, c.relacl, c.relrowsecurity, c.relforcerowsecurity,
      case when c.relkind = 'i' then pg_get_indexdef(c.oid) when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) end) from pg_class c where c.relnamespace = $1::regnamespace
  union all select concat_ws(':', 'a', c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attacl, pg_get_expr(d.adbin, d.adrelid))
    from pg_attribute a join pg_class c on c.oid = a.attrelid left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where c.relnamespace = $1::regnamespace and a.attnum > 0 and not a.attisdropped
  union all select concat_ws(':', 'c', c.relname, conname, pg_get_constraintdef(k.oid)) from pg_constraint k join pg_class c on c.oid = k.conrelid where k.connamespace = $1::regnamespace
  union all select concat_ws(':', 't', c.relname, tgname, tgenabled, pg_get_triggerdef(t.oid)) from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = $1::regnamespace and not tgisinternal
  union all select concat_ws(':', 'p', c.relname, polname, polcmd, polpermissive, polroles::regrole[]::text, pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)) from pg_policy p join pg_class c on c.oid = p.polrelid where c.relnamespace = $1::regnamespace
  union all select concat_ws(':', 'f', proname, proowner::regrole, prosecdef, proconfig::text, proacl, md5(prosrc)) from pg_proc where pronamespace = $1::regnamespace
  union all select concat_ws(':', 'g', roleid::regrole, member::regrole) from pg_auth_members where member = (select oid from pg_roles where rolname = '${TEST_APP_ROLE}')
  union all select concat_ws(':', 'd', defaclrole::regrole, defaclobjtype, defaclacl) from pg_default_acl where defaclnamespace in (0, $1::regnamespace)
  union all select concat_ws(':', 'e', t.typname, e.enumlabel) from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typnamespace = $1::regnamespace
  union all select concat_ws(':', 'm', version) from "@".kefu_migrations
) t`;

/** A short-lived connection of PG_URL (the owner), with a deadline to connect. */
async function withOwnerClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const schemaShape = async (c: pg.Client, schema: string): Promise<string> =>
  (await c.query<{ shape: string }>(SCHEMA_SHAPE.replace('"@"', `"${schema}"`), [schema])).rows[0]!.shape;

async function giveBackSchema(schema: string): Promise<void> {
  try {
    if (!dropSchemas.includes(schema)) return;
    const pristine = await pristineSchema;
    const kept = await withOwnerClient(async (c) => {
      if ((await schemaShape(c, schema)) !== pristine) return false;
      const { rows } = await c.query<{ t: string | null }>(`select string_agg(format('%I.%I', $1::text, relname), ', ') as t from pg_class where relnamespace = $1::regnamespace and relkind in ('r', 'p') and relname <> 'kefu_migrations'`, [schema]);
      // A connection the test left holding a table must not make the file wait without end.
      await c.query(`set lock_timeout = '5s'`);
      if (rows[0]!.t) await c.query(`truncate ${rows[0]!.t} restart identity`);
      return true;
    });
    if (kept) idleSchemas.push(schema);
  } catch {
    // Not handed on; the file's end drops it as any other test schema.
  }
}

export const SQL_FACTORIES: readonly SqlFactory[] = [
  {
    name: 'pglite',
    skip: false,
    async create() {
      const s = await leasePglite();
      await s.migrate();
      return s;
    },
  },
  {
    name: 'postgres',
    skip: needsPg,
    async create() {
      const schema = idleSchemas.pop() ?? testSchema('t');
      // As in production: the app role is neither owner nor superuser, so row-level security binds it.
      const s = await createPgStore({ url: await appRoleUrl(), ownerUrl: PG_URL!, schema, poolMax: 5, connectTimeoutMs: 2000, statementTimeoutMs: 5000 });
      await s.migrate();
      pristineSchema ??= withOwnerClient((c) => schemaShape(c, schema));
      await pristineSchema;
      const close = s.close;
      let closing: Promise<void> | undefined;
      return Object.assign(s, { close: () => (closing ??= close().then(() => giveBackSchema(schema))) });
    },
  },
];

/**
 * The URL of PG_URL's server and database as the test app role (test/support/app-role.ts),
 * created first when missing. Stores made with it and `ownerUrl: PG_URL` run kefu as production should.
 */
export async function appRoleUrl(): Promise<string> {
  await withOwnerClient((c) => ensureTestAppRole(c));
  return appUrlOf(PG_URL!);
}

/** `url` with the test app role as its user (the role must exist: appRoleUrl() creates it). */
export function appUrlOf(url: string): string {
  const u = new URL(url);
  u.username = TEST_APP_ROLE;
  u.password = '';
  return u.toString();
}

/**
 * Drops the schemas this test file created in the real PostgreSQL. Runs by itself when the file
 * ends; call it from an earlier `after` to drop them sooner.
 */
export async function dropTestSchemas(): Promise<void> {
  if (!PG_URL || dropSchemas.length === 0) return;
  await withOwnerClient(async (c) => {
    idleSchemas.splice(0); // dropped with the rest: never handed out again
    for (const s of dropSchemas.splice(0)) await c.query(`drop schema if exists "${s}" cascade`);
  });
}

export interface CacheFactory {
  readonly name: 'memory' | 'redis';
  readonly skip: string | false;
  /**
   * A cache and bus under their own key prefix, so runs never see each other's keys. Passing the
   * prefix of an earlier one gives a second connection to the same keyspace (another "process");
   * the memory adapter cannot be shared between processes, so it returns the same instances.
   */
  create(sharePrefixWith?: { cache: Cache; bus: Bus; prefix: string }): Promise<{ cache: Cache; bus: Bus; prefix: string }>;
}

export const CACHE_FACTORIES: readonly CacheFactory[] = [
  {
    name: 'memory',
    skip: false,
    async create(share) {
      return share ?? { cache: new MemoryCache(), bus: new MemoryBus(), prefix: '' };
    },
  },
  {
    name: 'redis',
    skip: needsRedis,
    async create(share) {
      const prefix = share?.prefix ?? testRedisPrefix('kefutest');
      const [cache, bus] = await Promise.all([RedisCache.connect({ url: REDIS_URL!, prefix }), RedisBus.connect({ url: REDIS_URL!, prefix })]);
      return { cache, bus, prefix };
    },
  },
];

after(async () => {
  await dropTestSchemas();
  if (REDIS_URL) await deleteRedisKeys(REDIS_URL, redisPrefixes.splice(0));
});

/**
 * Runs fn with a connection of the schema's owner: the app role that row-level security binds
 * may not change the schema, and a test that injects a fault with DDL needs the owner for that
 * moment. The embedded store returns to its login role (`reset role`) on its one session; on
 * PostgreSQL a short-lived connection of PG_URL works in the same schema.
 */
export async function asOwner<T>(db: Kysely<Database>, fn: (owner: Kysely<Database>) => Promise<T>): Promise<T> {
  const { rows } = await sql<{ cu: string; su: string; schema: string }>`select current_user as cu, session_user as su, current_schema() as schema`.execute(db);
  const { cu, su, schema } = rows[0]!;
  if (cu !== su) {
    await sql`reset role`.execute(db);
    try {
      return await fn(db);
    } finally {
      await sql`set role ${sql.id(cu)}`.execute(db);
    }
  }
  if (!PG_URL || cu !== TEST_APP_ROLE) return fn(db);
  const owner = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: PG_URL, max: 1, options: `-c search_path="${schema}"` }) }) });
  try {
    return await fn(owner);
  } finally {
    await owner.destroy();
  }
}
