/**
 * The agent console (GET /console): status and capacity, the agent's conversations and the queue
 * (by the buyer's display name, with unread counts), the open conversation, the buyer panel and
 * shop actions. Keyboard: Alt+↓/↑ next/previous conversation, Alt+A accept, Alt+N note mode,
 * Alt+E end (asks first), `/` in the message box for canned replies, Enter sends.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../shared/store.ts';
import { setDocumentLang } from '../shared/i18n.ts';
import { SignIn, signOut, startSession } from '../shared/session.tsx';
import type { ConversationRow } from '../shared/types.ts';
import { Desk, type Agent } from './desk.ts';
import { standingOf } from './queue.ts';
import { ChatPane, ReplyDeadline, ui } from './chat.tsx';
import { BuyerPanel, Commands } from './side.tsx';
import { lang, t } from './i18n.ts';
import '../shared/cards.css';
import '../shared/page.css';
import './console.css';

/** On a narrow screen the list is above the conversation: bring the opened one into view. */
const showChatOnPhone = () => {
  if (window.matchMedia('(max-width: 900px)').matches) document.querySelector('.chat')?.scrollIntoView({ block: 'start' });
};

setDocumentLang(lang);
document.title = `${t('title')} · kefu`;

/** A capacity typed in the box, when it is one the server takes (0–100); else none, so a status change never fails on it (found in review). */
const validCap = (cap: string | undefined) => (cap !== undefined && /^\d{1,3}$/.test(cap.trim()) && Number(cap) <= 100 ? Number(cap) : undefined);

