/**
 * The typed client (src/client/index.ts) against a scripted socket: what it does when the
 * server goes away between two requests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KefuClient, KefuRequestError, type WebSocketLike } from '../../src/client/index.ts';

/** A socket that opens at once and records what is sent; `drop()` closes it as a dead server would (1006). */
class ScriptedSocket implements WebSocketLike {
  static last: ScriptedSocket | undefined;
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(_url: string) {
    ScriptedSocket.last = this;
    setImmediate(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.drop();
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason: '' });
  }
}

test('a request made after the socket closed fails at once with CLOSED, not after the timeout', async () => {
  const c = await KefuClient.connect({ url: 'ws://kefu.invalid', token: 't', WebSocket: ScriptedSocket, timeoutMs: 5000 });
  const pending = c.ping();
  ScriptedSocket.last!.drop();
  await assert.rejects(pending, (e) => e instanceof KefuRequestError && e.code === 'CLOSED', 'the request in flight');
  const t0 = performance.now();
  await assert.rejects(c.ping(), (e) => e instanceof KefuRequestError && e.code === 'CLOSED', 'a request after the close');
  assert.ok(performance.now() - t0 < 100, 'without waiting for the timeout');
  assert.equal(ScriptedSocket.last!.sent.length, 1, 'nothing was sent on the closed socket');
});

// Two nodes' frames about one conversation can cross: a queue position read before another
// node's accept, told after that accept was announced. The client passes on only the newer news.
test('a conversation frame older than one already passed on is dropped', async () => {
  const c = await KefuClient.connect({ url: 'ws://kefu.invalid', token: 't', WebSocket: ScriptedSocket, timeoutMs: 5000 });
  const seen: string[] = [];
  c.on((f) => {
    if (f.type === 'conversation') seen.push(`${f.conversationId}:${f.state}:${f.stateVersion ?? '-'}`);
  });
  const push = (f: object) => ScriptedSocket.last!.onmessage!({ data: JSON.stringify({ type: 'conversation', shopId: 's', ...f }) });
  push({ conversationId: 'c1', state: 'queued', stateVersion: 1, queuePosition: 2 });
  push({ conversationId: 'c1', state: 'assigned', stateVersion: 2, agentId: 'a' });
  push({ conversationId: 'c1', state: 'queued', stateVersion: 1, queuePosition: 1 });
  push({ conversationId: 'c2', state: 'queued', stateVersion: 1, queuePosition: 1 });
  push({ conversationId: 'c1', state: 'queued', stateVersion: 3, queuePosition: 1 });
  push({ conversationId: 'c1', state: 'queued', stateVersion: 3, queuePosition: 4 });
  push({ conversationId: 'c1', state: 'closed' });
  assert.deepEqual(seen, ['c1:queued:1', 'c1:assigned:2', 'c2:queued:1', 'c1:queued:3', 'c1:queued:3', 'c1:closed:-']);
  c.close();
});
