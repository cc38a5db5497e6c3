/**
 * The structured part of a bot message (`content.card`), as the wire carries it: the robot
 * builds these, clients render them, and `content.text` always carries a plain-text rendering
 * for clients that do not. Statuses are the platform's own names (docs/api.md, webhooks).
 */
import type { AftersaleStatus, AftersaleType, LogisticsStatus, OrderStatus } from './commerce.ts';

export interface OrderCard {
  readonly kind: 'order';
  /** (extension) The IANA zone the robot's text states this card's times in (the shop's own, when it set one): show them in it. */
  readonly timeZone?: string;
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly items: readonly { readonly sku: string; readonly title: string; readonly quantity: number; readonly price: string }[];
  readonly totalAmount: string;
  readonly currency: string;
  readonly createdAt: string;
  /**
   * Masked: the message is stored in history and may be seen by agents and other devices. Absent
   * when the node answering cannot decrypt it (a PII key it does not hold): the rest still answers.
   */
  readonly receiver?: { readonly name: string; readonly phone: string };
}

export interface LogisticsCard {
  readonly kind: 'logistics';
  /** (extension) The IANA zone the robot's text states this card's times in (the shop's own, when it set one): show them in it. */
  readonly timeZone?: string;
  readonly orderId: string;
  readonly carrier: string;
  readonly trackingNo: string;
  readonly status: LogisticsStatus;
  /** Newest first. */
  readonly events: readonly { readonly time: string; readonly location?: string; readonly description: string }[];
}

export interface AftersaleCard {
  readonly kind: 'aftersale';
  /** (extension) The IANA zone the robot's text states this card's times in (the shop's own, when it set one): show them in it. */
  readonly timeZone?: string;
  readonly aftersaleId: string;
  readonly orderId: string;
  readonly type: AftersaleType;
  readonly status: AftersaleStatus;
  readonly amount?: string;
  readonly currency?: string;
  /** The platform's reason, on a rejected or closed request only (the buyer's next question is "why?"). */
  readonly reason?: string;
  readonly updatedAt: string;
}

export interface ChoiceCard {
  readonly kind: 'choice';
  /** (extension) The IANA zone the robot's text states this card's times in (the shop's own, when it set one): show them in it. */
  readonly timeZone?: string;
  readonly options: readonly {
    /** 1-based, as the buyer refers to it ("第二个", "the 2nd one"). */
    readonly index: number;
    readonly orderId: string;
    readonly title: string;
    readonly status: OrderStatus;
    readonly createdAt: string;
    readonly totalAmount: string;
    readonly currency: string;
  }[];
}

export type Card = OrderCard | LogisticsCard | AftersaleCard | ChoiceCard;

/**
 * The `<meta name>` under which kefu's pages are told the shops' time zone (KEFU_TIME_ZONE): a card
 * shows its times in the zone the robot's sentence beside it uses.
 */
export const TIME_ZONE_META = 'kefu-time-zone';
