/**
 * The buyer widget (GET /widget/frame, inside the iframe the loader opens). Talks to its parent
 * (the shop page's loader) with postMessage only: `kefu:ready`, `kefu:need-token`, `kefu:close`,
 * `kefu:unread` out; `kefu:token`, `kefu:visible` in, from the parent window only.
 */
import { render } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useStore } from '../shared/store.ts';
import { browserLang, cardLang, formatTime, setDocumentLang, translator } from '../shared/i18n.ts';
import { CardView } from '../shared/cards.tsx';
import { textBesideCard } from '../shared/choice.ts';
import { Chat, type Msg } from './chat.ts';
import '../shared/cards.css';
import './widget.css';

const lang = browserLang();
setDocumentLang(lang);
const t = translator(
  {
    zh: {
      title: '在线客服', close: '关闭', message: '消息', send: '发送', placeholder: '输入消息，回车发送', offline: '网络已断开，正在重新连接…', connecting: '正在连接…',
      queued: '正在为您转接人工客服', comma: '，', position: '排队中：第 {0} 位', wait: '预计等待约 {0} 分钟', nobody: '当前没有客服在线，客服上线后会尽快回复您', assigned: '客服 {0} 为您服务', agent: '客服', typing: '{0}正在输入…',
      read: '已读', sent: '已送达', sending: '发送中…', failed: '发送失败', retry: '重试', older: '加载更早的消息…', newConv: '新的会话',
      quick: '常用问题', qParcel: '查快递', qParcelText: '我的快递到哪了', qRefund: '退款进度', qRefundText: '我的退款到哪了', qHuman: '转人工', qHumanText: '转人工',
      rate: '请为本次服务打分', score: '{0} 分：{1}', scores: '很不满意,不满意,一般,满意,非常满意', comment: '说说您的感受（选填）', rated: '感谢您的评价！', alreadyRated: '您已在其他设备评价过本次服务，感谢！', closed: '会话已结束', image: '图片', you: '我', bot: '智能助手', system: '系统', noToken: '正在登录…', log: '聊天记录'
    },
    en: {
      title: 'Customer service', close: 'Close', message: 'Message', send: 'Send', placeholder: 'Type a message, Enter to send', offline: 'You are offline. Reconnecting…', connecting: 'Connecting…',
      queued: 'Connecting you to a person', comma: ', ', position: 'In the queue: number {0}', wait: 'about {0} min', nobody: 'no agent is online right now; one will reply as soon as they are back', assigned: '{0} is helping you', agent: 'Agent', typing: '{0} is typing…',
      read: 'Read', sent: 'Delivered', sending: 'Sending…', failed: 'Not sent', retry: 'Retry', older: 'Loading earlier messages…', newConv: 'New conversation',
      quick: 'Common questions', qParcel: 'Track my parcel', qParcelText: 'where is my package', qRefund: 'Refund progress', qRefundText: 'where is my refund', qHuman: 'Talk to a person', qHumanText: 'talk to a person',
      rate: 'Please rate this conversation', score: '{0}: {1}', scores: 'very poor,poor,okay,good,excellent', comment: 'Tell us more (optional)', rated: 'Thank you for your rating!', alreadyRated: 'You already rated this conversation on another device. Thank you!', closed: 'Conversation ended', image: 'Image', you: 'Me', bot: 'Assistant', system: 'System', noToken: 'Signing in…', log: 'Chat history'
    },
  },
  lang,
);

const shop = new URLSearchParams(location.search).get('shop') ?? '';
const toParent = (m: Record<string, unknown>) => window.parent.postMessage(m, '*');
const chat = new Chat(shop, { askToken: () => toParent({ type: 'kefu:need-token' }), onUnread: (count) => toParent({ type: 'kefu:unread', count }) });

window.addEventListener('message', (e) => {
  if (e.source !== window.parent) return;
  const m = e.data as { type?: string; token?: string; open?: boolean };
  if (m.type === 'kefu:token' && typeof m.token === 'string') chat.setToken(m.token);
  else if (m.type === 'kefu:visible') {
    chat.setVisible(Boolean(m.open));
    // Typing starts at once, without a Tab to find the box; on a touch screen the log instead,
    // or the on-screen keyboard would pop up over the conversation the buyer came to read.
    if (m.open) document.querySelector<HTMLElement>(matchMedia('(pointer: coarse)').matches ? '.log' : '.compose textarea')?.focus();
  }
});
// Standalone (opened directly, not in a shop page): visible, and a token from ?token= for trying.
if (window.parent === window) {
  chat.setVisible(true);
  const tok = new URLSearchParams(location.hash.slice(1)).get('token');
  if (tok) chat.setToken(tok);
}

