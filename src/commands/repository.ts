/**
 * All SQL of commands (tables of migration 008, and the system notes they leave in
 * conversation_notes). Free functions over a Db or a Tx, so the service and the worker compose
 * them inside one transaction.
 *
 * Invariants:
 * - A command changes status only through a guarded UPDATE: an attempt's outcome matches the row
 *   only while it is `running` under the lease token its claim wrote (a process that lost its
 *   lease cannot overwrite what the process that took over recorded); `retry` and `resolve` match
 *   only a `dead` row of the caller's shop. Every such UPDATE appends its history entry itself,
 *   so a status never changes without its entry.
 * - `claimDue` takes due rows with FOR UPDATE SKIP LOCKED in the same statement that leases them:
 *   two processes never claim one row, and a claim is one statement on PGlite and PostgreSQL.
 * - `scheduleRelease` cannot create a second release of one lock (unique index on parent_id).
 * - Statements are keyed by shop_id wherever a caller names a command: another shop's id matches
 *   no row, exactly like an id that does not exist.
 * - History times are the database's clock (`now()`), like created_at and updated_at.
 */
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder, type Selectable } from 'kysely';
import type { CommandStatus } from '../protocol/frames.ts';
import { locks } from '../storage/keys.ts';
import type { Db, Tx } from '../storage/ports.ts';
import type { CommandsTable } from '../storage/tables/commands.ts';
import type { CommandType } from './validation.ts';

export interface CommandError {
  readonly message: string;
  /** The platform's HTTP status, when it answered. */
  readonly httpStatus?: number;
}

export interface HistoryEntry {
  readonly at: string;
  readonly status: CommandStatus;
  readonly attempt?: number;
  readonly error?: CommandError;
  readonly by?: string;
  readonly note?: string;
}

