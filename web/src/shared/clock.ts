/**
 * The server's clock as the page sees it, and one ticker for every countdown on a page.
 *
 * A reply deadline (`replyBy`) is the server's time; counted down on a browser whose clock is a
 * few minutes off, it said "late" too soon or too late. Each REST answer's `Date` header (whole
 * seconds) gives the offset; under two seconds it is the header's own rounding and is ignored.
 */
let offsetMs = 0;
const NOISE_MS = 2000;

/** Takes the `Date` header of an answer sent at `sentAt` and received at `receivedAt` (local ms). */
export function noteServerDate(header: string | null, sentAt: number, receivedAt: number): void {
  const server = header ? Date.parse(header) : NaN;
  if (!Number.isFinite(server)) return;
  // The header is truncated to the second: its middle is the best guess, against the trip's middle.
  const offset = server + 500 - (sentAt + receivedAt) / 2;
  offsetMs = Math.abs(offset) < NOISE_MS ? 0 : offset;
}

/** Now on the server's clock, in ms. */
export const serverNow = (): number => Date.now() + offsetMs;

/** A time of the server's clock (ms) as the page's clock shows it, for "reply by 14:05". */
export const onLocalClock = (serverMs: number): number => serverMs - offsetMs;

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Calls `fn` once a second, on one timer shared by every caller; returns the unsubscribe. */
export function everySecond(fn: () => void): () => void {
  listeners.add(fn);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1000);
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}
