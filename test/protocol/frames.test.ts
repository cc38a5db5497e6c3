import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseClientFrame } from '../../src/protocol/frames.ts';
import { checkFrame, TokenBucket } from '../../src/gateway/guards.ts';
import { MemoryCache } from '../../src/storage/memory/memory-cache.ts';
import { awaitsRobotReply, dropHistory, HistoryWriter, readHistoryRaw, pushHistory } from '../../src/conversation/history.ts';
import type { MessageFrame } from '../../src/protocol/frames.ts';

const base = { id: 'f1', ts: 1, nonce: 'n'.repeat(16) };

test('frames: valid ones parse, invalid ones name the field', () => {
  assert.equal(parseClientFrame(JSON.stringify({ ...base, type: 'ping' })).ok, true);
  const r = parseClientFrame(JSON.stringify({ ...base, type: 'sync', conversationId: 'c1', afterSeq: -1 }));
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.reason : '', /^afterSeq/);
  const extra = parseClientFrame(JSON.stringify({ ...base, type: 'ping', extra: 1 }));
  assert.equal(extra.ok, false);
  const proto = parseClientFrame('{"type":"ping","id":"x","ts":1,"nonce":"nnnnnnnnnnnnnnnn","content":{"__proto__":{"polluted":1}}}');
  assert.equal(proto.ok, false);
  assert.equal(({} as { polluted?: number }).polluted, undefined);
  const short = parseClientFrame(JSON.stringify({ ...base, type: 'ping', nonce: 'short' }));
  assert.match(!short.ok ? short.reason : '', /^nonce/);
  assert.equal(parseClientFrame('[]').ok, false);
  assert.equal(parseClientFrame('null').ok, false);
  assert.equal((parseClientFrame('{"id":"keep","type":"nope"}') as { id?: string }).id, 'keep');
});

// Found from outside: a text of spaces or a lone line break was stored and failed the robot's turn.
test('frames: a text of only spaces and line breaks is BAD_FRAME; one with a character in it is a text', () => {
  const send = (text: string) => parseClientFrame(JSON.stringify({ ...base, type: 'send', shopId: 's1', clientMsgId: 'm1', content: { kind: 'text', text } }));
  for (const blank of ['   ', '\n', ' \t\r\n ', '\u3000', '\u200b\u200b', ' \ufeff\u2060 ']) {
    const r = send(blank);
    assert.equal(r.ok, false, JSON.stringify(blank));
    assert.match(!r.ok ? r.reason : '', /^content\.text.*spaces, line breaks and invisible characters/);
  }
  assert.equal(send(' 在吗 ').ok, true);
  assert.equal(send('\u200b在吗').ok, true);
  // Terminal escapes and other control characters are refused (found from outside: stored and shown as sent); tabs and line breaks are text.
  for (const bad of ['hi\u0007', 'hi\u001b[31mred', 'a\u009bb']) {
    const r = send(bad);
    assert.equal(r.ok, false, JSON.stringify(bad));
    assert.match(!r.ok ? r.reason : '', /^content\.text.*control characters/);
  }
  assert.equal(send('第一行\n第二行\t完').ok, true);
  // Other line breaks (Word's soft break \v, form feed, NEL, U+2028/9) are stored as \n, not refused.
  const broken = send('第一行\u000b第二行\u000c三\u0085四\u2028五\u2029六');
  assert.deepEqual(broken.ok && broken.frame.type === 'send' ? broken.frame.content : undefined, { kind: 'text', text: '第一行\n第二行\n三\n四\n五\n六' });
  assert.equal(send('\u000b\u000c').ok, false);
});

