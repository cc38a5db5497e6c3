/**
 * Which browser origins may open a socket (docs/protocol.md, "Connecting"). An origin is its
 * scheme, host and port, compared exactly: `https://kefu.example` is not `http://kefu.example`,
 * and `:8080` is not `:8081`. The allowed set comes from configuration only, never from the
 * request: a client chooses its `Host` header, so comparing the Origin with it let any page
 * through that also spoofed Host.
 *
 * One parser (`canonicalOrigin`) serves the configuration (KEFU_ALLOWED_ORIGINS), the upgrade
 * check and the pages' frame-ancestors, so all three agree on what an origin is.
 */

/** `scheme://host[:port]` lower-cased with the default port dropped; undefined for anything else (`null`, a path, credentials, another scheme). */
export function canonicalOrigin(value: string): string | undefined {
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password || u.search || u.hash || u.pathname !== '/' || value.endsWith('?') || value.endsWith('#')) return undefined;
  return u.origin;
}

export interface OriginPolicy {
  /** `*` in KEFU_ALLOWED_ORIGINS: any origin. */
  readonly any: boolean;
  /** Canonical origins that may connect. */
  readonly origins: ReadonlySet<string>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/**
 * The server's own origins: `http://<KEFU_HOST>:<port it listens on>`. A loopback or wildcard
 * listen address is reachable as 127.0.0.1, localhost and [::1] on this machine, so those are
 * its own too; a wildcard address names no host a browser uses, so other hosts must be listed.
 */
export function ownOrigins(host: string, port: number): string[] {
  const h = host.toLowerCase();
  const hosts = LOOPBACK.has(h) || WILDCARD.has(h) ? ['127.0.0.1', 'localhost', '[::1]'] : [h.includes(':') && !h.startsWith('[') ? `[${h}]` : h];
  return hosts.map((x) => canonicalOrigin(`http://${x}:${port}`)).filter((o): o is string => o !== undefined);
}

/**
 * KEFU_ALLOWED_ORIGINS (already canonical), plus the server's own origins when the list is unset
 * or in demo mode (the demo pages connect from kefu's own origin).
 */
export function originPolicy(o: { allowed: readonly string[] | undefined; demo: boolean; host: string; port: number }): OriginPolicy {
  const origins = new Set((o.allowed ?? []).filter((x) => x !== '*'));
  if (!o.allowed || o.demo) for (const own of ownOrigins(o.host, o.port)) origins.add(own);
  return { any: o.allowed?.includes('*') ?? false, origins };
}

/** No Origin header (a native app, a server) is allowed: Origin protects browsers' users, and only browsers send it. */
export function originAllowed(origin: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  if (policy.any) return true;
  const o = canonicalOrigin(origin);
  return o !== undefined && policy.origins.has(o);
}
