/**
 * The shop admin (GET /admin): live figures (GET /shops/{id}/stats) with inline-SVG charts, the
 * agents and their load, the FAQ, sensitive words, canned replies, the shop's settings, dead commands, and the robot
 * canary for an operator. Sections are addressed by the URL's hash (#overview, #faq, …).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.ts';
import { setDocumentLang, formatTime } from '../shared/i18n.ts';
import { SignIn, signOut, startSession, type Session } from '../shared/session.tsx';
import { BarChart, Meter } from '../shared/chart.tsx';
import { lang, t } from './i18n.ts';
import { CannedSection, FaqSection, WordsSection } from './knowledge.tsx';
import { CanarySection, CommandsSection } from './ops.tsx';
import { SettingsSection } from './settings.tsx';
import { SuggestionsSection } from './suggestions.tsx';
import '../shared/page.css';
import './admin.css';

setDocumentLang(lang);
document.title = `${t('title')} · kefu`;

export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

interface Stats {
  conversations: { opened: number; handedOver: number; closed: number; closedUnanswered?: number };
  firstResponseSeconds: { avg: number | null; p50: number | null; count: number };
  replySeconds: { avg: number | null; count: number };
  resolutionSeconds: { avg: number | null; count: number };
  csat: { rated: number; satisfied: number; share: number | null };
  containment: { closed: number; withoutHuman: number; share: number | null };
}
interface Agent {
  agentId: string;
  name?: string;
  status: string;
  capacity: number;
  active: number;
  connected: boolean;
}

const secs = (v: number | null) => (v === null ? t('none') : v >= 120 ? t('minutes', Math.round(v / 60)) : t('seconds', Math.round(v)));
const pct = (v: number | null) => (v === null ? t('none') : `${Math.round(v * 100)}%`);

function useEvery<T>(load: () => Promise<T>, ms: number, deps: unknown[] = []): [T | undefined, string | undefined, () => void] {
  const [v, setV] = useState<T>();
  const [err, setErr] = useState<string>();
  const run = () =>
    void load()
      .then((x) => (setV(x), setErr(undefined)))
      .catch((e: Error) => setErr(e.message));
  useEffect(() => {
    run();
    const tm = setInterval(run, ms);
    return () => clearInterval(tm);
  }, deps);
  return [v, err, run];
}

function Tile({ label, value, sub }: { label: string; value: string | number; sub?: string }) {
  return (
    <div class="tile">
      <div class="label">{label}</div>
      <div class="value">{value}</div>
      {sub ? <div class="sub">{sub}</div> : null}
    </div>
  );
}

function Figures({ call, shop }: { call: Call; shop: string }) {
  const base = `/shops/${encodeURIComponent(shop)}`;
  const [s, err] = useEvery(() => call<Stats>('GET', `${base}/stats`), 10_000);
  const [queued] = useEvery(() => call<{ conversations: unknown[] }>('GET', '/conversations?state=queued&limit=200').then((r) => r.conversations.length), 10_000);
  const [week] = useEvery(async () => {
    const day0 = new Date();
    day0.setHours(0, 0, 0, 0);
    const days = [6, 5, 4, 3, 2, 1, 0].map((d) => new Date(day0.getTime() - d * 86_400_000));
    const all = await Promise.all(days.map((d) => call<Stats>('GET', `${base}/stats?from=${encodeURIComponent(d.toISOString())}&to=${encodeURIComponent(new Date(d.getTime() + 86_400_000).toISOString())}`)));
    return { labels: days.map((d) => `${d.getMonth() + 1}/${d.getDate()}`), all };
  }, 60_000);
  return (
    <section class="panel" aria-labelledby="fig-h">
      <h2 id="fig-h">
        {t('last24')} <span class="sub">{s ? t('updated', formatTime(lang, Date.now())) : ''}</span>
      </h2>
      {err ? <p class="error">{err}</p> : null}
      {s ? (
        <div class="tiles">
          <Tile label={t('opened')} value={s.conversations.opened} />
          <Tile label={t('handedOver')} value={s.conversations.handedOver} />
          <Tile label={t('closed')} value={s.conversations.closed} sub={s.conversations.closedUnanswered ? t('unanswered', s.conversations.closedUnanswered) : undefined} />
          <Tile label={t('queue')} value={queued ?? '…'} />
          <Tile label={t('frt')} value={secs(s.firstResponseSeconds.avg)} sub={`p50 ${secs(s.firstResponseSeconds.p50)}`} />
          <Tile label={t('reply')} value={secs(s.replySeconds.avg)} />
          <Tile label={t('resolution')} value={secs(s.resolutionSeconds.avg)} />
          <Tile label={t('csat')} value={pct(s.csat.share)} sub={s.csat.rated === 1 ? t('ratedOne') : t('rated', s.csat.rated)} />
          <Tile label={t('containment')} value={pct(s.containment.share)} sub={`${s.containment.withoutHuman}/${s.containment.closed}`} />
        </div>
      ) : null}
      {week ? (
        <BarChart
          title={t('week')}
          labels={week.labels}
          series={[
            { label: t('opened'), values: week.all.map((x) => x.conversations.opened), color: '#0b5cad' },
            { label: t('handedOver'), values: week.all.map((x) => x.conversations.handedOver), color: '#9a6700' },
            { label: t('closed'), values: week.all.map((x) => x.conversations.closed), color: '#1a7f37' },
          ]}
        />
      ) : null}
    </section>
  );
}

function Agents({ call, shop }: { call: Call; shop: string }) {
  const [r, err] = useEvery(() => call<{ agents: Agent[] }>('GET', `/shops/${encodeURIComponent(shop)}/agents`), 10_000);
  const status = (s: string) => (s === 'online' ? t('online') : s === 'away' ? t('away') : t('offline'));
  return (
    <section class="panel" aria-labelledby="agents-h">
      <h2 id="agents-h">{t('agents')}</h2>
      {err ? <p class="error">{err}</p> : null}
      {r && r.agents.length === 0 ? <p class="hint">{t('noAgents')}</p> : null}
      {r && r.agents.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('agent')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('load')}</th>
              <th scope="col">{t('connected')}</th>
            </tr>
          </thead>
          <tbody>
            {r.agents.map((a) => (
              <tr key={a.agentId}>
                <td>
                  {a.name ?? a.agentId} <span class="sub mono">{a.agentId}</span>
                </td>
                <td>
                  <span class={`tag s-${a.status}`}>{status(a.status)}</span>
                </td>
                <td class="load">
                  <Meter value={a.active} max={a.capacity} label={`${a.name ?? a.agentId} ${t('load')}`} /> {a.active}/{a.capacity}
                </td>
                <td>{a.connected ? t('yes') : t('no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

const SECTIONS = ['overview', 'faq', 'words', 'canned', 'settings', 'commands', 'canary'] as const;
type Section = (typeof SECTIONS)[number];

function useSection(): Section {
  const read = () => (SECTIONS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as Section) : 'overview';
  const [s, setS] = useState<Section>(read);
  useEffect(() => {
    const on = () => setS(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return s;
}

function Admin({ session }: { session: Session }) {
  const section = useSection();
  // An accepted suggestion changed the FAQ: the list above it reads it again.
  const [faqRead, setFaqRead] = useState(0);
  const call: Call = async (method, path, body) => {
    try {
      return await api(session.token, method, path, body !== undefined ? { body } : {});
    } catch (e) {
      const fresh = (e as { status?: number }).status === 401 ? await session.renew() : undefined;
      if (!fresh) throw e;
      session.token = fresh;
      return api(session.token, method, path, body !== undefined ? { body } : {});
    }
  };
  const shop = session.shopId;
  return (
    <div class="app admin">
      <header class="top">
        <h1>
          {t('title')} <span class="sub">{shop}</span>
        </h1>
        <div class="me">
          <span>{session.claims.name ?? session.claims.sub}</span>{' '}
          <button type="button" class="link light" onClick={() => signOut('admin')}>
            {t('signOut')}
          </button>
        </div>
      </header>
      <nav class="tabs" aria-label={t('nav')}>
        {SECTIONS.map((s) => (
          <a key={s} href={`#${s}`} aria-current={s === section ? 'page' : undefined}>
            {t(s)}
          </a>
        ))}
      </nav>
      <main class="content">
        {section === 'overview' ? (
          <>
            <Figures call={call} shop={shop} />
            <Agents call={call} shop={shop} />
          </>
        ) : null}
        {section === 'faq' ? <FaqSection key={faqRead} call={call} shop={shop} /> : null}
        {section === 'faq' ? <SuggestionsSection call={call} shop={shop} onAccepted={() => setFaqRead((n) => n + 1)} /> : null}
        {section === 'words' ? <WordsSection call={call} shop={shop} /> : null}
        {section === 'canned' ? <CannedSection call={call} shop={shop} /> : null}
        {section === 'settings' ? <SettingsSection call={call} shop={shop} /> : null}
        {section === 'commands' ? <CommandsSection call={call} shop={shop} /> : null}
        {section === 'canary' ? <CanarySection /> : null}
      </main>
    </div>
  );
}

async function main() {
  const root = document.getElementById('app')!;
  const session = await startSession('admin', ['cs:admin']);
  if (typeof session !== 'object') {
    render(<SignIn lang={lang} error={session} examples={['/admin?demo=admin_1']} />, root);
    return;
  }
  render(<Admin session={session} />, root);
}

void main();
