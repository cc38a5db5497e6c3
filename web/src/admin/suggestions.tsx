/**
 * FAQ suggestions learnt from agents: questions the robot could not answer that an agent then
 * answered, offered as a new entry or as another phrasing of an existing one. Accept adds it to
 * the FAQ (the robot answers it from then on); dismiss drops it.
 */
import { useEffect, useState } from 'preact/hooks';
import { lang } from './i18n.ts';
import type { Call } from './main.tsx';

interface Suggestion {
  id: string;
  kind: 'entry' | 'alternate';
  question: string;
  answer: string;
  faqEntryId: string | null;
  confidence: number;
}

const TEXT = {
  zh: {
    title: '待学习的问题',
    hint: '机器人没答上、由客服回答的问题。采纳后机器人以后就能直接回答。',
    none: '暂无建议。',
    entry: '新问题',
    alternate: '补充为已有问题的另一种问法',
    agentSaid: '客服回答',
    accept: '采纳',
    dismiss: '忽略',
  },
  en: {
    title: 'Suggestions',
    hint: 'Questions the robot could not answer that an agent did. Accept one and the robot answers it from now on.',
    none: 'No suggestions.',
    entry: 'New question',
    alternate: 'Another way to ask an existing question',
    agentSaid: 'Agent answered',
    accept: 'Accept',
    dismiss: 'Dismiss',
  },
} as const;

export function SuggestionsSection({ call, shop, onAccepted }: { call: Call; shop: string; onAccepted?(): void }) {
  const s = TEXT[lang === 'zh' ? 'zh' : 'en'];
  const base = `/shops/${encodeURIComponent(shop)}/faq/suggestions`;
  const [items, setItems] = useState<Suggestion[]>();
  const [error, setError] = useState<string>();
  const reload = () =>
    void call<{ items: Suggestion[] }>('GET', base)
      .then((r) => (setItems(r.items), setError(undefined)))
      .catch((e: Error) => setError(e.message));
  useEffect(reload, []);
  const decide = (id: string, action: 'accept' | 'dismiss') =>
    void call('POST', `${base}/${encodeURIComponent(id)}/${action}`)
      .then(() => (reload(), action === 'accept' && onAccepted?.()))
      .catch((e: Error) => setError(e.message));
  return (
    <section class="panel" aria-labelledby="suggestions-h">
      <h2 id="suggestions-h">
        {s.title} <span class="sub">{items ? items.length : ''}</span>
      </h2>
      <p class="hint">{s.hint}</p>
      {error ? <p class="error" role="alert">{error}</p> : null}
      {items && items.length === 0 ? <p class="hint">{s.none}</p> : null}
      <ul class="entries">
        {(items ?? []).map((x) => (
          <li key={x.id}>
            <span class="sub">{x.kind === 'alternate' ? s.alternate : s.entry}</span>
            <strong>{x.question}</strong>
            <p>
              <span class="sub">{s.agentSaid}: </span>
              {x.answer}
            </p>
            <div class="buttons">
              <button type="button" onClick={() => decide(x.id, 'accept')} aria-label={`${s.accept} ${x.question}`}>
                {s.accept}
              </button>
              <button type="button" class="danger" onClick={() => decide(x.id, 'dismiss')} aria-label={`${s.dismiss} ${x.question}`}>
                {s.dismiss}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
