/**
 * What a command's status change tells the shop, after the change committed:
 * - a `command` frame to every console of the shop, on every node (through the EventSink);
 * - for a command that names a conversation, a system note in it for the agents (never the
 *   buyer): written by `noteInTransaction` in the transaction of the change, announced here with a
 *   `note` frame;
 * - the `kefu_commands{status}` gauge, recounted from the table (so every node reports the whole
 *   truth, whichever node made the change): within a second of a change and every 10 s.
 *
 * Notes are written for what a person acts on (accepted, succeeded, dead, retried by hand,
 * resolved), not for `running` and `retrying`: an attempt every few seconds would bury the
 * conversation's notes. The frames carry every change.
 * A failure to emit is logged, never raised: the change is committed and GET shows it.
 */
import type { Logger } from 'pino';
import type { EventSink } from '../conversation/index.ts';
import { COMMAND_STATUSES, type CommandStatus, type NoteFrame, type ServerFrame } from '../protocol/frames.ts';
import type { Db, Tx } from '../storage/ports.ts';
import { countByStatus, insertSystemNote, SYSTEM_AUTHOR, type Command, type SystemNote } from './repository.ts';
import { asSystem } from '../storage/scope.ts';

export interface StatusGauge {
  set(labels: { status: CommandStatus }, value: number): void;
}

const GAUGE_EVERY_MS = 10_000;
const GAUGE_SOON_MS = 1000;

export function commandFrame(c: Command): Extract<ServerFrame, { type: 'command' }> {
  return {
    type: 'command',
    commandId: c.id,
    commandType: c.type,
    status: c.status,
    attempts: c.attempts,
    ...(c.status === 'succeeded' && c.result !== null ? { result: c.result } : {}),
    ...(c.error && c.status !== 'succeeded' ? { error: c.error } : {}),
    // Every console of the shop shows a conversation's own commands beside it (found from outside: the whole shop's).
    ...(c.conversationId ? { conversationId: c.conversationId } : {}),
  };
}

const LABELS: Record<Command['type'], string> = {
  'coupon.issue': '发券',
  'price.change': '改价',
  'inventory.lock': '锁定库存',
  'inventory.release': '释放库存',
};

/** The note a person should read about this change, if any (see the header). */
export function noteText(c: Command): string | undefined {
  const last = c.history[c.history.length - 1];
  const zh = `${LABELS[c.type]}指令 ${c.id} `;
  const en = `Command ${c.type} (${c.id})`;
  // Chinese, then English on its own line: one note for agents of either language (found from
  // outside: the two ran together, and the id into the next word).
  const both = (zhText: string, enText: string) => `${zhText}\n${enText}`;
  switch (c.status) {
    case 'pending':
      if (last?.by) return both(`${last.by} 重新发起了${zh.trim()}。`, `${last.by} retried ${en}.`);
      if (c.type === 'inventory.release') return undefined;
      return both(`${zh}已提交，正在发送给平台。`, `${en} accepted; sending it to the platform.`);
    case 'succeeded': {
      const ttl = c.type === 'inventory.lock' ? Number(c.payload.ttlSeconds) : undefined;
      return both(`${zh}已成功。${ttl ? `库存将在 ${ttl} 秒后自动释放。` : ''}`, `${en} succeeded.${ttl ? ` The stock is released automatically in ${ttl} s.` : ''}`);
    }
    case 'dead':
      return both(`${zh}失败，需要人工处理：${c.error?.message ?? '未知错误'}。`, `${en} failed and needs a person: ${c.error?.message ?? 'unknown error'}.`);
    case 'resolved':
      return both(`${last?.by ?? ''} 已人工处理${zh.trim()}：${last?.note ?? ''}。`, `${last?.by ?? ''} resolved ${en} by hand: ${last?.note ?? ''}`);
    default:
      return undefined;
  }
}

/** Writes the change's system note in its transaction, when the command names a conversation. */
export async function noteInTransaction(tx: Tx, c: Command): Promise<SystemNote[]> {
  if (!c.conversationId) return [];
  const text = noteText(c);
  if (!text) return [];
  return [await insertSystemNote(tx, { shopId: c.shopId, conversationId: c.conversationId, text })];
}

export class CommandNotifier {
  readonly #sink: EventSink;
  readonly #log: Pick<Logger, 'warn' | 'debug'>;
  readonly #db: Db;
  readonly #gauge: StatusGauge | undefined;
  #soon: NodeJS.Timeout | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(deps: { sink: EventSink; log: Pick<Logger, 'warn' | 'debug'>; db: Db; gauge?: StatusGauge }) {
    this.#sink = deps.sink;
    this.#log = deps.log;
    this.#db = deps.db;
    this.#gauge = deps.gauge;
  }

  /** After commit: the command frame, the note frames, and a gauge refresh soon. */
  changed(c: Command, notes: readonly SystemNote[] = []): void {
    try {
      this.#sink.emit({ shopIds: [c.shopId] }, commandFrame(c));
      for (const n of notes) {
        const frame: NoteFrame = { type: 'note', noteId: n.noteId, conversationId: n.conversationId, author: { ...SYSTEM_AUTHOR }, text: n.text, ts: n.createdAt.getTime() };
        this.#sink.emit({ shopIds: [n.shopId] }, frame);
      }
    } catch (err) {
      this.#log.warn({ err: (err as Error).message, commandId: c.id }, 'command frame not sent; consoles see the change on their next GET');
    }
    if (this.#gauge && !this.#soon) {
      this.#soon = setTimeout(() => {
        this.#soon = undefined;
        void this.refreshGauge();
      }, GAUGE_SOON_MS);
      this.#soon.unref();
    }
  }

  /** Recounts kefu_commands from the table; every status is set, absent ones to 0. */
  async refreshGauge(): Promise<void> {
    if (!this.#gauge) return;
    try {
      // Every shop's commands, whichever request's context scheduled the recount.
      const counts = await asSystem(() => countByStatus(this.#db));
      for (const status of COMMAND_STATUSES) this.#gauge.set({ status }, counts.get(status) ?? 0);
    } catch (err) {
      this.#log.debug({ err: (err as Error).message }, 'kefu_commands refresh failed');
    }
  }

  start(): void {
    void this.refreshGauge();
    this.#timer = setInterval(() => void this.refreshGauge(), GAUGE_EVERY_MS);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
    clearTimeout(this.#soon);
    this.#soon = undefined;
  }
}
