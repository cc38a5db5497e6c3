/**
 * CommandService: accepting commands idempotently, reading them, and moving dead ones by hand.
 *
 * Contract:
 * - `create` writes the command, its first history entry, its idempotency record (fingerprint
 *   and the exact first answer) and its system note in ONE transaction; the command is its own
 *   outbox row, so it is due for the worker exactly when that transaction commits, and a request
 *   that did not commit leaves nothing to deliver. Frames and the worker's wake-up follow the
 *   commit.
 * - Idempotency-Key per shop, kept `idempotencyTtlMs` (24 h): the same key and fingerprint → the
 *   stored first answer (`replayed`), byte for byte; another fingerprint → IDEMPOTENCY_MISMATCH;
 *   a request with the key still in flight (its transaction holds the key's lock and nothing is
 *   committed under the key yet) → `in_flight` at once, never a wait; two resends of a finished
 *   command at once both get the stored answer. An expired key is forgotten and may start a new command.
 * - `retry` and `resolve` move only a `dead` command of the shop (CONFLICT for any other status,
 *   NOT_FOUND for an id the shop does not have), record who in its history, and write the note
 *   in the same transaction.
 */
import { KefuError } from '../protocol/errors.ts';
import type { CommandStatus } from '../protocol/frames.ts';
import { isUniqueViolation, type SqlStore, type Tx } from '../storage/ports.ts';
import { newCommandId } from './ids.ts';
import { noteInTransaction, type CommandNotifier } from './notify.ts';
import * as repo from './repository.ts';
import type { Command, SystemNote } from './repository.ts';
import type { CommandInput } from './validation.ts';

export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;

/** The stored first answer for a resend with the same body; IDEMPOTENCY_MISMATCH for another body. */
function replay(known: repo.KeyRecord, r: { fingerprint: string }): { kind: 'replayed'; status: number; body: string; commandId: string } {
  if (known.fingerprint !== r.fingerprint) throw new KefuError('IDEMPOTENCY_MISMATCH', 'Idempotency-Key was already used with a different request body', { commandId: known.commandId });
  return { kind: 'replayed', status: known.status, body: known.body, commandId: known.commandId };
}

/** A command as every command route answers it (docs/api.md, "Commands"). */
export function commandBody(c: Command): Record<string, unknown> {
  return {
    commandId: c.id,
    commandType: c.type,
    status: c.status,
    attempts: c.attempts,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    ...(c.status === 'succeeded' && c.result !== null ? { result: c.result } : {}),
    ...(c.error && c.status !== 'succeeded' ? { error: c.error } : {}),
    ...(c.status === 'retrying' || (c.status === 'pending' && c.nextAttemptAt > c.updatedAt) ? { nextAttemptAt: c.nextAttemptAt.toISOString() } : {}),
    payload: c.payload,
    ...(c.conversationId ? { conversationId: c.conversationId } : {}),
    history: c.history,
  };
}

export type CreateResult = { kind: 'created' | 'replayed'; status: number; body: string; commandId: string } | { kind: 'in_flight' };
type Replayed = { kind: 'replayed'; status: number; body: string; commandId: string };

export interface CreateRequest {
  readonly shopId: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly input: CommandInput;
  /** The caller's user id (`sub`). */
  readonly by: string;
  /** The request's trace id: every attempt's traceparent continues it. */
  readonly traceId: string;
}

export interface CommandServiceDeps {
  readonly sql: SqlStore;
  readonly notifier: CommandNotifier;
  /** Tells this process's worker that a command became due. */
  readonly wake: () => void;
  /** False when no platform is configured: new commands are refused with UNAVAILABLE. */
  readonly deliverable: boolean;
  readonly idempotencyTtlMs?: number;
}

type Created = { kind: 'created'; status: number; body: string; command: Command; notes: SystemNote[] };

export class CommandService {
  readonly #d: CommandServiceDeps;

  constructor(deps: CommandServiceDeps) {
    this.#d = deps;
  }

