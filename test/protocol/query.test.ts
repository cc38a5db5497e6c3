/** Whole numbers in query strings (queryInt): decimal digits, given once, within bounds; anything else is a 400 naming the field. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { KefuError } from '../../src/protocol/errors.ts';
import { parseQuery, queryInt } from '../../src/protocol/validation.ts';

const q = z.strictObject({ limit: queryInt(1, 200).default(50), afterSeq: queryInt(0).default(0) });

test('decimal digits within bounds are numbers; absent ones take their default', () => {
  assert.deepEqual(parseQuery(q, { limit: '16', afterSeq: '0' }), { limit: 16, afterSeq: 0 });
  assert.deepEqual(parseQuery(q, {}), { limit: 50, afterSeq: 0 });
});

// Found from outside: `0x10` was read as 16, `1e3` as 1000, and a repeated parameter said "received NaN".
test('hex, exponents, signs, fractions, repeats and values out of bounds are refused, naming the field', () => {
  for (const [query, field, message] of [
    [{ limit: '0x10' }, 'limit', /decimal digits/],
    [{ afterSeq: '1e3' }, 'afterSeq', /decimal digits/],
    [{ limit: '-1' }, 'limit', /decimal digits/],
    [{ limit: '2.5' }, 'limit', /decimal digits/],
    [{ limit: ' 7' }, 'limit', /decimal digits/],
    [{ limit: ['1', '2'] }, 'limit', /more than once/],
    [{ limit: '201' }, 'limit', /200/],
    [{ limit: '0' }, 'limit', /1/],
  ] as const) {
    assert.throws(
      () => parseQuery(q, query),
      (e: unknown) => e instanceof KefuError && e.code === 'BAD_REQUEST' && e.message.startsWith(field) && message.test(e.message) && !/NaN/.test(e.message),
      JSON.stringify(query),
    );
  }
});
