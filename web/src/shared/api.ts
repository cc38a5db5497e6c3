/** REST under /api/v1 of the page's own origin, with the bearer token; errors carry kefu's code. */
import { readableError } from './errors.ts';
import { browserLang } from './i18n.ts';
import { noteServerDate } from './clock.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The server's own message; `message` is it in the page's language (readableError). */
  readonly raw: string;
  constructor(status: number, code: string, message: string) {
    super(readableError(code, message, browserLang()));
    this.status = status;
    this.code = code;
    this.raw = message;
  }
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** An origin other than the page's (the widget's frame always uses its own). */
  base?: string;
}

export async function api<T>(token: string, method: string, path: string, opts: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let r: Response;
  const sentAt = Date.now();
  try {
    r = await fetch(`${opts.base ?? ''}/api/v1${path}`, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', (e as Error).message || 'network error');
  }
  noteServerDate(r.headers.get('date'), sentAt, Date.now());
  if (r.status === 204) return undefined as T;
  const text = await r.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!r.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new ApiError(r.status, err?.code ?? `HTTP_${r.status}`, err?.message ?? (text.slice(0, 200) || r.statusText));
  }
  return data as T;
}

/** A fresh id for an Idempotency-Key or a clientMsgId. */
export function freshId(prefix: string): string {
  const b = new Uint8Array(9);
  crypto.getRandomValues(b);
  return `${prefix}${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}
