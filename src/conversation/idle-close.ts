/**
 * The robot's conversations closed once idle: a buyer the robot answered and who then left never
 * closed anything, so the shop's figures showed the robot containing nothing ("机器人独立解决 0%":
 * three outside shops, forty-second session) and its console listed every such conversation as
 * open for ever. One never handed over (state `bot`, no hand-over, never held) that nobody has
 * written in for `KEFU_BOT_IDLE_CLOSE_MIN` minutes is closed: no notice (the buyer has gone), no
 * rating (no person served it), and the buyer's next message opens a new conversation, as after any
 * close. Every node ticks; each close is one guarded move (still `bot`, still idle), so two nodes
 * never close one twice and a message that lands first keeps it open. Idle is measured on the
 * database's clock, which writes `updated_at`.
 */
import type { Logger } from 'pino';
import type { Db } from '../storage/ports.ts';
import { databaseNow, idleBotConversations } from './repository.ts';
import type { ConversationService } from './service.ts';

/** Looked for once a minute, a batch at a time, at most IDLE_TICK_MAX a look: a backlog after a long stop goes over a few minutes. */
const IDLE_TICK_MS = 60_000;
const IDLE_BATCH = 200;
const IDLE_TICK_MAX = 5_000;

type Deps = { db: Db; conversations: Pick<ConversationService, 'setState'> };

/** One look: closes the robot's conversations idle for `idleMs` (on the database's clock, or `now`); how many it closed. */
export async function closeIdleBotConversations(d: Deps, idleMs: number, now?: Date, batch = IDLE_BATCH): Promise<number> {
  const before = new Date((now ?? (await databaseNow(d.db))).getTime() - idleMs);
  let closed = 0;
  for (let looked = 0; looked < IDLE_TICK_MAX; looked += batch) {
    const ids = await idleBotConversations(d.db, before, batch);
    let moved = 0;
    for (const id of ids) if (await d.conversations.setState(id, { state: 'closed' }, { from: ['bot'], neverAssigned: true, idleBefore: before })) moved++;
    closed += moved;
    // Another node closing the same ones, or the last batch: the next look goes on.
    if (ids.length < batch || moved === 0) break;
  }
  return closed;
}

/** The look every minute on this node (none when `idleMs` is 0); returns the stop. */
export function startIdleClose(d: Deps & { log: Pick<Logger, 'warn'> }, idleMs: number): () => void {
  if (idleMs <= 0) return () => {};
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    closeIdleBotConversations(d, idleMs)
      .catch((e: unknown) => d.log.warn({ err: (e as Error).message }, "could not close the robot's idle conversations; tried again in a minute"))
      .finally(() => (running = false));
  };
  const every = setInterval(tick, IDLE_TICK_MS);
  every.unref();
  return () => clearInterval(every);
}