function senderName(m: Msg, agentName: string | undefined): string {
  if (m.sender.role === 'customer') return t('you');
  if (m.sender.role === 'bot') return t('bot');
  if (m.sender.role === 'system') return t('system');
  return m.sender.name ?? agentName ?? t('agent');
}

function Bubble({ m, agentName, last, readSeq }: { m: Msg; agentName: string | undefined; last: boolean; readSeq: number }) {
  const mine = m.sender.role === 'customer';
  const c = m.content;
  const status = m.pending === 'sending' ? t('sending') : m.pending === 'failed' ? t('failed') : mine && last && m.seq !== undefined ? (m.seq <= readSeq ? t('read') : t('sent')) : '';
  if (m.sender.role === 'system') return <li class="sys">{c.kind === 'text' ? c.text : ''}</li>;
  return (
    <li class={`msg ${mine ? 'me' : 'them'} ${m.sender.role}`}>
      <span class="who">{senderName(m, agentName)}</span>
      <div class="bubble">
        {c.kind === 'image' ? (
          <a href={c.url} target="_blank" rel="noopener noreferrer">
            [{t('image')}] {c.url}
          </a>
        ) : (
          <p>{textBesideCard(c.text, c.card)}</p>
        )}
        {c.kind === 'text' && c.card ? <CardView card={c.card} lang={cardLang(c.text, lang)} onChoose={(id) => chat.send({ kind: 'text', text: id, lang })} /> : null}
      </div>
      <span class="meta">
        <time dateTime={new Date(m.ts).toISOString()}>{formatTime(lang, m.ts)}</time>
        {status ? <span class={`state ${m.pending ?? ''}`}> · {status}</span> : null}
        {m.pending === 'failed' ? (
          <>
            {' '}
            <button type="button" class="link" onClick={() => chat.retry(m.key)}>
              {t('retry')}
            </button>
            {m.error ? <span class="err"> {m.error}</span> : null}
          </>
        ) : null}
      </span>
    </li>
  );
}

function useStickyScroll(ref: { current: HTMLDivElement | null }, deps: unknown[], firstSeq: number) {
  const near = useRef(true);
  const prev = useRef({ firstSeq, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (firstSeq < prev.current.firstSeq) el.scrollTop += el.scrollHeight - prev.current.height;
    else if (near.current) el.scrollTop = el.scrollHeight;
    prev.current = { firstSeq, height: el.scrollHeight };
    // Too little to scroll: there is no scroll to the top to ask for more, so ask now.
    const st = chat.store.state;
    if (el.scrollHeight <= el.clientHeight && st.hasOlder && st.msgs.some((m) => m.seq !== undefined)) void chat.loadOlder();
  }, deps);
  return () => {
    const el = ref.current;
    if (!el) return;
    near.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    prev.current.height = el.scrollHeight;
    if (el.scrollTop < 40) void chat.loadOlder();
  };
}

/** After a reload the conversation's state has no agent name (only frames carry it): the last agent message's. */
const lastAgentName = (msgs: Msg[]) => [...msgs].reverse().find((m) => m.sender.role === 'agent')?.sender.name;

