/**
 * Ceiling 2: a Socket.IO server doing kefu's relay with acknowledgements, the popular way to
 * build this in Node. WebSocket transport only (no long-polling), no compression, like kefu.
 *
 *   node bench/ceilings/socketio.ts       prints `socketio listening on http://127.0.0.1:PORT` on stderr
 *
 * Each socket joins room `u:<user>` (from the handshake query). `send` is acknowledged with an
 * ack-shaped object carrying a per-socket seq, then relayed to the user's other sockets as
 * `message`; `sync` is acknowledged with a fixed history of 500 kefu-shaped messages.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { fixtureMessages } from '../lib/history-fixture.ts';

const messages = fixtureMessages();
const httpServer = createServer();
const io = new Server(httpServer, { transports: ['websocket'], perMessageDeflate: false, serveClient: false, maxHttpBufferSize: 64 * 1024, cors: { origin: false } });

interface SendFrame {
  id: string;
  clientMsgId: string;
}

io.on('connection', (socket) => {
  const user = String(socket.handshake.query.user ?? '');
  const room = `u:${user}`;
  void socket.join(room);
  let seq = 0;
  socket.on('send', (f: SendFrame, ack?: (a: unknown) => void) => {
    seq++;
    if (typeof ack === 'function') ack({ type: 'ack', id: f.id, clientMsgId: f.clientMsgId, conversationId: 'c_bench', seq, ts: Date.now() });
    socket.to(room).emit('message', f);
  });
  socket.on('sync', (f: { id: string }, ack?: (h: unknown) => void) => {
    if (typeof ack === 'function') ack({ type: 'history', id: f.id, conversationId: 'c_bench', messages, hasMore: false });
  });
});

httpServer.listen(0, '127.0.0.1', () => {
  const a = httpServer.address() as { port: number };
  process.stderr.write(`socketio listening on http://127.0.0.1:${a.port}\n`);
});
const stop = () => {
  io.disconnectSockets(true);
  void io.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
