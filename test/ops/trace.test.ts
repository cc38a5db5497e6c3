/** Trace and span ids (src/ops/trace.ts): the W3C shapes, and no repeats across pool refills. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { currentTraceparent, inFrameTrace, newTraceId } from '../../src/ops/trace.ts';
import { KefuError, markDependency } from '../../src/protocol/errors.ts';

test('trace ids are 32 hex digits and never repeat, over several refills of the random pool', () => {
  const ids = Array.from({ length: 2000 }, newTraceId);
  for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  assert.equal(new Set(ids).size, ids.length);
});

test('a frame runs in a trace of its own; its traceparent carries that trace and a new span each time', async () => {
  const log = pino({ level: 'silent' });
  const seen: string[] = [];
  for (let i = 0; i < 3; i++) await inFrameTrace(log, { type: 'ping' }, async () => void seen.push(currentTraceparent()!, currentTraceparent()!));
  for (const tp of seen) assert.match(tp, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  const trace = (tp: string) => tp.split('-')[1];
  assert.equal(trace(seen[0]!), trace(seen[1]!), 'one frame, one trace');
  assert.notEqual(trace(seen[0]!), trace(seen[2]!), 'another frame, another trace');
  assert.equal(new Set(seen.map((tp) => tp.split('-')[2])).size, seen.length, 'every span id new');
  assert.equal(currentTraceparent(), undefined, 'outside a frame: no trace');
});

// Found from outside: with PostgreSQL cut, clients were answered UNAVAILABLE while this line said INTERNAL.
test("a frame's log line names the code the client is answered with", async () => {
  const lines: Array<{ code?: string }> = [];
  const log = pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l) as { code?: string }) });
  const fail = (e: Error) => inFrameTrace(log, { type: 'send', id: 'f1' }, () => Promise.reject(e)).catch(() => undefined);
  await fail(markDependency(new Error('Connection terminated unexpectedly'), 'postgres'));
  await fail(new KefuError('BAD_FRAME', 'content.text: too long'));
  await fail(new Error('a bug'));
  assert.deepEqual(lines.map((l) => l.code), ['UNAVAILABLE', 'BAD_FRAME', 'INTERNAL']);
});
