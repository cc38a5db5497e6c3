/**
 * Dead commands (retry or resolve by hand; shown only when the commands routes exist and the
 * token carries cs:commands) and the robot canary (an operator's switch: only when kefu runs
 * with KEFU_OPS_TOKEN, and with that token typed in; it is kept for this tab only).
 */
import { useEffect, useState } from 'preact/hooks';
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
  error?: { message?: string };
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

export function CommandsSection({ call, shop }: { call: Call; shop: string }) {
  const base = `/shops/${encodeURIComponent(shop)}/commands`;
  const [list, setList] = useState<Command[]>();
  const [why, setWhy] = useState<string>();
  const [msg, setMsg] = useState<string>();
  const load = () =>
    call<{ commands: Command[] }>('GET', `${base}?status=dead`)
      .then((r) => (setList(r.commands), setWhy(undefined)))
      .catch((e: unknown) => setWhy(e instanceof ApiError && e.status === 404 ? t('cmdNoRoute') : e instanceof ApiError && e.status === 403 ? t('cmdForbidden') : (e as Error).message));
  useEffect(() => void load(), []);
  const act = (p: Promise<unknown>) => p.then(load).catch((e: Error) => setMsg(t('failed', e.message)));
  return (
    <section class="panel" aria-labelledby="dead-h">
      <h2 id="dead-h">{t('dead')}</h2>
      {why ? <p class="hint">{why}</p> : null}
      <p role="status" class="error">
        {msg ?? ''}
      </p>
      {list && list.length === 0 ? <p class="hint">{t('noDead')}</p> : null}
      {list && list.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('type')}</th>
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
              <tr key={c.commandId}>
                <td>
                  {c.commandType} <span class="sub mono">{c.commandId}</span>
                </td>
                <td>{c.attempts}</td>
                <td>{c.error?.message ?? ''}</td>
                <td>{formatTime(lang, c.updatedAt, true)}</td>
                <td class="buttons">
                  <button type="button" onClick={() => void act(call('POST', `${base}/${encodeURIComponent(c.commandId)}/retry`))}>
                    {t('retry')}
                  </button>
                  <ResolveForm onResolve={(note) => act(call('POST', `${base}/${encodeURIComponent(c.commandId)}/resolve`, { note }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

interface Canary {
  newVersion: string;
  oldVersion: string;
  newDigits: number[];
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
  const load = () =>
    ops<Canary>('GET', '')
      .then((x) => (setC(x), setMsg(undefined), sessionStorage.setItem(OPS_KEY, token)))
      .catch((e: Error) => setMsg(t('failed', e.message)));
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
            ops<Canary>('PUT', '', c).then(setC, (x: Error) => setMsg(t('failed', x.message)));
          }}
        >
          <p>
            {t('canaryOld')}: <strong>{c.oldVersion}</strong> · {t('canaryNew')}: <strong>{c.newVersion}</strong>
          </p>
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
            <button type="button" class="danger" onClick={() => void ops<Canary>('POST', '/rollback').then(setC, (x: Error) => setMsg(t('failed', x.message)))}>
              {t('rollback')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