function StatusBar({ desk }: { desk: Desk }) {
  const s = useStore(desk.store);
  const [cap, setCap] = useState<string>();
  const me = s.me;
  /** True when saved; a refusal is said. */
  const set = (status: Agent['status'], capacity?: number) =>
    desk.setStatus(status, capacity).then(
      () => true,
      (e: Error) => (desk.notify(t('failed', e.message), true), false),
    );
  return (
    <div class="status-bar">
      <label>
        {t('status')}{' '}
        {/* A capacity typed but not saved goes with the status: routing must not assign under the old one (found from outside: "2/1"). */}
        <select value={me?.status ?? 'offline'} onChange={(e) => void set((e.target as HTMLSelectElement).value as Agent['status'], validCap(cap))}>
          <option value="online">{t('online')}</option>
          <option value="away">{t('away')}</option>
          <option value="offline">{t('offline')}</option>
        </select>
      </label>
      <form
        class="cap"
        onSubmit={(e) => {
          e.preventDefault();
          if (cap === undefined) return;
          // An emptied box is no capacity of 0 (found from outside: the agent silently stopped receiving).
          const n = validCap(cap);
          if (n === undefined) desk.notify(t('capInvalid'), true);
          // Said when saved: an earlier refusal stayed on screen beside the new figure (found from outside).
          else void set(me?.status ?? 'online', n).then((saved) => saved && desk.notify(t('capSaved', n)));
        }}
      >
        <label>
          {t('capacity')} <input type="number" min={0} max={100} value={cap ?? me?.capacity ?? 5} onInput={(e) => setCap((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('save')}</button>
        {me ? <span class="load">{`${me.active}/${me.capacity}`}</span> : null}
      </form>
      <span class={`live ${s.live}`} role="status" aria-label={t('live')}>
        {s.live === 'online' ? t('liveOn') : s.everOnline ? t('liveOff') : t('liveConnecting')}
      </span>
    </div>
  );
}

function ConvItem({ desk, c }: { desk: Desk; c: ConversationRow }) {
  const s = useStore(desk.store);
  const unread = desk.unread(c.conversationId);
  const selected = s.selected === c.conversationId;
  return (
    <li>
      <button type="button" class={`conv ${selected ? 'selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={() => void openConversation(desk, c.conversationId).then(showChatOnPhone)}>
        <span class="name">{c.buyerName ?? c.buyerId}</span>
        {c.state === 'queued' && standingOf(c) ? <span class={`standing ${standingOf(c)}`}>{t(`standing_${standingOf(c)!}`)}</span> : null}
        {c.state === 'assigned' && c.agentId === desk.me && c.replyBy ? <ReplyDeadline by={c.replyBy} /> : null}
        {unread > 0 ? (
          <span class="badge">
            <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
            <span class="sr-only">{t('unread', unread)}</span>
          </span>
        ) : null}
      </button>
    </li>
  );
}

function ConvList({ desk }: { desk: Desk }) {
  useStore(desk.store);
  const all = desk.ordered();
  const mine = all.filter((c) => c.state === 'assigned');
  const queue = all.filter((c) => c.state === 'queued');
  const group = (id: string, title: string, list: ConversationRow[]) => (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">({list.length})</span>
      </h2>
      {list.length ? (
        <ul class="convs">
          {list.map((c) => (
            <ConvItem key={c.conversationId} desk={desk} c={c} />
          ))}
        </ul>
      ) : (
        <p class="hint">{t('none')}</p>
      )}
    </section>
  );
  return (
    <nav class="list" aria-label={t('conversations')}>
      {group('mine-h', t('mine'), mine)}
      {group('queue-h', t('queue'), queue)}
    </nav>
  );
}

/** Another conversation opened: "end this conversation?" was about the one left (found in review: it stayed up for the next). */
function openConversation(desk: Desk, id: string): Promise<void> {
  ui.set({ confirmEnd: false });
  return desk.select(id);
}

function useShortcuts(desk: Desk) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const s = desk.store.state;
      const sel = s.selected;
      const list = desk.ordered();
      const i = list.findIndex((c) => c.conversationId === sel);
      const c = sel ? s.convs[sel] : undefined;
      const k = e.key.toLowerCase();
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        const n = list.length;
        const next = n ? list[i < 0 ? 0 : (i + (e.key === 'ArrowDown' ? 1 : n - 1)) % n] : undefined;
        // The message box of the conversation moved to (the one focused before went with the old one),
        // once rendered: not after its history loads, when the agent may be typing elsewhere (found in review).
        if (next) {
          void openConversation(desk, next.conversationId);
          const was = document.activeElement;
          // Unless the focus went somewhere meanwhile: a late frame (a page in the background) took it
          // back from "end this conversation?", opened by an Alt+E pressed after this key.
          requestAnimationFrame(() => {
            const now = document.activeElement;
            if (!now || now === document.body || now === was) document.getElementById('composer')?.focus();
          });
        }
      } else if (e.code === 'KeyN' || k === 'n') {
        ui.set({ noteMode: !ui.state.noteMode });
        document.getElementById('composer')?.focus();
      } else if ((e.code === 'KeyE' || k === 'e') && c && c.state !== 'closed') {
        ui.set({ confirmEnd: true });
      } else if ((e.code === 'KeyA' || k === 'a') && c?.state === 'queued') {
        desk.accept(c.conversationId).catch((err: Error) => desk.notify(t('failed', err.message), true));
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [desk]);
}

function Notice({ desk }: { desk: Desk }) {
  const s = useStore(desk.store);
  useEffect(() => {
    if (!s.notice) return;
    const tm = setTimeout(() => desk.store.set({ notice: undefined }), 6000);
    return () => clearTimeout(tm);
  }, [s.notice]);
  return (
    <div class={`notice ${s.notice?.error ? 'error' : ''}`} role="status">
      {s.notice?.text ?? ''}
    </div>
  );
}

function Console({ desk }: { desk: Desk }) {
  const s = useStore(desk.store);
  useShortcuts(desk);
  useEffect(() => {
    desk.start();
    const onVis = () => desk.markRead();
    document.addEventListener('visibilitychange', onVis);
    const tick = setInterval(() => desk.store.set({}), 2000);
    const agents = setInterval(() => void desk.loadAgents(), 15_000);
    return () => (document.removeEventListener('visibilitychange', onVis), clearInterval(tick), clearInterval(agents));
  }, [desk]);
  return (
    <div class="app console">
      <header class="top">
        <h1>
          {t('title')} <span class="sub">{desk.s.shopId}</span>
        </h1>
        <StatusBar desk={desk} />
        <div class="me">
          <span>{desk.s.claims.name ?? desk.me}</span>{' '}
          <button type="button" class="link light" onClick={() => void signOutOffline(desk)}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <main class="layout">
        <ConvList desk={desk} />
        <ChatPane desk={desk} />
        <aside class="side" aria-label={t('side')}>
          {s.selected ? <BuyerPanel desk={desk} conv={s.selected} /> : null}
          <Commands desk={desk} conv={s.selected} />
        </aside>
      </main>
      <footer class="foot">{t('shortcuts')}</footer>
      <Notice desk={desk} />
    </div>
  );
}

async function main() {
  const root = document.getElementById('app')!;
  const session = await startSession('console', ['cs:agent', 'cs:admin']);
  if (typeof session !== 'object') {
    render(<SignIn lang={lang} error={session} examples={['/console?demo=agent_1', '/console?demo=agent_2']} />, root);
    return;
  }
  render(<Console desk={new Desk(session)} />, root);
}

void main();

/**
 * Signing out takes the agent off routing first (found from outside: a signed-out agent stayed
 * online and was given the next buyer); a failure to say so does not keep them signed in.
 */
async function signOutOffline(desk: Desk): Promise<void> {
  await Promise.race([desk.setStatus('offline').catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
  signOut('console');
}