function Banners() {
  const s = useStore(chat.store);
  const c = s.conv;
  return (
    <div class="banners">
      {s.status !== 'online' && s.everOnline ? (
        <p class="banner offline" role="status">
          {t('offline')}
        </p>
      ) : null}
      {c?.state === 'queued' ? (
        <p class="banner queue" role="status">
          {c.queuePosition ? t('position', c.queuePosition) : t('queued')}
          {c.agentsOnline === 0 ? `${t('comma')}${t('nobody')}` : c.estimatedWaitSeconds !== undefined ? `${t('comma')}${t('wait', Math.max(1, Math.ceil(c.estimatedWaitSeconds / 60)))}` : ''}
        </p>
      ) : null}
      {c?.state === 'assigned' ? (
        <p class="banner agent" role="status">
          {t('assigned', c.agentName ?? lastAgentName(s.msgs) ?? t('agent'))}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The scores say what they mean, and a comment goes with the score (found from outside: only 1–5,
 * no meaning, no comment, though the API takes one).
 */
function Rating() {
  const s = useStore(chat.store);
  const [comment, setComment] = useState('');
  if (s.conv?.state !== 'closed' || s.rating === 'none' || s.rating === 'checking') return null;
  if (s.rating === 'done') return <p class="rating done" role="status">{t('rated')}</p>;
  if (s.rating === 'already') return <p class="rating done" role="status">{t('alreadyRated')}</p>;
  const meaning = t('scores').split(',');
  return (
    <div class="rating" role="group" aria-labelledby="rate-label">
      <p id="rate-label">{t('rate')}</p>
      <textarea class="comment" rows={2} maxLength={500} aria-label={t('comment')} placeholder={t('comment')} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
      <div class="scores">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" title={meaning[n - 1]} aria-label={t('score', n, meaning[n - 1] ?? '')} disabled={s.rating === 'sending'} onClick={() => void chat.rate(n, comment)}>
            {n}
          </button>
        ))}
      </div>
      <p class="scale" aria-hidden="true">
        1 {meaning[0]} · 5 {meaning[4]}
      </p>
    </div>
  );
}

function Composer() {
  const s = useStore(chat.store);
  const [text, setText] = useState('');
  const submit = (e?: Event) => {
    e?.preventDefault();
    if (!text.trim()) return;
    chat.send({ kind: 'text', text: text.trim(), lang });
    setText('');
  };
  const human = s.conv?.state === 'queued' || s.conv?.state === 'assigned';
  const quick = [
    [t('qParcel'), t('qParcelText')],
    [t('qRefund'), t('qRefundText')],
    ...(human ? [] : [[t('qHuman'), t('qHumanText')]]),
  ] as const;
  return (
    <>
      <nav class="quick" aria-label={t('quick')}>
        {quick.map(([label, say]) => (
          <button key={label} type="button" onClick={() => chat.send({ kind: 'text', text: say, lang })}>
            {label}
          </button>
        ))}
      </nav>
      <form class="compose" onSubmit={submit}>
        <textarea
          aria-label={t('message')}
          placeholder={t('placeholder')}
          rows={1}
          maxLength={4000}
          value={text}
          onInput={(e) => {
            setText((e.target as HTMLTextAreaElement).value);
            chat.typing();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
          }}
        />
        <button type="submit" class="send">
          {t('send')}
        </button>
      </form>
    </>
  );
}

function App() {
  const s = useStore(chat.store);
  const log = useRef<HTMLDivElement>(null);
  const onScroll = useStickyScroll(log, [s.msgs, s.prior, s.agentTyping, s.conv?.state], s.firstSeq);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && toParent({ type: 'kefu:close' });
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const lastMine = [...s.msgs].reverse().find((m) => m.sender.role === 'customer')?.key;
  return (
    <main class="kf">
      <header class="top">
        <h1>{t('title')}</h1>
        {window.parent !== window ? (
          <button type="button" class="x" aria-label={t('close')} onClick={() => toParent({ type: 'kefu:close' })}>
            ×
          </button>
        ) : null}
      </header>
      <Banners />
      {/* New messages are announced (role=log); the delivered/read marks that change on old ones are not. */}
      <div class="log" ref={log} onScroll={onScroll} role="log" aria-live="polite" aria-relevant="additions" aria-label={t('log')} tabIndex={0}>
        {!s.ready ? <p class="hint">{s.everOnline || !s.needToken ? t('connecting') : t('noToken')}</p> : null}
        {s.loadingOlder ? <p class="hint">{t('older')}</p> : null}
        <ol class="msgs">
          {s.prior.map((m) => (
            <Bubble key={`p${m.key}`} m={m} agentName={undefined} last={false} readSeq={0} />
          ))}
          {s.prior.length ? <li class="divider">{t('newConv')}</li> : null}
          {s.msgs.map((m) => (
            <Bubble key={m.key} m={m} agentName={s.conv?.agentName ?? lastAgentName(s.msgs)} last={m.key === lastMine} readSeq={s.peerReadSeq} />
          ))}
        </ol>
        {s.agentTyping !== undefined ? <p class="typing">{t('typing', s.agentTyping || t('agent'))}</p> : null}
        {s.conv?.state === 'closed' ? <p class="hint">{t('closed')}</p> : null}
      </div>
      <Rating />
      <Composer />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
toParent({ type: 'kefu:ready' });
