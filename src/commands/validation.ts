/**
 * What a caller may send to the command routes (docs/api.md, "Commands"), as zod schemas, and
 * the request fingerprint the idempotency record keeps.
 *
 * Contract:
 * - `parseCommandInput` names the first bad field (`type`, `payload.amount`…) and never lets an
 *   unknown type, an unknown key or a bad payload through: nothing is stored for such a request.
 * - Amounts and prices are decimal strings > 0 with at most 16 digits before and 2 after the
 *   point; they are passed to the platform normalised to two decimals (`"7"` → `"7.00"`).
 * - `inventory.release` is not accepted from callers: kefu schedules it itself after a lock.
 * - `fingerprint` is the same for the same method, path and JSON body whatever the key order or
 *   spacing of the body, and different as soon as any value differs.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { COMMAND_STATUSES } from '../protocol/frames.ts';
import { KefuError } from '../protocol/errors.ts';
import { decimalString, lineString, parseInput, queryInt, storableString } from '../protocol/validation.ts';

/** What callers may ask for; `inventory.release` is kefu's own (scheduled after a lock). */
export const REQUESTABLE_TYPES = ['coupon.issue', 'price.change', 'inventory.lock'] as const;
export const COMMAND_TYPES = [...REQUESTABLE_TYPES, 'inventory.release'] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

export const LIMITS = {
  id: 128,
  key: 255,
  note: 1000,
  quantity: 100_000,
  /** A lock is released at most 30 days after it was taken. */
  ttlSeconds: 30 * 24 * 3600,
  listDefault: 50,
  listMax: 200,
} as const;

const id = lineString(LIMITS.id);
const positiveDecimal = decimalString('20.00').refine((v) => /[1-9]/.test(v), 'must be greater than 0');

const CouponIssue = z
  .strictObject({ userId: id, couponTemplateId: id.optional(), amount: positiveDecimal.optional() })
  .refine((p) => (p.couponTemplateId === undefined) !== (p.amount === undefined), 'exactly one of couponTemplateId and amount is required');
const PriceChange = z.strictObject({ sku: id, price: positiveDecimal });
const InventoryLock = z.strictObject({
  sku: id,
  quantity: z.number().int().min(1).max(LIMITS.quantity),
  orderId: id.optional(),
  ttlSeconds: z.number().int().min(1).max(LIMITS.ttlSeconds),
});

/** What kefu sends to release a lock; never accepted from callers. */
const InventoryRelease = z.strictObject({ lockCommandId: id, sku: id, quantity: z.number().int().min(1).max(LIMITS.quantity), orderId: id.optional(), lockId: id.optional() });

const PAYLOADS = { 'coupon.issue': CouponIssue, 'price.change': PriceChange, 'inventory.lock': InventoryLock } as const;
/** Every payload kefu may deliver, by type (the demo platform checks what it receives with these). */
export const PAYLOAD_SCHEMAS = { ...PAYLOADS, 'inventory.release': InventoryRelease } as const;

export type CouponIssuePayload = z.infer<typeof CouponIssue>;
export type PriceChangePayload = z.infer<typeof PriceChange>;
export type InventoryLockPayload = z.infer<typeof InventoryLock>;
export type InventoryReleasePayload = z.infer<typeof InventoryRelease>;

export interface CommandInput {
  readonly type: (typeof REQUESTABLE_TYPES)[number];
  readonly payload: Record<string, unknown>;
  readonly conversationId?: string | undefined;
}

const Envelope = z.strictObject({ type: z.enum(REQUESTABLE_TYPES), payload: z.unknown(), conversationId: id.optional() });

/** The request body of POST /shops/{shopId}/commands, its payload checked for its type. */
export function parseCommandInput(body: unknown): CommandInput {
  const envelope = parseInput(Envelope, body);
  const full = z.strictObject({ type: z.literal(envelope.type), payload: PAYLOADS[envelope.type], conversationId: id.optional() });
  const parsed = parseInput(full as z.ZodType<{ type: CommandInput['type']; payload: Record<string, unknown>; conversationId?: string }>, body);
  return { type: parsed.type, payload: parsed.payload, ...(parsed.conversationId !== undefined ? { conversationId: parsed.conversationId } : {}) };
}

/** `Idempotency-Key`: required, 1–255 printable characters; BAD_REQUEST naming the header otherwise. */
export function idempotencyKey(header: string | string[] | undefined): string {
  const field = 'Idempotency-Key';
  if (Array.isArray(header)) {
    // Node joins a repeated header into "a, b"; its distinct values tell two keys from one.
    if (header.length > 1) throw new KefuError('BAD_REQUEST', `${field}: give the header once`, { field });
    header = header[0];
  }
  if (header === undefined) throw new KefuError('BAD_REQUEST', `${field}: header is required`, { field });
  if (header.length < 1 || header.length > LIMITS.key) throw new KefuError('BAD_REQUEST', `${field}: must be 1 to ${LIMITS.key} characters`, { field });
  if (!/^[\x20-\x7e]+$/.test(header) || header.trim() === '') throw new KefuError('BAD_REQUEST', `${field}: must be printable ASCII and not blank`, { field });
  return header;
}

export const ListQuery = z.strictObject({
  status: z.enum(COMMAND_STATUSES).optional(),
  limit: queryInt(1, LIMITS.listMax).optional(),
  before: lineString(LIMITS.id).optional(),
});

export const ResolveInput = z.strictObject({ note: storableString().trim().min(1).max(LIMITS.note) });

/** No query parameters at all (POST routes). */
export const NoQuery = z.strictObject({});

/** JSON with object keys sorted at every depth: one spelling per value. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** sha256 of the method, the path and the canonical body: what "the same request" means. */
export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest('hex');
}
