/**
 * The shop's settings: its time zone (the robot's "today" and hours), the contacts its agents may
 * send (link and image hosts, phone numbers, beside the operator's KEFU_ALLOWED_* lists) and how
 * long its messages are kept. Each is its own form over its own route, saved whole: the server
 * validates, and a refused save changes nothing and says which line is wrong.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../shared/i18n.ts';
import { lang, t } from './i18n.ts';
import { useSave } from './knowledge.tsx';
import type { Call } from './main.tsx';

interface Saved {
  updatedBy: string | null;
  updatedAt: string | null;
}
interface TimeZoneSetting extends Saved {
  timeZone: string | null;
}
interface ContactsSetting extends Saved {
  linkHosts: string[];
  imageHosts: string[];
  phones: string[];
}
interface RetentionSetting extends Saved {
  messageDays: number | null;
}

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);
type Status = { text: string; error: boolean } | undefined;

/**
 * One setting's round trip: read once, then each save's answer (or its refusal) shown beside the button. Saves go one at a time
 * through the page's own `useSave` (a check of the rendered `busy` let a double click through).
 */
function useSetting<T extends Saved>(call: Call, path: string, fill: (v: T) => void): { loaded: boolean; status: Status; busy: boolean; save(body: unknown): void } {
  const [loaded, setLoaded] = useState(false);
  const [loadErr, setLoadErr] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const { busy, err, save: once } = useSave();
  useEffect(() => {
    call<T>('GET', path)
      .then((v) => (fill(v), setLoaded(true)))
      .catch((e: Error) => setLoadErr(e.message));
  }, []);
  const save = (body: unknown) => once(() => call<T>('PUT', path, body).then((v) => (fill(v), setSaved(savedLine(v)))));
  const shown = err ?? loadErr;
  const status: Status = shown !== undefined ? { text: shown, error: true } : saved !== undefined ? { text: saved, error: false } : undefined;
  return { loaded, status, busy, save };
}

const savedLine = (v: Saved) => (v.updatedAt ? `${t('saved')} · ${formatTime(lang, Date.parse(v.updatedAt))}` : t('saved'));

function Footer({ status, busy, loaded }: { status: Status; busy: boolean; loaded: boolean }) {
  return (
    <div class="buttons">
      <button type="submit" class="primary" disabled={busy || !loaded} aria-busy={busy}>
        {t('save')}
      </button>
      <span role="status" class={status?.error ? 'error' : 'hint'}>
        {status?.text ?? ''}
      </span>
    </div>
  );
}

function TimeZoneForm({ call, base }: { call: Call; base: string }) {
  const [zone, setZone] = useState('');
  const s = useSetting<TimeZoneSetting>(call, `${base}/time-zone`, (v) => setZone(v.timeZone ?? ''));
  return (
    <form class="edit" aria-labelledby="tz-h" onSubmit={(e) => (e.preventDefault(), s.save({ timeZone: zone.trim() || null }))}>
      <h3 id="tz-h">{t('timeZone')}</h3>
      <p class="hint" id="tz-hint">
        {t('timeZoneHint')}
      </p>
      <label for="tz">{t('timeZone')}</label>
      <input id="tz" value={zone} maxLength={64} placeholder="Asia/Shanghai" aria-describedby="tz-hint" disabled={!s.loaded} onInput={(e) => setZone((e.target as HTMLInputElement).value)} />
      <Footer {...s} />
    </form>
  );
}

function ContactsForm({ call, base }: { call: Call; base: string }) {
  const [links, setLinks] = useState('');
  const [images, setImages] = useState('');
  const [phones, setPhones] = useState('');
  const s = useSetting<ContactsSetting>(call, `${base}/contacts`, (v) => (setLinks(v.linkHosts.join('\n')), setImages(v.imageHosts.join('\n')), setPhones(v.phones.join('\n'))));
  const area = (id: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label for={id}>{label}</label>
      <textarea id={id} rows={3} value={value} aria-describedby="contacts-hint" disabled={!s.loaded} onInput={(e) => set((e.target as HTMLTextAreaElement).value)} />
    </>
  );
  return (
    <form class="edit" aria-labelledby="contacts-h" onSubmit={(e) => (e.preventDefault(), s.save({ linkHosts: lines(links), imageHosts: lines(images), phones: lines(phones) }))}>
      <h3 id="contacts-h">{t('contacts')}</h3>
      <p class="hint" id="contacts-hint">
        {t('contactsHint')}
      </p>
      {area('link-hosts', t('linkHosts'), links, setLinks)}
      {area('image-hosts', t('imageHosts'), images, setImages)}
      {area('phones', t('phones'), phones, setPhones)}
      <Footer {...s} />
    </form>
  );
}

function RetentionForm({ call, shop }: { call: Call; shop: string }) {
  const [days, setDays] = useState('');
  const s = useSetting<RetentionSetting>(call, `/shops/${encodeURIComponent(shop)}/settings/retention`, (v) => setDays(v.messageDays === null ? '' : String(v.messageDays)));
  // A number the browser could not read (letters) goes as typed, for the server to name the field.
  const body = () => ({ messageDays: days.trim() === '' ? null : Number.isFinite(Number(days)) ? Number(days) : days });
  return (
    <form class="edit" aria-labelledby="ret-h" onSubmit={(e) => (e.preventDefault(), s.save(body()))}>
      <h3 id="ret-h">{t('retention')}</h3>
      <p class="hint" id="ret-hint">
        {t('retentionHint')}
      </p>
      <label for="ret-days">{t('retentionDays')}</label>
      <input id="ret-days" inputMode="numeric" value={days} aria-describedby="ret-hint" disabled={!s.loaded} onInput={(e) => setDays((e.target as HTMLInputElement).value)} />
      <Footer {...s} />
    </form>
  );
}

export function SettingsSection({ call, shop }: { call: Call; shop: string }) {
  const base = `/shops/${encodeURIComponent(shop)}/settings`;
  return (
    <section class="panel" aria-labelledby="settings-h">
      <h2 id="settings-h">{t('settings')}</h2>
      <TimeZoneForm call={call} base={base} />
      <ContactsForm call={call} base={base} />
      <RetentionForm call={call} shop={shop} />
    </section>
  );
}
