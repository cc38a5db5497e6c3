/** The Idempotency-Key header as commands read it (src/commands/validation.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KefuError } from '../../src/protocol/errors.ts';
import { idempotencyKey } from '../../src/commands/validation.ts';

const refused = (h: string | string[] | undefined, re: RegExp) =>
  assert.throws(() => idempotencyKey(h), (e: unknown) => e instanceof KefuError && e.code === 'BAD_REQUEST' && re.test(e.message), JSON.stringify(h));

test('one key, as sent; a header given twice, missing, blank, too long or not printable is refused', () => {
  assert.equal(idempotencyKey('order-42:coupon'), 'order-42:coupon');
  assert.equal(idempotencyKey(['order-42']), 'order-42', 'one distinct value');
  // Found from outside: two Idempotency-Key lines were joined by Node into "a, b" and accepted as one key.
  refused(['a', 'b'], /give the header once/);
  refused(undefined, /required/);
  refused([], /required/);
  refused('   ', /not blank/);
  refused('k'.repeat(256), /1 to 255/);
  refused('ключ', /printable ASCII/);
});
