/**
 * Who gets the next conversation: a pure function, no I/O, so it is unit-tested alone and easy
 * to swap. The routing service loads the shop's queue and its available agents inside one
 * transaction (under the shop's lock), asks `plan`, and writes what it answers.
 *
 * The policy ("balanced", as shops staff a chat):
 * - The queue is served in order: priority first (returned to the head, then complaints), then
 *   the time it joined the queue.
 * - A buyer who talked to an agent in the last days goes back to that agent when they are
 *   available with room (`preferredAgentId`).
 * - Otherwise the agent with the most free capacity; ties go to the fewest conversations held,
 *   then to the one idle longest, then by id (so the answer is deterministic).
 * - An agent never goes over capacity; `skipAgentId` (the agent who let the reply timer lapse)
 *   is not picked for that conversation while another agent has room.
 * - A conversation nobody can take stays queued, and the ones behind it may still be served
 *   (a skip or a preference can make a later one assignable).
 */
export interface AvailableAgent {
  readonly agentId: string;
  readonly capacity: number;
  /** Conversations held now. */
  readonly active: number;
  /** Epoch ms since the agent last received or finished a conversation. */
  readonly idleSince: number;
}

export interface QueuedConversation {
  readonly conversationId: string;
  readonly preferredAgentId?: string | undefined;
  readonly skipAgentId?: string | undefined;
}

export interface Assignment {
  readonly conversationId: string;
  readonly agentId: string;
}

/** `queue` must already be in serving order. */
export function plan(queue: readonly QueuedConversation[], agents: readonly AvailableAgent[]): Assignment[] {
  const load = new Map(agents.map((a) => [a.agentId, { ...a }]));
  const out: Assignment[] = [];
  for (const c of queue) {
    const free = [...load.values()].filter((a) => a.active < a.capacity);
    if (free.length === 0) break;
    const pick = choose(c, free);
    if (!pick) continue;
    pick.active++;
    out.push({ conversationId: c.conversationId, agentId: pick.agentId });
  }
  return out;
}

function choose<A extends AvailableAgent>(c: QueuedConversation, free: A[]): A | undefined {
  const preferred = c.preferredAgentId !== undefined ? free.find((a) => a.agentId === c.preferredAgentId && a.agentId !== c.skipAgentId) : undefined;
  if (preferred) return preferred;
  // The agent who let the reply timer lapse gets it back only when nobody else has room.
  return free.filter((a) => a.agentId !== c.skipAgentId).sort(byBalance)[0] ?? free.find((a) => a.agentId === c.skipAgentId);
}

function byBalance(a: AvailableAgent, b: AvailableAgent): number {
  return b.capacity - b.active - (a.capacity - a.active) || a.active - b.active || a.idleSince - b.idleSince || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);
}

/** A rough wait for the buyer at `position` (1 = next), from the recent time agents take per conversation. */
export function estimateWaitSeconds(position: number, agentsOnline: number, avgHandleSeconds: number): number {
  const servers = Math.max(1, agentsOnline);
  return Math.round(Math.ceil(position / servers) * avgHandleSeconds);
}
