/**
 * The robot's cards (src/protocol/cards.ts) as the widget and the console show them: an order, a
 * parcel's timeline (newest event first), an after-sale, and a choice among orders whose options
 * are buttons when `onChoose` is given (the widget sends the chosen order id).
 */
import type { AftersaleCard, Card, ChoiceCard, LogisticsCard, OrderCard } from './types.ts';
import { CARD_TIME_ZONE, formatTime, money, statusLabel, type Lang } from './i18n.ts';

const L = {
  zh: { order: '订单', parcel: '物流', aftersale: '售后', total: '合计', receiver: '收货人', choose: '请选择订单', tracking: '运单号', amount: '金额', reason: '原因', updated: '更新于' },
  en: { order: 'Order', parcel: 'Parcel', aftersale: 'After-sale', total: 'Total', receiver: 'Receiver', choose: 'Choose an order', tracking: 'Tracking no.', amount: 'Amount', reason: 'Reason', updated: 'Updated' },
};

function OrderView({ c, lang }: { c: OrderCard; lang: Lang }) {
  const t = L[lang];
  return (
    <article class="card" aria-label={`${t.order} ${c.orderId}`}>
      <header>
        <strong>{t.order}</strong> <span class="mono">{c.orderId}</span> <span class="tag">{statusLabel(lang, c.status)}</span>
      </header>
      <ul class="items">
        {c.items.map((i) => (
          <li key={i.sku}>
            {i.title} × {i.quantity} <span class="price">{money(i.price, c.currency)}</span>
          </li>
        ))}
      </ul>
      <p>
        {t.total} {money(c.totalAmount, c.currency)}{c.receiver ? ` · ${t.receiver} ${c.receiver.name} ${c.receiver.phone}` : ''}
      </p>
    </article>
  );
}

function LogisticsView({ c, lang }: { c: LogisticsCard; lang: Lang }) {
  const t = L[lang];
  return (
    <article class="card logistics" aria-label={`${t.parcel} ${c.carrier} ${c.trackingNo}`}>
      <header>
        <strong>{c.carrier}</strong> <span class="tag">{statusLabel(lang, c.status)}</span>
      </header>
      <p class="sub">
        {t.tracking} <span class="mono">{c.trackingNo}</span> · {t.order} <span class="mono">{c.orderId}</span>
      </p>
      <ol class="timeline">
        {c.events.map((e, i) => (
          <li key={i} class={i === 0 ? 'now' : ''}>
            <time dateTime={e.time}>{formatTime(lang, e.time, true, c.timeZone ?? CARD_TIME_ZONE)}</time>
            <span>
              {e.location ? `${e.location} · ` : ''}
              {e.description}
            </span>
          </li>
        ))}
      </ol>
    </article>
  );
}

function AftersaleView({ c, lang }: { c: AftersaleCard; lang: Lang }) {
  const t = L[lang];
  return (
    <article class="card" aria-label={`${t.aftersale} ${c.aftersaleId}`}>
      <header>
        <strong>
          {t.aftersale} · {statusLabel(lang, c.type)}
        </strong>{' '}
        <span class="tag">{statusLabel(lang, c.status)}</span>
      </header>
      <p class="sub">
        <span class="mono">{c.aftersaleId}</span> · {t.order} <span class="mono">{c.orderId}</span>
      </p>
      {c.amount ? (
        <p>
          {t.amount} {money(c.amount, c.currency)}
        </p>
      ) : null}
      {c.reason ? (
        <p>
          {t.reason}: {c.reason}
        </p>
      ) : null}
      <p class="sub">
        {t.updated} {formatTime(lang, c.updatedAt, true, c.timeZone ?? CARD_TIME_ZONE)}
      </p>
    </article>
  );
}

function ChoiceView({ c, lang, onChoose }: { c: ChoiceCard; lang: Lang; onChoose: ((orderId: string) => void) | undefined }) {
  const t = L[lang];
  return (
    <article class="card" aria-label={t.choose}>
      <ol class="choices">
        {c.options.map((o) => {
          const label = `${o.index}. ${o.title} · ${statusLabel(lang, o.status)} · ${money(o.totalAmount, o.currency)}`;
          return (
            <li key={o.orderId}>
              {onChoose ? (
                <button type="button" class="choice" onClick={() => onChoose(o.orderId)}>
                  {label}
                  <span class="mono sub"> {o.orderId}</span>
                </button>
              ) : (
                <span>
                  {label} <span class="mono sub">{o.orderId}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </article>
  );
}

export function CardView({ card, lang, onChoose }: { card: Card; lang: Lang; onChoose?: (orderId: string) => void }) {
  switch (card.kind) {
    case 'order':
      return <OrderView c={card} lang={lang} />;
    case 'logistics':
      return <LogisticsView c={card} lang={lang} />;
    case 'aftersale':
      return <AftersaleView c={card} lang={lang} />;
    case 'choice':
      return <ChoiceView c={card} lang={lang} onChoose={onChoose} />;
    default:
      return null;
  }
}

