/** The right-hand panel: the buyer's orders, parcels and after-sales (masked, with an audited reveal), and shop actions (commands). */
import { useEffect, useState } from 'preact/hooks';
import { useStore } from '../shared/store.ts';
import { formatTime, money, statusLabel } from '../shared/i18n.ts';
import { freshId } from '../shared/api.ts';
import type { Desk } from './desk.ts';
import { lang, t } from './i18n.ts';

/** A command's status in the console's words (the admin's pages keep their own labels, in admin/i18n.ts). */
const STATUS_KEYS = { pending: 'st_pending', running: 'st_running', retrying: 'st_retrying', succeeded: 'st_succeeded', dead: 'st_dead', resolved: 'st_resolved' } as const;
const commandStatus = (status: string) => (status in STATUS_KEYS ? t(STATUS_KEYS[status as keyof typeof STATUS_KEYS]) : status);

interface Order {
  orderId: string;
  status: string;
  items: Array<{ sku: string; title: string; quantity: number; price: string }>;
  totalAmount: string;
  currency: string;
  createdAt: string;
  receiver: { name: string; phone: string; address: string };
  /** The order's terms, when the platform sent them: what the agent is asked about before a parcel exists. */
  shipBy?: string;
  payBy?: string;
  cancelReason?: string;
}
interface Parcel {
  orderId: string;
  carrier: string;
  trackingNo: string;
  status: string;
  events: Array<{ time: string; location?: string; description: string }>;
}
interface Aftersale {
  aftersaleId: string;
  orderId: string;
  type: string;
  status: string;
  amount?: string;
}
interface Panel {
  buyerId: string;
  buyerName?: string;
  orders: Order[];
  /** Every parcel of the orders; an order may have several. */
  logistics: Parcel[];
  aftersales: Aftersale[];
}

/**
 * Keyed by conversation and order where it is used: a new one starts masked. (An effect resetting
 * it ran after the next paint, which a page in the background may not have for a while, and then
 * hid a value revealed in between.)
 */
function Reveal({ desk, conv, orderId, field, masked }: { desk: Desk; conv: string; orderId: string; field: 'phone' | 'address'; masked: string }) {
  const [value, setValue] = useState<string>();
  const reveal = () =>
    desk
      .call<{ value: string }>('POST', `/conversations/${encodeURIComponent(conv)}/buyer/reveal`, { orderId, field })
      .then((r) => setValue(r.value))
      .catch((e: Error) => desk.notify(t('failed', e.message), true));
  return (
    <span>
      {value ?? masked}{' '}
      {value ? (
        <em class="hint">({t('revealed')})</em>
      ) : (
        <button type="button" class="link" aria-label={`${t('reveal')} ${t(field)} ${orderId}`} onClick={() => void reveal()}>
          {t('reveal')}
        </button>
      )}
    </span>
  );
}

/** One parcel's line: carrier, tracking number, status and its latest event. */
function ParcelLine({ p }: { p: Parcel }) {
  const last = p.events[p.events.length - 1];
  return (
    <div class="sub">
      {p.carrier} {p.trackingNo} · {statusLabel(lang, p.status)}
      {last ? ` · ${last.description}` : ''}
    </div>
  );
}

/**
 * The order's terms the platform sent: the payment deadline while it is unpaid (after that it is
 * history), the promised dispatch unless it was cancelled (shipped late is still worth seeing), why
 * it was cancelled.
 */
function OrderTerms({ o }: { o: Order }) {
  const terms = [
    o.payBy && o.status === 'pending_payment' ? t('payBy', formatTime(lang, o.payBy, true)) : undefined,
    o.shipBy && o.status !== 'cancelled' ? t('shipBy', formatTime(lang, o.shipBy, true)) : undefined,
    o.cancelReason ? t('cancelReason', o.cancelReason) : undefined,
  ].filter((x): x is string => x !== undefined);
  return terms.length ? <div class="sub terms">{terms.join(' · ')}</div> : null;
}

