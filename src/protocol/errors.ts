/**
 * The one closed catalogue of error codes. Every failure that crosses the boundary (HTTP body,
 * WebSocket `error` frame, CLI exit line) is a KefuError carrying one of these codes; the
 * catalogue says which HTTP status it maps to and whether it may appear on the WebSocket.
 *
 * The WebSocket codes are exactly those of docs/protocol.md. REST adds a few of its own
 * (idempotency and validation outcomes) that have no meaning on a socket. docs/errors.md lists
 * every code; test/protocol/errors.test.ts fails when one is missing from the docs.
 */

export const ERROR_CATALOGUE = {
  BAD_FRAME: { http: 400, ws: true, summary: 'The frame or body is not valid JSON of the expected shape.' },
  BAD_REQUEST: { http: 400, ws: false, summary: 'The request body, query or header is invalid; the message names the field.' },
  UNAUTHORIZED: { http: 401, ws: true, summary: 'No valid credential: missing, expired or badly signed token, or a bad webhook signature.' },
  FORBIDDEN: { http: 403, ws: true, summary: 'The credential is valid but its role or shop does not allow this.' },
  NOT_FOUND: { http: 404, ws: true, summary: 'No such resource for this caller (resources of another shop are reported the same way).' },
  CONFLICT: { http: 409, ws: false, summary: 'A request with the same Idempotency-Key is still in flight, or the resource is in a state that forbids this.' },
  IDEMPOTENCY_MISMATCH: { http: 422, ws: false, summary: 'The Idempotency-Key was already used with a different body.' },
  CONTENT_REFUSED: { http: 422, ws: false, summary: 'The message was refused by the content policy (off-platform contacts or prohibited words).' },
  REPLAY: { http: 409, ws: true, summary: 'The frame nonce was already seen while its timestamp is still acceptable.' },
  CLOCK_SKEW: { http: 400, ws: true, summary: 'The frame timestamp is more than 5 minutes from the server clock.' },
  RATE_LIMITED: { http: 429, ws: true, summary: 'Too many frames or requests; slow down.' },
  TOO_LARGE: { http: 413, ws: true, summary: 'The body exceeds its size limit: a REST or webhook body 1 MiB (the sensitive-words list 2 MiB). A WebSocket frame over 64 KiB gets no error frame: the socket is closed with code 1009.' },
  UNAVAILABLE: { http: 503, ws: true, summary: 'The server is overloaded or a dependency is down; retry later.' },
  INTERNAL: { http: 500, ws: true, summary: 'An unexpected failure; it was logged with the trace id.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** Codes a client may see in a WebSocket `error` frame (docs/protocol.md). */
export type WsErrorCode = {
  [K in ErrorCode]: (typeof ERROR_CATALOGUE)[K]['ws'] extends true ? K : never;
}[ErrorCode];

export class KefuError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Extra machine-readable detail (for example the invalid field); never secrets. */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'KefuError';
    this.code = code;
    this.status = ERROR_CATALOGUE[code].http;
    this.details = details;
  }

  /** The code to put on a WebSocket: REST-only codes degrade to their nearest socket code. */
  get wsCode(): WsErrorCode {
    if (ERROR_CATALOGUE[this.code].ws) return this.code as WsErrorCode;
    switch (this.code) {
      case 'BAD_REQUEST':
        return 'BAD_FRAME';
      case 'CONTENT_REFUSED':
        return 'FORBIDDEN';
      default:
        return 'INTERNAL';
    }
  }

  toBody(): { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const isKefuError = (e: unknown): e is KefuError => e instanceof KefuError;

/**
 * Wraps anything thrown into a KefuError without leaking internals into the message: a
 * dependency that is down, unreachable or timing out is UNAVAILABLE (retryable, 503), text the
 * database refused as unstorable is BAD_REQUEST, anything else INTERNAL.
 */
export function toKefuError(e: unknown): KefuError {
  if (e instanceof KefuError) return e;
  const dep = dependencyFailure(e);
  if (dep) return new KefuError('UNAVAILABLE', `${dep === 'postgres' || dep === 'pglite' ? 'the database' : dep === 'redis' ? 'the cache' : 'a dependency'} is unavailable; retry later`);
  if (isUnstorableTextError(e)) return new KefuError('BAD_REQUEST', 'a text contains a NUL character or an unpaired surrogate');
  return new KefuError('INTERNAL', 'internal error');
}

/**
 * What an error says about its cause, for logging: `input` (the caller's fault: logged at most
 * at warn, never with the payload), `dependency` (PostgreSQL or Redis down or slow: warn, no
 * stack) or `internal` (a bug: the only kind logged with a stack).
 */
export type ErrorKind = 'input' | 'dependency' | 'internal';

export function errorKind(e: unknown): ErrorKind {
  const k = toKefuError(e);
  if (k.code === 'INTERNAL') return 'internal';
  if (k.code === 'UNAVAILABLE') return 'dependency';
  return 'input';
}

/** Which dependency an error marked by an adapter ({@link markDependency}) came from. */
export type Dependency = 'postgres' | 'redis' | 'pglite';
const DEPENDENCY = Symbol.for('kefu.dependency');

/** Marks `e` as a failure of `dep` (an adapter's own timeouts and open circuit), then returns it. */
export function markDependency<E extends Error>(e: E, dep: Dependency): E {
  Object.defineProperty(e, DEPENDENCY, { value: dep, enumerable: false });
  return e;
}

// Socket errors that mean "the server is not there (now)".
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EHOSTDOWN', 'ENETUNREACH', 'ENETDOWN', 'ENOTFOUND', 'EAI_AGAIN', 'ENOTCONN']);
// SQLSTATEs of a server that is going away, cannot take the session or gave up waiting: class 08
// (connection exception), 57P01..57P03 (admin/crash shutdown, cannot connect now), 57014
// (statement timeout), 53xxx (insufficient resources: too many connections, out of memory),
// 40001/40P01 (serialization failure, deadlock: retry) and 55P03 (lock timeout).
const TRANSIENT_SQLSTATE = /^(08...|57P0[123]|57014|53...|40001|40P01|55P03)$/;
// node-postgres's and node-redis's own words for a lost, closed or timed-out connection.
const PG_MESSAGES = /Connection terminated|Query read timeout|timeout exceeded when trying to connect|is not queryable|Client was closed|Cannot use a pool after calling end/;
const REDIS_ERRORS = new Set(['ClientClosedError', 'ClientOfflineError', 'ConnectionTimeoutError', 'SocketClosedUnexpectedlyError', 'SocketTimeoutError', 'DisconnectsClientError', 'ReconnectStrategyError', 'TimeoutError']);
const REDIS_REPLIES = /^(LOADING|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN) /;

/**
 * The one classifier of dependency failures: which dependency an error says is down,
 * unreachable or timing out, or undefined when it is not such a failure. Looks through `cause`
 * and AggregateError (a refused `localhost` is one per address) a few levels deep.
 */
export function dependencyFailure(e: unknown, depth = 0): Dependency | 'unknown' | undefined {
  if (typeof e !== 'object' || e === null || depth > 3) return undefined;
  const marked = (e as { [DEPENDENCY]?: Dependency })[DEPENDENCY];
  if (marked) return marked;
  const { code, message } = e as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && TRANSIENT_SQLSTATE.test(code)) return 'postgres';
  if (typeof message === 'string' && PG_MESSAGES.test(message)) return 'postgres';
  // node-redis's error classes leave `name` as 'Error': their constructor tells them apart (a
  // DOMException named TimeoutError, say a fetch's, is not Redis's).
  if (REDIS_ERRORS.has((e as { constructor?: { name?: string } }).constructor?.name ?? '')) return 'redis';
  if (typeof message === 'string' && REDIS_REPLIES.test(message)) return 'redis';
  if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) return 'unknown';
  for (const inner of [(e as { cause?: unknown }).cause, ...(Array.isArray((e as { errors?: unknown }).errors) ? (e as { errors: unknown[] }).errors : [])]) {
    const d = dependencyFailure(inner, depth + 1);
    if (d) return d;
  }
  return undefined;
}

/**
 * PostgreSQL's refusal of a text it cannot store (U+0000: 22021 or 22P05; an unpaired surrogate
 * in jsonb: 22P02 "Unicode ... surrogate"). Validation refuses both at the edge; this is the
 * backstop for an input that reached the database some other way (a token's name, a path).
 */
function isUnstorableTextError(e: unknown): boolean {
  const { code, message, detail } = (e ?? {}) as { code?: unknown; message?: unknown; detail?: unknown };
  if (code === '22021' || code === '22P05') return true;
  return code === '22P02' && /surrogate|unicode|\\u0000/i.test(`${String(message)} ${String(detail)}`);
}
