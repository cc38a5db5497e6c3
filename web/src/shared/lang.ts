/** The pages' two languages, and what picks one without the DOM (node's tests load this file). */
export type Lang = 'zh' | 'en';

/**
 * The language a card is shown in: that of the robot's sentence it belongs to, so one bubble never
 * mixes two ("+ 1 more · 已发货"). The sentence's first letter decides: an English sentence quotes
 * Chinese titles, carriers and tracking events ("Your order … (米家电动牙刷) is with 中通快递"),
 * which had made its card Chinese (found from outside). Else the page's language.
 */
export function cardLang(text: string, page: Lang): Lang {
  const first = /[A-Za-z]|\p{Script=Han}/u.exec(text)?.[0];
  return first === undefined ? page : /[A-Za-z]/.test(first) ? 'en' : 'zh';
}