/** An order with every parcel it shipped in (a split shipment has several, each its own tracking number). */
function OrderItem({ desk, conv, o, parcels }: { desk: Desk; conv: string; o: Order; parcels: Parcel[] }) {
  return (
    <li class="order">
      <div>
        <span class="mono">{o.orderId}</span> <span class="tag">{statusLabel(lang, o.status)}</span> {money(o.totalAmount, o.currency)}
      </div>
      <div class="sub">{o.items.map((i) => `${i.title} × ${i.quantity}`).join('；')}</div>
      <OrderTerms o={o} />
      {parcels.map((p) => (
        <ParcelLine key={p.trackingNo} p={p} />
      ))}
      <dl class="receiver">
        <dt>{t('receiver')}</dt>
        <dd>{o.receiver.name}</dd>
        <dt>{t('phone')}</dt>
        <dd>
          <Reveal key={`${conv}:${o.orderId}:phone`} desk={desk} conv={conv} orderId={o.orderId} field="phone" masked={o.receiver.phone} />
        </dd>
        <dt>{t('address')}</dt>
        <dd>
          <Reveal key={`${conv}:${o.orderId}:address`} desk={desk} conv={conv} orderId={o.orderId} field="address" masked={o.receiver.address} />
        </dd>
      </dl>
    </li>
  );
}

