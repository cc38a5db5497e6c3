import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractBearer, hasRole, requireRole, requireShop, requireShopOr403, requireShopOr404, type Principal, type Role } from '../../src/auth/index.ts';
import { KefuError } from '../../src/protocol/errors.ts';

const principal = (roles: Role[], shopId?: string): Principal => ({ userId: 'u', roles: new Set(roles), shopId, name: undefined, expiresAt: undefined });

function throwsCode(fn: () => void, code: string): void {
  assert.throws(fn, (e: unknown) => e instanceof KefuError && e.code === code);
}

describe('extractBearer', () => {
  test('takes the token of a Bearer header, scheme case-insensitive', () => {
    assert.equal(extractBearer('Bearer abc.def.ghi'), 'abc.def.ghi');
    assert.equal(extractBearer('bearer abc.def-_~+/=='), 'abc.def-_~+/==');
    assert.equal(extractBearer('BEARER   tok '), 'tok');
  });

  test('anything else is no token', () => {
    for (const h of [undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearerabc', 'Bearer a b', 'Bearer a,b', 'Token abc', ' Bearer abc']) {
      assert.equal(extractBearer(h), undefined, JSON.stringify(h));
    }
  });
});

describe('requireRole', () => {
  test('passes with any one of the roles, FORBIDDEN otherwise', () => {
    const agent = principal(['agent'], 's1');
    requireRole(agent, ['agent', 'admin']);
    assert.equal(hasRole(agent, ['admin']), false);
    throwsCode(() => requireRole(agent, ['admin', 'commands']), 'FORBIDDEN');
    throwsCode(() => requireRole(principal(['customer']), ['agent']), 'FORBIDDEN');
    throwsCode(() => requireRole(agent, []), 'FORBIDDEN');
  });
});

describe('requireShop', () => {
  test('own shop passes', () => {
    const admin = principal(['admin'], 's1');
    requireShopOr404(admin, 's1');
    requireShopOr403(admin, 's1');
    requireShop(admin, 's1');
  });

  test('another shop: 404 for resources, 403 for shop routes', () => {
    const admin = principal(['admin'], 's1');
    throwsCode(() => requireShopOr404(admin, 's2'), 'NOT_FOUND');
    throwsCode(() => requireShop(admin, 's2'), 'NOT_FOUND');
    throwsCode(() => requireShopOr403(admin, 's2'), 'FORBIDDEN');
  });

  test('a principal without a shop never matches, not even an empty shop id', () => {
    const buyer = principal(['customer']);
    throwsCode(() => requireShopOr404(buyer, ''), 'NOT_FOUND');
    throwsCode(() => requireShopOr403(buyer, 's1'), 'FORBIDDEN');
  });
});
