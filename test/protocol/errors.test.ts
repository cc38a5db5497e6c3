import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERROR_CATALOGUE, ERROR_CODES, KefuError, dependencyFailure, errorKind, markDependency, toKefuError } from '../../src/protocol/errors.ts';
import { isStorableText } from '../../src/protocol/validation.ts';

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

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

test('a dependency that is down, unreachable or timing out is UNAVAILABLE (503), never INTERNAL', () => {
  const down: Array<[unknown, string]> = [
    [withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'unknown'],
    [new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'), withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]), 'unknown'],
    [withCode('read ECONNRESET', 'ECONNRESET'), 'unknown'],
    [new Error('Connection terminated unexpectedly'), 'postgres'],
    [new Error('Connection terminated due to connection timeout'), 'postgres'],
    [new Error('Query read timeout'), 'postgres'],
    [new Error('timeout exceeded when trying to connect'), 'postgres'],
    [new Error('Client has encountered a connection error and is not queryable'), 'postgres'],
    [withCode('terminating connection due to administrator command', '57P01'), 'postgres'],
    [withCode('the database system is starting up', '57P03'), 'postgres'],
    [withCode('canceling statement due to statement timeout', '57014'), 'postgres'],
    [withCode('connection failure', '08006'), 'postgres'],
    [withCode('sorry, too many clients already', '53300'), 'postgres'],
    [new Error('wrapped', { cause: withCode('terminating connection', '57P01') }), 'postgres'],
    [markDependency(new Error('Redis command timed out after 1000 ms'), 'redis'), 'redis'],
    [new (class ClientClosedError extends Error {})('The client is closed'), 'redis'],
    [new Error('LOADING Redis is loading the dataset in memory'), 'redis'],
  ];
  for (const [e, dep] of down) {
    assert.equal(dependencyFailure(e), dep, (e as Error).message);
    const k = toKefuError(e);
    assert.equal(k.code, 'UNAVAILABLE', (e as Error).message);
    assert.equal(k.status, 503);
    assert.equal(k.wsCode, 'UNAVAILABLE');
    assert.doesNotMatch(k.message, /127\.0\.0\.1|ECONN|terminat/, 'no internals in the message');
    assert.equal(errorKind(e), 'dependency');
  }
  // Not dependency failures: a bug, a constraint, a fetch's own timeout.
  for (const e of [new TypeError('x is undefined'), withCode('duplicate key', '23505'), new DOMException('The operation timed out.', 'TimeoutError')]) {
    assert.equal(dependencyFailure(e), undefined, String(e));
    assert.equal(toKefuError(e).code, 'INTERNAL');
    assert.equal(errorKind(e), 'internal');
  }
  assert.equal(errorKind(new KefuError('BAD_FRAME', 'x')), 'input');
});

test('text the database refused as unstorable is BAD_REQUEST (the backstop behind validation)', () => {
  for (const e of [
    withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
    withCode('unsupported Unicode escape sequence', '22P05'),
    Object.assign(withCode('invalid input syntax for type json', '22P02'), { detail: 'Unicode low surrogate must follow a high surrogate.' }),
  ]) {
    const k = toKefuError(e);
    assert.equal(k.code, 'BAD_REQUEST', e.message);
    assert.equal(k.wsCode, 'BAD_FRAME');
    assert.equal(errorKind(e), 'input');
  }
  assert.equal(toKefuError(withCode('invalid input syntax for type bigint: "x"', '22P02')).code, 'INTERNAL');
});

test('isStorableText: NUL and unpaired surrogates out, everything else in', () => {
  for (const s of ['', 'plain', '中文 ✓', '\ud83d\ude00', 'a\u0001b', '\uFFFD']) assert.equal(isStorableText(s), true, JSON.stringify(s));
  for (const s of ['\u0000', 'a\u0000', '\ud800', '\udc00', 'x\ud83d', '\ude00\ud83d', '\ud83d\ud83d\ude00\ude00']) assert.equal(isStorableText(s), false, JSON.stringify(s));
});
