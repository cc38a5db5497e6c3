/**
 * A node alone polls for due commands every `lonePollMs`, not every `pollMs`: it is woken for what it accepts itself, and an
 * idle demo node had queried PGlite twice a second for nothing (docs/benchmarks.md, fifteenth pass). With peers, a command
 * another node accepted is found at the next `pollMs`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { createCommands, fingerprint } from '../../src/commands/index.ts';
import { DemoCommandPlatform } from '../../src/demo/index.ts';
import { SQL_FACTORIES } from '../support/services.ts';
import { coupon, createHarness, SHOP, WORKER } from './support.ts';

for (const factory of SQL_FACTORIES) test(`a node alone finds a command another node accepted at its slow poll; with peers, at its fast one (${factory.name})`, { skip: factory.skip }, async () => {
  let alone: number | undefined = Date.now();
  const h = await createHarness(factory, { worker: { pollMs: 50, lonePollMs: 1_000 }, aloneSince: () => alone });
  // Another node: it accepts commands and its worker is not started, so nothing wakes this one.
  const other = createCommands({ sql: h.sql, sink: { emit() {} }, log: pino({ level: 'silent' }), platform: new DemoCommandPlatform(h.demo), worker: { nodeId: 'other-node', ...WORKER } });
  const accept = async (key: string) => {
    const input = coupon() as Parameters<typeof other.service.create>[0]['input'];
    const r = await other.service.create({ shopId: SHOP, key, fingerprint: fingerprint('POST', `/api/v1/shops/${SHOP}/commands`, input), input, by: 'ops_1', traceId: '0'.repeat(32) });
    assert.ok(r.kind === 'created');
    return r.commandId;
  };
  const status = async (id: string) => (await h.get(`/${id}`)).json.status;
  try {
    h.module.worker!.wake();
    // Its claim finds nothing and ends (a claim still running would look again for what came meanwhile).
    await sleep(100);
    const first = await accept('lone-1');
    await sleep(300);
    // Six fast polls have passed: a node with peers would have claimed it.
    assert.equal(await status(first), 'pending');
    await h.waitFor(first, 'succeeded', 3_000);

    alone = undefined;
    h.module.worker!.wake();
    const second = await accept('lone-2');
    await h.waitFor(second, 'succeeded', 600);
  } finally {
    await h.close();
  }
});
