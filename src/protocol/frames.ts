/**
 * WebSocket frames (docs/protocol.md), as zod schemas (client → server) and types
 * (server → client). Shared by the gateway, the typed client, the benchmark and the web pages.
 *
 * Client frames are strict objects: an unknown key (including `__proto__`, which JSON.parse
 * creates as an own property) makes the frame BAD_FRAME rather than being silently carried along.
 */
import { z } from 'zod';
import { asNewlines, formatPath, storableString, TEXT_CONTROL_CHARS, TEXT_CONTROL_MESSAGE } from './validation.ts';
import { SYNC_MAX_LIMIT, type ConversationState, type SenderRole } from './conversation.ts';
import type { Card } from './cards.ts';

export type { Card } from './cards.ts';
export type { ConversationState, SenderRole } from './conversation.ts';

export const MAX_FRAME_BYTES = 64 * 1024;

/**
 * Close code for the oldest socket of a user who opened more than KEFU_WS_MAX_PER_USER: the user
 * has too many devices, so a client closed with it does not reconnect by itself (it would only
 * close the user's next-oldest device).
 */
export const CLOSE_TOO_MANY_DEVICES = 4429;
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
export const MAX_TEXT_CHARS = 4000;
export const DEVICES = ['app', 'miniapp', 'pc', 'douyin', 'web'] as const;
export type Device = (typeof DEVICES)[number];

// Every string of a frame is checked for text PostgreSQL cannot store (validation.ts), first.
const id = storableString().min(1).max(128);
const idChars = /^[A-Za-z0-9_.:@-]+$/;
/** A shop's or conversation's id as frames name it; the platform's webhooks name shops the same way. */
export const entityId = storableString().min(1).max(128).regex(idChars, 'letters, digits and _ . : @ - only');

const base = {
  id: id,
  ts: z.number().int().nonnegative(),
  nonce: storableString().min(16).max(64),
};

/** The languages a client may say its device shows (`content.lang`), the robot's two. */
export const CONTENT_LANGS = ['zh', 'en'] as const;

export const textContent = z.strictObject({
  kind: z.literal('text'),
  // Extension: the device's language, for the robot to answer a message that tells none ("TG1002", "??").
  lang: z.enum(CONTENT_LANGS).optional(),
  // A stray Enter is not a message: stored, it reached the robot as nothing to answer.
  text: storableString()
    .overwrite(asNewlines)
    .min(1)
    .max(MAX_TEXT_CHARS)
    // Zero-width characters too: "\u200b\u200b" was stored and answered as a message nobody could see (found from outside).
    .refine((t) => /[^\s\u200b-\u200d\u2060\ufeff]/.test(t), 'text must hold more than spaces, line breaks and invisible characters')
    .refine((t) => !TEXT_CONTROL_CHARS.test(t), `text ${TEXT_CONTROL_MESSAGE}`),
});
export const imageContent = z.strictObject({
  kind: z.literal('image'),
  url: storableString()
    .max(2048)
    .url()
    .refine((u) => u.startsWith('https://'), 'images travel as https links'),
});
export const content = z.discriminatedUnion('kind', [textContent, imageContent]);
export type Content = z.infer<typeof content> | { kind: 'text'; text: string; card?: Card };


export const sendFrame = z.strictObject({
  ...base,
  type: z.literal('send'),
  shopId: entityId.optional(),
  conversationId: entityId.optional(),
  clientMsgId: storableString().min(1).max(64),
  content,
});
export const syncFrame = z.strictObject({
  ...base,
  type: z.literal('sync'),
  conversationId: entityId,
  afterSeq: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(SYNC_MAX_LIMIT).optional(),
});
export const readFrame = z.strictObject({ ...base, type: z.literal('read'), conversationId: entityId, seq: z.number().int().nonnegative() });
export const pingFrame = z.strictObject({ ...base, type: z.literal('ping') });
/** "I am typing" in a conversation; relayed to the other side at most once every 2 s per user. */
export const typingFrame = z.strictObject({ ...base, type: z.literal('typing'), conversationId: entityId });

export const clientFrame = z.discriminatedUnion('type', [sendFrame, syncFrame, readFrame, pingFrame, typingFrame]);
export type ClientFrame = z.infer<typeof clientFrame>;
export type SendFrame = z.infer<typeof sendFrame>;
export type SyncFrame = z.infer<typeof syncFrame>;
export type ReadFrame = z.infer<typeof readFrame>;
export type TypingFrame = z.infer<typeof typingFrame>;

