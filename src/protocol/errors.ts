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
  TOO_LARGE: { http: 413, ws: true, summary: 'The frame or body exceeds the size limit (64 KiB).' },
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

/** Wraps anything thrown into a KefuError without leaking internals into the message. */
export function toKefuError(e: unknown): KefuError {
  if (e instanceof KefuError) return e;
  return new KefuError('INTERNAL', 'internal error');
}
