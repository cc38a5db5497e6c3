import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Substrings } from '../../src/robot/nlu/substrings.ts';

/** Every (pattern, start, end) by brute force, in the matcher's order: by end, longest first. */
function naive(patterns: readonly string[], text: string): string[] {
  const out: [number, number, number][] = [];
  patterns.forEach((p, i) => {
    for (let at = text.indexOf(p); at !== -1; at = text.indexOf(p, at + 1)) out.push([i, at, at + p.length]);
  });
  out.sort((x, y) => x[2] - y[2] || x[1] - y[1]);
  return out.map((h) => h.join(','));
}

function found(m: Substrings, text: string): string[] {
  const out: string[] = [];
  const n = m.scan(text);
  for (let i = 0; i < n; i++) out.push([m.pattern(i), m.start(i), m.end(i)].join(','));
  return out;
}

describe('Substrings', () => {
  test('finds every occurrence, overlapping and nested, as a brute-force search does', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'e', '退款', '款', '退款进度', ' ref', ' refund', 'und', '𠮷', '𠮷野'];
    const m = new Substrings(patterns);
    for (const text of ['ushers', 'hishers', '退款进度退款', ' refund refunded', '𠮷野家 𠮷', 'eeee', '']) {
      assert.deepEqual(found(m, text), naive(patterns, text), text);
    }
  });

  test('random patterns and texts agree with the brute-force search', () => {
    const alphabet = ['a', 'b', 'c', ' ', '退', '款', '𠮷'];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = [...new Set(Array.from({ length: 1 + rnd(12) }, () => word(1 + rnd(4))))];
      const m = new Substrings(patterns);
      const text = word(rnd(60));
      assert.deepEqual(found(m, text), naive(patterns, text), JSON.stringify({ patterns, text }));
    }
  });

  test('more matches than its first buffers hold, and a second scan replaces the first', () => {
    const m = new Substrings(['a', 'aa']);
    assert.equal(m.scan('a'.repeat(100)), 199);
    assert.equal(m.scan('ba'), 1);
    assert.equal(m.start(0), 1);
  });

  test('refuses empty and duplicate patterns', () => {
    assert.throws(() => new Substrings(['a', '']), /empty/);
    assert.throws(() => new Substrings(['ab', 'ab']), /duplicate/);
  });
});
