/**
 * The emergency numbers the safety advice names. Without the shop's time zone the advice lists the
 * numbers of the places kefu's shops are in; with it, the one number of the shop's country (a Munich
 * shop's buyer was told "911 in the US, 999 in the UK, 119 in China" and never 112, a Singapore
 * shop's 911/999/000 and not 995: outside testers, fortieth session). Pure: no I/O.
 */

/** The lists the advice texts carry (replies.ts), each for one service: a fire, or a body in danger. */
export const NUMBER_LISTS = {
  zhHealth: '（大陆 120，港澳 999，台湾 119，美国和加拿大 911，英国 999，澳大利亚 000）',
  zhFire: '（大陆和台湾 119，港澳 999，美国和加拿大 911，英国 999，澳大利亚 000）',
  enFire: '(911 in the US, 999 in the UK, 119 in China)',
  enAir: '(911 in the US, 999 in the UK, 000 in Australia)',
  enHealth: '(911 in the US, 999 in the UK, 995 in Singapore, 000 in Australia)',
  /** The poison line, the United States' only: a London parent was given it beside 999 (an outside shop, forty-first session). */
  enPoison: '(1-800-222-1222 in the US)',
} as const;

interface Numbers {
  readonly medical: string;
  readonly fire: string;
  /** The country's poison advice line; none known: the advice names none. */
  readonly poison?: string;
  /** Mainland China's: its English-writing buyers are mostly abroad, and keep the lists (found in review). */
  readonly chineseOnly?: true;
}
const same = (n: string): Numbers => ({ medical: n, fire: n });
const US = /^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Juneau|Boise|Detroit|Indiana\/\w+|Kentucky\/\w+|North_Dakota\/\w+)|Pacific\/Honolulu|US\/\w+)$/;
/** Canada's poison centres are provincial: no one number to name. */
const CANADA = /^America\/(?:Toronto|Vancouver|Edmonton|Winnipeg|Regina|Halifax|St_Johns|Montreal|Moncton|Whitehorse|Yellowknife|Iqaluit)$|^Canada\//;
const UK = /^Europe\/(?:London|Belfast|Guernsey|Jersey|Isle_of_Man)$|^GB$/;
/** A zone's numbers, by the zone's name; undefined where kefu does not know them (the lists stay). */
function numbersOf(zone: string): Numbers | undefined {
  if (/^(?:Asia\/(?:Shanghai|Chongqing|Chungking|Harbin|Urumqi|Kashgar)|PRC)$/.test(zone)) return { medical: '120', fire: '119', chineseOnly: true };
  if (/^Asia\/(?:Hong_Kong|Macau|Macao)$|^Hongkong$/.test(zone)) return same('999');
  if (/^Asia\/(?:Taipei|Tokyo|Seoul)$|^(?:ROC|Japan|ROK)$/.test(zone)) return same('119');
  if (zone === 'Asia/Singapore' || zone === 'Singapore') return same('995');
  if (/^Asia\/(?:Kuala_Lumpur|Kuching)$/.test(zone)) return same('999');
  if (/^Asia\/(?:Kolkata|Calcutta)$/.test(zone)) return same('112');
  if (/^Australia\//.test(zone)) return { ...same('000'), poison: '13 11 26' };
  if (zone === 'Pacific/Auckland' || zone === 'NZ') return { ...same('111'), poison: '0800 764 766' };
  if (UK.test(zone)) return { ...same('999'), poison: 'NHS 111' };
  if (/^Europe\//.test(zone)) return same('112');
  if (CANADA.test(zone)) return same('911');
  return US.test(zone) ? { ...same('911'), poison: '1-800-222-1222' } : undefined;
}

const LISTED = Object.values(NUMBER_LISTS);
/** The advice with the shop's own number in place of the lists, when its zone tells the country; unchanged otherwise. */
export function localEmergencyNumbers(text: string, zone: string | null | undefined): string {
  if (!zone || !LISTED.some((l) => text.includes(l))) return text;
  const n = numbersOf(zone);
  if (!n || (n.chineseOnly && !/\p{Script=Han}/u.test(text))) return text;
  return text
    .replaceAll(NUMBER_LISTS.zhHealth, `（${n.medical}）`)
    .replaceAll(NUMBER_LISTS.zhFire, `（${n.fire}）`)
    .replaceAll(NUMBER_LISTS.enFire, `(${n.fire})`)
    .replaceAll(NUMBER_LISTS.enAir, `(${n.medical})`)
    .replaceAll(NUMBER_LISTS.enHealth, `(${n.medical})`)
    .replaceAll(` ${NUMBER_LISTS.enPoison}`, n.poison ? ` (${n.poison})` : '');
}

/** The advice as listed, whichever zone's number it was told with: for reading a reply back as the advice it is. */
export function withListedNumbers(text: string): string {
  // Dropped whole: a zone with no poison line of its own is told none ("13 11 26" has no three digits together).
  return text.replace(/ ?[（(][^（）()]*\d[^（）()]*\d[^（）()]*\d[^（）()]*[）)]/g, '');
}
