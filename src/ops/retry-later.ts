/**
 * Work that must happen for a buyer but found a dependency down (a hand-over while PostgreSQL
 * is away): tried again on a growing delay until it succeeds or the last delay has passed, in the
 * background, without holding the caller. The caller's own attempt was the first. Timers do not
 * keep the process alive, so a shutdown drops what is pending (a restarted node does not know
 * of it either: what survives a crash is written in a transaction, not retried from memory).
 */
import type { Logger } from 'pino';

/** Seconds between attempts: about ten minutes in all, then it gives up and says so. */
export const RETRY_DELAYS_S: readonly number[] = [1, 2, 4, 8, 15, 30, 60, 60, 60, 60, 60, 60, 60, 60, 60];

export interface RetryLaterOptions {
  readonly log: Logger;
  /** What the work is, for the log lines ('hand-over'). */
  readonly what: string;
  /** Fields for the log lines (the conversation id). */
  readonly context: Readonly<Record<string, unknown>>;
  /** Told when the work succeeded on a retry, and when it was given up. */
  readonly onOutcome?: (outcome: 'recovered' | 'gave_up') => void;
  /** Milliseconds per second of delay; tests shorten it. */
  readonly scaleMs?: number;
}

export function retryLater(work: () => Promise<void>, o: RetryLaterOptions, attempt = 0): void {
  const delay = RETRY_DELAYS_S[attempt];
  if (delay === undefined) {
    o.log.error({ ...o.context }, `${o.what} given up after retrying for ${RETRY_DELAYS_S.reduce((a, b) => a + b, 0)} s`);
    o.onOutcome?.('gave_up');
    return;
  }
  setTimeout(() => {
    work().then(
      () => {
        o.log.warn({ ...o.context, attempt: attempt + 2 }, `${o.what} succeeded on a retry`);
        o.onOutcome?.('recovered');
      },
      (err: unknown) => {
        o.log.warn({ ...o.context, err: (err as Error).message, attempt: attempt + 2 }, `${o.what} failed again; retried later`);
        retryLater(work, o, attempt + 1);
      },
    );
  }, delay * (o.scaleMs ?? 1000)).unref();
}
