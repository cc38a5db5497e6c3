/**
 * The node-local cache of sync answers (src/conversation/history.ts SyncFrameCache): reused only
 * for the same range of a conversation whose newest seq has not moved, and only briefly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SYNC_FRAME_TTL_MS, SyncFrameCache } from '../../src/conversation/history.ts';

const msgs = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `{"type":"message","seq":${from + i}}`);

test('a repeated sync of an unchanged conversation is served from the node; a new message or another range is not', () => {
  let now = 1_000_000;
  const c = new SyncFrameCache(() => now);
  const json = msgs(500);
  c.set('c1', 0, 500, 500, json);
  assert.equal(c.get('c1', 0, 500, 500)?.json, json);
  assert.equal(c.get('c1', 0, 499, 500), undefined, 'another range');
  assert.equal(c.get('c2', 0, 500, 500), undefined, 'another conversation');
  assert.equal(c.get('c1', 0, 500, 501), undefined, 'a newer message: the conversation moved on');
  assert.equal(c.get('c1', 0, 500, 500), undefined, 'and the stale copy is gone');
  assert.equal(c.chars, 0);
  c.set('c1', 0, 500, 500, json);
  now += SYNC_FRAME_TTL_MS + 1;
  assert.equal(c.get('c1', 0, 500, 500), undefined, 'older than the TTL (an erasure reaches every node within it)');
});

test('bounded: old entries are dropped as new ones come, and the characters held are counted exactly', () => {
  let now = 0;
  const c = new SyncFrameCache(() => now);
  const one = msgs(10);
  const chars = one.reduce((s, x) => s + x.length, 0);
  for (let i = 0; i < 5; i++) c.set(`c${i}`, 0, 10, 10, one);
  assert.equal(c.chars, 5 * chars);
  c.set('c0', 0, 10, 10, one);
  assert.equal(c.chars, 5 * chars, 'replacing an entry does not count it twice');
  now += SYNC_FRAME_TTL_MS + 1;
  c.set('c9', 0, 10, 10, one);
  assert.equal(c.chars, chars, 'expired entries leave as a new one is stored');
  assert.equal(c.get('c1', 0, 10, 10), undefined);
  assert.ok(c.get('c9', 0, 10, 10));
});
