/**
 * `POST /webhooks/platform` (mounted by the app under `/api/v1`): the platform pushes orders,
 * logistics and after-sales here.
 *
 * Order of checks: signature over the exact raw bytes (401), then JSON and schema (400 naming the
 * field), then times ahead of kefu's clock (400 naming the field), then one transaction
 * (src/commerce/apply.ts). Nothing is written before every check passed. The route lives in its own encapsulated plugin because it replaces the JSON body
 * parser with a raw-bytes one, which must not leak to sibling routes.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { KefuError } from '../protocol/errors.ts';
import type { Keyring } from '../privacy/pii.ts';
import type { SqlStore } from '../storage/ports.ts';
import { applyPlatformEvent } from './apply.ts';
import { assertNotAhead, parsePlatformEvent, type PlatformEvent } from './events.ts';

const SIGNATURE_HEADER = 'x-kefu-signature';
const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** `sha256=<hex>` of the raw body, as the platform must send it. */
export function signBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of `X-Kefu-Signature`; a missing, repeated or malformed header is false. */
export function verifySignature(secret: string, rawBody: Buffer, header: string | readonly string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const m = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(given, expected);
}

export interface WebhookDeps {
  readonly sql: SqlStore;
  readonly keyring: Keyring;
  readonly secret: string;
  /** Called after the transaction committed, only when the event changed the read model. */
  readonly onApplied?: (event: PlatformEvent) => void;
}

export interface WebhookResponse {
  readonly ok: true;
  readonly duplicate: boolean;
  readonly applied: boolean;
}

function decodeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new KefuError('BAD_REQUEST', 'body is not valid JSON', { field: 'body' });
  }
}

/** Fastify's own parsing failures, in the catalogue's terms. */
function toKefu(err: unknown): unknown {
  if (err instanceof KefuError || !(err instanceof Error)) return err;
  const code = (err as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new KefuError('TOO_LARGE', `body exceeds ${WEBHOOK_BODY_LIMIT} bytes`);
  const status = (err as FastifyError).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new KefuError('BAD_REQUEST', err.message);
  return err;
}

/** Adds `POST /webhooks/platform` to `app` in an encapsulated child context. */
export function registerWebhookRoutes(app: FastifyInstance, deps: WebhookDeps): void {
  if (deps.secret.length === 0) throw new Error('registerWebhookRoutes: an empty webhook secret would accept any signature');
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_req, body, done) => done(null, body));
    // Rethrowing hands the error to the app's handler, which renders { error: { code, message } }.
    scope.setErrorHandler((err) => {
      throw toKefu(err);
    });

    scope.post('/webhooks/platform', { bodyLimit: WEBHOOK_BODY_LIMIT }, async (req): Promise<WebhookResponse> => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!verifySignature(deps.secret, raw, req.headers[SIGNATURE_HEADER])) {
        throw new KefuError('UNAUTHORIZED', 'missing or invalid X-Kefu-Signature');
      }
      const event = parsePlatformEvent(decodeJson(raw));
      assertNotAhead(event);
      const result = await applyPlatformEvent(deps.sql, deps.keyring, event);
      req.log.info({ eventId: event.id, type: event.type, shopId: event.shopId, ...result }, 'platform event');
      if (result.applied && deps.onApplied) {
        // The change is committed; a failing listener must not make the platform resend it.
        try {
          deps.onApplied(event);
        } catch (e) {
          req.log.error({ err: e, eventId: event.id }, 'platform event listener failed');
        }
      }
      return { ok: true, duplicate: result.duplicate, applied: result.applied };
    });
  });
}
