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
