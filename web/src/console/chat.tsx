/** The open conversation: header actions, the timeline (messages and notes), the composer with canned replies. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Store, useStore } from '../shared/store.ts';
import { CardView } from '../shared/cards.tsx';
import { textBesideCard } from '../shared/choice.ts';
import { cardLang, formatTime } from '../shared/i18n.ts';
import { readableError } from '../shared/errors.ts';
import { everySecond, onLocalClock, serverNow } from '../shared/clock.ts';
import type { MessageFrame, WireContent } from '../shared/types.ts';
import type { Desk, Note } from './desk.ts';
import { lang, t } from './i18n.ts';

/** UI state the keyboard shortcuts reach too. */
export const ui = new Store({ noteMode: false, confirmEnd: false });

const buyerLabel = (c: { buyerName?: string; buyerId: string }) => c.buyerName ?? c.buyerId;

function roleName(m: MessageFrame, buyer: string): string {
  if (m.sender.role === 'customer') return buyer;
  if (m.sender.role === 'bot') return t('bot');
  if (m.sender.role === 'system') return t('system');
  return m.sender.name ?? m.sender.id;
}

function Content({ c }: { c: WireContent }) {
  if (c.kind === 'image')
    return (
      <a href={c.url} target="_blank" rel="noopener noreferrer">
        [{t('image')}] {c.url}
      </a>
    );
  return (
    <>
      <p>{textBesideCard(c.text, c.card)}</p>
      {c.card ? <CardView card={c.card} lang={cardLang(c.text, lang)} /> : null}
    </>
  );
}

type Item = { kind: 'msg'; ts: number; m: MessageFrame } | { kind: 'note'; ts: number; n: Note };

function Timeline({ desk, id }: { desk: Desk; id: string }) {
  const s = useStore(desk.store);
  const th = s.threads[id];
  const c = s.convs[id];
  const ref = useRef<HTMLDivElement>(null);
  const items: Item[] = [...(th?.msgs ?? []).map((m): Item => ({ kind: 'msg', ts: m.ts, m })), ...(th?.notes ?? []).map((n): Item => ({ kind: 'note', ts: n.ts, n }))].sort((a, b) => a.ts - b.ts);
  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = ref.current.scrollHeight;
  }, [items.length, id]);
  const typing = (s.typing[id] ?? 0) > Date.now();
  const buyer = c ? buyerLabel(c) : '';
  return (
    <div class="timeline-wrap" ref={ref} role="log" aria-live="polite" aria-label={t('log')} tabIndex={0}>
      {th && th.firstSeq > 1 ? (
        <button type="button" class="link" onClick={() => void desk.loadOlder(id)}>
          {t('older')}
        </button>
      ) : null}
      <ol class="msgs">
        {items.map((it) =>
          it.kind === 'note' ? (
            <li key={`n${it.n.noteId}`} class="note">
              <span class="who">
                {t('note')} · {it.n.author.name ?? it.n.author.id} · <time>{formatTime(lang, it.ts)}</time>
              </span>
              <p>{it.n.text}</p>
            </li>
          ) : it.m.sender.role === 'system' ? (
            <li key={`m${it.m.seq}`} class="sys">
              {it.m.content.kind === 'text' ? it.m.content.text : ''}
            </li>
          ) : (
            <li key={`m${it.m.seq}`} class={`msg ${it.m.sender.role}`}>
              <span class="who">
                {roleName(it.m, buyer)} · <time>{formatTime(lang, it.ts)}</time>
              </span>
              <div class="bubble">
                <Content c={it.m.content as WireContent} />
              </div>
            </li>
          ),
        )}
      </ol>
      {typing ? <p class="typing">{t('typing')}</p> : null}
    </div>
  );
}

interface Canned {
  id: string;
  title: string;
  rendered: string;
  missing: string[];
}

/**
 * The canned replies, read again each time the list opens ("/"): replies an admin added or removed
 * after the console loaded are offered, or not (found from outside: never picked up). The last list
 * stays on screen while the new one loads.
 */
function useCanned(desk: Desk, id: string, wanted: boolean): Canned[] | undefined {
  const [items, setItems] = useState<{ id: string; list: Canned[] }>();
  useEffect(() => {
    if (!wanted) return;
    desk
      .call<{ items: Canned[] }>('GET', `/conversations/${encodeURIComponent(id)}/canned-replies`)
      .then((r) => setItems({ id, list: r.items }))
      .catch(() => setItems({ id, list: [] }));
  }, [wanted, id]);
  return items?.id === id ? items.list : undefined;
}

/** What the agent had typed in each conversation and not sent: kept when they look at another one (found from outside: it was lost). */
const drafts = new Map<string, string>();

/**
 * Keyed by conversation where it is used, so another conversation starts with its own draft. (An
 * effect clearing the text ran after the next paint, which a page in the background may not have
 * for a while, and then wiped what the agent had typed meanwhile.)
 */
