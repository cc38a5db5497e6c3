/**
 * One socket write per socket per turn of the event loop: the first frame of a turn corks the
 * socket, and every socket corked in that turn is uncorked together in the turn's check phase
 * (setImmediate: no extra wake-up), so an ack and the events of the same turn, or a console's
 * burst of a shop's events, leave in one `writev` instead of one write each (issue #16).
 */

export interface Corkable {
  cork(): void;
  uncork(): void;
}

/** A socket corked for the turn is flushed early once this much waits in it (the slow-consumer cut-off is for clients that do not read). */
export const FLUSH_CORKED_AT = 64 * 1024;

const corked: Corkable[] = [];
/** Counts the turns that corked something: a socket corked in an earlier turn corks again. */
let turn = 0;

/** The current turn's number; it changes once the sockets corked in it are uncorked. */
export const currentTurn = (): number => turn;

/** Corks `socket` until the check phase of this turn. Call once per socket per turn (currentTurn tells). */
export function corkForTurn(socket: Corkable | undefined): void {
  if (!socket) return;
  socket.cork();
  if (corked.push(socket) === 1) setImmediate(uncorkAll);
}

function uncorkAll(): void {
  turn++;
  for (const s of corked.splice(0)) s.uncork();
}
