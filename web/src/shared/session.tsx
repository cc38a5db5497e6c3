/**
 * How the console and the admin get their staff token (`cs:agent` / `cs:admin` with `shop_id`):
 *
 * 1. `?demo=agent_1` (demo mode only): from kefu's same-origin `GET /demo/token?as=…`;
 * 2. `#access_token=…` in the URL (where the platform's OAuth2 login redirects back to), then
 *    kept in sessionStorage for this tab and removed from the address bar;
 * 3. what this tab kept before;
 * 4. otherwise a sign-in form where a token can be pasted.
 *
 * A demo session fetches a new token when the old one expires; any other asks to sign in again.
 */
import { useState } from 'preact/hooks';
import { claimsOf, expiresSoon, scopes, type TokenClaims } from './jwt.ts';
import type { Lang } from './i18n.ts';

export interface Session {
  token: string;
  claims: TokenClaims;
  shopId: string;
  scopes: Set<string>;
  /** A new token: the demo endpoint again, or undefined (sign in again). */
  renew(): Promise<string | undefined>;
}

const KEY = (page: string) => `kefu.token.${page}`;
const EXPIRED_KEY = (page: string) => `kefu.expired.${page}`;
/** What startSession says when the tab's token ran out: the sign-in form says it in the page's language. */
export const SESSION_EXPIRED = 'session expired';

/**
 * At the token's expiry the page goes back to the sign-in form, saying why: the console sat
 * "reconnecting" for ever, and a reload showed an empty shop with the same dead token (found from
 * outside). Only tokens that cannot be renewed (a demo session fetches a new one).
 */
function signInAgainAt(page: string, token: string): void {
  const exp = claimsOf(token)?.exp;
  if (exp === undefined) return;
  setTimeout(() => expire(page), Math.min(2 ** 31 - 1, Math.max(0, exp * 1000 - Date.now())));
}

function expire(page: string): void {
  sessionStorage.removeItem(KEY(page));
  sessionStorage.setItem(EXPIRED_KEY(page), '1');
  location.reload();
}

async function demoToken(as: string): Promise<string> {
  const r = await fetch(`/demo/token?as=${encodeURIComponent(as)}`, { headers: { accept: 'application/json' } });
  const body = (await r.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
  if (!r.ok || !body.token) throw new Error(body.error?.message ?? `demo sign-in answered ${r.status}`);
  return body.token;
}

function toSession(page: string, token: string, renew: () => Promise<string | undefined>, needRole: string[]): Session | string {
  const claims = claimsOf(token);
  if (!claims) return 'not a JWT';
  const sc = scopes(claims);
  if (!needRole.some((r) => sc.has(r))) return `the token needs the scope ${needRole.join(' or ')}`;
  if (!claims.shop_id) return 'the token has no shop_id';
  sessionStorage.setItem(KEY(page), token);
  return { token, claims, shopId: claims.shop_id, scopes: sc, renew };
}

/** The session from the URL or this tab's storage; a string says why there is none. */
export async function startSession(page: 'console' | 'admin', needRole: string[]): Promise<Session | string | undefined> {
  const q = new URLSearchParams(location.search);
  const demo = q.get('demo');
  if (demo) {
    const renew = async () => {
      try {
        return await demoToken(demo);
      } catch {
        return undefined;
      }
    };
    try {
      return toSession(page, await demoToken(demo), renew, needRole);
    } catch (e) {
      return (e as Error).message;
    }
  }
  const hash = new URLSearchParams(location.hash.slice(1));
  const fromHash = hash.get('access_token');
  if (fromHash) history.replaceState(null, '', location.pathname + location.search);
  const token = fromHash ?? sessionStorage.getItem(KEY(page));
  const expired = sessionStorage.getItem(EXPIRED_KEY(page));
  sessionStorage.removeItem(EXPIRED_KEY(page));
  if (!token) return expired ? SESSION_EXPIRED : undefined;
  if (expiresSoon(token, 0)) {
    sessionStorage.removeItem(KEY(page));
    return SESSION_EXPIRED;
  }
  const s = toSession(page, token, async () => undefined, needRole);
  if (typeof s !== 'string') signInAgainAt(page, token);
  return s;
}

export function signOut(page: 'console' | 'admin'): void {
  sessionStorage.removeItem(KEY(page));
  location.href = location.pathname;
}

const L = {
  zh: { title: '登录', token: '访问令牌', go: '登录', hint: '粘贴店铺的访问令牌（Bearer JWT）。演示模式下可直接打开：', expired: '登录已过期，请重新登录。' },
  en: { title: 'Sign in', token: 'Access token', go: 'Sign in', hint: 'Paste a bearer token (JWT) of the shop. In demo mode, open:', expired: 'Your session has expired: please sign in again.' },
};

export function SignIn({ lang, error, examples }: { lang: Lang; error: string | undefined; examples: string[] }) {
  const t = L[lang];
  const [v, setV] = useState('');
  return (
    <main class="signin">
      <h1>{t.title}</h1>
      {error ? (
        <p class="error" role="alert">
          {error === SESSION_EXPIRED ? t.expired : error}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          location.hash = `access_token=${encodeURIComponent(v.trim())}`;
          location.reload();
        }}
      >
        <label>
          {t.token}
          <textarea rows={4} value={v} onInput={(e) => setV((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit">{t.go}</button>
      </form>
      <p>
        {t.hint}{' '}
        {examples.map((x) => (
          <a key={x} href={x}>
            {x}{' '}
          </a>
        ))}
      </p>
    </main>
  );
}
