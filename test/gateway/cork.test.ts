/**
 * src/gateway/cork.ts: frames written to a socket in one turn of the event loop leave in one
 * writev, and nothing waits past the turn.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Socket } from 'node:net';
import { FLUSH_CORKED_AT, corkForTurn, currentTurn, flushIfLarge } from '../../src/gateway/cork.ts';

async function pair(): Promise<{ client: Socket; server: Socket; close(): void }> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const accepted = new Promise<Socket>((r) => srv.once('connection', r));
  const client = connect((srv.address() as { port: number }).port, '127.0.0.1');
  await new Promise((r) => client.once('connect', r));
  const server = await accepted;
  return { client, server, close: () => (client.destroy(), server.destroy(), srv.close()) };
}

/** Counts the system-level writes the stream asks for: one `_write` per chunk, or one `_writev` for several. */
function countWrites(s: Socket): { writes: number } {
  const n = { writes: 0 };
  const w = s as unknown as { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
  const [write, writev] = [w._write.bind(s), w._writev.bind(s)];
  w._write = (...a) => (n.writes++, write(...a));
  w._writev = (...a) => (n.writes++, writev(...a));
  return n;
}

test('frames of one turn leave in one write; the next turn corks again; the peer gets everything', async () => {
  const { client, server, close } = await pair();
  const got: Buffer[] = [];
  client.on('data', (b: Buffer) => got.push(b));
  const n = countWrites(server);
  const t0 = currentTurn();
  corkForTurn(server);
  for (let i = 0; i < 20; i++) server.write(`frame ${i};`);
  assert.equal(n.writes, 0, 'held while the turn runs');
  await new Promise((r) => setImmediate(r));
  assert.equal(n.writes, 1, 'twenty frames, one write');
  assert.equal(currentTurn(), t0 + 1);

  // Uncorked: without a new cork each frame is its own write again.
  server.write('a;');
  server.write('b;');
  const plain = n.writes;
  assert.ok(plain >= 2, `uncorked writes go one by one (${plain})`);
  corkForTurn(server);
  server.write('c;');
  server.write('d;');
  await new Promise((r) => setImmediate(r));
  assert.equal(n.writes, plain + 1);
  const expected = `${Array.from({ length: 20 }, (_, i) => `frame ${i};`).join('')}a;b;c;d;`;
  for (let i = 0; i < 100 && Buffer.concat(got).toString() !== expected; i++) await new Promise((r) => setTimeout(r, 5));
  assert.equal(Buffer.concat(got).toString(), expected);
  close();
});

test('corking twice in a turn corks once; a corked burst past FLUSH_CORKED_AT is written out before the turn ends', async () => {
  const { client, server, close } = await pair();
  client.resume();
  const n = countWrites(server);
  corkForTurn(server);
  corkForTurn(server);
  assert.equal(server.writableCorked, 1, 'one cork, however often asked');
  server.write('x'.repeat(1000));
  flushIfLarge(server);
  assert.equal(n.writes, 0, 'a small burst waits for the turn to end');
  server.write('y'.repeat(FLUSH_CORKED_AT));
  flushIfLarge(server);
  assert.equal(n.writes, 1, 'a large one leaves at once');
  assert.equal(server.writableCorked, 0);
  corkForTurn(server);
  server.write('z');
  await new Promise((r) => setImmediate(r));
  assert.equal(n.writes, 2, 'corked again after the flush, uncorked at the end of the turn');
  assert.equal(server.writableCorked, 0);
  close();
});
