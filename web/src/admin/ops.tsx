/**
 * Dead commands (retry or resolve by hand; shown only when the commands routes exist and the
 * token carries cs:commands), read again every few seconds, with what became of the ones retried
 * here; and the robot canary (an operator's switch: only when kefu runs with KEFU_OPS_TOKEN, and
 * with that token typed in; it is kept for this tab only).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.ts';
import { formatTime } from '../shared/i18n.ts';
import { lang, t } from './i18n.ts';
import type { Call } from './main.tsx';

interface Command {
  commandId: string;
  commandType: string;
  status: string;
  attempts: number;
  updatedAt: string;
  error?: { message?: string; httpStatus?: number };
  payload?: Record<string, unknown>;
  conversationId?: string;
}

/** Why the last attempt failed, with the platform's HTTP status unless the message names it already. */
function errorText(c: Command): string {
  const { message = '', httpStatus } = c.error ?? {};
  return httpStatus && !message.includes(String(httpStatus)) ? `HTTP ${httpStatus}: ${message}` : message;
}

/** What the command asked of the platform, for deciding to retry or resolve it: "userId buyer_1 · amount 20.00". */
function payloadSummary(c: Command): string {
  const parts = Object.entries(c.payload ?? {}).map(([k, v]) => `${k} ${typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v)}`);
  if (c.conversationId) parts.push(`${t('conversation')} ${c.conversationId}`);
  const s = parts.join(' · ');
  return s.length > 240 ? `${s.slice(0, 239)}…` : s;
}

function ResolveForm({ onResolve }: { onResolve(note: string): Promise<void> }) {
  const [note, setNote] = useState('');
  return (
    <form
      class="inline"
      onSubmit={(e) => {
        e.preventDefault();
        void onResolve(note);
      }}
    >
      <input aria-label={t('note')} placeholder={t('note')} value={note} maxLength={1000} required onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      <button type="submit">{t('resolve')}</button>
    </form>
  );
}

/** The dead list is read again this often while shown (and when the tab is focused again). */
const REFRESH_MS = 5000;
/** Statuses a command leaves only by hand (dead) or never. */
const SETTLED: ReadonlySet<string> = new Set(['succeeded', 'dead', 'resolved']);

function useDeadCommands(call: Call, base: string) {
  const [list, setList] = useState<Command[]>();
  const [why, setWhy] = useState<string>();
  const [at, setAt] = useState<number>();
  // Commands retried from this page, followed until they settle, so the admin sees the outcome.
  const [retried, setRetried] = useState<Command[]>([]);
  // The list itself, for loads that overlap a retry: each merges what it read by id.
  const retriedNow = useRef<Command[]>([]);
  const soon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const follow = (cs: Command[]) =>
    Promise.all(cs.map((c) => (SETTLED.has(c.status) ? c : call<Command>('GET', `${base}/${encodeURIComponent(c.commandId)}`).catch(() => c))));
  // No commands API (404) or no cs:commands (403): asking again would only get the same answer.
  const refused = useRef(false);
  const load = async () => {
    if (refused.current) return;
    try {
      const r = await call<{ commands: Command[] }>('GET', `${base}?status=dead`);
      setList(r.commands);
      setWhy(undefined);
      setAt(Date.now());
    } catch (e) {
      const status = e instanceof ApiError ? e.status : 0;
      refused.current = status === 404 || status === 403;
      setWhy(status === 404 ? t('cmdNoRoute') : status === 403 ? t('cmdForbidden') : (e as Error).message);
    }
    const read = new Map((await follow(retriedNow.current)).map((c) => [c.commandId, c]));
    retriedNow.current = retriedNow.current.map((c) => read.get(c.commandId) ?? c);
    setRetried(retriedNow.current);
    // A retried command usually settles within a second or two: look again soon, not in 5 s.
    clearTimeout(soon.current);
    if (retriedNow.current.some((c) => !SETTLED.has(c.status))) soon.current = setTimeout(() => void load(), 1000);
  };
  useEffect(() => {
    void load();
    const tm = setInterval(() => void load(), REFRESH_MS);
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => (clearInterval(tm), clearTimeout(soon.current), window.removeEventListener('focus', onFocus));
  }, []);
  const retry = async (c: Command) => {
    const r = await call<Command>('POST', `${base}/${encodeURIComponent(c.commandId)}/retry`);
    retriedNow.current = [r, ...retriedNow.current.filter((x) => x.commandId !== r.commandId)].slice(0, 10);
    setRetried(retriedNow.current);
    await load();
  };
  return { list, why, at, retried, load, retry };
}

export function CommandsSection({ call, shop }: { call: Call; shop: string }) {
  const base = `/shops/${encodeURIComponent(shop)}/commands`;
  const { list, why, at, retried, load, retry } = useDeadCommands(call, base);
  const [msg, setMsg] = useState<string>();
  const act = (p: Promise<unknown>) => p.then(() => setMsg(undefined)).catch((e: Error) => setMsg(t('failed', e.message)));
  return (
    <section class="panel" aria-labelledby="dead-h">
      <h2 id="dead-h">
        {t('dead')} <span class="sub">{at ? t('updated', formatTime(lang, at)) : ''}</span>{' '}
        <button type="button" class="link" onClick={() => void act(load())}>
          {t('refresh')}
        </button>
      </h2>
      {why ? <p class="hint">{why}</p> : null}
      <p role="status" class="error">
        {msg ?? ''}
      </p>
      {list && list.length === 0 ? <p class="hint">{t('noDead')}</p> : null}
      {list && list.length ? <DeadTable list={list} onRetry={(c) => act(retry(c))} onResolve={(c, note) => act(call('POST', `${base}/${encodeURIComponent(c.commandId)}/resolve`, { note }).then(load))} /> : null}
      {retried.length ? <Retried list={retried} /> : null}
    </section>
  );
}

