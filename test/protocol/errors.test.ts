import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, ERROR_CODES, KefuError, toKefuError } from '../../src/protocol/errors.ts';

test('every error code is documented in docs/errors.md with its HTTP status', () => {
  const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
  for (const code of ERROR_CODES) {
    assert.match(doc, new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${ERROR_CATALOGUE[code].http}\\s*\\|`), `${code} row in docs/errors.md`);
  }
});

test('the WebSocket codes are exactly those of the contract', () => {
  const ws = ERROR_CODES.filter((c) => ERROR_CATALOGUE[c].ws).sort();
  assert.deepEqual(ws, ['BAD_FRAME', 'CLOCK_SKEW', 'FORBIDDEN', 'INTERNAL', 'NOT_FOUND', 'RATE_LIMITED', 'REPLAY', 'TOO_LARGE', 'UNAUTHORIZED', 'UNAVAILABLE'].sort());
  for (const c of ERROR_CODES) assert.ok(ERROR_CATALOGUE[new KefuError(c, 'x').wsCode].ws, `${c} maps to a socket code`);
});

test('unknown throwables become INTERNAL without leaking their message', () => {
  const k = toKefuError(new Error('password=hunter2 at db'));
  assert.equal(k.code, 'INTERNAL');
  assert.doesNotMatch(k.message, /hunter2/);
  assert.deepEqual(new KefuError('BAD_REQUEST', 'items[0].price must be a decimal string').toBody(), { error: { code: 'BAD_REQUEST', message: 'items[0].price must be a decimal string' } });
});