function Composer({ desk, id, held }: { desk: Desk; id: string; held: boolean }) {
  const u = useStore(ui);
  const [text, setShown] = useState(() => drafts.get(id) ?? '');
  // Kept as it is typed, not in an effect: an agent who types and switches at once (or a page in the
  // background, which paints late) had left before the effect ran, and the draft was lost.
  const setText = (v: string) => {
    if (v) drafts.set(id, v);
    else drafts.delete(id);
    setShown(v);
  };
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const slash = !u.noteMode && text.startsWith('/');
  const canned = useCanned(desk, id, slash);
  const q = text.slice(1).trim().toLowerCase();
  const matches = slash ? (canned ?? []).filter((c) => !q || c.title.toLowerCase().includes(q) || c.rendered.toLowerCase().includes(q)).slice(0, 8) : [];
  const canSend = u.noteMode || held;
  const submit = async () => {
    const v = text.trim();
    if (!v || !canSend || busy) return;
    setBusy(true);
    try {
      if (u.noteMode) await desk.addNote(id, v);
      else await desk.sendText(id, v);
      // What the agent typed while it was on its way stays in the box.
      setShown((now) => (now.trim() === v ? '' : now));
      // The draft too, also when the agent looked at another conversation meanwhile (found in review).
      if (drafts.get(id)?.trim() === v) drafts.delete(id);
    } catch (e) {
      // A refusal over the socket (KefuRequestError: code, and "CODE: message") reads like a REST one.
      const err = e as { code?: string; message?: string };
      desk.notify(t('failed', readableError(err.code ?? '', String(err.message ?? '').replace(/^[A-Z_]+: /, ''), lang)), true);
    } finally {
      setBusy(false);
    }
  };
  const pick = (c: Canned) => {
    setText(c.rendered);
    if (c.missing.length) desk.notify(t('missing', c.missing.join(', ')), true);
  };
  const onKey = (e: KeyboardEvent) => {
    if (matches.length && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
    } else if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && !e.altKey) {
      e.preventDefault();
      if (matches.length) pick(matches[Math.min(active, matches.length - 1)]!);
      else void submit();
    } else if (e.key === 'Escape' && slash) setText('');
  };
  return (
    <form
      class={`compose ${u.noteMode ? 'note-mode' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {slash ? (
        <ul class="canned" role="listbox" aria-label={t('canned')} id="canned-list">
          {matches.length === 0 ? <li class="empty">{canned ? t('noCanned') : '…'}</li> : null}
          {matches.map((c, i) => (
            <li key={c.id} id={`canned-${c.id}`} role="option" aria-selected={i === active} class={i === active ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), pick(c))}>
              <strong>{c.title}</strong> <span>{c.rendered}</span>
              {c.missing.length ? <em> · {t('missing', c.missing.join(', '))}</em> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div class="row">
        <label class="toggle">
          <input type="checkbox" checked={u.noteMode} onChange={(e) => ui.set({ noteMode: (e.target as HTMLInputElement).checked })} /> {t('noteMode')}
        </label>
        <span class="hint">{u.noteMode ? t('noteHint') : held ? t('cannedHint') : t('notHeld')}</span>
      </div>
      <div class="row">
        <textarea
          id="composer"
          aria-label={t('message')}
          // While the canned replies are listed, a screen reader follows the highlighted one.
          aria-autocomplete={slash ? 'list' : undefined}
          aria-controls={slash ? 'canned-list' : undefined}
          aria-activedescendant={matches.length ? `canned-${matches[Math.min(active, matches.length - 1)]!.id}` : undefined}
          rows={2}
          maxLength={4000}
          value={text}
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            setActive(0);
            if (!u.noteMode && held) desk.typing(id);
          }}
          onKeyDown={onKey}
        />
        <button type="submit" class="primary" disabled={!canSend || busy}>
          {u.noteMode ? t('note') : t('send')}
        </button>
      </div>
    </form>
  );
}

/** The buyer wrote after the last agent's message (the robot's words are no person's answer): ending now leaves it unanswered. */
function awaitsReply(msgs: readonly MessageFrame[]): boolean {
  for (let i = msgs.length - 1; i >= 0; i--) {
    const role = msgs[i]!.sender.role;
    if (role === 'agent') return false;
    if (role === 'customer') return true;
  }
  return false;
}

function Actions({ desk, id }: { desk: Desk; id: string }) {
  const s = useStore(desk.store);
  const u = useStore(ui);
  const c = s.convs[id]!;
  // Asked to end with the buyer's message unanswered, the question says so (found from outside: an agent ended one unread).
  const unanswered = awaitsReply(s.threads[id]?.msgs ?? []);
  const admin = desk.s.scopes.has('cs:admin');
  const held = c.state === 'assigned' && (c.agentId === desk.me || admin);
  const [target, setTarget] = useState('');
  // Not the holder: a transfer to them is refused (an admin saw the holding agent in the list: found in review).
  const targets = s.agents.filter((a) => a.agentId !== desk.me && a.agentId !== c.agentId && a.status === 'online' && a.connected);
  // A choice the list no longer offers (that agent went offline, or is full) transfers nobody (found from outside: it sent the old one).
  const chosen = targets.some((a) => a.agentId === target && a.active < a.capacity) ? target : '';
  const run = (p: Promise<unknown>) => p.catch((e: Error) => desk.notify(t('failed', e.message), true));
  // Alt+E asks first: the question takes the focus, so Enter ends and Escape or Tab+Enter cancel.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (u.confirmEnd) confirmRef.current?.focus();
    // Cancelled (Escape, Cancel): the question and its focused button are gone; back to the message box.
    else if (asked.current && (!document.activeElement || document.activeElement === document.body)) document.getElementById('composer')?.focus();
    asked.current = u.confirmEnd;
  }, [u.confirmEnd]);
  return (
    <div class="actions">
      {c.state === 'queued' ? (
        <button type="button" class="primary" onClick={() => void run(desk.accept(id))}>
          {t('accept')}
        </button>
      ) : null}
      {held ? (
        <>
          <label class="sr-only" for="transfer-to">
            {t('transferTo')}
          </label>
          <select id="transfer-to" value={chosen} onFocus={() => void desk.loadAgents()} onChange={(e) => setTarget((e.target as HTMLSelectElement).value)}>
            <option value="">{targets.length ? t('transferTo') : t('noAgents')}</option>
            {targets.map((a) => (
              <option key={a.agentId} value={a.agentId} disabled={a.active >= a.capacity}>
                {a.name ?? a.agentId} ({a.active}/{a.capacity}){a.active >= a.capacity ? ` ${t('full')}` : ''}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen} onClick={() => void run(desk.transfer(id, chosen))}>
            {t('transfer')}
          </button>
        </>
      ) : null}
      {c.state !== 'closed' && (held || admin) ? (
        u.confirmEnd ? (
          <span class="confirm" role="alert" onKeyDown={(e) => e.key === 'Escape' && ui.set({ confirmEnd: false })}>
            {unanswered ? `${t('unansweredEnd')} ` : ''}
            {t('confirmEnd')}{' '}
            <button type="button" class="danger" ref={confirmRef} onClick={() => (ui.set({ confirmEnd: false }), void run(desk.close(id)))}>
              {t('end')}
            </button>{' '}
            <button type="button" onClick={() => ui.set({ confirmEnd: false })}>
              {t('cancel')}
            </button>
          </span>
        ) : (
          // A click asks first, as Alt+E does: a closed conversation never reopens, and a stray click ended a live chat (found from outside).
          <button type="button" class="danger" onClick={() => ui.set({ confirmEnd: true })}>
            {t('end')}
          </button>
        )
      ) : null}
    </div>
  );
}

export function ChatPane({ desk }: { desk: Desk }) {
  const s = useStore(desk.store);
  const id = s.selected;
  const c = id ? s.convs[id] : undefined;
  if (!id || !c)
    return (
      <section class="chat empty" aria-label={t('chat')}>
        <p>{t('pick')}</p>
      </section>
    );
  const held = c.state === 'assigned' && c.agentId === desk.me;
  // Another holder by name, as the transfer list and the buyer see them; the id only when unknown.
  const holder = s.agents.find((a) => a.agentId === c.agentId);
  const holderName = holder?.name ?? c.agentId ?? '';
  const stateLabel = c.state === 'closed' ? t('closed') : c.state === 'queued' ? t('queue') : c.state === 'assigned' ? (c.agentId === desk.me ? t('byMe') : `${t('agent')} ${holderName}`) : t('bot');
  return (
    <section class="chat" aria-label={t('chat')}>
      <header class="chat-head">
        <h2>
          {buyerLabel(c)} <span class="tag">{stateLabel}</span> {held && c.replyBy ? <ReplyDeadline by={c.replyBy} long /> : null}
        </h2>
        <Actions desk={desk} id={id} />
      </header>
      <Timeline desk={desk} id={id} />
      {c.state !== 'closed' ? <Composer key={id} desk={desk} id={id} held={held} /> : null}
    </section>
  );
}

/** Now on the server's clock, a new value each second (one timer for every countdown on the page). */
function useServerNow(): number {
  const [now, setNow] = useState(serverNow());
  useEffect(() => everySecond(() => setNow(serverNow())), []);
  return now;
}

/**
 * The holder's time left to answer before routing gives the conversation to another agent
 * (KEFU_AGENT_REPLY_TIMEOUT_S): a countdown to see, and for a screen reader the time of day once
 * (a countdown read aloud every second would drown everything else).
 */
export function ReplyDeadline({ by, long }: { by: string; long?: boolean }) {
  const now = useServerNow();
  const at = Date.parse(by);
  const left = Math.max(0, Math.ceil((at - now) / 1000));
  const mmss = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  const seen = left === 0 ? t('replyLate') : long ? t('replyWithin', mmss) : `⏱ ${mmss}`;
  return (
    <span class={`deadline ${left <= 30 ? 'urgent' : ''}`}>
      <span aria-hidden="true">{seen}</span>
      <span class="sr-only">{left === 0 ? t('replyLate') : t('replyBy', new Date(onLocalClock(at)).toLocaleTimeString(lang))}</span>
    </span>
  );
}
