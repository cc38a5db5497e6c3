/**
 * Floods on real PostgreSQL + Redis (docs/security.md): many sockets from one address
 * (KEFU_WS_MAX_PER_IP), many devices of one user (KEFU_WS_MAX_PER_USER), upgrades that stall in
 * the token check (KEFU_WS_MAX_UPGRADING, KEFU_WS_UPGRADE_TIMEOUT_MS), slowloris (headers never
 * finished: KEFU_HTTP_HEADERS_TIMEOUT_MS) and a socket that never reads
 * (KEFU_WS_MAX_BUFFERED_BYTES). A healthy client on the same node is served within 50 ms p99
 * throughout, and nothing is stored.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { needsPg, needsRedis } from '../support/services.ts';
import { eventually } from '../support/kefu.ts';
import { codeOf, connect, startSetup, storesNothing, type Setup } from './support.ts';
import { ReconnectingKefuClient } from '../../src/client/reconnecting.ts';

const MAX_PER_IP = 20;
const MAX_PER_USER = 3;
const MAX_UPGRADING = 5;
const UPGRADE_TIMEOUT_MS = 1000;
const HEADERS_TIMEOUT_MS = 1500;
const STALL = 'stall-in-the-token-check';

describe('floods (real PostgreSQL + Redis)', { skip: needsPg || needsRedis }, () => {
  let s: Setup;
  before(async () => {
    s = await startSetup({
      KEFU_ROBOT: 'false',
      KEFU_WS_MAX_PER_IP: String(MAX_PER_IP),
      KEFU_WS_MAX_PER_USER: String(MAX_PER_USER),
      KEFU_WS_MAX_UPGRADING: String(MAX_UPGRADING),
      KEFU_WS_UPGRADE_TIMEOUT_MS: String(UPGRADE_TIMEOUT_MS),
      KEFU_HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
      KEFU_WS_MAX_BUFFERED_BYTES: '65536',
    });
    // An issuer that never answers, for one token: the upgrade stalls in the token check.
    const verifier = s.node.rt.verifier as { verify(t: string): Promise<unknown> };
    const real = verifier.verify.bind(verifier);
    verifier.verify = (t) => (t === STALL ? new Promise(() => {}) : real(t));
  });
  after(async () => s?.close());
  const token = (sub: string) => s.issuer.token({ sub, scope: 'cs:customer' });

  test('a connection flood from one address stops at KEFU_WS_MAX_PER_IP with 429 RATE_LIMITED', async () => {
    const tokens = await Promise.all(Array.from({ length: MAX_PER_IP }, (_, i) => token(`flood_${i}`)));
    await s.probe.during('connection flood', () =>
      storesNothing(s.node, 'connection flood', async () => {
        // The healthy client holds one of this address's slots.
        const open = [];
        for (const t of tokens.slice(0, MAX_PER_IP - 1)) open.push(await s.attacker.upgrade(s.node.url, { query: `?token=${t}` }));
        assert.ok(open.every((r) => r.status === 101), 'up to the cap every socket opens');
        // 300 more, 20 at a time: refused before the token is even checked.
        const refused = await s.attacker.upgrades(s.node.url, { query: `?token=${tokens[0]}`, count: 300, wave: 20 });
        assert.deepEqual([...new Set(refused.map((r) => `${r.status} ${codeOf(r.body)}`))], ['429 RATE_LIMITED']);
        await s.attacker.close(open.slice(0, 1));
        const again = await eventually(async () => {
          const r = await s.attacker.upgrade(s.node.url, { query: `?token=${tokens[0]}` });
          return r.status === 101 ? r : undefined;
        }, 3000, 'a freed slot to be usable');
        await s.attacker.close([again!, ...open.slice(1)]);
      }),
    );
  });

  test("past KEFU_WS_MAX_PER_USER the user's oldest device is told (RATE_LIMITED) and closed with 4429", async () => {
    const t = await token('many_devices');
    await s.probe.during('devices of one user', async () => {
      const devices = [];
      for (let i = 0; i < MAX_PER_USER; i++) devices.push(await connect(s.node.url, t, 'app'));
      const newest = await connect(s.node.url, t, 'web');
      const closed = await devices[0]!.waitClosed();
      assert.deepEqual(closed, { code: 4429, reason: 'too many devices' });
      assert.equal(devices[0]!.lastError?.code, 'RATE_LIMITED');
      assert.match(devices[0]!.lastError?.message ?? '', /too many devices/);
      for (const d of [...devices.slice(1), newest]) assert.equal((await d.ping()).type, 'pong', 'the other devices stay');
      await Promise.all([...devices.slice(1), newest].map((d) => d.close()));
    });
  });

  test('the reconnecting client closed with 4429 stays closed instead of evicting the next device', async () => {
    const t = await token('too_many_reconnecting');
    const oldest = await ReconnectingKefuClient.connect({ urls: [s.node.url], token: t, device: 'app', minBackoffMs: 10, maxBackoffMs: 50 });
    const others = [];
    for (let i = 0; i < MAX_PER_USER; i++) others.push(await connect(s.node.url, t, 'web'));
    await eventually(() => !oldest.connected, 3000, 'the oldest device to be closed');
    await new Promise((r) => setTimeout(r, 500)); // many backoff periods
    assert.equal(oldest.connected, false, 'it did not come back');
    for (const d of others) assert.equal((await d.ping()).type, 'pong', 'no other device was evicted by a reconnect');
    await Promise.all(others.map((d) => d.close()));
    await oldest.close();
  });

  test('upgrades that stall in the token check: at most KEFU_WS_MAX_UPGRADING at once (503), each dropped at KEFU_WS_UPGRADE_TIMEOUT_MS', async () => {
    const good = await token('after_stall');
    await s.probe.during('stalled upgrades', () =>
      storesNothing(s.node, 'stalled upgrades', async () => {
        const stalled = s.attacker.upgrades(s.node.url, { query: `?token=${STALL}`, count: MAX_UPGRADING });
        await new Promise((r) => setTimeout(r, 300));
        const over = await s.attacker.upgrade(s.node.url, { query: `?token=${good}` });
        assert.equal(over.status, 503);
        assert.equal(codeOf(over.body), 'UNAVAILABLE');
        for (const d of await stalled) {
          assert.equal(d.status, 0, 'a stalled upgrade is dropped, not answered');
          assert.ok(d.droppedAfterMs! >= UPGRADE_TIMEOUT_MS - 50 && d.droppedAfterMs! < UPGRADE_TIMEOUT_MS + 1000, `dropped after ${d.droppedAfterMs} ms`);
        }
        const after = await s.attacker.upgrade(s.node.url, { query: `?token=${good}` });
        assert.equal(after.status, 101, 'their slots are free again');
        await s.attacker.close([after]);
      }),
    );
  });

  test('slowloris: sockets that never finish their upgrade headers are closed with 408 within KEFU_HTTP_HEADERS_TIMEOUT_MS', async () => {
    const t = await token('slowloris');
    const partial = `GET /im?token=${t} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n`;
    const results = await s.probe.during('slowloris', () => storesNothing(s.node, 'slowloris', () => s.attacker.raw(s.node.url, partial, 50)));
    const worst = Math.max(...results.map((r) => r.closedAfterMs));
    console.log(`[security] slowloris: 50 partial upgrades closed after at most ${worst.toFixed(0)} ms (KEFU_HTTP_HEADERS_TIMEOUT_MS=${HEADERS_TIMEOUT_MS})`);
    for (const r of results) {
      assert.match(r.answer, /^HTTP\/1\.1 408/);
      // node checks header deadlines once a second (connectionsCheckingInterval).
      assert.ok(r.closedAfterMs < HEADERS_TIMEOUT_MS + 1500, `closed after ${r.closedAfterMs.toFixed(0)} ms`);
    }
  });

  /** A buyer's conversation of 25 messages of ~4 KB, so that each sync answer is ~100 KB. */
  async function bigConversation(sub: string): Promise<{ token: string; conversationId: string }> {
    const t = await token(sub);
    const writer = await connect(s.node.url, t, 'app');
    let conversationId = '';
    for (let i = 0; i < 25; i++) conversationId = (await writer.sendText({ shopId: 'shop_flood' }, `${i} ${'x'.repeat(3990)}`)).conversationId;
    await writer.close();
    return { token: t, conversationId };
  }

  // Answers of 25 messages (~100 KB), 25 a second, until kefu cuts the socket off.
  const neverReads = (c: { token: string; conversationId: string }) => s.attacker.neverReads({ url: s.node.url, token: c.token, conversationId: c.conversationId, limit: 25, max: 400, everyMs: 40 });

  test('a socket that never reads is cut off once the server buffers KEFU_WS_MAX_BUFFERED_BYTES for it', async () => {
    const c = await bigConversation('never_reads');
    const rss0 = process.memoryUsage().rss;
    const r = await s.probe.during('a socket that never reads', () => storesNothing(s.node, 'a socket that never reads', () => neverReads(c)), { latency: false });
    const grown = (process.memoryUsage().rss - rss0) / 1024 / 1024;
    console.log(`[security] never-reading socket: cut off: ${r.cut}, after ${r.frames} sync frames (~100 KB answers, ~${((r.frames * 100) / 1024).toFixed(1)} MB asked for); kefu's process rss grew ${grown.toFixed(1)} MB meanwhile`);
    assert.ok(r.cut, 'the socket that never reads was cut off');
    assert.ok(r.frames < 400, 'before all 40 MB were asked for');
  });

  test(
    'a socket that never reads: the healthy client keeps its 50 ms p99 meanwhile',
    { todo: 'intermittent: producing ~4 MB of history answers in two seconds can cost scavenges of 30-40 ms (node --trace-gc), and one ping in ~80 then takes over 50 ms; docs/security.md, "Not covered"' },
    async () => {
      const c = await bigConversation('never_reads_2');
      const r = await s.probe.during('a socket that never reads (latency)', () => neverReads(c));
      assert.ok(r.cut);
    },
  );
});
