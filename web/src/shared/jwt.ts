/** What the pages read from their own token (display only: the server verifies it). */
export interface TokenClaims {
  sub: string;
  scope: string;
  shop_id?: string;
  name?: string;
  exp?: number;
}

export function claimsOf(token: string): TokenClaims | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as TokenClaims;
    return typeof claims.sub === 'string' ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** True when the token expires within `marginS` seconds (or cannot be read). */
export function expiresSoon(token: string, marginS = 30): boolean {
  const exp = claimsOf(token)?.exp;
  return exp === undefined ? false : exp * 1000 - Date.now() < marginS * 1000;
}

export const scopes = (c: TokenClaims | undefined): Set<string> => new Set((c?.scope ?? '').split(' ').filter(Boolean));
