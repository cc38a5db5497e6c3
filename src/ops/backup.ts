/**
 * `kefu backup` and `kefu restore`: every table kefu owns, from one snapshot, in one file that
 * restores into an empty database. Works on PGlite and PostgreSQL alike, because PostgreSQL
 * itself turns rows into JSON (`row_to_json`) and back (`json_populate_recordset`): no type
 * mapping in JavaScript, so message contents and times come back exactly as they were.
 *
 * File (gzip of JSON lines):
 *   {"kefu_backup":1,"createdAt":…,"migration":N,"tables":[…]}   header
 *   {"t":"<table>","r":{…row…}}                                  rows, parents before children
 *   {"end":true,"rows":N,"sha256":"<hex>"}                        footer: hash of every line before it
 * Personal data stays as stored (encrypted, with its key id). A file whose footer is missing
 * (truncated) or whose hash does not match (altered) is refused before anything is written; a
 * restore runs in one transaction into a database whose kefu tables are all empty.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Db, SqlStore, Tx } from '../storage/ports.ts';
import { MIGRATIONS } from '../storage/migrations/index.ts';

export const BACKUP_FORMAT = 1;
const PAGE = 1000;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** kefu's tables of the current schema, parents before the tables that reference them. */
export async function ownedTables(db: Db | Tx): Promise<string[]> {
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name <> 'kefu_migrations' order by table_name`.execute(db)).rows.map((r) => r.name);
  const fks = (await sql<{ child: string; parent: string }>`select c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid join pg_namespace n on n.oid = c.relnamespace where k.contype = 'f' and n.nspname = current_schema()`.execute(db)).rows;
  const out: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (out.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const f of fks) if (f.child === t && f.parent !== t) visit(f.parent, seen);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

const latestMigration = () => MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The lines of a backup, read from one repeatable-read snapshot. */
async function* backupLines(tx: Tx): AsyncGenerator<string> {
  const tables = await ownedTables(tx);
  yield JSON.stringify({ kefu_backup: BACKUP_FORMAT, createdAt: new Date().toISOString(), migration: latestMigration(), tables });
  for (const t of tables) {
    // Keyset pages by the row's physical position (stable inside the snapshot): each page costs
    // the same, where OFFSET would rescan every earlier row.
    for (let after = '(0,0)'; ; ) {
      const rows = (await sql<{ j: string; at: string }>`select row_to_json(x)::text as j, x.ctid::text as at from ${sql.table(t)} x where x.ctid > ${after}::tid order by x.ctid limit ${PAGE}`.execute(tx)).rows;
      for (const r of rows) yield `{"t":${JSON.stringify(t)},"r":${r.j}}`;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.at;
    }
  }
}

/** Writes a backup to `dir` and returns its path; the file appears only once complete. */
export async function writeBackup(store: SqlStore, dir: string, now = new Date()): Promise<{ file: string; rows: number; bytes: number }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `kefu-${now.toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
  const tmp = `${file}.partial`;
  let rows = 0;
  try {
    await store.transaction(async (tx) => {
      await sql`set transaction isolation level repeatable read`.execute(tx);
      const hash = createHash('sha256');
      async function* all() {
        for await (const line of backupLines(tx)) {
          if (line.startsWith('{"t":')) rows++;
          hash.update(line + '\n');
          yield line + '\n';
        }
        yield JSON.stringify({ end: true, rows, sha256: hash.digest('hex') }) + '\n';
      }
      await pipeline(Readable.from(all()), createGzip(), createWriteStream(tmp, { mode: 0o600 }));
    });
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { file, rows, bytes: statSync(file).size };
}

interface Parsed {
  header: { kefu_backup: number; migration: number; tables: string[] };
  rows: number;
}

/** Reads the whole file and checks it: format, footer, row count and hash. Throws BackupError. */
export async function verifyBackup(file: string, onRow?: (t: string, row: string) => Promise<void>): Promise<Parsed> {
  const hash = createHash('sha256');
  let header: Parsed['header'] | undefined;
  let footer: { end: true; rows: number; sha256: string } | undefined;
  let rows = 0;
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      if (footer) throw new BackupError('data after the end marker: the file was altered');
      if (line.startsWith('{"end":')) {
        footer = JSON.parse(line) as typeof footer;
        continue;
      }
      hash.update(line + '\n');
      if (!header) {
        header = JSON.parse(line) as Parsed['header'];
        if (header.kefu_backup !== BACKUP_FORMAT) throw new BackupError(`not a kefu backup (format ${String(header.kefu_backup)})`);
        continue;
      }
      rows++;
      if (onRow) await onRow(line.slice(6, line.indexOf('"', 6)), line.slice(line.indexOf(',"r":') + 5, -1));
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`unreadable: ${(e as Error).message} (truncated or not a kefu backup)`);
  }
  if (!header) throw new BackupError('empty file');
  if (!footer) throw new BackupError('no end marker: the file is truncated');
  if (footer.rows !== rows || footer.sha256 !== hash.digest('hex')) throw new BackupError('checksum mismatch: the file was altered or damaged');
  return { header, rows };
}

/**
 * Restores `file` into the store: checks the whole file first, then inserts every row in one
 * transaction, into a database at the same migration whose kefu tables are all empty.
 */
export async function restoreBackup(store: SqlStore, file: string): Promise<{ rows: number; tables: number }> {
  const { header } = await verifyBackup(file);
  if (header.migration !== latestMigration()) throw new BackupError(`the backup is of schema version ${header.migration}, this kefu is at ${latestMigration()}: restore with the kefu version that wrote it`);
  return store.transaction(async (tx) => {
    for (const t of await ownedTables(tx)) {
      const any = await sql`select 1 from ${sql.table(t)} limit 1`.execute(tx);
      if (any.rows.length) throw new BackupError(`the database is not empty (table ${t} has rows): restore needs an empty database`);
    }
    let batch: { t: string; rows: string[] } | undefined;
    const flush = async () => {
      if (!batch?.rows.length) return;
      await sql`insert into ${sql.table(batch.t)} select * from json_populate_recordset(null::${sql.table(batch.t)}, ${`[${batch.rows.join(',')}]`}::json)`.execute(tx);
      batch.rows = [];
    };
    const r = await verifyBackup(file, async (t, row) => {
      if (batch?.t !== t) {
        await flush();
        batch = { t, rows: [] };
      }
      batch.rows.push(row);
      if (batch.rows.length >= 500) await flush();
    });
    await flush();
    return { rows: r.rows, tables: header.tables.length };
  });
}

/** Deletes backups in `dir` older than `days`; returns how many. */
export function pruneBackups(dir: string, days: number, now = Date.now()): number {
  let n = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!/^kefu-.*\.jsonl\.gz$/.test(name)) continue;
    const p = join(dir, name);
    if (now - statSync(p).mtimeMs > days * 86_400_000) {
      rmSync(p, { force: true });
      n++;
    }
  }
  return n;
}
