/**
 * The robot's vocabulary: intents, entities, what it understood, and what it says back.
 * Everything here is plain data (JSON-serialisable) so replies can travel in a `message` frame
 * and dialogue state can be stored by the caller between turns.
 */
import type { Card } from '../protocol/cards.ts';

export const INTENTS = [
  'track_parcel',
  'order_status',
  'delivery_estimate',
  'aftersale_progress',
  'return_policy',
  'cancel_order',
  'change_address',
  'invoice',
  'coupon',
  'human',
  'complaint',
  'greeting',
  'bye',
  'faq',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];
export const isIntent = (v: unknown): v is Intent => typeof v === 'string' && (INTENTS as readonly string[]).includes(v);

export type Lang = 'zh' | 'en';

/**
 * `date` values are a local calendar day `YYYY-MM-DD`; `dateRange` an inclusive span
 * `YYYY-MM-DD/YYYY-MM-DD` ("上周", "last month"): not a day the buyer named, but it still narrows
 * which order they mean.
 * `ordinal` is 1-based; negative counts from the end (-1 is the last one).
 */
export type Entity =
  | { readonly type: 'orderId'; readonly value: string }
  | { readonly type: 'phoneTail'; readonly value: string }
  | { readonly type: 'sku'; readonly value: string }
  | { readonly type: 'date'; readonly value: string }
  | { readonly type: 'dateRange'; readonly value: string }
  | { readonly type: 'ordinal'; readonly value: number };
export type EntityType = Entity['type'];

/** Intents about one of the buyer's own orders: the robot looks up their data to answer them. */
export const DATA_INTENTS = ['track_parcel', 'order_status', 'delivery_estimate', 'aftersale_progress', 'cancel_order', 'change_address'] as const;
export type DataIntent = (typeof DATA_INTENTS)[number];
export const isDataIntent = (i: Intent): i is DataIntent => (DATA_INTENTS as readonly string[]).includes(i);

export interface Understanding {
  readonly lang: Lang;
  /** False when the utterance had no letters or Han characters (e.g. just an order number). */
  readonly langDetected: boolean;
  /**
   * The message says enough to move a conversation to another language (a sentence, not "ok" or
   * one abbreviation). Absent: as strong as `langDetected`.
   */
  readonly langStrong?: boolean;
  readonly intent: Intent;
  /** 0..1; how far the winning intent is ahead. */
  readonly confidence: number;
  /** When `intent` is `unknown` but one intent had some support: the robot may ask to confirm it. */
  readonly guess?: Intent;
  /** `intent` was taken from such a guess (one that only reads): the optional LLM is still asked. */
  readonly guessed?: boolean;
  readonly entities: readonly Entity[];
  /** A bare yes/no reply ("好的", "不用", "yes", "nope"), for answering the robot's own questions. */
  readonly yesNo?: 'yes' | 'no';
  /** The normalised text the classifier saw. */
  readonly normalized: string;
  /** The text held a platform's stand-in for a picture or a video ("[图片]"): something shown that the robot cannot see. */
  readonly picture?: true;
  readonly tokens: readonly string[];
  /** Where the intent came from: the rule engine or the optional LLM. */
  readonly source: 'engine' | 'llm';
}

export type { OrderCard, LogisticsCard, AftersaleCard, ChoiceCard, Card } from '../protocol/cards.ts';

/** One bot message: `text` is always a complete plain-text rendering, the card is an extra. */
export interface Reply {
  readonly text: string;
  readonly card?: Card;
}

export type HandoverReason = 'requested' | 'complaint' | 'not_understood';
export interface Handover {
  readonly reason: HandoverReason;
}

/** The lookups the robot may make; used to say what could not be checked. */
export type LookupName = 'orders' | 'logistics' | 'aftersales' | 'faq';
