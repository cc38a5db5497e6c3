/** The shop's knowledge: FAQ entries (with alternate questions), the sensitive-word list, canned replies. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n.ts';
import type { Call } from './main.tsx';

interface Faq {
  id: string;
  question: string;
  answer: string;
  alternates: string[];
  version: number;
}
type FaqBody = Pick<Faq, 'question' | 'answer' | 'alternates'>;
interface Canned {
  id: string;
  title: string;
  text: string;
}

const lines = (s: string) => s.split('\n').map((x) => x.trim()).filter(Boolean);

function useList<T>(load: () => Promise<T[]>): { items: T[] | undefined; error: string | undefined; reload(): void } {
  const [items, setItems] = useState<T[]>();
  const [error, setError] = useState<string>();
  const reload = () =>
    void load()
      .then((x) => (setItems(x), setError(undefined)))
      .catch((e: Error) => setError(e.message));
  useEffect(reload, []);
  return { items, error, reload };
}

/**
 * Focus for the element with this id once it is rendered: the button or form a keyboard user
 * was on goes away when an entry opens, closes or is deleted, and the focus fell to the page.
 */
function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<string>();
  useEffect(() => {
    const el = target ? document.getElementById(target) : null;
    if (!el) return;
    el.focus();
    setTarget(undefined);
  });
  return setTarget;
}

/** A form's save, one at a time (a double click on a slow line added an entry twice: found from outside), and its error. */
export function useSave(): { busy: boolean; err: string | undefined; save(run: () => Promise<void>): void } {
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string>();
  const inFlight = useRef(false);
  const save = (run: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    void run()
      .then(
        () => setErr(undefined),
        (x: Error) => setErr(x.message),
      )
      .finally(() => ((inFlight.current = false), setBusy(false)));
  };
  return { busy, err, save };
}

function FaqForm({ initial, onSave, onCancel }: { initial?: Faq; onSave(body: FaqBody): Promise<void>; onCancel?(): void }) {
  // The entry as the form opened on it: when the list brings a newer one (someone else saved it
  // meanwhile, and our save was refused), the form keeps our text and shows theirs beside it.
  const [opened] = useState(initial);
  const [q, setQ] = useState(initial?.question ?? '');
  const [a, setA] = useState(initial?.answer ?? '');
  const [alt, setAlt] = useState((initial?.alternates ?? []).join('\n'));
  const { busy, err, save } = useSave();
  const id = initial?.id ?? 'new';
  return (
    <form
      class="edit"
      onSubmit={(e) => {
        e.preventDefault();
        save(() =>
          onSave({ question: q, answer: a, alternates: lines(alt) }).then(() => {
            if (!initial) {
              setQ('');
              setA('');
              setAlt('');
            }
          }),
        );
      }}
    >
      {initial && opened && initial.version !== opened.version ? <ChangedElsewhere now={initial} /> : null}
      <label for={`q-${id}`}>{t('question')}</label>
      <input id={`q-${id}`} value={q} maxLength={500} required onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
      <label for={`a-${id}`}>{t('answer')}</label>
      <textarea id={`a-${id}`} value={a} maxLength={4000} rows={3} required onInput={(e) => setA((e.target as HTMLTextAreaElement).value)} />
      <label for={`alt-${id}`}>{t('alternates')}</label>
      <textarea id={`alt-${id}`} value={alt} rows={3} onInput={(e) => setAlt((e.target as HTMLTextAreaElement).value)} />
      <FormFooter err={err} busy={busy} editing={Boolean(initial)} {...(onCancel ? { onCancel } : {})} />
    </form>
  );
}

/** What another admin saved while this one was editing: read it, then save again to replace it, or cancel. */
function ChangedElsewhere({ now }: { now: Faq }) {
  return (
    <div class="changed" role="status">
      <p>{t('changedElsewhere')}</p>
      <p>
        <strong>{now.question}</strong>
      </p>
      <p>{now.answer}</p>
      {now.alternates.length ? <p class="sub">{now.alternates.join(' · ')}</p> : null}
    </div>
  );
}