/** The `conversation` frame: sent at every change, and while queued whenever the position changes. */
export interface ConversationFrame {
  type: 'conversation';
  conversationId: string;
  shopId: string;
  state: ConversationState;
  /**
   * (extension) The conversation's state changes so far (0 at creation): a frame with a lower
   * version than one already applied is older news (frames from two nodes can cross) and is dropped.
   */
  stateVersion?: number;
  /** While `queued`: 1 = next. */
  queuePosition?: number;
  /** While `queued` (extension): a rough estimate, in seconds; absent while no agent is online. */
  estimatedWaitSeconds?: number;
  /** While `queued` (extension): the shop's agents online now; 0 means nobody can answer yet. */
  agentsOnline?: number;
  /** While `assigned`: the holder. */
  agentId?: string;
  agentName?: string;
  /**
   * While `assigned` and the holder has not answered since (extension): when the conversation goes
   * back to the queue unless they do (ISO 8601; `KEFU_AGENT_REPLY_TIMEOUT_S` after the assignment).
   */
  replyBy?: string;
}

/** An internal note (extension): to the shop's consoles only, never to the buyer. */
export interface NoteFrame {
  type: 'note';
  noteId: string;
  conversationId: string;
  author: { id: string; name?: string };
  text: string;
  ts: number;
}

export const COMMAND_STATUSES = ['pending', 'running', 'succeeded', 'retrying', 'dead', 'resolved'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];


export interface MessageFrame {
  type: 'message';
  conversationId: string;
  shopId: string;
  seq: number;
  clientMsgId?: string;
  sender: { role: SenderRole; id: string; name?: string };
  content: Content;
  ts: number;
}

export type ServerFrame =
  | { type: 'ack'; id: string; clientMsgId: string; conversationId: string; seq: number; ts: number; content?: Content }
  | MessageFrame
  | { type: 'history'; id?: string; conversationId: string; messages: MessageFrame[]; hasMore: boolean }
  | { type: 'read'; conversationId: string; seq: number; userId: string }
  | ConversationFrame
  | NoteFrame
  | { type: 'typing'; conversationId: string; userId: string; role: SenderRole }
  /** Extension: live events may have been missed (the server's bus reconnected); sync what you hold. */
  | { type: 'resync' }
  | { type: 'command'; commandId: string; commandType: string; status: CommandStatus; attempts: number; result?: unknown; error?: unknown; conversationId?: string }
  | { type: 'error'; id?: string; code: string; message: string }
  | { type: 'pong'; id: string; ts: number };

const FORBIDDEN_KEYS = /"(__proto__|constructor|prototype)"\s*:/;

/**
 * Parses one text frame. Returns the frame or a short reason naming the field, never throws.
 * The cheap regex guard runs before zod so prototype-pollution keys are refused by name.
 */
export function parseClientFrame(raw: string): { ok: true; frame: ClientFrame } | { ok: false; id?: string; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'frame is not valid JSON' };
  }
  const frameId = typeof data === 'object' && data !== null && typeof (data as { id?: unknown }).id === 'string' ? ((data as { id: string }).id.slice(0, 128)) : undefined;
  if (FORBIDDEN_KEYS.test(raw)) return { ok: false, ...(frameId ? { id: frameId } : {}), reason: 'frame contains a forbidden key (__proto__, constructor or prototype)' };
  const r = clientFrame.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const path = issue?.path.length ? formatPath(issue.path) : 'frame';
    return { ok: false, ...(frameId ? { id: frameId } : {}), reason: `${path}: ${issue?.message ?? 'invalid'}` };
  }
  // Line breaks of other kinds are stored as "\n": the sender's ack must say so (found from outside).
  const typed = (data as { content?: { text?: unknown } }).content?.text;
  if (r.data.type === 'send' && r.data.content.kind === 'text' && typeof typed === 'string' && typed !== r.data.content.text) typedTexts.set(r.data, typed);
  return { ok: true, frame: r.data };
}

const typedTexts = new WeakMap<object, string>();
/** The text of a `send` frame as the device sent it, when parsing changed it (line breaks made `\n`); else undefined. */
export const typedTextOf = (frame: object): string | undefined => typedTexts.get(frame);

const serialised = new WeakMap<object, string>();

/**
 * A server frame's JSON, computed once per frame object: a stored message is sent to the sockets
 * (the hub) and written to the hot history, and both need the same text. Frames are never
 * changed after they are built, which is what makes the memo safe.
 */
export function frameJson(frame: ServerFrame): string {
  let json = serialised.get(frame);
  if (json === undefined) serialised.set(frame, (json = JSON.stringify(frame)));
  return json;
}
