/**
 * The trace a piece of work belongs to, carried by AsyncLocalStorage rather than by every
 * function's parameters: a buyer's `send` frame starts a trace, and the robot turn its stored
 * message causes, the robot's buyer lookups and the platform call they make (a W3C
 * `traceparent` header, src/commerce/connector.ts) all run inside it, because each is started
 * from the frame's continuation (the event bus calls its listeners synchronously, and promise
 * callbacks keep the context they were created in). A command keeps the trace of the request
 * that created it in its row, since its worker runs later in another context (src/commands/).
 *
 * Every frame is logged once, at its end, at debug (a busy node handles thousands a second):
 * its type, its id, how long it took and its error code. Nothing of its payload.
 */
import { toKefuError } from '../protocol/errors.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomFillSync } from 'node:crypto';
import type { Logger } from 'pino';

// Trace and span ids are drawn from a pool of random bytes refilled 4 KiB at a time: a
// `randomBytes(16)` per frame was a system call each, 95 ms of a short burst's profile.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
function randomHex(bytes: number): string {
  if (poolAt + bytes > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const hex = pool.toString('hex', poolAt, poolAt + bytes);
  poolAt += bytes;
  return hex;
}

/** A new W3C trace id: 32 hex digits, random (an all-zero id is invalid, and 2^-128 likely). */
export const newTraceId = (): string => randomHex(16);

const storage = new AsyncLocalStorage<string>();

/** Runs fn with `traceId` as the current trace. */
export function runInTrace<T>(traceId: string, fn: () => T): T {
  return storage.run(traceId, fn);
}

/** The current trace id, or undefined outside any trace. */
export function currentTraceId(): string | undefined {
  return storage.getStore();
}

/** A W3C `traceparent` continuing the current trace with a new span, or undefined outside one. */
export function currentTraceparent(): string | undefined {
  const t = storage.getStore();
  return t === undefined ? undefined : `00-${t}-${randomHex(8)}-01`;
}

/**
 * Handles one client frame in a trace of its own and logs its end once (debug; an error's code
 * too, the error itself is answered and logged by the caller). Rethrows what fn throws.
 */
export async function inFrameTrace<T>(log: Logger, frame: { type: string; id?: string | undefined }, fn: () => Promise<T>): Promise<T> {
  const traceId = newTraceId();
  const started = performance.now();
  let code: string | undefined;
  try {
    return await storage.run(traceId, fn);
  } catch (e) {
    // The code the client is answered with (a lost database connection is UNAVAILABLE, not INTERNAL).
    code = toKefuError(e).code;
    throw e;
  } finally {
    // Inside the trace, so the logger's mixin names it.
    if (log.isLevelEnabled('debug')) storage.run(traceId, () => log.debug({ frame: frame.type, id: frame.id, ms: Math.round((performance.now() - started) * 10) / 10, ...(code ? { code } : {}) }, 'frame handled'));
  }
}