export interface Command {
  readonly id: string;
  readonly shopId: string;
  readonly type: CommandType;
  readonly payload: Record<string, unknown>;
  readonly conversationId: string | null;
  readonly parentId: string | null;
  readonly status: CommandStatus;
  /** Every attempt made, over every round. */
  readonly attempts: number;
  /** Attempts since the command was accepted or last retried by hand (the cap applies to these). */
  readonly roundAttempts: number;
  readonly nextAttemptAt: Date;
  readonly leaseToken: string | null;
  readonly result: unknown;
  readonly error: CommandError | null;
  readonly history: readonly HistoryEntry[];
  readonly createdBy: string;
  readonly traceId: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

type CommandRow = Selectable<CommandsTable>;

const toCommand = (r: CommandRow): Command => ({
  id: r.id,
  shopId: r.shop_id,
  type: r.type as CommandType,
  payload: r.payload,
  conversationId: r.conversation_id,
  parentId: r.parent_id,
  status: r.status,
  attempts: r.attempts,
  roundAttempts: r.round_attempts,
  nextAttemptAt: new Date(r.next_attempt_at),
  leaseToken: r.lease_token,
  result: r.result ?? null,
  error: (r.error as CommandError | null) ?? null,
  history: r.history as HistoryEntry[],
  createdBy: r.created_by,
  traceId: r.trace_id,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

const AT = sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A one-element jsonb array holding a history entry (null fields left out); typed as the column's write type. */
function entry(e: { status: CommandStatus; attempt?: RawBuilder<unknown>; error?: CommandError | null; by?: string | undefined; note?: string | undefined }): RawBuilder<string> {
  const error = e.error ? JSON.stringify(e.error) : null;
  return sql<string>`jsonb_build_array(jsonb_strip_nulls(jsonb_build_object('at', ${AT}, 'status', ${e.status}::text, 'attempt', ${e.attempt ?? sql`null`}::int, 'error', ${error}::jsonb, 'by', ${e.by ?? null}::text, 'note', ${e.note ?? null}::text)))`;
}

// --- Idempotency keys ----------------------------------------------------------------------

export interface KeyRecord {
  readonly fingerprint: string;
  readonly commandId: string;
  readonly status: number;
  readonly body: string;
}

/** Takes the key's transaction lock if nobody holds it; false while another request with it is in flight. */
export async function tryKeyLock(tx: Tx, shopId: string, key: string): Promise<boolean> {
  const r = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext(${locks.commandKey(shopId, key)})) as ok`.execute(tx);
  return r.rows[0]?.ok === true;
}

/** The key's record as committed now, and whether it has expired; undefined when there is none. */
async function readKey(tx: Tx, shopId: string, key: string): Promise<{ record: KeyRecord; expired: boolean } | undefined> {
  const r = await tx
    .selectFrom('command_idempotency_keys')
    .select(['fingerprint', 'command_id', 'response_status', 'response_body'])
    .select(sql<boolean>`expires_at <= now()`.as('expired'))
    .where('shop_id', '=', shopId)
    .where('key', '=', key)
    .executeTakeFirst();
  return r ? { record: { fingerprint: r.fingerprint, commandId: r.command_id, status: r.response_status, body: r.response_body }, expired: r.expired } : undefined;
}

/** The key's record, undefined when there is none; an expired record is deleted (the key may start a new command). Needs the key's lock. */
export async function findKey(tx: Tx, shopId: string, key: string): Promise<KeyRecord | undefined> {
  const r = await readKey(tx, shopId, key);
  if (!r) return undefined;
  if (r.expired) {
    await tx.deleteFrom('command_idempotency_keys').where('shop_id', '=', shopId).where('key', '=', key).execute();
    return undefined;
  }
  return r.record;
}

/** The key's unexpired record as committed now, read without the key's lock (nothing deleted). */
export async function peekKey(tx: Tx, shopId: string, key: string): Promise<KeyRecord | undefined> {
  const r = await readKey(tx, shopId, key);
  return r && !r.expired ? r.record : undefined;
}

export async function insertKey(tx: Tx, k: { shopId: string; key: string; fingerprint: string; commandId: string; status: number; body: string; ttlMs: number }): Promise<void> {
  await tx
    .insertInto('command_idempotency_keys')
    .values({
      shop_id: k.shopId,
      key: k.key,
      fingerprint: k.fingerprint,
      command_id: k.commandId,
      response_status: k.status,
      response_body: k.body,
      expires_at: sql<Date>`now() + ${k.ttlMs}::bigint * interval '1 millisecond'`,
    })
    .execute();
}

/** Deletes up to `limit` expired keys; returns how many went. */
export async function purgeExpiredKeys(db: Db, limit: number): Promise<number> {
  const r = await sql`delete from command_idempotency_keys where (shop_id, key) in (select shop_id, key from command_idempotency_keys where expires_at < now() limit ${limit}::int)`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

// --- Commands ------------------------------------------------------------------------------

export async function conversationInShop(tx: Tx, shopId: string, conversationId: string): Promise<boolean> {
  const r = await tx.selectFrom('conversations').select('id').where('id', '=', conversationId).where('shop_id', '=', shopId).executeTakeFirst();
  return r !== undefined;
}

export interface NewCommand {
  readonly id: string;
  readonly shopId: string;
  readonly type: CommandType;
  readonly payload: Record<string, unknown>;
  readonly conversationId: string | undefined;
  readonly createdBy: string;
  readonly traceId: string;
}

export async function insertCommand(tx: Tx, c: NewCommand): Promise<Command> {
  const row = await tx
    .insertInto('commands')
    .values({
      id: c.id,
      shop_id: c.shopId,
      type: c.type,
      payload: JSON.stringify(c.payload),
      conversation_id: c.conversationId ?? null,
      status: 'pending',
      history: entry({ status: 'pending' }),
      created_by: c.createdBy,
      trace_id: c.traceId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCommand(row);
}

export async function getCommand(db: Db | Tx, shopId: string, id: string): Promise<Command | undefined> {
  const row = await db.selectFrom('commands').selectAll().where('shop_id', '=', shopId).where('id', '=', id).executeTakeFirst();
  return row && toCommand(row);
}

/**
 * The shop's commands, newest first, optionally of one status; with `before` (a command of the
 * shop), those listed after it: a page follows another exactly, ties in time included.
 */
export async function listCommands(db: Db, shopId: string, o: { status?: CommandStatus | undefined; limit: number; before?: string | undefined }): Promise<Command[]> {
  let q = db.selectFrom('commands').selectAll().where('shop_id', '=', shopId);
  if (o.status) q = q.where('status', '=', o.status);
  // Compared in the database: its times have microseconds, a JS Date only milliseconds.
  if (o.before) q = q.where(sql<boolean>`(created_at, id) < (select c.created_at, c.id from commands c where c.shop_id = ${shopId} and c.id = ${o.before})`);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit).execute();
  return rows.map(toCommand);
}

/**
 * Leases up to `limit` due commands to `owner`: pending or retrying ones whose time has come, and
 * running ones whose lease expired (their process died mid-attempt). Each becomes `running`,
 * counts one more attempt and gets a history entry saying so.
 */
export async function claimDue(db: Db, o: { owner: string; token: string; leaseMs: number; limit: number }): Promise<Command[]> {
  const takenOver = "the process of the previous attempt stopped answering (its lease expired); attempting again";
  const r = await sql<CommandRow>`
    with due as (
      select id from commands
      where (status in ('pending', 'retrying') and next_attempt_at <= now()) or (status = 'running' and lease_until <= now())
      order by next_attempt_at
      limit ${o.limit}::int
      for update skip locked
    )
    update commands c set
      status = 'running',
      attempts = c.attempts + 1,
      round_attempts = c.round_attempts + 1,
      lease_owner = ${o.owner}::text,
      lease_token = ${o.token}::text,
      lease_until = now() + ${o.leaseMs}::int * interval '1 millisecond',
      updated_at = now(),
      history = c.history || jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
        'at', ${AT}, 'status', 'running', 'attempt', c.attempts + 1,
        'note', case when c.status = 'running' then ${takenOver}::text end)))
    from due
    where c.id = due.id
    returning c.*`.execute(db);
  return r.rows.map(toCommand);
}

export type Outcome =
  | { readonly status: 'succeeded'; readonly result: unknown; readonly note?: string | undefined }
  | { readonly status: 'retrying'; readonly error: CommandError; readonly delayMs: number }
  | { readonly status: 'dead'; readonly error: CommandError };

/**
 * Records an attempt's outcome, only if `c` is still running under the lease this process took
 * (undefined otherwise: another process took the command over and owns its outcome).
 */
export async function finishAttempt(tx: Db | Tx, c: { id: string; leaseToken: string }, o: Outcome): Promise<Command | undefined> {
  const row = await tx
    .updateTable('commands')
    .set({
      status: o.status,
      ...(o.status === 'succeeded' ? { result: o.result === undefined ? null : JSON.stringify(o.result), error: null } : { error: JSON.stringify(o.error) }),
      ...(o.status === 'retrying' ? { next_attempt_at: sql<Date>`now() + ${Math.round(o.delayMs)}::bigint * interval '1 millisecond'` } : {}),
      lease_owner: null,
      lease_token: null,
      lease_until: null,
      updated_at: sql<Date>`now()`,
      history: sql<string>`history || ${entry({ status: o.status, attempt: sql`attempts`, error: o.status === 'succeeded' ? null : o.error, note: o.status === 'succeeded' ? o.note : undefined })}`,
    })
    .where('id', '=', c.id)
    .where('lease_token', '=', c.leaseToken)
    .where('status', '=', 'running')
    .returningAll()
    .executeTakeFirst();
  return row && toCommand(row);
}

/**
 * Schedules the release of a lock that has just succeeded, due `ttlSeconds` from now, with the
 * lock's conversation and trace. Undefined when the lock already has its release.
 */
export async function scheduleRelease(tx: Tx, lock: Command, r: { id: string; ttlSeconds: number; payload: Record<string, unknown> }): Promise<Command | undefined> {
  const note = `releases the lock ${lock.id} ${r.ttlSeconds} s after it was taken`;
  // The partial index's predicate stays SQL text, or PostgreSQL cannot match the index.
  const res = await sql<CommandRow>`
    insert into commands (id, shop_id, type, payload, conversation_id, parent_id, status, next_attempt_at, history, created_by, trace_id)
    values (${r.id}, ${lock.shopId}, 'inventory.release', ${JSON.stringify(r.payload)}::jsonb, ${lock.conversationId}, ${lock.id}, 'pending',
      now() + ${r.ttlSeconds}::int * interval '1 second', ${entry({ status: 'pending', note })}, 'kefu', ${lock.traceId})
    on conflict (parent_id) where type = 'inventory.release' do nothing
    returning *`.execute(tx);
  const row = res.rows[0];
  return row && toCommand(row);
}

/**
 * A dead command of the shop moved by hand: `pending` (retry: a new round of attempts at once) or
 * `resolved` (compensated by hand). Undefined when the shop has no such dead command.
 */
export async function moveDead(tx: Tx, shopId: string, id: string, to: 'pending' | 'resolved', who: { by: string; note: string }): Promise<Command | undefined> {
  const row = await tx
    .updateTable('commands')
    .set({
      status: to,
      ...(to === 'pending' ? { round_attempts: 0, next_attempt_at: sql<Date>`now()` } : {}),
      updated_at: sql<Date>`now()`,
      history: sql<string>`history || ${entry({ status: to, by: who.by, note: who.note })}`,
    })
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .returningAll()
    .executeTakeFirst();
  return row && toCommand(row);
}

/** How many commands are in each status, over every shop (for kefu_commands). */
export async function countByStatus(db: Db): Promise<Map<CommandStatus, number>> {
  const rows = await db.selectFrom('commands').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

// --- System notes --------------------------------------------------------------------------

export const SYSTEM_AUTHOR = { id: 'kefu-system', name: 'kefu' } as const;

export interface SystemNote {
  readonly noteId: string;
  readonly shopId: string;
  readonly conversationId: string;
  readonly text: string;
  readonly createdAt: Date;
}

/** An internal note (agents only, never the buyer) written by kefu itself. */
export async function insertSystemNote(tx: Tx, n: { shopId: string; conversationId: string; text: string }): Promise<SystemNote> {
  const row = await tx
    .insertInto('conversation_notes')
    .values({ id: randomUUID(), shop_id: n.shopId, conversation_id: n.conversationId, author_id: SYSTEM_AUTHOR.id, author_name: SYSTEM_AUTHOR.name, text: n.text })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return { noteId: row.id, shopId: n.shopId, conversationId: n.conversationId, text: n.text, createdAt: new Date(row.created_at) };
}