test('frames: a NUL or an unpaired surrogate in any string is BAD_FRAME naming the field', () => {
  const send = (o: Record<string, unknown>) => JSON.stringify({ ...base, type: 'send', shopId: 's1', clientMsgId: 'c1', content: { kind: 'text', text: 'ok' }, ...o });
  const reason = (raw: string) => {
    const r = parseClientFrame(raw);
    return r.ok ? 'ok' : r.reason;
  };
  const msg = 'contains a NUL character or an unpaired surrogate';
  assert.equal(reason(send({ content: { kind: 'text', text: 'a\u0000b' } })), `content.text: ${msg}`);
  assert.equal(reason(send({ content: { kind: 'text', text: '\ud83d' } })), `content.text: ${msg}`);
  assert.equal(reason(send({ content: { kind: 'text', text: 'a\ude00b' } })), `content.text: ${msg}`);
  assert.equal(reason(send({ clientMsgId: '\udbff' })), `clientMsgId: ${msg}`);
  assert.equal(reason(send({ nonce: `${'n'.repeat(16)}\u0000` })), `nonce: ${msg}`);
  assert.equal(reason(send({ content: { kind: 'image', url: 'https://a.example/\u0000' } })), `content.url: ${msg}`);
  assert.equal(reason(send({ content: { kind: 'text', text: '表情 \ud83d\ude00 ok' } })), 'ok', 'a surrogate pair is a character');
});

test('anti-replay: ts window and nonce memory until the ts expires', async () => {
  const c = new MemoryCache();
  const fb = new MemoryCache();
  const now = 1_000_000_000_000;
  await checkFrame(c, fb, { userId: 'u', ts: now - 60_000, nonce: 'a'.repeat(16), perSecond: 100 }, now);
  await assert.rejects(checkFrame(c, fb, { userId: 'u', ts: now - 60_000, nonce: 'a'.repeat(16), perSecond: 100 }, now), { code: 'REPLAY' });
  // Another user may use the same nonce.
  await checkFrame(c, fb, { userId: 'v', ts: now, nonce: 'a'.repeat(16), perSecond: 100 }, now);
  await assert.rejects(checkFrame(c, fb, { userId: 'u', ts: now - 5 * 60_000 - 1, nonce: 'b'.repeat(16), perSecond: 100 }, now), { code: 'CLOCK_SKEW' });
  await assert.rejects(checkFrame(c, fb, { userId: 'u', ts: now + 5 * 60_000 + 1, nonce: 'b'.repeat(16), perSecond: 100 }, now), { code: 'CLOCK_SKEW' });
  // The nonce is kept as long as its ts can be accepted (ts + 5 min), with a second of margin.
  assert.ok((await c.ttl(`nonce:u:${'a'.repeat(16)}`)) > 3 * 60_000);
  await c.close();
  await fb.close();
});

test('per-user rate in the same call: the frame past the limit of its second is refused; a cache that is down falls back for replay and fails open for rate', async () => {
  const c = new MemoryCache();
  const fb = new MemoryCache();
  const now = 1_000_000_000_000;
  const frame = (i: number) => ({ userId: 'u', ts: now, nonce: `n${i}`.padEnd(16, 'x'), perSecond: 3 });
  for (let i = 0; i < 3; i++) await checkFrame(c, fb, frame(i), now);
  await assert.rejects(checkFrame(c, fb, frame(3), now), { code: 'RATE_LIMITED' });
  await checkFrame(c, fb, frame(4), now + 1000);
  const down = Object.assign(new MemoryCache(), { admitFrame: () => Promise.reject(new Error('down')) });
  for (let i = 10; i < 20; i++) await checkFrame(down, fb, frame(i), now);
  await assert.rejects(checkFrame(down, fb, frame(10), now), { code: 'REPLAY' }, 'the fallback remembers nonces');
  for (const x of [c, fb, down]) await x.close();
});

test('token bucket: burst of twice the rate, then the rate', () => {
  const b = new TokenBucket(10, 0);
  let ok = 0;
  for (let i = 0; i < 30; i++) if (b.take(0)) ok++;
  assert.equal(ok, 20);
  assert.equal(b.take(50), false);
  assert.equal(b.take(100), true);
});

