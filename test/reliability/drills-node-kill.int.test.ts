// Fault drill: a kefu node SIGKILLed under load. Two kefu processes (`node bin/kefu.js start`)
// share a PRIVATE PostgreSQL and Redis this file starts; buyers send on both. Node a is killed
// with SIGKILL (no goodbye, nothing cleaned up): its buyers' sockets close at once (CLOSED, never
// a hang), they reconnect to node b and send the unanswered message again with the same
// clientMsgId. Every frame is answered within 2 s (ack, UNAVAILABLE, or CLOSED by the kill);
// afterwards every acked message is stored once, seqs have no gap, and node b never stopped
// acking. The figures are printed (drill-kit.ts).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startIssuer, startProcess, type Issuer, type Proc } from '../support/kefu.ts';
import { startPrivatePostgres, startPrivateRedis } from './private-services.ts';
import { Drill, nodeEnv, sleep } from './drill-kit.ts';

const [pgStarted, redisStarted] = await Promise.all([startPrivatePostgres(), startPrivateRedis()]);
const reason = [pgStarted, redisStarted].find((x): x is string => typeof x === 'string');
const skip = reason ? `a private PostgreSQL and Redis could not be started here: ${reason}` : false;
const pg = typeof pgStarted === 'string' ? undefined : pgStarted;
const redis = typeof redisStarted === 'string' ? undefined : redisStarted;
if (skip) console.log(`# SKIP node-kill drill: ${skip}`);
after(async () => {
  await redis?.stop();
  await pg?.stop();
});

describe('a kefu node SIGKILLed under load (two processes)', { skip }, () => {
  let issuer: Issuer;
  let a: Proc;
  let b: Proc;
  before(async () => {
    issuer = await startIssuer();
    const env = nodeEnv(issuer, pg!.url, redis!.url, 'drill_kill');
    // One after the other: the first applies the migrations while the second would wait on their lock.
    a = await startProcess(env);
    b = await startProcess(env);
  });
  after(async () => {
    await Promise.allSettled([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await issuer?.close();
  });

  test('the killed node\'s buyers move to the other node; nothing acked is lost or doubled', { timeout: 60_000 }, async () => {
    const d = new Drill({ name: 'node SIGKILLed', issuer, urls: [a.url, b.url], shopId: 'shop_kill', buyers: 6, reconnectUrl: () => b.url });
    await d.start();
    let exit: number | null | undefined;
    try {
      await sleep(2000);
      await d.fault(async () => {
        exit = await a.stop('SIGKILL');
        await sleep(3000);
      });
      const fig = await d.finish({ historyUrl: b.url, allowed: ['CLOSED'] });
      assert.ok((fig.answers.CLOSED ?? 0) > 0, 'the kill was felt by the buyers on node a');
    } finally {
      await d.abort();
    }
    assert.equal(exit, null, 'node a was killed, not stopped');
    assert.equal((await fetch(`${b.url}/readyz`)).status, 200, 'node b is ready');
    assert.doesNotMatch(b.output(), /"level":50/, 'no error-level line on node b');
  });
});
