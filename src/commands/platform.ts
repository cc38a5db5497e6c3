/**
 * CommandPlatform: one attempt to deliver a command to the platform (docs/api.md, "Delivery to
 * the platform"), and the one rule that turns the platform's answer into what kefu does next.
 *
 * Contract of `deliver`:
 * - sends `Idempotency-Key: <commandId>` (the same on every attempt of a command), the given
 *   `traceparent`, and the bearer token when one is configured;
 * - stops when `signal` fires (the worker's per-attempt timeout); never follows redirects;
 * - resolves with an Attempt for anything the platform or the network did; it rejects only for a
 *   bug, which the worker treats as a failed attempt worth retrying.
 *
 * `classify`: 2xx → succeeded (with `result` from the body `{ result? }`); 408, 409, 425, 429 and
 * 5xx → worth retrying (a `Retry-After` is honoured as the least delay); anything else → not.
 */
import type { CommandError } from './repository.ts';

export interface Delivery {
  readonly shopId: string;
  readonly commandId: string;
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

/** `note`: a 2xx whose answer could not be read (not JSON, not an object, too large): the command is applied, its result unknown. */
export type Attempt = { readonly ok: true; readonly result?: unknown; readonly note?: string } | { readonly ok: false; readonly retryable: boolean; readonly error: CommandError; readonly retryAfterMs?: number };

export interface CommandPlatform {
  deliver(d: Delivery, o: { signal: AbortSignal; traceparent: string }): Promise<Attempt>;
}

const RETRYABLE = new Set([408, 409, 425, 429]);
const MAX_DETAIL = 300;
const MAX_RETRY_AFTER_MS = 3600_000;

/** The platform's own words about a failure, from `{ error: { message } }`, `{ error }` or `{ message }`. */
function detailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as { error?: unknown; message?: unknown };
  const e = b.error;
  const text = typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : typeof e === 'string' ? e : typeof b.message === 'string' ? b.message : undefined;
  return text?.slice(0, MAX_DETAIL);
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms (bounded); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const t = header.trim();
  const ms = /^\d+$/.test(t) ? Number(t) * 1000 : Date.parse(t) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

/**
 * `unreadable`: why a 2xx's body could not be read, when it could not. A platform that answered 2xx
 * applied the command, so it succeeded; the history says its answer was not understood, so an
 * `inventory.lock` released without a `lockId` can be explained (found from outside: no trace).
 */
export function classify(status: number, body: unknown, retryAfter?: string | null, unreadable?: string): Attempt {
  if (status >= 200 && status < 300) {
    const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    const result = isObject ? (body as { result?: unknown }).result : undefined;
    const why = unreadable ?? (body !== undefined && !isObject ? 'not a JSON object' : undefined);
    const note = why ? `the platform answered ${status} but its answer could not be read (${why}); the result is unknown` : undefined;
    return { ok: true, ...(result === undefined ? {} : { result }), ...(note ? { note } : {}) };
  }
  const detail = detailOf(body);
  const error: CommandError = { message: `platform answered ${status}${detail ? `: ${detail}` : ''}`, httpStatus: status };
  const retryable = RETRYABLE.has(status) || status >= 500;
  const after = retryable ? retryAfterMs(retryAfter) : undefined;
  return { ok: false, retryable, error, ...(after !== undefined ? { retryAfterMs: after } : {}) };
}

export interface HttpCommandPlatformOptions {
  readonly baseUrl: string;
  readonly token?: string | undefined;
  /** Larger answers are not read (a 2xx then succeeds without its result). */
  readonly maxResponseBytes?: number;
}

/** The platform over HTTP: `POST {baseUrl}/shops/{shopId}/commands`. */
export class HttpCommandPlatform implements CommandPlatform {
  readonly #base: string;
  readonly #token: string | undefined;
  readonly #max: number;

  constructor(o: HttpCommandPlatformOptions) {
    const u = new URL(o.baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`HttpCommandPlatform: baseUrl must be http(s) (got ${u.protocol})`);
    this.#base = o.baseUrl.replace(/\/+$/, '');
    this.#token = o.token;
    this.#max = o.maxResponseBytes ?? 64 * 1024;
  }

  async deliver(d: Delivery, o: { signal: AbortSignal; traceparent: string }): Promise<Attempt> {
    let res: Response;
    try {
      res = await fetch(`${this.#base}/shops/${encodeURIComponent(d.shopId)}/commands`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': d.commandId,
          traceparent: o.traceparent,
          ...(this.#token ? { authorization: `Bearer ${this.#token}` } : {}),
        },
        body: JSON.stringify({ commandId: d.commandId, type: d.type, payload: d.payload }),
        signal: o.signal,
        redirect: 'manual',
      });
    } catch (e) {
      return unreachable(e);
    }
    const text = await readUpTo(res, this.#max).catch(() => null);
    let body: unknown;
    let unreadable: string | undefined = text === null ? `larger than ${this.#max} bytes, or cut off` : undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      unreadable = 'not JSON';
    }
    return classify(res.status, body, res.headers.get('retry-after'), unreadable);
  }
}

/** A request that got no answer: refused, reset, DNS… (a timeout is the worker's to report). */
function unreachable(e: unknown): Attempt {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (e as Error).message;
  return { ok: false, retryable: true, error: { message: `platform unreachable: ${why}` } };
}

/** The body as text; undefined when there is none, null when it is larger than `max`. */
async function readUpTo(res: Response, max: number): Promise<string | undefined | null> {
  if (!res.body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
