/**
 * Ceiling 1: the bare `ws` server, the least a Node WebSocket chat server can do per frame.
 *
 *   node bench/ceilings/ws-echo.ts        prints `ws-echo listening on http://127.0.0.1:PORT` on stderr
 *
 * Each socket joins the room of `?user=`. A text frame is sent back to its sender (the "ack") and
 * relayed, as the same bytes, to the user's other sockets (the "message" fan-out). A frame that
 * starts with `{"type":"sync"` is answered with a fixed history of 500 kefu-shaped messages.
 * No JSON parsing on the hot path, no storage, no auth: that is what makes it a ceiling.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { fixtureMessages } from '../lib/history-fixture.ts';

const SYNC_PREFIX = Buffer.from('{"type":"sync"');
// History frame split around its id so each answer costs one concatenation, not a stringify.
const historyTail = `,"conversationId":"c_bench","messages":${JSON.stringify(fixtureMessages())},"hasMore":false}`;

const rooms = new Map<string, Set<WebSocket>>();
const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, perMessageDeflate: false, maxPayload: 64 * 1024 });

wss.on('connection', (ws, req) => {
  const user = new URL(req.url ?? '/', 'http://x').searchParams.get('user') ?? '';
  let room = rooms.get(user);
  if (!room) rooms.set(user, (room = new Set()));
  room.add(ws);
  const members = room;
  ws.on('message', (data: Buffer, isBinary) => {
    if (isBinary) return;
    if (data.length > SYNC_PREFIX.length && data.subarray(0, SYNC_PREFIX.length).equals(SYNC_PREFIX)) {
      const id = (JSON.parse(data.toString('utf8')) as { id: string }).id;
      ws.send(`{"type":"history","id":${JSON.stringify(id)}${historyTail}`);
      return;
    }
    ws.send(data, { binary: false });
    if (members.size > 1) for (const peer of members) if (peer !== ws) peer.send(data, { binary: false });
  });
  ws.on('error', () => {});
  ws.on('close', () => {
    members.delete(ws);
    if (members.size === 0 && rooms.get(user) === members) rooms.delete(user);
  });
});

server.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  process.stderr.write(`ws-echo listening on http://127.0.0.1:${a.port}\n`);
});
const stop = () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
