/**
 * Authorization checks on a verified Principal (docs/api.md, "Identity"): 401 is decided by
 * the verifier, these decide 403 and 404. Call requireRole before requireShop*: a buyer token has
 * no shop, so a shop check alone would turn "wrong role" into "not found".
 */
import { KefuError } from '../protocol/errors.ts';
import type { FastifyRequest } from 'fastify';
import type { Principal, Role, TokenVerifier } from './principal.ts';
import { narrowToShop } from '../storage/scope.ts';

const STAFF: readonly Role[] = ['agent', 'admin', 'commands'];

// RFC 6750 section 2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
/** What a bearer token may be made of (RFC 6750's b64token); config checks static secrets against it. */
export const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const BEARER = new RegExp(`^Bearer +(${BEARER_TOKEN.source.slice(1, -1)}) *$`, 'i');

/** The token of an `Authorization: Bearer <token>` header; undefined for anything else. */
export function extractBearer(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  return BEARER.exec(header)?.[1];
}

export function hasRole(p: Principal, roles: readonly Role[]): boolean {
  return roles.some((r) => p.roles.has(r));
}

/** FORBIDDEN unless the principal holds at least one of `roles`. */
export function requireRole(p: Principal, roles: readonly Role[]): void {
  if (!hasRole(p, roles)) throw new KefuError('FORBIDDEN', `requires role ${roles.join(' or ')}`);
}

/**
 * For a resource reached by its own id (a conversation, a command, a FAQ entry) that turns out to
 * belong to another shop: answer as if it did not exist, so ids of other shops cannot be probed.
 */
export function requireShopOr404(p: Principal, shopId: string): void {
  if (p.shopId === undefined || p.shopId !== shopId) throw new KefuError('NOT_FOUND', 'not found');
}

/**
 * For a route that names the shop itself (`/shops/{shopId}/...`): the caller chose the shop, its
 * existence reveals nothing, and "you may not act for this shop" is the honest answer.
 */
export function requireShopOr403(p: Principal, shopId: string): void {
  if (p.shopId === undefined || p.shopId !== shopId) throw new KefuError('FORBIDDEN', 'token may not act for this shop');
}

/** The usual shop check: resources are not revealed to other shops (see requireShopOr404). */
export const requireShop = requireShopOr404;

/** Verifies the request's bearer token and checks its role (and shop, for `/shops/{shopId}` routes). */
export type Authorize = (req: FastifyRequest, opts: { roles: readonly Role[]; shopId?: string }) => Promise<Principal>;

export function createAuthorize(verifier: TokenVerifier): Authorize {
  return async (req, opts) => {
    const token = extractBearer(req.headers.authorization);
    if (!token) throw new KefuError('UNAUTHORIZED', 'bearer token required');
    const p = await verifier.verify(token);
    requireRole(p, opts.roles);
    // A route under /shops/{shopId} is staff business unless buyers are explicitly allowed:
    // staff of another shop get 403 (docs/api.md, "Identity").
    const asBuyer = opts.roles.includes('customer') && p.roles.has('customer');
    if (opts.shopId !== undefined && !asBuyer) requireShopOr403(p, opts.shopId);
    // Staff act for one shop: the rest of the request reads and writes as that shop only
    // (row-level security, storage/scope.ts). Buyers are not bound to a shop.
    if (p.shopId !== undefined && hasRole(p, STAFF)) narrowToShop(p.shopId);
    return p;
  };
}