test('hot history serves a range only when it holds every seq of it', async () => {
  const c = new MemoryCache();
  const readHistory = async (...a: [typeof c, string, number, number, number]) => (await readHistoryRaw(...a))?.map((s) => JSON.parse(s) as MessageFrame);
  const m = (seq: number): MessageFrame => ({ type: 'message', conversationId: 'c', shopId: 's', seq, sender: { role: 'customer', id: 'u' }, content: { kind: 'text', text: String(seq) }, ts: seq });
  for (const s of [1, 2, 3, 5, 4, 6]) await pushHistory(c, m(s));
  assert.deepEqual((await readHistory(c, 'c', 2, 6, 6))?.map((x) => x.seq), [3, 4, 5, 6]);
  const g = (seq: number): MessageFrame => ({ ...m(seq), conversationId: 'g' });
  for (const s of [1, 2, 4]) await pushHistory(c, g(s));
  assert.equal(await readHistory(c, 'g', 0, 4, 4), undefined, 'a gap means PostgreSQL');
  assert.equal(await readHistory(c, 'g', 0, 5, 5), undefined, 'a missing tail means PostgreSQL');
  assert.equal(await readHistory(c, 'c', 0, 600, 600), undefined, 'older than the hot window');
  await c.close();
});

test('an erased conversation\'s hot history stays a tombstone: a late push cannot bring the words back', async () => {
  const c = new MemoryCache();
  const m = (seq: number): MessageFrame => ({ type: 'message', conversationId: 'e', shopId: 's', seq, sender: { role: 'customer', id: 'u' }, content: { kind: 'text', text: `secret ${seq}` }, ts: seq });
  for (const s of [1, 2]) await pushHistory(c, m(s));
  assert.equal((await readHistoryRaw(c, 'e', 1, 2, 2))?.length, 1);
  await dropHistory(c, 'e');
  await new Promise((r) => setTimeout(r, 30));
  // The message stored just before the erasure, its push still in flight: refused, quietly.
  await pushHistory(c, m(3));
  assert.equal(await readHistoryRaw(c, 'e', 2, 3, 3), undefined, 'the sync reads PostgreSQL');
  assert.equal(await readHistoryRaw(c, 'e', 0, 2, 2), undefined);
  assert.equal(await c.get('hist:e'), 'erased');
  await c.close();
});

test('a buyer\'s message to the robot waits for the reply and goes to the hot history with it, in one command', async () => {
  const pushes: number[] = [];
  const c = new (class extends MemoryCache {
    override listPush(key: string, values: readonly string[], opts: { maxLen: number; ttlMs: number }) {
      pushes.push(values.length);
      return super.listPush(key, values, opts);
    }
  })();
  const errors: unknown[] = [];
  const w = new HistoryWriter(c, (e) => errors.push(e), 100);
  const m = (conv: string, seq: number, role: 'customer' | 'bot' | 'agent'): MessageFrame => ({ type: 'message', conversationId: conv, shopId: 's', seq, sender: { role, id: role }, content: { kind: 'text', text: `${seq}` }, ts: seq });
  const seqs = async (conv: string, to: number) => (await readHistoryRaw(c, conv, 0, to, to))?.map((x) => (JSON.parse(x) as MessageFrame).seq);
  w.add(m('a', 1, 'customer'), true);
  w.add(m('a', 2, 'customer'), true);
  assert.equal(await seqs('a', 2), undefined, 'held: a sync reads PostgreSQL');
  w.add(m('a', 3, 'bot'), false);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(pushes, [3], 'two buyer messages and the reply, one command');
  assert.deepEqual(await seqs('a', 3), [1, 2, 3]);
  // No reply (the robot was shed, or said nothing): written alone once the hold is over.
  w.add(m('b', 1, 'customer'), true);
  assert.equal(w.held, 1);
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(w.held, 0);
  assert.deepEqual(await seqs('b', 1), [1]);
  // Not to the robot (an agent holds the conversation): at once.
  w.add(m('d', 1, 'customer'), false);
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(await seqs('d', 1), [1]);
  // Shutdown writes what is still held.
  w.add(m('e', 1, 'customer'), true);
  await w.flush();
  assert.deepEqual(await seqs('e', 1), [1]);
  assert.deepEqual(pushes, [3, 1, 1, 1]);
  assert.deepEqual(errors, []);
  await c.close();
});

