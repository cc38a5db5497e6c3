/**
 * One socket write per socket per turn of the event loop: the first frame of a turn corks the
 * socket, and every socket corked in that turn is uncorked together in the turn's check phase
 * (setImmediate: no extra wake-up), so an ack and the events of the same turn, or a console's
 * burst of a shop's events, leave in one `writev` instead of one write each (issue #16).
 *
 * Whether a socket is corked for this turn is read off the socket itself (`writableCorked`):
 * between sends nothing else holds it corked (`ws` corks only inside one send).
 */

export interface Corkable {
  cork(): void;
  uncork(): void;
  readonly writableCorked: number;
  readonly writableLength: number;
}

/** A socket corked for the turn is flushed early once this much waits in it (the slow-consumer cut-off is for clients that do not read). */
export const FLUSH_CORKED_AT = 64 * 1024;

const corked: Corkable[] = [];
/** Counts the turns that corked something (the slow-consumer check compares turns). */
let turn = 0;

/** The current turn's number; it changes once the sockets corked in it are uncorked. */
export const currentTurn = (): number => turn;

/** Corks `socket` until the check phase of this turn, unless it is corked already. */
export function corkForTurn(socket: Corkable | undefined): void {
  if (!socket || socket.writableCorked > 0) return;
  socket.cork();
  if (corked.push(socket) === 1) setImmediate(uncorkAll);
}

/** Writes out what `socket` holds corked once it reaches FLUSH_CORKED_AT; the next send corks it again. */
export function flushIfLarge(socket: Corkable | undefined): void {
  if (socket && socket.writableCorked > 0 && socket.writableLength >= FLUSH_CORKED_AT) socket.uncork();
}

function uncorkAll(): void {
  turn++;
  // A socket flushed early and corked again is listed twice; uncork on an uncorked one is a no-op.
  for (const s of corked.splice(0)) s.uncork();
}