export function BuyerPanel({ desk, conv }: { desk: Desk; conv: string }) {
  const [panel, setPanel] = useState<{ conv: string; p?: Panel; error?: string }>();
  useEffect(() => {
    setPanel(undefined);
    desk
      .panel<Panel>(conv)
      .then((p) => setPanel({ conv, p }))
      .catch((e: Error) => setPanel({ conv, error: e.message }));
  }, [conv]);
  const p = panel?.conv === conv ? panel.p : undefined;
  return (
    <section class="panel" aria-labelledby="buyer-h">
      <h2 id="buyer-h">
        {t('buyer')} {p ? `· ${p.buyerName ?? p.buyerId}` : ''}
      </h2>
      {panel?.error ? <p class="error">{panel.error}</p> : null}
      {p ? (
        <>
          <h3>{t('orders')}</h3>
          {p.orders.length ? (
            <ul class="orders">
              {p.orders.map((o) => (
                <OrderItem key={o.orderId} desk={desk} conv={conv} o={o} parcels={p.logistics.filter((l) => l.orderId === o.orderId)} />
              ))}
            </ul>
          ) : (
            <p class="hint">{t('noOrders')}</p>
          )}
          {p.aftersales.length ? (
            <>
              <h3>{t('aftersales')}</h3>
              <ul class="orders">
                {p.aftersales.map((a) => (
                  <li key={a.aftersaleId}>
                    <span class="mono">{a.aftersaleId}</span> {statusLabel(lang, a.type)} · <span class="tag">{statusLabel(lang, a.status)}</span> {a.amount ? money(a.amount) : ''}
                    <div class="sub">
                      {t('order')} <span class="mono">{a.orderId}</span>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

type Kind = 'coupon.issue' | 'price.change' | 'inventory.lock';
/** Coupons above this many yuan ask the agent to confirm. */
const CONFIRM_COUPON_ABOVE = 1000;

function CommandForm({ desk, kind, buyerId, conv, skus, done }: { desk: Desk; kind: Kind; buyerId: string; conv: string; skus: string[]; done(): void }) {
  const [f, setF] = useState({ amount: '10.00', sku: skus[0] ?? '', price: '', quantity: '1', ttl: '900', orderId: '' });
  // One key per filled-in form: a double submit or a retry after a network error is the same command.
  const [key] = useState(() => freshId('k'));
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const payload = (): Record<string, unknown> => {
    if (kind === 'coupon.issue') return { userId: buyerId, amount: f.amount };
    if (kind === 'price.change') return { sku: f.sku, price: f.price };
    return { sku: f.sku, quantity: Number(f.quantity), ttlSeconds: Number(f.ttl), ...(f.orderId ? { orderId: f.orderId } : {}) };
  };
  const field = (k: keyof typeof f, label: string, type: 'text' | 'number' = 'text') => (
    <label>
      {label}
      <input type={type} value={f[k]} onInput={set(k)} required={k !== 'orderId'} list={k === 'sku' ? 'skus' : undefined} />
    </label>
  );
  return (
    <form
      class="cmd-form"
      onSubmit={(e) => {
        e.preventDefault();
        // Money goes out at once and is not taken back: a large coupon (a typo's extra zeros) is confirmed first.
        if (kind === 'coupon.issue' && Number(f.amount) > CONFIRM_COUPON_ABOVE && !confirm(t('bigCoupon', f.amount))) return;
        desk
          .command(kind, payload(), conv, key)
          .then(done)
          .catch((err: Error) => desk.notify(t('failed', err.message), true));
      }}
    >
      <datalist id="skus">
        {skus.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {kind === 'coupon.issue' ? field('amount', t('amount')) : null}
      {kind !== 'coupon.issue' ? field('sku', t('sku')) : null}
      {kind === 'price.change' ? field('price', t('newPrice')) : null}
      {kind === 'inventory.lock' ? (
        <>
          {field('quantity', t('quantity'), 'number')}
          {field('ttl', t('ttl'), 'number')}
          {field('orderId', t('orderId'))}
        </>
      ) : null}
      <button type="submit" class="primary">
        {t('submit')}
      </button>
    </form>
  );
}

export function Commands({ desk, conv }: { desk: Desk; conv: string | undefined }) {
  const s = useStore(desk.store);
  const [open, setOpen] = useState<Kind>();
  const [skus, setSkus] = useState<string[]>([]);
  const c = conv ? s.convs[conv] : undefined;
  useEffect(() => {
    setOpen(undefined);
    if (!conv) return;
    desk
      .panel<Panel>(conv)
      .then((p) => setSkus([...new Set(p.orders.flatMap((o) => o.items.map((i) => i.sku)))]))
      .catch(() => setSkus([]));
  }, [conv]);
  const avail = s.commandsAvailable;
  const why = avail === 'no-route' ? t('cmdNoRoute') : avail === 'forbidden' ? t('cmdForbidden') : avail === 'unknown' ? t('cmdUnknown') : '';
  const kinds: Array<[Kind, string]> = [
    ['coupon.issue', t('coupon')],
    ['price.change', t('price')],
    ['inventory.lock', t('lock')],
  ];
  // This buyer's actions only, in words (found from outside: the whole shop's, as raw type and status).
  const kindLabel = new Map<string, string>(kinds);
  const mine = s.commands.filter((cmd) => (c && cmd.payload?.userId === c.buyerId) || (conv && cmd.conversationId === conv));
  return (
    <section class="panel" aria-labelledby="cmd-h">
      <h2 id="cmd-h">{t('commands')}</h2>
      <div class="cmd-buttons">
        {kinds.map(([k, label]) => (
          <button key={k} type="button" disabled={avail !== 'yes' || !c} aria-pressed={open === k} aria-describedby={why ? 'cmd-why' : undefined} onClick={() => setOpen(open === k ? undefined : k)}>
            {label}
          </button>
        ))}
      </div>
      {why ? (
        <p class="hint" id="cmd-why">
          {why}
        </p>
      ) : null}
      {open && c && conv ? <CommandForm key={`${open}${conv}`} desk={desk} kind={open} buyerId={c.buyerId} conv={conv} skus={skus} done={() => setOpen(undefined)} /> : null}
      {mine.length ? (
        <>
          <h3>{t('recent')}</h3>
          <ul class="commands" aria-live="polite">
            {mine.slice(0, 8).map((cmd) => (
              <li key={cmd.commandId} data-command={cmd.commandId} data-type={cmd.commandType} data-status={cmd.status}>
                <span>{kindLabel.get(cmd.commandType) ?? cmd.commandType}</span>
                {typeof cmd.payload?.amount === 'string' ? <span> ¥{cmd.payload.amount}</span> : null}{' '}
                <span class={`tag st-${cmd.status}`}>{commandStatus(cmd.status)}</span>
                {cmd.attempts > 1 ? <span class="sub"> {t('tries', cmd.attempts)}</span> : null}
                {cmd.createdAt ? <span class="sub"> {formatTime(lang, cmd.createdAt)}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
