// Text PostgreSQL cannot store (a NUL, a lone surrogate) is refused by every validator at the
// edge, naming the field, instead of failing the write later (src/protocol/validation.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandInput, ResolveInput } from '../../src/commands/validation.ts';
import { canaryConfigSchema } from '../../src/robot/canary-control.ts';
import { createDemoIssuer } from '../../src/auth/demo-issuer.ts';
import { parseInput, UNSTORABLE_TEXT } from '../../src/protocol/validation.ts';

const BAD = ['a\u0000b', 'a\ud800b', '\udc00'];

test('commands: ids, amounts and notes', () => {
  for (const x of BAD) {
    assert.throws(() => parseCommandInput({ type: 'coupon.issue', payload: { userId: x, amount: '5' } }), { code: 'BAD_REQUEST', message: `payload.userId: ${UNSTORABLE_TEXT}` });
    assert.throws(() => parseCommandInput({ type: 'price.change', payload: { sku: 's', price: `5${x}` } }), { code: 'BAD_REQUEST', message: `payload.price: ${UNSTORABLE_TEXT}` });
    assert.throws(() => parseCommandInput({ type: 'coupon.issue', payload: { userId: 'u', amount: '5' }, conversationId: x }), { code: 'BAD_REQUEST', message: `conversationId: ${UNSTORABLE_TEXT}` });
    assert.throws(() => parseInput(ResolveInput, { note: x }), { code: 'BAD_REQUEST', message: `note: ${UNSTORABLE_TEXT}` });
  }
});

test('robot canary: version names', () => {
  for (const x of BAD) assert.throws(() => parseInput(canaryConfigSchema, { newVersion: x, oldVersion: 'v1', newDigits: [] }), { code: 'BAD_REQUEST', message: `newVersion: ${UNSTORABLE_TEXT}` });
});

test('demo issuer: every claim', async () => {
  const issuer = await createDemoIssuer({ dataDir: undefined, issuer: 'kefu-demo', audience: 'kefu', production: false });
  for (const x of BAD) {
    await assert.rejects(issuer.sign({ sub: x, scope: 'cs:customer' }), { code: 'BAD_REQUEST' });
    await assert.rejects(issuer.sign({ sub: 'b', scope: 'cs:agent', shop_id: x }), { code: 'BAD_REQUEST' });
    await assert.rejects(issuer.sign({ sub: 'b', scope: `cs:customer ${x}` }), { code: 'BAD_REQUEST' });
  }
});
