// The routing policy (src/routing/policy.ts) alone: a pure function.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateWaitSeconds, plan, type AvailableAgent } from '../../src/routing/index.ts';

const agent = (agentId: string, capacity: number, active: number, idleSince = 0): AvailableAgent => ({ agentId, capacity, active, idleSince });
const q = (ids: string[], extra: Record<string, { preferredAgentId?: string; skipAgentId?: string }> = {}) => ids.map((conversationId) => ({ conversationId, ...extra[conversationId] }));

test('serves the queue in order to the agent with the most free capacity, never over capacity', () => {
  const out = plan(q(['c1', 'c2', 'c3', 'c4', 'c5']), [agent('a', 3, 2), agent('b', 3, 0), agent('c', 2, 1)]);
  assert.deepEqual(out.map((x) => `${x.conversationId}>${x.agentId}`), ['c1>b', 'c2>b', 'c3>c', 'c4>a', 'c5>b']);
  const load = new Map([['a', 2], ['b', 0], ['c', 1]]);
  for (const x of out) load.set(x.agentId, load.get(x.agentId)! + 1);
  assert.deepEqual(Object.fromEntries(load), { a: 3, b: 3, c: 2 });
});

test('ties go to the fewest held, then to the one idle longest', () => {
  assert.equal(plan(q(['c1']), [agent('a', 5, 2, 100), agent('b', 4, 1, 50)])[0]?.agentId, 'b', 'same free capacity, fewer held');
  assert.equal(plan(q(['c1']), [agent('a', 3, 1, 200), agent('b', 3, 1, 100)])[0]?.agentId, 'b', 'idle longest');
});

test('a returning buyer goes back to their agent when that agent has room', () => {
  const agents = [agent('a', 5, 4), agent('b', 5, 0)];
  assert.equal(plan(q(['c1'], { c1: { preferredAgentId: 'a' } }), agents)[0]?.agentId, 'a');
  assert.equal(plan(q(['c1'], { c1: { preferredAgentId: 'a' } }), [agent('a', 5, 5), agent('b', 5, 0)])[0]?.agentId, 'b', 'full: balanced instead');
  assert.equal(plan(q(['c1'], { c1: { preferredAgentId: 'gone' } }), agents)[0]?.agentId, 'b', 'offline: balanced instead');
});

test('the agent who let the reply timer lapse gets it back only when nobody else has room', () => {
  assert.equal(plan(q(['c1'], { c1: { skipAgentId: 'a' } }), [agent('a', 5, 0), agent('b', 5, 4)])[0]?.agentId, 'b');
  assert.equal(plan(q(['c1'], { c1: { skipAgentId: 'a' } }), [agent('a', 5, 0), agent('b', 5, 5)])[0]?.agentId, 'a');
});

test('nothing to give when nobody has room; an empty queue assigns nothing', () => {
  assert.deepEqual(plan(q(['c1', 'c2']), [agent('a', 2, 2)]), []);
  assert.deepEqual(plan([], [agent('a', 2, 0)]), []);
  assert.deepEqual(plan(q(['c1']), []), []);
});

test('wait estimate grows with the position and shrinks with agents online', () => {
  assert.equal(estimateWaitSeconds(1, 1, 120), 120);
  assert.equal(estimateWaitSeconds(3, 1, 120), 360);
  assert.equal(estimateWaitSeconds(3, 3, 120), 120);
  assert.equal(estimateWaitSeconds(4, 3, 120), 240);
  assert.equal(estimateWaitSeconds(2, 0, 60), 120, 'no agent online counts as one');
});
