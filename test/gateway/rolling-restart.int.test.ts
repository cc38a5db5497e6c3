/**
 * A rolling restart: a node stopped with SIGTERM closes its sockets with 1012 and exits 0; a
 * client on it (src/client/reconnecting.ts) reconnects to the other node with a jittered backoff
 * and resumes by seq, so every message of the conversation arrives once, in order, no gaps.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { needsPg, needsRedis } from '../support/services.ts';
import { connect, eventually, newIsolation, realEnv, startIssuer, startProcess, type Issuer, type Proc } from '../support/kefu.ts';
import { ReconnectingKefuClient } from '../../src/client/reconnecting.ts';
import type { WebSocketCtor } from '../../src/client/index.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';

describe('rolling restart (two processes, real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let issuer: Issuer;
  let a: Proc;
  let b: Proc;
  before(async () => {
    issuer = await startIssuer();
    const env = { ...realEnv(issuer, newIsolation()), KEFU_ROBOT: 'false' };
    [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  });
  let phone: ReconnectingKefuClient | undefined;
  after(async () => {
    await phone?.close();
    await Promise.allSettled([a?.stop('SIGKILL'), b?.stop('SIGKILL')]);
    await issuer?.close();
  });

  test('the node exits 0 after closing with 1012; the client resumes on the other node without gaps or duplicates', async () => {
    const token = await issuer.token({ sub: 'roll_buyer', scope: 'cs:customer' });
    const states: string[] = [];
    const client = await ReconnectingKefuClient.connect({ urls: [a.url, b.url], token, device: 'app', WebSocket: WebSocket as unknown as WebSocketCtor, minBackoffMs: 50, maxBackoffMs: 500, onState: (s) => states.push(s) });
    phone = client;
    const got: MessageFrame[] = [];
    client.on((f) => void (f.type === 'message' && got.push(f)));
    const pc = await connect(b.url, token, 'pc');
    const first = await pc.sendText({ shopId: 'shop_roll' }, 'm0');
    client.follow(first.conversationId, 0);
    await eventually(() => got.length >= 1, 5000, 'the first message on the phone');
    let sent = 1;
    const sending = (async () => {
      for (; sent < 40; sent++) {
        await pc.sendText({ shopId: 'shop_roll' }, `m${sent}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await new Promise((r) => setTimeout(r, 300));
    // Two more sockets on the node: one that answers the close frame and says which code it got,
    // and one that never reads again (a phone gone off the network), which must not hold the stop.
    const raw = async () => {
      const ws = new WebSocket(`${a.url.replace(/^http/, 'ws')}/im?token=${encodeURIComponent(token)}&device=app`);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      return ws;
    };
    const listening = await raw();
    const closeCode = new Promise<number>((resolve) => listening.once('close', (code) => resolve(code)));
    const deaf = await raw();
    (deaf as unknown as { _socket: { pause(): void } })._socket.pause();
    const stopping = Date.now();
    assert.equal(await a.stop('SIGTERM'), 0, 'the stopped node exits 0');
    assert.ok(Date.now() - stopping < 5000, `a client that never answers does not hold the stop (${Date.now() - stopping} ms)`);
    assert.equal(await closeCode, 1012, 'closed with 1012 service restart');
    deaf.terminate();
    await sending;
    await eventually(() => got.length >= 40, 10_000, 'every message on the phone').catch((e: Error) => {
      throw new Error(`${e.message}: got ${got.length} (${got.map((m) => m.seq).join(',')}), states ${states.join(',')}, connected ${phone?.connected} to ${phone?.url}`);
    });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(got.map((m) => m.seq), Array.from({ length: 40 }, (_, i) => i + 1), 'once each, in order, no gaps');
    assert.deepEqual(got.map((m) => (m.content as { text: string }).text), Array.from({ length: 40 }, (_, i) => `m${i}`));
    assert.deepEqual(states.slice(0, 3), ['online', 'offline', 'online']);
    assert.equal(client.url, b.url, 'reconnected to the other node');
    await Promise.all([client.close(), pc.close()]);
    phone = undefined;
  });
});
