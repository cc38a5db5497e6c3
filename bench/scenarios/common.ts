/**
 * What every scenario receives, and the closed loop several of them share.
 */
import type { Conn, Pushed, Reply } from '../lib/gen.ts';
import type { Log } from '../lib/load.ts';

export interface Ctx {
  readonly quick: boolean;
  readonly log: Log;
}

/** Buyer ids of one scenario: `<tag>_<i>`; kefu and the ceilings get the same names. */
export const buyers = (tag: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => `${tag}_${from + i}`);

let msgCounter = 0;
export const clientMsgId = () => `m${(++msgCounter).toString(36)}p${process.pid.toString(36)}`;

export interface ClosedLoopOpts {
  /** Requests per connection; the loop of a connection ends after this many. */
  perConn?: number;
  /** Wall-clock budget; no request starts after it. One of perConn / durationMs is required. */
  durationMs?: number;
  /** An answer later than this is an error and the connection moves on. */
  timeoutMs: number;
  request(c: Conn): string;
  /** False marks a well-formed answer as wrong (an error). */
  check?(r: Reply): boolean;
  record(ms: number, r: Reply): void;
  /**
   * Think time: after an answer, a connection waits this long (uniformly 0.5x to 1.5x, so the
   * connections do not march in step) before its next request, and it starts after a random
   * part of it. Without it, a connection sends as soon as it has its answer.
   */
  thinkMs?: number;
  /** Every message pushed to a connection, with the time since its latest send and that send's number. */
  push?(c: Conn, p: Pushed, msSinceSend: number, sendNo: number): void;
}

export interface LoopResult {
  completed: number;
  errors: number;
  elapsedMs: number;
  closed: number;
}

/**
 * Each connection sends one request, waits for its answer, sends the next: concurrency equals the
 * number of connections, and latency is measured from the actual send (closed loop: there is no
 * intended send time to correct for). A socket the server closes ends that connection's loop and
 * its unanswered request counts as an error.
 */
export function closedLoop(conns: readonly Conn[], o: ClosedLoopOpts): Promise<LoopResult> {
  if (o.perConn === undefined && o.durationMs === undefined) throw new Error('closedLoop needs perConn or durationMs');
  const t0 = performance.now();
  const deadline = o.durationMs !== undefined ? t0 + o.durationMs : Number.POSITIVE_INFINITY;
  const res: LoopResult = { completed: 0, errors: 0, elapsedMs: 0, closed: 0 };
  return new Promise((resolve) => {
    let active = conns.length;
    if (active === 0) resolve(res);
    for (const c of conns) {
      let sent = 0;
      let pending: string | undefined;
      let started = 0;
      let timer: NodeJS.Timeout | undefined;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        if (timer) clearTimeout(timer);
        if (--active === 0) {
          res.elapsedMs = performance.now() - t0;
          resolve(res);
        }
      };
      const think = (then: () => void) => {
        if (!o.thinkMs) return then();
        timer = setTimeout(then, o.thinkMs * (0.5 + Math.random()));
      };
      const next = () => {
        pending = undefined;
        if ((o.perConn !== undefined && sent >= o.perConn) || performance.now() >= deadline || !c.open) return finish();
        if (sent > 0) think(send);
        else send();
      };
      const send = () => {
        if (done) return;
        if (!c.open) return finish();
        sent++;
        started = performance.now();
        pending = o.request(c);
        timer = setTimeout(() => {
          res.errors++;
          next();
        }, o.timeoutMs);
      };
      c.handlers = {
        reply(r, at) {
          if (r.id !== pending) return;
          clearTimeout(timer);
          if (r.type === 'error' || (o.check && !o.check(r))) res.errors++;
          else {
            res.completed++;
            o.record(at - started, r);
          }
          next();
        },
        push(p, at) {
          o.push?.(c, p, at - started, sent);
        },
        closed() {
          res.closed++;
          if (pending !== undefined) res.errors++;
          finish();
        },
      };
      if (o.thinkMs) timer = setTimeout(next, Math.random() * o.thinkMs);
      else next();
    }
  });
}
