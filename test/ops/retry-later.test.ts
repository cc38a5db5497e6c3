/**
 * retryLater (src/ops/retry-later.ts): work a dependency failed is tried again on growing delays
 * until it succeeds, or given up, loudly, after the last delay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { RETRY_DELAYS_S, retryLater } from '../../src/ops/retry-later.ts';

const quiet = () => {
  const lines: Array<{ level: number; msg: string }> = [];
  return { log: pino({ level: 'warn' }, { write: (l: string) => void lines.push(JSON.parse(l) as { level: number; msg: string }) }), lines };
};

test('tried again until it succeeds, then stops', async () => {
  const { log, lines } = quiet();
  let tries = 0;
  const outcome = await new Promise<string>((resolve) =>
    retryLater(async () => {
      if (++tries < 3) throw new Error('down');
    }, { log, what: 'hand-over', context: { conversationId: 'c1' }, onOutcome: resolve, scaleMs: 1 }),
  );
  assert.equal(outcome, 'recovered');
  assert.equal(tries, 3);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(tries, 3, 'no attempt after the success');
  // The caller's own attempt came before: these are the second, third and fourth.
  assert.deepEqual(lines.map((l) => l.msg), ['hand-over failed again; retried later', 'hand-over failed again; retried later', 'hand-over succeeded on a retry']);
});

test('given up after the last delay, as an error', async () => {
  const { log, lines } = quiet();
  let tries = 0;
  const outcome = await new Promise<string>((resolve) =>
    retryLater(async () => {
      tries++;
      throw new Error('still down');
    }, { log, what: 'hand-over', context: { conversationId: 'c2' }, onOutcome: resolve, scaleMs: 1 }),
  );
  assert.equal(outcome, 'gave_up');
  assert.equal(tries, RETRY_DELAYS_S.length);
  const last = lines.at(-1)!;
  assert.equal(last.level, 50);
  assert.match(last.msg, /hand-over given up after retrying for \d+ s/);
});