function DeadTable({ list, onRetry, onResolve }: { list: Command[]; onRetry(c: Command): Promise<void>; onResolve(c: Command, note: string): Promise<void> }) {
  return (
    // Stacked on a phone (page.css, table.stack): six columns were 833 px wide on a 390 px screen, Retry off it (found from outside).
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">{t('type')}</th>
          <th scope="col">{t('details')}</th>
          <th scope="col">{t('attempts')}</th>
          <th scope="col">{t('error')}</th>
          <th scope="col">{t('when')}</th>
          <th scope="col">
            <span class="sr-only">{t('retry')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {list.map((c) => (
          <tr key={c.commandId} data-command={c.commandId}>
            <td>
              {c.commandType} <span class="sub mono">{c.commandId}</span>
            </td>
            <td class="mono" data-label={t('details')}>
              {payloadSummary(c)}
            </td>
            <td data-label={t('attempts')}>{c.attempts}</td>
            <td data-label={t('error')}>{errorText(c)}</td>
            <td data-label={t('when')}>{formatTime(lang, c.updatedAt, true)}</td>
            <td class="buttons">
              <button type="button" aria-label={`${t('retry')} ${c.commandId}`} onClick={() => void onRetry(c)}>
                {t('retry')}
              </button>
              <ResolveForm onResolve={(note) => onResolve(c, note)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What became of the commands retried from this page: live until they settle. */
function Retried({ list }: { list: Command[] }) {
  return (
    <>
      <h3 id="retried-h">{t('retried')}</h3>
      <ul class="entries retried" aria-labelledby="retried-h" aria-live="polite">
        {list.map((c) => (
          <li key={c.commandId} data-command={c.commandId}>
            {c.commandType} <span class="sub mono">{c.commandId}</span> <span class={`tag st-${c.status}`}>{t(STATUS_KEYS[c.status] ?? 'pending')}</span> <span class="sub">×{c.attempts}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

const STATUS_KEYS: Record<string, 'pending' | 'running' | 'retrying' | 'succeeded' | 'deadOne' | 'resolved'> = {
  pending: 'pending',
  running: 'running',
  retrying: 'retrying',
  succeeded: 'succeeded',
  dead: 'deadOne',
  resolved: 'resolved',
};

interface Canary {
  newVersion: string;
  oldVersion: string;
  newDigits: number[];
  /** What each version runs, and a warning when both run the same engine (read only). */
  versions?: Record<string, string>;
  note?: string;
}
const OPS_KEY = 'kefu.ops-token';

export function CanarySection() {
  const [enabled, setEnabled] = useState<boolean>();
  const [token, setToken] = useState(sessionStorage.getItem(OPS_KEY) ?? '');
  const [c, setC] = useState<Canary>();
  const [msg, setMsg] = useState<string>();
  useEffect(() => {
    // Without KEFU_OPS_TOKEN the route does not exist (404); with it, an empty token is 401.
    fetch('/api/v1/ops/robot/canary').then((r) => setEnabled(r.status !== 404), () => setEnabled(false));
  }, []);
  const ops = <T,>(method: string, path: string, body?: unknown) => api<T>(token, method, `/ops/robot/canary${path}`, body !== undefined ? { body } : {});
  // A 401 here is the operator token, not the sign-in (found from outside: "登录已失效，请刷新页面").
  const failed = (e: Error) => setMsg(e instanceof ApiError && e.status === 401 ? t('badOpsToken') : t('failed', e.message));
  const load = () =>
    ops<Canary>('GET', '')
      .then((x) => (setC(x), setMsg(undefined), sessionStorage.setItem(OPS_KEY, token)))
      .catch(failed);
  if (enabled === undefined) return null;
  if (!enabled)
    return (
      <section class="panel" aria-labelledby="canary-h">
        <h2 id="canary-h">{t('canary')}</h2>
        <p class="hint">{t('canaryOff')}</p>
      </section>
    );
  const toggle = (d: number) => c && setC({ ...c, newDigits: c.newDigits.includes(d) ? c.newDigits.filter((x) => x !== d) : [...c.newDigits, d].sort() });
  return (
    <section class="panel" aria-labelledby="canary-h">
      <h2 id="canary-h">{t('canary')}</h2>
      <form
        class="inline"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label>
          {t('canaryToken')} <input type="password" value={token} autoComplete="off" onInput={(e) => setToken((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">{t('canaryLoad')}</button>
      </form>
      <p role="status" class="error">
        {msg ?? ''}
      </p>
      {c ? (
        <form
          class="edit"
          onSubmit={(e) => {
            e.preventDefault();
            // Only the split is written: the route refuses the read-only fields of what it answers.
            const { newVersion, oldVersion, newDigits } = c;
            ops<Canary>('PUT', '', { newVersion, oldVersion, newDigits }).then((x) => (setC(x), setMsg(t('saved'))), failed);
          }}
        >
          <p>
            {t('canaryOld')}: <strong>{c.oldVersion}</strong> · {t('canaryNew')}: <strong>{c.newVersion}</strong>
          </p>
          {c.note ? <p class="hint">{c.note}</p> : null}
          <fieldset>
            <legend>{t('canaryDigits')}</legend>
            {[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => (
              <label key={d} class="digit">
                <input type="checkbox" checked={c.newDigits.includes(d)} onChange={() => toggle(d)} /> {d}
              </label>
            ))}
          </fieldset>
          <div class="buttons">
            <button type="submit" class="primary">
              {t('apply')}
            </button>
            <button type="button" class="danger" onClick={() => void ops<Canary>('POST', '/rollback').then((x) => (setC(x), setMsg(t('saved'))), failed)}>
              {t('rollback')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
