/** Who is calling, as established from a verified access token (docs/api.md, "Identity"). */
export type Role = 'customer' | 'agent' | 'admin' | 'commands';

export const SCOPE_TO_ROLE: Readonly<Record<string, Role>> = Object.freeze({
  'cs:customer': 'customer',
  'cs:agent': 'agent',
  'cs:admin': 'admin',
  'cs:commands': 'commands',
});

export interface Principal {
  /** `sub`: the user id. */
  readonly userId: string;
  readonly roles: ReadonlySet<Role>;
  /** `shop_id`: the one shop an agent, admin or commands token may act for. */
  readonly shopId: string | undefined;
  readonly name: string | undefined;
  /** Token expiry (epoch seconds), so long-lived sockets can be closed when it passes. */
  readonly expiresAt: number | undefined;
}

/** Verifies a bearer token; rejects with KefuError('UNAUTHORIZED') for any invalid token. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}
