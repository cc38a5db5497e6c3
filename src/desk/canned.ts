/**
 * Canned-reply variables: `{{buyer.name}}`, `{{order.id}}`, `{{order.trackingNo}}`,
 * `{{order.carrier}}`, `{{order.status}}`, `{{order.statusText}}`, `{{shop.id}}` (spaces inside the
 * braces allowed), filled from the conversation's buyer, the buyer's most recent order in the shop
 * and its parcel. `order.status` is the platform's value (`shipped`); `order.statusText` is the
 * robot's name for it in the reply's language: Chinese (`已发货`) when the reply's text has Chinese
 * in it, else English, so a Chinese reply never sends a buyer the raw value.
 *
 * Rules (pure, so the console and tests can rely on them):
 * - A known variable with a value is replaced by it, as is (no escaping: the result is plain text
 *   an agent reads before sending).
 * - A variable without a value (the buyer has no order, the order no parcel) and an unknown
 *   variable both render as the empty string, and are listed in `missing` in order of first use,
 *   each once: the console shows the agent what to fill in instead of sending a wrong value.
 * - Anything that is not `{{ name }}` with a dotted name is left untouched.
 */
import type { Logistics, Order } from '../commerce/index.ts';
import type { OrderStatus } from '../protocol/commerce.ts';
import { ORDER_STATUS } from '../robot/index.ts';

export const CANNED_VARIABLES = ['buyer.name', 'order.id', 'order.trackingNo', 'order.carrier', 'order.status', 'order.statusText', 'shop.id'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];
export type CannedVars = Partial<Record<CannedVariable, string>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)*)\s*\}\}/g;
const KNOWN: ReadonlySet<string> = new Set(CANNED_VARIABLES);

export interface Rendered {
  readonly rendered: string;
  /** The placeholders that rendered empty: known ones without a value and unknown ones. */
  readonly missing: string[];
}

/** Marks where a missing value was, for the tidying after. */
const MISSING = '\u0000';
const MISSING_BEFORE_MARK = new RegExp(` ?${MISSING} ?(?=[,，.。!！?？:：;；)）]|$)`, 'g');
const MISSING_SPACE = new RegExp(` ?${MISSING}`, 'g');

export function renderCannedReply(text: string, vars: CannedVars): Rendered {
  const missing: string[] = [];
  const status = vars['order.status'] as OrderStatus | undefined;
  if (status && vars['order.statusText'] === undefined) vars = { ...vars, 'order.statusText': ORDER_STATUS[/\p{Script=Han}/u.test(text) ? 'zh' : 'en'][status] ?? status };
  const rendered = text.replace(PLACEHOLDER, (_all, name: string) => {
    const value = KNOWN.has(name) ? vars[name as CannedVariable] : undefined;
    if (value !== undefined && value !== '') return value;
    if (!missing.includes(name)) missing.push(name);
    return MISSING;
  });
  // Where a value was missing, no space is left before the punctuation after it ("Hi {{buyer.name}}, your order…" for a buyer
  // whose token has no name rendered "Hi , your order…": an outside tester, forty-first session), nor two spaces.
  return { rendered: missing.length ? rendered.replace(MISSING_BEFORE_MARK, '').replace(MISSING_SPACE, '') : rendered, missing };
}

/** The variables of one conversation: its buyer, shop, the most recent order and that order's parcel. */
export function cannedVars(c: { shopId: string; buyerName: string | null }, order: Order | undefined, parcel: Logistics | undefined): CannedVars {
  const vars: CannedVars = { 'shop.id': c.shopId };
  if (c.buyerName) vars['buyer.name'] = c.buyerName;
  if (order) {
    vars['order.id'] = order.orderId;
    vars['order.status'] = order.status;
  }
  if (parcel) {
    vars['order.trackingNo'] = parcel.trackingNo;
    vars['order.carrier'] = parcel.carrier;
  }
  return vars;
}