export function FaqSection({ call, shop }: { call: Call; shop: string }) {
  const base = `/shops/${encodeURIComponent(shop)}/faq`;
  const { items, error, reload } = useList(() => call<{ items: Faq[] }>('GET', base).then((r) => r.items));
  const [editing, setEditing] = useState<string>();
  const focusNext = useFocusAfterRender();
  const edit = (f: Faq) => (setEditing(f.id), focusNext(`q-${f.id}`));
  const done = (f: Faq) => (setEditing(undefined), focusNext(`edit-${f.id}`));
  return (
    <section class="panel" aria-labelledby="faq-h">
      <h2 id="faq-h" tabIndex={-1}>
        {t('faq')} <span class="sub">{items ? t('entries', items.length) : ''}</span>
      </h2>
      {error ? <p class="error">{error}</p> : null}
      <FaqForm onSave={(b) => call('POST', base, b).then(reload)} />
      {items && items.length === 0 ? <p class="hint">{t('noFaq')}</p> : null}
      <ul class="entries">
        {(items ?? []).map((f) =>
          editing === f.id ? (
            <li key={f.id}>
              <FaqForm
                initial={f}
                onSave={(b) =>
                  call('PUT', `${base}/${encodeURIComponent(f.id)}`, { ...b, version: f.version })
                    .then(() => (done(f), reload()))
                    // Refused as made on an older version (or clashing with another entry): the list is read again, and the form shows what is saved now.
                    .catch((e: { code?: string }) => {
                      if (e.code === 'CONFLICT') reload();
                      throw e;
                    })
                }
                onCancel={() => done(f)}
              />
            </li>
          ) : (
            <li key={f.id}>
              <strong>{f.question}</strong>
              <p>{f.answer}</p>
              {f.alternates.length ? <p class="sub">{f.alternates.join(' · ')}</p> : null}
              <div class="buttons">
                <button type="button" id={`edit-${f.id}`} onClick={() => edit(f)} aria-label={`${t('edit')} ${f.question}`}>
                  {t('edit')}
                </button>
                <button type="button" class="danger" onClick={() => confirm(t('confirmDel', f.question)) && void call('DELETE', `${base}/${encodeURIComponent(f.id)}`).then(() => (focusNext('faq-h'), reload()))} aria-label={`${t('del')} ${f.question}`}>
                  {t('del')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

export function WordsSection({ call, shop }: { call: Call; shop: string }) {
  const path = `/shops/${encodeURIComponent(shop)}/sensitive-words`;
  const [text, setText] = useState<string>();
  const [msg, setMsg] = useState<{ text: string; error: boolean }>();
  useEffect(() => {
    call<{ words: string[] }>('GET', path)
      .then((r) => setText(r.words.join('\n')))
      .catch((e: Error) => setMsg({ text: e.message, error: true }));
  }, []);
  return (
    <section class="panel" aria-labelledby="words-h">
      <h2 id="words-h">{t('words')}</h2>
      <p class="hint" id="words-hint">
        {t('wordsHint')}
      </p>
      <form
        class="edit"
        onSubmit={(e) => {
          e.preventDefault();
          call<{ words: string[] }>('PUT', path, { words: lines(text ?? '') })
            .then((r) => (setText(r.words.join('\n')), setMsg({ text: `${t('saved')} · ${t('wordsCount', r.words.length)}`, error: false })))
            .catch((x: Error) => setMsg({ text: x.message, error: true }));
        }}
      >
        <label for="words">{t('words')}</label>
        <textarea id="words" rows={12} aria-describedby="words-hint" value={text ?? ''} disabled={text === undefined} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        <div class="buttons">
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <span role="status" class={msg?.error ? 'error' : 'hint'}>
            {msg?.text ?? ''}
          </span>
        </div>
      </form>
    </section>
  );
}

function CannedForm({ initial, onSave, onCancel }: { initial?: Canned; onSave(b: { title: string; text: string }): Promise<void>; onCancel?(): void }) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [text, setText] = useState(initial?.text ?? '');
  const { busy, err, save } = useSave();
  const id = initial?.id ?? 'new';
  return (
    <form
      class="edit"
      onSubmit={(e) => {
        e.preventDefault();
        save(() =>
          onSave({ title, text }).then(() => {
            if (!initial) {
              setTitle('');
              setText('');
            }
          }),
        );
      }}
    >
      <label for={`ct-${id}`}>{t('cannedTitle')}</label>
      <input id={`ct-${id}`} value={title} maxLength={100} required onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <label for={`cx-${id}`}>{t('cannedText')}</label>
      <textarea id={`cx-${id}`} value={text} maxLength={4000} rows={3} required onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      <FormFooter err={err} busy={busy} editing={Boolean(initial)} {...(onCancel ? { onCancel } : {})} />
    </form>
  );
}

export function CannedSection({ call, shop }: { call: Call; shop: string }) {
  const base = `/shops/${encodeURIComponent(shop)}/canned-replies`;
  const { items, error, reload } = useList(() => call<{ items: Canned[] }>('GET', base).then((r) => r.items));
  const [editing, setEditing] = useState<string>();
  return (
    <section class="panel" aria-labelledby="canned-h">
      <h2 id="canned-h">{t('canned')}</h2>
      {error ? <p class="error">{error}</p> : null}
      <CannedForm onSave={(b) => call('POST', base, b).then(reload)} />
      {items && items.length === 0 ? <p class="hint">{t('noCanned')}</p> : null}
      <ul class="entries">
        {(items ?? []).map((c) => (
          <li key={c.id}>
            {editing === c.id ? (
              <CannedForm initial={c} onSave={(b) => call('PUT', `${base}/${encodeURIComponent(c.id)}`, b).then(() => (setEditing(undefined), reload()))} onCancel={() => setEditing(undefined)} />
            ) : (
              <>
                <strong>{c.title}</strong>
                <p>{c.text}</p>
                <div class="buttons">
                  <button type="button" onClick={() => setEditing(c.id)} aria-label={`${t('edit')} ${c.title}`}>
                    {t('edit')}
                  </button>
                  <button type="button" class="danger" onClick={() => confirm(t('confirmDel', c.title)) && void call('DELETE', `${base}/${encodeURIComponent(c.id)}`).then(reload)} aria-label={`${t('del')} ${c.title}`}>
                    {t('del')}
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The error line and the buttons every edit form of this page ends with. */
function FormFooter({ err, busy, editing, onCancel }: { err: string | undefined | null; busy: boolean; editing: boolean; onCancel?: () => void }) {
  return (
    <>
      {err ? (
        <p class="error" role="alert">
          {err}
        </p>
      ) : null}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
          {editing ? t('save') : t('add')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
