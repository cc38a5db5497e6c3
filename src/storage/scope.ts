/**
 * The shop a piece of work runs for, carried through every await with AsyncLocalStorage, so the
 * storage adapters can tell PostgreSQL which shop's rows the statement may touch (row-level
 * security, migration 011) without every query passing it along.
 *
 * - A REST request or a frame of shop staff runs in that shop's scope (set at the entry: the
 *   app's route wrapper and `authorize()`, the gateway's frame handler). Buyers are not bound to
 *   one shop; their work runs in the system scope and their isolation is by buyer id in code.
 * - Work that no request started (timers started at boot, batches that mix shops, sweeps) runs in
 *   the system scope, which the policies admit everywhere. A batch flushed from inside a
 *   request's context must say so with `asSystem`, or its rows of other shops would be refused.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { rowSecurity } from './keys.ts';

/** Mutable on purpose: a request's scope is created before its token is verified, then narrowed. */
export interface ScopeBox {
  shopId: string | undefined;
}

const als = new AsyncLocalStorage<ScopeBox>();

/** Runs fn in a new scope (system until `narrowToShop` names the shop). */
export function inScope<T>(fn: () => T, shopId?: string): T {
  return als.run({ shopId }, fn);
}

/** Runs fn in the system scope, whatever scope the caller was in. */
export function asSystem<T>(fn: () => T): T {
  return als.run({ shopId: undefined }, fn);
}

/** Binds the current scope (if any) to one shop, for the rest of this request or frame. */
export function narrowToShop(shopId: string): void {
  const box = als.getStore();
  if (box) box.shopId = shopId;
}

/** The value for the `kefu.shop_id` setting of a statement issued now. */
export function scopeSetting(): string {
  return als.getStore()?.shopId ?? rowSecurity.system;
}
