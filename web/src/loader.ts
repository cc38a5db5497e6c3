/**
 * GET /widget.js: what a shop page embeds.
 *
 *   <script src="https://kefu.example/widget.js" data-shop="shop_demo" async></script>
 *
 * It puts a launcher button ("客服" / "Chat") in an open shadow root at the bottom right, and on
 * the first click opens the widget: an iframe of kefu's own origin (/widget/frame), so the chat
 * talks to kefu same-origin (no CORS, the socket's Origin is kefu's) and no page style leaks in
 * or out. Full screen on a phone, a panel on a desktop. The frame stays once opened, so the chat
 * keeps its socket while the panel is closed; the launcher then shows unread replies.
 *
 * The buyer token (`cs:customer`) comes from `window.kefu.setToken(jwt)` or, with
 * `data-token-url`, from that URL of the shop's site (`{ "token": "<jwt>" }`, fetched with the
 * page's cookies). It is posted to the frame only, with kefu's origin as the target. When the
 * frame needs a new one (expired), the loader fetches the URL again or, without one, fires
 * `kefu:token-expired` on window for the page to call setToken again.
 */
interface KefuApi {
  setToken(jwt: string): void;
  open(): void;
  close(): void;
  loaded: true;
}

declare global {
  interface Window {
    kefu?: Partial<KefuApi> & { q?: unknown };
  }
}

const CSS = `:host{all:initial}
.l{position:fixed;right:20px;bottom:20px;z-index:2147483646;display:flex;align-items:center;gap:8px;min-height:48px;padding:0 18px;border:0;border-radius:24px;background:#0b5cad;color:#fff;font:600 16px/1 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.25);cursor:pointer}
.l:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.l svg{width:22px;height:22px;fill:currentColor}
.b{min-width:20px;height:20px;padding:0 5px;border-radius:10px;background:#d4351c;color:#fff;font-size:12px;line-height:20px;text-align:center;box-sizing:border-box}
.p{position:fixed;z-index:2147483647;right:20px;bottom:80px;width:380px;height:min(640px,calc(100vh - 100px));border-radius:12px;overflow:hidden;box-shadow:0 8px 30px rgba(0,0,0,.3);background:#fff}
.p iframe{border:0;width:100%;height:100%;display:block}
[hidden]{display:none!important}
@media (max-width:600px){.p{inset:0;width:100%;height:100%;border-radius:0}.p:not([hidden])~.l{display:none}}`;

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3C6.5 3 2 6.8 2 11.5c0 2.4 1.2 4.6 3.1 6.1L4 21l4.2-2c1.2.3 2.5.5 3.8.5 5.5 0 10-3.8 10-8.5S17.5 3 12 3z"/></svg>';

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script || window.kefu?.loaded) return;
  const shop = script.dataset.shop;
  const tokenUrl = script.dataset.tokenUrl;
  if (!shop) {
    console.error('kefu widget: the script tag needs data-shop="<shopId>"');
    return;
  }
  const origin = new URL(script.src, location.href).origin;
  const zh = /^zh/i.test(navigator.languages?.[0] ?? navigator.language ?? '');
  const label = zh ? '客服' : 'Chat';

  const host = document.createElement('div');
  host.setAttribute('data-kefu', '');
  const root = host.attachShadow({ mode: 'open' });
  // A constructed stylesheet is not inline style: a shop's CSP need not allow 'unsafe-inline'.
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.append(style);
  }
  root.innerHTML += `<div class="p" id="kefu-panel" hidden></div><button class="l" type="button" aria-expanded="false" aria-controls="kefu-panel">${ICON}<span>${label}</span><span class="b" hidden></span></button>`;
  const panel = root.querySelector('.p') as HTMLDivElement;
  const button = root.querySelector('.l') as HTMLButtonElement;
  const badge = root.querySelector('.b') as HTMLSpanElement;
  let frame: HTMLIFrameElement | undefined;
  let token: string | undefined;
  let frameReady = false;
  let isOpen = false;

  const post = (msg: Record<string, unknown>) => {
    if (frame?.contentWindow && frameReady) frame.contentWindow.postMessage(msg, origin);
  };
  const sendToken = () => {
    if (token) post({ type: 'kefu:token', token });
  };
  const fetchToken = async () => {
    if (!tokenUrl) {
      window.dispatchEvent(new CustomEvent('kefu:token-expired'));
      return;
    }
    try {
      const r = await fetch(tokenUrl, { credentials: 'include', headers: { accept: 'application/json' } });
      const body = (await r.json()) as { token?: string };
      if (!r.ok || typeof body.token !== 'string') throw new Error(`token URL answered ${r.status}`);
      token = body.token;
      sendToken();
    } catch (e) {
      console.warn('kefu widget: no buyer token from data-token-url:', e);
    }
  };
  const setOpen = (open: boolean) => {
    isOpen = open;
    if (open && !frame) {
      frame = document.createElement('iframe');
      frame.title = label;
      frame.src = `${origin}/widget/frame?shop=${encodeURIComponent(shop)}`;
      panel.append(frame);
    }
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      badge.hidden = true;
      frame?.focus();
    } else button.focus();
    post({ type: 'kefu:visible', open });
  };

  window.addEventListener('message', (e) => {
    if (!frame || e.source !== frame.contentWindow || e.origin !== origin) return;
    const m = e.data as { type?: string; count?: number };
    if (m.type === 'kefu:ready') {
      frameReady = true;
      post({ type: 'kefu:visible', open: isOpen });
      if (token) sendToken();
      else if (tokenUrl) void fetchToken();
    } else if (m.type === 'kefu:need-token') void fetchToken();
    else if (m.type === 'kefu:close') setOpen(false);
    else if (m.type === 'kefu:unread') {
      badge.textContent = String(m.count ?? 0);
      badge.hidden = isOpen || !m.count;
    }
  });
  button.addEventListener('click', () => setOpen(!isOpen));

  window.kefu = {
    loaded: true,
    setToken(jwt: string) {
      token = jwt;
      sendToken();
    },
    open: () => setOpen(true),
    close: () => setOpen(false),
  };
  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();

export {};
