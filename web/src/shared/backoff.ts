/** Reconnect delays: exponential from 0.5 s, capped at 30 s, each drawn between half and all of it (jitter). */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 30_000;

/** The delay before reconnect attempt `n` (0-based); `random` in [0, 1). */
export function backoffMs(n: number, random = Math.random()): number {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(0, n), 16));
  return Math.round(full * (0.5 + random * 0.5));
}
