/**
 * Experiment, not part of kefu: preloaded into a kefu node (`node --import ./bench/experiments/detach-upgrade.ts`)
 * to measure what @fastify/websocket's upgrade keeps alive per connection. After `ws` completes
 * an upgrade, the ServerResponse that @fastify/websocket assigned to the socket (and through it
 * the IncomingMessage with the token in its URL, Fastify's Request, Reply and request logger) is
 * detached so it can be collected, and @fastify/websocket's per-socket 'error' listener (a closure
 * over the same Request and Reply) is dropped; kefu's own 'error' listener stays. Used for the
 * memory findings in docs/benchmarks.md.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';

type UpgradeCb = (ws: unknown, req: IncomingMessage) => void;
const original = WebSocketServer.prototype.handleUpgrade;
WebSocketServer.prototype.handleUpgrade = function (this: WebSocketServer, req: IncomingMessage, socket: Duplex, head: Buffer, cb: UpgradeCb) {
  return original.call(this, req, socket, head, (ws: unknown, r: IncomingMessage) => {
    const res = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (res) res.detachSocket(socket as never);
    cb(ws, r);
    const emitter = ws as { listeners(e: string): Array<(...a: unknown[]) => void>; off(e: string, f: (...a: unknown[]) => void): void };
    for (const l of emitter.listeners('error')) if (String(l).includes('errorHandler.call')) emitter.off('error', l);
  });
} as typeof original;