test('what waits for the robot\'s reply: a buyer\'s text in a robot conversation, when the robot runs', () => {
  const m = (role: 'customer' | 'bot' | 'agent', kind: 'text' | 'image' = 'text'): MessageFrame => ({
    type: 'message', conversationId: 'c', shopId: 's', seq: 1, sender: { role, id: role }, ts: 1,
    content: kind === 'text' ? { kind: 'text', text: 'hi' } : { kind: 'image', url: 'https://x.test/a.png' },
  } as MessageFrame);
  assert.equal(awaitsRobotReply(m('customer'), 'bot', true), true);
  assert.equal(awaitsRobotReply(m('customer'), 'bot', false), false, 'no robot: nothing will answer');
  assert.equal(awaitsRobotReply(m('customer', 'image'), 'bot', true), false, 'the robot answers text only');
  for (const state of ['queued', 'assigned', 'closed'] as const) assert.equal(awaitsRobotReply(m('customer'), state, true), false, state);
  for (const role of ['bot', 'agent'] as const) assert.equal(awaitsRobotReply(m(role), 'bot', true), false, role);
});

test('a retention sweep drops the hot history at once; an erasure leaves the tombstone', async () => {
  const c = new MemoryCache();
  const m = (conv: string, seq: number): MessageFrame => ({ type: 'message', conversationId: conv, shopId: 's', seq, sender: { role: 'customer', id: 'u' }, content: { kind: 'text', text: `${seq}` }, ts: seq });
  await pushHistory(c, [m('r', 1), m('r', 2)]);
  await dropHistory(c, 'r', 1);
  await new Promise((r) => setTimeout(r, 30));
  await pushHistory(c, m('r', 3));
  assert.equal((await readHistoryRaw(c, 'r', 2, 3, 3))?.length, 1, 'new messages are cached again at once');
  await c.close();
});

test('raw hot history keys on the frame seq, not on text that looks like one', async () => {
  const c = new MemoryCache();
  const m = (seq: number, text: string): MessageFrame => ({ type: 'message', conversationId: 'c2', shopId: 's', seq, sender: { role: 'customer', id: 'u' }, content: { kind: 'text', text }, ts: seq });
  await pushHistory(c, m(1, 'a'));
  await pushHistory(c, m(2, '{"seq":1,"seq":7}'));
  await pushHistory(c, m(3, 'c'));
  const raw = await readHistoryRaw(c, 'c2', 0, 3, 3);
  assert.deepEqual(raw?.map((s) => (JSON.parse(s) as MessageFrame).seq), [1, 2, 3]);
  assert.equal((JSON.parse(raw![1]!) as { content: { text: string } }).content.text, '{"seq":1,"seq":7}');
  await c.close();
});

test('frameJson: one serialisation per frame object, equal to JSON.stringify', async () => {
  const { frameJson } = await import('../../src/protocol/frames.ts');
  let serialisations = 0;
  const f = { type: 'pong' as const, id: 'a', ts: 1, toJSON: () => (serialisations++, { type: 'pong', id: 'a', ts: 1 }) };
  const a = frameJson(f);
  assert.equal(a, '{"type":"pong","id":"a","ts":1}');
  assert.equal(frameJson(f), a);
  assert.equal(frameJson(f), a);
  assert.equal(serialisations, 1, 'serialised once however often it is sent');
  const g = { type: 'pong' as const, id: 'b', ts: 2 };
  assert.equal(frameJson(g), JSON.stringify(g), 'another frame, its own text');
});

test('frames: a text may say the device\'s language (content.lang, zh or en); anything else is BAD_FRAME naming it', () => {
  const send = (content: Record<string, unknown>) => parseClientFrame(JSON.stringify({ ...base, type: 'send', shopId: 's1', clientMsgId: 'm1', content }));
  const ok = send({ kind: 'text', text: 'TG1002', lang: 'en' });
  assert.deepEqual(ok.ok && ok.frame.type === 'send' ? ok.frame.content : undefined, { kind: 'text', text: 'TG1002', lang: 'en' });
  const bad = send({ kind: 'text', text: 'TG1002', lang: 'fr' });
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.reason : '', /^content\.lang/);
});
