import pino, { type Logger } from 'pino';
import { currentTraceId, newTraceId } from './trace.ts';

/**
 * Paths that may carry tokens or personal data are censored at the logger, so a careless
 * `log.info({ req })` cannot leak them. Phone numbers and addresses are also never passed to
 * the logger by the domain code; this is the second line.
 */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-kefu-signature"]',
  'headers.authorization',
  'token',
  'access_token',
  '*.token',
  '*.access_token',
  'receiver',
  '*.receiver',
  'phone',
  '*.phone',
  'address',
  '*.address',
];

export function createLogger(opts: { level: string; nodeId: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: { node: opts.nodeId },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Lines written while a client frame's work runs (the robot turn, its lookups) name that
      // frame's trace (src/ops/trace.ts); not `traceId`, which a socket's lines already carry
      // for the upgrade request.
      mixin: () => {
        const t = currentTraceId();
        return t === undefined ? {} : { frameTraceId: t };
      },
      serializers: {
        // The query string of /im carries the token: log the path only.
        req: (req: { method?: string; url?: string; id?: string }) => ({ method: req.method, url: req.url?.split('?')[0] }),
      },
    },
    opts.destination,
  );
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/**
 * The trace id of a request: taken from a valid W3C `traceparent` header when present (so kefu's
 * lines join the caller's trace), else a new random one in the same 32-hex format.
 */
export function traceIdFrom(traceparent: string | string[] | undefined): string {
  const h = Array.isArray(traceparent) ? traceparent[0] : traceparent;
  if (h) {
    const m = TRACEPARENT.exec(h.trim().toLowerCase());
    if (m && m[1] !== '00000000000000000000000000000000') return m[1]!;
  }
  return newTraceId();
}