  async create(r: CreateRequest): Promise<CreateResult> {
    if (!this.#d.deliverable) throw new KefuError('UNAVAILABLE', 'commands cannot be delivered: no platform is configured (set KEFU_PLATFORM_API_URL, or KEFU_DEMO=true for the demo platform)');
    let out: Replayed | { kind: 'in_flight' } | Created;
    try {
      out = await this.#d.sql.transaction((tx) => this.#createIn(tx, r));
    } catch (e) {
      // Only reachable if two transactions held the key at once; the caller's retry is replayed.
      if (isUniqueViolation(e)) return { kind: 'in_flight' };
      throw e;
    }
    if (out.kind !== 'created') return out;
    this.#d.notifier.changed(out.command, out.notes);
    this.#d.wake();
    return { kind: 'created', status: out.status, body: out.body, commandId: out.command.id };
  }

  async #createIn(tx: Tx, r: CreateRequest): Promise<Replayed | { kind: 'in_flight' } | Created> {
    if (!(await repo.tryKeyLock(tx, r.shopId, r.key))) {
      // The holder may be another resend of a command that committed long ago (two at once):
      // the committed record answers this one too. Without one, the first request is in flight.
      const done = await repo.peekKey(tx, r.shopId, r.key);
      return done ? replay(done, r) : { kind: 'in_flight' };
    }
    const known = await repo.findKey(tx, r.shopId, r.key);
    if (known) return replay(known, r);
    const { conversationId } = r.input;
    if (conversationId !== undefined && !(await repo.conversationInShop(tx, r.shopId, conversationId))) {
      throw new KefuError('NOT_FOUND', 'conversationId: no such conversation in this shop', { field: 'conversationId' });
    }
    const command = await repo.insertCommand(tx, { id: newCommandId(), shopId: r.shopId, type: r.input.type, payload: r.input.payload, conversationId, createdBy: r.by, traceId: r.traceId });
    const body = JSON.stringify(commandBody(command));
    await repo.insertKey(tx, { shopId: r.shopId, key: r.key, fingerprint: r.fingerprint, commandId: command.id, status: 202, body, ttlMs: this.#d.idempotencyTtlMs ?? IDEMPOTENCY_TTL_MS });
    const notes = await noteInTransaction(tx, command);
    return { kind: 'created', status: 202, body, command, notes };
  }

  async get(shopId: string, id: string): Promise<Command> {
    const c = await repo.getCommand(this.#d.sql.db, shopId, id);
    if (!c) throw new KefuError('NOT_FOUND', 'no such command');
    return c;
  }

  /** `before`: the id of the shop's command the previous page ended with (found from outside: past 200 dead commands, the older ones could not be listed). */
  async list(shopId: string, q: { status?: CommandStatus | undefined; limit: number; before?: string | undefined }): Promise<Command[]> {
    if (q.before !== undefined && !(await repo.getCommand(this.#d.sql.db, shopId, q.before))) throw new KefuError('BAD_REQUEST', 'before: no such command in this shop', { field: 'before' });
    return repo.listCommands(this.#d.sql.db, shopId, q);
  }

  /** A dead command starts a new round of attempts, same id (so the same key at the platform). */
  async retry(shopId: string, id: string, by: string): Promise<Command> {
    const c = await this.#moveDead(shopId, id, 'pending', { by, note: 'retried by hand: a new round of attempts' });
    this.#d.wake();
    return c;
  }

  /** A dead command was compensated by hand; final. */
  resolve(shopId: string, id: string, by: string, note: string): Promise<Command> {
    return this.#moveDead(shopId, id, 'resolved', { by, note });
  }

  async #moveDead(shopId: string, id: string, to: 'pending' | 'resolved', who: { by: string; note: string }): Promise<Command> {
    const moved = await this.#d.sql.transaction(async (tx) => {
      const c = await repo.moveDead(tx, shopId, id, to, who);
      return c && { c, notes: await noteInTransaction(tx, c) };
    });
    if (!moved) {
      const c = await this.get(shopId, id);
      throw new KefuError('CONFLICT', `command is ${c.status}; only a dead command can be ${to === 'pending' ? 'retried' : 'resolved'}`, { status: c.status });
    }
    this.#d.notifier.changed(moved.c, moved.notes);
    return moved.c;
  }
}
